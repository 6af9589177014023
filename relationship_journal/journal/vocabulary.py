"""The journal's fixed words: kinds, circles, who started it, and how to check them."""

from __future__ import annotations

import datetime as dt
import re

from relationship_journal.journal.errors import ValidationError

INTERACTION_KINDS = ("meeting", "call", "video", "message", "email", "event", "social")
CHANNELS = ("in_person", "video", "call", "voice_note", "message", "email", "reaction")
INITIATORS = ("me", "them", "mutual", "unknown")
CIRCLES = (5, 15, 50, 150, 500)
CIRCLE_NAMES = {5: "inner", 15: "close", 50: "active", 150: "wider", 500: "acquaintance"}
DEPTHS = {
    1: "small talk or logistics",
    2: "catching up",
    3: "personal: hobbies, goals",
    4: "confiding",
    5: "support in a hard moment",
}
FAVOUR_DIRECTIONS = ("given", "received")
ASK_OUTCOMES = ("open", "helped", "declined", "ignored")
COMMITMENT_OWNERS = ("mine", "theirs")


def check_choice(value: str, allowed: tuple[str, ...], what: str) -> str:
    if value not in allowed:
        raise ValidationError(f"{what} must be one of {', '.join(allowed)} (got '{value}')")
    return value


def check_range(value: int, low: int, high: int, what: str) -> int:
    if not isinstance(value, int) or isinstance(value, bool) or not low <= value <= high:
        raise ValidationError(f"{what} must be a whole number from {low} to {high} (got {value!r})")
    return value


def check_circle(value: int) -> int:
    if value not in CIRCLES:
        raise ValidationError(
            f"circle must be one of {', '.join(map(str, CIRCLES))} (got {value!r})"
        )
    return value


def parse_date(text: str, what: str = "date") -> dt.date:
    """A calendar day written as YYYY-MM-DD."""
    try:
        return dt.date.fromisoformat(text.strip())
    except (ValueError, AttributeError):
        raise ValidationError(f"{what} must be a date written YYYY-MM-DD (got '{text}')") from None


_LINE_BREAKS_AND_SPACES = re.compile(r"\s+")
# C0 and C1 control characters other than tab, line feed and carriage return: a NUL
# cuts text short in C libraries (the FTS snippet, the PDF), the others print as nothing.
_CONTROLS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")


def without_controls(text: str) -> str:
    """`text` without invisible control characters (NUL, escape, …); lines and tabs stay."""
    return _CONTROLS.sub("", text)


def single_line(text: str) -> str:
    """A name or tag on one line: line breaks and runs of spaces become one space."""
    return _LINE_BREAKS_AND_SPACES.sub(" ", without_controls(text)).strip()


def check_text(value: str, what: str, limit: int = 200) -> str:
    value = value.strip()
    if not value:
        raise ValidationError(f"{what} cannot be empty")
    if len(value) > limit:
        raise ValidationError(f"{what} is longer than {limit} characters")
    return value
