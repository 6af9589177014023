"""Several favours and promises in one entry: added, removed, saved, edited, kept in a draft."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QTextDocument
from PySide6.QtWidgets import QApplication

from relationship_journal import clock
from relationship_journal.gui.contact_page import TIMELINE
from relationship_journal.journal.meeting_log import FavourNote, PromiseNote, log_meeting
from relationship_journal.journal.records import InteractionFields
from tests.gui.conftest import wait_idle, written

LEFT = Qt.MouseButton.LeftButton
CTRL = Qt.KeyboardModifier.ControlModifier


def _ledger_of(window: Any, person: int, entry_id: int) -> tuple[set[str], set[str]]:
    ledger = window.journal.ledger
    favours = {f.what for f in ledger.favours(person) if f.interaction_id == entry_id}
    promises = {c.text for c in ledger.commitments(person) if c.interaction_id == entry_id}
    return favours, promises


def _tab(qtbot: Any) -> Any:
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
    return QApplication.focusWidget()


def test_a_coffee_with_two_favours_and_two_promises_is_one_undoable_entry(
    demo_folder: Path, start_app: Any, qtbot: Any
) -> None:
    window = start_app()
    person = window.page.contact_id
    window.show_contact(person)  # the app opens on Today
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=120_000)
    window.page.focus_composer()
    composer = window.page.composer
    rows = composer.ledger
    before = {e.id for e in window.journal.interactions.for_contact(person)}
    qtbot.keyClicks(composer.note, "Coffee at the corner cafe")

    qtbot.mouseClick(rows.favours[0].what, LEFT)
    qtbot.keyClicks(rows.favours[0].what, "sent her the deck")
    qtbot.mouseClick(rows.add_favour_button, LEFT)
    assert len(rows.favours) == 2 and rows.favours[1].what.hasFocus()
    qtbot.keyClicks(QApplication.focusWidget(), "she introduced me to Ana")
    qtbot.keyClick(rows.favours[1].direction, Qt.Key.Key_Down)  # "They helped me with"

    # A third row typed by mistake, then removed with its ×.
    qtbot.mouseClick(rows.add_favour_button, LEFT)
    qtbot.keyClicks(QApplication.focusWidget(), "oops")
    assert all(not r.remove.isHidden() for r in rows.favours)
    qtbot.mouseClick(rows.favours[2].remove, LEFT)
    assert [r.what.text() for r in rows.favours] == [
        "sent her the deck",
        "she introduced me to Ana",
    ]

    # The keyboard: Tab walks the rows in the order they are shown, to "+ Another promise".
    qtbot.mouseClick(rows.favours[1].what, LEFT)
    seen = [_tab(qtbot) for _ in range(7)]
    promise = rows.promises[0]
    assert seen == [
        rows.favours[1].size,
        rows.favours[1].remove,
        promise.owner,
        promise.text,
        promise.due_on,
        rows.add_favour_button,
        rows.add_promise_button,
    ]
    qtbot.keyClick(rows.add_promise_button, Qt.Key.Key_Space)
    assert len(rows.promises) == 2 and rows.promises[1].text.hasFocus()
    qtbot.keyClicks(rows.promises[1].text, "he will send feedback")
    qtbot.keyClick(rows.promises[1].owner, Qt.Key.Key_Down)  # "They promised to"
    qtbot.mouseClick(promise.text, LEFT)
    qtbot.keyClicks(promise.text, "send him the article")

    qtbot.keyClick(composer.note, Qt.Key.Key_Return, CTRL)
    wait_idle(qtbot, window)  # written on the worker
    (entry,) = [e for e in window.journal.interactions.for_contact(person) if e.id not in before]
    favours, promises = _ledger_of(window, person, entry.id)
    assert favours == {"sent her the deck", "she introduced me to Ana"}
    assert promises == {"send him the article", "he will send feedback"}
    owners = {c.text: c.owner for c in window.journal.ledger.commitments(person)}
    assert owners["he will send feedback"] == "theirs" and owners["send him the article"] == "mine"
    assert len(rows.favours) == 1 and not rows.favours[0].what.text()  # a fresh form

    qtbot.keyClick(window.contact_list.view, Qt.Key.Key_Z, CTRL)  # one step takes back all of it
    wait_idle(qtbot, window)
    assert entry.id not in {e.id for e in window.journal.interactions.for_contact(person)}
    assert _ledger_of(window, person, entry.id) == (set(), set())
    qtbot.keyClick(window.contact_list.view, Qt.Key.Key_Z, CTRL | Qt.KeyboardModifier.ShiftModifier)
    wait_idle(qtbot, window)
    assert _ledger_of(window, person, entry.id) == (favours, promises)


def test_editing_an_entry_shows_all_its_favours_and_promises(
    demo_folder: Path, start_app: Any, qtbot: Any
) -> None:
    window = start_app()
    person = window.page.contact_id
    window.show_contact(person)
    journal = window.journal
    changes = written(
        qtbot,
        window,
        lambda j: log_meeting(
            j,
            InteractionFields((person,), clock.today(), "meeting", note="Lunch with a full ledger"),
            (
                FavourNote("given", "reviewed his pitch", 2),
                FavourNote("received", "lent me a projector", 1),
            ),
            (PromiseNote("mine", "send the slides"), PromiseNote("theirs", "call his cousin")),
        ),
    )
    entry_id = changes.created_id
    slides = next(c for c in journal.ledger.commitments(person) if c.text == "send the slides")
    written(qtbot, window, lambda j: j.ledger.set_commitment_done(slides.id, clock.today()))

    window.page.tabs.setCurrentIndex(TIMELINE)
    browser = window.page.timeline.browser
    found = browser.document().find("Edit", 0, QTextDocument.FindFlag.FindCaseSensitively)
    while not found.isNull() and found.charFormat().anchorHref() != f"rj:edit:{entry_id}":
        found = browser.document().find("Edit", found, QTextDocument.FindFlag.FindCaseSensitively)
    assert not found.isNull()
    found.setPosition(found.selectionStart() + 2)  # inside the link, not at its edge
    browser.setTextCursor(found)
    browser.ensureCursorVisible()
    qtbot.mouseClick(browser.viewport(), LEFT, pos=browser.cursorRect(found).center())
    form = window.composer_dialog.form
    qtbot.waitUntil(window.composer_dialog.isVisible, timeout=120_000)  # read on the worker first
    assert (
        window.composer_dialog.isVisible()
        and form.editing is not None
        and form.editing.id == entry_id
    )
    rows = form.ledger
    assert [
        (r.direction.currentData(), r.what.text(), r.size.currentData()) for r in rows.favours
    ] == [
        ("given", "reviewed his pitch", 2),
        ("received", "lent me a projector", 1),
    ]
    assert [(r.owner.currentData(), r.text.text()) for r in rows.promises] == [
        ("mine", "send the slides"),
        ("theirs", "call his cousin"),
    ]
    assert rows.ask_what.isHidden()  # an ask is recorded with a new entry only

    qtbot.mouseClick(rows.favours[1].remove, LEFT)
    qtbot.mouseClick(rows.add_promise_button, LEFT)
    qtbot.keyClicks(rows.promises[2].text, "book the venue")
    qtbot.keyClick(form.note, Qt.Key.Key_Return, CTRL)
    assert not window.composer_dialog.isVisible()
    wait_idle(qtbot, window)
    assert _ledger_of(window, person, entry_id) == (
        {"reviewed his pitch"},
        {"send the slides", "call his cousin", "book the venue"},
    )
    kept = next(c for c in journal.ledger.commitments(person) if c.id == slides.id)
    assert kept.done_date == clock.today()  # a promise left as it was keeps its "done"

    window.activateWindow()  # the dialog has closed: the keyboard is the window's again
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=120_000)
    qtbot.keyClick(window.contact_list.view, Qt.Key.Key_Z, CTRL)
    wait_idle(qtbot, window)
    assert _ledger_of(window, person, entry_id) == (
        {"reviewed his pitch", "lent me a projector"},
        {"send the slides", "call his cousin"},
    )


def test_a_draft_keeps_every_row(demo_folder: Path, start_app: Any, qtbot: Any) -> None:
    window = start_app()
    qtbot.keyClick(window, Qt.Key.Key_N, CTRL)
    form = window.composer_dialog.form
    rows = form.ledger
    qtbot.keyClicks(form.note, "Conference hallway chat")
    qtbot.mouseClick(rows.favours[0].what, LEFT)
    qtbot.keyClicks(rows.favours[0].what, "first favour")
    qtbot.mouseClick(rows.add_favour_button, LEFT)
    qtbot.keyClicks(rows.favours[1].what, "second favour")
    qtbot.mouseClick(rows.promises[0].text, LEFT)
    qtbot.keyClicks(rows.promises[0].text, "first promise")
    qtbot.mouseClick(rows.add_promise_button, LEFT)
    qtbot.keyClicks(rows.promises[1].text, "second promise")
    qtbot.mouseClick(rows.promises[1].due_on, LEFT)
    draft = window.drafts.path
    assert rows.promises[1].due_on.isChecked()

    def saved() -> bool:
        promises = json.loads(draft.read_text()).get("promises", []) if draft.exists() else []
        return (
            len(promises) == 2 and promises[1][1] == "second promise" and promises[1][2] is not None
        )

    qtbot.waitUntil(saved, timeout=120_000)
    window.remember = False
    window.hide()  # the process "dies"

    second = start_app()
    restored = second.composer_dialog.form.ledger
    assert [r.what.text() for r in restored.favours] == ["first favour", "second favour"]
    assert [r.text.text() for r in restored.promises] == ["first promise", "second promise"]
    assert [r.due_on.isChecked() for r in restored.promises] == [False, True]
