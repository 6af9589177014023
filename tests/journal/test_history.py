"""Undo and redo kept in the journal: every recorded change reverses exactly, in order,
across a restart, and the same history serves the command line and the window."""

from __future__ import annotations

import datetime as dt
import os
import sqlite3
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from relationship_journal.demo import generate
from relationship_journal.journal import Journal, ValidationError
from relationship_journal.journal.history import KEPT, NothingToUndo
from relationship_journal.journal.merge import merge_contacts
from relationship_journal.journal.records import ContactFields, InteractionFields, Labelled

DAY = dt.date(2026, 6, 1)


def _dump(journal: Journal) -> dict[str, list[tuple[Any, ...]]]:
    """Every row of every table a person's data lives in (not the history itself)."""
    with journal.reading() as connection:
        tables = [
            row[0]
            for row in connection.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite%' "
                "AND name NOT LIKE '%fts%' AND name NOT IN ('history', 'history_rows', 'alembic_version')"
            )
        ]
        return {t: sorted(connection.execute(f'SELECT rowid, * FROM "{t}"').fetchall(), key=repr) for t in tables}


def _add(journal: Journal, name: str, **fields: Any) -> int:
    with journal.history.recording(f"Add {name}"):
        created = journal.contacts.add(ContactFields(name, **fields)).created_id
    assert created is not None
    return created


def _log(journal: Journal, people: tuple[int, ...], note: str) -> int:
    with journal.history.recording("Log call"):
        created = journal.interactions.log(InteractionFields(people, DAY, "call", note=note)).created_id
    assert created is not None
    return created


def test_undo_removes_a_logged_entry_and_its_search_hit_and_redo_brings_it_back(journal: Journal) -> None:
    ada = _add(journal, "Ada Lovelace")
    entry = _log(journal, (ada,), "She is training for the Lisbon marathon")
    assert [hit.id for hit in journal.search("Lisbon")] == [entry]

    undone = journal.history.undo()
    assert undone.label == "Log call"
    assert ada in undone.changes.contacts and entry in undone.changes.interactions
    assert journal.interactions.for_contact(ada) == []
    assert journal.search("Lisbon") == []

    redone = journal.history.redo()
    assert redone.label == "Log call"
    assert [e.id for e in journal.interactions.for_contact(ada)] == [entry]
    assert [hit.id for hit in journal.search("Lisbon")] == [entry]


def test_undoing_a_deleted_person_puts_back_every_row_that_went_with_them(journal: Journal) -> None:
    ada = _add(journal, "Ada Lovelace", emails=(Labelled("ada@example.org"),), tags=("maths",))
    grace = _add(journal, "Grace Hopper")
    _log(journal, (ada, grace), "Dinner with both")
    journal.ledger.add_favour(ada, "received", "lent me a book", DAY)
    before = _dump(journal)

    with journal.history.recording("Delete Ada Lovelace"):
        journal.contacts.delete([ada])
    assert journal.contacts.count() == 1
    journal.history.undo()
    assert _dump(journal) == before
    assert journal.search("Lovelace")[0].id == ada


def test_undoing_a_merge_splits_the_two_people_again(journal: Journal) -> None:
    a = _add(journal, "Ada Lovelace", interests="poetry")
    b = _add(journal, "Ada King", interests="horses", circle=15)
    _log(journal, (a,), "first")
    _log(journal, (b,), "second")
    before = _dump(journal)
    with journal.history.recording("Merge Ada King into Ada Lovelace"):
        merge_contacts(journal, a, b)
    assert journal.contacts.count() == 1
    journal.history.undo()
    assert _dump(journal) == before
    assert journal.search("horses")[0].id == b


def test_a_new_change_ends_redo(journal: Journal) -> None:
    ada = _add(journal, "Ada Lovelace")
    _log(journal, (ada,), "first")
    journal.history.undo()
    _log(journal, (ada,), "second")
    with pytest.raises(NothingToUndo, match="nothing to redo"):
        journal.history.redo()
    assert [e.label for e in journal.history.entries()] == ["Log call", "Add Ada Lovelace"]


def test_a_refused_change_leaves_the_history_as_it_was(journal: Journal) -> None:
    ada = _add(journal, "Ada Lovelace")
    with pytest.raises(ValidationError), journal.history.recording("Log nonsense"):
        journal.interactions.log(InteractionFields((ada,), DAY, "telepathy"))
    assert [e.label for e in journal.history.entries()] == ["Add Ada Lovelace"]
    assert journal.history.undo().label == "Add Ada Lovelace"
    with pytest.raises(NothingToUndo, match="nothing to undo"):
        journal.history.undo()


def test_history_survives_a_restart(private_folders: Path) -> None:
    with Journal.open(private_folders) as journal:
        ada = _add(journal, "Ada Lovelace")
        _log(journal, (ada,), "before the restart")
    with Journal.open(private_folders) as journal:
        assert journal.history.undo().label == "Log call"
        assert journal.interactions.count() == 0
    with Journal.open(private_folders) as journal:
        journal.history.redo()
        assert [e.note for e in journal.interactions.for_contact(ada)] == ["before the restart"]


def test_history_keeps_the_newest_changes_only(journal: Journal) -> None:
    ada = _add(journal, "Ada Lovelace")
    for n in range(KEPT + 5):
        with journal.history.recording(f"Rename {n}"):
            journal.contacts.update(ada, display_name=f"Ada {n}")
    assert len(journal.history.entries(1000)) == KEPT
    for _ in range(KEPT):
        journal.history.undo()
    with pytest.raises(NothingToUndo):
        journal.history.undo()
    assert journal.contacts.get(ada).display_name == "Ada 4"  # the oldest kept change, undone
    with journal.reading() as connection:
        kept = connection.execute("SELECT count(DISTINCT capture) FROM history_rows").fetchone()[0]
    assert kept == KEPT, "forgotten changes' rows are dropped"


def test_writes_outside_a_recording_are_not_in_the_history(journal: Journal) -> None:
    generate(journal, contacts=12, seed=2, as_of=DAY)
    assert journal.history.entries() == []
    with journal.reading() as connection:
        assert connection.execute("SELECT count(*) FROM history_rows").fetchone()[0] == 0


OPERATIONS = st.lists(
    st.sampled_from(["add", "log", "rename", "delete", "tag", "favour", "merge"]), min_size=1, max_size=8
)


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(operations=OPERATIONS, seed=st.integers(0, 1000))
def test_undoing_every_change_gives_back_the_journal_and_redoing_gives_the_last(
    tmp_path_factory: pytest.TempPathFactory, operations: list[str], seed: int
) -> None:
    folder = tmp_path_factory.mktemp("history")
    with Journal.open(folder) as journal:
        generate(journal, contacts=6, seed=seed, as_of=DAY)
        states = [_dump(journal)]
        for n, operation in enumerate(operations):
            people = [s.id for s in journal.contacts.list()]
            with journal.history.recording(operation):
                if operation == "add" or len(people) < 2:
                    journal.contacts.add(ContactFields(f"Person {n}", tags=("new",)))
                elif operation == "log":
                    journal.interactions.log(InteractionFields(tuple(people[:2]), DAY, "meeting", note=f"n{n}"))
                elif operation == "rename":
                    journal.contacts.update(people[0], display_name=f"Renamed {n}")
                elif operation == "delete":
                    journal.contacts.delete([people[-1]])
                elif operation == "tag":
                    journal.contacts.add_tag(people[:3], f"tag{n}")
                elif operation == "favour":
                    journal.ledger.add_favour(people[0], "given", f"favour {n}", DAY)
                else:
                    merge_contacts(journal, people[0], people[1])
            states.append(_dump(journal))
        for state in reversed(states[:-1]):
            journal.history.undo()
            assert _dump(journal) == state
        for state in states[1:]:
            journal.history.redo()
            assert _dump(journal) == state


def _cli(data: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "relationship_journal", "--data-dir", str(data), *args],
        capture_output=True, text=True, timeout=120, env={**os.environ, "PYTHONIOENCODING": "utf-8"},
    )


def test_command_line_undo_redo_and_history(tmp_path: Path) -> None:
    data = tmp_path / "journal"
    assert _cli(data, "add", "Undo Test").returncode == 0
    assert _cli(data, "log", "Undo Test", "--kind", "call", "--note", "undo-me-please").returncode == 0
    listed = _cli(data, "history")
    assert listed.stdout.splitlines()[0].endswith("Log call with Undo Test  [command line]")

    undone = _cli(data, "undo")
    assert undone.returncode == 0 and undone.stdout.strip() == "Undid: Log call with Undo Test"
    assert "undo-me-please" not in _cli(data, "search", "undo-me-please", "--json").stdout
    assert "(undone: redo makes it again)" in _cli(data, "history").stdout

    assert _cli(data, "redo").stdout.strip() == "Redid: Log call with Undo Test"
    assert "undo-me-please" in _cli(data, "search", "undo-me-please", "--json").stdout
    assert _cli(data, "undo").returncode == 0 and _cli(data, "undo").returncode == 0
    nothing = _cli(data, "undo")
    assert nothing.returncode != 0 and nothing.stderr.strip().endswith("nothing to undo")
    assert len(nothing.stderr.strip().splitlines()) == 1
    with sqlite3.connect(data / "journal.sqlite3") as connection:
        assert connection.execute("SELECT count(*) FROM contacts").fetchone()[0] == 0


def test_asks_favours_promises_and_imports_from_the_command_line_are_undone_in_turn(tmp_path: Path) -> None:
    data = tmp_path / "journal"
    card = tmp_path / "grace.vcf"
    card.write_text("BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Grace Hopper\r\nEND:VCARD\r\n", encoding="utf-8")
    assert _cli(data, "add", "Ann Lee").returncode == 0
    for args in (("ask", "Ann Lee", "an intro to Bo"), ("favour", "Ann Lee", "lent me a book", "--received"),
                 ("promise", "Ann Lee", "send the slides"), ("import", str(card))):
        assert _cli(data, *args).returncode == 0, args
    labels = [line.split("  ")[1] for line in _cli(data, "history").stdout.splitlines()]
    assert labels == ["Import grace.vcf", "Promise: send the slides", "Favour: lent me a book",
                      "Ask Ann Lee: an intro to Bo", "Add Ann Lee"]
    for _ in range(4):
        assert _cli(data, "undo").returncode == 0
    with sqlite3.connect(data / "journal.sqlite3") as connection:
        counts = [connection.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
                  for t in ("asks", "favours", "commitments", "contacts")]
    assert counts == [0, 0, 0, 1]  # only Ann, added first, is left
