"""A date field that reads what people type and says plainly when it is no date.

QDateEdit ignored "yesterday" and "31/02/2026" without a word and rolled "2026-02-31"
into March's neighbour. This field takes the user's locale order, ISO and the words
today / yesterday (journal/days.py reads them, the same as the command line); an
impossible day turns the field red, `problem` holds the one-line reason and `valid`
goes False, so the form can say why and keep Save disabled.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate, QLocale, Signal
from PySide6.QtWidgets import QCalendarWidget, QLineEdit, QMenu, QWidget, QWidgetAction

from relationship_journal import clock
from relationship_journal.gui.resources import icon
from relationship_journal.gui.theme import colours
from relationship_journal.journal.days import parse_day
from relationship_journal.journal.errors import ValidationError


def locale_orders() -> tuple[str, ...]:
    """The order of day, month and year in the user's short date format, then ISO's."""
    pattern = QLocale().dateFormat(QLocale.FormatType.ShortFormat).lower()
    positions = {part: pattern.find(part) for part in "dmy"}
    order = "".join(sorted((p for p in positions if positions[p] >= 0), key=positions.__getitem__))
    return tuple(dict.fromkeys(o for o in (order, "ymd") if len(o) == 3))


class DateField(QLineEdit):
    """`date()` / `setDate()` as QDateEdit has, plus `valid` and `problem`."""

    dateChanged = Signal(QDate)  # noqa: N815 - the name QDateEdit uses, so callers need not change
    validity_changed = Signal(bool)

    def __init__(self, day: QDate | dt.date | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._date = to_qdate(day if day is not None else clock.today())
        self.valid = True
        self.problem = ""
        self.setPlaceholderText("YYYY-MM-DD, today, yesterday")
        self.setToolTip("Type a date (YYYY-MM-DD or your usual format), “today” or “yesterday”")
        calendar_action = self.addAction(
            icon("timeline", colours().muted), QLineEdit.ActionPosition.TrailingPosition
        )
        calendar_action.setToolTip("Pick from a calendar")
        calendar_action.triggered.connect(self._pick)
        self.textEdited.connect(self._read)
        self.editingFinished.connect(self._tidy)
        self._show()

    def date(self) -> QDate:
        return QDate(self._date)

    def setDate(self, day: QDate | dt.date) -> None:  # noqa: N802 - QDateEdit's name
        day = to_qdate(day)
        changed = day != self._date
        self._date = day
        self._show()
        self._set_valid(True, "")
        if changed:
            self.dateChanged.emit(QDate(day))

    def _show(self) -> None:
        self.setText(self._date.toString("yyyy-MM-dd"))

    def _read(self, text: str) -> None:
        try:
            day = parse_day(text, clock.today(), locale_orders())
        except ValidationError as error:
            self._set_valid(False, str(error))
            return
        self._set_valid(True, "")
        if to_qdate(day) != self._date:
            self._date = to_qdate(day)
            self.dateChanged.emit(to_qdate(day))

    def _tidy(self) -> None:
        """Leaving the field: a word or a local format becomes the plain date it means."""
        if self.valid:
            self._show()

    def _set_valid(self, valid: bool, problem: str) -> None:
        was = self.valid
        self.valid, self.problem = valid, problem
        bad = colours().bands["cold"]
        self.setStyleSheet(
            "" if valid else f"QLineEdit {{ color: {bad}; border: 1px solid {bad}; }}"
        )
        self.setToolTip(
            problem or "Type a date (YYYY-MM-DD or your usual format), “today” or “yesterday”"
        )
        if valid != was or not valid:
            self.validity_changed.emit(valid)

    def _pick(self) -> None:
        menu = QMenu(self)
        calendar = QCalendarWidget(menu)
        calendar.setSelectedDate(self._date)
        holder = QWidgetAction(menu)
        holder.setDefaultWidget(calendar)
        menu.addAction(holder)

        def choose(day: QDate) -> None:
            self.setDate(day)
            menu.close()

        calendar.clicked.connect(choose)
        menu.exec(self.mapToGlobal(self.rect().bottomLeft()))


def to_qdate(day: QDate | dt.date) -> QDate:
    """A QDate for a date (PySide6 takes a `datetime.date` at run time; not every
    version's stubs say so)."""
    if isinstance(day, QDate):
        return QDate(day)
    return QDate(day.year, day.month, day.day)


def to_date(day: QDate) -> dt.date:
    """`QDate.toPython()` as the date it is (PySide6's stubs say only `object`)."""
    value = day.toPython()
    assert isinstance(value, dt.date)
    return value
