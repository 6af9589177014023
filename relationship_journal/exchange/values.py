"""Turning what a card or CSV row says into a valid person: names, dates, labels.

Shared by every reader so a birthday or a label means the same whichever client
wrote it. Unusable parts (an email without '@', a phone without digits, an
impossible date) are dropped so the rest of the person still comes in.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from relationship_journal.journal.errors import ValidationError
from relationship_journal.journal.imports import validate_contact
from relationship_journal.journal.records import (
    Address,
    Birthday,
    ContactFields,
    Labelled,
    YearlyDate,
)
from relationship_journal.journal.text import normalize_phone

# Apple writes labels as _$!<HomePage>!$_; Google as "* myContacts".
_APPLE_LABEL = re.compile(r"^_\$!<(.*)>!\$_$")
# Apple stores a birthday without a year as 1604; others use 1900 or 0000.
_NO_YEAR = {0, 1, 1601, 1604, 1900}
_NAME_LIMIT = 200
_LABEL_LIMIT = 60


# Labels every client spells its own way; anything else is the user's own word, kept as typed.
_COMMON_LABELS = {
    "home": "home", "work": "work", "mobile": "mobile", "cell": "mobile", "iphone": "mobile",
    "main": "main", "other": "other", "fax": "fax", "home fax": "home fax", "work fax": "work fax",
    "pager": "pager", "homepage": "homepage", "home page": "homepage", "blog": "blog",
    "profile": "profile", "anniversary": "anniversary",
}
# Google's system groups, which are not the user's tags.
_GOOGLE_SYSTEM_GROUPS = ("mycontacts", "starred", "importedon", "othercontacts")


def clean_label(label: str) -> str:
    label = label.strip()
    match = _APPLE_LABEL.match(label)
    if match:
        label = match.group(1).strip()
    return _COMMON_LABELS.get(label.lower(), label)[:_LABEL_LIMIT]


def is_system_group(name: str) -> bool:
    """Google's own groups ("My Contacts", "Starred", "Imported on 5/1/20"), not the user's tags."""
    return name.casefold().replace(" ", "").startswith(_GOOGLE_SYSTEM_GROUPS)


def _date_parts(text: str) -> tuple[int | None, int, int] | None:
    """(year or None, month, day) from the date forms clients write, or None."""
    text = text.strip()
    if not text:
        return None
    text = re.split(r"[T ]", text, maxsplit=1)[0] if re.match(r"^\d{4}-?\d{2}-?\d{2}[T ]", text) else text
    patterns = (
        (r"^--(\d{2})-?(\d{2})$", lambda m: (None, int(m[1]), int(m[2]))),
        (r"^(\d{4})-(\d{1,2})-(\d{1,2})$", lambda m: (int(m[1]), int(m[2]), int(m[3]))),
        (r"^(\d{4})(\d{2})(\d{2})$", lambda m: (int(m[1]), int(m[2]), int(m[3]))),
        (r"^(\d{4})/(\d{1,2})/(\d{1,2})$", lambda m: (int(m[1]), int(m[2]), int(m[3]))),
    )
    for pattern, build in patterns:
        match = re.match(pattern, text)
        if match:
            return build(match)
    for form in ("%d %b %Y", "%d %B %Y", "%b %d, %Y", "%B %d, %Y"):
        try:
            day = dt.datetime.strptime(text, form).date()
        except ValueError:
            continue
        return day.year, day.month, day.day
    return None


def parse_birthday(text: str, omit_year: bool = False) -> Birthday | None:
    parts = _date_parts(text)
    if parts is None:
        return None
    year, month, day = parts
    if omit_year or (year is not None and year in _NO_YEAR):
        year = None
    try:
        return Birthday(month, day, year)
    except ValidationError:
        return None


def parse_us_date(text: str) -> Birthday | None:
    """Outlook's M/D/YYYY; its '0/0/00' means no date."""
    match = re.match(r"^\s*(\d{1,2})/(\d{1,2})/(\d{2,4})\s*$", text)
    if not match:
        return parse_birthday(text)
    month, day, written = int(match[1]), int(match[2]), int(match[3])
    year: int | None = written
    if written < 100:
        year = None if written == 0 else (1900 + written if written > 30 else 2000 + written)
    try:
        return Birthday(month, day, None if year in _NO_YEAR else year)
    except ValidationError:
        return None


def parse_yearly(text: str, label: str) -> YearlyDate | None:
    found = parse_birthday(text)
    if found is None:
        return None
    return YearlyDate(label[:200] or "date", found.month, found.day, found.year)


def _labelled(
    items: Any, valid: Any, key: Any, report: list[str] | None = None, what: str = ""
) -> tuple[Labelled, ...]:
    seen: set[str] = set()
    kept = []
    for item in items:
        value = item.value.strip()
        if value and not valid(value) and report is not None:
            report.append(f"{what} '{_brief(value)}' is not {_ARTICLE[what]} {what}; left out")
        if not value or not valid(value) or key(value) in seen:
            continue
        seen.add(key(value))
        label = item.label.strip()[:_LABEL_LIMIT] if item.label else None
        kept.append(Labelled(value, label or None))
    return tuple(kept)


_ARTICLE = {"email": "an", "phone": "a", "link": "a"}


def _brief(value: str, limit: int = 60) -> str:
    flat = " ".join(value.split())
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"


def birthday_or_report(text: str, report: list[str], label: str = "birthday", **options: Any) -> Birthday | None:
    """The birthday in `text`, or None with the reason added to `report` (never silently)."""
    text = text.strip()
    if not text:
        return None
    found = parse_birthday(text, **options)
    if found is None:
        report.append(f"{label} '{_brief(text)}' is not a date; left out")
    return found


def _first(*values: Any) -> str | None:
    for value in values:
        if isinstance(value, str) and value.strip():
            return value.strip()
    return None


def _valid_email(value: str) -> bool:
    return "@" in value and len(value) <= 320 and " " not in value


def build_person(person: dict[str, Any], report: list[str] | None = None) -> ContactFields:
    """A valid ContactFields from what a reader found; ValidationError says why not.

    What is dropped or changed on the way (an email without '@', a name cut short) is
    said in `report`, when given, so the preview can show it against its record.
    """
    person = dict(person)
    name_parts = person.pop("name_parts", None)
    emails = _labelled(person.get("emails", ()), _valid_email, str.casefold, report, "email")
    phones = _labelled(
        person.get("phones", ()), lambda v: bool(normalize_phone(v).lstrip("+")), normalize_phone,
        report, "phone",
    )
    urls = _labelled(person.get("urls", ()), lambda v: True, lambda v: v.rstrip("/"))
    composed = " ".join(p for p in (name_parts or ()) if p) if name_parts else None
    given_family = " ".join(
        p for p in (person.get("given_name"), person.get("family_name")) if p
    )
    name = _first(
        person.get("display_name"),
        composed,
        given_family,
        person.get("nickname"),
        person.get("organisation"),
        emails[0].value if emails else None,
        phones[0].value if phones else None,
    )
    if name is None:
        raise ValidationError("the record has no name, email or phone")
    named = _first(person.get("display_name"), composed, given_family, person.get("nickname"))
    if named is None and report is not None:
        source = "organisation" if name == _first(person.get("organisation")) else (
            "email" if emails and name == emails[0].value else "phone")
        report.append(f"no name in the record; named by its {source}")
    name = " ".join(name.split())
    if len(name) > _NAME_LIMIT and report is not None:
        report.append(f"name cut to {_NAME_LIMIT} characters")
    name = name[:_NAME_LIMIT]
    addresses = tuple(dict.fromkeys(a for a in person.get("addresses", ()) if not a.is_empty()))
    tags = tuple(dict.fromkeys(t.strip()[:100] for t in person.get("tags", ()) if t.strip()))
    fields = ContactFields(
        display_name=name,
        given_name=_first(person.get("given_name")),
        family_name=_first(person.get("family_name")),
        nickname=_first(person.get("nickname")),
        organisation=_first(person.get("organisation")),
        role=_first(person.get("role")),
        birthday=person.get("birthday"),
        how_met=_first(person.get("how_met")),
        met_on=person.get("met_on"),
        notes=_first(person.get("notes")),
        photo=person.get("photo") or None,
        photo_url=_first(person.get("photo_url")),
        emails=emails,
        phones=phones,
        urls=urls,
        tags=tags,
        important_dates=tuple(person.get("important_dates", ())),
        addresses=addresses,
        uid=_first(person.get("uid")),
    )
    return validate_contact(fields)


def address(label: str | None, **parts: str) -> Address:
    """An Address from parts a reader found (missing parts empty, each trimmed)."""
    return Address(label=clean_label(label) if label else None, **{k: (v or "").strip() for k, v in parts.items()})
