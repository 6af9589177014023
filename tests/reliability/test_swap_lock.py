"""No write that said OK is lost while `encrypt`, `decrypt` or `restore` swaps the file.

Real processes: two writers log entries in loops, each entry from a freshly opened
journal as a command would, while the test runs the commands that replace the file.
Every entry a writer reported as saved must afterwards be in the journal — or, for
one that the restore rolled back, in the before-restore backup it kept.
"""

from __future__ import annotations

import os
import queue
import sqlite3
import subprocess
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

pytest.importorskip("sqlcipher3")

from relationship_journal.store import encryption  # noqa: E402

PASSPHRASE = "writers wait their turn"
ENTRIES = 30
WRITER = """
import datetime as dt, sys
from relationship_journal.journal import Journal
from relationship_journal.journal.errors import JournalError
from relationship_journal.journal.records import InteractionFields
from relationship_journal.store.errors import StoreError
data, name, count = sys.argv[1], sys.argv[2], int(sys.argv[3])
for n in range(count):
    note = f"{name}-{n}"
    try:
        with Journal.open(data) as journal:
            contact = journal.contacts.resolve("Writer Safe")
            journal.interactions.log(InteractionFields(
                contact_ids=(contact,), date=dt.date(2026, 2, 1), kind="call", note=note))
    except (StoreError, JournalError) as error:
        print("refused", note, str(error).replace(chr(10), " "), flush=True)
    else:
        print("ok", note, flush=True)
"""


def _env() -> dict[str, str]:
    return {**os.environ, encryption.PASSPHRASE_ENV: PASSPHRASE}


def _rj(data: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "relationship_journal", "--data-dir", str(data), *args],
        capture_output=True,
        text=True,
        timeout=300,
        env=_env(),
        stdin=subprocess.DEVNULL,
    )


class Writers:
    """Writer processes and what they reported, line by line, as it comes."""

    def __init__(self, data: Path, names: tuple[str, ...]) -> None:
        self.lines: queue.Queue[tuple[str, str]] = queue.Queue()
        self.ok: list[str] = []
        self.refused: list[str] = []
        self.processes = [
            subprocess.Popen(
                [sys.executable, "-c", WRITER, str(data), name, str(ENTRIES)],
                stdout=subprocess.PIPE,
                stderr=subprocess.PIPE,
                text=True,
                env=_env(),
            )
            for name in names
        ]
        for process in self.processes:
            threading.Thread(target=self._read, args=(process,), daemon=True).start()

    def _read(self, process: subprocess.Popen[str]) -> None:
        assert process.stdout is not None
        for line in process.stdout:
            word, rest = line.rstrip("\n").split(" ", 1)
            self.lines.put((word, rest))
        self.lines.put(("end", ""))

    def _take(self, line: tuple[str, str]) -> None:
        word, rest = line
        if word == "ok":
            self.ok.append(rest)
        elif word == "refused":
            self.refused.append(rest)

    def wait_for_more(self, count: int) -> None:
        """Block until `count` more writes were reported saved (or the writers are done)."""
        target = len(self.ok) + count
        while len(self.ok) < target:
            line = self.lines.get(timeout=300)
            if line[0] == "end" and all(p.poll() is not None for p in self.processes):
                return
            self._take(line)

    def finish(self) -> None:
        for process in self.processes:
            process.wait(timeout=600)
            assert process.returncode == 0, process.stderr.read() if process.stderr else ""
        while not self.lines.empty():
            self._take(self.lines.get())


def _notes(database: Path) -> set[str]:
    if database.read_bytes()[:15] == b"SQLite format 3":
        connection = sqlite3.connect(database)
    else:
        connection = encryption.connect_raw(database, PASSPHRASE)
    try:
        return {row[0] for row in connection.execute("SELECT note FROM interactions")}
    finally:
        connection.close()


@contextmanager
def _writers(data: Path) -> Iterator[Writers]:
    writers = Writers(data, ("alpha", "beta"))
    try:
        yield writers
        writers.finish()
    finally:
        for process in writers.processes:
            if process.poll() is None:
                process.kill()
                process.wait()


@pytest.mark.slow
def test_every_ok_write_survives_encrypt_decrypt_and_restore(
    private_folders: Path, tmp_path: Path
) -> None:
    data = private_folders
    assert (
        _rj(data, "demo", "--contacts", "200", "--interactions", "4000", "--seed", "8").returncode
        == 0
    )
    assert _rj(data, "add", "Writer Safe").returncode == 0
    saved = tmp_path / "before-writers.sqlite3"
    assert _rj(data, "backup", str(saved)).returncode == 0
    figures = {}
    with _writers(data) as writers:
        for command in (("encrypt",), ("decrypt",), ("restore", str(saved))):
            writers.wait_for_more(4)
            before = len(writers.ok)
            result = _rj(data, *command)
            assert result.returncode == 0, result.stderr
            writers.wait_for_more(4)  # writes after the swap land in the new file
            figures[command[0]] = len(writers.ok) - before
    database = data / "journal.sqlite3"
    in_journal = _notes(database)
    kept = sorted((data / "backups").glob("before-restore-*.sqlite3"))
    assert len(kept) == 1
    rolled_back = _notes(kept[0])
    lost = [note for note in writers.ok if note not in in_journal | rolled_back]
    tried = 2 * ENTRIES
    print(
        f"\nwrites tried {tried}, reported OK {len(writers.ok)}, refused {len(writers.refused)}, "
        f"found {len(writers.ok) - len(lost)}; OK while each ran: {figures}"
    )
    assert lost == []
    assert len(writers.ok) + len(writers.refused) == tried
    # Writers wait for a swap rather than fail: only a swap longer than a minute refuses them.
    assert writers.refused == []
    connection = sqlite3.connect(database)
    try:
        assert connection.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        ids = [row[0] for row in connection.execute("SELECT id FROM interactions")]
    finally:
        connection.close()
    assert len(ids) == len(set(ids))
