"""Which kind of contacts file this is, from its content (file names lie)."""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass

from relationship_journal.exchange.records import NotAContactFile

VCARD = "vcard"
GOOGLE = "google"
OUTLOOK = "outlook"
LINKEDIN = "linkedin"
THUNDERBIRD = "thunderbird"
JOURNAL = "journal"
SPREADSHEET = "spreadsheet"

FORMAT_NAMES = {
    VCARD: "vCard",
    GOOGLE: "Google Contacts CSV",
    OUTLOOK: "Outlook CSV",
    LINKEDIN: "LinkedIn connections CSV",
    THUNDERBIRD: "Thunderbird address book CSV",
    JOURNAL: "Relationship Journal CSV",
    SPREADSHEET: "CSV",
}

_BEGIN_VCARD = re.compile(r"^[ \t]*BEGIN[ \t]*:[ \t]*VCARD[ \t]*$", re.IGNORECASE | re.MULTILINE)
# How far down a header may sit: LinkedIn puts a few lines of notes above its own.
_HEADER_SEARCH_LINES = 30


def _is_text(text: str) -> bool:
    sample = text[:20000]
    if not sample.strip():
        return False
    # Text may carry a stray control character or two; binary data is full of them
    # (about one byte in eight of random data decodes to one).
    controls = sum(1 for ch in sample if ord(ch) < 32 and ch not in "\n\t\r" or ch == "\ufffd")
    return controls <= max(8, len(sample) // 20)


@dataclass(frozen=True)
class CsvHeader:
    """Where a contacts CSV's header is, its columns, and the separator it uses."""

    line: int
    columns: list[str]
    delimiter: str


def _cells(line: str) -> tuple[list[str], str] | None:
    """A line's cells and separator (Outlook in some locales uses ';', spreadsheets a tab)."""
    delimiter = max((";", ",", "\t"), key=line.count)
    if delimiter not in line:
        return None
    try:
        return [c.strip().lstrip("\ufeff") for c in next(csv.reader([line], delimiter=delimiter))], delimiter
    except (csv.Error, StopIteration):
        return None


def csv_header(text: str) -> CsvHeader | None:
    """The first line that is a known contacts header; else the first line of a CSV (any columns)."""
    lines = text.split("\n")[:_HEADER_SEARCH_LINES]
    first: CsvHeader | None = None
    for index, line in enumerate(lines):
        found = _cells(line.rstrip("\r"))
        if found is None:
            continue
        columns, delimiter = found
        if csv_format(columns):
            return CsvHeader(index, columns, delimiter)
        if first is None and _plausible_header(columns):
            first = CsvHeader(index, columns, delimiter)
    return first


def _plausible_header(columns: list[str]) -> bool:
    """Column names, not a sentence with commas in it or a first row of data."""
    named = [c for c in columns if c]
    return (
        len(named) >= 2
        and all(len(c) <= 60 and "@" not in c and not c.endswith((".", "!", "?")) for c in named)
        and sum(1 for c in named if any(ch.isdigit() for ch in c)) * 2 < len(named)
    )


def looks_like_contacts(text: str, header: CsvHeader) -> bool:
    """Whether a CSV no client wrote is about people: a column named like a contact field,
    or an email address in the rows below. A letter with commas in it is not."""
    from relationship_journal.exchange.csv_headers import field_from_words

    if any(field_from_words(c) for c in header.columns):
        return True
    below = "\n".join(text.split("\n")[header.line + 1 : header.line + 50])
    return "@" in below


def csv_format(columns: list[str]) -> str | None:
    """The client that writes this header, or None for a CSV no client we know wrote."""
    from relationship_journal.exchange.csv_mapped import known_mapping

    found = _english_format(columns)
    if found:
        return found
    mapping = known_mapping(columns)
    return mapping.format if mapping else None


def _english_format(columns: list[str]) -> str | None:
    names = {c.casefold() for c in columns}
    if {"first name", "last name", "connected on"} <= names:
        return LINKEDIN
    if "given name" in names or "e-mail 1 - value" in names or (
        "first name" in names and "phone 1 - value" in names
    ):
        return GOOGLE
    if "first name" in names and (
        "e-mail address" in names or "mobile phone" in names or "business phone" in names
    ):
        return OUTLOOK
    return None


def detect(text: str, name: str, any_csv: bool = False) -> str:
    """One of the formats above; refuses anything else in one clear line.

    `any_csv` takes any CSV as contacts (the user gave a column mapping for it).
    """
    # A card among stray control characters is still a card: cleaning drops them.
    if text.strip() and _BEGIN_VCARD.search(text):
        return VCARD
    if not _is_text(text):
        raise NotAContactFile(f"{name} is not a contact file (it is not text: binary or empty)")
    header = csv_header(text)
    if header is not None:
        found = csv_format(header.columns)
        if found:
            return found
        if any_csv or looks_like_contacts(text, header):
            return SPREADSHEET
        raise NotAContactFile(
            f"{name} is not a contact file (its first line, {', '.join(header.columns[:4])}, names no "
            "contact fields; give the columns with --map if it is one)"
        )
    raise NotAContactFile(f"{name} is not a contact file (no vCard, and no CSV header line)")
