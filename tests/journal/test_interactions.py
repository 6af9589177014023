"""Logging, editing and reading journal entries; each write lands whole or not at all."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest

from relationship_journal.journal import Journal, NotFoundError, ValidationError
from relationship_journal.journal.records import ContactFields, InteractionFields

DAY = dt.date(2026, 6, 1)


@pytest.fixture
def people(journal: Journal) -> list[int]:
    return [
        journal.contacts.add(ContactFields(display_name=n)).created_id or 0
        for n in ("Maya Cohen", "Tomás Pérez", "Li Wei")
    ]


def test_one_dinner_is_one_entry_on_three_timelines(journal: Journal, people: list[int]) -> None:
    changes = journal.interactions.log(
        InteractionFields(tuple(people), DAY, "social", minutes=150, depth=3, note="Dinner at **Lupa**",
                          people_present=4)
    )
    assert changes.contacts == frozenset(people)
    for cid in people:
        (entry,) = journal.interactions.for_contact(cid)
        assert entry.id == changes.created_id
        assert set(entry.contact_names) == {"Maya Cohen", "Tomás Pérez", "Li Wei"}
        assert entry.note == "Dinner at **Lupa**"


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"depth": 9}, "depth must be"),
        ({"kind": "telepathy"}, "kind must be one of"),
        ({"initiated_by": "nobody"}, "who started it"),
        ({"minutes": -5}, "minutes"),
        ({"contact_ids": ()}, "at least one contact"),
        ({"date": dt.date(1850, 1, 1)}, "out of range"),
    ],
)
def test_bad_entries_are_refused(journal: Journal, people: list[int], change: dict, message: str) -> None:
    fields = dataclasses.replace(InteractionFields((people[0],), DAY, "call"), **change)
    with pytest.raises(ValidationError, match=message):
        journal.interactions.log(fields)
    assert journal.interactions.count() == 0


def test_entry_for_a_missing_person_writes_nothing(journal: Journal, people: list[int]) -> None:
    with pytest.raises(NotFoundError):
        journal.interactions.log(InteractionFields((people[0], 4242), DAY, "meeting", note="lost?"))
    assert journal.interactions.count() == 0
    assert journal.search("lost") == []


def test_a_failure_inside_the_transaction_rolls_everything_back(
    journal: Journal, people: list[int], monkeypatch: pytest.MonkeyPatch
) -> None:
    from relationship_journal.journal import interactions as module

    original = module.Timeline._copy

    def copy_then_fail(session, row, fields):  # type: ignore[no-untyped-def]
        original(session, row, fields)
        session.add(row)
        session.flush()  # the row reaches the database inside the transaction…
        raise OSError("disk full")  # …and then the write fails

    monkeypatch.setattr(module.Timeline, "_copy", staticmethod(copy_then_fail))
    with pytest.raises(OSError):
        journal.interactions.log(InteractionFields((people[0],), DAY, "call", note="half written"))
    assert journal.interactions.count() == 0
    assert journal.search("half written") == []


def test_edit_delete_and_restore(journal: Journal, people: list[int]) -> None:
    maya, tomas, _li = people
    iid = journal.interactions.log(InteractionFields((maya,), DAY, "call", note="first")).created_id
    assert iid is not None
    changes = journal.interactions.update(iid, InteractionFields((maya, tomas), DAY, "video", note="edited"))
    assert changes.contacts == {maya, tomas}
    view = journal.interactions.get(iid)
    assert (view.kind, view.note, set(view.contact_ids)) == ("video", "edited", {maya, tomas})
    journal.interactions.delete(iid)
    assert journal.interactions.for_contact(maya) == []
    journal.interactions.restore(view)
    assert journal.interactions.get(iid).note == "edited"
    with pytest.raises(NotFoundError):
        journal.interactions.delete(9999)


def test_timelines_are_newest_first_and_filterable(journal: Journal, people: list[int]) -> None:
    maya = people[0]
    for days, kind in ((30, "email"), (1, "call"), (10, "meeting")):
        journal.interactions.log(InteractionFields((maya,), DAY - dt.timedelta(days=days), kind))
    assert [e.kind for e in journal.interactions.for_contact(maya)] == ["call", "meeting", "email"]
    assert [e.kind for e in journal.interactions.recent(kinds=["meeting", "email"])] == ["meeting", "email"]
    assert [e.kind for e in journal.interactions.recent(since=DAY - dt.timedelta(days=10))] == ["call", "meeting"]
    assert len(journal.interactions.for_contact(maya, limit=2)) == 2


def test_a_group_entry_counts_everyone_present(journal: Journal, people: list[int]) -> None:
    iid = journal.interactions.log(InteractionFields(tuple(people), DAY, "meeting")).created_id
    assert journal.interactions.get(iid or 0).people_present == 4
    solo = journal.interactions.log(InteractionFields((people[0],), DAY, "call")).created_id
    assert journal.interactions.get(solo or 0).people_present is None
