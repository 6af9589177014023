"""`relationship-journal health` as a script calls it: the JSON contract and the plain table."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from relationship_journal.demo import generate
from relationship_journal.journal import Journal

COMPONENTS = {"recency", "frequency", "consistency", "depth", "reciprocity", "investment"}


def run(data: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "relationship_journal", "--data-dir", str(data), *args],
        capture_output=True, text=True, timeout=120, env={**os.environ, "PYTHONIOENCODING": "utf-8"},
    )


@pytest.fixture(scope="module")
def demo_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    data = tmp_path_factory.mktemp("health") / "journal"
    with Journal.open(data) as journal:
        import datetime as dt

        generate(journal, contacts=150, interactions=4_500, seed=4, as_of=dt.date(2026, 6, 30))
    return data


def test_json_contract_and_plausible_spread(demo_dir: Path) -> None:
    result = run(demo_dir, "health", "--json", "--as-of", "2026-06-30")
    assert result.returncode == 0, result.stderr
    document = json.loads(result.stdout)
    assert document["as_of"] == "2026-06-30"
    assert len(document["contacts"]) == 150
    scored = [c for c in document["contacts"] if c["score"] is not None]
    for contact in scored:
        assert set(contact["components"]) == COMPONENTS
        parts = contact["components"].values()
        assert abs(sum(p["contribution"] for p in parts) - contact["score"]) < 0.01
        assert all(p["explanation"] for p in parts)
        assert contact["classification"] in {"contact", "connection", "trusted", "dormant"}
    assert len({c["band"] for c in scored}) >= 3
    assert not [c for c in document["contacts"] if "asks" in c]  # ask readiness: with --contact
    network = document["network"]
    assert network["fading"], "the demo network should have someone fading"
    assert set(network["circles"]) == {"5", "15", "50", "150", "500"}
    assert network["circles"]["15"]["capacity"] == 10


def test_health_only_falls_with_silence(demo_dir: Path) -> None:
    now = json.loads(run(demo_dir, "health", "--json", "--as-of", "2026-06-30").stdout)
    later = json.loads(run(demo_dir, "health", "--json", "--as-of", "2026-12-27").stdout)
    later_by_id = {c["id"]: c for c in later["contacts"]}
    for contact in now["contacts"]:
        if contact["score"] is not None:
            assert later_by_id[contact["id"]]["score"] <= contact["score"] + 1e-9


def test_one_person_in_full_and_in_plain_words(demo_dir: Path) -> None:
    name = json.loads(run(demo_dir, "list", "--json").stdout)[7]["name"]
    document = json.loads(run(demo_dir, "health", "--json", "--contact", name, "--as-of", "2026-06-30").stdout)
    (contact,) = document["contacts"]
    assert contact["name"] == name
    assert [a["size"] for a in contact["asks"]] == [1, 2, 3]
    plain = run(demo_dir, "health", "--contact", name, "--as-of", "2026-06-30")
    assert plain.returncode == 0
    assert name in plain.stdout and "recency" in plain.stdout and "Ask of size 2" in plain.stdout
    table = run(demo_dir, "health", "--as-of", "2026-06-30")
    assert "Wide vs deep" in table.stdout and name in table.stdout


def test_calibration_through_the_command(tmp_path: Path) -> None:
    data = tmp_path / "journal"
    assert run(data, "add", "Calibration Person", "--circle", "15").returncode == 0
    assert run(data, "log", "Calibration Person", "--kind", "meeting", "--date", "2026-01-01",
               "--minutes", "60", "--depth", "3").returncode == 0
    document = json.loads(run(data, "health", "--json", "--as-of", "2026-01-31",
                              "--contact", "Calibration Person").stdout)
    assert abs(document["contacts"][0]["components"]["recency"]["score"] - 75) < 0.6


def test_unknown_person_is_one_line(demo_dir: Path) -> None:
    result = run(demo_dir, "health", "--contact", "Nobody Such Person")
    assert result.returncode == 1 and "no contact matches" in result.stderr
    assert "Traceback" not in result.stderr


def test_hand_edited_rows_are_told_in_one_line(tmp_path: Path) -> None:
    """A row written around the app (an unknown channel, an unknown kind) never crashes it."""
    import sqlite3

    data = tmp_path / "journal"
    assert run(data, "add", "Ada Lovelace", "--circle", "15").returncode == 0
    assert run(data, "log", "Ada", "--kind", "call", "--date", "2026-01-01").returncode == 0
    connection = sqlite3.connect(data / "journal.sqlite3")
    connection.execute("UPDATE interactions SET channel = 'phone'")
    connection.commit()
    unknown_channel = run(data, "health", "--json", "--as-of", "2026-01-31")
    assert unknown_channel.returncode == 0, unknown_channel.stderr
    assert json.loads(unknown_channel.stdout)["contacts"][0]["score"] is not None
    connection.execute("UPDATE interactions SET kind = 'telepathy'")
    connection.commit()
    connection.close()
    unknown_kind = run(data, "health", "--as-of", "2026-01-31")
    assert unknown_kind.returncode == 1
    assert "Traceback" not in unknown_kind.stderr
    assert "cannot read: Ada Lovelace" in unknown_kind.stderr
