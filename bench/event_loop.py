"""Waiting in a bench the way the app waits: in the real event loop.

A loop of `processEvents()` and short sleeps never lets the event loop go to sleep, so
the window never says it is idle (journal.pacing) and background readings stop giving
way to it; the app itself runs `exec()`.
"""

from __future__ import annotations

import time
from collections.abc import Callable


def run_until(done: Callable[[], bool], until: float) -> None:
    """Run the GUI thread's event loop until `done()` or `time.perf_counter()` reaches `until`."""
    from PySide6.QtCore import QEventLoop, QTimer

    if done():
        return
    loop = QEventLoop()
    check = QTimer(interval=10)
    check.timeout.connect(lambda: (done() or time.perf_counter() >= until) and loop.quit())
    check.start()
    loop.exec()
    check.stop()
