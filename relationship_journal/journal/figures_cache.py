"""Computed figures kept beside the journal, used only for the exact state they came from.

The log stays the only truth: an entry here is a copy of what a command printed, keyed
by a digest of the journal file and its write-ahead log as they lie on disk (together
their bytes are the journal's whole state, whoever wrote them: this app, another copy
of it, or a tool writing around it), the day, the command's options and the code that
computed it. An entry is stored only when the file's digest is the same after the
computation as before it, so a write that landed meanwhile cannot hide behind it; any
difference later is a miss and the figures are computed again, never a stale answer.
Nothing that decays is stored as truth: tomorrow is another key.

An encrypted journal keeps no cache (its figures would lie beside it in plain text).
The folder is 0700 and the entry 0600, like everything else in the data folder; each
command keeps one entry, replaced whole (a rename), so the folder never grows.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

import relationship_journal
from relationship_journal.paths import PRIVATE_FILE_MODE, ensure_private_dir

if TYPE_CHECKING:
    from relationship_journal.journal.core import Journal

CACHE_FOLDER = "cache"
_SEPARATOR = "\n"


def for_journal(journal: Journal, name: str, options: Sequence[str]) -> FiguresCache | None:
    """The cache entry `name` of this journal for these options (the day among them);
    None for an encrypted journal."""
    if journal.database.encrypted:
        forget(journal.paths.data_dir)  # kept before the journal was encrypted: plain text
        return None
    return FiguresCache(
        journal.paths.database, journal.paths.data_dir / CACHE_FOLDER, name, options
    )


def forget(data_dir: Path) -> None:
    """Remove every kept entry (`encrypt` calls this: they are plain text)."""
    folder = Path(data_dir) / CACHE_FOLDER
    for kept in folder.glob("*.txt") if folder.is_dir() else ():
        kept.unlink(missing_ok=True)


class FiguresCache:
    """One command's last output, with the key of the journal state it was computed from."""

    def __init__(self, database: Path, folder: Path, name: str, options: Sequence[str]) -> None:
        self._database = database
        self._folder = folder
        self._file = folder / f"{name}.txt"
        self._options = tuple(options)
        self._key: str | None = None

    def get(self) -> str | None:
        """The stored text if it was computed from the journal exactly as it is now, else None.
        Remembers the key it read, for `put`."""
        self._key = key = self.key()
        try:
            with open(self._file, encoding="utf-8", newline="") as kept:
                if kept.readline() != key + _SEPARATOR:
                    return None
                return kept.read()
        except (OSError, UnicodeDecodeError):
            return None

    def put(self, text: str) -> bool:
        """Keep `text` if the journal is still as `get` found it (True if kept). A cache that
        cannot be written (a read-only folder, a full disk) is no error: the figures stand."""
        if self._key is None or self.key() != self._key:
            return False
        temporary = self._file.with_name(f".{self._file.name}.{os.getpid()}")
        try:
            ensure_private_dir(self._folder)
            descriptor = os.open(
                temporary, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, PRIVATE_FILE_MODE
            )
            with open(descriptor, "w", encoding="utf-8", newline="") as out:
                out.write(self._key + _SEPARATOR)
                out.write(text)
            os.replace(temporary, self._file)
        except OSError:
            temporary.unlink(missing_ok=True)
            return False
        return True

    def key(self) -> str:
        """Digest of the options, the code and the journal's bytes (file and write-ahead log)."""
        digest = hashlib.sha1(usedforsecurity=False)
        for part in (*self._options, _code_version()):
            digest.update(part.encode("utf-8") + b"\0")
        for suffix in ("", "-wal"):
            digest.update(_file_digest(Path(f"{self._database}{suffix}")))
        return digest.hexdigest()


def _file_digest(path: Path) -> bytes:
    """The file's digest; a missing file counts as empty (a write-ahead log with no frames
    and none at all mean the same journal). Read, not mapped: a log cut short by another
    process's checkpoint meanwhile only changes the digest."""
    try:
        with open(path, "rb") as source:
            return hashlib.file_digest(source, "sha1").digest()
    except FileNotFoundError:
        return hashlib.sha1(b"", usedforsecurity=False).digest()


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
