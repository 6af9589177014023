"""The import preview's column-mapping step: which column of an unknown CSV is which.

Shown before the preview when a CSV's header is not one a client writes. Each column
is listed with a few of its values and the field it will be read as — guessed from
the header's words and the values' shapes — and the user corrects what is wrong. The
confirmed mapping is remembered for files with the same columns.
"""

from __future__ import annotations

from pathlib import Path
from typing import cast

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from relationship_journal.exchange import csv_headers
from relationship_journal.exchange.csv_mapped import ColumnMapping, with_fields
from relationship_journal.exchange.records import ParsedFile

LEAVE_OUT = "(leave out)"
_SAMPLES = 3


class ColumnMappingStep(QWidget):
    """One table row per column: its header, some values, and a field to read it as."""

    confirmed = Signal(str, object)  # the file's path, the ColumnMapping the user chose

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.parsed: ParsedFile | None = None
        self.mapping: ColumnMapping | None = None
        self.samples: list[list[str]] = []
        self.title = QLabel(self)
        self.title.setWordWrap(True)
        self.table = QTableWidget(0, 3, self)
        self.table.setHorizontalHeaderLabels(("Column in the file", "Values in it", "Read as"))
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        self.problem = QLabel(self)
        self.problem.setProperty("muted", True)
        self.confirm = QPushButton("Read the file with these columns", self)
        self.confirm.setDefault(True)
        self.confirm.clicked.connect(self._confirm)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.title)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.problem)
        layout.addWidget(self.confirm)

    def show_file(self, parsed: ParsedFile, samples: list[list[str]]) -> None:
        assert parsed.mapping is not None
        self.parsed, self.mapping, self.samples = parsed, parsed.mapping, samples
        name = Path(parsed.path).name
        self.title.setText(
            f"<b>{name}</b> is a CSV whose columns no address book we know writes. "
            "Say which column is which: the guesses below come from the column names and the "
            "values in them. Your choice is remembered for files with the same columns."
        )
        self.table.setRowCount(len(self.mapping.columns))
        for row, (column, field) in enumerate(
            zip(self.mapping.columns, self.mapping.fields, strict=True)
        ):
            self.table.setItem(row, 0, QTableWidgetItem(column or f"(column {row + 1})"))
            values = [
                cells[row].strip() for cells in samples if row < len(cells) and cells[row].strip()
            ]
            self.table.setItem(row, 1, QTableWidgetItem(" · ".join(values[:_SAMPLES])))
            choice = QComboBox(self.table)
            choice.addItem(LEAVE_OUT, "")
            for name_ in csv_headers.FIELDS:
                choice.addItem(name_, name_)
            choice.setCurrentIndex(max(0, choice.findData(field)))
            choice.currentIndexChanged.connect(self._changed)
            self.table.setCellWidget(row, 2, choice)
        self._changed()

    def fields(self) -> list[str]:
        choices = (
            cast(QComboBox, self.table.cellWidget(row, 2)) for row in range(self.table.rowCount())
        )
        return [choice.currentData() for choice in choices]

    def _changed(self) -> None:
        if self.mapping is None:
            return
        chosen = with_fields(self.mapping, self.fields())
        ok = chosen.has_someone()
        self.confirm.setEnabled(ok)
        self.problem.setText(
            "" if ok else "Choose at least one column with a name, an email or an organisation."
        )

    def _confirm(self) -> None:
        if self.parsed is None or self.mapping is None:
            return
        self.confirmed.emit(self.parsed.path, with_fields(self.mapping, self.fields()))
