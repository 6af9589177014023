"""The network as a whole: how wide, how deep, where attention goes, who is fading.

`summarise_network` works from per-contact results alone, so the GUI can recompute
one contact after an edit, swap it into its list and re-summarise in milliseconds.
"""

from __future__ import annotations

import datetime as dt
import gc
from collections.abc import Iterable, Sequence
from math import log10

from .contact import evaluate
from .inputs import ContactLog
from .layers import layers_apart
from .outputs import (
    Attention,
    CalibreDepth,
    CircleMismatch,
    CircleOccupancy,
    ContactHealth,
    FadingEntry,
    NetworkHealth,
)
from .parameters import CIRCLES, DEFAULTS, Parameters
from .timeline import build_timeline

CONNECTED = frozenset({"connection", "trusted"})


def compute_network(
    logs: Iterable[ContactLog], as_of: dt.date, params: Parameters = DEFAULTS
) -> NetworkHealth:
    """Health of every contact and the network figures, as of `as_of`.

    The model allocates many small objects and no reference cycles, so the cyclic
    garbage collector is paused for the pass: otherwise it would rescan the whole input
    dozens of times and more than double the run time. On the way out what was built is
    frozen out of later scans (`gc.freeze`), or the first collection after the pass would
    walk all of it once more; it holds no cycles, so reference counting still frees it.
    """
    paused = gc.isenabled()
    if paused:
        gc.disable()
    try:
        contacts = tuple(evaluate(build_timeline(log, params), as_of) for log in logs)
        return summarise_network(contacts, as_of, params)
    finally:
        if paused:
            gc.freeze()
            gc.enable()


def wide_deep_verdict(index: float, params: Parameters = DEFAULTS) -> str:
    for ceiling, word in params.wide_deep_verdicts:
        if index <= ceiling:
            return word
    return params.widest_verdict


def summarise_network(
    contacts: Sequence[ContactHealth], as_of: dt.date, params: Parameters = DEFAULTS
) -> NetworkHealth:
    breadth = 0
    depth = 0
    trusted = 0
    dormant = 0
    chosen = dict.fromkeys(CIRCLES, 0)
    observed = dict.fromkeys(CIRCLES, 0)
    bands: dict[str, int] = {}
    mismatches = []
    fading = []
    hours = []
    calibre_count = calibre_connected = calibre_trusted = 0
    calibre_scores = []
    for c in contacts:
        if c.touches_last_year > 0:
            breadth += 1
        cls = c.classification
        if cls in CONNECTED:
            depth += 1
            if cls == "trusted":
                trusted += 1
        elif cls == "dormant":
            dormant += 1
        chosen[c.circle] += 1
        observed[c.observed_circle] += 1
        bands[c.band] = bands.get(c.band, 0) + 1
        apart = layers_apart(c.circle, c.observed_circle)
        if apart >= params.circle_mismatch_layers:
            mismatches.append(
                CircleMismatch(c.contact_id, c.name, c.circle, c.observed_circle, apart)
            )
        if c.fade_date is not None and (
            cls in CONNECTED or c.circle <= params.fading_circles_up_to
        ):
            if (c.fade_date - as_of).days <= params.fading_horizon_days:
                fading.append(
                    FadingEntry(
                        c.contact_id,
                        c.name,
                        c.fade_date,
                        c.fade_cause or "",
                        c.fade_cause_text or "",
                    )
                )
        if c.recent_hours > 0:
            hours.append(c.recent_hours)
        if c.calibre is not None and c.calibre >= params.high_calibre_min:
            calibre_count += 1
            if cls in CONNECTED:
                calibre_connected += 1
                if cls == "trusted":
                    calibre_trusted += 1
            if c.score is not None:
                calibre_scores.append(c.score)

    index = log10((breadth + 1) / (depth + 1))
    circles = []
    warnings = []
    for circle in CIRCLES:
        capacity = params.circle_capacity[circle]
        count = chosen[circle]
        over = count > params.overload_factor * capacity
        circles.append(CircleOccupancy(circle, count, capacity, observed[circle], over))
        if over:
            warnings.append(
                f"Circle {circle} holds {count} people against room for about {capacity}: "
                "nobody can keep that many at this cadence."
            )
    mismatches.sort(key=lambda m: (-m.layers_apart, m.name, m.contact_id))
    fading.sort(key=lambda f: (f.fade_date, f.name, f.contact_id))
    return NetworkHealth(
        as_of=as_of,
        contacts=tuple(contacts),
        total_contacts=len(contacts),
        breadth=breadth,
        depth=depth,
        trusted=trusted,
        dormant=dormant,
        wide_deep_index=index,
        verdict=wide_deep_verdict(index, params),
        circles=tuple(circles),
        circle_warnings=tuple(warnings),
        mismatches=tuple(mismatches),
        attention=attention(hours),
        fading=tuple(fading),
        high_calibre=CalibreDepth(
            calibre_count,
            calibre_connected,
            calibre_trusted,
            sum(calibre_scores) / len(calibre_scores) if calibre_scores else None,
        ),
        bands=bands,
        fading_horizon_days=params.fading_horizon_days,
    )


def attention(hours: Iterable[float]) -> Attention:
    """Shares of recent effective hours: top 5, top 15, and the effective number 1/Σs²."""
    ordered = sorted((h for h in hours if h > 0), reverse=True)
    total = sum(ordered)
    if total <= 0:
        return Attention(0.0, 0.0, 0.0, 0.0)
    shares = [h / total for h in ordered]
    return Attention(
        total_hours=total,
        top5_share=min(1.0, sum(shares[:5])),
        top15_share=min(1.0, sum(shares[:15])),
        effective_people=1.0 / sum(s * s for s in shares),
    )
