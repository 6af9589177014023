"""What the window does in the background: today's backup, noticing writes made by the
command line, letting go of the file for a restore and taking it back, and carrying
cadences an older version kept in the settings file into the journal.

The watch on the file (`files.watch_changes`, one PRAGMA per poll) is used only from the
writes' own worker (gui/undo.py, one job at a time), where this window's writes run
too: a poll after them sees them as this window's own, and no poll runs on the GUI
thread.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from relationship_journal.errors import AppError
from relationship_journal.gui import theme
from relationship_journal.gui.undo import wait_for_writes, writes_pool
from relationship_journal.gui.worker import Operation, Progress, wait_for_all
from relationship_journal.journal import files

if TYPE_CHECKING:
    from relationship_journal.gui.main_window import MainWindow

EXTERNAL_POLL_MS = 2000  # how often to look for writes made by the command line (one PRAGMA)


class WindowServices:
    def __init__(self, window: MainWindow) -> None:
        self.window = window
        self._external: Any = (
            None  # files.watch_changes(), while the window runs; used on the writes' thread
        )
        self.external_pending = False
        self.external_timer = QTimer(window, interval=EXTERNAL_POLL_MS)
        self.external_timer.timeout.connect(self.poll_external)
        # The window's own writes are taken in on the writes' thread as each one lands:
        # absorbed later from the GUI thread, a poll between the two took one for another
        # program's and reloaded the whole list.
        window.undo_stack.after_write = self._changed_outside

    def _on_writes_thread(self, work: Any, done: Any = None) -> None:
        Operation(
            self.window, lambda _progress: work(), done, self.window.show_error, pool=writes_pool()
        ).run()

    # --- today's backup, and writes made by the command line ---------------------------
    def start_background_checks(self) -> None:
        """Take today's backup off the GUI thread, and start watching for others' writes."""
        window = self.window
        database = window.journal.database
        problem = window.backup_problem

        def backup_failed(error: BaseException) -> None:
            problem.setStyleSheet(f"color: {theme.colours().bands['cold']};")
            problem.setText(f"Today's backup could not be made: {error}")
            problem.setToolTip(
                "Your work is saved in the journal as usual; only the "
                "daily copy in the backups folder is missing."
            )
            problem.show()

        database.defer_daily_backup()  # else the first read through the engine takes it, here
        Operation(
            window,
            lambda _progress: database.ensure_daily_backup(),
            lambda _w: problem.hide(),
            backup_failed,
        ).run()
        journal = window.journal

        def watch() -> None:
            if self._external is None:
                self._external = files.watch_changes(journal)

        self._on_writes_thread(watch)
        self.external_timer.start()

    def stop_background_checks(self) -> None:
        self.external_timer.stop()
        self._on_writes_thread(self._close_watch)
        wait_for_writes()

    def _close_watch(self) -> None:
        if self._external is not None:
            self._external.close()
            self._external = None

    def absorb_own_writes(self) -> None:
        """This window's own write (or full reload) is already on screen: no second reload."""
        self._on_writes_thread(self._changed_outside)

    def _changed_outside(self) -> bool:
        return self._external is not None and bool(self._external.changed())

    def poll_external(self) -> None:
        """On the timer: ask the file (on the worker) whether another process wrote."""

        def polled(changed: bool) -> None:
            self.external_pending = self.external_pending or changed
            self.check_external_changes()

        self._on_writes_thread(self._changed_outside, polled)

    def check_external_changes(self) -> bool:
        """After another process wrote, reload what the window shows.

        Not while the person is typing in a profile field: the reload would overwrite the
        words not yet saved, so it waits for the next tick after they leave the field.
        """
        window = self.window
        focus = QApplication.focusWidget()
        if not self.external_pending or (
            focus is not None and window.page.profile.isAncestorOf(focus)
        ):
            return False
        self.external_pending = False
        self.refresh_all()
        window.statusBar().showMessage("Updated with changes made outside this window.", 4000)
        return True

    def refresh_all(self) -> None:
        """Reload every view from the file, staying on the view the person is looking at."""
        window = self.window
        window.feed.forget_shared_network()  # another process (or a restore) wrote: read it again
        window.journal.health.refresh_params()  # the file may hold other cadences now (a restore)
        window.feed.load_contacts(keep_view=True)
        window.views.everything_changed()

    # --- restoring a backup: the window lets go of the file, then takes the new one ------
    def release_journal(self) -> None:
        """Close every connection this window holds, so the file can be replaced."""
        self.external_timer.stop()
        self._on_writes_thread(self._close_watch)
        wait_for_writes()
        wait_for_all(10000)  # a background read or write finishes first
        self.window.journal.close()

    def reopen_journal(self) -> None:
        """Open the (possibly restored) file again: checked, and upgraded if it is older."""
        try:
            files.reopen(self.window.journal)
        except AppError as error:
            self.window.show_error(error)
            return
        self.start_background_checks()

    def restored(self, _source: str) -> None:
        """Everything on screen came from the old file: start again from the restored one."""
        self.window.undo_stack.clear()  # the restored file has a history of its own
        self.refresh_all()
        self.window.timeline.refresh()

    # --- user-tuned cadences -------------------------------------------------------------
    def apply_cadences(self) -> None:
        """The journal's circle cadences changed: every figure is recomputed with them.

        They live in the journal (`journal.preferences`), where the reports and the
        command line read them too; the window only asks the model to read them again.
        """
        self.absorb_own_writes()  # the window's own write: no second reload as if from outside
        self.window.journal.health.refresh_params()
        self.window.feed.load_network()
        self.window.page.refresh()
        self.window.views.everything_changed()

    def adopt_legacy_cadences(self) -> None:
        """Once, on the worker: move cadences an older version kept in the settings file
        into the journal.

        Only into a journal that has none of its own; the file's copy is forgotten once
        the journal holds the choice (or already had one), so this never runs twice.
        """
        settings = self.window.settings
        if not settings.has_legacy_cadences():
            return
        legacy = settings.legacy_cadences()
        preferences = self.window.journal.preferences

        def adopt(_progress: Progress) -> bool | None:
            try:
                adopted = bool(legacy) and not preferences.circle_cadences()
                if adopted:
                    preferences.set_circle_cadences(legacy)
            except AppError:
                return None  # the file cannot be written now: try again at the next start
            return adopted and bool(preferences.circle_cadences())

        def adopted(changed: bool | None) -> None:
            if changed is None:
                return
            settings.forget_legacy_cadences()
            if changed:
                self.apply_cadences()

        Operation(self.window, adopt, adopted, self.window.show_error).run()
