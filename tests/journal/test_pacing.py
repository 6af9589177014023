"""Background readings give way to a busy window, and never for long."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator

import pytest

from relationship_journal.journal import pacing


class _Clock:
    """pacing's clock, stopped where a test puts it (the waits themselves are real)."""

    def __init__(self) -> None:
        self.now = 1000.0

    def monotonic(self) -> float:
        return self.now


@pytest.fixture
def clock(monkeypatch: pytest.MonkeyPatch) -> _Clock:
    stopped = _Clock()
    monkeypatch.setattr(pacing, "time", stopped)
    return stopped


@pytest.fixture
def window() -> Iterator[threading.Thread]:
    """This test's thread plays the window's; whatever was attached before is put back."""
    before = pacing.attached_window()
    pacing.attach_window(threading.current_thread())
    yield threading.current_thread()
    pacing.window_idle()
    pacing.attach_window(before)


class _Worker:
    """A thread that, once told to go, says it reached give_way, calls it, and says it passed."""

    def __init__(self) -> None:
        self.go, self.reached, self.passed = threading.Event(), threading.Event(), threading.Event()
        self.waited = 0.0
        self.thread = threading.Thread(target=self._run, daemon=True)
        self.thread.start()

    def _run(self) -> None:
        self.go.wait()
        self.reached.set()
        started = time.perf_counter()
        pacing.give_way()
        self.waited = time.perf_counter() - started
        self.passed.set()

    def start(self) -> None:
        self.go.set()
        assert self.reached.wait(30)

    def went_on(self) -> bool:
        """Whether it got past give_way (waiting up to 30 s for it)."""
        self.thread.join(timeout=30)
        return self.passed.is_set()


def test_a_worker_waits_while_the_window_is_busy_and_goes_on_when_it_idles(
    window: threading.Thread, clock: _Clock, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(pacing, "MAX_WAIT_S", 60.0)
    pacing.window_busy()
    worker = _Worker()
    worker.start()
    worker.thread.join(timeout=0.3)
    assert not worker.passed.is_set(), "the worker went on while the window was busy"
    pacing.window_idle()
    assert worker.went_on()


def test_a_long_busy_spell_only_delays_a_worker(
    window: threading.Thread, clock: _Clock, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The window may itself be waiting for the worker (at quit): no deadlock."""
    monkeypatch.setattr(pacing, "MAX_WAIT_S", 0.2)
    pacing.window_busy()
    worker = _Worker()
    worker.start()
    assert worker.went_on()
    assert worker.waited >= 0.19  # it did wait, for the spell's allowance


def test_a_spell_timed_out_lets_workers_through_until_the_window_sleeps(
    window: threading.Thread, clock: _Clock, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(pacing, "MAX_WAIT_S", 3600.0)
    pacing.window_busy()
    clock.now += 3600.0  # the window has been busy an hour without sleeping
    pacing.window_busy()  # and wakes again: the same spell, not a new one
    worker = _Worker()
    worker.start()
    assert worker.went_on()


def test_the_window_thread_never_waits_on_itself(
    window: threading.Thread, clock: _Clock, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(pacing, "MAX_WAIT_S", 3600.0)
    worker = _Worker()
    pacing.attach_window(worker.thread)
    pacing.window_busy()
    worker.start()
    assert worker.went_on()


def test_with_no_window_nobody_waits(
    window: threading.Thread, clock: _Clock, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(pacing, "MAX_WAIT_S", 3600.0)
    pacing.attach_window(None)  # the fixture puts back what was attached
    pacing.window_busy()
    worker = _Worker()
    worker.start()
    assert worker.went_on()
