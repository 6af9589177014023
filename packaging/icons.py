"""Render the app icon's raster forms from its one SVG source.

Every platform wants its own container: Linux menus take PNGs in the hicolor sizes,
Windows an .ico, macOS an .icns. All three are made here from the same SVG, so a
change to the drawing is one edit. Qt renders the SVG (it is already a build
dependency); the .ico and .icns containers are written by hand because both simply
hold PNG images behind a small header, and that avoids another dependency.

Run `python packaging/icons.py` after editing the SVG and commit what it writes;
build.py runs it only when rendered files are missing.
"""

from __future__ import annotations

import os
import struct
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
ICON_DIR = ROOT / "resources" / "app-icon"
SVG = ICON_DIR / "relationship-journal.svg"
PNG_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)
# ICNS element types holding PNG data, by pixel size (the @2x types reuse sizes).
ICNS_TYPES = (
    (b"icp4", 16),
    (b"icp5", 32),
    (b"ic11", 32),
    (b"icp6", 64),
    (b"ic12", 64),
    (b"ic07", 128),
    (b"ic08", 256),
    (b"ic13", 256),
    (b"ic09", 512),
    (b"ic14", 512),
)


def png_path(size: int) -> Path:
    return ICON_DIR / f"relationship-journal-{size}.png"


ICO = ICON_DIR / "relationship-journal.ico"
ICNS = ICON_DIR / "relationship-journal.icns"


def outputs() -> list[Path]:
    return [png_path(size) for size in PNG_SIZES] + [ICO, ICNS]


def render_pngs() -> dict[int, bytes]:
    """Render the SVG at each size with Qt and return the PNG bytes by size."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt
    from PySide6.QtGui import QGuiApplication, QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    _app = QGuiApplication.instance() or QGuiApplication([])  # noqa: F841 (keeps Qt alive)
    renderer = QSvgRenderer(str(SVG))
    if not renderer.isValid():
        raise SystemExit(f"icons: {SVG} is not a valid SVG")
    rendered: dict[int, bytes] = {}
    for size in PNG_SIZES:
        image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
        image.fill(Qt.GlobalColor.transparent)
        painter = QPainter(image)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        renderer.render(painter)
        painter.end()
        data = QByteArray()
        buffer = QBuffer(data)
        buffer.open(QIODevice.OpenModeFlag.WriteOnly)
        image.save(buffer, "PNG")
        buffer.close()
        rendered[size] = bytes(data.data())
    return rendered


def ico_bytes(pngs: dict[int, bytes]) -> bytes:
    """An .ico holding PNG images (supported by Windows since Vista)."""
    sizes = [size for size in ICO_SIZES if size in pngs]
    header = struct.pack("<HHH", 0, 1, len(sizes))
    offset = len(header) + 16 * len(sizes)
    entries, blobs = b"", b""
    for size in sizes:
        blob = pngs[size]
        edge = 0 if size >= 256 else size  # 0 means 256 in the ICONDIRENTRY
        entries += struct.pack("<BBBBHHII", edge, edge, 0, 0, 1, 32, len(blob), offset)
        blobs += blob
        offset += len(blob)
    return header + entries + blobs


def icns_bytes(pngs: dict[int, bytes]) -> bytes:
    """An .icns holding PNG elements (the format macOS has read since 10.7)."""
    body = b"".join(
        kind + struct.pack(">I", 8 + len(pngs[size])) + pngs[size]
        for kind, size in ICNS_TYPES
        if size in pngs
    )
    return b"icns" + struct.pack(">I", 8 + len(body)) + body


def build_icons() -> list[Path]:
    """Render every raster form of the icon next to the SVG; return the files written."""
    pngs = render_pngs()
    for size, blob in pngs.items():
        png_path(size).write_bytes(blob)
    ICO.write_bytes(ico_bytes(pngs))
    ICNS.write_bytes(icns_bytes(pngs))
    return outputs()


def ensure_icons() -> None:
    """Render the icons only when some are missing.

    The rendered files are committed; after editing the SVG run this file. (Comparing
    modification times would re-render on every fresh checkout, where they are random.)
    """
    if not all(path.exists() for path in outputs()):
        build_icons()


if __name__ == "__main__":
    for written in build_icons():
        print(written.relative_to(ROOT))
    sys.exit(0)
