"""Writes journal entries until killed: the subject of tests/reliability/test_kill.py.

Started once, it imports everything, then for each line "go N" on standard input
forks a writer. The writer opens the journal (as a fresh process would: checks,
pragmas, daily backup) and logs entries in a loop, printing "<id> <note>" and
flushing only after `log` has returned, that is after the commit; every third
writer first deletes the daily backup, so it takes one. The test kills
the writer with SIGKILL after a random number of printed entries, so the kill
lands at a random point of opening, writing or committing.
"""

from __future__ import annotations

import datetime as dt
import os
import sys
from pathlib import Path

import sqlalchemy.orm  # noqa: F401 - imported before forking so each writer starts at once

from relationship_journal.journal import Journal
from relationship_journal.journal.records import InteractionFields


def write_forever(data_dir: str, contact_id: int, round_number: int) -> None:
    if round_number % 3 == 0:
        # As on a new day: the first write takes the daily backup, so kills land in it too.
        for daily in Path(data_dir, "backups").glob("daily-*.sqlite3"):
            daily.unlink()
    with Journal.open(data_dir) as journal:
        entry = 0
        while True:
            entry += 1
            note = f"round-{round_number}-entry-{entry}"
            changes = journal.interactions.log(
                InteractionFields(
                    contact_ids=(contact_id,),
                    date=dt.date(2026, 1, 1),
                    kind="call",
                    note=note,
                )
            )
            os.write(1, f"{changes.created_id} {note}\n".encode())


def main() -> None:
    data_dir, contact_id = sys.argv[1], int(sys.argv[2])
    for line in sys.stdin:
        round_number = int(line.split()[1])
        pid = os.fork()
        if pid == 0:
            try:
                write_forever(data_dir, contact_id, round_number)
            finally:
                os._exit(1)
        os.write(1, f"child {pid}\n".encode())
        os.waitpid(pid, 0)
        os.write(1, f"reaped {pid}\n".encode())


if __name__ == "__main__":
    main()
