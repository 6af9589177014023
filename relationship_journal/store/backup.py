"""Backups of the journal: daily, before migrations and restores, on request; and restoring.

A backup is always taken with SQLite's online backup API from a read-only
connection, never by copying the file: a copy of a live WAL database can miss
committed pages or catch a half-written one. Each backup is written to a hidden
temporary file, switched to a self-contained rollback journal, checked with
`PRAGMA integrity_check` (which also reveals damage in the journal it came from,
since the pages are copied as they are), flushed to disk, and only then renamed
into place. Backups live in `backups/` beside the journal (0700, files 0600).

Retention: the 7 newest daily backups and the newest daily backup of each of the
4 most recent weeks; the 4 newest of each "before-…" kind and of damaged files set
aside by a restore; manual backups are never deleted.
"""

from __future__ import annotations

import datetime as dt
import logging
import os
import re
import sqlite3
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from relationship_journal import clock
from relationship_journal.paths import (
    PRIVATE_FILE_MODE,
    JournalPaths,
    ensure_private_dir,
)
from relationship_journal.store import integrity
from relationship_journal.store.errors import StoreError
from relationship_journal.store.integrity import JournalDamaged
from relationship_journal.store.leftovers import pid_alive, remove_stale_temporaries

log = logging.getLogger(__name__)

BACKUPS_DIR_NAME = "backups"
WINDOW_LOCK_NAME = ".window.lock"
KEEP_DAILY = 7
KEEP_WEEKLY = 4
KEEP_OTHER = 4
KINDS = ("daily", "manual", "before-migration", "before-restore", "damaged")
_NAME = re.compile(
    r"^(?P<kind>daily|manual|before-migration|before-restore|damaged)"
    r"-(?P<stamp>\d{4}-\d{2}-\d{2}(?:T\d{6})?)(?:-(?P<detail>[0-9A-Za-z]+))?\.sqlite3$"
)


class BackupError(StoreError):
    """A backup or restore could not be made; the message is one line for the user."""


class DamagedJournal(BackupError, JournalDamaged):
    """The backup copy failed its integrity check: the journal it came from is damaged."""


@dataclass(frozen=True)
class BackupInfo:
    """One file in the backups folder."""

    path: Path
    kind: str
    taken: dt.datetime
    detail: str | None
    size: int

    @property
    def label(self) -> str:
        """How the Preferences page and `backup --list` name it."""
        kinds = {
            "daily": "daily",
            "manual": "manual",
            "before-migration": f"before upgrading schema {self.detail or ''}".rstrip(),
            "before-restore": "before a restore",
            "damaged": "damaged journal set aside",
        }
        when = (
            self.taken.strftime("%Y-%m-%d")
            if self.kind == "daily"
            else self.taken.strftime("%Y-%m-%d %H:%M:%S")
        )
        return f"{when} — {kinds[self.kind]} ({_human_size(self.size)})"


def _human_size(size: float) -> str:
    for unit in ("bytes", "KB", "MB", "GB"):
        if size < 1024 or unit == "GB":
            return f"{size:.0f} {unit}" if unit == "bytes" else f"{size:.1f} {unit}"
        size /= 1024
    return f"{size} bytes"


def backups_dir(database: Path) -> Path:
    """The backups folder beside the journal (the same as JournalPaths.backups)."""
    return database.parent / BACKUPS_DIR_NAME


def _stamp(now: dt.datetime) -> str:
    return now.strftime("%Y-%m-%dT%H%M%S")


def parse_name(path: Path) -> BackupInfo | None:
    """A BackupInfo for a file named like our backups, else None."""
    match = _NAME.match(path.name)
    if match is None:
        return None
    stamp = match["stamp"]
    taken = (
        dt.datetime.strptime(stamp, "%Y-%m-%dT%H%M%S")
        if "T" in stamp
        else dt.datetime.strptime(stamp, "%Y-%m-%d")
    )
    try:
        size = path.stat().st_size
    except FileNotFoundError:
        return None
    return BackupInfo(path=path, kind=match["kind"], taken=taken, detail=match["detail"], size=size)


def list_backups(database: Path) -> list[BackupInfo]:
    """Every backup beside `database`, newest first."""
    folder = backups_dir(database)
    if not folder.is_dir():
        return []
    found = [info for info in map(parse_name, folder.iterdir()) if info is not None]
    return sorted(found, key=lambda info: (info.taken, info.kind != "daily"), reverse=True)


# -- connections ---------------------------------------------------------------------------


def _connect(path: Path, passphrase: str | None, *, read_only: bool = False) -> Any:
    """A connection to a plain or (with a passphrase) SQLCipher file, without journal pragmas."""
    if passphrase is None:
        if read_only:
            return integrity.open_read_only(path)
        return sqlite3.connect(path, timeout=10)
    from relationship_journal.store import encryption

    return encryption.connect_raw(path, passphrase, read_only=read_only)


def in_wal_mode(path: Path, passphrase: str | None) -> None:
    """Put a file about to be swapped in as the journal into the journal's mode (WAL) while
    no other process can open it. Swapped in as a backup leaves it (rollback journal), the
    first commands to open it raced to switch it, and the one that lost the race failed
    with "database is locked"."""
    connection = _connect(path, passphrase)
    try:
        connection.execute("PRAGMA journal_mode = WAL").fetchall()
    finally:
        connection.close()


def _database_errors(passphrase: str | None) -> tuple[type[Exception], ...]:
    if passphrase is None:
        return (sqlite3.DatabaseError,)
    from relationship_journal.store import encryption

    return (sqlite3.DatabaseError, encryption.dbapi().DatabaseError)


def _create_private(path: Path) -> None:
    descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, PRIVATE_FILE_MODE)
    os.close(descriptor)


def _fsync(path: Path) -> None:
    descriptor = os.open(path, os.O_RDONLY)
    try:
        os.fsync(descriptor)
    finally:
        os.close(descriptor)


def _remove_quietly(path: Path) -> None:
    for suffix in ("", "-journal", "-wal", "-shm"):
        try:
            Path(f"{path}{suffix}").unlink(missing_ok=True)
        except OSError:
            continue  # a read-only folder: there is nothing of ours to remove


def write_backup(source: Path, target: Path, passphrase: str | None = None) -> Path:
    """Copy the journal at `source` into `target` (0600) with the online backup API, verified.

    Raises BackupError when the copy fails its integrity check (so `source` is damaged)
    or cannot be written; `target` is then left as it was.
    """
    # Named after this process: leftovers.remove_stale_temporaries knows it by that.
    temporary = target.with_name(f".{target.name}.{os.getpid()}.tmp")
    _remove_quietly(temporary)
    errors = _database_errors(passphrase)
    try:
        _create_private(temporary)
        origin = _connect(source, passphrase, read_only=True)
        try:
            copy = _connect(temporary, passphrase)
            try:
                origin.backup(copy)
                copy.execute("PRAGMA journal_mode = DELETE")
                problem = integrity.integrity_check(copy)
            finally:
                copy.close()
        finally:
            origin.close()
        if problem is not None:
            raise DamagedJournal(
                f"the journal {source} is damaged ({integrity.one_line(problem)}); no backup was made — "
                f"restore an earlier backup with 'relationship-journal restore FILE'"
            )
        _fsync(temporary)
        os.replace(temporary, target)
        _fsync(target.parent)
    except errors as error:
        _remove_quietly(temporary)
        if "file is not a database" in str(error) or "malformed" in str(error):
            raise DamagedJournal(
                f"the journal {source} is damaged or unreadable ({error}); no backup was made"
            ) from error
        raise BackupError(f"the backup could not be written to {target}: {error}") from error
    except OSError as error:
        _remove_quietly(temporary)
        reason = error.strerror or str(error)
        raise BackupError(f"the backup could not be written to {target}: {reason}") from error
    except BaseException:
        _remove_quietly(temporary)
        raise
    return target


def _into_backups(database: Path, name: str, passphrase: str | None) -> Path:
    folder = ensure_private_dir(backups_dir(database))
    return write_backup(database, folder / name, passphrase)


def backup_now(
    database: Path, passphrase: str | None = None, now: dt.datetime | None = None
) -> Path:
    """A manual backup into the backups folder (kept until the user deletes it)."""
    return _into_backups(database, f"manual-{_stamp(now or clock.now())}.sqlite3", passphrase)


def backup_before_migration(
    database: Path, revision: str, passphrase: str | None = None, now: dt.datetime | None = None
) -> Path:
    """The copy taken before a schema upgrade, named after the revision it was made by."""
    path = _into_backups(
        database, f"before-migration-{_stamp(now or clock.now())}-{revision}.sqlite3", passphrase
    )
    prune(database)
    return path


def daily_backup_path(database: Path, today: dt.date) -> Path:
    return backups_dir(database) / f"daily-{today.isoformat()}.sqlite3"


def ensure_daily_backup(
    database: Path, passphrase: str | None = None, today: dt.date | None = None
) -> Path | None:
    """Take today's backup unless it exists (one stat); returns the new backup's path."""
    today = today or clock.today()
    target = daily_backup_path(database, today)
    if target.exists():
        return None
    try:
        if database.stat().st_size == 0:
            return None
    except FileNotFoundError:
        return None
    ensure_private_dir(target.parent)
    write_backup(database, target, passphrase)
    prune(database)
    return target


def _to_delete(backups: list[BackupInfo]) -> Iterable[BackupInfo]:
    dailies = [info for info in backups if info.kind == "daily"]
    keep = {info.path for info in dailies[:KEEP_DAILY]}
    weeks_seen: list[tuple[int, int]] = []
    for info in dailies:  # newest first: the first seen in a week is that week's newest
        week = info.taken.isocalendar()[:2]
        if week not in weeks_seen:
            weeks_seen.append(week)
            if len(weeks_seen) <= KEEP_WEEKLY:
                keep.add(info.path)
    for info in dailies:
        if info.path not in keep:
            yield info
    # A "damaged" file may be the only copy of the person's original journal: never pruned.
    for kind in ("before-migration", "before-restore"):
        yield from [info for info in backups if info.kind == kind][KEEP_OTHER:]


def prune(database: Path) -> list[Path]:
    """Delete backups beyond the retention policy (and stale temporaries); returns them."""
    deleted = remove_stale_temporaries(backups_dir(database))
    for info in _to_delete(list_backups(database)):
        _remove_quietly(info.path)
        deleted.append(info.path)
    return deleted


# -- checking and restoring ------------------------------------------------------------------


def inspect_file(path: Path, passphrase: str | None = None, *, full: bool = False) -> str | None:
    """Check a plain or encrypted journal read-only; its revision, or IntegrityError/BackupError."""
    kind = integrity.file_kind(path).name
    if kind == "missing":
        raise BackupError(f"{path} does not exist")
    if kind in ("empty", "foreign"):
        raise BackupError(f"{path} is not a Relationship Journal database")
    if kind == "encrypted":
        from relationship_journal.store import encryption

        return encryption.inspect(path, encryption.passphrase_for(path, passphrase), full=full)
    return integrity.inspect_sqlite(path, full=full)


def check_journal_file(path: Path, passphrase: str | None = None) -> str:
    """Refuse anything that is not a whole journal of a known schema; return its revision."""
    try:
        revision = inspect_file(path, passphrase, full=True)
    except BackupError:
        raise
    except StoreError as error:
        raise BackupError(str(error)) from error
    if revision is None:
        raise BackupError(f"{path} is an empty database, not a Relationship Journal backup")
    return revision


def newest_good_backup(paths: JournalPaths, passphrase: str | None = None) -> BackupInfo | None:
    """The newest backup that passes a full check, for the GUI's "restore" offer after damage."""
    for info in list_backups(paths.database):
        if info.kind == "damaged":
            continue
        try:
            check_journal_file(info.path, passphrase)
        except Exception:  # noqa: BLE001 - any backup that cannot be checked is not "good"
            continue
        return info
    return None


def window_pid(data_dir: Path) -> int | None:
    """The process id of a running window holding this journal's lock (see gui/single_instance)."""
    try:
        first = (
            (data_dir / WINDOW_LOCK_NAME)
            .read_text(encoding="utf-8", errors="replace")
            .split("\n", 1)[0]
        )
        pid = int(first.strip())
    except (OSError, ValueError):
        return None
    if pid == os.getpid():
        return None
    return pid if pid_alive(pid) else None


def refuse_if_window_open(data_dir: Path) -> None:
    pid = window_pid(data_dir)
    if pid is not None:
        raise BackupError(
            f"the Relationship Journal window is open on this journal (process {pid}); close it first"
        )


def _set_aside_damaged(database: Path, now: dt.datetime) -> Path:
    """Keep a journal that cannot be backed up (it is damaged) by moving it into backups/."""
    folder = ensure_private_dir(backups_dir(database))
    target = folder / f"damaged-{_stamp(now)}.sqlite3"
    for suffix in ("-wal", "-shm", "-journal"):
        companion = Path(f"{database}{suffix}")
        if companion.exists():
            os.replace(companion, Path(f"{target}{suffix}"))
    os.replace(database, target)
    return target


def _checkpoint(database: Path, passphrase: str | None) -> None:
    """Fold the WAL into the journal and empty it, so no stale frames outlive the swap."""
    connection = _connect(database, passphrase)
    try:
        connection.execute("PRAGMA busy_timeout = 10000")
        connection.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchall()
    finally:
        connection.close()


def restore(
    database: Path,
    source: Path,
    passphrase: str | None = None,
    now: dt.datetime | None = None,
) -> Path | None:
    """Replace the journal with the backup `source`, keeping the current journal first.

    Returns where the previous journal was kept (a before-restore backup, or the
    damaged file itself moved aside), or None when there was no journal. The journal is
    held alone from the copy of the current file to the swap (store/swap_lock): a write
    by another process lands before the before-restore backup, or in the restored file.
    A plain backup restored into an encrypted journal is encrypted with its passphrase,
    so restoring never turns encryption off.
    """
    from relationship_journal.store.swap_lock import swapping

    now = now or clock.now()
    source = source.absolute()
    refuse_if_window_open(database.parent)
    check_journal_file(source, passphrase)
    source_secret = None
    if integrity.file_kind(source).name == "encrypted":
        from relationship_journal.store import encryption

        source_secret = encryption.passphrase_for(source, passphrase)
    with swapping(database, "restoring"):
        return _restore_alone(database, source, source_secret, passphrase, now)


def _restore_alone(
    database: Path,
    source: Path,
    source_secret: str | None,
    passphrase: str | None,
    now: dt.datetime,
) -> Path | None:
    current_kind = integrity.file_kind(database).name
    current_secret = None
    if current_kind == "encrypted":
        from relationship_journal.store import encryption

        try:
            current_secret = encryption.passphrase_for(database, passphrase)
        except Exception:  # noqa: BLE001 - without its passphrase it is kept as it is
            current_secret = None
    ensure_private_dir(database.parent)
    kept: Path | None = None
    if current_kind in ("sqlite", "encrypted"):
        unreadable: tuple[type[Exception], ...] = (StoreError, *_database_errors(current_secret))
        try:
            if current_kind == "encrypted" and current_secret is None:
                raise BackupError("no passphrase for the current journal")
            inspect_file(database, current_secret)  # read-only: a damaged file is never written
            _checkpoint(database, current_secret)
            kept = _into_backups(database, f"before-restore-{_stamp(now)}.sqlite3", current_secret)
        except unreadable:
            kept = _set_aside_damaged(database, now)
    elif current_kind == "foreign":
        kept = _set_aside_damaged(database, now)
    incoming = database.with_name(f".{database.name}.restoring")
    _remove_quietly(incoming)
    if current_secret is not None and source_secret is None:
        from relationship_journal.store import encryption

        encryption.export_encrypted(source, incoming, current_secret)
        in_wal_mode(incoming, current_secret)
    else:
        write_backup(source, incoming, source_secret)
        in_wal_mode(incoming, source_secret)
    os.replace(incoming, database)
    for suffix in ("-wal", "-shm", "-journal"):
        Path(f"{database}{suffix}").unlink(missing_ok=True)
    _fsync(database.parent)
    prune(database)
    return kept
