"""People: adding, editing, archiving and finding contacts."""

from __future__ import annotations

import builtins
import dataclasses
import datetime as dt
import json
from collections import defaultdict
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from relationship_journal import clock
from relationship_journal.journal import names
from relationship_journal.journal.contact_validation import validate
from relationship_journal.journal.errors import NotFoundError, ValidationError
from relationship_journal.journal.pacing import give_way
from relationship_journal.journal.records import (
    Address,
    Birthday,
    Changes,
    ContactDetail,
    ContactFields,
    ContactSummary,
    Labelled,
    YearlyDate,
)
from relationship_journal.journal.text import fold, normalize_phone
from relationship_journal.journal.vocabulary import (
    check_circle,
    check_text,
)

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from relationship_journal.journal.core import Journal
    from relationship_journal.store.models import Contact, Tag

# The reads below go through the journal's sqlite3 connection; SQLAlchemy and the ORM
# models are imported by the writes that use them, so a list, a lookup or one person's
# page does not pay for importing them.

EDITABLE_FIELDS = frozenset(f.name for f in dataclasses.fields(ContactFields))
# The fields that are one column of `contacts` each, under the same name.
_COLUMNS = sorted(
    EDITABLE_FIELDS - {"birthday", "emails", "phones", "urls", "tags", "important_dates", "addresses"}
)


def _tag_rows(session: Session, names: Iterable[str]) -> list[Tag]:
    from sqlalchemy import select

    from relationship_journal.store.models import Tag

    wanted = list(dict.fromkeys(n.strip() for n in names if n.strip()))
    existing = {t.name: t for t in session.scalars(select(Tag).where(Tag.name.in_(wanted)))}
    rows = []
    for name in wanted:
        tag = existing.get(name)
        if tag is None:
            tag = Tag(name=name)
            session.add(tag)
        rows.append(tag)
    return rows


def _apply(session: Session, contact: Contact, fields: ContactFields, names: Iterable[str]) -> None:
    """Copy the chosen fields of `fields` onto the row, children included."""
    from relationship_journal.store.models import (
        ContactAddress,
        ContactEmail,
        ContactPhone,
        ContactUrl,
        ImportantDate,
    )

    for name in names:
        value = getattr(fields, name)
        if name == "birthday":
            contact.birthday_year = value.year if value else None
            contact.birthday_month = value.month if value else None
            contact.birthday_day = value.day if value else None
        elif name == "emails":
            contact.emails = [
                ContactEmail(address=e.value.strip(), label=e.label, position=i)
                for i, e in enumerate(value)
            ]
        elif name == "phones":
            contact.phones = [
                ContactPhone(
                    number=p.value.strip(), normalized=normalize_phone(p.value), label=p.label, position=i
                )
                for i, p in enumerate(value)
            ]
        elif name == "urls":
            contact.urls = [
                ContactUrl(url=u.value.strip(), label=u.label, position=i) for i, u in enumerate(value)
            ]
        elif name == "tags":
            contact.tags = _tag_rows(session, value)
        elif name == "addresses":
            contact.addresses = [
                ContactAddress(
                    label=a.label, street=a.street, extended=a.extended, po_box=a.po_box, city=a.city,
                    region=a.region, postcode=a.postcode, country=a.country, position=i,
                )
                for i, a in enumerate(value)
            ]
        elif name == "important_dates":
            contact.important_dates = [
                ImportantDate(label=d.label, month=d.month, day=d.day, year=d.year) for d in value
            ]
        else:
            setattr(contact, name, value)
    contact.search_name = fold(contact.display_name)


def _detail(contact: Contact, last_contact: dt.date | None) -> ContactDetail:
    birthday = (
        Birthday(contact.birthday_month, contact.birthday_day, contact.birthday_year)
        if contact.birthday_month and contact.birthday_day
        else None
    )
    return ContactDetail(
        id=contact.id,
        archived=contact.archived,
        last_contact=last_contact,
        birthday=birthday,
        emails=tuple(Labelled(e.address, e.label) for e in contact.emails),
        phones=tuple(Labelled(p.number, p.label) for p in contact.phones),
        urls=tuple(Labelled(u.url, u.label) for u in contact.urls),
        tags=tuple(t.name for t in contact.tags),
        important_dates=tuple(
            YearlyDate(d.label, d.month, d.day, d.year) for d in contact.important_dates
        ),
        addresses=tuple(
            Address(a.label, a.street, a.city, a.region, a.postcode, a.country, a.po_box, a.extended)
            for a in contact.addresses
        ),
        **{name: getattr(contact, name) for name in _COLUMNS},
    )


class ContactBook:
    """The people in the journal."""

    def __init__(self, journal: Journal) -> None:
        self._journal = journal

    # --- writing -------------------------------------------------------------------------
    def add(self, fields: ContactFields) -> Changes:
        """Add a person; the new id is `Changes.created_id`."""
        from relationship_journal.store.models import Contact

        fields = validate(fields)
        with self._journal.transaction() as session:
            contact = Contact(display_name=fields.display_name)
            _apply(session, contact, fields, EDITABLE_FIELDS)
            session.add(contact)
            session.flush()
            return Changes(contacts=frozenset({contact.id}), created_id=contact.id)

    def update(self, contact_id: int, **changes: Any) -> Changes:
        """Change some fields of a person's profile (lists replace the whole list)."""
        unknown = set(changes) - EDITABLE_FIELDS
        if unknown:
            raise ValidationError(f"cannot edit {', '.join(sorted(unknown))} of a contact")
        with self._journal.transaction() as session:
            contact = self._row(session, contact_id)
            current = _detail(contact, None)
            merged = validate(dataclasses.replace(ContactFields(**{
                f: getattr(current, f) for f in EDITABLE_FIELDS
            }), **changes))
            _apply(session, contact, merged, changes.keys())
            contact.updated_at = clock.now()
            return Changes(contacts=frozenset({contact_id}))

    def set_archived(self, contact_ids: Iterable[int], archived: bool = True) -> Changes:
        from sqlalchemy import update

        from relationship_journal.store.models import Contact

        ids = self._existing(contact_ids)
        with self._journal.transaction() as session:
            session.execute(update(Contact).where(Contact.id.in_(ids)).values(archived=archived))
        return Changes(contacts=frozenset(ids))

    def set_circle(self, contact_ids: Iterable[int], circle: int) -> Changes:
        from sqlalchemy import update

        from relationship_journal.store.models import Contact

        check_circle(circle)
        ids = self._existing(contact_ids)
        with self._journal.transaction() as session:
            session.execute(update(Contact).where(Contact.id.in_(ids)).values(circle=circle))
        return Changes(contacts=frozenset(ids))

    def add_tag(self, contact_ids: Iterable[int], tag: str) -> Changes:
        from sqlalchemy import select

        from relationship_journal.store.models import Contact

        tag = check_text(tag, "a tag", limit=100)
        ids = self._existing(contact_ids)
        with self._journal.transaction() as session:
            (row,) = _tag_rows(session, [tag])
            for contact in session.scalars(select(Contact).where(Contact.id.in_(ids))):
                if row not in contact.tags:
                    contact.tags.append(row)
        return Changes(contacts=frozenset(ids))

    def remove_tag(self, contact_ids: Iterable[int], tag: str) -> Changes:
        from sqlalchemy import delete, select

        from relationship_journal.store.models import Tag, contact_tags

        ids = self._existing(contact_ids)
        with self._journal.transaction() as session:
            tag_id = session.scalar(select(Tag.id).where(Tag.name == tag.strip()))
            if tag_id is not None:
                session.execute(
                    delete(contact_tags).where(
                        contact_tags.c.contact_id.in_(ids), contact_tags.c.tag_id == tag_id
                    )
                )
        return Changes(contacts=frozenset(ids))

    def delete(self, contact_ids: Iterable[int]) -> Changes:
        """Remove people for good, with their links; shared entries stay on others' timelines."""
        from sqlalchemy import select, text

        from relationship_journal.store.models import Contact

        ids = self._existing(contact_ids)
        with self._journal.transaction() as session:
            for contact in session.scalars(select(Contact).where(Contact.id.in_(ids))):
                session.delete(contact)
            # Entries that now belong to no one would be invisible: remove them too.
            session.flush()
            session.execute(
                text(
                    "DELETE FROM interactions WHERE id NOT IN "
                    "(SELECT interaction_id FROM interaction_contacts)"
                )
            )
        return Changes(contacts=frozenset(ids))

    # --- reading -------------------------------------------------------------------------
    def get(self, contact_id: int) -> ContactDetail:
        """One person as their page shows them, read with sqlite3 (the window's first page
        need not import SQLAlchemy and the ORM models), in the orders the ORM's relations give."""
        with self._journal.reading() as connection:
            connection.execute("BEGIN")  # one snapshot for every query below; closing ends it
            row = connection.execute(
                f"SELECT id, archived, birthday_year, birthday_month, birthday_day, {', '.join(_COLUMNS)} "
                "FROM contacts WHERE id = ?",
                (contact_id,),
            ).fetchone()
            if row is None:
                raise NotFoundError(f"there is no contact with id {contact_id}")

            def rows(sql: str) -> builtins.list[Any]:
                return connection.execute(sql, (contact_id,)).fetchall()

            # Ties in position come in id order, as the ORM's do; important dates have no
            # order but the table's (Contact.important_dates has no order_by).
            emails = rows("SELECT address, label FROM contact_emails WHERE contact_id = ? ORDER BY position, id")
            phones = rows("SELECT number, label FROM contact_phones WHERE contact_id = ? ORDER BY position, id")
            urls = rows("SELECT url, label FROM contact_urls WHERE contact_id = ? ORDER BY position, id")
            tags = rows("SELECT t.name FROM contact_tags ct JOIN tags t ON t.id = ct.tag_id "
                        "WHERE ct.contact_id = ? ORDER BY t.name")
            dates = rows("SELECT label, month, day, year FROM important_dates WHERE contact_id = ? ORDER BY id")
            addresses = rows("SELECT label, street, city, region, postcode, country, po_box, extended "
                             "FROM contact_addresses WHERE contact_id = ? ORDER BY position, id")
            ((last,),) = rows("SELECT max(i.date) FROM interactions i JOIN interaction_contacts ic "
                              "ON ic.interaction_id = i.id WHERE ic.contact_id = ?")
        cid, archived, year, month, day, *columns = row
        fields = dict(zip(_COLUMNS, columns, strict=True))
        fields["kin"] = bool(fields["kin"])
        fields["met_on"] = dt.date.fromisoformat(fields["met_on"]) if fields["met_on"] else None
        return ContactDetail(
            id=cid,
            archived=bool(archived),
            last_contact=dt.date.fromisoformat(last) if last else None,
            birthday=Birthday(month, day, year) if month and day else None,
            emails=tuple(Labelled(*r) for r in emails),
            phones=tuple(Labelled(*r) for r in phones),
            urls=tuple(Labelled(*r) for r in urls),
            tags=tuple(name for (name,) in tags),
            important_dates=tuple(YearlyDate(*r) for r in dates),
            addresses=tuple(Address(*r) for r in addresses),
            **fields,
        )

    def count(self, include_archived: bool = False) -> int:
        with self._journal.reading() as connection:
            where = "" if include_archived else " WHERE NOT archived"
            count: int = connection.execute(f"SELECT count(*) FROM contacts{where}").fetchone()[0]
            return count

    def list(self, include_archived: bool = False, only: Iterable[int] | None = None) -> list[ContactSummary]:
        """Every person with what a list row shows, in a handful of set-based queries.

        `only` narrows it to some people (a change touched them), still in one pass:
        the window puts their rows right at once instead of reloading everyone.
        """
        chosen = "" if only is None else "IN (SELECT value FROM json_each(:only))"
        params = {} if only is None else {"only": json.dumps(sorted(set(only)))}

        def narrowed(column: str) -> str:
            return f" WHERE {column} {chosen}" if chosen else ""

        with self._journal.reading() as connection:
            conditions = ([] if include_archived else ["NOT archived"]) + ([f"id {chosen}"] if chosen else [])
            where = f" WHERE {' AND '.join(conditions)}" if conditions else ""
            rows = connection.execute(
                "SELECT id, display_name, organisation, role, circle, archived, birthday_year, "
                f"birthday_month, birthday_day, photo IS NOT NULL FROM contacts{where} ORDER BY search_name, id",
                params,
            ).fetchall()
            last = _last_days(connection, narrowed("ic.contact_id"), params)
            emails = _grouped(connection, "SELECT contact_id, address FROM contact_emails"
                              f"{narrowed('contact_id')} ORDER BY position", params)
            phones = _grouped(connection, "SELECT contact_id, number FROM contact_phones"
                              f"{narrowed('contact_id')} ORDER BY position", params)
            tags = _grouped(connection, "SELECT ct.contact_id, t.name FROM contact_tags ct JOIN tags t "
                            f"ON t.id = ct.tag_id{narrowed('ct.contact_id')} ORDER BY t.name", params)
        summaries = []
        for cid, name, organisation, role, circle, archived, year, month, day, has_photo in rows:
            give_way()  # ten thousand rows: the window's events go first (journal.pacing)
            summaries.append(ContactSummary(
                id=cid,
                name=name,
                organisation=organisation,
                role=role,
                circle=circle,
                archived=bool(archived),
                last_contact=dt.date.fromisoformat(last[cid]) if cid in last else None,
                emails=tuple(emails.get(cid, ())),
                phones=tuple(phones.get(cid, ())),
                birthday=Birthday(month, day, year) if month and day else None,
                tags=tuple(tags.get(cid, ())),
                has_photo=bool(has_photo),
            ))
        return summaries

    def organisations(self) -> dict[int, str]:
        """Each current person's organisation, where they have one (a report's table asks
        this of everyone: the whole list's summaries cost a second at 10,000)."""
        with self._journal.reading() as connection:
            return dict(connection.execute(
                "SELECT id, organisation FROM contacts WHERE NOT archived AND organisation <> ''"
            ).fetchall())

    def photos(self, contact_ids: Iterable[int]) -> dict[int, bytes]:
        """The photos of these people, in one query (the list asks for the rows it shows)."""
        ids = sorted(set(contact_ids))[:900]
        if not ids:
            return {}
        with self._journal.reading() as connection:
            return dict(connection.execute(
                f"SELECT id, photo FROM contacts WHERE photo IS NOT NULL AND id IN ({','.join('?' * len(ids))})",
                ids,
            ).fetchall())

    def tags(self) -> builtins.list[str]:
        with self._journal.reading() as connection:
            return [r[0] for r in connection.execute("SELECT name FROM tags ORDER BY name")]

    def match(
        self, query: str, include_archived: bool = False
    ) -> builtins.list[tuple[int, str]]:
        """People whose name contains `query`, ignoring case and accents."""
        return names.match(self._journal, query, include_archived)

    def resolve(self, query: str) -> int:
        """The one person `query` names; an exact name wins over partial matches."""
        return names.resolve(self._journal, query)

    # --- helpers -------------------------------------------------------------------------
    def _row(self, session: Session, contact_id: int) -> Contact:
        from relationship_journal.store.models import Contact

        contact = session.get(Contact, contact_id)
        if contact is None:
            raise NotFoundError(f"there is no contact with id {contact_id}")
        return contact

    def _existing(self, contact_ids: Iterable[int]) -> builtins.list[int]:
        ids = sorted(set(contact_ids))
        if not ids:
            raise ValidationError("no contacts were chosen")
        with self._journal.reading() as connection:
            marks = ",".join("?" * len(ids))
            found = {r[0] for r in connection.execute(f"SELECT id FROM contacts WHERE id IN ({marks})", ids)}
        missing = [i for i in ids if i not in found]
        if missing:
            raise NotFoundError(f"there is no contact with id {missing[0]}")
        return ids


def _last_days(connection: Any, where: str, params: dict[str, str]) -> dict[int, str]:
    """Each person's last entry day; `where` narrows it to some people, whose links are
    read first. Everyone's is read from the entries' date index outwards (CROSS JOIN keeps
    that order): looking up each link's entry instead reads the wide entries table, notes
    and all (0.9 s against 0.3 s at 300,000 entries)."""
    if where:
        sql = ("SELECT ic.contact_id, max(i.date) FROM interaction_contacts ic JOIN interactions i "
               f"ON i.id = ic.interaction_id{where} GROUP BY ic.contact_id")
    else:
        sql = ("SELECT ic.contact_id, max(i.date) FROM interactions i CROSS JOIN interaction_contacts ic "
               "ON ic.interaction_id = i.id GROUP BY ic.contact_id")
    return dict(connection.execute(sql, params).fetchall())


def _grouped(connection: Any, sql: str, params: dict[str, str]) -> dict[int, list[str]]:
    grouped: dict[int, list[str]] = defaultdict(list)
    for key, value in connection.execute(sql, params):
        grouped[key].append(value)
    return grouped

