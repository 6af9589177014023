"""The figures cache is used only for the exact journal, day and options it came from."""

from __future__ import annotations

import datetime as dt
import json
import os
import sqlite3
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from relationship_journal.journal import Journal, figures_cache
from relationship_journal.journal.records import ContactFields, InteractionFields

DAY = ["2026-06-30"]


def kept(journal: Journal, options: list[str] = DAY) -> str | None:
    cache = figures_cache.for_journal(journal, "figures", options)
    assert cache is not None
    return cache.get()


def keep(journal: Journal, text: str, options: list[str] = DAY) -> bool:
    cache = figures_cache.for_journal(journal, "figures", options)
    assert cache is not None
    cache.get()  # notes the journal state the text stands for, as a command does
    return cache.put(text)


def add_person(journal: Journal, name: str) -> int:
    created = journal.contacts.add(ContactFields(name)).created_id
    assert created is not None
    return created


def test_figures_kept_for_this_journal_and_day_come_back(journal: Journal) -> None:
    add_person(journal, "Ada Lovelace")
    assert kept(journal) is None
    assert keep(journal, '{"figures": 1}\nsecond line')
    assert kept(journal) == '{"figures": 1}\nsecond line'
    assert kept(journal, ["2026-07-01"]) is None  # another day is another key


def test_any_write_to_the_journal_is_a_miss(journal: Journal) -> None:
    person = add_person(journal, "Ada Lovelace")
    assert keep(journal, "before the call")
    journal.interactions.log(
        InteractionFields(contact_ids=(person,), date=dt.date(2026, 6, 1), kind="call")
    )
    assert kept(journal) is None


def test_a_write_around_the_app_is_a_miss_too(journal: Journal) -> None:
    add_person(journal, "Ada Lovelace")
    assert keep(journal, "before")
    with sqlite3.connect(journal.paths.database) as other:
        other.execute("UPDATE contacts SET circle = 5")
    assert kept(journal) is None


def test_figures_computed_while_someone_wrote_are_not_kept(journal: Journal) -> None:
    add_person(journal, "Ada Lovelace")
    cache = figures_cache.for_journal(journal, "figures", DAY)
    assert cache is not None and cache.get() is None
    add_person(journal, "Grace Hopper")  # lands between reading and keeping
    assert not cache.put("figures without Grace")
    assert kept(journal) is None


def test_the_cache_is_private(journal: Journal) -> None:
    add_person(journal, "Ada Lovelace")
    assert keep(journal, "private figures")
    folder = journal.paths.data_dir / figures_cache.CACHE_FOLDER
    assert stat.S_IMODE(folder.stat().st_mode) == 0o700
    files = list(folder.iterdir())
    assert len(files) == 1 and stat.S_IMODE(files[0].stat().st_mode) == 0o600


def test_an_encrypted_journal_keeps_no_cache(private_folders: Path) -> None:
    pytest.importorskip("sqlcipher3")
    from relationship_journal.store import encryption

    with Journal.open(private_folders) as journal:
        database = journal.paths.database
    encryption.encrypt_journal(database, "pass phrase")
    encryption.remember_passphrase(database, "pass phrase")
    try:
        with Journal.open(private_folders) as journal:
            assert figures_cache.for_journal(journal, "figures", DAY) is None
    finally:
        encryption.forget_passphrase(database)


def run(data: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "relationship_journal", "--data-dir", str(data), *args],
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, "PYTHONIOENCODING": "utf-8"},
    )


def test_health_json_shows_a_change_at_once_and_the_same_figures_when_nothing_changed(
    private_folders: Path,
) -> None:
    assert run(private_folders, "add", "Ada Lovelace", "--circle", "5").returncode == 0
    first = run(private_folders, "health", "--json", "--as-of", "2026-06-30")
    again = run(private_folders, "health", "--json", "--as-of", "2026-06-30")
    assert first.returncode == 0 and again.stdout == first.stdout
    assert (private_folders / figures_cache.CACHE_FOLDER).is_dir()

    logged = run(
        private_folders, "log", "Ada Lovelace", "--kind", "meeting", "--date", "2026-06-29"
    )
    assert logged.returncode == 0, logged.stderr
    after = json.loads(run(private_folders, "health", "--json", "--as-of", "2026-06-30").stdout)
    assert after != json.loads(first.stdout)
    assert after["contacts"][0]["last_interaction"] == "2026-06-29"


def test_encrypting_removes_the_figures_kept_in_plain_text(private_folders: Path) -> None:
    pytest.importorskip("sqlcipher3")
    assert run(private_folders, "add", "Ada Lovelace").returncode == 0
    assert run(private_folders, "health", "--json", "--as-of", "2026-06-30").returncode == 0
    kept = list((private_folders / figures_cache.CACHE_FOLDER).glob("*.txt"))
    assert kept and any("Ada Lovelace" in k.read_text(encoding="utf-8") for k in kept)
    encrypted = subprocess.run(
        [
            sys.executable,
            "-m",
            "relationship_journal",
            "--data-dir",
            str(private_folders),
            "encrypt",
        ],
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, "RELATIONSHIP_JOURNAL_PASSPHRASE": "pass phrase long enough"},
    )
    assert encrypted.returncode == 0, encrypted.stderr
    assert list((private_folders / figures_cache.CACHE_FOLDER).glob("*.txt")) == []


def test_reading_the_journal_for_its_digest_leaves_sqlite_its_locks(journal: Journal) -> None:
    """SQLite's POSIX locks on a file are all dropped when the process closes any descriptor
    of it: a digest read with open()/close() let another process take the journal as its
    own alone and delete the write-ahead log under the window, which then missed its writes."""
    add_person(journal, "Ada Lovelace")
    database = journal.paths.database
    watcher = journal.database.connect(any_thread=True)  # as the window's watcher of outside writes
    try:
        before = watcher.execute("PRAGMA data_version").fetchone()[0]
        figures_cache.journal_state(database)
        writer = "import sqlite3, sys; c = sqlite3.connect(sys.argv[1]); c.execute('UPDATE contacts SET circle = 5'); c.commit(); c.close()"
        subprocess.run([sys.executable, "-c", writer, str(database)], check=True)
        assert Path(f"{database}-wal").exists()  # the other process knew it was not alone
        assert watcher.execute("PRAGMA data_version").fetchone()[0] != before
        figures_cache.journal_state(database)  # and again, after the log grew
        subprocess.run([sys.executable, "-c", writer, str(database)], check=True)
        assert Path(f"{database}-wal").exists()
    finally:
        watcher.close()
