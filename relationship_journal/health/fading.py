"""The fade date: the first day health drops below 50 if nothing new happens.

In silence only recency, frequency and investment move; depth, consistency and
reciprocity are count-based and stay put. Each moving part has a closed form in the
number of silent days (one power, one bisection, one multiplication), so the search
never rereads the log. The closed forms are the very expressions the full
computation uses, added in the same order, so the day found satisfies
health(d - 1) >= 50 > health(d) exactly as the full computation reports it. Health
only falls in silence, which makes bisection valid.
"""

from __future__ import annotations

import datetime as dt
from bisect import bisect_right
from math import log

from .components import frequency_score, investment_hours, investment_score, recency_score
from .explain import fade_cause_text
from .timeline import Timeline

_MOVING = ((0, "recency"), (1, "frequency"), (5, "investment"))


class SilentHealth:
    """Health `x` days after `today` if no new interaction is logged."""

    __slots__ = (
        "today",
        "scores",
        "weights",
        "fixed",
        "best_weight",
        "best_day",
        "half_life",
        "touch_days",
        "first_touch",
        "kt",
        "window",
        "expected",
        "prefix",
        "total_hours",
        "anchor",
        "decay",
        "log_full",
    )

    def __init__(
        self,
        tl: Timeline,
        today: int,
        kt: int,
        kh: int,
        best_index: int,
        first_touch: int,
        total_hours: float,
        scores: tuple[float, ...],
    ) -> None:
        ctx = tl.context
        weights = ctx.weights
        self.today = today
        self.scores = scores
        self.weights = weights
        # Contributions of the parts silence cannot move, exactly as `combine` makes them.
        self.fixed = (weights[2] * scores[2], weights[3] * scores[3], weights[4] * scores[4])
        self.best_weight = tl.weights[best_index] if best_index >= 0 else 0.0
        self.best_day = tl.days[best_index] if best_index >= 0 else None
        self.half_life = tl.recency_half_life
        self.touch_days = tl.touch_days
        self.first_touch = first_touch
        self.kt = kt
        self.window = tl.window
        self.expected = tl.expected
        prefix = [0.0]
        total = 0.0
        touch_weights = tl.touch_weights
        for i in range(kt - 1, first_touch - 1, -1):  # newest first, as `frequency` adds them
            total += touch_weights[i]
            prefix.append(total)
        self.prefix = prefix
        self.total_hours = total_hours
        self.anchor = tl.hour_days[kh - 1] if kh else None
        self.decay = ctx.investment
        self.log_full = ctx.investment_log_full

    def moving_scores(self, x: int) -> tuple[float, float, float]:
        """(recency, frequency, investment) after `x` silent days."""
        day = self.today + x
        if self.best_day is None:
            recency = 0.0
        else:
            recency = recency_score(self.best_weight, day - self.best_day, self.half_life)
        count = self.kt - bisect_right(
            self.touch_days, day - self.window, self.first_touch, self.kt
        )
        frequency = frequency_score(self.prefix[count], self.expected)
        if self.anchor is None:
            investment = 0.0
        else:
            hours = investment_hours(self.total_hours, day - self.anchor, self.decay)
            investment = investment_score(hours, self.log_full)
        return recency, frequency, investment

    def health_at(self, x: int) -> float:
        """`moving_scores` and `combine` inlined (this runs ~10 times per contact): the
        expressions are character for character those of the helpers."""
        day = self.today + x
        if self.best_day is None:
            recency = 0.0
        else:
            recency = 100.0 * (self.best_weight * 0.5 ** ((day - self.best_day) / self.half_life))
        kt = self.kt
        count = kt - bisect_right(self.touch_days, day - self.window, self.first_touch, kt)
        frequency = 100.0 * min(1.0, self.prefix[count] / self.expected)
        if self.anchor is None:
            investment = 0.0
        else:
            delta = day - self.anchor
            factors = self.decay.table
            hours = self.total_hours * (
                factors[delta] if delta < len(factors) else self.decay.factor(delta)
            )
            investment = 100.0 * min(1.0, log(1.0 + hours) / self.log_full)
        w = self.weights
        c2, c3, c4 = self.fixed
        # The order of additions of `combine`: ((((r + f) + c) + d) + p) + i.
        return w[0] * recency + w[1] * frequency + c2 + c3 + c4 + w[5] * investment


def fade_date(
    silent: SilentHealth, threshold: float, horizon: int
) -> tuple[dt.date, str, str] | None:
    """(day, cause, cause in words), or None if health stays at or above the threshold
    for the whole horizon. The caller has checked that health today is at least 50."""
    hi = horizon
    health_at = silent.health_at
    if health_at(hi) >= threshold:
        return None
    lo = 0
    while hi - lo > 1:
        mid = (lo + hi) // 2
        if health_at(mid) < threshold:
            hi = mid
        else:
            lo = mid
    after = silent.moving_scores(hi)
    before = silent.scores
    weights = silent.weights
    best = None
    for j, (index, name) in enumerate(_MOVING):
        drop = weights[index] * (before[index] - after[j])
        if best is None or drop > best[0]:
            best = (drop, index, name, after[j])
    assert best is not None
    _drop, index, cause, value = best
    last_contact = silent.best_day if silent.best_day is not None else silent.today
    text = fade_cause_text(cause, before[index], value, silent.today + hi - last_contact)
    return dt.date.fromordinal(silent.today + hi), cause, text
