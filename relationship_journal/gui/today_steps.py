"""Undoable Today actions: snooze, done, and making an introduction.

Each is a `undo.Step`, so Ctrl+Z takes it back like any other change; the work itself
is the journal's (journal.agenda, journal.introductions).
"""

from __future__ import annotations

import datetime as dt

from relationship_journal.gui.undo import Apply, Step
from relationship_journal.journal.agenda import AgendaUndo, TodayItem
from relationship_journal.journal.core import Journal
from relationship_journal.journal.introductions import make_introduction, undo_introduction
from relationship_journal.journal.records import Changes


class SnoozeItem(Step):
    def __init__(
        self, journal: Journal, apply: Apply, item: TodayItem, until: dt.date, on: dt.date
    ) -> None:
        super().__init__(f"Snooze “{item.title}”")
        self.journal, self.apply, self.item, self.until, self.on = journal, apply, item, until, on
        self.undo_record: AgendaUndo | None = None

    def do(self) -> None:
        self.undo_record = self.journal.agenda.snooze(self.item.key, self.until, self.on)
        self.apply(Changes(contacts=frozenset(self.item.contact_ids)))

    def revert(self) -> None:
        if self.undo_record is not None:
            self.journal.agenda.undo(self.undo_record)
            self.apply(Changes(contacts=frozenset(self.item.contact_ids)))


class SettleItem(Step):
    """Done: a promise is marked kept; anything else is dismissed."""

    def __init__(self, journal: Journal, apply: Apply, item: TodayItem, on: dt.date) -> None:
        super().__init__(f"Done: {item.title}")
        self.journal, self.apply, self.item, self.on = journal, apply, item, on
        self.undo_record: AgendaUndo | None = None

    def do(self) -> None:
        self.undo_record = self.journal.agenda.settle(self.item, self.on)
        self.apply(Changes(contacts=frozenset(self.item.contact_ids)))

    def revert(self) -> None:
        if self.undo_record is not None:
            self.journal.agenda.undo(self.undo_record)
            self.apply(Changes(contacts=frozenset(self.item.contact_ids)))


class MakeIntroduction(Step):
    """A favour given to both people, and this week's suggestion settled."""

    def __init__(self, journal: Journal, apply: Apply, item: TodayItem, on: dt.date) -> None:
        super().__init__(f"Introduce {' and '.join(item.names)}")
        self.journal, self.apply, self.item, self.on = journal, apply, item, on
        self.favours: tuple[int, ...] = ()
        self.undo_record: AgendaUndo | None = None

    def do(self) -> None:
        first, second = self.item.contact_ids
        changes, self.favours = make_introduction(self.journal, first, second, self.on)
        self.undo_record = self.journal.agenda.settle(self.item, self.on)
        self.apply(changes)

    def revert(self) -> None:
        if self.undo_record is not None:
            self.journal.agenda.undo(self.undo_record)
        self.apply(undo_introduction(self.journal, self.favours))
