"""Type-to-find over names, organisations, profiles and notes (SQLite FTS5).

This path imports no SQLAlchemy: it must answer while the user types.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import defaultdict
from typing import TYPE_CHECKING

from relationship_journal.journal.errors import ValidationError
from relationship_journal.journal.records import SearchHit

if TYPE_CHECKING:
    from relationship_journal.journal.core import Journal

_WORD = re.compile(r"\w+", re.UNICODE)
SNIPPET_TOKENS = 14


def fts_query(text: str) -> str | None:
    """Turn what the user typed into a safe FTS5 query: every word, as a prefix, must match."""
    words = _WORD.findall(text)
    if not words:
        return None
    return " ".join(f'"{word}"*' for word in words)


MAX_LIMIT = 10_000  # the note ids of one page of hits go into one IN (...) list


class Search:
    def __init__(self, journal: Journal) -> None:
        self._journal = journal

    def __call__(self, text: str, limit: int = 50) -> list[SearchHit]:
        """Ranked matches: people first when they match as well as a note does."""
        query = fts_query(text)
        if query is None:
            return []
        if not 1 <= limit <= MAX_LIMIT:
            raise ValidationError(f"the number of results must be 1 to {MAX_LIMIT:,} (got {limit})")
        with self._journal.reading() as connection:
            people = connection.execute(
                "SELECT f.rowid, c.display_name, bm25(contact_fts, 10.0, 10.0, 4.0, 1.0) AS rank, "
                f"snippet(contact_fts, -1, '', '', '…', {SNIPPET_TOKENS}), c.search_name "
                "FROM contact_fts f JOIN contacts c ON c.id = f.rowid "
                "WHERE contact_fts MATCH ? AND NOT c.archived ORDER BY rank LIMIT ?",
                (query, limit),
            ).fetchall()
            # FTS5's own rank column (bm25, as the table is set up): FTS5 then hands the
            # rows over best first, and the snippets are made for the first `limit` only,
            # not for every match before sorting (at 3 million notes, 69,000 of them).
            notes = connection.execute(
                "SELECT f.rowid, i.date, f.rank, "
                f"snippet(interaction_fts, -1, '', '', '…', {SNIPPET_TOKENS}) "
                "FROM interaction_fts f JOIN interactions i ON i.id = f.rowid "
                "WHERE interaction_fts MATCH ? ORDER BY f.rank LIMIT ?",
                (query, limit),
            ).fetchall()
            present: dict[int, list[tuple[int, str]]] = defaultdict(list)
            if notes:
                ids = [r[0] for r in notes]
                marks = ",".join("?" * len(ids))
                for iid, cid, name in connection.execute(
                    "SELECT ic.interaction_id, c.id, c.display_name FROM interaction_contacts ic "
                    f"JOIN contacts c ON c.id = ic.contact_id WHERE ic.interaction_id IN ({marks})",
                    ids,
                ):
                    present[iid].append((cid, name))
        hits = [
            # A match on the folded name ("lukasz") shows the name as written ("Łukasz").
            (rank, SearchHit("contact", cid, (cid,), name, name if snippet == folded else snippet))
            for cid, name, rank, snippet, folded in people
        ] + [
            (
                rank,
                SearchHit(
                    "interaction",
                    iid,
                    tuple(c for c, _n in present[iid]),
                    ", ".join(n for _c, n in present[iid]),
                    snippet,
                    dt.date.fromisoformat(date),
                ),
            )
            for iid, date, rank, snippet in notes
        ]
        hits.sort(key=lambda pair: pair[0])
        return [hit for _rank, hit in hits[:limit]]
