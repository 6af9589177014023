"""With encryption on, no note text lies in the clear beside the journal: not in a
draft, not in a backup left by an encrypt that was stopped, not after a restore."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

pytest.importorskip("sqlcipher3")

from relationship_journal.gui.drafts import DraftStore  # noqa: E402
from relationship_journal.journal import Journal  # noqa: E402
from relationship_journal.journal.records import ContactFields, InteractionFields  # noqa: E402
from relationship_journal.store import backup, encryption, integrity  # noqa: E402

SECRET = "Lena is planning to leave her husband in March"
PASSPHRASE = "no plain text anywhere"


def _plain_text_files(folder: Path, text: str) -> list[Path]:
    needle = text.encode("utf-8")
    return [path for path in folder.rglob("*") if path.is_file() and needle in path.read_bytes()]


def _journal(folder: Path, note: str = SECRET) -> Path:
    with Journal.open(folder) as journal:
        lena = journal.contacts.add(ContactFields(display_name="Lena Berg")).created_id
        assert lena is not None
        journal.interactions.log(
            InteractionFields(contact_ids=(lena,), date=dt.date(2026, 3, 3), kind="call", note=note)
        )
        return journal.paths.database


def test_a_draft_for_an_encrypted_journal_is_sealed(
    private_folders: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    database = _journal(private_folders, "nothing secret")
    drafts = private_folders / "drafts"
    drafts.mkdir(mode=0o700)
    (drafts / "composer.json").write_text(
        json.dumps({"note": "older " + SECRET})
    )  # before encrypting
    encryption.encrypt_journal(database, PASSPHRASE)
    monkeypatch.setenv(encryption.PASSPHRASE_ENV, PASSPHRASE)
    with Journal.open(private_folders) as journal:
        store = DraftStore(drafts, journal)
        assert store.load() == {"note": "older " + SECRET}  # the old draft comes back, sealed now
        store.save({"note": SECRET, "people": [1]})
        assert _plain_text_files(private_folders, SECRET) == []
        assert store.load() == {"note": SECRET, "people": [1]}
        assert (drafts / "composer.sealed").stat().st_mode & 0o777 == 0o600
        store.clear()
        assert store.load() is None and list(drafts.iterdir()) == []


def test_encrypt_resumes_and_finishes_backups_an_interrupted_run_left_plain(
    private_folders: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    database = _journal(private_folders)
    first = backup.backup_now(database, now=dt.datetime(2026, 3, 4, 9, 0, 0))
    second = backup.backup_now(database, now=dt.datetime(2026, 3, 5, 9, 0, 0))
    # As a kill -9 after the journal was swapped and before the backups were converted:
    encryption._convert_file(database, None, PASSPHRASE)
    assert integrity.file_kind(first).name == "sqlite"
    assert {p.name for p in _plain_text_files(private_folders, SECRET)} >= {first.name, second.name}
    assert {first, second} <= set(encryption.encrypt_journal(database, PASSPHRASE))
    assert _plain_text_files(private_folders, SECRET) == []
    with pytest.raises(encryption.EncryptionError, match="already encrypted"):
        encryption.encrypt_journal(database, PASSPHRASE)
    # And opening the journal finishes the job by itself, without the command.
    third = private_folders / "backups" / "manual-2026-03-06T090000.sqlite3"
    backup.write_backup(database, third, PASSPHRASE)
    encryption._convert_file(third, PASSPHRASE, "")
    assert integrity.file_kind(third).name == "sqlite"
    monkeypatch.setenv(encryption.PASSPHRASE_ENV, PASSPHRASE)
    with Journal.open(private_folders) as journal:
        assert journal.contacts.resolve("Lena")
    assert integrity.file_kind(third).name == "encrypted"
    assert _plain_text_files(private_folders, SECRET) == []


def test_restoring_a_plain_backup_into_an_encrypted_journal_encrypts_it(
    private_folders: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    database = _journal(private_folders)
    plain = backup.write_backup(database, tmp_path / "plain.sqlite3")
    encryption.encrypt_journal(database, PASSPHRASE)
    monkeypatch.setenv(encryption.PASSPHRASE_ENV, PASSPHRASE)
    backup.restore(database, plain)
    assert integrity.file_kind(database).name == "encrypted"
    with Journal.open(private_folders) as journal:
        journal.interactions.log(
            InteractionFields(
                contact_ids=(journal.contacts.resolve("Lena"),),
                date=dt.date(2026, 3, 9),
                kind="call",
                note="after the restore " + SECRET,
            )
        )
    assert _plain_text_files(private_folders, SECRET) == []
