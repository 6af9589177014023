"""The figures the network report and the period review print, computed once.

The journal is read once into the health model's timelines (the slow, date-free
part); the network is then evaluated at the report date, at the review's start and
end, and at month ends for the depth-vs-breadth history, all from the same
timelines. The figures are the health model's own (`summarise_network` over
`evaluate`, exactly what `compute_network` does). Plain Python, no Qt.
"""

from __future__ import annotations

import datetime as dt
from bisect import bisect_right
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from relationship_journal.health import (
    DEFAULTS,
    NetworkHealth,
    Parameters,
    Timeline,
    evaluate,
    month_ends,
    summarise_network,
)
from relationship_journal.health.contact import classification_at
from relationship_journal.health.owing import OWED_FAVOUR_MIN
from relationship_journal.journal.core import Journal
from relationship_journal.journal.network_reading import NetworkReading
from relationship_journal.journal.records import CommitmentView
from relationship_journal.reports.chart_series import DepthBreadthSeries, NetworkMoment

Tick = Callable[[int, int], None]
CONNECTED = frozenset({"connection", "trusted"})



@dataclass(frozen=True)
class LoadedNetwork:
    """Every active contact's timeline; valid for any date."""

    timelines: tuple[Timeline, ...]
    per_day: dict[dt.date, int]  # interactions per day (an entry with 3 people counts once)
    names: dict[int, str]
    state: str | None = None  # the journal's digest they were read from, if known (NetworkReading)


@dataclass(frozen=True)
class OwedReply:
    contact_id: int
    name: str
    text: str
    made: dt.date
    due: dt.date | None
    overdue: bool


@dataclass(frozen=True)
class OwedFavour:
    contact_id: int
    name: str
    balance: float  # negative: they have given more, recent favours counting most


def load_network(journal: Journal, params: Parameters = DEFAULTS, tick: Tick | None = None) -> LoadedNetwork:
    """Every active contact's timeline (`journal.network_reading.read_timelines`: read as
    columns, or the plain way when a row needs it)."""
    from relationship_journal.journal.network_reading import read_timelines

    if tick:
        tick(0, 1)
    with journal.reading() as connection:
        timelines, per_day, names = read_timelines(connection, params)
    if tick:
        tick(1, 1)
    return LoadedNetwork(timelines, per_day, names)


def from_reading(reading: NetworkReading) -> LoadedNetwork:
    """The timelines of a whole-network reading (`journal.health.reading`)."""
    return LoadedNetwork(reading.timelines, reading.per_day, reading.names, reading.state)


def evaluate_network(
    loaded: LoadedNetwork, as_of: dt.date, params: Parameters = DEFAULTS, tick: Tick | None = None
) -> NetworkHealth:
    """The model's network on `as_of`: the same as `health.compute_network` gives.

    The timelines were built with `params`, which `evaluate` reads from them.
    """
    contacts = []
    total = len(loaded.timelines)
    for done, tl in enumerate(loaded.timelines):
        if tick and done % 500 == 0:
            tick(done, total)
        contacts.append(evaluate(tl, as_of))
    return summarise_network(contacts, as_of, params)


HISTORY_MONTHS = 24
HISTORY_MONTHS_LARGE = 12
LARGE_NETWORK = 3000


def history_months(people: int) -> int:
    """How many month ends the depth-and-breadth history shows, on the dashboard and in the
    report alike: two years, or one past 3,000 people (each month evaluates every possible
    connection again: a second a year at 10,000)."""
    return HISTORY_MONTHS if people <= LARGE_NETWORK else HISTORY_MONTHS_LARGE


def _any_within(days: Sequence[int], today: int, window: int) -> bool:
    n = bisect_right(days, today)
    return n > 0 and today - days[n - 1] < window


def network_moment(loaded: LoadedNetwork, day: dt.date, params: Parameters = DEFAULTS) -> NetworkMoment:
    """Breadth, connections and trusted circle on `day`.

    Only people whose timeline opens both evidence gates of a connection on that day
    (a depth 4+ conversation and an initiative of theirs, within the model's windows)
    can be one, so only they are evaluated; the classification is the model's.
    """
    today = day.toordinal()
    breadth = connections = trusted = 0
    for tl in loaded.timelines:
        if _any_within(tl.touch_days, today, params.breadth_window_days):
            breadth += 1
        if _any_within(tl.deep_days, today, params.deep_window_days) and _any_within(
            tl.their_start_days, today, tl.initiative_window
        ):
            kind = classification_at(tl, day)
            if kind in CONNECTED:
                connections += 1
                trusted += kind == "trusted"
    return NetworkMoment(day, breadth, connections, trusted)


def depth_breadth_history(
    loaded: LoadedNetwork,
    network: NetworkHealth,
    params: Parameters = DEFAULTS,
    months: int | None = None,
    tick: Callable[[dt.date, int, int], None] | None = None,
) -> DepthBreadthSeries:
    """Depth vs breadth at each month end up to `network`'s day (`history_months` of them
    unless `months` says), the dashboard's and the report's alike; the last point is
    `network`'s own figures."""
    count = months if months is not None else history_months(len(loaded.timelines))
    days = month_ends(network.as_of, count)[:-1]
    moments = []
    for done, day in enumerate(days):
        if tick:
            tick(day, done, len(days))
        moments.append(network_moment(loaded, day, params))
    moments.append(NetworkMoment(network.as_of, network.breadth, network.depth, network.trusted))
    return DepthBreadthSeries(tuple(moments))


def kept_history(
    journal: Journal, loaded: LoadedNetwork, as_of: dt.date, params: Parameters = DEFAULTS
) -> DepthBreadthSeries | None:
    """The history `depth_breadth_history` gave for these timelines on `as_of` before, if
    it was kept (journal.kept_reading: only timelines of a known journal state have one)."""
    from relationship_journal.journal import kept_reading

    months = history_months(len(loaded.timelines))
    found = kept_reading.kept_history(journal, loaded.state, as_of, params, months)
    return None if found is None else DepthBreadthSeries(tuple(NetworkMoment(*m) for m in found))


def keep_history(
    journal: Journal, loaded: LoadedNetwork, history: DepthBreadthSeries, params: Parameters = DEFAULTS
) -> bool:
    """Keep a computed history for `kept_history` (slow: hashes the journal; off the GUI)."""
    from relationship_journal.journal import kept_reading

    moments = [(m.day, m.breadth, m.connections, m.trusted) for m in history.moments]
    return kept_reading.keep_history(journal, loaded.state, history.moments[-1].day, params, moments)


def entries_per_day(loaded: LoadedNetwork) -> dict[dt.date, int]:
    return dict(loaded.per_day)


def replies_owed(
    commitments: Sequence[CommitmentView], names: dict[int, str], as_of: dt.date
) -> list[OwedReply]:
    """My promises still open on `as_of`, overdue and soonest due first."""
    owed = [
        OwedReply(c.contact_id, names[c.contact_id], c.text, c.created_on, c.due_date,
                  c.due_date is not None and c.due_date < as_of)
        for c in commitments
        if c.owner == "mine"
        and c.contact_id in names
        and c.created_on <= as_of
        and (c.done_date is None or c.done_date > as_of)
    ]
    owed.sort(key=lambda r: (r.due is None, r.due or as_of, r.name))
    return owed


def favours_owed(network: NetworkHealth, limit: int = 40) -> list[OwedFavour]:
    """People whose recent help outweighs mine, most owed first."""
    owed = [
        OwedFavour(c.contact_id, c.name, c.giving_balance)
        for c in network.contacts
        if c.giving_balance <= -OWED_FAVOUR_MIN
    ]
    owed.sort(key=lambda f: (f.balance, f.name))
    return owed[:limit]
