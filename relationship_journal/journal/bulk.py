"""Loading a whole network at once (the demo generator), in one transaction.

Row-by-row ORM inserts would take minutes for 300,000 entries; this writes the same
tables with executemany inside a single transaction, so it lands whole or not at all.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from relationship_journal import clock
from relationship_journal.journal.errors import JournalError
from relationship_journal.journal.interactions import validate_interaction
from relationship_journal.journal.records import ContactFields, InteractionFields
from relationship_journal.journal.text import fold, normalize_phone

if TYPE_CHECKING:
    from relationship_journal.journal.core import Journal


@dataclass
class NetworkRows:
    """A network as plain rows; contact references are positions in `contacts`."""

    contacts: list[ContactFields] = field(default_factory=list)
    interactions: list[InteractionFields] = field(default_factory=list)
    # (contact index, direction, size, what, date, interaction index or None)
    favours: list[tuple[int, str, int, str, dt.date, int | None]] = field(default_factory=list)
    # (contact index, what, size, outcome, date, resolved_on, interaction index or None)
    asks: list[tuple[int, str, int, str, dt.date, dt.date | None, int | None]] = field(
        default_factory=list
    )
    # (contact index, owner, text, created_on, due_date, done_date, interaction index or None)
    commitments: list[
        tuple[int, str, str, dt.date, dt.date | None, dt.date | None, int | None]
    ] = field(default_factory=list)


def _iso(day: dt.date | None) -> str | None:
    return day.isoformat() if day else None


def load_into_empty_journal(
    journal: Journal, rows: NetworkRows, progress: Callable[[str], None] | None = None
) -> None:
    """Write `rows` into a journal that has no contacts yet; refuses otherwise."""
    say = progress or (lambda _message: None)
    with journal.database.writing() as connection:
        if connection.execute("SELECT count(*) FROM contacts").fetchone()[0]:
            raise JournalError(
                "the journal already has contacts; the demo network only goes into an empty journal "
                "(use --data-dir to pick an empty folder)"
            )
        contact_base = connection.execute("SELECT coalesce(max(id), 0) FROM contacts").fetchone()[0]
        interaction_base = connection.execute(
            "SELECT coalesce(max(id), 0) FROM interactions"
        ).fetchone()[0]
        say(f"writing {len(rows.contacts):,} contacts")
        _insert_contacts(connection, rows.contacts, contact_base)
        say(f"writing {len(rows.interactions):,} interactions")
        _insert_interactions(connection, rows.interactions, interaction_base)
        connection.executemany(
            "INSERT INTO interaction_contacts (interaction_id, contact_id) VALUES (?, ?)",
            (
                (interaction_base + i + 1, contact_base + c + 1)
                for i, f in enumerate(rows.interactions)
                for c in f.contact_ids
            ),
        )

        def interaction_id(index: int | None) -> int | None:
            return None if index is None else interaction_base + index + 1

        say("writing the ledger")
        connection.executemany(
            "INSERT INTO favours (contact_id, direction, size, what, date, interaction_id) "
            "VALUES (?,?,?,?,?,?)",
            ((contact_base + c + 1, d, s, w, day.isoformat(), interaction_id(i))
             for c, d, s, w, day, i in rows.favours),
        )
        connection.executemany(
            "INSERT INTO asks (contact_id, what, size, outcome, date, resolved_on, interaction_id) "
            "VALUES (?,?,?,?,?,?,?)",
            ((contact_base + c + 1, w, s, o, day.isoformat(), _iso(r), interaction_id(i))
             for c, w, s, o, day, r, i in rows.asks),
        )
        connection.executemany(
            "INSERT INTO commitments (contact_id, owner, text, created_on, due_date, done_date, "
            "interaction_id) VALUES (?,?,?,?,?,?,?)",
            ((contact_base + c + 1, o, t, day.isoformat(), _iso(due), _iso(done), interaction_id(i))
             for c, o, t, day, due, done, i in rows.commitments),
        )


FTS_TRIGGER = "interactions_fts_insert"


def _insert_interactions(
    connection: sqlite3.Connection, interactions: list[InteractionFields], base: int
) -> None:
    """The entries, then their words into the search index in one statement.

    The index's per-row trigger made each of 300,000 inserts also an insert into the
    full-text table (about five times the whole load); it is set aside inside this
    transaction and put back as it was, so a failure leaves the schema untouched too.
    """
    (trigger,) = connection.execute(
        "SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = ?", (FTS_TRIGGER,)
    ).fetchone()
    connection.execute(f"DROP TRIGGER {FTS_TRIGGER}")
    today = clock.today()  # asked once: each ask reads the environment (0.85 s for 300,000)
    connection.executemany(
        "INSERT INTO interactions (id, date, kind, channel, minutes, initiated_by, depth, "
        "people_present, note, location) VALUES (?,?,?,?,?,?,?,?,?,?)",
        (
            (base + i + 1, f.date.isoformat(), f.kind, f.channel, f.minutes, f.initiated_by,
             f.depth, f.people_present, f.note, f.location)
            for i, f in enumerate(validate_interaction(each, today) for each in interactions)
        ),
    )
    connection.execute(
        "INSERT INTO interaction_fts (rowid, note, location) "
        "SELECT id, note, coalesce(location, '') FROM interactions WHERE id > ?",
        (base,),
    )
    connection.execute(trigger)


def _insert_contacts(
    connection: sqlite3.Connection, contacts: list[ContactFields], base: int
) -> None:
    connection.executemany(
        "INSERT INTO contacts (id, display_name, search_name, given_name, family_name, nickname, "
        "organisation, role, birthday_year, birthday_month, birthday_day, how_met, where_met, met_on, "
        "interests, goals, family, can_do_for_them, communities, notes, calibre, circle, "
        "cadence_days, kin, archived) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,0)",
        (
            (
                base + i + 1,
                c.display_name,
                fold(c.display_name),
                c.given_name,
                c.family_name,
                c.nickname,
                c.organisation,
                c.role,
                c.birthday.year if c.birthday else None,
                c.birthday.month if c.birthday else None,
                c.birthday.day if c.birthday else None,
                c.how_met,
                c.where_met,
                _iso(c.met_on),
                c.interests,
                c.goals,
                c.family,
                c.can_do_for_them,
                c.communities,
                c.notes,
                c.calibre,
                c.circle,
                c.cadence_days,
                int(c.kin),
            )
            for i, c in enumerate(contacts)
        ),
    )
    connection.executemany(
        "INSERT INTO contact_emails (contact_id, address, label, position) VALUES (?,?,?,?)",
        ((base + i + 1, e.value, e.label, p) for i, c in enumerate(contacts) for p, e in enumerate(c.emails)),
    )
    connection.executemany(
        "INSERT INTO contact_phones (contact_id, number, normalized, label, position) VALUES (?,?,?,?,?)",
        (
            (base + i + 1, t.value, normalize_phone(t.value), t.label, p)
            for i, c in enumerate(contacts)
            for p, t in enumerate(c.phones)
        ),
    )
    connection.executemany(
        "INSERT INTO important_dates (contact_id, label, month, day, year) VALUES (?,?,?,?,?)",
        ((base + i + 1, d.label, d.month, d.day, d.year) for i, c in enumerate(contacts) for d in c.important_dates),
    )
    names = sorted({t for c in contacts for t in c.tags})
    connection.executemany("INSERT OR IGNORE INTO tags (name) VALUES (?)", ((n,) for n in names))
    tag_ids = dict(connection.execute("SELECT name, id FROM tags"))
    connection.executemany(
        "INSERT INTO contact_tags (contact_id, tag_id) VALUES (?, ?)",
        ((base + i + 1, tag_ids[t]) for i, c in enumerate(contacts) for t in dict.fromkeys(c.tags)),
    )
