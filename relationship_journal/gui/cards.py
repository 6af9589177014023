"""Small building blocks shared by the pages: a titled card, a pill badge, a muted label."""

from __future__ import annotations

from PySide6.QtWidgets import QFrame, QLabel, QVBoxLayout, QWidget

from relationship_journal.gui.theme import colours


class Card(QFrame):
    """A white (or dark) panel with a title, holding one part of a page."""

    def __init__(self, title: str, parent: QWidget | None = None, spacing: int = 8) -> None:
        super().__init__(parent)
        self.setObjectName("Card")
        self.body = QVBoxLayout(self)
        self.body.setContentsMargins(14, 10, 14, 12)
        self.body.setSpacing(spacing)
        self.title = QLabel(title, self)
        self.title.setObjectName("CardTitle")
        self.body.addWidget(self.title)


class Badge(QLabel):
    """A rounded label coloured for a band or a classification."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("Badge")

    def show_kind(self, text: str, key: str) -> None:
        c = colours()
        colour = c.classes.get(key) or c.bands.get(key) or c.muted
        self.setText(text)
        self.setStyleSheet(f"QLabel#Badge {{ background: {colour}; }}")
        self.setVisible(bool(text))


def muted_label(text: str, parent: QWidget) -> QLabel:
    """Secondary text in the theme's muted colour, wrapping."""
    label = QLabel(text, parent)
    label.setProperty("muted", True)
    label.setWordWrap(True)
    return label
