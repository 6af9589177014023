"""Ask readiness: the tie, being in touch, the giving balance, and no hanging ask."""

from __future__ import annotations

import datetime as dt

from health_factories import END, health, meeting, person

from relationship_journal.health import AskInput, FavourInput, InteractionInput


def friend(last=END, favours_given=1):
    return [
        meeting(
            j + 1,
            last - dt.timedelta(days=30 * j),
            minutes=180,
            depth=4 + j % 2,
            initiated_by=("them", "me")[j % 2],
            favours_given=favours_given if j < 3 else 0,
        )
        for j in range(24)
    ]


def verdicts(result):
    return {a.size: a.verdict for a in result.asks}


def failing(result, size):
    return {c.name: c for c in result.asks[size - 1].checks if not c.passed}


def test_a_trusted_friend_i_helped_lately_is_ready():
    result = health(person(circle=15), friend())
    assert result.classification == "trusted"
    assert result.giving_balance >= 2
    assert verdicts(result) == {1: "Ready", 2: "Ready", 3: "Ready"}
    assert all(c.action is None for a in result.asks for c in a.checks)


def test_a_big_ask_needs_giving_first():
    result = health(person(circle=15), friend(favours_given=0))
    assert result.giving_balance == 0
    assert verdicts(result) == {1: "Ready", 2: "Warm up first", 3: "Warm up first"}
    fails = failing(result, 3)
    assert set(fails) == {"balance"}
    assert fails["balance"].action.startswith("Do something for them first")


def test_the_balance_a_size_needs():
    recent_gift = [FavourInput(1, END, "given", 1)]
    result = health(person(circle=15), friend(favours_given=0), favours=recent_gift)
    assert result.giving_balance == 1
    assert verdicts(result) == {1: "Ready", 2: "Ready", 3: "Warm up first"}
    older_gift = [FavourInput(1, END - dt.timedelta(days=180), "given", 1)]  # worth half now
    halved = health(person(circle=15), friend(favours_given=0), favours=older_gift)
    assert halved.giving_balance == 0.5
    assert verdicts(halved)[2] == "Warm up first"


def test_a_stranger_is_not_yet_for_any_size():
    result = health(person(), [InteractionInput(1, END, "message", initiated_by="me", depth=1)])
    assert verdicts(result) == {1: "Not yet", 2: "Not yet", 3: "Not yet"}
    tie = failing(result, 2)["tie"]
    assert "connection" in tie.action


def test_a_friend_out_of_touch_should_warm_up_first():
    result = health(person(circle=15), friend(), END + dt.timedelta(days=60))
    assert result.trust >= 60
    assert verdicts(result)[1] == "Warm up first"
    fails = failing(result, 1)
    assert "current" in fails
    assert fails["current"].action.startswith("Get in touch first")


def test_an_open_ask_blocks_until_two_more_interactions():
    history = friend(last=END - dt.timedelta(days=12))
    ask = AskInput(1, END - dt.timedelta(days=10), size=1, outcome="open")
    one_since = history + [meeting(100, END - dt.timedelta(days=5), initiated_by="them", depth=4)]
    blocked = health(person(circle=15), one_since, asks=[ask])
    assert verdicts(blocked)[1] == "Warm up first"
    assert set(failing(blocked, 1)) == {"open_ask"}
    assert failing(blocked, 1)["open_ask"].action.startswith("Wait for an answer")
    two_since = one_since + [meeting(101, END - dt.timedelta(days=2), initiated_by="me", depth=4)]
    cleared = health(person(circle=15), two_since, asks=[ask])
    assert verdicts(cleared)[1] == "Ready"
    answered = health(
        person(circle=15), one_since, asks=[AskInput(1, ask.date, size=1, outcome="helped")]
    )
    assert "open_ask" not in failing(answered, 1)
    quiet = friend(last=END - dt.timedelta(days=100)) + [
        meeting(100, END, initiated_by="them", depth=4)
    ]
    recent_ask = AskInput(1, END - dt.timedelta(days=89), size=1, outcome="open")
    old_ask = AskInput(1, END - dt.timedelta(days=90), size=1, outcome="open")
    assert "open_ask" in failing(health(person(circle=15), quiet, asks=[recent_ask]), 1)
    assert "open_ask" not in failing(health(person(circle=15), quiet, asks=[old_ask]), 1)


def test_an_open_ask_logged_on_an_interaction_counts_too():
    items = friend(last=END - dt.timedelta(days=3))
    items[0] = meeting(
        1, END - dt.timedelta(days=3), minutes=180, depth=4, initiated_by="them", ask_outcome="open"
    )
    result = health(person(circle=15), items)
    assert "open_ask" in failing(result, 1)


def test_received_favours_lower_the_giving_balance():
    items = friend(favours_given=0)
    owed = health(person(circle=15), items, favours=[FavourInput(1, END, "received", 3)])
    assert owed.giving_balance == -3
    assert "balance" in failing(owed, 1)
    assert "balance" not in failing(health(person(circle=15), items), 1)
