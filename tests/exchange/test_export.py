"""Exports: vCard that comes back as the same people, a CSV with health, a calendar of dates."""

from __future__ import annotations

import csv
import dataclasses
import datetime as dt
import os
import stat
from pathlib import Path

import pytest

from relationship_journal.exchange.csv_write import ADDRESS_COLUMNS, COLUMNS, write_csv
from relationship_journal.exchange.health_figures import health_by_contact
from relationship_journal.exchange.ical_write import write_calendar
from relationship_journal.exchange.plan import apply_import, plan_import
from relationship_journal.exchange.vcard_write import fold, write_vcard_file, write_vcard_folder
from relationship_journal.journal import Journal
from relationship_journal.journal.imports import everyone
from relationship_journal.journal.records import (
    Birthday,
    ContactFields,
    InteractionFields,
    Labelled,
    YearlyDate,
)

CORPUS = Path(__file__).with_name("corpus")
AS_OF = dt.date(2026, 6, 1)

# What "the same people" means: everything a vCard carries.
CARRIED = ("display_name", "given_name", "family_name", "nickname", "organisation", "role",
           "birthday", "notes", "photo", "photo_url", "emails", "phones", "urls", "tags",
           "important_dates")


def people(journal: Journal) -> list[dict[str, object]]:
    return sorted(
        ({name: getattr(c, name) for name in CARRIED} for c in everyone(journal)),
        key=lambda p: (p["display_name"], repr(p["emails"])),
    )


def tricky(journal: Journal) -> None:
    journal.contacts.add(ContactFields(
        "Zoë Ångström; \"Zo\", the roaster",
        given_name="Zoë", family_name="Ångström", nickname="Zo", organisation="Acme, Inc.",
        role="Head; of Coffee", birthday=Birthday(2, 29), notes="Line one\nLine two, with \\ backslash",
        photo=b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 40, photo_url="https://example.org/z.png",
        emails=(Labelled("zo@roaster.example", "home"), Labelled("z@work.example", "work")),
        phones=(Labelled("+46 70 999 88 77", "mobile"), Labelled("+46 8 555", "Lab bench")),
        urls=(Labelled("https://example.se/a,b;c", "blog"),),
        tags=("coffee", "friends, close"),
        important_dates=(YearlyDate("wedding", 6, 20, 2015), YearlyDate("name day", 7, 26)),
    ))
    journal.contacts.add(ContactFields("山田 太郎", birthday=Birthday(1, 2, 1980)))


def test_vcard_export_reimported_into_an_empty_journal_gives_the_same_people(
    journal: Journal, tmp_path: Path
) -> None:
    apply_import(journal, plan_import(journal, sorted(
        p for p in CORPUS.iterdir() if p.suffix in {".vcf", ".csv"} and p.stat().st_size
    )))
    tricky(journal)
    out = tmp_path / "out" / "all.vcf"
    out.parent.mkdir()
    assert write_vcard_file(everyone(journal), out) == 28
    assert stat.S_IMODE(out.stat().st_mode) == 0o600
    assert [p.name for p in out.parent.iterdir()] == ["all.vcf"]  # no temporary file left behind
    with Journal.open(tmp_path / "second") as second:
        plan = plan_import(second, [out])
        assert plan.skipped == []
        apply_import(second, plan)
        assert people(second) == people(journal)


def test_vcard_lines_are_folded_at_75_octets_without_splitting_characters() -> None:
    line = "NOTE:" + "Ünïcødé 名前 " * 30
    folded = fold(line)
    assert all(len(part.encode("utf-8")) <= 75 for part in folded.split("\r\n"))
    assert folded.replace("\r\n ", "") == line


def test_split_export_writes_one_card_per_person_with_stable_names(
    journal: Journal, tmp_path: Path
) -> None:
    tricky(journal)
    folder = tmp_path / "contacts"
    assert write_vcard_folder(everyone(journal), folder) == 2
    first = sorted(p.name for p in folder.iterdir())
    assert all(name.endswith(".vcf") for name in first)
    write_vcard_folder(everyone(journal), folder)
    assert sorted(p.name for p in folder.iterdir()) == first  # re-export updates, never duplicates
    for path in folder.iterdir():
        text = path.read_text(encoding="utf-8")
        assert text.count("BEGIN:VCARD") == 1 and "VERSION:4.0" in text
    # The folder reads back as it was written.
    with Journal.open(tmp_path / "second") as second:
        apply_import(second, plan_import(second, [folder]))
        assert people(second) == people(journal)


def test_csv_export_has_everyone_with_their_health(journal: Journal, tmp_path: Path) -> None:
    tricky(journal)
    zoe = journal.contacts.resolve("Zoë")
    for days in (10, 40, 70):
        journal.interactions.log(InteractionFields(
            (zoe,), AS_OF - dt.timedelta(days=days), "meeting", minutes=60, depth=4, initiated_by="them"
        ))
    out = tmp_path / "people.csv"
    write_csv(everyone(journal), health_by_contact(journal, AS_OF), out)
    raw = out.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # so spreadsheets show accents and other scripts
    rows = list(csv.DictReader(raw.decode("utf-8-sig").splitlines()))
    assert list(rows[0]) == [*COLUMNS, *(f"address 1 {part}" for part in ADDRESS_COLUMNS)]
    by_name = {r["name"]: r for r in rows}
    assert set(by_name) == {"Zoë Ångström; \"Zo\", the roaster", "山田 太郎"}
    zoe_row = by_name["Zoë Ångström; \"Zo\", the roaster"]
    assert zoe_row["emails"] == "zo@roaster.example; z@work.example"
    assert zoe_row["last_interaction"] == (AS_OF - dt.timedelta(days=10)).isoformat()
    assert 0 < int(zoe_row["health"]) <= 100
    assert zoe_row["band"] in {"strong", "steady", "cooling", "cold"}
    assert all(zoe_row[part] for part in ("recency", "depth", "trust"))
    assert by_name["山田 太郎"]["band"] == "no data" and by_name["山田 太郎"]["health"] == ""


def test_calendar_has_yearly_dates_keep_in_touch_and_promises(journal: Journal, tmp_path: Path) -> None:
    from icalendar import Calendar

    tricky(journal)
    zoe = journal.contacts.resolve("Zoë")
    journal.interactions.log(InteractionFields((zoe,), AS_OF - dt.timedelta(days=400), "call"))
    journal.ledger.add_commitment(zoe, "mine", "Send the article", AS_OF - dt.timedelta(days=3),
                                  due_date=AS_OF + dt.timedelta(days=7))
    done = journal.ledger.add_commitment(zoe, "theirs", "Intro to Kai", AS_OF - dt.timedelta(days=3),
                                         due_date=AS_OF + dt.timedelta(days=2))
    journal.ledger.set_commitment_done(done.created_id, AS_OF)
    out = tmp_path / "dates.ics"
    counts = write_calendar(everyone(journal), health_by_contact(journal, AS_OF),
                            journal.ledger.commitments(open_only=True), AS_OF, out)
    assert dataclasses.astuple(counts) == (2, 2, 1, 1)
    events = {str(e["summary"]): e for e in Calendar.from_ical(out.read_bytes()).walk("VEVENT")}
    name = "Zoë Ångström; \"Zo\", the roaster"
    birthday = events[f"Birthday: {name}"]
    assert birthday["rrule"]["FREQ"] == ["YEARLY"]
    assert birthday.decoded("dtstart") == dt.date(2024, 2, 29)  # a leap year for 29 February
    assert events["Birthday: 山田 太郎"].decoded("dtstart") == dt.date(1980, 1, 2)
    assert events[f"Wedding: {name}"]["rrule"]["FREQ"] == ["YEARLY"]
    overdue = events[f"Overdue: keep in touch with {name}"]
    assert overdue.decoded("dtstart") == AS_OF and "rrule" not in overdue
    promise = events[f"Promised {name}: Send the article"]
    assert promise.decoded("dtstart") == AS_OF + dt.timedelta(days=7)
    assert not any("Intro to Kai" in s for s in events)  # kept promises are not reminded of
    for reminded in (overdue, promise):  # a phone calendar reminds on the day, at 09:00
        (alarm,) = reminded.walk("VALARM")
        assert alarm["action"] == "DISPLAY" and alarm.decoded("trigger") == dt.timedelta(hours=9)
        assert str(alarm["description"]) == str(reminded["summary"])
    assert birthday.walk("VALARM") == []


def test_export_to_a_missing_folder_is_refused_cleanly(journal: Journal, tmp_path: Path) -> None:
    from relationship_journal.journal import JournalError

    with pytest.raises(JournalError, match="does not exist"):
        write_vcard_file(everyone(journal), tmp_path / "nowhere" / "x.vcf")
    assert not os.path.exists(tmp_path / "nowhere")

