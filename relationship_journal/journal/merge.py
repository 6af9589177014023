"""Merging two records of the same person into one, keeping everything either held.

Duplicates are the most common complaint about personal CRMs. A merge moves every
entry, favour, ask, commitment, email, phone, web address, important date and tag of
the duplicate onto the kept person, fills the kept profile's empty fields from the
duplicate and appends differing text, then removes the duplicate — one transaction.
Undo is the journal's history's, as for every change (record the merge inside `history.recording`).
"""

from __future__ import annotations

import sqlite3
from typing import TYPE_CHECKING

from relationship_journal.journal.errors import NotFoundError, ValidationError
from relationship_journal.journal.records import Changes

if TYPE_CHECKING:
    from relationship_journal.journal.core import Journal

# Free text: when both records have something different, keep both.
_APPENDED_TEXT = ("how_met", "where_met", "interests", "goals", "family", "can_do_for_them",
                  "communities", "notes")
# Single values: the kept person's value wins; the duplicate's fills a gap, and a
# different value is recorded in the notes so nothing is silently lost.
_SINGLE_TEXT = ("given_name", "family_name", "nickname", "organisation", "role", "photo_url")
_FILLED = ("birthday_year", "birthday_month", "birthday_day", "met_on", "cadence_days", "photo", "uid")


def merge_contacts(journal: Journal, keep_id: int, duplicate_id: int) -> Changes:
    """Fold `duplicate_id` into `keep_id`; the duplicate no longer exists afterwards."""
    if keep_id == duplicate_id:
        raise ValidationError("choose two different contacts to merge")
    with journal.database.writing() as connection:
        connection.row_factory = sqlite3.Row
        keep = connection.execute("SELECT * FROM contacts WHERE id = ?", (keep_id,)).fetchone()
        dup = connection.execute("SELECT * FROM contacts WHERE id = ?", (duplicate_id,)).fetchone()
        for row, cid in ((keep, keep_id), (dup, duplicate_id)):
            if row is None:
                raise NotFoundError(f"there is no contact with id {cid}")
        interactions = [
            r[0] for r in connection.execute(
                "SELECT interaction_id FROM interaction_contacts WHERE contact_id = ?", (duplicate_id,)
            )
        ]
        _move_links(connection, keep_id, duplicate_id)
        _merge_profile(connection, keep, dup)
        connection.execute("DELETE FROM contacts WHERE id = ?", (duplicate_id,))
    return Changes(
        contacts=frozenset({keep_id, duplicate_id}), interactions=frozenset(interactions), created_id=keep_id
    )


def _move_links(connection: sqlite3.Connection, keep_id: int, dup_id: int) -> None:
    ids = (keep_id, dup_id)
    # Entries both were on stay once; the rest move over.
    connection.execute("UPDATE OR IGNORE interaction_contacts SET contact_id = ? WHERE contact_id = ?", ids)
    connection.execute("DELETE FROM interaction_contacts WHERE contact_id = ?", (dup_id,))
    for table in ("favours", "asks", "commitments", "important_dates"):
        connection.execute(f"UPDATE {table} SET contact_id = ? WHERE contact_id = ?", ids)
    connection.execute("UPDATE OR IGNORE contact_tags SET contact_id = ? WHERE contact_id = ?", ids)
    _move_addresses(connection, keep_id, dup_id)
    for table, column in (("contact_emails", "address"), ("contact_phones", "normalized"),
                          ("contact_urls", "url")):
        offset = connection.execute(
            f"SELECT coalesce(max(position), -1) + 1 FROM {table} WHERE contact_id = ?", (keep_id,)
        ).fetchone()[0]
        connection.execute(
            f"DELETE FROM {table} WHERE contact_id = ? AND lower({column}) IN "
            f"(SELECT lower({column}) FROM {table} WHERE contact_id = ?)",
            (dup_id, keep_id),
        )
        connection.execute(
            f"UPDATE {table} SET contact_id = ?, position = position + ? WHERE contact_id = ?",
            (keep_id, offset, dup_id),
        )
    for table in ("import_batch_contacts", "contact_history"):
        exists = connection.execute(
            "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?", (table,)
        ).fetchone()
        if exists:
            connection.execute(f"UPDATE OR IGNORE {table} SET contact_id = ? WHERE contact_id = ?", ids)


def _move_addresses(connection: sqlite3.Connection, keep_id: int, dup_id: int) -> None:
    """The duplicate's addresses join the kept person's, the same address only once."""
    parts = "street, extended, po_box, city, region, postcode, country"
    kept = {
        tuple(" ".join(str(v).casefold().split()) for v in row)
        for row in connection.execute(f"SELECT {parts} FROM contact_addresses WHERE contact_id = ?", (keep_id,))
    }
    offset = connection.execute(
        "SELECT coalesce(max(position), -1) + 1 FROM contact_addresses WHERE contact_id = ?", (keep_id,)
    ).fetchone()[0]
    for row in connection.execute(
        f"SELECT id, {parts} FROM contact_addresses WHERE contact_id = ? ORDER BY position", (dup_id,)
    ).fetchall():
        key = tuple(" ".join(str(v).casefold().split()) for v in row[1:])
        if key in kept:
            connection.execute("DELETE FROM contact_addresses WHERE id = ?", (row[0],))
            continue
        kept.add(key)
        connection.execute(
            "UPDATE contact_addresses SET contact_id = ?, position = ? WHERE id = ?", (keep_id, offset, row[0])
        )
        offset += 1


def _merge_profile(connection: sqlite3.Connection, keep: sqlite3.Row, dup: sqlite3.Row) -> None:
    values: dict[str, object] = {}
    extra: list[str] = []
    for name in _APPENDED_TEXT:
        mine, theirs = keep[name], dup[name]
        if theirs and not mine:
            values[name] = theirs
        elif theirs and mine and theirs.strip() not in mine:
            values[name] = f"{mine}\n\n{theirs}"
    for name in _SINGLE_TEXT:
        mine, theirs = keep[name], dup[name]
        if theirs and not mine:
            values[name] = theirs
        elif theirs and mine and theirs != mine:
            extra.append(f"{name.replace('_', ' ')}: {theirs}")
    for name in _FILLED:
        if keep[name] is None and dup[name] is not None:
            values[name] = dup[name]
    if dup["display_name"] != keep["display_name"]:
        extra.insert(0, f"also known as {dup['display_name']}")
    if extra:
        note = "Merged from a duplicate — " + "; ".join(extra)
        base = values.get("notes", keep["notes"])
        values["notes"] = f"{base}\n\n{note}" if base else note
    values["circle"] = min(keep["circle"], dup["circle"])  # the closer layer
    if dup["calibre"] is not None:
        values["calibre"] = max(keep["calibre"] or 0, dup["calibre"])
    values["kin"] = bool(keep["kin"] or dup["kin"])
    values["archived"] = bool(keep["archived"] and dup["archived"])
    assignments = ", ".join(f"{name} = ?" for name in values)
    connection.execute(
        f"UPDATE contacts SET {assignments}, updated_at = CURRENT_TIMESTAMP WHERE id = ?",
        (*values.values(), keep["id"]),
    )
