"""The import preview's table and its possible-match panel.

Each record of the plan is one row: what happens to it, why (the match's reason,
or why a shared phone was not enough), and what was dropped or changed on the way
in. A possible match is compared side by side with the journal's person and the
user chooses merge or keep apart.
"""

from __future__ import annotations

import functools
import html
from collections.abc import Sequence
from typing import Any, overload

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QGroupBox, QHBoxLayout, QLabel, QRadioButton, QVBoxLayout, QWidget

from relationship_journal.exchange import merge
from relationship_journal.exchange.plan import ImportPlan

ACTION_WORDS = {
    merge.NEW: "New",
    "possible": "Possible match",
    merge.MERGE: "Merge",
    merge.UNCHANGED: "Unchanged",
    "skipped": "Skipped",
    "changed": "Values changed",
}
COLUMNS = ("What happens", "Name", "Into / may be", "Why", "Details", "Where in the file")

# action shown, name, into, why, details, where, categories (for the filter), decision index (-1: none)
Row = tuple[str, str, str, str, str, str, str, int]
Index = QModelIndex | QPersistentModelIndex
_ROOT = QModelIndex()


def _action_text(d: merge.Decision) -> str:
    if d.action == merge.POSSIBLE:
        return "Possible match — kept apart"
    if d.possible:
        return "Possible match — merged"
    return ACTION_WORDS.get(d.action, d.action)


def _decision_row(d: merge.Decision) -> Row:
    into = ""
    if d.matched_name and (d.action != merge.NEW or d.confidence == "weak"):
        into = f"{d.matched_name} ({d.matched_summary})" if d.possible or d.action == merge.POSSIBLE else (
            d.matched_name if d.action == merge.NEW else f"{d.matched_name} (same {d.matched_by})"
        )
    if not into and d.action == merge.NEW:
        into = "a new person"
    why = d.reason if d.confidence in ("likely", "weak") or d.possible else ""
    if d.confidence == "weak":
        why = f"not the same person: {d.reason}"
    categories = {"possible" if d.possible or d.action == merge.POSSIBLE else d.action}
    if d.notes:
        categories.add("changed")
    details = "; ".join((*d.details, *d.notes))
    return (_action_text(d), d.name, into, why, details, d.position, " ".join(sorted(categories)), d.index)


class PlanRows(Sequence[Row]):
    """The preview's rows, made from the plan's (packed) decisions as the view asks for them:
    a 100,000-card import is not held twice over as text."""

    def __init__(self, plan: ImportPlan) -> None:
        self._decisions, self._skipped = plan.decisions, plan.skipped
        self._row = functools.lru_cache(maxsize=512)(self._make)

    def _make(self, place: int) -> Row:
        if place < len(self._decisions):
            return _decision_row(self._decisions[place])
        s = self._skipped[place - len(self._decisions)]
        return ("Skipped", "", "", "", s.reason, s.position, "skipped", -1)

    def __len__(self) -> int:
        return len(self._decisions) + len(self._skipped)

    @overload
    def __getitem__(self, place: int) -> Row: ...
    @overload
    def __getitem__(self, place: slice) -> list[Row]: ...
    def __getitem__(self, place: int | slice) -> Row | list[Row]:
        if isinstance(place, slice):
            return [self._row(n) for n in range(*place.indices(len(self)))]
        if place < 0:
            place += len(self)
        if not 0 <= place < len(self):
            raise IndexError("row out of range")
        return self._row(place)


def plan_rows(plan: ImportPlan) -> PlanRows:
    return PlanRows(plan)


class ImportPlanModel(QAbstractTableModel):
    """Every record of the plan, one row each (model/view: fine for 10,000 cards)."""

    def __init__(self, plan: ImportPlan, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.rows = plan_rows(plan)

    def set_plan(self, plan: ImportPlan) -> None:
        self.beginResetModel()
        self.rows = plan_rows(plan)
        self.endResetModel()

    def rowCount(self, parent: Index = _ROOT) -> int:  # noqa: N802 - Qt's name
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = _ROOT) -> int:  # noqa: N802 - Qt's name
        return 0 if parent.isValid() else len(COLUMNS)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self.rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return row[index.column()]
        if role == Qt.ItemDataRole.ToolTipRole and index.column() in (2, 3, 4, 5):
            return row[index.column()]
        if role == Qt.ItemDataRole.UserRole:
            return row[6]
        if role == DecisionRole:
            return row[7]
        if role == Qt.ItemDataRole.FontRole and "possible" in row[6] and index.column() == 0:
            font = QFont()
            font.setBold(True)
            return font
        return None

    def headerData(  # noqa: N802 - Qt's name
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return COLUMNS[section]
        return None


DecisionRole = Qt.ItemDataRole.UserRole + 1


class PossibleMatchPanel(QGroupBox):
    """The selected possible match side by side with the journal's person: merge or keep apart."""

    chosen = Signal(int, bool)  # decision index, merge them

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("Possible match", parent)
        self.index = -1
        self.compare = QLabel(self)
        self.compare.setWordWrap(True)
        self.compare.setTextFormat(Qt.TextFormat.RichText)
        self.keep = QRadioButton("&Keep apart — add as a new person (the default)", self)
        self.merge = QRadioButton("&Merge — they are the same person", self)
        self.keep.toggled.connect(self._toggled)
        buttons = QHBoxLayout()
        buttons.addWidget(self.keep)
        buttons.addWidget(self.merge)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.compare)
        layout.addLayout(buttons)

    def show_decision(self, decision: merge.Decision | None) -> None:
        if decision is None or not (decision.possible or decision.action == merge.POSSIBLE):
            self.index = -1
            self.hide()
            return
        self.index = -1  # no signal while the buttons are set
        e = html.escape
        self.compare.setText(
            f"<table cellspacing=0 cellpadding=3><tr><td><b>In the file</b></td><td>{e(decision.name)}</td>"
            f"<td>— {e(decision.record_summary)}</td><td><i>({e(decision.position)})</i></td></tr>"
            f"<tr><td><b>In your journal</b></td><td>{e(decision.matched_name or '')}</td>"
            f"<td>— {e(decision.matched_summary)}</td><td></td></tr></table>"
            f"Why they may be the same person: {e(decision.reason)}."
        )
        merged = decision.action != merge.POSSIBLE
        (self.merge if merged else self.keep).setChecked(True)
        self.index = decision.index
        self.show()

    def _toggled(self) -> None:
        if self.index >= 0:
            self.chosen.emit(self.index, self.merge.isChecked())


