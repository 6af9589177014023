"""Who is new and who is already in the journal: the merge rules of an import.

`matching` says who a record may be and how sure that is. A sure match is merged; a
likely one is a *possible match* the user decides (keep apart unless they choose
merge); a weak one comes in as a new person. A merge only ever adds what the journal
lacks; where both have a value and they differ, the journal's value stays and the
file's is kept in the contact's history. So importing the same file twice changes nothing.

Everything is decided from one in-memory index of the journal, loaded once: no
query per person, so ten thousand cards are matched in well under a second.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any, overload

from relationship_journal.exchange import matching
from relationship_journal.exchange.matching import fold
from relationship_journal.exchange.people_store import Packed
from relationship_journal.exchange.records import ImportedPerson
from relationship_journal.journal.imports import (
    FILLABLE_COLUMNS,
    Conflict,
    ContactAddition,
    ImportWrites,
    KnownContact,
    KnownNetwork,
)
from relationship_journal.journal.records import Address, ContactFields, Labelled, YearlyDate
from relationship_journal.journal.text import normalize_phone

NEW = "new"
MERGE = "merge"
UNCHANGED = "unchanged"
# A likely match the user has not chosen to merge: it comes in as a new person.
POSSIBLE = "possible match"
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
    "uid": "UID",
}


@dataclass(frozen=True, slots=True)
class Decision:
    """What the import will do with one record, worded for the preview."""

    position: str
    name: str
    action: str
    contact_id: int | None = None  # the journal's person (merge / unchanged); None when new
    matched_name: str | None = None
    matched_by: str | None = None
    details: tuple[str, ...] = ()
    # Its place in the import (the key of a merge / keep apart choice).
    index: int = 0
    # sure / likely / weak, and the reason in words, when the record resembles someone.
    confidence: str | None = None
    reason: str = ""
    # Whether this was a likely match the user may merge or keep apart.
    possible: bool = False
    # What tells the two apart: organisation, email, entries, last contact.
    record_summary: str = ""
    matched_summary: str = ""
    # Values the reader dropped or changed, with why.
    notes: tuple[str, ...] = ()


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
    addresses: list[Address] = field(default_factory=list)
    conflicts: list[tuple[str, str, str]] = field(default_factory=list)

    def adds_anything(self) -> bool:
        return bool(
            self.fill or self.emails or self.phones or self.urls or self.tags or self.dates or self.addresses
        )

    def details(self) -> list[str]:
        said = [f"adds {_FIELD_WORDS.get(k, k)}" for k in self.fill]
        for items, word in ((self.emails, "email"), (self.phones, "phone"), (self.urls, "link"),
                            (self.tags, "tag"), (self.dates, "date"), (self.addresses, "address")):
            if items:
                plural = "es" if word == "address" else "s"
                said.append(f"adds {len(items)} {word}{plural if len(items) > 1 else ''}")
        said += [
            f"keeps {_FIELD_WORDS.get(f, f)} '{_brief(kept)}' (file says '{_brief(imported)}')"
            for f, kept, imported in self.conflicts
        ]
        return said


def _brief(value: str, limit: int = 60) -> str:
    """A value on one short line, for the preview."""
    flat = " / ".join(part.strip() for part in value.splitlines() if part.strip())
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"


def _text(value: Any) -> str:
    if value is None:
        return ""
    if hasattr(value, "iso"):
        return str(value.iso())
    if hasattr(value, "isoformat"):
        return str(value.isoformat())
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
        elif column == "uid":
            continue  # another address book's id for the same person: the first one stays
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
    addresses = {a.key() for a in journal.addresses}
    out.addresses = [a for a in imported.addresses if a.key() not in addresses]
    dates = {(fold(d.label), d.month, d.day) for d in journal.important_dates}
    out.dates = [d for d in imported.important_dates if (fold(d.label), d.month, d.day) not in dates]
    return out


def conflicting(journal: ContactFields, imported: ContactFields) -> bool:
    """Whether two people with the same name are shown by their data to be different people."""
    return matching.contradicts(journal, imported)


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
        addresses=fields.addresses + tuple(out.addresses),
    )


def summary(fields: ContactFields, known: KnownContact | None = None) -> str:
    """What tells two people of one name apart: organisation, email, entries, last contact."""
    parts = [fields.organisation or "no organisation"]
    parts.append(fields.emails[0].value if fields.emails else "no email")
    if known is not None:
        parts.append(f"{known.entries} entr{'y' if known.entries == 1 else 'ies'}")
        parts.append(f"last contact {known.last_contact.isoformat()}" if known.last_contact else "never in touch")
    return " · ".join(parts)


_RECENT = 256


class _Created(Sequence[ContactFields]):
    """The people an import creates, by their record's place: read from the records on
    demand (a packed list keeps a big import small), changed ones held apart."""

    def __init__(self, people: Sequence[ImportedPerson]) -> None:
        self._people = people
        self._places: list[int] = []
        # Kept apart: matching asks for them for every candidate, and unpacking a person costs more.
        self._source_ids: list[str | None] = []
        self._changed: dict[int, ContactFields] = {}
        # The latest new people as read: a file keeps one person's cards close together
        # (sorted by name), so matching mostly asks for someone still held here.
        self._recent: dict[int, ContactFields] = {}

    def add(self, place: int, source_id: str | None, fields: ContactFields) -> int:
        """The record at `place` (its `fields`) becomes a new person; their id in this import (< 0)."""
        self._recent[len(self._places)] = fields
        if len(self._recent) > _RECENT:
            del self._recent[next(iter(self._recent))]
        self._places.append(place)
        self._source_ids.append(source_id)
        return -len(self._places)

    def source_id(self, number: int) -> str | None:
        return self._source_ids[number]

    def __setitem__(self, number: int, fields: ContactFields) -> None:
        self._changed[number] = fields

    def __len__(self) -> int:
        return len(self._places)

    @overload
    def __getitem__(self, number: int) -> ContactFields: ...
    @overload
    def __getitem__(self, number: slice) -> list[ContactFields]: ...
    def __getitem__(self, number: int | slice) -> ContactFields | list[ContactFields]:
        if isinstance(number, slice):
            return [self[n] for n in range(*number.indices(len(self)))]
        if number < 0:
            number += len(self._places)
        held = self._changed.get(number) or self._recent.get(number)
        return held if held is not None else self._people[self._places[number]].fields


class _Current:
    """Everyone matching may compare a record with: the journal's people as loaded, or as this
    import has added to them so far (ids > 0), and the import's new people (ids < 0)."""

    def __init__(self, known: KnownNetwork, created: _Created) -> None:
        self._known, self._created = known, created
        self._changed: dict[int, ContactFields] = {}

    def __getitem__(self, cid: int) -> ContactFields:
        if cid < 0:
            return self._created[-cid - 1]
        changed = self._changed.get(cid)
        return changed if changed is not None else self._known.contacts[cid].fields

    def __setitem__(self, cid: int, fields: ContactFields) -> None:
        if cid < 0:
            self._created[-cid - 1] = fields
        else:
            self._changed[cid] = fields


def decide(
    people: Sequence[ImportedPerson], known: KnownNetwork, merge_possible: Iterable[int] = ()
) -> tuple[ImportWrites, Packed[Decision]]:
    """The writes an import makes, and a decision per record for the preview.

    `merge_possible` holds the places (Decision.index) of the likely matches the user
    chose to merge; every other likely match is kept apart, as a new person. Each
    record is read from `people` once in order, and again only when a later one matches it.
    """
    chosen = frozenset(merge_possible)
    created = _Created(people)
    current = _Current(known, created)
    has_photo = {cid: k.has_photo for cid, k in known.contacts.items() if k.has_photo}
    index = matching.Index()
    for cid, k in known.contacts.items():
        index.add(cid, k.fields)
    additions: dict[int, _Outcome] = {}
    conflicts: list[Conflict] = []
    recorded = set(known.history)
    decisions = Packed(Decision, [f.name for f in dataclasses.fields(Decision)], "action")
    for place, person in enumerate(people):
        fields = person.fields
        sid = person.source_id

        def distinct(cid: int, sid: str | None = sid) -> bool:
            # New people by the file's own id: another id in the same import is another person.
            if sid is None or cid > 0:
                return False
            theirs = created.source_id(-cid - 1)
            return theirs is not None and theirs != sid

        found = index.candidates(fields, current, distinct)
        best = found[0] if found else None
        base: dict[str, Any] = {
            "index": place,
            "notes": person.notes,
            "record_summary": summary(fields),
        }
        if best is not None:
            base.update(
                confidence=best.level,
                reason=best.reason,
                matched_summary=_matched_summary(best.contact_id, known),
            )
        merge_it = best is not None and (
            best.level == matching.SURE or (best.level == matching.LIKELY and place in chosen)
        )
        if best is not None and best.level == matching.LIKELY and not merge_it:
            out = compare(current[best.contact_id], fields, has_photo.get(best.contact_id, False))
            if not out.adds_anything() and not out.conflicts:
                merge_it = True  # nothing in the record that the journal lacks: nothing to decide
        if best is None or not merge_it:
            cid = created.add(place, sid, fields)
            index.add(cid, fields)
            possible = best is not None and best.level == matching.LIKELY
            decisions.append(Decision(
                person.position,
                fields.display_name,
                POSSIBLE if possible else NEW,
                contact_id=best.contact_id
                if best is not None and possible and best.contact_id > 0
                else None,
                matched_name=current[best.contact_id].display_name if best is not None else None,
                matched_by=best.matched_by if best is not None else None,
                possible=possible,
                details=_what_comes(fields),
                **base,
            ))
            continue
        assert best is not None
        cid = best.contact_id
        out = compare(current[cid], fields, has_photo.get(cid, False))
        new_conflicts = [c for c in out.conflicts if (cid, c[0], c[2]) not in recorded]
        recorded.update((cid, f, imported) for f, _kept, imported in new_conflicts)
        conflicts += [Conflict(cid, f, kept, imported) for f, kept, imported in new_conflicts]
        out.conflicts = new_conflicts
        matched_name = current[cid].display_name
        if cid < 0:
            current[cid] = _apply(current[cid], out)
        elif out.adds_anything():
            current[cid] = _apply(current[cid], out)
            _accumulate(additions.setdefault(cid, _Outcome()), out)
        if "photo" in out.fill:
            has_photo[cid] = True
        index.add(cid, current[cid])
        changed = out.adds_anything() or bool(new_conflicts)
        how = best.matched_by
        decisions.append(Decision(
            person.position,
            fields.display_name,
            MERGE if changed else UNCHANGED,
            contact_id=cid if cid > 0 else None,
            matched_name=matched_name,
            matched_by=how if cid > 0 else f"{how}, with a new person earlier in this import",
            details=tuple(out.details()),
            possible=best.level == matching.LIKELY and changed,
            **base,
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
                addresses=tuple(out.addresses),
            )
            for cid, out in additions.items()
        ],
        conflicts=conflicts,
    )
    return writes, decisions


def _matched_summary(cid: int, known: KnownNetwork) -> str:
    if cid < 0:
        return "a new person earlier in this import"
    return summary(known.contacts[cid].fields, known.contacts[cid])

def _accumulate(total: _Outcome, out: _Outcome) -> None:
    for key, value in out.fill.items():
        total.fill.setdefault(key, value)
    total.emails += out.emails
    total.phones += out.phones
    total.urls += out.urls
    total.tags += out.tags
    total.dates += out.dates
    total.addresses += out.addresses
