"""`ask`: record what I asked of someone, and later how they answered.

Declined and ignored asks lower trust; an open ask blocks the next (health-model.md),
so the outcome matters as much as the ask.
"""

from __future__ import annotations

import argparse
from typing import Any

from relationship_journal import clock
from relationship_journal.commands.common import date_arg, open_journal, print_json
from relationship_journal.journal.errors import ValidationError
from relationship_journal.journal.vocabulary import ASK_OUTCOMES

SIZES = {1: "small (advice, an intro)", 2: "medium (time, a referral)", 3: "big (a job, money)"}


def register(commands: Any) -> None:
    ask = commands.add_parser(
        "ask",
        help="record an ask of someone and its outcome (helped, declined, ignored), or list their asks",
        description="`ask NAME WHAT` records an open ask and prints its id; "
        "`ask --answer ID --outcome declined` records how it went; `ask NAME` lists their asks.",
    )
    ask.add_argument("name", nargs="?", metavar="NAME", help="part of the contact's name")
    ask.add_argument("what", nargs="?", metavar="WHAT", help="what I asked for")
    ask.add_argument(
        "--size",
        type=int,
        choices=sorted(SIZES),
        default=1,
        help="; ".join(f"{k} {v}" for k, v in SIZES.items()),
    )
    ask.add_argument(
        "--outcome", choices=ASK_OUTCOMES, help="helped, declined, ignored (default: open)"
    )
    ask.add_argument(
        "--date", type=date_arg, help="YYYY-MM-DD, today or yesterday (default: today)"
    )
    ask.add_argument(
        "--answer", type=int, metavar="ID", help="record the outcome of the ask with this id"
    )
    ask.add_argument("--json", action="store_true", help="list as JSON")
    ask.set_defaults(run=run_ask)


def run_ask(args: argparse.Namespace) -> int:
    day = args.date or clock.today()
    with open_journal(args) as journal:
        if args.answer is not None:
            if not args.outcome:
                raise ValidationError(
                    "say how it went: --outcome helped, declined, ignored or open"
                )
            with journal.history.recording(f"Ask {args.answer}: {args.outcome}"):
                journal.ledger.resolve_ask(args.answer, args.outcome, day)
            print(f"ask {args.answer}: {args.outcome}")
            return 0
        if not args.name:
            raise ValidationError("name the person: ask NAME WHAT (or --answer ID --outcome ...)")
        contact_id = journal.contacts.resolve(args.name)
        if args.what is None:
            asks = journal.ledger.asks(contact_id)
            if args.json:
                print_json([a.__dict__ for a in asks])
            for a in [] if args.json else asks:
                print(f"{a.id}\t{a.date.isoformat()}\t{a.outcome}\t{a.what}")
            return 0
        with journal.history.recording(f"Ask {journal.contacts.get(contact_id).display_name}: {args.what[:40]}"):
            changes = journal.ledger.add_ask(
                contact_id, args.what, day, size=args.size, outcome=args.outcome or "open"
            )
    print(changes.created_id)
    return 0
