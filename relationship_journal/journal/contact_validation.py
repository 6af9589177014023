"""What a person's fields must be before they are stored: checked, trimmed, tidied.

Apart from the contact book so that checking thousands of imported people needs none of
the database mapping (SQLAlchemy's import alone is a third of a second).
"""

from __future__ import annotations

import dataclasses
from typing import Any

from relationship_journal.journal.errors import ValidationError
from relationship_journal.journal.records import PROFILE_TEXT_FIELDS, Address, ContactFields
from relationship_journal.journal.text import normalize_phone
from relationship_journal.journal.vocabulary import (
    check_circle,
    check_range,
    check_text,
    single_line,
    without_controls,
)


def _clean_text(value: str | None) -> str | None:
    if value is None:
        return None
    value = without_controls(value).strip()
    return value or None


def validate(fields: ContactFields) -> ContactFields:
    """The fields as they are stored, or ValidationError saying what is wrong."""
    name = check_text(single_line(fields.display_name), "a contact's name")
    check_circle(fields.circle)
    if fields.calibre is not None:
        check_range(fields.calibre, 1, 5, "calibre")
    if fields.cadence_days is not None:
        check_range(fields.cadence_days, 1, 3650, "keep-in-touch cadence (days)")
    for email in fields.emails:
        if "@" not in email.value or len(email.value) > 320:
            raise ValidationError(f"'{email.value}' is not an email address")
    for phone in fields.phones:
        if not normalize_phone(phone.value).lstrip("+"):
            raise ValidationError(f"'{phone.value}' is not a phone number")
    tags = tuple(check_text(single_line(tag), "a tag", limit=100) for tag in fields.tags)
    texts: dict[str, Any] = {
        name_: _clean_text(getattr(fields, name_)) for name_ in PROFILE_TEXT_FIELDS
    }
    addresses = tuple(_clean_address(a) for a in fields.addresses if not a.is_empty())
    uid = _clean_text(fields.uid)
    if uid is not None and len(uid) > 300:
        raise ValidationError("a contact's UID is longer than 300 characters")
    cleaned = {"display_name": name, "tags": tags, "addresses": addresses, "uid": uid, **texts}
    if all(getattr(fields, key) == value for key, value in cleaned.items()):
        return fields  # already clean, as most are: not copied (an import checks thousands)
    return dataclasses.replace(fields, **cleaned)


def _clean_address(address: Address) -> Address:
    """Parts trimmed to one line each (a street may keep its own line breaks), label tidied."""
    parts = {p: " ".join(getattr(address, p).split()) for p in Address.PARTS if p != "street"}
    street = "\n".join(" ".join(line.split()) for line in address.street.splitlines() if line.strip())
    label = (address.label or "").strip()[:60] or None
    return Address(label=label, street=street, **parts)
