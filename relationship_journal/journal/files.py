"""The journal's file, as the window sees it: backups, restore, encryption, reopening,
and changes made by another program.

Everything the window does to the file itself goes through here, so the GUI never
imports store/ (architecture.md): the store keeps its tables and files, and this
module is the journal's one door to them.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from relationship_journal.paths import JournalPaths
from relationship_journal.store import backup as _backup
from relationship_journal.store import integrity as _integrity
from relationship_journal.store.backup import KEEP_DAILY, KEEP_WEEKLY, WINDOW_LOCK_NAME, BackupInfo
from relationship_journal.store.errors import StoreError

if TYPE_CHECKING:
    from relationship_journal.journal.core import Journal
    from relationship_journal.store.external_changes import ExternalChanges

__all__ = [
    "KEEP_DAILY",
    "KEEP_WEEKLY",
    "WINDOW_LOCK_NAME",
    "BackupInfo",
    "backup_now",
    "encryption_available",
    "is_encrypted",
    "known_passphrase",
    "list_backups",
    "newest_good_backup",
    "reopen",
    "restore",
    "unlock",
    "watch_changes",
]


def list_backups(paths: JournalPaths) -> list[BackupInfo]:
    """The journal's backups, newest first, damaged ones marked."""
    return _backup.list_backups(paths.database)


def backup_now(paths: JournalPaths, passphrase: str | None) -> Path:
    return _backup.backup_now(paths.database, passphrase)


def restore(paths: JournalPaths, source: Path, passphrase: str | None) -> Path | None:
    """Replace the journal with `source`; returns where the journal it replaced is kept."""
    return _backup.restore(paths.database, source, passphrase)


def newest_good_backup(paths: JournalPaths, passphrase: str | None) -> BackupInfo | None:
    return _backup.newest_good_backup(paths, passphrase)


def is_encrypted(database: Path) -> bool:
    return _integrity.file_kind(database).name == "encrypted"


def encryption_available() -> bool:
    from relationship_journal.store import encryption

    return encryption.available()


def known_passphrase(paths: JournalPaths) -> str | None:
    """The passphrase this process knows for the journal (unlocked, or from the environment)."""
    from relationship_journal.store import encryption

    try:
        return encryption.passphrase_for(paths.database)
    except StoreError:
        return None


def unlock(database: Path, passphrase: str) -> bool:
    """Whether `passphrase` opens the journal; if it does, it is remembered for this process."""
    from relationship_journal.store import encryption

    if not encryption.check_passphrase(database, passphrase):
        return False
    encryption.remember_passphrase(database, passphrase)
    return True


def reopen(journal: Journal) -> None:
    """Open the (possibly restored) file again: checked, and upgraded if it is older."""
    from relationship_journal.store.database import Database

    journal.database = Database(journal.paths.database)


def watch_changes(journal: Journal) -> ExternalChanges:
    """A cheap check, for a timer, of whether another program has written to the journal."""
    from relationship_journal.store.external_changes import ExternalChanges

    return ExternalChanges(journal.database)
