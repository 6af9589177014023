"""Property 5 (calibration) and the four sanity points of the model document.

The sanity scenarios, as chosen here (the document only names them):

* Close friend: circle 15, an in-person meeting of two hours every 30 days for two
  years (24 meetings), personal conversations (depth 3), taking turns to start them,
  the last one yesterday. Documented ≈ 79; the formulas give 79.5.
* The same friend after six silent months (182 days later): documented ≈ 48; 47.9.
* Twenty shallow pings I started: twenty messages, one a week, depth 1 (small talk),
  all started by me, the last one today, default circle. Documented ≈ 43; 43.1.
* One message sent today: one message, depth 1, started by me, default circle (150).
  Documented ≈ 30; 30.0.
"""

from __future__ import annotations

import datetime as dt

import pytest
from health_factories import END, health, meeting, person, scores

from relationship_journal.health import DEFAULTS, InteractionInput

ONE_DAY = dt.timedelta(days=1)


@pytest.mark.parametrize("circle", [5, 15, 50, 150, 500])
@pytest.mark.parametrize(("cadences", "expected"), [(0, 100.0), (1, 75.0), (8, 10.0)])
def test_recency_calibration(circle, cadences, expected):
    cadence = DEFAULTS.cadence_days[circle]
    met = END - dt.timedelta(days=cadence * cadences)
    result = health(person(circle=circle), [meeting(1, met)])
    assert scores(result)["recency"] == pytest.approx(expected, abs=0.05)


def test_recency_calibration_with_own_cadence_and_kin():
    mine = health(person(circle=150, cadence_days=20), [meeting(1, END - dt.timedelta(days=20))])
    assert scores(mine)["recency"] == pytest.approx(75.0, abs=0.05)
    kin = health(person(circle=15, kin=True), [meeting(1, END - dt.timedelta(days=60))])
    assert scores(kin)["recency"] == pytest.approx(75.0, abs=0.05)  # kin fade half as fast


def test_recency_and_channel_weight():
    message = health(person(), [meeting(1, END, kind="message")])
    assert scores(message)["recency"] == pytest.approx(40.0)
    group = health(person(), [meeting(1, END, people_present=8)])
    assert scores(group)["recency"] == pytest.approx(50.0)  # g = 4/8


@pytest.mark.parametrize(("hours", "expected"), [(50, 74), (90, 85), (200, 100), (400, 100)])
def test_investment_calibration(hours, expected):
    result = health(person(), [meeting(1, END, minutes=hours * 60)])
    assert result.effective_hours == pytest.approx(hours)
    assert round(scores(result)["investment"]) == expected


def test_investment_forgets_fifteen_percent_a_year():
    result = health(person(), [meeting(1, END - dt.timedelta(days=365), minutes=6000)])
    assert result.effective_hours == pytest.approx(85.0)


def _close_friend():
    return [
        meeting(
            j + 1,
            END - ONE_DAY - dt.timedelta(days=30 * j),
            minutes=120,
            depth=3,
            initiated_by="me" if j % 2 else "them",
        )
        for j in range(24)
    ]


def test_monthly_face_to_face_close_friend_is_about_79():
    result = health(person(circle=15), _close_friend())
    assert result.score == pytest.approx(79, abs=2)
    assert result.band == "strong"


def test_same_friend_after_six_silent_months_is_about_48():
    result = health(person(circle=15), _close_friend(), END + dt.timedelta(days=182))
    assert result.score == pytest.approx(48, abs=2)
    assert result.band == "cooling"


def test_twenty_shallow_pings_i_started_are_about_43():
    pings = [
        InteractionInput(
            j + 1, END - dt.timedelta(days=7 * j), "message", initiated_by="me", depth=1
        )
        for j in range(20)
    ]
    result = health(person(), pings)
    assert result.score == pytest.approx(43, abs=2)
    # Pinging earns full frequency and regularity but almost no depth or time.
    parts = scores(result)
    assert parts["frequency"] == 100.0
    assert parts["depth"] < 10
    assert parts["investment"] < 10


def test_one_message_sent_today_is_about_30():
    result = health(person(), [InteractionInput(1, END, "message", initiated_by="me", depth=1)])
    assert result.score == pytest.approx(30, abs=2)
    assert result.component("investment").explanation.endswith("estimated.")


def test_close_friend_explanations_read_like_sentences():
    result = health(person(circle=15), _close_friend(), END + dt.timedelta(days=40))
    recency = result.component("recency").explanation
    assert recency == (
        "Last contact: in-person meeting on 18 Jun 2026, 41 days ago; "
        "your cadence for this circle is 30 days."
    )
    assert "24 interactions" not in result.component("depth").explanation
    assert "Depth 3.0 of 5 on average in your last 12 entries" in result.component("depth").explanation


def test_recency_names_the_entry_it_used_and_why_a_later_one_counts_less():
    """A message today is lighter than a meeting three days ago: the sentence names the
    meeting by its day, and says the later message carries less weight."""
    log = [
        meeting(1, END - dt.timedelta(days=3)),
        InteractionInput(2, END, "message", initiated_by="me", depth=1),
    ]
    result = health(person(circle=15), log, END)
    recency = result.component("recency")
    assert recency.interaction_ids == (1,)
    day = END - dt.timedelta(days=3)
    assert recency.explanation.startswith(
        f"Counts the in-person meeting on {day.day} {day:%b %Y}, 3 days ago: "
        "it outweighs the later message (today), which carries less weight"
    )
    alone = health(person(circle=15), [meeting(1, END)], END).component("recency").explanation
    assert alone.startswith(f"Last contact: in-person meeting on {END.day} {END:%b %Y}, today;")


# --- each formula on a hand-worked example ----------------------------------------------


def test_consistency_is_neutral_under_two_gaps_and_shrunk_toward_50():
    assert scores(health(person(), [meeting(1, END)]))["consistency"] == 50.0
    two = [meeting(1, END), meeting(2, END - dt.timedelta(days=9))]
    assert scores(health(person(), two))["consistency"] == 50.0
    regular = [meeting(j + 1, END - dt.timedelta(days=10 * j)) for j in range(3)]  # r = 0, A = -1
    assert scores(health(person(), regular))["consistency"] == pytest.approx((2 * 100 + 150) / 5)


def test_consistency_uses_kim_jo_burstiness():
    gaps = [1, 1, 1, 100]
    offsets = [0]
    for g in gaps:
        offsets.append(offsets[-1] + g)
    items = [meeting(j + 1, END - dt.timedelta(days=o)) for j, o in enumerate(offsets)]
    n = len(gaps)
    mean = sum(gaps) / n
    r = (sum((g - mean) ** 2 for g in gaps) / n) ** 0.5 / mean
    a = ((n + 1) ** 0.5 * r - (n - 1) ** 0.5) / (((n + 1) ** 0.5 - 2) * r + (n - 1) ** 0.5)
    raw = 100 * (1 - a) / 2
    expected = (n * raw + 150) / (n + 3)
    assert scores(health(person(), items))["consistency"] == pytest.approx(expected)
    assert expected < 50  # bursts read as irregular


def test_consistency_reads_only_the_last_13_touches():
    recent = [meeting(j + 1, END - dt.timedelta(days=7 * j)) for j in range(13)]
    noisy_past = [
        meeting(100 + j, END - dt.timedelta(days=7 * 12 + 1 + j * j)) for j in range(1, 8)
    ]
    assert scores(health(person(), recent + noisy_past))["consistency"] == pytest.approx(
        (12 * 100 + 150) / 15
    )


def test_frequency_against_cadence():
    items = [
        meeting(1, END),
        meeting(2, END - dt.timedelta(days=50)),
        InteractionInput(3, END - dt.timedelta(days=100), "call"),
        meeting(4, END - dt.timedelta(days=120)),  # just outside W = 120 days
    ]
    assert scores(health(person(circle=15), items))["frequency"] == pytest.approx(100 * 2.7 / 4)
    many = [meeting(j + 1, END - dt.timedelta(days=j)) for j in range(60)]
    assert scores(health(person(circle=15), many))["frequency"] == 100.0  # capped


def test_depth_weights_by_channel_and_reads_the_last_12():
    items = [
        meeting(1, END, depth=5),
        InteractionInput(2, END - dt.timedelta(days=1), "message", depth=1),
    ]
    assert scores(health(person(), items))["depth"] == pytest.approx(100 * (1.0 + 0.5) / (1.4 + 2))
    old_deep = [meeting(100, END - dt.timedelta(days=400), depth=5)]
    recent_shallow = [meeting(j + 1, END - dt.timedelta(days=j), depth=1) for j in range(12)]
    assert scores(health(person(), recent_shallow + old_deep))["depth"] == pytest.approx(
        100 * 0.5 / 14
    )


def test_reciprocity_initiative_and_favours():
    items = [meeting(j + 1, END - dt.timedelta(days=j), initiated_by="them") for j in range(3)]
    items[0] = meeting(1, END, initiated_by="them", favours_received=2)
    p = (3 + 1) / (0 + 3 + 2)
    initiative = 100 * (1 - abs(2 * p - 1))
    favours = 100 * min(1, (1 / 3) ** 0.5)
    expected = (3 * (initiative + favours) / 2 + 150) / 6
    assert scores(health(person(), items))["reciprocity"] == pytest.approx(expected)
    generous = [
        meeting(j + 1, END - dt.timedelta(days=j), initiated_by="mutual", favours_given=3)
        for j in range(3)
    ]
    assert scores(health(person(), generous))["reciprocity"] == pytest.approx((3 * 100 + 150) / 6)
