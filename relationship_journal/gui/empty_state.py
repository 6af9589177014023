"""What a first start shows: a welcome with the three ways to begin."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtWidgets import QLabel, QPushButton, QVBoxLayout, QWidget

from relationship_journal.gui.resources import app_icon, icon
from relationship_journal.gui.theme import colours


class EmptyState(QWidget):
    add_contact = Signal()
    import_contacts = Signal()
    load_demo = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("Page")
        layout = QVBoxLayout(self)
        layout.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout.setSpacing(12)
        logo = QLabel(self)
        logo.setPixmap(app_icon().pixmap(QSize(96, 96)))
        logo.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout.addWidget(logo)
        title = QLabel("Welcome to Relationship Journal", self)
        title.setObjectName("EmptyTitle")
        title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout.addWidget(title)
        text = QLabel(
            "A network should be an inch wide and a mile deep. Write down, after each meeting,\n"
            "what matters to the other person — the journal shows which relationships are\n"
            "growing, which are fading, and who actually knows and trusts you.",
            self,
        )
        text.setProperty("muted", True)
        text.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout.addWidget(text)
        layout.addSpacing(8)
        muted = colours().text
        for label, tip, name, signal, primary in (
            ("Add your first contact", "Start with one person you met recently", "add-contact",
             self.add_contact, True),
            ("Import contacts…", "From a vCard file, a Google or Outlook CSV, or LinkedIn's Connections.csv",
             "import", self.import_contacts, False),
            ("Explore a demo network", "Load a realistic made-up network of 150 people to look around",
             "demo", self.load_demo, False),
        ):
            button = QPushButton(label, self)
            button.setIcon(icon(name, "#ffffff" if primary else muted))
            button.setToolTip(tip)
            button.setMinimumWidth(280)
            button.setMinimumHeight(36)
            if primary:
                button.setObjectName("Primary")
            button.clicked.connect(signal)
            layout.addWidget(button, 0, Qt.AlignmentFlag.AlignCenter)
        self.buttons = self.findChildren(QPushButton)
