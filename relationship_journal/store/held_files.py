"""Reading the journal's own files without taking SQLite's locks away from it.

SQLite locks its files with POSIX advisory locks, and a process loses every such lock it
holds on a file the moment it closes *any* descriptor of that file (sqlite.org,
"How To Corrupt An SQLite Database File", 2.2). A digest or a header read with
open()/close() while this process has the journal open let another process take the
journal as if it were alone with it: on closing, that process folded the write-ahead log
into the file and deleted it under this one's connections, and the window then missed
every write made elsewhere. So on POSIX each file is read through one descriptor, opened
once and kept for the life of the process (never closed: that is the point). Windows
locks per handle and has no such trap: there a file is opened and closed as usual.
"""

from __future__ import annotations

import hashlib
import os
import threading
from pathlib import Path

_PIECE = 1 << 20  # bytes per read
_KEEP_OPEN = os.name == "posix"

_held: dict[str, int] = {}  # path -> the descriptor on the file now at that path
_lock = threading.Lock()


def digest(path: Path) -> bytes | None:
    """SHA-1 of the file's bytes; None if there is no file."""
    sha1 = hashlib.sha1(usedforsecurity=False)
    if not _KEEP_OPEN:
        try:
            with open(path, "rb") as source:
                return hashlib.file_digest(source, "sha1").digest()
        except FileNotFoundError:
            return None
    with _lock:
        descriptor = _descriptor(path)
        if descriptor is None:
            return None
        offset = 0
        while piece := os.pread(descriptor, _PIECE, offset):
            sha1.update(piece)
            offset += len(piece)
    return sha1.digest()


def read_start(path: Path, size: int) -> bytes:
    """The file's first `size` bytes (fewer if it is shorter; none if there is no file)."""
    if not _KEEP_OPEN:
        try:
            with open(path, "rb") as source:
                return source.read(size)
        except FileNotFoundError:
            return b""
    with _lock:
        descriptor = _descriptor(path)
        return os.pread(descriptor, size, 0) if descriptor is not None else b""


def _descriptor(path: Path) -> int | None:
    """This process's descriptor on the file now at `path` (call with `_lock` held)."""
    key = os.fspath(path)
    try:
        found = os.stat(key)
    except FileNotFoundError:
        return None
    descriptor = _held.get(key)
    if descriptor is not None:
        held = os.fstat(descriptor)
        if (held.st_ino, held.st_dev) == (found.st_ino, found.st_dev):
            return descriptor
        # Another file lies at the path now (a restore, a new write-ahead log). The old
        # descriptor stays open all the same: closing it could drop locks that SQLite
        # still holds on that file through a connection not yet reopened.
    try:
        descriptor = os.open(key, os.O_RDONLY | getattr(os, "O_CLOEXEC", 0))
    except FileNotFoundError:
        return None
    _held[key] = descriptor
    return descriptor
