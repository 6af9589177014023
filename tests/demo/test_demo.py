"""The demo network: deterministic, shaped like a real person's network, and refused on a full journal."""

from __future__ import annotations

import datetime as dt
from collections import Counter

import pytest

from relationship_journal.demo import generate, generate_rows
from relationship_journal.journal import Journal, ValidationError
from relationship_journal.journal.records import ContactFields, InteractionFields

AS_OF = dt.date(2026, 6, 30)


@pytest.fixture(scope="module")
def rows():  # type: ignore[no-untyped-def]
    return generate_rows(contacts=500, interactions=15_000, seed=11, as_of=AS_OF)


def test_same_seed_and_date_give_the_same_network(rows) -> None:  # type: ignore[no-untyped-def]
    again = generate_rows(contacts=500, interactions=15_000, seed=11, as_of=AS_OF)
    assert again.contacts == rows.contacts
    assert again.interactions == rows.interactions
    assert again.favours == rows.favours and again.commitments == rows.commitments
    other = generate_rows(contacts=500, interactions=15_000, seed=12, as_of=AS_OF)
    assert [c.display_name for c in other.contacts] != [c.display_name for c in rows.contacts]


def test_exact_counts_and_unique_names(rows) -> None:  # type: ignore[no-untyped-def]
    assert len(rows.contacts) == 500
    assert len(rows.interactions) == 15_000
    assert len({c.display_name for c in rows.contacts}) == 500


def test_circles_follow_dunbar_proportions(rows) -> None:  # type: ignore[no-untyped-def]
    circles = Counter(c.circle for c in rows.contacts)
    assert circles == {5: 5, 15: 10, 50: 35, 150: 100, 500: 350}


def test_inner_circle_meets_more_often_than_the_wider_one(rows) -> None:  # type: ignore[no-untyped-def]
    per_contact = Counter(i for f in rows.interactions for i in f.contact_ids)
    circle_of = {i: c.circle for i, c in enumerate(rows.contacts)}

    def mean(circle: int) -> float:
        members = [i for i, c in circle_of.items() if c == circle]
        return sum(per_contact[i] for i in members) / len(members)

    assert mean(5) > mean(15) > mean(50) > mean(150) > mean(500)


def test_nothing_after_as_of_and_some_relationships_fade(rows) -> None:  # type: ignore[no-untyped-def]
    assert max(f.date for f in rows.interactions) <= AS_OF
    last: dict[int, dt.date] = {}
    for f in rows.interactions:
        for c in f.contact_ids:
            last[c] = max(last.get(c, f.date), f.date)
    close = [i for i, c in enumerate(rows.contacts) if c.circle in (15, 50) and i in last]
    silent = [i for i in close if (AS_OF - last[i]).days > 2 * (30 if rows.contacts[i].circle == 15 else 90)]
    assert 0 < len(silent) < len(close)


def test_some_relationships_are_one_sided(rows) -> None:  # type: ignore[no-untyped-def]
    started: dict[int, Counter[str]] = {}
    for f in rows.interactions:
        for c in f.contact_ids:
            started.setdefault(c, Counter())[f.initiated_by] += 1
    one_sided = [c for c, n in started.items() if sum(n.values()) >= 10 and n["me"] / sum(n.values()) > 0.8]
    assert one_sided


def test_ledger_groups_and_languages(rows) -> None:  # type: ignore[no-untyped-def]
    assert {f[1] for f in rows.favours} == {"given", "received"}
    assert {a[3] for a in rows.asks} >= {"helped", "declined", "ignored"}
    assert any(c[5] is None for c in rows.commitments)  # some promises still open
    assert any(len(f.contact_ids) > 1 for f in rows.interactions)  # group meetings
    names = " ".join(c.display_name for c in rows.contacts)
    assert any(ord(ch) > 0x370 for ch in names)  # non-Latin scripts
    assert any(ch in names for ch in "éëøåüçñ")  # accents
    notes = {f.note for f in rows.interactions if f.note}
    assert len(notes) > 2_000  # varied enough for search to mean something


def test_generate_writes_it_and_search_finds_notes(journal: Journal) -> None:
    generate(journal, contacts=120, interactions=2_000, seed=5, as_of=AS_OF)
    assert journal.contacts.count() == 120
    assert journal.interactions.count() == 2_000
    hits = journal.search("marathon")
    assert hits and all(h.contact_ids for h in hits)
    # The index took the notes in one go; an entry written afterwards is indexed as it lands.
    first = journal.contacts.list()[0].id
    journal.interactions.log(InteractionFields((first,), AS_OF, "call", note="quetzalcoatl sighting"))
    assert [h.contact_ids for h in journal.search("quetzalcoatl")] == [(first,)]
    with pytest.raises(ValidationError, match="already has contacts"):
        generate(journal, contacts=10)
    assert journal.contacts.count() == 120


def test_generate_refuses_a_journal_with_people(journal: Journal) -> None:
    journal.contacts.add(ContactFields(display_name="Me Myself"))
    with pytest.raises(ValidationError, match="empty journal"):
        generate(journal, contacts=10)
    assert journal.interactions.count() == 0


@pytest.mark.parametrize(("contacts", "interactions"), [(0, 10), (10, -1)])
def test_bad_sizes_are_refused(contacts: int, interactions: int) -> None:
    with pytest.raises(ValidationError):
        generate_rows(contacts=contacts, interactions=interactions)


def test_wide_and_deep_networks_get_different_verdicts(tmp_path) -> None:  # type: ignore[no-untyped-def]
    indexes = {}
    for shape in ("wide", "balanced", "deep"):
        with Journal.open(tmp_path / shape) as journal:
            generate(journal, contacts=200, seed=2, as_of=AS_OF, shape=shape)
            network = journal.health.network(AS_OF)
        indexes[shape] = (network.wide_deep_index, network.verdict)
    assert indexes["wide"][0] > indexes["balanced"][0] > indexes["deep"][0]
    assert indexes["wide"][1] == "a mile wide and an inch deep"
    assert indexes["deep"][1] == "deep"


def test_unknown_shape_is_refused() -> None:
    with pytest.raises(ValidationError, match="shape"):
        generate_rows(contacts=10, shape="round")


def test_double_barrelled_names_join_two_different_families(rows) -> None:  # type: ignore[no-untyped-def]
    for contact in rows.contacts:
        if contact.family_name and "-" in contact.family_name:
            first, second = contact.family_name.split("-", 1)
            assert first != second, contact.family_name


# --- The demo agrees with itself: the first journal a new user sees must not contradict itself.

LEDGER_TABLES = ("favours", "asks", "commitments")


@pytest.fixture(scope="module")
def demo_journal(tmp_path_factory: pytest.TempPathFactory):  # type: ignore[no-untyped-def]
    """The default 150-person demo, as `relationship-journal demo --seed 3` makes it."""
    with Journal.open(tmp_path_factory.mktemp("demo150")) as journal:
        generate(journal, seed=3, as_of=AS_OF)
        yield journal


def test_every_favour_ask_and_promise_belongs_to_an_entry_with_its_person(demo_journal: Journal) -> None:
    with demo_journal.reading() as connection:
        for table in LEDGER_TABLES:
            linked = connection.execute(
                f"SELECT count(*) FROM {table} WHERE interaction_id IS NOT NULL"  # noqa: S608
            ).fetchone()[0]
            strangers = connection.execute(
                f"SELECT count(*) FROM {table} x WHERE x.interaction_id IS NOT NULL AND NOT EXISTS "  # noqa: S608
                "(SELECT 1 FROM interaction_contacts ic "
                "WHERE ic.interaction_id = x.interaction_id AND ic.contact_id = x.contact_id)"
            ).fetchone()[0]
            assert linked > 10, table
            assert strangers == 0, f"{strangers} of {linked} {table} point at an entry without their person"
            misdated = connection.execute(
                f"SELECT count(*) FROM {table} x JOIN interactions i ON i.id = x.interaction_id "  # noqa: S608
                f"WHERE i.date != x.{'created_on' if table == 'commitments' else 'date'}"
            ).fetchone()[0]
            assert misdated == 0, f"{misdated} {table} are dated apart from their entry"


def test_favours_reach_the_figures(demo_journal: Journal) -> None:
    """Linked favours count for their person: balances move and reciprocity sees them."""
    network = demo_journal.health.network(AS_OF)
    people = network.contacts
    moved = [c for c in people if abs(c.giving_balance) >= 0.05]
    assert len(moved) >= len(people) / 10, f"only {len(moved)} of {len(people)} have a giving balance"
    seen = [c for c in people if "favours given 0, received 0" not in c.component("reciprocity").explanation]
    assert len(seen) >= len(people) / 10


def test_each_note_matches_its_entry_kind(demo_journal: Journal) -> None:
    from relationship_journal import demo_vocabulary as words

    openings = {kind: set(texts) for kind, texts in words.NOTE_OPENINGS.items()}
    every = set().union(*openings.values())
    with demo_journal.reading() as connection:
        entries = connection.execute("SELECT kind, note FROM interactions WHERE note != ''").fetchall()
    assert entries
    for kind, note in entries:
        used = [o for o in every if note.startswith(o)]
        assert used and set(used) <= openings[kind], f"a {kind} noted as {note!r}"


def _journal_rows(journal: Journal) -> dict[str, list[tuple[object, ...]]]:
    """Every table the demo writes, without the moments the rows were written (`*_at`)."""
    tables = ("contacts", "interactions", "interaction_contacts", *LEDGER_TABLES)
    found = {}
    with journal.reading() as connection:
        for table in tables:
            columns = [r[1] for r in connection.execute(f"PRAGMA table_info({table})") if not r[1].endswith("_at")]
            found[table] = connection.execute(
                f"SELECT {', '.join(columns)} FROM {table} ORDER BY 1, 2"  # noqa: S608
            ).fetchall()
    return found


def test_the_same_seed_gives_the_same_journal(demo_journal: Journal, tmp_path) -> None:  # type: ignore[no-untyped-def]
    with Journal.open(tmp_path / "again") as again:
        generate(again, seed=3, as_of=AS_OF)
        same = _journal_rows(again)
    ours = _journal_rows(demo_journal)
    assert all(ours.values())
    for table, table_rows in ours.items():
        assert table_rows == same[table], table
