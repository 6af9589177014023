"""Health through time: the model is a pure function of `as_of`, so history is just
the same computation at earlier dates (nothing is stored, nothing drifts)."""

from __future__ import annotations

import datetime as dt

from .contact import evaluate
from .inputs import ContactLog
from .outputs import TrajectoryPoint
from .parameters import DEFAULTS, Parameters
from .timeline import build_timeline


def month_ends(as_of: dt.date, months: int) -> list[dt.date]:
    """The last days of the `months - 1` previous months, then `as_of` (this month so far)."""
    points = [as_of]
    first = as_of.replace(day=1)
    for _ in range(months - 1):
        end = first - dt.timedelta(days=1)
        points.append(end)
        first = end.replace(day=1)
    points.reverse()
    return points


def trajectory(
    log: ContactLog, as_of: dt.date, months: int = 12, params: Parameters = DEFAULTS
) -> tuple[TrajectoryPoint, ...]:
    """Health and its parts at each month end over the last `months` months, oldest first."""
    tl = build_timeline(log, params)
    result = []
    for day in month_ends(as_of, months):
        h = evaluate(tl, day)
        result.append(
            TrajectoryPoint(
                date=day,
                score=h.score,
                band=h.band,
                components={c.name: c.score for c in h.components},
                trust=h.trust,
                classification=h.classification,
            )
        )
    return tuple(result)
