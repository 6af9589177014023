"""`search`: find people and notes."""

from __future__ import annotations

import argparse
from typing import Any

from relationship_journal.commands.common import open_journal, print_json
from relationship_journal.journal.search import MAX_LIMIT


def limit_arg(text: str) -> int:
    """argparse type for --limit: a whole number from 1 up to what SQLite can be asked for."""
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a whole number") from None
    if not 1 <= value <= MAX_LIMIT:
        raise argparse.ArgumentTypeError(f"{text} is out of range: give 1 to {MAX_LIMIT:,}")
    return value


def register(commands: Any) -> None:
    search = commands.add_parser("search", help="search names, profiles and notes")
    search.add_argument("query")
    search.add_argument("--json", action="store_true")
    search.add_argument(
        "--limit", type=limit_arg, default=50, help=f"at most this many results (1 to {MAX_LIMIT:,})"
    )
    search.set_defaults(run=run_search)


def run_search(args: argparse.Namespace) -> int:
    with open_journal(args) as journal:
        hits = journal.search(args.query, limit=args.limit)
    if args.json:
        print_json(
            [
                {
                    "kind": h.kind,
                    "id": h.id,
                    "contact_ids": list(h.contact_ids),
                    "title": h.title,
                    "date": h.date,
                    "snippet": h.snippet,
                }
                for h in hits
            ]
        )
        return 0
    if not hits:
        print(f"Nothing matches '{args.query}'.")
    for h in hits:
        when = f" {h.date.isoformat()}" if h.date else ""
        print(f"[{h.kind}{when}] {h.title}: {h.snippet}")
    return 0
