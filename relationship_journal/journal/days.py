"""Reading a day the way people type one: ISO, words like "yesterday", or their own format.

Qt-free, so the command line and the window give the same reasons for the same mistake.
A date that looks right but is not in the calendar ("2026-02-31") is refused with why,
never rolled over into another month.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from collections.abc import Sequence

from relationship_journal.journal.errors import ValidationError

WORDS = {"today": 0, "yesterday": 1, "tomorrow": -1}
_ISO = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$")
_NUMERIC = re.compile(r"^(\d{1,4})[./-](\d{1,2})[./-](\d{1,4})$")


def check_real_day(year: int, month: int, day: int, text: str) -> dt.date:
    """The date, or a one-line reason why this is no day in the calendar."""
    if not 1 <= year <= 9999:
        raise ValidationError(f"“{text}” is not a date: the year {year} is out of range")
    if not 1 <= month <= 12:
        raise ValidationError(
            f"“{text}” is not a date: there is no month {month} (dates are YYYY-MM-DD)"
        )
    last = calendar.monthrange(year, month)[1]
    if not 1 <= day <= last:
        raise ValidationError(
            f"“{text}” is not a date: {calendar.month_name[month]} {year} has {last} days"
        )
    return dt.date(year, month, day)


def parse_day(text: str, today: dt.date, orders: Sequence[str] = ()) -> dt.date:
    """A day from what was typed: today/yesterday, YYYY-MM-DD, or numbers in one of
    `orders` ("dmy", "mdy", "ymd": the user's locale's order, tried in turn)."""
    cleaned = text.strip().lower()
    if not cleaned:
        raise ValidationError("the date is empty: type a date, or “today”")
    if cleaned in WORDS:
        return today - dt.timedelta(days=WORDS[cleaned])
    iso = _ISO.match(cleaned)
    if iso:
        return check_real_day(int(iso[1]), int(iso[2]), int(iso[3]), text.strip())
    numeric = _NUMERIC.match(cleaned)
    if numeric and orders:
        parts = [int(numeric[1]), int(numeric[2]), int(numeric[3])]
        order = orders[0]
        for candidate in orders:  # a 4-digit first part can only be a year
            if (len(numeric[1]) == 4) == (candidate[0] == "y"):
                order = candidate
                break
        values = dict(zip(order, parts, strict=True))
        year = values["y"] + (2000 if values["y"] < 100 else 0)
        return check_real_day(year, values["m"], values["d"], text.strip())
    example = "YYYY-MM-DD" if not orders else f"YYYY-MM-DD or {_example(orders[0])}"
    raise ValidationError(
        f"“{text.strip()}” is not a date: write it as {example}, or “today”, “yesterday”"
    )


def _example(order: str) -> str:
    return "/".join({"d": "DD", "m": "MM", "y": "YYYY"}[part] for part in order)


def days_phrase(day: dt.date, as_of: dt.date) -> str:
    """'today', 'tomorrow', 'in 12 days', 'yesterday', '3 days ago': one wording for Today's
    reasons and the dashboard's fading list."""
    delta = (day - as_of).days
    if delta == 0:
        return "today"
    if delta == 1:
        return "tomorrow"
    if delta == -1:
        return "yesterday"
    return f"in {delta} days" if delta > 0 else f"{-delta} days ago"
