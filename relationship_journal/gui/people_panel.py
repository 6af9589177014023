"""Who they know, on the contact page's Profile tab: relationships (entered with a
searchable picker), suggestions from entries where people were met together,
who can introduce me to them, and introductions I could make for them.

Reads run on a worker (intro paths need the network's health); every change is a
signal the window turns into an undoable step (gui/people_controller.py).
"""

from __future__ import annotations

import datetime as dt
import html
from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QCompleter,
    QHBoxLayout,
    QLabel,
    QLayout,
    QLineEdit,
    QMenu,
    QPushButton,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from relationship_journal.gui.cards import Card
from relationship_journal.gui.composer import PeopleDirectory
from relationship_journal.gui.worker import Operation, Progress
from relationship_journal.journal.core import Journal
from relationship_journal.journal.introductions import (
    IntroductionIdea,
    IntroPath,
    intro_paths,
    introduction_ideas,
)
from relationship_journal.journal.relationships import KINDS, RelationView, Suggestion

KIND_CHOICES = (
    ("friend", "friend"),
    ("colleague", "colleague"),
    ("partner", "partner"),
    ("child", "child"),
    ("parent", "parent"),
    ("sibling", "sibling"),
    ("family", "other family"),
    ("introduced", "introduced me to them"),
)
PATHS_SHOWN = 3
IDEAS_SHOWN = 5


@dataclass(frozen=True)
class PeopleFacts:
    contact_id: int
    relations: list[RelationView]
    suggestions: list[Suggestion]
    paths: list[IntroPath]
    ideas: list[IntroductionIdea]


def load_facts(journal: Journal, contact_id: int, as_of: dt.date) -> PeopleFacts:
    return PeopleFacts(
        contact_id,
        journal.relationships.for_contact(contact_id),
        journal.relationships.suggestions(contact_id),
        intro_paths(journal, contact_id, as_of, PATHS_SHOWN),
        introduction_ideas(journal, contact_id, IDEAS_SHOWN),
    )


def _clear(layout: QLayout) -> None:
    while layout.count():
        child = layout.takeAt(0)
        widget = child.widget() if child is not None else None
        inner = child.layout() if child is not None else None
        if widget is not None:
            widget.deleteLater()
        elif inner is not None:
            _clear(inner)


def _link(contact_id: int, name: str) -> str:
    return f"<a href='open:{contact_id}'>{html.escape(name)}</a>"


class PeoplePanel(QWidget):
    """The cards; `set_contact` reads in the background, the signals ask for writes."""

    add_relation = Signal(int, int, str)  # person, other, kind ("other is person's kind")
    remove_relation = Signal(object)  # RelationView
    ignore_suggestion = Signal(int, int)
    introduce = Signal(int, int)
    open_contact = Signal(int)
    loaded = Signal()

    def __init__(
        self, journal: Journal, directory: PeopleDirectory, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.journal = journal
        self.directory = directory
        self.contact_id: int | None = None
        self.facts: PeopleFacts | None = None
        self._generation = 0
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 8, 0, 0)
        layout.setSpacing(12)

        self.known = Card("Who they know", self)
        picker_row = QHBoxLayout()
        self.picker = QLineEdit(self.known)
        self.picker.setPlaceholderText("Find a person in your journal…")
        self.picker.setClearButtonEnabled(True)
        completer = QCompleter(directory.model, self.picker)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.setMaxVisibleItems(12)
        self.picker.setCompleter(completer)
        self.kind = QComboBox(self.known)
        for key, label in KIND_CHOICES:
            self.kind.addItem(
                f"is their {label}" if key != "introduced" else "they introduced me to", key
            )
        self.add_button = QPushButton("Add", self.known)
        self.add_button.clicked.connect(self._add_clicked)
        self.picker.returnPressed.connect(self._add_clicked)
        picker_row.addWidget(self.picker, 1)
        picker_row.addWidget(self.kind)
        picker_row.addWidget(self.add_button)
        self.known.body.addLayout(picker_row)
        self.problem = QLabel(self.known)
        self.problem.setProperty("muted", True)
        self.problem.hide()
        self.known.body.addWidget(self.problem)
        self.relations_box = QVBoxLayout()
        self.known.body.addLayout(self.relations_box)
        self.suggestions_box = QVBoxLayout()
        self.known.body.addLayout(self.suggestions_box)
        layout.addWidget(self.known)

        self.paths_card = Card("Who can introduce you", self)
        self.paths_box = QVBoxLayout()
        self.paths_card.body.addLayout(self.paths_box)
        layout.addWidget(self.paths_card)
        self.ideas_card = Card("What I can do for them: introductions", self)
        self.ideas_box = QVBoxLayout()
        self.ideas_card.body.addLayout(self.ideas_box)
        layout.addWidget(self.ideas_card)

    # --- reading -------------------------------------------------------------------------
    def set_contact(self, contact_id: int, as_of: dt.date) -> None:
        self._generation += 1
        generation, journal = self._generation, self.journal
        self.contact_id = contact_id

        def work(_progress: Progress) -> PeopleFacts:
            return load_facts(journal, contact_id, as_of)

        def done(facts: PeopleFacts) -> None:
            if generation == self._generation:
                self.show_facts(facts)

        def failed(error: BaseException) -> None:
            if generation == self._generation:
                self.problem.setText(f"Who they know could not be read: {error}")
                self.problem.show()

        Operation(self, work, done, failed).run()

    def show_facts(self, facts: PeopleFacts) -> None:
        self.facts = facts
        for box in (self.relations_box, self.suggestions_box, self.paths_box, self.ideas_box):
            _clear(box)
        if not facts.relations:
            self._note(
                self.relations_box,
                "Nobody yet: add the people they know — family, colleagues, "
                "friends, or who introduced you.",
            )
        for relation in facts.relations:
            row = QHBoxLayout()
            label = self._label(
                relation.words.replace(
                    relation.other_name, _link(relation.other_id, relation.other_name), 1
                )
                if "<" not in relation.other_name
                else html.escape(relation.words)
            )
            remove = QToolButton(self)
            remove.setText("×")
            remove.setToolTip("Remove this relationship (Ctrl+Z brings it back)")
            remove.clicked.connect(lambda _=False, r=relation: self.remove_relation.emit(r))
            row.addWidget(label, 1)
            row.addWidget(remove)
            self.relations_box.addLayout(row)
        for suggestion in facts.suggestions[:5]:
            self._suggestion_row(suggestion)
        if not facts.paths:
            self._note(self.paths_box, "Nobody in your journal is known to know them yet.")
        for path in facts.paths:
            self.paths_box.addWidget(self._label(html.escape(path.words), wrap=True))
        if not facts.ideas:
            self._note(
                self.ideas_box, "No match yet between their goals or interests and someone else's."
            )
        for idea in facts.ideas:
            row = QHBoxLayout()
            row.addWidget(self._label(html.escape(idea.words), wrap=True), 1)
            button = QPushButton("Make the introduction", self)
            button.setToolTip("Logs a favour given to both (Ctrl+Z takes it back)")
            button.clicked.connect(
                lambda _=False, i=idea: self.introduce.emit(i.seeker_id, i.helper_id)
            )
            row.addWidget(button)
            self.ideas_box.addLayout(row)
        self.loaded.emit()

    def _adder(self, suggestion: Suggestion, kind: str) -> Callable[[], None]:
        return lambda: self.add_relation.emit(suggestion.person_id, suggestion.other_id, kind)

    def _suggestion_row(self, suggestion: Suggestion) -> None:
        row = QHBoxLayout()
        row.addWidget(
            self._label(
                f"Met together: {_link(suggestion.other_id, suggestion.other_name)} — in "
                f"{suggestion.shared} entries, last on {suggestion.last_together:%d %b %Y}. Do they know each other?",
                wrap=True,
            ),
            1,
        )
        accept = QToolButton(self)
        accept.setText("Add as…")
        accept.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        menu = QMenu(accept)
        for key, label in KIND_CHOICES[:6]:
            menu.addAction(label.capitalize(), self._adder(suggestion, key))
        accept.setMenu(menu)
        ignore = QToolButton(self)
        ignore.setText("Ignore")
        ignore.clicked.connect(
            lambda _=False, s=suggestion: self.ignore_suggestion.emit(s.person_id, s.other_id)
        )
        row.addWidget(accept)
        row.addWidget(ignore)
        self.suggestions_box.addLayout(row)

    def _label(self, text: str, wrap: bool = True) -> QLabel:
        label = QLabel(text, self)
        label.setTextFormat(Qt.TextFormat.RichText)
        label.setWordWrap(wrap)
        label.linkActivated.connect(self._link_clicked)
        return label

    def _note(self, box: QVBoxLayout, text: str) -> None:
        label = QLabel(text, self)
        label.setProperty("muted", True)
        label.setWordWrap(True)
        box.addWidget(label)

    def _link_clicked(self, link: str) -> None:
        if link.startswith("open:"):
            self.open_contact.emit(int(link.removeprefix("open:")))

    # --- writing -------------------------------------------------------------------------
    def _add_clicked(self) -> None:
        name = self.picker.text().strip()
        other = self.directory.id_of(name)
        if self.contact_id is None:
            return
        if other is None:
            self.problem.setText(
                f"No contact is called “{name}”: pick one from the list."
                if name
                else "Type a name, then pick the person from the list."
            )
            self.problem.show()
            return
        if other == self.contact_id:
            self.problem.setText("A relationship needs two different people.")
            self.problem.show()
            return
        self.problem.hide()
        kind = self.kind.currentData()
        # "X is their friend" reads the page's person first; "they introduced me to X" too.
        self.add_relation.emit(self.contact_id, other, kind)
        self.picker.clear()


__all__ = ["KINDS", "PeoplePanel"]
