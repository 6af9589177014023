"""Introductions: who can introduce me to someone, and whom I could introduce to whom.

*Paths*: from me to a person through people who know them (relationships, or entries
where they were met together), ranked by the trust and health of my link to the first
person and the strength of each link after it, so a path through a trusted connection
beats one through a dormant contact, and a shorter path beats a longer one of the same
links. *Ideas*: one person's goals matching another's interests, role or organisation,
found with the people full-text index search uses (folded, so "cafe" finds "Café").
"""

from __future__ import annotations

import datetime as dt
import re
import sqlite3
from bisect import bisect_left
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from relationship_journal import clock
from relationship_journal.journal.errors import NotFoundError, ValidationError
from relationship_journal.journal.health_inputs import gc_paused
from relationship_journal.journal.records import Changes
from relationship_journal.journal.relationships import KINDS
from relationship_journal.journal.text import fold

if TYPE_CHECKING:
    from relationship_journal.health.outputs import ContactHealth
    from relationship_journal.journal.agenda import TodayItem
    from relationship_journal.journal.core import Journal

# How well a link between two people carries an introduction (0-1).
LINK_STRENGTH = {
    "partner": 0.95,
    "child": 0.9,
    "parent": 0.9,
    "sibling": 0.9,
    "family": 0.85,
    "friend": 0.8,
    "colleague": 0.7,
    "introduced": 0.7,
}
MET_TOGETHER_BASE, MET_TOGETHER_STEP, MET_TOGETHER_MAX = 0.3, 0.1, 0.6
MAX_INTERMEDIARIES = 2
_WORD = re.compile(r"\w+", re.UNICODE)
_FIELDS = ("interests", "role", "organisation")  # what a helper says that may answer a goal
_FIELD_BITS = (1, 2, 4)  # each field's bit, in that order
# Words of a goal that say what to do rather than what it is about.
_GENERIC = frozenset(
    "open raise this year move into write learn start build become take travel grow team fifty "
    "people switch careers elected place the and for with from that their first time about more "
    "find some make help want will need join".split()
)


@dataclass(frozen=True)
class PathStep:
    contact_id: int
    name: str
    link: str  # how they know the next person (or, for the first, how I know them)


@dataclass(frozen=True)
class IntroPath:
    """Me → first → … → target; `score` 0-100 multiplies the strength of every link."""

    target_id: int
    steps: tuple[PathStep, ...]  # the intermediaries, first is the person I ask
    score: float
    words: str

    def to_json(self) -> dict[str, object]:
        return {
            "target_id": self.target_id,
            "via": [{"id": s.contact_id, "name": s.name, "link": s.link} for s in self.steps],
            "score": round(self.score, 1),
            "reason": self.words,
        }


@dataclass(frozen=True)
class IntroductionIdea:
    """`seeker` wants something `helper`'s interests, role or organisation speak to."""

    seeker_id: int
    seeker_name: str
    helper_id: int
    helper_name: str
    terms: tuple[str, ...]
    words: str

    @property
    def key(self) -> str:
        return f"{self.seeker_id}-{self.helper_id}"

    def to_json(self) -> dict[str, object]:
        return {
            "seeker": {"id": self.seeker_id, "name": self.seeker_name},
            "helper": {"id": self.helper_id, "name": self.helper_name},
            "terms": list(self.terms),
            "reason": self.words,
        }


def _links(journal: Journal) -> dict[int, dict[int, tuple[float, str, str]]]:
    """Each person's links to others: (strength, kind, label) of the strongest reason
    they know each other; kind "met" with label the count for co-attendance."""
    links: dict[int, dict[int, tuple[float, str, str]]] = defaultdict(dict)

    def keep(a: int, b: int, strength: float, kind: str, label: str) -> None:
        if strength > links[a].get(b, (0.0, "", ""))[0]:
            links[a][b] = (strength, kind, label)

    for edge in journal.relationships.edges():
        strength = LINK_STRENGTH[edge.kind]
        mine, theirs = KINDS[edge.kind]
        keep(edge.person_id, edge.other_id, strength, edge.kind, mine)
        keep(edge.other_id, edge.person_id, strength, edge.kind, theirs)
    for (a, b), (shared, _last) in journal.relationships.co_attendance(1).items():
        strength = min(MET_TOGETHER_MAX, MET_TOGETHER_BASE + MET_TOGETHER_STEP * (shared - 1))
        keep(a, b, strength, "met", str(shared))
        keep(b, a, strength, "met", str(shared))
    return links


def link_words(a: str, b: str, kind: str, label: str) -> str:
    """How `a` knows `b`, in words: "Bob is Ann's colleague", "Ann introduced me to Bob"."""
    if kind == "met":
        times = "once" if label == "1" else "twice" if label == "2" else f"{label} times"
        return f"{a} and {b} met together {times}"
    if kind == "introduced":
        return (
            f"{a} introduced me to {b}"
            if label == KINDS["introduced"][0]
            else f"{b} introduced me to {a}"
        )
    return f"{b} is {a}'s {label}"


def intro_paths(
    journal: Journal, target_id: int, as_of: dt.date | None = None, limit: int = 5
) -> list[IntroPath]:
    """The best paths from me to `target_id` through one or two people, best first."""
    as_of = as_of or clock.today()
    network = journal.health.network(as_of)
    tie = {h.contact_id: h for h in network.contacts}
    if target_id not in tie:
        with journal.reading() as connection:
            if (
                connection.execute("SELECT 1 FROM contacts WHERE id = ?", (target_id,)).fetchone()
                is None
            ):
                raise NotFoundError(f"there is no contact with id {target_id}")
    links = _links(journal)
    found: list[tuple[float, tuple[int, ...]]] = []

    def my_link(cid: int) -> float:
        health = tie.get(cid)
        if health is None or health.score is None:
            return 0.0
        return (health.trust / 100.0) * (health.score / 100.0)

    def walk(path: tuple[int, ...], strength: float) -> None:
        head = path[0]
        for before, (link, _kind, _label) in links.get(head, {}).items():
            if before in path or before == target_id:
                continue
            chain = (before, *path)
            mine = my_link(before)
            if mine > 0:
                found.append((mine * strength * link, chain))
            if len(chain) - 1 < MAX_INTERMEDIARIES:
                walk(chain, strength * link)

    walk((target_id,), 1.0)
    found.sort(key=lambda row: (-row[0], len(row[1]), row[1]))
    paths, seen = [], set()
    for score, chain in found:
        if chain[0] in seen:  # one path per person I would ask: their best
            continue
        seen.add(chain[0])
        paths.append(_path(chain, score, tie, links))
        if len(paths) >= limit:
            break
    return paths


def _path(
    chain: tuple[int, ...],
    score: float,
    tie: dict[int, ContactHealth],
    links: dict[int, dict[int, tuple[float, str, str]]],
) -> IntroPath:
    def name(cid: int) -> str:
        return tie[cid].name if cid in tie else f"#{cid}"

    first = tie[chain[0]]
    steps = []
    for i, cid in enumerate(chain[:-1]):
        _strength, kind, label = links[cid][chain[i + 1]]
        steps.append(
            PathStep(cid, name(cid), link_words(name(cid), name(chain[i + 1]), kind, label))
        )
    route = " → ".join(["you", *(s.name for s in steps), name(chain[-1])])
    words = (
        f"Ask {first.name} ({first.classification}, trust {first.trust:.0f}, health "
        f"{first.display_score}): {route}. " + "; ".join(s.link for s in steps) + "."
    )
    return IntroPath(chain[-1], tuple(steps), 100.0 * score, words)


def _terms(text: str | None) -> list[str]:
    words = [w for w in _WORD.findall(fold(text or "")) if len(w) >= 4 and w not in _GENERIC]
    return list(dict.fromkeys(w[:-1] if w.endswith("s") and len(w) > 4 else w for w in words))


def introduction_ideas(
    journal: Journal, contact_id: int | None = None, limit: int = 50
) -> list[IntroductionIdea]:
    """Pairs who do not know each other yet where one's goals match the other's interests,
    role or organisation; with `contact_id`, only ideas involving that person."""
    # Many small dicts and sets of everyone's words: with the collector running, each batch
    # it promoted set off a full collection on the worker (Today's, a person's page), one
    # after another: 100-400 ms waits of the window each at 100,000 people.
    with gc_paused():
        return _ideas(journal, contact_id, limit)


def _ideas(journal: Journal, contact_id: int | None, limit: int) -> list[IntroductionIdea]:
    with journal.reading() as connection:
        people = {
            row[0]: row[1:]
            for row in connection.execute(
                "SELECT id, display_name, goals, interests, role, organisation FROM contacts WHERE NOT archived"
            )
        }
        seekers = [(cid, row) for cid, row in people.items() if row[1]]
        if contact_id is not None and contact_id in people:
            # Only the person's own goals, and goals their interests, role or organisation answer.
            _n, _g, *about = people[contact_id]
            theirs = [w for value in about for w in _WORD.findall(fold(value or ""))]
            seekers = [
                (cid, row)
                for cid, row in seekers
                if cid == contact_id or any(w.startswith(t) for t in _terms(row[1]) for w in theirs)
            ]
        # Who may answer each seeker: the first 200 people whose organisation or profile
        # says a word starting with one of their goal's terms. Seekers whose goals come to
        # the same terms share one query (the demo's 37,000 seekers have 17).
        found: dict[tuple[str, ...], set[int]] = {}  # a goal's terms -> who may answer them
        seekers_by_terms: dict[tuple[str, ...], list[int]] = defaultdict(list)
        for cid, row in seekers:
            terms = tuple(_terms(row[1]))
            if not terms:
                continue
            if terms not in found:
                query = "{organisation profile} : (" + " OR ".join(f'"{t}"*' for t in terms) + ")"
                found[terms] = {
                    r[0]
                    for r in connection.execute(
                        "SELECT rowid FROM contact_fts WHERE contact_fts MATCH ? LIMIT 200", (query,)
                    )
                }
            seekers_by_terms[terms].append(cid)
    related = {
        (min(e.person_id, e.other_id), max(e.person_id, e.other_id))
        for e in journal.relationships.edges()
    }
    # What each person's interests, role and organisation say, folded once: word -> who ->
    # which fields, as bits of `_FIELDS` (a set per word and person took 100 MiB at 100,000).
    said: dict[str, dict[int, int]] = defaultdict(dict)
    for cid, (_n, _g, *values) in people.items():
        for bit, value in zip(_FIELD_BITS, values, strict=True):
            for word in _WORD.findall(fold(value or "")):
                fields = said[word]
                fields[cid] = fields.get(cid, 0) | bit
    vocabulary = sorted(said)

    def words_for(term: str) -> list[str]:
        """The vocabulary's words that start with `term`."""
        start = bisect_left(vocabulary, term)
        end = start
        while end < len(vocabulary) and vocabulary[end].startswith(term):
            end += 1
        return vocabulary[start:end]

    # How many of a seeker's terms each helper answers depends on the terms alone (and the
    # candidates, which the terms decide): worked out once per set of terms, as lists of
    # helpers per count, each in name order (sets of people intersected in C).
    by_terms: dict[tuple[str, ...], dict[int, list[int]]] = {}
    for terms, helpers in found.items():
        answered: dict[int, set[str]] = defaultdict(set)
        for term in terms:
            for word in words_for(term):
                for helper in said[word].keys() & helpers:
                    answered[helper].add(term)
        counts: dict[int, list[int]] = defaultdict(list)
        for helper, answers in answered.items():
            counts[len(answers)].append(helper)
        for helpers_at in counts.values():
            helpers_at.sort(key=lambda h: (people[h][0], h))
        by_terms[terms] = counts
    with journal.reading() as connection:
        met = _met_together(connection)
        chosen = _best_pairs(
            people, by_terms, seekers_by_terms, lambda a, b: (a, b) in related or met(a, b), contact_id, limit
        )
    return [
        _idea(people, seeker, helper, _hits(people[seeker][1], helper, said, words_for))
        for seeker, helper in chosen
    ]


def _met_together(connection: sqlite3.Connection) -> Callable[[int, int], bool]:
    """Whether a and b (a < b) were ever in one entry, asked of the journal pair by pair:
    only the few pairs that could make the cut are asked, where every pair that ever met
    took 0.7 s to list at 100,000 people (the links of 3 million entries)."""
    asked: dict[tuple[int, int], bool] = {}

    def met(a: int, b: int) -> bool:
        found = asked.get((a, b))
        if found is None:
            row = connection.execute(
                "SELECT 1 FROM interaction_contacts mine JOIN interaction_contacts theirs "
                "ON theirs.interaction_id = mine.interaction_id AND theirs.contact_id = ? "
                "WHERE mine.contact_id = ? LIMIT 1",
                (b, a),
            ).fetchone()
            found = asked[(a, b)] = row is not None
        return found

    return met


def _best_pairs(
    people: dict[int, tuple[str, str | None, str | None, str | None, str | None]],
    by_terms: dict[tuple[str, ...], dict[int, list[int]]],
    seekers_by_terms: dict[tuple[str, ...], list[int]],
    knows: Callable[[int, int], bool],
    contact_id: int | None,
    limit: int,
) -> list[tuple[int, int]]:
    """The first `limit` (seeker, helper) pairs ranked by how many of the seeker's terms
    the helper answers, then by the seeker's name, the helper's name and their ids; pairs
    who know each other already (`knows(lower id, higher id)`), and with `contact_id`
    pairs without them, left out.

    Made in that order, count by count and name by name, so only the pairs that make the
    cut are looked at: every pair ranked and sorted was 200,000 at 10,000 people."""
    chosen: list[tuple[int, int]] = []
    levels = sorted({count for counts in by_terms.values() for count in counts}, reverse=True)
    for count in levels:
        named: dict[str, list[tuple[int, list[int]]]] = defaultdict(list)  # seeker name -> (seeker, helpers)
        for terms, counts in by_terms.items():
            if count in counts:
                for seeker in seekers_by_terms[terms]:
                    named[people[seeker][0]].append((seeker, counts[count]))
        for name in sorted(named):
            pairs = []
            for seeker, helpers in named[name]:
                for helper in helpers:
                    if helper == seeker or (contact_id is not None and contact_id not in (seeker, helper)):
                        continue
                    if knows(min(seeker, helper), max(seeker, helper)):
                        continue
                    pairs.append((people[helper][0], seeker, helper))
                    if len(named[name]) == 1 and len(pairs) >= limit - len(chosen):
                        break  # one seeker's helpers come in order already: the rest cannot rank
            pairs.sort()
            chosen.extend((seeker, helper) for _helper_name, seeker, helper in pairs[: limit - len(chosen)])
            if len(chosen) >= limit:
                return chosen
    return chosen


def _hits(
    goals: str | None,
    helper: int,
    said: dict[str, dict[int, int]],
    words_for: Callable[[str], list[str]],
) -> dict[str, list[str]]:
    """Which of the seeker's goal terms each of the helper's fields answers, in goal order."""
    hits: dict[str, list[str]] = defaultdict(list)
    for term in _terms(goals):
        for word in words_for(term):
            fields = said[word].get(helper, 0)
            for bit, label in zip(_FIELD_BITS, _FIELDS, strict=True):
                if fields & bit and term not in hits[label]:
                    hits[label].append(term)
    return hits


def _idea(
    people: dict[int, tuple[str, str | None, str | None, str | None, str | None]],
    seeker: int,
    helper: int,
    hits: dict[str, list[str]],
) -> IntroductionIdea:
    """The idea for one match: the terms in the order the helper's fields say them."""
    name, goals = people[seeker][0], people[seeker][1] or ""
    h_name, _g, interests, role, organisation = people[helper]
    about = {"interests": interests, "role": role, "organisation": organisation}
    label = next(lb for lb in about if lb in hits)
    matched_terms = tuple(dict.fromkeys(t for lb in about if lb in hits for t in hits[lb]))
    what = {
        "interests": f"is into {about['interests']}",
        "role": f"is a {about['role']}",
        "organisation": f"works at {about['organisation']}",
    }[label]
    return IntroductionIdea(
        seeker,
        name,
        helper,
        h_name,
        matched_terms,
        f"{name} wants to {goals.strip().rstrip('.')}; {h_name} {what}. Introduce them?",
    )


def weekly_introduction(journal: Journal, as_of: dt.date) -> TodayItem | None:
    """Once a week, one introduction I could make (a different one each week)."""
    from relationship_journal.journal.agenda import TodayItem

    ideas = introduction_ideas(journal)
    if not ideas:
        return None
    year, week, _day = as_of.isocalendar()
    idea = ideas[(year * 53 + week) % len(ideas)]
    return TodayItem(
        key=f"intro:{idea.key}:{year}-W{week:02d}",
        kind="introduction",
        title=f"Introduce {idea.seeker_name} to {idea.helper_name}",
        reason=idea.words,
        contact_ids=(idea.seeker_id, idea.helper_id),
        names=(idea.seeker_name, idea.helper_name),
        source={
            "type": "profile",
            "id": idea.seeker_id,
            "field": "goals",
            "terms": list(idea.terms),
        },
        when=None,
        actions=("make_introduction", "snooze", "done"),
    )


def make_introduction(
    journal: Journal, first_id: int, second_id: int, on: dt.date | None = None
) -> Changes:
    """Record an introduction I made: a favour given to each of the two, in one
    transaction (undone, like every change, through the journal's history)."""
    from relationship_journal.store.models import Contact, Favour

    if first_id == second_id:
        raise ValidationError("an introduction needs two different people")
    day = on or clock.today()
    with journal.transaction() as session:
        names: dict[int, str] = {}
        for cid in (first_id, second_id):
            row = session.get(Contact, cid)
            if row is None:
                raise NotFoundError(f"there is no contact with id {cid}")
            names[cid] = row.display_name
        rows = [
            Favour(
                contact_id=a,
                direction="given",
                size=1,
                date=day,
                what=f"Introduced to {names[b]}",
            )
            for a, b in ((first_id, second_id), (second_id, first_id))
        ]
        session.add_all(rows)
    return Changes(contacts=frozenset({first_id, second_id}))
