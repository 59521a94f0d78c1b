"""Render the app icon (resources/followup-desktop.svg) to the PNG sizes the app loads, and to
the icon files of the Windows and macOS builds.

    python packaging/render_icons.py

The SVG is the source; the PNGs in resources/icons/ are what the window and the tray show, so
that start-up does not load Qt's SVG engine (~3 MB) to draw one icon. The same renders go into
packaging/windows/followup-desktop.ico (16 to 256 px) and, with 512 and 1024 px ones,
packaging/macos/followup-desktop.icns, where the PyInstaller spec looks for them. Both are
containers of PNG images, written here with the standard library (Qt's ICO writer stores one
image per file). Run this after changing the SVG and commit what it writes;
`tests/test_ui_app.py` checks the PNGs still match the SVG, `tests/test_packaging.py` that the
ICO and ICNS hold them.
"""

from __future__ import annotations

import struct
import sys
from pathlib import Path

SIZES = (16, 22, 24, 32, 48, 64, 128, 256)
ROOT = Path(__file__).resolve().parent.parent
SVG = ROOT / "resources" / "followup-desktop.svg"
OUT = ROOT / "resources" / "icons"
ICO = ROOT / "packaging" / "windows" / "followup-desktop.ico"
ICNS = ROOT / "packaging" / "macos" / "followup-desktop.icns"
#: the sizes in the Windows icon (Explorer, the task bar, the Start menu, at every scaling)
ICO_SIZES = (16, 20, 24, 32, 40, 48, 64, 128, 256)
#: the macOS icon's PNG elements: (type, pixels), 1x and 2x (Retina) of 16, 32, 128, 256, 512
ICNS_TYPES = (("icp4", 16), ("ic11", 32), ("icp5", 32), ("ic12", 64), ("ic07", 128), ("ic13", 256),
              ("ic08", 256), ("ic14", 512), ("ic09", 512), ("ic10", 1024))


def ico_bytes(pngs: dict[int, bytes]) -> bytes:
    """A Windows .ico holding these PNG images (by size; PNG entries need Windows Vista or later)."""
    sizes = sorted(pngs)
    header = struct.pack("<HHH", 0, 1, len(sizes))
    offset = len(header) + 16 * len(sizes)
    entries, images = b"", b""
    for size in sizes:
        data = pngs[size]
        # width and height are one byte each: 0 stands for 256
        entries += struct.pack("<BBBBHHII", size % 256, size % 256, 0, 0, 1, 32, len(data), offset)
        images += data
        offset += len(data)
    return header + entries + images


def icns_bytes(pngs: dict[int, bytes]) -> bytes:
    """A macOS .icns holding ICNS_TYPES, each from the PNG of its size."""
    elements = b"".join(kind.encode("ascii") + struct.pack(">I", 8 + len(pngs[size])) + pngs[size]
                        for kind, size in ICNS_TYPES)
    return b"icns" + struct.pack(">I", 8 + len(elements)) + elements


def png_bytes(image) -> bytes:
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice

    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.WriteOnly)
    if not image.save(buffer, "PNG"):
        raise OSError("could not encode a PNG")
    buffer.close()
    return bytes(data.data())


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
    pngs = {}
    for size in sorted(set(SIZES) | set(ICO_SIZES) | {s for _, s in ICNS_TYPES}):
        pngs[size] = png_bytes(render(size))
    for size in SIZES:
        path = OUT / f"followup-desktop-{size}.png"
        path.write_bytes(pngs[size])
        print(path.relative_to(ROOT))
    for path, data in ((ICO, ico_bytes({s: pngs[s] for s in ICO_SIZES})), (ICNS, icns_bytes(pngs))):
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
        print(path.relative_to(ROOT))
    return 0


if __name__ == "__main__":
    sys.exit(main())
