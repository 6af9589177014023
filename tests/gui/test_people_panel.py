"""Who they know on the Profile tab: the picker, suggestions, introductions — all undoable."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt

from relationship_journal.gui.contact_page import PROFILE
from relationship_journal.journal import Journal
from relationship_journal.journal.records import ContactFields, InteractionFields
from tests.gui.conftest import wait_idle


def _folder(private_folders: Path, day: Any) -> Path:
    with Journal.open(private_folders) as journal:
        ids = [
            journal.contacts.add(ContactFields(display_name=name, **extra)).created_id
            for name, extra in (
                ("Ada Lovelace", {"goals": "learn sailing this summer"}),
                ("Grace Hopper", {}),
                ("Sam Sailor", {"interests": "sailing, chess"}),
            )
        ]
        for _ in range(2):
            journal.interactions.log(
                InteractionFields((ids[0], ids[1]), day, "meeting", minutes=60)
            )
    return private_folders


def _profile(window: Any, qtbot: Any, name: str) -> Any:
    window.show_view("contacts")
    window.show_contact(window.journal.contacts.resolve(name))
    wait_idle(qtbot, window)
    panel = window.page.people
    with qtbot.waitSignal(panel.loaded, timeout=120_000):
        window.page.tabs.setCurrentIndex(PROFILE)
        wait_idle(qtbot, window)
    return panel


def test_a_relationship_is_added_with_the_picker_and_undone(
    private_folders: Path, start_app: Any, qtbot: Any
) -> None:
    from relationship_journal import clock

    _folder(private_folders, clock.today())
    window = start_app()
    panel = _profile(window, qtbot, "Ada Lovelace")
    assert panel.facts.relations == []
    panel.picker.setText("Sam Sailor")
    panel.kind.setCurrentIndex(panel.kind.findData("sibling"))
    with qtbot.waitSignal(panel.loaded, timeout=120_000):
        qtbot.mouseClick(panel.add_button, Qt.MouseButton.LeftButton)
        wait_idle(qtbot, window)
    assert [r.words for r in panel.facts.relations] == ["Sam Sailor — sibling"]
    sam = window.journal.contacts.resolve("Sam Sailor")
    assert [r.words for r in window.journal.relationships.for_contact(sam)] == [
        "Ada Lovelace — sibling"
    ]
    with qtbot.waitSignal(panel.loaded, timeout=120_000):
        window.undo_stack.undo()
        wait_idle(qtbot, window)
    assert panel.facts.relations == []

    panel.picker.setText("Nobody Known")
    qtbot.mouseClick(panel.add_button, Qt.MouseButton.LeftButton)
    wait_idle(qtbot, window)
    assert "No contact is called “Nobody Known”" in panel.problem.text()
    wait_idle(qtbot, window)


def test_people_met_together_are_suggested_and_accepted_or_ignored(
    private_folders: Path, start_app: Any, qtbot: Any
) -> None:
    from relationship_journal import clock

    _folder(private_folders, clock.today())
    window = start_app()
    panel = _profile(window, qtbot, "Ada Lovelace")
    (suggestion,) = panel.facts.suggestions
    assert suggestion.other_name == "Grace Hopper" and suggestion.shared == 2
    with qtbot.waitSignal(panel.loaded, timeout=120_000):
        panel.add_relation.emit(suggestion.person_id, suggestion.other_id, "colleague")
    assert panel.facts.suggestions == []
    assert [r.words for r in panel.facts.relations] == ["Grace Hopper — colleague"]
    with qtbot.waitSignal(panel.loaded, timeout=120_000):
        window.undo_stack.undo()
    with qtbot.waitSignal(panel.loaded, timeout=120_000):
        panel.ignore_suggestion.emit(suggestion.person_id, suggestion.other_id)
    assert panel.facts.suggestions == [] and panel.facts.relations == []
    with qtbot.waitSignal(panel.loaded, timeout=120_000):
        window.undo_stack.undo()
        wait_idle(qtbot, window)
    assert len(panel.facts.suggestions) == 1
    wait_idle(qtbot, window)


def test_an_introduction_i_could_make_is_logged_as_favours(
    private_folders: Path, start_app: Any, qtbot: Any
) -> None:
    from relationship_journal import clock

    _folder(private_folders, clock.today())
    window = start_app()
    panel = _profile(window, qtbot, "Sam Sailor")
    (idea,) = panel.facts.ideas
    assert (
        "Ada Lovelace wants to learn sailing this summer; Sam Sailor is into sailing" in idea.words
    )
    with qtbot.waitSignal(panel.loaded, timeout=120_000):
        panel.introduce.emit(idea.seeker_id, idea.helper_id)
    assert [f.what for f in window.journal.ledger.favours(idea.helper_id)] == [
        "Introduced to Ada Lovelace"
    ]
    window.undo_stack.undo()
    wait_idle(qtbot, window)
    assert window.journal.ledger.favours() == []
    wait_idle(qtbot, window)
