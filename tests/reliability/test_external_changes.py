"""The window notices entries the command line wrote while it was open."""

from __future__ import annotations

from pathlib import Path

from relationship_journal import cli
from relationship_journal.journal import Journal
from relationship_journal.journal.records import ContactFields
from relationship_journal.store.external_changes import ExternalChanges


def test_a_write_from_another_process_is_noticed(private_folders: Path) -> None:
    with Journal.open(private_folders) as window:
        window.contacts.add(ContactFields(display_name="Ann Lee"))
        watcher = ExternalChanges(window.database)
        try:
            assert not watcher.changed()
            assert cli.main(["--data-dir", str(private_folders), "log", "Ann", "--kind", "call"]) == 0
            assert watcher.changed()
            assert not watcher.changed(), "reported once per change"
        finally:
            watcher.close()
