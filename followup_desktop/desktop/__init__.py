"""The app's place on the desktop, outside its windows and its tray: one running copy per data
dir (`single_instance`), starting at login (`autostart`) and the app's icon (`icons`).

Both `ui/` and `tray/` may use these; nothing here imports either of them. Each module is
imported on first use (the single-instance check runs before the window is built).
"""
