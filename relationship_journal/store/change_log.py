"""The change log behind undo: triggers write down how to put back every row a change touches.

This is SQLite's own undo technique: for each table, AFTER INSERT / UPDATE / DELETE
triggers store the statement that reverses that one row. Replaying a change's
statements newest first undoes it, and replaying them records the statements that
redo it. It works for every write, ORM or raw SQL, cascades included, so no command
has to know how to reverse itself.

The triggers are TEMP triggers, made on each of our own write connections, so the file
itself carries none (other tools and older versions of the app write as before). They
record only while `capturing(key)` is active in the writing thread; otherwise their
WHEN clause is one cheap function call per row.
"""

from __future__ import annotations

import contextvars
import json
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

_capture: contextvars.ContextVar[int | None] = contextvars.ContextVar(
    "change_log_capture", default=None
)

# Tables undo never touches: the log itself and the schema's version; the full-text
# indexes follow their tables through their own triggers.
UNTRACKED = frozenset({"alembic_version", "history", "history_rows"})
FTS_SHADOW_SUFFIXES = ("_data", "_idx", "_content", "_docsize", "_config")


@dataclass(frozen=True)
class Touched:
    """What one recorded change touched, by table."""

    contacts: frozenset[int]
    interactions: frozenset[int]


@contextmanager
def capturing(key: int) -> Iterator[None]:
    """Record every row this thread writes on our connections under `key`."""
    token = _capture.set(key)
    try:
        yield
    finally:
        _capture.reset(token)


def recording() -> bool:
    """Whether this thread is recording a change now."""
    return _capture.get() is not None


def _current_capture() -> int | None:
    return _capture.get()


Table = tuple[str, list[tuple[str, str, int]], list[str], list[str]]


def _tracked_tables(connection: Any) -> list[Table]:
    """Each table undo follows: its columns, and the columns naming a person or an entry."""
    rows = connection.execute(
        "SELECT name, sql FROM main.sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite%'"
    ).fetchall()
    virtual = {name for name, sql in rows if (sql or "").upper().startswith("CREATE VIRTUAL")}
    shadows = {v + suffix for v in virtual for suffix in FTS_SHADOW_SUFFIXES}
    if "history_rows" not in {name for name, _sql in rows}:
        return []  # a journal older than the change log: nothing to record into
    tables = []
    for name, _sql in rows:
        if name in UNTRACKED or name in virtual or name in shadows:
            continue
        columns = [
            (c[1], (c[2] or "").upper(), c[5])
            for c in connection.execute(f'PRAGMA main.table_info("{name}")')
        ]
        references = connection.execute(f'PRAGMA main.foreign_key_list("{name}")').fetchall()
        people = [r[3] for r in references if r[2] == "contacts"]
        entries = [r[3] for r in references if r[2] == "interactions"]
        tables.append((name, columns, people, entries))
    return tables


def _quoted(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def _literal(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


def _trigger_sql(
    table: str, columns: list[tuple[str, str, int]], people: list[str], entries: list[str]
) -> list[str]:
    names = [c[0] for c in columns]
    keys = [c for c in columns if c[2]]
    rowid_alias = len(keys) == 1 and keys[0][1] == "INTEGER"
    q = _quoted(table)

    def log(row: str, statement: str) -> str:
        def column(names: list[str], index: int) -> str:
            return f"{row}.{_quoted(names[index])}" if len(names) > index else "NULL"

        return (
            "INSERT INTO history_rows (capture, table_name, row_id, contact_id, other_contact_id, "
            f"interaction_id, statement) VALUES (rj_capture(), {_literal(table)}, {row}.rowid, "
            f"{column(people, 0)}, {column(people, 1)}, {column(entries, 0)}, {statement});"
        )

    insert_columns = ([] if rowid_alias else ["rowid"]) + [_quoted(n) for n in names]
    insert_values = ([] if rowid_alias else ["old.rowid"]) + [
        f"quote(old.{_quoted(n)})" for n in names
    ]
    reinsert = (
        _literal(f"INSERT INTO {q} ({', '.join(insert_columns)}) VALUES (")
        + " || "
        + " || ', ' || ".join(insert_values)
        + " || ')'"
    )
    assignments = " || ', ' || ".join(
        _literal(f"{_quoted(n)} = ") + f" || quote(old.{_quoted(n)})" for n in names
    )
    set_back = _literal(f"UPDATE {q} SET ") + f" || {assignments} || ' WHERE rowid = ' || new.rowid"
    delete = _literal(f"DELETE FROM {q} WHERE rowid = ") + " || new.rowid"
    when = "WHEN rj_capture() IS NOT NULL"

    def trigger(event: str, body: str) -> str:
        name = _quoted(f"rj_undo_{table}_{event.lower()}")
        return f"CREATE TEMP TRIGGER IF NOT EXISTS {name} AFTER {event} ON main.{q} {when} BEGIN {body} END"

    return [
        trigger("INSERT", log("new", delete)),
        trigger("UPDATE", log("new", set_back)),
        trigger("DELETE", log("old", reinsert)),
    ]


_ddl_cache: dict[tuple[tuple[str, str], ...], list[str]] = {}


def install(connection: Any) -> None:
    """Make the recording triggers on one connection (once per schema, cached)."""
    connection.create_function("rj_capture", 0, _current_capture)
    signature = tuple(
        connection.execute(
            "SELECT name, coalesce(sql, '') FROM main.sqlite_master WHERE type = 'table'"
        ).fetchall()
    )
    statements = _ddl_cache.get(signature)
    if statements is None:
        statements = [
            sql
            for table, columns, people, entries in _tracked_tables(connection)
            for sql in _trigger_sql(table, columns, people, entries)
        ]
        _ddl_cache[signature] = statements
    for statement in statements:
        connection.execute(statement)


def has_rows(connection: Any, key: int) -> bool:
    return (
        connection.execute(
            "SELECT 1 FROM history_rows WHERE capture = ? LIMIT 1", (key,)
        ).fetchone()
        is not None
    )


_REPLAY_CHUNK = 2000


def replay(connection: sqlite3.Connection, key: int) -> None:
    """Run a capture's statements newest first, then drop them.

    Run it inside `capturing(new_key)`, on a connection made while capturing, and the
    statements' own reverse is recorded under the new key. Foreign keys are checked at
    commit, not per statement: a parent and its children come back in whatever order
    they were removed.
    """
    connection.execute("PRAGMA defer_foreign_keys = ON")
    # A chunk at a time: a 100,000-person import's reversal is a million statements,
    # and a reinserted photo's statement holds the photo, so they are never all in memory.
    below = None
    while True:
        chunk = connection.execute(
            "SELECT id, statement FROM history_rows WHERE capture = ? AND id < coalesce(?, id + 1) "
            "ORDER BY id DESC LIMIT ?",
            (key, below, _REPLAY_CHUNK),
        ).fetchall()
        for _id, statement in chunk:
            connection.execute(statement)
        if len(chunk) < _REPLAY_CHUNK:
            break
        below = chunk[-1][0]
    connection.execute("DELETE FROM history_rows WHERE capture = ?", (key,))


def touched(connection: Any, key: int) -> Touched:
    """The people and entries a capture touched (people in a touched entry count too)."""
    contacts: set[int] = set()
    interactions: set[int] = set()
    for table, row_id, contact_id, other_contact_id, interaction_id in connection.execute(
        "SELECT table_name, row_id, contact_id, other_contact_id, interaction_id FROM history_rows "
        "WHERE capture = ?",
        (key,),
    ):
        if table == "contacts":
            contacts.add(row_id)
        elif table == "interactions":
            interactions.add(row_id)
        contacts.update(c for c in (contact_id, other_contact_id) if c is not None)
        if interaction_id is not None:
            interactions.add(interaction_id)
    if interactions:
        contacts.update(
            row[0]
            for row in connection.execute(
                "SELECT contact_id FROM interaction_contacts WHERE interaction_id IN (SELECT value FROM json_each(?))",
                (json.dumps(sorted(interactions)),),
            )
        )
    return Touched(frozenset(contacts), frozenset(interactions))


def forget(connection: Any, keys: list[int]) -> None:
    """Drop captures nobody can undo or redo any more."""
    connection.execute(
        "DELETE FROM history_rows WHERE capture IN (SELECT value FROM json_each(?))",
        (json.dumps(keys),),
    )
