"""Rendering the real main window offscreen at a chosen view (the `screenshot` command)."""

from __future__ import annotations

import datetime as dt
import os
import time
from collections.abc import Callable
from pathlib import Path

from PySide6.QtGui import QImage
from PySide6.QtWidgets import QApplication, QScrollArea

from relationship_journal.gui import worker
from relationship_journal.gui.app import application, create_window
from relationship_journal.journal.errors import JournalError


def settle(app: QApplication, done: Callable[[], bool], timeout: float) -> None:
    """Run the event loop until `done()` and no background work is left (or time runs out)."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        app.processEvents()
        if done() and not worker.busy():
            app.processEvents()
            return
        time.sleep(0.02)
    raise JournalError(f"the window did not finish loading within {timeout:.0f} seconds")


LAYOUT_ROUNDS = 8


def _lay_out_fully(app: QApplication) -> None:
    """Let every layout finish: a word-wrapped label's height is settled only after its
    width is, one posted event after another (Today's reasons were cut to one line)."""
    for _ in range(LAYOUT_ROUNDS):
        app.sendPostedEvents()
        app.processEvents()


def render(data_dir: str | os.PathLike[str] | None, view: str, contact: str | None,
           size: tuple[int, int], theme_name: str, as_of: dt.date | None, config_dir: Path,
           timeout: float) -> QImage:
    app = application()
    window = create_window(data_dir, as_of=as_of, theme_name=theme_name, config_dir=config_dir)
    if view == "dashboard":  # only what the picture shows is computed: no Today, no one's page
        window.first_view = "dashboard"
        window.today.background = False
    try:
        window.resize(*size)
        window.show()
        state = {"contacts": False, "network": False}
        window.contacts_loaded.connect(lambda: state.__setitem__("contacts", True))
        window.network_loaded.connect(lambda: state.__setitem__("network", True))
        # The window opens on Today (but for the dashboard's picture): its cards are built
        # a few per turn after the agenda is read, and its summary joins the status bar.
        settle(app, lambda: state["contacts"] and (not window.contact_list.model.rowCount() or (
            state["network"] and (view == "dashboard" or window.today.view.filled))), timeout)
        if contact:
            contact_id = window.journal.contacts.resolve(contact)
            window.show_contact(contact_id)
        if view == "dashboard":
            window._ensure_dashboard()
            if window.dashboard is None:
                raise JournalError("this build has no dashboard view")
            finished = {"history": False}
            window.dashboard.history_computed.connect(lambda: finished.__setitem__("history", True))
            window.show_view("dashboard")
            settle(app, lambda: finished["history"], timeout)
        elif view == "timeline":
            window.show_view("timeline")
        elif view == "today":
            loaded = {"today": False}
            window.today.view.loaded.connect(lambda: loaded.__setitem__("today", True))
            window.today.refresh()
            window.show_view("today")
            settle(app, lambda: loaded["today"], timeout)
        elif view == "relationships":  # the Profile tab, scrolled to who they know
            from relationship_journal.gui.contact_page import PROFILE

            window.show_view("contacts")
            people = {"loaded": False}
            window.page.people.loaded.connect(lambda: people.__setitem__("loaded", True))
            window.page.tabs.setCurrentIndex(PROFILE)
            settle(app, lambda: people["loaded"], timeout)
            scroll = window.page.tabs.currentWidget()
            assert isinstance(scroll, QScrollArea)  # the Profile tab scrolls
            bar = scroll.verticalScrollBar()
            settle(app, lambda: bar.maximum() > 0 or True, timeout)
            bar.setValue(bar.maximum())
        elif view == "contacts":
            window.show_view("contacts")
            window.page.tabs.setCurrentIndex(0)
        elif view == "composer":
            window.show_view("contacts")
            window.page.focus_composer()
        else:
            window.show_view("contacts")
            window.page.tabs.setCurrentIndex(0)
        if view in ("contacts", "contact", "composer") and window.page.contact_id is not None:
            ready = {"trajectory": False}
            window.page.trajectory_ready.connect(lambda: ready.__setitem__("trajectory", True))
            window.page.refresh()
            settle(app, lambda: ready["trajectory"], timeout)
        settle(app, lambda: True, timeout)
        _lay_out_fully(app)
        return window.grab().toImage()
    finally:
        window.remember = False
        window.close()
        window.deleteLater()
        app.processEvents()
