"""Who knows whom: entering relationships, suggestions from people met together,
introduction paths ranked by trust and health, and introductions I could make."""

from __future__ import annotations

import datetime as dt

import pytest

from relationship_journal.journal import Journal, NotFoundError, ValidationError
from relationship_journal.journal.introductions import (
    intro_paths,
    introduction_ideas,
    make_introduction,
)
from relationship_journal.journal.records import ContactFields, InteractionFields

TODAY = dt.date(2026, 11, 23)


def person(journal: Journal, name: str, **fields: object) -> int:
    return journal.contacts.add(ContactFields(display_name=name, **fields)).created_id or 0  # type: ignore[arg-type]


def meet(
    journal: Journal, *who: int, days_ago: int = 10, depth: int = 3, initiated_by: str = "them"
) -> None:
    journal.interactions.log(
        InteractionFields(
            tuple(who),
            TODAY - dt.timedelta(days=days_ago),
            "meeting",
            minutes=90,
            depth=depth,
            initiated_by=initiated_by,
            people_present=len(who) + 1,
        )
    )


def test_a_relationship_reads_from_both_sides(journal: Journal) -> None:
    ann, bob = person(journal, "Ann Lee"), person(journal, "Bob Lee")
    journal.relationships.add(ann, bob, "child", TODAY)
    (from_ann,) = journal.relationships.for_contact(ann)
    (from_bob,) = journal.relationships.for_contact(bob)
    assert (from_ann.other_name, from_ann.words) == ("Bob Lee", "Bob Lee — child")
    assert (from_bob.other_name, from_bob.words) == ("Ann Lee", "Ann Lee — parent")
    cy = person(journal, "Cy Diaz")
    journal.relationships.add(ann, cy, "introduced", TODAY)
    assert "they introduced me to Cy Diaz" in [
        v.words for v in journal.relationships.for_contact(ann)
    ]
    assert [v.words for v in journal.relationships.for_contact(cy)] == [
        "introduced to me by Ann Lee"
    ]
    journal.relationships.remove(from_ann.id)
    assert journal.relationships.for_contact(bob) == []


def test_a_relationship_is_refused_when_it_makes_no_sense(journal: Journal) -> None:
    ann = person(journal, "Ann Lee")
    with pytest.raises(ValidationError, match="two different people"):
        journal.relationships.add(ann, ann, "friend")
    with pytest.raises(ValidationError, match="one of"):
        journal.relationships.add(ann, person(journal, "Bo"), "nemesis")
    with pytest.raises(NotFoundError):
        journal.relationships.add(ann, 999, "friend")


def test_many_relationships_at_once_keep_the_sensible_ones_and_leave_out_the_rest(journal: Journal) -> None:
    ann, bob, cy = person(journal, "Ann Lee"), person(journal, "Bob Lee"), person(journal, "Cy Diaz")
    journal.relationships.add(bob, ann, "parent", TODAY)  # the same as "Bob is Ann's child"
    kept = journal.relationships.add_many(
        [(ann, bob, "child"), (ann, ann, "friend"), (ann, cy, "nemesis"), (ann, 999, "friend"),
         (cy, ann, "colleague")],
        TODAY,
    )
    assert kept == 2
    assert sorted(v.words for v in journal.relationships.for_contact(ann)) == [
        "Bob Lee — child", "Cy Diaz — colleague"
    ]


def test_people_met_together_are_suggested_until_accepted_or_ignored(journal: Journal) -> None:
    ann, bob, cy = person(journal, "Ann"), person(journal, "Bob"), person(journal, "Cy")
    meet(journal, ann, bob, cy, days_ago=30)
    meet(journal, ann, bob, days_ago=10)
    (only,) = journal.relationships.suggestions()
    assert {only.person_id, only.other_id} == {ann, bob} and only.shared == 2
    assert "were in 2 entries together" in only.words()
    assert journal.relationships.suggestions(cy) == []
    assert journal.relationships.suggestions(bob)[0].person_id == bob
    ignored = journal.relationships.ignore(ann, bob, TODAY)
    assert journal.relationships.suggestions() == []
    assert journal.relationships.for_contact(ann) == [], (
        "an ignored suggestion is not a relationship"
    )
    journal.relationships.remove(ignored.created_id or 0)
    assert len(journal.relationships.suggestions()) == 1
    journal.relationships.add(ann, bob, "colleague", TODAY)
    assert journal.relationships.suggestions() == []


def _network(journal: Journal) -> dict[str, int]:
    """Me, a trusted friend and a dormant contact who both know the target."""
    ids = {
        name: person(journal, name, circle=15) for name in ("Trusted", "Dormant", "Target", "Far")
    }
    for k in range(8):
        meet(journal, ids["Trusted"], days_ago=5 + 20 * k, depth=4)
    meet(journal, ids["Dormant"], days_ago=700, depth=2, initiated_by="me")
    journal.relationships.add(ids["Trusted"], ids["Target"], "colleague", TODAY)
    journal.relationships.add(ids["Dormant"], ids["Target"], "colleague", TODAY)
    journal.relationships.add(ids["Far"], ids["Trusted"], "friend", TODAY)
    return ids


def test_an_intro_path_through_a_trusted_connection_beats_a_dormant_one(journal: Journal) -> None:
    ids = _network(journal)
    paths = intro_paths(journal, ids["Target"], TODAY)
    assert [p.steps[0].contact_id for p in paths] == [ids["Trusted"], ids["Dormant"]]
    assert paths[0].score > paths[1].score > 0
    assert "Target is Trusted's colleague" in paths[0].words
    assert paths[0].to_json()["via"] == [
        {"id": ids["Trusted"], "name": "Trusted", "link": "Target is Trusted's colleague"}
    ]


def test_a_shorter_path_beats_a_longer_one_through_the_same_people(journal: Journal) -> None:
    ids = _network(journal)
    for k in range(8):
        meet(journal, ids["Far"], days_ago=5 + 20 * k, depth=4)
    paths = {p.steps[0].contact_id: p for p in intro_paths(journal, ids["Target"], TODAY)}
    far = paths[ids["Far"]]
    assert [s.contact_id for s in far.steps] == [ids["Far"], ids["Trusted"]]
    assert far.score < paths[ids["Trusted"]].score


def test_nobody_knows_the_target_gives_no_path(journal: Journal) -> None:
    lone = person(journal, "Lone")
    assert intro_paths(journal, lone, TODAY) == []
    with pytest.raises(NotFoundError):
        intro_paths(journal, 4242, TODAY)


def test_goals_match_interests_role_and_organisation_folded(journal: Journal) -> None:
    ines = person(journal, "Inês", goals="open a café in Porto; learn sailing")
    sailor = person(journal, "Sam", interests="Sailing, chess")
    cafe = person(journal, "Carla", organisation="Cafe Central")
    person(journal, "Nobody", interests="opera")
    ideas = introduction_ideas(journal)
    pairs = {(i.seeker_id, i.helper_id): i for i in ideas}
    assert set(pairs) == {(ines, sailor), (ines, cafe)}
    assert "Sam is into Sailing, chess" in pairs[(ines, sailor)].words
    assert "Carla works at Cafe Central" in pairs[(ines, cafe)].words
    meet(journal, ines, sailor)
    assert {i.helper_id for i in introduction_ideas(journal)} == {cafe}, (
        "people who met know each other"
    )
    assert introduction_ideas(journal, sailor) == []


def test_making_an_introduction_logs_a_favour_given_to_both_undoably(journal: Journal) -> None:
    ann, bob = person(journal, "Ann"), person(journal, "Bob")
    with journal.history.recording("Make an introduction"):
        changes = make_introduction(journal, ann, bob, TODAY)
    assert changes.contacts == {ann, bob}
    assert [(f.direction, f.what) for f in journal.ledger.favours(ann)] == [
        ("given", "Introduced to Bob")
    ]
    assert [(f.direction, f.what) for f in journal.ledger.favours(bob)] == [
        ("given", "Introduced to Ann")
    ]
    journal.history.undo()
    assert journal.ledger.favours() == []


def test_the_same_relationship_from_the_other_side_is_not_added_twice(journal: Journal) -> None:
    ann, bob = person(journal, "Ann"), person(journal, "Bob")
    first = journal.relationships.add(ann, bob, "child", TODAY).created_id
    assert journal.relationships.add(bob, ann, "parent", TODAY).created_id == first
    assert journal.relationships.add(bob, ann, "friend", TODAY).created_id != first
    assert len(journal.relationships.edges()) == 2
