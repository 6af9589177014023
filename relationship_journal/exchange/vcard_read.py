"""Reading a vCard file into people: one card at a time, so one bad card costs only itself."""

from __future__ import annotations

import functools
import logging
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from typing import Any

from relationship_journal.exchange import vcard_normalize
from relationship_journal.exchange.people_store import People
from relationship_journal.exchange.records import ImportedPerson, ParsedFile, SkippedRecord
from relationship_journal.exchange.values import (
    address,
    birthday_or_report,
    build_person,
    clean_label,
    is_system_group,
    parse_yearly,
)
from relationship_journal.exchange.vcard_related import read_related
from relationship_journal.journal.errors import ValidationError
from relationship_journal.journal.records import Labelled, YearlyDate

# Type parameters that say nothing a person would call a label.
_NOISE_TYPES = {"internet", "pref", "voice", "x400", "other", "x", "postal", "parcel", "dom", "intl"}
_TYPE_WORDS = {"cell": "mobile", "iphone": "mobile", "main": "main", "fax": "fax"}


def _label(types: list[str], group_label: str | None) -> str | None:
    if group_label:
        return group_label
    words = [_TYPE_WORDS.get(t, t) for t in types if t not in _NOISE_TYPES]
    if "fax" in words:
        return " ".join(w for w in words if w != "fax") + " fax" if len(words) > 1 else "fax"
    return words[0] if words else None


def _types(line: Any) -> list[str]:
    return [t.lower() for t in line.params.get("TYPE", [])]


def _text(value: Any) -> str:
    if isinstance(value, list):
        return ", ".join(str(v).strip() for v in value if str(v).strip())
    return str(value).strip()


def _part(value: Any, name: str) -> str:
    """One part of a structured value (vobject gives a list when the part held commas)."""
    part = getattr(value, name, "")
    if isinstance(part, list):
        return ", ".join(str(p).strip() for p in part if str(p).strip())
    return str(part or "").strip()


@functools.cache
def _vcard_3() -> Any:
    import vobject

    return vobject.base.getBehavior("VCARD", "3.0")


def _content_line(text: str) -> Any:
    """One line of a clean card as vobject reads it inside a vCard 3.0, or None when
    vobject skips it as unreadable."""
    import vobject

    try:
        line = vobject.base.textLineToContentLine(text)
    except vobject.base.VObjectError:
        return None  # readOne(..., ignoreUnreadable=True) leaves it out too
    # What readOne does to each line of a card once its VERSION is known.
    line.parentBehavior = _vcard_3()
    line.autoBehavior(True)
    line.transformToNative()
    return line


ContentLines = Callable[[str], Any]
_REMEMBERED_CHARS = 1000


def content_lines() -> ContentLines:
    """`_content_line` remembering the lines it read lately, for the cards of one file:
    titles, organisations, tags and labels repeat, and vobject's cost is per line (the
    lines it gives are only read, never changed, so cards can share them)."""
    remembered = functools.lru_cache(maxsize=4096)(_content_line)

    def read_line(text: str) -> Any:
        # Long lines (notes) seldom repeat and would fill memory: read, not remembered.
        return remembered(text) if len(text) < _REMEMBERED_CHARS else _content_line(text)

    return read_line


def parse_card(clean: vcard_normalize.CleanCard, read_line: ContentLines = _content_line) -> list[Any]:
    """The content lines vobject reads from a clean card, in the card's order.

    The same lines `vobject.readOne(clean.text, ignoreUnreadable=True)` holds (bar BEGIN,
    VERSION and END), each read on its own so that `read_line` can remember them. A card
    vobject cannot read is handed to readOne whole, so it fails with readOne's own reason.
    """
    import vobject

    lines = clean.text.split("\r\n")
    body = lines[2:-2]  # clean() writes BEGIN, VERSION:3.0, the lines, END and a line end
    if lines[:2] != ["BEGIN:VCARD", "VERSION:3.0"] or lines[-2:] != ["END:VCARD", ""] or any(
        "\r" in text or "\n" in text for text in body
    ):
        return list(vobject.readOne(clean.text, ignoreUnreadable=True).getChildren())
    try:
        return [line for line in map(read_line, body) if line is not None]
    except Exception:  # noqa: BLE001 - readOne raises it again, as the card's reason
        return list(vobject.readOne(clean.text, ignoreUnreadable=True).getChildren())


def read_card(
    lines: Sequence[Any], clean: vcard_normalize.CleanCard, report: list[str] | None = None
) -> dict[str, Any]:
    """The person a parsed card describes, as keyword arguments for ContactFields."""
    report = report if report is not None else []
    labels: dict[str, str] = {}
    by_name: dict[str, list[Any]] = defaultdict(list)
    for line in lines:
        if line.name == "X-ABLABEL" and line.group:
            labels[line.group.lower()] = clean_label(_text(line.value))
        by_name[line.name].append(line)

    def group_label(line: Any) -> str | None:
        return labels.get(line.group.lower()) if line.group else None

    person: dict[str, Any] = {}
    if "FN" in by_name:
        person["display_name"] = _text(by_name["FN"][0].value)
    if "N" in by_name:
        name = by_name["N"][0].value
        person["given_name"] = " ".join(
            p for p in (_text(name.given), _text(name.additional)) if p
        ) or None
        person["family_name"] = _text(name.family) or None
        person["name_parts"] = (_text(name.prefix), person["given_name"], person["family_name"], _text(name.suffix))
    if "NICKNAME" in by_name:
        person["nickname"] = _text(by_name["NICKNAME"][0].value) or None
    if "ORG" in by_name:
        person["organisation"] = _text(by_name["ORG"][0].value) or None
    role = by_name.get("TITLE") or by_name.get("ROLE")
    if role:
        person["role"] = _text(role[0].value) or None
    notes = [_text(line.value) for line in by_name.get("NOTE", [])]
    if any(notes):
        person["notes"] = "\n\n".join(n for n in notes if n)
    if "BDAY" in by_name:
        person["birthday"] = birthday_or_report(
            _text(by_name["BDAY"][0].value), report, omit_year=clean.apple_omit_year
        )
    person["emails"] = tuple(
        Labelled(_text(line.value), _label(_types(line), group_label(line)))
        for line in by_name.get("EMAIL", [])
        if _text(line.value)
    )
    person["phones"] = tuple(
        Labelled(_text(line.value), _label(_types(line), group_label(line)))
        for line in by_name.get("TEL", [])
        if _text(line.value)
    )
    person["urls"] = tuple(
        Labelled(_text(line.value), _label(_types(line), group_label(line)))
        for line in by_name.get("URL", [])
        if _text(line.value)
    )
    tags: list[str] = []
    for line in by_name.get("CATEGORIES", []):
        values = line.value if isinstance(line.value, list) else str(line.value).split(",")
        tags += [str(v).strip() for v in values if str(v).strip()]
    person["tags"] = tuple(dict.fromkeys(t for t in tags if not is_system_group(t)))
    dates: list[YearlyDate] = []
    for name in ("ANNIVERSARY", "X-ANNIVERSARY", "X-ABDATE"):
        for line in by_name.get(name, []):
            label = group_label(line) or ("anniversary" if "ANNIVERSARY" in name else "date")
            found = parse_yearly(_text(line.value), label)
            if found is not None:
                dates.append(found)
            elif _text(line.value):
                report.append(f"{label} '{_text(line.value)[:40]}' is not a date; left out")
    person["important_dates"] = tuple(dict.fromkeys(dates))
    person["addresses"] = tuple(
        address(
            _label(_types(line), group_label(line)),
            street=_part(line.value, "street"),
            extended=_part(line.value, "extended"),
            po_box=_part(line.value, "box"),
            city=_part(line.value, "city"),
            region=_part(line.value, "region"),
            postcode=_part(line.value, "code"),
            country=_part(line.value, "country"),
        )
        for line in by_name.get("ADR", [])
    )
    if "UID" in by_name:
        person["uid"] = _text(by_name["UID"][0].value)[:300] or None
    person["photo"] = clean.photo
    person["photo_url"] = clean.photo_url
    report += clean.notes
    return person


def read_vcards(
    text: str | Iterable[str],
    path: str,
    prepare: Callable[[ImportedPerson], ImportedPerson] | None = None,
) -> ParsedFile:
    """Every card in a vCard file, each cleaned and parsed on its own (`text` may be its lines).

    The people are packed as they are read (`prepare` first sees each one), so a card's
    parsed form lives only while it is read.
    """
    # vobject logs each line it skips; the skip report is ours to give, once, in words.
    logging.getLogger("vobject").setLevel(logging.CRITICAL)
    parsed = ParsedFile(path=path, format="vcard", people=People(prepare=prepare))
    read_line = content_lines()
    for raw in vcard_normalize.split_cards(text):
        position = f"{path}, card {raw.number} (line {raw.line})"
        try:
            clean = vcard_normalize.clean(raw)
            lines = parse_card(clean, read_line)
            report: list[str] = []
            fields = build_person(read_card(lines, clean, report), report)
        except vcard_normalize.CardError as error:
            parsed.skipped.append(SkippedRecord(position, str(error)))
            continue
        except ValidationError as error:
            parsed.skipped.append(SkippedRecord(position, str(error)))
            continue
        except Exception as error:  # noqa: BLE001 - vobject raises many kinds; the card is skipped, not lost silently
            parsed.skipped.append(SkippedRecord(position, f"the card cannot be read ({_short(error)})"))
            continue
        parsed.people.append(
            ImportedPerson(position, fields, fields.uid, tuple(report), related=read_related(lines))
        )
    return parsed


def _short(error: Exception) -> str:
    text = " ".join(str(error).split()) or type(error).__name__
    return text if len(text) <= 120 else text[:117] + "..."
