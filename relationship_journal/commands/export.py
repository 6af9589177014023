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
    from relationship_journal.journal.errors import ValidationError
    from relationship_journal.journal.imports import everyone

    if args.split and args.format != "vcard":
        raise ValidationError("--split is only for vcard exports")
    as_of = args.as_of or clock.today()
    with open_journal(args) as journal:
        contacts = everyone(journal, include_archived=args.archived)
        if args.format == "vcard":
            from relationship_journal.exchange import vcard_write
            from relationship_journal.exchange.vcard_related import related_by_contact

            write = vcard_write.write_vcard_folder if args.split else vcard_write.write_vcard_file
            count = write(contacts, args.out, related_by_contact(journal))
            where = f"{count} files in {args.out}" if args.split else args.out
            print(f"Exported {len(contacts)} contacts as vCard 4.0 to {where}.")
            return 0
        from relationship_journal.exchange.health_figures import health_by_contact

        health = health_by_contact(journal, as_of)
        if args.format == "csv":
            from relationship_journal.exchange.csv_write import write_csv

            count = write_csv(contacts, health, args.out)
            print(f"Exported {count} contacts with their health as of {as_of} to {args.out}.")
            return 0
        from relationship_journal.exchange.ical_write import write_calendar

        counts = write_calendar(contacts, health, journal.ledger.commitments(open_only=True), as_of, args.out)
    print(
        f"Exported {counts.total} events to {args.out}: {counts.birthdays} birthdays, "
        f"{counts.dates} important dates, {counts.keep_in_touch} keep-in-touch dates, "
        f"{counts.commitments} promises due."
    )
    return 0
