"""kill -9 at random moments loses nothing that was committed and never damages the file."""

from __future__ import annotations

import os
import random
import signal
import sqlite3
import subprocess
import sys
from pathlib import Path

from relationship_journal.journal import Journal
from relationship_journal.journal.records import ContactFields

KILL_POINTS = 60
DRIVER = Path(__file__).with_name("kill_driver.py")


def test_sigkill_during_writes_keeps_every_committed_entry(private_folders: Path, tmp_path: Path) -> None:
    with Journal.open(private_folders) as journal:
        contact_id = journal.contacts.add(ContactFields(display_name="Kill Test", circle=50)).created_id
    errors = tmp_path / "driver-errors.txt"
    rng = random.Random(7)
    committed: dict[int, str] = {}
    with errors.open("w") as stderr:
        driver = subprocess.Popen(
            [sys.executable, str(DRIVER), str(private_folders), str(contact_id)],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=stderr,
            text=True,
            bufsize=1,
        )
        assert driver.stdin is not None and driver.stdout is not None
        try:
            for round_number in range(KILL_POINTS):
                wanted = rng.choice((0, 0, 1, 1, 2, 3, 5, 8))
                driver.stdin.write(f"go {round_number}\n")
                driver.stdin.flush()
                child = None
                seen = 0
                killed = False
                while True:
                    line = driver.stdout.readline()
                    assert line, f"the driver stopped: {errors.read_text()}"
                    word, rest = line.split(maxsplit=1)
                    if word == "child":
                        child = int(rest)
                    elif word == "reaped":
                        assert killed, f"a writer ended by itself: {errors.read_text()}"
                        break
                    else:
                        committed[int(word)] = rest.strip()
                        seen += 1
                    if child is not None and not killed and seen >= wanted:
                        os.kill(child, signal.SIGKILL)
                        killed = True
        finally:
            driver.stdin.close()
            driver.wait(timeout=60)

    assert len(committed) >= KILL_POINTS, "too few entries were written to test anything"
    database = private_folders / "journal.sqlite3"
    connection = sqlite3.connect(database)
    try:
        assert connection.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        stored = dict(connection.execute("SELECT id, note FROM interactions"))
    finally:
        connection.close()
    lost = {key: note for key, note in committed.items() if stored.get(key) != note}
    assert not lost, f"{len(lost)} committed entries were lost: {sorted(lost.values())[:5]}"
    backups = private_folders / "backups"
    for daily in backups.glob("daily-*.sqlite3"):
        daily.unlink()
    with Journal.open(private_folders) as journal:  # a normal day's first write, after all that
        journal.contacts.add(ContactFields(display_name="After The Kills"))
    leftovers = [path.name for path in backups.iterdir() if not path.name.endswith(".sqlite3")]
    assert leftovers == [], f"half-written backups were left behind: {leftovers}"
    for path in backups.glob("*.sqlite3"):
        with sqlite3.connect(f"file:{path}?mode=ro", uri=True) as copy:
            assert copy.execute("PRAGMA integrity_check").fetchone()[0] == "ok", path.name
    last_note = committed[max(committed)]
    with Journal.open(private_folders) as journal:
        assert journal.interactions.count() == len(stored)
        assert any(last_note in hit.snippet or hit.id == max(committed) for hit in journal.search(last_note))
