"""Asks from the command line, and dates and kinds refused in one line (never a usage block)."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from tests.cli.test_core_commands import assert_clean_failure, run


@pytest.mark.parametrize(
    ("bad", "phrase"),
    [
        (["--kind", "call", "--date", "2026-02-31"], "February 2026 has 28 days"),
        (["--kind", "call", "--date", "31/02/2026"], "YYYY-MM-DD"),
        (["--kind", "nonsense"], "invalid choice: 'nonsense'"),
        (["--kind", "call", "--date", "2026-13-01"], "there is no month 13"),
    ],
)
def test_a_bad_date_or_kind_is_one_line(tmp_path: Path, bad: list[str], phrase: str) -> None:
    data = tmp_path / "journal"
    assert run(data, "add", "Ada Byron").returncode == 0
    result = run(data, "log", "Ada", *bad, "--note", "x")
    assert_clean_failure(result, phrase)
    assert "usage:" not in result.stderr


def test_yesterday_is_a_date(tmp_path: Path, set_today) -> None:  # type: ignore[no-untyped-def]
    data = tmp_path / "journal"
    run(data, "add", "Ada Byron")
    assert run(data, "log", "Ada", "--kind", "call", "--date", "yesterday").returncode == 0
    (ada,) = json.loads(run(data, "list", "--json").stdout)
    from relationship_journal import clock

    assert ada["last_contact"] == (clock.today() - dt.timedelta(days=1)).isoformat()


def test_an_ask_and_its_outcome(tmp_path: Path) -> None:
    data = tmp_path / "journal"
    run(data, "add", "Ada Byron")
    asked = run(data, "ask", "Ada", "an intro to Grace", "--size", "2", "--date", "2026-03-01")
    assert asked.returncode == 0, asked.stderr
    ask_id = asked.stdout.strip()
    assert json.loads(run(data, "ask", "Ada", "--json").stdout)[0]["outcome"] == "open"
    answered = run(data, "ask", "--answer", ask_id, "--outcome", "declined", "--date", "2026-03-09")
    assert answered.returncode == 0, answered.stderr
    (listed,) = json.loads(run(data, "ask", "Ada", "--json").stdout)
    assert (listed["what"], listed["size"], listed["outcome"], listed["resolved_on"]) == (
        "an intro to Grace",
        2,
        "declined",
        "2026-03-09",
    )
    assert_clean_failure(
        run(data, "ask", "--answer", "999", "--outcome", "helped"), "no ask with id 999"
    )
    assert_clean_failure(run(data, "ask", "--answer", ask_id), "--outcome")


def test_favours_and_promises_without_a_meeting(tmp_path: Path) -> None:
    data = tmp_path / "journal"
    run(data, "add", "Ada Byron")
    favour = run(data, "favour", "Ada", "read my draft", "--received", "--size", "2")
    assert favour.returncode == 0, favour.stderr
    promise = run(data, "promise", "Ada", "send the slides", "--due", "2026-03-10")
    assert promise.returncode == 0, promise.stderr
    assert_clean_failure(
        run(data, "promise", "Ada", "x", "--due", "2026-02-30"), "February 2026 has 28 days"
    )
    (ada,) = json.loads(run(data, "list", "--json").stdout)
    from relationship_journal.journal import Journal

    with Journal.open(data) as journal:
        assert [(f.direction, f.what, f.size) for f in journal.ledger.favours(ada["id"])] == [
            ("received", "read my draft", 2)
        ]
        (commitment,) = journal.ledger.commitments(ada["id"])
        assert (commitment.owner, commitment.text, commitment.due_date) == (
            "mine",
            "send the slides",
            dt.date(2026, 3, 10),
        )
