"""A whole-network reading is shared with callers who ask while it is made, and then for as
long as someone holds it and nothing was written since."""

from __future__ import annotations

import dataclasses
import datetime as dt
import gc
import threading
import weakref
from collections.abc import Callable

import pytest

from relationship_journal.journal import Journal
from relationship_journal.journal.network_reading import (
    NetworkReading,
    SharedReadings,
    read_network,
)
from relationship_journal.journal.records import ContactFields

DAY = dt.date(2026, 6, 30)


def fresh(journal: Journal) -> NetworkReading:
    return read_network(journal.database, DAY, journal.health.params)


def run_beside(
    shared: SharedReadings, journal: Journal, meanwhile: Callable[[], None]
) -> tuple[NetworkReading, NetworkReading, NetworkReading, NetworkReading]:
    """A reading in progress, a second caller joining it, then `meanwhile` before it ends:
    (the first's reading, what the second got, the first's own, the second's own)."""
    params = journal.health.params
    mine, theirs = fresh(journal), fresh(journal)
    got: dict[str, NetworkReading] = {}

    def second() -> None:
        got["second"] = shared.get(DAY, params, lambda: theirs)

    helper = threading.Thread(target=second)

    def first_read() -> NetworkReading:
        helper.start()
        with shared.joined:
            assert shared.joined.wait_for(lambda: shared.waiting() == 1, timeout=60)
        meanwhile()
        return mine

    first = shared.get(DAY, params, first_read)
    helper.join(timeout=60)
    return first, got["second"], mine, theirs


def test_a_caller_during_a_reading_gets_that_reading(journal: Journal) -> None:
    journal.contacts.add(ContactFields("Ada Lovelace"))
    shared = SharedReadings(journal.database)
    first, second, mine, _theirs = run_beside(shared, journal, lambda: None)
    assert first is mine and second is mine


def test_a_write_during_the_reading_makes_the_caller_read_again(journal: Journal) -> None:
    journal.contacts.add(ContactFields("Ada Lovelace"))
    shared = SharedReadings(journal.database)
    first, second, mine, theirs = run_beside(
        shared, journal, lambda: journal.contacts.add(ContactFields("Grace Hopper"))
    )
    assert first is mine and second is theirs


def test_a_finished_reading_is_shared_while_it_is_held_and_nothing_was_written(journal: Journal) -> None:
    shared = SharedReadings(journal.database)
    params = journal.health.params
    one, two = fresh(journal), fresh(journal)
    assert shared.get(DAY, params, lambda: one) is one
    assert shared.get(DAY, params, lambda: two) is one
    # another day, or other parameters, are other readings
    assert shared.get(DAY + dt.timedelta(days=1), params, lambda: two) is two
    assert shared.get(DAY, dataclasses.replace(params), lambda: two) is two
    shared.close()


def test_a_write_after_the_reading_makes_the_next_caller_read_again(journal: Journal) -> None:
    shared = SharedReadings(journal.database)
    params = journal.health.params
    one = shared.get(DAY, params, lambda: fresh(journal))
    journal.contacts.add(ContactFields("Grace Hopper"))
    again = shared.get(DAY, params, lambda: fresh(journal))
    assert again is not one and [c.name for c in again.network.contacts] == ["Grace Hopper"]
    shared.close()


def test_a_reading_nobody_holds_any_more_is_read_again(journal: Journal) -> None:
    shared = SharedReadings(journal.database)
    params = journal.health.params
    first = shared.get(DAY, params, lambda: fresh(journal))
    gone = weakref.ref(first)
    del first
    gc.collect()
    assert gone() is None
    two = fresh(journal)
    assert shared.get(DAY, params, lambda: two) is two
    shared.close()


def test_closing_lets_go_of_a_held_reading(journal: Journal) -> None:
    shared = SharedReadings(journal.database)
    params = journal.health.params
    one, two = fresh(journal), fresh(journal)
    assert shared.get(DAY, params, lambda: one) is one
    shared.close()
    assert shared.get(DAY, params, lambda: two) is two
    shared.close()


def test_the_health_service_reads_the_same_figures_as_the_model(journal: Journal) -> None:
    from relationship_journal.health import compute_network
    from relationship_journal.journal.health_inputs import load_logs

    journal.contacts.add(ContactFields("Ada Lovelace", circle=5))
    with journal.reading() as connection:
        expected = compute_network(load_logs(connection), DAY, journal.health.params)
    assert journal.health.network(DAY) == expected


@pytest.mark.parametrize("read_only", [False, True])
def test_a_reading_held_on_one_thread_is_proven_and_let_go_on_another(
    journal: Journal, monkeypatch: pytest.MonkeyPatch, read_only: bool
) -> None:
    """The window's workers take turns on any thread; a folder that cannot be written
    (or a full disk) reads through a read-only connection, which must allow that too."""
    from relationship_journal.store import integrity

    journal.contacts.add(ContactFields("Ada Lovelace"))
    monkeypatch.setattr(integrity, "cannot_write_beside", lambda _path: read_only)
    shared = SharedReadings(journal.database)
    params = journal.health.params
    made: list[NetworkReading] = []
    worker = threading.Thread(target=lambda: made.append(shared.get(DAY, params, lambda: fresh(journal))))
    worker.start()
    worker.join(timeout=60)
    assert len(made) == 1
    assert shared.get(DAY, params, lambda: fresh(journal)) is made[0]
    shared.close()
    other = fresh(journal)
    assert shared.get(DAY, params, lambda: other) is other  # closed: nothing held any more


def test_a_reading_that_ends_after_close_holds_nothing_open(journal: Journal) -> None:
    """A restore waits for background work a while, then closes the journal: a reading
    still going must not hold a connection to the file being replaced."""
    shared = SharedReadings(journal.database)
    params = journal.health.params
    one = shared.get(DAY, params, lambda: (shared.close(), fresh(journal))[1])
    two = fresh(journal)
    assert shared.get(DAY, params, lambda: two) is two and one is not two
