"""One reading of the whole network, shared by everyone who asks while it is computed.

At start the window reads every person's health for its list while Today reads the
same network for its agenda; at 10,000 people each reading takes seconds, and two at
once on two threads take twice as long each. `SharedReadings` lets the second caller
wait for the first one's reading and use it, but only when it is provably what the
second would have read: nothing was committed to the journal, by any connection of any
process, and the file was not swapped, between the start of the reading and its end
(SQLite's `PRAGMA data_version` on a connection of its own, and the file's identity).
Otherwise the waiting caller reads the journal again itself.

A finished reading stays shared the same way for as long as someone still holds it
(the window's list does) and that connection has seen no commit since it began: Today,
read just after the list's health, took it again from the file at 100,000 people, and
the proof that the file had not changed (its digest) cost 2 s. Nothing is kept beyond
the callers' own references: this is not a cache.
"""

from __future__ import annotations

import datetime as dt
import os
import sqlite3
import threading
import weakref
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field

from relationship_journal.health import (
    NetworkHealth,
    Parameters,
    Timeline,
    build_timeline,
    evaluate,
    summarise_network,
)
from relationship_journal.journal import freed_memory
from relationship_journal.journal.health_inputs import gc_paused, load_logs
from relationship_journal.journal.pacing import give_way
from relationship_journal.store.database import Database


@dataclass(frozen=True)
class NetworkReading:
    """Every active contact's timeline (valid for any day) and the network on `as_of`."""

    as_of: dt.date
    network: NetworkHealth
    timelines: tuple[Timeline, ...]
    per_day: dict[dt.date, int]  # interactions per day (an entry with 3 people counts once)
    names: dict[int, str]
    # The digest of the journal's bytes when the reading began, if anyone asked for it
    # (`journal.kept_reading`: what the reading, and figures from it, may be kept under).
    state: str | None = None


def read_timelines(
    connection: sqlite3.Connection, params: Parameters
) -> tuple[tuple[Timeline, ...], dict[dt.date, int], dict[int, str]]:
    """Every active contact's timeline, read as columns (`journal.health_columns`) and laid
    out in a few array passes; a journal with rows the columns cannot carry is read the
    plain way, one contact at a time. With the entries per day and everyone's name."""
    from relationship_journal.health.columns import build_timelines
    from relationship_journal.journal.health_columns import load_columns

    with gc_paused():  # many small objects, no cycles: see health_inputs.gc_paused
        columns = load_columns(connection)
        if columns is not None:
            import numpy as np

            timelines = tuple(build_timelines(columns, params, between=give_way))
            _ids, first = np.unique(columns.id, return_index=True)
            days, counts = np.unique(columns.day[first], return_counts=True)
            per_day = dict(
                zip(map(dt.date.fromordinal, days.tolist()), counts.tolist(), strict=True)
            )
            return timelines, per_day, {c.id: c.name for c in columns.contacts}
        logs = load_logs(connection)
        entry_days: dict[int, dt.date] = {}
        built = []
        for log in logs:
            give_way()
            built.append(build_timeline(log, params))
            for item in log.interactions:
                entry_days[item.id] = item.date
        names = {log.contact.id: log.contact.name for log in logs}
        return tuple(built), dict(Counter(entry_days.values())), names


def evaluate_all(
    timelines: tuple[Timeline, ...], as_of: dt.date, params: Parameters
) -> NetworkHealth:
    """`compute_network` over timelines already built with `params`."""
    with gc_paused():
        contacts = []
        for timeline in timelines:
            give_way()
            contacts.append(evaluate(timeline, as_of))
        return summarise_network(tuple(contacts), as_of, params)


def read_network(database: Database, as_of: dt.date, params: Parameters) -> NetworkReading:
    """Read the journal once and evaluate everyone on `as_of`."""
    with database.reading() as connection:
        timelines, per_day, names = read_timelines(connection, params)
    freed_memory.give_back()  # the rows and columns the timelines were laid out from
    return NetworkReading(as_of, evaluate_all(timelines, as_of, params), timelines, per_day, names)


@dataclass(eq=False)
class _Held:
    """The last reading proven current when it ended, and the connection that proves it
    still is (nothing committed since: `SharedReadings._state`)."""

    as_of: dt.date
    params: Parameters
    reading: weakref.ref[NetworkReading]
    watcher: sqlite3.Connection
    state: tuple[int, ...]


@dataclass(eq=False)
class _Flight:
    as_of: dt.date
    params: Parameters
    done: threading.Event = field(default_factory=threading.Event)
    waiting: int = 0  # callers who joined it
    result: NetworkReading | None = None  # set only when it is provably still current


class SharedReadings:
    """Readings in progress, joined by whoever asks for the same day and parameters."""

    def __init__(self, database: Database) -> None:
        self._database = database
        self._lock = threading.Lock()
        self.joined = threading.Condition(self._lock)  # notified when a caller joins a reading
        self._flights: list[_Flight] = []
        self._held: _Held | None = None
        self._closed = False  # a reading that ends after `close` holds nothing open

    def get(
        self, as_of: dt.date, params: Parameters, read: Callable[[], NetworkReading]
    ) -> NetworkReading:
        """`read()`'s reading, or the one being made for the same day and parameters when it
        started before this call and nothing was written before it ended, or the last one
        made, while someone holds it and nothing was written since it began."""
        with self._lock:
            held = self._still_held(as_of, params)
            if held is not None:
                return held
            joined = next(
                (f for f in self._flights if f.as_of == as_of and f.params is params), None
            )
            if joined is None:
                flight = _Flight(as_of, params)
                self._flights.append(flight)
            else:
                joined.waiting += 1
                self.joined.notify_all()
        if joined is not None:
            joined.done.wait()
            return joined.result if joined.result is not None else read()
        try:
            watcher = self._database.connect(any_thread=True)  # it may prove it later too
            kept_open = False
            try:
                before = self._state(watcher)
                reading = read()
                if self._state(watcher) == before:
                    flight.result = reading
                    with self._lock:
                        if not self._closed:
                            self._let_go()
                            self._held = _Held(as_of, params, weakref.ref(reading), watcher, before)
                            kept_open = True
            finally:
                if not kept_open:
                    watcher.close()
            return reading
        finally:
            with self._lock:
                self._flights.remove(flight)
            flight.done.set()

    def close(self) -> None:
        """Let go of the held reading's connection for good (the journal is closing, or its
        file is about to be swapped: a restore, an encryption)."""
        with self._lock:
            self._closed = True
            self._let_go()

    def _still_held(self, as_of: dt.date, params: Parameters) -> NetworkReading | None:
        """The held reading if it is of this day and parameters, still referenced, and
        nothing was committed since it began (call with the lock held)."""
        held = self._held
        if held is None or held.as_of != as_of or held.params is not params:
            return None
        reading = held.reading()
        try:
            current = reading is not None and self._state(held.watcher) == held.state
        except Exception:  # the file went away under it (any driver's error, or stat's): read afresh
            current = False
        if not current:
            self._let_go()
            return None
        return reading

    def _let_go(self) -> None:
        held, self._held = self._held, None
        if held is not None:
            try:
                held.watcher.close()
            except Exception:  # noqa: S110 (a connection that cannot close holds nothing we need)
                pass

    def waiting(self) -> int:
        """How many callers wait for a reading in progress (call with `joined` held)."""
        return sum(f.waiting for f in self._flights)

    def _state(self, watcher: sqlite3.Connection) -> tuple[int, ...]:
        """Changes whenever anything is committed (by any other connection) or the file is
        replaced (a restore, an encryption) or touched."""
        version = int(watcher.execute("PRAGMA data_version").fetchone()[0])
        found = os.stat(self._database.path)
        return version, found.st_ino, found.st_dev, found.st_size, found.st_mtime_ns
