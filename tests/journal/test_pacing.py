"""Background readings give way to a busy window, and never for long."""

from __future__ import annotations

import threading
from collections.abc import Iterator

import pytest

from relationship_journal.journal import pacing


@pytest.fixture
def window() -> Iterator[threading.Thread]:
    """This test's thread plays the window's; whatever was attached before is put back."""
    before = pacing.attached_window()
    pacing.attach_window(threading.current_thread())
    yield threading.current_thread()
    pacing.window_idle()
    pacing.attach_window(before)


def _worker_giving_way(go: threading.Event | None = None) -> tuple[threading.Thread, threading.Event]:
    """A thread that calls give_way (once `go` is set, if given) and then says it passed."""
    passed = threading.Event()

    def work() -> None:
        if go is not None:
            go.wait()
        pacing.give_way()
        passed.set()

    thread = threading.Thread(target=work, daemon=True)
    thread.start()
    return thread, passed


def test_a_worker_waits_while_the_window_is_busy_and_goes_on_when_it_idles(
    window: threading.Thread, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(pacing, "MAX_WAIT_S", 60.0)
    pacing.window_busy()
    thread, passed = _worker_giving_way()
    thread.join(timeout=0.3)
    assert not passed.is_set(), "the worker went on while the window was busy"
    pacing.window_idle()
    thread.join(timeout=30)
    assert passed.is_set()


def test_a_long_busy_spell_only_delays_a_worker(window: threading.Thread, monkeypatch: pytest.MonkeyPatch) -> None:
    """The window may itself be waiting for the worker (at quit): no deadlock."""
    monkeypatch.setattr(pacing, "MAX_WAIT_S", 0.05)
    pacing.window_busy()
    thread, passed = _worker_giving_way()
    thread.join(timeout=30)
    assert passed.is_set()


def test_waking_again_without_sleeping_does_not_restart_the_spell(
    window: threading.Thread, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(pacing, "MAX_WAIT_S", 0.05)
    pacing.window_busy()
    started = pacing._busy_since
    pacing.window_busy()
    assert pacing._busy_since == started
    thread, passed = _worker_giving_way()
    thread.join(timeout=30)
    assert passed.is_set()


def test_the_window_thread_never_waits_on_itself(window: threading.Thread, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(pacing, "MAX_WAIT_S", 3600.0)
    go = threading.Event()
    thread, passed = _worker_giving_way(go)
    pacing.attach_window(thread)
    pacing.window_busy()
    go.set()
    thread.join(timeout=30)
    assert passed.is_set()


def test_with_no_window_nobody_waits(monkeypatch: pytest.MonkeyPatch) -> None:
    before = pacing.attached_window()
    monkeypatch.setattr(pacing, "MAX_WAIT_S", 3600.0)
    pacing.attach_window(None)
    try:
        pacing.window_busy()
        thread, passed = _worker_giving_way()
        thread.join(timeout=30)
        assert passed.is_set()
    finally:
        pacing.window_idle()
        pacing.attach_window(before)
