"""Encryption at rest: no note readable in the file's bytes, wrong passphrase is one line, backups stay encrypted."""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys
from pathlib import Path

import pytest

pytest.importorskip("sqlcipher3")

from relationship_journal.journal import Journal  # noqa: E402
from relationship_journal.journal.records import ContactFields, InteractionFields  # noqa: E402
from relationship_journal.store import backup, encryption, integrity  # noqa: E402
from relationship_journal.store.errors import StoreError  # noqa: E402

NOTE = "Priya is quietly interviewing at the rival firm"
PASSPHRASE = "correct horse 'battery' staple"


def _rj(data: Path, *args: str, passphrase: str | None = None) -> subprocess.CompletedProcess[str]:
    env = {key: value for key, value in os.environ.items() if key != encryption.PASSPHRASE_ENV}
    if passphrase is not None:
        env[encryption.PASSPHRASE_ENV] = passphrase
    return subprocess.run(
        [sys.executable, "-m", "relationship_journal", "--data-dir", str(data), *args],
        capture_output=True, text=True, timeout=120, env=env, stdin=subprocess.DEVNULL,
    )


def _files(folder: Path) -> list[Path]:
    return [path for path in folder.rglob("*") if path.is_file()]


@pytest.fixture
def encrypted(private_folders: Path, tmp_path: Path) -> Path:
    """A journal with a secret note and a backup, then encrypted with the command."""
    with Journal.open(private_folders) as journal:
        priya = journal.contacts.add(ContactFields(display_name="Priya Shah")).created_id
        assert priya is not None
        journal.interactions.log(
            InteractionFields(contact_ids=(priya,), date=dt.date(2026, 3, 3),
                              kind="meeting", note=NOTE)
        )
    assert _rj(private_folders, "backup").returncode == 0
    passphrase_file = tmp_path / "passphrase.txt"
    passphrase_file.write_text(PASSPHRASE + "\n")
    passphrase_file.chmod(0o600)  # a passphrase file others can read is refused
    result = _rj(private_folders, "encrypt", "--passphrase-file", str(passphrase_file))
    assert result.returncode == 0, result.stderr
    return private_folders


def test_no_note_text_in_the_encrypted_files(encrypted: Path) -> None:
    database = encrypted / "journal.sqlite3"
    assert integrity.file_kind(database).name == "encrypted"
    files = _files(encrypted)
    assert len([f for f in files if f.parent.name == "backups"]) >= 2
    for path in files:
        content = path.read_bytes()
        assert NOTE.encode() not in content, f"{path.name} holds the note in clear"
        assert b"Priya" not in content, f"{path.name} holds a name in clear"
        if path.suffix == ".sqlite3":
            assert not content.startswith(integrity.SQLITE_HEADER), f"{path.name} is a plain SQLite file"


def test_encrypted_journal_opens_with_its_passphrase_and_keeps_working(encrypted: Path) -> None:
    found = _rj(encrypted, "search", "rival firm", "--json", passphrase=PASSPHRASE)
    assert found.returncode == 0 and "rival firm" in found.stdout, found.stderr
    logged = _rj(encrypted, "log", "Priya", "--kind", "call", "--note", "second private note",
                 passphrase=PASSPHRASE)
    assert logged.returncode == 0, logged.stderr
    assert _rj(encrypted, "backup", passphrase=PASSPHRASE).returncode == 0
    for path in _files(encrypted):
        assert b"second private note" not in path.read_bytes(), path.name
    encryption.remember_passphrase(encrypted / "journal.sqlite3", PASSPHRASE)
    try:
        with Journal.open(encrypted) as journal:
            assert {hit.kind for hit in journal.search("second private note")} == {"interaction"}
    finally:
        encryption.forget_passphrase(encrypted / "journal.sqlite3")


def test_wrong_or_missing_passphrase_is_one_line_and_changes_nothing(encrypted: Path) -> None:
    database = encrypted / "journal.sqlite3"
    before = database.read_bytes()
    for passphrase, phrase in ((None, "give its passphrase"), ("wrong", "passphrase does not open")):
        for command in (("list",), ("search", "rival"), ("log", "Priya", "--kind", "call"), ("backup",)):
            result = _rj(encrypted, *command, passphrase=passphrase)
            assert result.returncode == 1, (command, result.stdout)
            lines = result.stderr.strip().splitlines()
            assert len(lines) == 1 and phrase in lines[0], (command, result.stderr)
    assert database.read_bytes() == before
    assert encryption.check_passphrase(database, PASSPHRASE)
    assert not encryption.check_passphrase(database, "wrong")


def test_backups_of_an_encrypted_journal_restore_with_the_passphrase(encrypted: Path) -> None:
    database = encrypted / "journal.sqlite3"
    newest = backup.list_backups(database)[0]
    assert integrity.file_kind(newest.path).name == "encrypted"
    with pytest.raises(StoreError, match="passphrase"):
        backup.check_journal_file(newest.path, "wrong")
    restored = _rj(encrypted, "restore", str(newest.path), passphrase=PASSPHRASE)
    assert restored.returncode == 0, restored.stderr
    assert integrity.file_kind(database).name == "encrypted"
    assert "rival firm" in _rj(encrypted, "search", "rival firm", passphrase=PASSPHRASE).stdout


def test_decrypt_brings_back_plain_sqlite(encrypted: Path, tmp_path: Path) -> None:
    wrong = tmp_path / "wrong.txt"
    wrong.write_text("nope\n")
    wrong.chmod(0o600)
    refused = _rj(encrypted, "decrypt", "--passphrase-file", str(wrong))
    assert refused.returncode == 1 and "passphrase does not open" in refused.stderr
    result = _rj(encrypted, "decrypt", passphrase=PASSPHRASE)
    assert result.returncode == 0, result.stderr
    database = encrypted / "journal.sqlite3"
    assert integrity.file_kind(database).name == "sqlite"
    assert database.read_bytes()[18:20] == b"\x02\x02"  # swapped in as WAL, as the journal is kept
    assert all(integrity.file_kind(info.path).name == "sqlite" for info in backup.list_backups(database))
    assert all(info.path.read_bytes()[18:20] == b"\x01\x01" for info in backup.list_backups(database))
    assert "rival firm" in _rj(encrypted, "search", "rival firm").stdout
