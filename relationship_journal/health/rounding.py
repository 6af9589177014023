"""Whole numbers for display that add up (largest-remainder rounding).

If each part were rounded on its own, "20 + 19 + 8 + 13 + 11 + 9" could show a total
of 79 next to parts summing to 80; the user would rightly distrust the gauge.
"""

from __future__ import annotations

from collections.abc import Sequence
from math import floor


def round_half_up(value: float) -> int:
    return floor(value + 0.5)


def largest_remainder(values: Sequence[float]) -> tuple[list[int], int]:
    """(integer parts, displayed total): the parts sum to the total, which is the
    total rounded half up; leftover units go to the largest remainders, ties to the first."""
    total = 0.0
    for v in values:
        total += v
    shown = round_half_up(total)
    parts = [floor(v) for v in values]
    left = shown - sum(parts)
    if left > 0:
        minus_remainder = [p - v for p, v in zip(parts, values, strict=True)]
        # A stable sort on the negated remainder: largest first, ties in order.
        for i in sorted(range(len(values)), key=minus_remainder.__getitem__)[:left]:
            parts[i] += 1
    return parts, shown
