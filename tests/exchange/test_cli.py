"""`import` and `export` as a user types them: summaries, one-line refusals, dry runs, undo."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

CORPUS = Path(__file__).with_name("corpus")


def run(data: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "relationship_journal", "--data-dir", str(data), *args],
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, "PYTHONIOENCODING": "utf-8"},
    )


def names(data: Path) -> list[str]:
    listed = run(data, "list", "--json")
    assert listed.returncode == 0, listed.stderr
    return [c["name"] for c in json.loads(listed.stdout)]


def test_a_file_that_is_not_contacts_is_refused_in_one_line(tmp_path: Path) -> None:
    data = tmp_path / "journal"
    result = run(data, "import", str(CORPUS / "junk.bin"))
    assert result.returncode == 1
    assert result.stderr.strip() == (
        "relationship-journal: junk.bin is not a contact file (it is not text: binary or empty)"
    )
    assert "Traceback" not in result.stderr
    missing = run(data, "import", str(tmp_path / "nope.vcf"))
    assert missing.returncode == 1 and len(missing.stderr.strip().splitlines()) == 1
    assert "No such file" in missing.stderr


def test_dry_run_prints_the_summary_and_writes_nothing(tmp_path: Path) -> None:
    data = tmp_path / "journal"
    result = run(data, "import", "--dry-run", str(CORPUS / "malformed.vcf"))
    assert result.returncode == 0, result.stderr
    assert "skipped malformed.vcf, card 2 (line 6): the record has no name, email or phone" in result.stdout
    assert result.stdout.strip().endswith(
        "Dry run: would have imported 4, merged 0, unchanged 0, skipped 3. Nothing was written."
    )
    assert names(data) == []


def test_import_then_reimport_then_undo_last(tmp_path: Path) -> None:
    data = tmp_path / "journal"
    first = run(data, "import", str(CORPUS / "android_contacts.vcf"), str(CORPUS / "thunderbird.vcf"))
    assert first.returncode == 0, first.stderr
    assert "Done: imported 3, merged 0, unchanged 0, skipped 0." in first.stdout
    assert "import --undo-last" in first.stdout
    assert sorted(names(data)) == ["Αλέξανδρος Παπαδόπουλος", "Ευτυχία Μανωλάκη", "Анна Каренина"]
    again = run(data, "import", str(CORPUS / "android_contacts.vcf"))
    assert "Done: imported 0, merged 0, unchanged 2, skipped 0." in again.stdout
    undone = run(data, "import", "--undo-last")
    assert undone.returncode == 0, undone.stderr
    assert "removed 3 new contacts" in undone.stdout
    assert names(data) == []
    listed = run(data, "import", "--batches")
    assert listed.returncode == 0 and listed.stdout.startswith("   1  ")
    assert "android_contacts.vcf, thunderbird.vcf: imported 3, merged 0" in listed.stdout
    assert "(undone " in listed.stdout
    again_undo = run(data, "import", "--undo", "1")
    assert again_undo.returncode == 1 and "import 1 was already undone" in again_undo.stderr
    nothing = run(data, "import", "--undo-last")
    assert nothing.returncode == 1
    assert nothing.stderr.strip() == "relationship-journal: there is no import to undo"


def test_json_output_lists_every_record(tmp_path: Path) -> None:
    result = run(tmp_path / "j", "import", "--json", "--dry-run", str(CORPUS / "Connections.csv"))
    outcome = json.loads(result.stdout)
    assert outcome["counts"] == {"new": 3, "possible match": 0, "merge": 0, "unchanged": 0, "skipped": 1}
    assert [r["name"] for r in outcome["records"]] == [
        "Ngozi Okonjo-Iweala", "Øyvind Lærum", "Kwame Mensah"
    ]
    assert outcome["skipped"] == [
        {"position": "Connections.csv, row 3 (line 7)", "reason": "the record has no name, email or phone"}
    ]


def test_export_commands_write_each_format(tmp_path: Path) -> None:
    data = tmp_path / "journal"
    run(data, "import", str(CORPUS / "ios_contacts.vcf"))
    vcf = run(data, "export", "vcard", str(tmp_path / "all.vcf"))
    assert vcf.returncode == 0, vcf.stderr
    assert (tmp_path / "all.vcf").read_text(encoding="utf-8").count("BEGIN:VCARD") == 3
    split = run(data, "export", "vcard", "--split", str(tmp_path / "cards"))
    assert split.returncode == 0, split.stderr
    assert len(list((tmp_path / "cards").glob("*.vcf"))) == 3
    table = run(data, "export", "csv", str(tmp_path / "people.csv"), "--as-of", "2026-06-01")
    assert table.returncode == 0, table.stderr
    assert "Zoë Ångström" in (tmp_path / "people.csv").read_text(encoding="utf-8-sig")
    ics = run(data, "export", "ics", str(tmp_path / "dates.ics"))
    assert ics.returncode == 0, ics.stderr
    assert "2 birthdays, 1 important dates" in ics.stdout
    bad = run(data, "export", "csv", "--split", str(tmp_path / "x.csv"))
    assert bad.returncode == 1 and bad.stderr.strip() == "relationship-journal: --split is only for vcard exports"


def test_history_shows_what_an_import_said_differently(tmp_path: Path) -> None:
    data = tmp_path / "journal"
    run(data, "add", "Øyvind Lærum", "--organisation", "Fjord", "--email", "oyvind@fjord.example")
    run(data, "import", str(CORPUS / "ios_contacts.vcf"))
    shown = run(data, "import", "--history", "Lærum")
    assert shown.returncode == 0, shown.stderr
    assert "organisation: kept 'Fjord', ios_contacts.vcf said 'Fjord Analytics, Research'" in shown.stdout


def test_moving_in_to_a_new_journal_loads_neither_alembic_nor_the_database_mapping(tmp_path: Path) -> None:
    """A second of an import of 10,000 cards went to importing Alembic and SQLAlchemy: a new
    journal is made from its schema's statements, and the import writes through sqlite3."""
    probe = (
        "import sys\n"
        "from relationship_journal.cli import main\n"
        f"code = main(['--data-dir', {str(tmp_path / 'journal')!r}, 'import', {str(CORPUS / 'ios_contacts.vcf')!r}])\n"
        "loaded = sorted(m for m in sys.modules if m.split('.')[0] in ('alembic', 'sqlalchemy'))\n"
        "print('LOADED', loaded)\n"
        "sys.exit(code)\n"
    )
    result = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    assert "LOADED []" in result.stdout
    assert "imported" in result.stdout
    assert names(tmp_path / "journal")
