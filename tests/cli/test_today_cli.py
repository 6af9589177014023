"""`today` and `intro` on the command line: JSON a script can read, snooze and restore by key."""

from __future__ import annotations

import json
from pathlib import Path

from tests.cli.test_core_commands import assert_clean_failure, run


def _journal(tmp_path: Path) -> Path:
    data = tmp_path / "journal"
    for name in ("Ann Lee", "Bo Chen", "Cy Diaz"):
        assert run(data, "add", name, "--circle", "15").returncode == 0
    for date in ("2026-09-01", "2026-09-20", "2026-10-05"):
        assert (
            run(
                data,
                "log",
                "Ann",
                "Bo",
                "--kind",
                "meeting",
                "--minutes",
                "60",
                "--depth",
                "4",
                "--date",
                date,
            ).returncode
            == 0
        )
    return data


def test_today_json_lists_items_with_reasons_and_gains(tmp_path: Path) -> None:
    data = _journal(tmp_path)
    result = run(data, "today", "--json", "--as-of", "2026-11-23")
    assert result.returncode == 0, result.stderr
    document = json.loads(result.stdout)
    assert document["as_of"] == "2026-11-23"
    touches = [i for i in document["items"] if i["kind"] in ("fading", "cadence")]
    assert {n for i in touches for n in i["names"]} == {"Ann Lee", "Bo Chen"}
    gains = [i["gain"]["gain"] for i in touches]
    assert gains == sorted(gains, reverse=True)
    assert all("15-minute call" in i["reason"] for i in touches)


def test_today_snooze_and_restore_by_key(tmp_path: Path) -> None:
    data = _journal(tmp_path)
    first = json.loads(run(data, "today", "--json", "--as-of", "2026-11-23").stdout)["items"][0]
    snoozed = run(data, "today", "--snooze", first["key"], "--for", "1w", "--as-of", "2026-11-23")
    assert snoozed.returncode == 0, snoozed.stderr
    assert "until 2026-11-30" in snoozed.stdout
    after = json.loads(run(data, "today", "--json", "--as-of", "2026-11-23").stdout)
    assert first["key"] not in [i["key"] for i in after["items"]] and after["hidden"] == 1
    assert run(data, "today", "--restore", first["key"]).returncode == 0
    again = json.loads(run(data, "today", "--json", "--as-of", "2026-11-23").stdout)
    assert first["key"] in [i["key"] for i in again["items"]]
    assert_clean_failure(run(data, "today", "--snooze", "nope:1"), "no Today item has the key")
    assert_clean_failure(run(data, "today", "--for", "1w"), "--for and --until go with --snooze")


def test_intro_json_gives_paths_ranked_by_trust(tmp_path: Path) -> None:
    data = _journal(tmp_path)
    result = run(data, "intro", "Bo Chen", "--json", "--as-of", "2026-11-23")
    assert result.returncode == 0, result.stderr
    document = json.loads(result.stdout)
    assert document["target"]["name"] == "Bo Chen"
    (path,) = document["paths"]
    assert path["via"][0]["name"] == "Ann Lee" and "met together 3 times" in path["reason"]
    empty = json.loads(run(data, "intro", "Cy Diaz", "--json").stdout)
    assert empty["paths"] == []
    assert "Nobody in the journal" in run(data, "intro", "Cy Diaz").stdout
    assert_clean_failure(run(data, "intro", "Zed"), "Zed")
