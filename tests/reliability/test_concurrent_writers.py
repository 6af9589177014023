"""The window and the command line write to one journal at the same time without loss.

WAL lets readers and one writer work together; busy_timeout makes a second writer
wait its turn instead of failing with "database is locked".
"""

from __future__ import annotations

import datetime as dt
import sqlite3
import subprocess
import sys
from pathlib import Path

from relationship_journal.journal import Journal
from relationship_journal.journal.records import ContactFields, InteractionFields

ENTRIES = 40
WRITER = f"""
import datetime as dt, sys
from relationship_journal.journal import Journal
from relationship_journal.journal.records import InteractionFields
data, contact, name = sys.argv[1], int(sys.argv[2]), sys.argv[3]
with Journal.open(data) as journal:
    for n in range({ENTRIES}):
        journal.interactions.log(InteractionFields(
            contact_ids=(contact,), date=dt.date(2026, 2, 1), kind="message", note=f"{{name}}-{{n}}"))
"""


def test_two_processes_write_while_a_window_holds_the_journal(private_folders: Path) -> None:
    with Journal.open(private_folders) as window:
        contact_id = window.contacts.add(ContactFields(display_name="Shared Friend")).created_id
        window.interactions.log(
            InteractionFields(contact_ids=(contact_id,), date=dt.date(2026, 1, 1),
                              kind="call", note="from the window")
        )
        with window.reading() as held:  # a read the window keeps open meanwhile
            held.execute("SELECT count(*) FROM interactions").fetchone()
            writers = [
                subprocess.Popen(
                    [sys.executable, "-c", WRITER, str(private_folders), str(contact_id), name],
                    stderr=subprocess.PIPE,
                    text=True,
                )
                for name in ("cli-a", "cli-b")
            ]
            results = [(writer.wait(timeout=120), writer.stderr.read()) for writer in writers]
        assert all(code == 0 for code, _ in results), results
        # The window sees what the command line wrote, without reopening.
        assert window.interactions.count() == 2 * ENTRIES + 1
        window.interactions.log(
            InteractionFields(contact_ids=(contact_id,), date=dt.date(2026, 3, 1),
                              kind="call", note="window again")
        )
    connection = sqlite3.connect(private_folders / "journal.sqlite3")
    try:
        assert connection.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        notes = {row[0] for row in connection.execute("SELECT note FROM interactions")}
    finally:
        connection.close()
    expected = {f"{name}-{n}" for name in ("cli-a", "cli-b") for n in range(ENTRIES)}
    assert expected | {"from the window", "window again"} == notes
