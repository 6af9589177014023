"""Everything the dashboard shows, computed in one place as plain data (no Qt).

It runs on a worker thread in two stages: `load_network` reads the journal once and
turns every contact's log into a timeline (the slow, as-of-independent part), then
`compute_snapshot` evaluates the network on the chosen day and `compute_history`
walks back month ends (`network_data.history_months`). Changing the "as of" date reuses the loaded timelines.
The loading, evaluation and "owed" rules are the network report's
(`reports.network_data`), so the dashboard and the PDF can never disagree.
"""

from __future__ import annotations

import datetime as dt
import gc
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass

from relationship_journal.health import DEFAULTS, NetworkHealth, Parameters
from relationship_journal.journal.core import Journal
from relationship_journal.journal.records import CommitmentView
from relationship_journal.reports import network_data
from relationship_journal.reports.chart_series import (
    CircleOccupancy,
    DepthBreadthSeries,
    HealthHistogram,
    WeeklyCounts,
    circle_occupancy,
    health_histogram,
    interactions_per_week,
)
from relationship_journal.reports.network_data import OwedFavour, OwedReply
from relationship_journal.reports.people_picture import PeoplePicture, known_pairs, people_picture

Step = Callable[[str, int, int], None]
__all__ = ["DashboardSnapshot", "LoadedJournal", "OwedFavour", "OwedReply", "compute_history",
           "compute_snapshot", "load_network"]


@dataclass(frozen=True)
class LoadedJournal:
    """The journal as the dashboard reads it; valid for any as-of date."""

    network: network_data.LoadedNetwork
    entries_per_day: dict[dt.date, int]  # distinct interactions per day
    commitments: tuple[CommitmentView, ...]
    known_pairs: frozenset[tuple[int, int]] = frozenset()  # who knows whom (people_picture)


@dataclass(frozen=True)
class DashboardSnapshot:
    as_of: dt.date
    network: NetworkHealth
    occupancy: tuple[CircleOccupancy, ...]
    histogram: HealthHistogram
    weekly: WeeklyCounts
    replies_owed: tuple[OwedReply, ...]
    favours_owed: tuple[OwedFavour, ...]
    picture: PeoplePicture | None = None

    @property
    def is_empty(self) -> bool:
        return self.network.total_contacts == 0


@contextmanager
def collector_paused() -> Iterator[None]:
    """Build a big, long-lived, acyclic object graph without stalling the window.

    Python's cyclic collector runs on whichever thread allocates and holds the GIL
    while it scans: with 10,000 timelines a full pass took up to 0.7 s, freezing the
    GUI thread mid-computation. So collection waits until the work is done, and what
    was built is then frozen out of future scans (`gc.freeze`). Frozen objects are
    still freed by reference counting when the next refresh replaces them; these
    graphs hold no cycles, so nothing is kept alive by it.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        gc.freeze()
        if enabled:
            gc.enable()


def load_network(
    journal: Journal,
    params: Parameters = DEFAULTS,
    step: Step | None = None,
    network: network_data.LoadedNetwork | None = None,
) -> LoadedJournal:
    """Read every active contact's log once and prepare it for evaluation at any date;
    `network` is timelines already read (the window's, built with `params`)."""
    if step:
        step("Reading the journal", 0, 0)

    def tick(done: int, total: int) -> None:
        if step:
            step("Preparing timelines", done, total)

    with collector_paused():
        loaded = network or network_data.load_network(journal, params, tick)
        return LoadedJournal(
            network=loaded,
            entries_per_day=network_data.entries_per_day(loaded),
            commitments=tuple(journal.ledger.commitments()),
            known_pairs=known_pairs(journal),
        )


def compute_snapshot(
    loaded: LoadedJournal,
    as_of: dt.date,
    params: Parameters = DEFAULTS,
    step: Step | None = None,
    network: NetworkHealth | None = None,
) -> DashboardSnapshot:
    """Every figure of the dashboard except the month-by-month history; `network` is the
    network already evaluated from the same timelines on `as_of` (the window's)."""

    def tick(done: int, total: int) -> None:
        if step:
            step("Evaluating relationships", done, total)

    if network is None:
        with collector_paused():
            network = network_data.evaluate_network(loaded.network, as_of, params, tick)
    return DashboardSnapshot(
        as_of=as_of,
        network=network,
        occupancy=tuple(
            circle_occupancy(
                {c.circle: c.count for c in network.circles},
                {c.circle: c.capacity for c in network.circles},
                params.overload_factor,
            )
        ),
        histogram=health_histogram((c.score for c in network.contacts), floors=params.bands),
        weekly=interactions_per_week(loaded.entries_per_day, as_of),
        replies_owed=tuple(network_data.replies_owed(loaded.commitments, loaded.network.names, as_of)),
        favours_owed=tuple(network_data.favours_owed(network)),
        picture=people_picture(network, loaded.known_pairs),
    )


def compute_history(
    loaded: LoadedJournal,
    snapshot: DashboardSnapshot,
    months: int | None = None,
    params: Parameters = DEFAULTS,
    step: Step | None = None,
) -> DepthBreadthSeries:
    """Depth vs breadth at each month end (`network_data.depth_breadth_history`); the last
    point is the snapshot's own figures."""

    def tick(day: dt.date, done: int, total: int) -> None:
        if step:
            step(f"Network history: {day:%B %Y}", done, total)

    return network_data.depth_breadth_history(loaded.network, snapshot.network, params, months, tick)
