"""Exact copies of people's rows, taken before a change and put back to undo it.

Bulk actions (set circle, tag, archive, delete) and merges touch many tables at once;
rather than writing an inverse for each, the GUI's undo takes a snapshot of every row
that belongs to the chosen people (and of the entries on their timelines, with all of
those entries' links) and restores it in one transaction.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from relationship_journal.journal.records import Changes

if TYPE_CHECKING:
    from relationship_journal.journal.core import Journal

# Tables whose rows belong to one contact, found by their contact_id column.
_CONTACT_TABLES = (
    "contact_emails",
    "contact_phones",
    "contact_urls",
    "contact_addresses",
    "important_dates",
    "contact_tags",
    "favours",
    "asks",
    "commitments",
    "import_batch_contacts",
    "contact_history",
)


@dataclass(frozen=True)
class Snapshot:
    """Rows as (table, column names, values), in the order they must be inserted."""

    contact_ids: tuple[int, ...]
    interaction_ids: tuple[int, ...]
    tables: tuple[tuple[str, tuple[str, ...], tuple[tuple[object, ...], ...]], ...] = field(
        default_factory=tuple
    )


def _table_exists(connection: sqlite3.Connection, table: str) -> bool:
    return connection.execute(
        "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?", (table,)
    ).fetchone() is not None


def _rows(
    connection: sqlite3.Connection, table: str, column: str, ids: list[int]
) -> tuple[tuple[str, ...], tuple[tuple[object, ...], ...]]:
    names: tuple[str, ...] = ()
    rows: list[tuple[object, ...]] = []
    for start in range(0, max(len(ids), 1), 900):
        chunk = ids[start : start + 900]
        if not chunk:
            break
        cursor = connection.execute(
            f"SELECT * FROM {table} WHERE {column} IN ({','.join('?' * len(chunk))})", chunk
        )
        names = tuple(d[0] for d in cursor.description)
        rows.extend(cursor.fetchall())
    return names, tuple(rows)


def capture(journal: Journal, contact_ids: Iterable[int]) -> Snapshot:
    """Copy everything that belongs to these people (read-only)."""
    ids = sorted(set(contact_ids))
    with journal.reading() as connection:
        interaction_ids = sorted(
            {
                r[0]
                for start in range(0, len(ids), 900)
                for r in connection.execute(
                    "SELECT interaction_id FROM interaction_contacts WHERE contact_id IN "
                    f"({','.join('?' * len(ids[start:start + 900]))})",
                    ids[start : start + 900],
                )
            }
        )
        tables = [("contacts", *_rows(connection, "contacts", "id", ids))]
        tables.append(("interactions", *_rows(connection, "interactions", "id", interaction_ids)))
        tables.append(
            ("interaction_contacts", *_rows(connection, "interaction_contacts", "interaction_id", interaction_ids))
        )
        for table in _CONTACT_TABLES:
            if _table_exists(connection, table):
                tables.append((table, *_rows(connection, table, "contact_id", ids)))
        # Ledger rows of other people that pointed at these entries get their link back too.
        for table in ("favours", "asks", "commitments"):
            tables.append((f"{table}#links", *_rows(connection, table, "interaction_id", interaction_ids)))
    return Snapshot(tuple(ids), tuple(interaction_ids), tuple((t, n, r) for t, n, r in tables if n))


def restore(journal: Journal, snapshot: Snapshot) -> Changes:
    """Put the people and their entries back exactly as captured, in one transaction."""
    with journal.database.writing() as connection:
        _delete(connection, "contacts", "id", list(snapshot.contact_ids))
        _delete(connection, "interactions", "id", list(snapshot.interaction_ids))
        existing: set[int] | None = None
        for table, names, rows in snapshot.tables:
            if table.endswith("#links"):
                table = table.split("#")[0]
                connection.executemany(
                    f"UPDATE {table} SET interaction_id = ? WHERE id = ?",
                    [(row[names.index("interaction_id")], row[names.index("id")]) for row in rows],
                )
                continue
            if table == "interaction_contacts":
                # Links to people deleted since the snapshot cannot come back.
                if existing is None:
                    existing = {r[0] for r in connection.execute("SELECT id FROM contacts")}
                column = names.index("contact_id")
                rows = tuple(r for r in rows if r[column] in existing)
            verb = "INSERT OR REPLACE" if table in ("favours", "asks", "commitments") else "INSERT"
            connection.executemany(
                f"{verb} INTO {table} ({','.join(names)}) VALUES ({','.join('?' * len(names))})", rows
            )
    others: set[int] = set()
    for table, names, rows in snapshot.tables:
        if table == "interaction_contacts":
            others.update(int(r[names.index("contact_id")]) for r in rows)  # type: ignore[call-overload]
    return Changes(
        contacts=frozenset(snapshot.contact_ids) | frozenset(others),
        interactions=frozenset(snapshot.interaction_ids),
    )


def _delete(connection: sqlite3.Connection, table: str, column: str, ids: list[int]) -> None:
    for start in range(0, len(ids), 900):
        chunk = ids[start : start + 900]
        connection.execute(f"DELETE FROM {table} WHERE {column} IN ({','.join('?' * len(chunk))})", chunk)
