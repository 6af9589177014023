"""`export vcard|csv|ics OUT`: contacts out as vCard 4.0, a CSV with health figures, or iCalendar."""

from __future__ import annotations

import argparse
from typing import Any

from relationship_journal import clock
from relationship_journal.commands.common import date_arg, open_journal


def register(commands: Any) -> None:
    parser = commands.add_parser(
        "export",
        help="export contacts as vCard 4.0, CSV with health figures, or an iCalendar file",
        description="vcard: one .vcf file (or --split: a folder with one .vcf per person, as "
        "vdirsyncer and khard read); csv: a spreadsheet with each person's health figures; "
        "ics: birthdays and important dates (yearly), keep-in-touch dates and promise due dates.",
    )
    parser.add_argument("format", choices=("vcard", "csv", "ics"))
    parser.add_argument("out", metavar="OUT", help="the file (or folder with --split) to write")
    parser.add_argument("--split", action="store_true", help="vcard: one file per person in folder OUT")
    parser.add_argument("--archived", action="store_true", help="include archived contacts")
    parser.add_argument("--as-of", type=date_arg, help="the day health and due dates are computed for")
    parser.set_defaults(run=run_export)


def run_export(args: argparse.Namespace) -> int:
    from relationship_journal.exchange.export_all import export_contacts

    as_of = args.as_of or clock.today()
    with open_journal(args) as journal:
        print(export_contacts(journal, args.format, args.out, as_of, split=args.split, archived=args.archived))
    return 0
