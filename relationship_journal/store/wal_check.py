"""Noticing, before SQLite does, that it is about to throw committed work away.

SQLite replays the WAL up to the first frame whose checksum fails and silently drops
every frame after it — so one flipped byte in `journal.sqlite3-wal` loses every later
commit, and the journal opens as if they had never been. A `-wal` deleted under a
running process does the same without a trace. So when a journal is opened with a WAL
left behind (after a crash or a kill; a clean close leaves none) and no other process
is using it, the WAL is read here first: a frame that fails its checksum followed by
later commit frames that pass theirs means commits would be dropped; a shared-memory
index that counts more frames than the WAL holds means the WAL was cut or deleted.
Either is one line naming the newest backup; nothing is opened for writing.

The checksums are SQLite's own (https://www.sqlite.org/fileformat2.html#walformat):
each frame's header carries the running checksum after it, so every frame can be
checked against the one before it, even after a damaged one.
"""

from __future__ import annotations

import struct
import sys
from pathlib import Path

from relationship_journal.store.integrity import JournalDamaged, newest_backup

_WAL_HEADER = 32
_FRAME_HEADER = 24
_MAGIC = (0x377F0682, 0x377F0683)


def _checksum(data: bytes, big_endian: bool, s0: int, s1: int) -> tuple[int, int]:
    words = struct.unpack(f"{'>' if big_endian else '<'}{len(data) // 4}I", data)
    for index in range(0, len(words), 2):
        s0 = (s0 + words[index] + s1) & 0xFFFFFFFF
        s1 = (s1 + words[index + 1] + s0) & 0xFFFFFFFF
    return s0, s1


def lost_commits(wal: Path) -> int | None:
    """The number of commits SQLite would drop from this WAL (None when it drops none)."""
    try:
        data = wal.read_bytes()
    except OSError:
        return None
    if len(data) < _WAL_HEADER:
        return None
    magic, _version, page_size, _sequence, salt1, salt2, c0, c1 = struct.unpack(">8I", data[:32])
    if magic not in _MAGIC or page_size < 512 or page_size & (page_size - 1):
        return None
    big_endian = bool(magic & 1)
    if _checksum(data[:24], big_endian, 0, 0) != (c0, c1):
        return None  # a WAL SQLite ignores whole (and so would we): nothing after a valid header
    frame_size = _FRAME_HEADER + page_size
    previous = (c0, c1)
    broken = False
    lost = 0
    offset = _WAL_HEADER
    while offset + frame_size <= len(data):
        header = data[offset : offset + _FRAME_HEADER]
        _page, commit_size, f_salt1, f_salt2, f0, f1 = struct.unpack(">6I", header)
        if (f_salt1, f_salt2) != (salt1, salt2):
            break  # frames of an earlier WAL generation: SQLite ignores them, rightly
        page = data[offset + _FRAME_HEADER : offset + frame_size]
        s0, s1 = _checksum(header[:8], big_endian, *previous)
        whole = _checksum(page, big_endian, s0, s1) == (f0, f1)
        if not whole:
            broken = True
        elif broken and commit_size:
            lost += 1
        previous = (f0, f1)
        offset += frame_size
    return lost or None


def frames_missing(wal: Path) -> bool:
    """Whether the shared-memory index counts frames the WAL no longer holds (cut or deleted)."""
    shm = Path(f"{str(wal)[: -len('-wal')]}-shm")
    try:
        with shm.open("rb") as handle:
            header = handle.read(24)
    except OSError:
        return False
    if len(header) < 24:
        return False
    order = "<" if sys.byteorder == "little" else ">"  # the index is in the machine's order
    version, _unused, _change, is_init, _big, size, max_frame, _pages = struct.unpack(
        f"{order}3IBBHII", header
    )
    if version != 3007000 or not is_init or max_frame == 0:
        return False
    page_size = 65536 if size == 1 else size
    try:
        wal_size = wal.stat().st_size
    except FileNotFoundError:
        return True
    indexed_size: int = _WAL_HEADER + max_frame * (_FRAME_HEADER + page_size)
    return wal_size < indexed_size


def check_before_opening(database: Path) -> None:
    """Refuse (JournalDamaged, one line) a journal whose WAL would lose commits on opening."""
    wal = Path(f"{database}-wal")
    lost = lost_commits(wal) if wal.exists() else None
    missing = lost is None and frames_missing(wal)
    if not lost and not missing:
        return
    newest = newest_backup(database)
    offer = (
        f"restore the newest backup with 'relationship-journal restore {newest}'"
        if newest is not None
        else "no backup was found"
    )
    what = (
        f"its write-ahead log {wal.name} is damaged: opening it would silently drop the "
        f"last {lost} saved change(s)"
        if lost
        else f"its write-ahead log {wal.name} was deleted or cut while the journal was open: "
        f"the last saved changes are gone"
    )
    raise JournalDamaged(f"{database} cannot be trusted: {what}; nothing was changed — {offer}")
