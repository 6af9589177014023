"""The window on a journal: when the list and the health bars are complete, and how long
the GUI thread was ever kept from its event loop while they loaded.

    QT_QPA_PLATFORM=offscreen python bench/window_bench.py --data-dir DIR [--as-of YYYY-MM-DD]

Builds the real main window (as `screenshot` does, settings in a throw-away folder),
shows it, and runs the event loop until the contact list, the network's health and
Today's cards (built after the list, in the background when Today is not the page shown)
are in, and no background work is left. A 5 ms timer on the GUI thread records the
longest gap between its ticks: a gap is time the window could not answer a key or
paint. Meanwhile a key is typed into the search box every 100 ms, and the time until
the filtered list is back is recorded. Prints one JSON line (seconds, MiB).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import resource
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

TICK_MS = 5
KEY_EVERY_S = 0.1
TIMEOUT_S = 600.0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--data-dir", required=True)
    parser.add_argument("--as-of", type=dt.date.fromisoformat)
    args = parser.parse_args()
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    started = time.perf_counter()

    from event_loop import run_until
    from PySide6.QtCore import QTimer

    from relationship_journal.gui import worker
    from relationship_journal.gui.app import application, create_window

    app = application()
    with tempfile.TemporaryDirectory(prefix="rj-window-bench-") as config:
        window = create_window(args.data_dir, as_of=args.as_of, config_dir=Path(config))
        window.remember = False
        marks: dict[str, float] = {}
        window.contacts_loaded.connect(lambda: marks.setdefault("list", time.perf_counter()))
        window.network_loaded.connect(lambda: marks.setdefault("health", time.perf_counter()))
        window.today.view.loaded.connect(lambda: marks.setdefault("today", time.perf_counter()))
        gaps = {"last": time.perf_counter(), "longest": 0.0}

        def tick() -> None:
            now = time.perf_counter()
            gaps["longest"] = max(gaps["longest"], now - gaps["last"])
            gaps["last"] = now

        timer = QTimer(interval=TICK_MS)
        timer.timeout.connect(tick)
        keys: list[float] = []
        search = window.contact_list.search

        def type_key() -> None:
            """One key into the search box, timed until the filter has run."""
            if "list" not in marks:
                return
            before = time.perf_counter()
            search.setText("a" if search.text() != "a" else "")
            window.contact_list.apply_filter()
            keys.append(time.perf_counter() - before)

        typing = QTimer(interval=int(KEY_EVERY_S * 1000))
        typing.timeout.connect(type_key)
        window.resize(1400, 900)
        window.show()
        shown = time.perf_counter()
        gaps["last"] = shown
        timer.start()
        typing.start()
        deadline = shown + TIMEOUT_S
        run_until(lambda: "list" in marks and not worker.busy()
                  and (("health" in marks and "today" in marks) or not window.contact_list.model.rowCount()),
                  deadline)
        timer.stop()
        typing.stop()
        search.setText("")
        rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        result = {
            "shown": shown - started,
            "list": marks.get("list", float("nan")) - started,
            "health": marks.get("health", float("nan")) - started,
            "today": marks.get("today", float("nan")) - started,
            "longest_block": gaps["longest"],
            "slowest_key": max(keys) if keys else 0.0,
            "keys": len(keys),
            "rss_mib": rss,
        }
        window.close()
        window.deleteLater()
        app.processEvents()
    print(json.dumps(result))
    return 0


if __name__ == "__main__":
    sys.exit(main())
