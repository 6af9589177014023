"""Contact or connection: does this person know and trust me, on the evidence?

A *connection* needs all five gates (trust, health, recency, they reached out in the
last year, and at least one confiding conversation in two years); the *trusted circle*
is a connection with more of everything. A *dormant* connection still has the trust but
has let health or recency lapse: the one to reconnect with. Everyone else is a contact.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence
from math import ceil

from .parameters import Parameters


def _below(value: float, limit: float) -> int:
    """The value as shown (rounded), never shown at or above the limit it failed."""
    return min(round(value), ceil(limit) - 1)


def _any_within(days: Sequence[int], today: int, window: int) -> bool:
    """Is there a day d with today - window < d <= today?"""
    n = bisect_right(days, today)
    return n > 0 and today - days[n - 1] < window


def classify(
    *,
    trust: float,
    health: float | None,
    recency: float,
    hours: float,
    their_start_days: Sequence[int],
    deep_days: Sequence[int],
    initiative_window: int,
    today: int,
    params: Parameters,
    last_day: int | None = None,
    cadence: int | None = None,
) -> tuple[str, str]:
    """(classification, the reason in words)."""
    gates = []
    if trust < params.connection_trust:
        gates.append(f"trust {_below(trust, params.connection_trust)} is under {params.connection_trust:.0f}")
    if health is None or health < params.connection_health:
        gates.append(
            "no touches yet"
            if health is None
            else f"health {_below(health, params.connection_health)} is under {params.connection_health:.0f}"
        )
    if recency < params.connection_recency:
        gates.append(f"recency {_below(recency, params.connection_recency)} is under {params.connection_recency:.0f}")
    if not _any_within(their_start_days, today, initiative_window):
        gates.append(f"they have not reached out in {initiative_window} days")
    if not _any_within(deep_days, today, params.deep_window_days):
        gates.append(
            f"no conversation of depth {params.deep_min_depth}+ in {params.deep_window_days} days"
        )
    if not gates:
        if (
            trust >= params.trusted_trust
            and health is not None
            and health >= params.trusted_health
            and hours >= params.trusted_hours
        ):
            return "trusted", "A connection with high trust, strong health and real time together."
        return "connection", "Knows and trusts you: every connection gate passes."
    lapsed = (
        health is None or health < params.connection_health or recency < params.connection_recency
    )
    if trust >= params.dormant_trust and lapsed:
        # The badge alone reads as an error for someone seen lately: say what lapsed,
        # against what, before the gates themselves.
        silent = today - last_day if last_day is not None and today >= last_day else None
        if silent is not None and cadence is not None and silent > cadence:
            lapse = f"no contact for {silent} days against a {cadence}-day cadence"
        else:
            lapse = _join([g for g in gates if g.startswith(("health", "recency", "no touches"))])
        return (
            "dormant",
            f"Trust {trust:.0f} but {lapse} — reconnect. "
            f"(A connection needs all five gates; {_join(gates)}.)",
        )
    return "contact", f"A contact: {_join(gates)}."


def _join(parts: list[str]) -> str:
    if len(parts) == 1:
        return parts[0]
    return ", ".join(parts[:-1]) + " and " + parts[-1]
