"""Reading a journal loads no SQLAlchemy: the reads go through sqlite3, and importing the
ORM cost every list, `today` and report about a third of a second it never used."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from relationship_journal.journal import Journal
from relationship_journal.journal.records import ContactFields, InteractionFields
from tests.journal.fresh_reads import read_fresh

DAY = dt.date(2026, 6, 1)


def test_listing_people_and_reading_a_timeline_and_ledger_loads_no_sqlalchemy(
    journal: Journal, private_folders: Path
) -> None:
    maya = journal.contacts.add(ContactFields(display_name="Maya", tags=("climbing",))).created_id
    assert maya is not None
    entry = journal.interactions.log(InteractionFields((maya,), DAY, "meeting", note="Coffee")).created_id
    journal.ledger.add_favour(maya, "given", "Intro to an investor", DAY, interaction_id=entry)
    journal.ledger.add_ask(maya, "Advice on pricing", DAY)
    journal.ledger.add_commitment(maya, "mine", "Send the deck", DAY)
    journal.close()

    printed = read_fresh(
        private_folders,
        "    (person,) = journal.contacts.list()\n"
        "    seen = [person.name, journal.contacts.count(), journal.contacts.tags()]\n"
        "    seen.append([e.note for e in journal.interactions.for_contact(person.id)])\n"
        "    seen.append(journal.interactions.count())\n"
        "    seen.append([f.what for f in journal.ledger.favours(person.id)])\n"
        "    seen.append([a.what for a in journal.ledger.asks(person.id)])\n"
        "    seen.append([c.text for c in journal.ledger.commitments(open_only=True)])\n"
        "    print('SEEN', seen)\n",
    )
    assert (
        "SEEN ['Maya', 1, ['climbing'], ['Coffee'], 1, ['Intro to an investor'], "
        "['Advice on pricing'], ['Send the deck']]"
    ) in printed
    assert "LOADED []" in printed
