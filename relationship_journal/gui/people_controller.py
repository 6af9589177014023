"""Who knows whom in the window: the page's people panel's requests become undoable changes."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from relationship_journal.journal.core import Journal
from relationship_journal.journal.introductions import make_introduction
from relationship_journal.journal.records import Changes
from relationship_journal.journal.relationships import KINDS, RelationView

if TYPE_CHECKING:
    from relationship_journal.gui.main_window import MainWindow


class PeopleController:
    def __init__(self, window: MainWindow) -> None:
        self.window = window
        panel = window.page.people
        panel.add_relation.connect(self.add_relation)
        panel.remove_relation.connect(self.remove_relation)
        panel.ignore_suggestion.connect(self.ignore_suggestion)
        panel.introduce.connect(self.introduce)
        panel.open_contact.connect(window.show_contact)

    def _write(self, label: str, work: Callable[[Journal], Changes], message: str) -> None:
        window = self.window
        window.undo_stack.write(
            label, work, initiator=self,
            done=lambda _c: window.statusBar().showMessage(f"{message} Ctrl+Z takes it back.", 5000))

    def add_relation(self, person_id: int, other_id: int, kind: str) -> None:
        self._write(f"Add relationship ({KINDS[kind][0]})",
                    lambda j: j.relationships.add(person_id, other_id, kind), "Relationship added.")

    def remove_relation(self, relation: RelationView) -> None:
        self._write("Remove relationship", lambda j: j.relationships.remove(relation.id), "Relationship removed.")

    def ignore_suggestion(self, person_id: int, other_id: int) -> None:
        self._write("Ignore suggestion", lambda j: j.relationships.ignore(person_id, other_id), "Suggestion ignored.")

    def introduce(self, first_id: int, second_id: int) -> None:
        on = self.window.as_of
        self._write("Make an introduction", lambda j: make_introduction(j, first_id, second_id, on),
                    "Introduction logged as a favour given to both.")
