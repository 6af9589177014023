"""When a contact's yearly dates (birthday, anniversaries) next come round."""

from __future__ import annotations

import calendar as _calendar
import datetime as dt

from relationship_journal.journal.records import ContactDetail

HORIZON_DAYS = 365


def next_occurrence(month: int, day: int, after: dt.date) -> dt.date:
    """The first `month`/`day` on or after `after`; 29 February falls on the 28th in common years."""
    for year in (after.year, after.year + 1):
        last = _calendar.monthrange(year, month)[1]
        when = dt.date(year, month, min(day, last))
        if when >= after:
            return when
    raise AssertionError("unreachable: a date recurs within a year")


def upcoming_dates(
    contact: ContactDetail, as_of: dt.date, horizon_days: int = HORIZON_DAYS
) -> list[tuple[str, dt.date, int]]:
    """(label, next date, days until) for each yearly date within the horizon, soonest first."""
    found = []
    if contact.birthday is not None:
        b = contact.birthday
        when = next_occurrence(b.month, b.day, as_of)
        label = "Birthday" + (f" ({when.year - b.year})" if b.year else "")
        found.append((label, when, (when - as_of).days))
    for item in contact.important_dates:
        when = next_occurrence(item.month, item.day, as_of)
        label = item.label + (f" ({when.year - item.year} years)" if item.year else "")
        found.append((label, when, (when - as_of).days))
    return sorted((f for f in found if f[2] <= horizon_days), key=lambda f: (f[1], f[0]))
