"""Opening a journal file safely: private permissions, durable pragmas, schema checks.

A committed entry must survive a crash of the app or the machine (WAL with
synchronous=FULL), and a file that is not ours, or is from a newer app, is refused
before anything is written to it.
"""

from __future__ import annotations

import logging
import os
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

from relationship_journal.paths import PRIVATE_FILE_MODE, ensure_private_dir, make_private
from relationship_journal.store import change_log, integrity, leftovers, swap_lock, wal_check
from relationship_journal.store.errors import StoreError
from relationship_journal.store.integrity import SQLITE_HEADER
from relationship_journal.store.schema import HEAD_REVISION

if TYPE_CHECKING:
    from sqlalchemy.engine import Connection, Engine, ExceptionContext

__all__ = ["BUSY_TIMEOUT_MS", "SQLITE_HEADER", "Database", "StoreError", "apply_pragmas"]

BUSY_TIMEOUT_MS = 10_000
log = logging.getLogger(__name__)


def apply_pragmas(connection: sqlite3.Connection) -> None:
    """Durability and integrity settings every connection must carry."""
    connection.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    connection.execute("PRAGMA foreign_keys = ON")
    connection.execute("PRAGMA journal_mode = WAL")
    connection.execute("PRAGMA synchronous = FULL")


def storage_problem(error: BaseException) -> str:
    """One line for a database error the person may be able to act on."""
    text = str(error)
    if "disk is full" in text:
        return "the journal could not be saved: the disk is full; nothing was changed"
    if "readonly" in text or "read-only" in text:
        return (
            "the journal could not be saved: its folder or file is read-only; nothing was changed"
        )
    if "malformed" in text or "not a database" in text:
        return f"the journal is damaged ({text}); restore a backup with 'relationship-journal restore FILE'"
    return f"the journal could not be used: {text}; nothing was changed"


class Database:
    """One journal file: checked and migrated on open, then shared by all readers and writers.

    Opening never writes to a file before it has been checked read-only (store/integrity):
    a foreign, damaged or newer journal is refused untouched. An encrypted journal
    (store/encryption) needs its passphrase: given here, remembered, or from the
    environment. The first write of the day takes the daily backup (store/backup), so
    read-only commands such as `search` only ever pay for one stat of today's backup name.
    """

    def __init__(self, path: Path, *, passphrase: str | None = None) -> None:
        self.path = path
        self._engine: Engine | None = None
        self._passphrase: str | None = None
        self._daily_backup_checked = False
        self._verified = False  # whole by a check since this process opened it
        self._lock = swap_lock.lock_for(path)
        ensure_private_dir(path.parent)
        leftovers.remove_leftovers(path, self._lock)
        left_behind = Path(f"{path}-shm").exists() or Path(f"{path}-wal").exists()
        if left_behind and self._lock.nobody_else():
            wal_check.check_before_opening(path)  # left by a crash: would SQLite drop commits?
        self._lock.acquire_shared()
        self._holding = True
        try:
            self._prepare(passphrase)
        except BaseException:
            self._let_go()
            raise

    @property
    def encrypted(self) -> bool:
        return self._passphrase is not None

    def seal(self, path: Path, text: str) -> None:
        """Write text the app keeps beside the journal (a draft): encrypted if the journal is."""
        if self._passphrase is None:
            raise StoreError("the journal is not encrypted: there is no passphrase to seal with")
        from relationship_journal.store import encryption

        encryption.write_sealed(path, self._passphrase, text)

    def unseal(self, path: Path) -> str | None:
        """What `seal` wrote, or None."""
        if self._passphrase is None:
            return None
        from relationship_journal.store import encryption

        return encryption.read_sealed(path, self._passphrase)

    def _prepare(self, passphrase: str | None) -> None:
        revision = self._inspect(passphrase)
        if revision == HEAD_REVISION:
            return
        # Only now, with the file known to be an older journal of ours (or new), may it
        # change: alone (store/swap_lock), so no other process writes into the old schema.
        self._lock.release_shared()
        self._holding = False
        with self._lock.exclusive("upgrading"):
            self._lock.acquire_shared()  # kept when the upgrade is done
            self._holding = True
            revision = self._inspect(passphrase)  # another process may have upgraded it meanwhile
            if revision == HEAD_REVISION:
                return
            self._daily_backup_checked = True  # the migration backup stands in for today's
            if revision is not None:
                self.before_migration(revision)
                self._verified = True  # the backup just taken passed integrity_check
            try:
                if revision is None and self._passphrase is None:
                    self._create_schema()
                else:
                    from relationship_journal.store import migrate

                    with self.engine.begin() as connection:
                        migrate.upgrade(connection)
            finally:
                self._daily_backup_checked = False
                self._dispose_engine()  # its connections predate the change log's tables and triggers

    def _create_schema(self) -> None:
        """A new journal's schema in one transaction, without Alembic (store/fresh_schema)."""
        from relationship_journal.store import fresh_schema

        connection = sqlite3.connect(self.path, timeout=BUSY_TIMEOUT_MS / 1000, isolation_level=None)
        try:
            apply_pragmas(connection)
            fresh_schema.create(connection)
        except sqlite3.OperationalError as error:  # a full disk, a read-only folder: one line
            raise StoreError(storage_problem(error)) from error
        finally:
            connection.close()

    def _inspect(self, passphrase: str | None) -> str | None:
        """Check the file read-only (creating a new one); its schema revision."""
        kind = integrity.file_kind(self.path).name
        if kind == "missing":
            fd = os.open(self.path, os.O_CREAT | os.O_WRONLY, PRIVATE_FILE_MODE)
            os.close(fd)
        if kind == "foreign":
            raise StoreError(
                f"{self.path} is not a Relationship Journal database (not an SQLite file)"
            )
        if kind == "empty":
            integrity.refuse_emptied(self.path)
        make_private(self.path)
        revision: str | None = None
        if kind == "encrypted":
            from relationship_journal.store import encryption

            secret = encryption.passphrase_for(self.path, passphrase)
            revision = encryption.inspect(self.path, secret)
            self._passphrase = secret
            encryption.finish_encrypting_backups(self.path, secret)  # after a stopped `encrypt`
        elif kind == "sqlite":
            revision = integrity.inspect_sqlite(self.path)
        self._verified = kind in ("missing", "empty") or integrity.checked_on_open(self.path)
        return revision

    def before_migration(self, revision: str | None) -> None:
        """Back up an existing journal before its schema changes (a failed backup stops the upgrade)."""
        if revision is None:
            return
        from relationship_journal.store import backup

        backup.backup_before_migration(self.path, revision, self._passphrase)

    def ensure_daily_backup(self) -> Path | None:
        """Take today's backup if none exists yet: the window calls it on start, writes on first use.

        A damaged journal is found here (the backup is integrity-checked) and raises
        StoreError; a backup that cannot be written (disk full, read-only folder) is
        logged as a warning and does not stop the person's work.
        """
        self._daily_backup_checked = True
        from relationship_journal.store import backup

        try:
            written = backup.ensure_daily_backup(self.path, self._passphrase)
            if written is not None:
                self._verified = True  # the copy passed integrity_check page by page
            return written
        except backup.DamagedJournal:
            self._daily_backup_checked = False  # every later write is refused as well
            raise
        except backup.BackupError as error:
            log.warning("%s", error)
            return None

    def defer_daily_backup(self) -> None:
        """The caller takes today's backup itself (the window, on a worker thread, by calling
        `ensure_daily_backup` there): the engine's first use must not take it on this thread."""
        self._daily_backup_checked = True

    def connect(self, *, any_thread: bool = False) -> sqlite3.Connection:
        """A plain sqlite3 connection with the journal's pragmas, for fast reads.

        In a folder that cannot be written (read-only, or a full disk) the connection
        is read-only and reads the file as it stands: the journal can still be listed,
        searched, exported and backed up elsewhere; writes fail with one line.
        `any_thread`: a long-lived connection that its owner uses from one worker at a
        time, whichever thread that worker runs on.
        """
        read_only = integrity.cannot_write_beside(self.path)
        connection: sqlite3.Connection  # an SQLCipher connection has the same interface
        if self._passphrase is not None:
            from relationship_journal.store import encryption

            connection = encryption.connect_raw(
                self.path, self._passphrase, read_only=read_only, same_thread=not any_thread
            )
        elif read_only:
            connection = integrity.open_read_only(self.path, same_thread=not any_thread)
        else:
            connection = sqlite3.connect(
                self.path, timeout=BUSY_TIMEOUT_MS / 1000, check_same_thread=not any_thread
            )
            try:
                connection.execute("SELECT count(*) FROM sqlite_master").fetchone()
            except sqlite3.OperationalError as error:
                connection.close()
                if not integrity.no_room_to_read(error, self.path):
                    raise
                connection = integrity.open_read_only(self.path, same_thread=not any_thread)  # a full disk
                read_only = True
        if read_only:
            connection.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        else:
            apply_pragmas(connection)
        return connection

    @property
    def engine(self) -> Engine:
        """The SQLAlchemy engine for a unit of work that writes, created on first use
        (SQLAlchemy is slow to import); its transactions hold the write lock from the start."""
        self._before_writing()
        return self._shared_engine()

    @property
    def read_engine(self) -> Engine:
        """The same engine for a unit of work that only reads: a deferred BEGIN, which
        neither waits for a writer nor makes one wait, and none of the checks a write
        needs first (the daily backup, the integrity check of a large file)."""
        return self._shared_engine().execution_options(read_only=True)

    def _shared_engine(self) -> Engine:
        if self._engine is None:
            from sqlalchemy import create_engine, event

            # The file is opened by our own creator, never from a URL: a folder name with
            # '?' or '#' would otherwise be cut short and a different file written. Pooled
            # connections may serve the window's worker threads, hence check_same_thread.
            path, secret = self.path, self._passphrase
            if secret is not None:
                from relationship_journal.store import encryption

                module = encryption.dbapi()

                def open_connection() -> sqlite3.Connection:
                    connection: sqlite3.Connection = encryption.connect_raw(
                        path, secret, same_thread=False
                    )
                    return connection

            else:
                module = sqlite3

                def open_connection() -> sqlite3.Connection:
                    return sqlite3.connect(
                        path, timeout=BUSY_TIMEOUT_MS / 1000, check_same_thread=False
                    )

            engine = create_engine(
                "sqlite:///journal.sqlite3", module=module, creator=open_connection
            )

            @event.listens_for(engine, "connect")
            def _on_connect(dbapi_connection: sqlite3.Connection, _record: object) -> None:
                # Let SQLAlchemy issue BEGIN itself so a whole unit of work is one transaction.
                dbapi_connection.isolation_level = None
                apply_pragmas(dbapi_connection)
                change_log.install(dbapi_connection)

            @event.listens_for(engine, "begin")
            def _on_begin(connection: Connection) -> None:
                reading = connection.get_execution_options().get("read_only", False)
                connection.exec_driver_sql("BEGIN" if reading else "BEGIN IMMEDIATE")

            @event.listens_for(engine, "handle_error")
            def _on_error(context: ExceptionContext) -> None:
                # A full disk or a read-only folder is the person's to fix: say so in one
                # line (the transaction has been rolled back) instead of SQLAlchemy's trace.
                original = context.original_exception
                if type(original).__name__ == "IntegrityError":
                    return
                raise StoreError(storage_problem(original)) from original

            self._engine = engine
        return self._engine

    @contextmanager
    def reading(self) -> Iterator[sqlite3.Connection]:
        """A short-lived read connection, closed afterwards."""
        connection = self.connect()
        try:
            yield connection
        except sqlite3.DatabaseError:
            raise
        except Exception as error:
            # SQLCipher's errors are not sqlite3's: give them the same one-line treatment.
            if type(error).__module__.startswith("sqlcipher3") and "Error" in type(error).__name__:
                raise StoreError(storage_problem(error)) from error
            raise
        finally:
            connection.close()

    @contextmanager
    def writing(self) -> Iterator[sqlite3.Connection]:
        """One raw write transaction, for bulk work the ORM would make slow.

        Like the engine's sessions it takes the day's backup first and holds the write
        lock from the start (BEGIN IMMEDIATE); it commits on a clean exit and rolls back
        on any error, so the work lands whole or not at all.
        """
        self._before_writing()
        connection = self.connect()
        connection.isolation_level = None
        try:
            if change_log.recording():  # bulk writes nobody undoes skip the triggers' set-up
                change_log.install(connection)
            connection.execute("BEGIN IMMEDIATE")
            yield connection
            connection.execute("COMMIT")
        except BaseException as error:
            if connection.in_transaction:
                connection.execute("ROLLBACK")
            if isinstance(error, sqlite3.OperationalError):
                raise StoreError(storage_problem(error)) from error
            raise
        finally:
            connection.close()

    def _before_writing(self) -> None:
        """Refuse to write into a damaged file, whatever its size (store/integrity)."""
        if integrity.cannot_write_beside(self.path):
            raise StoreError(
                f"the journal's folder {self.path.parent} is read-only: "
                f"it can be listed, searched, exported and backed up elsewhere, but not changed; "
                f"nothing was changed"
            )
        if not self._daily_backup_checked:
            self.ensure_daily_backup()
        if not self._verified:
            if self._passphrase is not None:
                from relationship_journal.store import encryption

                encryption.check_before_writing(self.path, self._passphrase)
            else:
                integrity.check_before_writing(self.path)
            self._verified = True

    def _let_go(self) -> None:
        if self._holding:
            self._holding = False
            self._lock.release_shared()

    def _dispose_engine(self) -> None:
        if self._engine is not None:
            self._engine.dispose()
            self._engine = None

    def close(self) -> None:
        """Let go of the file: connections closed, and another process may now swap it."""
        self._dispose_engine()
        self._let_go()
