"""The demo network: a realistic synthetic journal, deterministic for a seed and a date.

It is what a new user explores, and the fixture behind tests and benchmarks at scale.
Circles follow Dunbar's proportions; each relationship has a rhythm around its
circle's cadence, with noise; some are steady, some fading, some one-sided, some new.
"""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Callable
from dataclasses import dataclass

from relationship_journal import clock
from relationship_journal import demo_vocabulary as words
from relationship_journal.demo_people import link_people
from relationship_journal.journal.bulk import NetworkRows, load_into_empty_journal
from relationship_journal.journal.core import Journal
from relationship_journal.journal.errors import ValidationError
from relationship_journal.journal.records import (
    Birthday,
    ContactFields,
    InteractionFields,
    Labelled,
    YearlyDate,
)
from relationship_journal.journal.text import fold

DEFAULT_CONTACTS = 150
INTERACTIONS_PER_CONTACT = 30
MAX_CONTACTS = 100_000
MAX_INTERACTIONS = 3_000_000

# Dunbar's layers as shares of 500 people (5 / 10 / 35 / 100 / 350 per layer).
CIRCLE_SHARES = {5: 5, 15: 10, 50: 35, 150: 100, 500: 350}


@dataclass(frozen=True)
class Shape:
    """How a network is spread: its circles, how deep its talks go, how often people start."""

    circle_shares: dict[int, int]
    depth_shift: int  # added to each circle's depth range, clamped to 1-5
    one_sided_bias: float  # extra share of one-sided relationships


SHAPES = {
    "balanced": Shape(CIRCLE_SHARES, 0, 0.0),
    # "A mile wide and an inch deep": hundreds of acquaintances, shallow talk, chasing people.
    "wide": Shape({5: 1, 15: 2, 50: 12, 150: 85, 500: 400}, -2, 0.3),
    # "An inch wide and a mile deep": a few people, known well.
    "deep": Shape({5: 12, 15: 35, 50: 45, 150: 8, 500: 0}, 1, -0.1),
}
CIRCLE_CADENCE = {5: 7, 15: 30, 50: 90, 150: 365, 500: 730}
# How much of the journal each layer gets, relative to the widest.
CIRCLE_ACTIVITY = {5: 40.0, 15: 14.0, 50: 5.0, 150: 1.6, 500: 0.6}
LONGEST_HISTORY_DAYS = 6 * 365

KINDS_BY_CIRCLE = {
    5: (("meeting", 30), ("social", 25), ("call", 20), ("message", 20), ("video", 5)),
    15: (("meeting", 30), ("call", 20), ("message", 25), ("social", 10), ("video", 10), ("email", 5)),
    50: (("meeting", 25), ("message", 25), ("email", 20), ("call", 15), ("event", 10), ("video", 5)),
    150: (("email", 30), ("message", 25), ("event", 20), ("meeting", 15), ("call", 10)),
    500: (("email", 35), ("event", 30), ("message", 25), ("meeting", 10)),
}
MINUTES = {"meeting": (30, 120), "social": (60, 240), "call": (10, 50), "video": (20, 60),
           "event": (60, 180), "message": None, "email": None}
DEPTH_RANGE = {5: (2, 5), 15: (2, 4), 50: (1, 4), 150: (1, 3), 500: (1, 2)}
# style: (share, description)
STYLES = (("steady", 0.52), ("fading", 0.2), ("one_sided", 0.1), ("new", 0.1), ("deepening", 0.08))


@dataclass
class _Person:
    index: int
    circle: int
    style: str
    cadence: float
    interests: tuple[str, ...]
    goal: str
    organisation: str
    community: int


def _weighted(rng: random.Random, pairs: tuple[tuple[str, float], ...] | tuple[tuple[str, int], ...]) -> str:
    return rng.choices([p[0] for p in pairs], weights=[p[1] for p in pairs])[0]


def _allocate(total: int, weights: list[float]) -> list[int]:
    """Split `total` in proportion to `weights` with largest-remainder rounding (sum is exact)."""
    whole = sum(weights)
    if whole <= 0 or total <= 0:
        return [0] * len(weights)
    shares = [total * w / whole for w in weights]
    counts = [int(s) for s in shares]
    left = total - sum(counts)
    order = sorted(range(len(weights)), key=lambda i: shares[i] - counts[i], reverse=True)
    for i in order[:left]:
        counts[i] += 1
    return counts


def _circles(rng: random.Random, count: int, shares: dict[int, int]) -> list[int]:
    layers = list(shares)
    counts = _allocate(count, [float(shares[c]) for c in layers])
    circles = [c for c, n in zip(layers, counts, strict=True) for _ in range(n)]
    rng.shuffle(circles)
    return circles


class _NameMaker:
    def __init__(self, rng: random.Random) -> None:
        self._rng = rng
        self._used: set[str] = set()
        self._weights = [pool[3] for pool in words.NAME_POOLS]

    def make(self) -> tuple[str, str, str]:
        rng = self._rng
        given_pool, family_pool, family_first, _w = rng.choices(words.NAME_POOLS, weights=self._weights)[0]
        for attempt in range(50):
            given, family = rng.choice(given_pool), rng.choice(family_pool)
            if attempt > 5:  # many people share names: tell them apart the way people do
                if family_first:  # East Asian names: a longer given name, never a hyphen
                    given = given + rng.choice([g for g in given_pool if g != given] or given_pool)
                else:
                    others = [f for f in family_pool if f != family] or [family]
                    family = f"{family}-{rng.choice(others)}"
                if attempt >= 20:
                    given = f"{given} {chr(ord('A') + attempt % 26)}."
            display = _display(given, family, family_first)
            if display not in self._used:
                self._used.add(display)
                return display, given, family
        # A small pool in a very large network (100,000 people): two initials tell the
        # rest apart. Smaller networks never get here, so their names do not change.
        for first in range(26 * 26):
            initials = f"{chr(ord('A') + first // 26)}. {chr(ord('A') + first % 26)}."
            display = _display(f"{given} {initials}", family, family_first)
            if display not in self._used:
                self._used.add(display)
                return display, f"{given} {initials}", family
        raise AssertionError("name space exhausted")


def _display(given: str, family: str, family_first: bool) -> str:
    sep = "" if family_first and all(ord(ch) > 0x2E80 for ch in family + given) else " "
    return f"{family}{sep}{given}" if family_first else f"{given} {family}"


def _email(rng: random.Random, given: str, family: str, organisation: str) -> str | None:
    local = ".".join(part for part in (fold(given), fold(family)) if part.isascii() and part.isalpha())
    if not local:
        local = f"contact{rng.randrange(10_000, 99_999)}"
    domain = "".join(ch for ch in fold(organisation) if ch.isascii() and ch.isalnum()) or "mail"
    return f"{local}@{domain}.example"


def _phone(rng: random.Random) -> str:
    return f"+{rng.choice(['44', '351', '49', '33', '34', '81', '1'])} {rng.randrange(100, 999)} " \
           f"{rng.randrange(100, 999)} {rng.randrange(1000, 9999)}"


def _contact(rng: random.Random, person: _Person, names: _NameMaker, as_of: dt.date) -> ContactFields:
    display, given, family = names.make()
    birthday = None
    if rng.random() < 0.6:
        year = rng.randrange(1950, 2002) if rng.random() < 0.7 else None
        birthday = Birthday(rng.randrange(1, 13), rng.randrange(1, 29), year)
    important = tuple(
        YearlyDate(rng.choice(words.IMPORTANT_DATES), rng.randrange(1, 13), rng.randrange(1, 29),
                   rng.choice([None, rng.randrange(1995, as_of.year)]))
        for _ in range(1 if rng.random() < 0.2 else 0)
    )
    deep_profile = person.circle <= 50 or rng.random() < 0.3
    met_days = rng.randrange(30, LONGEST_HISTORY_DAYS + 365)
    return ContactFields(
        display_name=display,
        given_name=given,
        family_name=family,
        organisation=person.organisation,
        role=rng.choice(words.ROLES),
        birthday=birthday,
        how_met=rng.choice(words.HOW_MET) if deep_profile else None,
        where_met=rng.choice(words.WHERE_MET) if deep_profile else None,
        met_on=as_of - dt.timedelta(days=met_days) if deep_profile else None,
        interests=", ".join(person.interests) if deep_profile else None,
        goals=person.goal if deep_profile else None,
        family=rng.choice(words.FAMILY) if person.circle <= 15 and rng.random() < 0.7 else None,
        can_do_for_them=rng.choice(words.CAN_DO) if deep_profile and rng.random() < 0.5 else None,
        communities=words.COMMUNITIES[person.community % len(words.COMMUNITIES)] if deep_profile else None,
        calibre=rng.choice([None, 1, 2, 3, 3, 4, 5]),
        circle=person.circle,
        kin=person.circle <= 15 and rng.random() < 0.12,
        emails=(Labelled(_email(rng, given, family, person.organisation) or "", "work"),)
        if rng.random() < 0.8 else (),
        phones=(Labelled(_phone(rng), "mobile"),) if rng.random() < 0.5 else (),
        tags=tuple(sorted(set(rng.sample(words.TAGS, rng.choice([0, 0, 1, 1, 2]))))),
        important_dates=important,
    )


def _note(rng: random.Random, person: _Person, kind: str) -> str:
    if rng.random() < 0.25:
        return ""
    fill = {
        "interest": rng.choice(person.interests),
        "goal": person.goal,
        "place": rng.choice(words.WHERE_MET),
        "organisation": rng.choice(words.ORGANISATIONS),
    }
    parts = [rng.choice(words.NOTE_OPENINGS[kind])]
    parts += [t.format(**fill) for t in rng.sample(words.NOTE_TOPICS, rng.choice([1, 1, 2, 3]))]
    closing = rng.choice(words.NOTE_CLOSINGS).format(**fill)
    if closing:
        parts.append(closing)
    return " ".join(parts)


def _dates(rng: random.Random, person: _Person, count: int, as_of: dt.date) -> list[dt.date]:
    """`count` dates going back from the latest contact, spaced around the person's cadence."""
    if count == 0:
        return []
    cadence = person.cadence
    if person.style == "fading":
        last_gap = cadence * rng.uniform(2.5, 7.0) + rng.uniform(20, 60)
    elif person.style == "new":
        last_gap = rng.uniform(0, min(cadence, 30))
    else:
        last_gap = rng.uniform(0, cadence * 0.9)
    span_limit = 180 if person.style == "new" else LONGEST_HISTORY_DAYS
    mean_gap = min(cadence * rng.uniform(0.7, 1.3), span_limit / count)
    spread = 0.8 if person.style == "one_sided" else 0.45
    day = as_of - dt.timedelta(days=int(min(last_gap, 900)))
    dates = [day]
    for _ in range(count - 1):
        day -= dt.timedelta(days=max(0, round(mean_gap * rng.lognormvariate(-spread * spread / 2, spread))))
        dates.append(day)
    return dates


def check_size(contacts: int, interactions: int | None) -> int:
    """Refuse sizes the demo cannot make; returns the number of interactions it will write."""
    if not 1 <= contacts <= MAX_CONTACTS:
        raise ValidationError(f"the demo network takes 1 to {MAX_CONTACTS:,} contacts (got {contacts})")
    total = contacts * INTERACTIONS_PER_CONTACT if interactions is None else interactions
    if not 0 <= total <= MAX_INTERACTIONS:
        raise ValidationError(f"the demo network takes 0 to {MAX_INTERACTIONS:,} interactions (got {total})")
    return total


def generate_rows(
    contacts: int = DEFAULT_CONTACTS,
    interactions: int | None = None,
    seed: int = 1,
    as_of: dt.date | None = None,
    shape: str = "balanced",
) -> NetworkRows:
    """Build the whole network as plain rows; the same arguments always give the same rows."""
    if shape not in SHAPES:
        raise ValidationError(f"the demo network's shape must be one of {', '.join(SHAPES)} (got '{shape}')")
    form = SHAPES[shape]
    total = check_size(contacts, interactions)
    as_of = as_of or clock.today()
    rng = random.Random(f"{seed}:{as_of.isoformat()}")
    names = _NameMaker(rng)
    people = []
    styles = tuple(
        (name, max(0.0, share + (form.one_sided_bias if name == "one_sided" else 0.0))) for name, share in STYLES
    )
    for index, circle in enumerate(_circles(rng, contacts, form.circle_shares)):
        style = _weighted(rng, styles)
        people.append(
            _Person(
                index=index,
                circle=circle,
                style=style,
                cadence=CIRCLE_CADENCE[circle] * rng.uniform(0.6, 1.4),
                interests=tuple(rng.sample(words.INTERESTS, rng.choice([1, 2, 3]))),
                goal=rng.choice(words.GOALS),
                organisation=rng.choice(words.ORGANISATIONS),
                community=rng.randrange(max(1, contacts // 30)),
            )
        )
    rows = NetworkRows(contacts=[_contact(rng, p, names, as_of) for p in people])
    never_logged = {p.index for p in people if p.circle >= 150 and rng.random() < 0.08}
    weights = [
        0.0 if p.index in never_logged
        else CIRCLE_ACTIVITY[p.circle] * rng.lognormvariate(0, 0.35) * (0.4 if p.style == "new" else 1.0)
        for p in people
    ]
    counts = _allocate(total, weights)
    by_community: dict[int, list[int]] = {}
    for p in people:
        by_community.setdefault(p.community, []).append(p.index)
    for person, count in zip(people, counts, strict=True):
        _log_relationship(rng, person, count, as_of, rows, by_community[person.community], form.depth_shift)
    _sort_by_date(rows)
    return rows


def _sort_by_date(rows: NetworkRows) -> None:
    """Order the entries by date (ids then follow time, as in a journal kept by hand) and
    point each favour, ask and promise at its entry's new position.

    The ledger rows hold positions in `rows.interactions`; sorting the list without
    moving them would tie every favour to some other person's entry.
    """
    order = sorted(range(len(rows.interactions)), key=lambda i: rows.interactions[i].date)
    moved_to = [0] * len(order)
    for new, old in enumerate(order):
        moved_to[old] = new
    rows.interactions = [rows.interactions[old] for old in order]

    def at(index: int | None) -> int | None:
        return None if index is None else moved_to[index]

    rows.favours = [(c, d, s, w, day, at(i)) for c, d, s, w, day, i in rows.favours]
    rows.asks = [(c, w, s, o, day, r, at(i)) for c, w, s, o, day, r, i in rows.asks]
    rows.commitments = [(c, o, t, day, due, done, at(i)) for c, o, t, day, due, done, i in rows.commitments]


def _log_relationship(
    rng: random.Random,
    person: _Person,
    count: int,
    as_of: dt.date,
    rows: NetworkRows,
    community: list[int],
    depth_shift: int = 0,
) -> None:
    low, high = (min(5, max(1, d + depth_shift)) for d in DEPTH_RANGE[person.circle])
    if person.style == "one_sided":
        high = min(high, 2)
    kinds = KINDS_BY_CIRCLE[person.circle]
    dates = sorted(_dates(rng, person, count, as_of))
    for position, day in enumerate(dates):
        kind = _weighted(rng, kinds)
        span = MINUTES[kind]
        minutes = rng.randrange(span[0], span[1] + 1, 5) if span and rng.random() < 0.85 else None
        if person.style == "one_sided":
            initiated_by = "me" if rng.random() < 0.9 else "them"
        else:
            initiated_by = rng.choices(("me", "them", "mutual", "unknown"), weights=(42, 38, 14, 6))[0]
        depth_top = high if person.style != "deepening" else low + round((high - low) * (position + 1) / len(dates))
        depth = rng.randint(low, max(low, depth_top))
        contact_ids: tuple[int, ...] = (person.index,)
        people_present = None
        if kind in ("meeting", "social", "event") and rng.random() < 0.06 and len(community) > 1:
            others = rng.sample(community, min(len(community), rng.randint(1, 3)))
            contact_ids = tuple(dict.fromkeys((person.index, *others)))
            people_present = len(contact_ids) + 1 + (rng.randint(0, 20) if kind == "event" else 0)
        rows.interactions.append(
            InteractionFields(
                contact_ids=contact_ids,
                date=day,
                kind=kind,
                minutes=minutes,
                initiated_by=initiated_by,
                depth=depth,
                note=_note(rng, person, kind),
                people_present=people_present if people_present and people_present >= 2 else None,
                location=rng.choice(words.WHERE_MET) if kind in ("meeting", "social", "event") and rng.random() < 0.3 else None,
            )
        )
        index = len(rows.interactions) - 1
        _ledger_for(rng, person, day, index, as_of, rows)


def _ledger_for(
    rng: random.Random, person: _Person, day: dt.date, index: int, as_of: dt.date, rows: NetworkRows
) -> None:
    roll = rng.random()
    fill = {"interest": rng.choice(person.interests), "organisation": rng.choice(words.ORGANISATIONS)}
    if roll < 0.05:
        given = rng.random() < (0.75 if person.style == "one_sided" else 0.55)
        rows.favours.append((person.index, "given" if given else "received", rng.choice([1, 1, 2, 3]),
                             rng.choice(words.FAVOUR_TEXTS), day, index))
    elif roll < 0.07:
        age = (as_of - day).days
        outcome = "open" if age < 45 and rng.random() < 0.5 else rng.choices(
            ("helped", "declined", "ignored"), weights=(75, 15, 10) if person.style != "one_sided" else (35, 30, 35))[0]
        resolved = None if outcome == "open" else min(as_of, day + dt.timedelta(days=rng.randint(1, 20)))
        rows.asks.append((person.index, rng.choice(words.ASK_TEXTS), rng.choice([1, 1, 2, 3]), outcome, day,
                          resolved, index))
    elif roll < 0.11 and (as_of - day).days < 400:
        mine = rng.random() < 0.6
        text = rng.choice(words.COMMITMENT_TEXTS_MINE if mine else words.COMMITMENT_TEXTS_THEIRS).format(**fill)
        due = day + dt.timedelta(days=rng.randint(3, 30))
        done = None
        if due < as_of and rng.random() < 0.7:
            done = min(as_of, due + dt.timedelta(days=rng.randint(-3, 10)))
        rows.commitments.append((person.index, "mine" if mine else "theirs", text, day, due, done, index))


def generate(
    journal: Journal,
    contacts: int = DEFAULT_CONTACTS,
    interactions: int | None = None,
    seed: int = 1,
    as_of: dt.date | None = None,
    progress: Callable[[str], None] | None = None,
    shape: str = "balanced",
) -> NetworkRows:
    """Fill an empty journal with the demo network; refuses a journal that has contacts."""
    if journal.contacts.count(include_archived=True):
        raise ValidationError(
            "the journal already has contacts; the demo network only goes into an empty journal "
            "(use --data-dir to pick an empty folder)"
        )
    if progress:
        progress("making up a network")
    rows = generate_rows(contacts, interactions, seed, as_of, shape)
    load_into_empty_journal(journal, rows, progress)
    if progress:
        progress("linking who knows whom")
    link_people(journal, seed, as_of or clock.today())
    return rows


__all__ = ["generate", "generate_rows"]
