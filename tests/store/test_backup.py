"""Backups: taken daily and on request with the online backup API, verified, pruned, restorable."""

from __future__ import annotations

import datetime as dt
import os
import sqlite3
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from relationship_journal import clock
from relationship_journal.journal import Journal
from relationship_journal.journal.records import ContactFields, InteractionFields
from relationship_journal.paths import resolve_paths
from relationship_journal.store import backup
from relationship_journal.store.backup import BackupError, DamagedJournal
from relationship_journal.store.errors import StoreError


def _names(path: Path) -> set[str]:
    connection = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        return {row[0] for row in connection.execute("SELECT display_name FROM contacts")}
    finally:
        connection.close()


def _add(journal: Journal, name: str) -> int:
    created = journal.contacts.add(ContactFields(display_name=name)).created_id
    assert created is not None
    return created


def test_first_write_of_the_day_takes_a_private_verified_backup(private_folders: Path) -> None:
    with Journal.open(private_folders) as journal:
        _add(journal, "Ann Lee")
        _add(journal, "Ben Ode")
    daily = backup.daily_backup_path(journal.paths.database, clock.today())
    assert daily.exists()
    assert daily.parent.stat().st_mode & 0o777 == 0o700
    assert daily.stat().st_mode & 0o777 == 0o600
    with sqlite3.connect(daily) as connection:
        assert connection.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        # self-contained: a rollback journal, not WAL, so the one file is the whole backup
        assert connection.execute("PRAGMA journal_mode").fetchone()[0] == "delete"
    # Taken before the day's first write: the state the person had when they sat down.
    assert _names(daily) == set()


def test_reading_commands_take_no_backup(private_folders: Path) -> None:
    with Journal.open(private_folders) as journal:
        _add(journal, "Ann Lee")
    daily = backup.daily_backup_path(journal.paths.database, clock.today())
    daily.unlink()
    with Journal.open(private_folders) as journal:
        journal.search("Ann")
        journal.contacts.list()
    assert not daily.exists()


def test_backup_includes_entries_still_in_the_wal(journal: Journal, tmp_path: Path) -> None:
    """A file copy of a live WAL journal misses recent commits; the backup API does not."""
    contact = _add(journal, "Ann Lee")
    journal.interactions.log(
        InteractionFields(contact_ids=(contact,), date=dt.date(2026, 1, 5), kind="call", note="fresh")
    )
    wal = Path(f"{journal.paths.database}-wal")
    assert wal.exists() and wal.stat().st_size > 0
    target = backup.write_backup(journal.paths.database, tmp_path / "out.sqlite3")
    with sqlite3.connect(target) as connection:
        assert connection.execute("SELECT note FROM interactions").fetchall() == [("fresh",)]
    assert target.stat().st_mode & 0o777 == 0o600


def test_retention_keeps_seven_daily_and_four_weekly(
    private_folders: Path, set_today: Callable[[dt.date], None]
) -> None:
    today = dt.date(2026, 11, 23)  # a Monday
    set_today(today)
    with Journal.open(private_folders) as journal:
        database = journal.paths.database
        _add(journal, "Ann Lee")
    template = backup.backup_now(database)
    folder = template.parent
    days = [today - dt.timedelta(days=n) for n in range(60)]
    for day in days:
        (folder / f"daily-{day.isoformat()}.sqlite3").write_bytes(template.read_bytes())
    backup.prune(database)
    kept = sorted(info.taken.date() for info in backup.list_backups(database) if info.kind == "daily")
    newest_seven = sorted(days[:7])
    weekly = {dt.date(2026, 11, 23), dt.date(2026, 11, 22), dt.date(2026, 11, 15), dt.date(2026, 11, 8)}
    assert kept == sorted(set(newest_seven) | weekly)
    assert template.exists(), "manual backups are never pruned"


def test_restore_round_trip_keeps_the_replaced_journal(private_folders: Path, tmp_path: Path) -> None:
    with Journal.open(private_folders) as journal:
        _add(journal, "Before Backup")
        saved = backup.write_backup(journal.paths.database, tmp_path / "saved.sqlite3")
        _add(journal, "After Backup")
    database = resolve_paths(private_folders).database
    kept = backup.restore(database, saved)
    assert kept is not None and kept.parent == database.parent / "backups"
    assert _names(kept) == {"Before Backup", "After Backup"}
    assert not Path(f"{database}-wal").exists()
    # Swapped in already in the journal's mode: the first two commands to open it raced to
    # switch it, and the one that lost failed with "database is locked".
    assert database.read_bytes()[18:20] == b"\x02\x02"  # the header's WAL version bytes
    with Journal.open(private_folders) as journal:
        assert [c.name for c in journal.contacts.list()] == ["Before Backup"]
        _add(journal, "Writes Again")
    assert database.stat().st_mode & 0o777 == 0o600


def _damage(path: Path, table: str = "interactions") -> None:
    """Overwrite one of the table's b-tree leaf pages with garbage."""
    connection = sqlite3.connect(path)
    try:
        page_size = connection.execute("PRAGMA page_size").fetchone()[0]
        pages = [
            row[0]
            for row in connection.execute(
                "SELECT pageno FROM dbstat WHERE name = ? AND pagetype = 'leaf'", (table,)
            )
        ]
        connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        connection.close()
    with path.open("r+b") as handle:
        handle.seek((pages[-1] - 1) * page_size + 8)
        handle.write(os.urandom(page_size - 8))


def _journal_with_entries(folder: Path, count: int = 300) -> Path:
    with Journal.open(folder) as journal:
        contact = _add(journal, "Ann Lee")
        for n in range(count):
            journal.interactions.log(
                InteractionFields(contact_ids=(contact,), date=dt.date(2026, 1, 1), kind="call",
                                  note=f"entry number {n} " + "x" * 200)
            )
        return journal.paths.database


def test_restore_refuses_files_that_are_not_whole_journals(private_folders: Path, tmp_path: Path) -> None:
    database = _journal_with_entries(private_folders, 50)
    before = database.read_bytes()
    foreign = tmp_path / "notes.txt"
    foreign.write_text("not a journal\n" * 500)
    newer = tmp_path / "newer.sqlite3"
    backup.write_backup(database, newer)
    with sqlite3.connect(newer) as connection:
        connection.execute("UPDATE alembic_version SET version_num = '9999'")
    damaged = tmp_path / "damaged.sqlite3"
    backup.write_backup(database, damaged)
    _damage(damaged)
    for source, phrase in (
        (foreign, "not a Relationship Journal"),
        (newer, "newer version"),
        (damaged, "damaged"),
        (tmp_path / "missing.sqlite3", "does not exist"),
    ):
        with pytest.raises(BackupError, match=phrase):
            backup.restore(database, source)
    assert database.read_bytes() == before


def test_daily_backup_finds_damage_that_the_cheap_open_check_misses(
    private_folders: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    database = _journal_with_entries(private_folders)
    backup.daily_backup_path(database, clock.today()).unlink()
    _damage(database)
    before = database.read_bytes()
    # As for a large journal: no quick_check on open, so only the daily backup can notice.
    monkeypatch.setattr("relationship_journal.store.integrity.QUICK_CHECK_MAX_BYTES", 0)
    with Journal.open(private_folders) as journal, pytest.raises(DamagedJournal, match="damaged"):
        _add(journal, "Not Written")
    assert database.read_bytes() == before
    assert not backup.daily_backup_path(database, clock.today()).exists()


def test_newest_good_backup_skips_damaged_ones(private_folders: Path) -> None:
    database = _journal_with_entries(private_folders, 100)
    good = backup.backup_now(database, now=dt.datetime(2026, 1, 1, 9, 0, 0))
    bad = backup.backup_now(database, now=dt.datetime(2026, 1, 2, 9, 0, 0))
    _damage(bad)
    for info in backup.list_backups(database):
        if info.kind == "daily":
            info.path.unlink()
    found = backup.newest_good_backup(resolve_paths(private_folders))
    assert found is not None and found.path == good


def test_restore_is_refused_while_the_window_is_open(private_folders: Path, tmp_path: Path) -> None:
    database = _journal_with_entries(private_folders, 1)
    saved = backup.write_backup(database, tmp_path / "saved.sqlite3")
    sleeper = subprocess.Popen([sys.executable, "-c", "import sys; sys.stdin.read()"], stdin=subprocess.PIPE)
    try:
        (private_folders / backup.WINDOW_LOCK_NAME).write_text(f"{sleeper.pid}\nrelationship-journal\nhost\n")
        with pytest.raises(StoreError, match="window is open"):
            backup.restore(database, saved)
    finally:
        sleeper.communicate(b"")
    backup.restore(database, saved)  # the window has gone: the stale lock does not block


def test_every_write_to_a_damaged_journal_is_refused(
    private_folders: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    database = _journal_with_entries(private_folders)
    backup.daily_backup_path(database, clock.today()).unlink()
    _damage(database)
    monkeypatch.setattr("relationship_journal.store.integrity.QUICK_CHECK_MAX_BYTES", 0)
    with Journal.open(private_folders) as journal:
        for name in ("First Try", "Second Try"):
            with pytest.raises(DamagedJournal):
                _add(journal, name)


def test_set_aside_damaged_journals_are_never_pruned(journal: Journal) -> None:
    """A 'damaged' file may be the person's only copy of their original journal."""
    database = journal.paths.database
    _add(journal, "Ann Lee")
    template = backup.backup_now(database)
    folder = template.parent
    for n in range(8):
        (folder / f"damaged-2026-11-{10 + n:02d}T10-00-00.sqlite3").write_bytes(b"not a database")
    before = {p.name for p in folder.iterdir() if p.name.startswith("damaged-")}
    backup.prune(database)
    after = {p.name for p in folder.iterdir() if p.name.startswith("damaged-")}
    assert after == before and len(after) == 8


def test_a_large_damaged_journal_takes_no_write_even_after_todays_backup(
    private_folders: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Today's backup was taken before the damage: the check before the first write finds it."""
    database = _journal_with_entries(private_folders)
    assert backup.daily_backup_path(database, clock.today()).exists()
    _damage(database)
    before = database.read_bytes()
    monkeypatch.setattr("relationship_journal.store.integrity.QUICK_CHECK_MAX_BYTES", 0)
    with Journal.open(private_folders) as journal:  # opening and reading stay instant
        assert journal.contacts.resolve("Ann Lee")
        with pytest.raises(StoreError, match="damaged"):
            _add(journal, "Not Written")
    assert database.read_bytes() == before


def test_an_emptied_journal_is_refused_with_the_newest_backup_named(
    private_folders: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from relationship_journal import cli
    from relationship_journal.store.integrity import JournalDamaged

    database = _journal_with_entries(private_folders, 3)
    newest = backup.backup_now(database)
    database.write_bytes(b"")
    for suffix in ("-wal", "-shm"):
        Path(f"{database}{suffix}").unlink(missing_ok=True)
    with pytest.raises(JournalDamaged, match="empty"):
        Journal.open(private_folders)
    assert cli.main(["--data-dir", str(private_folders), "add", "Not Written"]) == 1
    err = capsys.readouterr().err
    assert len(err.strip().splitlines()) == 1 and str(newest) in err
    assert database.stat().st_size == 0  # nothing was written into it
    backup.restore(database, newest)
    with Journal.open(private_folders) as journal:
        assert journal.contacts.resolve("Ann Lee")
