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
from relationship_journal.journal.records import Changes, InteractionFields
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
    for favour in favours:
        check_choice(favour.direction, FAVOUR_DIRECTIONS, "a favour's direction")
        check_range(favour.size, 0, 3, "a favour's size")
        check_text(favour.what, "what the favour was", limit=2000)
    for promise in promises:
        check_choice(promise.owner, COMMITMENT_OWNERS, "whose promise it is")
        check_text(promise.text, "the promise", limit=2000)
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
