"""Adding, editing, finding and removing people through the service layer."""

from __future__ import annotations

import datetime as dt

import pytest

from relationship_journal.journal import AmbiguousNameError, Journal, NotFoundError, ValidationError
from relationship_journal.journal.records import (
    Birthday,
    ContactFields,
    InteractionFields,
    Labelled,
)


def add(journal: Journal, name: str, **fields: object) -> int:
    changes = journal.contacts.add(ContactFields(display_name=name, **fields))  # type: ignore[arg-type]
    assert changes.created_id is not None
    return changes.created_id


def test_add_keeps_the_whole_depth_profile(journal: Journal) -> None:
    cid = add(
        journal,
        "  Zoë Ångström ",
        organisation="Acme Ltd",
        role="CTO",
        emails=(Labelled("zoe@acme.example", "work"), Labelled("zoe@home.example", "home")),
        phones=(Labelled("+44 20 7946 0018", "mobile"),),
        birthday=Birthday(4, 15),
        interests="sailing, chess",
        goals="open a bakery in Porto",
        circle=15,
        kin=True,
        calibre=4,
        tags=("founder", "sailing"),
    )
    detail = journal.contacts.get(cid)
    assert detail.display_name == "Zoë Ångström"
    assert [e.value for e in detail.emails] == ["zoe@acme.example", "zoe@home.example"]
    assert detail.emails[0].label == "work"
    assert detail.birthday is not None and detail.birthday.iso() == "--04-15"
    assert (detail.circle, detail.kin, detail.calibre) == (15, True, 4)
    assert detail.tags == ("founder", "sailing")
    assert detail.goals == "open a bakery in Porto"


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"display_name": "   "}, "name cannot be empty"),
        ({"display_name": "A", "circle": 12}, "circle must be one of"),
        ({"display_name": "A", "calibre": 9}, "calibre"),
        ({"display_name": "A", "emails": (Labelled("not-an-address"),)}, "not an email"),
        ({"display_name": "A", "phones": (Labelled("call me"),)}, "not a phone"),
    ],
)
def test_bad_contacts_are_refused_and_nothing_is_written(
    journal: Journal, fields: dict[str, object], message: str
) -> None:
    with pytest.raises(ValidationError, match=message):
        journal.contacts.add(ContactFields(**fields))  # type: ignore[arg-type]
    assert journal.contacts.count() == 0


def test_impossible_birthday_is_refused() -> None:
    with pytest.raises(ValidationError, match="not a real date"):
        Birthday(2, 30)
    assert Birthday.parse("--02-29").iso() == "--02-29"
    assert Birthday.parse("1985-07-01") == Birthday(7, 1, 1985)


def test_update_changes_only_what_was_asked(journal: Journal) -> None:
    cid = add(journal, "Ravi Patel", organisation="Helix", interests="cricket", tags=("client",))
    journal.contacts.update(cid, goals="run a marathon", tags=("client", "mentor"), circle=50)
    detail = journal.contacts.get(cid)
    assert detail.goals == "run a marathon"
    assert detail.interests == "cricket"
    assert detail.tags == ("client", "mentor")
    assert detail.circle == 50


def test_failed_update_leaves_the_contact_as_it_was(journal: Journal) -> None:
    cid = add(journal, "Ravi Patel", organisation="Helix")
    with pytest.raises(ValidationError):
        journal.contacts.update(cid, organisation="Elsewhere", circle=7)
    assert journal.contacts.get(cid).organisation == "Helix"
    with pytest.raises(ValidationError, match="cannot edit"):
        journal.contacts.update(cid, archived=True)


def test_names_match_ignoring_case_and_accents(journal: Journal) -> None:
    zoe = add(journal, "Zoë Ångström")
    add(journal, "Zoe Smith")
    assert journal.contacts.resolve("ANGSTROM") == zoe
    assert journal.contacts.resolve("zoë ångström") == zoe
    with pytest.raises(AmbiguousNameError) as raised:
        journal.contacts.resolve("zoe")
    assert "Zoë Ångström" in str(raised.value) and "Zoe Smith" in str(raised.value)
    with pytest.raises(NotFoundError, match="no contact matches"):
        journal.contacts.resolve("Nobody Such")


def test_an_exact_name_wins_over_longer_ones(journal: Journal) -> None:
    ann = add(journal, "Ann Lee")
    add(journal, "Ann Leeds")
    assert journal.contacts.resolve("ann lee") == ann


def test_bulk_circle_tags_and_archive(journal: Journal) -> None:
    ids = [add(journal, n) for n in ("Ana", "Ben", "Cleo")]
    journal.contacts.set_circle(ids[:2], 5)
    journal.contacts.add_tag(ids, "climbing club")
    journal.contacts.remove_tag(ids[2:], "climbing club")
    journal.contacts.set_archived([ids[0]])
    listed = {c.name: c for c in journal.contacts.list()}
    assert set(listed) == {"Ben", "Cleo"}
    assert listed["Ben"].circle == 5 and listed["Ben"].tags == ("climbing club",)
    assert listed["Cleo"].tags == ()
    assert {c.name for c in journal.contacts.list(include_archived=True)} == {"Ana", "Ben", "Cleo"}
    with pytest.raises(NotFoundError):
        journal.contacts.set_circle([ids[0], 999], 15)
    assert journal.contacts.get(ids[0]).circle == 5  # the failed bulk change wrote nothing


def test_delete_removes_the_person_and_entries_only_they_were_in(journal: Journal) -> None:
    ana, ben = add(journal, "Ana"), add(journal, "Ben")
    day = dt.date(2026, 5, 1)
    journal.interactions.log(InteractionFields((ana,), day, "call"))
    shared = journal.interactions.log(InteractionFields((ana, ben), day, "meeting")).created_id
    journal.contacts.delete([ana])
    assert [c.name for c in journal.contacts.list()] == ["Ben"]
    assert [i.id for i in journal.interactions.for_contact(ben)] == [shared]
    assert journal.interactions.count() == 1


def test_list_shows_last_contact(journal: Journal) -> None:
    ana = add(journal, "Ana", emails=(Labelled("ana@x.example"),))
    journal.interactions.log(InteractionFields((ana,), dt.date(2026, 1, 5), "call"))
    journal.interactions.log(InteractionFields((ana,), dt.date(2026, 3, 9), "email"))
    (row,) = journal.contacts.list()
    assert row.last_contact == dt.date(2026, 3, 9)
    assert row.emails == ("ana@x.example",)


def test_a_persons_profile_reads_while_another_program_is_writing(journal: Journal) -> None:
    """Opening someone's page must not queue behind (or block) a long import in another window."""
    import sqlite3

    cid = add(journal, "Ann Lee", organisation="Acme")
    other = sqlite3.connect(journal.database.path, timeout=0.05)
    other.isolation_level = None
    other.execute("BEGIN IMMEDIATE")  # another program holds the write lock
    try:
        assert journal.contacts.get(cid).organisation == "Acme"
        other.execute("UPDATE contacts SET organisation = 'Globex' WHERE id = ?", (cid,))
        assert journal.contacts.get(cid).organisation == "Acme"  # not written until it commits
    finally:
        other.execute("ROLLBACK")
        other.close()


def test_organisations_are_the_current_peoples_as_the_list_has_them(journal: Journal) -> None:
    ada = add(journal, "Ada", organisation="Analytical Engines")
    add(journal, "Ben")
    gone = add(journal, "Cleo", organisation="Gone Ltd")
    journal.contacts.set_archived([gone])
    listed = {s.id: s.organisation for s in journal.contacts.list() if s.organisation}
    assert journal.contacts.organisations() == listed == {ada: "Analytical Engines"}


def test_everyones_last_contact_is_each_persons_own(journal: Journal) -> None:
    """The whole list reads last days from the entries' side, a few people from their links:
    the two must agree, person by person."""
    from relationship_journal.demo import generate

    generate(journal, contacts=60, seed=5, as_of=dt.date(2026, 6, 30))
    everyone = {s.id: s.last_contact for s in journal.contacts.list()}
    some = sorted(everyone)[::7]
    assert {s.id: s.last_contact for s in journal.contacts.list(only=some)} == {i: everyone[i] for i in some}
    assert sum(day is not None for day in everyone.values()) > 40
    for cid in some:
        assert journal.contacts.get(cid).last_contact == everyone[cid]
