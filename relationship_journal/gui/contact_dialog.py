"""Adding a person: the few fields worth typing at once; the rest go on their page."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QWidget,
)

from relationship_journal.journal.records import ContactFields
from relationship_journal.journal.vocabulary import CIRCLE_NAMES, CIRCLES


class NewContactDialog(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("New contact")
        self.setMinimumWidth(420)
        form = QFormLayout(self)
        self.name = QLineEdit(self)
        self.name.setPlaceholderText("e.g. Ada Lovelace")
        self.organisation = QLineEdit(self)
        self.role = QLineEdit(self)
        self.how_met = QLineEdit(self)
        self.how_met.setPlaceholderText("e.g. introduced by Sam at the climate meetup")
        self.circle = QComboBox(self)
        for circle in CIRCLES:
            self.circle.addItem(f"{CIRCLE_NAMES[circle]} — up to {circle} people", circle)
        self.circle.setCurrentIndex(CIRCLES.index(150))
        form.addRow("Name", self.name)
        form.addRow("Organisation", self.organisation)
        form.addRow("Role", self.role)
        form.addRow("How we met", self.how_met)
        form.addRow("Circle", self.circle)
        self.error = QLabel(self)
        self.error.setWordWrap(True)
        form.addRow("", self.error)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self._accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def fields(self) -> ContactFields:
        return ContactFields(
            display_name=self.name.text().strip(),
            organisation=self.organisation.text().strip() or None,
            role=self.role.text().strip() or None,
            how_met=self.how_met.text().strip() or None,
            circle=self.circle.currentData(),
        )

    def _accept(self) -> None:
        if not self.name.text().strip():
            self.error.setText("A contact needs a name.")
            self.name.setFocus()
            return
        self.accept()
