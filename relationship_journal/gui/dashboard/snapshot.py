"""Everything the dashboard shows, computed in one place as plain data (no Qt).

It runs on a worker thread in two stages: `load_network` reads the journal once and
turns every contact's log into a timeline (the slow, as-of-independent part), then
`compute_snapshot` evaluates the network on the chosen day and `compute_history`
walks back 24 month ends. Changing the "as of" date reuses the loaded timelines.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from relationship_journal.gui.dashboard.history import network_history
from relationship_journal.health import (
    DEFAULTS,
    NetworkHealth,
    Parameters,
    month_ends,
    summarise_network,
)
from relationship_journal.health.contact import evaluate, weights_of
from relationship_journal.health.layers import layer_thresholds
from relationship_journal.health.timeline import Timeline, build_timeline
from relationship_journal.journal.core import Journal
from relationship_journal.journal.health_inputs import load_logs
from relationship_journal.journal.records import CommitmentView
from relationship_journal.reports.chart_series import (
    CircleOccupancy,
    DepthBreadthSeries,
    HealthHistogram,
    NetworkMoment,
    WeeklyCounts,
    circle_occupancy,
    health_histogram,
    interactions_per_week,
)

Step = Callable[[str, int, int], None]
OWED_FAVOUR_MIN = 0.5  # a decayed favour balance below -0.5: they have helped more lately
HISTORY_MONTHS = 24


@dataclass(frozen=True)
class LoadedNetwork:
    """The journal as the dashboard reads it; valid for any as-of date."""

    timelines: tuple[Timeline, ...]
    entries_per_day: dict[dt.date, int]  # distinct interactions per day
    commitments: tuple[CommitmentView, ...]
    names: dict[int, str]


@dataclass(frozen=True)
class OwedReply:
    """A promise of mine still open on the as-of day."""

    contact_id: int
    name: str
    text: str
    due: dt.date | None
    overdue: bool


@dataclass(frozen=True)
class OwedFavour:
    """Someone whose help to me outweighs mine to them, recent favours counting most."""

    contact_id: int
    name: str
    balance: float  # the model's giving balance: negative means I owe


@dataclass(frozen=True)
class DashboardSnapshot:
    as_of: dt.date
    network: NetworkHealth
    occupancy: tuple[CircleOccupancy, ...]
    histogram: HealthHistogram
    weekly: WeeklyCounts
    replies_owed: tuple[OwedReply, ...]
    favours_owed: tuple[OwedFavour, ...]

    @property
    def is_empty(self) -> bool:
        return self.network.total_contacts == 0


def load_network(journal: Journal, params: Parameters = DEFAULTS, step: Step | None = None) -> LoadedNetwork:
    """Read every active contact's log once and prepare it for evaluation at any date."""
    if step:
        step("Reading the journal", 0, 0)
    with journal.reading() as connection:
        logs = load_logs(connection)
    commitments = tuple(journal.ledger.commitments())
    timelines = []
    days: dict[int, dt.date] = {}
    for done, log in enumerate(logs):
        if step and done % 500 == 0:
            step("Preparing timelines", done, len(logs))
        timelines.append(build_timeline(log, params))
        for item in log.interactions:
            days[item.id] = item.date
    return LoadedNetwork(
        timelines=tuple(timelines),
        entries_per_day=dict(Counter(days.values())),
        commitments=commitments,
        names={log.contact.id: log.contact.name for log in logs},
    )


def evaluate_network(
    loaded: LoadedNetwork, as_of: dt.date, params: Parameters = DEFAULTS, step: Step | None = None
) -> NetworkHealth:
    """The model's network figures on `as_of` (the same as `compute_network` would give)."""
    weights = weights_of(params)
    thresholds = layer_thresholds(params)
    contacts = []
    total = len(loaded.timelines)
    for done, tl in enumerate(loaded.timelines):
        if step and done % 500 == 0:
            step("Evaluating relationships", done, total)
        contacts.append(evaluate(tl, as_of, params, weights=weights, thresholds=thresholds))
    return summarise_network(contacts, as_of, params)


def replies_owed(
    commitments: Sequence[CommitmentView], names: dict[int, str], as_of: dt.date
) -> tuple[OwedReply, ...]:
    """My promises open on `as_of` (made by then, not yet kept then), soonest due first."""
    owed = [
        OwedReply(c.contact_id, names[c.contact_id], c.text, c.due_date,
                  c.due_date is not None and c.due_date < as_of)
        for c in commitments
        if c.owner == "mine"
        and c.contact_id in names
        and c.created_on <= as_of
        and (c.done_date is None or c.done_date > as_of)
    ]
    owed.sort(key=lambda r: (r.due is None, r.due or as_of, r.name))
    return tuple(owed)


def favours_owed(network: NetworkHealth, limit: int = 50) -> tuple[OwedFavour, ...]:
    """People I owe a favour to, by the model's decayed giving balance, most owed first."""
    owed = [
        OwedFavour(c.contact_id, c.name, c.giving_balance)
        for c in network.contacts
        if c.giving_balance <= -OWED_FAVOUR_MIN
    ]
    owed.sort(key=lambda f: (f.balance, f.name))
    return tuple(owed[:limit])


def compute_snapshot(
    loaded: LoadedNetwork, as_of: dt.date, params: Parameters = DEFAULTS, step: Step | None = None
) -> DashboardSnapshot:
    """Every figure of the dashboard except the month-by-month history."""
    network = evaluate_network(loaded, as_of, params, step)
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
        replies_owed=replies_owed(loaded.commitments, loaded.names, as_of),
        favours_owed=favours_owed(network),
    )


def compute_history(
    loaded: LoadedNetwork,
    snapshot: DashboardSnapshot,
    months: int = HISTORY_MONTHS,
    params: Parameters = DEFAULTS,
    step: Step | None = None,
) -> DepthBreadthSeries:
    """Depth vs breadth at each month end; the last point is the snapshot's own figures."""
    earlier = network_history(loaded.timelines, month_ends(snapshot.as_of, months)[:-1], params, step)
    net = snapshot.network
    last = NetworkMoment(snapshot.as_of, net.breadth, net.depth, net.trusted)
    return DepthBreadthSeries((*earlier, last))
