"""The tray icon with a count of what is due now painted on it.

Painted once per size a tray may ask for, times the screens' device pixel ratio (HiDPI trays
get a real 2x/4x bitmap), so the number stays crisp instead of being scaled from one bitmap. Not
bigger than the screens need: each 256 px bitmap is a quarter of a megabyte held for nothing on
an ordinary screen.
"""

from __future__ import annotations

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QFont, QIcon, QPainter, QPen, QPixmap

from ..desktop.icons import icon_sizes

#: the sizes trays ask for, in device-independent pixels
SIZES = (16, 20, 22, 24, 32, 40, 44, 48, 64)
#: the bitmaps for HiDPI screens (see `icon_sizes`)
HIDPI_SIZES = (96, 128, 256)


def badge_text(count: int) -> str:
    return "" if count <= 0 else (str(count) if count < 100 else "99+")


def paint_badge(base: QIcon, size: int, count: int) -> QPixmap:
    pixmap = QPixmap(size, size)
    pixmap.fill(Qt.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.Antialiasing)
    painter.setRenderHint(QPainter.SmoothPixmapTransform)
    base.paint(painter, 0, 0, size, size)
    text = badge_text(count)
    if text:
        # The badge covers the lower right; at tray sizes the digits must stay readable, so it
        # grows with the number of characters rather than shrinking the font.
        h = max(9.0, size * 0.58)
        w = max(h, h * (0.42 + 0.36 * len(text)))
        w = min(w, float(size))
        rect = QRectF(size - w, size - h, w, h)
        painter.setPen(QPen(QColor("#ffffff"), max(1.0, size / 24)))
        painter.setBrush(QColor("#c62828"))
        painter.drawRoundedRect(rect.adjusted(0.5, 0.5, -0.5, -0.5), h / 2, h / 2)
        font = QFont()
        font.setBold(True)
        font.setPixelSize(max(7, int(h * (0.78 if len(text) == 1 else 0.66))))
        painter.setFont(font)
        painter.setPen(QColor("#ffffff"))
        painter.drawText(rect, Qt.AlignCenter, text)
    painter.end()
    return pixmap


def badge_icon(base: QIcon, count: int, ratio: float | None = None) -> QIcon:
    """`base` with `count` painted on it (nothing painted for 0), for screens of up to `ratio`
    (default: the largest of the screens now connected)."""
    icon = QIcon()
    for size in icon_sizes(SIZES + HIDPI_SIZES, ratio):
        icon.addPixmap(paint_badge(base, size, count))
    return icon


__all__ = ["badge_icon", "badge_text", "paint_badge", "SIZES", "HIDPI_SIZES"]
