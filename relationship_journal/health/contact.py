"""Health of one contact as of one day: the six parts, trust, class, fade date, asks.

`evaluate` reads a prepared `Timeline`, so the same sorted log serves any number of
dates (the GUI after an edit, the trajectory, the network pass).
"""

from __future__ import annotations

import datetime as dt
from bisect import bisect_right

from . import components as parts
from . import explain
from .ask import ask_readiness, open_ask_blocking
from .classify import classify
from .decay import decay
from .fading import SilentHealth, fade_date
from .inputs import ContactLog
from .layers import layer_thresholds, observed_circle
from .outputs import Component, ContactHealth
from .parameters import COMPONENT_NAMES, DEFAULTS, Parameters
from .rounding import largest_remainder
from .timeline import Timeline, build_timeline
from .trust import giving_balance, trust_evidence, trust_score


def compute_contact(
    log: ContactLog, as_of: dt.date, params: Parameters = DEFAULTS
) -> ContactHealth:
    """Everything about one contact as of `as_of` (entries after it are ignored)."""
    return evaluate(build_timeline(log, params), as_of, params)


def weights_of(params: Parameters) -> tuple[float, ...]:
    return tuple(params.weights[name] for name in COMPONENT_NAMES)


def evaluate(
    tl: Timeline,
    as_of: dt.date,
    params: Parameters = DEFAULTS,
    *,
    weights: tuple[float, ...] | None = None,
    thresholds: list[tuple[float, int]] | None = None,
) -> ContactHealth:
    """Evaluate a prepared timeline; `weights`/`thresholds` let a network pass share them."""
    if weights is None:
        weights = weights_of(params)
    if thresholds is None:
        thresholds = layer_thresholds(params)
    today = as_of.toordinal()
    contact = tl.contact
    days = tl.days
    touch_days = tl.touch_days
    k = bisect_right(days, today)
    kt = bisect_right(touch_days, today)
    kh = bisect_right(tl.hour_days, today)

    recency, best = parts.recency(tl, k, today)
    frequency, first_touch, touch_total = parts.frequency(tl, kt, today, params)
    consistency, gaps, burstiness = parts.consistency(tl, kt, params)
    depth, depth_start, depth_mean = parts.depth(tl, k, params)
    (reciprocity, recip_start, me, them, given, received, fav_lo, fav_hi) = parts.reciprocity(
        tl, k, today, params
    )
    investment, hours, hours_total = parts.investment(tl, kh, today, params)
    scores = (recency, frequency, consistency, depth, reciprocity, investment)
    contributions, total = parts.combine(scores, weights)
    displays, shown = largest_remainder(contributions)
    has_data = kt > 0
    score = total if has_data else None

    positive, negative = trust_evidence(tl, today)
    trust = trust_score(positive, negative)
    classification, reason = classify(
        trust=trust,
        health=score,
        recency=recency,
        hours=hours,
        their_start_days=tl.their_start_days,
        deep_days=tl.deep_days,
        initiative_window=tl.initiative_window,
        today=today,
        params=params,
    )
    balance = giving_balance(tl, today, params)
    asks = ask_readiness(
        trust=trust,
        classification=classification,
        recency=recency,
        balance=balance,
        blocking_ask_day=open_ask_blocking(tl.asks, days, today, params),
        params=params,
    )

    fade = None
    if score is not None and score >= params.fade_threshold:
        silent = SilentHealth(
            tl, today, kt, kh, best, first_touch, hours_total, scores, weights, params
        )
        fade = fade_date(silent, params)

    touches_last_year = kt - bisect_right(touch_days, today - params.breadth_window_days, 0, kt)

    # Words and evidence for each part.
    ids = tl.ids
    touch_ids = tl.touch_ids
    window, expected = parts.frequency_window(tl, params)
    cadence_text = explain.cadence_phrase(tl.cadence, contact.cadence_days is not None, contact.kin)
    if best >= 0:
        channel = tl.channels[best]
        recency_ids: tuple[int, ...] = (ids[best],)
        group = tl.weights[best] < params.channel_weight[channel]
        recency_words = explain.recency_text(
            channel, today - days[best], best == k - 1, group, cadence_text
        )
    else:
        recency_ids = ()
        recency_words = explain.recency_text(None, 0, True, False, cadence_text)
    estimated = bisect_right(tl.estimated_days, today)
    texts = (
        recency_words,
        explain.frequency_text(kt - first_touch, touch_total, window, expected, tl.cadence),
        explain.consistency_text(gaps, burstiness),
        explain.depth_text(k - depth_start, depth_mean),
        explain.reciprocity_text(k - recip_start, me, them, given, received),
        explain.investment_text(hours, estimated),
    )
    used = (
        recency_ids,
        tuple(touch_ids[first_touch:kt]),
        tuple(touch_ids[max(0, kt - params.consistency_touches) : kt]),
        tuple(ids[depth_start:k]),
        tuple(ids[recip_start:k]),
        tuple(tl.hour_ids[:kh]),
    )
    favour_ids = tuple(tl.favour_ids[fav_lo:fav_hi])
    built = tuple(
        Component(
            name,
            scores[i],
            weights[i],
            contributions[i],
            displays[i],
            texts[i],
            used[i],
            favour_ids if i == 4 else (),
        )
        for i, name in enumerate(COMPONENT_NAMES)
    )

    return ContactHealth(
        contact_id=contact.id,
        name=contact.name,
        as_of=as_of,
        circle=contact.circle,
        cadence_days=tl.cadence,
        kin=contact.kin,
        calibre=contact.calibre,
        score=score,
        display_score=shown if has_data else None,
        band=params.band_for(score),
        components=built,
        trust=trust,
        trust_evidence_for=positive,
        trust_evidence_against=negative,
        classification=classification,
        classification_reason=reason,
        effective_hours=hours,
        recent_hours=_recent_hours(tl, kh, today, params),
        giving_balance=balance,
        last_interaction=dt.date.fromordinal(days[k - 1]) if k else None,
        touches_last_year=touches_last_year,
        observed_circle=observed_circle(touches_last_year, thresholds),
        fade_date=fade[0] if fade else None,
        fade_cause=fade[1] if fade else None,
        fade_cause_text=fade[2] if fade else None,
        asks=asks,
        estimated_minutes=estimated,
    )


def _recent_hours(tl: Timeline, kh: int, today: int, params: Parameters) -> float:
    """Effective hours from the attention window (the last 90 days)."""
    hour_days = tl.hour_days
    values = tl.hour_values
    factors = decay(params.investment_yearly_retention, 365.0).table
    window = params.attention_window_days
    total = 0.0
    i = kh - 1
    while i >= 0 and today - hour_days[i] < window:
        total += values[i] * factors[today - hour_days[i]]
        i -= 1
    return total
