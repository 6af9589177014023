"""Finding people by name: plain sqlite3, so a command that only reads one person's
figures (`health --contact NAME`) never pays for importing the ORM."""

from __future__ import annotations

from typing import TYPE_CHECKING

from relationship_journal.journal.errors import AmbiguousNameError, NotFoundError
from relationship_journal.journal.text import fold

if TYPE_CHECKING:
    from relationship_journal.journal.core import Journal


def match(journal: Journal, query: str, include_archived: bool = False) -> list[tuple[int, str]]:
    """People whose name contains `query`, ignoring case and accents."""
    folded = fold(query)
    if not folded:
        return []
    pattern = "%" + folded.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
    where = "" if include_archived else " AND NOT archived"
    with journal.reading() as connection:
        return connection.execute(
            "SELECT id, display_name FROM contacts WHERE search_name LIKE ? ESCAPE '\\'"
            f"{where} ORDER BY search_name, id",
            (pattern,),
        ).fetchall()


def resolve(journal: Journal, query: str) -> int:
    """The one person `query` names; an exact name wins over partial matches."""
    with journal.reading() as connection:  # the index answers an exact name at once
        named = connection.execute(
            "SELECT id FROM contacts WHERE search_name = ? AND NOT archived LIMIT 2", (fold(query),)
        ).fetchall()
    if len(named) == 1:
        return int(named[0][0])
    candidates = match(journal, query)  # a scan of every name
    if not candidates:
        raise NotFoundError(f"no contact matches '{query}'")
    if len(candidates) == 1:
        return candidates[0][0]
    exact = [cid for cid, name in candidates if fold(name) == fold(query)]
    if len(exact) == 1:
        return exact[0]
    raise AmbiguousNameError(query, [name for _cid, name in candidates])
