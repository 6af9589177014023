"""Who knows whom in the window: the page's people panel's requests become undoable steps."""

from __future__ import annotations

from typing import TYPE_CHECKING

from relationship_journal.gui import people_steps
from relationship_journal.gui.undo import Step
from relationship_journal.journal.relationships import RelationView

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

    def _push(self, step: Step, message: str) -> None:
        if self.window.push(step):
            self.window.statusBar().showMessage(f"{message} Ctrl+Z takes it back.", 5000)

    def add_relation(self, person_id: int, other_id: int, kind: str) -> None:
        window = self.window
        self._push(
            people_steps.AddRelationship(
                window.journal, window.apply_changes, person_id, other_id, kind
            ),
            "Relationship added.",
        )

    def remove_relation(self, relation: RelationView) -> None:
        window = self.window
        self._push(
            people_steps.RemoveRelationship(window.journal, window.apply_changes, relation),
            "Relationship removed.",
        )

    def ignore_suggestion(self, person_id: int, other_id: int) -> None:
        window = self.window
        self._push(
            people_steps.IgnoreSuggestion(
                window.journal, window.apply_changes, person_id, other_id
            ),
            "Suggestion ignored.",
        )

    def introduce(self, first_id: int, second_id: int) -> None:
        window = self.window
        self._push(
            people_steps.IntroducePair(
                window.journal, window.apply_changes, first_id, second_id, window.as_of
            ),
            "Introduction logged as a favour given to both.",
        )
