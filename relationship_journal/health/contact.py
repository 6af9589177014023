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
from .fading import SilentHealth, fade_date
from .inputs import ContactLog
from .layers import observed_circle
from .outputs import Component, ContactHealth
from .parameters import COMPONENT_NAMES, DEFAULTS, Parameters
from .rounding import largest_remainder
from .timeline import Timeline, build_timeline, cut
from .trust import giving_balance, trust_evidence, trust_score

_RECENCY, _FREQUENCY, _CONSISTENCY, _DEPTH, _RECIPROCITY, _INVESTMENT = COMPONENT_NAMES


def compute_contact(
    log: ContactLog, as_of: dt.date, params: Parameters = DEFAULTS
) -> ContactHealth:
    """Everything about one contact as of `as_of` (entries after it are ignored)."""
    return evaluate(build_timeline(log, params), as_of)


def evaluate(tl: Timeline, as_of: dt.date) -> ContactHealth:
    """Evaluate a prepared timeline (built with the parameters to use) as of `as_of`."""
    ctx = tl.context
    params = ctx.params
    weights = ctx.weights
    today = as_of.toordinal()
    contact = tl.contact
    days = tl.days
    touch_days = tl.touch_days
    k = bisect_right(days, today)
    kt = bisect_right(touch_days, today)
    firsts = [d[0] for d in (days, tl.favour_days, tl.negative_days, tl.extra_positive_days) if d]
    if firsts:  # decay tables reach back to the oldest evidence and on through the fade search
        ctx.cover(today - min(firsts) + params.fade_horizon_days + 1)
    kh = bisect_right(tl.hour_days, today)

    recency, best = parts.recency(tl, k, today)
    frequency, first_touch, touch_total = parts.frequency(tl, kt, today)
    consistency, gaps, burstiness = parts.consistency(tl, kt)
    depth, depth_start, depth_mean = parts.depth(tl, k)
    (reciprocity, recip_start, me, them, given, received, fav_lo, fav_hi) = parts.reciprocity(
        tl, k, today
    )
    investment, hours, hours_total = parts.investment(tl, kh, today)
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
        last_day=days[k - 1] if k else None,
        cadence=tl.cadence,
    )
    balance = giving_balance(tl, today)
    asks = ask_readiness(
        trust=trust,
        classification=classification,
        recency=recency,
        balance=balance,
        blocking_ask_day=open_ask_blocking(tl.asks, days, today, params),
        params=params,
        memo=ctx.memo,
    )

    fade = None
    if score is not None and score >= params.fade_threshold:
        silent = SilentHealth(tl, today, kt, kh, best, first_touch, hours_total, scores)
        fade = fade_date(silent, params.fade_threshold, params.fade_horizon_days)

    touches_last_year = kt - bisect_right(touch_days, today - params.breadth_window_days, 0, kt)

    # Words and evidence for each part.
    cadence_text = explain.cadence_phrase(tl.cadence, contact.cadence_days is not None, contact.kin)
    if best >= 0:
        recency_ids: tuple[int, ...] = (tl.ids[best],)
        later = None
        if best != k - 1:  # a later entry exists that weighs less than this one did
            later = (_label(tl, k - 1), today - days[k - 1])
        recency_words = explain.recency_text(
            _label(tl, best),
            today - days[best],
            best == k - 1,
            cadence_text,
            dt.date.fromordinal(days[best]),
            later,
        )
    else:
        recency_ids = ()
        recency_words = explain.recency_text(None, 0, True, cadence_text)
    estimated = bisect_right(tl.estimated_days, today)
    touch_ids = tl.touch_ids
    # Evidence is cut from the timeline's arrays as arrays (8 bytes an id, where a tuple
    # holds a pointer and a new int object for each): the investment's alone lists every
    # timed entry, 3 million ids at 100,000 people; `cut` hands over the column itself
    # when the evidence is all of it, as the investment's usually is.
    window_start = min(depth_start, recip_start)
    window_ids = cut(tl.ids, window_start, k)
    depth_ids = cut(window_ids, depth_start - window_start, len(window_ids))
    recip_ids = cut(window_ids, recip_start - window_start, len(window_ids))
    components = (
        Component(
            _RECENCY,
            recency,
            weights[0],
            contributions[0],
            displays[0],
            recency_words,
            recency_ids,
        ),
        Component(
            _FREQUENCY,
            frequency,
            weights[1],
            contributions[1],
            displays[1],
            explain.frequency_text(
                kt - first_touch, touch_total, tl.window, tl.expected, tl.cadence
            ),
            cut(touch_ids, first_touch, kt),
        ),
        Component(
            _CONSISTENCY,
            consistency,
            weights[2],
            contributions[2],
            displays[2],
            explain.consistency_text(gaps, burstiness),
            cut(touch_ids, max(0, kt - params.consistency_touches), kt),
        ),
        Component(
            _DEPTH,
            depth,
            weights[3],
            contributions[3],
            displays[3],
            explain.depth_text(k - depth_start, depth_mean),
            depth_ids,
        ),
        Component(
            _RECIPROCITY,
            reciprocity,
            weights[4],
            contributions[4],
            displays[4],
            explain.reciprocity_text(k - recip_start, me, them, given, received),
            recip_ids,
            cut(tl.favour_ids, fav_lo, fav_hi),
        ),
        Component(
            _INVESTMENT,
            investment,
            weights[5],
            contributions[5],
            displays[5],
            explain.investment_text(hours, estimated),
            cut(tl.hour_ids, 0, kh),
        ),
    )

    return ContactHealth(
        contact.id,
        contact.name,
        as_of,
        contact.circle,
        tl.cadence,
        contact.kin,
        contact.calibre,
        score,
        shown if has_data else None,
        params.band_for(score),
        components,
        trust,
        positive,
        negative,
        classification,
        reason,
        hours,
        _recent_hours(tl, kh, today),
        balance,
        dt.date.fromordinal(days[k - 1]) if k else None,
        touches_last_year,
        observed_circle(touches_last_year, ctx.thresholds),
        fade[0] if fade else None,
        fade[1] if fade else None,
        fade[2] if fade else None,
        asks,
        estimated,
    )


def _label(tl: Timeline, index: int) -> str:
    """How the entry at `index` was logged, in words (a group when diluted)."""
    kind = tl.kinds[index]
    channel = tl.channels[index]
    group = tl.weights[index] < tl.context.channel_weight[channel]
    # `channels` holds the channel an entry counts as: its own when logged, else its kind's.
    overridden = channel if channel != tl.context.kind_channel.get(kind) else None
    return explain.entry_label(kind, overridden, group)


def classification_at(tl: Timeline, as_of: dt.date) -> str:
    """Contact, connection, trusted or dormant as of `as_of`: `evaluate(tl, as_of)
    .classification`, without the fade date, asks and words a history chart never shows.
    The same part functions run in the same order, so the verdict is the same."""
    ctx = tl.context
    today = as_of.toordinal()
    firsts = [d[0] for d in (tl.days, tl.favour_days, tl.negative_days, tl.extra_positive_days) if d]
    if firsts:  # decay tables reach back to the oldest evidence, as in evaluate
        ctx.cover(today - min(firsts) + 1)
    k = bisect_right(tl.days, today)
    kt = bisect_right(tl.touch_days, today)
    kh = bisect_right(tl.hour_days, today)
    recency = parts.recency(tl, k, today)[0]
    scores = (
        recency,
        parts.frequency(tl, kt, today)[0],
        parts.consistency(tl, kt)[0],
        parts.depth(tl, k)[0],
        parts.reciprocity(tl, k, today)[0],
    )
    investment, hours, _total = parts.investment(tl, kh, today)
    total = parts.combine((*scores, investment), ctx.weights)[1]
    positive, negative = trust_evidence(tl, today)
    return classify(
        trust=trust_score(positive, negative),
        health=total if kt > 0 else None,
        recency=recency,
        hours=hours,
        their_start_days=tl.their_start_days,
        deep_days=tl.deep_days,
        initiative_window=tl.initiative_window,
        today=today,
        params=ctx.params,
    )[0]


def _recent_hours(tl: Timeline, kh: int, today: int) -> float:
    """Effective hours from the attention window (the last 90 days)."""
    hour_days = tl.hour_days
    values = tl.hour_values
    table = tl.context.investment
    window = tl.context.params.attention_window_days
    total = 0.0
    i = kh - 1
    while i >= 0 and today - hour_days[i] < window:
        total += values[i] * table.factor(today - hour_days[i])
        i -= 1
    return total
