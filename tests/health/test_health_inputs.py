"""How inputs enter the model: channels, groups, estimates, standalone favours,
rounding and the trajectory."""

from __future__ import annotations

import datetime as dt

import pytest
from health_factories import END, health, meeting, person, scores

from relationship_journal.health import (
    ContactLog,
    FavourInput,
    InteractionInput,
    largest_remainder,
    month_ends,
    trajectory,
)


def test_channel_override_wins_over_kind():
    as_message = health(person(), [InteractionInput(1, END, "meeting", channel="reaction")])
    assert scores(as_message)["recency"] == pytest.approx(10.0)
    assert as_message.score is None  # a reaction is not a touch: no data


def test_unknown_kind_is_a_readable_error():
    with pytest.raises(ValueError, match="unknown interaction kind"):
        health(person(), [InteractionInput(1, END, "carrier pigeon")])


def test_missing_minutes_take_a_default_and_say_so():
    result = health(
        person(), [InteractionInput(1, END, "call"), InteractionInput(2, END, "call", minutes=10)]
    )
    assert result.effective_hours == pytest.approx((20 + 10) / 60 * 0.7)
    assert result.estimated_minutes == 1
    assert "1 entry without a duration, estimated" in result.component("investment").explanation


def test_mutual_start_is_half_each_in_reciprocity():
    mutual = [meeting(j, END - dt.timedelta(days=j), initiated_by="mutual") for j in range(1, 7)]
    assert (
        "they started 3 and you 3" in health(person(), mutual).component("reciprocity").explanation
    )
    one_sided = [meeting(j, END - dt.timedelta(days=j), initiated_by="me") for j in range(1, 7)]
    assert (
        scores(health(person(), mutual))["reciprocity"]
        > scores(health(person(), one_sided))["reciprocity"]
    )


def test_standalone_favours_count_inside_the_reciprocity_window_only():
    items = [meeting(j, END - dt.timedelta(days=10 * j)) for j in range(1, 15)]  # window: last 12
    start = items[11].date
    inside = FavourInput(1, start, "received", 3)
    outside = FavourInput(2, start - dt.timedelta(days=1), "received", 3)
    base = health(person(), items)
    with_inside = health(person(), items, favours=[inside])
    with_outside = health(person(), items, favours=[outside])
    assert scores(with_inside)["reciprocity"] < scores(base)["reciprocity"]
    assert scores(with_outside)["reciprocity"] == scores(base)["reciprocity"]
    assert list(with_inside.component("reciprocity").favour_ids) == [1]
    # Both still count as trust evidence and in the giving balance.
    assert with_outside.trust_evidence_for > base.trust_evidence_for
    assert with_outside.giving_balance < 0


def test_group_dilution_makes_a_crowd_less_than_a_touch():
    big_event = health(person(), [InteractionInput(1, END, "event", people_present=16)])  # w = 0.25
    assert big_event.score is None
    dinner = health(person(), [InteractionInput(1, END, "social", people_present=4)])
    assert scores(dinner)["recency"] == 100.0


@pytest.mark.parametrize(
    ("values", "parts", "total"),
    [
        ([19.6, 19.6, 19.6, 0.6, 0.6], [20, 20, 20, 0, 0], 60),  # naive rounding would say 62
        ([10.5, 10.5], [11, 10], 21),
        ([0.4, 0.4, 0.4], [1, 0, 0], 1),  # ties go to the first
        ([0.0] * 6, [0] * 6, 0),
    ],
)
def test_largest_remainder(values, parts, total):
    got_parts, got_total = largest_remainder(values)
    assert got_total == total
    assert sum(got_parts) == total
    assert got_parts == parts


def test_month_ends():
    assert month_ends(dt.date(2024, 3, 15), 4) == [
        dt.date(2023, 12, 31),
        dt.date(2024, 1, 31),
        dt.date(2024, 2, 29),
        dt.date(2024, 3, 15),
    ]


def test_trajectory_is_the_model_at_earlier_dates():
    items = [meeting(j, END - dt.timedelta(days=20 * j), depth=3) for j in range(1, 30)]
    log = ContactLog(person(circle=15), items)
    points = trajectory(log, END, months=6)
    assert [p.date for p in points] == month_ends(END, 6)
    for point in points:
        again = health(person(circle=15), items, point.date)
        assert point.score == again.score
        assert point.components == scores(again)


def test_tuned_parameters_flow_through_every_part():
    from dataclasses import replace as tune

    from relationship_journal.health import DEFAULTS, compute_contact

    only_recency = tune(
        DEFAULTS,
        weights={
            "recency": 1.0,
            "frequency": 0.0,
            "consistency": 0.0,
            "depth": 0.0,
            "reciprocity": 0.0,
            "investment": 0.0,
        },
        cadence_days={5: 7, 15: 10, 50: 90, 150: 365, 500: 730},
    )
    log = ContactLog(person(circle=15), [meeting(1, END - dt.timedelta(days=10))])
    tuned = compute_contact(log, END, only_recency)
    assert tuned.score == pytest.approx(75.0, abs=0.05)  # T = 10 days now
    assert tuned.cadence_days == 10
    assert compute_contact(log, END).score != tuned.score  # the defaults are untouched
