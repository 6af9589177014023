"""Which Dunbar layer a contact actually lives in, judged by last year's touches."""

from __future__ import annotations

from math import sqrt

from .parameters import CIRCLES, Parameters


def layer_thresholds(params: Parameters) -> list[tuple[float, int]]:
    """Touches per year needed for each inner layer: the log-midpoint between its cadence
    and the next layer's (weekly vs monthly → about 25 a year)."""
    found = []
    for inner, outer in zip(CIRCLES, CIRCLES[1:], strict=False):
        midpoint = sqrt(params.cadence_days[inner] * params.cadence_days[outer])
        found.append((365.0 / midpoint, inner))
    return found


def observed_circle(touches_last_year: int, thresholds: list[tuple[float, int]]) -> int:
    """The layer whose cadence is nearest (on a log scale) to the lived one.

    Weekly touches → 5, monthly → 15, every few months → 50, once or twice a year → 150,
    none → 500.
    """
    if touches_last_year <= 0:
        return CIRCLES[-1]
    for needed, circle in thresholds:
        if touches_last_year >= needed:
            return circle
    return CIRCLES[-2]


def layers_apart(a: int, b: int) -> int:
    return abs(CIRCLES.index(a) - CIRCLES.index(b))
