"""Logging one meeting with the favours and promises made in it, as one write.

The composer saves an interaction together with the favours given or received and
the commitments made during it; they land together or not at all, and removing the
entry again (undo) takes its ledger rows with it.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING

from relationship_journal.journal.errors import NotFoundError
from relationship_journal.journal.records import Changes, InteractionFields, InteractionView
from relationship_journal.journal.vocabulary import (
    COMMITMENT_OWNERS,
    FAVOUR_DIRECTIONS,
    check_choice,
    check_range,
    check_text,
)

if TYPE_CHECKING:
    from relationship_journal.journal.core import Journal


@dataclass(frozen=True)
class FavourNote:
    """A favour done in the meeting: `given` to them or `received` from them."""

    direction: str
    what: str
    size: int = 1


@dataclass(frozen=True)
class PromiseNote:
    """A promise made in the meeting: `mine` or `theirs`, with an optional due date."""

    owner: str
    text: str
    due_date: dt.date | None = None


@dataclass(frozen=True)
class AskNote:
    """Something I asked of them in the meeting (size 1 advice/intro … 3 a job, money); open
    until they answer (see Ledger.resolve_ask)."""

    what: str
    size: int = 1


def log_meeting(
    journal: Journal,
    fields: InteractionFields,
    favours: tuple[FavourNote, ...] = (),
    promises: tuple[PromiseNote, ...] = (),
    asks: tuple[AskNote, ...] = (),
) -> Changes:
    """Write the entry and, for each person in it, its favours, promises and asks."""
    # SQLAlchemy is imported on first write, not when the window starts.
    from relationship_journal.journal.interactions import Timeline, validate_interaction
    from relationship_journal.store.models import Ask, Commitment, Favour, Interaction

    fields = validate_interaction(fields)
    _check_notes(favours, promises)
    for ask in asks:
        check_range(ask.size, 1, 3, "an ask's size")
        check_text(ask.what, "what was asked", limit=2000)
    with journal.transaction() as session:
        row = Interaction()
        Timeline._copy(session, row, fields)
        session.add(row)
        session.flush()
        for contact_id in fields.contact_ids:
            for favour in favours:
                session.add(Favour(contact_id=contact_id, direction=favour.direction, size=favour.size,
                                   what=favour.what.strip(), date=fields.date, interaction_id=row.id))
            for promise in promises:
                session.add(Commitment(contact_id=contact_id, owner=promise.owner, text=promise.text.strip(),
                                       created_on=fields.date, due_date=promise.due_date,
                                       interaction_id=row.id))
            for ask in asks:
                session.add(Ask(contact_id=contact_id, what=ask.what.strip(), size=ask.size, outcome="open",
                                date=fields.date, resolved_on=None, interaction_id=row.id))
        return Changes(contacts=frozenset(fields.contact_ids), interactions=frozenset({row.id}),
                       created_id=row.id)


def _check_notes(favours: tuple[FavourNote, ...], promises: tuple[PromiseNote, ...]) -> None:
    for favour in favours:
        check_choice(favour.direction, FAVOUR_DIRECTIONS, "a favour's direction")
        check_range(favour.size, 0, 3, "a favour's size")
        check_text(favour.what, "what the favour was", limit=2000)
    for promise in promises:
        check_choice(promise.owner, COMMITMENT_OWNERS, "whose promise it is")
        check_text(promise.text, "the promise", limit=2000)


def remove_meeting(journal: Journal, interaction_id: int) -> Changes:
    """Delete the entry and the favours, promises and asks recorded with it."""
    from sqlalchemy import delete

    from relationship_journal.store.models import Ask, Commitment, Favour, Interaction

    with journal.transaction() as session:
        row = session.get(Interaction, interaction_id)
        if row is None:
            raise NotFoundError(f"there is no interaction with id {interaction_id}")
        touched = frozenset(c.id for c in row.contacts)
        for model in (Favour, Commitment, Ask):
            session.execute(delete(model).where(model.interaction_id == interaction_id))
        session.delete(row)
    return Changes(contacts=touched, interactions=frozenset({interaction_id}))



def meeting_notes(journal: Journal, entry: InteractionView) -> tuple[tuple[FavourNote, ...], tuple[PromiseNote, ...]]:
    """The favours and promises recorded with an entry, once each (they are stored per person)."""
    favours: dict[FavourNote, None] = {}
    promises: dict[PromiseNote, None] = {}
    for contact_id in entry.contact_ids:
        for f in sorted(journal.ledger.favours(contact_id), key=lambda f: f.id):
            if f.interaction_id == entry.id:
                favours[FavourNote(f.direction, f.what, f.size)] = None
        for c in sorted(journal.ledger.commitments(contact_id), key=lambda c: c.id):
            if c.interaction_id == entry.id:
                promises[PromiseNote(c.owner, c.text, c.due_date)] = None
    return tuple(favours), tuple(promises)


def update_meeting(
    journal: Journal,
    interaction_id: int,
    fields: InteractionFields,
    favours: tuple[FavourNote, ...],
    promises: tuple[PromiseNote, ...],
) -> Changes:
    """Rewrite an entry and make its favours and promises the given ones, as one write.

    A row still wanted for a person still in the entry is kept as it is (a promise keeps
    its "done", a favour recorded for one of several people stays with that one); rows no
    longer wanted go; notes new to the entry, and every note for a person new to it, are
    added.
    """
    from sqlalchemy import select

    from relationship_journal import clock
    from relationship_journal.journal.interactions import Timeline, validate_interaction
    from relationship_journal.store.models import Commitment, Favour

    fields = validate_interaction(fields)
    favours = tuple(dict.fromkeys(FavourNote(f.direction, f.what.strip(), f.size) for f in favours))
    promises = tuple(dict.fromkeys(PromiseNote(p.owner, p.text.strip(), p.due_date) for p in promises))
    _check_notes(favours, promises)
    with journal.transaction() as session:
        row = Timeline._row(session, interaction_id)
        before = {c.id for c in row.contacts}
        Timeline._copy(session, row, fields)
        row.updated_at = clock.now()
        people = set(fields.contact_ids)
        kept_favours: set[FavourNote] = set()
        for favour in session.scalars(select(Favour).where(Favour.interaction_id == interaction_id)):
            note = FavourNote(favour.direction, favour.what, favour.size)
            if note in favours and favour.contact_id in people:
                kept_favours.add(note)  # stays with the people it was recorded for
            else:
                session.delete(favour)
        kept_promises: set[PromiseNote] = set()
        for promise in session.scalars(select(Commitment).where(Commitment.interaction_id == interaction_id)):
            promised = PromiseNote(promise.owner, promise.text, promise.due_date)
            if promised in promises and promise.contact_id in people:
                kept_promises.add(promised)  # keeps its "done" too
            else:
                session.delete(promise)
        for contact_id in fields.contact_ids:
            joined = contact_id not in before  # someone added to the entry gets all of it
            for note in favours:
                if joined or note not in kept_favours:
                    session.add(Favour(contact_id=contact_id, direction=note.direction, size=note.size,
                                       what=note.what, date=fields.date, interaction_id=interaction_id))
            for promise_note in promises:
                if joined or promise_note not in kept_promises:
                    session.add(Commitment(contact_id=contact_id, owner=promise_note.owner, text=promise_note.text,
                                           created_on=fields.date, due_date=promise_note.due_date,
                                           interaction_id=interaction_id))
        return Changes(contacts=frozenset(before | set(fields.contact_ids)), interactions=frozenset({interaction_id}))
