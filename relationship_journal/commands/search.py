"""`search`: find people and notes."""

from __future__ import annotations

import argparse
from typing import Any

from relationship_journal.commands.common import open_journal, print_json


def register(commands: Any) -> None:
    search = commands.add_parser("search", help="search names, profiles and notes")
    search.add_argument("query")
    search.add_argument("--json", action="store_true")
    search.add_argument("--limit", type=int, default=50)
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
