"""Looking at a journal file before trusting it: what it is, whether it is whole, which schema.

Everything here opens the file read-only (an SQLite `mode=ro` URI), so a damaged or
foreign file is examined without a single byte of it changing: no journal-mode
switch, no WAL recovery written back, no migration.

`PRAGMA quick_check` reads the whole file: about 1 ms per MB on an idle machine
(the 150-contact demo journal, 2.4 MB: 2.7 ms) but 180 ms to over a second for the
10,000-contact demo journal (149 MB, 300,000 interactions), far over the 100 ms a
search may take. So on open it runs only for files up to `QUICK_CHECK_MAX_BYTES`
(4 MB: a few ms, and more than years of real use); larger journals get a header,
schema and root-page check on open (under 1 ms on the 149 MB file).

A write is another matter: writing into a damaged file spreads the damage and buries
it under new work. So before a process's first write (store/database) a larger
journal gets its `quick_check` too, unless the first write of the day has just checked
it whole by taking the daily backup (`integrity_check` of the copy, store/backup.py).
Reads stay instant at every size; a write command on a very large journal pays one
pass over the file (bench/run.py: "quick_check before writing").
"""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import quote

from relationship_journal.store.errors import StoreError
from relationship_journal.store.schema import KNOWN_REVISIONS

SQLITE_HEADER = b"SQLite format 3\x00"
QUICK_CHECK_MAX_BYTES = 4 * 1024 * 1024
# An SQLCipher file starts with a random salt and is random throughout; a text or
# other foreign file is not. A random 4 KiB page has ~255 distinct byte values.
_ENCRYPTED_MIN_DISTINCT_BYTES = 200
_ENCRYPTED_PAGE = 4096


class IntegrityError(StoreError):
    """The file is not a usable journal (damaged, foreign, newer); the message says why."""


class JournalDamaged(IntegrityError):
    """The journal's pages are broken: the window offers to restore the newest good backup."""


@dataclass(frozen=True)
class FileKind:
    """What a file on disk looks like from its first bytes."""

    name: str  # "missing", "empty", "sqlite", "encrypted" or "foreign"


def file_kind(path: Path) -> FileKind:
    """Classify a file by its header without opening it as a database."""
    try:
        with path.open("rb") as handle:
            page = handle.read(_ENCRYPTED_PAGE)
    except FileNotFoundError:
        return FileKind("missing")
    if not page:
        return FileKind("empty")
    if page.startswith(SQLITE_HEADER):
        return FileKind("sqlite")
    size = path.stat().st_size
    if (
        len(page) == _ENCRYPTED_PAGE
        and size % 1024 == 0
        and len(set(page)) >= _ENCRYPTED_MIN_DISTINCT_BYTES
    ):
        return FileKind("encrypted")
    return FileKind("foreign")


def cannot_write_beside(path: Path) -> bool:
    """Whether nothing can be created beside `path` (a read-only folder or file system).

    A WAL journal is read through a shared-memory file (`-shm`) created beside it; where
    that cannot be made, the file is read as it stands (`immutable`), which is exact as
    long as no WAL holds unfolded commits — and a folder nobody can write to has none.
    """
    folder = path.parent
    try:
        if os.statvfs(folder).f_flag & os.ST_RDONLY:
            return True
    except OSError:
        return False
    return not os.access(folder, os.W_OK)


def _unfolded_wal(path: Path) -> bool:
    try:
        return Path(f"{path}-wal").stat().st_size > 0
    except OSError:
        return False


def read_only_uri(path: Path, *, as_it_stands: bool = False) -> str:
    """An SQLite URI that can never write to `path`.

    `as_it_stands` reads without the shared-memory file, for a read-only folder or a
    full disk (see cannot_write_beside).
    """
    uri = f"file:{quote(str(path.absolute()))}?mode=ro"
    if as_it_stands or (cannot_write_beside(path) and not _unfolded_wal(path)):
        uri += "&immutable=1"
    return uri


def no_room_to_read(error: BaseException, path: Path) -> bool:
    """Whether a read failed only for want of room for the shared-memory file (a full disk)
    and the file can be read as it stands instead (no WAL with unfolded commits)."""
    text = str(error)
    return (
        any(words in text for words in ("disk I/O error", "disk is full", "unable to open"))
        and not _unfolded_wal(path)
    )


def open_read_only(path: Path, *, same_thread: bool = True) -> sqlite3.Connection:
    """A plain connection that cannot change the file (no pragmas that write); with
    `same_thread` False, usable from any thread (one at a time), as `Database.connect`'s.

    On a full disk SQLite cannot make the `-shm` file a WAL reader needs: the file is
    then read as it stands, so the journal can still be read, exported, backed up.
    """
    connection = sqlite3.connect(read_only_uri(path), uri=True, timeout=10, check_same_thread=same_thread)
    try:
        connection.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except sqlite3.OperationalError as error:
        connection.close()
        if not no_room_to_read(error, path):
            raise
        connection = sqlite3.connect(
            read_only_uri(path, as_it_stands=True), uri=True, timeout=10, check_same_thread=same_thread
        )
    return connection


def revision_of(connection: sqlite3.Connection) -> str | None:
    """The journal's schema revision; None for an empty database; refuses other SQLite files."""
    tables = {
        row[0] for row in connection.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
    }
    if "alembic_version" not in tables:
        if tables - {"sqlite_sequence"}:
            raise IntegrityError("this SQLite file is not a Relationship Journal database")
        return None
    if "contacts" not in tables:
        raise IntegrityError("this SQLite file is not a Relationship Journal database")
    row = connection.execute("SELECT version_num FROM alembic_version").fetchone()
    return row[0] if row else None


def touch_root_pages(connection: sqlite3.Connection) -> None:
    """Read the first row of every table: cheap, and catches a damaged page 1 or root page."""
    names = [
        row[0]
        for row in connection.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND sql NOT LIKE 'CREATE VIRTUAL%'"
        )
    ]
    for name in names:
        quoted = name.replace('"', '""')
        connection.execute(f'SELECT * FROM "{quoted}" LIMIT 1').fetchall()


def quick_check(connection: sqlite3.Connection) -> str | None:
    """None when SQLite finds the file whole, else its first complaint."""
    rows = connection.execute("PRAGMA quick_check").fetchall()
    if rows and rows[0][0] == "ok":
        return None
    return rows[0][0] if rows else "no answer from quick_check"


def integrity_check(connection: sqlite3.Connection) -> str | None:
    """Like quick_check, and also checks that indexes match their tables."""
    rows = connection.execute("PRAGMA integrity_check").fetchall()
    if rows and rows[0][0] == "ok":
        return None
    return rows[0][0] if rows else "no answer from integrity_check"


def check_revision(revision: str | None) -> None:
    """Refuse a journal written by a newer app (its revision is one we do not know)."""
    if revision is not None and revision not in KNOWN_REVISIONS:
        raise IntegrityError(
            f"this journal was written by a newer version of Relationship Journal "
            f"(schema {revision}); please update the app"
        )


def one_line(detail: str) -> str:
    """SQLite's check reports span lines and start with a banner; the user gets one line."""
    text = " ".join(detail.replace("*** in database main ***", " ").split())
    return text if len(text) <= 160 else text[:157] + "..."


def looks_damaged(message: str) -> bool:
    """Whether SQLite's complaint means the file's content is broken (not access or locking)."""
    return any(word in message for word in ("malformed", "corrupt", "btree", "page", "integrity"))


def cannot_open(path: Path, error: BaseException) -> str:
    """Why a journal cannot be opened when its content is not the problem."""
    reason = str(error)
    if not os.access(path.parent, os.W_OK) or not os.access(path, os.W_OK):
        return (
            f"{path} cannot be opened: its folder or file is read-only ({reason}); "
            f"the journal needs a folder it can write to"
        )
    return f"{path} cannot be opened: {reason}"


def damaged(path: Path, detail: str) -> JournalDamaged:
    detail = one_line(detail)
    return JournalDamaged(
        f"{path} is damaged ({detail}); nothing was changed — restore a backup with "
        f"'relationship-journal restore FILE' (backups are in {path.parent / 'backups'})"
    )


def checked_on_open(path: Path) -> bool:
    """Whether `inspect` ran quick_check on this file (it does on small files only)."""
    try:
        return path.stat().st_size <= QUICK_CHECK_MAX_BYTES
    except OSError:
        return False


def check_pages(
    path: Path,
    opener: Callable[[Path], Any],
    database_error: type[Exception] | tuple[type[Exception], ...],
) -> None:
    """quick_check through a read-only connection: every page read once; raises JournalDamaged."""
    try:
        connection = opener(path)
    except database_error as error:
        raise IntegrityError(cannot_open(path, error)) from error
    try:
        problem = quick_check(connection)
    except database_error as error:
        if looks_damaged(str(error)) or "not a database" in str(error):
            raise damaged(path, str(error)) from error
        raise IntegrityError(cannot_open(path, error)) from error
    finally:
        connection.close()
    if problem is not None:
        raise damaged(path, problem)


def check_before_writing(path: Path) -> None:
    """The check a plain journal gets before its first write when open did not run it."""
    check_pages(path, open_read_only, sqlite3.DatabaseError)


def newest_backup(path: Path) -> Path | None:
    """The newest backup beside the journal at `path` (not a damaged file set aside)."""
    folder = path.parent / "backups"
    try:
        names = sorted(
            (
                entry
                for entry in folder.iterdir()
                if entry.name.endswith(".sqlite3") and not entry.name.startswith((".", "damaged-"))
            ),
            key=lambda entry: entry.stat().st_mtime,
            reverse=True,
        )
    except OSError:
        return None
    return names[0] if names else None


def refuse_emptied(path: Path) -> None:
    """A journal file that is empty (0 bytes) while backups exist has lost its contents.

    A new journal is an empty file only for the moment between its creation and its
    first schema (and then has no backups); an empty file beside backups was truncated
    by something else, and writing a new journal into it would hide the loss.
    """
    wal = Path(f"{path}-wal")
    if wal.exists() and wal.stat().st_size > 0:
        return  # SQLite keeps the first pages in the WAL until a checkpoint
    newest = newest_backup(path)
    if newest is not None:
        raise JournalDamaged(
            f"{path} is empty (0 bytes): the journal's contents are gone; nothing was changed — "
            f"restore the newest backup with 'relationship-journal restore {newest}'"
        )


def inspect_sqlite(path: Path, *, full: bool = False) -> str | None:
    """Check a plain SQLite journal read-only; return its revision or raise IntegrityError."""
    return inspect(path, open_read_only, sqlite3.DatabaseError, full=full)


def inspect(
    path: Path,
    opener: Callable[[Path], Any],
    database_error: type[Exception] | tuple[type[Exception], ...],
    *,
    full: bool = False,
) -> str | None:
    """Check a journal through a read-only connection from `opener`; return its revision.

    `full` forces PRAGMA integrity_check whatever the size (used for backups and restores);
    otherwise quick_check runs only on small files (see the module docstring). `opener`
    and `database_error` let the encrypted (SQLCipher) path share these checks.
    """
    try:
        connection = opener(path)
    except database_error as error:
        raise IntegrityError(cannot_open(path, error)) from error
    try:
        try:
            revision = revision_of(connection)
            check_revision(revision)
            touch_root_pages(connection)
            if full:
                problem = integrity_check(connection)
            elif path.stat().st_size <= QUICK_CHECK_MAX_BYTES:
                problem = quick_check(connection)
            else:
                problem = None
        except database_error as error:
            if "file is not a database" in str(error):
                raise IntegrityError(
                    f"{path} is not a Relationship Journal database (not an SQLite file)"
                ) from error
            if looks_damaged(str(error)):
                raise damaged(path, str(error)) from error
            raise IntegrityError(cannot_open(path, error)) from error
        if problem is not None:
            raise damaged(path, problem)
        return revision
    finally:
        connection.close()
