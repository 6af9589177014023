"""Contact, connection, trusted circle or dormant connection, and trust itself."""

from __future__ import annotations

import datetime as dt

import pytest
from health_factories import END, health, meeting, person, scores

from relationship_journal.health import AskInput, InteractionInput


def monthly(count=24, minutes=180, depth=4, starters=("them", "me"), last=END, **fields):
    return [
        meeting(
            j + 1,
            last - dt.timedelta(days=30 * j),
            minutes=minutes,
            depth=depth,
            initiated_by=starters[j % len(starters)],
            **fields,
        )
        for j in range(count)
    ]


def test_a_deep_regular_friend_is_in_the_trusted_circle():
    result = health(person(circle=15), monthly())
    assert result.trust >= 80
    assert result.score >= 70
    assert result.effective_hours >= 50
    assert result.classification == "trusted"


def test_without_the_hours_it_is_a_connection():
    result = health(person(circle=15), monthly(count=12, minutes=45))
    assert result.effective_hours < 50
    assert result.score >= 50
    assert result.classification == "connection"


def test_a_silent_trusted_friend_becomes_dormant():
    result = health(person(circle=15), monthly(), END + dt.timedelta(days=240))
    assert result.trust >= 60
    assert scores(result)["recency"] < 25
    assert result.classification == "dormant"
    silent = (END + dt.timedelta(days=240) - result.last_interaction).days
    assert result.classification_reason.startswith(
        f"Trust {result.trust:.0f} but no contact for {silent} days against a 30-day cadence — reconnect."
    )


def test_shallow_pings_leave_a_contact():
    pings = [
        InteractionInput(
            j + 1, END - dt.timedelta(days=7 * j), "message", initiated_by="me", depth=1
        )
        for j in range(20)
    ]
    result = health(person(), pings)
    assert result.trust == pytest.approx(50.0)  # no evidence either way
    assert result.classification == "contact"


def test_if_they_never_reach_out_it_stays_a_contact():
    result = health(person(circle=15), monthly(starters=("me",)))
    assert result.trust >= 75 and result.score >= 50
    assert result.classification == "contact"
    assert "they have not reached out in 365 days" in result.classification_reason


def test_mutual_starts_count_for_the_gate_and_half_for_trust():
    mutual = health(person(circle=15), monthly(count=1, starters=("mutual",), depth=2))
    them = health(person(circle=15), monthly(count=1, starters=("them",), depth=2))
    assert mutual.trust_evidence_for == pytest.approx(0.5)
    assert them.trust_evidence_for == pytest.approx(1.0)


def test_kin_may_go_two_years_without_reaching_out():
    items = monthly(count=12, starters=("me",)) + [
        meeting(100, END - dt.timedelta(days=500), initiated_by="them", depth=4, minutes=180)
    ]
    assert health(person(circle=15, kin=True), items).classification in ("connection", "trusted")
    assert health(person(circle=15, kin=False), items).classification == "contact"


def test_no_deep_talk_in_two_years_is_not_a_connection():
    result = health(person(circle=15), monthly(depth=3, favours_given=1))
    assert result.trust >= 75
    assert result.classification == "contact"
    assert "depth 4+" in result.classification_reason


def test_trust_is_50_when_unknown_and_drifts_back_to_50():
    assert health(person(), []).trust == 50.0
    items = monthly(count=6)
    fresh = health(person(), items).trust
    old = health(person(), items, END + dt.timedelta(days=3650)).trust
    assert fresh > 80
    assert 50 < old < 51


def test_a_declined_ask_costs_three_good_signs():
    base = [meeting(1, END, initiated_by="them", depth=4)]  # two good signs
    declined = health(person(), base, asks=[AskInput(1, END, size=2, outcome="declined")])
    assert declined.trust_evidence_for == pytest.approx(2.0)
    assert declined.trust_evidence_against == pytest.approx(3.0)
    assert declined.trust == pytest.approx(100 * 3 / 7)
    helped = health(person(), base, asks=[AskInput(1, END, size=2, outcome="helped")])
    assert helped.trust == pytest.approx(100 * 4 / 5)


def test_an_ask_is_never_counted_twice():
    tied = [meeting(1, END, ask_outcome="declined")]
    once = health(person(), tied, asks=[AskInput(5, END, outcome="declined", interaction_id=1)])
    assert once.trust_evidence_against == pytest.approx(3.0)
    shorthand_only = health(person(), tied)
    assert shorthand_only.trust_evidence_against == pytest.approx(3.0)
    both = health(
        person(), tied, asks=[AskInput(5, END, outcome="declined")]
    )  # a second, separate ask
    assert both.trust_evidence_against == pytest.approx(6.0)


def test_failed_gate_words_agree_with_the_shown_figures() -> None:
    """A trust of 66.6 reads as 67 everywhere, and 74.6 never reads as 'trust 75 is under 75'."""
    from relationship_journal.health.classify import _below

    assert _below(66.6, 75) == 67
    assert _below(74.6, 75) == 74
    assert _below(49.5, 50) == 49
