"""`favour` and `promise`: ledger entries without a meeting, for one person.

A favour done by email or a promise made in passing belongs in the ledger even when no
interaction is logged; `log` covers the ones made in a meeting.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable
from typing import Any

from relationship_journal import clock
from relationship_journal.commands.common import date_arg, open_journal
from relationship_journal.journal.core import Journal
from relationship_journal.journal.records import Changes


def register(commands: Any) -> None:
    favour = commands.add_parser(
        "favour", help="record a favour done for someone or received from them"
    )
    favour.add_argument("name", metavar="NAME", help="part of the contact's name")
    favour.add_argument("what", metavar="WHAT", help="what the favour was")
    favour.add_argument(
        "--received", action="store_true", help="they helped me (default: I helped them)"
    )
    favour.add_argument(
        "--size", type=int, choices=(1, 2, 3), default=1, help="1 small, 2 medium, 3 large"
    )
    favour.add_argument(
        "--date", type=date_arg, help="YYYY-MM-DD, today or yesterday (default: today)"
    )
    favour.set_defaults(run=run_favour)

    promise = commands.add_parser(
        "promise", help="record a promise, mine or theirs, with an optional due date"
    )
    promise.add_argument("name", metavar="NAME", help="part of the contact's name")
    promise.add_argument("text", metavar="TEXT", help="what was promised")
    promise.add_argument(
        "--theirs", action="store_true", help="they promised (default: I promised)"
    )
    promise.add_argument("--due", type=date_arg, help="the due date (YYYY-MM-DD)")
    promise.add_argument("--date", type=date_arg, help="when it was made (default: today)")
    promise.set_defaults(run=run_promise)


def _record(args: argparse.Namespace, label: str, write: Callable[[Journal, int], Changes]) -> int:
    """One ledger entry for the named person, as one change in the history; prints its id."""
    with open_journal(args) as journal:
        contact_id = journal.contacts.resolve(args.name)
        with journal.history.recording(label):
            changes = write(journal, contact_id)
    print(changes.created_id)
    return 0


def run_favour(args: argparse.Namespace) -> int:
    direction = "received" if args.received else "given"
    day = args.date or clock.today()
    return _record(
        args,
        f"Favour: {args.what[:40]}",
        lambda journal, cid: journal.ledger.add_favour(
            cid, direction, args.what, day, size=args.size
        ),
    )


def run_promise(args: argparse.Namespace) -> int:
    owner = "theirs" if args.theirs else "mine"
    day = args.date or clock.today()
    return _record(
        args,
        f"Promise: {args.text[:40]}",
        lambda journal, cid: journal.ledger.add_commitment(
            cid, owner, args.text, day, due_date=args.due
        ),
    )
