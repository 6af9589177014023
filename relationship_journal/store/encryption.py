"""Encryption at rest, optional per journal, with SQLCipher 4 (the `encryption` extra).

An encrypted journal is recognised by its first bytes: a plain journal starts with
"SQLite format 3", an SQLCipher file with a random salt (store/integrity.file_kind).
It is opened with a passphrase from, in order: the caller (the window asks for it),
this process's memory (`remember_passphrase`), or RELATIONSHIP_JOURNAL_PASSPHRASE for
scripts. A wrong passphrase is one line of explanation and changes nothing: the app
never locks the person out or counts attempts.

Converting (`encrypt` / `decrypt`) writes the new file with `sqlcipher_export` into a
temporary file, checks it whole, and swaps it in with os.replace; the backups are
converted the same way, so no plain copy of an encrypted journal stays in backups/.
"""

from __future__ import annotations

import hashlib
import os
import sqlite3
import sys
from pathlib import Path
from typing import Any

from relationship_journal.paths import PRIVATE_FILE_MODE, ensure_private_dir
from relationship_journal.store import held_files, integrity, swap_lock
from relationship_journal.store.errors import StoreError
from relationship_journal.store.integrity import IntegrityError
from relationship_journal.store.swap_lock import swapping

PASSPHRASE_ENV = "RELATIONSHIP_JOURNAL_PASSPHRASE"
_remembered: dict[Path, str] = {}
_raw_keys: dict[tuple[bytes, str], str] = {}
# SQLCipher 4's defaults, which every journal we write uses.
_SALT_BYTES = 16
_KDF_ITERATIONS = 256_000
_KEY_BYTES = 32


class EncryptionError(StoreError):
    """Encryption is unavailable, a passphrase is missing or wrong; one line for the user."""


class PassphraseNeeded(EncryptionError):
    """The journal is encrypted and no passphrase was given."""


class WrongPassphrase(EncryptionError):
    """The passphrase does not open the journal."""


def dbapi() -> Any:
    """The SQLCipher DB-API module, or a clear error naming the extra to install."""
    try:
        from sqlcipher3 import dbapi2
    except ImportError as error:
        raise EncryptionError(
            "this journal is encrypted, and encryption support is not installed: "
            "pip install 'relationship-journal[encryption]'"
        ) from error
    return dbapi2


def available() -> bool:
    try:
        dbapi()
    except EncryptionError:
        return False
    return True


def remember_passphrase(path: Path, passphrase: str) -> None:
    """Keep the passphrase in this process's memory (the window asks once)."""
    _remembered[path.absolute()] = passphrase


def forget_passphrase(path: Path) -> None:
    _remembered.pop(path.absolute(), None)


def passphrase_for(path: Path, given: str | None = None) -> str:
    """The passphrase to try for `path`: given, remembered, or from the environment."""
    if given:
        return given
    remembered = _remembered.get(path.absolute())
    if remembered:
        return remembered
    from_env = os.environ.get(PASSPHRASE_ENV)
    if from_env:
        return from_env
    if not available():
        raise PassphraseNeeded(
            f"{path} is not a Relationship Journal database (not an SQLite file)"
        )
    raise PassphraseNeeded(
        f"{path} is not a Relationship Journal database, unless it is an encrypted one: "
        f"give its passphrase (set {PASSPHRASE_ENV} for scripts)"
    )


def ask_on_terminal(path: Path) -> None:
    """For a command typed at a terminal: ask for an encrypted journal's passphrase once.

    Does nothing for a plain journal, when a passphrase is already known, or when no one
    is at a terminal (scripts use the environment variable and get a clear error).
    """
    if path.absolute() in _remembered or os.environ.get(PASSPHRASE_ENV):
        return
    if integrity.file_kind(path).name != "encrypted" or not sys.stdin.isatty():
        return
    import getpass

    passphrase = getpass.getpass(f"Passphrase for {path}: ")
    if passphrase:
        remember_passphrase(path, passphrase)


def _key_pragma(passphrase: str) -> str:
    escaped = passphrase.replace("'", "''")
    return f"PRAGMA key = '{escaped}'"


def _key_statement(path: Path, passphrase: str) -> str:
    """PRAGMA key for `path`: the derived raw key when the file exists, else the passphrase.

    SQLCipher derives the page key from the passphrase with PBKDF2 (256,000 rounds,
    ~100 ms) on every connection, and a command opens several. Deriving it once per
    process, exactly as SQLCipher 4 does (PBKDF2-HMAC-SHA512 over the file's 16-byte
    salt), and handing SQLCipher the raw key keeps each further connection instant.
    """
    try:
        salt = held_files.read_start(path, _SALT_BYTES)  # this process may have it open
    except OSError:
        salt = b""
    if len(salt) < _SALT_BYTES or salt.startswith(integrity.SQLITE_HEADER[:_SALT_BYTES]):
        return _key_pragma(passphrase)
    cached = _raw_keys.get((salt, passphrase))
    if cached is None:
        cached = hashlib.pbkdf2_hmac(
            "sha512", passphrase.encode("utf-8"), salt, _KDF_ITERATIONS, _KEY_BYTES
        ).hex()
        _raw_keys[(salt, passphrase)] = cached
    return f"PRAGMA key = \"x'{cached}'\""


def connect_raw(
    path: Path,
    passphrase: str,
    *,
    read_only: bool = False,
    same_thread: bool = True,
    as_it_stands: bool = False,
) -> Any:
    """An SQLCipher connection with the key applied and checked, without journal pragmas."""
    module = dbapi()
    if read_only:
        connection = module.connect(
            integrity.read_only_uri(path, as_it_stands=as_it_stands),
            uri=True,
            timeout=10,
            check_same_thread=same_thread,
        )
    else:
        connection = module.connect(str(path), timeout=10, check_same_thread=same_thread)
    try:
        # SQLCipher prints its own errors on stderr (a wrong key) unless told not to.
        connection.execute("PRAGMA cipher_log_level = NONE")
        connection.execute(_key_statement(path, passphrase))
        connection.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except module.DatabaseError as error:
        connection.close()
        if not as_it_stands and integrity.no_room_to_read(error, path):
            # A full disk: no room for the -shm file; read the file as it stands.
            return connect_raw(path, passphrase, read_only=True, same_thread=same_thread, as_it_stands=True)
        if "file is not a database" in str(error):
            raise WrongPassphrase(
                f"the passphrase does not open {path}, or it is not a Relationship Journal "
                f"database; nothing was changed"
            ) from error
        raise
    return connection


def check_passphrase(path: Path, passphrase: str) -> bool:
    """Whether `passphrase` opens the encrypted journal at `path` (read-only, for the window)."""
    try:
        connect_raw(path, passphrase, read_only=True).close()
    except WrongPassphrase:
        return False
    return True


def inspect(path: Path, passphrase: str, *, full: bool = False) -> str | None:
    """integrity.inspect for an encrypted journal: read-only, revision, quick/full check."""
    module = dbapi()
    return integrity.inspect(
        path,
        lambda target: connect_raw(target, passphrase, read_only=True),
        module.DatabaseError,
        full=full,
    )


def _export(source: Path, source_key: str | None, target: Path, target_key: str) -> None:
    """Write `source` into the new file `target` under `target_key` ('' means plain)."""
    module = dbapi()
    connection = module.connect(str(source), timeout=10)
    try:
        connection.execute("PRAGMA cipher_log_level = NONE")
        if source_key is not None:
            connection.execute(_key_statement(source, source_key))
        connection.execute("PRAGMA busy_timeout = 10000")
        connection.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchall()
        escaped = target_key.replace("'", "''")
        connection.execute("ATTACH DATABASE ? AS converted KEY '" + escaped + "'", (str(target),))
        connection.execute("SELECT sqlcipher_export('converted')").fetchall()
        connection.execute("DETACH DATABASE converted")
    finally:
        connection.close()


def _verify(path: Path, key: str | None) -> None:
    if key:
        inspect(path, key, full=True)
    else:
        integrity.inspect_sqlite(path, full=True)


def _convert_file(path: Path, source_key: str | None, target_key: str, journal: bool = False) -> None:
    """Convert one file in place: export to a temporary file, verify, fsync, swap. The
    `journal` is swapped in already in its WAL mode (backups keep a rollback journal)."""
    temporary = path.with_name(f".{path.name}.converting")
    for suffix in ("", "-journal", "-wal", "-shm"):
        Path(f"{temporary}{suffix}").unlink(missing_ok=True)
    descriptor = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL, PRIVATE_FILE_MODE)
    os.close(descriptor)
    try:
        _export(path, source_key, temporary, target_key)
        _verify(temporary, target_key or None)
        if journal:
            from relationship_journal.store.backup import in_wal_mode

            in_wal_mode(temporary, target_key or None)
        descriptor = os.open(temporary, os.O_RDONLY)
        try:
            os.fsync(descriptor)
        finally:
            os.close(descriptor)
        os.replace(temporary, path)
        for suffix in ("-wal", "-shm", "-journal"):
            Path(f"{path}{suffix}").unlink(missing_ok=True)
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise


def export_encrypted(source: Path, target: Path, passphrase: str) -> None:
    """Write the plain journal `source` as a new encrypted file `target` (0600), checked whole.

    Used to restore a plain backup into an encrypted journal: the plain pages never
    touch the disk beside it, not even in a temporary file.
    """
    descriptor = os.open(target, os.O_WRONLY | os.O_CREAT | os.O_EXCL, PRIVATE_FILE_MODE)
    os.close(descriptor)
    try:
        _export(source, None, target, passphrase)
        _verify(target, passphrase)
        descriptor = os.open(target, os.O_RDONLY)
        try:
            os.fsync(descriptor)
        finally:
            os.close(descriptor)
    except BaseException:
        for suffix in ("", "-journal", "-wal", "-shm"):
            Path(f"{target}{suffix}").unlink(missing_ok=True)
        raise


def _backup_files(database: Path) -> list[Path]:
    from relationship_journal.store.backup import list_backups

    return [info.path for info in list_backups(database)]


def encrypt_journal(database: Path, passphrase: str) -> list[Path]:
    """Encrypt a plain journal and its backups; returns the backups converted.

    Resumable: when the journal is already encrypted with this passphrase (an earlier
    run was stopped part-way), the backups still plain are encrypted now. The whole run
    holds the journal alone (store/swap_lock), so no write lands in the plain file after
    it was copied, and no plain backup is taken meanwhile.
    """
    if not passphrase:
        raise EncryptionError("the passphrase must not be empty")
    dbapi()
    with swapping(database, "encrypting"):
        kind = integrity.file_kind(database).name
        if kind == "encrypted":
            if not check_passphrase(database, passphrase):
                raise WrongPassphrase(
                    f"{database} is already encrypted, with another passphrase; nothing was changed"
                )
            converted = _encrypt_backups(database, passphrase)
            if not converted:
                raise EncryptionError(f"{database} is already encrypted, and so are its backups")
            return converted
        if kind != "sqlite":
            raise EncryptionError(f"{database} is not a Relationship Journal database")
        try:
            integrity.inspect_sqlite(database, full=True)
        except IntegrityError as error:
            raise EncryptionError(str(error)) from error
        _convert_file(database, None, passphrase, journal=True)
        converted = _encrypt_backups(database, passphrase)
    ensure_private_dir(database.parent)
    return converted


def plain_backups(database: Path) -> list[Path]:
    """Backups of the journal that are plain SQLite (left by an encrypt that was stopped)."""
    return [path for path in _backup_files(database) if integrity.file_kind(path).name == "sqlite"]


def _encrypt_backups(database: Path, passphrase: str) -> list[Path]:
    converted = []
    for backup in plain_backups(database):
        _convert_file(backup, None, passphrase)
        converted.append(backup)
    return converted


def finish_encrypting_backups(database: Path, passphrase: str) -> list[Path]:
    """On opening an encrypted journal: encrypt backups an interrupted `encrypt` left plain.

    Skipped (and left for the next start) when another process holds the journal.
    """
    if not plain_backups(database):
        return []
    lock = swap_lock.lock_for(database)
    try:
        with lock.exclusive("encrypting the backups of", wait=0):
            return _encrypt_backups(database, passphrase)
    except swap_lock.JournalBusy:
        return []


def check_before_writing(path: Path, passphrase: str) -> None:
    """integrity.check_before_writing for an encrypted journal."""
    integrity.check_pages(
        path, lambda target: connect_raw(target, passphrase, read_only=True), database_errors()
    )


def decrypt_journal(database: Path, passphrase: str) -> list[Path]:
    """Turn an encrypted journal (and its backups with the same passphrase) back into plain SQLite."""
    with swapping(database, "decrypting"):
        kind = integrity.file_kind(database).name
        if kind == "sqlite":
            # Resumable: a decrypt stopped part-way left backups encrypted.
            converted = _decrypt_backups(database, passphrase)
            if not converted:
                raise EncryptionError(f"{database} is not encrypted")
            return converted
        if kind != "encrypted":
            raise EncryptionError(f"{database} is not a Relationship Journal database")
        try:
            inspect(database, passphrase, full=True)
        except IntegrityError as error:
            raise EncryptionError(str(error)) from error
        _convert_file(database, passphrase, "", journal=True)
        return _decrypt_backups(database, passphrase)


def _decrypt_backups(database: Path, passphrase: str) -> list[Path]:
    converted = []
    for backup in _backup_files(database):
        if integrity.file_kind(backup).name == "encrypted" and check_passphrase(backup, passphrase):
            _convert_file(backup, passphrase, "")
            converted.append(backup)
    return converted


def write_sealed(path: Path, passphrase: str, text: str) -> None:
    """Keep `text` in a small SQLCipher file under the journal's passphrase (a draft).

    Rewritten in place in one transaction (its rollback journal is encrypted too), so
    the file keeps its salt and the derived key is reused: a save takes milliseconds.
    """
    if not path.exists():
        descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, PRIVATE_FILE_MODE)
        os.close(descriptor)
    connection = connect_raw(path, passphrase)
    try:
        connection.execute("PRAGMA journal_mode = DELETE").fetchall()
        connection.execute("CREATE TABLE IF NOT EXISTS sealed (id INTEGER PRIMARY KEY, text TEXT)")
        connection.execute("INSERT OR REPLACE INTO sealed (id, text) VALUES (1, ?)", (text,))
        connection.commit()
    finally:
        connection.close()


def read_sealed(path: Path, passphrase: str) -> str | None:
    """The text `write_sealed` kept, or None (no file, another passphrase, damaged)."""
    if not path.exists():
        return None
    unreadable: tuple[type[Exception], ...] = (StoreError, *database_errors())
    try:
        connection = connect_raw(path, passphrase, read_only=True)
    except unreadable:
        return None
    try:
        row = connection.execute("SELECT text FROM sealed WHERE id = 1").fetchone()
    except database_errors():
        return None
    finally:
        connection.close()
    return row[0] if row else None


def database_errors() -> tuple[type[Exception], ...]:
    """The DB-API errors an encrypted connection raises, for callers that catch sqlite3's."""
    if not available():
        return (sqlite3.DatabaseError,)
    return (sqlite3.DatabaseError, dbapi().DatabaseError)
