"""vCard RELATED (RFC 6350 §6.6.6): who knows whom, out to other apps and back in.

Written from each person's side ("RELATED;TYPE=child;VALUE=text:Bob Lee" on Ann's card
says Bob is Ann's child), by name, so any reader can show it. Read back by name (or by
the UID of another card in the same file), after the import has written the people:
a name that is missing or names more than one person is left out, never guessed.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from relationship_journal.exchange.matching import fold  # cached: the matching folded these names
from relationship_journal.exchange.people_store import People

if TYPE_CHECKING:
    from relationship_journal.exchange.records import ImportedPerson, ParsedFile
    from relationship_journal.journal.core import Journal

# Our kinds as vCard TYPE values (seen from the card's person), and back.
TYPE_OF_KIND = {
    "partner": "spouse",
    "child": "child",
    "parent": "parent",
    "sibling": "sibling",
    "family": "kin",
    "colleague": "colleague",
    "friend": "friend",
    "introduced": "x-introduced-me-to",
    "introduced-by": "x-introduced-to-me-by",
}
KIND_OF_TYPE = {
    "spouse": "partner",
    "sweetheart": "partner",
    "child": "child",
    "parent": "parent",
    "sibling": "sibling",
    "kin": "family",
    "colleague": "colleague",
    "co-worker": "colleague",
    "friend": "friend",
    "x-introduced-me-to": "introduced",
    "x-introduced-to-me-by": "introduced-by",
}
_INVERSE = {"child": "parent", "parent": "child", "introduced": "introduced-by"}


def related_by_contact(journal: Journal) -> dict[int, list[tuple[str, str]]]:
    """contact id -> [(vCard TYPE, the other's name)], each seen from that contact's side."""
    names: dict[int, str] = {}
    with journal.reading() as connection:
        names = dict(connection.execute("SELECT id, display_name FROM contacts"))
    related: dict[int, list[tuple[str, str]]] = {}
    for edge in journal.relationships.edges():
        related.setdefault(edge.person_id, []).append(
            (TYPE_OF_KIND[edge.kind], names[edge.other_id])
        )
        back = _INVERSE.get(edge.kind, edge.kind)
        related.setdefault(edge.other_id, []).append((TYPE_OF_KIND[back], names[edge.person_id]))
    return related


def related_lines(related: Iterable[tuple[str, str]], escape: Any) -> list[str]:
    return [f"RELATED;TYPE={kind};VALUE=text:{escape(name)}" for kind, name in sorted(related)]


def read_related(lines: Iterable[Any]) -> tuple[tuple[str, str], ...]:
    """[(our kind, the other's name or 'urn:uuid:…')] from a parsed card's RELATED lines."""
    found = []
    for line in (line for line in lines if line.name == "RELATED"):
        types = [t.lower() for value in line.params.get("TYPE", []) for t in str(value).split(",")]
        kind = next((KIND_OF_TYPE[t] for t in types if t in KIND_OF_TYPE), None)
        value = str(line.value).strip()
        if kind is not None and value:
            found.append((kind, value))
    return tuple(found)


def _identities(
    people: Iterable[ImportedPerson],
) -> Iterable[tuple[str | None, str, tuple[tuple[str, str], ...]]]:
    """(source id, name, related) of each person; a packed list gives them without unpacking."""
    if isinstance(people, People):
        return people.identities()
    return ((p.source_id, p.fields.display_name, p.related) for p in people)


def link_related(journal: Journal, files: Iterable[ParsedFile]) -> int:
    """Add the relationships the imported cards name, once the people are in the journal;
    returns how many were added."""
    files = list(files)
    if not any(getattr(f.people, "related", True) for f in files):
        return 0  # no card names anyone it knows (a packed list counts them as it is read)
    people = [list(_identities(f.people)) for f in files]
    by_uid = {uid: name for found in people for uid, name, _related in found if uid}
    with journal.reading() as connection:
        ids: dict[str, list[int]] = {}
        for cid, folded in connection.execute(
            "SELECT id, search_name FROM contacts WHERE NOT archived"
        ):
            ids.setdefault(folded, []).append(cid)

    def one(name: str) -> int | None:
        found = ids.get(fold(by_uid.get(name, name).removeprefix("urn:uuid:")), [])
        return found[0] if len(found) == 1 else None

    links: list[tuple[int, int, str]] = []
    for found in people:
        for _uid, my_name, related in found:
            me = one(my_name) if related else None
            for kind, name in related:
                other = one(name)
                if me is None or other is None or me == other:
                    continue
                links.append((other, me, "introduced") if kind == "introduced-by" else (me, other, kind))
    return journal.relationships.add_many(links) if links else 0
