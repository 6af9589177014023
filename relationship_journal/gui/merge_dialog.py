"""Choosing which of two records of one person stays, with what tells them apart.

Two "Daniel Brown"s read the same; the choice shows each one's organisation, email,
number of entries and last contact (the same words as the import preview), so the
user can see which record carries the history.
"""

from __future__ import annotations

import html

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QRadioButton, QVBoxLayout, QWidget

from relationship_journal.exchange.merge import summary
from relationship_journal.journal.imports import KnownContact
from relationship_journal.journal.records import ContactDetail


def describe(detail: ContactDetail, entries: int) -> str:
    """'“Daniel Brown” — Lumen Legal · d.brown@lumen.example · 12 entries · last contact 2026-10-02'."""
    known = KnownContact(detail.id, detail, entries=entries, last_contact=detail.last_contact)
    return f"“{detail.display_name}” — {summary(detail, known)}"


class MergeDialog(QDialog):
    """Keep one record and fold the other into it; the record with more history is offered first."""

    def __init__(
        self, people: list[tuple[ContactDetail, int]], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle("Merge two contacts")
        first, second = sorted(people, key=lambda p: (-p[1], p[0].id))
        self.pairs = [(first[0].id, second[0].id), (second[0].id, first[0].id)]
        intro = QLabel(
            "Every interaction, favour, promise, email, phone, address, tag and note is kept.\n"
            "Which record should remain?"
        )
        self.options = []
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        for kept, folded in ((first, second), (second, first)):
            option = QRadioButton(self)
            option.setText(f"Keep {describe(*kept)}\n    and fold in {describe(*folded)}")
            option.setToolTip(html.escape(option.text()))
            self.options.append(option)
            layout.addWidget(option)
        self.options[0].setChecked(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        buttons.addButton("Merge", QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def chosen(self) -> tuple[int, int]:
        """(the id that stays, the id folded into it)."""
        return self.pairs[0] if self.options[0].isChecked() else self.pairs[1]
