"""Importing contacts from the window: read, preview, write, undo — never on the GUI thread.

`ImportFlow` reads the files in the background, shows `ImportPreviewDialog` (every
record as new / merge / unchanged / skipped, with the reason), writes the plan in
the background with progress once the user agrees, and puts one `ImportBatchStep`
on the undo stack, so Ctrl+Z takes the whole import back. `contact_file_paths`
reads a drag-and-drop's files.
"""

from __future__ import annotations

import html
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QMimeData,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from relationship_journal.exchange import merge
from relationship_journal.exchange.plan import ImportPlan, apply_import, plan_import, undo_import
from relationship_journal.gui.undo import Step
from relationship_journal.gui.worker import Operation, Progress
from relationship_journal.journal.core import Journal
from relationship_journal.journal.records import Changes

CONTACT_SUFFIXES = (".vcf", ".vcard", ".csv")
ACTION_WORDS = {
    merge.NEW: "New",
    merge.MERGE: "Merge",
    merge.UNCHANGED: "Unchanged",
    "skipped": "Skipped",
}
COLUMNS = ("What happens", "Name", "Into", "Details", "Where in the file")

Row = tuple[str, str, str, str, str]
Index = QModelIndex | QPersistentModelIndex
_ROOT = QModelIndex()


def contact_file_paths(mime: QMimeData) -> list[str]:
    """The local .vcf / .csv files in a drag-and-drop, in the order they were dropped."""
    if not mime.hasUrls():
        return []
    return [
        url.toLocalFile()
        for url in mime.urls()
        if url.isLocalFile() and url.toLocalFile().lower().endswith(CONTACT_SUFFIXES)
    ]


def plan_rows(plan: ImportPlan) -> list[Row]:
    rows: list[Row] = []
    for d in plan.decisions:
        into = "a new person" if d.action == merge.NEW else ""
        if d.action != merge.NEW:
            into = f"{d.matched_name} (same {d.matched_by})" if d.matched_name else ""
        rows.append((d.action, d.name, into, "; ".join(d.details), d.position))
    rows += [("skipped", "", "", s.reason, s.position) for s in plan.skipped]
    return rows


class ImportPlanModel(QAbstractTableModel):
    """Every record of the plan, one row each (model/view: fine for 10,000 cards)."""

    def __init__(self, plan: ImportPlan, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.rows = plan_rows(plan)

    def rowCount(self, parent: Index = _ROOT) -> int:  # noqa: N802 - Qt's name
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = _ROOT) -> int:  # noqa: N802 - Qt's name
        return 0 if parent.isValid() else len(COLUMNS)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self.rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            value = row[index.column()]
            return ACTION_WORDS.get(value, value) if index.column() == 0 else value
        if role == Qt.ItemDataRole.ToolTipRole and index.column() in (2, 3, 4):
            return row[index.column()]
        if role == Qt.ItemDataRole.UserRole:
            return row[0]
        return None

    def headerData(  # noqa: N802 - Qt's name
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return COLUMNS[section]
        return None


class ImportPreviewDialog(QDialog):
    """What an import would do, before anything is written; Import writes it, Cancel does not."""

    def __init__(self, plan: ImportPlan, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.plan = plan
        self.setWindowTitle("Import contacts")
        self.resize(1040, 560)
        counts = plan.counts()
        files = html.escape(", ".join(Path(f.path).name for f in plan.files))  # a name may hold '<'
        self.summary = QLabel(
            f"<b>{files}</b><br>{counts[merge.NEW]} new, {counts[merge.MERGE]} merged into people "
            f"already in your journal, {counts[merge.UNCHANGED]} unchanged, "
            f"{counts['skipped']} skipped."
        )
        self.summary.setWordWrap(True)
        self.model = ImportPlanModel(plan, self)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setFilterRole(Qt.ItemDataRole.UserRole)
        self.proxy.setFilterKeyColumn(0)
        self.filter = QComboBox()
        self.filter.addItem("Everything", "")
        for action, word in ACTION_WORDS.items():
            if counts[action]:
                self.filter.addItem(f"{word} ({counts[action]})", action)
        self.filter.currentIndexChanged.connect(self._filter_changed)
        self.table = QTableView()
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(-1, Qt.SortOrder.AscendingOrder)  # the file's own order first
        self.table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.table.setWordWrap(False)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        for column, width in enumerate((90, 190, 210, 330)):
            # Never narrower than the header's own words and sort arrow ("What happens" was cut).
            self.table.setColumnWidth(column, max(width, header.sectionSizeFromContents(column).width() + 24))
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        changes = counts[merge.NEW] + counts[merge.MERGE]
        self.import_button = self.buttons.addButton(
            f"Import {changes} {'person' if changes == 1 else 'people'}" if changes else "Nothing to import",
            QDialogButtonBox.ButtonRole.AcceptRole,
        )
        self.import_button.setEnabled(plan.has_changes())
        self.import_button.setDefault(plan.has_changes())
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        bar = QHBoxLayout()
        bar.addWidget(QLabel("Show:"))
        bar.addWidget(self.filter)
        bar.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addLayout(bar)
        layout.addWidget(self.table, 1)
        note = QLabel("Nothing is written until you press Import; afterwards, Undo takes the whole "
                      "import back. Values that disagree with your journal are kept in the "
                      "person's history, never overwritten.")
        note.setWordWrap(True)
        layout.addWidget(note)
        layout.addWidget(self.buttons)

    def _filter_changed(self) -> None:
        action = self.filter.currentData() or ""
        self.proxy.setFilterFixedString(action)


class ImportBatchStep(Step):
    """One import on the undo stack: undo takes the batch back, redo writes the plan again."""

    def __init__(self, journal: Journal, apply: Callable[[Changes], None], plan: ImportPlan,
                 batch_id: int | None) -> None:
        super().__init__(f"Import {plan.sources}")
        self.journal, self.apply, self.plan, self.batch_id = journal, apply, plan, batch_id

    def do(self) -> None:
        self.batch_id = apply_import(self.journal, self.plan)
        self.apply(self.plan.changes)

    def revert(self) -> None:
        if self.batch_id is not None:
            undone = undo_import(self.journal, self.batch_id)
            self.batch_id = None
            self.apply(undone.changes)


_active: set[ImportFlow] = set()  # flows in progress, kept alive until they end


class ImportFlow:
    """Read in the background, preview, write in the background, push one undo step.

    Start one and forget it: it keeps itself alive until the import is written,
    cancelled or has failed.
    """

    def __init__(
        self,
        parent: QWidget,
        journal: Journal,
        paths: Sequence[str],
        undo_stack: QUndoStack,
        apply: Callable[[Changes], None],
        on_error: Callable[[BaseException], None],
        on_done: Callable[[str], None] | None = None,
    ) -> None:
        self.parent, self.journal, self.paths = parent, journal, list(paths)
        self.undo_stack, self.apply, self.on_error = undo_stack, apply, on_error
        self._on_done = on_done or (lambda _message: None)
        self.dialog: ImportPreviewDialog | None = None

    def _end(self) -> None:
        _active.discard(self)

    def _failed(self, error: BaseException) -> None:
        self._end()
        self.on_error(error)

    def start(self) -> None:
        journal, paths = self.journal, self.paths

        def read(progress: Progress) -> ImportPlan:
            progress.step(f"Reading {', '.join(Path(p).name for p in paths)}")
            return plan_import(journal, paths)

        _active.add(self)
        Operation(self.parent, read, self.preview, self._failed, title="Reading contacts").run()

    def preview(self, plan: ImportPlan) -> None:
        self.dialog = ImportPreviewDialog(plan, self.parent)
        self.dialog.accepted.connect(lambda: self.write(plan))
        self.dialog.rejected.connect(self._end)
        self.dialog.open()

    def write(self, plan: ImportPlan) -> None:
        journal = self.journal

        def work(progress: Progress) -> int | None:
            progress.step("Writing contacts")
            return apply_import(journal, plan, lambda done, total: progress.step(
                f"Writing contacts ({done:,} of {total:,})", done, total))

        def written(batch_id: int | None) -> None:
            step = ImportBatchStep(journal, self.apply, plan, batch_id)
            step.already_done = True
            self.undo_stack.push(step)
            self.apply(plan.changes)
            self._end()
            self._on_done(f"Imported: {plan.summary()}. Undo takes it back.")

        Operation(self.parent, work, written, self._failed, title="Importing contacts").run()
