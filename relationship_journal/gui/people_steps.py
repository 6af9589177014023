"""Undoable steps for who knows whom and introductions (Ctrl+Z takes each back)."""

from __future__ import annotations

import datetime as dt

from relationship_journal.gui.undo import Apply, Step
from relationship_journal.journal.core import Journal
from relationship_journal.journal.introductions import make_introduction, undo_introduction
from relationship_journal.journal.relationships import KINDS, RelationView


class AddRelationship(Step):
    def __init__(
        self, journal: Journal, apply: Apply, person_id: int, other_id: int, kind: str
    ) -> None:
        super().__init__(f"Add relationship ({KINDS[kind][0]})")
        self.journal, self.apply = journal, apply
        self.person_id, self.other_id, self.kind = person_id, other_id, kind
        self.created: int | None = None

    def do(self) -> None:
        before = {edge.id for edge in self.journal.relationships.edges()}
        changes = self.journal.relationships.add(self.person_id, self.other_id, self.kind)
        # Adding one that exists changes nothing, and its undo must not remove it.
        self.created = changes.created_id if changes.created_id not in before else None
        self.apply(changes)

    def revert(self) -> None:
        if self.created is not None:
            self.apply(self.journal.relationships.remove(self.created))


class RemoveRelationship(Step):
    def __init__(self, journal: Journal, apply: Apply, relation: RelationView) -> None:
        super().__init__("Remove relationship")
        self.journal, self.apply, self.relation = journal, apply, relation
        self.current = relation.id

    def do(self) -> None:
        self.apply(self.journal.relationships.remove(self.current))

    def revert(self) -> None:
        person, other = self.relation.stored
        changes = self.journal.relationships.add(person, other, self.relation.kind)
        self.current = changes.created_id or self.current
        self.apply(changes)


class IgnoreSuggestion(Step):
    def __init__(self, journal: Journal, apply: Apply, person_id: int, other_id: int) -> None:
        super().__init__("Ignore suggestion")
        self.journal, self.apply = journal, apply
        self.person_id, self.other_id = person_id, other_id
        self.created: int | None = None

    def do(self) -> None:
        changes = self.journal.relationships.ignore(self.person_id, self.other_id)
        self.created = changes.created_id
        self.apply(changes)

    def revert(self) -> None:
        if self.created:
            self.apply(self.journal.relationships.remove(self.created))


class IntroducePair(Step):
    """An introduction I made: a favour given to each of the two."""

    def __init__(
        self, journal: Journal, apply: Apply, first_id: int, second_id: int, on: dt.date
    ) -> None:
        super().__init__("Make an introduction")
        self.journal, self.apply = journal, apply
        self.first_id, self.second_id, self.on = first_id, second_id, on
        self.favours: tuple[int, ...] = ()

    def do(self) -> None:
        changes, self.favours = make_introduction(
            self.journal, self.first_id, self.second_id, self.on
        )
        self.apply(changes)

    def revert(self) -> None:
        self.apply(undo_introduction(self.journal, self.favours))
