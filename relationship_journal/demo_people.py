"""Who knows whom in the demo network: colleagues at the same organisation, friends among
people met together (half of them, so the other half stay as suggestions), family among
the kin, and who introduced me to whom — so Today, intro paths and suggested
introductions have something real to show. Deterministic for a seed and a date.
"""

from __future__ import annotations

import datetime as dt
import random
from collections import defaultdict

from relationship_journal.journal.core import Journal

COLLEAGUES_PER_ORGANISATION = 4
INTRODUCED_SHARE = 0.08
FAMILY_KINDS = ("partner", "sibling", "parent", "child")


def link_people(journal: Journal, seed: int, as_of: dt.date) -> int:
    """Write the demo's relationships in one transaction; returns how many."""
    rng = random.Random(seed * 7919 + 18)
    with journal.reading() as connection:
        people = connection.execute(
            "SELECT id, organisation, circle, kin FROM contacts WHERE NOT archived ORDER BY id"
        ).fetchall()
    met = sorted(journal.relationships.co_attendance(2).items())
    links: dict[tuple[int, int], str] = {}

    def link(a: int, b: int, kind: str) -> None:
        if a != b and (a, b) not in links and (b, a) not in links:
            links[(a, b)] = kind

    by_organisation: dict[str, list[int]] = defaultdict(list)
    for cid, organisation, _circle, _kin in people:
        if organisation and organisation != "Freelance":
            by_organisation[organisation].append(cid)
    for members in by_organisation.values():
        chosen = members[:COLLEAGUES_PER_ORGANISATION]
        for a, b in zip(chosen, chosen[1:], strict=False):
            link(a, b, "colleague")
    for (a, b), _facts in met:
        if rng.random() < 0.5:
            link(a, b, rng.choice(("friend", "friend", "colleague")))
    kin = [cid for cid, _o, _c, is_kin in people if is_kin]
    for a, b in zip(kin[::2], kin[1::2], strict=False):
        link(a, b, rng.choice(FAMILY_KINDS))
    inner = [cid for cid, _o, circle, _k in people if circle <= 15]
    outer = [cid for cid, _o, circle, _k in people if circle >= 50]
    if inner:
        for cid in outer:
            if rng.random() < INTRODUCED_SHARE:
                link(rng.choice(inner), cid, "introduced")
    with journal.database.writing() as connection:
        connection.executemany(
            "INSERT OR IGNORE INTO relationships (person_id, other_id, kind, state, created_on) "
            "VALUES (?, ?, ?, 'confirmed', ?)",
            [(a, b, kind, as_of.isoformat()) for (a, b), kind in sorted(links.items())],
        )
    return len(links)
