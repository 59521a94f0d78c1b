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
