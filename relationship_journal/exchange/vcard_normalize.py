"""Cleaning what real clients write into plain vCard 3.0, card by card, before vobject.

Strict parsers reject whole files over things every address book writes: vCard 2.1
quoted-printable values with soft line breaks, bare parameters (`TEL;WORK;VOICE`),
CHARSET parameters, Outlook values that run on over several unfolded lines, base64
photos with broken padding, Lotus Notes' lower-case names, stray blank lines and
trailing spaces. Each card is cleaned on its own, so one odd card never costs the
rest, and photos are taken out here: they are the largest and most broken part, and
a photo given as a URL is only kept as a link, never fetched.
"""

from __future__ import annotations

import base64
import binascii
import quopri
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

from relationship_journal.exchange.encodings import decode_bytes

# Properties a card may hold; a line starting with anything else continues the value above
# (Outlook writes multi-line notes that way).
KNOWN_PROPERTIES = frozenset(
    """ADR AGENT ANNIVERSARY BDAY BEGIN CALADRURI CALURI CATEGORIES CLASS CLIENTPIDMAP EMAIL END
    FBURL FN GENDER GEO IMPP KEY KIND LABEL LANG LOGO MAILER MEMBER N NAME NICKNAME NOTE ORG PHOTO
    PRODID PROFILE RELATED REV ROLE SORT-STRING SOUND SOURCE TEL TITLE TZ UID URL VERSION XML""".split()
)
# What the journal reads of a card; the rest (keys, sounds, client X- fields)
# is dropped quietly before vobject, whose time grows with every line it is given.
READ_PROPERTIES = frozenset(
    """FN N NICKNAME ORG TITLE ROLE NOTE BDAY ANNIVERSARY EMAIL TEL URL CATEGORIES UID ADR
    X-ABLABEL X-ABDATE X-ANNIVERSARY RELATED""".split()
)
# Bare vCard 2.1 parameters that are encodings rather than types.
_ENCODINGS = {"QUOTED-PRINTABLE", "BASE64", "B", "8BIT", "7BIT"}
# Values whose parts are separated by ';' (their commas are text, not list separators).
_STRUCTURED = {"N", "ADR", "ORG"}
_LIST_VALUED = {"CATEGORIES", "NICKNAME"}
# Values vobject unescapes as text; others (EMAIL, TEL, URL, dates) are passed as written.
_TEXT = frozenset({"FN", "N", "NICKNAME", "ORG", "TITLE", "ROLE", "NOTE", "CATEGORIES", "X-ABLABEL", "ADR"})
_PROPERTY_LINE = re.compile(r"^(?:[A-Za-z0-9_-]+\.)?([A-Za-z0-9_-]+)[ \t]*[;:]")
_BEGIN = re.compile(r"^[ \t]*BEGIN[ \t]*:[ \t]*VCARD[ \t]*$", re.IGNORECASE)
_END = re.compile(r"^[ \t]*END[ \t]*:[ \t]*VCARD[ \t]*$", re.IGNORECASE)
_MAX_PHOTO_BYTES = 5_000_000
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


class CardError(ValueError):
    """A card that cannot be read at all; the message is the reason shown to the user."""


@dataclass(frozen=True)
class RawCard:
    """The lines of one card, where it starts (1-based line number) and its place in the file."""

    number: int
    line: int
    lines: list[str]
    closed: bool
    # A property left out while splitting because it alone was too large to hold (a photo).
    oversized: str | None = None


@dataclass
class CleanCard:
    """A card as vobject will read it, and the photo taken out of it."""

    text: str
    version: str = "3.0"
    photo: bytes | None = None
    photo_url: str | None = None
    apple_omit_year: bool = False
    # What cleaning had to drop (an unreadable photo), said against the card in the preview.
    notes: list[str] = field(default_factory=list)


@dataclass
class _Property:
    group: str
    name: str
    params: list[tuple[str, str]]
    value: str


# A card larger than this (as text) is not held whole: the property that overflows it
# (in practice a photo of many megabytes) is left out as it streams past.
MAX_CARD_CHARS = 8_000_000


def _starts_property(line: str) -> bool:
    match = _PROPERTY_LINE.match(line)
    if match is None:
        return False
    name = match.group(1).upper()
    return name in KNOWN_PROPERTIES or name.startswith("X-")


def split_cards(text: str | Iterable[str]) -> Iterator[RawCard]:
    """Every BEGIN:VCARD ... END:VCARD in the text; a card left open ends where the next begins.

    `text` may be the file's lines one by one (exchange/plan streams a large file that
    way): only the current card is held, and a property that would make it larger than
    MAX_CARD_CHARS is dropped line by line instead of being gathered.
    """
    current: list[str] | None = None
    start = number = size = 0
    start_of_property = 0
    oversized: str | None = None
    skipping = False
    if isinstance(text, str):
        text = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    for index, line in enumerate(text, start=1):
        if current is not None and line[:1] in (" ", "\t") and "VCARD" not in line.upper():
            if skipping:
                continue
            current.append(line)  # a folded line (most of a photo): no need to look further
            size += len(line)
        elif _BEGIN.match(line):
            if current is not None:
                yield RawCard(number, start, current, closed=False, oversized=oversized)
            number += 1
            current, start, size, oversized, skipping = [], index, 0, None, False
            continue
        elif _END.match(line):
            if current is not None:
                yield RawCard(number, start, current, closed=True, oversized=oversized)
                current = None
            continue
        elif current is not None:
            if skipping and not _starts_property(line):
                continue
            skipping = False
            if line[:1] not in (" ", "\t") and _starts_property(line):
                start_of_property = len(current)
            current.append(line)
            size += len(line)
        if current is not None and size > MAX_CARD_CHARS and not skipping:
            dropped = current[start_of_property:]
            match = _PROPERTY_LINE.match(dropped[0]) if dropped else None
            oversized = match.group(1).upper() if match else "a value"
            size -= sum(len(part) for part in dropped)
            del current[start_of_property:]
            skipping = True
    if current is not None:
        yield RawCard(number, start, current, closed=False, oversized=oversized)


def _is_qp(header: str) -> bool:
    return "QUOTED-PRINTABLE" in header.upper()


def _logical_lines(lines: list[str]) -> list[str]:
    """Unfold: a leading space or tab continues the line above, a QP line ending in '=' runs
    on to the next, and a line that does not start like a property continues the value
    above on a new line (Outlook's multi-line notes, photos folded without indent)."""
    logical: list[list[str]] = []  # each logical line as its pieces, joined once at the end
    quoted_printable = False
    for line in lines:
        if quoted_printable and logical and logical[-1][-1].rstrip().endswith("="):
            logical[-1][-1] = logical[-1][-1].rstrip()[:-1]
            logical[-1].append(line[1:] if line[:1] in (" ", "\t") else line)
            continue
        if line[:1] in (" ", "\t") and logical:
            logical[-1].append(line[1:])
            continue
        if not line.strip():
            continue
        match = _PROPERTY_LINE.match(line)
        name = match.group(1).upper() if match else ""
        if (match and (name in KNOWN_PROPERTIES or name.startswith("X-"))) or not logical:
            logical.append([line])
            quoted_printable = _is_qp(line[: max(0, _value_start(line))])
        else:
            logical[-1].append("\n" + line)
    return ["".join(parts) for parts in logical]


def _split_params(text: str) -> list[str]:
    """Split on ';' outside double quotes."""
    if '"' not in text:
        return text.split(";")
    parts: list[str] = []
    current: list[str] = []
    quoted = False
    for ch in text:
        if ch == '"':
            quoted = not quoted
        if ch == ";" and not quoted:
            parts.append("".join(current))
            current = []
        else:
            current.append(ch)
    parts.append("".join(current))
    return parts


def _value_start(line: str) -> int:
    """Index of the ':' that ends the name and parameters (quoted parameters may hold ':')."""
    colon, quote = line.find(":"), line.find('"')
    if quote == -1 or quote > colon:
        return colon
    quoted = False
    for index, ch in enumerate(line):
        if ch == '"':
            quoted = not quoted
        elif ch == ":" and not quoted:
            return index
    return -1


def _parse(line: str) -> _Property | None:
    colon = _value_start(line)
    if colon <= 0:
        return None
    head, value = line[:colon], line[colon + 1:]
    pieces = _split_params(head)
    name = pieces[0].strip()
    group = ""
    if "." in name:
        group, name = name.rsplit(".", 1)
    params: list[tuple[str, str]] = []
    for piece in pieces[1:]:
        piece = piece.strip()
        if not piece:
            continue
        key, equals, val = piece.partition("=")
        if not equals:  # vCard 2.1 bare parameter
            key, val = ("ENCODING" if piece.upper() in _ENCODINGS else "TYPE"), piece
        params.append((key.strip().upper(), val.strip().strip('"')))
    return _Property(group.strip(), name.upper(), params, value)


def _param(prop: _Property, key: str) -> str | None:
    return next((v for k, v in prop.params if k == key), None)


_IMAGE_MAGIC = (b"\xff\xd8", b"\x89PNG", b"GIF8", b"BM", b"RIFF")


def _lenient_base64(text: str) -> bytes:
    """A photo's bytes despite missing padding or stray whitespace; b"" if it is not an image."""
    data = re.sub(r"\s+", "", text)
    if not re.fullmatch(r"[A-Za-z0-9+/_-]*=*", data):
        return b""
    data = data.rstrip("=").replace("-", "+").replace("_", "/")
    data = data[: len(data) - (len(data) % 4 == 1)]  # a lone trailing character carries no byte
    data += "=" * (-len(data) % 4)
    try:
        photo = base64.b64decode(data)
    except (binascii.Error, ValueError):
        return b""
    return photo if photo.startswith(_IMAGE_MAGIC) else b""


def _take_photo(prop: _Property, card: CleanCard) -> None:
    value = prop.value.strip()
    encoding = (_param(prop, "ENCODING") or "").upper()
    if value.lower().startswith("data:"):
        header, _sep, payload = value.partition(",")
        photo = _lenient_base64(payload) if ";base64" in header.lower() else b""
    elif encoding in {"B", "BASE64"}:
        photo = _lenient_base64(value)
    elif re.match(r"^(https?|ftp)://", value, re.IGNORECASE):
        card.photo_url = card.photo_url or value
        return
    else:
        return
    if card.photo is not None:
        return
    if not photo:
        card.notes.append("photo cannot be read (not a JPEG, PNG or GIF image); left out")
    elif len(photo) > _MAX_PHOTO_BYTES:
        card.notes.append(f"photo is larger than {_MAX_PHOTO_BYTES // 1_000_000} MB; left out")
    else:
        card.photo = photo


def _escape_text(text: str, name: str) -> str:
    """Escape a decoded value the way vCard 3.0 expects it."""
    text = text.replace("\\", "\\\\").replace("\r\n", "\n").replace("\r", "\n").replace("\n", "\\n")
    if name not in _LIST_VALUED:
        text = text.replace(",", "\\,")
    if name not in _STRUCTURED:
        text = text.replace(";", "\\;")
    return text


def _clean_value(prop: _Property, version: str) -> str:
    value = prop.value
    if prop.name == "TEL" and value.lower().startswith("tel:"):
        value = value[4:]
    if (_param(prop, "ENCODING") or "").upper() == "QUOTED-PRINTABLE":
        raw = quopri.decodestring(value.replace("\n", "\r\n").encode("latin-1", errors="replace"))
        value = decode_bytes(raw, _param(prop, "CHARSET"))
        if prop.name not in _TEXT:
            return value.replace("\r", " ").replace("\n", " ")
        return _escape_text(value, prop.name)
    if version.startswith("2") and prop.name in _TEXT:
        # 2.1 escapes nothing but ';' (as \;): commas and backslashes are plain text.
        placeholder = "\x00"
        value = value.replace("\\;", placeholder)
        return _escape_text(value, prop.name).replace(placeholder, "\\;")
    if prop.name not in _TEXT:
        # Clients escape these values or not (Apple writes "https\://"); vobject splits them
        # on bare ',' and ';'. So: read any escapes, then escape the way vobject reads back.
        value = value.replace("\n", " ")
        if "\\" in value:
            value = re.sub(r"\\(.)", r"\1", value)
        return value.replace("\\", "\\\\").replace(",", "\\,").replace(";", "\\;")
    return value.replace("\n", "\\n")  # Outlook's multi-line value


def _types(prop: _Property) -> list[str]:
    types: list[str] = []
    for key, value in prop.params:
        if key == "TYPE":
            types += [t.strip().strip('"').lower() for t in value.split(",") if t.strip()]
    return list(dict.fromkeys(types))


def clean(card: RawCard) -> CleanCard:
    """One card as clean vCard 3.0 text, or CardError with the reason it cannot be read."""
    lines = [
        line if line.isprintable() else _CONTROL.sub("", line) for line in _logical_lines(card.lines)
    ]
    props = [p for p in map(_parse, lines) if p is not None]
    if not props:
        if any(line.strip() for line in lines):
            raise CardError("the card has no readable lines")
        raise CardError("the card is empty")
    version = next((p.value.strip() for p in props if p.name == "VERSION"), "3.0")
    result = CleanCard(text="", version=version)
    if card.oversized:
        what = "photo" if card.oversized in ("PHOTO", "LOGO") else card.oversized
        result.notes.append(f"{what} is larger than {MAX_CARD_CHARS // 1_000_000} MB; left out")
    out = ["BEGIN:VCARD", "VERSION:3.0"]
    for prop in props:
        if prop.name == "PHOTO":
            _take_photo(prop, result)
            continue
        if prop.name not in READ_PROPERTIES:
            continue
        if prop.name == "BDAY" and _param(prop, "X-APPLE-OMIT-YEAR"):
            result.apple_omit_year = True
        value = _clean_value(prop, version)
        group = re.sub(r"[^A-Za-z0-9-]", "", prop.group) if prop.group else ""
        head = f"{group}.{prop.name}" if group else prop.name
        types = _types(prop)
        if types:
            head += ";TYPE=" + ",".join(re.sub(r"[^a-z0-9_-]", "", t) or "x" for t in types)
        out.append(f"{head}:{value}")
    out.append("END:VCARD")
    result.text = "\r\n".join(out) + "\r\n"
    return result
