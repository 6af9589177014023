"""A big import holds its people packed, not as objects: memory for 100,000 cards stays
bounded from the preview to the write, and the undo of it is replayed a chunk at a time."""

from __future__ import annotations

import datetime as dt
import gc
import sqlite3
import tracemalloc
from pathlib import Path

import pytest

from relationship_journal.exchange import matching, people_store
from relationship_journal.exchange.plan import apply_import, plan_import, shrink
from relationship_journal.exchange.records import ImportedPerson
from relationship_journal.journal import Journal, photo_size
from relationship_journal.journal.records import (
    Address,
    Birthday,
    ContactFields,
    Labelled,
    YearlyDate,
)
from relationship_journal.store import change_log

CARDS = 3000


def _write_cards(path: Path, count: int) -> None:
    with path.open("w", encoding="utf-8", newline="") as handle:
        for n in range(count):
            handle.write(
                "BEGIN:VCARD\r\nVERSION:3.0\r\n"
                f"UID:card-{n}\r\nFN:Person Number {n}\r\nN:Number {n};Person;;;\r\n"
                f"ORG:Company {n % 40}\r\nTITLE:engineer\r\n"
                f"EMAIL;TYPE=WORK:person{n}@example.org\r\nEMAIL;TYPE=HOME:p{n}@mail.example\r\n"
                f"TEL;TYPE=CELL:+49 151 {1000000 + n}\r\n"
                f"ADR;TYPE=HOME:;;Main Street {n};Berlin;;10115;Germany\r\n"
                f"BDAY:1980-01-{n % 28 + 1:02d}\r\nCATEGORIES:friends,work\r\n"
                f"NOTE:met at the conference in year {n} and talked about boats and bridges\r\n"
                "END:VCARD\r\n"
            )


def _alive(kind: type) -> int:
    gc.collect()
    return sum(1 for o in gc.get_objects() if type(o) is kind)


def test_a_planned_import_holds_its_people_packed_not_as_objects(
    journal: Journal, tmp_path: Path
) -> None:
    cards, warm_up = tmp_path / "many.vcf", tmp_path / "one.vcf"
    _write_cards(cards, CARDS)
    _write_cards(warm_up, 1)
    plan_import(journal, [warm_up])  # the readers' modules loaded: only the plan is measured
    before = _alive(ContactFields), _alive(ImportedPerson)
    tracemalloc.start()
    try:
        start = tracemalloc.get_traced_memory()[0]
        plan = plan_import(journal, [cards])
        gc.collect()
        held = tracemalloc.get_traced_memory()[0] - start
    finally:
        tracemalloc.stop()
    assert plan.counts()["new"] == CARDS
    # Not a parsed person per card kept from the preview to the write ...
    assert _alive(ContactFields) - before[0] < CARDS // 10
    assert _alive(ImportedPerson) - before[1] < CARDS // 10
    # ... and the whole plan (people, matching keys, a decision per card) in under 2 kB a card,
    # where objects took 6 kB: 100,000 cards in some 200 MB, not 600.
    assert held < CARDS * 2000, f"{held / CARDS:.0f} bytes a card"
    # What the preview shows is all there, read back from the packed form.
    first = plan.people[0]
    assert first.fields.display_name == "Person Number 0"
    assert [e.value for e in first.fields.emails] == ["person0@example.org", "p0@mail.example"]
    assert plan.decisions[CARDS - 1].name == f"Person Number {CARDS - 1}"


def test_the_packed_import_writes_every_person_whole(journal: Journal, tmp_path: Path) -> None:
    cards = tmp_path / "many.vcf"
    _write_cards(cards, 1200)  # more than two chunks of the write
    plan = plan_import(journal, [cards])
    with journal.history.recording("Import many.vcf"):
        assert apply_import(journal, plan) is not None
    assert journal.contacts.count() == 1200
    with journal.reading() as connection:
        counts = [
            connection.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
            for table in ("contact_emails", "contact_phones", "contact_addresses", "contact_tags")
        ]
    assert counts == [2400, 1200, 1200, 2400]
    person = journal.contacts.get(journal.contacts.resolve("Person Number 1199"))
    assert person.notes == "met at the conference in year 1199 and talked about boats and bridges"
    assert person.addresses[0].street == "Main Street 1199"


def test_a_person_comes_back_from_packing_equal() -> None:
    person = ImportedPerson(
        "cards.vcf, card 3 (line 20)",
        ContactFields(
            "Ann Lee",
            given_name="Ann",
            family_name="Lee",
            organisation="Fjord",
            birthday=Birthday(2, 29, None),
            met_on=dt.date(2020, 5, 1),
            notes="line one\nline two",
            photo=b"\xff\xd8\x00\x01",
            emails=(Labelled("ann@example.org", "work"), Labelled("a@example.net")),
            phones=(Labelled("+44 20 7946 0000", "mobile"),),
            urls=(Labelled("https://example.org/ann"),),
            tags=("friends", "boats"),
            important_dates=(YearlyDate("anniversary", 6, 1, 2011),),
            addresses=(Address("home", "1 Quay", "Bristol", "", "BS1", "UK", "12", "flat 2"),),
            uid="urn:uuid:1",
        ),
        "urn:uuid:1",
        ("birthday '1985-13-45' is not a date; left out",),
        (("friend", "Bo"),),
    )
    assert people_store.unpack(people_store.pack(person)) == person
    packed = people_store.People([person, person])
    assert list(packed) == [person, person] and packed[1] == person and packed.related == 2


def test_undoing_a_change_larger_than_a_replay_chunk_puts_everything_back(
    journal: Journal, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(change_log, "_REPLAY_CHUNK", 7)
    cards = tmp_path / "some.vcf"
    _write_cards(cards, 40)
    plan = plan_import(journal, [cards])
    with journal.history.recording("Import some.vcf"):
        apply_import(journal, plan)
    assert journal.contacts.count() == 40
    journal.history.undo()
    assert journal.contacts.count() == 0
    with journal.reading() as connection:
        assert connection.execute("SELECT count(*) FROM contact_emails").fetchone()[0] == 0
    journal.history.redo()
    assert journal.contacts.count() == 40
    with journal.reading() as connection:
        assert connection.execute("SELECT count(*) FROM contact_emails").fetchone()[0] == 80
        assert connection.execute("PRAGMA foreign_key_check").fetchall() == []
    assert isinstance(journal, Journal) and sqlite3.sqlite_version


def test_matching_keys_that_share_a_hash_never_match_each_other(
    journal: Journal, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    twice = tmp_path / "twice.vcf"
    _write_cards(twice, 30)
    twice.write_text(twice.read_text(encoding="utf-8") * 2, encoding="utf-8")  # each card again
    corpus = [twice, Path(__file__).with_name("corpus") / "ios_contacts.vcf"]
    journal.contacts.add(ContactFields("Ann Lee", emails=(Labelled("ann@example.org"),), uid="u-1"))

    def outcome() -> list[tuple[str, str, str | None]]:
        plan = plan_import(journal, corpus)
        return [(d.name, d.action, d.matched_by) for d in plan.decisions]

    honest = outcome()
    monkeypatch.setattr(matching, "hash", lambda _key: 7, raising=False)  # every key one hash
    assert outcome() == honest
    assert sum(action == "unchanged" for _name, action, _by in honest) == 30  # the second of each


def _jpeg(width: int, height: int) -> bytes:
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice
    from PySide6.QtGui import QImage

    image = QImage(width, height, QImage.Format.Format_RGB32)
    image.fill(0x336699)
    out = QByteArray()
    buffer = QBuffer(out)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "JPEG", 80)  # type: ignore[call-overload]
    return bytes(out.data())


def test_photos_already_avatar_sized_are_kept_without_the_imaging_library() -> None:
    small, large = _jpeg(160, 120), _jpeg(900, 600)
    assert photo_size.image_size(small) == (160, 120)
    assert photo_size.image_size(large) == (900, 600)
    assert photo_size.image_size(b"GIF89a\x10\x00\x20\x00") == (16, 32)
    assert photo_size.image_size(b"not an image") is None
    asked: list[int] = []

    def shrink_photo(data: bytes) -> bytes:
        asked.append(len(data))
        return data[:100]

    def person(photo: bytes) -> ImportedPerson:
        return ImportedPerson("here", ContactFields("Pat", photo=photo))

    assert shrink(person(small), shrink_photo).fields.photo == small
    assert shrink(person(b"\xff\xd8 broken"), shrink_photo).fields.photo == b"\xff\xd8 broken"[:100]
    assert shrink(person(large), shrink_photo).fields.photo == large[:100]
    assert asked == [len(b"\xff\xd8 broken"), len(large)]  # never asked about the small one


def test_an_import_stopped_part_way_through_its_chunks_leaves_nothing(
    journal: Journal, tmp_path: Path
) -> None:
    cards = tmp_path / "many.vcf"
    _write_cards(cards, 1200)
    plan = plan_import(journal, [cards])

    class Stopped(Exception):
        pass

    def progress(done: int, total: int) -> None:
        if done >= 1000:  # two chunks written, the window's Cancel pressed
            raise Stopped

    with pytest.raises(Stopped), journal.history.recording("Import many.vcf"):
        apply_import(journal, plan, progress)
    assert journal.contacts.count() == 0
    assert journal.history.counts() == (0, 0)
    with journal.reading() as connection:
        for table in ("contact_emails", "import_batches", "import_batch_contacts", "history_rows"):
            assert connection.execute(f"SELECT count(*) FROM {table}").fetchone()[0] == 0, table
