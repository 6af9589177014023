"""The journal file: private, durable, migrated, and refused when it is not ours."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from relationship_journal.journal import Journal
from relationship_journal.store import migrate
from relationship_journal.store.database import Database, StoreError
from relationship_journal.store.schema import HEAD_REVISION, KNOWN_REVISIONS


def test_new_journal_is_private(private_folders: Path) -> None:
    with Journal.open(private_folders) as journal:
        database = journal.paths.database
    assert private_folders.stat().st_mode & 0o777 == 0o700
    assert database.stat().st_mode & 0o777 == 0o600


def test_connections_are_durable(journal: Journal) -> None:
    with journal.reading() as connection:
        assert connection.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert connection.execute("PRAGMA synchronous").fetchone()[0] == 2  # FULL
        assert connection.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    with journal.database.engine.connect() as connection:
        assert connection.exec_driver_sql("PRAGMA synchronous").scalar() == 2
        assert connection.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1


def test_head_constant_matches_the_migrations() -> None:
    assert migrate.head_revision() == HEAD_REVISION
    assert tuple(migrate.known_revisions()) == KNOWN_REVISIONS


def test_migrated_schema_matches_the_models(journal: Journal) -> None:
    from alembic.autogenerate import compare_metadata
    from alembic.migration import MigrationContext

    from relationship_journal.store.models import Base

    with journal.database.engine.connect() as connection:
        context = MigrationContext.configure(connection, opts={"include_name": migrate.include_name})
        differences = compare_metadata(context, Base.metadata)
    assert differences == []


def _journal_at(tmp_path: Path, revision: str, name: str, stored_search_name: str) -> Path:
    """The folder of a journal an app at `revision` left behind, holding one person."""
    from sqlalchemy import create_engine

    path = tmp_path / "old" / "journal.sqlite3"
    path.parent.mkdir()
    engine = create_engine(f"sqlite:///{path}")
    with engine.begin() as connection:
        migrate.upgrade(connection, revision)
        connection.exec_driver_sql(
            "INSERT INTO contacts (display_name, search_name, circle, kin, archived) "
            "VALUES (?, ?, 15, 0, 0)",
            (name, stored_search_name),
        )
    engine.dispose()
    return path.parent


def test_journal_at_the_first_revision_is_upgraded_with_its_data(tmp_path: Path) -> None:
    """A journal made by revision 0001 opens in this version, data intact."""
    with Journal.open(_journal_at(tmp_path, "0001", "Ada Old", "ada old")) as journal:
        assert [c.name for c in journal.contacts.list()] == ["Ada Old"]
        with journal.reading() as connection:
            assert connection.execute("SELECT version_num FROM alembic_version").fetchone()[0] == HEAD_REVISION


def test_foreign_file_is_refused_untouched(tmp_path: Path) -> None:
    path = tmp_path / "journal.sqlite3"
    path.write_bytes(b"BEGIN:VCARD\nVERSION:3.0\nFN:Not a database\nEND:VCARD\n" * 100)
    before = path.read_bytes()
    with pytest.raises(StoreError, match="not a Relationship Journal"):
        Database(path)
    assert path.read_bytes() == before


def test_other_sqlite_database_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "journal.sqlite3"
    connection = sqlite3.connect(path)
    connection.execute("CREATE TABLE recipes (name TEXT)")
    connection.commit()
    connection.close()
    with pytest.raises(StoreError, match="not a Relationship Journal"):
        Database(path)


def test_journal_from_a_newer_app_is_refused(journal: Journal) -> None:
    with journal.reading() as connection:
        connection.execute("UPDATE alembic_version SET version_num = '9999'")
        connection.commit()
    with pytest.raises(StoreError, match="newer version"):
        Database(journal.paths.database)


def test_raw_write_transaction_lands_whole_or_not_at_all(journal: Journal) -> None:
    with journal.database.writing() as connection:
        connection.execute(
            "INSERT INTO contacts (display_name, search_name, circle, kin, archived) VALUES ('A', 'a', 15, 0, 0)"
        )
    with pytest.raises(RuntimeError), journal.database.writing() as connection:
        connection.execute(
            "INSERT INTO contacts (display_name, search_name, circle, kin, archived) VALUES ('B', 'b', 15, 0, 0)"
        )
        raise RuntimeError("stopped half way")
    assert [c.name for c in journal.contacts.list()] == ["A"]


def test_upgrade_refolds_names_for_matching_and_search(tmp_path: Path) -> None:
    """A journal from before revision 0004 stored 'łukasz' unfolded; after the upgrade
    'lukasz' finds him by name and in search."""
    with Journal.open(_journal_at(tmp_path, "0003", "Łukasz Wróbel", "łukasz wrobel")) as journal:
        (hit,) = journal.search("lukasz")
        assert hit.title == "Łukasz Wróbel"
        assert journal.contacts.resolve("Lukasz") == hit.id
