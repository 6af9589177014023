"""A folder name with URL characters ('?', '#', '%', spaces) holds one journal, not two."""

from __future__ import annotations

import threading
from pathlib import Path

from relationship_journal.journal import Journal
from relationship_journal.journal.records import ContactFields


def test_url_characters_in_the_folder_name(tmp_path: Path) -> None:
    folder = tmp_path / "My journal #1?mode=memory&x=%41 é"
    with Journal.open(folder) as journal:
        journal.contacts.add(ContactFields(display_name="Ann Lee"))
    with Journal.open(folder) as journal:
        assert [c.name for c in journal.contacts.list()] == ["Ann Lee"]
    assert sorted(p.name for p in tmp_path.iterdir()) == [folder.name]


def test_writes_from_a_worker_thread(journal: Journal) -> None:
    """The window writes from worker threads; pooled connections must allow it."""
    journal.contacts.add(ContactFields(display_name="Main Thread"))
    errors: list[BaseException] = []

    def work() -> None:
        try:
            journal.contacts.add(ContactFields(display_name="Worker Thread"))
        except BaseException as error:  # noqa: BLE001 - reported below
            errors.append(error)

    worker = threading.Thread(target=work)
    worker.start()
    worker.join()
    assert errors == []
    assert {c.name for c in journal.contacts.list()} == {"Main Thread", "Worker Thread"}
