"""A journal written by every earlier schema revision opens in this version with all its data.

The fixtures are committed files made by tests/store/make_fixtures.py; a new migration
without a fixture fails here until the script is re-run.
"""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest
from make_fixtures import FIXTURES, SECRET_NOTE, fixture_path

from relationship_journal.journal import Journal
from relationship_journal.store import migrate
from relationship_journal.store.backup import list_backups
from relationship_journal.store.schema import HEAD_REVISION, KNOWN_REVISIONS


def _rows(path: Path) -> dict[str, list[dict[str, object]]]:
    """Every row of every ordinary table (not FTS, not Alembic's), as column → value."""
    connection = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    connection.row_factory = sqlite3.Row
    try:
        tables = [
            row[0]
            for row in connection.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE '%fts%' "
                "AND name NOT IN ('alembic_version', 'sqlite_sequence')"
            )
        ]
        return {table: [dict(row) for row in connection.execute(f'SELECT * FROM "{table}"')] for table in tables}
    finally:
        connection.close()


def test_every_revision_has_a_fixture() -> None:
    missing = [rev for rev in migrate.known_revisions() if not fixture_path(rev).exists()]
    assert not missing, f"no fixture for {missing}: run python tests/store/make_fixtures.py"


@pytest.mark.parametrize("revision", KNOWN_REVISIONS)
def test_fixture_upgrades_with_all_its_data(revision: str, tmp_path: Path) -> None:
    fixture = fixture_path(revision)
    data = tmp_path / "journal"
    data.mkdir(mode=0o700)
    database = data / "journal.sqlite3"
    shutil.copyfile(fixture, database)
    before = _rows(fixture)
    assert sum(len(rows) for rows in before.values()) >= 15, "the fixture should hold data"

    with Journal.open(data) as journal:
        names = {contact.name for contact in journal.contacts.list()}
        hits = journal.search("Lisbon marathon")
    assert {"Ada Lovelace", "Zoë Ångström"} <= names
    assert any(hit.kind == "interaction" for hit in hits), "the old note is not found by search"

    after = _rows(database)
    for table, rows in before.items():
        assert table in after, f"table {table} vanished in the upgrade"
        for row in rows:
            assert any(
                all(new.get(column) == value for column, value in row.items()) for new in after[table]
            ), f"{table} lost {row}"
    with sqlite3.connect(database) as connection:
        assert connection.execute("SELECT version_num FROM alembic_version").fetchone()[0] == HEAD_REVISION

    backups = [info for info in list_backups(database) if info.kind == "before-migration"]
    if revision == HEAD_REVISION:
        assert backups == []
    else:
        assert len(backups) == 1 and backups[0].detail == revision
        assert _rows(backups[0].path) == before, "the pre-migration backup is not the old journal"


def test_fixture_notes_are_the_known_ones() -> None:
    """Guards the fixtures themselves: a regenerated file must still hold the note searched for."""
    for path in FIXTURES.glob("journal-*.sqlite3"):
        notes = [row["note"] for row in _rows(path)["interactions"]]
        assert SECRET_NOTE in notes, path.name
