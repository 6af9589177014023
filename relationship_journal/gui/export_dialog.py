"""File ▸ Export contacts: the command line's `export` with its options, from the window."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QLabel,
    QWidget,
)

# (label, format, split, the file dialog's filter / None for a folder, the suggested name)
CHOICES = (
    ("vCard 4.0, one file", "vcard", False, "vCard (*.vcf)", "contacts.vcf"),
    ("vCard 4.0, a folder with one file per person", "vcard", True, None, "contacts"),
    ("CSV with each person's health figures", "csv", False, "CSV (*.csv)", "contacts.csv"),
    (
        "iCalendar: birthdays, dates, keep-in-touch and promise due dates",
        "ics",
        False,
        "iCalendar (*.ics)",
        "relationships.ics",
    ),
)


class ExportDialog(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Export contacts")
        form = QFormLayout(self)
        self.format = QComboBox(self)
        for label, *_rest in CHOICES:
            self.format.addItem(label)
        self.archived = QCheckBox("Include archived people", self)
        form.addRow("Export as", self.format)
        form.addRow("", self.archived)
        note = QLabel("Health figures and due dates are computed for today.", self)
        note.setProperty("muted", True)
        form.addRow("", note)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText("Choose where…")
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def choice(self) -> tuple[str, str, bool, str | None, str]:
        return CHOICES[self.format.currentIndex()]


def export_from_window(window: Any) -> None:
    """Ask what and where, then write on the worker behind a progress dialog."""
    from relationship_journal.exchange.export_all import export_contacts
    from relationship_journal.gui.worker import Operation

    dialog = ExportDialog(window)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return
    _label, fmt, split, file_filter, suggested = dialog.choice()
    archived = dialog.archived.isChecked()
    start = str(Path(window.settings.last_folder) / suggested)
    if file_filter is None:
        out = QFileDialog.getExistingDirectory(
            window, "Export into which folder?", window.settings.last_folder
        )
        remembered = out
    else:
        out, _filter = QFileDialog.getSaveFileName(window, "Export contacts", start, file_filter)
        remembered = str(Path(out).parent) if out else ""
    if not out:
        return
    window.settings.last_folder = remembered
    journal, as_of = window.journal, window.as_of

    def work(progress: Any) -> str:
        progress.step("Exporting contacts")
        return export_contacts(journal, fmt, out, as_of, split=split, archived=archived)

    def done(summary: str) -> None:
        window.statusBar().showMessage(summary, 10000)
        window.saved_file.show_file(out, Path(out).name)

    Operation(window, work, done, window.show_error, title="Exporting contacts").run()
