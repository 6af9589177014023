"""An iCalendar file of the dates that matter, so any calendar app can do the reminding.

Birthdays and important dates repeat yearly; keep-in-touch dates (last contact plus
the person's cadence) and the due dates of open promises are single events with an
alarm at 09:00 on the day. There
is no network code: the user imports or subscribes to the file themselves. UIDs are
stable, so importing a newer export updates events instead of duplicating them.
"""

from __future__ import annotations

import calendar
import datetime as dt
import os
import zlib
from collections.abc import Iterable
from dataclasses import dataclass

from relationship_journal import clock
from relationship_journal.exchange.atomic import write_atomically
from relationship_journal.health.outputs import ContactHealth
from relationship_journal.journal.records import CommitmentView, ContactDetail

PRODID = "-//Relationship Journal//Export//EN"
_DOMAIN = "relationship-journal"
# Keep-in-touch and promise events remind on their day at 09:00 (an all-day event starts
# at midnight), so a phone calendar does the reminding too.
ALARM_AT = dt.timedelta(hours=9)


@dataclass(frozen=True)
class CalendarCounts:
    birthdays: int = 0
    dates: int = 0
    keep_in_touch: int = 0
    commitments: int = 0

    @property
    def total(self) -> int:
        return self.birthdays + self.dates + self.keep_in_touch + self.commitments


def _first_occurrence(month: int, day: int, year: int | None, as_of: dt.date) -> dt.date:
    """Where a yearly event starts: the birth year when known, else this year (a leap year for 29 Feb)."""
    start = year or as_of.year
    if (month, day) == (2, 29):
        while not calendar.isleap(start):
            start -= 1
    return dt.date(start, month, day)


def build_calendar(
    contacts: Iterable[ContactDetail],
    health: dict[int, ContactHealth],
    commitments: Iterable[CommitmentView],
    as_of: dt.date,
) -> tuple[bytes, CalendarCounts]:
    from icalendar import Alarm, Calendar, Event

    cal = Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("x-wr-calname", "Relationship Journal")
    stamp = clock.utc_now().replace(microsecond=0)
    counts = {"birthdays": 0, "dates": 0, "keep_in_touch": 0, "commitments": 0}

    def event(uid: str, summary: str, day: dt.date, yearly: bool, description: str = "",
              alarm: bool = False) -> None:
        item = Event()
        item.add("uid", f"{uid}@{_DOMAIN}")
        item.add("dtstamp", stamp)
        item.add("summary", summary)
        item.add("dtstart", day)
        item.add("dtend", day + dt.timedelta(days=1))
        item.add("transp", "TRANSPARENT")
        if yearly:
            item.add("rrule", {"freq": "yearly"})
        if description:
            item.add("description", description)
        if alarm:
            reminder = Alarm()
            reminder.add("action", "DISPLAY")
            reminder.add("description", summary)
            reminder.add("trigger", ALARM_AT)
            item.add_component(reminder)
        cal.add_component(item)

    names: dict[int, str] = {}
    for c in contacts:
        names[c.id] = c.display_name
        if c.birthday:
            b = c.birthday
            event(f"birthday-{c.id}", f"Birthday: {c.display_name}",
                  _first_occurrence(b.month, b.day, b.year, as_of), yearly=True,
                  description=f"Born {b.year}" if b.year else "")
            counts["birthdays"] += 1
        for d in c.important_dates:
            label = d.label[:1].upper() + d.label[1:]
            event(f"date-{c.id}-{d.month:02d}{d.day:02d}-{zlib.crc32(d.label.encode()):08x}",
                  f"{label}: {c.display_name}", _first_occurrence(d.month, d.day, d.year, as_of),
                  yearly=True)
            counts["dates"] += 1
        h = health.get(c.id)
        if h is not None and h.last_interaction is not None:
            due = h.last_interaction + dt.timedelta(days=h.cadence_days)
            if due < as_of:
                summary = f"Overdue: keep in touch with {c.display_name}"
                due = as_of
            else:
                summary = f"Keep in touch with {c.display_name}"
            event(f"keep-in-touch-{c.id}", summary, due, yearly=False,
                  description=f"Last talked {h.last_interaction.isoformat()}; "
                              f"your cadence is every {h.cadence_days} days; health: {h.band}.",
                  alarm=True)
            counts["keep_in_touch"] += 1
    for promise in commitments:
        if promise.done_date is not None or promise.due_date is None or promise.contact_id not in names:
            continue
        name = names[promise.contact_id]
        summary = (f"Promised {name}: {promise.text}" if promise.owner == "mine"
                   else f"{name} promised: {promise.text}")
        event(f"commitment-{promise.id}", summary, promise.due_date, yearly=False, alarm=True)
        counts["commitments"] += 1
    return cal.to_ical(), CalendarCounts(**counts)


def write_calendar(
    contacts: Iterable[ContactDetail],
    health: dict[int, ContactHealth],
    commitments: Iterable[CommitmentView],
    as_of: dt.date,
    path: str | os.PathLike[str],
) -> CalendarCounts:
    data, counts = build_calendar(contacts, health, commitments, as_of)
    write_atomically(path, data)
    return counts
