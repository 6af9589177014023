"""The benchmark suite: the figures the issues ask for, on the 10,000-contact demo network.

Run: `.venv/bin/python bench/run.py [--contacts 10000] [--interactions 300000] [--keep DIR]`.
Whole-process timings are medians of several runs, with the interpreter's start-up
(`--version`) measured beside them, because the machines are shared and noisy.
"""

from __future__ import annotations

import argparse
import json
import os
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

COMMAND = [sys.executable, "-m", "relationship_journal"]


def timed(args: list[str], runs: int = 3) -> float:
    """Median wall time of a whole command, in seconds."""
    samples = []
    for _ in range(runs):
        started = time.perf_counter()
        subprocess.run(args, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        samples.append(time.perf_counter() - started)
    return statistics.median(samples)


def _seconds(work: Callable[[], object]) -> float:
    started = time.perf_counter()
    work()
    return time.perf_counter() - started


def read_floor(database: Path) -> float:
    """What SQLite needs to read every row of every table once (the health ratio's floor)."""
    started = time.perf_counter()
    connection = sqlite3.connect(database)
    tables = connection.execute(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite%' "
        "AND name NOT LIKE '%fts%'"
    ).fetchall()
    for (name,) in tables:
        for _row in connection.execute(f'SELECT * FROM "{name}"'):
            pass
    connection.close()
    return time.perf_counter() - started


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--contacts", type=int, default=10_000)
    parser.add_argument("--interactions", type=int, default=300_000)
    parser.add_argument("--keep", type=Path, help="reuse or keep the demo journal in this folder")
    args = parser.parse_args()
    folder = args.keep or Path(tempfile.mkdtemp(prefix="rj-bench-"))
    data = ["--data-dir", str(folder)]
    database = folder / "journal.sqlite3"
    figures: dict[str, str] = {}
    if not database.exists():
        started = time.perf_counter()
        subprocess.run(
            [*COMMAND, *data, "demo", "--contacts", str(args.contacts), "--interactions",
             str(args.interactions), "--seed", "1", "--as-of", "2026-06-30"],
            check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        )
        figures["demo"] = f"{time.perf_counter() - started:.1f} s"
    size = sum(p.stat().st_size for p in folder.iterdir() if p.is_file())
    figures["database size"] = f"{size / 2**20:.0f} MiB"
    startup = timed([*COMMAND, *data, "--version"])
    figures["start-up (--version)"] = f"{startup * 1000:.0f} ms"
    floor = statistics.median(read_floor(database) for _ in range(3))
    figures["read every row once"] = f"{floor:.2f} s"
    health = timed([*COMMAND, *data, "health", "--json", "--as-of", "2026-06-30"]) - startup
    figures["health --json past start-up"] = f"{health:.2f} s ({health / floor:.1f}x the floor)"
    listed = subprocess.run(
        [*COMMAND, *data, "list", "--json"], check=True, capture_output=True, text=True
    ).stdout
    someone = json.loads(listed)[len(json.loads(listed)) // 2]["name"]
    one = timed([*COMMAND, *data, "health", "--json", "--as-of", "2026-06-30", "--contact", someone])
    one -= startup
    figures["health --contact past start-up"] = (
        f"{one * 1000:.0f} ms ({one / health:.1%} of everyone's; one person's entries only)"
    )
    search = timed([*COMMAND, *data, "search", "marathon", "--json"], runs=5) - startup
    figures["search past start-up"] = f"{search * 1000:.0f} ms"
    listing = timed([*COMMAND, *data, "list", "--json"]) - startup
    figures["list --json past start-up"] = f"{listing:.2f} s"
    # The check every write command pays on a journal above 4 MB (store/integrity).
    from relationship_journal.store import integrity

    check = statistics.median(_seconds(lambda: integrity.check_before_writing(database)) for _ in range(3))
    figures["quick_check before writing"] = f"{check * 1000:.0f} ms ({size / 2**20 / check:.0f} MiB/s)"
    with tempfile.TemporaryDirectory() as scratch:
        shot = timed([*COMMAND, *data, "screenshot", f"{scratch}/dash.png", "--view", "dashboard"], runs=1)
        figures["dashboard screenshot (whole process)"] = f"{shot:.1f} s"
        report = timed(
            [*COMMAND, *data, "report", "network", "--pdf", f"{scratch}/net.pdf", "--as-of", "2026-06-30"],
            runs=1,
        )
        figures["network report PDF (whole process)"] = f"{report:.1f} s"
    for name, value in figures.items():
        print(f"{name:>28}: {value}")
    return 0


if __name__ == "__main__":
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    sys.exit(main())
