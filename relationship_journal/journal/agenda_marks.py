"""Today's snoozes and dismissals, kept in the journal (table agenda_marks).

A mark names a Today item by its key. Every change returns what it replaced, so the
window's undo and the command line's `today --restore` can put it back exactly.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING

from relationship_journal.journal.errors import ValidationError

if TYPE_CHECKING:
    from relationship_journal.journal.core import Journal

SNOOZED, DONE = "snoozed", "done"
SNOOZE_CHOICES = {"1 day": 1, "1 week": 7}


@dataclass(frozen=True)
class AgendaMark:
    key: str
    action: str  # snoozed | done
    until: dt.date | None  # snoozed: hidden before this day
    marked_on: dt.date

    def hides(self, as_of: dt.date) -> bool:
        return self.action == DONE or (self.until is not None and as_of < self.until)


class AgendaMarks:
    """`journal.agenda.marks`: read and change the marks."""

    def __init__(self, journal: Journal) -> None:
        self._journal = journal

    def all(self) -> dict[str, AgendaMark]:
        with self._journal.reading() as connection:
            rows = connection.execute(
                "SELECT item_key, action, until, marked_on FROM agenda_marks"
            ).fetchall()
        return {
            key: AgendaMark(
                key,
                action,
                dt.date.fromisoformat(until) if until else None,
                dt.date.fromisoformat(marked_on),
            )
            for key, action, until, marked_on in rows
        }

    def get(self, key: str) -> AgendaMark | None:
        return self.all().get(key)

    def put(self, key: str, mark: AgendaMark | None) -> AgendaMark | None:
        """Set (or with None, clear) the mark on `key`; returns the mark it replaced."""
        if not key.strip():
            raise ValidationError("a Today item needs its key")
        previous = self.get(key)
        with self._journal.database.writing() as connection:
            connection.execute("DELETE FROM agenda_marks WHERE item_key = ?", (key,))
            if mark is not None:
                connection.execute(
                    "INSERT INTO agenda_marks (item_key, action, until, marked_on) VALUES (?, ?, ?, ?)",
                    (
                        key,
                        mark.action,
                        mark.until.isoformat() if mark.until else None,
                        mark.marked_on.isoformat(),
                    ),
                )
        return previous

    def snooze(self, key: str, until: dt.date, on: dt.date) -> AgendaMark | None:
        """Hide the item until `until` (it shows again that day)."""
        if until <= on:
            raise ValidationError(
                f"snooze until a day after {on.isoformat()} (got {until.isoformat()})"
            )
        return self.put(key, AgendaMark(key, SNOOZED, until, on))

    def dismiss(self, key: str, on: dt.date) -> AgendaMark | None:
        return self.put(key, AgendaMark(key, DONE, None, on))
