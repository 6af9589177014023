"""Every connection the app writes through is durable: WAL, synchronous FULL, a busy timeout."""

from __future__ import annotations

from pathlib import Path

import pytest

from relationship_journal.journal import Journal

EXPECTED = {"journal_mode": "wal", "synchronous": 2, "foreign_keys": 1, "busy_timeout": 10_000}


def _settings(execute) -> dict[str, object]:  # type: ignore[no-untyped-def]
    return {name: execute(f"PRAGMA {name}") for name in EXPECTED}


def test_plain_journal_connections(journal: Journal) -> None:
    with journal.reading() as connection:
        assert _settings(lambda sql: connection.execute(sql).fetchone()[0]) == EXPECTED
    with journal.database.engine.connect() as connection:
        assert _settings(lambda sql: connection.exec_driver_sql(sql).scalar()) == EXPECTED


def test_encrypted_journal_connections(private_folders: Path) -> None:
    pytest.importorskip("sqlcipher3")
    from relationship_journal.store import encryption

    with Journal.open(private_folders) as journal:
        database = journal.paths.database
    encryption.encrypt_journal(database, "pass phrase")
    encryption.remember_passphrase(database, "pass phrase")
    try:
        with Journal.open(private_folders) as journal:
            assert journal.database.encrypted
            with journal.reading() as connection:
                assert _settings(lambda sql: connection.execute(sql).fetchone()[0]) == EXPECTED
            with journal.database.engine.connect() as connection:
                assert _settings(lambda sql: connection.exec_driver_sql(sql).scalar()) == EXPECTED
    finally:
        encryption.forget_passphrase(database)
