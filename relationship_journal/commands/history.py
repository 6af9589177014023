"""`undo`, `redo` and `history`: the journal's own history, the same one the window uses."""

from __future__ import annotations

import argparse
import json
from typing import Any

from relationship_journal.commands.common import open_journal


def register(commands: Any) -> None:
    undo = commands.add_parser("undo", help="undo the last change (made here or in the window)")
    undo.set_defaults(run=run_undo)
    redo = commands.add_parser("redo", help="make again the change undone last")
    redo.set_defaults(run=run_redo)
    history = commands.add_parser(
        "history", help="the latest changes, which undo and redo walk through"
    )
    history.add_argument("--limit", type=_count, default=20, help="how many to show (default 20)")
    history.add_argument("--json", action="store_true", help="print the changes as JSON")
    history.set_defaults(run=run_history)


def _count(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{text}' is not a whole number") from None
    if not 1 <= value <= 1000:
        raise argparse.ArgumentTypeError("give a number from 1 to 1000")
    return value


def run_undo(args: argparse.Namespace) -> int:
    with open_journal(args) as journal:
        stepped = journal.history.undo()
    print(f"Undid: {stepped.label}")
    return 0


def run_redo(args: argparse.Namespace) -> int:
    with open_journal(args) as journal:
        stepped = journal.history.redo()
    print(f"Redid: {stepped.label}")
    return 0


def run_history(args: argparse.Namespace) -> int:
    with open_journal(args) as journal:
        entries = journal.history.entries(args.limit)
    if args.json:
        print(
            json.dumps(
                [
                    {
                        "id": e.id,
                        "label": e.label,
                        "done": e.done,
                        "made_at": e.made_at,
                        "made_by": e.made_by,
                    }
                    for e in entries
                ],
                ensure_ascii=False,
                indent=2,
            )
        )
        return 0
    if not entries:
        print("No changes to undo yet.")
    for entry in entries:
        state = "" if entry.done else "  (undone: redo makes it again)"
        print(f"{entry.made_at.replace('T', ' ')}  {entry.label}  [{entry.made_by}]{state}")
    return 0
