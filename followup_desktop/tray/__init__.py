"""The app outside its window: tray icon, notifications and when to show them, a single running
instance, and starting at login.

`schedule` is the pure decision of what to tell when (no Qt); the rest is the Qt side. The
names below are imported on first use, so the single-instance check at start-up does not load
the tray (the window is painted first, the tray joins right after).
"""

_LAZY = {
    "DesktopIntegration": ".controller",
    "install_desktop_integration": ".controller",
    "SingleInstance": ".single_instance",
}


def __getattr__(name: str):
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    from importlib import import_module

    value = getattr(import_module(module, __name__), name)
    globals()[name] = value
    return value


__all__ = ["DesktopIntegration", "install_desktop_integration", "SingleInstance"]
