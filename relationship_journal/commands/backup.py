"""`backup`, `restore`, `encrypt`, `decrypt`: keeping the journal safe from the command line.

None of these opens the journal for writing before checking it read-only, and all
print one line on failure (cli.main turns StoreError into that line).
"""

from __future__ import annotations

import argparse
import getpass
import os
import sys
from pathlib import Path
from typing import Any

from relationship_journal import clock
from relationship_journal.paths import resolve_paths


def register(commands: Any) -> None:
    backup = commands.add_parser(
        "backup", help="back up the journal (into its backups folder, or to OUT)"
    )
    backup.add_argument(
        "out", nargs="?", metavar="OUT", help="a file or folder to write the backup to"
    )
    backup.add_argument("--list", action="store_true", help="list the backups instead")
    backup.set_defaults(run=run_backup)

    restore = commands.add_parser(
        "restore", help="replace the journal with a backup (the current one is backed up first)"
    )
    restore.add_argument("file", metavar="FILE")
    restore.set_defaults(run=run_restore)

    for name, help_text in (
        ("encrypt", "encrypt the journal and its backups with a passphrase (SQLCipher)"),
        ("decrypt", "turn an encrypted journal and its backups back into plain SQLite"),
    ):
        command = commands.add_parser(name, help=help_text)
        command.add_argument(
            "--passphrase-file",
            metavar="FILE",
            help="read the passphrase from the first line of FILE "
            "(default: $RELATIONSHIP_JOURNAL_PASSPHRASE, else ask)",
        )
        command.set_defaults(run=run_encrypt if name == "encrypt" else run_decrypt)


def _database(args: argparse.Namespace) -> Path:
    return resolve_paths(getattr(args, "data_dir", None)).database


def _require_journal(database: Path) -> None:
    from relationship_journal.store.errors import StoreError

    if not database.exists() or database.stat().st_size == 0:
        raise StoreError(f"there is no journal in {database.parent} yet")


def run_backup(args: argparse.Namespace) -> int:
    from relationship_journal.store import backup, encryption, integrity, swap_lock

    database = _database(args)
    if args.list:
        for info in backup.list_backups(database):
            print(f"{info.label}  {info.path}")
        return 0
    _require_journal(database)
    encryption.ask_on_terminal(database)
    passphrase = None
    if integrity.file_kind(database).name == "encrypted":
        passphrase = encryption.passphrase_for(database)
    with swap_lock.using(database):  # not a copy of a file being encrypted or restored
        written = _write_backup(args, database, passphrase)
    print(f"Backed up to {written}")
    return 0


def _write_backup(args: argparse.Namespace, database: Path, passphrase: str | None) -> Path:
    from relationship_journal.store import backup, integrity

    backup.inspect_file(database, passphrase)
    if args.out is None:
        written = backup.backup_now(database, passphrase)
    else:
        target = Path(args.out).expanduser().absolute()
        if target.is_dir():
            target = target / f"journal-{clock.now().strftime('%Y-%m-%dT%H%M%S')}.sqlite3"
        if integrity.file_kind(target).name not in ("missing", "empty", "sqlite", "encrypted"):
            from relationship_journal.store.errors import StoreError

            raise StoreError(f"{target} exists and is not a journal backup; choose another name")
        written = backup.write_backup(database, target, passphrase)
    return written


def run_restore(args: argparse.Namespace) -> int:
    from relationship_journal.store import backup, encryption

    database = _database(args)
    source = Path(args.file).expanduser().absolute()
    encryption.ask_on_terminal(source)
    if source == database.absolute():
        from relationship_journal.store.errors import StoreError

        raise StoreError("that file is the journal itself; give a backup to restore")
    kept = backup.restore(database, source)
    print(f"Restored the journal from {source}")
    if kept is not None:
        print(f"The journal as it was is kept in {kept}")
    return 0


def refuse_open_passphrase_file(path: Path) -> None:
    """A passphrase file others may read is no secret: refuse it, as ssh refuses such a key."""
    from relationship_journal.store.encryption import EncryptionError

    mode = path.stat().st_mode & 0o777
    if os.name == "posix" and mode & 0o077:
        raise EncryptionError(
            f"{path} can be read by other users (mode {mode:o}); nothing was changed — "
            f"make it private first: chmod 600 {path}"
        )


def read_passphrase(args: argparse.Namespace, *, confirm: bool) -> str:
    """From --passphrase-file, the environment, or asked twice (once to decrypt) on the terminal."""
    from relationship_journal.store.encryption import PASSPHRASE_ENV, EncryptionError

    if args.passphrase_file:
        refuse_open_passphrase_file(Path(args.passphrase_file))
        with open(args.passphrase_file, encoding="utf-8") as handle:
            passphrase = handle.readline().rstrip("\r\n")
    elif os.environ.get(PASSPHRASE_ENV):
        passphrase = os.environ[PASSPHRASE_ENV]
    elif sys.stdin.isatty():
        passphrase = getpass.getpass("Passphrase: ")
        if confirm and getpass.getpass("The same passphrase again: ") != passphrase:
            raise EncryptionError("the two passphrases differ; nothing was changed")
    else:
        raise EncryptionError(f"no passphrase: use --passphrase-file FILE or set {PASSPHRASE_ENV}")
    if not passphrase:
        raise EncryptionError("the passphrase must not be empty")
    return passphrase


def run_encrypt(args: argparse.Namespace) -> int:
    from relationship_journal.journal import figures_cache
    from relationship_journal.store import backup, encryption

    database = _database(args)
    _require_journal(database)
    backup.refuse_if_window_open(database.parent)
    encryption.dbapi()
    passphrase = read_passphrase(args, confirm=True)
    converted = encryption.encrypt_journal(database, passphrase)
    figures_cache.forget(database.parent)  # figures kept beside a plain journal are plain text
    print(f"Encrypted {database} and {len(converted)} backup(s).")
    print(
        "Keep the passphrase safe: without it the journal cannot be opened by anyone, you included."
    )
    return 0


def run_decrypt(args: argparse.Namespace) -> int:
    from relationship_journal.store import backup, encryption

    database = _database(args)
    _require_journal(database)
    backup.refuse_if_window_open(database.parent)
    passphrase = read_passphrase(args, confirm=False)
    converted = encryption.decrypt_journal(database, passphrase)
    print(f"Decrypted {database} and {len(converted)} backup(s); they are plain SQLite again.")
    return 0
