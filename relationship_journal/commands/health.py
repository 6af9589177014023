"""`health`: the relationship-health figures, for everyone or one person, as of any day."""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
import unicodedata
from typing import TYPE_CHECKING, Any

from relationship_journal import clock
from relationship_journal.commands.common import date_arg, open_journal

if TYPE_CHECKING:
    from relationship_journal.health import ContactHealth, NetworkHealth


def register(commands: Any) -> None:
    health = commands.add_parser("health", help="relationship health, contact or connection, fading dates")
    health.add_argument("--as-of", type=date_arg, help="YYYY-MM-DD (default: today)")
    health.add_argument("--contact", metavar="NAME", help="one person, with the full breakdown")
    health.add_argument("--json", action="store_true")
    health.set_defaults(run=run_health)


def run_health(args: argparse.Namespace) -> int:
    from relationship_journal.health import contact_to_json_dict
    from relationship_journal.health.windows import figure_windows
    from relationship_journal.journal import names
    from relationship_journal.journal.health_inputs import gc_paused

    as_of = args.as_of or clock.today()
    if args.contact:
        # One person's figures need only that person's entries (and the circle settings):
        # never the whole network, which takes seconds at a few thousand contacts.
        with open_journal(args) as journal:
            person = journal.health.contact(names.resolve(journal, args.contact), as_of)
            windows = figure_windows(journal.health.params)
        if args.json:
            document = {
                "as_of": as_of.isoformat(),
                "contacts": [contact_to_json_dict(person)],
                "windows": windows,
            }
            sys.stdout.write(json.dumps(document, ensure_ascii=False, separators=(",", ":")) + "\n")
        else:
            _print_breakdown(person)
        return 0
    if args.json:
        sys.stdout.write(_network_json(args, as_of))
        sys.stdout.write("\n")
        return 0
    with open_journal(args) as journal, gc_paused():
        network = journal.health.network(as_of)
    _print_table(network)
    return 0


def _network_json(args: argparse.Namespace, as_of: dt.date) -> str:
    """Everyone's figures as JSON text: kept from the last run if the journal's bytes, the
    day and the code are all the same (journal.figures_cache), else computed and kept."""
    from relationship_journal.health import to_json_dict
    from relationship_journal.health.windows import figure_windows
    from relationship_journal.journal import figures_cache
    from relationship_journal.journal.health_inputs import gc_paused

    with open_journal(args) as journal:
        cache = figures_cache.for_journal(journal, "health-json", [as_of.isoformat()])
        kept = cache.get() if cache is not None else None
        if kept is not None:
            return kept
        with gc_paused():
            # Ask readiness is per person and long: listed with --contact, not for everyone.
            document = to_json_dict(journal.health.network(as_of), with_asks=False)
            document["windows"] = figure_windows(journal.health.params)  # each figure's window
            # A tree of fresh dicts and lists cannot hold a cycle: skip the encoder's check.
            text = json.dumps(
                document, ensure_ascii=False, separators=(",", ":"), check_circular=False
            )
        if cache is not None:
            cache.put(text)
    return text

def _pad(text: str, width: int) -> str:
    """Cut and pad to `width` terminal columns; CJK characters take two."""
    out, used = "", 0
    for ch in text:
        size = 2 if unicodedata.east_asian_width(ch) in "WF" else 1
        if used + size > width:
            break
        out, used = out + ch, used + size
    return out + " " * (width - used)


def _score(health: ContactHealth) -> str:
    return "  —" if health.display_score is None else f"{health.display_score:>3}"


def _print_table(network: NetworkHealth) -> None:
    print(f"Health as of {network.as_of.isoformat()}\n")
    if not network.contacts:
        print("The journal has no contacts yet.")
        return
    width = min(32, max(len(c.name) for c in network.contacts))
    print(f"{'name':<{width}}  score  band      trust  {'classification':<14}  fades on")
    for c in sorted(network.contacts, key=lambda c: -(c.score or -1)):
        fade = c.fade_date.isoformat() if c.fade_date else ""
        print(f"{_pad(c.name, width)}  {_score(c)}    {c.band:<8}  {c.trust:>5.0f}  "
              f"{c.classification:<14}  {fade}")
    print()
    _print_network(network)


def _print_network(network: NetworkHealth) -> None:
    print(f"Breadth: {network.breadth} people touched in the last year ({network.total_contacts} known)")
    print(f"Depth: {network.depth} connections, {network.trusted} in the trusted circle")
    print(f"Wide vs deep: {network.wide_deep_index:.2f} — {network.verdict}")
    circles = ", ".join(f"{c.circle}: {c.count}/{c.capacity}" for c in network.circles)
    print(f"Circles (people / capacity): {circles}")
    if network.fading:
        print("Fading:")
        for f in network.fading:
            print(f"  {f.fade_date.isoformat()}  {f.name} — {f.cause_text or f.cause}")


def _print_breakdown(c: ContactHealth) -> None:
    from relationship_journal.health.windows import balance_text

    print(f"{c.name}, as of {c.as_of.isoformat()}: health {_score(c).strip()} ({c.band}), "
          f"trust {c.trust:.0f}, {c.classification}")
    print(f"  {c.classification_reason}")
    for part in c.components:
        print(f"  {part.name:<12} {part.score:5.1f} × {part.weight:.2f} = {part.display:>2}  {part.explanation}")
    print(f"  {balance_text(c.giving_balance).capitalize()}")
    if c.fade_date:
        print(f"  Fades below 50 on {c.fade_date.isoformat()}: {c.fade_cause_text or c.fade_cause}")
    for ask in c.asks:
        print(f"  Ask of size {ask.size}: {ask.verdict}")
        for check in ask.failing:
            print(f"    - {check.detail}" + (f" → {check.action}" if check.action else ""))
