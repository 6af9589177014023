"""The benchmark suite: every figure the performance issue names, each beside its floor.

Run: `.venv/bin/python bench/run.py [--contacts 1000 10000 100000] [--keep DIR] [--runs 3]`.

For each size it builds (or reuses, with --keep) the demo network with 30 interactions a
person, then times whole commands as a person would run them. The machines are shared
and noisy, so every budget is a ratio to a floor measured in the same run:

* the row-reading floor: a fresh interpreter reading every row of every table once
  with sqlite3 (what `health --json` is held to, 2x);
* a bare Qt window plus that row read (the dashboard 3x, the window's list and health
  bars 2x);
* `health --json` computed afresh, without the figures a previous run kept beside the
  journal (the network report 3x), vobject's own parse of the same file (an import of
  it 1.5x).

`health --json`, the dashboard screenshot and the window are timed twice: computed (the
figures and the reading earlier runs kept beside the journal removed before each run),
and as a person opening them again on an unchanged journal meets them (what was kept
read back; the window keeps its reading, the dashboard its history).

Command times are medians of `--runs` runs with the interpreter's start-up (`--version`)
measured beside them; the long ones (screenshot, report, window, import) run once at
100,000 people. With several sizes it ends with each figure's growth from size to size.
No test asserts a time: this is where speed is measured.
"""

from __future__ import annotations

import argparse
import json
import math
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent
COMMAND = [sys.executable, "-m", "relationship_journal"]
AS_OF = "2026-06-30"
PER_PERSON = 30
PY_START = 0.03  # an interpreter's own start, inside the floor's whole-process time

FLOOR_SCRIPT = """
import sqlite3, sys
c = sqlite3.connect(sys.argv[1])
for (n,) in c.execute("select name from sqlite_master where type='table' and name not like 'sqlite%' "
                      "and name not like '%fts%'").fetchall():
    for r in c.execute(f'select * from "{n}"'):
        pass
"""
BARE_WINDOW_SCRIPT = """
import sys
import pyqtgraph
from PySide6.QtWidgets import QApplication, QLabel
app = QApplication([]); w = QLabel('x'); w.resize(1400, 900); w.show(); app.processEvents()
w.grab().save(sys.argv[1])
"""
VOBJECT_SCRIPT = """
import sys, vobject
n = sum(1 for _ in vobject.readComponents(open(sys.argv[1], encoding='utf-8')))
"""


@dataclass
class Figure:
    name: str
    value: float  # seconds, or the unit below
    unit: str = "s"
    floor: float | None = None
    floor_name: str = ""
    budget: float | None = None  # the ratio (or, without a floor, the value) it must stay under

    def ratio(self) -> float | None:
        if self.floor is None or not self.floor > 0 or math.isnan(self.value):
            return None
        return self.value / self.floor

    def verdict(self) -> str:
        if self.budget is None or math.isnan(self.value):
            return ""
        measured = self.ratio() if self.floor is not None else self.value
        if measured is None:
            return ""
        return "ok" if measured <= self.budget else "OVER"

    def shown(self) -> str:
        if math.isnan(self.value):
            return "failed"
        if self.unit == "ms":
            return f"{self.value * 1000:,.0f} ms"
        if self.unit == "MiB":
            return f"{self.value:,.0f} MiB"
        return f"{self.value:,.2f} s"


def run(args: list[str], env: dict[str, str] | None = None) -> float:
    """Wall time of one whole command; NaN (and the reason on stderr) if it failed."""
    started = time.perf_counter()
    done = subprocess.run(
        args, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True, env=env
    )
    elapsed = time.perf_counter() - started
    if done.returncode != 0:
        last = (done.stderr.strip().splitlines() or ["(no message)"])[-1]
        print(f"    ! {' '.join(args[2:5])}… failed: {last}", file=sys.stderr)
        return float("nan")
    return elapsed


def timed(args: list[str], runs: int) -> float:
    return statistics.median(run(args) for _ in range(max(1, runs)))


def timed_cold(args: list[str], runs: int, folder: Path) -> float:
    """Like `timed`, each run without the figures a previous run kept (journal.figures_cache)."""
    times = []
    for _ in range(max(1, runs)):
        shutil.rmtree(folder / "cache", ignore_errors=True)
        times.append(run(args))
    return statistics.median(times)


def python(script: str, *argv: str) -> list[str]:
    return [sys.executable, "-c", script, *argv]


def ensure_demo(folder: Path, contacts: int) -> float | None:
    """Build the demo network in `folder` unless it is there; its time if built."""
    if (folder / "journal.sqlite3").exists():
        return None
    started = time.perf_counter()
    subprocess.run(
        [
            *COMMAND,
            "--data-dir",
            str(folder),
            "demo",
            "--contacts",
            str(contacts),
            "--interactions",
            str(contacts * PER_PERSON),
            "--seed",
            "1",
            "--as-of",
            AS_OF,
        ],
        check=True,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    return time.perf_counter() - started


def first_name(data: list[str]) -> str:
    found = subprocess.run(
        [*COMMAND, *data, "list", "--json"], capture_output=True, text=True, check=True
    )
    people = json.loads(found.stdout)
    rows = people if isinstance(people, list) else people.get("contacts", [])
    return str(rows[min(7, len(rows) - 1)]["name"]) if rows else ""


def window(data: Path, runs: int, cold: bool) -> dict[str, float]:
    """The window bench (bench/window_bench.py), median of `runs` for each figure; `cold`:
    each run without the reading an earlier window kept (journal.kept_reading)."""
    results = []
    for _ in range(max(1, runs)):
        if cold:
            shutil.rmtree(data / "cache", ignore_errors=True)
        done = subprocess.run(
            [
                sys.executable,
                str(HERE / "window_bench.py"),
                "--data-dir",
                str(data),
                "--as-of",
                AS_OF,
            ],
            capture_output=True,
            text=True,
        )
        lines = [line for line in done.stdout.splitlines() if line.startswith("{")]
        if done.returncode != 0 or not lines:
            print(
                f"    ! window bench failed: {(done.stderr.strip().splitlines() or [''])[-1]}",
                file=sys.stderr,
            )
            continue
        results.append(json.loads(lines[-1]))
    if not results:
        return {}
    return {key: statistics.median(r[key] for r in results) for key in results[0]}


def measure(contacts: int, folder: Path, runs: int) -> list[Figure]:
    database = folder / "journal.sqlite3"
    demo = ensure_demo(folder, contacts)
    data = ["--data-dir", str(folder)]
    long_runs = 1 if contacts >= 100_000 else runs
    figures: list[Figure] = []

    def add(figure: Figure) -> None:
        """Keep it, and say it at once: a run at 100,000 people takes a long while."""
        figures.append(figure)
        print(f"  {contacts:,}: {figure.name}: {figure.shown()}", flush=True)

    if demo is not None:
        add(Figure("demo (whole process)", demo, budget=20.0 * contacts / 10_000))
    size = sum(p.stat().st_size for p in folder.iterdir() if p.is_file()) / 2**20
    add(Figure("database size", size, "MiB"))
    # Subtracted from every "past start-up" figure, so measured more often than they are
    # (after one run to warm the disk cache): a slow first run made them negative.
    run([*COMMAND, *data, "--version"])
    startup = timed([*COMMAND, *data, "--version"], max(runs, 7))
    add(Figure("start-up (--version)", startup, "ms"))
    floor = timed(python(FLOOR_SCRIPT, str(database)), runs) - PY_START
    add(Figure("FLOOR read every row once", floor))
    with tempfile.TemporaryDirectory(prefix="rj-bench-") as scratch_dir:
        scratch = Path(scratch_dir)
        bare = timed(python(BARE_WINDOW_SCRIPT, str(scratch / "bare.png")), runs)
        add(Figure("FLOOR bare Qt window (whole process)", bare))
        window_floor = bare + floor
        health_args = [*COMMAND, *data, "health", "--json", "--as-of", AS_OF]
        cold = timed_cold(health_args, runs, folder) - startup
        add(
            Figure(
                "health --json, computed (no kept figures)", cold, floor=floor, floor_name="rows"
            )
        )
        health = timed(health_args, runs) - startup
        add(
            Figure(
                "health --json past start-up (kept figures)",
                health,
                floor=floor,
                floor_name="rows",
                budget=2,
            )
        )
        name = first_name(data)
        if name:
            one = (
                timed(
                    [*COMMAND, *data, "health", "--json", "--as-of", AS_OF, "--contact", name], runs
                )
                - startup
            )
            add(Figure("health --contact past start-up", one, "ms", budget=0.05))
        search = timed([*COMMAND, *data, "search", "marathon", "--json"], max(runs, 5)) - startup
        add(Figure("search past start-up", search, "ms", budget=0.1))
        listing = timed([*COMMAND, *data, "list", "--json"], runs) - startup
        add(Figure("list --json past start-up", listing))
        dashboard = [*COMMAND, *data, "screenshot", str(scratch / "dash.png"), "--view", "dashboard"]
        for afresh, how in ((True, "computed"), (False, "kept")):
            shot = timed_cold(dashboard, long_runs, folder) if afresh else timed(dashboard, long_runs)
            add(
                Figure(
                    f"dashboard screenshot, {how} (whole process)",
                    shot,
                    floor=window_floor,
                    floor_name="bare+rows",
                    budget=3,
                )
            )
        for afresh, how in ((True, "computed"), (False, "kept")):
            seen = window(folder, long_runs, afresh)
            if not seen:
                continue
            add(
                Figure(
                    f"window, {how}: shown (from start)",
                    seen["shown"],
                    floor=window_floor,
                    floor_name="bare+rows",
                )
            )
            add(
                Figure(
                    f"window, {how}: list complete (from start)",
                    seen["list"],
                    floor=window_floor,
                    floor_name="bare+rows",
                )
            )
            add(
                Figure(
                    f"window, {how}: health bars complete (from start)",
                    seen["health"],
                    floor=window_floor,
                    floor_name="bare+rows",
                    budget=2,
                )
            )
            add(
                Figure(
                    f"window, {how}: Today's cards built (from start)",
                    seen["today"],
                    floor=window_floor,
                    floor_name="bare+rows",
                )
            )
            add(
                Figure(
                    f"window, {how}: longest GUI-thread block",
                    seen["longest_block"],
                    "ms",
                    budget=0.05,
                )
            )
            add(
                Figure(
                    f"window, {how}: slowest search key while loading",
                    seen["slowest_key"],
                    "ms",
                    budget=0.016,
                )
            )
            add(Figure(f"window, {how}: memory (max RSS)", seen["rss_mib"], "MiB", budget=1536))
        cards = scratch / "all.vcf"
        if not math.isnan(run([*COMMAND, *data, "export", "vcard", str(cards)])):
            parse = timed(python(VOBJECT_SCRIPT, str(cards)), long_runs)
            add(Figure("FLOOR vobject parse of the export", parse))
            imports = []
            for attempt in range(long_runs):
                imports.append(
                    run(
                        [
                            *COMMAND,
                            "--data-dir",
                            str(scratch / f"import-{attempt}"),
                            "import",
                            str(cards),
                        ]
                    )
                )
            add(
                Figure(
                    "import of every vCard of the export (whole process)",
                    statistics.median(imports),
                    floor=parse,
                    floor_name="vobject",
                    budget=1.5,
                )
            )
        report = timed(
            [
                *COMMAND,
                *data,
                "report",
                "network",
                "--pdf",
                str(scratch / "net.pdf"),
                "--as-of",
                AS_OF,
            ],
            long_runs,
        )
        add(
            Figure(
                "network report PDF (whole process)",
                report,
                floor=cold + startup,
                floor_name="health",
                budget=3,
            )
        )
    return figures


def show(contacts: int, figures: list[Figure]) -> None:
    print(f"\n== {contacts:,} contacts, {contacts * PER_PERSON:,} interactions ==")
    print(f"{'figure':<44} {'value':>12} {'floor':>10} {'ratio':>7} {'budget':>8}")
    for f in figures:
        ratio = f.ratio()
        budget = (
            ""
            if f.budget is None
            else (f"{f.budget:g}x" if f.floor is not None else Figure("", f.budget, f.unit).shown())
        )
        print(
            f"{f.name:<44} {f.shown():>12} {f.floor_name:>10} "
            f"{'' if ratio is None else f'{ratio:.1f}x':>7} {budget:>8} {f.verdict()}"
        )


def growth(sizes: list[int], results: dict[int, list[Figure]]) -> None:
    print("\n== growth ==")
    names = [f.name for f in results[sizes[0]]]
    header = "".join(f"{n:>14,}" for n in sizes)
    print(f"{'figure':<44}{header}")
    for name in names:
        row = []
        for n in sizes:
            found = next((f for f in results[n] if f.name == name), None)
            row.append(found.shown() if found else "")
        ups = []
        for a, b in zip(sizes, sizes[1:], strict=False):
            fa = next((f for f in results[a] if f.name == name), None)
            fb = next((f for f in results[b] if f.name == name), None)
            if fa and fb and fa.value > 0 and not math.isnan(fa.value + fb.value):
                ups.append(f"x{fb.value / fa.value:.1f}")
        print(
            f"{name:<44}" + "".join(f"{v:>14}" for v in row) + ("  " + " ".join(ups) if ups else "")
        )


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--contacts", type=int, nargs="+", default=[10_000])
    parser.add_argument(
        "--keep", type=Path, help="reuse or keep the demo journals in this folder (one per size)"
    )
    parser.add_argument(
        "--runs", type=int, default=3, help="runs per figure (medians); 1 for the long ones at 100k"
    )
    args = parser.parse_args()
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    base = args.keep or Path(tempfile.mkdtemp(prefix="rj-bench-"))
    print(
        f"bench on {os.cpu_count()} cores, load average {os.getloadavg()[0]:.1f} at the start; journals in {base}"
    )
    results: dict[int, list[Figure]] = {}
    for contacts in args.contacts:
        results[contacts] = measure(contacts, base / str(contacts), args.runs)
        show(contacts, results[contacts])
    if len(args.contacts) > 1:
        growth(args.contacts, results)
    print(f"\nload average {os.getloadavg()[0]:.1f} at the end")
    return 0


if __name__ == "__main__":
    sys.exit(main())
