"""Importing contacts from the window: read, preview, write, undo — never on the GUI thread.

`ImportFlow` reads the files in the background, shows `ImportPreviewDialog` (a
column-mapping step first for a CSV no client wrote; then every record as new /
possible match / merge / unchanged / skipped, with the reason), writes the plan in
the background with progress once the user agrees, and puts one `ImportBatchStep`
on the undo stack, so Ctrl+Z takes the whole import back. `contact_file_paths`
reads a drag-and-drop's files.
"""

from __future__ import annotations

import html
from collections import Counter
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    QMimeData,
    QModelIndex,
    QRegularExpression,
    QSortFilterProxyModel,
    Qt,
    Signal,
)
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from relationship_journal.exchange import merge
from relationship_journal.exchange.plan import (
    ImportPlan,
    apply_import,
    plan_from_files,
    plan_import,
    read_file,
    remember_mapping,
    samples_of,
)
from relationship_journal.gui.import_mapping import ColumnMappingStep
from relationship_journal.gui.import_preview import (
    ACTION_WORDS,
    DecisionRole,
    ImportPlanModel,
    PossibleMatchPanel,
)
from relationship_journal.gui.undo import UndoStack
from relationship_journal.gui.worker import Operation, Progress
from relationship_journal.journal.core import Journal
from relationship_journal.journal.history import WINDOW
from relationship_journal.journal.records import Changes

CONTACT_SUFFIXES = (".vcf", ".vcard", ".csv")
def contact_file_paths(mime: QMimeData) -> list[str]:
    """The local .vcf / .csv files in a drag-and-drop, in the order they were dropped."""
    if not mime.hasUrls():
        return []
    return [
        url.toLocalFile()
        for url in mime.urls()
        if url.isLocalFile() and url.toLocalFile().lower().endswith(CONTACT_SUFFIXES)
    ]


FIT_ROWS = 300  # rows read to size a column to its text (quick at 10,000 records)
COLUMN_CAP = 320  # no column but Details grows wider than this for one long value
MIN_DETAILS_WIDTH = 260
DETAILS_COLUMN = 4


class ImportPreviewDialog(QDialog):
    """What an import would do, before anything is written; Import writes it, Cancel does not.

    A CSV whose columns no client writes first gets the column-mapping step; possible
    matches are chosen one by one in the panel under the table (keep apart by default).
    """

    mapping_chosen = Signal(str, object)  # path, ColumnMapping: the flow reads the file again

    def __init__(self, plan: ImportPlan, parent: QWidget | None = None,
                 samples: dict[str, list[list[str]]] | None = None) -> None:
        super().__init__(parent)
        self.plan = plan
        self.samples = samples or {}
        self.setWindowTitle("Import contacts")
        self.resize(1120, 620)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.model = ImportPlanModel(plan, self)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setFilterRole(Qt.ItemDataRole.UserRole)
        self.proxy.setFilterKeyColumn(0)
        self.filter = QComboBox()
        self.filter.currentIndexChanged.connect(self._filter_changed)
        self.table = QTableView()
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(-1, Qt.SortOrder.AscendingOrder)  # the file's own order first
        self.table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QTableView.SelectionMode.SingleSelection)
        self.table.setWordWrap(False)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setResizeContentsPrecision(FIT_ROWS)
        header.moveSection(DETAILS_COLUMN + 1, DETAILS_COLUMN)  # "Where in the file" before Details…
        header.setStretchLastSection(True)  # …so Details, the longest text, takes the room left
        self.table.selectionModel().currentRowChanged.connect(self._row_changed)
        self.row_details = QLabel(self)  # the selected record's Details in full (the cell may be elided)
        self.row_details.setWordWrap(True)
        self.row_details.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.row_details.hide()
        self.panel = PossibleMatchPanel(self)
        self.panel.chosen.connect(self._chosen)
        self.panel.hide()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.import_button = self.buttons.addButton("Import", QDialogButtonBox.ButtonRole.AcceptRole)
        self.columns_button = self.buttons.addButton("Change columns…", QDialogButtonBox.ButtonRole.ResetRole)
        self.columns_button.clicked.connect(self._back_to_mapping)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        bar = QHBoxLayout()
        bar.addWidget(QLabel("Show:"))
        bar.addWidget(self.filter)
        bar.addStretch(1)
        preview = QWidget(self)
        page = QVBoxLayout(preview)
        page.setContentsMargins(0, 0, 0, 0)
        page.addWidget(self.summary)
        page.addLayout(bar)
        page.addWidget(self.table, 1)
        page.addWidget(self.row_details)
        page.addWidget(self.panel)
        note = QLabel("Nothing is written until you press Import; afterwards, Undo takes the whole "
                      "import back. Values that disagree with your journal are kept in the "
                      "person's history, never overwritten. Possible matches are kept apart "
                      "unless you choose Merge.")
        note.setWordWrap(True)
        page.addWidget(note)
        self.mapping_step = ColumnMappingStep(self)
        self.mapping_step.confirmed.connect(self._mapping_confirmed)
        self.pages = QStackedWidget(self)
        self.pages.addWidget(self.mapping_step)
        self.pages.addWidget(preview)
        layout = QVBoxLayout(self)
        layout.addWidget(self.pages, 1)
        layout.addWidget(self.buttons)
        self.set_plan(plan)

    def set_plan(self, plan: ImportPlan, ask_mapping: bool = True) -> None:
        """Show `plan`: the mapping step first if one of its CSVs still needs one."""
        self.plan = plan
        pending = next((f for f in plan.files if f.needs_mapping), None) if ask_mapping else None
        self.columns_button.setVisible(any(f.mapping is not None and f.format == "spreadsheet" for f in plan.files))
        if pending is not None:
            self.mapping_step.show_file(pending, self.samples.get(pending.path, []))
            self.pages.setCurrentIndex(0)
            self.import_button.setEnabled(False)
            self.columns_button.hide()
            return
        self.pages.setCurrentIndex(1)
        self.model.set_plan(plan)
        self._refresh()
        self.fit_columns()

    def fit_columns(self) -> None:
        """Every header whole and each column as wide as its text (within a cap); Details, shown
        last, gets the rest and its full text in the tooltip."""
        header = self.table.horizontalHeader()
        self.table.resizeColumnsToContents()
        fitted = {c: header.sectionSize(c) for c in range(self.model.columnCount()) if c != DETAILS_COLUMN}
        for column, width in fitted.items():
            cap = max(COLUMN_CAP, header.sectionSizeFromContents(column).width())
            self.table.setColumnWidth(column, min(width, cap))
        room = self.table.viewport().width() - MIN_DETAILS_WIDTH
        widths = {c: header.sectionSize(c) for c in fitted}
        while sum(widths.values()) > room:  # too wide together: narrow the widest, never below its header
            widest = max(widths, key=lambda c: widths[c] - header.sectionSizeFromContents(c).width())
            floor = header.sectionSizeFromContents(widest).width()
            if widths[widest] <= floor:
                break
            widths[widest] = max(floor, widths[widest] - (sum(widths.values()) - room))
            self.table.setColumnWidth(widest, widths[widest])
        rest = self.table.viewport().width() - sum(widths.values())
        self.table.setColumnWidth(DETAILS_COLUMN, max(MIN_DETAILS_WIDTH, rest))

    def showEvent(self, event: Any) -> None:  # noqa: N802 - Qt's name
        super().showEvent(event)
        if self.pages.currentIndex() == 1:
            self.fit_columns()  # the table knows its real width only now

    def _refresh(self) -> None:
        plan = self.plan
        counts = plan.counts()
        files = html.escape(", ".join(Path(f.path).name for f in plan.files))  # a name may hold '<'
        changed = len(plan.changed_values())
        possible = sum(1 for d in plan.decisions if d.possible or d.action == merge.POSSIBLE)
        text = (
            f"<b>{files}</b><br>{counts[merge.NEW]} new, {counts[merge.MERGE]} merged into people "
            f"already in your journal, {counts[merge.UNCHANGED]} unchanged, "
            f"{counts['skipped']} skipped."
        )
        if possible:
            apart = counts[merge.POSSIBLE]
            text += (f"<br><b>{possible} possible match{'es' if possible > 1 else ''}</b>: {apart} kept apart "
                     f"as {'a new person' if apart == 1 else 'new people'} — select one to compare and choose.")
        if changed:
            text += f"<br>{changed} value{'s' if changed > 1 else ''} dropped or changed on the way in (see Details)."
        for parsed in plan.files:
            if parsed.mapping is not None and parsed.mapping.ignored():
                text += (f"<br>{html.escape(Path(parsed.path).name)}: columns not read: "
                         f"{html.escape(', '.join(parsed.mapping.ignored()))}.")
        self.summary.setText(text)
        current = self.filter.currentData()
        self.filter.blockSignals(True)
        self.filter.clear()
        self.filter.addItem("Everything", "")
        tally = Counter(key for row in self.model.rows for key in row[6].split())  # one pass: rows are made on demand
        for key, word in ACTION_WORDS.items():
            if tally[key]:
                self.filter.addItem(f"{word} ({tally[key]})", key)
        self.filter.setCurrentIndex(max(0, self.filter.findData(current)))
        self.filter.blockSignals(False)
        self._filter_changed()
        writes = counts[merge.NEW] + counts[merge.POSSIBLE] + counts[merge.MERGE]
        self.import_button.setText(
            f"Import {writes} {'person' if writes == 1 else 'people'}" if writes else "Nothing to import"
        )
        self.import_button.setEnabled(plan.has_changes())
        self.import_button.setDefault(plan.has_changes())

    def decision_at(self, row: int) -> merge.Decision | None:
        index = self.proxy.index(row, 0).data(DecisionRole) if row >= 0 else -1
        return self.plan.decisions[index] if index is not None and index >= 0 else None

    def select_decision(self, decision_index: int) -> None:
        for row in range(self.proxy.rowCount()):
            if self.proxy.index(row, 0).data(DecisionRole) == decision_index:
                self.table.selectRow(row)
                return

    def _row_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        self.panel.show_decision(self.decision_at(current.row()))
        details = self.proxy.index(current.row(), DETAILS_COLUMN).data() if current.row() >= 0 else ""
        self.row_details.setText(f"{self.proxy.index(current.row(), 1).data()}: {details}" if details else "")
        self.row_details.setVisible(bool(details))

    def _chosen(self, index: int, merge_them: bool) -> None:
        self.plan.choose(index, merge_them)
        self.model.set_plan(self.plan)
        self._refresh()
        self.select_decision(index)

    def _filter_changed(self) -> None:
        key = self.filter.currentData() or ""
        self.proxy.setFilterRegularExpression(QRegularExpression(rf"\b{key}\b" if key else ""))

    def _mapping_confirmed(self, path: str, mapping: Any) -> None:
        self.mapping_step.confirm.setEnabled(False)
        self.mapping_chosen.emit(path, mapping)

    def _back_to_mapping(self) -> None:
        parsed = next((f for f in self.plan.files if f.mapping is not None and f.format == "spreadsheet"), None)
        if parsed is None:
            return
        self.mapping_step.show_file(parsed, self.samples.get(parsed.path, []))
        self.pages.setCurrentIndex(0)
        self.import_button.setEnabled(False)


_active: set[ImportFlow] = set()  # flows in progress, kept alive until they end


def shrink_photo(data: bytes) -> bytes | None:
    """Photos made avatar-sized on the way in (QImage works on the reading worker)."""
    from relationship_journal.reports.images import shrink_photo as shrink

    return shrink(data)


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
        undo_stack: UndoStack,
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

        def read(progress: Progress) -> tuple[ImportPlan, dict[str, list[list[str]]]]:
            label = f"Reading {', '.join(Path(p).name for p in paths)}"
            progress.step(label)
            # A large file streams card by card: the bar follows it (in kB) and can stop it.
            plan = plan_import(
                journal, paths, shrink_photo=shrink_photo,
                progress=lambda done, total: progress.step(label, done >> 10, total >> 10),
            )
            return plan, {f.path: samples_of(f.path) for f in plan.files if f.mapping is not None}

        _active.add(self)
        Operation(self.parent, read, lambda found: self.preview(*found), self._failed,
                  title="Reading contacts").run()

    def preview(self, plan: ImportPlan, samples: dict[str, list[list[str]]] | None = None) -> None:
        self.dialog = ImportPreviewDialog(plan, self.parent, samples)
        self.dialog.accepted.connect(lambda: self.write(self.dialog.plan if self.dialog else plan))
        self.dialog.rejected.connect(self._end)
        self.dialog.mapping_chosen.connect(self.remap)
        self.dialog.open()

    def remap(self, path: str, mapping: Any) -> None:
        """Read one CSV again with the user's columns (remembered for next time), then preview."""
        journal, dialog = self.journal, self.dialog
        assert dialog is not None
        files = dialog.plan.files

        def read(progress: Progress) -> ImportPlan:
            progress.step(f"Reading {Path(path).name} with your columns")
            remember_mapping(journal, mapping)
            again = [read_file(f.path, mapping) if f.path == path else f for f in files]
            return plan_from_files(journal, again)

        Operation(self.parent, read, lambda plan: dialog.set_plan(plan, ask_mapping=False), self._failed,
                  title="Reading contacts").run()

    def write(self, plan: ImportPlan) -> None:
        journal = self.journal

        def work(progress: Progress) -> int | None:
            progress.step("Writing contacts")
            with journal.history.recording(f"Import {plan.sources}", WINDOW):  # one Ctrl+Z takes it back
                return apply_import(journal, plan, lambda done, total: progress.step(
                    f"Writing contacts ({done:,} of {total:,})", done, total))

        def written(_batch_id: int | None) -> None:
            self.undo_stack.refresh()
            self.apply(plan.changes)
            self._end()
            self._on_done(f"Imported: {plan.summary()}. Undo takes it back.")

        Operation(self.parent, work, written, self._failed, title="Importing contacts").run()
