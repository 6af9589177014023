"""What a new user met in their first hour with the window, done as they did it.

Each test clicks and types on the real window (started as a double-click starts it) and
checks what the user would see.
"""

from __future__ import annotations

import html
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from relationship_journal.gui.contact_model import ContactIdRole
from tests.gui.conftest import wait_idle


def shown_ids(window: Any) -> list[int]:
    proxy = window.contact_list.proxy
    return [proxy.index(r, 0).data(ContactIdRole) for r in range(proxy.rowCount())]


def highlighted_id(window: Any) -> int | None:
    view = window.contact_list.view
    rows = view.selectionModel().selectedRows()
    return int(rows[0].data(ContactIdRole)) if len(rows) == 1 else None


def click_row(qtbot: Any, window: Any, contact_id: int) -> None:
    view = window.contact_list.view
    row = shown_ids(window).index(contact_id)
    rect = view.visualRect(window.contact_list.proxy.index(row, 0))
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    wait_idle(qtbot, window)


def unique_word(name: str, everyone: list[str]) -> str:
    """A piece of `name` no other name (or organisation) in the list contains."""
    for word in sorted(name.split(), key=len, reverse=True):
        if sum(word.casefold() in other.casefold() for other in everyone) == 1:
            return word
    return name


def test_the_highlighted_row_is_always_the_open_page(
    demo_folder: Path, start_app: Any, qtbot: Any
) -> None:
    window = start_app()
    people = window.journal.contacts.list()
    # QTest can only type ASCII: the demo's names depend on the day (pytest --today), so choose.
    first, other = people[0], [p for p in people if p.name.isascii()][5]
    click_row(qtbot, window, first.id)
    assert window.page.contact_id == first.id

    # A search that leaves one row, someone else's.
    window.contact_list.search.setFocus()
    qtbot.keyClicks(window.contact_list.search, other.name)
    qtbot.waitUntil(
        lambda: shown_ids(window) == [other.id] or other.id in shown_ids(window), timeout=5000
    )
    assert first.id not in shown_ids(window)
    highlighted = highlighted_id(window)
    assert highlighted in (None, window.page.contact_id), (
        "a row is highlighted that is not the open page"
    )

    # Clicking the row opens it, even if it were already the current row.
    click_row(qtbot, window, other.id)
    assert window.page.contact_id == other.id
    assert window.page.header.name.text() == other.name
    assert highlighted_id(window) == other.id

    # Back on the first person's page via the timeline, then Enter on the current row.
    window.contact_list.search.clear()
    qtbot.waitUntil(lambda: first.id in shown_ids(window), timeout=120_000)
    assert highlighted_id(window) == other.id  # the open person's row, highlighted again
    window.show_view("timeline")
    window.contact_list.view.setFocus()
    qtbot.keyClick(window.contact_list.view, Qt.Key.Key_Return)
    assert window.stack.currentWidget() is window.page
    assert window.page.contact_id == other.id


def test_ctrl_z_after_saving_reaches_the_journal(
    demo_folder: Path, start_app: Any, qtbot: Any
) -> None:
    window = start_app()
    person = window.page.contact_id
    window.show_contact(person)  # the app opens on Today
    wait_idle(qtbot, window)
    entries = len(window.journal.interactions.for_contact(person))
    composer = window.page.composer
    window.page.focus_composer()
    qtbot.keyClicks(composer.note, "Coffee at the station")
    qtbot.keyClick(composer.note, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    wait_idle(qtbot, window)
    assert len(window.journal.interactions.for_contact(person)) == entries + 1
    assert "Ctrl+Z" in window.statusBar().currentMessage()

    for field in (composer.picker, window.contact_list.search):  # where the focus ends up
        qtbot.mouseClick(field, Qt.MouseButton.LeftButton)
        wait_idle(qtbot, window)
        assert QApplication.focusWidget() is field
        qtbot.keyClick(field, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
        wait_idle(qtbot, window)
        assert len(window.journal.interactions.for_contact(person)) == entries
        qtbot.keyClick(
            field,
            Qt.Key.Key_Z,
            Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
        )
        wait_idle(qtbot, window)
        assert len(window.journal.interactions.for_contact(person)) == entries + 1

    # A field with typing of its own still undoes its own typing first.
    qtbot.keyClicks(window.contact_list.search, "zz")
    qtbot.keyClick(window.contact_list.search, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    wait_idle(qtbot, window)
    assert window.contact_list.search.text() == ""
    assert len(window.journal.interactions.for_contact(person)) == entries + 1


def test_ctrl_comma_opens_preferences(
    demo_folder: Path, start_app: Any, qtbot: Any, monkeypatch: Any
) -> None:
    from relationship_journal.gui.dialogs.preferences import PreferencesDialog

    opened: list[bool] = []
    monkeypatch.setattr(PreferencesDialog, "exec", lambda self: opened.append(True) or 0)
    window = start_app()
    qtbot.keyClick(window.contact_list.view, Qt.Key.Key_Comma, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(window.contact_list.view, Qt.Key.Key_Comma, Qt.KeyboardModifier.ControlModifier)
    wait_idle(qtbot, window)
    assert opened == [True]  # pressed twice while its read ran: one dialog


def test_a_restored_draft_names_the_person(demo_folder: Path, start_app: Any, qtbot: Any) -> None:
    window = start_app()
    name = window.page.header.name.text()
    window.page.focus_composer()
    qtbot.keyClicks(window.page.composer.note, "Half a thought")
    qtbot.waitUntil(window.drafts.path.exists, timeout=120_000)
    window.remember = False
    window.hide()  # the app dies before saving

    second = start_app()
    assert second.restored_draft
    label = second.composer_dialog.form.people_label.text()
    assert html.escape(name) in label or name in label  # shown as typed: O'Connor, A & B
    assert "#" not in label.replace(html.escape(name), "")  # no "#29" in place of a name


def test_launch_shows_loading_never_the_welcome(
    demo_folder: Path, start_app: Any, qtbot: Any, monkeypatch: Any
) -> None:
    from relationship_journal.gui.main_window import MainWindow

    seen: list[str] = []
    original_show = MainWindow.show

    def show(self: Any) -> None:
        def note(_index: int = 0) -> None:
            widget = self.stack.currentWidget()
            seen.append("welcome" if widget is self.empty else type(widget).__name__)

        note()
        self.stack.currentChanged.connect(note)
        original_show(self)

    monkeypatch.setattr(MainWindow, "show", show)
    window = start_app()
    assert window.contact_list.model.rowCount() > 0
    assert "welcome" not in seen
    assert seen[0] == "LoadingState"
    assert window.stack.currentWidget() is window.today.view  # Today comes first once there are people


def _retype(qtbot: Any, field: Any, text: str) -> None:
    qtbot.mouseClick(field, Qt.MouseButton.LeftButton)
    qtbot.keyClick(field, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(field, text)


def test_dates_are_read_or_refused_with_a_reason(
    demo_folder: Path, start_app: Any, qtbot: Any
) -> None:
    import datetime as dt

    from PySide6.QtCore import QLocale

    from relationship_journal import clock

    window = start_app()
    person = window.page.contact_id
    window.show_contact(person)  # the app opens on Today
    wait_idle(qtbot, window)
    before = len(window.journal.interactions.for_contact(person))
    window.page.focus_composer()
    composer = window.page.composer
    qtbot.keyClicks(composer.note, "Lunch")

    _retype(qtbot, composer.date, "2026-02-31")
    assert not composer.save.isEnabled()
    assert "February 2026 has 28 days" in composer.status.text()
    qtbot.keyClick(composer.date, Qt.Key.Key_Tab)
    assert (
        composer.date.text() == "2026-02-31"
    )  # left as typed, in red: never turned into 2026-02-03
    assert not composer.date.valid
    qtbot.keyClick(composer.note, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    wait_idle(qtbot, window)
    assert len(window.journal.interactions.for_contact(person)) == before  # nothing saved

    _retype(qtbot, composer.date, "31/02/2026")
    assert not composer.save.isEnabled()
    assert "not a date" in composer.status.text()

    _retype(qtbot, composer.date, "yesterday")
    qtbot.keyClick(composer.date, Qt.Key.Key_Tab)
    yesterday = clock.today() - dt.timedelta(days=1)
    assert composer.save.isEnabled()
    assert composer.status.text() == ""
    assert composer.date.text() == yesterday.isoformat()

    QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom))
    try:
        _retype(qtbot, composer.date, "28/02/2026")
        assert composer.date.date().toPython() == dt.date(2026, 2, 28)
    finally:
        QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))
    qtbot.mouseClick(composer.save, Qt.MouseButton.LeftButton)
    wait_idle(qtbot, window)
    saved = window.journal.interactions.for_contact(person)
    assert len(saved) == before + 1
    assert any(e.date == dt.date(2026, 2, 28) and e.note == "Lunch" for e in saved)


def _contrast(image: Any) -> float:
    """The contrast ratio between the darkest and the lightest pixel of a highlighted item."""
    from PySide6.QtGui import QColor

    def luminance(colour: QColor) -> float:
        def channel(c: float) -> float:
            return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

        return (
            0.2126 * channel(colour.redF())
            + 0.7152 * channel(colour.greenF())
            + 0.0722 * channel(colour.blueF())
        )

    values = [
        luminance(image.pixelColor(x, y))
        for x in range(3, image.width() - 3)
        for y in range(3, image.height() - 3)
    ]
    return (max(values) + 0.05) / (min(values) + 0.05)


def test_highlighted_items_are_readable_in_both_themes(
    demo_folder: Path, start_app: Any, qtbot: Any
) -> None:
    window = start_app()
    window.page.focus_composer()
    composer = window.page.composer
    for theme_name in ("light", "dark"):
        window.set_theme(theme_name)
        for combo in (composer.ledger.favours[0].size, composer.depth_choice, composer.initiated, window.contact_list.circle):
            qtbot.mouseClick(combo, Qt.MouseButton.LeftButton)
            wait_idle(qtbot, window)
            view = combo.view()
            qtbot.waitUntil(view.isVisible, timeout=120_000)
            qtbot.keyClick(view, Qt.Key.Key_Down)
            image = view.viewport().grab(view.visualRect(view.currentIndex())).toImage()
            assert _contrast(image) >= 3, (
                f"{theme_name}: the highlighted item of a drop-down is unreadable"
            )
            qtbot.keyClick(view, Qt.Key.Key_Escape)
        menu = window.menuBar().actions()[1].menu()
        menu.popup(window.mapToGlobal(window.rect().center()))
        qtbot.waitUntil(menu.isVisible, timeout=120_000)
        qtbot.keyClick(menu, Qt.Key.Key_Down)
        image = menu.grab(menu.actionGeometry(menu.activeAction())).toImage()
        assert _contrast(image) >= 3, f"{theme_name}: the highlighted menu item is unreadable"
        menu.hide()


def test_a_new_person_goes_to_their_place_in_the_list(
    demo_folder: Path, start_app: Any, qtbot: Any, monkeypatch: Any
) -> None:
    from relationship_journal.gui.contact_dialog import NewContactDialog

    window = start_app()

    def fill_and_accept(dialog: NewContactDialog) -> int:
        dialog.name.setText("Aaron Aardvark")
        return NewContactDialog.DialogCode.Accepted

    monkeypatch.setattr(NewContactDialog, "exec", fill_and_accept)
    qtbot.keyClick(
        window.contact_list.view,
        Qt.Key.Key_N,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    wait_idle(qtbot, window)
    assert window.page.header.name.text() == "Aaron Aardvark"
    proxy = window.contact_list.proxy
    names = [proxy.index(r, 0).data(Qt.ItemDataRole.DisplayRole) for r in range(proxy.rowCount())]
    assert names[0] == "Aaron Aardvark", names[:3]
    # Accented Latin names sit with their letter, before names in other scripts.
    latin = [n for n in names if n[0].isascii() or n[0] in "ÀÁÂÄÅÉÈÊÍÓÖØÚÜÇŁŚŻŽ"]
    first_other = next((i for i, n in enumerate(names) if n not in latin), len(names))
    assert all(n in latin for n in names[:first_other])
    assert [n for n in names[:first_other]] == sorted(names[:first_other], key=_english_key)


def _english_key(name: str) -> Any:
    from PySide6.QtCore import QCollator, QLocale

    collator = QCollator(QLocale(QLocale.Language.English))
    collator.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
    collator.setNumericMode(True)
    return collator.sortKey(name)


def test_the_toolbar_stays_put_as_undo_grows(
    demo_folder: Path, start_app: Any, qtbot: Any, answers: dict[str, Any]
) -> None:
    window = start_app()
    toolbar = window.toolbar

    def places() -> list[Any]:
        return [
            toolbar.widgetForAction(a).geometry() for a in toolbar.actions() if not a.isSeparator()
        ]

    before = places()
    click_row(qtbot, window, window.journal.contacts.list()[2].id)
    answers["text"] = "people-met-at-the-lisbon-web-summit-2026"
    window.act_add_tag.trigger()
    wait_idle(qtbot, window)
    assert window.undo_stack.canUndo()
    assert places() == before
    assert "lisbon-web-summit" in window.act_undo.toolTip()
    assert window.act_undo.text() == "&Undo"
    qtbot.mouseClick(toolbar.widgetForAction(window.act_undo), Qt.MouseButton.LeftButton)
    wait_idle(qtbot, window)
    assert places() == before
    assert "lisbon-web-summit" in window.act_redo.toolTip()


def test_emptying_the_name_keeps_it_and_says_why(
    demo_folder: Path, start_app: Any, qtbot: Any, answers: dict[str, Any]
) -> None:
    from relationship_journal.gui.contact_page import PROFILE

    window = start_app()
    person = window.page.contact_id
    window.show_contact(person)  # the app opens on Today
    wait_idle(qtbot, window)
    name = window.page.header.name.text()
    window.page.tabs.setCurrentIndex(PROFILE)
    wait_idle(qtbot, window)
    field = window.page.profile.widgets["display_name"]
    qtbot.mouseClick(field, Qt.MouseButton.LeftButton)
    wait_idle(qtbot, window)
    qtbot.keyClick(field, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    wait_idle(qtbot, window)
    qtbot.keyClick(field, Qt.Key.Key_Delete)
    qtbot.keyClick(field, Qt.Key.Key_Tab)  # leave the field: this is when it is saved
    assert answers["warnings"] == []  # no pop-up
    assert field.text() == name
    assert window.journal.contacts.get(person).display_name == name
    problem = window.page.profile.name_problem
    assert problem.isVisible() and "needs a name" in problem.text()


def test_the_why_panel_follows_a_save(demo_folder: Path, start_app: Any, qtbot: Any) -> None:
    from relationship_journal.gui.contact_page import TIMELINE

    window = start_app()
    page = window.page
    page.tabs.setCurrentIndex(0)
    wait_idle(qtbot, window)
    _caption, _bar, _value, why_button = page.overview.health.parts._rows["depth"]
    qtbot.mouseClick(why_button, Qt.MouseButton.LeftButton)
    wait_idle(qtbot, window)
    assert page.overview.why.isVisibleTo(page)
    before = page.overview.why.title.text()
    assert before == f"Why depth is {page.health.component('depth').score:.0f}"

    page.tabs.setCurrentIndex(TIMELINE)
    wait_idle(qtbot, window)
    composer = page.composer
    composer.depth_choice.setCurrentIndex(4)  # support in a hard moment
    wait_idle(qtbot, window)
    composer.minutes.setValue(180)
    qtbot.keyClicks(composer.note, "A long, honest talk")
    qtbot.keyClick(composer.note, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    wait_idle(qtbot, window)
    after = page.health.component("depth").score
    assert page.overview.why.title.text() == f"Why depth is {after:.0f}"
    assert "A long, honest talk" in page.overview.why.list.text()


def test_an_ask_and_its_outcome_from_the_window(
    demo_folder: Path, start_app: Any, qtbot: Any, answers: dict[str, Any]
) -> None:
    window = start_app()
    person = window.page.contact_id
    window.show_contact(person)  # the app opens on Today
    wait_idle(qtbot, window)
    ledger = window.journal.ledger
    before = {a.id for a in ledger.asks(person)}
    window.page.focus_composer()
    composer = window.page.composer
    qtbot.keyClicks(composer.note, "Coffee; asked about the designer role")
    qtbot.mouseClick(composer.ledger.ask_what, Qt.MouseButton.LeftButton)
    wait_idle(qtbot, window)
    qtbot.keyClicks(composer.ledger.ask_what, "an intro to their head of design")
    qtbot.keyClick(composer.note, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    wait_idle(qtbot, window)
    (ask,) = [a for a in ledger.asks(person) if a.id not in before]
    assert (ask.what, ask.outcome) == ("an intro to their head of design", "open")

    answers["item"] = lambda items: next((i for i in items if "head of design" in i), "declined")
    qtbot.keyClick(window.contact_list.view, Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier)
    wait_idle(qtbot, window)
    assert next(a for a in ledger.asks(person) if a.id == ask.id).outcome == "declined"
    assert "declined" in window.act_undo.toolTip()
    qtbot.keyClick(window.contact_list.view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    wait_idle(qtbot, window)
    assert next(a for a in ledger.asks(person) if a.id == ask.id).outcome == "open"
    qtbot.keyClick(window.contact_list.view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    wait_idle(qtbot, window)
    assert ask.id not in {a.id for a in ledger.asks(person)}  # undoing the entry takes its ask too


def test_the_list_has_a_sortable_circle_column(
    demo_folder: Path, start_app: Any, qtbot: Any
) -> None:
    from relationship_journal.gui.contact_model import CIRCLE

    window = start_app()
    view = window.contact_list.view
    header = view.horizontalHeader()
    assert not view.isColumnHidden(CIRCLE)
    assert window.contact_list.model.headerData(CIRCLE, Qt.Orientation.Horizontal) == "Circle"
    model = window.contact_list.model

    def circles() -> list[int]:
        proxy = window.contact_list.proxy
        return [
            model.summary(model.row_of(proxy.index(r, 0).data(ContactIdRole))).circle
            for r in range(proxy.rowCount())
        ]

    x = header.sectionViewportPosition(CIRCLE) + header.sectionSize(CIRCLE) // 2
    qtbot.mouseClick(
        header.viewport(), Qt.MouseButton.LeftButton, pos=header.rect().center().__class__(x, 5)
    )
    assert circles() == sorted(circles())
    assert len(set(circles())) > 1
    qtbot.mouseClick(
        header.viewport(), Qt.MouseButton.LeftButton, pos=header.rect().center().__class__(x, 5)
    )
    assert circles() == sorted(circles(), reverse=True)
    assert window.page.contact_id in [
        r.data(ContactIdRole) for r in view.selectionModel().selectedRows()
    ]


def test_a_long_note_is_collapsed_until_show_more(
    demo_folder: Path, start_app: Any, qtbot: Any
) -> None:
    from relationship_journal import clock
    from relationship_journal.gui.contact_page import TIMELINE
    from relationship_journal.journal.records import InteractionFields

    window = start_app()
    person = window.page.contact_id
    window.show_contact(person)  # the app opens on Today
    wait_idle(qtbot, window)
    paragraph = "We went through the whole plan for the offsite, one item after another. "
    note = "START " + paragraph * 700 + " THE END"  # about 50 KB
    window.journal.interactions.log(
        InteractionFields((person,), clock.today(), "meeting", note=note)
    )
    window.services.refresh_all()
    qtbot.waitUntil(
        lambda: any(e.note == note for e in window.page.timeline.entries()), timeout=120_000
    )
    window.page.tabs.setCurrentIndex(TIMELINE)
    wait_idle(qtbot, window)
    browser = window.page.timeline.browser
    text = browser.toPlainText()
    assert "START" in text and "THE END" not in text
    assert len(text) < 20000
    found = browser.document().find("Show more")
    assert not found.isNull()
    browser.setTextCursor(found)
    browser.ensureCursorVisible()
    qtbot.mouseClick(
        browser.viewport(), Qt.MouseButton.LeftButton, pos=browser.cursorRect(found).center()
    )
    assert "THE END" in browser.toPlainText()


def test_a_note_match_shows_the_words_that_matched(
    demo_folder: Path, start_app: Any, qtbot: Any
) -> None:
    from relationship_journal import clock
    from relationship_journal.gui.contact_model import SubtitleRole
    from relationship_journal.journal.records import InteractionFields

    window = start_app()
    person = window.journal.contacts.list()[4]
    window.journal.interactions.log(
        InteractionFields(
            (person.id,),
            clock.today(),
            "call",
            note="Talked about the zygomorphic orchid show at Kew",
        )
    )
    window.contact_list.search.setFocus()
    qtbot.keyClicks(window.contact_list.search, "zygomorph")
    qtbot.waitUntil(lambda: shown_ids(window) == [person.id], timeout=120_000)
    subtitle = window.contact_list.proxy.index(0, 0).data(SubtitleRole)
    assert "zygomorphic orchid" in subtitle
    qtbot.keyClick(window.contact_list.search, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    wait_idle(qtbot, window)
    qtbot.keyClick(window.contact_list.search, Qt.Key.Key_Delete)
    row = window.contact_list.model.row_of(person.id)
    assert "zygomorphic" not in window.contact_list.model.index(row, 0).data(SubtitleRole)


def test_favour_promise_and_ask_without_a_meeting(
    demo_folder: Path, start_app: Any, qtbot: Any, answers: dict[str, Any]
) -> None:
    window = start_app()
    person = window.page.contact_id
    window.show_contact(person)  # the app opens on Today
    wait_idle(qtbot, window)
    ledger = window.journal.ledger
    entries = len(window.journal.interactions.for_contact(person))
    before = (
        len(ledger.favours(person)),
        len(ledger.commitments(person)),
        len(ledger.asks(person)),
    )
    edit = window.menuBar().actions()[1].menu()
    by_text = {a.text().replace("&", ""): a for a in edit.actions()}
    answers["item"] = lambda items: items[-1]  # "… helped me" / "… promised"
    answers["text"] = "read my draft"
    by_text["Record a favour…"].trigger()
    wait_idle(qtbot, window)
    answers["text"] = "send the slides"
    by_text["Record a promise…"].trigger()
    wait_idle(qtbot, window)
    answers["text"] = "a reference letter"
    by_text["Record an ask…"].trigger()
    wait_idle(qtbot, window)
    assert [(f.direction, f.what) for f in ledger.favours(person)][0] == (
        "received",
        "read my draft",
    )
    assert any(
        c.owner == "theirs" and c.text == "send the slides" for c in ledger.commitments(person)
    )
    assert any(a.what == "a reference letter" and a.outcome == "open" for a in ledger.asks(person))
    assert len(window.journal.interactions.for_contact(person)) == entries  # no meeting was logged
    for _ in range(3):
        qtbot.keyClick(window.contact_list.view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
        wait_idle(qtbot, window)
    assert (
        len(ledger.favours(person)),
        len(ledger.commitments(person)),
        len(ledger.asks(person)),
    ) == before
