"""Merging: a person already in the journal is completed, never duplicated or overwritten."""

from __future__ import annotations

from pathlib import Path

from relationship_journal.exchange.plan import apply_import, plan_import
from relationship_journal.journal import Journal
from relationship_journal.journal.imports import contact_history
from relationship_journal.journal.records import Birthday, ContactFields, Labelled


def vcf(tmp_path: Path, *cards: str, name: str = "in.vcf") -> Path:
    path = tmp_path / name
    path.write_text(
        "".join(f"BEGIN:VCARD\r\nVERSION:3.0\r\n{c.strip()}\r\nEND:VCARD\r\n" for c in cards),
        encoding="utf-8",
    )
    return path


def run(journal: Journal, *paths: Path) -> dict[str, int]:
    plan = plan_import(journal, list(paths))
    apply_import(journal, plan)
    return plan.counts()


def test_same_email_merges_and_fills_only_what_is_missing(journal: Journal, tmp_path: Path) -> None:
    cid = journal.contacts.add(ContactFields(
        "Zoë Ångström", organisation="Acme", emails=(Labelled("Zoe@Example.org"),)
    )).created_id
    path = vcf(tmp_path, "FN:Zoe Angstrom\nEMAIL:zoe@example.org\nTEL;TYPE=CELL:+44 7700 900123\n"
                         "TITLE:Engineer\nORG:Acme Ltd\nCATEGORIES:sailing")
    assert run(journal, path) == {"new": 0, "possible match": 0, "merge": 1, "unchanged": 0, "skipped": 0}
    zoe = journal.contacts.get(cid)
    assert journal.contacts.count() == 1
    assert zoe.display_name == "Zoë Ångström"  # the journal's spelling stays
    assert zoe.organisation == "Acme"  # the journal's value stays
    assert zoe.role == "Engineer"  # an empty field is filled
    assert zoe.phones == (Labelled("+44 7700 900123", "mobile"),)
    assert zoe.tags == ("sailing",)
    recorded = {(h.field, h.kept_value, h.imported_value) for h in contact_history(journal, cid)}
    assert recorded == {
        ("name", "Zoë Ångström", "Zoe Angstrom"),
        ("organisation", "Acme", "Acme Ltd"),
    }


def test_same_name_and_a_phone_in_another_format_is_a_possible_match(journal: Journal, tmp_path: Path) -> None:
    cid = journal.contacts.add(ContactFields("Bob Smith", phones=(Labelled("0044 20 7946 0958"),))).created_id
    path = vcf(tmp_path, "FN:Bob Smith\nTEL:+44 (20) 7946-0958\nEMAIL:bob@example.org")
    plan = plan_import(journal, [path])
    (decision,) = plan.decisions
    assert (decision.action, decision.contact_id) == ("possible match", cid)
    assert decision.reason == "same name and a shared phone"
    plan.choose(decision.index, merge_them=True)
    apply_import(journal, plan)
    assert [e.value for e in journal.contacts.get(cid).emails] == ["bob@example.org"]
    assert journal.contacts.count() == 1


def test_same_name_with_nothing_against_it_is_a_possible_match_kept_apart(
    journal: Journal, tmp_path: Path
) -> None:
    quiet = journal.contacts.add(ContactFields("Ana Lima")).created_id
    journal.contacts.add(ContactFields("Li Wei", emails=(Labelled("li@one.example"),)))
    path = vcf(
        tmp_path,
        "FN:ana lima\nEMAIL:ana@example.br",  # same name, nothing contradicts: possible match
        "FN:Li Wei\nEMAIL:li@two.example",  # same name, a different email: another person
    )
    assert run(journal, path) == {"new": 1, "possible match": 1, "merge": 0, "unchanged": 0, "skipped": 0}
    assert journal.contacts.get(quiet).emails == ()
    assert sorted(c.name for c in journal.contacts.list()) == ["Ana Lima", "Li Wei", "Li Wei", "ana lima"]


def test_reimporting_the_same_file_changes_nothing(journal: Journal, tmp_path: Path) -> None:
    journal.contacts.add(ContactFields("Zoë", organisation="Acme", emails=(Labelled("zoe@example.org"),)))
    path = vcf(
        tmp_path,
        "FN:Zoë\nEMAIL:zoe@example.org\nORG:Other Co",
        "FN:Kai\nEMAIL:kai@example.org\nBDAY:--0704",
        "FN:Kai\nEMAIL:kai@example.org\nORG:Second Card Co\nORG:x",
    )
    first = run(journal, path)
    assert first == {"new": 1, "possible match": 0, "merge": 2, "unchanged": 0, "skipped": 0}
    with journal.reading() as connection:
        before = connection.execute("SELECT count(*) FROM contact_history").fetchone()[0]
    plan = plan_import(journal, [path])
    assert plan.counts() == {"new": 0, "possible match": 0, "merge": 0, "unchanged": 3, "skipped": 0}
    assert apply_import(journal, plan) is None  # nothing to write: no empty batch either
    with journal.reading() as connection:
        assert connection.execute("SELECT count(*) FROM contact_history").fetchone()[0] == before
        assert connection.execute("SELECT count(*) FROM import_batches").fetchone()[0] == 1


def test_year_is_added_to_a_birthday_known_without_one(journal: Journal, tmp_path: Path) -> None:
    cid = journal.contacts.add(ContactFields(
        "Mo", birthday=Birthday(4, 15), emails=(Labelled("mo@example.org"),)
    )).created_id
    run(journal, vcf(tmp_path, "FN:Mo\nEMAIL:mo@example.org\nBDAY:1990-04-15"))
    assert journal.contacts.get(cid).birthday == Birthday(4, 15, 1990)


def test_duplicates_inside_one_file_become_one_person(journal: Journal, tmp_path: Path) -> None:
    path = vcf(
        tmp_path,
        "FN:Kim Park\nEMAIL:kim@example.kr",
        "FN:Kim Park\nTEL:+82 10 1234 5678\nEMAIL:KIM@example.kr",
    )
    assert run(journal, path) == {"new": 1, "possible match": 0, "merge": 1, "unchanged": 0, "skipped": 0}
    (kim,) = journal.contacts.list()
    assert kim.emails == ("kim@example.kr",)
    assert kim.phones == ("+82 10 1234 5678",)


def test_same_name_with_different_uids_in_one_file_stays_two_people(
    journal: Journal, tmp_path: Path
) -> None:
    """An address book with two John Smiths (its own UIDs say so) must not lose one."""
    path = vcf(tmp_path, "UID:one\nFN:John Smith", "UID:two\nFN:John Smith", "UID:one\nFN:John Smith")
    assert run(journal, path) == {"new": 2, "possible match": 0, "merge": 0, "unchanged": 1, "skipped": 0}
    assert run(journal, path) == {"new": 0, "possible match": 0, "merge": 0, "unchanged": 3, "skipped": 0}


def test_outlook_csv_with_semicolons_as_some_locales_write_it(journal: Journal, tmp_path: Path) -> None:
    path = tmp_path / "Kontakte.csv"
    path.write_bytes(
        "First Name;Last Name;Company;E-mail Address;Mobile Phone\r\n"
        "Jürgen;Müller;Müller, Söhne & Co;juergen@example.de;+49 170 555 0101\r\n".encode("cp1252")
    )
    assert run(journal, path)["new"] == 1
    (person,) = journal.contacts.list()
    assert (person.name, person.organisation) == ("Jürgen Müller", "Müller, Söhne & Co")


def test_reimporting_the_whole_corpus_changes_nothing(journal: Journal) -> None:
    corpus = Path(__file__).with_name("corpus")
    files = sorted(p for p in corpus.iterdir() if p.suffix in {".vcf", ".csv"} and p.stat().st_size)
    run(journal, *files)
    again = plan_import(journal, files)
    assert again.counts() == {"new": 0, "possible match": 0, "merge": 0, "unchanged": 29, "skipped": 5}
    assert apply_import(journal, again) is None
