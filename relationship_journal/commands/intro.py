"""`intro`: who can introduce me to someone, and introductions I could make for them."""

from __future__ import annotations

import argparse
from typing import Any

from relationship_journal import clock
from relationship_journal.commands.common import date_arg, open_journal, print_json


def register(commands: Any) -> None:
    intro = commands.add_parser(
        "intro",
        help="who can introduce you to someone (paths ranked by trust and health)",
        description="Paths from you to NAME through people who know them, ranked by the trust and "
        "health of your link to the first person and the strength of each link after it; and the "
        "introductions you could make for NAME (goals matching someone's interests, role or organisation).",
    )
    intro.add_argument("name", metavar="NAME", help="part of a contact's name")
    intro.add_argument("--as-of", type=date_arg, help="YYYY-MM-DD (default: today)")
    intro.add_argument("--limit", type=int, default=5, help="paths to show (default 5)")
    intro.add_argument("--json", action="store_true")
    intro.set_defaults(run=run_intro)


def run_intro(args: argparse.Namespace) -> int:
    from relationship_journal.journal.introductions import intro_paths, introduction_ideas

    as_of = args.as_of or clock.today()
    with open_journal(args) as journal:
        target = journal.contacts.resolve(args.name)
        name = journal.contacts.get(target).display_name
        paths = intro_paths(journal, target, as_of, max(1, args.limit))
        ideas = introduction_ideas(journal, target)
    if args.json:
        print_json(
            {
                "target": {"id": target, "name": name},
                "as_of": as_of.isoformat(),
                "paths": [p.to_json() for p in paths],
                "introductions": [i.to_json() for i in ideas],
            }
        )
        return 0
    print(f"Who can introduce you to {name}:")
    if not paths:
        print(
            "  Nobody in the journal is known to know them yet (add relationships on the profile tab)."
        )
    for rank, path in enumerate(paths, 1):
        print(f"  {rank}. [{path.score:4.1f}] {path.words}")
    if ideas:
        print("\nIntroductions you could make:")
        for idea in ideas:
            print(f"  • {idea.words}")
    return 0
