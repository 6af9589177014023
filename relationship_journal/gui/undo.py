"""The window's one way to change the journal, and its Undo/Redo.

Every change the person makes is a label and a write through the journal. `write`
runs it on a worker inside the journal's history (journal/history.py), which records
how to reverse every row it touched; `undo` and `redo` walk that history on the worker
too, so they take back the newest change whoever made it (this window, the command
line, another window) and still work after a restart. Writes run one at a time, in the
order asked, on a pool of their own: a long health computation never holds one up.

Each finished change goes out as one `changed(Changes, initiator)` notice on the GUI
thread; every view decides from it what to reload (gui/view_refresh.py).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QObject, QThreadPool, Signal

from relationship_journal.errors import AppError
from relationship_journal.gui.worker import Operation, Progress
from relationship_journal.journal.core import Journal
from relationship_journal.journal.history import WINDOW, NothingToUndo
from relationship_journal.journal.records import Changes

Write = Callable[[Journal], Changes]
Report = Callable[[BaseException], None]

UNDO, REDO = "undo", "redo"  # the initiators of a walk through the history


@dataclass(frozen=True)
class HistoryState:
    """What Undo and Redo would do now, read on the worker after each change."""

    undo_label: str | None = None
    redo_label: str | None = None
    done: int = 0
    undone: int = 0


def read_history(journal: Journal) -> HistoryState:
    """The history's ends and size (an unreadable history reads as empty)."""
    try:
        undo_label, redo_label = journal.history.next_labels()
        done, undone = journal.history.counts()
    except AppError:
        return HistoryState()
    return HistoryState(undo_label, redo_label, done, undone)


def writes_pool() -> QThreadPool:
    """One thread for writes: they land in the order they were asked for."""
    global _POOL
    if _POOL is None:
        _POOL = QThreadPool()
        _POOL.setMaxThreadCount(1)
        _POOL.setExpiryTimeout(-1)
    return _POOL


_POOL: QThreadPool | None = None


def wait_for_writes(msecs: int = 10000) -> bool:
    return _POOL is None or _POOL.waitForDone(msecs)


class UndoStack(QObject):
    """The window's face on the journal's history, and the one entry for its writes.

    A refused write (full disk, locked file) is reported and leaves the history where it
    was, so the next undo still takes back the change the file really holds.
    """

    changed = Signal(object, object)  # Changes, initiator (who asked for it, UNDO or REDO)
    canUndoChanged = Signal(bool)
    canRedoChanged = Signal(bool)
    undoTextChanged = Signal(str)
    redoTextChanged = Signal(str)

    def __init__(
        self,
        parent: QObject,
        journal: Journal,
        apply: Callable[[Changes], None] | None,
        report: Report,
    ) -> None:
        super().__init__(parent)
        self._parent, self._journal, self._report = parent, journal, report
        if apply is not None:
            self.changed.connect(lambda changes, _initiator: apply(changes))
        self._state = HistoryState()
        # Run on the writes' thread straight after each write lands, before any other job
        # there: the window's watcher takes in its own commit (gui/window_services.py).
        self.after_write: Callable[[], object] | None = None

    # --- changing the journal ------------------------------------------------------------
    def write(
        self,
        label: str,
        work: Write,
        initiator: object = None,
        done: Callable[[Changes], None] | None = None,
        failed: Report | None = None,
    ) -> None:
        """Run `work` on the writes' worker as one change called `label` in the history.

        On success the views hear `changed`, then `done` runs; a refusal goes to `failed`
        (or the window's report) and nothing is recorded.
        """
        journal = self._journal

        def run(_progress: Progress) -> tuple[Changes, HistoryState]:
            with journal.history.recording(label, WINDOW):
                changes = work(journal)
            return changes, read_history(journal)

        def succeeded(result: tuple[Changes, HistoryState]) -> None:
            changes, state = result
            self._show(state)
            self.changed.emit(changes, initiator)
            if done is not None:
                done(changes)

        self._run(run, succeeded, failed or self._report)

    def undo(self) -> None:
        self._walk(UNDO)

    def redo(self) -> None:
        self._walk(REDO)

    def _walk(self, direction: str) -> None:
        journal = self._journal

        def run(_progress: Progress) -> tuple[Changes | None, HistoryState]:
            history = journal.history
            try:
                stepped = history.undo() if direction == UNDO else history.redo()
            except NothingToUndo:
                return None, read_history(journal)
            return stepped.changes, read_history(journal)

        def succeeded(result: tuple[Changes | None, HistoryState]) -> None:
            changes, state = result
            self._show(state)
            if changes is not None:
                self.changed.emit(changes, direction)

        self._run(run, succeeded, self._report)

    def _run(
        self, work: Callable[[Progress], Any], succeeded: Callable[[Any], None], failed: Report
    ) -> None:
        def refused(error: BaseException) -> None:
            self.refresh()
            failed(error)

        after = self.after_write

        def write(progress: Progress) -> Any:
            result = work(progress)
            if after is not None:
                after()
            return result

        Operation(self._parent, write, succeeded, refused, pool=writes_pool()).run()

    # --- what Undo and Redo would do -----------------------------------------------------
    def refresh(self) -> None:
        """Read what undo and redo would do now (the command line may have changed it)."""
        journal = self._journal
        Operation(
            self._parent,  # gone with the window: nothing left to show the labels in
            lambda _progress: read_history(journal),
            self._show,
            self._report,
            pool=writes_pool(),
        ).run()

    def _show(self, state: HistoryState) -> None:
        old, self._state = self._state, state
        if (state.undo_label is None) != (old.undo_label is None):
            self.canUndoChanged.emit(state.undo_label is not None)
        if (state.redo_label is None) != (old.redo_label is None):
            self.canRedoChanged.emit(state.redo_label is not None)
        if state.undo_label != old.undo_label:
            self.undoTextChanged.emit(state.undo_label or "")
        if state.redo_label != old.redo_label:
            self.redoTextChanged.emit(state.redo_label or "")

    def clear(self) -> None:
        """The file was replaced (a restore): show its own history instead."""
        self.refresh()

    def canUndo(self) -> bool:  # noqa: N802 - Qt's name, kept for the actions
        return self._state.undo_label is not None

    def canRedo(self) -> bool:  # noqa: N802
        return self._state.redo_label is not None

    def undoText(self) -> str:  # noqa: N802
        return self._state.undo_label or ""

    def redoText(self) -> str:  # noqa: N802
        return self._state.redo_label or ""

    def count(self) -> int:
        """Changes in the history, done and undone."""
        return self._state.done + self._state.undone

    def index(self) -> int:
        """Changes still done (undo takes back the newest of them)."""
        return self._state.done
