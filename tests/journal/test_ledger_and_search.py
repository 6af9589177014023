"""Favours, asks, promises, and type-to-find."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from relationship_journal.journal import Journal, NotFoundError, ValidationError
from relationship_journal.journal.records import ContactFields, InteractionFields

DAY = dt.date(2026, 6, 1)


def person(journal: Journal, name: str, **fields: object) -> int:
    return journal.contacts.add(ContactFields(display_name=name, **fields)).created_id or 0  # type: ignore[arg-type]


def test_favours_and_asks_build_a_ledger(journal: Journal) -> None:
    maya = person(journal, "Maya")
    iid = journal.interactions.log(InteractionFields((maya,), DAY, "meeting")).created_id
    journal.ledger.add_favour(maya, "given", "Intro to an investor", DAY, size=2, interaction_id=iid)
    journal.ledger.add_favour(maya, "received", "Reviewed my deck", DAY + dt.timedelta(days=1))
    ask = journal.ledger.add_ask(maya, "Advice on pricing", DAY).created_id
    assert ask is not None
    journal.ledger.resolve_ask(ask, "helped", DAY + dt.timedelta(days=3))
    favours = journal.ledger.favours(maya)
    assert [(f.direction, f.size) for f in favours] == [("received", 1), ("given", 2)]
    (stored_ask,) = journal.ledger.asks(maya)
    assert (stored_ask.outcome, stored_ask.resolved_on) == ("helped", DAY + dt.timedelta(days=3))
    with pytest.raises(ValidationError, match="size"):
        journal.ledger.add_favour(maya, "given", "too big", DAY, size=7)
    with pytest.raises(ValidationError, match="direction"):
        journal.ledger.add_favour(maya, "sideways", "?", DAY)
    with pytest.raises(NotFoundError):
        journal.ledger.add_ask(4242, "anything", DAY)
    assert len(journal.ledger.favours()) == 2


def test_promises_both_ways_open_until_done(journal: Journal) -> None:
    maya = person(journal, "Maya")
    mine = journal.ledger.add_commitment(maya, "mine", "Send the sailing book", DAY, DAY + dt.timedelta(days=7))
    journal.ledger.add_commitment(maya, "theirs", "Intro me to their CTO", DAY)
    assert [c.owner for c in journal.ledger.commitments(maya, open_only=True)] == ["mine", "theirs"]
    journal.ledger.set_commitment_done(mine.created_id or 0, DAY + dt.timedelta(days=2))
    assert [c.text for c in journal.ledger.commitments(open_only=True)] == ["Intro me to their CTO"]
    journal.ledger.set_commitment_done(mine.created_id or 0, None)
    assert len(journal.ledger.commitments(open_only=True)) == 2
    with pytest.raises(ValidationError, match="cannot be empty"):
        journal.ledger.add_commitment(maya, "mine", "  ", DAY)
    journal.ledger.delete("commitment", mine.created_id or 0)
    assert len(journal.ledger.commitments(maya)) == 1


def test_search_finds_names_profiles_and_notes_without_accents(journal: Journal) -> None:
    zoe = person(journal, "Zoë Ångström", organisation="Nordlicht Energie", interests="sailing")
    ben = person(journal, "Ben Okafor")
    journal.interactions.log(
        InteractionFields((zoe, ben), DAY, "meeting", note="She is training for the Lisbon marathon")
    )
    names = journal.search("zoe")
    assert names[0].kind == "contact" and names[0].id == zoe
    assert [h.id for h in journal.search("nordlicht")] == [zoe]
    assert [h.id for h in journal.search("sail")] == [zoe]  # prefix, in the profile
    (note,) = journal.search("marathon")
    assert note.kind == "interaction" and set(note.contact_ids) == {zoe, ben}
    assert "marathon" in note.snippet
    assert journal.search('"; DROP TABLE contacts; --') == []
    assert journal.search("   ") == []


def test_search_follows_edits_and_archiving(journal: Journal) -> None:
    zoe = person(journal, "Zoë Ångström")
    journal.contacts.update(zoe, goals="open a bakery in Porto")
    assert [h.id for h in journal.search("bakery")] == [zoe]
    journal.contacts.update(zoe, goals=None)
    assert journal.search("bakery") == []
    journal.contacts.set_archived([zoe])
    assert journal.search("zoe") == []


def test_letters_without_accents_to_strip_still_fold(journal: Journal) -> None:
    """ł, ø, æ and ß have no decomposition; people type them as l, o, ae and ss."""
    lukasz = person(journal, "Łukasz Wróbel")
    soren = person(journal, "Søren Østergaard")
    assert [h.id for h in journal.search("lukasz")] == [lukasz]
    assert journal.search("lukasz")[0].snippet == "Łukasz Wróbel"
    assert [h.id for h in journal.search("ostergaard")] == [soren]
    assert [h.id for h in journal.search("Østergaard")] == [soren]
    assert journal.contacts.resolve("lukasz wrobel") == lukasz
    assert journal.contacts.resolve("SOREN") == soren


@given(st.text(alphabet=st.characters(max_codepoint=0x7F)))
def test_plain_ascii_folds_as_the_full_unicode_path_would(ascii_text: str) -> None:
    """fold() takes a shortcut for plain ASCII; it must give what decomposing would."""
    import unicodedata

    from relationship_journal.journal.text import fold

    def by_decomposition(value: str) -> str:
        decomposed = unicodedata.normalize("NFKD", value)
        stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
        return " ".join(stripped.casefold().split())

    assert fold(ascii_text) == by_decomposition(ascii_text)
