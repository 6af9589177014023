"""An import is one batch: previewed without writing, written whole, undone whole."""

from __future__ import annotations

import datetime as dt
import sqlite3
from pathlib import Path

import pytest

from relationship_journal.exchange.plan import apply_import, plan_import, undo_import
from relationship_journal.journal import Journal, NotFoundError
from relationship_journal.journal.imports import batches, contact_history
from relationship_journal.journal.records import ContactFields, InteractionFields, Labelled

CORPUS = Path(__file__).with_name("corpus")


def snapshot(journal: Journal) -> dict[str, list[tuple[object, ...]]]:
    tables = ("contacts", "contact_emails", "contact_phones", "contact_urls", "contact_tags",
              "important_dates", "contact_history", "import_batches", "import_batch_contacts")
    with journal.reading() as connection:
        return {
            t: sorted(connection.execute(f"SELECT * FROM {t}").fetchall(), key=repr) for t in tables
        }


def test_a_plan_writes_nothing(journal: Journal) -> None:
    before = snapshot(journal)
    plan = plan_import(journal, [CORPUS / "ios_contacts.vcf", CORPUS / "Connections.csv"])
    assert plan.counts()["new"] == 5
    assert snapshot(journal) == before


def test_undo_removes_new_people_and_takes_back_what_was_added(journal: Journal) -> None:
    cid = journal.contacts.add(ContactFields(
        "Øyvind Lærum", role="Researcher", emails=(Labelled("oyvind@fjord.example"),)
    )).created_id
    before = snapshot(journal)
    plan = plan_import(journal, [CORPUS / "ios_contacts.vcf"])
    batch_id = apply_import(journal, plan)
    assert batch_id is not None
    changed = journal.contacts.get(cid)
    assert changed.organisation == "Fjord Analytics, Research"
    assert changed.birthday is not None
    assert journal.contacts.count() == 3
    undone = undo_import(journal)
    assert (undone.batch.id, undone.removed, undone.restored, undone.kept) == (batch_id, 2, 1, ())
    after = snapshot(journal)
    # Every column is as it was, except the timestamp of the last change.
    assert [r[:-1] for r in after["contacts"]] == [r[:-1] for r in before["contacts"]]
    for table in ("contact_emails", "contact_phones", "contact_urls", "contact_tags", "important_dates",
                  "contact_history"):
        assert after[table] == before[table], table
    assert batches(journal)[0].undone_at is not None
    with pytest.raises(NotFoundError, match="no import to undo"):
        undo_import(journal)


def test_undo_keeps_people_the_user_has_written_about_since(journal: Journal) -> None:
    apply_import(journal, plan_import(journal, [CORPUS / "android_contacts.vcf"]))
    anna = journal.contacts.resolve("Анна")
    journal.interactions.log(InteractionFields((anna,), dt.date(2026, 5, 1), "call", note="Long talk"))
    undone = undo_import(journal)
    assert undone.kept == ("Анна Каренина",)
    assert [c.name for c in journal.contacts.list()] == ["Анна Каренина"]
    assert journal.interactions.count() == 1


def test_conflicts_recorded_by_an_import_go_with_its_undo(journal: Journal, tmp_path: Path) -> None:
    cid = journal.contacts.add(ContactFields(
        "Ngozi", organisation="Old Co", emails=(Labelled("ngozi@example.ng"),)
    )).created_id
    path = tmp_path / "c.vcf"
    path.write_text(
        "BEGIN:VCARD\nVERSION:3.0\nFN:Ngozi\nEMAIL:ngozi@example.ng\nORG:New Co\nEND:VCARD\n",
        encoding="utf-8",
    )
    apply_import(journal, plan_import(journal, [path]))
    assert [h.imported_value for h in contact_history(journal, cid)] == ["New Co"]
    undo_import(journal)
    assert contact_history(journal, cid) == []


def test_a_failure_while_writing_leaves_the_journal_untouched(journal: Journal) -> None:
    journal.contacts.add(ContactFields("Zoë Ångström", emails=(Labelled("zoe@example.se"),)))
    before = snapshot(journal)
    plan = plan_import(journal, [CORPUS / "ios_contacts.vcf", CORPUS / "google_contacts.csv"])

    def power_cut(done: int, total: int) -> None:
        raise OSError("disk full")

    with pytest.raises(OSError, match="disk full"):
        apply_import(journal, plan, progress=power_cut)
    assert snapshot(journal) == before


def test_an_import_waits_for_and_respects_a_concurrent_edit(journal: Journal, tmp_path: Path) -> None:
    """The match is decided again at write time: a person added after the preview is merged into."""
    path = tmp_path / "p.vcf"
    path.write_text("BEGIN:VCARD\nVERSION:3.0\nFN:Pat\nEMAIL:pat@example.org\nEND:VCARD\n")
    plan = plan_import(journal, [path])
    assert plan.counts()["new"] == 1
    journal.contacts.add(ContactFields("Pat Q.", emails=(Labelled("pat@example.org"),)))
    apply_import(journal, plan)
    assert [c.name for c in journal.contacts.list()] == ["Pat Q."]
    assert plan.counts()["merge"] == 1


def test_the_database_stays_consistent_after_import_and_undo(journal: Journal) -> None:
    apply_import(journal, plan_import(journal, [CORPUS / "ios_contacts.vcf"]))
    undo_import(journal)
    connection = sqlite3.connect(journal.paths.database)
    try:
        assert connection.execute("PRAGMA foreign_key_check").fetchall() == []
        assert connection.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert connection.execute("SELECT count(*) FROM contact_fts").fetchone()[0] == 0
    finally:
        connection.close()
