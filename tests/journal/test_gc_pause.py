"""Pausing the garbage collector for a big load never keeps garbage alive for good."""

from __future__ import annotations

import gc
import weakref
from collections.abc import Iterator

import pytest

from relationship_journal.journal.health_inputs import collect_before_pausing, gc_paused


class _Cycle:
    def __init__(self) -> None:
        self.me = self


@pytest.fixture
def long_running() -> Iterator[None]:
    """As the window runs: a collection before each pause."""
    collect_before_pausing(True)
    try:
        yield
    finally:
        collect_before_pausing(False)


def test_garbage_cycles_alive_at_a_pause_are_still_freed(long_running: None) -> None:
    dropped = _Cycle()
    alive = weakref.ref(dropped)
    del dropped  # garbage now, freed only by a collection
    with gc_paused():
        loaded = [(n, str(n)) for n in range(1000)]  # what a load builds
    gc.collect()
    assert alive() is None, "the dropped cycle was frozen with the load and never freed"
    assert len(loaded) == 1000


def test_a_nested_pause_does_not_collect_again(long_running: None, monkeypatch: pytest.MonkeyPatch) -> None:
    collections: list[int] = []
    real = gc.collect
    monkeypatch.setattr(gc, "collect", lambda *args: collections.append(1) or real(*args))
    with gc_paused(), gc_paused():
        pass
    assert collections == [1]
