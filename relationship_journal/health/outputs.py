"""What the model returns: plain dataclasses, ready for any view.

Treat them as read-only values. They are not `frozen` only because a frozen
dataclass takes several times longer to build, and a network pass builds some
200,000 of them.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass


@dataclass(slots=True)
class Component:
    """One part of health, with the evidence that made it."""

    name: str  # recency | frequency | consistency | depth | reciprocity | investment
    score: float  # 0-100
    weight: float
    contribution: float  # weight · score; the six sum to the health score
    display: int  # largest-remainder rounding of contribution; the six sum to display_score
    explanation: str
    # The evidence: ids in log order (arrays cut from the timeline, or a tuple of one).
    interaction_ids: Sequence[int]
    favour_ids: Sequence[int] = ()  # standalone favours used (reciprocity only)


@dataclass(slots=True)
class AskCheck:
    """One of the four checks before asking; `action` says what to do when it fails."""

    name: str  # tie | current | balance | open_ask
    passed: bool
    detail: str
    action: str | None


@dataclass(slots=True)
class AskReadiness:
    size: int  # 1 quick advice or intro, 2 a referral or an hour, 3 a job, money, a major intro
    verdict: str  # Ready | Warm up first | Not yet
    checks: tuple[AskCheck, ...]

    @property
    def failing(self) -> tuple[AskCheck, ...]:
        return tuple(c for c in self.checks if not c.passed)


@dataclass(slots=True)
class ContactHealth:
    """Everything the model says about one contact as of one day."""

    contact_id: int
    name: str
    as_of: dt.date
    circle: int
    cadence_days: int  # the T actually used
    kin: bool
    calibre: int | None
    score: float | None  # None: no touches yet ("no data")
    display_score: int | None
    band: str  # strong | steady | cooling | cold | no data
    components: tuple[Component, ...]  # in COMPONENT_NAMES order
    trust: float
    trust_evidence_for: float
    trust_evidence_against: float
    classification: str  # contact | connection | trusted | dormant
    classification_reason: str
    effective_hours: float
    recent_hours: float  # effective hours in the attention window (last 90 days)
    giving_balance: float
    last_interaction: dt.date | None
    touches_last_year: int
    observed_circle: int  # the layer the last year's touches put them in
    fade_date: dt.date | None
    fade_cause: str | None  # component that falls most by the fade date
    fade_cause_text: str | None
    asks: tuple[AskReadiness, ...]  # sizes 1, 2, 3
    estimated_minutes: int  # interactions whose duration was a default

    def component(self, name: str) -> Component:
        for c in self.components:
            if c.name == name:
                return c
        raise KeyError(name)


@dataclass(slots=True)
class CircleOccupancy:
    circle: int
    count: int  # contacts who chose this circle
    capacity: int
    observed: int  # contacts whose last year's touches put them here
    overloaded: bool  # count > 1.5 · capacity


@dataclass(slots=True)
class CircleMismatch:
    contact_id: int
    name: str
    chosen: int
    observed: int
    layers_apart: int


@dataclass(slots=True)
class Attention:
    """How concentrated the last 90 days' effective hours were."""

    total_hours: float
    top5_share: float  # 0-1
    top15_share: float
    effective_people: float  # 1 / Σ s²; 0 when nobody got any time


@dataclass(slots=True)
class FadingEntry:
    contact_id: int
    name: str
    fade_date: dt.date
    cause: str
    cause_text: str


@dataclass(slots=True)
class CalibreDepth:
    """Depth among the people the user rates as high calibre (never mixed into health)."""

    count: int
    connections: int  # connection or trusted
    trusted: int
    mean_health: float | None


@dataclass(slots=True)
class NetworkHealth:
    as_of: dt.date
    contacts: tuple[ContactHealth, ...]
    total_contacts: int
    breadth: int  # touched in the last 365 days
    depth: int  # connections (including the trusted circle)
    trusted: int
    dormant: int
    wide_deep_index: float
    verdict: str
    circles: tuple[CircleOccupancy, ...]
    circle_warnings: tuple[str, ...]
    mismatches: tuple[CircleMismatch, ...]
    attention: Attention
    fading: tuple[FadingEntry, ...]
    high_calibre: CalibreDepth
    bands: dict[str, int]
    fading_horizon_days: int = 60  # `fading` lists who falls below 50 within this many days


@dataclass(slots=True)
class TrajectoryPoint:
    date: dt.date
    score: float | None
    band: str
    components: dict[str, float]
    trust: float
    classification: str
