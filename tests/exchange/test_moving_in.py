"""Moving in, round two: never merge two people by mistake, flag likely duplicates, keep
addresses, UIDs and photos, and read any CSV in any language.

Each file here is written the way its client writes it (header spelling, separators,
date forms, a BOM), by hand for these tests.
"""

from __future__ import annotations

import base64
import csv
import datetime as dt
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from relationship_journal.exchange import merge
from relationship_journal.exchange.plan import apply_import, plan_import, read_file
from relationship_journal.journal import Journal
from relationship_journal.journal.imports import everyone
from relationship_journal.journal.records import Address, ContactFields, InteractionFields, Labelled


def vcf(tmp_path: Path, *cards: str, name: str = "in.vcf", version: str = "3.0") -> Path:
    path = tmp_path / name
    path.write_text(
        "".join(f"BEGIN:VCARD\r\nVERSION:{version}\r\n{c.strip()}\r\nEND:VCARD\r\n" for c in cards),
        encoding="utf-8",
    )
    return path


def csv_file(
    tmp_path: Path, text: str, name: str = "contacts.csv", encoding: str = "utf-8-sig"
) -> Path:
    path = tmp_path / name
    path.write_bytes(text.replace("\n", "\r\n").encode(encoding))
    return path


def rj(data: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """The command line as a user runs it; it must succeed."""
    result = subprocess.run(
        [sys.executable, "-m", "relationship_journal", "--data-dir", str(data), *args],
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, "PYTHONIOENCODING": "utf-8"},
    )
    assert result.returncode == 0, result.stderr
    return result


def names(journal: Journal) -> list[str]:
    return sorted(c.name for c in journal.contacts.list())


# --- 1. a shared phone or mailbox never merges two people ---------------------------------------
def test_two_people_sharing_an_office_phone_stay_two(journal: Journal, tmp_path: Path) -> None:
    path = vcf(
        tmp_path,
        "FN:Ann Office\nN:Office;Ann;;;\nTEL;TYPE=WORK:+44 20 7946 0000",
        "FN:Bob Switchboard\nN:Switchboard;Bob;;;\nTEL;TYPE=WORK:+44 20 7946 0000",
    )
    plan = plan_import(journal, [path])
    assert [d.action for d in plan.decisions] == [merge.NEW, merge.NEW]
    assert plan.decisions[1].confidence == "weak" and "shared phone" in plan.decisions[1].reason
    apply_import(journal, plan)
    assert names(journal) == ["Ann Office", "Bob Switchboard"]


def test_a_shared_phone_with_someone_in_the_journal_does_not_merge(
    journal: Journal, tmp_path: Path
) -> None:
    journal.contacts.add(ContactFields("Carol Reception", phones=(Labelled("020 7946 0000"),)))
    plan = plan_import(journal, [vcf(tmp_path, "FN:Dev Patel\nTEL:+44 20 7946 0000")])
    apply_import(journal, plan)
    assert names(journal) == ["Carol Reception", "Dev Patel"]


def test_a_shared_info_mailbox_never_merges_different_names(
    journal: Journal, tmp_path: Path
) -> None:
    journal.contacts.add(ContactFields("Eve Baker", emails=(Labelled("info@bakery.example"),)))
    plan = plan_import(journal, [vcf(tmp_path, "FN:Frank Baker\nEMAIL:info@bakery.example")])
    (decision,) = plan.decisions
    assert (decision.action, decision.confidence) == (merge.NEW, "weak")
    apply_import(journal, plan)
    assert names(journal) == ["Eve Baker", "Frank Baker"]


def test_same_personal_email_and_compatible_name_is_sure(journal: Journal, tmp_path: Path) -> None:
    cid = journal.contacts.add(
        ContactFields("Daniel Brown", emails=(Labelled("dan@brown.example"),))
    ).created_id
    plan = plan_import(
        journal, [vcf(tmp_path, "FN:Dan Brown\nEMAIL:DAN@brown.example\nTITLE:Partner")]
    )
    (decision,) = plan.decisions
    assert (decision.action, decision.confidence, decision.contact_id) == (merge.MERGE, "sure", cid)


def test_same_email_under_another_name_is_only_a_possible_match(
    journal: Journal, tmp_path: Path
) -> None:
    journal.contacts.add(ContactFields("Maria Keller", emails=(Labelled("maria@home.example"),)))
    plan = plan_import(journal, [vcf(tmp_path, "FN:Tom Keller\nEMAIL:maria@home.example")])
    assert plan.decisions[0].action == merge.POSSIBLE
    assert "another name" in plan.decisions[0].reason


# --- 2. an obvious duplicate is flagged, and the two are told apart -------------------------------
def test_same_name_and_organisation_is_a_possible_match_kept_apart_by_default(
    journal: Journal, tmp_path: Path
) -> None:
    cid = journal.contacts.add(
        ContactFields(
            "Daniel Brown", organisation="Lumen Legal", emails=(Labelled("d.brown@lumen.example"),)
        )
    ).created_id
    journal.interactions.log(InteractionFields((cid,), dt.date(2026, 3, 2), "call"))
    path = vcf(
        tmp_path, "FN:Daniel Brown\nN:Brown;Daniel;;;\nORG:Lumen Legal\nEMAIL:daniel@home.example"
    )
    plan = plan_import(journal, [path])
    (decision,) = plan.decisions
    assert decision.action == merge.POSSIBLE and decision.contact_id == cid
    assert decision.reason == "same name and organisation"
    assert (
        decision.matched_summary
        == "Lumen Legal · d.brown@lumen.example · 1 entry · last contact 2026-03-02"
    )
    assert decision.record_summary == "Lumen Legal · daniel@home.example"
    assert plan.has_changes()
    apply_import(journal, plan)
    assert names(journal) == ["Daniel Brown", "Daniel Brown"]


def test_a_possible_match_the_user_merges_completes_the_person(
    journal: Journal, tmp_path: Path
) -> None:
    cid = journal.contacts.add(
        ContactFields(
            "Daniel Brown", organisation="Lumen Legal", emails=(Labelled("d.brown@lumen.example"),)
        )
    ).created_id
    path = vcf(tmp_path, "FN:Daniel Brown\nORG:Lumen Legal\nEMAIL:daniel@home.example")
    plan = plan_import(journal, [path])
    plan.choose(plan.decisions[0].index, merge_them=True)
    assert plan.decisions[0].action == merge.MERGE and plan.decisions[0].possible
    apply_import(journal, plan)
    assert names(journal) == ["Daniel Brown"]
    assert [e.value for e in journal.contacts.get(cid).emails] == [
        "d.brown@lumen.example",
        "daniel@home.example",
    ]


def test_cli_lists_possible_matches_and_merges_them_when_asked(tmp_path: Path) -> None:
    data = tmp_path / "j"
    rj(
        data,
        "add",
        "Daniel Brown",
        "--organisation",
        "Lumen Legal",
        "--email",
        "d.brown@lumen.example",
    )
    path = vcf(tmp_path, "FN:Daniel Brown\nORG:Lumen Legal\nEMAIL:daniel@home.example")
    dry = rj(data, "import", str(path), "--dry-run")
    assert (
        "possible match, kept apart: Daniel Brown [Lumen Legal · daniel@home.example]" in dry.stdout
    )
    assert (
        "may be Daniel Brown [Lumen Legal · d.brown@lumen.example · 0 entries · never in touch]"
        in dry.stdout
    )
    rj(data, "import", str(path), "--merge-possible")
    listed = json.loads(rj(data, "list", "--json").stdout)
    assert [p["name"] for p in listed] == ["Daniel Brown"]


# --- 3. addresses, UIDs, and every dropped value reported -----------------------------------------
def test_addresses_come_in_labelled_and_in_their_parts(journal: Journal, tmp_path: Path) -> None:
    path = vcf(
        tmp_path,
        "UID:urn:uuid:5f1c3f0e-1b7a-4a55-9d1e-0b8f4a2c9e11\nFN:Carla Street\n"
        "ADR;TYPE=home:;;12 Harbour Lane;Bristol;;BS1 4QA;United Kingdom\n"
        "item1.ADR:;Unit 4;1 Quay\\, Side;Leeds;West Yorkshire;LS1 1AA;UK\nitem1.X-ABLabel:studio",
        version="4.0",
    )
    apply_import(journal, plan_import(journal, [path]))
    (carla,) = everyone(journal)
    assert carla.addresses == (
        Address("home", "12 Harbour Lane", "Bristol", "", "BS1 4QA", "United Kingdom"),
        Address(
            "studio", "1 Quay, Side", "Leeds", "West Yorkshire", "LS1 1AA", "UK", extended="Unit 4"
        ),
    )
    assert carla.uid == "urn:uuid:5f1c3f0e-1b7a-4a55-9d1e-0b8f4a2c9e11"


def test_a_card_whose_name_and_email_changed_finds_its_person_by_uid(
    journal: Journal, tmp_path: Path
) -> None:
    apply_import(
        journal,
        plan_import(
            journal, [vcf(tmp_path, "UID:abc-123\nFN:Grace Hopper\nEMAIL:grace@navy.example")]
        ),
    )
    again = vcf(
        tmp_path, "UID:abc-123\nFN:Grace B. Murray\nEMAIL:gbm@yale.example", name="again.vcf"
    )
    plan = plan_import(journal, [again])
    (decision,) = plan.decisions
    assert (decision.action, decision.confidence, decision.matched_by) == (
        merge.MERGE,
        "sure",
        "uid",
    )
    apply_import(journal, plan)
    assert names(journal) == ["Grace Hopper"]


def test_an_invalid_birthday_and_bad_values_are_reported_against_their_card(tmp_path: Path) -> None:
    path = vcf(tmp_path, "FN:Hal Turing\nBDAY:1985-13-45\nEMAIL:hal-at-example\nTEL:call me")
    (person,) = read_file(path).people
    assert (
        person.fields.birthday is None and person.fields.emails == () and person.fields.phones == ()
    )
    assert person.notes == (
        "birthday '1985-13-45' is not a date; left out",
        "email 'hal-at-example' is not an email; left out",
        "phone 'call me' is not a phone; left out",
    )
    assert person.position.endswith("card 1 (line 1)")


def test_the_cli_summary_says_what_was_dropped(tmp_path: Path) -> None:
    path = vcf(tmp_path, "FN:Hal Turing\nBDAY:1985-13-45")
    out = rj(tmp_path / "j", "import", str(path)).stdout
    assert "changed in.vcf, card 1 (line 1): birthday '1985-13-45' is not a date; left out" in out


# --- 4. any CSV, in any language -------------------------------------------------------------------
LOCALIZED_OUTLOOK = {
    "de": (
        "Vorname,Nachname,E-Mail-Adresse,Firma,Position,Telefon geschäftlich,Mobiltelefon,"
        "Straße privat,Ort privat,Postleitzahl privat,Land/Region privat,Geburtstag,Kategorien,Notizen",
        "Jürgen,Weiß,j.weiss@beispiel.example,Nordlicht GmbH,Leiter Vertrieb,040 1234567,0171 2345678,"
        "Hafenstraße 3,Hamburg,20457,Deutschland,17.3.1985,Kunden,Trifft man am Hafen",
    ),
    "fr": (
        "Prénom,Nom,Adresse de messagerie,Société,Fonction,Téléphone (bureau),Tél. mobile,"
        "Rue (domicile),Ville (domicile),Code postal (domicile),Pays/Région (domicile),Anniversaire,"
        "Catégories,Notes",
        "Jürgen,Weiß,j.weiss@beispiel.example,Nordlicht GmbH,Leiter Vertrieb,040 1234567,0171 2345678,"
        "Hafenstraße 3,Hamburg,20457,Deutschland,17/03/1985,Kunden,Trifft man am Hafen",
    ),
    "es": (
        "Nombre,Apellidos,Dirección de correo electrónico,Organización,Puesto,Teléfono del trabajo,Móvil,"
        "Calle del domicilio,Ciudad de residencia,Código postal de residencia,País o región de residencia,"
        "Cumpleaños,Categorías,Notas",
        "Jürgen,Weiß,j.weiss@beispiel.example,Nordlicht GmbH,Leiter Vertrieb,040 1234567,0171 2345678,"
        "Hafenstraße 3,Hamburg,20457,Deutschland,17/03/1985,Kunden,Trifft man am Hafen",
    ),
    "it": (
        "Nome,Cognome,Indirizzo posta elettronica,Società,Posizione,Telefono (uff.),Cellulare,Via (ab.),"
        "Città (ab.),CAP (ab.),Paese (ab.),Compleanno,Categorie,Note",
        "Jürgen,Weiß,j.weiss@beispiel.example,Nordlicht GmbH,Leiter Vertrieb,040 1234567,0171 2345678,"
        "Hafenstraße 3,Hamburg,20457,Deutschland,17/03/1985,Kunden,Trifft man am Hafen",
    ),
    "nl": (
        "Voornaam,Achternaam,E-mailadres,Bedrijf,Functie,Telefoon op werk,Mobiele telefoon,"
        '"Huisadres, straat","Huisadres, plaats","Huisadres, postcode","Huisadres, land/regio",Verjaardag,'
        "Categorieën,Notities",
        "Jürgen,Weiß,j.weiss@beispiel.example,Nordlicht GmbH,Leiter Vertrieb,040 1234567,0171 2345678,"
        "Hafenstraße 3,Hamburg,20457,Deutschland,17-3-1985,Kunden,Trifft man am Hafen",
    ),
    "pt": (
        "Nome,Sobrenome,Endereço de email,Empresa,Cargo,Telefone comercial,Telefone celular,"
        "Rua do endereço residencial,Cidade do endereço residencial,CEP do endereço residencial,"
        "País/Região do endereço residencial,Aniversário,Categorias,Anotações",
        "Jürgen,Weiß,j.weiss@beispiel.example,Nordlicht GmbH,Leiter Vertrieb,040 1234567,0171 2345678,"
        "Hafenstraße 3,Hamburg,20457,Deutschland,17/03/1985,Kunden,Trifft man am Hafen",
    ),
}


@pytest.mark.parametrize("language", sorted(LOCALIZED_OUTLOOK))
def test_a_localized_outlook_export_is_read_whole(language: str, tmp_path: Path) -> None:
    header, row = LOCALIZED_OUTLOOK[language]
    # Outlook writes the header's quotes around every name and, in these locales, ';' in some setups.
    parsed = read_file(csv_file(tmp_path, f"{header}\n{row}\n"))
    assert (parsed.format, parsed.needs_mapping) == ("outlook", False)
    (person,) = parsed.people
    f = person.fields
    assert (
        f.display_name == "Jürgen Weiß"
        and f.organisation == "Nordlicht GmbH"
        and f.role == "Leiter Vertrieb"
    )
    assert [e.value for e in f.emails] == ["j.weiss@beispiel.example"]
    assert [(p.value, p.label) for p in f.phones] == [
        ("0171 2345678", "mobile"),
        ("040 1234567", "work"),
    ]
    assert f.addresses == (Address("home", "Hafenstraße 3", "Hamburg", "", "20457", "Deutschland"),)
    assert f.birthday is not None and (f.birthday.year, f.birthday.month, f.birthday.day) == (
        1985,
        3,
        17,
    )
    assert f.tags == ("Kunden",) and f.notes == "Trifft man am Hafen"
    assert person.notes == ()


def test_a_semicolon_outlook_export_with_cp1252_is_read(tmp_path: Path) -> None:
    path = csv_file(
        tmp_path,
        '"Vorname";"Nachname";"E-Mail-Adresse"\n"Björn";"Großmann";"bg@example.de"\n',
        encoding="cp1252",
    )
    (person,) = read_file(path).people
    assert person.fields.display_name == "Björn Großmann"


def test_an_outlook_export_with_only_email_columns_names_people_by_email(tmp_path: Path) -> None:
    path = csv_file(
        tmp_path,
        "E-mail Address,E-mail 2 Address,E-mail 3 Address\n"
        "ops@harbour.example,,\nlee@one.example,lee@two.example,\n",
    )
    parsed = read_file(path)
    assert [p.fields.display_name for p in parsed.people] == [
        "ops@harbour.example",
        "lee@one.example",
    ]
    assert [e.value for e in parsed.people[1].fields.emails] == [
        "lee@one.example",
        "lee@two.example",
    ]


def test_a_thunderbird_export_is_read(tmp_path: Path) -> None:
    header = (
        "First Name,Last Name,Display Name,Nickname,Primary Email,Secondary Email,Screen Name,"
        "Work Phone,Home Phone,Fax Number,Pager Number,Mobile Number,Home Address,Home Address 2,"
        "Home City,Home State,Home ZipCode,Home Country,Work Address,Work Address 2,Work City,"
        "Work State,Work ZipCode,Work Country,Job Title,Department,Organization,Web Page 1,"
        "Web Page 2,Birth Year,Birth Month,Birth Day,Custom 1,Custom 2,Custom 3,Custom 4,Notes,"
    )
    row = (
        "Ines,Duarte,Ines Duarte,,ines@duarte.example,,,,,,,+351 912 345 678,,,,,,,Rua Augusta 10,,Lisboa,"
        ",1100-053,Portugal,Architect,,Atelier Duarte,https://duarte.example,,1979,11,02,,,,,Met in Porto,"
    )
    parsed = read_file(csv_file(tmp_path, f"{header}\n{row}\n", encoding="utf-8"))
    assert parsed.format == "thunderbird"
    (person,) = parsed.people
    f = person.fields
    assert (f.display_name, f.organisation, f.role, f.notes) == (
        "Ines Duarte",
        "Atelier Duarte",
        "Architect",
        "Met in Porto",
    )
    assert f.birthday is not None and f.birthday.iso() == "1979-11-02"
    assert f.addresses == (Address("work", "Rua Augusta 10", "Lisboa", "", "1100-053", "Portugal"),)


def test_a_german_thunderbird_export_reads_geburtstag_as_the_day(tmp_path: Path) -> None:
    header = (
        "Vorname,Nachname,Anzeigename,Primäre E-Mail-Adresse,Geburtsjahr,Geburtsmonat,Geburtstag"
    )
    parsed = read_file(
        csv_file(tmp_path, f"{header}\nKarl,Ernst,Karl Ernst,karl@ernst.example,1960,04,09\n")
    )
    assert parsed.people[0].fields.birthday.iso() == "1960-04-09"


def test_a_spreadsheet_is_guessed_from_its_words_and_cells(tmp_path: Path) -> None:
    path = csv_file(
        tmp_path,
        "Wer,Kontakt,Handy,Geburtsdatum,Stadt\n"
        "Lena Vogel,lena@vogel.example,0151 2233445,1992-05-30,Köln\n"
        "Max Roth,max@roth.example,0160 9988776,1988-01-12,Bonn\n",
        encoding="utf-8",
    )
    parsed = read_file(path)
    assert parsed.format == "spreadsheet" and parsed.needs_mapping
    assert parsed.mapping is not None
    assert parsed.mapping.fields == ("name", "email", "mobile", "birthday", "city")
    assert parsed.people[0].fields.display_name == "Lena Vogel"
    assert parsed.people[0].fields.addresses == (Address(None, city="Köln"),)


def test_map_overrides_the_guess_and_is_remembered_for_the_same_columns(
    journal: Journal, tmp_path: Path
) -> None:
    from relationship_journal.exchange.plan import remember_mapping

    text = "Full name,Mail,Notes about them\nPriya Raman,priya@raman.example,met at the harbour festival\n"
    path = csv_file(tmp_path, text, encoding="utf-8")
    plan = plan_import(
        journal, [path], mapping="Full name=name,Mail=email,Notes about them=how we met"
    )
    (parsed,) = plan.files
    assert parsed.people[0].fields.how_met == "met at the harbour festival"
    remember_mapping(journal, parsed.mapping)
    later = plan_import(journal, [csv_file(tmp_path, text, name="later.csv", encoding="utf-8")])
    assert later.files[0].needs_mapping is False
    assert later.people[0].fields.how_met == "met at the harbour festival"


def test_a_bad_map_is_one_clear_error(journal: Journal, tmp_path: Path) -> None:
    from relationship_journal.exchange.records import NotAContactFile

    path = csv_file(tmp_path, "Who,Mail\nAda,ada@example.org\n", encoding="utf-8")
    with pytest.raises(NotAContactFile, match="'favourite colour' is not a field"):
        plan_import(journal, [path], mapping="Who=favourite colour")
    with pytest.raises(NotAContactFile, match="has no column 'name'"):
        plan_import(journal, [path], mapping="Name=name")


def test_a_row_with_no_name_but_an_email_is_named_by_the_email(tmp_path: Path) -> None:
    path = csv_file(
        tmp_path, "First Name,Last Name,E-mail Address,Mobile Phone\n,,solo@example.org,\n"
    )
    (person,) = read_file(path).people
    assert person.fields.display_name == "solo@example.org"


def test_an_impossible_csv_birthday_is_reported_with_its_row(tmp_path: Path) -> None:
    path = csv_file(
        tmp_path, "Vorname,Nachname,E-Mail-Adresse,Geburtstag\nAnna,Schmidt,a@s.example,31.2.1990\n"
    )
    (person,) = read_file(path).people
    assert person.notes == ("birthday '31.2.1990' is not a date; left out",)
    assert "row 1 (line 2)" in person.position


# --- 5. photos: kept small, shown, exported back ---------------------------------------------------
def _png(width: int, height: int) -> bytes:
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice
    from PySide6.QtGui import QColor, QImage

    image = QImage(width, height, QImage.Format.Format_RGB32)
    image.fill(QColor("#3a7"))
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    return bytes(data.data())


def test_a_large_photo_is_made_avatar_sized_and_said_so(journal: Journal, tmp_path: Path) -> None:
    from PySide6.QtGui import QImage

    from relationship_journal.reports.images import shrink_photo

    photo = _png(1600, 1200) + b"\0" * 60_000  # a big file, as phones write them
    path = vcf(
        tmp_path, f"FN:Ola Nordmann\nPHOTO;ENCODING=b;TYPE=PNG:{base64.b64encode(photo).decode()}"
    )
    plan = plan_import(journal, [path], shrink_photo=shrink_photo)
    (person,) = plan.people
    assert person.fields.photo is not None and len(person.fields.photo) < 20_000
    assert QImage.fromData(person.fields.photo).width() == 256
    assert person.notes[-1].startswith("photo made smaller for the journal")


# --- round trips ------------------------------------------------------------------------------------
def _fill(journal: Journal) -> None:
    from relationship_journal.journal.records import Birthday

    journal.contacts.add(
        ContactFields(
            "Carla Street",
            given_name="Carla",
            family_name="Street",
            organisation="Harbour Trust",
            birthday=Birthday(4, 12, 1984),
            emails=(Labelled("carla@street.example", "work"),),
            phones=(Labelled("+44 117 496 0000", "mobile"),),
            tags=("sailing",),
            photo=_png(64, 64),
            uid="urn:uuid:5f1c3f0e-1b7a-4a55-9d1e-0b8f4a2c9e11",
            addresses=(
                Address(
                    "home", "12 Harbour Lane\nFlat 3", "Bristol", "", "BS1 4QA", "United Kingdom"
                ),
                Address(
                    "studio",
                    "1 Quay, Side",
                    "Leeds",
                    "West Yorkshire",
                    "LS1 1AA",
                    "UK",
                    po_box="77",
                ),
            ),
        )
    )
    journal.contacts.add(
        ContactFields("Zoë Ångström", birthday=Birthday(2, 29), notes="Line one\nline two")
    )


def _same_people(journal: Journal) -> list[tuple[object, ...]]:
    return sorted(
        (
            c.display_name,
            c.organisation,
            c.birthday,
            c.addresses,
            c.photo,
            c.uid,
            c.emails,
            c.phones,
            c.tags,
            c.notes,
        )
        for c in everyone(journal)
    )


def test_vcard_round_trip_keeps_addresses_photos_uids_and_birthdays(
    journal: Journal, tmp_path: Path, private_folders: Path
) -> None:
    from relationship_journal.exchange.vcard_write import write_vcard_file

    _fill(journal)
    out = tmp_path / "out.vcf"
    write_vcard_file(everyone(journal), out)
    with Journal.open(tmp_path / "empty") as empty:
        apply_import(empty, plan_import(empty, [out]))
        assert _same_people(empty)[0] == _same_people(journal)[0]
        again = plan_import(empty, [out])
        assert [d.action for d in again.decisions] == [merge.UNCHANGED, merge.UNCHANGED]
    carla = next(c for c in _same_people(journal) if c[0] == "Carla Street")
    assert carla[5] == "urn:uuid:5f1c3f0e-1b7a-4a55-9d1e-0b8f4a2c9e11"


def test_vcard_round_trip_gives_people_without_a_uid_the_exported_one(
    journal: Journal, tmp_path: Path
) -> None:
    from relationship_journal.exchange.vcard_write import write_vcard_file

    _fill(journal)
    out = tmp_path / "out.vcf"
    write_vcard_file(everyone(journal), out)
    with Journal.open(tmp_path / "empty") as empty:
        apply_import(empty, plan_import(empty, [out]))
        people = {c[0]: c for c in _same_people(empty)}
        mine = {c[0]: c for c in _same_people(journal)}
        assert people["Zoë Ångström"][:5] == mine["Zoë Ångström"][:5]
        assert people["Zoë Ångström"][5].startswith("urn:uuid:")


def test_csv_round_trip_gives_the_same_people(journal: Journal, tmp_path: Path) -> None:
    from relationship_journal.exchange.csv_write import write_csv

    _fill(journal)
    out = tmp_path / "out.csv"
    write_csv(everyone(journal), {}, out)
    with Journal.open(tmp_path / "empty") as empty:
        plan = plan_import(empty, [out])
        assert (plan.files[0].format, plan.files[0].needs_mapping) == ("journal", False)
        apply_import(empty, plan)

        # A CSV carries no photo, and no labels on emails and phones; the rest comes back as it went out.
        def comparable(people: list[tuple[object, ...]]) -> list[tuple[object, ...]]:
            return [
                (*p[:4], p[5], [e.value for e in p[6]], [n.value for n in p[7]], *p[8:])
                for p in people
            ]

        assert comparable(_same_people(empty)) == comparable(_same_people(journal))


def test_google_csv_addresses_and_a_bad_birthday(tmp_path: Path) -> None:
    header = ("First Name,Middle Name,Last Name,Birthday,Labels,E-mail 1 - Label,E-mail 1 - Value,"
              "Address 1 - Label,Address 1 - Formatted,Address 1 - Street,Address 1 - City,Address 1 - PO Box,"
              "Address 1 - Region,Address 1 - Postal Code,Address 1 - Country,Address 1 - Extended Address")
    row = ("Nia,,Okafor,1990-02-30,* myContacts,* Home,nia@okafor.example,Home,\"5 Marina Rd\nLagos\",5 Marina Rd,"
           "Lagos,,Lagos State,101001,Nigeria,")
    (person,) = read_file(csv_file(tmp_path, f"{header}\n{row}\n", encoding="utf-8")).people
    assert person.fields.addresses == (Address("home", "5 Marina Rd", "Lagos", "Lagos State", "101001", "Nigeria"),)
    assert person.notes == ("birthday '1990-02-30' is not a date; left out",)


def test_naming_a_person_by_their_email_is_said(tmp_path: Path) -> None:
    (person,) = read_file(vcf(tmp_path, "EMAIL:solo@example.org")).people
    assert person.fields.display_name == "solo@example.org"
    assert person.notes == ("no name in the record; named by its email",)


def test_undoing_an_import_takes_back_the_addresses_it_added(journal: Journal, tmp_path: Path) -> None:
    from relationship_journal.exchange.plan import undo_import

    cid = journal.contacts.add(ContactFields("Ines Duarte", emails=(Labelled("ines@duarte.example"),))).created_id
    path = vcf(tmp_path, "FN:Ines Duarte\nEMAIL:ines@duarte.example\nADR;TYPE=work:;;Rua Augusta 10;Lisboa;;1100-053;Portugal\n"
                         "UID:tb-77")
    plan = plan_import(journal, [path])
    assert plan.decisions[0].details == ("adds UID", "adds 1 address")
    apply_import(journal, plan)
    assert journal.contacts.get(cid).addresses[0].city == "Lisboa" and journal.contacts.get(cid).uid == "tb-77"
    undo_import(journal)
    assert journal.contacts.get(cid).addresses == () and journal.contacts.get(cid).uid is None


OUTLOOK_FULL_HEADER = (
    '"Title","First Name","Middle Name","Last Name","Suffix","Company","Department","Job Title",'
    '"Business Street","Business Street 2","Business Street 3","Business City","Business State",'
    '"Business Postal Code","Business Country/Region","Home Street","Home Street 2","Home Street 3",'
    '"Home City","Home State","Home Postal Code","Home Country/Region","Other Street","Other Street 2",'
    '"Other Street 3","Other City","Other State","Other Postal Code","Other Country/Region",'
    '"Assistant\'s Phone","Business Fax","Business Phone","Business Phone 2","Callback","Car Phone",'
    '"Company Main Phone","Home Fax","Home Phone","Home Phone 2","ISDN","Mobile Phone","Other Fax",'
    '"Other Phone","Pager","Primary Phone","Radio Phone","TTY/TDD Phone","Telex","Account","Anniversary",'
    '"Assistant\'s Name","Billing Information","Birthday","Business Address PO Box","Categories","Children",'
    '"Directory Server","E-mail Address","E-mail Type","E-mail Display Name","E-mail 2 Address",'
    '"E-mail 2 Type","E-mail 2 Display Name","E-mail 3 Address","E-mail 3 Type","E-mail 3 Display Name",'
    '"Gender","Government ID Number","Hobby","Home Address PO Box","Initials","Internet Free Busy",'
    '"Keywords","Language","Location","Manager\'s Name","Mileage","Notes","Office Location",'
    '"Organizational ID Number","Other Address PO Box","Priority","Private","Profession","Referred By",'
    '"Sensitivity","Spouse","User 1","User 2","User 3","User 4","Web Page"'
)


def test_a_full_english_outlook_export_keeps_business_and_home_addresses(tmp_path: Path) -> None:
    columns = next(csv.reader([OUTLOOK_FULL_HEADER]))
    values = dict.fromkeys(columns, "")
    values.update({
        "First Name": "Sam", "Last Name": "Lee", "Company": "Quayside Ltd", "Job Title": "Pilot",
        "Business Street": "1 Dock Rd", "Business City": "Cardiff", "Business Postal Code": "CF10 5AA",
        "Business Country/Region": "United Kingdom", "Home Street": "9 Hill St", "Home City": "Penarth",
        "Birthday": "3/17/1985", "Anniversary": "0/0/00", "E-mail Address": "sam@quayside.example",
        "E-mail Type": "SMTP", "E-mail Display Name": "Sam Lee (sam@quayside.example)",
        "Mobile Phone": "+44 7700 900111", "Gender": "Unspecified", "Priority": "Normal",
        "Private": "False", "Sensitivity": "Normal",
    })
    row = ",".join(f'"{values[c]}"' for c in columns)
    parsed = read_file(csv_file(tmp_path, f"{OUTLOOK_FULL_HEADER}\n{row}\n", encoding="utf-8"))
    assert (parsed.format, parsed.needs_mapping) == ("outlook", False)
    (person,) = parsed.people
    f = person.fields
    assert (f.display_name, f.role, f.birthday.iso()) == ("Sam Lee", "Pilot", "1985-03-17")
    assert f.addresses == (
        Address("work", "1 Dock Rd", "Cardiff", "", "CF10 5AA", "United Kingdom"),
        Address("home", "9 Hill St", "Penarth"),
    )
    assert [e.value for e in f.emails] == ["sam@quayside.example"] and f.important_dates == ()
    assert person.notes == ()


def test_a_quote_guarding_a_cell_against_formulas_is_taken_off(tmp_path: Path) -> None:
    path = csv_file(tmp_path, "Name,Phone,Notes\nRay Quinn,'+44 20 7946 0123,'=not a formula\n", encoding="utf-8")
    (person,) = read_file(path).people
    assert person.fields.phones[0].value == "+44 20 7946 0123"
    assert person.fields.notes == "=not a formula"


def test_a_letter_with_commas_is_not_taken_for_a_spreadsheet(tmp_path: Path) -> None:
    from relationship_journal.exchange.records import NotAContactFile

    letter = tmp_path / "letter.txt"
    letter.write_text("Dear Ann, thanks for the lovely dinner, see you soon.\nBest, Bob\n", encoding="utf-8")
    with pytest.raises(NotAContactFile, match="names no contact fields"):
        read_file(letter)
    # columns named in no language we know still come in when the rows hold addresses
    club = csv_file(tmp_path, "Wer,Wo\nLena Vogel,lena@vogel.example\n", encoding="utf-8")
    assert read_file(club).people[0].fields.emails[0].value == "lena@vogel.example"
