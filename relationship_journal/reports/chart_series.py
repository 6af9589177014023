"""The numbers behind the network charts, as plain Python (no Qt).

The dashboard and the PDF reports draw the same four charts; both get their series
from here, so the figures on screen and on paper are one computation, and tests can
check the numbers without a display.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass

from relationship_journal.health import month_ends
from relationship_journal.journal.vocabulary import CIRCLE_NAMES

CIRCLE_LABELS: Mapping[int, str] = {
    **{circle: name.capitalize() for circle, name in CIRCLE_NAMES.items()},
    500: "Acquaint.",  # "acquaintance" is too wide for its bar on a small chart
}
HEALTH_BIN_WIDTH = 10
BAND_FLOORS: tuple[tuple[float, str], ...] = ((70.0, "strong"), (50.0, "steady"), (30.0, "cooling"))


# -- depth vs breadth ---------------------------------------------------------------
@dataclass(frozen=True)
class NetworkMoment:
    """The network's size and depth as it stood on one day."""

    day: dt.date
    breadth: int  # people touched in the 365 days before `day`
    connections: int  # people who know and trust me
    trusted: int  # the trusted circle


@dataclass(frozen=True)
class DepthBreadthSeries:
    moments: tuple[NetworkMoment, ...]

    @property
    def days(self) -> list[dt.date]:
        return [m.day for m in self.moments]

    @property
    def breadth(self) -> list[int]:
        return [m.breadth for m in self.moments]

    @property
    def connections(self) -> list[int]:
        return [m.connections for m in self.moments]

    @property
    def trusted(self) -> list[int]:
        return [m.trusted for m in self.moments]

    @property
    def is_empty(self) -> bool:
        return all(m.breadth == 0 and m.connections == 0 for m in self.moments)


def depth_breadth_series(
    as_of: dt.date,
    network_at: Callable[[dt.date], NetworkMoment],
    months: int = 24,
) -> DepthBreadthSeries:
    """Evaluate the network at each month end; `network_at` is the health model's view."""
    return DepthBreadthSeries(tuple(network_at(day) for day in month_ends(as_of, months)))


# -- circle occupancy ------------------------------------------------------------------
@dataclass(frozen=True)
class CircleOccupancy:
    circle: int
    label: str
    count: int
    capacity: int
    overloaded: bool  # more than `overload_factor` times the layer's capacity

    @property
    def ratio(self) -> float:
        return self.count / self.capacity if self.capacity else 0.0


def circle_occupancy(
    counts: Mapping[int, int],
    capacity: Mapping[int, int],
    overload_factor: float = 1.5,
) -> list[CircleOccupancy]:
    """One bar per Dunbar layer, innermost first, flagged when over `overload_factor`×."""
    return [
        CircleOccupancy(
            circle=circle,
            label=CIRCLE_LABELS.get(circle, str(circle)),
            count=int(counts.get(circle, 0)),
            capacity=int(cap),
            overloaded=int(counts.get(circle, 0)) > overload_factor * cap,
        )
        for circle, cap in sorted(capacity.items())
    ]


def count_circles(circles: Iterable[int]) -> dict[int, int]:
    """How many people sit in each chosen circle."""
    return dict(Counter(circles))


# -- health distribution ------------------------------------------------------------------
@dataclass(frozen=True)
class HealthHistogram:
    edges: tuple[int, ...]  # bin edges 0, 10, ..., 100; the last bin includes 100
    counts: tuple[int, ...]
    bands: tuple[str, ...]  # the band of each bin, for its colour
    no_data: int  # people with no touches at all: shown apart, never as 0

    @property
    def total(self) -> int:
        return sum(self.counts) + self.no_data


def band_of(score: float, floors: Sequence[tuple[float, str]] = BAND_FLOORS) -> str:
    for floor, name in floors:
        if score >= floor:
            return name
    return "cold"


def health_histogram(
    scores: Iterable[float | None],
    bin_width: int = HEALTH_BIN_WIDTH,
    floors: Sequence[tuple[float, str]] = BAND_FLOORS,
) -> HealthHistogram:
    """Count health scores in bins of `bin_width`; None (no data) is counted apart."""
    if bin_width <= 0 or 100 % bin_width:
        raise ValueError("bin_width must divide 100")
    bins = 100 // bin_width
    counts = [0] * bins
    no_data = 0
    for score in scores:
        if score is None:
            no_data += 1
            continue
        index = min(bins - 1, max(0, int(score // bin_width)))
        counts[index] += 1
    edges = tuple(range(0, 101, bin_width))
    bands = tuple(band_of(edges[i], floors) for i in range(bins))
    return HealthHistogram(edges, tuple(counts), bands, no_data)


# -- interactions per week --------------------------------------------------------------
@dataclass(frozen=True)
class WeeklyCounts:
    week_starts: tuple[dt.date, ...]  # Mondays, oldest first; the last week is partial
    counts: tuple[int, ...]

    @property
    def total(self) -> int:
        return sum(self.counts)

    @property
    def average(self) -> float:
        return self.total / len(self.counts) if self.counts else 0.0


def interactions_per_week(
    per_day: Mapping[dt.date, int] | Iterable[dt.date],
    as_of: dt.date,
    weeks: int = 52,
) -> WeeklyCounts:
    """Entries per calendar week (Monday first) for the `weeks` weeks ending with as_of's.

    Takes either a day -> count mapping (what the journal's reader returns) or the
    entries' dates; entries after `as_of` are ignored, as everywhere in the model.
    """
    if weeks < 1:
        raise ValueError("weeks must be at least 1")
    this_monday = as_of - dt.timedelta(days=as_of.weekday())
    first_monday = this_monday - dt.timedelta(weeks=weeks - 1)
    counts = [0] * weeks
    items = per_day.items() if isinstance(per_day, Mapping) else ((d, 1) for d in per_day)
    for day, count in items:
        if first_monday <= day <= as_of:
            counts[(day - first_monday).days // 7] += count
    starts = tuple(first_monday + dt.timedelta(weeks=i) for i in range(weeks))
    return WeeklyCounts(starts, tuple(counts))
