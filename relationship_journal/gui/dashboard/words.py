"""The dashboard's sentences: figures turned into plain words (no Qt, easy to test)."""

from __future__ import annotations

import datetime as dt

from relationship_journal.health import NetworkHealth
from relationship_journal.journal.days import days_phrase

__all__ = ["days_phrase", "plural", "short_date", "verdict_sentence"]

VERDICT_SENTENCES = {
    "deep": "Deep: most of the people you keep up with know and trust you.",
    "typical": "Typical: a solid core of connections inside a wider circle of contacts.",
    "wide": "Wide: you keep up with many people, but few of them know and trust you yet.",
    "a mile wide and an inch deep": (
        "A mile wide and an inch deep: many contacts, very few connections. "
        "Invest in fewer people, more deeply."
    ),
}


def verdict_sentence(network: NetworkHealth) -> str:
    """The wide-vs-deep verdict with the ratio behind it, in a sentence or two."""
    base = VERDICT_SENTENCES.get(network.verdict, network.verdict.capitalize() + ".")
    if network.breadth == 0:
        return "No one touched in the past year yet: log a few conversations to see your network's shape."
    if network.depth == 0:
        return f"{base} None of the {network.breadth} people you kept up with this year is a connection yet."
    ratio = network.breadth / network.depth
    return f"{base} About {ratio:.0f} people kept up with for every connection."


def short_date(day: dt.date, as_of: dt.date) -> str:
    """'8 Dec' in the as-of year, '8 Dec 2027' otherwise."""
    text = f"{day.day} {day:%b}"
    return text if day.year == as_of.year else f"{text} {day.year}"


def plural(count: int, word: str, many: str | None = None) -> str:
    return f"{count:,} {word if count == 1 else (many or word + 's')}"
