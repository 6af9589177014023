"""Contacts CSV files: one row, one person.

Google Contacts and LinkedIn are read by their own column names; every other CSV
(Outlook in any language, Thunderbird, the journal's own, a user's spreadsheet) is
read through a column mapping (`csv_mapped`).

Each service names its columns its own way; the header tells which one wrote the
file, and each row is read on its own so one bad row is skipped, not the file.
LinkedIn's `Connections.csv` starts with a few lines of notes before its header.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
from collections.abc import Callable
from typing import Any

from relationship_journal.exchange import csv_mapped, detect
from relationship_journal.exchange.records import ImportedPerson, ParsedFile, SkippedRecord
from relationship_journal.exchange.spreadsheet_cells import read_cell
from relationship_journal.exchange.values import (
    address,
    birthday_or_report,
    build_person,
    clean_label,
    is_system_group,
    parse_birthday,
)
from relationship_journal.journal.errors import ValidationError
from relationship_journal.journal.records import Labelled

Row = dict[str, str]
# Google puts several values in one cell separated by " ::: ".
_MULTI = re.compile(r"\s*:::\s*")



def _get(row: Row, *names: str) -> str:
    for name in names:
        value = row.get(name.casefold())
        if value and value.strip():
            return value.strip()
    return ""


def _numbered(row: Row, kind: str, label_word: str) -> list[Labelled]:
    """Google's 'E-mail 1 - Value' / 'E-mail 1 - Label' (or '- Type') columns, all of them."""
    found: list[Labelled] = []
    for number in range(1, 20):
        value = _get(row, f"{kind} {number} - value")
        if not value:
            if f"{kind} {number} - value".casefold() not in row:
                break
            continue
        label = _get(row, f"{kind} {number} - label", f"{kind} {number} - type")
        label = clean_label(label.lstrip("* ")) if label else ""
        found += [Labelled(v, label or None) for v in _MULTI.split(value) if v]
    return found


def _google_addresses(row: Row) -> list[Any]:
    """Google's 'Address 1 - Street' … 'Address 1 - Country' columns, all of them."""
    found = []
    for number in range(1, 20):
        prefix = f"address {number} - "
        if f"{prefix}street" not in row and f"{prefix}city" not in row and f"{prefix}formatted" not in row:
            break
        label = _get(row, f"{prefix}label", f"{prefix}type").lstrip("* ")
        street = _get(row, f"{prefix}street")
        parts = {
            "street": street or ("" if _get(row, f"{prefix}city") else _get(row, f"{prefix}formatted")),
            "po_box": _get(row, f"{prefix}po box"),
            "extended": _get(row, f"{prefix}extended address"),
            "city": _get(row, f"{prefix}city"),
            "region": _get(row, f"{prefix}region"),
            "postcode": _get(row, f"{prefix}postal code"),
            "country": _get(row, f"{prefix}country"),
        }
        found.append(address(label or None, **parts))
    return found


def google_person(row: Row, report: list[str] | None = None) -> dict[str, Any]:
    tags = [
        t.strip().lstrip("* ").strip()
        for t in _MULTI.split(_get(row, "labels", "group membership"))
        if t.strip()
    ]
    return {
        "display_name": _get(row, "name")
        or " ".join(p for p in (_get(row, "name prefix"), _get(row, "first name", "given name"),
                                _get(row, "middle name", "additional name"),
                                _get(row, "last name", "family name"), _get(row, "name suffix")) if p),
        "given_name": " ".join(p for p in (_get(row, "first name", "given name"),
                                           _get(row, "middle name", "additional name")) if p),
        "family_name": _get(row, "last name", "family name"),
        "nickname": _get(row, "nickname"),
        "organisation": _get(row, "organization name", "organization 1 - name"),
        "role": _get(row, "organization title", "organization 1 - title"),
        "notes": _get(row, "notes"),
        "birthday": birthday_or_report(_get(row, "birthday"), report if report is not None else []),
        "emails": _numbered(row, "e-mail", "label"),
        "addresses": _google_addresses(row),
        "phones": _numbered(row, "phone", "label"),
        "urls": _numbered(row, "website", "label"),
        "photo_url": _get(row, "photo") if _get(row, "photo").startswith("http") else "",
        "tags": [t for t in tags if not is_system_group(t)],
    }


def linkedin_person(row: Row, report: list[str] | None = None) -> dict[str, Any]:
    connected = parse_birthday(_get(row, "connected on"))
    met_on = dt.date(connected.year, connected.month, connected.day) if connected and connected.year else None
    return {
        "given_name": _get(row, "first name"),
        "family_name": _get(row, "last name"),
        "organisation": _get(row, "company"),
        "role": _get(row, "position"),
        "emails": [Labelled(_get(row, "email address"), None)] if _get(row, "email address") else [],
        "urls": [Labelled(_get(row, "url"), "linkedin")] if _get(row, "url") else [],
        "how_met": "Connected on LinkedIn" if met_on or _get(row, "connected on") else "",
        "met_on": met_on,
    }


# Formats read by their own column names; every other CSV is read through a column mapping.
READERS: dict[str, Callable[[Row, list[str]], dict[str, Any]]] = {
    detect.GOOGLE: google_person,
    detect.LINKEDIN: linkedin_person,
}
_SAMPLE_ROWS = 20


def csv_columns(text: str) -> tuple[list[str], list[list[str]]]:
    """A CSV's header and its first rows, for the mapping step."""
    header = detect.csv_header(text)
    if header is None:
        return [], []
    body = "\n".join(text.split("\n")[header.line + 1:])
    reader = csv.reader(io.StringIO(body, newline=""), delimiter=header.delimiter)
    samples: list[list[str]] = []
    try:
        for cells in reader:
            if any(c.strip() for c in cells):
                samples.append(cells)
            if len(samples) >= _SAMPLE_ROWS:
                break
    except csv.Error:
        pass
    return header.columns, samples


def mapping_for(text: str, kind: str, given: csv_mapped.ColumnMapping | None = None) -> csv_mapped.ColumnMapping | None:
    """How a CSV's columns are read: the user's mapping, the client's own, or a guess."""
    if kind in READERS:
        return None
    if given is not None:
        return given
    columns, samples = csv_columns(text)
    return csv_mapped.known_mapping(columns) or csv_mapped.guess_mapping(columns, samples)


def read_csv(
    text: str, path: str, kind: str, mapping: csv_mapped.ColumnMapping | None = None
) -> ParsedFile:
    """Every row of a contacts CSV after its header; `kind` is one of detect's CSV formats."""
    parsed = ParsedFile(path=path, format=kind)
    header = detect.csv_header(text)
    if header is None:
        return parsed
    header_index, keys = header.line, [c.casefold() for c in header.columns]
    body = "\n".join(text.split("\n")[header_index + 1:])
    reader = csv.reader(io.StringIO(body, newline=""), delimiter=header.delimiter)
    parsed.mapping = mapping_for(text, kind, mapping)
    person_of = READERS.get(kind)
    number = 0
    while True:
        line = header_index + 2 + reader.line_num
        try:
            cells = next(reader)
        except StopIteration:
            break
        except csv.Error as error:
            parsed.skipped.append(SkippedRecord(f"{path}, line {line}", f"the row cannot be read ({error})"))
            continue
        cells = [read_cell(c) for c in cells]
        if not any(c.strip() for c in cells):
            continue
        number += 1
        position = f"{path}, row {number} (line {line})"
        if len(cells) > len(keys):
            parsed.skipped.append(SkippedRecord(
                position, f"the row has {len(cells)} columns but the header has {len(keys)}"
            ))
            continue
        report: list[str] = []
        try:
            if person_of is not None:
                found = person_of(dict(zip(keys, cells, strict=False)), report)
            else:
                assert parsed.mapping is not None
                found = csv_mapped.person(cells, parsed.mapping, report)
            fields = build_person(found, report)
        except ValidationError as error:
            parsed.skipped.append(SkippedRecord(position, str(error)))
            continue
        parsed.people.append(ImportedPerson(position, fields, fields.uid, tuple(report)))
    return parsed
