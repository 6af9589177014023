"""Plain values the service layer takes and gives: no ORM objects leave `journal`.

Keeping the GUI, CLI and reports on plain data means no lazy load can hit the
database from a widget, and tests can build these by hand.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from relationship_journal.journal.errors import ValidationError


@dataclass(frozen=True)
class Birthday:
    """A birthday whose year may be unknown (vCard's `--MMDD`)."""

    month: int
    day: int
    year: int | None = None

    def __post_init__(self) -> None:
        try:
            dt.date(self.year or 2000, self.month, self.day)
        except (TypeError, ValueError):
            raise ValidationError(
                f"birthday {self.year or '--'}-{self.month}-{self.day} is not a real date"
            ) from None

    def iso(self) -> str:
        """`YYYY-MM-DD`, or `--MM-DD` when the year is unknown."""
        year = f"{self.year:04d}" if self.year else "-"
        return f"{year}-{self.month:02d}-{self.day:02d}"

    @classmethod
    def parse(cls, text: str) -> Birthday:
        text = text.strip()
        try:
            if text.startswith("--"):
                month, day = text[2:].replace("-", "")[:2], text[2:].replace("-", "")[2:]
                return cls(int(month), int(day))
            date = dt.date.fromisoformat(text)
        except ValueError:
            raise ValidationError(
                f"birthday must be YYYY-MM-DD or --MM-DD (got '{text}')"
            ) from None
        return cls(date.month, date.day, date.year)


@dataclass(frozen=True)
class Labelled:
    """An email, phone or web address with its label ("work", "home", "mobile")."""

    value: str
    label: str | None = None


@dataclass(frozen=True)
class YearlyDate:
    """An important date that comes back each year."""

    label: str
    month: int
    day: int
    year: int | None = None


@dataclass(frozen=True)
class Address:
    """A postal address in the parts vCard's ADR has, so it leaves as it came in."""

    label: str | None = None
    street: str = ""
    city: str = ""
    region: str = ""
    postcode: str = ""
    country: str = ""
    po_box: str = ""
    extended: str = ""

    PARTS = ("street", "extended", "po_box", "city", "region", "postcode", "country")

    def is_empty(self) -> bool:
        return not any(getattr(self, part).strip() for part in self.PARTS)

    def key(self) -> tuple[str, ...]:
        """What two spellings of the same address share (case and spacing aside)."""
        return tuple(" ".join(getattr(self, p).casefold().split()) for p in self.PARTS)

    def one_line(self) -> str:
        """'12 Harbour Lane, Bristol BS1 4QA, United Kingdom' for lists and previews."""
        town = " ".join(p for p in (self.postcode, self.city) if p) if self.country.casefold() not in (
            "united kingdom", "uk", "united states", "usa", "us", "canada", "australia"
        ) else " ".join(p for p in (self.city, self.region, self.postcode) if p)
        parts = [self.street, self.extended, self.po_box and f"PO Box {self.po_box}", town, self.country]
        if self.region and self.region not in town:
            parts.insert(4, self.region)
        return ", ".join(" ".join(p.split()) for p in parts if p and p.strip())


PROFILE_TEXT_FIELDS = (
    "given_name",
    "family_name",
    "nickname",
    "organisation",
    "role",
    "how_met",
    "where_met",
    "interests",
    "goals",
    "family",
    "can_do_for_them",
    "communities",
    "notes",
    "photo_url",
)


@dataclass(frozen=True)
class ContactFields:
    """Everything one can say about a person when adding them."""

    display_name: str
    given_name: str | None = None
    family_name: str | None = None
    nickname: str | None = None
    organisation: str | None = None
    role: str | None = None
    birthday: Birthday | None = None
    how_met: str | None = None
    where_met: str | None = None
    met_on: dt.date | None = None
    interests: str | None = None
    goals: str | None = None
    family: str | None = None
    can_do_for_them: str | None = None
    communities: str | None = None
    notes: str | None = None
    calibre: int | None = None
    circle: int = 150
    cadence_days: int | None = None
    kin: bool = False
    photo: bytes | None = None
    photo_url: str | None = None
    emails: tuple[Labelled, ...] = ()
    phones: tuple[Labelled, ...] = ()
    urls: tuple[Labelled, ...] = ()
    tags: tuple[str, ...] = ()
    important_dates: tuple[YearlyDate, ...] = ()
    addresses: tuple[Address, ...] = ()
    # The sending address book's id for this person (a vCard UID); kept for re-imports.
    uid: str | None = None


@dataclass(frozen=True)
class ContactDetail(ContactFields):
    """A stored person, as the contact page shows them."""

    id: int = 0
    archived: bool = False
    last_contact: dt.date | None = None


@dataclass(frozen=True, slots=True)
class ContactSummary:
    """One row of the contact list."""

    id: int
    name: str
    organisation: str | None
    role: str | None
    circle: int
    archived: bool
    last_contact: dt.date | None
    emails: tuple[str, ...] = ()
    phones: tuple[str, ...] = ()
    birthday: Birthday | None = None
    tags: tuple[str, ...] = ()
    has_photo: bool = False


@dataclass(frozen=True)
class InteractionFields:
    """One journal entry as the user writes it."""

    contact_ids: tuple[int, ...]
    date: dt.date
    kind: str
    minutes: int | None = None
    initiated_by: str = "unknown"
    depth: int = 2
    note: str = ""
    channel: str | None = None
    people_present: int | None = None
    location: str | None = None


@dataclass(frozen=True)
class InteractionView(InteractionFields):
    """A stored entry, with the names of everyone who was there."""

    id: int = 0
    contact_names: tuple[str, ...] = ()


@dataclass(frozen=True)
class FavourView:
    id: int
    contact_id: int
    direction: str
    size: int
    what: str
    date: dt.date
    interaction_id: int | None


@dataclass(frozen=True)
class AskView:
    id: int
    contact_id: int
    what: str
    size: int
    outcome: str
    date: dt.date
    resolved_on: dt.date | None
    interaction_id: int | None


@dataclass(frozen=True)
class CommitmentView:
    id: int
    contact_id: int
    owner: str
    text: str
    created_on: dt.date
    due_date: dt.date | None
    done_date: dt.date | None
    interaction_id: int | None

    @property
    def is_open(self) -> bool:
        return self.done_date is None


@dataclass(frozen=True)
class SearchHit:
    """A ranked match: a person, or an entry on some people's timelines."""

    kind: str  # "contact" or "interaction"
    id: int
    contact_ids: tuple[int, ...]
    title: str
    snippet: str
    date: dt.date | None = None


@dataclass(frozen=True)
class Changes:
    """What a write touched, so each view refreshes only what it must."""

    contacts: frozenset[int] = field(default_factory=frozenset)
    interactions: frozenset[int] = field(default_factory=frozenset)
    created_id: int | None = None

    def __or__(self, other: Changes) -> Changes:
        return Changes(
            self.contacts | other.contacts,
            self.interactions | other.interactions,
            self.created_id if self.created_id is not None else other.created_id,
        )
