"""The ledger of a relationship: favours both ways, asks and their outcomes, promises."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from relationship_journal.journal.errors import NotFoundError
from relationship_journal.journal.records import AskView, Changes, CommitmentView, FavourView
from relationship_journal.journal.vocabulary import (
    ASK_OUTCOMES,
    COMMITMENT_OWNERS,
    FAVOUR_DIRECTIONS,
    check_choice,
    check_range,
    check_text,
)

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from relationship_journal.journal.core import Journal

# Reads go through the journal's sqlite3 connection; the ORM models are imported by the
# writes that use them, so reading a ledger (today, reports) does not pay for SQLAlchemy.


def _check_links(session: Session, contact_id: int, interaction_id: int | None) -> None:
    from relationship_journal.store.models import Contact, Interaction

    if session.get(Contact, contact_id) is None:
        raise NotFoundError(f"there is no contact with id {contact_id}")
    if interaction_id is not None and session.get(Interaction, interaction_id) is None:
        raise NotFoundError(f"there is no interaction with id {interaction_id}")


def _date(value: str | None) -> dt.date | None:
    return dt.date.fromisoformat(value) if value else None


class Ledger:
    """Favours, asks and commitments, per contact."""

    def __init__(self, journal: Journal) -> None:
        self._journal = journal

    # --- favours ---------------------------------------------------------------------------
    def add_favour(
        self,
        contact_id: int,
        direction: str,
        what: str,
        date: dt.date,
        size: int = 1,
        interaction_id: int | None = None,
    ) -> Changes:
        """Record help given to the person or received from them (size 0–3)."""
        from relationship_journal.store.models import Favour

        check_choice(direction, FAVOUR_DIRECTIONS, "a favour's direction")
        check_range(size, 0, 3, "a favour's size")
        with self._journal.transaction() as session:
            _check_links(session, contact_id, interaction_id)
            row = Favour(
                contact_id=contact_id,
                direction=direction,
                what=what.strip(),
                date=date,
                size=size,
                interaction_id=interaction_id,
            )
            session.add(row)
            session.flush()
            return Changes(contacts=frozenset({contact_id}), created_id=row.id)

    def favours(self, contact_id: int | None = None) -> list[FavourView]:
        where, params = ("WHERE contact_id = ?", (contact_id,)) if contact_id else ("", ())
        with self._journal.reading() as connection:
            rows = connection.execute(
                "SELECT id, contact_id, direction, size, what, date, interaction_id FROM favours "
                f"{where} ORDER BY date DESC, id DESC",
                params,
            ).fetchall()
        return [FavourView(r[0], r[1], r[2], r[3], r[4], dt.date.fromisoformat(r[5]), r[6]) for r in rows]

    # --- asks ------------------------------------------------------------------------------
    def add_ask(
        self,
        contact_id: int,
        what: str,
        date: dt.date,
        size: int = 1,
        outcome: str = "open",
        interaction_id: int | None = None,
    ) -> Changes:
        """Record something I asked of the person (size 1 advice/intro … 3 a job, money)."""
        from relationship_journal.store.models import Ask

        check_range(size, 1, 3, "an ask's size")
        check_choice(outcome, ASK_OUTCOMES, "an ask's outcome")
        what = check_text(what, "what was asked", limit=2000)
        with self._journal.transaction() as session:
            _check_links(session, contact_id, interaction_id)
            row = Ask(
                contact_id=contact_id,
                what=what,
                date=date,
                size=size,
                outcome=outcome,
                resolved_on=None if outcome == "open" else date,
                interaction_id=interaction_id,
            )
            session.add(row)
            session.flush()
            return Changes(contacts=frozenset({contact_id}), created_id=row.id)

    def resolve_ask(self, ask_id: int, outcome: str, on: dt.date) -> Changes:
        from relationship_journal.store.models import Ask

        check_choice(outcome, ASK_OUTCOMES, "an ask's outcome")
        with self._journal.transaction() as session:
            row = session.get(Ask, ask_id)
            if row is None:
                raise NotFoundError(f"there is no ask with id {ask_id}")
            row.outcome = outcome
            row.resolved_on = None if outcome == "open" else on
            return Changes(contacts=frozenset({row.contact_id}))

    def asks(self, contact_id: int | None = None) -> list[AskView]:
        where, params = ("WHERE contact_id = ?", (contact_id,)) if contact_id else ("", ())
        with self._journal.reading() as connection:
            rows = connection.execute(
                "SELECT id, contact_id, what, size, outcome, date, resolved_on, interaction_id "
                f"FROM asks {where} ORDER BY date DESC, id DESC",
                params,
            ).fetchall()
        return [
            AskView(r[0], r[1], r[2], r[3], r[4], dt.date.fromisoformat(r[5]), _date(r[6]), r[7])
            for r in rows
        ]

    # --- commitments -----------------------------------------------------------------------
    def add_commitment(
        self,
        contact_id: int,
        owner: str,
        text: str,
        created_on: dt.date,
        due_date: dt.date | None = None,
        interaction_id: int | None = None,
    ) -> Changes:
        """A promise: `mine` (I owe them) or `theirs` (they owe me)."""
        from relationship_journal.store.models import Commitment

        check_choice(owner, COMMITMENT_OWNERS, "whose promise it is")
        text = check_text(text, "the promise", limit=2000)
        with self._journal.transaction() as session:
            _check_links(session, contact_id, interaction_id)
            row = Commitment(
                contact_id=contact_id,
                owner=owner,
                text=text,
                created_on=created_on,
                due_date=due_date,
                interaction_id=interaction_id,
            )
            session.add(row)
            session.flush()
            return Changes(contacts=frozenset({contact_id}), created_id=row.id)

    def set_commitment_done(self, commitment_id: int, done_on: dt.date | None) -> Changes:
        """Mark a promise kept on `done_on`, or reopen it with None."""
        from relationship_journal.store.models import Commitment

        with self._journal.transaction() as session:
            row = session.get(Commitment, commitment_id)
            if row is None:
                raise NotFoundError(f"there is no commitment with id {commitment_id}")
            row.done_date = done_on
            return Changes(contacts=frozenset({row.contact_id}))

    def commitments(self, contact_id: int | None = None, open_only: bool = False) -> list[CommitmentView]:
        clauses, params = [], []
        if contact_id:
            clauses.append("contact_id = ?")
            params.append(contact_id)
        if open_only:
            clauses.append("done_date IS NULL")
        where = f"WHERE {' AND '.join(clauses)}" if clauses else ""
        with self._journal.reading() as connection:
            rows = connection.execute(
                "SELECT id, contact_id, owner, text, created_on, due_date, done_date, interaction_id "
                f"FROM commitments {where} ORDER BY done_date IS NOT NULL, due_date IS NULL, due_date, created_on, id",
                params,
            ).fetchall()
        return [
            CommitmentView(r[0], r[1], r[2], r[3], dt.date.fromisoformat(r[4]), _date(r[5]), _date(r[6]), r[7])
            for r in rows
        ]

    def delete(self, kind: str, row_id: int) -> Changes:
        """Remove one favour, ask or commitment."""
        from relationship_journal.store.models import Ask, Commitment, Favour

        model = {"favour": Favour, "ask": Ask, "commitment": Commitment}[kind]
        with self._journal.transaction() as session:
            row = session.get(model, row_id)
            if row is None:
                raise NotFoundError(f"there is no {kind} with id {row_id}")
            assert isinstance(row, Favour | Ask | Commitment)  # the mapping above joins to Base
            contact_id = row.contact_id
            session.delete(row)
        return Changes(contacts=frozenset({contact_id}))

