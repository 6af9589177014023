"""The one table of numbers the health model uses.

Every weight, cadence, threshold and band lives here, so a later version can let the
user tune them and the GUI, the PDF and the CLI can never disagree. The values come
from `design/health-model.md`; they are set from the research ranking, not fitted.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import TypeVar

K = TypeVar("K")
V = TypeVar("V")

COMPONENT_NAMES: tuple[str, ...] = (
    "recency",
    "frequency",
    "consistency",
    "depth",
    "reciprocity",
    "investment",
)


def _frozen(mapping: dict[K, V]) -> Mapping[K, V]:
    return MappingProxyType(mapping)


@dataclass(frozen=True)
class Parameters:
    """All tunable numbers of the model; `DEFAULTS` holds the documented values."""

    # Health = Σ weight · component (weights sum to 1).
    weights: Mapping[str, float] = field(
        default_factory=lambda: _frozen(
            {
                "recency": 0.20,
                "frequency": 0.15,
                "consistency": 0.10,
                "depth": 0.25,
                "reciprocity": 0.15,
                "investment": 0.15,
            }
        )
    )
    # Dunbar layer -> expected cadence T in days.
    cadence_days: Mapping[int, int] = field(
        default_factory=lambda: _frozen({5: 7, 15: 30, 50: 90, 150: 365, 500: 730})
    )
    # How many people each layer holds on its own (5, 15-5, 50-15, ...).
    circle_capacity: Mapping[int, int] = field(
        default_factory=lambda: _frozen({5: 5, 15: 10, 50: 35, 150: 100, 500: 350})
    )
    channel_weight: Mapping[str, float] = field(
        default_factory=lambda: _frozen(
            {
                "in_person": 1.0,
                "video": 0.8,
                "call": 0.7,
                "voice_note": 0.5,
                "message": 0.4,
                "email": 0.3,
                "reaction": 0.1,
            }
        )
    )
    kind_channel: Mapping[str, str] = field(
        default_factory=lambda: _frozen(
            {
                "meeting": "in_person",
                "social": "in_person",
                "event": "in_person",
                "video": "video",
                "call": "call",
                "message": "message",
                "email": "email",
            }
        )
    )
    # Minutes assumed when an entry has no duration (shown as "estimated").
    default_minutes: Mapping[str, int] = field(
        default_factory=lambda: _frozen(
            {
                "meeting": 60,
                "social": 120,
                "event": 120,
                "video": 30,
                "call": 20,
                "message": 3,
                "email": 5,
            }
        )
    )
    mutual_share: float = 0.5  # a "mutual" start is half an initiative for each side
    group_free_size: int = 4  # g = 1 up to this many people, else size / n
    touch_min_weight: float = 0.3
    recency_half_life_factor: float = 2.408  # H = factor · T: 75 at T, 10 at 8T
    kin_recency_multiplier: float = 2.0
    frequency_window_cadences: int = 4
    frequency_window_max_days: int = 730
    consistency_touches: int = 13
    shrink_weight: float = 3.0  # pseudo-observations pulling toward 50
    depth_window: int = 12
    depth_prior_numerator: float = 0.5
    depth_prior_denominator: float = 2.0
    reciprocity_window: int = 12
    investment_yearly_retention: float = 0.85
    investment_full_hours: float = 200.0
    bands: tuple[tuple[float, str], ...] = ((70.0, "strong"), (50.0, "steady"), (30.0, "cooling"))
    lowest_band: str = "cold"
    no_data_band: str = "no data"
    # Trust: beta reputation with forgetting.
    trust_half_life_days: int = 365
    trust_half_life_days_kin: int = 730
    trust_negative_weight: float = 3.0
    # Contact or connection.
    connection_trust: float = 75.0
    connection_health: float = 50.0
    connection_recency: float = 25.0
    initiative_window_days: int = 365
    initiative_window_days_kin: int = 730
    deep_window_days: int = 730
    deep_min_depth: int = 4
    trusted_trust: float = 80.0
    trusted_health: float = 70.0
    trusted_hours: float = 50.0
    dormant_trust: float = 60.0
    # Ask readiness.
    ask_small_trust: float = 60.0
    ask_trust_base: float = 70.0
    ask_trust_step: float = 10.0
    ask_recency: float = 75.0
    giving_half_life_days: int = 180
    open_ask_window_days: int = 90
    open_ask_clearing_interactions: int = 2
    # Network.
    fade_threshold: float = 50.0
    fade_horizon_days: int = 730  # how far ahead each person's own fade date is searched
    # The Fading list: who falls below 50 within this many days (a preference). "One
    # cadence ahead" reached two years out for outer circles, which read as noise.
    fading_horizon_days: int = 60
    fading_circles_up_to: int = 50
    overload_factor: float = 1.5
    circle_mismatch_layers: int = 2
    breadth_window_days: int = 365
    attention_window_days: int = 90
    wide_deep_verdicts: tuple[tuple[float, str], ...] = (
        (0.5, "deep"),
        (1.0, "typical"),
        (1.5, "wide"),
    )
    widest_verdict: str = "a mile wide and an inch deep"
    high_calibre_min: int = 4

    def cadence_for(self, circle: int, cadence_days: int | None) -> int:
        """The contact's own cadence wins over the layer's."""
        if cadence_days is not None and cadence_days > 0:
            return cadence_days
        return self.cadence_days[circle]

    def band_for(self, score: float | None) -> str:
        if score is None:
            return self.no_data_band
        for floor, name in self.bands:
            if score >= floor:
                return name
        return self.lowest_band


DEFAULTS = Parameters()
CIRCLES: tuple[int, ...] = (5, 15, 50, 150, 500)
