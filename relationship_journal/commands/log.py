"""`log`: write a journal entry for one or more people."""

from __future__ import annotations

import argparse
import sys
from typing import Any

from relationship_journal import clock
from relationship_journal.commands.common import date_arg, open_journal
from relationship_journal.journal.errors import ValidationError
from relationship_journal.journal.records import InteractionFields
from relationship_journal.journal.vocabulary import INITIATORS, INTERACTION_KINDS


def register(commands: Any) -> None:
    log = commands.add_parser("log", help="log an interaction with one or more contacts")
    log.add_argument("names", nargs="+", metavar="NAME", help="part of a contact's name (one per person)")
    log.add_argument("--kind", "--type", required=True, choices=INTERACTION_KINDS)
    log.add_argument("--date", type=date_arg, help="YYYY-MM-DD (default: today)")
    log.add_argument("--minutes", type=int)
    log.add_argument("--depth", type=int, default=2, help="1 small talk … 5 support in a hard moment")
    log.add_argument("--initiated-by", "--started-by", choices=INITIATORS, default="unknown")
    log.add_argument("--location", "--where")
    log.add_argument("--note", default="", help="the note (Markdown); '-' reads it from standard input")
    log.set_defaults(run=run_log)


def run_log(args: argparse.Namespace) -> int:
    note = _read_note() if args.note == "-" else args.note
    with open_journal(args) as journal:
        contact_ids = tuple(journal.contacts.resolve(name) for name in args.names)
        names = ", ".join(journal.contacts.get(cid).display_name for cid in contact_ids)
        with journal.history.recording(f"Log {args.kind} with {names}"):
            changes = journal.interactions.log(
                InteractionFields(
                    contact_ids=contact_ids,
                    date=args.date or clock.today(),
                    kind=args.kind,
                    minutes=args.minutes,
                    depth=args.depth,
                    initiated_by=args.initiated_by,
                    note=note,
                    location=args.location,
                )
            )
    print(changes.created_id)
    return 0


def _read_note() -> str:
    """The note from standard input, which must be UTF-8 text."""
    try:
        return sys.stdin.buffer.read().decode("utf-8")
    except UnicodeDecodeError as error:
        raise ValidationError(
            f"the note on standard input is not UTF-8 text (byte {error.start}); save it as UTF-8"
        ) from None
