"""Importing the files real clients write: names survive exactly, every field lands where it should."""

from __future__ import annotations

from pathlib import Path

import pytest

from relationship_journal.exchange.plan import apply_import, plan_import, read_file
from relationship_journal.exchange.records import NotAContactFile
from relationship_journal.journal import Journal
from relationship_journal.journal.records import Birthday, ContactDetail, Labelled, YearlyDate

CORPUS = Path(__file__).with_name("corpus")


def imported(journal: Journal, *names: str) -> dict[str, ContactDetail]:
    plan = plan_import(journal, [CORPUS / n for n in names])
    apply_import(journal, plan)
    return {c.name: journal.contacts.get(c.id) for c in journal.contacts.list()}


def test_ios_contacts_keep_labels_photo_dates_and_tags(journal: Journal) -> None:
    people = imported(journal, "ios_contacts.vcf")
    assert sorted(people) == ["José María Martínez-Núñez", "Zoë Ångström", "Øyvind Lærum"]
    zoe = people["Zoë Ångström"]
    assert (zoe.given_name, zoe.family_name, zoe.nickname) == ("Zoë", "Ångström", "Zo")
    assert zoe.organisation == "Café Lumière"
    assert zoe.role == "Head Roaster"
    assert zoe.emails == (
        Labelled("zoe@example.se", "home"),
        Labelled("zoe.angstrom@cafe-lumiere.example", "work"),
    )
    assert [p.label for p in zoe.phones] == ["mobile", "work"]
    # Grouped item1.URL + item1.X-ABLabel: every item kept, with its label.
    assert zoe.urls == (
        Labelled("https://zoe.example.se/blog", "homepage"),
        Labelled("https://instagram.example/zoeroasts", "Instagram"),
    )
    assert zoe.birthday == Birthday(4, 15, None)  # Apple's 1604 means "no year"
    assert zoe.important_dates == (YearlyDate("anniversary", 6, 20, 2015),)
    assert zoe.notes == "Met at the Stockholm coffee festival.\nLoves Ethiopian beans, hates decaf."
    assert zoe.tags == ("Coffee", "Friends")
    # A large inline photo, folded over a thousand lines, comes through byte for byte.
    assert zoe.photo is not None and zoe.photo.startswith(b"\xff\xd8") and zoe.photo.endswith(b"\xff\xd9")
    assert len(zoe.photo) == 60013
    assert people["Øyvind Lærum"].birthday == Birthday(2, 28, 1979)
    assert people["Øyvind Lærum"].organisation == "Fjord Analytics, Research"
    assert people["José María Martínez-Núñez"].emails == (Labelled("jose@example.es", "club"),)


def test_android_quoted_printable_greek_and_cyrillic(journal: Journal) -> None:
    people = imported(journal, "android_contacts.vcf")
    assert sorted(people) == ["Αλέξανδρος Παπαδόπουλος", "Анна Каренина"]
    alex = people["Αλέξανδρος Παπαδόπουλος"]
    assert (alex.given_name, alex.family_name) == ("Αλέξανδρος", "Παπαδόπουλος")
    assert alex.notes == "Σημείωση: συναντηθήκαμε στην Αθήνα, στο συνέδριο για τα δεδομένα."
    assert alex.birthday == Birthday(11, 3, 1985)
    assert alex.phones == (Labelled("+30 694 123 4567", "mobile"), Labelled("210 555 0101", "home"))
    anna = people["Анна Каренина"]  # soft line break in the middle of a UTF-8 sequence
    assert [e.value for e in anna.emails] == ["anna@example.ru", "anna.k@example.ru"]
    assert anna.photo is not None and len(anna.photo) == 313  # vCard 2.1 base64 photo, indented lines


def test_google_photo_url_is_kept_as_a_link_and_never_fetched(journal: Journal) -> None:
    people = imported(journal, "google_contacts.vcf")
    assert sorted(people) == ["محمد عبد الله", "李小龙"]
    bruce = people["李小龙"]
    assert bruce.photo is None
    assert bruce.photo_url == "https://lh3.googleusercontent.com/contacts/ABCDEF123"
    assert bruce.birthday == Birthday(4, 15, None)
    assert bruce.urls == (Labelled("https://example.cn/xiaolong", "blog"),)
    assert "Kung Fu" in bruce.tags
    assert people["محمد عبد الله"].organisation == "مؤسسة المستقبل"
    assert people["محمد عبد الله"].role == "مدير"


def test_outlook_windows_1252_and_multi_line_values(journal: Journal) -> None:
    people = imported(journal, "outlook.vcf")
    assert sorted(people) == ["Jürgen Müller", "Renée Lefèvre"]
    jurgen = people["Jürgen Müller"]
    assert jurgen.organisation == "Bäckerei Müller GmbH"
    assert jurgen.role == "Geschäftsführer"
    assert jurgen.notes == "Met at the trade fair in Köln.\nWants an intro to the bank."
    assert people["Renée Lefèvre"].notes == (
        "First line of a long note\nsecond line, still the note\nthird line; the end"
    )


def test_thunderbird_vcard_4_with_bom(journal: Journal) -> None:
    people = imported(journal, "thunderbird.vcf")
    assert list(people) == ["Ευτυχία Μανωλάκη"]
    person = people["Ευτυχία Μανωλάκη"]
    assert person.birthday == Birthday(1, 1, 1990)
    assert person.important_dates == (YearlyDate("anniversary", 9, 9, 2018),)
    assert person.notes == "Thunderbird note with a, comma"
    assert [e.label for e in person.emails] == [None, "work"]


def test_old_phone_latin1_quoted_printable_without_fn(journal: Journal) -> None:
    people = imported(journal, "old_phone.vcf")
    assert sorted(people) == ["Bob Smith", "Hélène Dupré"]
    assert people["Hélène Dupré"].notes == "Rencontrée à Lyon, aime le théâtre et la cuisine."


def test_lotus_notes_lower_case_blank_lines_and_unclosed_last_card(journal: Journal) -> None:
    people = imported(journal, "lotus_notes.vcf")
    assert sorted(people) == ["Siobhán Ó Briain", "Tadhg Mac Cárthaigh"]
    assert people["Siobhán Ó Briain"].organisation == "Notes & Domino Ltd"
    assert people["Siobhán Ó Briain"].phones == (Labelled("+353 1 555 0123", "work"),)


def test_outlook_csv_utf16_with_multi_line_notes(journal: Journal) -> None:
    parsed = read_file(CORPUS / "outlook_contacts.csv")
    assert parsed.format == "outlook"
    assert [s.position for s in parsed.skipped] == ["outlook_contacts.csv, row 3 (line 5)"]
    people = imported(journal, "outlook_contacts.csv")
    francois = people["François Côté"]
    assert francois.birthday == Birthday(4, 15, 1980)
    assert francois.notes == "Met at Montréal startup week.\nFollow up about the grant."
    assert francois.tags == ("Clients", "Golf")
    assert [p.label for p in francois.phones] == ["mobile", "work"]
    assert people["Björk Guðmundsdóttir"].birthday is None  # Outlook's 0/0/00


def test_google_csv_multi_values_and_labels(journal: Journal) -> None:
    people = imported(journal, "google_contacts.csv", "google_legacy.csv")
    hana = people["花子 佐藤"]
    assert hana.nickname == "Hana"
    assert hana.emails == (Labelled("hanako@example.jp", "home"), Labelled("h.sato@sakura.example", "work"))
    assert [p.value for p in hana.phones] == ["+81 90 1234 5678", "+81 3 5555 0000"]
    assert hana.tags == ("Friends", "Tokyo")  # Google's "myContacts" is not the user's tag
    assert hana.photo_url == "https://lh3.googleusercontent.com/contacts/XYZ"
    assert people["Zoë Ångström"].birthday == Birthday(4, 15, None)
    maria = people["Mária Nováková"]
    assert (maria.organisation, maria.role, maria.tags) == ("Tatra Labs", "CTO", ("Climbing",))


def test_linkedin_notes_before_header_and_connected_on(journal: Journal) -> None:
    parsed = read_file(CORPUS / "Connections.csv")
    assert parsed.format == "linkedin"
    assert [(s.position, s.reason) for s in parsed.skipped] == [
        ("Connections.csv, row 3 (line 7)", "the record has no name, email or phone")
    ]
    people = imported(journal, "Connections.csv")
    ngozi = people["Ngozi Okonjo-Iweala"]
    assert ngozi.how_met == "Connected on LinkedIn"
    assert ngozi.met_on is not None and ngozi.met_on.isoformat() == "2021-04-15"
    assert ngozi.urls == (Labelled("https://www.linkedin.com/in/ngozi-example", "linkedin"),)
    assert people["Kwame Mensah"].organisation == "Mensah, Boateng & Co"


def test_malformed_cards_are_skipped_with_position_and_reason_and_the_rest_imports(
    journal: Journal,
) -> None:
    plan = plan_import(journal, [CORPUS / "malformed.vcf"])
    assert [(s.position, s.reason) for s in plan.skipped] == [
        ("malformed.vcf, card 2 (line 6)", "the record has no name, email or phone"),
        ("malformed.vcf, card 3 (line 10)", "the card has no readable lines"),
        ("malformed.vcf, card 7 (line 32)", "the card is empty"),
    ]
    apply_import(journal, plan)
    people = {c.name: c for c in journal.contacts.list()}
    assert sorted(people) == ["Bad Birthday", "Good After", "Good Before", "Left Open"]
    bad = journal.contacts.get(people["Bad Birthday"].id)
    # The impossible date, the address without '@', the number without digits and the broken
    # photo are dropped; the person still comes in.
    assert (bad.birthday, bad.emails, bad.phones, bad.photo) == (None, (), (), None)


@pytest.mark.parametrize("name", ["junk.bin", "notes.txt", "empty.vcf"])
def test_a_file_that_is_not_a_contact_file_is_refused(journal: Journal, name: str) -> None:
    with pytest.raises(NotAContactFile, match=f"{name} is not a contact file"):
        plan_import(journal, [CORPUS / name])
    assert journal.contacts.count(include_archived=True) == 0


def test_whole_corpus_counts_and_merges_across_files(journal: Journal) -> None:
    files = sorted(p.name for p in CORPUS.iterdir() if p.suffix in {".vcf", ".csv"} and p.stat().st_size)
    plan = plan_import(journal, [CORPUS / f for f in files])
    assert plan.counts() == {"new": 26, "possible match": 0, "merge": 3, "unchanged": 0, "skipped": 5}
    # The same people in several files become one contact each, matched by email.
    merged = {d.name: d.matched_by for d in plan.decisions if d.action != "new"}
    assert merged == {
        "Øyvind Lærum": "email, with a new person earlier in this import",
        "Renée Lefèvre": "email, with a new person earlier in this import",
        "Zoë Ångström": "email, with a new person earlier in this import",
    }
    apply_import(journal, plan)
    assert journal.contacts.count() == 26


def test_imported_people_are_found_by_search_without_accents(journal: Journal) -> None:
    imported(journal, "ios_contacts.vcf", "outlook.vcf")
    assert [hit.title for hit in journal.search("zoe angstrom")] == ["Zoë Ångström"]
    assert [hit.title for hit in journal.search("Backerei")] == ["Jürgen Müller"]
