"""Background readings give way to the window.

CPython runs one thread's Python at a time. While a worker thread computes the whole
network in Python, every call the window's toolkit makes into Python (a row count, a
cell's paint: some 300 for one repaint of the list) waits its turn for the interpreter,
so a key the idle window answers in 40 ms took 100-150 ms. The window says when its
thread is busy (`window_busy` at the first event it handles after a sleep, `window_idle`
just before it sleeps again); the long loops of background readings (the whole network,
the list's rows) call `give_way()` between small pieces of work, and it waits while the
window is busy.

It waits at most `MAX_WAIT_S` per busy spell, so a window thread that is itself waiting
for the worker (at quit) cannot deadlock with it, and a long spell only slows the
worker, never stops it. With no window (the command line, the tests of this layer) it
never waits, and the window's own thread never waits on itself.
"""

from __future__ import annotations

import threading
import time

MAX_WAIT_S = 0.25

_idle = threading.Event()
_idle.set()
_busy_since = 0.0
_window_thread: threading.Thread | None = None


def attach_window(thread: threading.Thread | None) -> None:
    """The thread whose busy spells background work gives way to (None: nobody's)."""
    global _window_thread
    _window_thread = thread
    _idle.set()


def attached_window() -> threading.Thread | None:
    """The thread `attach_window` named, if any."""
    return _window_thread


def window_is_busy() -> bool:
    """Whether the window's thread is handling events (background readings wait)."""
    return not _idle.is_set()


def window_busy() -> None:
    """The window's thread woke up to work: background readings pause at their next step.
    A thread that keeps waking without sleeping is one spell, timed from its first wake."""
    global _busy_since
    if _idle.is_set():
        _busy_since = time.monotonic()
        _idle.clear()


def window_idle() -> None:
    """The window's thread is about to sleep: background readings go on."""
    _idle.set()


def give_way() -> None:
    """Wait while the window is busy (bounded by MAX_WAIT_S from the start of its spell)."""
    if _idle.is_set() or _window_thread is None or threading.current_thread() is _window_thread:
        return
    left = _busy_since + MAX_WAIT_S - time.monotonic()
    if left > 0:
        _idle.wait(left)
