"""An ask's answer recorded on the person's Overview, where the trust it changes is read."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt

from relationship_journal import clock
from relationship_journal.gui.contact_page import OVERVIEW
from tests.gui.conftest import wait_idle, written

LEFT = Qt.MouseButton.LeftButton
CTRL = Qt.KeyboardModifier.ControlModifier


def _trust(window: Any) -> float:
    return float(window.page.overview.trust.trust.text().removeprefix("Trust "))


def test_open_asks_are_answered_on_the_overview_and_undone_with_ctrl_z(
    demo_folder: Path, start_app: Any, qtbot: Any
) -> None:
    window = start_app()
    journal = window.journal
    person = window.page.contact_id
    window.show_contact(person)  # the app opens on Today
    written(
        qtbot,
        window,
        lambda j: j.ledger.add_ask(person, "an intro to their head of design", clock.today()),
    )
    written(
        qtbot,
        window,
        lambda j: j.ledger.add_ask(person, "a reference for my friend", clock.today(), size=2),
    )
    asks = {a.what: a for a in journal.ledger.asks(person) if a.outcome == "open"}
    intro, reference = asks["an intro to their head of design"], asks["a reference for my friend"]
    page = window.page
    assert page.tabs.currentIndex() == OVERVIEW
    card = page.overview.asks
    assert card.isVisible() and set(card.buttons) >= {intro.id, reference.id}
    trust_before = _trust(window)

    said: list[str] = []  # every status message, however soon another replaces it
    window.statusBar().messageChanged.connect(said.append)
    qtbot.mouseClick(card.buttons[intro.id]["declined"], LEFT)
    wait_idle(qtbot, window)  # the answer is written on the worker, then the page reads it
    qtbot.waitUntil(lambda: intro.id not in card.buttons, timeout=120_000)
    answered = next(a for a in journal.ledger.asks(person) if a.id == intro.id)
    assert (answered.outcome, answered.resolved_on) == ("declined", clock.today())
    assert intro.id not in card.buttons  # no longer waiting
    assert _trust(window) < trust_before  # the declined ask counts against trust at once
    assert any("Ctrl+Z" in message for message in said)

    qtbot.keyClick(window.contact_list.view, Qt.Key.Key_Z, CTRL)
    wait_idle(qtbot, window)
    qtbot.waitUntil(lambda: intro.id in card.buttons, timeout=120_000)
    assert next(a for a in journal.ledger.asks(person) if a.id == intro.id).outcome == "open"
    assert intro.id in card.buttons
    assert _trust(window) == trust_before

    said_yes = card.buttons[reference.id]["helped"]  # the keyboard works too
    assert said_yes.focusPolicy() & Qt.FocusPolicy.TabFocus
    qtbot.keyClick(said_yes, Qt.Key.Key_Space)
    wait_idle(qtbot, window)
    qtbot.waitUntil(lambda: reference.id not in card.buttons, timeout=120_000)
    assert next(a for a in journal.ledger.asks(person) if a.id == reference.id).outcome == "helped"
    assert reference.id not in card.buttons


def test_a_person_with_no_open_ask_says_how_to_record_one(
    demo_folder: Path, start_app: Any, qtbot: Any
) -> None:
    window = start_app()
    person = window.page.contact_id
    window.show_contact(person)
    for ask in window.journal.ledger.asks(person):
        if ask.outcome == "open":
            written(
                qtbot, window, lambda j, a=ask.id: j.ledger.resolve_ask(a, "helped", clock.today())
            )
    card = window.page.overview.asks
    assert not card.buttons
    texts = [card.rows.itemAt(i).widget().text() for i in range(card.rows.count())]
    assert any("I asked them for" in t for t in texts)
