"""vCard RELATED: who knows whom goes out with the cards and comes back in with them."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from relationship_journal.exchange import plan as import_plan
from relationship_journal.exchange.vcard_related import related_by_contact
from relationship_journal.exchange.vcard_write import write_vcard_file
from relationship_journal.journal import Journal
from relationship_journal.journal.imports import everyone
from relationship_journal.journal.records import ContactFields

DAY = dt.date(2026, 11, 23)


def _people(journal: Journal) -> dict[str, int]:
    return {
        name: journal.contacts.add(ContactFields(display_name=name)).created_id or 0
        for name in ("Ann Lee", "Bob Lee", "Zoë Ångström")
    }


def test_relationships_are_written_from_each_side(journal: Journal, tmp_path: Path) -> None:
    ids = _people(journal)
    journal.relationships.add(ids["Ann Lee"], ids["Bob Lee"], "child", DAY)
    journal.relationships.add(ids["Zoë Ångström"], ids["Ann Lee"], "introduced", DAY)
    out = tmp_path / "all.vcf"
    write_vcard_file(everyone(journal), out, related_by_contact(journal))
    text = out.read_bytes().decode("utf-8")
    cards = {c.split("FN:")[1].split("\r\n")[0]: c for c in text.split("BEGIN:VCARD")[1:]}
    assert "RELATED;TYPE=child;VALUE=text:Bob Lee" in cards["Ann Lee"]
    assert "RELATED;TYPE=x-introduced-to-me-by;VALUE=text:Zoë Ångström" in cards["Ann Lee"]
    assert "RELATED;TYPE=parent;VALUE=text:Ann Lee" in cards["Bob Lee"]
    assert "RELATED;TYPE=x-introduced-me-to;VALUE=text:Ann Lee" in cards["Zoë Ångström"]


def test_relationships_come_back_in_with_an_import(journal: Journal, tmp_path: Path) -> None:
    ids = _people(journal)
    journal.relationships.add(ids["Ann Lee"], ids["Bob Lee"], "child", DAY)
    journal.relationships.add(ids["Zoë Ångström"], ids["Ann Lee"], "introduced", DAY)
    out = tmp_path / "all.vcf"
    write_vcard_file(everyone(journal), out, related_by_contact(journal))
    with Journal.open(tmp_path / "other") as other:
        planned = import_plan.plan_import(other, [out])
        assert import_plan.apply_import(other, planned) is not None
        ann = other.contacts.resolve("Ann Lee")
        assert sorted(v.words for v in other.relationships.for_contact(ann)) == [
            "Bob Lee — child",
            "introduced to me by Zoë Ångström",
        ]
        assert len(other.relationships.edges()) == 2, (
            "each relationship once, though both cards name it"
        )


def test_a_phones_related_names_by_type_and_unknown_names_are_left_out(
    journal: Journal, tmp_path: Path
) -> None:
    vcf = tmp_path / "phone.vcf"
    vcf.write_text(
        "BEGIN:VCARD\r\nVERSION:4.0\r\nFN:Maya Stone\r\nUID:urn:uuid:maya\r\n"
        "RELATED;TYPE=spouse:urn:uuid:leo\r\nRELATED;TYPE=co-worker;VALUE=text:Nobody Here\r\n"
        "RELATED;TYPE=contact;VALUE=text:Leo Stone\r\nEND:VCARD\r\n"
        "BEGIN:VCARD\r\nVERSION:4.0\r\nFN:Leo Stone\r\nUID:urn:uuid:leo\r\nEND:VCARD\r\n",
        encoding="utf-8",
    )
    planned = import_plan.plan_import(journal, [vcf])
    import_plan.apply_import(journal, planned)
    maya = journal.contacts.resolve("Maya Stone")
    assert [v.words for v in journal.relationships.for_contact(maya)] == ["Leo Stone — partner"]
