"""When a contact's yearly dates (birthday, anniversaries) come round, seen from one day."""

from __future__ import annotations

import calendar
import datetime as dt

from relationship_journal.journal.records import ContactDetail

AHEAD_DAYS = 90  # what a pre-meeting brief should warn about
BEHIND_DAYS = 14  # a birthday last week is still worth a word


def occurrence(month: int, day: int, year: int) -> dt.date:
    """`month`/`day` in `year`; 29 February falls on the 28th in common years."""
    return dt.date(year, month, min(day, calendar.monthrange(year, month)[1]))


def nearest_occurrence(month: int, day: int, as_of: dt.date) -> dt.date:
    """The occurrence closest after `as_of - BEHIND_DAYS`: recent ones count as coming up."""
    start = as_of - dt.timedelta(days=BEHIND_DAYS)
    for year in (start.year, start.year + 1):
        when = occurrence(month, day, year)
        if when >= start:
            return when
    raise AssertionError("unreachable: a yearly date recurs within a year")


def upcoming_dates(contact: ContactDetail, as_of: dt.date) -> list[tuple[str, dt.date, int]]:
    """(label, date, days from as_of — negative if just past) within the window, soonest first."""
    found = []
    dated = [("Birthday", contact.birthday.month, contact.birthday.day, contact.birthday.year)
             ] if contact.birthday else []
    dated += [(d.label, d.month, d.day, d.year) for d in contact.important_dates]
    for label, month, day, year in dated:
        when = nearest_occurrence(month, day, as_of)
        delta = (when - as_of).days
        if delta > AHEAD_DAYS:
            continue
        if year and when.year > year:
            label += f" ({when.year - year})" if label == "Birthday" else f" ({when.year - year} years)"
        found.append((label, when, delta))
    return sorted(found, key=lambda f: (f[1], f[0]))
