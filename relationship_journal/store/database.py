"""Opening a journal file safely: private permissions, durable pragmas, schema checks.

A committed entry must survive a crash of the app or the machine (WAL with
synchronous=FULL), and a file that is not ours, or is from a newer app, is refused
before anything is written to it.
"""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

from relationship_journal.paths import PRIVATE_FILE_MODE, ensure_private_dir, make_private
from relationship_journal.store.schema import HEAD_REVISION, KNOWN_REVISIONS

if TYPE_CHECKING:
    from sqlalchemy.engine import Engine

SQLITE_HEADER = b"SQLite format 3\x00"
BUSY_TIMEOUT_MS = 10_000


class StoreError(Exception):
    """A problem with the journal file itself, worded for the person using the app."""


def apply_pragmas(connection: sqlite3.Connection) -> None:
    """Durability and integrity settings every connection must carry."""
    connection.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    connection.execute("PRAGMA foreign_keys = ON")
    connection.execute("PRAGMA journal_mode = WAL")
    connection.execute("PRAGMA synchronous = FULL")


def _check_header(path: Path) -> None:
    with path.open("rb") as handle:
        header = handle.read(len(SQLITE_HEADER))
    if header and header != SQLITE_HEADER:
        raise StoreError(f"{path} is not a Relationship Journal database (not an SQLite file)")


def _revision(connection: sqlite3.Connection) -> str | None:
    tables = {
        row[0] for row in connection.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
    }
    if "alembic_version" not in tables:
        if tables - {"sqlite_sequence"}:
            raise StoreError("this SQLite file is not a Relationship Journal database")
        return None
    row = connection.execute("SELECT version_num FROM alembic_version").fetchone()
    return row[0] if row else None


class Database:
    """One journal file: checked and migrated on open, then shared by all readers and writers."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._engine: Engine | None = None
        self._prepare()

    def _prepare(self) -> None:
        ensure_private_dir(self.path.parent)
        if not self.path.exists():
            fd = os.open(self.path, os.O_CREAT | os.O_WRONLY, PRIVATE_FILE_MODE)
            os.close(fd)
        make_private(self.path)
        _check_header(self.path)
        try:
            connection = self.connect()
            try:
                revision = _revision(connection)
            finally:
                connection.close()
        except sqlite3.DatabaseError as error:
            raise StoreError(f"{self.path} cannot be read as a journal: {error}") from error
        if revision == HEAD_REVISION:
            return
        if revision is not None and revision not in KNOWN_REVISIONS:
            raise StoreError(
                f"this journal was written by a newer version of Relationship Journal "
                f"(schema {revision}); please update the app"
            )
        self.before_migration(revision)
        from relationship_journal.store import migrate

        with self.engine.begin() as connection:
            migrate.upgrade(connection)

    def before_migration(self, revision: str | None) -> None:
        """Hook for taking a backup before an existing journal's schema changes."""

    def connect(self) -> sqlite3.Connection:
        """A plain sqlite3 connection with the journal's pragmas, for fast reads."""
        connection = sqlite3.connect(self.path, timeout=BUSY_TIMEOUT_MS / 1000)
        apply_pragmas(connection)
        return connection

    @property
    def engine(self) -> Engine:
        """The SQLAlchemy engine, created on first use (SQLAlchemy is slow to import)."""
        if self._engine is None:
            from sqlalchemy import create_engine, event

            engine = create_engine(f"sqlite:///{self.path}")

            @event.listens_for(engine, "connect")
            def _on_connect(dbapi_connection: sqlite3.Connection, _record: object) -> None:
                # Let SQLAlchemy issue BEGIN itself so a whole unit of work is one transaction.
                dbapi_connection.isolation_level = None
                apply_pragmas(dbapi_connection)

            @event.listens_for(engine, "begin")
            def _on_begin(connection) -> None:  # type: ignore[no-untyped-def]
                connection.exec_driver_sql("BEGIN IMMEDIATE")

            self._engine = engine
        return self._engine

    @contextmanager
    def reading(self) -> Iterator[sqlite3.Connection]:
        """A short-lived read connection, closed afterwards."""
        connection = self.connect()
        try:
            yield connection
        finally:
            connection.close()

    def close(self) -> None:
        if self._engine is not None:
            self._engine.dispose()
            self._engine = None
