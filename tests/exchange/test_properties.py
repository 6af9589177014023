"""Whatever bytes arrive, the readers answer with people, skip reports or one clear refusal,
and an import either lands whole or leaves the journal as it was."""

from __future__ import annotations

import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from relationship_journal.exchange.plan import (
    apply_import,
    plan_from_files,
    read_bytes,
    undo_import,
)
from relationship_journal.exchange.records import NotAContactFile, ParsedFile
from relationship_journal.exchange.vcard_read import read_vcards
from relationship_journal.exchange.vcard_write import card
from relationship_journal.journal import Journal
from relationship_journal.journal.records import ContactDetail, Labelled

CORPUS = Path(__file__).with_name("corpus")
SAMPLES = {
    p.name: p.read_bytes() for p in sorted(CORPUS.iterdir()) if p.suffix in {".vcf", ".csv"} and p.stat().st_size
}
# Small enough that hypothesis explores mutations of every sample, not one huge photo.
SAMPLES["ios_contacts.vcf"] = SAMPLES["ios_contacts.vcf"][:3000] + SAMPLES["ios_contacts.vcf"][-1500:]


def read_or_refuse(data: bytes) -> ParsedFile | None:
    """The only two outcomes a reader may have."""
    try:
        return read_bytes(data, "input")
    except NotAContactFile as error:
        assert str(error).startswith("input ")
        return None


@st.composite
def mutated(draw: st.DrawFn) -> bytes:
    data = bytearray(SAMPLES[draw(st.sampled_from(sorted(SAMPLES)))])
    for _ in range(draw(st.integers(1, 6))):
        where = draw(st.integers(0, len(data)))
        kind = draw(st.sampled_from(["insert", "delete", "flip", "duplicate", "truncate", "newline"]))
        if kind == "insert":
            data[where:where] = draw(st.binary(min_size=1, max_size=40))
        elif kind == "delete":
            del data[where:where + draw(st.integers(1, 80))]
        elif kind == "flip" and where < len(data):
            data[where] = draw(st.integers(0, 255))
        elif kind == "duplicate":
            data[where:where] = data[where:where + draw(st.integers(1, 200))]
        elif kind == "truncate":
            del data[where:]
        else:
            data[where:where] = draw(st.sampled_from([b"\r", b"\n", b"\r\n", b"=\r\n", b"\n ", b";", b":"]))
    return bytes(data)


PROPERTY_LINE = st.tuples(
    st.sampled_from(["FN", "N", "EMAIL", "TEL", "BDAY", "ORG", "NOTE", "PHOTO", "CATEGORIES", "URL",
                     "item1.X-ABLabel", "X-ABDATE", "ADR", "VERSION", "fn", "BEGIN", "END"]),
    st.lists(st.sampled_from([";TYPE=home", ";CHARSET=UTF-8", ";ENCODING=QUOTED-PRINTABLE",
                              ";ENCODING=b", ";VALUE=uri", ";PREF", ";X-APPLE-OMIT-YEAR=1604", ';"x']),
             max_size=3),
    st.text(max_size=40),
).map(lambda t: f"{t[0]}{''.join(t[1])}:{t[2]}")


@st.composite
def vcard_like(draw: st.DrawFn) -> bytes:
    cards = []
    for _ in range(draw(st.integers(1, 4))):
        lines = draw(st.lists(PROPERTY_LINE, max_size=8))
        cards.append("BEGIN:VCARD\r\nVERSION:" + draw(st.sampled_from(["2.1", "3.0", "4.0"])) + "\r\n"
                     + "\r\n".join(lines) + "\r\nEND:VCARD\r\n")
    encoding = draw(st.sampled_from(["utf-8", "utf-16", "utf-8-sig"]))
    return "".join(cards).encode(encoding, errors="replace")


@settings(max_examples=150, deadline=None)
@given(st.binary(max_size=3000))
def test_random_bytes_never_crash_a_reader(data: bytes) -> None:
    read_or_refuse(data)


@settings(max_examples=200, deadline=None)
@given(mutated())
def test_mutated_real_exports_never_crash_a_reader(data: bytes) -> None:
    parsed = read_or_refuse(data)
    if parsed is not None:
        for person in parsed.people:
            assert person.fields.display_name.strip()
        for skipped in parsed.skipped:
            assert skipped.position.startswith("input, ") and skipped.reason


@settings(max_examples=150, deadline=None)
@given(vcard_like())
def test_every_card_is_either_a_person_or_a_reported_skip(data: bytes) -> None:
    parsed = read_or_refuse(data)
    assert parsed is not None
    assert len(parsed.people) + len(parsed.skipped) == data.decode(
        "utf-16" if data[:2] in (b"\xff\xfe", b"\xfe\xff") else "utf-8-sig", errors="replace"
    ).upper().count("BEGIN:VCARD")


TEXT = st.text(
    st.characters(blacklist_categories=("Cc", "Cs", "Zl", "Zp", "Co", "Cn")), min_size=1, max_size=30
).map(lambda s: " ".join(s.split())).filter(bool)


@settings(max_examples=150, deadline=None)
@given(name=TEXT, organisation=TEXT, notes=TEXT, tag=TEXT, label=TEXT,
       local=st.text("abcdefghij.+_-", min_size=1, max_size=10))
def test_a_card_we_write_reads_back_as_the_same_person(
    name: str, organisation: str, notes: str, tag: str, label: str, local: str
) -> None:
    person = ContactDetail(
        display_name=name, organisation=organisation, notes=notes, tags=(tag,), id=1,
        emails=(Labelled(f"{local}@example.org", label),),
    )
    parsed = read_vcards(card(person), "export.vcf")
    assert parsed.skipped == []
    (back,) = parsed.people
    assert back.fields.display_name == name
    assert back.fields.organisation == organisation
    assert back.fields.notes == notes
    assert back.fields.tags == (() if tag.casefold().replace(" ", "").startswith(
        ("mycontacts", "starred", "importedon", "othercontacts")) else (tag,))
    assert back.fields.emails[0].value == f"{local}@example.org"


@pytest.fixture(scope="module")
def shared_journal() -> Iterator[Journal]:
    with tempfile.TemporaryDirectory() as folder, Journal.open(folder) as journal:
        yield journal


def _count(journal: Journal) -> tuple[int, int, int]:
    with journal.reading() as connection:
        return tuple(connection.execute(  # type: ignore[return-value]
            "SELECT (SELECT count(*) FROM contacts), (SELECT count(*) FROM contact_emails), "
            "(SELECT count(*) FROM import_batches WHERE undone_at IS NULL)"
        ).fetchone())


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=mutated(), fail_at=st.one_of(st.none(), st.integers(0, 3)))
def test_an_import_lands_whole_or_not_at_all(shared_journal: Journal, data: bytes, fail_at: int | None) -> None:
    parsed = read_or_refuse(data)
    if parsed is None:
        return
    before = _count(shared_journal)
    plan = plan_from_files(shared_journal, [parsed])
    calls = []

    def progress(done: int, total: int) -> None:
        calls.append(done)
        if fail_at is not None and len(calls) > fail_at:
            raise RuntimeError("interrupted")

    try:
        batch = apply_import(shared_journal, plan, progress)
    except RuntimeError:
        assert _count(shared_journal) == before
        return
    if batch is None:
        assert _count(shared_journal) == before
        return
    counts = plan.counts()  # a possible match is kept apart by default: a new person too
    assert _count(shared_journal)[0] == before[0] + counts["new"] + counts["possible match"]
    undo_import(shared_journal, batch)
    assert _count(shared_journal) == before
