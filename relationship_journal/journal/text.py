"""Normalised forms of names and phone numbers, for matching people."""

from __future__ import annotations

import re
import unicodedata

_SPACES = re.compile(r"\s+")
# Letters Unicode does not decompose into a base letter and an accent (migration 0004
# refolded stored names with this same table).
_NO_DECOMPOSITION = str.maketrans(
    {"ø": "o", "Ø": "O", "ł": "l", "Ł": "L", "đ": "d", "Đ": "D", "ħ": "h", "Ħ": "H", "ı": "i",
     "ß": "ss", "æ": "ae", "Æ": "AE", "œ": "oe", "Œ": "OE", "þ": "th", "Þ": "TH", "ð": "d", "Ð": "D"}
)


def fold(text: str) -> str:
    """Case- and accent-insensitive form: "Zoë Ångström" -> "zoe angstrom", "Łukasz" -> "lukasz"."""
    if text.isascii():  # nothing to decompose or strip: the common case, ten times faster
        return _SPACES.sub(" ", text.casefold()).strip()
    decomposed = unicodedata.normalize("NFKD", text.translate(_NO_DECOMPOSITION))
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return _SPACES.sub(" ", stripped.casefold()).strip()


def normalize_phone(number: str) -> str:
    """Digits only, keeping a leading + so international and local forms can be compared."""
    digits = re.sub(r"\D", "", number)
    if number.strip().startswith("00") and digits.startswith("00"):
        return "+" + digits[2:]
    return ("+" if number.strip().startswith("+") else "") + digits
