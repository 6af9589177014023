"""Clearing away what a killed encrypt, decrypt, restore or backup left half-written.

Those operations write a hidden temporary file and rename it into place; a kill -9
before the rename leaves the temporary behind. It may hold the journal's notes (a
decrypting copy holds them in plain text), so it is removed at the next start — but
only while no other process is in the middle of such an operation (store/swap_lock).
"""

from __future__ import annotations

import os
import re
from pathlib import Path

from relationship_journal.store.swap_lock import JournalLock

_SUFFIXES = (".converting", ".restoring")
_COMPANIONS = ("", "-journal", "-wal", "-shm")


def _is_leftover(name: str) -> bool:
    if not name.startswith("."):
        return False
    stem = name
    for companion in _COMPANIONS[1:]:
        if stem.endswith(companion):
            stem = stem[: -len(companion)]
    return stem.endswith(_SUFFIXES)


def find_leftovers(database: Path) -> list[Path]:
    """Temporaries of a conversion or restore beside the journal and in its backups folder."""
    found: list[Path] = []
    for folder in (database.parent, database.parent / "backups"):
        try:
            entries = list(folder.iterdir())
        except OSError:
            continue
        found += [entry for entry in entries if _is_leftover(entry.name)]
    return found


_TEMPORARY = re.compile(r"^\..+\.(?P<pid>\d+)\.tmp(?:-journal|-wal|-shm)?$")


def pid_alive(pid: int) -> bool:
    """Whether a process with this id runs (one we may not signal counts as running)."""
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def remove_stale_temporaries(folder: Path) -> list[Path]:
    """Delete half-written backups left by a process that was killed while writing them
    (they are named after the writer's pid: safe to remove while others work)."""
    removed: list[Path] = []
    if not folder.is_dir():
        return removed
    for path in folder.iterdir():
        match = _TEMPORARY.match(path.name)
        if match and int(match["pid"]) != os.getpid() and not pid_alive(int(match["pid"])):
            path.unlink(missing_ok=True)
            removed.append(path)
    return removed


def remove_leftovers(database: Path, lock: JournalLock) -> list[Path]:
    """Delete the leftovers of an operation that was killed; returns what was removed."""
    removed: list[Path] = []
    found = find_leftovers(database)
    if found and not lock.is_swapping():
        for path in found:
            try:
                path.unlink()
            except OSError:
                continue  # a read-only folder: nothing of ours can be cleaned there
            removed.append(path)
    for folder in (database.parent, database.parent / "backups"):
        try:
            removed += remove_stale_temporaries(folder)  # pid-named: safe while others work
        except OSError:
            continue
    return removed
