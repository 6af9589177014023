"""`add` a person and `list` everyone."""

from __future__ import annotations

import argparse
from typing import Any

from relationship_journal.commands.common import days_ago, open_journal, print_json
from relationship_journal.journal.core import Journal
from relationship_journal.journal.errors import ValidationError
from relationship_journal.journal.records import Birthday, ContactFields, ContactSummary, Labelled
from relationship_journal.journal.text import fold
from relationship_journal.journal.vocabulary import CIRCLES


def register(commands: Any) -> None:
    add = commands.add_parser("add", help="add a contact and print its id")
    add.add_argument("name")
    add.add_argument("--organisation", "--organization", "--org", "--company")
    add.add_argument("--role")
    add.add_argument("--email", action="append", default=[])
    add.add_argument("--phone", action="append", default=[])
    add.add_argument("--circle", type=int, choices=CIRCLES, default=150)
    add.add_argument("--kin", action="store_true", help="family: their ties fade more slowly")
    add.add_argument("--interests", "--interest")
    add.add_argument("--goals", "--goal")
    add.add_argument("--how-met")
    add.add_argument("--birthday", help="YYYY-MM-DD, or --MM-DD when the year is unknown")
    add.add_argument("--tag", "--tags", action="append", default=[])
    add.add_argument(
        "--allow-duplicate",
        action="store_true",
        help="add the person even if someone with the same name is already in the journal",
    )
    add.set_defaults(run=run_add)

    lister = commands.add_parser("list", help="list contacts")
    lister.add_argument("--json", action="store_true", help="print a JSON array")
    lister.add_argument("--archived", action="store_true", help="include archived contacts")
    lister.set_defaults(run=run_list)


def run_add(args: argparse.Namespace) -> int:
    fields = ContactFields(
        display_name=args.name,
        organisation=args.organisation,
        role=args.role,
        emails=tuple(Labelled(e) for e in args.email),
        phones=tuple(Labelled(p) for p in args.phone),
        circle=args.circle,
        kin=args.kin,
        interests=args.interests,
        goals=args.goals,
        how_met=args.how_met,
        birthday=Birthday.parse(args.birthday) if args.birthday else None,
        tags=tuple(args.tag),
    )
    with open_journal(args) as journal:
        if not args.allow_duplicate:
            _refuse_same_name(journal, fields.display_name)
        with journal.history.recording(f"Add {fields.display_name.strip()}"):
            changes = journal.contacts.add(fields)
    print(changes.created_id)
    return 0


def _refuse_same_name(journal: Journal, name: str) -> None:
    """Duplicate people are what users of contact managers complain of most: ask first."""
    matches = journal.contacts.match(name, include_archived=True)
    same = [cid for cid, other in matches if fold(other) == fold(name)]
    if same:
        raise ValidationError(
            f"'{name.strip()}' is already in the journal (id {same[0]}); "
            "use --allow-duplicate to add another person with the same name"
        )


def summary_json(contact: ContactSummary) -> dict[str, Any]:
    return {
        "id": contact.id,
        "name": contact.name,
        "organisation": contact.organisation,
        "role": contact.role,
        "emails": list(contact.emails),
        "phones": list(contact.phones),
        "birthday": contact.birthday.iso() if contact.birthday else None,
        "circle": contact.circle,
        "tags": list(contact.tags),
        "archived": contact.archived,
        "last_contact": contact.last_contact,
    }


def run_list(args: argparse.Namespace) -> int:
    with open_journal(args) as journal:
        contacts = journal.contacts.list(include_archived=args.archived)
    if args.json:
        print_json([summary_json(c) for c in contacts])
        return 0
    if not contacts:
        print("The journal has no contacts yet. Add one with `relationship-journal add NAME`.")
        return 0
    width = min(40, max(len(c.name) for c in contacts))
    for c in contacts:
        organisation = c.organisation or ""
        print(f"{c.id:>6}  {c.name:<{width}}  {c.circle:>3}  {days_ago(c.last_contact):>14}  {organisation}")
    return 0
