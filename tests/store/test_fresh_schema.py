"""A new journal is made from the schema's statements, not by running the migrations:
the file must be the one the migrations make, and a failed start must leave nothing."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from relationship_journal.journal import Journal
from relationship_journal.store import fresh_schema
from relationship_journal.store.schema import HEAD_REVISION


def _contents(path: Path) -> dict[str, object]:
    """Everything in a journal file a reader could tell apart: its objects and their rows."""
    with sqlite3.connect(path) as connection:
        objects = connection.execute(
            "SELECT type, name, tbl_name, sql FROM sqlite_master ORDER BY rowid"
        ).fetchall()
        tables = [name for kind, name, _table, sql in objects
                  if kind == "table" and not (sql or "").startswith("CREATE VIRTUAL")]
        rows = {name: sorted(connection.execute(f'SELECT * FROM "{name}"').fetchall(), key=repr)
                for name in tables}
        settings = {pragma: connection.execute(f"PRAGMA {pragma}").fetchone()[0]
                    for pragma in ("user_version", "application_id", "auto_vacuum", "page_size", "encoding")}
    return {"objects": objects, "rows": rows, "settings": settings}


def test_a_new_journal_is_the_file_the_migrations_make(tmp_path: Path) -> None:
    long_way = tmp_path / "migrated.sqlite3"
    fresh_schema.migrated(str(long_way))
    with Journal.open(tmp_path / "new") as journal:
        new = journal.paths.database
    assert fresh_schema.statements_of(sqlite3.connect(long_way)) == list(fresh_schema.STATEMENTS)
    made, expected = _contents(new), _contents(long_way)
    assert made["objects"] == expected["objects"]
    assert made["rows"] == expected["rows"]
    assert made["settings"] == expected["settings"]
    assert made["rows"]["alembic_version"] == [(HEAD_REVISION,)]  # type: ignore[index]


def test_a_new_journal_works_as_a_migrated_one(tmp_path: Path) -> None:
    from relationship_journal.journal.records import ContactFields

    with Journal.open(tmp_path / "new") as journal:
        with journal.history.recording("Add Zoë"):
            journal.contacts.add(ContactFields(display_name="Zoë Ångström", organisation="Acme Sailing"))
        assert [hit.title for hit in journal.search("sailing")] == ["Zoë Ångström"]  # the full-text triggers
        journal.history.undo()
        assert journal.contacts.list() == []  # the history's capture works


def test_a_start_that_fails_leaves_an_empty_file_and_the_next_one_makes_the_journal(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    broken = (*fresh_schema.STATEMENTS, "CREATE TABLE contacts (id INTEGER)")  # exists already
    monkeypatch.setattr(fresh_schema, "STATEMENTS", broken)
    with pytest.raises(Exception, match="already exists"):
        Journal.open(tmp_path / "new")
    database = tmp_path / "new" / "journal.sqlite3"
    with sqlite3.connect(database) as connection:
        assert connection.execute("SELECT count(*) FROM sqlite_master").fetchone()[0] == 0
    monkeypatch.undo()
    with Journal.open(tmp_path / "new") as journal:
        assert journal.contacts.count() == 0


def test_a_full_disk_while_a_new_journal_is_made_is_said_in_one_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def full(connection: sqlite3.Connection) -> None:
        raise sqlite3.OperationalError("database or disk is full")

    monkeypatch.setattr(fresh_schema, "create", full)
    from relationship_journal.store.database import StoreError

    with pytest.raises(StoreError, match="the disk is full; nothing was changed"):
        Journal.open(tmp_path / "new")
