"""The lock that keeps every write on the journal file that stays.

Encrypt, decrypt and restore replace the journal file (os.replace); a migration
rewrites its tables. A process that had the old file open and committed into it in
that window would write into a file nobody will read again: its write reported OK and
was lost. So every process that uses a journal holds a *shared* lock on a small file
beside it for as long as it has the journal open (store/database.Database), and an
operation that swaps or rewrites the file holds it *exclusively* from its first read
of the old file until the new one is in place. Users wait for a swap to finish (and
then open the new file); a swap waits for the current users to finish. Either gives up
after `WAIT_SECONDS` with one line and nothing changed.

Two files, because Linux's flock has no queue: a swap first takes `.NAME.swap`
exclusively, which stops new users at the door, then waits on `.NAME.lock` for the
users already inside. Locks are per open file, so one process keeps one lock per
journal and counts its users; a process that holds the journal and swaps it itself
(a test, or the window's own restore) converts its lock instead of waiting for itself.
"""

from __future__ import annotations

import os
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from relationship_journal.paths import PRIVATE_FILE_MODE
from relationship_journal.store.errors import StoreError

try:
    import fcntl
except ImportError:  # Windows: an open file cannot be replaced there at all
    fcntl = None  # type: ignore[assignment]

WAIT_SECONDS = 60.0
_POLL_SECONDS = 0.02
_registry: dict[Path, JournalLock] = {}
_registry_mutex = threading.Lock()


class JournalBusy(StoreError):
    """Another process is swapping the journal, or is using it while this one wants to swap it."""


def _open_lock_file(path: Path) -> int | None:
    """A descriptor to lock `path` with; None when the folder cannot hold one (read-only)."""
    try:
        return os.open(path, os.O_RDWR | os.O_CREAT, PRIVATE_FILE_MODE)
    except FileNotFoundError:
        return None
    except OSError:  # a read-only folder or file system, a full disk
        try:
            return os.open(path, os.O_RDONLY)
        except OSError:
            return None  # nothing can be swapped in a folder nobody may write to


def _wait_for(descriptor: int, operation: int, deadline: float) -> bool:
    while True:
        try:
            fcntl.flock(descriptor, operation | fcntl.LOCK_NB)
            return True
        except BlockingIOError:
            if time.monotonic() >= deadline:
                return False
            time.sleep(_POLL_SECONDS)


class JournalLock:
    """This process's hold on one journal: a count of users and of swaps under way."""

    def __init__(self, database: Path) -> None:
        self.database = database
        self.use_path = database.with_name(f".{database.name}.lock")
        self.gate_path = database.with_name(f".{database.name}.swap")
        self._mutex = threading.RLock()
        self._use: int | None = None
        self._users = 0
        self._swaps = 0

    def _swapper(self) -> str:
        """Who holds the gate, as its holder wrote it ("encrypting (process 123)")."""
        try:
            text = self.gate_path.read_text(encoding="utf-8", errors="replace").strip()
        except OSError:
            text = ""
        return text or "changing it"

    def acquire_shared(self, wait: float | None = None) -> None:
        """Start using the journal: waits while another process swaps it."""
        if fcntl is None:
            return
        with self._mutex:
            if self._users or self._swaps:
                self._users += 1
                return
            deadline = time.monotonic() + (WAIT_SECONDS if wait is None else wait)
            gate = _open_lock_file(self.gate_path)
            if gate is None:
                self._users += 1
                return
            try:
                if not _wait_for(gate, fcntl.LOCK_SH, deadline):
                    raise JournalBusy(
                        f"another process is {self._swapper()} the journal and has not finished; "
                        f"nothing was changed — try again when it has"
                    )
                use = _open_lock_file(self.use_path)
                if use is not None and not _wait_for(use, fcntl.LOCK_SH, deadline):
                    os.close(use)
                    raise JournalBusy("the journal is being changed by another process; try again")
            finally:
                os.close(gate)
            self._use = use
            self._users = 1

    def release_shared(self) -> None:
        if fcntl is None:
            return
        with self._mutex:
            if self._users == 0:
                return
            self._users -= 1
            if self._users == 0 and self._swaps == 0 and self._use is not None:
                os.close(self._use)  # closing drops the lock
                self._use = None

    @contextmanager
    def exclusive(self, doing: str, wait: float | None = None) -> Iterator[None]:
        """Hold the journal alone while `doing` ("encrypting", "restoring") it."""
        if fcntl is None:
            yield
            return
        with self._mutex:
            if self._swaps:
                self._swaps += 1
                try:
                    yield
                finally:
                    self._swaps -= 1
                return
            deadline = time.monotonic() + (WAIT_SECONDS if wait is None else wait)
            gate = _open_lock_file(self.gate_path)
            if gate is None:
                raise JournalBusy(
                    f"{self.database.parent} is read-only; the journal cannot be changed"
                )
            try:
                if not _wait_for(gate, fcntl.LOCK_EX, deadline):
                    raise JournalBusy(
                        f"another process is {self._swapper()} the journal; nothing was changed — "
                        f"try again when it has finished"
                    )
                os.ftruncate(gate, 0)
                os.pwrite(gate, f"{doing} (process {os.getpid()})".encode(), 0)
                if self._use is None:
                    self._use = _open_lock_file(self.use_path)
                assert self._use is not None
                if not _wait_for(self._use, fcntl.LOCK_EX, deadline):
                    self._settle()
                    raise JournalBusy(
                        "another command is using the journal and has not finished; nothing was "
                        "changed — try again when it has"
                    )
                self._swaps = 1
                try:
                    yield
                finally:
                    self._swaps = 0
                    self._settle()
            finally:
                os.ftruncate(gate, 0)
                os.close(gate)

    def _settle(self) -> None:
        """Back to a shared lock if this process still uses the journal, else let go."""
        if self._use is None:
            return
        if self._users:
            fcntl.flock(self._use, fcntl.LOCK_SH)
        else:
            os.close(self._use)
            self._use = None

    def nobody_else(self) -> bool:
        """Whether no process (this one included) is using the journal right now."""
        if fcntl is None or self._users or self._swaps:
            return False
        use = _open_lock_file(self.use_path)
        if use is None:
            return False
        try:
            fcntl.flock(use, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            return False
        finally:
            os.close(use)
        return True

    def is_swapping(self) -> bool:
        """Whether a swap is under way in another process (for leftover clean-up)."""
        if fcntl is None:
            return False
        gate = _open_lock_file(self.gate_path)
        if gate is None:
            return True
        try:
            fcntl.flock(gate, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            return True
        finally:
            os.close(gate)
        return False


def lock_for(database: Path) -> JournalLock:
    """This process's lock for the journal at `database` (one per file)."""
    key = database.absolute()
    with _registry_mutex:
        found = _registry.get(key)
        if found is None:
            found = _registry[key] = JournalLock(key)
        return found


@contextmanager
def using(database: Path) -> Iterator[None]:
    """Use the journal for a while (a backup copy, a read-only command) without a Database."""
    lock = lock_for(database)
    lock.acquire_shared()
    try:
        yield
    finally:
        lock.release_shared()


@contextmanager
def swapping(database: Path, doing: str) -> Iterator[None]:
    """Hold the journal alone while replacing or rewriting its file."""
    with lock_for(database).exclusive(doing):
        yield
