"""Undo and redo, kept in the journal: one history for the window and the command line.

A change is recorded by running its writes inside `history.recording(label)`; the
store's change log writes down how to reverse every row they touch. `undo()` replays
the newest done change's reversal, `redo()` the newest undone one's, each as one
transaction that returns the `Changes` the views need. Because the history lives in the
file, an entry logged on the command line can be undone in the window and the other
way round, and undo survives a restart. It is bounded (`KEPT` changes).
"""

from __future__ import annotations

import json
import secrets
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import TYPE_CHECKING

from relationship_journal import clock
from relationship_journal.journal.errors import JournalError
from relationship_journal.journal.records import Changes
from relationship_journal.store import change_log

if TYPE_CHECKING:
    from relationship_journal.journal.core import Journal

KEPT = 100  # changes that can be undone; older ones are forgotten

WINDOW = "window"
COMMAND_LINE = "command line"


class NothingToUndo(JournalError):
    """The history has no change in that direction."""


@dataclass(frozen=True)
class HistoryEntry:
    """One change as the history shows it."""

    id: int
    label: str
    done: bool
    made_at: str
    made_by: str


@dataclass(frozen=True)
class Stepped:
    """What an undo or redo did: which change, and what it touched."""

    label: str
    changes: Changes


def _new_key() -> int:
    return secrets.randbits(62) + 1


class History:
    """The journal's bounded list of changes, newest last."""

    def __init__(self, journal: Journal) -> None:
        self._journal = journal

    @contextmanager
    def recording(self, label: str, made_by: str = COMMAND_LINE) -> Iterator[None]:
        """Record the writes made inside as one change called `label`.

        A write that fails is rolled back whole, so only what landed is recorded; a
        block that wrote nothing leaves the history as it was.
        """
        key = _new_key()
        try:
            with change_log.capturing(key):
                yield
        finally:
            self._keep(key, label, made_by)

    def _keep(self, key: int, label: str, made_by: str) -> None:
        with self._journal.database.writing() as connection:
            if not change_log.has_rows(connection, key):
                return
            undone = [
                row[0]
                for row in connection.execute("SELECT capture FROM history WHERE state = 'undone'")
            ]
            connection.execute(
                "DELETE FROM history WHERE state = 'undone'"
            )  # a new change ends redo
            connection.execute(
                "INSERT INTO history (label, state, capture, made_at, made_by) VALUES (?, 'done', ?, ?, ?)",
                (label, key, clock.now().isoformat(timespec="seconds"), made_by),
            )
            old = connection.execute(
                "SELECT id, capture FROM history ORDER BY id DESC LIMIT -1 OFFSET ?", (KEPT,)
            ).fetchall()
            connection.execute(
                "DELETE FROM history WHERE id IN (SELECT value FROM json_each(?))",
                (json.dumps([row[0] for row in old]),),
            )
            change_log.forget(connection, undone + [row[1] for row in old])

    def undo(self) -> Stepped:
        """Reverse the newest change still done."""
        return self._step("done", "undone", "nothing to undo")

    def redo(self) -> Stepped:
        """Make again the change undone last."""
        return self._step("undone", "done", "nothing to redo")

    def _step(self, state: str, becomes: str, nothing: str) -> Stepped:
        order = "DESC" if state == "done" else "ASC"
        new_key = _new_key()  # the replay records its own reverse under this key
        with change_log.capturing(new_key), self._journal.database.writing() as connection:
            found = connection.execute(
                f"SELECT id, label, capture FROM history WHERE state = ? ORDER BY id {order} LIMIT 1",
                (state,),
            ).fetchone()
            if found is None:
                raise NothingToUndo(nothing)
            entry_id, label, key = found
            change_log.replay(connection, key)
            connection.execute(
                "UPDATE history SET state = ?, capture = ? WHERE id = ?",
                (becomes, new_key, entry_id),
            )
            touched = change_log.touched(connection, new_key)
        return Stepped(label, Changes(touched.contacts, touched.interactions))

    def entries(self, limit: int = 20) -> list[HistoryEntry]:
        """The newest changes, newest first, done and undone."""
        with self._journal.reading() as connection:
            rows = connection.execute(
                "SELECT id, label, state, made_at, made_by FROM history ORDER BY id DESC LIMIT ?",
                (limit,),
            ).fetchall()
        return [
            HistoryEntry(i, label, state == "done", made_at, by)
            for i, label, state, made_at, by in rows
        ]

    def counts(self) -> tuple[int, int]:
        """(changes undo can take back, changes redo can make again)."""
        with self._journal.reading() as connection:
            done, undone = connection.execute(
                "SELECT count(*) FILTER (WHERE state = 'done'), count(*) FILTER (WHERE state = 'undone') FROM history"
            ).fetchone()
        return done, undone

    def next_labels(self) -> tuple[str | None, str | None]:
        """(what undo would reverse, what redo would make again), for menus and tooltips."""
        with self._journal.reading() as connection:
            undo = connection.execute(
                "SELECT label FROM history WHERE state = 'done' ORDER BY id DESC LIMIT 1"
            ).fetchone()
            redo = connection.execute(
                "SELECT label FROM history WHERE state = 'undone' ORDER BY id ASC LIMIT 1"
            ).fetchone()
        return (undo[0] if undo else None, redo[0] if redo else None)
