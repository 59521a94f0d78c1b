"""Render the app icon (resources/followup-desktop.svg) to the PNG sizes the app loads.

    python packaging/render_icons.py

The SVG is the source; the PNGs in resources/icons/ are what the window and the tray show, so
that start-up does not load Qt's SVG engine (~3 MB) to draw one icon. Run this after changing
the SVG and commit the PNGs; `tests/test_ui_app.py` checks they still match it.
"""

from __future__ import annotations

import sys
from pathlib import Path

SIZES = (16, 22, 24, 32, 48, 64, 128, 256)
ROOT = Path(__file__).resolve().parent.parent
SVG = ROOT / "resources" / "followup-desktop.svg"
OUT = ROOT / "resources" / "icons"


def render(size: int):
    """The SVG drawn at size x size, transparent around it."""
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    image = QImage(size, size, QImage.Format_ARGB32_Premultiplied)
    image.fill(Qt.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.Antialiasing)
    QSvgRenderer(str(SVG)).render(painter)
    painter.end()
    return image


def main() -> int:
    from PySide6.QtGui import QGuiApplication

    app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])  # noqa: F841 (fonts, image IO)
    OUT.mkdir(exist_ok=True)
    for size in SIZES:
        path = OUT / f"followup-desktop-{size}.png"
        if not render(size).save(str(path), "PNG"):
            print(f"could not write {path}", file=sys.stderr)
            return 1
        print(path.relative_to(ROOT))
    return 0


if __name__ == "__main__":
    sys.exit(main())
