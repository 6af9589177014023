"""Who knows whom: relationships between people in the journal, entered by hand or
accepted from the entries where they were met together (co-attendance).

A relationship is stored once, from one person's side ("Bob is Ann's child") and read
from either side ("Ann is Bob's parent"). Paths of relationships are introductions
(journal/introductions.py).
"""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from relationship_journal import clock
from relationship_journal.journal import import_rows
from relationship_journal.journal.errors import NotFoundError, ValidationError
from relationship_journal.journal.records import Changes

if TYPE_CHECKING:
    from relationship_journal.journal.core import Journal

# kind -> (words for "other is person's …", words from the other side)
KINDS: dict[str, tuple[str, str]] = {
    "partner": ("partner", "partner"),
    "child": ("child", "parent"),
    "parent": ("parent", "child"),
    "sibling": ("sibling", "sibling"),
    "family": ("family", "family"),
    "colleague": ("colleague", "colleague"),
    "friend": ("friend", "friend"),
    "introduced": ("they introduced me to", "introduced to me by"),
}
# The kind read from the other person's side; "introduced" has none (it is about me).
INVERSE = {"child": "parent", "parent": "child", "introduced": ""}
FAMILY = frozenset({"partner", "child", "parent", "sibling", "family"})
SUGGEST_MIN_SHARED = 2  # entries met together before a pair is suggested
IGNORED = "suggested"  # the kind an ignored suggestion is kept under
_COLUMNS = ("person_id", "other_id", "kind", "state", "created_on")
# Each pair (a < b) of people in an entry, once for every entry they share. Entries with
# one person are set aside first: joined in, they made the pair queries five to ten
# times slower at 300,000 entries.
_PAIRS_IN_SHARED_ENTRIES = (
    "(SELECT interaction_id FROM interaction_contacts GROUP BY interaction_id HAVING count(*) > 1) shared "
    "JOIN interaction_contacts a ON a.interaction_id = shared.interaction_id "
    "JOIN interaction_contacts b ON b.interaction_id = shared.interaction_id AND b.contact_id > a.contact_id"
)


@dataclass(frozen=True)
class RelationView:
    """One relationship as seen from one person's page."""

    id: int
    kind: str
    other_id: int
    other_name: str
    words: str  # "Bob Stone — child", "introduced me to Bob Stone"
    stored: tuple[int, int] = (0, 0)  # (person_id, other_id) as stored, to add it back on undo


@dataclass(frozen=True)
class Edge:
    """A confirmed relationship, as the introduction paths read it."""

    id: int
    person_id: int
    other_id: int
    kind: str


@dataclass(frozen=True)
class Suggestion:
    """Two people met together often enough to be asked whether they know each other."""

    person_id: int
    person_name: str
    other_id: int
    other_name: str
    shared: int  # entries they were both in
    last_together: dt.date

    def words(self) -> str:
        return (
            f"{self.person_name} and {self.other_name} were in {self.shared} entries together "
            f"(last on {self.last_together:%d %b %Y}) — do they know each other?"
        )


def _words(kind: str, other: str, mine: bool) -> str:
    label = KINDS[kind][0 if mine else 1]
    return f"{label} {other}" if kind == "introduced" else f"{other} — {label}"


class Relationships:
    """`journal.relationships`."""

    def __init__(self, journal: Journal) -> None:
        self._journal = journal

    def add(self, person_id: int, other_id: int, kind: str, on: dt.date | None = None) -> Changes:
        """Record that `other` is `person`'s `kind`; an ignored suggestion for the pair is forgotten."""
        _check(person_id, other_id, kind)  # a request that makes no sense is refused before any write
        with self._journal.database.writing() as connection:
            created = _add(connection, person_id, other_id, kind, (on or clock.today()).isoformat())
        return Changes(contacts=frozenset({person_id, other_id}), created_id=created)

    def add_many(self, links: Iterable[tuple[int, int, str]], on: dt.date | None = None) -> int:
        """Record many (person, other, kind) in one transaction (an import's RELATED lines:
        one write instead of one per line); a link `add` would refuse (the same person
        twice, an unknown kind or id) is left out. Returns how many were kept."""
        day = (on or clock.today()).isoformat()
        sensible = [link for link in links if link[2] in KINDS and link[0] != link[1]]
        kept = 0
        with self._journal.database.writing() as connection:
            # What `_add` asks per link, asked once: who exists, and what is stored already.
            wanted = json.dumps(sorted({cid for p, o, _k in sensible for cid in (p, o)}))
            known = {row[0] for row in connection.execute(
                "SELECT id FROM contacts WHERE id IN (SELECT value FROM json_each(?))", (wanted,)
            )}
            stored = set(connection.execute(
                "SELECT person_id, other_id, kind FROM relationships "
                "WHERE person_id IN (SELECT value FROM json_each(?))", (wanted,)
            ).fetchall())
            new: list[tuple[int, int, str, str, str]] = []
            for person_id, other_id, kind in sensible:
                if person_id not in known or other_id not in known:
                    continue
                kept += 1
                ignored = {(person_id, other_id, IGNORED), (other_id, person_id, IGNORED)} & stored
                if ignored:  # forgotten as `_add` forgets it, in the same order of writes
                    import_rows.insert_rows(connection, "relationships", _COLUMNS, new)
                    new = []
                    connection.executemany(
                        "DELETE FROM relationships WHERE person_id = ? AND other_id = ? AND kind = ?",
                        sorted(ignored),
                    )
                    stored -= ignored
                if {(person_id, other_id, kind), (other_id, person_id, INVERSE.get(kind, kind))} & stored:
                    continue  # the same relationship, from either side
                new.append((person_id, other_id, kind, "confirmed", day))
                stored.add((person_id, other_id, kind))
            import_rows.insert_rows(connection, "relationships", _COLUMNS, new)
        return kept

    def remove(self, relationship_id: int) -> Changes:
        with self._journal.database.writing() as connection:
            row = connection.execute(
                "SELECT person_id, other_id FROM relationships WHERE id = ?", (relationship_id,)
            ).fetchone()
            if row is None:
                raise NotFoundError(f"there is no relationship with id {relationship_id}")
            connection.execute("DELETE FROM relationships WHERE id = ?", (relationship_id,))
        return Changes(contacts=frozenset(row))

    def ignore(self, person_id: int, other_id: int, on: dt.date | None = None) -> Changes:
        """Never suggest this pair again (undone by `remove` of the returned id)."""
        with self._journal.database.writing() as connection:
            cursor = connection.execute(
                "INSERT OR IGNORE INTO relationships (person_id, other_id, kind, state, created_on) "
                "VALUES (?, ?, ?, 'ignored', ?)",
                (
                    min(person_id, other_id),
                    max(person_id, other_id),
                    IGNORED,
                    (on or clock.today()).isoformat(),
                ),
            )
            return Changes(contacts=frozenset({person_id, other_id}), created_id=cursor.lastrowid)

    def for_contact(self, contact_id: int) -> list[RelationView]:
        """Everyone this person is related to, family first, then by name."""
        with self._journal.reading() as connection:
            rows = _rows(
                connection,
                "SELECT r.id, r.kind, r.person_id, r.other_id, p.display_name, o.display_name "
                "FROM relationships r JOIN contacts p ON p.id = r.person_id "
                "JOIN contacts o ON o.id = r.other_id "
                "WHERE r.state = 'confirmed' AND (r.person_id = ? OR r.other_id = ?)",
                (contact_id, contact_id),
            )
        views = []
        for rid, kind, person, other, person_name, other_name in rows:
            mine = person == contact_id
            other_id, name = (other, other_name) if mine else (person, person_name)
            views.append(
                RelationView(rid, kind, other_id, name, _words(kind, name, mine), (person, other))
            )
        order = list(KINDS)
        views.sort(key=lambda v: (v.kind not in FAMILY, order.index(v.kind), v.other_name, v.id))
        return views

    def edges(self) -> list[Edge]:
        """Every confirmed relationship between people not archived."""
        with self._journal.reading() as connection:
            rows = _rows(
                connection,
                "SELECT r.id, r.person_id, r.other_id, r.kind FROM relationships r "
                "JOIN contacts p ON p.id = r.person_id JOIN contacts o ON o.id = r.other_id "
                "WHERE r.state = 'confirmed' AND NOT p.archived AND NOT o.archived",
                (),
            )
        return [Edge(*row) for row in rows]

    def pairs_met(self) -> set[tuple[int, int]]:
        """(a, b) with a < b who were in at least one entry together: `co_attendance(1)`'s
        pairs without counting or dating them, from the link table alone (its foreign keys
        cascade, so every link has its entry)."""
        with self._journal.reading() as connection:
            rows = connection.execute(
                f"SELECT DISTINCT a.contact_id, b.contact_id FROM {_PAIRS_IN_SHARED_ENTRIES}"
            ).fetchall()
        return {(a, b) for a, b in rows}

    def co_attendance(self, min_shared: int = 1) -> dict[tuple[int, int], tuple[int, dt.date]]:
        """(a, b) with a < b -> (entries both were in, the last one's day)."""
        with self._journal.reading() as connection:
            rows = connection.execute(
                f"SELECT a.contact_id, b.contact_id, count(*), max(i.date) FROM {_PAIRS_IN_SHARED_ENTRIES} "
                "JOIN interactions i ON i.id = shared.interaction_id "
                "GROUP BY a.contact_id, b.contact_id HAVING count(*) >= ?",
                (min_shared,),
            ).fetchall()
        return {(a, b): (n, dt.date.fromisoformat(last)) for a, b, n, last in rows}

    def suggestions(
        self, contact_id: int | None = None, min_shared: int = SUGGEST_MIN_SHARED
    ) -> list[Suggestion]:
        """Pairs met together at least `min_shared` times with no relationship yet (nor an
        ignored suggestion), most shared first."""
        with self._journal.reading() as connection:
            names = dict(
                connection.execute("SELECT id, display_name FROM contacts WHERE NOT archived")
            )
            linked = {
                tuple(sorted(pair))
                for pair in _rows(connection, "SELECT person_id, other_id FROM relationships", ())
            }
        found = []
        for (a, b), (shared, last) in self.co_attendance(min_shared).items():
            if (a, b) in linked or a not in names or b not in names:
                continue
            if contact_id is not None and contact_id not in (a, b):
                continue
            if contact_id == b:
                a, b = b, a
            found.append(Suggestion(a, names[a], b, names[b], shared, last))
        found.sort(key=lambda s: (-s.shared, s.person_name, s.other_name))
        return found


def _rows(
    connection: sqlite3.Connection, sql: str, params: tuple[object, ...]
) -> list[tuple[Any, ...]]:
    rows: list[tuple[Any, ...]] = connection.execute(sql, params).fetchall()
    return rows


def _add(connection: sqlite3.Connection, person_id: int, other_id: int, kind: str, day: str) -> int:
    """One relationship inside the caller's transaction; its id (the existing one when the
    same relationship is already stored from either side)."""
    _check(person_id, other_id, kind)
    found = {
        row[0]
        for row in connection.execute(
            "SELECT id FROM contacts WHERE id IN (?, ?)", (person_id, other_id)
        )
    }
    for cid in (person_id, other_id):
        if cid not in found:
            raise NotFoundError(f"there is no contact with id {cid}")
    connection.execute(
        "DELETE FROM relationships WHERE kind = ? AND ((person_id = ? AND other_id = ?) "
        "OR (person_id = ? AND other_id = ?))",
        (IGNORED, person_id, other_id, other_id, person_id),
    )
    # The same relationship from the other side ("Ann is Bob's parent") is not a second one.
    existing = connection.execute(
        "SELECT id FROM relationships WHERE (person_id = ? AND other_id = ? AND kind = ?) "
        "OR (person_id = ? AND other_id = ? AND kind = ?)",
        (person_id, other_id, kind, other_id, person_id, INVERSE.get(kind, kind)),
    ).fetchone()
    if existing:
        return int(existing[0])
    cursor = connection.execute(
        "INSERT INTO relationships (person_id, other_id, kind, state, created_on) "
        "VALUES (?, ?, ?, 'confirmed', ?)",
        (person_id, other_id, kind, day),
    )
    return int(cursor.lastrowid or 0)


def _check(person_id: int, other_id: int, kind: str) -> None:
    if kind not in KINDS:
        raise ValidationError(f"a relationship is one of {', '.join(KINDS)} (got '{kind}')")
    if person_id == other_id:
        raise ValidationError("a relationship needs two different people")
