"""Writing people as vCard 4.0 (RFC 6350): one file, or one .vcf per person in a folder.

The folder layout (one card per file, named by its UID) is what vdirsyncer and khard
read. Labels that vCard has no TYPE for ("Instagram", "club") are written the way
Apple does (`item1.URL` + `item1.X-ABLabel`), which our importer and most address
books read back, so an export re-imported gives the same people.
"""

from __future__ import annotations

import base64
import os
import uuid
from collections.abc import Iterable
from pathlib import Path

from relationship_journal.exchange.atomic import write_atomically
from relationship_journal.exchange.vcard_related import related_lines
from relationship_journal.journal.errors import ValidationError
from relationship_journal.journal.records import Address, ContactDetail, Labelled
from relationship_journal.paths import ensure_private_dir

# Labels vCard 4.0 can say with TYPE; anything else goes in a grouped X-ABLabel.
_TYPES = {
    "home": "home",
    "work": "work",
    "mobile": "cell",
    "cell": "cell",
    "fax": "fax",
    "pager": "pager",
    "voice": "voice",
    "text": "text",
    "video": "video",
}
_UID_NAMESPACE = uuid.UUID("5d2f0d4e-3b8f-4c55-9d7e-6a1f2b3c4d5e")


def contact_uid(contact: ContactDetail) -> str:
    """Stable across exports of the same journal, so a synced address book updates, not duplicates."""
    return str(uuid.uuid5(_UID_NAMESPACE, f"contact:{contact.id}"))


def escape(value: str, structured: bool = False) -> str:
    """RFC 6350 text escaping; in structured values (N, ORG) ';' separates parts and is kept."""
    value = value.replace("\\", "\\\\").replace(",", "\\,").replace("\r\n", "\n").replace("\n", "\\n")
    return value if structured else value.replace(";", "\\;")


def fold(line: str) -> str:
    """Lines of at most 75 octets, continued with a space, never splitting a UTF-8 character."""
    encoded = line.encode("utf-8")
    if len(encoded) <= 75:
        return line
    parts: list[str] = []
    current: list[str] = []
    size, limit = 0, 75
    for ch in line:
        width = len(ch.encode("utf-8"))
        if size + width > limit:
            parts.append("".join(current))
            current, size, limit = [], 0, 74
        current.append(ch)
        size += width
    parts.append("".join(current))
    return "\r\n ".join(parts)


def _media_type(photo: bytes) -> str:
    if photo.startswith(b"\x89PNG"):
        return "image/png"
    if photo.startswith(b"GIF8"):
        return "image/gif"
    return "image/jpeg"


_ADR_ORDER = ("po_box", "extended", "street", "city", "region", "postcode", "country")


class _Lines:
    def __init__(self) -> None:
        self.lines: list[str] = []
        self.groups = 0

    def add(self, line: str) -> None:
        self.lines.append(fold(line))

    def address(self, address: Address) -> None:
        """ADR: PO box; extended; street; city; region; postcode; country (RFC 6350 6.3.1)."""
        value = ";".join(escape(getattr(address, part)) for part in _ADR_ORDER)
        self.labelled("ADR", Labelled(value, address.label), escaped=True)

    def labelled(self, name: str, item: Labelled, escaped: bool = False) -> None:
        value = item.value if escaped else item.value.replace("\r", " ").replace("\n", " ")
        label = (item.label or "").strip()
        words = label.lower().split()
        if not label:
            self.add(f"{name}:{value}")
        elif all(w in _TYPES for w in words):
            self.add(f"{name};TYPE={','.join(_TYPES[w] for w in words)}:{value}")
        else:
            self.groups += 1
            self.add(f"item{self.groups}.{name}:{value}")
            self.add(f"item{self.groups}.X-ABLabel:{escape(label)}")


def _single_line(value: str) -> str:
    return " ".join(value.split())


def card(contact: ContactDetail, related: Iterable[tuple[str, str]] = ()) -> str:
    """One person as a vCard 4.0 card (CRLF line ends, as the RFC asks); `related` is
    who they know, as (vCard RELATED type, name)."""
    out = _Lines()
    out.add("BEGIN:VCARD")
    out.add("VERSION:4.0")
    out.add("PRODID:-//Relationship Journal//vCard export//EN")
    # The sending address book's own UID goes back to it, so a sync updates its card.
    out.add(f"UID:{_single_line(contact.uid)}" if contact.uid else f"UID:urn:uuid:{contact_uid(contact)}")
    out.add(f"FN:{escape(contact.display_name)}")
    out.add(
        "N:"
        + ";".join(escape(p or "", structured=False) for p in (contact.family_name, contact.given_name))
        + ";;;"
    )
    if contact.nickname:
        out.add(f"NICKNAME:{escape(contact.nickname)}")
    if contact.organisation:
        out.add(f"ORG:{escape(contact.organisation)}")
    if contact.role:
        out.add(f"TITLE:{escape(contact.role)}")
    for email in contact.emails:
        out.labelled("EMAIL", email)
    for phone in contact.phones:
        out.labelled("TEL", phone)
    for url in contact.urls:
        out.labelled("URL", url)
    for address in contact.addresses:
        out.address(address)
    if contact.birthday:
        b = contact.birthday
        out.add(f"BDAY:{b.year:04d}{b.month:02d}{b.day:02d}" if b.year else f"BDAY:--{b.month:02d}{b.day:02d}")
    for date in contact.important_dates:
        out.groups += 1
        when = f"{date.year:04d}-{date.month:02d}-{date.day:02d}" if date.year else f"--{date.month:02d}-{date.day:02d}"
        out.add(f"item{out.groups}.X-ABDATE:{when}")
        out.add(f"item{out.groups}.X-ABLabel:{escape(date.label)}")
    if contact.tags:
        out.add("CATEGORIES:" + ",".join(escape(t) for t in contact.tags))
    if contact.notes:
        out.add(f"NOTE:{escape(contact.notes)}")
    for line in related_lines(related, escape):
        out.add(line)
    if contact.photo:
        encoded = base64.b64encode(contact.photo).decode("ascii")
        out.add(f"PHOTO:data:{_media_type(contact.photo)};base64,{encoded}")
    if contact.photo_url:
        out.add(f"PHOTO;VALUE=uri:{contact.photo_url}")
    out.add("END:VCARD")
    return "\r\n".join(out.lines) + "\r\n"


def write_vcard_file(contacts: Iterable[ContactDetail], path: str | os.PathLike[str],
                     related: dict[int, list[tuple[str, str]]] | None = None) -> int:
    """All `contacts` in one .vcf file; how many were written."""
    cards = [card(c, (related or {}).get(c.id, ())) for c in contacts]
    write_atomically(path, "".join(cards).encode("utf-8"))
    return len(cards)


def write_vcard_folder(contacts: Iterable[ContactDetail], folder: str | os.PathLike[str],
                       related: dict[int, list[tuple[str, str]]] | None = None) -> int:
    """One `<uid>.vcf` per person in `folder` (created if needed), each written atomically."""
    target = Path(folder)
    if target.exists() and not target.is_dir():
        raise ValidationError(f"{target} is a file; --split needs a folder")
    ensure_private_dir(target)  # one card per person: as private as the journal (0700)
    count = 0
    for contact in contacts:
        write_atomically(target / f"{contact_uid(contact)}.vcf",
                         card(contact, (related or {}).get(contact.id, ())).encode("utf-8"))
        count += 1
    return count
