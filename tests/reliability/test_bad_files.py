"""A damaged, foreign or newer journal: every command says so in one line and changes nothing."""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from relationship_journal.journal import Journal
from relationship_journal.journal.records import ContactFields, InteractionFields

COMMANDS = (
    ("list",),
    ("search", "marathon"),
    ("add", "New Person"),
    ("log", "Ann", "--kind", "call", "--note", "should not land"),
    ("backup",),
)


def _rj(data: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "relationship_journal", "--data-dir", str(data), *args],
        capture_output=True,
        text=True,
        timeout=120,
    )


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture
def small_journal(private_folders: Path) -> Path:
    with Journal.open(private_folders) as journal:
        ann = journal.contacts.add(ContactFields(display_name="Ann Lee")).created_id
        assert ann is not None
        for n in range(40):
            journal.interactions.log(
                InteractionFields(contact_ids=(ann,), date=dt.date(2026, 1, 1),
                                  kind="call", note=f"marathon training {n}")
            )
        return journal.paths.database


def _assert_refused_untouched(data: Path, database: Path, phrase: str) -> None:
    before = _digest(database)
    for command in COMMANDS:
        result = _rj(data, *command)
        assert result.returncode == 1, (command, result.stdout, result.stderr)
        assert "Traceback" not in result.stderr
        lines = result.stderr.strip().splitlines()
        assert len(lines) == 1 and phrase in lines[0], (command, result.stderr)
        assert _digest(database) == before, f"{command} changed the file"


def test_corrupted_journal_is_refused_untouched(small_journal: Path) -> None:
    with sqlite3.connect(small_journal) as connection:
        connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    with small_journal.open("r+b") as handle:  # as the acceptance check does: 4 KiB of noise
        handle.seek(8192)
        handle.write(os.urandom(4096))
    _assert_refused_untouched(small_journal.parent, small_journal, "is damaged")
    from relationship_journal.store.integrity import JournalDamaged

    with pytest.raises(JournalDamaged):  # the kind the window offers a restore for
        Journal.open(small_journal.parent)


def test_journal_from_a_newer_app_is_refused_untouched(small_journal: Path) -> None:
    with sqlite3.connect(small_journal) as connection:
        connection.execute("UPDATE alembic_version SET version_num = '0999'")
        connection.commit()
        connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    _assert_refused_untouched(small_journal.parent, small_journal, "newer version")


def test_foreign_sqlite_file_is_refused_untouched(private_folders: Path) -> None:
    private_folders.mkdir(mode=0o700)
    database = private_folders / "journal.sqlite3"
    with sqlite3.connect(database) as connection:
        connection.execute("CREATE TABLE recipes (name TEXT)")
        connection.execute("INSERT INTO recipes VALUES ('soup')")
    _assert_refused_untouched(private_folders, database, "not a Relationship Journal database")


def test_restore_brings_back_a_damaged_journal(small_journal: Path) -> None:
    data = small_journal.parent
    assert _rj(data, "backup").returncode == 0
    with small_journal.open("r+b") as handle:
        handle.seek(8192)
        handle.write(os.urandom(4096))
    from relationship_journal.paths import resolve_paths
    from relationship_journal.store.backup import newest_good_backup

    good = newest_good_backup(resolve_paths(data))
    assert good is not None
    result = _rj(data, "restore", str(good.path))
    assert result.returncode == 0, result.stderr
    assert "backups/damaged-" in result.stdout, result.stdout
    listed = _rj(data, "search", "marathon", "--json")
    assert listed.returncode == 0 and "marathon training 39" in listed.stdout
    assert list((data / "backups").glob("damaged-*.sqlite3")), "the damaged file is kept, not deleted"


def test_full_disk_is_one_line_and_loses_nothing(small_journal: Path) -> None:
    """SQLite's max_page_count makes the journal 'full' exactly as a full disk does."""
    from sqlalchemy import event

    from relationship_journal.store.errors import StoreError

    with Journal.open(small_journal.parent) as journal:
        journal.database.engine.dispose()

        @event.listens_for(journal.database.engine, "connect")
        def _cap(dbapi_connection, _record) -> None:  # type: ignore[no-untyped-def]
            pages = dbapi_connection.execute("PRAGMA page_count").fetchone()[0]
            dbapi_connection.execute(f"PRAGMA max_page_count = {pages}")

        ann = journal.contacts.resolve("Ann")
        with pytest.raises(StoreError, match="disk is full; nothing was changed"):
            journal.interactions.log(
                InteractionFields(contact_ids=(ann,), date=dt.date(2026, 2, 2), kind="call",
                                  note="y" * 200_000)
            )
        assert journal.interactions.count() == 40
    with sqlite3.connect(small_journal) as connection:
        assert connection.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
