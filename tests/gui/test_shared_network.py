"""The window and the dashboard share one reading of the network, never a stale one."""

from __future__ import annotations

import threading
from pathlib import Path
from typing import Any

import pytest

from relationship_journal.journal import network_reading
from relationship_journal.journal.records import InteractionFields
from tests.gui.conftest import wait_idle


def test_the_dashboard_uses_the_windows_network_until_something_is_written(
    demo_folder: Path, start_app: Any, qtbot: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = start_app()
    reads: list[int] = []
    original = network_reading.read_timelines
    monkeypatch.setattr(
        network_reading, "read_timelines", lambda *a, **k: (reads.append(1), original(*a, **k))[1]
    )
    window._ensure_dashboard()
    with qtbot.waitSignal(window.dashboard.history_computed, timeout=120_000):
        window.show_view("dashboard")
    assert reads == []  # the list's health and the dashboard came from one reading
    assert (
        window.dashboard.snapshot.network is window.feed.shared_network()[2]
    )  # and one evaluation
    expected = window.journal.health.network(window.as_of)
    assert window.dashboard.breadth_card.value.text() == f"{expected.breadth:,}"
    assert window.dashboard.depth_card.value.text() == f"{expected.depth:,}"

    someone = window.contact_list.model.summaries()[0].id
    # The window reads the network again 4 s after changes settle; on a busy machine the
    # dashboard's recomputation can take longer, so that read is left to the end here.
    window.feed._network_timer.setInterval(3_600_000)
    with qtbot.waitSignal(window.dashboard.history_computed, timeout=120_000):
        window.undo_stack.write(
            "Log meeting",
            lambda journal: journal.interactions.log(
                InteractionFields(
                    contact_ids=(someone,), date=window.as_of, kind="meeting", depth=4
                )
            ),
        )
    assert reads  # after a write the dashboard read the journal again
    assert window.feed.shared_network() is None  # the list's reading is older than the write
    wait_idle(qtbot, window)
    with qtbot.waitSignal(window.network_loaded, timeout=120_000):
        window.feed.load_network()  # what the window does once changes settle
    assert window.feed.shared_network() is not None


def test_a_dashboard_opened_while_the_list_reads_the_network_joins_that_reading(
    demo_folder: Path, start_app: Any, qtbot: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = start_app()
    window.feed._network_timer.setInterval(3_600_000)  # the test says when the list reads
    window.today.background = False
    someone = window.contact_list.model.summaries()[0].id
    window.undo_stack.write("Log meeting", lambda journal: journal.interactions.log(
        InteractionFields(contact_ids=(someone,), date=window.as_of, kind="meeting", depth=4)))
    wait_idle(qtbot, window)
    assert window.feed.shared_network() is None  # the list's reading is older than the write
    release, reads = threading.Event(), []
    original = network_reading.read_timelines

    def held(*args: Any, **kwargs: Any) -> Any:
        reads.append(1)
        assert release.wait(120)
        return original(*args, **kwargs)

    monkeypatch.setattr(network_reading, "read_timelines", held)
    try:
        window.feed.load_network()
        qtbot.waitUntil(lambda: bool(reads), timeout=60_000)  # the list's reading is under way
        shared = window.journal.health._shared
        window._ensure_dashboard()
        with qtbot.waitSignal(window.dashboard.history_computed, timeout=120_000):
            window.show_view("dashboard")

            def joined() -> bool:
                with shared.joined:
                    return shared.waiting() > 0

            qtbot.waitUntil(joined, timeout=60_000)
            release.set()
    finally:
        release.set()  # a failure above must not leave the worker waiting
    assert reads == [1]  # one reading for the list and the dashboard
    expected = window.journal.health.network(window.as_of)
    assert window.dashboard.depth_card.value.text() == f"{expected.depth:,}"


def test_at_start_the_health_is_read_beside_the_list_not_after_it(
    demo_folder: Path, start_app: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    from relationship_journal.journal.contacts import ContactBook

    reading_began = threading.Event()
    original_read = network_reading.read_timelines

    def noted(*args: Any, **kwargs: Any) -> Any:
        reading_began.set()
        return original_read(*args, **kwargs)

    original_list = ContactBook.list
    waited: list[bool] = []

    def held_list(self: ContactBook, *args: Any, **kwargs: Any) -> Any:
        waited.append(reading_began.wait(30))  # the list's read waits for the health's to begin
        return original_list(self, *args, **kwargs)

    monkeypatch.setattr(network_reading, "read_timelines", noted)
    monkeypatch.setattr(ContactBook, "list", held_list)
    window = start_app()
    assert waited and waited[0]  # the health's reading began while the list was being read
    assert window.contact_list.model.rowCount() > 0
    row = window.contact_list.model.summaries()[0].id
    assert window.contact_list.model._health.get(row) is not None  # and its bars are in the list
