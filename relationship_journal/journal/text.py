"""Normalised forms of names and phone numbers, for matching people."""

from __future__ import annotations

import re
import unicodedata

_SPACES = re.compile(r"\s+")


def fold(text: str) -> str:
    """Case- and accent-insensitive form: "Zoë Ångström" -> "zoe angstrom"."""
    decomposed = unicodedata.normalize("NFKD", text)
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return _SPACES.sub(" ", stripped.casefold()).strip()


def normalize_phone(number: str) -> str:
    """Digits only, keeping a leading + so international and local forms can be compared."""
    digits = re.sub(r"\D", "", number)
    if number.strip().startswith("00") and digits.startswith("00"):
        return "+" + digits[2:]
    return ("+" if number.strip().startswith("+") else "") + digits
