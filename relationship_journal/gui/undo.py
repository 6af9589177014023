"""Undoable steps and the window's Undo/Redo: every change the user makes is one step.

A step is a label and a write through the journal; the window runs it inside the
journal's history (journal/history.py), which records how to reverse every row it
touched. Undo and Redo walk that history, so they take back the newest change
whoever made it (this window, the command line, another window) and still work after
a restart. Each step hands the resulting `Changes` to `apply`, so the list, the page
and the dashboard refresh only what was touched.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, Signal

from relationship_journal.errors import AppError
from relationship_journal.journal.core import Journal
from relationship_journal.journal.history import WINDOW, NothingToUndo, Stepped
from relationship_journal.journal.meeting_log import (
    AskNote,
    FavourNote,
    PromiseNote,
    log_meeting,
    update_meeting,
)
from relationship_journal.journal.records import (
    Changes,
    ContactFields,
    InteractionFields,
    InteractionView,
)

Apply = Callable[[Changes], None]


class Step:
    """One change: `do()` writes it and hands its `Changes` to the views.

    There is nothing to write for undo: the journal's history reverses the rows the
    write touched. (Older steps may still define `revert`; it is not called.)
    """

    def __init__(self, label: str) -> None:
        self._label = label

    def text(self) -> str:
        return self._label

    def do(self) -> None:
        raise NotImplementedError


class UndoStack(QObject):
    """The window's face on the journal's history: what Ctrl+Z and Ctrl+Shift+Z walk.

    A refused write (full disk, locked file) is shown and leaves the history where it
    was, so the next undo still takes back the change the file really holds.
    """

    canUndoChanged = Signal(bool)
    canRedoChanged = Signal(bool)
    undoTextChanged = Signal(str)
    redoTextChanged = Signal(str)

    def __init__(self, parent: QObject, journal: Journal, apply: Apply,
                 report: Callable[[BaseException], None]) -> None:
        super().__init__(parent)
        self._journal, self._apply, self._report = journal, apply, report
        self._undo_label: str | None = None
        self._redo_label: str | None = None
        self._done = 0
        self._undone = 0

    def record(self, step: Step) -> None:
        """Run the step's write as one change in the history (JournalError/StoreError pass up)."""
        try:
            with self._journal.history.recording(step.text(), WINDOW):
                step.do()
        finally:
            self.refresh()

    def undo(self) -> Stepped | None:
        return self._walk(self._journal.history.undo)

    def redo(self) -> Stepped | None:
        return self._walk(self._journal.history.redo)

    def _walk(self, move: Callable[[], Stepped]) -> Stepped | None:
        try:
            stepped = move()
        except NothingToUndo:
            return None
        except AppError as error:
            self._report(error)
            return None
        finally:
            self.refresh()
        self._apply(stepped.changes)
        return stepped

    def refresh(self) -> None:
        """Read what undo and redo would do now (the command line may have changed it)."""
        history = self._journal.history
        try:
            undo_label, redo_label = history.next_labels()
            self._done, self._undone = history.counts()
        except AppError:
            undo_label = redo_label = None
            self._done = self._undone = 0
        if (undo_label is None) != (self._undo_label is None):
            self.canUndoChanged.emit(undo_label is not None)
        if (redo_label is None) != (self._redo_label is None):
            self.canRedoChanged.emit(redo_label is not None)
        if undo_label != self._undo_label:
            self.undoTextChanged.emit(undo_label or "")
        if redo_label != self._redo_label:
            self.redoTextChanged.emit(redo_label or "")
        self._undo_label, self._redo_label = undo_label, redo_label

    def clear(self) -> None:
        """The file was replaced (a restore): show its own history instead."""
        self.refresh()

    def canUndo(self) -> bool:  # noqa: N802 - Qt's name, kept for the actions
        return self._undo_label is not None

    def canRedo(self) -> bool:  # noqa: N802
        return self._redo_label is not None

    def undoText(self) -> str:  # noqa: N802
        return self._undo_label or ""

    def redoText(self) -> str:  # noqa: N802
        return self._redo_label or ""

    def count(self) -> int:
        """Changes in the history, done and undone."""
        return self._done + self._undone

    def index(self) -> int:
        """Changes still done (undo takes back the newest of them)."""
        return self._done


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


class AddLedgerEntry(Step):
    """A favour, promise or ask recorded without a meeting."""

    def __init__(self, journal: Journal, apply: Apply, kind: str, label: str,
                 add: Callable[[], Changes]) -> None:
        super().__init__(label)
        self.journal, self.apply, self.kind, self.add = journal, apply, kind, add
        self.created: int | None = None

    def do(self) -> None:
        changes = self.add()
        self.created = changes.created_id
        self.apply(changes)


class ResolveAsk(Step):
    """How they answered an ask (helped, declined, ignored)."""

    def __init__(self, journal: Journal, apply: Apply, ask_id: int, what: str, outcome: str,
                 on: dt.date, before: str = "open", before_on: dt.date | None = None) -> None:
        super().__init__(f"Ask “{what[:40]}”: {outcome}")
        self.journal, self.apply, self.ask_id = journal, apply, ask_id
        self.outcome, self.on, self.before, self.before_on = outcome, on, before, before_on

    def do(self) -> None:
        self.apply(self.journal.ledger.resolve_ask(self.ask_id, self.outcome, self.on))


class EditInteraction(Step):
    """An entry rewritten; with `favours`/`promises` given, its ledger rows become those too."""

    def __init__(self, journal: Journal, apply: Apply, before: InteractionView,
                 after: InteractionFields, favours: tuple[FavourNote, ...] | None = None,
                 promises: tuple[PromiseNote, ...] | None = None) -> None:
        super().__init__("Edit interaction")
        self.journal, self.apply, self.before, self.after = journal, apply, before, after
        self.favours, self.promises = favours, promises

    def do(self) -> None:
        if self.favours is None and self.promises is None:
            self.apply(self.journal.interactions.update(self.before.id, self.after))
        else:
            self.apply(update_meeting(self.journal, self.before.id, self.after, self.favours or (),
                                      self.promises or ()))


class DeleteInteraction(Step):
    def __init__(self, journal: Journal, apply: Apply, entry: InteractionView) -> None:
        super().__init__("Delete interaction")
        self.journal, self.apply, self.entry = journal, apply, entry

    def do(self) -> None:
        self.apply(self.journal.interactions.delete(self.entry.id))


class EditProfile(Step):
    def __init__(self, journal: Journal, apply: Apply, contact_id: int, name: str,
                 before: Any, after: Any) -> None:
        super().__init__(f"Edit {name.replace('_', ' ')}")
        self.journal, self.apply = journal, apply
        self.contact_id, self.name, self.before, self.after = contact_id, name, before, after

    def do(self) -> None:
        self.apply(self.journal.contacts.update(self.contact_id, **{self.name: self.after}))


class SetCommitmentDone(Step):
    def __init__(self, journal: Journal, apply: Apply, commitment_id: int, before: Any, after: Any) -> None:
        super().__init__("Mark promise done" if after else "Reopen promise")
        self.journal, self.apply = journal, apply
        self.commitment_id, self.before, self.after = commitment_id, before, after

    def do(self) -> None:
        self.apply(self.journal.ledger.set_commitment_done(self.commitment_id, self.after))


class AddContact(Step):
    """A new person; `created` is their id once written."""

    def __init__(self, journal: Journal, apply: Apply, fields: ContactFields) -> None:
        super().__init__(f"Add {fields.display_name.strip()}")
        self.journal, self.apply, self.fields = journal, apply, fields
        self.created: int | None = None

    def do(self) -> None:
        changes = self.journal.contacts.add(self.fields)
        self.created = changes.created_id
        self.apply(changes)


class SnapshotStep(Step):
    """A change to many rows of some people at once (bulk actions, merges)."""

    def __init__(self, journal: Journal, apply: Apply, label: str, contact_ids: list[int],
                 action: Callable[[], Changes]) -> None:
        super().__init__(label)
        self.journal, self.apply, self.contact_ids, self.action = journal, apply, contact_ids, action

    def do(self) -> None:
        self.apply(self.action())
