"""Undoable steps: every change the user makes in the window is one of these.

Each command does its write through the journal and hands the resulting `Changes`
to `apply`, so the list, the page and the dashboard refresh only what was touched.
Writes that span many rows (bulk actions, merges) undo by restoring a snapshot.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from PySide6.QtGui import QUndoCommand, QUndoStack

from relationship_journal.journal.core import Journal
from relationship_journal.journal.errors import JournalError
from relationship_journal.journal.meeting_log import (
    AskNote,
    FavourNote,
    PromiseNote,
    log_meeting,
    remove_meeting,
)
from relationship_journal.journal.records import Changes, InteractionFields, InteractionView
from relationship_journal.journal.snapshots import Snapshot, capture, restore
from relationship_journal.store.errors import StoreError

Apply = Callable[[Changes], None]


class Step(QUndoCommand):
    """Base of every step: `do`/`revert` do the work; errors go to `report`, not to Qt.

    The window runs `do()` itself before pushing (so a refused write never lands on the
    stack) and the first `redo()` Qt calls on push is then skipped.
    """

    report: Callable[[Exception], None] = staticmethod(lambda error: None)  # type: ignore[assignment]

    def __init__(self, label: str) -> None:
        super().__init__(label)
        self.already_done = False
        self.failed = False  # the last undo/redo changed nothing: UndoStack steps back
        self.skip_revert = False

    def do(self) -> None:
        raise NotImplementedError

    def revert(self) -> None:
        raise NotImplementedError

    def redo(self) -> None:
        if self.already_done:
            self.already_done = False
            return
        try:
            self.do()
        except (JournalError, StoreError) as error:
            self.failed = True
            Step.report(error)

    def undo(self) -> None:
        if self.skip_revert:
            self.skip_revert = False
            return
        try:
            self.revert()
        except (JournalError, StoreError) as error:
            self.failed = True
            Step.report(error)


class UndoStack(QUndoStack):
    """A QUndoStack whose index stays put when a step's write fails.

    QUndoStack moves its index whatever the command did; after a refused undo (full
    disk, locked file) the stack would claim a change the database never saw, and the
    next undo would revert the wrong step. So a failed step is stepped back over
    without running it again (`already_done` / `skip_revert`).
    """

    def undo(self) -> None:
        index = self.index()
        if index <= 0:
            return
        step = self.command(index - 1)
        super().undo()
        if isinstance(step, Step) and step.failed:
            step.failed = False
            step.already_done = True  # the change is still in the database
            super().redo()

    def redo(self) -> None:
        index = self.index()
        if index >= self.count():
            return
        step = self.command(index)
        super().redo()
        if isinstance(step, Step) and step.failed:
            step.failed = False
            step.skip_revert = True  # the change never reached the database
            super().undo()


class LogInteraction(Step):
    def __init__(self, journal: Journal, apply: Apply, fields: InteractionFields,
                 favours: tuple[FavourNote, ...], promises: tuple[PromiseNote, ...],
                 asks: tuple[AskNote, ...] = ()) -> None:
        super().__init__(f"Log {fields.kind}")
        self.journal, self.apply = journal, apply
        self.fields, self.favours, self.promises, self.asks = fields, favours, promises, asks
        self.created: int | None = None

    def do(self) -> None:
        changes = log_meeting(self.journal, self.fields, self.favours, self.promises, self.asks)
        self.created = changes.created_id
        self.apply(changes)

    def revert(self) -> None:
        if self.created is not None:
            self.apply(remove_meeting(self.journal, self.created))


class AddLedgerEntry(Step):
    """A favour, promise or ask recorded without a meeting; undo deletes it, redo adds it again."""

    def __init__(self, journal: Journal, apply: Apply, kind: str, label: str,
                 add: Callable[[], Changes]) -> None:
        super().__init__(label)
        self.journal, self.apply, self.kind, self.add = journal, apply, kind, add
        self.created: int | None = None

    def do(self) -> None:
        changes = self.add()
        self.created = changes.created_id
        self.apply(changes)

    def revert(self) -> None:
        if self.created is not None:
            self.apply(self.journal.ledger.delete(self.kind, self.created))


class ResolveAsk(Step):
    """How they answered an ask (helped, declined, ignored); undo makes it open again."""

    def __init__(self, journal: Journal, apply: Apply, ask_id: int, what: str, outcome: str,
                 on: dt.date, before: str = "open", before_on: dt.date | None = None) -> None:
        super().__init__(f"Ask “{what[:40]}”: {outcome}")
        self.journal, self.apply, self.ask_id = journal, apply, ask_id
        self.outcome, self.on, self.before, self.before_on = outcome, on, before, before_on

    def do(self) -> None:
        self.apply(self.journal.ledger.resolve_ask(self.ask_id, self.outcome, self.on))

    def revert(self) -> None:
        self.apply(self.journal.ledger.resolve_ask(self.ask_id, self.before, self.before_on or self.on))


class EditInteraction(Step):
    def __init__(self, journal: Journal, apply: Apply, before: InteractionView,
                 after: InteractionFields) -> None:
        super().__init__("Edit interaction")
        self.journal, self.apply, self.before, self.after = journal, apply, before, after

    def do(self) -> None:
        self.apply(self.journal.interactions.update(self.before.id, self.after))

    def revert(self) -> None:
        fields = InteractionFields(**{
            name: getattr(self.before, name) for name in InteractionFields.__dataclass_fields__
        })
        self.apply(self.journal.interactions.update(self.before.id, fields))


class DeleteInteraction(Step):
    def __init__(self, journal: Journal, apply: Apply, entry: InteractionView) -> None:
        super().__init__("Delete interaction")
        self.journal, self.apply, self.entry = journal, apply, entry
        self.snapshot: Snapshot | None = None

    def do(self) -> None:
        self.apply(self.journal.interactions.delete(self.entry.id))

    def revert(self) -> None:
        self.apply(self.journal.interactions.restore(self.entry))


class EditProfile(Step):
    def __init__(self, journal: Journal, apply: Apply, contact_id: int, name: str,
                 before: Any, after: Any) -> None:
        super().__init__(f"Edit {name.replace('_', ' ')}")
        self.journal, self.apply = journal, apply
        self.contact_id, self.name, self.before, self.after = contact_id, name, before, after

    def do(self) -> None:
        self.apply(self.journal.contacts.update(self.contact_id, **{self.name: self.after}))

    def revert(self) -> None:
        self.apply(self.journal.contacts.update(self.contact_id, **{self.name: self.before}))


class SetCommitmentDone(Step):
    def __init__(self, journal: Journal, apply: Apply, commitment_id: int, before, after) -> None:  # type: ignore[no-untyped-def]
        super().__init__("Mark promise done" if after else "Reopen promise")
        self.journal, self.apply = journal, apply
        self.commitment_id, self.before, self.after = commitment_id, before, after

    def do(self) -> None:
        self.apply(self.journal.ledger.set_commitment_done(self.commitment_id, self.after))

    def revert(self) -> None:
        self.apply(self.journal.ledger.set_commitment_done(self.commitment_id, self.before))


class AddContact(Step):
    """A person the user just added: undo deletes them, redo puts the same rows back."""

    def __init__(self, journal: Journal, apply: Apply, contact_id: int, name: str) -> None:
        super().__init__(f"Add {name}")
        self.journal, self.apply, self.contact_id = journal, apply, contact_id
        self.snapshot: Snapshot | None = None

    def do(self) -> None:
        # The add itself ran before the step was pushed; only a redo gets here.
        if self.snapshot is not None:
            self.apply(restore(self.journal, self.snapshot))

    def revert(self) -> None:
        self.snapshot = capture(self.journal, [self.contact_id])
        self.apply(self.journal.contacts.delete([self.contact_id]))


class SnapshotStep(Step):
    """A change to many rows of some people; undo puts their rows back exactly."""

    def __init__(self, journal: Journal, apply: Apply, label: str, contact_ids: list[int],
                 action: Callable[[], Changes]) -> None:
        super().__init__(label)
        self.journal, self.apply, self.contact_ids, self.action = journal, apply, contact_ids, action
        self.snapshot: Snapshot | None = None

    def do(self) -> None:
        self.snapshot = capture(self.journal, self.contact_ids)
        self.apply(self.action())

    def revert(self) -> None:
        if self.snapshot is not None:
            self.apply(restore(self.journal, self.snapshot))
