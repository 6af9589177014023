"""Timeline edits and deletes undo; the global timeline filters; the window remembers."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from PySide6.QtGui import QImage

from relationship_journal import clock
from relationship_journal.gui import worker
from relationship_journal.gui.date_field import locale_orders
from relationship_journal.health.owing import owes_a_favour
from tests.gui.conftest import wait_idle


def test_delete_and_edit_entry_then_undo(demo_folder: Path, start_app: Any, qtbot: Any) -> None:
    window = start_app()
    page = window.page
    first = page.timeline.entries()[0]
    count = len(page.timeline.entries())
    page.timeline.delete_requested.emit(first.id)
    wait_idle(qtbot, window)
    assert len(page.timeline.entries()) == count - 1
    assert first.id not in {e.id for e in page.timeline.entries()}
    window.undo_stack.undo()
    wait_idle(qtbot, window)
    assert page.timeline.entries()[0].id == first.id
    assert page.timeline.entries()[0].note == first.note

    page.timeline.edit_requested.emit(first.id)
    wait_idle(qtbot, window)  # the entry is read on the worker, then the composer opens
    form = window.composer_dialog.form
    assert window.composer_dialog.isVisible() and form.editing is not None
    form.note.setPlainText("Corrected: we met for lunch")
    form.save_entry()
    wait_idle(qtbot, window)
    assert window.journal.interactions.get(first.id).note == "Corrected: we met for lunch"
    assert len(page.timeline.entries()) == count  # edited in place, not added
    window.undo_stack.undo()
    wait_idle(qtbot, window)
    assert window.journal.interactions.get(first.id).note == first.note


def test_promise_done_checkbox_is_undoable(demo_folder: Path, start_app: Any, qtbot: Any) -> None:
    window = start_app()
    journal = window.journal
    contact_id = window.page.contact_id
    today = clock.today()
    window.undo_stack.write("Promise", lambda j: j.ledger.add_commitment(contact_id, "mine",
                                                                          "Send the conference photos", today))
    wait_idle(qtbot, window)
    window.contact_list.owes.setChecked(True)
    assert contact_id in window.contact_list.proxy.owing_ids
    promise = next(c for c in journal.ledger.commitments(contact_id) if c.text == "Send the conference photos")
    box = window.page.overview.promises.boxes[promise.id]
    box.setChecked(True)
    qtbot.waitUntil(lambda: journal.ledger.commitments(contact_id, open_only=True) == [
        c for c in journal.ledger.commitments(contact_id, open_only=True) if c.id != promise.id])
    wait_idle(qtbot, window)  # the list hears of the change and re-reads its rows on a worker
    assert all(c.id != promise.id for c in journal.ledger.commitments(contact_id, open_only=True))
    still_owed = owes_a_favour(journal.health.contact(contact_id)) or journal.ledger.commitments(
        contact_id, open_only=True)
    assert (contact_id in window.contact_list.proxy.owing_ids) == bool(still_owed)
    window.undo_stack.undo()
    wait_idle(qtbot, window)
    assert contact_id in window.contact_list.proxy.owing_ids
    assert any(c.id == promise.id for c in journal.ledger.commitments(contact_id, open_only=True))


def test_global_timeline_filters_by_kind_and_dates(demo_folder: Path, start_app: Any, qtbot: Any) -> None:
    window = start_app()
    window.act_views["timeline"].trigger()
    wait_idle(qtbot, window)
    assert window.current_view() == "timeline"
    timeline = window.timeline
    assert timeline.timeline.entries()
    timeline.kind.setCurrentIndex(timeline.kind.findData("email"))
    wait_idle(qtbot, window)
    entries = timeline.timeline.entries()
    assert entries and {e.kind for e in entries} == {"email"}
    since = clock.today() - dt.timedelta(days=30)
    timeline.set_range(since, clock.today())
    wait_idle(qtbot, window)
    assert all(since <= e.date <= clock.today() for e in timeline.timeline.entries())


def test_global_timeline_takes_a_from_date_in_the_users_format(
    demo_folder: Path, start_app: Any, qtbot: Any
) -> None:
    window = start_app()
    window.act_views["timeline"].trigger()
    wait_idle(qtbot, window)
    timeline = window.timeline
    since = clock.today() - dt.timedelta(days=10)
    parts = {"d": str(since.day), "m": str(since.month), "y": str(since.year)}
    order = locale_orders()[0]  # the user's short date order, e.g. "mdy"
    timeline.since.selectAll()
    qtbot.keyClicks(timeline.since, "/".join(parts[p] for p in order))
    wait_idle(qtbot, window)
    shown = timeline.timeline.entries()
    assert shown and min(e.date for e in shown) >= since
    assert timeline.count.text() == f"{len(shown):,} entries"


def test_window_remembers_last_contact_and_size(demo_folder: Path, start_app: Any, qtbot: Any) -> None:
    window = start_app()
    chosen = window.journal.contacts.list()[7]
    window.show_contact(chosen.id)
    wait_idle(qtbot, window)
    window.splitter.setSizes([400, 1000])
    split = window.splitter.saveState()
    window.close()

    again = start_app()
    assert again.page.contact_id == chosen.id
    assert again.settings.splitter_state("main") == split  # (offscreen screens clamp the size itself)
    assert again.settings.window_geometry() is not None
    settings = again.settings.path
    assert settings.parent.name == "config" and settings.stat().st_mode & 0o777 == 0o600


def test_screenshot_command_renders_each_view(demo_folder: Path, tmp_path: Path, qtbot: Any) -> None:
    from relationship_journal import cli

    name = None
    from relationship_journal.journal import Journal

    with Journal.open(demo_folder) as journal:
        name = journal.contacts.list()[2].name
    for view in ("contact", "composer", "dashboard"):
        out = tmp_path / f"{view}.png"
        assert cli.main(["screenshot", str(out), "--view", view, "--contact", name, "--size", "1024x700"]) == 0
        assert out.stat().st_mode & 0o777 == 0o600  # a picture of people's notes is private
        image = QImage(str(out))
        assert (image.width(), image.height()) == (1024, 700)
        colours = {image.pixel(x, y) for x in range(0, 1024, 9) for y in range(0, 700, 9)}
        assert len(colours) > 40  # a real picture, not a blank window
    qtbot.waitUntil(lambda: not worker.busy(), timeout=120_000)


def test_a_dashboard_screenshot_computes_only_what_the_dashboard_shows(
    demo_folder: Path, tmp_path: Path, qtbot: Any, monkeypatch: Any
) -> None:
    """No Today agenda and no one's page are read for a picture of the whole network
    (at 10,000 people they were a third of the command's time)."""
    from relationship_journal import cli
    from relationship_journal.gui import contact_page
    from relationship_journal.journal.agenda import Agenda

    asked: list[str] = []
    real_today, real_read = Agenda.today, contact_page.read_page
    monkeypatch.setattr(Agenda, "today", lambda *a, **k: asked.append("today") or real_today(*a, **k))
    monkeypatch.setattr(contact_page, "read_page", lambda *a, **k: asked.append("page") or real_read(*a, **k))
    out = tmp_path / "dashboard.png"
    assert cli.main(["screenshot", str(out), "--view", "dashboard", "--size", "1024x700"]) == 0
    assert QImage(str(out)).width() == 1024
    assert asked == []
    assert cli.main(["screenshot", str(tmp_path / "today.png"), "--view", "today", "--size", "1024x700"]) == 0
    assert "today" in asked  # the probe sees a reading when there is one
    qtbot.waitUntil(lambda: not worker.busy(), timeout=120_000)


def test_a_today_screenshot_shows_each_reason_whole(
    demo_folder: Path, tmp_path: Path, qtbot: Any, monkeypatch: Any
) -> None:
    """The picture was taken before the word-wrapped reasons had their height: one line each."""
    from relationship_journal.gui import today_view
    from relationship_journal.gui.main_window import MainWindow
    from relationship_journal.gui.screenshot import render

    monkeypatch.setattr(today_view, "CARDS_PER_TURN", 2)  # the demo's ten cards, as the busiest days'
    seen: list[tuple[str, int, int]] = []
    real_grab = MainWindow.grab

    def grab(self: MainWindow, *args: Any) -> Any:
        for card in self.today.view.cards:
            if card.reason.isVisible():
                seen.append((card.item.key, card.reason.height(), card.reason.heightForWidth(card.reason.width())))
        return real_grab(self, *args)

    monkeypatch.setattr(MainWindow, "grab", grab)
    image = render(demo_folder, "today", None, (1000, 800), "light", None, tmp_path / "config", 120)
    assert image.width() == 1000
    assert len(seen) >= 3
    assert [key for key, height, wanted in seen if height < wanted] == []
    qtbot.waitUntil(lambda: not worker.busy(), timeout=120_000)


def test_screenshot_refuses_bad_arguments(tmp_path: Path, capsys: Any) -> None:
    from relationship_journal import cli

    assert cli.main(["screenshot", str(tmp_path / "out.jpg")]) == 1
    assert "PNG" in capsys.readouterr().err
    assert cli.main(["screenshot", str(tmp_path / "missing" / "out.png")]) == 1
