"""`today`: what deserves attention today; snooze or settle an item by its key."""

from __future__ import annotations

import argparse
import datetime as dt
import re
from typing import Any

from relationship_journal import clock
from relationship_journal.commands.common import date_arg, open_journal, print_json
from relationship_journal.journal.errors import NotFoundError, ValidationError

_FOR = re.compile(r"^(\d{1,3})\s*([dw])$")


def duration_arg(text: str) -> int:
    """'1d', '3d', '1w' -> days."""
    match = _FOR.match(text.strip().lower())
    if not match or int(match[1]) == 0:
        raise argparse.ArgumentTypeError(f"say how long as 1d, 3d or 1w (got '{text}')")
    return int(match[1]) * (7 if match[2] == "w" else 1)


def register(commands: Any) -> None:
    today = commands.add_parser(
        "today",
        help="what deserves attention today: who to get in touch with, promises, asks, dates",
        description="Today's items, each with its reason and its source entry. Keep-in-touch items "
        "are ranked by what one touch would buy (the health a 15-minute call today gives tomorrow).",
    )
    today.add_argument("--as-of", type=date_arg, help="YYYY-MM-DD (default: today)")
    today.add_argument("--json", action="store_true")
    action = today.add_mutually_exclusive_group()
    action.add_argument("--snooze", metavar="KEY", help="hide an item (by its key) for a while")
    action.add_argument(
        "--done",
        metavar="KEY",
        help="settle an item: a promise is marked kept, anything else is dismissed",
    )
    action.add_argument("--restore", metavar="KEY", help="bring back a snoozed or dismissed item")
    today.add_argument(
        "--for",
        dest="for_days",
        type=duration_arg,
        metavar="1d|1w",
        help="with --snooze: how long (default 1d)",
    )
    today.add_argument("--until", type=date_arg, help="with --snooze: until this day")
    today.set_defaults(run=run_today)


def run_today(args: argparse.Namespace) -> int:
    as_of = args.as_of or clock.today()
    if (args.for_days or args.until) and not args.snooze:
        raise ValidationError("--for and --until go with --snooze KEY")
    with open_journal(args) as journal:
        agenda = journal.agenda
        if args.snooze:
            until = args.until or as_of + dt.timedelta(days=args.for_days or 1)
            agenda.snooze(
                _known_key(agenda.today(as_of, include_hidden=True), args.snooze), until, as_of
            )
            print(f"Snoozed {args.snooze} until {until.isoformat()}")
            return 0
        if args.done:
            item = _item(agenda.today(as_of, include_hidden=True), args.done)
            agenda.settle(item, as_of)
            print(f"Done: {item.title}")
            return 0
        if args.restore:
            if agenda.marks.put(args.restore, None) is None:
                raise NotFoundError(f"{args.restore} was neither snoozed nor dismissed")
            print(f"Restored {args.restore}")
            return 0
        today = agenda.today(as_of)
    if args.json:
        print_json(today.to_json())
        return 0
    _print(today)
    return 0


def _item(today: Any, key: str) -> Any:
    for item in today.items:
        if item.key == key:
            return item
    raise NotFoundError(f"no Today item has the key {key} (see `today --json`)")


def _known_key(today: Any, key: str) -> str:
    return str(_item(today, key).key)


def _print(today: Any) -> None:
    print(f"Today, {today.as_of:%A %d %B %Y}\n")
    if not today.items:
        print(
            "Nothing needs you today."
            + (f" ({today.hidden} snoozed or done)" if today.hidden else "")
        )
        return
    for item in today.items:
        print(f"• {item.title}")
        print(f"  {item.reason}")
        print(f"  [{item.key}]")
    notes = []
    if today.more_touches:
        more = today.more_touches
        notes.append(f"{more} more {'person is' if more == 1 else 'people are'} due a touch")
    if today.hidden:
        notes.append(f"{today.hidden} snoozed or done")
    if notes:
        print("\n" + "; ".join(notes) + ".")
