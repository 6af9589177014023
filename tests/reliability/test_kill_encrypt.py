"""kill -9 during `encrypt` or `restore` never loses the journal and never leaves plain text.

Each run copies a prepared plain journal with backups, starts the command, and kills it
at one of several moments (at once, while the journal's encrypted copy is written,
after the swap, while a backup is converted). Then the journal must open whole with
every entry, the next start must clear the leftovers and finish the backups, and no
file beside an encrypted journal may hold a note in plain text.
"""

from __future__ import annotations

import datetime as dt
import os
import shutil
import signal
import subprocess
import sys
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path

import pytest

pytest.importorskip("sqlcipher3")

from relationship_journal.journal import Journal  # noqa: E402
from relationship_journal.store import backup, encryption, integrity, leftovers  # noqa: E402

PASSPHRASE = "killed halfway through"
RUNS = 16


def _env() -> dict[str, str]:
    return {**os.environ, encryption.PASSPHRASE_ENV: PASSPHRASE}


def _prepare(folder: Path) -> int:
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "relationship_journal",
            "--data-dir",
            str(folder),
            "demo",
            "--contacts",
            "150",
            "--interactions",
            "3000",
            "--seed",
            "3",
        ],
        capture_output=True,
        text=True,
        env=_env(),
        check=False,
    )
    assert result.returncode == 0, result.stderr
    with Journal.open(folder) as journal:
        database = journal.paths.database
        for day in range(1, 4):
            backup.backup_now(database, now=dt.datetime(2026, 1, day, 9, 0, 0))
        return journal.interactions.count()


def _wait_until(condition: Callable[[], bool], process: subprocess.Popen[bytes]) -> None:
    """Poll the files until `condition` holds (or the command has finished)."""
    while not condition() and process.poll() is None:
        time.sleep(0.002)


def _moments(data: Path) -> list[tuple[str, Callable[[], bool]]]:
    database = data / "journal.sqlite3"
    return [
        ("at once", lambda: True),
        ("writing the encrypted copy", lambda: (data / ".journal.sqlite3.converting").exists()),
        ("just after the swap", lambda: integrity.file_kind(database).name == "encrypted"),
        ("converting a backup", lambda: any((data / "backups").glob(".*.converting"))),
    ]


def _plain_backups(data: Path) -> int:
    return sum(
        1
        for path in (data / "backups").glob("*.sqlite3")
        if integrity.file_kind(path).name == "sqlite"
    )


@pytest.mark.slow
def test_kill_9_during_encrypt_leaves_a_whole_journal_and_no_plain_text(tmp_path: Path) -> None:
    template = tmp_path / "template"
    entries = _prepare(template)
    left: Counter[str] = Counter()
    for run in range(RUNS):
        data = tmp_path / f"run-{run}"
        shutil.copytree(template, data)
        moment, condition = _moments(data)[run % 4]
        command = subprocess.Popen(
            [sys.executable, "-m", "relationship_journal", "--data-dir", str(data), "encrypt"],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            env=_env(),
        )
        _wait_until(condition, command)
        finished = command.poll() is not None
        if not finished:
            os.kill(command.pid, signal.SIGKILL)
        command.wait()
        database = data / "journal.sqlite3"
        state = (
            f"{moment}: {'finished first' if finished else 'killed'}, journal "
            f"{integrity.file_kind(database).name}, {_plain_backups(data)} plain backup(s), "
            f"{len(leftovers.find_leftovers(database))} leftover(s)"
        )
        left[state] += 1
        os.environ[encryption.PASSPHRASE_ENV] = PASSPHRASE
        try:
            with Journal.open(data) as journal:  # the next start: checks, cleans, finishes
                assert journal.interactions.count() == entries, state
        finally:
            del os.environ[encryption.PASSPHRASE_ENV]
        assert leftovers.find_leftovers(database) == [], state
        if integrity.file_kind(database).name == "encrypted":
            assert _plain_backups(data) == 0, state
        rerun = subprocess.run(
            [sys.executable, "-m", "relationship_journal", "--data-dir", str(data), "encrypt"],
            capture_output=True,
            text=True,
            env=_env(),
        )
        assert rerun.returncode == 0 or "already encrypted" in rerun.stderr, (state, rerun.stderr)
        assert integrity.file_kind(database).name == "encrypted"
        assert _plain_backups(data) == 0
        assert integrity.inspect(
            database,
            lambda p: encryption.connect_raw(p, PASSPHRASE, read_only=True),
            encryption.database_errors(),
            full=True,
        )
    print("\nkill -9 during encrypt, what each run left before the next start:")
    for state, count in sorted(left.items()):
        print(f"  {count} x {state}")
