"""The six parts of health, each 0-100, computed from a sorted timeline.

Each function takes the timeline, how many of its entries are on or before `as_of`
(found once by bisection) and the day number of `as_of`, and returns the score with
the figures its explanation needs. The small `*_score` helpers are shared with the
fade-date search, which must reproduce these numbers to the last bit.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from math import log, sqrt

from .decay import Decay
from .timeline import Timeline


def recency_score(weight: float, delta: int, half_life: float) -> float:
    """100 · w · 2^(-Δ/H)."""
    factor: float = 0.5 ** (delta / half_life)
    return 100.0 * (weight * factor)


def recency(tl: Timeline, k: int, today: int) -> tuple[float, int]:
    """100 · max w · 2^(-Δ/H); returns (score, index of the interaction that set it or -1).

    Scans from the newest entry back and stops once even a full-weight entry that old
    could not win, so it usually reads one or two entries.
    """
    days = tl.days
    weights = tl.weights
    half = tl.recency_half_life
    best = 0.0
    best_i = -1
    i = k - 1
    while i >= 0:
        factor = 0.5 ** ((today - days[i]) / half)
        if factor <= best:
            break
        value = weights[i] * factor
        if value > best:
            best = value
            best_i = i
        i -= 1
    if best_i < 0:
        return 0.0, -1
    return recency_score(weights[best_i], today - days[best_i], half), best_i


def frequency_score(total: float, expected: float) -> float:
    """100 · min(1, touch weight / expected touches): pinging more earns nothing."""
    return 100.0 * min(1.0, total / expected)


def frequency(tl: Timeline, kt: int, today: int) -> tuple[float, int, float]:
    """Touch weight in the window against the cadence; returns (score, first touch index, sum)."""
    window = tl.window
    touch_days = tl.touch_days
    touch_weights = tl.touch_weights
    total = 0.0
    i = kt - 1
    while i >= 0 and today - touch_days[i] < window:
        total += touch_weights[i]  # newest first: the fade search adds them in this order too
        i -= 1
    return frequency_score(total, tl.expected), i + 1, total


def consistency(tl: Timeline, kt: int) -> tuple[float, int, float | None]:
    """Kim-Jo burstiness of the gaps between the last 13 touches, shrunk toward 50.

    Returns (score, number of gaps, burstiness A or None when under two gaps).
    """
    params = tl.context.params
    start = max(0, kt - params.consistency_touches)
    n = kt - start - 1
    if n < 2:
        return 50.0, max(n, 0), None
    touch_days = tl.touch_days
    gaps = [touch_days[j + 1] - touch_days[j] for j in range(start, kt - 1)]
    mean = sum(gaps) / n
    var = 0.0
    for g in gaps:
        var += (g - mean) * (g - mean)
    r = sqrt(var / n) / mean  # population σ: r reaches √(n-1) when one gap holds all the time
    root_up = sqrt(n + 1)
    root_down = sqrt(n - 1)
    burst = (root_up * r - root_down) / ((root_up - 2.0) * r + root_down)
    burst = min(1.0, max(-1.0, burst))
    raw = 100.0 * (1.0 - burst) / 2.0
    prior = params.shrink_weight
    return (n * raw + prior * 50.0) / (n + prior), n, burst


def depth(tl: Timeline, k: int) -> tuple[float, int, float]:
    """100 · (Σ w·q + 0.5) / (Σ w + 2) over the last 12 interactions, q = (depth - 1) / 4.

    Returns (score, first index of the window, weighted mean depth on the 1-5 scale).
    """
    params = tl.context.params
    start = max(0, k - params.depth_window)
    weights = tl.weights
    depths = tl.depths
    wq = 0.0
    ws = 0.0
    for i in range(start, k):
        w = weights[i]
        wq += w * ((depths[i] - 1) / 4)
        ws += w
    score = 100.0 * (wq + params.depth_prior_numerator) / (ws + params.depth_prior_denominator)
    mean = 1.0 + 4.0 * wq / ws if ws > 0 else 0.0
    return score, start, mean


def reciprocity_favour_range(tl: Timeline, k: int, start: int, today: int) -> tuple[int, int]:
    """Standalone favours inside the reciprocity window: [lo, hi) into the favour lists.

    The window starts at the day of the oldest of the last 12 interactions; with fewer
    than 12 interactions it is the whole history.
    """
    favour_days = tl.favour_days
    hi = bisect_right(favour_days, today)
    if k - start >= tl.context.params.reciprocity_window:
        lo = bisect_left(favour_days, tl.days[start], 0, hi)
    else:
        lo = 0
    return lo, hi


def reciprocity(
    tl: Timeline, k: int, today: int
) -> tuple[float, int, float, float, int, int, int, int]:
    """Long-run balance of initiative and favours over the last 12 interactions.

    Initiative is symmetric (always starting it yourself is a sign too); favours never
    penalise giving. Returns (score, window start, me, them, given, received, favour lo, hi).
    """
    ctx = tl.context
    params = ctx.params
    my_share = ctx.my_share
    their_share = ctx.their_share
    start = max(0, k - params.reciprocity_window)
    me = 0.0
    them = 0.0
    given = 0
    received = 0
    for starter in tl.starters[start:k]:
        me += my_share.get(starter, 0.0)
        them += their_share.get(starter, 0.0)
    for g in tl.given[start:k]:
        given += g
    for r in tl.received[start:k]:
        received += r
    lo, hi = 0, 0
    if tl.favour_days:
        lo, hi = reciprocity_favour_range(tl, k, start, today)
        if hi > lo:
            given += sum(tl.favour_given[lo:hi])
            received += sum(tl.favour_received[lo:hi])
    n = k - start
    if n == 0:
        return 50.0, start, me, them, given, received, lo, hi
    p = (them + 1.0) / (me + them + 2.0)
    initiative = 100.0 * (1.0 - abs(2.0 * p - 1.0))
    favours = 100.0 * min(1.0, sqrt((given + 1.0) / (received + 1.0)))
    raw = (initiative + favours) / 2.0
    prior = params.shrink_weight
    return (n * raw + prior * 50.0) / (n + prior), start, me, them, given, received, lo, hi


def investment_score(hours: float, log_full: float) -> float:
    """100 · min(1, ln(1 + h) / ln(1 + 200)); `log_full` is ln(1 + full hours)."""
    return 100.0 * min(1.0, log(1.0 + hours) / log_full)


def investment_hours(total: float, delta: int, table: Decay) -> float:
    """Effective hours `delta` days after the last timed interaction whose sum is `total`."""
    factors = table.table
    return total * (factors[delta] if delta < len(factors) else table.factor(delta))


def investment_total(tl: Timeline, kh: int) -> float:
    """Σ hours·w·0.85^(years before the last timed interaction), for the first kh entries.

    Anchoring the forgetting at the last timed interaction makes effective hours at any
    later day one multiplication away, which the fade-date search exploits.
    """
    if kh == 0:
        return 0.0
    hour_days = tl.hour_days
    values = tl.hour_values
    anchor = hour_days[kh - 1]
    table = tl.context.investment
    factors = table.table
    total = 0.0
    if anchor - hour_days[0] < len(factors):
        for i in range(kh):
            total += values[i] * factors[anchor - hour_days[i]]
    else:
        factor = table.factor
        for i in range(kh):
            total += values[i] * factor(anchor - hour_days[i])
    return total


def investment(tl: Timeline, kh: int, today: int) -> tuple[float, float, float]:
    """Time together with forgetting; returns (score, effective hours, anchored total)."""
    if kh == 0:
        return 0.0, 0.0, 0.0
    ctx = tl.context
    total = investment_total(tl, kh)
    hours = investment_hours(total, today - tl.hour_days[kh - 1], ctx.investment)
    return investment_score(hours, ctx.investment_log_full), hours, total


def combine(scores: tuple[float, ...], weights: tuple[float, ...]) -> tuple[list[float], float]:
    """Contributions and their sum, always added in the same order (bit-identical totals)."""
    contributions = [w * s for w, s in zip(weights, scores, strict=True)]
    total = 0.0
    for c in contributions:
        total += c
    return contributions, total
