"""Running Qt work that needs the GUI thread from a report's worker thread.

pyqtgraph draws through widgets, and Qt allows widgets on the GUI thread only: a chart
built on a worker thread can deadlock the app when the widget is deleted there. The
reports run on a worker (the window stays responsive), so each chart is handed to the
GUI thread, drawn there, and the worker waits for the finished image.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any, TypeVar

from PySide6.QtCore import QCoreApplication, QObject, Qt, QThread, Signal

R = TypeVar("R")


class _GuiThreadCaller(QObject):
    requested = Signal(object)

    def __init__(self) -> None:
        super().__init__()
        self.requested.connect(self._run, Qt.ConnectionType.BlockingQueuedConnection)

    def _run(self, job: Callable[[], None]) -> None:
        job()


_caller: _GuiThreadCaller | None = None
_caller_lock = threading.Lock()


def _gui_caller(app: QCoreApplication) -> _GuiThreadCaller:
    global _caller
    with _caller_lock:
        if _caller is None:
            caller = _GuiThreadCaller()
            caller.moveToThread(app.thread())
            _caller = caller
        return _caller


def on_gui_thread(work: Callable[[], R]) -> R:
    """`work()` run on the GUI thread; called from the GUI thread itself it simply runs.

    A worker waits until the GUI thread's event loop has run it, so the GUI thread must
    not be blocked waiting for that worker.
    """
    app = QCoreApplication.instance()
    if app is None or QThread.currentThread() == app.thread():
        return work()
    outcome: dict[str, Any] = {}

    def job() -> None:
        try:
            outcome["value"] = work()
        except BaseException as error:  # handed back to the worker, raised there
            outcome["error"] = error

    _gui_caller(app).requested.emit(job)
    if "error" in outcome:
        raise outcome["error"]
    return outcome["value"]  # type: ignore[no-any-return]
