"""Typing in the search box and switching people while the network's health computes:
how long the GUI thread was ever kept from its event loop.

    QT_QPA_PLATFORM=offscreen python bench/typing_bench.py --data-dir DIR [--as-of YYYY-MM-DD]

Made for the 10,000-contact demo (`relationship-journal --data-dir DIR demo --contacts
10000 --interactions 300000 --seed 1 --as-of 2026-06-30`; build it once and reuse it).
Builds the real main window, waits for the list, then asks for the whole network's
health again and, until it has arrived, types a letter into the search box every
100 ms and opens the next person every 300 ms (the page reads on the worker). A 5 ms
timer on the GUI thread records the longest gap between its ticks while the health
computes: time the window could not answer a key or paint (the goal is 50 ms or less).
Prints one JSON line (milliseconds, and the health's seconds); `--explain` adds when each
gap over 50 ms came and which worker results the GUI thread handled in the longest.
"""

from __future__ import annotations

import argparse
import datetime as dt
import gc
import json
import os
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

TICK_MS = 5
KEY_EVERY_MS = 100
SWITCH_EVERY_MS = 300
QUERIES = ("a", "an", "ann", "anna", "ann", "an", "a", "", "m", "ma", "mar", "ma", "m", "")
TIMEOUT_S = 600.0
GOAL_S = 0.05


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--data-dir", required=True)
    parser.add_argument("--as-of", type=dt.date.fromisoformat)
    parser.add_argument("--idle", type=float, metavar="SECONDS",
                        help="the floor: type and switch this long with no health computing")
    parser.add_argument("--explain", action="store_true",
                        help="also name the worker results handled on the GUI thread during the longest gap")
    args = parser.parse_args()
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

    from event_loop import run_until
    from PySide6.QtCore import QTimer

    from relationship_journal.gui import worker
    from relationship_journal.gui.app import application, create_window

    app = application()
    handled: list[tuple[float, float, str]] = []  # (start, end, what) of each result handled
    if args.explain:
        original = worker.Operation._succeeded

        def timed(operation: worker.Operation, result: object) -> None:
            start = time.perf_counter()
            original(operation, result)
            slot = getattr(operation, "_on_success", None)
            handled.append((start, time.perf_counter(), getattr(slot, "__qualname__", repr(slot))))

        worker.Operation._succeeded = timed  # type: ignore[method-assign]
        collecting: dict[str, float] = {}

        def collection(phase: str, info: dict[str, int]) -> None:
            if phase == "start":
                collecting["start"] = time.perf_counter()
            else:
                handled.append((collecting.pop("start", time.perf_counter()), time.perf_counter(),
                                f"gc generation {info['generation']}"))

        gc.callbacks.append(collection)
    with tempfile.TemporaryDirectory(prefix="rj-typing-bench-") as config:
        window = create_window(args.data_dir, as_of=args.as_of, config_dir=Path(config))
        window.remember = False
        state = {"listed": False, "health": False}
        window.contacts_loaded.connect(lambda: state.__setitem__("listed", True))
        window.resize(1400, 900)
        window.show()
        deadline = time.perf_counter() + TIMEOUT_S
        run_until(lambda: state["listed"] and not worker.busy(), deadline)
        window.show_view("contacts")
        settled = time.perf_counter() + 0.5  # the view's first paint is not typing
        run_until(lambda: False, settled)

        over: list[tuple[int, float]] = []  # (ms since the health was asked for, gap in ms)
        gaps = {"last": time.perf_counter(), "longest": 0.0, "from": 0.0}
        actions: dict[str, list[float]] = {"key": [], "switch": []}

        def tick() -> None:
            now = time.perf_counter()
            if now - gaps["last"] > gaps["longest"]:
                gaps["longest"], gaps["from"] = now - gaps["last"], gaps["last"]
            if now - gaps["last"] > GOAL_S:
                over.append((round((gaps["last"] - started) * 1000), round((now - gaps["last"]) * 1000, 1)))
            gaps["last"] = now

        def type_key() -> None:
            before = time.perf_counter()
            window.contact_list.search.setText(QUERIES[len(actions["key"]) % len(QUERIES)])
            actions["key"].append(time.perf_counter() - before)

        def switch() -> None:
            before = time.perf_counter()
            window.contact_list.step(1)
            actions["switch"].append(time.perf_counter() - before)

        timers = [
            QTimer(interval=TICK_MS),
            QTimer(interval=KEY_EVERY_MS),
            QTimer(interval=SWITCH_EVERY_MS),
        ]
        for timer, slot in zip(timers, (tick, type_key, switch), strict=True):
            timer.timeout.connect(slot)
        window.network_loaded.connect(lambda: state.__setitem__("health", True))
        started = time.perf_counter()
        if args.idle is not None:
            QTimer.singleShot(round(args.idle * 1000), lambda: state.__setitem__("health", True))
        else:
            window.feed.load_network()  # the whole network's health, on the worker
        gaps["last"] = time.perf_counter()
        for timer in timers:
            timer.start()
        run_until(lambda: state["health"], deadline)
        computing = time.perf_counter() - started
        for timer in timers:
            timer.stop()
        result = {
            "contacts": window.contact_list.model.rowCount(),
            "health_s": round(computing, 2),
            "longest_block_ms": round(gaps["longest"] * 1000, 1),
            "slowest_key_ms": round(max(actions["key"], default=0.0) * 1000, 1),
            "slowest_switch_ms": round(max(actions["switch"], default=0.0) * 1000, 1),
            "keys": len(actions["key"]),
            "switches": len(actions["switch"]),
            "gaps_over_50_ms": len(over),
        }
        if args.explain:  # when the gaps came; what the GUI thread handled in the longest (the rest: painting, layout)
            result["gaps_over_50_ms_at"] = over
            end = gaps["from"] + gaps["longest"]
            result["in_longest_gap_ms"] = [(what, round((b - a) * 1000, 1)) for a, b, what in handled
                                           if b > gaps["from"] and a < end]
        run_until(lambda: not worker.busy(), deadline + TIMEOUT_S)
        window.close()
        window.deleteLater()
        app.processEvents()
    print(json.dumps(result))
    return 0


if __name__ == "__main__":
    sys.exit(main())
