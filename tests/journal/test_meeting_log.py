"""An entry's favours and promises are rewritten with it, in one write, keeping what was left alone."""

from __future__ import annotations

import datetime as dt

import pytest

from relationship_journal.journal import Journal
from relationship_journal.journal.errors import JournalError
from relationship_journal.journal.meeting_log import (
    FavourNote,
    PromiseNote,
    log_meeting,
    meeting_notes,
    update_meeting,
)
from relationship_journal.journal.records import ContactFields, InteractionFields

DAY = dt.date(2026, 3, 4)


def _people(journal: Journal, *names: str) -> list[int]:
    return [int(journal.contacts.add(ContactFields(display_name=n)).created_id or 0) for n in names]


def test_editing_keeps_unchanged_rows_and_follows_the_people(journal: Journal) -> None:
    ada, bo, cy = _people(journal, "Ada", "Bo", "Cy")
    fields = InteractionFields((ada, bo), DAY, "meeting", note="Dinner")
    favours = (FavourNote("given", "lent a book", 1), FavourNote("received", "an intro", 2))
    promises = (PromiseNote("mine", "send the photos", DAY + dt.timedelta(days=3)),)
    entry_id = log_meeting(journal, fields, favours, promises).created_id
    assert entry_id is not None
    photos = next(c for c in journal.ledger.commitments(ada) if c.text == "send the photos")
    journal.ledger.set_commitment_done(photos.id, DAY)
    entry = journal.interactions.get(entry_id)
    assert meeting_notes(journal, entry) == (favours, promises)  # once each, not once per person

    changes = update_meeting(
        journal,
        entry_id,
        InteractionFields((ada, cy), DAY, "meeting", note="Dinner, corrected"),
        (favours[0],),
        (*promises, PromiseNote("theirs", "book a table")),
    )
    assert changes.contacts == {ada, bo, cy}
    assert {f.what for f in journal.ledger.favours(ada)} == {"lent a book"}
    assert journal.ledger.favours(bo) == [] and journal.ledger.commitments(bo) == []
    assert {f.what for f in journal.ledger.favours(cy)} == {"lent a book"}
    kept = next(c for c in journal.ledger.commitments(ada) if c.text == "send the photos")
    assert (kept.id, kept.done_date) == (photos.id, DAY)
    assert {c.text for c in journal.ledger.commitments(cy)} == {"send the photos", "book a table"}


def test_a_favour_recorded_for_one_of_several_stays_with_that_one(journal: Journal) -> None:
    ada, bo = _people(journal, "Ada", "Bo")
    fields = InteractionFields((ada, bo), DAY, "meeting", note="Lunch")
    entry_id = log_meeting(journal, fields).created_id
    assert entry_id is not None
    journal.ledger.add_favour(ada, "given", "fixed her bike", DAY, 1, interaction_id=entry_id)
    entry = journal.interactions.get(entry_id)
    favours, promises = meeting_notes(journal, entry)

    update_meeting(
        journal,
        entry_id,
        InteractionFields((ada, bo), DAY, "meeting", note="Lunch by the river"),
        favours,
        promises,
    )
    assert [f.what for f in journal.ledger.favours(ada)] == ["fixed her bike"]
    assert journal.ledger.favours(bo) == []


def test_a_refused_edit_changes_nothing(journal: Journal) -> None:
    (ada,) = _people(journal, "Ada")
    fields = InteractionFields((ada,), DAY, "call", note="Call")
    entry_id = log_meeting(journal, fields, (FavourNote("given", "advice"),)).created_id
    assert entry_id is not None
    with pytest.raises(JournalError):
        update_meeting(journal, entry_id, fields, (FavourNote("sideways", "nonsense"),), ())
    assert [f.what for f in journal.ledger.favours(ada)] == ["advice"]
