"""The app exactly as `relationship-journal` starts it, plus a probe for the walk test.

Run as a program under a real X server: `python walk_probe.py STATE.json [ARGS...]`.
Every 100 ms the probe writes what a person would read off the window (its title, the
page's name, the list's count, the open dialogs) to STATE.json, so the walk test can
drive the window with real X input (xdotool) and check what it shows without reaching
into it.
"""

from __future__ import annotations

import json
import os
import sys
from typing import Any


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
        "saved": window.saved_file.label.text() if window.saved_file.isVisible() else "",
    }
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
        with open(temporary, "w", encoding="utf-8") as handle:
            json.dump(describe(window), handle)
        os.replace(temporary, state_path)

    def show(self: Any) -> None:
        original_show(self)
        timer = QTimer(self)
        timer.timeout.connect(lambda: write(self))
        timer.start(100)

    MainWindow.show = show  # type: ignore[method-assign]
    return cli.main(sys.argv[2:])


if __name__ == "__main__":
    sys.exit(main())
