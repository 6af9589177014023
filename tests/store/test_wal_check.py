"""A WAL that would make SQLite drop saved work is noticed on opening, with the backup named."""

from __future__ import annotations

import datetime as dt
import shutil
import sqlite3
from pathlib import Path

import pytest

from relationship_journal.journal import Journal
from relationship_journal.journal.records import ContactFields, InteractionFields
from relationship_journal.store import backup
from relationship_journal.store.integrity import JournalDamaged
from relationship_journal.store.wal_check import lost_commits

ENTRIES = 6


def _crash_image(source: Path, target: Path, *, with_wal: bool = True) -> Path:
    """The journal's files as a crash leaves them: the WAL not folded into the file."""
    with Journal.open(source) as journal:
        ann = journal.contacts.add(ContactFields(display_name="Ann Lee")).created_id
        kept = backup.backup_now(journal.paths.database)
        holder = sqlite3.connect(journal.paths.database)  # as a process that was then killed
        holder.execute("PRAGMA wal_autocheckpoint = 0")
        holder.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        for n in range(ENTRIES):
            journal.interactions.log(
                InteractionFields(
                    contact_ids=(ann,), date=dt.date(2026, 1, 1), kind="call", note=f"entry {n}"
                )
            )
        target.mkdir()
        shutil.copytree(source / "backups", target / "backups")
        for suffix in ("", "-wal", "-shm") if with_wal else ("", "-shm"):
            shutil.copy(
                f"{journal.paths.database}{suffix}", f"{target / 'journal.sqlite3'}{suffix}"
            )
        holder.close()
    return target / "backups" / kept.name


def _flip(wal: Path, frame: int, page_size: int = 4096) -> None:
    offset = 32 + frame * (24 + page_size) + 24 + 100
    data = bytearray(wal.read_bytes())
    data[offset] ^= 0xFF
    wal.write_bytes(bytes(data))


def test_a_flipped_byte_in_the_wal_is_refused_not_silently_dropped(
    private_folders: Path, tmp_path: Path
) -> None:
    crashed = tmp_path / "crashed"
    kept = _crash_image(private_folders, crashed)
    wal = crashed / "journal.sqlite3-wal"
    assert lost_commits(wal) is None  # as the crash left it: whole
    _flip(wal, 1)
    assert lost_commits(wal) and lost_commits(wal) >= ENTRIES - 1
    before = {p.name: p.read_bytes() for p in crashed.glob("journal.sqlite3*")}
    with pytest.raises(JournalDamaged) as refused:
        Journal.open(crashed)
    assert "write-ahead log" in str(refused.value) and str(kept.name) in str(refused.value)
    assert {p.name: p.read_bytes() for p in crashed.glob("journal.sqlite3*")} == before


def test_a_wal_deleted_while_open_is_noticed(private_folders: Path, tmp_path: Path) -> None:
    crashed = tmp_path / "crashed"
    kept = _crash_image(private_folders, crashed, with_wal=False)
    with pytest.raises(JournalDamaged, match="deleted or cut") as refused:
        Journal.open(crashed)
    assert str(kept.name) in str(refused.value)


def test_a_whole_wal_left_by_a_crash_opens_with_every_entry(
    private_folders: Path, tmp_path: Path
) -> None:
    crashed = tmp_path / "crashed"
    _crash_image(private_folders, crashed)
    with Journal.open(crashed) as journal:
        assert journal.interactions.count() == ENTRIES
