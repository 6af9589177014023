"""The composer in its own window: Ctrl+N from anywhere in the app."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QVBoxLayout, QWidget

from relationship_journal.gui.composer import ComposerForm, PeopleDirectory, Submit
from relationship_journal.gui.drafts import DraftStore


class ComposerDialog(QDialog):
    def __init__(self, directory: PeopleDirectory, submit: Submit, drafts: DraftStore,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("New interaction")
        self.resize(820, 560)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        self.form = ComposerForm(directory, submit, drafts, self)
        self.form.saved.connect(self.accept)
        self.form.cancelled.connect(self.reject)
        layout.addWidget(self.form)

    def open_for(self, people: list[int]) -> None:
        if self.form.is_blank() and self.form.editing is None:
            self.form.reset(people)
        self.show()
        self.raise_()
        self.activateWindow()
        (self.form.picker if not self.form.people else self.form.note).setFocus()

    def reject(self) -> None:
        # Closing keeps the draft on disk (and in the form) unless Discard was pressed.
        self.form.save_draft()
        super().reject()
