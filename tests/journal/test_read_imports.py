"""Reading a journal loads no SQLAlchemy: the reads go through sqlite3, and importing the
ORM cost every list, `today` and report about a third of a second it never used."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys
from pathlib import Path

from relationship_journal.journal import Journal
from relationship_journal.journal.records import ContactFields, InteractionFields

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

    probe = (
        "import sys\n"
        "from relationship_journal.journal.core import Journal\n"
        f"with Journal.open({str(private_folders)!r}) as journal:\n"
        "    (person,) = journal.contacts.list()\n"
        "    seen = [person.name, journal.contacts.count(), journal.contacts.tags()]\n"
        "    seen.append([e.note for e in journal.interactions.for_contact(person.id)])\n"
        "    seen.append(journal.interactions.count())\n"
        "    seen.append([f.what for f in journal.ledger.favours(person.id)])\n"
        "    seen.append([a.what for a in journal.ledger.asks(person.id)])\n"
        "    seen.append([c.text for c in journal.ledger.commitments(open_only=True)])\n"
        "print('SEEN', seen)\n"
        "loaded = sorted(m for m in sys.modules if m.split('.')[0] == 'sqlalchemy'\n"
        "                or m == 'relationship_journal.store.models')\n"
        "print('LOADED', loaded[:5])\n"
    )
    # The environment carries this test's own data and config folders (conftest).
    result = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    assert (
        "SEEN ['Maya', 1, ['climbing'], ['Coffee'], 1, ['Intro to an investor'], "
        "['Advice on pricing'], ['Send the deck']]"
    ) in result.stdout
    assert "LOADED []" in result.stdout
