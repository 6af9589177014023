"""Depth and breadth month by month, recomputed from the log (never stored).

Evaluating the whole network at 24 month ends would cost 24 full passes; instead each
timeline is built once and only people who *could* be connections on a given day are
evaluated there. A connection needs a conversation of depth 4+ in the deep window and
an initiative of theirs in the initiative window (the model's own gates, read from
the timeline's gate days), so anyone without both cannot be one and is skipped; the
classification itself is always the model's. Plain Python: runs on a worker thread.
"""

from __future__ import annotations

import datetime as dt
from bisect import bisect_right
from collections.abc import Callable, Sequence

from relationship_journal.health import DEFAULTS, Parameters
from relationship_journal.health.contact import evaluate, weights_of
from relationship_journal.health.layers import layer_thresholds
from relationship_journal.health.timeline import Timeline
from relationship_journal.reports.chart_series import NetworkMoment

CONNECTED = frozenset({"connection", "trusted"})
Step = Callable[[str, int, int], None]


def _any_within(days: list[int], today: int, window: int) -> bool:
    n = bisect_right(days, today)
    return n > 0 and today - days[n - 1] < window


def touched_within(tl: Timeline, today: int, window: int) -> bool:
    """A touch in (today - window, today]: the model's test for counting in breadth."""
    return _any_within(tl.touch_days, today, window)


def could_be_connection(tl: Timeline, today: int, params: Parameters = DEFAULTS) -> bool:
    """Both evidence gates of a connection are open on `today` (necessary, not sufficient)."""
    return _any_within(tl.deep_days, today, params.deep_window_days) and _any_within(
        tl.their_start_days, today, tl.initiative_window
    )


def network_moment(
    timelines: Sequence[Timeline], day: dt.date, params: Parameters = DEFAULTS
) -> NetworkMoment:
    """Breadth, connections and trusted circle as the network stood on `day`."""
    today = day.toordinal()
    weights = weights_of(params)
    thresholds = layer_thresholds(params)
    breadth = connections = trusted = 0
    for tl in timelines:
        if touched_within(tl, today, params.breadth_window_days):
            breadth += 1
        if could_be_connection(tl, today, params):
            kind = evaluate(tl, day, params, weights=weights, thresholds=thresholds).classification
            if kind in CONNECTED:
                connections += 1
                trusted += kind == "trusted"
    return NetworkMoment(day, breadth, connections, trusted)


def network_history(
    timelines: Sequence[Timeline],
    days: Sequence[dt.date],
    params: Parameters = DEFAULTS,
    step: Step | None = None,
) -> list[NetworkMoment]:
    """One `NetworkMoment` per day in `days` (typically month ends), in the same order."""
    moments = []
    for done, day in enumerate(days):
        if step is not None:
            step(f"Network history: {day:%B %Y}", done, len(days))
        moments.append(network_moment(timelines, day, params))
    return moments
