"""The composer's ledger rows: the favours, promises and ask that came out of one meeting.

A meeting often yields more than one of each ("I sent him the deck, he introduced me to
Ana, I promised a call, he promised feedback"), so favours and promises are lists of
rows: "+ Another favour" / "+ Another promise" add one (and put the cursor in it), the ×
on a row removes it. All rows are saved with the entry in one write (one undo step).
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QToolButton,
    QWidget,
)

from relationship_journal import clock
from relationship_journal.gui.date_field import DateField, to_date, to_qdate
from relationship_journal.journal.meeting_log import AskNote, FavourNote, PromiseNote

FAVOUR_SIZES = {1: "small", 2: "medium", 3: "large"}
ASK_SIZES = {1: "small: advice, an intro", 2: "medium: time, a referral", 3: "big: a job, money"}


def select_data(combo: QComboBox, value: object) -> None:
    index = combo.findData(value)
    if index >= 0:
        combo.setCurrentIndex(index)


def _remove_button(parent: QWidget, what: str) -> QToolButton:
    button = QToolButton(parent)
    button.setText("×")
    button.setAutoRaise(True)
    button.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
    button.setToolTip(f"Remove this {what}")
    button.setAccessibleName(f"Remove this {what}")
    return button


class FavourRow:
    """One favour: who helped whom, with what, how big."""

    def __init__(self, parent: QWidget) -> None:
        self.direction = QComboBox(parent)
        self.direction.addItem("I helped them with", "given")
        self.direction.addItem("They helped me with", "received")
        self.what = QLineEdit(parent)
        self.what.setPlaceholderText("a favour done in this meeting (optional)")
        self.size = QComboBox(parent)
        self.size.setToolTip("How big the favour was")
        for size, text in FAVOUR_SIZES.items():
            self.size.addItem(text, size)
        self.remove = _remove_button(parent, "favour")

    def widgets(self) -> list[QWidget]:
        return [self.direction, self.what, self.size, self.remove]

    def note(self) -> FavourNote | None:
        what = self.what.text().strip()
        return (
            FavourNote(self.direction.currentData(), what, self.size.currentData())
            if what
            else None
        )

    def fill(self, note: FavourNote) -> None:
        select_data(self.direction, note.direction)
        self.what.setText(note.what)
        select_data(self.size, note.size)

    def to_draft(self) -> list[Any]:
        return [self.direction.currentData(), self.what.text(), self.size.currentData()]

    def from_draft(self, saved: list[Any]) -> None:
        saved = list(saved) + [None, "", 1][len(saved) :]
        select_data(self.direction, saved[0])
        self.what.setText(str(saved[1] or ""))
        select_data(self.size, saved[2])


class PromiseRow:
    """One promise: mine or theirs, what, and an optional due date."""

    def __init__(self, parent: QWidget) -> None:
        self.owner = QComboBox(parent)
        self.owner.addItem("I promised to", "mine")
        self.owner.addItem("They promised to", "theirs")
        self.text = QLineEdit(parent)
        self.text.setPlaceholderText("a promise made (optional)")
        self.due_on = QCheckBox("due", parent)
        self.due = DateField(to_qdate(clock.today()).addDays(7), parent)
        self.due.setEnabled(False)
        self.due_on.toggled.connect(self.due.setEnabled)
        self.remove = _remove_button(parent, "promise")

    def widgets(self) -> list[QWidget]:
        return [self.owner, self.text, self.due_on, self.due, self.remove]

    def due_date(self) -> dt.date | None:
        return to_date(self.due.date()) if self.due_on.isChecked() else None

    def note(self) -> PromiseNote | None:
        text = self.text.text().strip()
        return PromiseNote(self.owner.currentData(), text, self.due_date()) if text else None

    def fill(self, note: PromiseNote) -> None:
        select_data(self.owner, note.owner)
        self.text.setText(note.text)
        self.due_on.setChecked(note.due_date is not None)
        if note.due_date is not None:
            self.due.setDate(note.due_date)

    def to_draft(self) -> list[Any]:
        due = self.due_date()
        return [self.owner.currentData(), self.text.text(), due.isoformat() if due else None]

    def from_draft(self, saved: list[Any]) -> None:
        saved = list(saved) + [None, "", None][len(saved) :]
        select_data(self.owner, saved[0])
        self.text.setText(str(saved[1] or ""))
        due = None
        try:
            due = dt.date.fromisoformat(saved[2]) if saved[2] else None
        except (TypeError, ValueError):
            pass
        self.due_on.setChecked(due is not None)
        if due is not None:
            self.due.setDate(due)


class LedgerRows(QWidget):
    """Favour rows, promise rows, their "+ Another…" buttons and the ask row, in one grid.

    `key_filter` is installed on every field, including rows added later, so the
    composer's Ctrl+Enter saves from any of them.
    """

    changed = Signal()  # any field, or a row added or removed
    dates_changed = Signal()  # a due date became valid or invalid, or was switched on or off

    def __init__(self, key_filter: QObject, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._key_filter = key_filter
        self._before: QWidget | None = None
        self._after: QWidget | None = None
        self.grid = QGridLayout(self)
        self.grid.setContentsMargins(0, 0, 0, 0)
        self.grid.setHorizontalSpacing(8)
        self.grid.setVerticalSpacing(6)
        self.grid.setColumnStretch(1, 1)
        self.favours: list[FavourRow] = []
        self.promises: list[PromiseRow] = []
        self.adders = QWidget(self)
        adders = QHBoxLayout(self.adders)
        adders.setContentsMargins(0, 0, 0, 0)
        self.add_favour_button = QPushButton("+ Another favour", self.adders)
        self.add_favour_button.setToolTip("One more favour from this meeting")
        self.add_favour_button.clicked.connect(lambda: self.add_favour(focus=True))
        self.add_promise_button = QPushButton("+ Another promise", self.adders)
        self.add_promise_button.setToolTip("One more promise made in this meeting")
        self.add_promise_button.clicked.connect(lambda: self.add_promise(focus=True))
        for button in (self.add_favour_button, self.add_promise_button):
            button.setFlat(True)
            button.setAutoDefault(False)
            button.setCursor(Qt.CursorShape.PointingHandCursor)
            adders.addWidget(button)
        adders.addStretch(1)
        self.ask_label = QLabel("I asked them for", self)
        self.ask_what = QLineEdit(self)
        self.ask_what.setPlaceholderText(
            "something I asked of them (optional; its answer comes later)"
        )
        self.ask_what.setToolTip(
            "An ask stays open until you record how they answered (on the person's "
            "Overview, or Edit ▸ Record an ask's outcome); declined and ignored asks "
            "lower trust"
        )
        self.ask_size = QComboBox(self)
        for size, text in ASK_SIZES.items():
            self.ask_size.addItem(text, size)
        self.ask_what.textChanged.connect(self.changed)
        self.ask_size.currentIndexChanged.connect(self.changed)
        self.add_favour()
        self.add_promise()

    # --- rows ----------------------------------------------------------------------------
    def add_favour(self, note: FavourNote | None = None, focus: bool = False) -> FavourRow:
        row = FavourRow(self)
        if note is not None:
            row.fill(note)
        row.what.textChanged.connect(self.changed)
        for combo in (row.direction, row.size):
            combo.currentIndexChanged.connect(self.changed)
        row.remove.clicked.connect(lambda: self._remove(self.favours, row))
        self.favours.append(row)
        self._adopt(row.widgets(), row.what if focus else None)
        return row

    def add_promise(self, note: PromiseNote | None = None, focus: bool = False) -> PromiseRow:
        row = PromiseRow(self)
        if note is not None:
            row.fill(note)
        row.text.textChanged.connect(self.changed)
        row.owner.currentIndexChanged.connect(self.changed)
        row.due.dateChanged.connect(self.changed)
        row.due_on.toggled.connect(self.changed)
        row.due_on.toggled.connect(self.dates_changed)
        row.due.validity_changed.connect(self.dates_changed)
        row.remove.clicked.connect(lambda: self._remove(self.promises, row))
        self.promises.append(row)
        self._adopt(row.widgets(), row.text if focus else None)
        return row

    def _adopt(self, widgets: list[QWidget], focus: QWidget | None) -> None:
        for widget in widgets:
            widget.installEventFilter(self._key_filter)
            widget.show()  # now, not when the layout gets round to it: the cursor goes in at once
        self._arrange()
        if focus is not None:
            focus.setFocus(Qt.FocusReason.OtherFocusReason)
        self.changed.emit()

    def _remove(self, rows: list[Any], row: FavourRow | PromiseRow) -> None:
        if len(rows) < 2 or row not in rows:
            return
        index = rows.index(row)
        rows.remove(row)
        for widget in row.widgets():
            self.grid.removeWidget(widget)
            widget.hide()
            widget.deleteLater()
        self._arrange()
        neighbour = rows[max(0, index - 1)]
        (neighbour.what if isinstance(neighbour, FavourRow) else neighbour.text).setFocus()
        self.changed.emit()
        self.dates_changed.emit()

    def _clear_to_one(self) -> None:
        """Back to one empty row of each (the form's fresh state)."""
        for rows in (self.favours, self.promises):
            while len(rows) > 1:
                row = rows.pop()
                for widget in row.widgets():
                    self.grid.removeWidget(widget)
                    widget.hide()
                    widget.deleteLater()
        favour, promise = self.favours[0], self.promises[0]
        favour.what.clear()
        favour.direction.setCurrentIndex(0)
        favour.size.setCurrentIndex(0)
        promise.text.clear()
        promise.owner.setCurrentIndex(0)
        promise.due_on.setChecked(False)
        promise.due.setDate(to_qdate(clock.today()).addDays(7))
        self._arrange()

    def _arrange(self) -> None:
        """Lay the rows out again (top to bottom: favours, promises, the add buttons, the ask)."""
        place = 0
        for favour in self.favours:
            self.grid.addWidget(favour.direction, place, 0)
            self.grid.addWidget(favour.what, place, 1)
            self.grid.addWidget(favour.size, place, 2, 1, 2)
            self.grid.addWidget(favour.remove, place, 4)
            favour.remove.setVisible(len(self.favours) > 1)
            place += 1
        for promise in self.promises:
            for column, widget in enumerate(promise.widgets()):
                self.grid.addWidget(widget, place, column)
            promise.remove.setVisible(len(self.promises) > 1)
            place += 1
        self.grid.addWidget(self.adders, place, 0, 1, 5)
        self.grid.addWidget(self.ask_label, place + 1, 0)
        self.grid.addWidget(self.ask_what, place + 1, 1)
        self.grid.addWidget(self.ask_size, place + 1, 2, 1, 2)
        self.grid.activate()  # rows get their places now, so a click right away lands
        self._chain()

    # --- keyboard ------------------------------------------------------------------------
    def focus_chain(self) -> list[QWidget]:
        """Top to bottom, left to right, as the rows are shown."""
        chain: list[QWidget] = []
        for favour in self.favours:
            chain += favour.widgets()
        for promise in self.promises:
            chain += promise.widgets()
        return [
            *chain,
            self.add_favour_button,
            self.add_promise_button,
            self.ask_what,
            self.ask_size,
        ]

    def chain_between(self, before: QWidget, after: QWidget) -> None:
        """Tab goes from `before` through the rows to `after`, now and after rows change."""
        self._before, self._after = before, after
        self._chain()

    def _chain(self) -> None:
        if self._before is None or self._after is None:
            return
        chain = [self._before, *self.focus_chain(), self._after]
        for first, second in zip(chain, chain[1:], strict=False):
            QWidget.setTabOrder(first, second)

    # --- values --------------------------------------------------------------------------
    def notes(self) -> tuple[tuple[FavourNote, ...], tuple[PromiseNote, ...]]:
        favours = tuple(dict.fromkeys(n for r in self.favours if (n := r.note()) is not None))
        promises = tuple(dict.fromkeys(p for r in self.promises if (p := r.note()) is not None))
        return favours, promises

    def asks(self) -> tuple[AskNote, ...]:
        what = self.ask_what.text().strip()
        return (
            (AskNote(what, self.ask_size.currentData()),)
            if what and not self.ask_what.isHidden()
            else ()
        )

    def due_fields(self) -> list[DateField]:
        return [row.due for row in self.promises]

    def is_blank(self) -> bool:
        favours, promises = self.notes()
        return not (favours or promises or self.ask_what.text().strip())

    def set_notes(self, favours: tuple[FavourNote, ...], promises: tuple[PromiseNote, ...]) -> None:
        """Show exactly these favours and promises (one empty row of a kind when it has none)."""
        self._clear_to_one()
        if favours:
            self.favours[0].fill(favours[0])
        for favour in favours[1:]:
            self.add_favour(favour)
        if promises:
            self.promises[0].fill(promises[0])
        for promise in promises[1:]:
            self.add_promise(promise)

    def show_ask(self, shown: bool) -> None:
        """An ask is recorded with a new entry only (editing one has no ask row)."""
        for widget in (self.ask_label, self.ask_what, self.ask_size):
            widget.setVisible(shown)

    def reset(self) -> None:
        self._clear_to_one()
        self.ask_what.clear()
        self.ask_size.setCurrentIndex(0)
        self.show_ask(True)

    def to_draft(self) -> dict[str, Any]:
        return {
            "favours": [row.to_draft() for row in self.favours],
            "promises": [row.to_draft() for row in self.promises],
            "ask": [self.ask_what.text(), self.ask_size.currentData()],
        }

    def load_draft(self, draft: dict[str, Any]) -> None:
        """Rows as saved; a draft from before several rows (`favour`/`promise`) still loads."""
        self._clear_to_one()
        favours = draft.get("favours") or ([draft["favour"]] if draft.get("favour") else [])
        promises = draft.get("promises") or ([draft["promise"]] if draft.get("promise") else [])
        for index, saved in enumerate(f for f in favours if isinstance(f, list)):
            (self.favours[0] if index == 0 else self.add_favour()).from_draft(saved)
        for index, saved in enumerate(p for p in promises if isinstance(p, list)):
            (self.promises[0] if index == 0 else self.add_promise()).from_draft(saved)
        ask = draft.get("ask") or ["", 1]
        self.ask_what.setText(str(ask[0] or ""))
        select_data(self.ask_size, ask[1] if len(ask) > 1 else 1)
