"""Who in the journal a record may be, and how sure we are: sure, likely or weak.

Merging two different people is far worse than a duplicate (a duplicate is merged
in two clicks; a wrong merge mixes two people's histories), so only strong evidence
merges on its own:

- **sure** — the same UID (the sending address book's own id), or the same personal
  email with a compatible name: merged as before;
- **likely** — the same name and the same organisation, the same name and a shared
  phone or email, the same name with nothing that contradicts it, or the same personal
  email under another name: shown as a *possible match*; the user chooses merge or
  keep apart, and keep apart is the default;
- **weak** — only a shared phone (an office line, a household) or a shared generic
  email (info@, office@): never merged, the record comes in as new.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Protocol

from relationship_journal.journal.records import ContactFields
from relationship_journal.journal.text import fold as _fold_uncached
from relationship_journal.journal.text import normalize_phone

SURE = "sure"
LIKELY = "likely"
WEAK = "weak"
_RANK = {SURE: 3, LIKELY: 2, WEAK: 1}
# A phone must have this many digits to identify someone (not "112" or an extension).
_MIN_PHONE_DIGITS = 6
# Mailboxes a team or a household shares: they say where someone works, not who they are.
GENERIC_MAILBOXES = frozenset(
    """info office contact contacts hello hi admin administrator mail email post team sales
    support help enquiries enquiry inquiries inquiry reception frontdesk noreply no-reply
    donotreply service services kontakt bureau accueil secretariat sekretariat buero
    webmaster press presse marketing jobs careers hr billing accounts accounting invoices
    general booking bookings reservations orders shop studio family home familie""".split()
)

# Unicode decomposition is the costliest step of matching, and names repeat: fold each once.
fold = functools.lru_cache(maxsize=1 << 16)(_fold_uncached)


@dataclass(frozen=True)
class Match:
    """A person the record may be: their id, how sure, the key they share and why, in words."""

    contact_id: int
    level: str
    matched_by: str  # "uid", "email", "phone", "name"
    reason: str


def is_generic_email(address: str) -> bool:
    local = address.split("@", 1)[0].casefold()
    return local in GENERIC_MAILBOXES or re.sub(r"[._-]?\d+$", "", local) in GENERIC_MAILBOXES


def phone_key(number: str) -> str | None:
    key = normalize_phone(number)
    return key if len(key.lstrip("+")) >= _MIN_PHONE_DIGITS else None


def _words(name: str) -> list[str]:
    return [w.strip(".,") for w in fold(name).split() if w.strip(".,")]


def _looks_nameless(name: str) -> bool:
    """A record named by its email or number because it had no name."""
    return "@" in name or not any(ch.isalpha() for ch in name)


def same_name(a: ContactFields, b: ContactFields) -> bool:
    return fold(a.display_name) == fold(b.display_name)


def compatible_names(a: ContactFields, b: ContactFields) -> bool:
    """Names that can be the same person: equal, one inside the other ("Dr Ann Lee" and
    "Ann Lee"), a short form ("Dan Brown" and "Daniel Brown"), or no real name at all."""
    if same_name(a, b) or _looks_nameless(a.display_name) or _looks_nameless(b.display_name):
        return True
    wa, wb = _words(a.display_name), _words(b.display_name)
    if not wa or not wb:
        return True
    if set(wa) <= set(wb) or set(wb) <= set(wa):
        return True
    if wa[-1] == wb[-1] and (wa[0].startswith(wb[0]) or wb[0].startswith(wa[0])):
        return True
    nicknames = {fold(n) for n in (a.nickname, b.nickname) if n}
    return bool(nicknames & {wa[0], wb[0]})


def contradicts(journal: ContactFields, imported: ContactFields) -> bool:
    """Whether two people with the same name are shown by their data to be different people."""
    if (
        journal.emails
        and imported.emails
        and not (
            {e.value.casefold() for e in journal.emails}
            & {e.value.casefold() for e in imported.emails}
        )
    ):
        return True
    if (
        journal.phones
        and imported.phones
        and not (
            {normalize_phone(p.value) for p in journal.phones}
            & {normalize_phone(p.value) for p in imported.phones}
        )
    ):
        return True
    if (
        journal.birthday
        and imported.birthday
        and (
            (journal.birthday.month, journal.birthday.day)
            != (imported.birthday.month, imported.birthday.day)
        )
    ):
        return True
    return bool(
        journal.organisation
        and imported.organisation
        and fold(journal.organisation) != fold(imported.organisation)
    )


def same_organisation(a: ContactFields, b: ContactFields) -> bool:
    return bool(a.organisation and b.organisation and fold(a.organisation) == fold(b.organisation))


# A key most often names one person: held as that id, and as a set only once it names two
# (an empty set per key would cost 200 bytes, a hundred megabytes in a 100,000-card import).
# Keys are held by their hash, not their text (a third of the memory); every id found by
# a hash is checked against the person's own values, so two keys of one hash never match.
_Ids = int | set[int]


def _put(keys: dict[int, _Ids], key: str, cid: int) -> None:
    hashed = hash(key)
    held = keys.get(hashed)
    if held is None:
        keys[hashed] = cid
    elif isinstance(held, set):
        held.add(cid)
    elif held != cid:
        keys[hashed] = {held, cid}


def _ids(keys: dict[int, _Ids], key: str) -> Iterable[int]:
    held = keys.get(hash(key))
    if held is None:
        return ()
    return (held,) if isinstance(held, int) else held


class _People(Protocol):
    """Who an id is (the journal's people, and this import's new ones)."""

    def __getitem__(self, cid: int, /) -> ContactFields: ...


class Index:
    """UID, email, phone and name keys to people: the journal's (ids > 0) and this import's new ones (< 0)."""

    def __init__(self) -> None:
        self.uid: dict[int, _Ids] = {}
        self.email: dict[int, _Ids] = {}
        self.phone: dict[int, _Ids] = {}
        self.name: dict[int, _Ids] = {}

    def add(self, cid: int, fields: ContactFields) -> None:
        if fields.uid:
            _put(self.uid, fields.uid.strip(), cid)
        for e in fields.emails:
            _put(self.email, e.value.casefold(), cid)
        for p in fields.phones:
            key = phone_key(p.value)
            if key:
                _put(self.phone, key, cid)
        _put(self.name, fold(fields.display_name), cid)

    def candidates(
        self,
        fields: ContactFields,
        people: _People,
        distinct: Callable[[int], bool],
    ) -> list[Match]:
        """Everyone the record may be, the surest first (then the journal's oldest person)."""
        found: dict[int, Match] = {}

        def offer(match: Match) -> None:
            if distinct(match.contact_id):
                return
            held = found.get(match.contact_id)
            if held is None or _RANK[match.level] > _RANK[held.level]:
                found[match.contact_id] = match

        if fields.uid:
            uid = fields.uid.strip()
            for cid in _ids(self.uid, uid):
                if (people[cid].uid or "").strip() == uid:
                    offer(Match(cid, SURE, "uid", "same UID"))
        for email in {e.value.casefold() for e in fields.emails}:
            generic = is_generic_email(email)
            for cid in _ids(self.email, email):
                other = people[cid]
                if email not in {e.value.casefold() for e in other.emails}:
                    continue  # another key of the same hash
                if same_name(other, fields):
                    level = LIKELY if generic else SURE
                    offer(
                        Match(
                            cid,
                            level,
                            "email",
                            f"same name and a shared {'team ' if generic else ''}email",
                        )
                    )
                elif generic:
                    offer(Match(cid, WEAK, "email", f"only the shared mailbox {email}"))
                elif compatible_names(other, fields):
                    offer(Match(cid, SURE, "email", "same email"))
                else:
                    offer(Match(cid, LIKELY, "email", f"same email {email}, but another name"))
        for key in {k for p in fields.phones if (k := phone_key(p.value))}:
            for cid in _ids(self.phone, key):
                if key not in {phone_key(p.value) for p in people[cid].phones}:
                    continue
                if same_name(people[cid], fields):
                    offer(Match(cid, LIKELY, "phone", "same name and a shared phone"))
                else:
                    offer(Match(cid, WEAK, "phone", f"only a shared phone ({key})"))
        for cid in _ids(self.name, fold(fields.display_name)):
            other = people[cid]
            if not same_name(other, fields):
                continue
            if same_organisation(other, fields):
                offer(Match(cid, LIKELY, "name", "same name and organisation"))
            elif not contradicts(other, fields):
                offer(Match(cid, LIKELY, "name", "same name, nothing that tells them apart"))
        return sorted(found.values(), key=lambda m: (-_RANK[m.level], _order(m.contact_id)))


def _order(cid: int) -> tuple[int, int]:
    """The journal's oldest person first; then the import's earliest new one."""
    return (0, cid) if cid > 0 else (1, -cid)
