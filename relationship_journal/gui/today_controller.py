"""Today in the window: the view, its actions as undoable changes, and when it refreshes.

Kept out of main_window.py, which only registers the view and its action: this module
turns the view's clicks into changes through the window's undo stack and opens the
composer prefilled for "Log a touch".
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QTimer

from relationship_journal.gui.reminders import DesktopReminders
from relationship_journal.gui.today_view import TodayView
from relationship_journal.health.touch_value import CALL_MINUTES
from relationship_journal.journal.agenda import TodayItem
from relationship_journal.journal.core import Journal
from relationship_journal.journal.introductions import make_introduction
from relationship_journal.journal.records import Changes

if TYPE_CHECKING:
    from relationship_journal.gui.main_window import MainWindow

REFRESH_DELAY_MS = 1500


class TodayController:
    """Owns the Today view for one window."""

    def __init__(self, window: MainWindow) -> None:
        self.window = window
        self.view = TodayView(window.journal, window)
        self.stale = True
        self.background = True  # refresh while hidden, for the tray's count (not in a screenshot)
        window.stack.addWidget(self.view)
        self.view.open_contact.connect(window.show_contact)
        self.view.log_touch.connect(self.log_touch)
        self.view.settle.connect(self.settle)
        self.view.introduce.connect(self.introduce)
        self.view.snooze.connect(self.snooze)
        self.reminders = DesktopReminders(window)
        self.view.loaded.connect(self._agenda_loaded)
        # Keep the count current (tray, notification) even while another view is shown.
        self._timer = QTimer(window, singleShot=True, interval=REFRESH_DELAY_MS)
        self._timer.timeout.connect(self._refresh_if_stale)
        window.contacts_loaded.connect(self._timer.start)

    def _agenda_loaded(self) -> None:
        if self.view.agenda is not None:  # `loaded` follows `show_agenda`, which sets it
            self.reminders.set_agenda(self.view.agenda)

    @property
    def visible(self) -> bool:
        return self.window.stack.currentWidget() is self.view

    def show(self) -> None:
        self.window.stack.setCurrentWidget(self.view)
        if self.stale:
            self.refresh()

    def refresh(self) -> None:
        self.stale = False
        self._timer.stop()
        if self.window.contact_list.model.rowCount():
            self.view.refresh(self.window.as_of)

    def _refresh_if_stale(self) -> None:
        """The quiet refresh after a load or writes: nothing to do if Today was read since
        (at start the window opens on Today, which reads it; a second reading of the whole
        network 1.5 s later would only compete with the first at 10,000 people)."""
        if self.stale and self.background:
            self.refresh()

    def changed(self, _changes: Changes) -> None:
        """Any write may change Today (a touch logged, a promise kept): reload now if it
        is shown, else once the writes calm down (the tray's count)."""
        self.stale = True
        if self.visible:
            self.refresh()
        else:
            self._timer.start()

    def add_preferences(self, dialog: Any) -> None:
        """Preferences gain a Reminders page, saved with OK."""
        from relationship_journal.gui.dialogs.reminders_page import RemindersPage

        # The entry names this journal's folder: the session starts without --data-dir.
        page = RemindersPage(self.window.settings, self.window.journal.paths.data_dir)
        dialog.reminders_page = page
        dialog.add_page("Reminders", page)
        dialog.accepted.connect(page.save)

    # --- actions -------------------------------------------------------------------------
    def log_touch(self, item: TodayItem) -> None:
        """The composer for the item's people, set to a 15-minute call I made today
        (a draft already in the composer is left as it is)."""
        form = self.window.composer_dialog.form
        fresh = form.is_blank() and form.editing is None
        self.window.composer_dialog.open_for(list(item.contact_ids))
        if fresh:
            for combo, value in ((form.kind, "call"), (form.initiated, "me")):
                index = combo.findData(value)
                if index >= 0:
                    combo.setCurrentIndex(index)
            form.minutes.setValue(CALL_MINUTES)
            form.note.setFocus()

    def _write(self, label: str, work: Callable[[Journal], Changes], message: str) -> None:
        window = self.window
        window.undo_stack.write(label, work, initiator=self,
                                done=lambda _c: window.statusBar().showMessage(message, 5000))

    def settle(self, item: TodayItem) -> None:
        on = self.window.as_of
        self._write(f"Done: {item.title}", lambda journal: journal.agenda.settle(item, on),
                    f"Done: {item.title}. Ctrl+Z brings it back.")

    def snooze(self, item: TodayItem, until: dt.date) -> None:
        on, people = self.window.as_of, Changes(contacts=frozenset(item.contact_ids))

        def work(journal: Journal) -> Changes:
            journal.agenda.snooze(item.key, until, on)
            return people

        self._write(f"Snooze “{item.title}”", work, f"Snoozed until {until:%A %d %B}. Ctrl+Z brings it back.")

    def introduce(self, item: TodayItem) -> None:
        """A favour given to both people, and this week's suggestion settled."""
        on = self.window.as_of
        first, second = item.contact_ids

        def work(journal: Journal) -> Changes:
            changes = make_introduction(journal, first, second, on)
            journal.agenda.settle(item, on)
            return changes

        self._write(f"Introduce {' and '.join(item.names)}", work,
                    "Introduction logged as a favour to both. Ctrl+Z takes it back.")
