"""Trust: evidence that they know and trust me, as a beta reputation with forgetting.

Trust = 100 · (e⁺ + 1) / (e⁺ + e⁻ + 2) (Jøsang & Ismail 2002). Every piece of
evidence fades with f = 2^(-Δ/365) (730 days for kin), so old evidence drifts back to
50, "unknown". A declined or ignored ask weighs three times a good sign (Slovic 1993:
trust is destroyed faster than built).
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence

from .decay import Decay
from .timeline import Timeline


def faded_sum(days: Sequence[int], amounts: Sequence[float], today: int, table: Decay) -> float:
    """Σ amount · factor(today - day) over the entries on or before `today`."""
    n = bisect_right(days, today)
    if n == 0:
        return 0.0
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
    table = tl.trust_decay
    positive = faded_sum(tl.evidence_days, tl.evidence, today, table)
    if tl.extra_positive_days:
        positive += faded_sum(tl.extra_positive_days, tl.extra_positive, today, table)
    negative = faded_sum(tl.negative_days, tl.negative, today, table) if tl.negative_days else 0.0
    return positive, negative


def trust_score(positive: float, negative: float) -> float:
    return 100.0 * (positive + 1.0) / (positive + negative + 2.0)


def giving_balance(tl: Timeline, today: int) -> float:
    """Σ 2^(-Δ/180) · (given - received): what I have put in lately, net (Flynn 2003)."""
    table = tl.context.giving
    balance = faded_sum(tl.ledger_days, tl.ledger_net, today, table)
    if tl.extra_ledger_days:
        balance += faded_sum(tl.extra_ledger_days, tl.extra_ledger_net, today, table)
    return balance
