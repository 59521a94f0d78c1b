"""Building every window once, for `--self-test` (offscreen when there is no display)."""

from __future__ import annotations

import os


def build_every_window(paths) -> str:
    if not os.environ.get("DISPLAY") and not os.environ.get("WAYLAND_DISPLAY"):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QDeadlineTimer, QThreadPool

    from .app import MainWindow, make_application

    app = make_application()
    window = MainWindow(paths)
    window.show()
    window.reload()
    QThreadPool.globalInstance().waitForDone(QDeadlineTimer(10_000))
    app.processEvents()
    shown = window.isVisible()
    rows = window.model.rowCount()
    window.close()
    if not shown:
        raise RuntimeError("the main window did not show")
    return f"main window shown ({app.platformName()}), {rows} follow-up(s) listed"
