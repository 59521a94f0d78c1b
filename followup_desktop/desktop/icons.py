"""The app's icon, from its PNG renders, for the window, the task switcher and the tray."""

from __future__ import annotations

from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication

from ..resources import resource_path

#: the sizes rendered from the SVG (packaging/render_icons.py)
ICON_SIZES = (16, 22, 24, 32, 48, 64, 128, 256)

#: the largest icon a screen shows, in device-independent pixels (tray, title bar, task switcher)
ICON_LIMIT = 64


def icon_sizes(sizes, ratio: float | None = None) -> tuple[int, ...]:
    """Of these bitmap sizes, the ones worth holding for screens of up to `ratio` device pixels
    per pixel (default: the largest of the screens connected, 4 before there is an app): HiDPI
    screens get sharp big bitmaps, ordinary ones do not hold 256 px ones they never show."""
    if ratio is None:
        screens = QApplication.screens() if QApplication.instance() is not None else []
        ratio = max((screen.devicePixelRatio() for screen in screens), default=4.0)
    return tuple(s for s in sizes if s <= ICON_LIMIT * max(ratio, 1.0))


def app_icon() -> QIcon:
    """The app icon from its PNG renders (the SVG would load Qt's SVG engine, ~3 MB, to draw
    it), at the sizes the screens need (`icon_sizes`)."""
    icon = QIcon()
    for size in icon_sizes(ICON_SIZES):
        icon.addFile(str(resource_path(f"icons/followup-desktop-{size}.png")))
    return icon


__all__ = ["ICON_SIZES", "ICON_LIMIT", "icon_sizes", "app_icon"]
