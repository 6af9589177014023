"""Icons and style sheets from the app's `resources/` folder (see resource_paths).

Icons are drawn once as SVG with `currentColor` and tinted to the theme's text colour
when loaded, so one file serves light and dark themes at any DPI.
"""

from __future__ import annotations

from functools import lru_cache

from PySide6.QtCore import QByteArray, QRectF, Qt
from PySide6.QtGui import QIcon, QPainter, QPixmap
from PySide6.QtSvg import QSvgRenderer

from relationship_journal.resource_paths import resources_dir

RESOURCES_DIR = resources_dir()
ICON_DIR = RESOURCES_DIR / "icons"
STYLE_DIR = RESOURCES_DIR / "styles"
APP_ICON = RESOURCES_DIR / "app-icon" / "relationship-journal.svg"
ICON_SIZES = (16, 20, 24, 32, 48)


@lru_cache(maxsize=256)
def icon(name: str, colour: str = "#4a5260") -> QIcon:
    """The named SVG icon tinted `colour`, rendered sharp at every common size."""
    path = ICON_DIR / f"{name}.svg"
    if not path.exists():
        raise FileNotFoundError(f"no icon named {name!r} in {ICON_DIR}")
    svg = path.read_text(encoding="utf-8").replace("currentColor", colour)
    renderer = QSvgRenderer(QByteArray(svg.encode("utf-8")))
    result = QIcon()
    for size in ICON_SIZES:
        for scale in (1, 2):
            pixmap = QPixmap(size * scale, size * scale)
            pixmap.setDevicePixelRatio(scale)
            pixmap.fill(Qt.GlobalColor.transparent)
            painter = QPainter(pixmap)
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            renderer.render(painter, QRectF(0, 0, size, size))
            painter.end()
            result.addPixmap(pixmap)
    return result


def app_icon() -> QIcon:
    return QIcon(str(APP_ICON)) if APP_ICON.exists() else QIcon()


def style_sheet(theme: str) -> str:
    path = STYLE_DIR / f"{theme}.qss"
    return path.read_text(encoding="utf-8") if path.exists() else ""
