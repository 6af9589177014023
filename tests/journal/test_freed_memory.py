"""Memory a reading freed goes back to the system (journal.freed_memory)."""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path

import pytest

from relationship_journal.journal import freed_memory
from relationship_journal.journal.core import Journal
from relationship_journal.journal.records import ContactFields


def resident_mib() -> float:
    return int(Path("/proc/self/statm").read_text().split()[1]) * 4096 / 2**20


@pytest.mark.skipif(freed_memory._malloc_trim() is None, reason="a C library without malloc_trim (not glibc)")
def test_freed_buffers_leave_the_process() -> None:
    # 3,200 buffers of 64 KiB come from the C heap (under its 128 KiB threshold for a
    # mapping of their own); the last one stays, so the heap cannot simply shrink back.
    buffers = [bytearray(64 * 1024) for _ in range(3200)]
    kept = buffers[-1]
    del buffers
    before = resident_mib()
    assert freed_memory.give_back()
    assert resident_mib() < before - 100
    assert len(kept) == 64 * 1024


def test_without_the_c_librarys_call_nothing_is_asked(monkeypatch: pytest.MonkeyPatch) -> None:
    freed_memory._malloc_trim.cache_clear()
    monkeypatch.setattr(sys, "platform", "darwin")
    try:
        assert freed_memory.give_back() is False
    finally:
        monkeypatch.undo()
        freed_memory._malloc_trim.cache_clear()


def test_each_whole_network_reading_gives_back_what_it_freed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    journal = Journal.open(tmp_path / "data")
    journal.contacts.add(ContactFields(display_name="Ada Lovelace"))
    calls: list[str] = []
    monkeypatch.setattr(freed_memory, "give_back", lambda: calls.append("given back") or True)
    for keep, day in ((False, dt.date(2026, 6, 30)), (True, dt.date(2026, 7, 1))):
        journal.health.keep_readings = keep
        calls.clear()
        reading = journal.health.reading(day)
        assert [c.name for c in reading.network.contacts] == ["Ada Lovelace"]
        assert calls  # after laying out the timelines, and again once the reading is made
    journal.close()
