"""Journals the report tests read: the demo network, and one person with a long history."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

import pytest

from relationship_journal.journal import Journal
from relationship_journal.journal.records import (
    Birthday,
    ContactFields,
    InteractionFields,
    Labelled,
    YearlyDate,
)

AS_OF = dt.date(2026, 6, 30)
ESCAPED_NOTE = '<img src="http://example.invalid/x.png"><b>bold?</b> wants to open a bakery in Porto'
MARKDOWN_NOTE = "**not bold** and # not a heading, [a link](http://example.invalid)"
LONG_WORD = "https://example.invalid/" + "x" * 180  # no break opportunity: must still wrap


def long_note() -> str:
    """About 5,000 characters in paragraphs, each sentence numbered so a gap would show."""
    sentences = [
        f"Sentence {i:03d}: we talked about the harbour project, her daughter's violin exam and the "
        f"move to Leeds."
        for i in range(1, 56)
    ]
    paragraphs = [" ".join(sentences[i:i + 9]) for i in range(0, len(sentences), 9)]
    note = "\n\n".join(paragraphs) + "\n\n" + LONG_WORD + "\n\nLast line of the long note: END-OF-NOTE."
    assert len(note) >= 5000
    return note


@pytest.fixture(scope="module")
def demo_journal(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Journal]:
    """The demo network (150 people) plus Élodie, whose note holds HTML, and a few scripts."""
    from relationship_journal.demo import generate

    with Journal.open(tmp_path_factory.mktemp("demo")) as journal:
        generate(journal, contacts=150, seed=5, as_of=AS_OF)
        for name, circle in (("Élodie Marchetti-Ørsted", 15), ("佐藤 花子", 15), ("Ελένη Παπαδοπούλου", 50)):
            created = journal.contacts.add(ContactFields(display_name=name, circle=circle)).created_id
            assert created is not None
            journal.interactions.log(InteractionFields(
                contact_ids=(created,), date=AS_OF - dt.timedelta(days=10), kind="meeting", minutes=90,
                depth=4, initiated_by="them", note=ESCAPED_NOTE + "\n\n" + MARKDOWN_NOTE,
            ))
        yield journal


@pytest.fixture(scope="module")
def long_history(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Journal, int]]:
    """One contact with a full profile, 300 interactions and a 5,000-character latest note."""
    with Journal.open(tmp_path_factory.mktemp("long")) as journal:
        yield journal, fill_long_history(journal)


def fill_long_history(journal: Journal) -> int:
    if True:
        cid = journal.contacts.add(ContactFields(
            display_name="Zoë Ångström-Kowalczyk",
            organisation="Fjord Analytics",
            role="Head of research",
            circle=15,
            interests="Sailing, Bach cantatas, <script>alert(1)</script> and sourdough",
            goals="Wants to start a lab in Bergen within two years",
            how_met="Introduced by Ingrid at the Oslo data meetup",
            can_do_for_them="Introduce her to the university's grants office",
            birthday=Birthday(7, 14, 1985),
            important_dates=(YearlyDate("Work anniversary", 8, 1, 2019),),
            emails=(Labelled("zoe@fjord.example", "work"),),
        )).created_id
        assert cid is not None
        start = AS_OF - dt.timedelta(days=299 * 3)
        for i in range(300):
            journal.interactions.log(InteractionFields(
                contact_ids=(cid,), date=start + dt.timedelta(days=3 * i),
                kind=("meeting", "call", "message")[i % 3], minutes=(60, 20, None)[i % 3],
                depth=1 + i % 5, initiated_by=("me", "them")[i % 2],
                note=long_note() if i == 299 else f"Conversation number {i + 1}.",
            ))
        journal.ledger.add_commitment(cid, "mine", "Send her the grants office contact", AS_OF - dt.timedelta(days=20),
                                      due_date=AS_OF - dt.timedelta(days=5))
        journal.ledger.add_commitment(cid, "theirs", "Review my draft paper", AS_OF - dt.timedelta(days=3))
        journal.ledger.add_favour(cid, "given", "Reviewed her grant proposal", AS_OF - dt.timedelta(days=40), size=2)
    return cid
