"""A circle cadence chosen in the journal (as Preferences does) changes the command line's
figures too: `health` and `export csv` show what `journal.health` computes in-process."""

from __future__ import annotations

import csv
import datetime as dt
import json
import os
import subprocess
import sys
from pathlib import Path

from relationship_journal.health.serialize import contact_to_json_dict
from relationship_journal.journal import Journal
from relationship_journal.journal.records import ContactFields, InteractionFields

AS_OF = dt.date(2026, 6, 30)
NAME = "Zoë Ångström"


def run(data: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "relationship_journal", "--data-dir", str(data), *args],
        capture_output=True, text=True, timeout=120, env={**os.environ, "PYTHONIOENCODING": "utf-8"},
    )


def _journal_with_zoe(data: Path) -> int:
    with Journal.open(data) as journal:
        zoe = journal.contacts.add(ContactFields(display_name=NAME, circle=15)).created_id
        assert zoe is not None
        for days_ago in (200, 130, 60):
            journal.interactions.log(InteractionFields(
                contact_ids=(zoe,), kind="call", date=AS_OF - dt.timedelta(days=days_ago)))
    return zoe


def _health(data: Path) -> dict:
    result = run(data, "health", "--json", "--contact", NAME, "--as-of", AS_OF.isoformat())
    assert result.returncode == 0, result.stderr
    (contact,) = json.loads(result.stdout)["contacts"]
    return contact


def test_health_uses_the_journal_cadence_and_matches_the_service(tmp_path: Path) -> None:
    data = tmp_path / "journal"
    zoe = _journal_with_zoe(data)
    before = _health(data)
    assert before["cadence_days"] == 30

    with Journal.open(data) as journal:
        journal.preferences.set_circle_cadences({15: 60})
    after = _health(data)
    assert after["cadence_days"] == 60
    assert "your cadence for this circle is 60 days" in after["components"]["recency"]["explanation"]
    assert after["score"] > before["score"]  # 60 days of silence is on time at a 60-day cadence

    with Journal.open(data) as journal:
        expected = journal.health.contact(zoe, AS_OF)
    assert expected.cadence_days == 60
    assert after == json.loads(json.dumps(contact_to_json_dict(expected)))  # every figure, in full


def test_export_csv_carries_the_same_cadence_and_health(tmp_path: Path) -> None:
    data = tmp_path / "journal"
    zoe = _journal_with_zoe(data)
    with Journal.open(data) as journal:
        journal.preferences.set_circle_cadences({15: 60})
        expected = journal.health.contact(zoe, AS_OF)
    out = tmp_path / "people.csv"
    result = run(data, "export", "csv", str(out), "--as-of", AS_OF.isoformat())
    assert result.returncode == 0, result.stderr
    with out.open(encoding="utf-8-sig", newline="") as handle:
        (row,) = list(csv.DictReader(handle))
    assert row["cadence_days"] == "60"
    assert row["health"] == str(expected.display_score)
