"""What the commands share: opening the journal, parsing dates, printing JSON."""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from typing import Any

from relationship_journal import clock
from relationship_journal.journal.core import Journal
from relationship_journal.journal.days import parse_day
from relationship_journal.paths import resolve_paths
from relationship_journal.store.encryption import ask_on_terminal


def open_journal(args: argparse.Namespace) -> Journal:
    data_dir = getattr(args, "data_dir", None)
    ask_on_terminal(resolve_paths(data_dir).database)  # only for an encrypted journal
    return Journal.open(data_dir)


EARLIEST_DAY = dt.date(1900, 1, 1)
LATEST_DAY = dt.date(2999, 12, 31)


def date_arg(text: str) -> dt.date:
    """argparse type for YYYY-MM-DD (or today/yesterday) within the years a journal can mean;
    an impossible day ("2026-02-31") is refused with the reason, never rolled over."""
    try:
        day = parse_day(text, clock.today())
    except Exception as error:
        raise argparse.ArgumentTypeError(str(error)) from None
    if not EARLIEST_DAY <= day <= LATEST_DAY:
        raise argparse.ArgumentTypeError(
            f"{text} is out of range: dates go from {EARLIEST_DAY.isoformat()} to {LATEST_DAY.isoformat()}"
        )
    return day


def print_json(value: Any) -> None:
    json.dump(value, sys.stdout, ensure_ascii=False, indent=2, default=_encode)
    sys.stdout.write("\n")


def _encode(value: Any) -> Any:
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, (set, frozenset, tuple)):
        return list(value)
    raise TypeError(f"cannot write {type(value).__name__} as JSON")


def days_ago(day: dt.date | None, today: dt.date | None = None) -> str:
    """'today', '12 days ago', 'never' — how the list shows the last contact."""
    if day is None:
        return "never"
    delta = ((today or clock.today()) - day).days
    if delta == 0:
        return "today"
    if delta == 1:
        return "yesterday"
    if delta < 0:
        return f"in {-delta} days"
    return f"{delta} days ago"
