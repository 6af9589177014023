"""Long work off the GUI thread: one helper, used for every slow read or write.

Like Anki's CollectionOp/QueryOp: `Operation(...).run()` runs `work` on Qt's global
thread pool and calls `on_success(result)` or `on_failure(error)` back on the GUI
thread. With a `title`, a progress dialog shows and its Cancel button asks the work
to stop at its next `progress.step(...)` (which raises `Cancelled`). The window
never blocks on it.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from typing import Any

import shiboken6
from PySide6.QtCore import QObject, QRunnable, Qt, QThreadPool, Signal
from PySide6.QtWidgets import QProgressDialog, QWidget

from relationship_journal.journal import freed_memory
from relationship_journal.journal.errors import JournalError

_running: set[Operation] = set()
PROGRESS_INTERVAL_S = 0.1
LONG_WORK_S = 0.2  # work this long hands back the memory it freed (journal.freed_memory)


class Cancelled(Exception):
    """The user pressed Cancel; the work stopped before writing anything more."""


class Progress:
    """Handed to the work function: report how far it is, learn whether to stop."""

    def __init__(self, signals: _Signals) -> None:
        self._signals = signals
        self._cancelled = threading.Event()
        self._last: tuple[str, float] = ("", 0.0)

    @property
    def cancelled(self) -> bool:
        return self._cancelled.is_set()

    def cancel(self) -> None:
        self._cancelled.set()

    def step(self, label: str, done: int = 0, total: int = 0) -> None:
        """Report progress; raises Cancelled once the user has asked to stop."""
        if self._cancelled.is_set():
            raise Cancelled()
        # A report steps thousands of times; each message makes a modal progress dialog
        # run the event loop, which slowed a 6 s report to minutes. A new label, the last
        # step, or a tenth of a second since the last message gets through.
        now = time.monotonic()
        if label == self._last[0] and now - self._last[1] < PROGRESS_INTERVAL_S and not (total and done >= total):
            return
        self._last = (label, now)
        try:
            self._signals.progress.emit(label, done, total)
        except RuntimeError as error:  # the app quit and deleted the signals: stop quietly
            raise Cancelled() from error


class _Signals(QObject):
    succeeded = Signal(object)
    failed = Signal(object)
    progress = Signal(str, int, int)


class _Runnable(QRunnable):
    def __init__(self, work: Callable[[Progress], Any], progress: Progress, signals: _Signals) -> None:
        super().__init__()
        self._work, self._progress, self._signals = work, progress, signals
        self.setAutoDelete(True)

    def run(self) -> None:
        began = time.perf_counter()
        try:
            result = self._work(self._progress)
        except BaseException as error:  # reported on the GUI thread, never swallowed
            outcome, value = self._signals.failed, error
        else:
            outcome, value = self._signals.succeeded, result
        if shiboken6.isValid(self._signals):  # the app may have quit while this ran
            try:
                outcome.emit(value)
            except RuntimeError:
                # Deleted between the check and the emit ("Signal source has been deleted"):
                # nobody is left to tell, and a quit must print nothing.
                pass
        # What long work made and dropped (a list's rows, a reading's buffers, Today's word
        # lists) goes back to the system rather than staying with the window. Short work
        # frees little, and each trim holds the allocator's locks for a moment.
        if time.perf_counter() - began >= LONG_WORK_S:
            freed_memory.give_back()


class Operation:
    """One piece of background work and what to do with its outcome."""

    def __init__(
        self,
        parent: QObject | None,
        work: Callable[[Progress], Any],
        on_success: Callable[[Any], None] | None = None,
        on_failure: Callable[[BaseException], None] | None = None,
        title: str | None = None,
        pool: QThreadPool | None = None,
    ) -> None:
        self._parent = parent
        self._pool = pool or QThreadPool.globalInstance()
        self._work = work
        self._on_success = on_success
        self._on_failure = on_failure
        self._title = title
        self._signals = _Signals()
        self.progress = Progress(self._signals)
        self._dialog: QProgressDialog | None = None

    def run(self) -> Operation:
        self._signals.succeeded.connect(self._succeeded, Qt.ConnectionType.QueuedConnection)
        self._signals.failed.connect(self._failed, Qt.ConnectionType.QueuedConnection)
        if self._title:
            parent = self._parent if isinstance(self._parent, QWidget) else None
            dialog = QProgressDialog(self._title, "Cancel", 0, 0, parent)
            dialog.setWindowTitle(self._title)
            dialog.setMinimumDuration(400)
            dialog.setWindowModality(Qt.WindowModality.WindowModal)
            dialog.canceled.connect(self.progress.cancel)
            self._signals.progress.connect(self._show_progress)
            self._dialog = dialog
        _running.add(self)
        self._pool.start(_Runnable(self._work, self.progress, self._signals))
        return self

    def _show_progress(self, label: str, done: int, total: int) -> None:
        if self._dialog is not None:
            self._dialog.setLabelText(label)
            self._dialog.setMaximum(total)
            self._dialog.setValue(done)

    def _finish(self) -> None:
        _running.discard(self)
        if self._dialog is not None and shiboken6.isValid(self._dialog):
            self._dialog.reset()
            self._dialog.deleteLater()
            self._dialog = None

    def _owner_gone(self) -> bool:
        """The widget that asked has been destroyed (window closed): drop the outcome."""
        return self._parent is not None and not shiboken6.isValid(self._parent)

    def _succeeded(self, result: Any) -> None:
        self._finish()
        if self._owner_gone():
            return
        if self._on_success is not None:
            self._on_success(result)

    def _failed(self, error: BaseException) -> None:
        self._finish()
        if isinstance(error, Cancelled) or self._owner_gone():
            return
        if self._on_failure is not None:
            self._on_failure(error)
        elif not isinstance(error, JournalError):
            raise error


def wait_for_all(msecs: int = 3000) -> bool:
    """At quit: let running work finish (bounded) so nothing reports into deleted objects."""
    pools = {id(op._pool): op._pool for op in list(_running)}
    pools.setdefault(id(QThreadPool.globalInstance()), QThreadPool.globalInstance())
    return all(pool.waitForDone(msecs) for pool in pools.values())


def busy() -> bool:
    """Whether any background work is still running (tests wait on this)."""
    return bool(_running)
