"""Today's reminders that come from the ledger and the calendar: promises due both ways,
asks waiting for an answer, favours to return, birthdays and important dates ahead.

Each source reads in one or two queries and returns `TodayItem`s with their reason in
words and the entry they come from.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any

from relationship_journal.health.owing import OWED_FAVOUR_MIN

if TYPE_CHECKING:
    from relationship_journal.health import NetworkHealth
    from relationship_journal.journal.agenda import TodayItem
    from relationship_journal.journal.core import Journal

DUE_SOON_DAYS = 2  # a promise due within two days is on Today already
ASK_WAIT_DAYS = 3  # an ask this old without an answer is "waiting"
DATES_AHEAD_DAYS = 7


def _names(journal: Journal) -> dict[int, str]:
    with journal.reading() as connection:
        return dict(connection.execute("SELECT id, display_name FROM contacts WHERE NOT archived"))


def day_words(day: dt.date, as_of: dt.date) -> str:
    """'26 Nov', or '26 Dec 2025' when it is not this year."""
    return f"{day:%d %b}" if day.year == as_of.year else f"{day:%d %b %Y}"


def _ago(day: dt.date, as_of: dt.date) -> str:
    days = (as_of - day).days
    return "today" if days == 0 else "yesterday" if days == 1 else f"{days} days ago"


def _item(**fields: Any) -> TodayItem:
    from relationship_journal.journal.agenda import TodayItem

    return TodayItem(**fields)


def promises_due(journal: Journal, as_of: dt.date) -> list[TodayItem]:
    """Open promises due by the day after tomorrow, mine and theirs, most overdue first."""
    names = _names(journal)
    items = []
    for c in journal.ledger.commitments(open_only=True):
        if (
            c.due_date is None
            or c.contact_id not in names
            or (c.due_date - as_of).days > DUE_SOON_DAYS
        ):
            continue
        name = names[c.contact_id]
        late = (as_of - c.due_date).days
        due = (
            "due today"
            if late == 0
            else f"due in {-late} day{'s' * (late != -1)}"
            if late < 0
            else f"overdue by {late} day{'s' * (late != 1)}"
        )
        if c.owner == "mine":
            title = f"Keep your promise to {name}"
            reason = f"You promised {name} on {day_words(c.created_on, as_of)}: “{c.text}” — {due}."
        else:
            title = f"{name} promised you something"
            reason = (
                f"{name} promised you on {day_words(c.created_on, as_of)}: “{c.text}” — {due}"
                + ("; a friendly nudge?" if late > 0 else ".")
            )
        items.append(
            (
                c.due_date,
                c.id,
                _item(
                    key=f"promise:{c.id}",
                    kind="promise",
                    title=title,
                    reason=reason,
                    contact_ids=(c.contact_id,),
                    names=(name,),
                    source={
                        "type": "commitment",
                        "id": c.id,
                        "owner": c.owner,
                        "interaction_id": c.interaction_id,
                        "date": c.created_on.isoformat(),
                    },
                    when=c.due_date,
                ),
            )
        )
    items.sort(key=lambda row: row[:2])
    return [item for _day, _id, item in items]


def asks_waiting(journal: Journal, as_of: dt.date) -> list[TodayItem]:
    """Open asks at least three days old, oldest first."""
    names = _names(journal)
    items = []
    for ask in sorted(journal.ledger.asks(), key=lambda a: (a.date, a.id)):
        if (
            ask.outcome != "open"
            or ask.contact_id not in names
            or (as_of - ask.date).days < ASK_WAIT_DAYS
        ):
            continue
        name = names[ask.contact_id]
        items.append(
            _item(
                key=f"ask:{ask.id}",
                kind="ask",
                title=f"Waiting on {name}",
                reason=f"You asked {name} for “{ask.what}” {_ago(ask.date, as_of)} ({day_words(ask.date, as_of)}); "
                "no answer yet — follow up, or record how it went.",
                contact_ids=(ask.contact_id,),
                names=(name,),
                source={
                    "type": "ask",
                    "id": ask.id,
                    "interaction_id": ask.interaction_id,
                    "date": ask.date.isoformat(),
                },
                when=ask.date,
            )
        )
    return items


def favours_to_return(journal: Journal, as_of: dt.date, network: NetworkHealth) -> list[TodayItem]:
    """People who have helped more than I have lately (decayed giving balance under −0.5,
    the dashboard's "favours owed"), each with the latest favour they did me."""
    names = _names(journal)
    received: dict[int, tuple[dt.date, int, str]] = {}
    for favour in journal.ledger.favours():
        if favour.direction == "received" and favour.date <= as_of and favour.contact_id in names:
            current = received.get(favour.contact_id)
            if current is None or (favour.date, favour.id) > current[:2]:
                received[favour.contact_id] = (favour.date, favour.id, favour.what)
    rows = []
    for health in network.contacts:
        balance, cid = health.giving_balance, health.contact_id
        if balance > -OWED_FAVOUR_MIN or cid not in received:
            continue
        day, favour_id, what = received[cid]
        name = names[cid]
        rows.append(
            (
                balance,
                cid,
                _item(
                    key=f"favour:{favour_id}",
                    kind="favour",
                    title=f"Return a favour to {name}",
                    reason=f"{name} helped you with “{what or 'a favour'}” {_ago(day, as_of)} ({day_words(day, as_of)}); "
                    f"lately they have given more than you (balance {balance:+.1f}).",
                    contact_ids=(cid,),
                    names=(name,),
                    source={"type": "favour", "id": favour_id, "date": day.isoformat()},
                    when=day,
                ),
            )
        )
    rows.sort(key=lambda row: row[:2])
    return [item for _b, _c, item in rows]


def next_occurrence(month: int, day: int, as_of: dt.date) -> dt.date:
    """This year's or next year's date; 29 February is kept on the 28th in other years."""
    for year in (as_of.year, as_of.year + 1):
        try:
            when = dt.date(year, month, day)
        except ValueError:
            when = dt.date(year, month, day - 1)
        if when >= as_of:
            return when
    raise AssertionError("unreachable: next year always has the date")


def dates_ahead(journal: Journal, as_of: dt.date) -> list[TodayItem]:
    """Birthdays and important dates from today to a week ahead, soonest first."""
    with journal.reading() as connection:
        birthdays = connection.execute(
            "SELECT id, display_name, birthday_month, birthday_day, birthday_year FROM contacts "
            "WHERE NOT archived AND birthday_month IS NOT NULL AND birthday_day IS NOT NULL"
        ).fetchall()
        others = connection.execute(
            "SELECT d.id, c.id, c.display_name, d.label, d.month, d.day, d.year FROM important_dates d "
            "JOIN contacts c ON c.id = d.contact_id WHERE NOT c.archived"
        ).fetchall()
    rows = []
    for cid, name, month, day, year in birthdays:
        when = next_occurrence(month, day, as_of)
        if (when - as_of).days > DATES_AHEAD_DAYS:
            continue
        turns = f", turning {when.year - year}" if year and when.year > year else ""
        rows.append(
            (
                when,
                cid,
                _item(
                    key=f"date:{cid}:birthday:{when.isoformat()}",
                    kind="birthday",
                    title=f"{name}’s birthday",
                    reason=f"{name}’s birthday is {_soon(when, as_of)} ({when:%A %d %B}){turns} — a message or a call?",
                    contact_ids=(cid,),
                    names=(name,),
                    source={
                        "type": "contact",
                        "id": cid,
                        "field": "birthday",
                        "date": when.isoformat(),
                    },
                    when=when,
                ),
            )
        )
    for date_id, cid, name, label, month, day, year in others:
        when = next_occurrence(month, day, as_of)
        if (when - as_of).days > DATES_AHEAD_DAYS:
            continue
        years = f" ({when.year - year} years)" if year and when.year > year else ""
        rows.append(
            (
                when,
                cid,
                _item(
                    key=f"date:{cid}:{date_id}:{when.isoformat()}",
                    kind="date",
                    title=f"{name}: {label}",
                    reason=f"{name}’s {label.lower()}{years} is {_soon(when, as_of)} ({when:%A %d %B}).",
                    contact_ids=(cid,),
                    names=(name,),
                    source={"type": "important_date", "id": date_id, "date": when.isoformat()},
                    when=when,
                ),
            )
        )
    rows.sort(key=lambda row: (row[0], row[1]))
    return [item for _w, _c, item in rows]


def _soon(day: dt.date, as_of: dt.date) -> str:
    delta = (day - as_of).days
    return "today" if delta == 0 else "tomorrow" if delta == 1 else f"in {delta} days"
