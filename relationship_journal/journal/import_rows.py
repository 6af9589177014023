"""The rows an import writes and takes back, with executemany: one statement per table.

Kept apart from `imports` (the API: what an import is, how it is planned and undone)
because this is the part that knows the tables column by column.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable, Iterable, Sequence
from typing import TYPE_CHECKING, Any

from relationship_journal.journal.records import Address, ContactFields, Labelled, YearlyDate
from relationship_journal.journal.text import fold, normalize_phone

if TYPE_CHECKING:
    from relationship_journal.journal.imports import ContactAddition

# Profile columns an import may fill when the journal has nothing there.
FILLABLE_COLUMNS = (
    "given_name",
    "family_name",
    "nickname",
    "organisation",
    "role",
    "how_met",
    "met_on",
    "notes",
    "photo_url",
    "uid",
)


_RESTORABLE = frozenset({*FILLABLE_COLUMNS, "birthday_year", "birthday_month", "birthday_day", "photo"})
_CONTACT_COLUMNS = (
    "id", "display_name", "search_name", "given_name", "family_name", "nickname", "organisation",
    "role", "birthday_year", "birthday_month", "birthday_day", "how_met", "where_met", "met_on",
    "interests", "goals", "family", "can_do_for_them", "communities", "notes", "calibre", "circle",
    "cadence_days", "kin", "photo", "photo_url", "archived", "uid",
)
_BATCH_COLUMNS = ("batch_id", "contact_id", "action", "undo")


def _contact_row(c: ContactFields) -> tuple[Any, ...]:
    return (
        c.display_name, fold(c.display_name), c.given_name, c.family_name, c.nickname,
        c.organisation, c.role,
        c.birthday.year if c.birthday else None,
        c.birthday.month if c.birthday else None,
        c.birthday.day if c.birthday else None,
        c.how_met, c.where_met, c.met_on.isoformat() if c.met_on else None, c.interests, c.goals,
        c.family, c.can_do_for_them, c.communities, c.notes, c.calibre, c.circle, c.cadence_days,
        int(c.kin), c.photo, c.photo_url, 0, c.uid,
    )


def insert_rows(
    connection: sqlite3.Connection,
    table: str,
    columns: Sequence[str],
    rows: Iterable[Sequence[Any]],
    *,
    or_ignore: bool = False,
) -> None:
    """INSERT `rows` into `table` as one statement, staged first in a temporary table.

    Each row of an executemany is a statement of its own, and with the journal's
    triggers on the table (the change log's, the full-text index's) SQLite then opens a
    statement journal and the full-text index writes out its pending terms, row after
    row; one INSERT ... SELECT pays that once (10,000 people: 3-4 times faster). The
    staging table's columns have no type, so each value reaches `table` as given.
    """
    staged = f"import_{table}"
    names = ", ".join(columns)
    connection.execute(f"CREATE TEMP TABLE IF NOT EXISTS {staged} ({names})")
    connection.executemany(f"INSERT INTO temp.{staged} ({names}) VALUES ({marks(columns)})", rows)
    verb = "INSERT OR IGNORE" if or_ignore else "INSERT"
    connection.execute(
        f"{verb} INTO main.{table} ({names}) SELECT {names} FROM temp.{staged} ORDER BY rowid"
    )
    connection.execute(f"DELETE FROM temp.{staged}")


def insert_created(
    connection: sqlite3.Connection,
    created: Sequence[ContactFields],
    batch_id: int,
    progress: Callable[[int, int], None] | None,
) -> list[int]:
    """Insert the new people, a chunk at a time with all their rows, so a big import holds
    one chunk's rows, never all of them; the caller's transaction makes it one write."""
    base = connection.execute("SELECT coalesce(max(id), 0) FROM contacts").fetchone()[0]
    ids = list(range(base + 1, base + len(created) + 1))
    step = 500
    people = iter(created)
    for start in range(0, len(created), step):
        pairs = list(zip(ids[start : start + step], people, strict=False))
        insert_rows(connection, "contacts", _CONTACT_COLUMNS, ((cid, *_contact_row(c)) for cid, c in pairs))
        _insert_children(connection, ((cid, c.emails, c.phones, c.urls, c.important_dates) for cid, c in pairs))
        _link_tags(connection, ((cid, c.tags) for cid, c in pairs))
        insert_addresses(connection, ((cid, c.addresses) for cid, c in pairs))
        insert_rows(
            connection,
            "import_batch_contacts",
            _BATCH_COLUMNS,
            ((batch_id, cid, "created", "{}") for cid, _c in pairs),
        )
        if progress:
            progress(start + len(pairs), len(created))
    return ids


def _insert_children(
    connection: sqlite3.Connection,
    rows: Iterable[tuple[int, Iterable[Labelled], Iterable[Labelled], Iterable[Labelled], Iterable[YearlyDate]]],
    offsets: dict[int, tuple[int, int, int]] | None = None,
) -> None:
    emails, phones, urls, dates = [], [], [], []
    for cid, e_list, p_list, u_list, d_list in rows:
        e0, p0, u0 = (offsets or {}).get(cid, (0, 0, 0))
        emails += [(cid, e.value, e.label, e0 + i) for i, e in enumerate(e_list)]
        phones += [(cid, p.value, normalize_phone(p.value), p.label, p0 + i) for i, p in enumerate(p_list)]
        urls += [(cid, u.value, u.label, u0 + i) for i, u in enumerate(u_list)]
        dates += [(cid, d.label, d.month, d.day, d.year) for d in d_list]
    insert_rows(connection, "contact_emails", ("contact_id", "address", "label", "position"), emails)
    insert_rows(
        connection, "contact_phones", ("contact_id", "number", "normalized", "label", "position"), phones
    )
    insert_rows(connection, "contact_urls", ("contact_id", "url", "label", "position"), urls)
    insert_rows(connection, "important_dates", ("contact_id", "label", "month", "day", "year"), dates)


ADDRESS_PARTS = "street, extended, po_box, city, region, postcode, country"


def insert_addresses(
    connection: sqlite3.Connection, rows: Iterable[tuple[int, Iterable[Address]]]
) -> None:
    """Addresses after any the person already has, in the order given."""
    rows = [(cid, list(items)) for cid, items in rows]
    ids = [cid for cid, items in rows if items]
    if not ids:
        return
    offsets = dict(connection.execute(
        "SELECT contact_id, max(position) + 1 FROM contact_addresses "
        f"WHERE contact_id IN ({marks(ids)}) GROUP BY contact_id",
        ids,
    ).fetchall())
    insert_rows(
        connection,
        "contact_addresses",
        ("contact_id", "label", *ADDRESS_PARTS.split(", "), "position"),
        (
            (cid, a.label, a.street, a.extended, a.po_box, a.city, a.region, a.postcode, a.country,
             offsets.get(cid, 0) + i)
            for cid, items in rows
            for i, a in enumerate(items)
        ),
    )


def _link_tags(connection: sqlite3.Connection, rows: Iterable[tuple[int, Iterable[str]]]) -> None:
    pairs = [(cid, name) for cid, names in rows for name in dict.fromkeys(names)]
    connection.executemany(
        "INSERT OR IGNORE INTO tags (name) VALUES (?)", ((n,) for n in {n for _c, n in pairs})
    )
    tag_ids = dict(connection.execute("SELECT name, id FROM tags"))
    insert_rows(
        connection,
        "contact_tags",
        ("contact_id", "tag_id"),
        ((cid, tag_ids[name]) for cid, name in pairs),
        or_ignore=True,
    )


def apply_additions(
    connection: sqlite3.Connection, additions: list[ContactAddition], batch_id: int
) -> list[int]:
    additions = [a for a in additions if not a.is_empty()]
    if not additions:
        return []
    ids = [a.contact_id for a in additions]
    offsets = {
        cid: (e, p, u)
        for cid, e, p, u in connection.execute(
            "SELECT id, (SELECT count(*) FROM contact_emails WHERE contact_id = c.id), "
            "(SELECT count(*) FROM contact_phones WHERE contact_id = c.id), "
            "(SELECT count(*) FROM contact_urls WHERE contact_id = c.id) "
            f"FROM contacts c WHERE id IN ({marks(ids)})",
            ids,
        )
    }
    current = {
        row[0]: row[1:]
        for row in connection.execute(
            f"SELECT id, {', '.join(FILLABLE_COLUMNS)}, birthday_year, birthday_month, birthday_day, "
            f"photo IS NOT NULL FROM contacts WHERE id IN ({marks(ids)})",
            ids,
        )
    }
    undo_rows = []
    for addition in additions:
        before = dict(zip(
            (*FILLABLE_COLUMNS, "birthday_year", "birthday_month", "birthday_day", "photo"),
            current[addition.contact_id],
            strict=True,
        ))
        filled: dict[str, list[Any]] = {}
        for column, value in addition.fill.items():
            if column == "birthday":
                for part in ("year", "month", "day"):
                    new = getattr(value, part)
                    filled[f"birthday_{part}"] = [before[f"birthday_{part}"], new]
            elif column == "photo":
                filled["photo"] = [None, True]
            elif column == "met_on":
                filled[column] = [before[column], value.isoformat()]
            else:
                filled[column] = [before[column], value]
        for column, (_old, new) in filled.items():
            value = addition.fill["photo"] if column == "photo" else new
            connection.execute(f"UPDATE contacts SET {column} = ? WHERE id = ?", (value, addition.contact_id))
        connection.execute(
            "UPDATE contacts SET updated_at = CURRENT_TIMESTAMP WHERE id = ?", (addition.contact_id,)
        )
        undo_rows.append((batch_id, addition.contact_id, "changed", json.dumps({
            "fill": filled,
            "emails": [e.value for e in addition.emails],
            "phones": [p.value for p in addition.phones],
            "urls": [u.value for u in addition.urls],
            "tags": list(addition.tags),
            "dates": [[d.label, d.month, d.day] for d in addition.important_dates],
            "addresses": [[a.street, a.city, a.postcode] for a in addition.addresses],
        })))
    _insert_children(
        connection,
        ((a.contact_id, a.emails, a.phones, a.urls, a.important_dates) for a in additions),
        offsets,
    )
    _link_tags(connection, ((a.contact_id, a.tags) for a in additions))
    insert_addresses(connection, ((a.contact_id, a.addresses) for a in additions))
    insert_rows(connection, "import_batch_contacts", _BATCH_COLUMNS, undo_rows)
    return ids


def restore(connection: sqlite3.Connection, contact_id: int, undo: dict[str, Any]) -> None:
    """Put back what one import added to a person who was already there."""
    for column, (old, new) in undo.get("fill", {}).items():
        if column not in _RESTORABLE:
            continue  # never a column name this app did not write itself
        if column == "photo":
            connection.execute("UPDATE contacts SET photo = NULL WHERE id = ?", (contact_id,))
            continue
        # Only if the user has not changed it since: their later edit wins.
        connection.execute(
            f"UPDATE contacts SET {column} = ? WHERE id = ? AND {column} IS ?", (old, contact_id, new)
        )
    for address in undo.get("emails", []):
        connection.execute(
            "DELETE FROM contact_emails WHERE contact_id = ? AND address = ?", (contact_id, address)
        )
    for number in undo.get("phones", []):
        connection.execute(
            "DELETE FROM contact_phones WHERE contact_id = ? AND number = ?", (contact_id, number)
        )
    for url in undo.get("urls", []):
        connection.execute("DELETE FROM contact_urls WHERE contact_id = ? AND url = ?", (contact_id, url))
    for name in undo.get("tags", []):
        connection.execute(
            "DELETE FROM contact_tags WHERE contact_id = ? AND tag_id = (SELECT id FROM tags WHERE name = ?)",
            (contact_id, name),
        )
    for street, city, postcode in undo.get("addresses", []):
        connection.execute(
            "DELETE FROM contact_addresses WHERE contact_id = ? AND street = ? AND city = ? AND postcode = ?",
            (contact_id, street, city, postcode),
        )
    for label, month, day in undo.get("dates", []):
        connection.execute(
            "DELETE FROM important_dates WHERE contact_id = ? AND label = ? AND month = ? AND day = ?",
            (contact_id, label, month, day),
        )


def contacts_with_entries(connection: sqlite3.Connection, ids: list[int]) -> set[int]:
    if not ids:
        return set()
    connection.execute("CREATE TEMP TABLE IF NOT EXISTS undo_ids (id INTEGER PRIMARY KEY)")
    connection.execute("DELETE FROM undo_ids")
    connection.executemany("INSERT INTO undo_ids (id) VALUES (?)", ((i,) for i in ids))
    used = {
        row[0]
        for table in ("interaction_contacts", "favours", "asks", "commitments")
        for row in connection.execute(
            f"SELECT DISTINCT contact_id FROM {table} WHERE contact_id IN (SELECT id FROM undo_ids)"
        )
    }
    connection.execute("DELETE FROM undo_ids")
    return used


def marks(values: Iterable[object]) -> str:
    """'?,?,?' for an IN (...) list of `values`."""
    return ",".join("?" * len(list(values)))
