"""Reading any contacts CSV through a column mapping: one field per column.

Outlook in any language, Thunderbird and the journal's own export are read through
the mapping their headers give (`csv_headers`). Any other CSV gets a guessed mapping
— from the header's words, then from what the cells look like (an '@' is an email,
a run of digits a phone, 1985-03-17 a date) — which the user confirms in the
window's mapping step or gives with `--map "Column=field,…"`.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from relationship_journal.exchange import csv_headers
from relationship_journal.exchange.csv_header_names import (
    JOURNAL_MARKERS,
    THUNDERBIRD_MARKERS,
    header_key,
)
from relationship_journal.exchange.spreadsheet_cells import read_cell
from relationship_journal.exchange.values import (
    address,
    birthday_or_report,
    clean_label,
    parse_birthday,
    parse_yearly,
)
from relationship_journal.journal.records import Birthday, Labelled

OUTLOOK = "outlook"
THUNDERBIRD = "thunderbird"
JOURNAL = "journal"
SPREADSHEET = "spreadsheet"

_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
_PHONE = re.compile(r"^\+?[\d\s().\-/]{6,}$")
_DATE = re.compile(r"^(\d{4}-\d{1,2}-\d{1,2}|\d{1,2}[./-]\d{1,2}[./-]\d{2,4}|--\d{2}-?\d{2})$")
_URL = re.compile(r"^(https?://|www\.)\S+$", re.IGNORECASE)
_SPLIT = re.compile(r"\s*(?::::|;|\n)\s*")
_PHONE_LABELS = {
    "mobile": "mobile",
    "work phone": "work",
    "home phone": "home",
    "fax": "fax",
    "phone": None,
}


@dataclass(frozen=True)
class ColumnMapping:
    """The field each column is read as ('' for a column left out), and how the header was known."""

    columns: tuple[str, ...]
    fields: tuple[str, ...]
    format: str  # OUTLOOK, THUNDERBIRD, JOURNAL or SPREADSHEET
    known: bool  # a client's own header: no need to ask the user
    day_first: bool = True

    def as_text(self) -> str:
        """'Full name=name, Mail=email' — the form --map takes, for messages."""
        return ", ".join(f"{c}={f}" for c, f in zip(self.columns, self.fields, strict=True) if f)

    def ignored(self) -> list[str]:
        return [c for c, f in zip(self.columns, self.fields, strict=True) if not f and c.strip()]

    def has_someone(self) -> bool:
        """Whether a row can name a person: a name part or an email column."""
        return any(
            f in csv_headers.NAME_FIELDS or f == "email" or f == "organisation" for f in self.fields
        )


def known_mapping(columns: Sequence[str]) -> ColumnMapping | None:
    """The mapping a client's own header gives (Outlook in any language, Thunderbird, the journal)."""
    cols = list(columns)
    found = [csv_headers.known_field(c, cols) for c in cols]
    hits = sum(1 for f in found if f is not None)
    fields = tuple(f or "" for f in found)
    mapping_format = _format_of(cols)
    mapping = ColumnMapping(tuple(cols), fields, mapping_format, True, csv_headers.day_first(cols))
    # Most columns must be ones a client writes (40%: a client adds columns of its own over
    # the years): a spreadsheet with one "Company" column among ten of its own is not Outlook.
    if hits * 5 >= len(cols) * 2 and hits >= min(2, len(cols)) and mapping.has_someone():
        return mapping
    return None


def _format_of(columns: list[str]) -> str:
    keys = {" ".join(re.sub(r"[^\w/]+", " ", c.casefold()).split()) for c in columns}
    if JOURNAL_MARKERS <= keys:
        return JOURNAL
    if any(header_key(c) in THUNDERBIRD_MARKERS for c in columns):
        return THUNDERBIRD
    return OUTLOOK


def guess_mapping(columns: Sequence[str], samples: Sequence[Sequence[str]]) -> ColumnMapping:
    """A mapping for a CSV no client wrote: header words first, then the shape of the cells."""
    fields: list[str] = []
    for index, column in enumerate(columns):
        cells = [row[index].strip() for row in samples if index < len(row) and row[index].strip()]
        field = csv_headers.field_from_words(column)
        shape = _shape(cells)
        contact_kinds = ("email", *csv_headers.PHONE_FIELDS)
        if field is None or (
            shape in contact_kinds and field not in contact_kinds and _sure_shape(cells)
        ):
            field = shape or ""
        elif field in csv_headers.NAME_FIELDS and _sure_shape(cells):
            field = ""  # numbers and addresses are never a name, whatever the header says
        fields.append(field)
    if not any(f in csv_headers.NAME_FIELDS for f in fields):
        for index, cells in enumerate(_columns(samples, len(columns))):
            if not fields[index] and cells and all(_looks_like_name(c) for c in cells):
                fields[index] = "name"
                break
    day_first = not any(_month_first(c) for row in samples for c in row)
    return ColumnMapping(tuple(columns), tuple(fields), SPREADSHEET, False, day_first)


def mapping_from_text(
    columns: Sequence[str], text: str, samples: Sequence[Sequence[str]]
) -> ColumnMapping:
    """The user's `--map "Column=field,…"` over the guess; ValueError names what is wrong."""
    from relationship_journal.exchange.csv_headers import field_name

    given: dict[str, str] = {}
    for pair in filter(None, (p.strip() for p in re.split(r",(?=[^,=]*=)", text))):
        column, equals, field = pair.rpartition("=")
        if not equals or not column.strip():
            raise ValueError(f"--map takes Column=field pairs (got '{pair}')")
        name = field_name(field)
        if name is None:
            raise ValueError(
                f"'{field.strip()}' is not a field; use one of: {', '.join(csv_headers.FIELDS)}"
            )
        given[column.strip().casefold()] = name
    by_name = {c.strip().casefold(): i for i, c in enumerate(columns)}
    missing = [c for c in given if c not in by_name]
    if missing:
        raise ValueError(f"the file has no column '{missing[0]}' (it has: {', '.join(columns)})")
    base = known_mapping(columns) or guess_mapping(columns, samples)
    fields = list(base.fields)
    for column, field in given.items():
        fields[by_name[column]] = field
    return ColumnMapping(tuple(columns), tuple(fields), base.format, True, base.day_first)


def with_fields(mapping: ColumnMapping, fields: Sequence[str]) -> ColumnMapping:
    """The same columns read as the user chose in the mapping step."""
    return ColumnMapping(mapping.columns, tuple(fields), mapping.format, True, mapping.day_first)


def _columns(samples: Sequence[Sequence[str]], count: int) -> list[list[str]]:
    return [
        [row[i].strip() for row in samples if i < len(row) and row[i].strip()] for i in range(count)
    ]


def _shape(cells: list[str]) -> str | None:
    if not cells:
        return None
    for pattern, field in (
        (_EMAIL, "email"),
        (_URL, "website"),
        (_DATE, "birthday"),
        (_PHONE, "phone"),
    ):
        matching = [c for c in cells if pattern.match(c)]
        if len(matching) * 10 >= len(cells) * 6:
            if field == "phone" and not all(len(re.sub(r"\D", "", c)) >= 6 for c in matching):
                continue
            return field
    return None


def _sure_shape(cells: list[str]) -> bool:
    return bool(cells) and all(_EMAIL.match(c) or _PHONE.match(c) for c in cells)


def _looks_like_name(cell: str) -> bool:
    words = cell.split()
    return 1 <= len(words) <= 5 and all(w[:1].isalpha() for w in words) and "@" not in cell


def _month_first(cell: str) -> bool:
    match = re.match(r"^(\d{1,2})/(\d{1,2})/\d{2,4}$", cell.strip())
    return match is not None and int(match[2]) > 12


def _date(
    text: str, day_first: bool, report: list[str], label: str = "birthday"
) -> Birthday | None:
    """A date in the forms spreadsheets write: ISO, 17.03.1985, 03/17/1985 or 17/03/1985."""
    text = original = text.strip()
    if not text or re.fullmatch(r"0?0[/.]0?0[/.]0{2,4}", text):
        return None  # Outlook's "no date"
    match = re.match(r"^(\d{1,2})[./-](\d{1,2})[./-](\d{2,4})$", text)
    if match:
        first, second, year = int(match[1]), int(match[2]), int(match[3])
        if "." in text or first > 12:
            day_first = True
        elif second > 12:
            day_first = False
        day, month = (first, second) if day_first else (second, first)
        if year < 100:
            year = 1900 + year if year > 30 else 2000 + year
        text = f"{year:04d}-{month:02d}-{day:02d}"
    found = parse_birthday(text)
    if found is None:
        report.append(f"{label} '{original[:40]}' is not a date; left out")
    return found


def person(cells: Sequence[str], mapping: ColumnMapping, report: list[str]) -> dict[str, Any]:
    """The person one row describes, as keyword arguments for build_person."""
    values: dict[str, list[str]] = defaultdict(list)
    for field, cell in zip(mapping.fields, cells, strict=False):
        if field and cell.strip():
            values[field].append(read_cell(cell.strip()))

    def one(field: str) -> str:
        return " ".join(values.get(field, []))

    found: dict[str, Any] = {
        "display_name": one("name"),
        "given_name": " ".join(p for p in (one("first name"), one("middle name")) if p),
        "family_name": one("last name"),
        "name_parts": (
            one("prefix"),
            " ".join(p for p in (one("first name"), one("middle name")) if p),
            one("last name"),
            one("suffix"),
        ),
        "nickname": one("nickname"),
        "organisation": one("organisation"),
        "role": one("role"),
        "notes": "\n\n".join(values.get("notes", [])),
        "how_met": one("how we met"),
        "uid": one("uid"),
        "emails": [
            Labelled(v) for cell in values.get("email", []) for v in re.split(r"[;,\s]+", cell) if v
        ],
        "phones": [
            Labelled(v, _PHONE_LABELS[field])
            for field in _PHONE_LABELS
            for cell in values.get(field, [])
            for v in _SPLIT.split(cell)
            if v
        ],
        "urls": [
            Labelled(v) for cell in values.get("website", []) for v in _SPLIT.split(cell) if v
        ],
        "tags": [
            t for cell in values.get("tags", []) for t in re.split(r"\s*(?::::|;|,)\s*", cell) if t
        ],
        "addresses": _addresses(values),
    }
    if values.get("birthday"):
        found["birthday"] = _date(one("birthday"), mapping.day_first, report)
    elif values.get("birth month") and values.get("birth day"):
        year = one("birth year") or "0000"
        found["birthday"] = birthday_or_report(
            f"{year.zfill(4)}-{one('birth month').zfill(2)}-{one('birth day').zfill(2)}", report
        )
    if values.get("met on"):
        met = _date(one("met on"), mapping.day_first, report, "met on")
        if met is not None and met.year:
            import datetime as dt

            found["met_on"] = dt.date(met.year, met.month, met.day)
    if values.get("anniversary"):
        when = _date(one("anniversary"), mapping.day_first, report, "anniversary")
        found["important_dates"] = [parse_yearly(when.iso(), "anniversary")] if when else []
    return found


def _addresses(values: dict[str, list[str]]) -> list[Any]:
    groups: dict[str, dict[str, list[str]]] = defaultdict(lambda: defaultdict(list))
    for field, cells in values.items():
        numbered = re.match(r"^address (\d+) (.+)$", field)
        if numbered:
            groups[f"#{numbered[1]}"][numbered[2]] += cells
            continue
        for label in csv_headers.ADDRESS_LABELS:
            part = field[len(label) :] if field.startswith(label) else None
            if part in csv_headers.ADDRESS_PARTS:
                groups[label.strip()][part] += cells
                break
    found = []
    for label, parts in groups.items():
        name = " ".join(parts.get("label", [])) if label.startswith("#") else label
        found.append(
            address(
                clean_label(name) if name else None,
                street="\n".join(parts.get("street", [])),
                po_box=" ".join(parts.get("po box", [])),
                city=" ".join(parts.get("city", [])),
                region=" ".join(parts.get("region", [])),
                postcode=" ".join(parts.get("postcode", [])),
                country=" ".join(parts.get("country", [])),
            )
        )
    return found
