"""Import batches: writing an import whole, undoing it whole, and the contact history.

An import of thousands of people must be one transaction (it lands whole or not at
all) and fast, so it writes with executemany on one connection instead of one ORM
unit per person. Which person matches whom is decided by the caller (`exchange`),
but under this module's write lock: `write_import` loads what the journal knows,
hands it to the caller's `decide`, and writes the answer before anyone else can
change the journal in between.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import sqlite3
from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from relationship_journal.journal import import_rows
from relationship_journal.journal.errors import NotFoundError
from relationship_journal.journal.records import (
    Address,
    Birthday,
    Changes,
    ContactDetail,
    ContactFields,
    Labelled,
    YearlyDate,
)

if TYPE_CHECKING:
    from relationship_journal.journal.core import Journal

FILLABLE_COLUMNS = import_rows.FILLABLE_COLUMNS


def validate_contact(fields: ContactFields) -> ContactFields:
    """The same checks as adding a person by hand, so an import stores nothing `add` would refuse."""
    from relationship_journal.journal.contact_validation import validate

    return validate(fields)


@dataclass(frozen=True)
class KnownContact:
    """What matching needs to know of a stored person (the photo only as present or not)."""

    id: int
    fields: ContactFields
    has_photo: bool = False
    # What tells two people of the same name apart in a preview or the merge dialog.
    entries: int = 0
    last_contact: dt.date | None = None


@dataclass
class KnownNetwork:
    """Everyone in the journal, loaded in a few set-based queries."""

    contacts: dict[int, KnownContact] = field(default_factory=dict)
    # (contact id, field, imported value) already kept in the history: not recorded twice.
    history: set[tuple[int, str, str]] = field(default_factory=set)


@dataclass(frozen=True)
class ContactAddition:
    """What an import adds to a person already in the journal: only what was missing."""

    contact_id: int
    fill: dict[str, Any] = field(default_factory=dict)  # column (or "birthday", "photo") -> value
    emails: tuple[Labelled, ...] = ()
    phones: tuple[Labelled, ...] = ()
    urls: tuple[Labelled, ...] = ()
    tags: tuple[str, ...] = ()
    important_dates: tuple[YearlyDate, ...] = ()
    addresses: tuple[Address, ...] = ()

    def is_empty(self) -> bool:
        return not (
            self.fill or self.emails or self.phones or self.urls or self.tags or self.important_dates
            or self.addresses
        )


@dataclass(frozen=True)
class Conflict:
    """The journal kept `kept`; the import said `imported`.

    `contact_id` is negative for a person created by the same import (-1 is the first
    of `ImportWrites.created`): two records of one person that disagree.
    """

    contact_id: int
    field: str
    kept: str
    imported: str


@dataclass
class ImportWrites:
    """Everything one import will write."""

    # Read in order, once, as it is written: a big import may hold it packed (exchange.merge).
    created: Sequence[ContactFields] = field(default_factory=list)
    additions: list[ContactAddition] = field(default_factory=list)
    conflicts: list[Conflict] = field(default_factory=list)
    summary: str = ""

    def is_empty(self) -> bool:
        return not (self.created or self.additions or self.conflicts)


@dataclass(frozen=True)
class ImportResult:
    batch_id: int | None
    writes: ImportWrites
    changes: Changes


@dataclass(frozen=True)
class BatchInfo:
    id: int
    created_at: str
    sources: str
    summary: str
    undone_at: str | None
    created: int
    changed: int


@dataclass(frozen=True)
class UndoResult:
    batch: BatchInfo
    removed: int
    restored: int
    kept: tuple[str, ...]  # names of created people kept because the user wrote about them since
    changes: Changes


@dataclass(frozen=True)
class HistoryEntry:
    recorded_at: str
    field: str
    kept_value: str
    imported_value: str
    source: str
    batch_id: int | None


# --- reading ---------------------------------------------------------------------------------
def load_known(connection: sqlite3.Connection) -> KnownNetwork:
    """The whole journal as matching sees it: one query per table, never one per person."""
    rows = connection.execute(
        "SELECT id, display_name, given_name, family_name, nickname, organisation, role, "
        "birthday_year, birthday_month, birthday_day, how_met, met_on, notes, photo_url, "
        "photo IS NOT NULL, uid FROM contacts"
    ).fetchall()
    addresses: dict[int, list[Address]] = defaultdict(list)
    for cid, label, *parts in connection.execute(
        f"SELECT contact_id, label, {import_rows.ADDRESS_PARTS} FROM contact_addresses ORDER BY position"
    ):
        street, extended, po_box, city, region, postcode, country = parts
        addresses[cid].append(Address(label, street, city, region, postcode, country, po_box, extended))
    entries = {
        cid: (count, last)
        for cid, count, last in connection.execute(
            "SELECT ic.contact_id, count(*), max(i.date) FROM interaction_contacts ic "
            "JOIN interactions i ON i.id = ic.interaction_id GROUP BY ic.contact_id"
        )
    }
    emails = _grouped(connection, "SELECT contact_id, address, label FROM contact_emails ORDER BY position")
    phones = _grouped(connection, "SELECT contact_id, number, label FROM contact_phones ORDER BY position")
    urls = _grouped(connection, "SELECT contact_id, url, label FROM contact_urls ORDER BY position")
    tags: dict[int, list[str]] = defaultdict(list)
    for cid, name in connection.execute(
        "SELECT ct.contact_id, t.name FROM contact_tags ct JOIN tags t ON t.id = ct.tag_id"
    ):
        tags[cid].append(name)
    dates: dict[int, list[YearlyDate]] = defaultdict(list)
    for cid, label, month, day, year in connection.execute(
        "SELECT contact_id, label, month, day, year FROM important_dates ORDER BY id"
    ):
        dates[cid].append(YearlyDate(label, month, day, year))
    known = KnownNetwork()
    for (cid, name, given, family, nick, org, role, year, month, day, how_met, met_on, notes,
         photo_url, has_photo, uid) in rows:
        birthday = None
        if month and day:
            try:
                birthday = Birthday(month, day, year)
            except ValueError:
                birthday = None
        count, last = entries.get(cid, (0, None))
        known.contacts[cid] = KnownContact(
            id=cid,
            has_photo=bool(has_photo),
            entries=count,
            last_contact=dt.date.fromisoformat(last) if last else None,
            fields=ContactFields(
                display_name=name,
                given_name=given,
                family_name=family,
                nickname=nick,
                organisation=org,
                role=role,
                birthday=birthday,
                how_met=how_met,
                met_on=dt.date.fromisoformat(met_on) if met_on else None,
                notes=notes,
                photo_url=photo_url,
                emails=tuple(Labelled(v, lab) for v, lab in emails.get(cid, ())),
                phones=tuple(Labelled(v, lab) for v, lab in phones.get(cid, ())),
                urls=tuple(Labelled(v, lab) for v, lab in urls.get(cid, ())),
                tags=tuple(tags.get(cid, ())),
                important_dates=tuple(dates.get(cid, ())),
                addresses=tuple(addresses.get(cid, ())),
                uid=uid,
            ),
        )
    for cid, field_name, imported in connection.execute(
        "SELECT contact_id, field, imported_value FROM contact_history"
    ):
        known.history.add((cid, field_name, imported))
    return known


def known_network(journal: Journal) -> KnownNetwork:
    with journal.reading() as connection:
        return load_known(connection)


def batches(journal: Journal) -> list[BatchInfo]:
    """Every import, newest first."""
    with journal.reading() as connection:
        return _batches(connection, "")


def contact_history(journal: Journal, contact_id: int) -> list[HistoryEntry]:
    """Values imports brought for this person that the journal did not take, oldest first."""
    with journal.reading() as connection:
        return [
            HistoryEntry(*row)
            for row in connection.execute(
                "SELECT recorded_at, field, kept_value, imported_value, source, batch_id "
                "FROM contact_history WHERE contact_id = ? ORDER BY id",
                (contact_id,),
            )
        ]


def everyone(journal: Journal, include_archived: bool = False) -> list[ContactDetail]:
    """Every person with their whole profile, photo included, for exports: a few queries in all."""
    where = "" if include_archived else " WHERE NOT archived"
    with journal.reading() as connection:
        rows = connection.execute(
            "SELECT id, display_name, given_name, family_name, nickname, organisation, role, "
            "birthday_year, birthday_month, birthday_day, how_met, where_met, met_on, interests, "
            "goals, family, can_do_for_them, communities, notes, calibre, circle, cadence_days, kin, "
            f"photo, photo_url, archived FROM contacts{where} ORDER BY search_name, id"
        ).fetchall()
        known = load_known(connection)
    people = []
    for (cid, name, given, family, nick, org, role, _year, _month, _day, how_met, where_met, met_on,
         interests, goals, family_text, can_do, communities, notes, calibre, circle, cadence, kin,
         photo, photo_url, archived) in rows:
        stored = known.contacts[cid].fields
        people.append(ContactDetail(
            id=cid, display_name=name, given_name=given, family_name=family, nickname=nick,
            organisation=org, role=role, birthday=stored.birthday, how_met=how_met,
            where_met=where_met, met_on=dt.date.fromisoformat(met_on) if met_on else None,
            interests=interests, goals=goals, family=family_text, can_do_for_them=can_do,
            communities=communities, notes=notes, calibre=calibre, circle=circle,
            cadence_days=cadence, kin=bool(kin), photo=photo, photo_url=photo_url,
            emails=stored.emails, phones=stored.phones, urls=stored.urls, tags=stored.tags,
            important_dates=stored.important_dates, archived=bool(archived),
            addresses=stored.addresses, uid=stored.uid,
        ))
    return people


# --- writing ---------------------------------------------------------------------------------
def write_import(
    journal: Journal,
    sources: str,
    decide: Callable[[KnownNetwork], ImportWrites],
    progress: Callable[[int, int], None] | None = None,
) -> ImportResult:
    """Decide and write one import in one transaction; nothing is written when nothing changes."""
    with journal.database.writing() as connection:
        writes = decide(load_known(connection))
        if writes.is_empty():
            return ImportResult(None, writes, Changes())
        batch_id = connection.execute(
            "INSERT INTO import_batches (sources, summary) VALUES (?, ?)", (sources, writes.summary)
        ).lastrowid
        assert batch_id is not None
        created_ids = import_rows.insert_created(connection, writes.created, batch_id, progress)
        changed_ids = import_rows.apply_additions(connection, writes.additions, batch_id)
        import_rows.insert_rows(
            connection,
            "contact_history",
            ("contact_id", "batch_id", "field", "kept_value", "imported_value", "source"),
            (
                (_resolve(c.contact_id, created_ids), batch_id, c.field, c.kept, c.imported, sources)
                for c in writes.conflicts
            ),
        )
    touched = frozenset(created_ids) | frozenset(changed_ids) | {
        _resolve(c.contact_id, created_ids) for c in writes.conflicts
    }
    return ImportResult(batch_id, writes, Changes(contacts=touched))


def undo_import(journal: Journal, batch_id: int | None = None) -> UndoResult:
    """Take back one import (the newest one not yet undone when no id is given).

    People the import created go, unless the user has since written about them (an
    entry, a favour, an ask or a promise): those stay, and are named in the result.
    """
    with journal.database.writing() as connection:
        if batch_id is None:
            found = connection.execute(
                "SELECT id FROM import_batches WHERE undone_at IS NULL ORDER BY id DESC LIMIT 1"
            ).fetchone()
            if found is None:
                raise NotFoundError("there is no import to undo")
            batch_id = found[0]
        infos = _batches(connection, f" WHERE b.id = {int(batch_id)}")
        if not infos:
            raise NotFoundError(f"there is no import with number {batch_id}")
        if infos[0].undone_at is not None:
            raise NotFoundError(f"import {batch_id} was already undone on {infos[0].undone_at}")
        info = infos[0]
        members = connection.execute(
            "SELECT contact_id, action, undo FROM import_batch_contacts WHERE batch_id = ?",
            (batch_id,),
        ).fetchall()
        created = [cid for cid, action, _undo in members if action == "created"]
        used = import_rows.contacts_with_entries(connection, created)
        removable = [cid for cid in created if cid not in used]
        kept = tuple(
            name for (name,) in connection.execute(
                f"SELECT display_name FROM contacts WHERE id IN ({import_rows.marks(used)}) ORDER BY search_name",
                sorted(used),
            )
        ) if used else ()
        connection.executemany("DELETE FROM contacts WHERE id = ?", ((cid,) for cid in removable))
        restored = 0
        for cid, action, undo in members:
            if action == "changed":
                import_rows.restore(connection, cid, json.loads(undo))
                restored += 1
        connection.execute("DELETE FROM contact_history WHERE batch_id = ?", (batch_id,))
        undone_at = connection.execute("SELECT CURRENT_TIMESTAMP").fetchone()[0]
        connection.execute("UPDATE import_batches SET undone_at = ? WHERE id = ?", (undone_at, batch_id))
        info = dataclasses.replace(info, undone_at=undone_at)
    touched = frozenset(cid for cid, _a, _u in members)
    return UndoResult(info, len(removable), restored, kept, Changes(contacts=touched))


# --- helpers ---------------------------------------------------------------------------------
def _resolve(contact_id: int, created_ids: list[int]) -> int:
    """A negative id names the n-th person this import creates (-1 is the first)."""
    return created_ids[-contact_id - 1] if contact_id < 0 else contact_id


def _batches(connection: sqlite3.Connection, where: str) -> list[BatchInfo]:
    return [
        BatchInfo(*row)
        for row in connection.execute(
            "SELECT b.id, b.created_at, b.sources, b.summary, b.undone_at, "
            "(SELECT count(*) FROM import_batch_contacts m WHERE m.batch_id = b.id AND m.action = 'created'), "
            "(SELECT count(*) FROM import_batch_contacts m WHERE m.batch_id = b.id AND m.action = 'changed') "
            f"FROM import_batches b{where} ORDER BY b.id DESC"
        )
    ]


def _grouped(connection: sqlite3.Connection, sql: str) -> dict[int, list[tuple[str, str | None]]]:
    grouped: dict[int, list[tuple[str, str | None]]] = defaultdict(list)
    for cid, value, label in connection.execute(sql):
        grouped[cid].append((value, label))
    return grouped
