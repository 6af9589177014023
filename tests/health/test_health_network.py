"""Network figures: breadth, depth, occupancy, mismatches, attention, fading, JSON."""

from __future__ import annotations

import datetime as dt
import json
import math

import pytest
from health_factories import END, meeting

from relationship_journal.health import (
    DEFAULTS,
    ContactInput,
    ContactLog,
    InteractionInput,
    attention,
    compute_contact,
    compute_network,
    summarise_network,
    to_json_dict,
    wide_deep_verdict,
)


def trusted_friend(cid, name, last=END, circle=15, calibre=None, minutes=180, count=24):
    items = [
        meeting(
            cid * 1000 + j,
            last - dt.timedelta(days=30 * j),
            minutes=minutes,
            depth=4,
            initiated_by=("them", "me")[j % 2],
        )
        for j in range(count)
    ]
    return ContactLog(ContactInput(cid, name, circle=circle, calibre=calibre), items)


def acquaintance(cid, name, days_ago, circle=150, calibre=None):
    return ContactLog(
        ContactInput(cid, name, circle=circle, calibre=calibre),
        [
            InteractionInput(
                cid * 1000, END - dt.timedelta(days=days_ago), "message", initiated_by="me", depth=1
            )
        ],
    )


def stranger(cid, name, circle=500):
    return ContactLog(ContactInput(cid, name, circle=circle), [])


def test_breadth_depth_and_the_wide_deep_index():
    logs = [trusted_friend(1, "Ann"), trusted_friend(2, "Bob", calibre=5)]
    logs += [
        acquaintance(10 + i, f"Acq {i}", days_ago=i * 20) for i in range(30)
    ]  # 19 within a year
    logs += [stranger(100 + i, f"Stranger {i}") for i in range(5)]
    network = compute_network(logs, END)
    assert network.total_contacts == 37
    assert network.breadth == 2 + 19
    assert network.depth == 2
    assert network.trusted == 2
    assert network.wide_deep_index == pytest.approx(math.log10(22 / 3))
    assert network.verdict == "typical"
    assert network.high_calibre.count == 1
    assert network.high_calibre.trusted == 1
    assert network.bands["no data"] == 5  # any touch, however old, is data


@pytest.mark.parametrize(
    ("index", "verdict"),
    [
        (0.0, "deep"),
        (0.5, "deep"),
        (0.51, "typical"),
        (1.0, "typical"),
        (1.5, "wide"),
        (1.51, "a mile wide and an inch deep"),
    ],
)
def test_wide_deep_verdicts(index, verdict):
    assert wide_deep_verdict(index) == verdict


def test_a_mile_wide_network():
    logs = [acquaintance(i, f"P{i}", days_ago=i % 300) for i in range(1, 100)]
    network = compute_network(logs, END)
    assert network.depth == 0
    assert network.wide_deep_index == pytest.approx(2.0)
    assert network.verdict == "a mile wide and an inch deep"


def test_circle_occupancy_and_overload_warning():
    logs = [
        acquaintance(i, f"Inner {i}", days_ago=400, circle=5) for i in range(1, 9)
    ]  # 8 > 1.5 × 5
    logs += [
        acquaintance(20 + i, f"Close {i}", days_ago=400, circle=15) for i in range(15)
    ]  # 15 = 1.5 × 10
    network = compute_network(logs, END)
    circles = {c.circle: c for c in network.circles}
    assert (circles[5].count, circles[5].capacity, circles[5].overloaded) == (8, 5, True)
    assert (circles[15].count, circles[15].capacity, circles[15].overloaded) == (15, 10, False)
    assert circles[500].capacity == 350
    assert len(network.circle_warnings) == 1 and "Circle 5 holds 8" in network.circle_warnings[0]


def test_observed_circle_mismatch_of_two_layers():
    weekly = ContactLog(
        ContactInput(1, "Chosen wide, lived close", circle=500),
        [InteractionInput(j, END - dt.timedelta(days=7 * j), "call") for j in range(1, 53)],
    )
    monthly = ContactLog(
        ContactInput(2, "As chosen", circle=15),
        [InteractionInput(100 + j, END - dt.timedelta(days=30 * j), "call") for j in range(12)],
    )
    neglected = ContactLog(ContactInput(3, "Inner but silent", circle=5), [])
    network = compute_network([weekly, monthly, neglected], END)
    observed = {c.contact_id: c.observed_circle for c in network.contacts}
    assert observed == {1: 5, 2: 15, 3: 500}
    assert [(m.contact_id, m.chosen, m.observed) for m in network.mismatches] == [
        (1, 500, 5),
        (3, 5, 500),
    ]


def test_attention_concentration():
    hours = [float(h) for h in range(1, 21)]  # 20 people, 210 hours
    result = attention(hours)
    assert result.total_hours == pytest.approx(210)
    assert result.top5_share == pytest.approx((20 + 19 + 18 + 17 + 16) / 210)
    assert result.top15_share == pytest.approx(sum(range(6, 21)) / 210)
    assert result.effective_people == pytest.approx(1 / sum((h / 210) ** 2 for h in hours))
    assert attention([]).effective_people == 0.0
    assert attention([3.0, 3.0]).effective_people == pytest.approx(2.0)


def test_attention_counts_only_the_last_90_days():
    recent = ContactLog(
        ContactInput(1, "Recent"), [meeting(1, END - dt.timedelta(days=10), minutes=120)]
    )
    old = ContactLog(
        ContactInput(2, "Old"), [meeting(2, END - dt.timedelta(days=120), minutes=600)]
    )
    network = compute_network([recent, old], END)
    assert network.attention.top5_share == pytest.approx(1.0)
    assert network.attention.total_hours == pytest.approx(2 * 0.85 ** (10 / 365))


def test_fading_list_is_sorted_filtered_and_explained():
    def friend(cid, name, days_ago):  # a connection with few hours: silence can sink it
        return trusted_friend(
            cid, name, last=END - dt.timedelta(days=days_ago), minutes=60, count=12
        )

    soon = friend(1, "Soon", 146)
    sooner = friend(2, "Sooner", 152)
    far = friend(3, "Far", 0)  # fades, but further out than a cadence or 30 days
    wide = ContactLog(  # circle 150 and not a connection: never listed
        ContactInput(4, "Wide", circle=150),
        [
            meeting(
                4000 + j, END - dt.timedelta(days=30 * j), minutes=60, depth=3, initiated_by="me"
            )
            for j in range(12)
        ],
    )
    connection = ContactLog(  # circle 150 but a connection, fading within its 60-day cadence
        ContactInput(5, "Connection", circle=150, cadence_days=60),
        [
            meeting(
                5000 + j,
                END - dt.timedelta(days=170 + 30 * j),
                minutes=30,
                depth=4 if j == 0 else 2,
                initiated_by=("them", "me")[j % 2],
            )
            for j in range(12)
        ],
    )
    network = compute_network([soon, sooner, far, wide, connection], END)
    fade = {c.contact_id: c.fade_date for c in network.contacts}
    assert all(fade[i] is not None for i in (1, 2, 3))
    assert network.contacts[2].classification == "connection"
    assert network.contacts[4].classification == "connection"
    assert (fade[5] - END).days <= 60
    listed = [f.contact_id for f in network.fading]
    assert sorted(listed) == [1, 2, 5]
    assert listed.index(2) < listed.index(1)
    assert [f.fade_date for f in network.fading] == sorted(f.fade_date for f in network.fading)
    assert (fade[3] - END).days > 30
    assert fade[4] is not None and network.contacts[3].classification == "contact"
    assert network.fading[0].cause in ("recency", "frequency", "investment")
    assert network.fading[0].cause_text.startswith("With no new contact")


def test_a_deep_long_friendship_does_not_fade_in_two_years_of_silence():
    # Depth, regularity and reciprocity hold in silence and 72 hours fade slowly:
    # health bottoms out just above 50, so there is no fade date.
    result = compute_contact(trusted_friend(1, "Ann"), END)
    assert result.fade_date is None
    assert compute_contact(trusted_friend(1, "Ann"), END + dt.timedelta(days=730)).score >= 50


def test_one_contact_recomputed_matches_the_network_pass():
    logs = [trusted_friend(1, "Ann"), acquaintance(2, "Bo", 3), stranger(3, "Cy")]
    network = compute_network(logs, END)
    for log, result in zip(logs, network.contacts, strict=True):
        assert compute_contact(log, END) == result
    # The GUI swaps one recomputed contact in and re-summarises.
    changed = acquaintance(2, "Bo", 1)
    contacts = list(network.contacts)
    contacts[1] = compute_contact(changed, END)
    assert summarise_network(contacts, END) == compute_network([logs[0], changed, logs[2]], END)


def test_json_contract():
    network = compute_network([trusted_friend(1, "Ann"), stranger(2, "Cy")], END)
    data = json.loads(json.dumps(to_json_dict(network)))
    assert data["as_of"] == END.isoformat()
    ann, cy = data["contacts"]
    for key in (
        "id",
        "name",
        "score",
        "band",
        "trust",
        "classification",
        "fade_date",
        "components",
    ):
        assert key in ann
    assert set(ann["components"]) == {
        "recency",
        "frequency",
        "consistency",
        "depth",
        "reciprocity",
        "investment",
    }
    for part in ann["components"].values():
        assert set(part) >= {"score", "weight", "contribution", "explanation", "interaction_ids"}
    assert cy["score"] is None and cy["band"] == "no data" and cy["fade_date"] is None
    net = data["network"]
    for key in ("breadth", "depth", "trusted", "wide_deep_index", "verdict", "circles", "fading"):
        assert key in net
    assert net["circles"]["15"] == {"count": 1, "capacity": 10, "observed": 1, "overloaded": False}
    only_ann = to_json_dict(network, [network.contacts[0]])
    assert [c["id"] for c in only_ann["contacts"]] == [1]
    assert only_ann["network"]["total_contacts"] == 2


def test_fading_lists_only_who_fades_within_the_horizon():
    """Default 60 days: a friend seen today who fades in months is not "fading" yet, but a
    longer horizon (the person's preference) lists them; their own fade date stays."""
    import dataclasses

    seen_today = trusted_friend(1, "Seen Today", last=END, minutes=60, count=12)
    network = compute_network([seen_today], END)
    (person,) = network.contacts
    assert person.fade_date is not None and (person.fade_date - END).days > 60
    assert network.fading == ()
    longer = dataclasses.replace(DEFAULTS, fading_horizon_days=(person.fade_date - END).days)
    assert [f.contact_id for f in compute_network([seen_today], END, longer).fading] == [1]
