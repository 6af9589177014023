"""Exponential forgetting, tabulated per whole day.

The model raises a decay base to a day count hundreds of thousands of times per
network; looking the factor up is several times faster than `**`. The table holds
exactly the values the formula gives, so a lookup and a direct computation agree to
the last bit (the fade-date search relies on that), and every reader falls back to the
formula past the table's end. The table grows to the span a log needs (`cover`), so
one person's figures never pay for tabulating a century.
"""

from __future__ import annotations

from threading import Lock

_TABLE_DAYS = 36_600  # a century of days; older evidence falls back to the formula


class Decay:
    """factor(Δ) = base ** (Δ / period) for whole days Δ >= 0."""

    __slots__ = ("base", "period", "table", "_growing")

    def __init__(self, base: float, period: float) -> None:
        self.base = base
        self.period = period
        self.table: list[float] = []
        self._growing = Lock()

    def cover(self, days: int) -> None:
        """Tabulate the factors for 0..days (up to a century); the list only ever grows,
        in one step, so a reader on another thread sees a valid prefix."""
        want = min(days + 1, _TABLE_DAYS)
        if len(self.table) >= want:
            return
        with self._growing:
            have = len(self.table)
            if have < want:
                base, period = self.base, self.period
                self.table.extend([base ** (d / period) for d in range(have, want)])

    def factor(self, delta: int) -> float:
        if delta < _TABLE_DAYS:
            return self.table[delta]
        value: float = self.base ** (delta / self.period)
        return value


_cache: dict[tuple[float, float], Decay] = {}


def decay(base: float, period: float) -> Decay:
    """A shared table for this base and period (built on first use)."""
    key = (base, period)
    found = _cache.get(key)
    if found is None:
        found = _cache[key] = Decay(base, period)
    return found


def half_life(days: float) -> Decay:
    """Halves every `days` days: 2 ** (-Δ / days)."""
    return decay(0.5, days)
