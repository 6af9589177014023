"""The real window, built through the same entry point users start, for whole-flow tests.

`cli.main([])` runs `gui.app.run_app` exactly as a double-click does; only
`QApplication.exec` is replaced so the test, not a person, drives the window. Message
boxes and input dialogs are patched to answer, so flows run without anyone clicking.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from relationship_journal import clock


@pytest.fixture
def answers(monkeypatch: pytest.MonkeyPatch) -> dict[str, Any]:
    """What patched dialogs reply; tests set `answers['item']`, `answers['text']`."""
    from PySide6.QtWidgets import QDialog, QInputDialog, QMessageBox

    replies: dict[str, Any] = {"item": None, "text": None, "warnings": []}
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text, *a, **k: replies["warnings"].append(text))
    monkeypatch.setattr(QMessageBox, "critical", lambda _p, _t, text, *a, **k: replies["warnings"].append(text))

    def get_item(_parent, _title, _label, items, *_args, **_kwargs):  # type: ignore[no-untyped-def]
        chosen = replies["item"]
        if callable(chosen):
            chosen = chosen(items)
        return (chosen if chosen is not None else items[0]), True

    monkeypatch.setattr(QInputDialog, "getItem", get_item)

    def merge_exec(dialog):  # type: ignore[no-untyped-def]
        texts = [option.text() for option in dialog.options]
        _text, _ok = get_item(None, "", "", texts)
        dialog.options[texts.index(_text)].setChecked(True)
        return QDialog.DialogCode.Accepted

    from relationship_journal.gui.merge_dialog import MergeDialog

    monkeypatch.setattr(MergeDialog, "exec", merge_exec)
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: (replies["text"] or "", True))
    return replies


@pytest.fixture
def demo_folder(private_folders: Path) -> Path:
    """A small demo network whose 'today' is today, so logging moves the gauges."""
    from relationship_journal.demo import generate
    from relationship_journal.journal import Journal

    with Journal.open(private_folders) as journal:
        generate(journal, contacts=40, seed=5, as_of=clock.today())
    return private_folders


def wait_idle(qtbot: Any, window: Any) -> None:
    """Let background work (list, network health, trajectories) finish."""
    from relationship_journal.gui import worker

    qtbot.waitUntil(lambda: not worker.busy(), timeout=120_000)


def written(qtbot: Any, window: Any, work: Callable[[Any], Any]) -> Any:
    """A test's set-up written as the window writes (on its worker, one changed notice,
    its own write to the external-change poll); waits until every view has read it and
    returns the write's `Changes`."""
    done: list[Any] = []
    window.undo_stack.write("Test set-up", work, done=done.append)
    qtbot.waitUntil(lambda: bool(done), timeout=120_000)
    wait_idle(qtbot, window)
    return done[0]


@pytest.fixture
def start_app(qtbot: Any, monkeypatch: pytest.MonkeyPatch, answers: dict[str, Any]) -> Iterator[Callable[[], Any]]:
    """Start the app as a user does (`relationship-journal` with no command); returns its window."""
    from PySide6.QtWidgets import QApplication

    from relationship_journal import cli
    from relationship_journal.gui.main_window import MainWindow

    monkeypatch.setattr(QApplication, "exec", lambda self: 0)
    windows: list[MainWindow] = []

    def start() -> MainWindow:
        before = {id(w) for w in windows}
        assert cli.main([]) == 0
        window = next(w for w in QApplication.topLevelWidgets()
                      if isinstance(w, MainWindow) and id(w) not in before and w.isVisible())
        windows.append(window)
        qtbot.addWidget(window)
        qtbot.waitUntil(lambda: window.contact_list.model.rowCount() > 0 or window.stack.currentWidget()
                        is window.empty, timeout=120_000)
        wait_idle(qtbot, window)
        # The window opens on Today, whose cards come a few per turn once the agenda is
        # read, and whose daily notice may then take the status bar: a test's own steps
        # start from the window as a person first sees it, loaded.
        qtbot.waitUntil(lambda: window.today.view.filled or not window.contact_list.model.rowCount(),
                        timeout=120_000)
        wait_idle(qtbot, window)
        return window

    yield start
    from relationship_journal.gui import worker

    qtbot.waitUntil(lambda: not worker.busy(), timeout=120_000)
    for window in windows:
        window.remember = False
