"""Trust: evidence that they know and trust me, as a beta reputation with forgetting.

Trust = 100 · (e⁺ + 1) / (e⁺ + e⁻ + 2) (Jøsang & Ismail 2002). Every piece of
evidence fades with f = 2^(-Δ/365) (730 days for kin), so old evidence drifts back to
50, "unknown". A declined or ignored ask weighs three times a good sign (Slovic 1993:
trust is destroyed faster than built).
"""

from __future__ import annotations

from bisect import bisect_right

from .decay import half_life
from .parameters import Parameters
from .timeline import Timeline


def _faded_sum(days: list[int], amounts: list[float], today: int, period: int) -> float:
    n = bisect_right(days, today)
    if n == 0:
        return 0.0
    table = half_life(period)
    factors = table.table
    total = 0.0
    if today - days[0] < len(factors):
        for i in range(n):
            total += amounts[i] * factors[today - days[i]]
    else:
        factor = table.factor
        for i in range(n):
            total += amounts[i] * factor(today - days[i])
    return total


def trust_evidence(tl: Timeline, today: int) -> tuple[float, float]:
    """(e⁺, e⁻) as of `today`: both only fall while nothing new is logged."""
    period = tl.trust_half_life
    positive = _faded_sum(tl.evidence_days, tl.evidence, today, period)
    if tl.extra_positive_days:
        positive += _faded_sum(tl.extra_positive_days, tl.extra_positive, today, period)
    negative = _faded_sum(tl.negative_days, tl.negative, today, period) if tl.negative_days else 0.0
    return positive, negative


def trust_score(positive: float, negative: float) -> float:
    return 100.0 * (positive + 1.0) / (positive + negative + 2.0)


def giving_balance(tl: Timeline, today: int, params: Parameters) -> float:
    """Σ 2^(-Δ/180) · (given - received): what I have put in lately, net (Flynn 2003)."""
    period = params.giving_half_life_days
    balance = _faded_sum(tl.ledger_days, tl.ledger_net, today, period)
    if tl.extra_ledger_days:
        balance += _faded_sum(tl.extra_ledger_days, tl.extra_ledger_net, today, period)
    return balance
