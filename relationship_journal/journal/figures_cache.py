"""Computed figures kept beside the journal, used only for the exact state they came from.

The log stays the only truth: an entry here is a copy of what a command printed (or of
what the window read: journal.kept_reading), keyed by a digest of the journal file and
its write-ahead log as they lie on disk (together their bytes are the journal's whole
state, whoever wrote them: this app, another copy of it, or a tool writing around it),
the day, the command's options and the code that computed it. An entry is stored only when the file's digest is the same after the
computation as before it, so a write that landed meanwhile cannot hide behind it; any
difference later is a miss and the figures are computed again, never a stale answer.
Nothing that decays is stored as truth: tomorrow is another key.

An encrypted journal keeps no cache (its figures would lie beside it in plain text).
The folder is 0700 and the entry 0600, like everything else in the data folder; each
kind of figures has one entry, replaced whole (a rename), so the folder never grows.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, BinaryIO, TypeVar

import relationship_journal
from relationship_journal.paths import PRIVATE_FILE_MODE, ensure_private_dir
from relationship_journal.store import held_files

if TYPE_CHECKING:
    from relationship_journal.journal.core import Journal

T = TypeVar("T")
CACHE_FOLDER = "cache"
_SEPARATOR = b"\n"


def for_journal(
    journal: Journal, name: str, options: Sequence[str], state: str | None = None, suffix: str = ".txt"
) -> FiguresCache | None:
    """The cache entry `name` of this journal for these options (the day among them);
    None for an encrypted journal. `state` is the journal's digest the figures come from
    when the caller knows it already (figures derived from a kept reading): see `FiguresCache`."""
    if journal.database.encrypted:
        forget(journal.paths.data_dir)  # kept before the journal was encrypted: plain text
        return None
    folder = journal.paths.data_dir / CACHE_FOLDER
    return FiguresCache(journal.paths.database, folder / f"{name}{suffix}", options, state)


def forget(data_dir: Path) -> None:
    """Remove every kept entry (`encrypt` calls this: they are plain text)."""
    folder = Path(data_dir) / CACHE_FOLDER
    for kept in folder.iterdir() if folder.is_dir() else ():
        if kept.is_file():
            kept.unlink(missing_ok=True)


def journal_state(database: Path) -> str:
    """Digest of the journal's bytes: its file and its write-ahead log."""
    digest = hashlib.sha1(usedforsecurity=False)
    for suffix in ("", "-wal"):
        digest.update(_file_digest(Path(f"{database}{suffix}")))
    return digest.hexdigest()


class FiguresCache:
    """One command's last output, with the key of the journal state it was computed from.

    The key is the options, the code and the journal's state: the digest of its bytes,
    read by `get` unless the caller gave it (figures computed from a reading of a known
    state). `put` keeps the figures only if the journal's bytes still have that digest.
    """

    def __init__(
        self, database: Path, file: Path, options: Sequence[str], state: str | None = None
    ) -> None:
        self._database = database
        self._folder = file.parent
        self._file = file
        self._options = tuple(options)
        self.state = state  # the journal's digest the figures come from, once known

    def get(self) -> str | None:
        """The stored text if it was computed from the journal exactly as it is now, else None.
        Remembers the state it read, for `put`."""

        def text(kept: BinaryIO) -> str | None:
            try:
                return kept.read().decode("utf-8")
            except UnicodeDecodeError:
                return None

        return self.read(text)

    def measure(self) -> str:
        """The journal's state now (its digest), remembered as the state figures stand for."""
        if self.state is None:
            self.state = journal_state(self._database)
        return self.state

    def read(self, load: Callable[[BinaryIO], T | None]) -> T | None:
        """`get` for figures kept in another form: `load(file)`, the file just past its key,
        if they were computed from the journal exactly as it is now, else None."""
        self.measure()
        try:
            with open(self._file, "rb") as kept:
                if kept.readline() != self.key().encode("ascii") + _SEPARATOR:
                    return None
                return load(kept)
        except OSError:
            return None

    def put(self, text: str, proven: bool = False) -> bool:
        """Keep `text` if the journal is still as `get` found it (True if kept). A cache that
        cannot be written (a read-only folder, a full disk) is no error: the figures stand.
        `proven`: the figures come from a reading already proven to be of `state` (no
        need to look at the journal again: they stand for that state whatever it is now)."""
        return self.write(lambda out: out.write(text.encode("utf-8")), proven)

    def write(self, dump: Callable[[BinaryIO], object], proven: bool = False) -> bool:
        """`put` for figures kept in another form: `dump(file)` writes them after the key
        (streamed: a large entry is never held whole in memory)."""
        if self.state is None or not (proven or journal_state(self._database) == self.state):
            return False
        temporary = self._file.with_name(f".{self._file.name}.{os.getpid()}")
        replaced = False
        try:
            ensure_private_dir(self._folder)
            descriptor = os.open(
                temporary, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, PRIVATE_FILE_MODE
            )
            with open(descriptor, "wb") as out:
                out.write(self.key().encode("ascii") + _SEPARATOR)
                dump(out)
            os.replace(temporary, self._file)
            replaced = True
        except OSError:
            return False
        finally:
            if not replaced:  # a full disk, or `dump` failed: no half entry is left behind
                temporary.unlink(missing_ok=True)
        return True

    def holds(self) -> bool:
        """Whether the entry already holds figures for this key (reads only its first line)."""
        return self.read(lambda _kept: True) is not None

    def key(self) -> str:
        """Digest of the options, the code and the journal's state (read now if not known)."""
        state = self.state if self.state is not None else journal_state(self._database)
        digest = hashlib.sha1(usedforsecurity=False)
        for part in (*self._options, _code_version(), state):
            digest.update(part.encode("utf-8") + b"\0")
        return digest.hexdigest()


def _file_digest(path: Path) -> bytes:
    """The file's digest; a missing file counts as empty (a write-ahead log with no frames
    and none at all mean the same journal). Read, not mapped: a log cut short by another
    process's checkpoint meanwhile only changes the digest. Read through `store.held_files`:
    closing a descriptor of the journal would take SQLite's locks on it away."""
    found = held_files.digest(path)
    return found if found is not None else hashlib.sha1(b"", usedforsecurity=False).digest()


_code: str | None = None


def _code_version() -> str:
    """The version and the state of the package's source files: figures computed by other
    code (an upgrade, or a developer's edit) are never served."""
    global _code
    if _code is None:
        package = Path(relationship_journal.__file__).parent
        stamps = [relationship_journal.__version__]
        for folder, _subfolders, files in sorted(os.walk(package)):
            for name in sorted(files):
                if name.endswith(".py"):
                    found = os.stat(os.path.join(folder, name))
                    stamps.append(f"{folder}/{name}:{found.st_size}:{found.st_mtime_ns}")
        _code = hashlib.sha1("\n".join(stamps).encode("utf-8"), usedforsecurity=False).hexdigest()
    return _code
