"""Light and dark themes: a Fusion palette plus the matching style sheet.

Widgets that paint themselves (health bars, the dial, badges) take their colours from
`colours()` so every view agrees on what "cooling" looks like.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication

from relationship_journal.gui.resources import style_sheet
from relationship_journal.gui.settings import resolve_theme


@dataclass(frozen=True)
class Colours:
    name: str
    text: str
    muted: str
    base: str
    card: str
    track: str
    accent: str
    bands: dict[str, str]
    classes: dict[str, str]


LIGHT = Colours(
    name="light",
    text="#1d2430",
    muted="#6a7280",
    base="#f6f7f9",
    card="#ffffff",
    track="#e6e9ee",
    accent="#3b6fd8",
    bands={"strong": "#2e9e5b", "steady": "#3b82c4", "cooling": "#e0a030",
           "cold": "#d1495b", "no data": "#a0a7b3"},
    classes={"trusted": "#7b4fc9", "connection": "#2e9e5b", "contact": "#6a7280",
             "dormant": "#a0a7b3"},
)
DARK = Colours(
    name="dark",
    text="#e6e9ef",
    muted="#9aa3b2",
    base="#1b1e24",
    card="#242831",
    track="#363c49",
    accent="#6b9af0",
    bands={"strong": "#43c177", "steady": "#5aa2e6", "cooling": "#f0b64a",
           "cold": "#ef6b7c", "no data": "#6f7888"},
    classes={"trusted": "#a07be8", "connection": "#43c177", "contact": "#8a93a3",
             "dormant": "#5f6776"},
)
_current: Colours = LIGHT


def colours() -> Colours:
    return _current


def _palette(c: Colours) -> QPalette:
    palette = QPalette()
    role = QPalette.ColorRole
    pairs = {
        role.Window: c.base,
        role.WindowText: c.text,
        role.Base: c.card,
        role.AlternateBase: c.base,
        role.Text: c.text,
        role.Button: c.card,
        role.ButtonText: c.text,
        role.ToolTipBase: c.text,
        role.ToolTipText: c.card,
        role.PlaceholderText: c.muted,
        role.Highlight: c.accent,
        role.HighlightedText: "#ffffff",
        role.Link: c.accent,
        role.Mid: c.track,
    }
    for key, value in pairs.items():
        palette.setColor(key, QColor(value))
    palette.setColor(QPalette.ColorGroup.Disabled, role.Text, QColor(c.muted))
    palette.setColor(QPalette.ColorGroup.Disabled, role.ButtonText, QColor(c.muted))
    palette.setColor(QPalette.ColorGroup.Disabled, role.WindowText, QColor(c.muted))
    return palette


def apply_theme(app: QApplication, choice: str) -> Colours:
    """Paint the whole application light, dark, or as the desktop is ('system')."""
    global _current
    _current = DARK if resolve_theme(choice) == "dark" else LIGHT
    app.setStyle("Fusion")
    app.setPalette(_palette(_current))
    app.setStyleSheet(style_sheet(_current.name))
    return _current
