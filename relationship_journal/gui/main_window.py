"""The main window: the contact list on the left, the chosen view in the centre.

The window lays out the views and switches between them; it holds no business rules
and reads nothing itself. Its commands live beside it: actions and menus
(window_actions), single entries (entry_commands), many people at once (bulk_commands),
files and PDFs (window_files), background services (window_services). Every change
goes through the undo stack's worker (undo.py) and comes back as one `changed` notice
that each view answers (view_refresh, list_feed).
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction, QActionGroup, QCloseEvent
from PySide6.QtWidgets import (
    QApplication,
    QLabel,
    QMainWindow,
    QMessageBox,
    QSplitter,
    QStackedWidget,
    QToolBar,
    QWidget,
)

from relationship_journal import APP_NAME, clock
from relationship_journal.errors import AppError
from relationship_journal.gui import theme, window_actions
from relationship_journal.gui.bulk_commands import BulkCommands
from relationship_journal.gui.composer import PeopleDirectory
from relationship_journal.gui.composer_dialog import ComposerDialog
from relationship_journal.gui.contact_list import ContactList
from relationship_journal.gui.contact_page import ContactPage
from relationship_journal.gui.drafts import DraftStore
from relationship_journal.gui.empty_state import EmptyState
from relationship_journal.gui.entry_commands import EntryCommands
from relationship_journal.gui.global_timeline import GlobalTimeline
from relationship_journal.gui.list_feed import ContactListFeed
from relationship_journal.gui.loading_state import LoadingState
from relationship_journal.gui.people_controller import PeopleController
from relationship_journal.gui.resources import app_icon, icon
from relationship_journal.gui.settings import AppSettings
from relationship_journal.gui.today_controller import TodayController
from relationship_journal.gui.undo import UndoStack, writes_pool
from relationship_journal.gui.view_refresh import WindowViews
from relationship_journal.gui.window_files import WindowFiles
from relationship_journal.gui.window_services import WindowServices
from relationship_journal.gui.worker import Operation, Progress
from relationship_journal.journal.core import Journal

if TYPE_CHECKING:
    from relationship_journal.gui.dashboard.view import DashboardView
    from relationship_journal.gui.dialogs.preferences import JournalChoices, PreferencesDialog

VIEWS = ("contacts", "timeline", "dashboard")



def _import_charts(_progress: Progress) -> None:
    """Import the chart library on a worker while the list loads (about a second): the
    first contact page's trajectory would otherwise import it on the GUI thread and
    freeze the window meanwhile. Importing makes no widget, so any thread may do it."""
    import pyqtgraph  # noqa: F401

class MainWindow(QMainWindow):
    contacts_loaded = Signal()
    network_loaded = Signal()
    # The actions, made by window_actions.build_actions.
    act_new_interaction: QAction
    act_new_contact: QAction
    act_import: QAction
    act_export_pdf: QAction
    act_export: QAction
    act_network_report: QAction
    act_period_review: QAction
    act_demo: QAction
    act_quit: QAction
    act_undo: QAction
    act_redo: QAction
    act_find: QAction
    act_next: QAction
    act_previous: QAction
    act_record_favour: QAction
    act_record_promise: QAction
    act_record_ask: QAction
    act_ask_outcome: QAction
    act_merge: QAction
    act_circle: QAction
    act_add_tag: QAction
    act_remove_tag: QAction
    act_archive: QAction
    act_delete: QAction
    act_preferences: QAction
    act_about: QAction
    act_views: dict[str, QAction]
    act_themes: dict[str, QAction]
    view_group: QActionGroup
    theme_group: QActionGroup
    toolbar: QToolBar

    def __init__(self, journal: Journal, settings: AppSettings, as_of: dt.date | None = None) -> None:
        super().__init__()
        self.journal = journal
        self.settings = settings
        self.as_of = as_of or clock.today()
        self.undo_stack = UndoStack(self, journal, None, self.show_error)
        self.directory = PeopleDirectory()
        self.drafts = DraftStore(journal.paths.drafts, journal)
        self.dashboard: DashboardView | None = None
        self.preferences_dialog: PreferencesDialog | None = None
        self._preferences_opening = False  # its read is on the worker
        self.restored_draft = False
        self.remember = True  # False: leave the settings file alone (screenshots)
        self.first_view = "today"  # what the first list load opens; "dashboard" opens no one's page
        self.instance_guard: Any = None  # the one-window-per-journal lock (gui/single_instance.py)
        self.entries = EntryCommands(self)
        self.bulk = BulkCommands(self)
        self.files = WindowFiles(self)
        self.setWindowTitle(APP_NAME)
        self.setWindowIcon(app_icon())
        self.setAcceptDrops(True)
        self._build_views()
        self.feed = ContactListFeed(self)
        self.services = WindowServices(self)
        self.views = WindowViews(self)
        window_actions.build_actions(self)
        window_actions.build_menus(self)
        window_actions.build_toolbar(self)
        self._selection_changed([])
        self.statusBar().showMessage("Loading your journal…")
        self._restore_geometry()
        self.services.adopt_legacy_cadences()
        Operation(self, _import_charts).run()
        self.feed.load_contacts()

    # --- construction --------------------------------------------------------------------
    def _build_views(self) -> None:
        self.contact_list = ContactList(self.journal, self)
        self.contact_list.contact_selected.connect(self.open_contact)
        self.contact_list.selection_changed.connect(self._selection_changed)
        self.stack = QStackedWidget(self)
        self.empty = EmptyState(self)
        self.empty.add_contact.connect(self.entries.new_contact)
        self.empty.import_contacts.connect(self.files.import_contacts)
        self.empty.load_demo.connect(self.files.load_demo)
        self.page: ContactPage = ContactPage(self.journal, self.directory,
                                             self.entries.submit_from(lambda: self.page.composer), self.drafts, self)
        self.page.as_of = self.as_of
        self.page.profile_edited.connect(self.entries.profile_edited)
        self.page.commitment_toggled.connect(self.entries.commitment_toggled)
        self.page.ask_answered.connect(self.entries.resolve_ask)
        self.page.edit_entry.connect(self.entries.edit_entry)
        self.page.delete_entry.connect(self.entries.delete_entry)
        self.page.status.connect(self.statusBar().showMessage)
        self.page.missing.connect(lambda _cid: self._show_nothing())
        self.timeline = GlobalTimeline(self.journal, self)
        self.timeline.edit_entry.connect(self.entries.edit_entry)
        self.timeline.delete_entry.connect(self.entries.delete_entry)
        self.nothing = QWidget(self)
        self.nothing.setObjectName("Page")
        self.loading = LoadingState(self)  # first: shown until the list is read, never the welcome
        for widget in (self.loading, self.empty, self.page, self.timeline, self.nothing):
            self.stack.addWidget(widget)
        self.today = TodayController(self)  # adds its view to the stack
        self.people = PeopleController(self)  # who knows whom on the page's Profile tab
        self.stack.currentChanged.connect(self._sync_left_pane)
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.addWidget(self.contact_list)
        self.splitter.addWidget(self.stack)
        self.splitter.setStretchFactor(0, 0)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([480, 920])
        self.splitter.setChildrenCollapsible(False)
        self.contact_list.setMinimumWidth(330)
        self.setCentralWidget(self.splitter)
        self.composer_dialog: ComposerDialog = ComposerDialog(
            self.directory, self.entries.submit_from(lambda: self.composer_dialog.form), self.drafts, self)
        self.selection_label = QLabel(self)
        self.statusBar().addPermanentWidget(self.selection_label)
        from relationship_journal.gui.report_runner import SavedFile

        self.saved_file = SavedFile(self)  # after a PDF: Open / Show in folder
        self.statusBar().addPermanentWidget(self.saved_file)
        # A failed backup stays in view (a passing message would be gone in seconds).
        self.backup_problem = QLabel(self)
        self.backup_problem.hide()
        self.statusBar().addPermanentWidget(self.backup_problem)

    # --- settings ------------------------------------------------------------------------
    def _restore_geometry(self) -> None:
        geometry = self.settings.window_geometry()
        if geometry is None or not self.restoreGeometry(geometry):
            self.resize(1400, 900)
        state = self.settings.window_state()
        if state is not None:
            self.restoreState(state)

    def showEvent(self, event) -> None:  # type: ignore[no-untyped-def]
        super().showEvent(event)
        if not getattr(self, "_splitter_restored", False):
            # After the window has its size, or the saved split gets squeezed.
            self._splitter_restored = True
            splitter = self.settings.splitter_state("main")
            if splitter is not None:
                self.splitter.restoreState(splitter)

    def save_settings(self) -> None:
        if not self.remember:
            return
        self.settings.set_window_geometry(self.saveGeometry())
        self.settings.set_window_state(self.saveState())
        self.settings.set_splitter_state("main", self.splitter.saveState())
        self.settings.last_contact_id = self.page.contact_id

    def closeEvent(self, event: QCloseEvent) -> None:
        self.services.stop_background_checks()
        self.save_settings()
        for form in (self.page.composer, self.composer_dialog.form):
            if not form.is_blank():
                form.save_draft()
        super().closeEvent(event)

    def start_background_checks(self) -> None:
        self.services.start_background_checks()

    def import_files(self, paths: list[str]) -> None:
        self.files.import_files(paths)

    # --- views ---------------------------------------------------------------------------
    def _ensure_dashboard(self) -> None:
        if self.dashboard is None:  # built on first use: pyqtgraph is slow to import
            from relationship_journal.gui.dashboard.view import DashboardView

            self.dashboard = DashboardView(self.journal, self, shared=self.feed.shared_network)
            self.dashboard.contact_activated.connect(self.show_contact)
            self.stack.addWidget(self.dashboard)

    def show_view(self, name: str) -> None:
        if name == "dashboard":
            self._ensure_dashboard()
        if name == "dashboard" and self.dashboard is not None:
            self.stack.setCurrentWidget(self.dashboard)
            if self.views.dashboard_stale:
                self.views.dashboard_stale = False
                self.dashboard.refresh(self.as_of)
        elif name == "timeline":
            self.stack.setCurrentWidget(self.timeline)
            self.timeline.set_range(self.as_of - dt.timedelta(days=90), self.as_of)
        elif name == "today" and self.contact_list.model.rowCount():
            self.today.show()
        else:
            name = "contacts"
            if self.contact_list.model.rowCount() == 0:
                self.stack.setCurrentWidget(self.empty)
            elif self.page.contact_id is not None:
                self.stack.setCurrentWidget(self.page)
            else:
                self._show_nothing()
        if name in self.act_views:
            self.act_views[name].setChecked(True)
        self.settings.last_view = name

    def _sync_left_pane(self, _index: int = 0) -> None:
        """The list is hidden on the welcome screen (nothing to list) and on the dashboard
        (it is about the whole network and takes the whole width)."""
        current = self.stack.currentWidget()
        self.contact_list.setVisible(current is not self.empty and (current is not self.dashboard
                                                                     or self.dashboard is None))

    def current_view(self) -> str:
        widget = self.stack.currentWidget()
        if widget is self.dashboard:
            return "dashboard"
        if widget is self.today.view:
            return "today"
        return "timeline" if widget is self.timeline else "contacts"

    def _show_nothing(self) -> None:
        self.stack.setCurrentWidget(self.nothing if self.contact_list.model.rowCount() else self.empty)

    def open_contact(self, contact_id: int, show: bool = True) -> None:
        """Read the person's page; `show`: and bring it to the front."""
        self.page.show_contact(contact_id, self.as_of)
        if self.page.contact_id == contact_id:
            self.contact_list.open_id = contact_id
            if show:
                self.stack.setCurrentWidget(self.page)
                self.act_views["contacts"].setChecked(True)
            self.settings.last_contact_id = contact_id

    def show_contact(self, contact_id: int, show: bool = True) -> bool:
        """Select the person in the list (clearing filters if they hide them) and open the
        page; `show`: and bring it to the front."""
        if self.contact_list.model.row_of(contact_id) is None:
            return False
        if not self.contact_list.select(contact_id, open_page=False):
            self.contact_list.search.clear()
            for combo in (self.contact_list.circle, self.contact_list.tag, self.contact_list.kind):
                combo.setCurrentIndex(0)
            self.contact_list.fading.setChecked(False)
            self.contact_list.owes.setChecked(False)
            self.contact_list.select(contact_id, open_page=False)
        self.open_contact(contact_id, show)
        return True

    def focus_search(self) -> None:
        self.contact_list.search.setFocus()
        self.contact_list.search.selectAll()

    def _selection_changed(self, ids: list[int]) -> None:
        if hasattr(self, "act_merge"):  # the list reports its first selection before the actions exist
            window_actions.selection_changed(self, ids)

    # --- drag and drop: a .vcf or .csv dropped on the window is imported ---------------
    def dragEnterEvent(self, event) -> None:  # type: ignore[no-untyped-def]
        if self.files.dropped_paths(event.mimeData()):
            event.acceptProposedAction()

    def dropEvent(self, event) -> None:  # type: ignore[no-untyped-def]
        paths = self.files.dropped_paths(event.mimeData())
        if paths:
            event.acceptProposedAction()
            self.files.import_files(paths)

    # --- dialogs -------------------------------------------------------------------------
    def open_preferences(self) -> None:
        """Read the journal's choices on the writes pool (never queued behind a long
        computation), then show the dialog with them; once, however often it is asked."""
        try:
            from relationship_journal.gui.dialogs.preferences import read_choices
        except ImportError:
            self.statusBar().showMessage("Preferences are not available in this build.", 4000)
            return
        if self._preferences_opening or self.preferences_dialog is not None:
            return
        self._preferences_opening = True
        journal = self.journal

        def failed(error: BaseException) -> None:
            self._preferences_opening = False
            self.show_error(error)

        Operation(self, lambda _progress: read_choices(journal), self._show_preferences, failed,
                  pool=writes_pool()).run()

    def _show_preferences(self, choices: JournalChoices) -> None:
        self._preferences_opening = False
        from relationship_journal.gui.dialogs.backups_page import BackupsPage
        from relationship_journal.gui.dialogs.preferences import PreferencesDialog

        dialog = PreferencesDialog(self.settings, self.journal, self, **choices)
        backups = BackupsPage(self.journal.paths, close_journal=self.services.release_journal,
                              reopen_journal=self.services.reopen_journal)
        backups.restored.connect(self.services.restored)
        dialog.backups_page = backups  # type: ignore[attr-defined]
        self.today.add_preferences(dialog)
        dialog.add_page("Backups", backups)
        dialog.saved.connect(lambda: self._preferences_saved(dialog))
        self.preferences_dialog = dialog
        try:
            dialog.exec()
        finally:
            self.preferences_dialog = None

    def _preferences_saved(self, dialog: PreferencesDialog) -> None:
        """OK wrote the choices: the theme now, and every figure again if the cadences moved."""
        self.set_theme(self.settings.theme)
        if dialog.cadences_changed:
            self.services.apply_cadences()

    def open_about(self) -> None:
        try:
            from relationship_journal.gui.dialogs.about import AboutDialog
        except ImportError:
            from relationship_journal import __version__

            QMessageBox.about(self, "About Relationship Journal", f"Relationship Journal {__version__}")
            return
        AboutDialog(self, self.journal.paths).exec()

    def set_theme(self, name: str) -> None:
        self.settings.theme = name  # type: ignore[assignment]
        app = QApplication.instance()
        if isinstance(app, QApplication):
            theme.apply_theme(app, name)
        self.act_themes[name].setChecked(True)
        for action in self.findChildren(QAction):  # icons are tinted to the theme's text colour
            if action.property("icon_name"):
                action.setIcon(icon(action.property("icon_name"), theme.colours().text))
        self.contact_list.view.viewport().update()
        self.page.refresh()

    def show_error(self, error: BaseException) -> None:
        if isinstance(error, AppError | OSError):
            self.statusBar().showMessage(str(error), 10000)
            QMessageBox.warning(self, "Relationship Journal", str(error))
        else:
            QMessageBox.critical(self, "Relationship Journal", f"Something went wrong: {error}")

    # --- drafts --------------------------------------------------------------------------
    def restore_draft(self) -> bool:
        """Bring back a draft left by a session that ended before saving it."""
        draft = self.drafts.load()
        if not draft:
            return False
        form = self.composer_dialog.form
        form.load_draft(draft)
        editing = str(draft.get("editing") or "")
        if editing.isdigit():  # the entry being edited is read on the worker, then edited
            journal = self.journal

            def read(_progress: Any) -> Any:
                try:
                    return journal.interactions.get(int(editing))
                except AppError:
                    return None

            Operation(self, read, lambda entry: setattr(form, "editing", entry)).run()
        self.composer_dialog.open_for(form.people)
        when = str(draft.get("saved_at", "")).replace("T", " ")
        self.statusBar().showMessage(
            f"Restored an unsaved draft from {when} — the app closed before it was saved.", 15000)
        self.restored_draft = True
        return True
