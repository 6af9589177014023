"""`report`: write the contact brief, the network report or the period review as a PDF."""

from __future__ import annotations

import argparse
import datetime as dt
import time
from typing import Any

from relationship_journal import clock
from relationship_journal.commands.common import open_journal
from relationship_journal.journal.errors import ValidationError
from relationship_journal.journal.vocabulary import CIRCLES, parse_date

REVIEW_DAYS = 90


def register(commands: Any) -> None:
    report = commands.add_parser(
        "report",
        help="write a PDF report: network, review (a period) or contact NAME",
        description="Write a PDF: the network report, the period review, or the brief of one contact.",
    )
    report.add_argument("kind", choices=("network", "review", "contact"))
    report.add_argument("name", nargs="?", help="the contact (for `report contact`)")
    report.add_argument("--pdf", required=True, metavar="OUT.pdf", help="where to write the PDF")
    report.add_argument("--as-of", metavar="YYYY-MM-DD", help="the report date (default: today)")
    report.add_argument("--from", dest="start", metavar="YYYY-MM-DD",
                        help=f"review: first day (default: the {REVIEW_DAYS} days ending on --to)")
    report.add_argument("--to", dest="end", metavar="YYYY-MM-DD", help="review: last day (default: --as-of)")
    report.add_argument("--page-size", default="a4", metavar="a4|letter", help="paper size (default: a4)")
    report.add_argument("--circles", metavar="5,15,...",
                        help="network: circles whose contacts are listed in the table (default: all)")
    report.set_defaults(run=run_report)


def _date(text: str | None, what: str) -> dt.date | None:
    return parse_date(text, what) if text is not None else None


def _circles(text: str | None) -> tuple[int, ...] | None:
    if not text:
        return None
    try:
        chosen = tuple(sorted({int(part) for part in text.split(",") if part.strip()}))
    except ValueError:
        chosen = ()
    if not chosen or any(c not in CIRCLES for c in chosen):
        raise ValidationError(f"--circles takes circles from {', '.join(map(str, CIRCLES))} (got '{text}')")
    return chosen


def run_report(args: argparse.Namespace) -> int:
    as_of = _date(args.as_of, "--as-of") or clock.today()
    page_size = args.page_size.lower()
    if page_size not in ("a4", "letter"):
        raise ValidationError(f"--page-size must be a4 or letter (got '{args.page_size}')")
    if args.kind == "contact" and not args.name:
        raise ValidationError("`report contact` needs the contact's name, e.g. report contact \"Ada Lovelace\"")
    if args.kind != "contact" and args.name:
        raise ValidationError(f"`report {args.kind}` takes no name (got '{args.name}')")
    if args.kind != "review" and (args.start or args.end):
        raise ValidationError("--from and --to only apply to `report review`")
    if args.kind != "network" and args.circles:
        raise ValidationError("--circles only applies to `report network`")
    circles = _circles(args.circles)
    end = _date(args.end, "--to") or as_of
    start = _date(args.start, "--from") or end - dt.timedelta(days=REVIEW_DAYS - 1)
    if start > end:
        raise ValidationError(f"--from {start} is after --to {end}")

    from relationship_journal.reports.output import check_destination

    check_destination(args.pdf)  # before the journal is even opened: fail fast on a bad path
    from relationship_journal.reports.qt_app import ensure_qt_app

    ensure_qt_app()
    began = time.perf_counter()
    with open_journal(args) as journal:
        if args.kind == "contact":
            from relationship_journal.reports.contact_brief import render_contact_brief

            contact_id = journal.contacts.resolve(args.name)
            result = render_contact_brief(journal, contact_id, args.pdf, as_of, page_size)
            what = "contact brief"
        elif args.kind == "network":
            from relationship_journal.reports.network_report import render_network_report

            # The reading the window kept of this day, if the journal is as it was then
            # (journal.kept_reading): 0.5 s instead of 2.5 s at 10,000 people.
            journal.health.keep_readings = True
            result = render_network_report(journal, args.pdf, as_of, page_size, circles=circles)
            what = "network report"
        else:
            from relationship_journal.reports.period_review import render_period_review

            result = render_period_review(journal, args.pdf, start, end, page_size)
            what = f"period review {start} to {end}"
    seconds = time.perf_counter() - began
    pages = f"{result.pages} page{'s' if result.pages != 1 else ''}"
    print(f"Wrote the {what} ({pages}) to {result.path} in {seconds:.1f} s")
    return 0
