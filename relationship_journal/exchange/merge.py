"""Who is new and who is already in the journal: the merge rules of an import.

A person in the file is the same as one in the journal when they share an email, a
phone number (in normalised form), or the same name (ignoring case and accents)
with nothing that contradicts it. A match only ever adds what the journal lacks;
where both have a value and they differ, the journal's value stays and the file's
is kept in the contact's history. So importing the same file twice changes nothing.

Everything is decided from one in-memory index of the journal, loaded once: no
query per person, so ten thousand cards are matched in well under a second.
"""

from __future__ import annotations

import dataclasses
import functools
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from relationship_journal.exchange.records import ImportedPerson
from relationship_journal.journal.imports import (
    FILLABLE_COLUMNS,
    Conflict,
    ContactAddition,
    ImportWrites,
    KnownNetwork,
)
from relationship_journal.journal.records import ContactFields, Labelled, YearlyDate
from relationship_journal.journal.text import fold as _fold_uncached
from relationship_journal.journal.text import normalize_phone

NEW = "new"
MERGE = "merge"
UNCHANGED = "unchanged"
# A phone must have this many digits to identify someone (not "112" or an extension).
_MIN_PHONE_DIGITS = 6
_FIELD_WORDS = {
    "name": "name",
    "given_name": "first name",
    "family_name": "last name",
    "nickname": "nickname",
    "organisation": "organisation",
    "role": "role",
    "how_met": "how we met",
    "met_on": "met on",
    "notes": "notes",
    "photo_url": "photo link",
    "birthday": "birthday",
    "photo": "photo",
}


@dataclass(frozen=True)
class Decision:
    """What the import will do with one record, worded for the preview."""

    position: str
    name: str
    action: str
    contact_id: int | None = None  # the journal's person (merge / unchanged); None when new
    matched_name: str | None = None
    matched_by: str | None = None
    details: tuple[str, ...] = ()


def _what_comes(fields: Any) -> tuple[str, ...]:
    """For a new person, what the record brings (the preview's Details column)."""
    parts = [getattr(fields, "organisation", None), getattr(fields, "role", None)]
    parts += [e.value for e in getattr(fields, "emails", ())[:2]]
    parts += [p.value for p in getattr(fields, "phones", ())[:1]]
    return tuple(str(p) for p in parts if p)


@dataclass
class _Outcome:
    fill: dict[str, Any] = field(default_factory=dict)
    emails: list[Labelled] = field(default_factory=list)
    phones: list[Labelled] = field(default_factory=list)
    urls: list[Labelled] = field(default_factory=list)
    tags: list[str] = field(default_factory=list)
    dates: list[YearlyDate] = field(default_factory=list)
    conflicts: list[tuple[str, str, str]] = field(default_factory=list)

    def adds_anything(self) -> bool:
        return bool(self.fill or self.emails or self.phones or self.urls or self.tags or self.dates)

    def details(self) -> list[str]:
        said = [f"adds {_FIELD_WORDS.get(k, k)}" for k in self.fill]
        for items, word in ((self.emails, "email"), (self.phones, "phone"), (self.urls, "link"),
                            (self.tags, "tag"), (self.dates, "date")):
            if items:
                said.append(f"adds {len(items)} {word}{'s' if len(items) > 1 else ''}")
        said += [
            f"keeps {_FIELD_WORDS.get(f, f)} '{_brief(kept)}' (file says '{_brief(imported)}')"
            for f, kept, imported in self.conflicts
        ]
        return said


# Unicode decomposition is the costliest step of matching, and names repeat: fold each once.
fold = functools.lru_cache(maxsize=1 << 16)(_fold_uncached)


def _brief(value: str, limit: int = 60) -> str:
    """A value on one short line, for the preview."""
    flat = " / ".join(part.strip() for part in value.splitlines() if part.strip())
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"


def _phone_key(number: str) -> str | None:
    key = normalize_phone(number)
    return key if len(key.lstrip("+")) >= _MIN_PHONE_DIGITS else None


def _text(value: Any) -> str:
    if value is None:
        return ""
    if hasattr(value, "iso"):
        return value.iso()
    if hasattr(value, "isoformat"):
        return value.isoformat()
    return str(value).strip()


def compare(journal: ContactFields, imported: ContactFields, has_photo: bool) -> _Outcome:
    """What `imported` adds to `journal`, and where the two disagree."""
    out = _Outcome()
    if journal.display_name != imported.display_name:
        out.conflicts.append(("name", journal.display_name, imported.display_name))
    for column in FILLABLE_COLUMNS:
        mine, theirs = getattr(journal, column), getattr(imported, column)
        if theirs is None or _text(theirs) == "":
            continue
        if mine is None or _text(mine) == "":
            out.fill[column] = theirs
        elif _text(mine) != _text(theirs) and not (column == "notes" and _text(theirs) in _text(mine)):
            out.conflicts.append((column, _text(mine), _text(theirs)))
    if imported.birthday is not None:
        mine_b, theirs_b = journal.birthday, imported.birthday
        if mine_b is None or (
            (mine_b.month, mine_b.day) == (theirs_b.month, theirs_b.day)
            and mine_b.year is None
            and theirs_b.year is not None
        ):
            out.fill["birthday"] = theirs_b
        elif (mine_b.month, mine_b.day) != (theirs_b.month, theirs_b.day) or (
            theirs_b.year is not None and mine_b.year != theirs_b.year
        ):
            out.conflicts.append(("birthday", mine_b.iso(), theirs_b.iso()))
    if imported.photo and not has_photo and not journal.photo:
        out.fill["photo"] = imported.photo
    emails = {e.value.casefold() for e in journal.emails}
    out.emails = [e for e in imported.emails if e.value.casefold() not in emails]
    phones = {normalize_phone(p.value) for p in journal.phones}
    out.phones = [p for p in imported.phones if normalize_phone(p.value) not in phones]
    urls = {u.value.rstrip("/") for u in journal.urls}
    out.urls = [u for u in imported.urls if u.value.rstrip("/") not in urls]
    tags = {fold(t) for t in journal.tags}
    out.tags = [t for t in imported.tags if fold(t) not in tags]
    dates = {(fold(d.label), d.month, d.day) for d in journal.important_dates}
    out.dates = [d for d in imported.important_dates if (fold(d.label), d.month, d.day) not in dates]
    return out


def conflicting(journal: ContactFields, imported: ContactFields) -> bool:
    """Whether two people with the same name are shown by their data to be different people."""
    if journal.emails and imported.emails and not (
        {e.value.casefold() for e in journal.emails} & {e.value.casefold() for e in imported.emails}
    ):
        return True
    if journal.phones and imported.phones and not (
        {normalize_phone(p.value) for p in journal.phones}
        & {normalize_phone(p.value) for p in imported.phones}
    ):
        return True
    if journal.birthday and imported.birthday and (
        (journal.birthday.month, journal.birthday.day) != (imported.birthday.month, imported.birthday.day)
    ):
        return True
    return bool(
        journal.organisation
        and imported.organisation
        and fold(journal.organisation) != fold(imported.organisation)
    )


def _apply(fields: ContactFields, out: _Outcome) -> ContactFields:
    """`fields` with what `out` adds, so later records of the same import see it."""
    return dataclasses.replace(
        fields,
        **out.fill,  # profile columns, "birthday" and "photo": all ContactFields names
        emails=fields.emails + tuple(out.emails),
        phones=fields.phones + tuple(out.phones),
        urls=fields.urls + tuple(out.urls),
        tags=fields.tags + tuple(out.tags),
        important_dates=fields.important_dates + tuple(out.dates),
    )


class _Index:
    """Email, phone and name keys to people: the journal's (ids > 0) and this import's new ones (< 0)."""

    def __init__(self) -> None:
        self.email: dict[str, set[int]] = defaultdict(set)
        self.phone: dict[str, set[int]] = defaultdict(set)
        self.name: dict[str, set[int]] = defaultdict(set)

    def add(self, cid: int, fields: ContactFields) -> None:
        for e in fields.emails:
            self.email[e.value.casefold()].add(cid)
        for p in fields.phones:
            key = _phone_key(p.value)
            if key:
                self.phone[key].add(cid)
        self.name[fold(fields.display_name)].add(cid)

    def match(
        self, fields: ContactFields, people: dict[int, ContactFields], distinct: Callable[[int], bool]
    ) -> tuple[int, str] | None:
        """The person `fields` describes, if known; never one for whom `distinct` says so.

        Several people may share an email or a phone (a family address, a switchboard):
        then the one who also shares more (the phone, the name) is the match.
        """
        scores: dict[int, int] = defaultdict(int)
        for key in {e.value.casefold() for e in fields.emails}:
            for cid in self.email.get(key, ()):
                scores[cid] |= 4
        for key in {k for p in fields.phones if (k := _phone_key(p.value))}:
            for cid in self.phone.get(key, ()):
                scores[cid] |= 2
        for cid in self.name.get(fold(fields.display_name), ()):
            if cid in scores or not conflicting(people[cid], fields):
                scores[cid] |= 1
        candidates = [(score, cid) for cid, score in scores.items() if not distinct(cid)]
        if not candidates:
            return None
        best = max(score for score, _cid in candidates)
        cid = _first(c for score, c in candidates if score == best)
        return cid, "email" if best & 4 else "phone" if best & 2 else "name"


def _first(ids: Iterable[int]) -> int:
    """The journal's oldest person first; then the import's earliest new one."""
    ids = sorted(ids)
    positive = [i for i in ids if i > 0]
    return positive[0] if positive else max(ids)


def decide(people: list[ImportedPerson], known: KnownNetwork) -> tuple[ImportWrites, list[Decision]]:
    """The writes an import makes, and a decision per record for the preview."""
    current: dict[int, ContactFields] = {cid: k.fields for cid, k in known.contacts.items()}
    has_photo = {cid: k.has_photo for cid, k in known.contacts.items()}
    index = _Index()
    for cid, fields in current.items():
        index.add(cid, fields)
    created: list[ContactFields] = []
    additions: dict[int, _Outcome] = {}
    conflicts: list[Conflict] = []
    recorded = set(known.history)
    decisions: list[Decision] = []
    # New people by the file's own id: another id in the same import is another person.
    source_ids: dict[int, str] = {}
    for person in people:
        fields = person.fields
        sid = person.source_id

        def distinct(cid: int, sid: str | None = sid) -> bool:
            return sid is not None and source_ids.get(cid, sid) != sid

        found = index.match(fields, current, distinct)
        if found is None:
            created.append(fields)
            cid = -len(created)
            if person.source_id:
                source_ids[cid] = person.source_id
            current[cid] = fields
            has_photo[cid] = False
            index.add(cid, fields)
            decisions.append(Decision(person.position, fields.display_name, NEW, details=_what_comes(fields)))
            continue
        cid, how = found
        out = compare(current[cid], fields, has_photo.get(cid, False))
        new_conflicts = [c for c in out.conflicts if (cid, c[0], c[2]) not in recorded]
        recorded.update((cid, f, imported) for f, _kept, imported in new_conflicts)
        conflicts += [Conflict(cid, f, kept, imported) for f, kept, imported in new_conflicts]
        out.conflicts = new_conflicts
        matched_name = current[cid].display_name
        if cid < 0:
            created[-cid - 1] = _apply(created[-cid - 1], out)
            current[cid] = created[-cid - 1]
        elif out.adds_anything():
            current[cid] = _apply(current[cid], out)
            _accumulate(additions.setdefault(cid, _Outcome()), out)
        if "photo" in out.fill:
            has_photo[cid] = True
        index.add(cid, current[cid])
        changed = out.adds_anything() or bool(new_conflicts)
        decisions.append(Decision(
            person.position,
            fields.display_name,
            MERGE if changed else UNCHANGED,
            contact_id=cid if cid > 0 else None,
            matched_name=matched_name,
            matched_by=how if cid > 0 else f"{how}, with a new person earlier in this import",
            details=tuple(out.details()),
        ))
    writes = ImportWrites(
        created=created,
        additions=[
            ContactAddition(
                contact_id=cid,
                fill=out.fill,
                emails=tuple(out.emails),
                phones=tuple(out.phones),
                urls=tuple(out.urls),
                tags=tuple(out.tags),
                important_dates=tuple(out.dates),
            )
            for cid, out in additions.items()
        ],
        conflicts=conflicts,
    )
    return writes, decisions


def _accumulate(total: _Outcome, out: _Outcome) -> None:
    for key, value in out.fill.items():
        total.fill.setdefault(key, value)
    total.emails += out.emails
    total.phones += out.phones
    total.urls += out.urls
    total.tags += out.tags
    total.dates += out.dates
