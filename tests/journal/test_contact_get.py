"""`contacts.get` reads one person with sqlite3: it must give exactly what the ORM's
relations give (values, Python types, children's order), and load no SQLAlchemy."""

from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path

import pytest

from relationship_journal.journal import Journal, NotFoundError
from relationship_journal.journal.records import (
    Address,
    Birthday,
    ContactDetail,
    ContactFields,
    InteractionFields,
    Labelled,
    YearlyDate,
)
from tests.journal.fresh_reads import read_fresh

DAY = dt.date(2026, 6, 1)


def as_orm_reads(journal: Journal, contact_id: int) -> ContactDetail:
    """The person as the ORM builds them (how `get` read them before): the expectation."""
    from relationship_journal.journal.contacts import _detail
    from relationship_journal.store.models import Contact

    with journal.reading_session() as session:
        contact = session.get(Contact, contact_id)
        if contact is None:
            raise NotFoundError(f"there is no contact with id {contact_id}")
        last = max((e.date for e in journal.interactions.for_contact(contact_id)), default=None)
        return _detail(contact, last)


def typed(value: object) -> object:
    """The value with every leaf's type beside it: True == 1 and a dataclass's == would
    not tell a bool from an int."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return type(value).__name__, [(f.name, typed(getattr(value, f.name))) for f in dataclasses.fields(value)]
    if isinstance(value, tuple):
        return tuple(typed(v) for v in value)
    return type(value).__name__, value


def add_people_with_every_kind_of_child(journal: Journal) -> list[int]:
    everything = ContactFields(
        display_name="Ines Quarto",
        given_name="Ines",
        family_name="Quarto",
        nickname="",
        organisation="Atlas Works",
        role="Engineer",
        birthday=Birthday(3, 9, 1984),
        how_met="A climbing gym",
        where_met="Lisbon",
        met_on=dt.date(2019, 5, 4),
        interests="bouldering, fado",
        goals="a workshop of her own",
        family="two daughters",
        can_do_for_them="introduce her to a lawyer",
        communities="Lisbon climbers",
        notes="Prefers calls to email.",
        calibre=5,
        circle=15,
        cadence_days=21,
        kin=False,
        photo=b"\x89PNG\r\n\x1a\n-not-really",
        photo_url="https://example.org/ines.png",
        emails=(Labelled("ines@work.example", "work"), Labelled("ines@home.example", "home"),
                Labelled("iq@old.example")),
        phones=(Labelled("+351 21 000 0001", "mobile"), Labelled("+351 21 000 0002", "work"),
                Labelled("+351 21 000 0003")),
        urls=(Labelled("https://ines.example", "site"), Labelled("https://code.example/ines")),
        # Not in name order: the ORM orders tags by name.
        tags=("zeal", "alpine", "mentor"),
        # Neither in calendar nor label order: the ORM gives them as stored.
        important_dates=(YearlyDate("wedding", 11, 20, 2012), YearlyDate("daughter's birthday", 2, 14),
                         YearlyDate("name day", 6, 13), YearlyDate("arrived in Lisbon", 1, 3, 2008)),
        addresses=(
            Address("home", "12 Rua Nova", "Lisboa", "Lisboa", "1100-001", "Portugal", "44", "3rd floor"),
            Address("work", "1 Avenida Azul", "Porto", "Norte", "4000-002", "Portugal", "9", "Building B"),
        ),
        uid="urn:uuid:ines",
    )
    yearless = ContactFields(
        display_name="Bo Yearless", birthday=Birthday(12, 31), kin=True, circle=5,
        emails=(Labelled("bo@b.example", "home"),), tags=("alpine",),
        important_dates=(YearlyDate("z", 12, 1), YearlyDate("a", 1, 1)),
    )
    ids = []
    for fields in (everything, yearless, ContactFields(display_name="Nothing Else")):
        created = journal.contacts.add(fields).created_id
        assert created is not None
        ids.append(created)
    journal.contacts.set_archived([ids[0]])
    journal.interactions.log(InteractionFields((ids[0], ids[1]), DAY, "meeting", note="Lunch"))
    journal.interactions.log(InteractionFields((ids[0],), DAY - dt.timedelta(days=40), "call"))
    # Positions that tie (an old import wrote them so): the ORM gives those in id order.
    with journal.database.writing() as connection:
        for table in ("contact_emails", "contact_phones", "contact_urls", "contact_addresses"):
            connection.execute(f"UPDATE {table} SET position = 0 WHERE contact_id = ?", (ids[0],))
    return ids


def test_get_gives_what_the_orm_gave_for_everyone(journal: Journal) -> None:
    from relationship_journal.demo import generate

    generate(journal, contacts=150, seed=1, as_of=DAY)
    ines, bo, bare = add_people_with_every_kind_of_child(journal)
    everyone = [s.id for s in journal.contacts.list(include_archived=True)]
    assert len(everyone) == 153

    for cid in everyone:
        assert typed(journal.contacts.get(cid)) == typed(as_orm_reads(journal, cid)), cid

    detail = journal.contacts.get(ines)  # the comparison saw every kind of child, several each
    assert (detail.archived, detail.kin, detail.last_contact) == (True, False, DAY)
    assert detail.tags == ("alpine", "mentor", "zeal")
    assert [d.label for d in detail.important_dates][:2] == ["wedding", "daughter's birthday"]
    assert (len(detail.emails), len(detail.phones), len(detail.urls), len(detail.addresses)) == (3, 3, 2, 2)
    assert journal.contacts.get(bo).birthday == Birthday(12, 31)
    assert journal.contacts.get(bare).last_contact is None

    missing = max(everyone) + 1
    with pytest.raises(NotFoundError) as orm:
        as_orm_reads(journal, missing)
    with pytest.raises(NotFoundError) as read:
        journal.contacts.get(missing)
    assert str(read.value) == str(orm.value) == f"there is no contact with id {missing}"


def test_reading_one_person_loads_no_sqlalchemy(journal: Journal, private_folders: Path) -> None:
    ines, _bo, _bare = add_people_with_every_kind_of_child(journal)
    journal.close()

    printed = read_fresh(
        private_folders,
        f"    person = journal.contacts.get({ines})\n"
        "    print('SEEN', person.display_name, person.tags, len(person.addresses), person.last_contact)\n",
    )
    assert f"SEEN Ines Quarto ('alpine', 'mentor', 'zeal') 2 {DAY}" in printed
    assert "LOADED []" in printed
