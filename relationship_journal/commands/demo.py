"""`demo`: fill an empty journal with a realistic synthetic network to explore."""

from __future__ import annotations

import argparse
import sys
import time
from typing import Any

from relationship_journal.commands.common import date_arg, open_journal


def register(commands: Any) -> None:
    demo = commands.add_parser("demo", help="fill an empty journal with a demo network")
    demo.add_argument("--contacts", type=int, default=150)
    demo.add_argument("--interactions", type=int, help="default: 30 per contact")
    demo.add_argument("--seed", type=int, default=1)
    demo.add_argument("--as-of", type=date_arg, help="the demo's 'today' (default: today)")
    demo.add_argument(
        "--shape",
        choices=("balanced", "wide", "deep"),
        default="balanced",
        help="wide: many shallow contacts; deep: a few people known well",
    )
    demo.set_defaults(run=run_demo)


def run_demo(args: argparse.Namespace) -> int:
    from relationship_journal.demo import check_size, generate

    check_size(args.contacts, args.interactions)  # before the journal is created
    started = time.perf_counter()
    with open_journal(args) as journal:
        rows = generate(
            journal,
            contacts=args.contacts,
            interactions=args.interactions,
            seed=args.seed,
            as_of=args.as_of,
            shape=args.shape,
            progress=lambda message: print(f"demo: {message}…", file=sys.stderr),
        )
        where = journal.paths.database
    print(
        f"Demo network ready: {len(rows.contacts):,} contacts, {len(rows.interactions):,} interactions "
        f"in {time.perf_counter() - started:.1f} s ({where})"
    )
    return 0
