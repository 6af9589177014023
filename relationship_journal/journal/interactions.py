"""The timeline: logging, editing and reading journal entries."""

from __future__ import annotations

import dataclasses
import datetime as dt
import sqlite3
from collections import defaultdict
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from relationship_journal import clock
from relationship_journal.journal.errors import NotFoundError, ValidationError
from relationship_journal.journal.records import Changes, InteractionFields, InteractionView
from relationship_journal.journal.vocabulary import (
    CHANNELS,
    INITIATORS,
    INTERACTION_KINDS,
    check_choice,
    check_range,
    without_controls,
)

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from relationship_journal.journal.core import Journal
    from relationship_journal.store.models import Contact, Interaction

# Reads go through the journal's sqlite3 connection; SQLAlchemy and the ORM models are
# imported by the writes that use them, so reading a timeline does not pay for them.

MAX_NOTE_CHARS = 200_000
EARLIEST_DATE = dt.date(1900, 1, 1)

_SELECT_VIEW = (
    "SELECT i.id, i.date, i.kind, i.minutes, i.initiated_by, i.depth, i.note, i.channel, "
    "i.people_present, i.location FROM interactions i"
)


def validate_interaction(fields: InteractionFields, today: dt.date | None = None) -> InteractionFields:
    """Check an entry before it is written; raises ValidationError with a readable reason."""
    if not fields.contact_ids:
        raise ValidationError("an interaction needs at least one contact")
    check_choice(fields.kind, INTERACTION_KINDS, "kind")
    check_choice(fields.initiated_by, INITIATORS, "who started it")
    check_range(fields.depth, 1, 5, "depth")
    if fields.channel is not None:
        check_choice(fields.channel, CHANNELS, "channel")
    if fields.minutes is not None:
        check_range(fields.minutes, 0, 24 * 60, "minutes")
    if fields.people_present is not None:
        check_range(fields.people_present, 2, 100_000, "people present")
    latest = (today or clock.today()) + dt.timedelta(days=366)
    if not EARLIEST_DATE <= fields.date <= latest:
        raise ValidationError(
            f"the date {fields.date.isoformat()} is out of range: entries go from "
            f"{EARLIEST_DATE.isoformat()} to a year from today ({latest.isoformat()})"
        )
    if len(fields.note) > MAX_NOTE_CHARS:
        raise ValidationError(f"the note is longer than {MAX_NOTE_CHARS:,} characters")
    note = without_controls(fields.note)  # a NUL would cut the note short in snippets and PDFs
    contact_ids = tuple(dict.fromkeys(fields.contact_ids))
    present = fields.people_present
    if present is None and len(contact_ids) > 1:
        present = len(contact_ids) + 1  # everyone named, and me: the health model dilutes groups
    return dataclasses.replace(fields, note=note, contact_ids=contact_ids, people_present=present)


def _contacts(session: Session, contact_ids: Sequence[int]) -> list[Contact]:
    from sqlalchemy import select

    from relationship_journal.store.models import Contact

    contacts = list(session.scalars(select(Contact).where(Contact.id.in_(contact_ids))))
    missing = set(contact_ids) - {c.id for c in contacts}
    if missing:
        raise NotFoundError(f"there is no contact with id {min(missing)}")
    return contacts


def _views(
    connection: sqlite3.Connection, rows: list[tuple[Any, ...]]
) -> list[InteractionView]:
    ids = [r[0] for r in rows]
    people: dict[int, list[tuple[int, str]]] = defaultdict(list)
    for start in range(0, len(ids), 900):
        chunk = ids[start : start + 900]
        marks = ",".join("?" * len(chunk))
        for iid, cid, name in connection.execute(
            "SELECT ic.interaction_id, c.id, c.display_name FROM interaction_contacts ic "
            f"JOIN contacts c ON c.id = ic.contact_id WHERE ic.interaction_id IN ({marks}) "
            "ORDER BY c.search_name",
            chunk,
        ):
            people[iid].append((cid, name))
    return [
        InteractionView(
            id=iid,
            date=dt.date.fromisoformat(date),
            kind=kind,
            minutes=minutes,
            initiated_by=initiated_by,
            depth=depth,
            note=note,
            channel=channel,
            people_present=present,
            location=location,
            contact_ids=tuple(c for c, _n in people[iid]),
            contact_names=tuple(n for _c, n in people[iid]),
        )
        for iid, date, kind, minutes, initiated_by, depth, note, channel, present, location in rows
    ]


class Timeline:
    """Journal entries, each on the timeline of everyone who took part."""

    def __init__(self, journal: Journal) -> None:
        self._journal = journal

    def log(self, fields: InteractionFields) -> Changes:
        """Write one entry; the new id is `Changes.created_id`."""
        from relationship_journal.store.models import Interaction

        fields = validate_interaction(fields)
        with self._journal.transaction() as session:
            row = Interaction()
            self._copy(session, row, fields)
            session.add(row)
            session.flush()
            return Changes(
                contacts=frozenset(fields.contact_ids),
                interactions=frozenset({row.id}),
                created_id=row.id,
            )

    def update(self, interaction_id: int, fields: InteractionFields) -> Changes:
        fields = validate_interaction(fields)
        with self._journal.transaction() as session:
            row = self._row(session, interaction_id)
            before = {c.id for c in row.contacts}
            self._copy(session, row, fields)
            row.updated_at = clock.now()
            return Changes(
                contacts=frozenset(before | set(fields.contact_ids)),
                interactions=frozenset({interaction_id}),
            )

    def delete(self, interaction_id: int) -> Changes:
        with self._journal.transaction() as session:
            row = self._row(session, interaction_id)
            touched = frozenset(c.id for c in row.contacts)
            session.delete(row)
        return Changes(contacts=touched, interactions=frozenset({interaction_id}))

    def restore(self, view: InteractionView) -> Changes:
        """Put back a deleted entry under its old id (used by undo)."""
        from relationship_journal.store.models import Interaction

        fields = validate_interaction(view)
        with self._journal.transaction() as session:
            if session.get(Interaction, view.id) is not None:
                raise ValidationError(f"interaction {view.id} already exists")
            row = Interaction(id=view.id)
            self._copy(session, row, fields)
            session.add(row)
        return Changes(contacts=frozenset(fields.contact_ids), interactions=frozenset({view.id}))

    def get(self, interaction_id: int) -> InteractionView:
        with self._journal.reading() as connection:
            rows = connection.execute(f"{_SELECT_VIEW} WHERE i.id = ?", (interaction_id,)).fetchall()
            if not rows:
                raise NotFoundError(f"there is no interaction with id {interaction_id}")
            return _views(connection, rows)[0]

    def for_contact(self, contact_id: int, limit: int | None = None) -> list[InteractionView]:
        """A person's timeline, newest first."""
        with self._journal.reading() as connection:
            rows = connection.execute(
                f"{_SELECT_VIEW} JOIN interaction_contacts ic ON ic.interaction_id = i.id "
                "WHERE ic.contact_id = ? ORDER BY i.date DESC, i.id DESC LIMIT ?",
                (contact_id, -1 if limit is None else limit),
            ).fetchall()
            return _views(connection, rows)

    def recent(
        self,
        kinds: Sequence[str] | None = None,
        since: dt.date | None = None,
        until: dt.date | None = None,
        limit: int = 500,
    ) -> list[InteractionView]:
        """Everyone's timeline, newest first, filtered by kind and date range."""
        clauses: list[str] = []
        params: list[str] = []
        if kinds:
            clauses.append(f"i.kind IN ({','.join('?' * len(kinds))})")
            params.extend(kinds)
        if since:
            clauses.append("i.date >= ?")
            params.append(since.isoformat())
        if until:
            clauses.append("i.date <= ?")
            params.append(until.isoformat())
        where = f" WHERE {' AND '.join(clauses)}" if clauses else ""
        with self._journal.reading() as connection:
            rows = connection.execute(
                f"{_SELECT_VIEW}{where} ORDER BY i.date DESC, i.id DESC LIMIT ?", (*params, limit)
            ).fetchall()
            return _views(connection, rows)

    def count(self) -> int:
        with self._journal.reading() as connection:
            count: int = connection.execute("SELECT count(*) FROM interactions").fetchone()[0]
            return count

    @staticmethod
    def _row(session: Session, interaction_id: int) -> Interaction:
        from relationship_journal.store.models import Interaction

        row = session.get(Interaction, interaction_id)
        if row is None:
            raise NotFoundError(f"there is no interaction with id {interaction_id}")
        return row

    @staticmethod
    def _copy(session: Session, row: Interaction, fields: InteractionFields) -> None:
        row.contacts = _contacts(session, fields.contact_ids)
        row.date = fields.date
        row.kind = fields.kind
        row.channel = fields.channel
        row.minutes = fields.minutes
        row.initiated_by = fields.initiated_by
        row.depth = fields.depth
        row.people_present = fields.people_present
        row.note = fields.note
        row.location = fields.location.strip() if fields.location else None
