"""Long work (import, PDF, demo) runs off the GUI thread and can be cancelled."""

from __future__ import annotations

import threading
from pathlib import Path
from typing import Any

from PySide6.QtWidgets import QWidget

from relationship_journal.gui import worker
from relationship_journal.gui.worker import Operation, Progress
from tests.gui.conftest import wait_idle

VCARDS = (
    "BEGIN:VCARD\nVERSION:3.0\nFN:Ngozi Okafor\nEMAIL:ngozi@example.ng\nORG:New Co\nEND:VCARD\n"
    "BEGIN:VCARD\nVERSION:3.0\nFN:Mateo Ruiz\nTEL:+34 600 000 000\nEND:VCARD\n"
)


def test_operation_reports_success_on_the_gui_thread(qtbot: Any) -> None:
    parent = QWidget()
    qtbot.addWidget(parent)
    seen: list[tuple[int, bool]] = []
    gui_thread = threading.get_ident()

    def work(progress: Progress) -> int:
        progress.step("adding", 1, 2)
        return 41 + 1

    Operation(parent, work, lambda value: seen.append((value, threading.get_ident() == gui_thread))).run()
    qtbot.waitUntil(lambda: bool(seen), timeout=120_000)
    assert seen == [(42, True)]


def test_cancel_stops_the_work_and_reports_nothing(qtbot: Any) -> None:
    parent = QWidget()
    qtbot.addWidget(parent)
    started, release = threading.Event(), threading.Event()
    outcome: list[object] = []

    def work(progress: Progress) -> str:
        started.set()
        release.wait(5)
        progress.step("still going", 2, 3)  # raises Cancelled: the user pressed Cancel
        return "finished"

    operation = Operation(parent, work, outcome.append, outcome.append, title="Working").run()
    assert started.wait(5)
    operation.progress.cancel()
    release.set()
    qtbot.waitUntil(lambda: not worker.busy(), timeout=120_000)
    assert outcome == []


def test_failure_is_reported_not_raised(qtbot: Any) -> None:
    from relationship_journal.journal.errors import ValidationError

    parent = QWidget()
    qtbot.addWidget(parent)
    errors: list[BaseException] = []

    def work(_progress: Progress) -> None:
        raise ValidationError("the file is not a contacts file")

    Operation(parent, work, None, errors.append).run()
    qtbot.waitUntil(lambda: bool(errors), timeout=120_000)
    assert str(errors[0]) == "the file is not a contacts file"


def test_what_long_work_freed_is_given_back_once_it_ends(qtbot: Any, monkeypatch: Any) -> None:
    """Whether it succeeded or failed (journal.freed_memory); short work frees little."""
    from relationship_journal.journal import freed_memory

    given_back: list[str] = []
    monkeypatch.setattr(freed_memory, "give_back", lambda: given_back.append(threading.current_thread().name) or True)
    parent = QWidget()
    qtbot.addWidget(parent)
    outcome: list[object] = []

    def fails(_progress: Progress) -> None:
        raise OSError("disk gone")

    monkeypatch.setattr(worker, "LONG_WORK_S", 3600.0)  # nothing here is long
    Operation(parent, lambda _progress: [0] * 1000, outcome.append).run()
    qtbot.waitUntil(lambda: bool(outcome) and not worker.busy(), timeout=120_000)
    assert given_back == []
    monkeypatch.setattr(worker, "LONG_WORK_S", 0.0)  # everything is
    Operation(parent, lambda _progress: [0] * 1000, outcome.append).run()
    Operation(parent, fails, None, outcome.append).run()
    qtbot.waitUntil(lambda: len(given_back) == 2 and not worker.busy(), timeout=120_000)
    assert len(outcome) == 3
    assert threading.main_thread().name not in given_back  # on the worker, never the window


def test_import_from_the_window_is_one_undo_step(start_app: Any, qtbot: Any, tmp_path: Path) -> None:
    window = start_app()
    cards = tmp_path / "phone.vcf"
    cards.write_text(VCARDS, encoding="utf-8")
    window.import_files([str(cards)])
    qtbot.waitUntil(lambda: window.files.import_flow.dialog is not None, timeout=120_000)
    window.files.import_flow.dialog.accept()
    qtbot.waitUntil(lambda: window.contact_list.model.rowCount() == 2 and not worker.busy(), timeout=120_000)
    assert sorted(s.name for s in window.contact_list.model.summaries()) == ["Mateo Ruiz", "Ngozi Okafor"]
    assert window.stack.currentWidget() is window.page
    window.undo_stack.undo()
    qtbot.waitUntil(lambda: window.journal.contacts.count() == 0, timeout=120_000)
    qtbot.waitUntil(lambda: window.stack.currentWidget() is window.empty, timeout=120_000)


def test_brief_exported_as_pdf_in_the_background(demo_folder: Path, start_app: Any, qtbot: Any,
                                                 tmp_path: Path) -> None:
    window = start_app()
    out = tmp_path / "brief.pdf"
    window.files.export_brief(window.page.contact_id, str(out))
    qtbot.waitUntil(lambda: out.exists() and not worker.busy(), timeout=120_000)
    assert out.read_bytes()[:5] == b"%PDF-"
    assert window.saved_file.isVisible()  # "Saved brief.pdf (N pages) [Open] [Show in folder]"
    assert window.saved_file.label.text().startswith("Saved brief.pdf")


def test_next_and_previous_contact(demo_folder: Path, start_app: Any, qtbot: Any) -> None:
    window = start_app()
    first = window.page.contact_id
    window.act_next.trigger()
    wait_idle(qtbot, window)
    second = window.page.contact_id
    assert second != first
    window.act_previous.trigger()
    wait_idle(qtbot, window)
    assert window.page.contact_id == first


def test_background_readings_give_way_while_the_window_handles_events(qtbot: Any) -> None:
    """The window's thread says when it is busy (journal.pacing: a worker's give_way waits
    on exactly these two signals, tests/journal/test_pacing.py)."""
    from PySide6.QtCore import QCoreApplication, QEvent, QObject

    from relationship_journal.gui.app import _BusyMarker, application
    from relationship_journal.journal import pacing

    app = application()
    application()  # asked again (each window asks): still one marker
    assert len(app.findChildren(_BusyMarker)) == 1
    assert pacing.attached_window() is threading.current_thread()
    QCoreApplication.sendEvent(QObject(), QEvent(QEvent.Type.User))
    assert pacing.window_is_busy()
    seen_idle, stop = threading.Event(), threading.Event()

    def watch() -> None:  # from another thread: the window's own answers only while awake
        while not stop.is_set() and not seen_idle.is_set():
            if not pacing.window_is_busy():
                seen_idle.set()
            stop.wait(0.001)

    watcher = threading.Thread(target=watch, daemon=True)
    watcher.start()
    try:
        qtbot.waitUntil(seen_idle.is_set)  # the event loop went to sleep between events
    finally:
        stop.set()
        watcher.join()
