"""Building every window once, for `--self-test` (offscreen when there is no display)."""

from __future__ import annotations

import os


def build_every_window(paths) -> str:
    if not os.environ.get("DISPLAY") and not os.environ.get("WAYLAND_DISPLAY"):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    if os.environ.get("QT_QPA_PLATFORM") == "offscreen":
        # the offscreen platform warns about window-manager hints it cannot honour
        os.environ.setdefault("QT_LOGGING_RULES", "qt.qpa.*=false")
    from .app import build, make_application

    app = make_application()
    workspace, window = build(paths)
    window.show()
    workspace.load()
    app.processEvents()
    built = ["main window"]
    shown = window.isVisible()
    rows = window.proxy.rowCount()
    if rows:
        window.table.selectRow(0)
        app.processEvents()
    for name, make in _other_windows(window, workspace):
        widget = make()
        widget.show()
        app.processEvents()
        widget.close()
        built.append(name)
    window.close()
    workspace.close()
    if not shown:
        raise RuntimeError("the main window did not show")
    return f"{', '.join(built)} built ({app.platformName()}), {rows} application(s) listed"


def _other_windows(window, workspace):
    """Every other window the app can open, built with the sample data."""
    from .dialogs import ApplicationDialog, ContactsDialog, LogEventDialog, SettingsDialog

    yield "application dialog", lambda: ApplicationDialog(workspace.employers(), None, window)
    yield "contacts dialog", lambda: ContactsDialog("Acme Corp", [], window)
    for form in ("applied", "interview", "thank_you", "call", "email", "reply", "note", "closed"):
        yield f"log {form}", lambda f=form: LogEventDialog(f, [], now=workspace.now(), parent=window)
    yield "settings", lambda: SettingsDialog(workspace.settings(), window)
    from .dialogs.report import ReportDialog

    yield "activity report", lambda: ReportDialog(workspace.now().date(), "A4", window)
    try:
        from .compose import ComposeWindow
        from .template_editor import TemplateEditor
    except ImportError:
        return
    actions = workspace.actions()
    if actions:
        yield "compose", lambda: ComposeWindow(workspace, action=actions[0])
    yield "templates", lambda: TemplateEditor(workspace, parent=window)
