"""What one `Parameters` table implies, worked out once and shared by every contact.

A network pass evaluates ten thousand contacts with the same parameters; the
weights tuple, decay tables and layer thresholds are derived here once instead of on
every call. Contexts are cached per `Parameters` object (and keep it alive, so an id
is never reused while its context is cached).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from math import log
from typing import Any

from .decay import Decay, decay, half_life
from .layers import layer_thresholds
from .parameters import COMPONENT_NAMES, Parameters


@dataclass(slots=True, eq=False)
class Context:
    params: Parameters
    weights: tuple[float, ...]
    thresholds: list[tuple[float, int]]
    kind_channel: dict[str, str]
    channel_weight: dict[str, float]
    default_minutes: dict[str, int]
    investment: Decay  # 0.85 per year
    investment_log_full: float  # ln(1 + 200)
    giving: Decay
    trust: Decay
    trust_kin: Decay
    my_share: dict[str, float]  # initiative credited to me, by initiated_by
    their_share: dict[str, float]
    memo: dict[Any, Any] = field(default_factory=dict)  # shared read-only output pieces

    def cover(self, days: int) -> None:
        """Make every decay table reach `days` days back (see `Decay.cover`)."""
        for table in (self.investment, self.giving, self.trust, self.trust_kin):
            table.cover(days)


_contexts: dict[int, Context] = {}
_MAX_CONTEXTS = 16


def context_for(params: Parameters) -> Context:
    found = _contexts.get(id(params))
    if found is not None and found.params is params:
        return found
    if len(_contexts) >= _MAX_CONTEXTS:
        _contexts.clear()
    made = Context(
        params=params,
        weights=tuple(params.weights[name] for name in COMPONENT_NAMES),
        thresholds=layer_thresholds(params),
        kind_channel=dict(params.kind_channel),
        channel_weight=dict(params.channel_weight),
        default_minutes=dict(params.default_minutes),
        investment=decay(params.investment_yearly_retention, 365.0),
        investment_log_full=log(1.0 + params.investment_full_hours),
        giving=half_life(params.giving_half_life_days),
        trust=half_life(params.trust_half_life_days),
        trust_kin=half_life(params.trust_half_life_days_kin),
        my_share={"me": 1.0, "mutual": params.mutual_share},
        their_share={"them": 1.0, "mutual": params.mutual_share},
    )
    _contexts[id(params)] = made
    return made
