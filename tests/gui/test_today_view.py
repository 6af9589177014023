"""The Today view in the real window: first on launch, one-click actions, all undoable."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt

from tests.gui.conftest import wait_idle


def _today_ready(window: Any, qtbot: Any) -> Any:
    view = window.today.view
    qtbot.waitUntil(lambda: view.agenda is not None and view.filled, timeout=120_000)
    wait_idle(qtbot, window)
    return view


def test_today_is_the_first_view_once_the_journal_has_people(
    demo_folder: Path, start_app: Any, qtbot: Any
) -> None:
    window = start_app()
    assert window.current_view() == "today"
    view = _today_ready(window, qtbot)
    expected = window.journal.agenda.today(window.as_of)
    assert [card.item.key for card in view.cards] == [item.key for item in expected.items]
    assert view.cards[0].reason.text().lstrip("\u200e") == expected.items[0].reason
    window.show_view("contacts")
    assert window.current_view() == "contacts"
    window.act_views["today"].trigger()
    wait_idle(qtbot, window)
    assert window.current_view() == "today"


def test_the_cards_are_built_a_batch_per_turn_of_the_event_loop(
    demo_folder: Path, start_app: Any, qtbot: Any, monkeypatch: Any
) -> None:
    """Fifty cards built at once kept the window from its events for 60 ms after each change."""
    from relationship_journal.gui import today_view

    window = start_app()
    view = _today_ready(window, qtbot)
    keys = [card.item.key for card in view.cards]
    # Three turns or more, whatever the day: the demo's Today has 6 to 12 cards.
    assert len(keys) >= 3
    monkeypatch.setattr(today_view, "CARDS_PER_TURN", (len(keys) - 1) // 2)
    assert len(keys) > 2 * today_view.CARDS_PER_TURN
    built: list[int] = []
    view.loaded.connect(lambda: built.append(len(view.cards)))
    view.show_agenda(view.agenda)
    assert 0 < len(view.cards) <= today_view.CARDS_PER_TURN and not view.filled
    qtbot.waitUntil(lambda: view.filled, timeout=30_000)
    assert built == [len(keys)] and [card.item.key for card in view.cards] == keys


def test_done_and_snooze_take_an_item_off_today_and_undo_brings_it_back(
    demo_folder: Path, start_app: Any, qtbot: Any
) -> None:
    window = start_app()
    view = _today_ready(window, qtbot)
    first = view.cards[0].item
    qtbot.mouseClick(view.cards[0].done, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(
        lambda: view.card_for(first.key) is None and not view.cards[0].item.key == first.key,
        timeout=30000,
    )
    assert first.key not in [i.key for i in window.journal.agenda.today(window.as_of).items]
    window.undo_stack.undo()
    qtbot.waitUntil(lambda: view.card_for(first.key) is not None, timeout=120_000)

    second = view.cards[1].item
    view.card_for(second.key).snooze_actions["1 week"].trigger()
    qtbot.waitUntil(lambda: view.card_for(second.key) is None, timeout=120_000)
    mark = window.journal.agenda.marks.get(second.key)
    assert mark is not None and (mark.until - window.as_of).days == 7
    window.undo_stack.undo()
    qtbot.waitUntil(lambda: view.card_for(second.key) is not None, timeout=120_000)
    assert window.journal.agenda.marks.get(second.key) is None


def test_log_a_touch_opens_the_composer_ready_for_a_short_call(
    demo_folder: Path, start_app: Any, qtbot: Any
) -> None:
    import datetime as dt

    from relationship_journal import clock
    from relationship_journal.journal import Journal
    from relationship_journal.journal.records import ContactFields, InteractionFields

    with Journal.open(demo_folder) as journal:  # someone close, not called for six weeks
        close = journal.contacts.add(ContactFields("Due Person", circle=5)).created_id
        assert close is not None
        journal.interactions.log(
            InteractionFields((close,), clock.today() - dt.timedelta(days=42), "meeting", minutes=60, depth=3)
        )
    window = start_app()
    view = _today_ready(window, qtbot)
    card = next(c for c in view.cards if c.item.gain is not None)
    qtbot.mouseClick(card.primary, Qt.MouseButton.LeftButton)
    wait_idle(qtbot, window)
    form = window.composer_dialog.form
    assert window.composer_dialog.isVisible()
    assert list(form.people) == list(card.item.contact_ids)
    assert (form.kind.currentData(), form.minutes.value(), form.initiated.currentData()) == (
        "call",
        15,
        "me",
    )
    window.composer_dialog.reject()


def test_a_long_section_shows_its_first_cards_and_the_rest_on_asking(
    private_folders: Path, start_app: Any, qtbot: Any
) -> None:
    """Thirty-seven promises due: ten cards at first, then 25 more, then the last two,
    each batch a click (or Space) on the section's button, the keyboard on the first new card."""
    import datetime as dt

    from relationship_journal import clock
    from relationship_journal.gui.today_view import SHOWN_AT_FIRST, SHOWN_PER_CLICK
    from relationship_journal.journal import Journal
    from relationship_journal.journal.records import ContactFields

    due = clock.today() - dt.timedelta(days=3)
    with Journal.open(private_folders) as journal:
        person = journal.contacts.add(ContactFields("Promised Person", circle=15)).created_id
        assert person is not None
        for n in range(37):
            journal.ledger.add_commitment(person, "mine", f"Send article {n:02d}", due - dt.timedelta(days=30), due)
        journal.ledger.add_ask(person, "an introduction to the editor", due - dt.timedelta(days=20))
    window = start_app()
    view = _today_ready(window, qtbot)
    promises = [i for i in window.journal.agenda.today(window.as_of).items if i.kind == "promise"]
    assert len(promises) == 37
    section = next(s for s in view.sections if s.cards[0].item.kind == "promise")
    qtbot.waitUntil(section.more.isVisible, timeout=120_000)  # a new widget shows with the next events
    assert [c.item.key for c in section.cards] == [i.key for i in promises[:SHOWN_AT_FIRST]]
    assert section.more.text() == "Show 25 more (27 left)"

    qtbot.mouseClick(section.more, Qt.MouseButton.LeftButton)
    shown = SHOWN_AT_FIRST + SHOWN_PER_CLICK
    assert [c.item.key for c in section.cards] == [i.key for i in promises[:shown]]
    assert section.cards[SHOWN_AT_FIRST].primary.hasFocus()
    assert section.more.text() == "Show the other 2"
    qtbot.waitUntil(lambda: section.cards[-1].isVisible(), timeout=120_000)  # shown with the next events
    section.cards[SHOWN_AT_FIRST - 1].done.setFocus()
    qtbot.keyClick(section.cards[SHOWN_AT_FIRST - 1].done, Qt.Key.Key_Tab)  # on to the new cards
    assert section.cards[SHOWN_AT_FIRST].primary.hasFocus()
    asks = next(s for s in view.sections if s.cards[0].item.kind == "ask")  # the section below
    section.cards[-1].done.setFocus()
    qtbot.keyClick(section.cards[-1].done, Qt.Key.Key_Tab)
    assert section.more.hasFocus()
    qtbot.keyClick(section.more, Qt.Key.Key_Tab)
    assert asks.cards[0].primary.hasFocus()

    view.refresh(window.as_of)  # as after Done or Snooze: the section keeps its 35 cards
    qtbot.waitUntil(lambda: view.sections and view.sections[0] is not section and view.filled, timeout=120_000)
    section = next(s for s in view.sections if s.cards[0].item.kind == "promise")
    assert [c.item.key for c in section.cards] == [i.key for i in promises[:shown]]
    qtbot.waitUntil(section.more.isVisible, timeout=120_000)

    section.more.setFocus()
    qtbot.keyClick(section.more, Qt.Key.Key_Space)
    assert [c.item.key for c in section.cards] == [i.key for i in promises]
    assert not section.more.isVisibleTo(view)
    assert view.card_for(promises[-1].key) is section.cards[-1]


def test_a_sentence_opened_by_a_right_to_left_name_reads_left_to_right(qtbot: Any, journal: Any) -> None:
    """"يوسف منصور’s birthday" read "s birthday’يوسف منصور" on the card."""
    import datetime as dt

    from PySide6.QtGui import QTextDocument

    from relationship_journal.gui.today_view import ItemCard, TodayView
    from relationship_journal.journal.agenda import TodayItem

    view = TodayView(journal)
    qtbot.addWidget(view)
    name = "يوسف منصور"
    item = TodayItem(
        key="date:1", kind="birthday", title=f"{name}’s birthday",
        reason=f"{name}’s birthday is in 4 days (Saturday 04 July) — a message or a call?",
        contact_ids=(1,), names=(name,), source={}, when=dt.date(2026, 7, 4),
    )
    card = ItemCard(item, view)
    for label in (card.title, card.reason):
        assert label.textFormat() == Qt.TextFormat.PlainText
        shown = QTextDocument()
        shown.setPlainText(label.text())
        assert shown.firstBlock().textDirection() == Qt.LayoutDirection.LeftToRight
        assert name in shown.toPlainText()


def _birthday_card(qtbot: Any, journal: Any) -> Any:
    import datetime as dt

    from relationship_journal.gui.today_view import ItemCard, TodayView
    from relationship_journal.journal.agenda import TodayItem

    view = TodayView(journal)
    qtbot.addWidget(view)
    item = TodayItem(
        key="date:7", kind="birthday", title="Ada Lovelace’s birthday",
        reason="Ada Lovelace’s birthday is in 4 days (Saturday 04 July), turning 36 — a message or a call?",
        contact_ids=(7,), names=("Ada Lovelace",), source={}, when=dt.date(2026, 7, 4),
    )
    card = ItemCard(item, view)
    card.resize(700, 120)
    card.show()
    return view, card


def test_clicking_a_cards_title_opens_the_person(qtbot: Any, journal: Any) -> None:
    view, card = _birthday_card(qtbot, journal)
    with qtbot.waitSignal(view.open_contact) as opened:
        qtbot.mouseClick(card.title, Qt.MouseButton.LeftButton)
    assert opened.args == [7]
    with qtbot.assertNotEmitted(view.open_contact):
        qtbot.mouseClick(card.title, Qt.MouseButton.RightButton)


def test_a_cards_reason_wraps_again_in_a_larger_font(qtbot: Any, journal: Any) -> None:
    """The reason remembers its height per width; a new font must not keep the old one."""
    _view, card = _birthday_card(qtbot, journal)
    reason = card.reason
    before = reason.heightForWidth(200)
    assert before == reason.heightForWidth(200) and before > reason.fontMetrics().height()  # wrapped
    font = reason.font()
    font.setPointSizeF(font.pointSizeF() * 2)
    reason.setFont(font)
    assert reason.heightForWidth(200) > before * 1.5
