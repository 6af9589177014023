"""The ten properties of `design/health-model.md`, checked over generated logs."""

from __future__ import annotations

import datetime as dt
import math
import os
import pathlib
import random
import re
import time

import pytest
from health_factories import (
    BASE,
    END,
    SPAN,
    day,
    health,
    interaction_lists,
    logs,
    meeting,
    person,
    replace,
    scores,
    steady_logs,
)
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import relationship_journal.health as health_package
from relationship_journal.health import (
    COMPONENT_NAMES,
    ContactLog,
    FavourInput,
    InteractionInput,
    compute_contact,
)

FAST = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _undated(text: str) -> str:
    """An explanation without the calendar day it names ("on 18 Jun 2026, 41 days ago"
    keeps "41 days ago"), so moving every date leaves it the same."""
    return re.sub(r"\d{1,2} [A-Z][a-z]{2} \d{4}, ", "", text)


def _numbers(result):
    """Everything numeric about a result, for exact comparison."""
    return (
        result.score,
        result.display_score,
        result.band,
        tuple((c.score, c.contribution, c.display, _undated(c.explanation)) for c in result.components),
        result.trust,
        result.trust_evidence_for,
        result.trust_evidence_against,
        result.classification,
        result.effective_hours,
        result.giving_balance,
        result.touches_last_year,
        tuple(a.verdict for a in result.asks),
    )


# 1. Deterministic -----------------------------------------------------------------------


@FAST
@given(logs(), st.integers(0, SPAN + 30), st.randoms(use_true_random=False))
def test_independent_of_log_order(log, as_of_offset, rnd):
    as_of = day(as_of_offset)
    shuffled = list(log.interactions)
    rnd.shuffle(shuffled)
    favours = list(log.favours)
    rnd.shuffle(favours)
    asks = list(log.asks)
    rnd.shuffle(asks)
    assert compute_contact(log, as_of) == compute_contact(
        ContactLog(log.contact, shuffled, favours, asks), as_of
    )


@FAST
@given(logs(max_size=12), st.integers(0, SPAN), interaction_lists(min_size=1, max_size=5))
def test_future_entries_are_ignored(log, as_of_offset, later):
    as_of = day(as_of_offset)
    future = [
        replace(it, id=1000 + n, date=as_of + dt.timedelta(days=1 + (it.date - BASE).days % 400))
        for n, it in enumerate(later)
    ]
    future_favours = [FavourInput(500, as_of + dt.timedelta(days=3), "given", 3)]
    with_future = ContactLog(
        log.contact, list(log.interactions) + future, list(log.favours) + future_favours, log.asks
    )
    assert compute_contact(log, as_of) == compute_contact(with_future, as_of)


def test_independent_of_time_zone_and_clock():
    log = ContactLog(
        person(circle=15),
        [
            meeting(i, day(SPAN - 30 * i), depth=3 + i % 2, initiated_by="them")
            for i in range(1, 12)
        ],
    )
    original = os.environ.get("TZ")
    results = []
    try:
        for zone in ("UTC", "Pacific/Kiritimati", "America/Adak", "Asia/Kathmandu"):
            os.environ["TZ"] = zone
            time.tzset()
            results.append(compute_contact(log, END))
    finally:
        if original is None:
            os.environ.pop("TZ", None)
        else:
            os.environ["TZ"] = original
        time.tzset()
    assert all(r == results[0] for r in results)


def test_model_never_reads_the_clock():
    package = pathlib.Path(health_package.__file__).parent
    source = "\n".join(p.read_text() for p in package.glob("*.py"))
    for forbidden in ("today(", "now(", "time.time", "utcnow", "localtime"):
        assert forbidden not in source, forbidden


# 2. Bounded, never NaN ------------------------------------------------------------------


def _assert_bounded(result):
    for c in result.components:
        assert 0.0 <= c.score <= 100.0, (c.name, c.score)
        assert not math.isnan(c.contribution)
    assert 0.0 <= result.trust <= 100.0
    if result.score is not None:
        assert 0.0 <= result.score <= 100.0
    assert not math.isnan(result.effective_hours)


@FAST
@given(logs(), st.integers(0, SPAN + 400))
def test_bounded(log, as_of_offset):
    _assert_bounded(compute_contact(log, day(as_of_offset)))


@pytest.mark.parametrize(
    "interactions",
    [
        [],
        [meeting(1, day(10), minutes=0)],
        [meeting(1, day(10))],
        [
            meeting(i, day(10), kind=k)
            for i, k in enumerate(("meeting", "call", "message", "email"), 1)
        ],
        [meeting(i, day(10), minutes=0, people_present=40) for i in range(1, 6)],
    ],
    ids=["empty", "zero-minutes", "one-entry", "all-one-day", "one-day-zero-minutes-crowd"],
)
@pytest.mark.parametrize("circle", [5, 500])
def test_bounded_edge_cases(interactions, circle):
    for offset in (10, 11, 400, 5000):
        result = health(person(circle=circle), interactions, day(offset))
        _assert_bounded(result)
    assert health(person(), [], END).score is None
    assert health(person(), [], END).band == "no data"


# 3. Additive ----------------------------------------------------------------------------


@FAST
@given(logs(), st.integers(0, SPAN + 100))
def test_parts_add_up(log, as_of_offset):
    result = compute_contact(log, day(as_of_offset))
    total = sum(c.contribution for c in result.components)
    for c in result.components:
        assert c.contribution == pytest.approx(c.weight * c.score, abs=1e-12)
        assert abs(c.display - c.contribution) < 1.0
    assert sum(c.weight for c in result.components) == pytest.approx(1.0, abs=1e-12)
    if result.score is not None:
        assert abs(total - result.score) <= 1e-9
        assert sum(c.display for c in result.components) == result.display_score
        assert result.display_score == math.floor(result.score + 0.5)


# 4. Decay -------------------------------------------------------------------------------


@FAST
@given(logs(min_size=1), st.integers(1, 800))
def test_silence_only_lowers(log, later):
    before = compute_contact(log, END)
    after = compute_contact(log, END + dt.timedelta(days=later))
    b, a = scores(before), scores(after)
    if before.score is not None:
        assert after.score <= before.score
    for name in ("recency", "frequency", "investment"):
        assert a[name] <= b[name]
    if b["recency"] > 0:
        assert a["recency"] < b["recency"]
    for name in ("depth", "consistency", "reciprocity"):
        assert a[name] == b[name]
    assert after.trust_evidence_for <= before.trust_evidence_for
    assert after.trust_evidence_against <= before.trust_evidence_against
    assert after.effective_hours <= before.effective_hours


def test_recency_strictly_falls_day_by_day():
    log = ContactLog(person(circle=5), [meeting(1, END)])
    previous = None
    for offset in range(0, 400, 3):
        value = scores(compute_contact(log, END + dt.timedelta(days=offset)))["recency"]
        if previous is not None:
            assert value < previous
        previous = value


# 5. Calibrated: see test_health_calibration.py ------------------------------------------


# 6. Shift-invariant ---------------------------------------------------------------------


@FAST
@given(logs(), st.integers(0, SPAN + 100), st.integers(-3000, 3000))
def test_shift_invariant(log, as_of_offset, shift):
    k = dt.timedelta(days=shift)
    moved = ContactLog(
        log.contact,
        [replace(it, date=it.date + k) for it in log.interactions],
        [replace(f, date=f.date + k) for f in log.favours],
        [replace(a, date=a.date + k) for a in log.asks],
    )
    as_of = day(as_of_offset)
    original = compute_contact(log, as_of)
    shifted = compute_contact(moved, as_of + k)
    assert _numbers(original) == _numbers(shifted)
    if original.fade_date is None:
        assert shifted.fade_date is None
    else:
        assert shifted.fade_date == original.fade_date + k


# 7. Monotone parts ----------------------------------------------------------------------


@FAST
@given(logs(), interaction_lists(min_size=1, max_size=1))
def test_adding_an_interaction_never_lowers_time_parts(log, extra):
    added = replace(extra[0], id=999)
    bigger = ContactLog(log.contact, list(log.interactions) + [added], log.favours, log.asks)
    before, after = scores(compute_contact(log, END)), scores(compute_contact(bigger, END))
    for name in ("recency", "frequency", "investment"):
        assert after[name] >= before[name] - 1e-9, name


@FAST
@given(logs(min_size=1), st.data())
def test_deeper_never_lowers_depth(log, data):
    items = list(log.interactions)
    index = data.draw(st.integers(0, len(items) - 1))
    if items[index].depth == 5:
        return
    deeper = list(items)
    deeper[index] = replace(items[index], depth=items[index].depth + 1)
    before = scores(compute_contact(log, END))["depth"]
    after = scores(compute_contact(ContactLog(log.contact, deeper, log.favours, log.asks), END))[
        "depth"
    ]
    assert after >= before


@FAST
@given(logs(min_size=1), st.data(), st.integers(1, 3))
def test_giving_never_lowers_reciprocity_receiving_never_raises_it(log, data, amount):
    items = list(log.interactions)
    index = data.draw(st.integers(0, len(items) - 1))
    base = scores(compute_contact(log, END))["reciprocity"]

    def recompute(changed):
        changed_items = list(items)
        changed_items[index] = changed
        return scores(
            compute_contact(ContactLog(log.contact, changed_items, log.favours, log.asks), END)
        )["reciprocity"]

    gave = recompute(replace(items[index], favours_given=items[index].favours_given + amount))
    received = recompute(
        replace(items[index], favours_received=items[index].favours_received + amount)
    )
    assert gave >= base
    assert received <= base
    standalone_given = FavourInput(77, END, "given", amount)
    standalone_received = FavourInput(78, END, "received", amount)
    with_given = ContactLog(log.contact, items, list(log.favours) + [standalone_given], log.asks)
    with_received = ContactLog(
        log.contact, items, list(log.favours) + [standalone_received], log.asks
    )
    assert scores(compute_contact(with_given, END))["reciprocity"] >= base
    assert scores(compute_contact(with_received, END))["reciprocity"] <= base


# 8. Fade date ---------------------------------------------------------------------------


@settings(max_examples=60, deadline=None)
@given(steady_logs())
def test_fade_date_is_the_first_day_below_50(log):
    today = compute_contact(log, END)
    if today.score is None or today.score < 50:
        assert today.fade_date is None
        return
    if today.fade_date is None:
        later = compute_contact(log, END + dt.timedelta(days=730))
        assert later.score >= 50
        return
    before = compute_contact(log, today.fade_date - dt.timedelta(days=1))
    on = compute_contact(log, today.fade_date)
    assert before.score >= 50 > on.score
    assert END < today.fade_date <= END + dt.timedelta(days=730)
    assert today.fade_cause in ("recency", "frequency", "investment")


@settings(max_examples=40, deadline=None)
@given(steady_logs(), st.integers(1, 400))
def test_the_fade_date_does_not_move_while_nothing_happens(log, waited):
    today = compute_contact(log, END)
    if today.fade_date is None:
        return
    later = END + dt.timedelta(days=min(waited, (today.fade_date - END).days - 1))
    assert compute_contact(log, later).fade_date == today.fade_date


def test_steady_friends_do_get_fade_dates():
    """Guard against the property above passing vacuously."""
    rng = random.Random(3)
    found = 0
    for n in range(40):
        items = [
            meeting(j + 1, END - dt.timedelta(days=30 * j + rng.randrange(4)), depth=3 + j % 2)
            for j in range(6 + n % 10)
        ]
        result = health(person(circle=15), items)
        if result.fade_date is not None:
            found += 1
            assert health(person(circle=15), items, result.fade_date).score < 50
    assert found >= 30


# 9. Traceable ---------------------------------------------------------------------------


@FAST
@given(logs(), st.integers(0, SPAN + 60))
def test_each_part_recomputes_from_its_own_evidence(log, as_of_offset):
    as_of = day(as_of_offset)
    result = compute_contact(log, as_of)
    by_id = {it.id: it for it in log.interactions}
    favours_by_id = {f.id: f for f in log.favours}
    for c in result.components:
        subset = [by_id[i] for i in c.interaction_ids]
        favours = [favours_by_id[i] for i in c.favour_ids]
        again = compute_contact(ContactLog(log.contact, subset, favours, ()), as_of)
        assert again.component(c.name).score == c.score, c.name
        assert all(it.date <= as_of for it in subset)


# 10. One touch per day ------------------------------------------------------------------


@FAST
@given(
    interaction_lists(min_size=1, max_size=8),
    st.integers(1, 6),
    st.sampled_from((5, 15, 50, 150, 500)),
)
def test_several_interactions_on_one_day_are_one_touch(items, copies, circle):
    # Add extra, weaker-or-equal interactions on days that already have one.
    crowded = list(items)
    next_id = 100
    for it in items:
        for _ in range(copies):
            crowded.append(replace(it, id=next_id, kind="message", channel="reaction"))
            next_id += 1
        crowded.append(replace(it, id=next_id))  # an exact twin
        next_id += 1
    single = health(person(circle=circle), items)
    many = health(person(circle=circle), crowded)
    for name in ("recency", "frequency", "consistency"):
        assert scores(many)[name] == scores(single)[name], name
    assert many.touches_last_year == single.touches_last_year


def test_two_meetings_on_one_day_count_once_for_frequency():
    one = health(person(circle=15), [meeting(1, END)])
    two = health(person(circle=15), [meeting(1, END), meeting(2, END, kind="call")])
    assert scores(one)["frequency"] == scores(two)["frequency"]
    assert list(two.component("frequency").interaction_ids) == [1]


def test_component_names_are_the_documented_six():
    assert COMPONENT_NAMES == (
        "recency",
        "frequency",
        "consistency",
        "depth",
        "reciprocity",
        "investment",
    )
    assert isinstance(InteractionInput(1, BASE, "call"), InteractionInput)
