"""The app exactly as `relationship-journal` starts it, plus a probe for the walk test.

Run as a program under a real X server: `python walk_probe.py STATE.json [ARGS...]`.
Every 100 ms the probe writes what a person would read off the window (its title, the
page's name, the list's count, the open dialogs) to STATE.json, so the walk test can
drive the window with real X input (xdotool) and check what it shows without reaching
into it.

It also watches every SQL statement the app runs (a trace callback on each SQLite
connection) and lists, under "gui_statements", those run on the GUI thread once the
window has loaded, with the gui/ line that ran them: the walk asserts there are none.
The probe's own reads (what it writes to STATE.json) are left out.
"""

from __future__ import annotations

import json
import os
import sys
import threading
import traceback
from typing import Any

GUI_STATEMENTS: list[str] = []
_watch = {"recording": False, "probing": False, "seen": 0}


def _caller() -> str:
    """The innermost line of the app's gui/ (or else of the app) that ran the statement."""
    frames = [f for f in traceback.extract_stack()[:-2] if "/relationship_journal/" in f.filename]
    gui = [f for f in frames if "/relationship_journal/gui/" in f.filename]
    frame = (gui or frames or traceback.extract_stack()[-3:-2])[-1]
    return f"{frame.filename.split('relationship_journal/')[-1]}:{frame.lineno} {frame.name}"


def watch_statements() -> None:
    """Trace each SQLite connection the app opens; note statements on the GUI thread."""
    import sqlite3

    original = sqlite3.connect

    def connect(*args: Any, **kwargs: Any) -> Any:
        connection = original(*args, **kwargs)

        def traced(statement: str) -> None:
            if not _watch["recording"] or _watch["probing"]:
                return
            _watch["seen"] += 1  # on any thread: the watch itself works
            if threading.current_thread() is threading.main_thread():
                GUI_STATEMENTS.append(f"{_caller()}: {' '.join(statement.split())[:60]}")

        connection.set_trace_callback(traced)
        return connection

    sqlite3.connect = connect  # type: ignore[assignment]


def describe(window: Any) -> dict[str, Any]:
    from PySide6.QtWidgets import QApplication, QDialog

    from relationship_journal.gui import worker
    from relationship_journal.gui.contact_model import ContactIdRole

    page = window.page
    proxy = window.contact_list.proxy
    person = page.contact_id if window.stack.currentWidget() is page else None
    state: dict[str, Any] = {
        "title": window.windowTitle(),
        "view": window.current_view(),
        "page_name": page.header.name.text() if person is not None else None,
        "count": window.contact_list.count.text(),
        "rows": proxy.rowCount(),
        "total": window.contact_list.model.rowCount(),
        "first_rows": [proxy.index(r, 0).data() for r in range(min(proxy.rowCount(), 5))],
        "highlighted": [
            int(i.data(ContactIdRole))
            for i in window.contact_list.view.selectionModel().selectedRows()
        ],
        "page_id": person,
        "status": window.statusBar().currentMessage(),
        "busy": worker.busy() or bool(window.dashboard is not None and window.dashboard.busy()),
        "dialogs": [
            w.windowTitle()
            for w in QApplication.topLevelWidgets()
            if isinstance(w, QDialog) and w.isVisible()
        ],
        "focus": type(QApplication.focusWidget()).__name__ if QApplication.focusWidget() else None,
        # The title of the window that holds the keyboard: a dialog is shown before it
        # takes the focus, and keys typed in between land in the window behind it.
        "focus_in": QApplication.focusWidget().window().windowTitle()
        if QApplication.focusWidget()
        else None,
        "undo": window.act_undo.toolTip(),
        # What the person's page shows (widgets, not the file): it must follow each change.
        "shown_promises": [
            b.text() for b in window.page.overview.promises.boxes.values() if not b.isChecked()
        ],
        "saved": window.saved_file.label.text() if window.saved_file.isVisible() else "",
    }
    state["gui_statements"] = GUI_STATEMENTS[:20]
    state["gui_statement_count"] = len(GUI_STATEMENTS)
    state["statement_count"] = _watch["seen"]
    if person is not None:
        journal = window.journal
        state["entries"] = len(journal.interactions.for_contact(person))
        state["promises"] = [c.text for c in journal.ledger.commitments(person, open_only=True)]
        state["favours"] = [f.what for f in journal.ledger.favours(person)]
        state["asks"] = [a.what for a in journal.ledger.asks(person) if a.outcome == "open"]
    return state


def main() -> int:
    from PySide6.QtCore import QTimer

    from relationship_journal import cli
    from relationship_journal.gui.main_window import MainWindow

    state_path = sys.argv[1]
    original_show = MainWindow.show

    def write(window: Any) -> None:
        temporary = f"{state_path}.tmp"
        _watch["probing"] = True
        try:
            state = describe(window)
        finally:
            _watch["probing"] = False
        with open(temporary, "w", encoding="utf-8") as handle:
            json.dump(state, handle)
        os.replace(temporary, state_path)

    def show(self: Any) -> None:
        original_show(self)
        self.contacts_loaded.connect(lambda: _watch.__setitem__("recording", True))
        timer = QTimer(self)
        timer.timeout.connect(lambda: write(self))
        timer.start(100)

    MainWindow.show = show  # type: ignore[method-assign]
    watch_statements()
    return cli.main(sys.argv[2:])


if __name__ == "__main__":
    sys.exit(main())
