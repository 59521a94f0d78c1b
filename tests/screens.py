"""What the screenshot scripts share: a dark palette, waiting for paint, and a cropped shot.

The scripts (`tests/screenshots_*.py`) run by hand on a real X server:

    Xvfb :77 -screen 0 1400x900x24 &
    DISPLAY=:77 QT_QPA_PLATFORM=xcb python tests/screenshots_main.py
"""

from __future__ import annotations

import subprocess
from pathlib import Path

from PySide6.QtCore import QEventLoop, QTimer
from PySide6.QtGui import QColor, QPalette


def dark_palette() -> QPalette:
    """A dark palette like a desktop's dark theme, to check that every colour stays legible."""
    p = QPalette()
    window, base, text = QColor(45, 45, 48), QColor(30, 30, 32), QColor(230, 230, 230)
    for role, color in ((QPalette.Window, window), (QPalette.WindowText, text), (QPalette.Base, base),
                        (QPalette.AlternateBase, window), (QPalette.ToolTipBase, window),
                        (QPalette.ToolTipText, text), (QPalette.Text, text), (QPalette.Button, window),
                        (QPalette.ButtonText, text), (QPalette.Highlight, QColor(42, 130, 218)),
                        (QPalette.HighlightedText, QColor(255, 255, 255)),
                        (QPalette.PlaceholderText, QColor(150, 150, 150)),
                        # the bevels: without them Fusion draws unticked boxes and frames nearly
                        # invisible (a desktop's dark theme sets them too)
                        (QPalette.Light, QColor(90, 90, 96)), (QPalette.Midlight, QColor(70, 70, 75)),
                        (QPalette.Mid, QColor(110, 110, 118)), (QPalette.Dark, QColor(20, 20, 22)),
                        (QPalette.Shadow, QColor(0, 0, 0))):
        p.setColor(role, color)
    for role in (QPalette.Text, QPalette.ButtonText, QPalette.WindowText):
        p.setColor(QPalette.Disabled, role, QColor(120, 120, 120))
    return p


def wait(ms: int = 300) -> None:
    """Let the event loop run (layouts, paints) for a while."""
    loop = QEventLoop()
    QTimer.singleShot(ms, loop.quit)
    loop.exec()


def shoot(widget, path: Path) -> Path:
    """Show a top-level widget and save the screen's pixels under it."""
    widget.move(20, 20)
    widget.show()
    widget.raise_()
    widget.activateWindow()
    wait()
    g = widget.frameGeometry()
    r = widget.devicePixelRatioF()  # QT_SCALE_FACTOR=2: the screen's pixels are twice the widget's
    w, h, x, y = (round(v * r) for v in (g.width(), g.height(), g.x(), g.y()))
    subprocess.run(["import", "-window", "root", "-crop", f"{w}x{h}+{x}+{y}", str(path)], check=True)
    return path


def start(argv, *, fill=None, clock=None, after=None):
    """What every screenshot script starts with: the output folder (argv[1], default /tmp/shots)
    and the flags after it ("dark", "empty"), the app (Fusion and `dark_palette()` when dark), a
    throw-away data dir, the workspace and the main window over it, filled by `fill(path)` (an
    exchange file written to `path`, imported unless "empty"), then `after(workspace)` (more to
    bring in), read and shown. Returns a namespace: app, out, dark, empty, suffix, workspace, window."""
    import tempfile
    from pathlib import Path
    from types import SimpleNamespace

    from followup_desktop.exchange.jsonfile import import_json
    from followup_desktop.paths import DataPaths
    from followup_desktop.ui.app import build, make_application

    out = Path(argv[1] if len(argv) > 1 else "/tmp/shots")
    flags = set(argv[2:])
    dark, empty = "dark" in flags, "empty" in flags
    out.mkdir(parents=True, exist_ok=True)
    app = make_application()
    if dark:
        app.setStyle("Fusion")
        app.setPalette(dark_palette())
    tmp = Path(tempfile.mkdtemp())
    workspace, window = build(DataPaths(tmp / "data").ensure(), clock=clock)
    if fill is not None and not empty:
        f = tmp / "s.json"
        fill(f)
        import_json(workspace.store, f)
    if after is not None:
        after(workspace)
    workspace.load()
    window.show()
    suffix = ("-dark" if dark else "") + ("-empty" if empty else "")
    return SimpleNamespace(app=app, out=out, dark=dark, empty=empty, suffix=suffix,
                           workspace=workspace, window=window)


def run(app, step, ms: int = 600) -> None:
    """Run the event loop, calling `step()` once after `ms` (it ends with `app.quit()`)."""
    QTimer.singleShot(ms, step)
    app.exec()


def fit(app, window) -> None:
    """The main window at a laptop's size, at the top left of the screen."""
    screen = app.primaryScreen().availableGeometry()
    window.resize(min(1366, screen.width()), min(740, screen.height() - 28))
    window.move(0, 0)


def shoot_root(path) -> None:
    """The whole screen, after the window had time to paint."""
    wait(400)
    subprocess.run(["import", "-window", "root", str(path)], check=True)
