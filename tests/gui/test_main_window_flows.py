"""Whole flows through the real window, as a user would drive it."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt

from relationship_journal import clock
from relationship_journal.gui import worker
from relationship_journal.gui.contact_model import ContactIdRole
from relationship_journal.gui.contact_page import PROFILE, TIMELINE
from tests.gui.conftest import wait_idle


def _shown_ids(window: Any) -> list[int]:
    proxy = window.contact_list.proxy
    return [proxy.index(r, 0).data(ContactIdRole) for r in range(proxy.rowCount())]


def test_first_run_offers_three_ways_to_begin(start_app: Any, qtbot: Any, monkeypatch: Any) -> None:
    from relationship_journal.gui.contact_dialog import NewContactDialog

    window = start_app()
    assert window.stack.currentWidget() is window.empty
    labels = [b.text() for b in window.empty.buttons]
    assert labels == ["Add your first contact", "Import contacts…", "Explore a demo network"]

    def fill_and_accept(dialog: NewContactDialog) -> int:
        dialog.name.setText("Grace Hopper")
        dialog.organisation.setText("US Navy")
        return NewContactDialog.DialogCode.Accepted

    monkeypatch.setattr(NewContactDialog, "exec", fill_and_accept)
    qtbot.mouseClick(window.empty.buttons[0], Qt.MouseButton.LeftButton)
    wait_idle(qtbot, window)
    assert window.stack.currentWidget() is window.page
    assert window.page.header.name.text() == "Grace Hopper"
    assert window.contact_list.model.rowCount() == 1


def test_find_open_log_and_undo(demo_folder: Path, start_app: Any, qtbot: Any) -> None:
    window = start_app()
    journal = window.journal
    target = max((s for s in journal.contacts.list() if s.name.isascii()), key=lambda s: len(s.name))
    everyone = window.contact_list.proxy.rowCount()

    qtbot.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert window.contact_list.search.hasFocus()
    qtbot.keyClicks(window.contact_list.search, target.name)
    assert 0 < window.contact_list.proxy.rowCount() < everyone
    assert target.id in _shown_ids(window)
    window.contact_list.select(target.id)
    assert window.page.contact_id == target.id
    qtbot.waitUntil(lambda: not worker.busy(), timeout=120_000)  # the page reads on the worker
    assert window.page.header.name.text() == target.name

    health_before = window.page.health.display_score
    entries_before = len(window.page.timeline.entries())
    window.page.focus_composer()
    assert window.page.tabs.currentIndex() == TIMELINE
    composer = window.page.composer
    assert composer.people == [target.id]
    composer.depth_choice.setCurrentIndex(4)  # support in a hard moment
    composer.minutes.setValue(120)
    composer.initiated.setCurrentIndex(1)  # they reached out
    qtbot.keyClicks(composer.note, "Long walk. **She** is moving to Lisbon in May.")
    qtbot.keyClick(composer.note, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    wait_idle(qtbot, window)

    entries = window.page.timeline.entries()
    assert len(entries) == entries_before + 1
    assert entries[0].note == "Long walk. **She** is moving to Lisbon in May."
    assert "Lisbon" in window.page.timeline.browser.toPlainText()
    assert "**" not in window.page.timeline.browser.toPlainText().split("Lisbon")[0][-40:]
    assert window.page.health.display_score > (health_before or 0)
    assert window.page.overview.health.dial.score == window.page.health.display_score
    assert composer.note.toPlainText() == ""  # ready for the next one

    qtbot.keyClick(window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    wait_idle(qtbot, window)
    assert len(window.page.timeline.entries()) == entries_before
    assert window.page.health.display_score == health_before
    qtbot.keyClick(window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    wait_idle(qtbot, window)
    assert len(window.page.timeline.entries()) == entries_before + 1


def test_edit_profile_in_place_then_undo(demo_folder: Path, start_app: Any, qtbot: Any) -> None:
    window = start_app()
    contact_id = window.page.contact_id
    assert contact_id is not None
    window.page.tabs.setCurrentIndex(PROFILE)
    interests = window.page.profile.widgets["interests"]
    interests.setFocus()
    interests.setPlainText("Sailing, Go, Vietnamese cooking")
    window.page.profile.widgets["organisation"].setFocus()  # leaving the field saves it
    qtbot.waitUntil(lambda: window.journal.contacts.get(contact_id).interests == "Sailing, Go, Vietnamese cooking")
    tags = window.page.profile.tags
    tags.setText("sailing, mentor")
    tags.editingFinished.emit()
    wait_idle(qtbot, window)
    assert window.journal.contacts.get(contact_id).tags == ("mentor", "sailing")
    assert "mentor" in window.page.header.facts.text()

    window.undo_stack.undo()
    wait_idle(qtbot, window)
    assert window.journal.contacts.get(contact_id).tags != ("mentor", "sailing")
    window.undo_stack.undo()
    wait_idle(qtbot, window)
    assert window.journal.contacts.get(contact_id).interests != "Sailing, Go, Vietnamese cooking"
    assert window.page.profile.widgets["interests"].toPlainText() != "Sailing, Go, Vietnamese cooking"


def test_filters_narrow_the_list(demo_folder: Path, start_app: Any, qtbot: Any) -> None:
    window = start_app()
    model, shown = window.contact_list.model, window.contact_list
    everyone = shown.proxy.rowCount()
    shown.circle.setCurrentIndex(shown.circle.findData(50))
    ids = _shown_ids(window)
    assert ids and len(ids) < everyone
    assert all(model.summary(model.row_of(i)).circle == 50 for i in ids)
    shown.circle.setCurrentIndex(0)
    shown.kind.setCurrentIndex(shown.kind.findData("connections"))
    assert all(model.health_of(i).classification in ("connection", "trusted") for i in _shown_ids(window))
    shown.kind.setCurrentIndex(0)
    network = window.journal.health.network(window.as_of)
    shown.fading.setChecked(True)
    assert set(_shown_ids(window)) == {f.contact_id for f in network.fading}
    shown.fading.setChecked(False)
    assert shown.proxy.rowCount() == everyone


def test_search_finds_words_from_notes(demo_folder: Path, start_app: Any, qtbot: Any) -> None:
    from relationship_journal.journal.records import InteractionFields

    window = start_app()
    person = window.journal.contacts.list()[3]

    window.journal.interactions.log(InteractionFields((person.id,), clock.today(), "call",
                                                      note="Talked about the zygomorphic orchid show"))
    window.contact_list.search.setText("zygomorph")
    qtbot.waitUntil(lambda: _shown_ids(window) == [person.id], timeout=120_000)


def test_draft_comes_back_after_a_crash(demo_folder: Path, start_app: Any, qtbot: Any) -> None:
    window = start_app()
    composer = window.page.composer
    window.page.focus_composer()
    qtbot.keyClicks(composer.note, "Half-written note about the offsite")
    draft = window.drafts.path
    qtbot.waitUntil(draft.exists, timeout=120_000)
    assert draft.stat().st_mode & 0o777 == 0o600
    assert draft.parent.stat().st_mode & 0o777 == 0o700
    window.remember = False
    window.hide()  # the process "dies": no close, no save, nothing cleared

    second = start_app()
    assert second.restored_draft
    assert second.composer_dialog.isVisible()
    assert second.composer_dialog.form.note.toPlainText() == "Half-written note about the offsite"
    assert second.composer_dialog.form.people == composer.people
    assert "Restored an unsaved draft" in second.statusBar().currentMessage()
    qtbot.keyClick(second.composer_dialog.form.note, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    wait_idle(qtbot, second)
    assert not draft.exists()
    notes = [e.note for e in second.journal.interactions.for_contact(composer.people[0])]
    assert "Half-written note about the offsite" in notes


def test_ctrl_n_logs_for_several_people(demo_folder: Path, start_app: Any, qtbot: Any) -> None:
    window = start_app()
    people = window.journal.contacts.list()[:2]
    qtbot.keyClick(window, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    form = window.composer_dialog.form
    assert window.composer_dialog.isVisible()
    form.set_people([])
    for person in people:
        form.picker.setText(person.name)
        qtbot.keyClick(form.picker, Qt.Key.Key_Return)
    assert form.people == [p.id for p in people]
    form.ledger.promises[0].text.setText("send the deck")
    qtbot.keyClicks(form.note, "Dinner together")
    qtbot.keyClick(form.note, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    wait_idle(qtbot, window)
    assert not window.composer_dialog.isVisible()
    entry = next(e for e in window.journal.interactions.for_contact(people[0].id) if e.note == "Dinner together")
    assert set(entry.contact_ids) == {p.id for p in people}
    promises = window.journal.ledger.commitments(people[0].id, open_only=True)
    assert any(c.text == "send the deck" and c.interaction_id == entry.id for c in promises)


def test_opening_the_first_person_opens_their_page_once(
    demo_folder: Path, start_app: Any, qtbot: Any
) -> None:
    window = start_app()
    wait_idle(qtbot, window)
    contacts = window.contact_list
    contacts.view.selectionModel().clear()  # no current row, focus elsewhere: as at start
    contacts.search.setFocus()
    opened: list[int] = []
    contacts.contact_selected.connect(opened.append)
    contacts.open_first()
    assert opened == [_shown_ids(window)[0]]  # one page read, not one for the focus and one more
