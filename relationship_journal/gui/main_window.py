"""The main window: the contact list on the left, the chosen view in the centre.

The window wires views to the journal; it holds no business rules. Writes become
undoable steps (gui/undo.py) that report what they changed, and each view refreshes
only that. Reading the whole list and computing the whole network's health run on
the thread pool, so the window paints at once and never freezes.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QAction, QActionGroup, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QFileDialog,
    QInputDialog,
    QLabel,
    QMainWindow,
    QMessageBox,
    QSplitter,
    QStackedWidget,
    QWidget,
)

from relationship_journal import APP_NAME, clock
from relationship_journal.errors import AppError
from relationship_journal.gui import theme, undo
from relationship_journal.gui.composer import PeopleDirectory
from relationship_journal.gui.composer_dialog import ComposerDialog
from relationship_journal.gui.contact_dialog import NewContactDialog
from relationship_journal.gui.contact_list import ContactList
from relationship_journal.gui.contact_model import RowHealth
from relationship_journal.gui.contact_page import ContactPage
from relationship_journal.gui.drafts import DraftStore
from relationship_journal.gui.empty_state import EmptyState
from relationship_journal.gui.global_timeline import GlobalTimeline
from relationship_journal.gui.loading_state import LoadingState
from relationship_journal.gui.people_controller import PeopleController
from relationship_journal.gui.resources import app_icon, icon
from relationship_journal.gui.settings import AppSettings
from relationship_journal.gui.today_controller import TodayController
from relationship_journal.gui.worker import Operation, Progress, wait_for_all
from relationship_journal.health import ContactHealth
from relationship_journal.journal import files
from relationship_journal.journal.core import Journal
from relationship_journal.journal.errors import JournalError
from relationship_journal.journal.meeting_log import AskNote, FavourNote, PromiseNote, meeting_notes
from relationship_journal.journal.merge import merge_contacts
from relationship_journal.journal.owing import i_owe, people_i_owe
from relationship_journal.journal.records import Changes, ContactSummary, InteractionFields
from relationship_journal.journal.vocabulary import CIRCLE_NAMES, CIRCLES

if TYPE_CHECKING:
    from relationship_journal.gui.dashboard.view import DashboardView
    from relationship_journal.gui.dialogs.preferences import PreferencesDialog

VIEWS = ("contacts", "timeline", "dashboard")
SMALL_CHANGE = 15  # more contacts than this changed at once: their health is recomputed in the background
LARGE_CHANGE = 2000  # more than this: the whole list is reloaded in the background
NETWORK_REFRESH_MS = 4000  # after changes settle, recompute the whole network in the background
EXTERNAL_POLL_MS = 2000  # how often to look for writes made by the command line (one PRAGMA)


def _import_charts(_progress: Progress) -> None:
    """Import the chart library on a worker while the list loads (about a second): the
    first contact page's trajectory would otherwise import it on the GUI thread and
    freeze the window meanwhile. Importing makes no widget, so any thread may do it."""
    import pyqtgraph  # noqa: F401


def _row_health(health: ContactHealth) -> RowHealth:
    return RowHealth(health.display_score, health.band, health.classification, health.fade_date)


class MainWindow(QMainWindow):
    contacts_loaded = Signal()
    network_loaded = Signal()

    def __init__(self, journal: Journal, settings: AppSettings, as_of: dt.date | None = None) -> None:
        super().__init__()
        self.journal = journal
        self.settings = settings
        self.as_of = as_of or clock.today()
        self.undo_stack = undo.UndoStack(self, journal, self.apply_changes, self.show_error)
        self.directory = PeopleDirectory()
        self.drafts = DraftStore(journal.paths.drafts, journal)
        self.dashboard: DashboardView | None = None
        self._dashboard_stale = True
        self._network_generation = 0
        self._writes_applied = 0  # a list read that started before a change on screen is stale
        self._shared_network: tuple[Any, Any, int, Any] | None = None  # see shared_network()
        self._network_timer = QTimer(self, singleShot=True, interval=NETWORK_REFRESH_MS)
        self._network_timer.timeout.connect(self.load_network)
        self.restored_draft = False
        self.remember = True  # False: leave the settings file alone (screenshots)
        self.instance_guard: Any = None  # the one-window-per-journal lock (gui/single_instance.py)
        self._external: Any = None  # files.watch_changes(), while the window runs
        self._external_pending = False
        self._external_timer = QTimer(self, interval=EXTERNAL_POLL_MS)
        self._external_timer.timeout.connect(self.check_external_changes)
        self.setWindowTitle(APP_NAME)
        self.setWindowIcon(app_icon())
        self.setAcceptDrops(True)
        self._import_flow: Any = None
        self._launched = False  # the first list load opens Today (once the journal has people)
        self._build_views()
        self._build_actions()
        self._build_menus()
        self._build_toolbar()
        self.statusBar().showMessage("Loading your journal…")
        self._restore_geometry()
        self.adopt_legacy_cadences()
        Operation(self, _import_charts).run()
        self.load_contacts()

    # --- construction --------------------------------------------------------------------
    def _build_views(self) -> None:
        self.contact_list = ContactList(self.journal, self)
        self.contact_list.contact_selected.connect(self.open_contact)
        self.contact_list.selection_changed.connect(self._selection_changed)
        self.stack = QStackedWidget(self)
        self.empty = EmptyState(self)
        self.empty.add_contact.connect(self.new_contact)
        self.empty.import_contacts.connect(self.import_contacts)
        self.empty.load_demo.connect(self.load_demo)
        self.page: ContactPage = ContactPage(self.journal, self.directory, self._submit_from(lambda: self.page.composer),
                                self.drafts, self)
        self.page.as_of = self.as_of
        self.page.profile_edited.connect(self._profile_edited)
        self.page.commitment_toggled.connect(self._commitment_toggled)
        self.page.ask_answered.connect(self.resolve_ask)
        self.page.edit_entry.connect(self.edit_entry)
        self.page.delete_entry.connect(self.delete_entry)
        self.page.status.connect(self.statusBar().showMessage)
        self.page.missing.connect(lambda _cid: self._show_nothing())
        self.timeline = GlobalTimeline(self.journal, self)
        self.timeline.edit_entry.connect(self.edit_entry)
        self.timeline.delete_entry.connect(self.delete_entry)
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
        self.composer_dialog: ComposerDialog = ComposerDialog(self.directory, self._submit_from(lambda: self.composer_dialog.form),
                                              self.drafts, self)
        self.selection_label = QLabel(self)
        self.statusBar().addPermanentWidget(self.selection_label)
        from relationship_journal.gui.report_runner import SavedFile

        self.saved_file = SavedFile(self)  # after a PDF: Open / Show in folder
        self.statusBar().addPermanentWidget(self.saved_file)
        # A failed backup stays in view (a passing message would be gone in seconds).
        self.backup_problem = QLabel(self)
        self.backup_problem.hide()
        self.statusBar().addPermanentWidget(self.backup_problem)

    def _action(self, text: str, slot: Any, shortcut: Any = None, icon_name: str | None = None,
                tip: str | None = None) -> QAction:
        action = QAction(text, self)
        if icon_name:
            action.setIcon(icon(icon_name, theme.colours().text))
            action.setProperty("icon_name", icon_name)
        if shortcut is not None:
            if isinstance(shortcut, list | tuple):
                action.setShortcuts([QKeySequence(s) for s in shortcut])
            else:
                action.setShortcut(QKeySequence(shortcut))
        tip = tip or text.replace("…", "").replace("&", "")
        keys = action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
        action.setToolTip(f"{tip} ({keys})" if keys else tip)
        action.setStatusTip(tip)
        action.triggered.connect(slot)
        self.addAction(action)
        return action

    def _build_actions(self) -> None:
        a = self._action
        self.act_new_interaction = a("&New interaction…", self.new_interaction, QKeySequence.StandardKey.New,
                                     "new-interaction", "Write down a meeting, call or message")
        self.act_new_contact = a("New &contact…", self.new_contact, "Ctrl+Shift+N", "add-contact",
                                 "Add a person")
        self.act_import = a("&Import contacts…", self.import_contacts, "Ctrl+I", "import",
                            "Import a vCard, Google/Outlook CSV or LinkedIn Connections.csv")
        self.act_export_pdf = a("&Export brief as PDF…", self.export_pdf, QKeySequence.StandardKey.Print,
                                "export-pdf", "A one-page brief of this person, as PDF")
        self.act_export = a("E&xport contacts…", self.export_contacts, "Ctrl+E", None,
                            "vCard, CSV with health figures, or iCalendar")
        self.act_network_report = a("&Network report as PDF…", self.export_network_report, "Ctrl+Shift+P",
                                    "export-pdf", "The whole network: depth, circles, who is fading, as PDF")
        self.act_period_review = a("Period &review as PDF…", self.export_period_review, None, "export-pdf",
                                   "What happened in a period: entries, promises, favours, as PDF")
        self.act_demo = a("Load &demo network", self.load_demo, None, "demo",
                          "Fill an empty journal with a made-up network to explore")
        self.act_quit = a("&Quit", self.close, QKeySequence.StandardKey.Quit)
        # Fixed labels, so the toolbar never shifts as "Undo Import new-people.vcf" grows;
        # what would be undone is in the tooltip and the status tip.
        self.act_undo = a("&Undo", self.undo_stack.undo, QKeySequence.StandardKey.Undo, "undo")
        self.act_redo = a("&Redo", self.undo_stack.redo, ["Ctrl+Shift+Z", "Ctrl+Y"], "redo")
        for action, can, text, verb in (
            (self.act_undo, self.undo_stack.canUndoChanged, self.undo_stack.undoTextChanged, "Undo"),
            (self.act_redo, self.undo_stack.canRedoChanged, self.undo_stack.redoTextChanged, "Redo"),
        ):
            can.connect(action.setEnabled)
            text.connect(lambda what, act=action, v=verb: self._describe_undo(act, v, what))
            action.setEnabled(False)
        app = QApplication.instance()
        if app is not None:  # an empty text field lets Ctrl+Z through to the journal's undo
            from relationship_journal.gui.undo_keys import UndoKeysFallThrough

            app.installEventFilter(UndoKeysFallThrough(self))
        self.act_find = a("&Find…", self.focus_search, QKeySequence.StandardKey.Find, "find",
                          "Find a person by name, organisation or notes")
        self.act_next = a("Ne&xt contact", lambda: self.contact_list.step(1), ["Ctrl+]", "Alt+Down"], "next")
        self.act_previous = a("Pre&vious contact", lambda: self.contact_list.step(-1), ["Ctrl+[", "Alt+Up"],
                              "previous")
        self.act_record_favour = a("Record a &favour…", lambda: self.record_without_meeting("favour"), None,
                                   None, "Help given or received outside a meeting")
        self.act_record_promise = a("Record a &promise…", lambda: self.record_without_meeting("commitment"),
                                    None, None, "A promise made outside a meeting")
        self.act_record_ask = a("Record an &ask…", lambda: self.record_without_meeting("ask"), None, None,
                                "Something you asked of this person outside a meeting")
        self.act_ask_outcome = a("Record an as&k's outcome…", self.record_ask_outcome, "Ctrl+K", None,
                                 "How they answered something you asked of this person")
        self.act_merge = a("&Merge two contacts…", self.merge_selected, "Ctrl+M", "merge",
                           "Fold a duplicate into the other record, keeping everything")
        self.act_circle = a("Set &circle…", self.bulk_circle, None, "circle", "Move the selected people to a circle")
        self.act_add_tag = a("&Add tag…", self.bulk_add_tag, None, "tag", "Tag the selected people")
        self.act_remove_tag = a("&Remove tag…", self.bulk_remove_tag, None, None, "Untag the selected people")
        self.act_archive = a("Ar&chive", self.bulk_archive, None, "archive",
                             "Hide the selected people from the list (their history stays)")
        self.act_delete = a("&Delete…", self.bulk_delete, None, "delete", "Delete the selected people")
        self.view_group = QActionGroup(self)
        self.act_views: dict[str, QAction] = {}
        for index, (name, label, icon_name) in enumerate(
            (("contacts", "&Contacts", "contacts"), ("timeline", "&Timeline", "timeline"),
             ("dashboard", "&Dashboard", "dashboard"), ("today", "T&oday", "today"))
        ):
            action = a(label, lambda _=False, n=name: self.show_view(n), f"Ctrl+{index + 1}", icon_name,
                       {"contacts": "The contact list and the chosen person's page",
                        "timeline": "Everyone's interactions, newest first",
                        "dashboard": "The whole network at a glance",
                        "today": "What deserves attention today (Ctrl+T)"}[name])
            action.setCheckable(True)
            self.view_group.addAction(action)
            self.act_views[name] = action
        self.act_views["contacts"].setChecked(True)
        self.act_views["today"].setShortcuts([QKeySequence("Ctrl+T"), QKeySequence("Ctrl+4")])
        self.theme_group = QActionGroup(self)
        self.act_themes: dict[str, QAction] = {}
        for name in ("light", "dark", "system"):
            action = QAction(name.capitalize(), self, checkable=True)
            action.setChecked(self.settings.theme == name)
            action.triggered.connect(lambda _=False, n=name: self.set_theme(n))
            self.theme_group.addAction(action)
            self.act_themes[name] = action
        # Linux has no standard Preferences key: Ctrl+, as other apps there use.
        preferences_keys = QKeySequence.keyBindings(QKeySequence.StandardKey.Preferences) or "Ctrl+,"
        self.act_preferences = a("&Preferences…", self.open_preferences, preferences_keys, "settings")
        self.act_about = a("&About Relationship Journal", self.open_about, None, "info")
        self._selection_changed([])

    @staticmethod
    def _describe_undo(action: QAction, verb: str, what: str) -> None:
        keys = action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
        tip = f"{verb}: {what}" if what else f"Nothing to {verb.lower()}"
        action.setToolTip(f"{tip} ({keys})")
        action.setStatusTip(tip)

    def _build_menus(self) -> None:
        bar = self.menuBar()
        file_menu = bar.addMenu("&File")
        file_menu.addActions([self.act_new_interaction, self.act_new_contact])
        file_menu.addSeparator()
        file_menu.addActions([self.act_import, self.act_export, self.act_export_pdf, self.act_network_report,
                              self.act_period_review, self.act_demo])
        file_menu.addSeparator()
        file_menu.addAction(self.act_quit)
        edit = bar.addMenu("&Edit")
        edit.addActions([self.act_undo, self.act_redo])
        edit.addSeparator()
        edit.addAction(self.act_find)
        edit.addSeparator()
        edit.addActions([self.act_record_favour, self.act_record_promise, self.act_record_ask,
                         self.act_ask_outcome])
        edit.addSeparator()
        people = edit.addMenu("Selected &people")
        people.addActions([self.act_circle, self.act_add_tag, self.act_remove_tag, self.act_archive,
                           self.act_delete])
        edit.addAction(self.act_merge)
        edit.addSeparator()
        edit.addAction(self.act_preferences)
        view = bar.addMenu("&View")
        view.addActions(list(self.act_views.values()))
        view.addSeparator()
        view.addActions([self.act_next, self.act_previous])
        view.addSeparator()
        themes = view.addMenu("T&heme")
        themes.addActions(list(self.act_themes.values()))
        help_menu = bar.addMenu("&Help")
        help_menu.addAction(self.act_about)
        self.contact_list.view.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        self.contact_list.view.addActions([self.act_new_interaction, self.act_merge, self.act_circle,
                                           self.act_add_tag, self.act_remove_tag, self.act_archive,
                                           self.act_delete])

    def _build_toolbar(self) -> None:
        bar = self.addToolBar("Main")
        bar.setObjectName("MainToolbar")
        bar.setMovable(False)
        bar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        bar.addActions([self.act_new_interaction, self.act_new_contact])
        bar.addSeparator()
        bar.addActions(list(self.act_views.values()))
        bar.addSeparator()
        bar.addActions([self.act_undo, self.act_redo])
        bar.addSeparator()
        bar.addActions([self.act_import, self.act_export_pdf])
        self.toolbar = bar

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
        self.stop_background_checks()
        self.save_settings()
        for form in (self.page.composer, self.composer_dialog.form):
            if not form.is_blank():
                form.save_draft()
        super().closeEvent(event)

    # --- loading -------------------------------------------------------------------------
    def load_contacts(self, select: int | None = None, keep_view: bool = False) -> None:
        """Read the whole list in the background; `keep_view` leaves the current view showing
        (a reload nobody asked for, after the command line wrote, must not switch views)."""
        journal = self.journal
        self._absorb_own_writes()
        writes_before = self._writes_applied

        def work(_progress: Progress) -> tuple[list[ContactSummary], list[str]]:
            return journal.contacts.list(), journal.contacts.tags()

        def done(result: tuple[list[ContactSummary], list[str]]) -> None:
            if self._writes_applied != writes_before:  # read before a change now on screen: stale
                self.load_contacts(select, keep_view)
                return
            summaries, tags = result
            self.contact_list.model.today = self.as_of
            self.contact_list.model.photo_loader = self.journal.contacts.photos
            self.contact_list.model.set_contacts(summaries)
            self.contact_list.set_tags(tags)
            self.contact_list.apply_filter()
            self.directory.set_people([(s.id, s.name) for s in summaries])
            if not self.restored_draft:
                self.statusBar().showMessage(f"{len(summaries):,} people in your journal", 4000)
            if not summaries:
                self.stack.setCurrentWidget(self.empty)
            elif keep_view and self.stack.currentWidget() not in (self.empty, self.loading):
                if self.stack.currentWidget() is self.page:
                    self.page.refresh()  # says `missing` (and shows nothing) if they were deleted
                if self.page.contact_id is not None:
                    self.contact_list.select(self.page.contact_id, open_page=False)
            else:
                wanted = select or self.page.contact_id or self.settings.last_contact_id
                if not (wanted and self.show_contact(wanted)):
                    self.contact_list.open_first()
                if not self._launched:
                    self.show_view("today")
            self._launched = True
            self.undo_stack.refresh()  # the history may have grown elsewhere (the command line)
            self.contacts_loaded.emit()
            self.load_network()

        Operation(self, work, done, self.show_error).run()

    def load_network(self) -> None:
        """Every person's health, for the list's bars, badges and filters (in the background)."""
        self._network_generation += 1
        generation, journal, as_of = self._network_generation, self.journal, self.as_of
        params, writes_before = journal.health.params, self._writes_applied

        def work(progress: Progress) -> tuple[Any, Any, dict[int, RowHealth], set[int], set[int]]:
            from relationship_journal.journal.health_inputs import gc_paused
            from relationship_journal.reports import network_data

            progress.step("Computing the network's health")
            # One reading, shared with Today's agenda when it asks at the same time.
            reading = journal.health.reading(as_of, params)
            loaded, network = network_data.from_reading(reading), reading.network
            with gc_paused():  # many small objects, no cycles: see health_inputs.gc_paused
                rows = {h.contact_id: _row_health(h) for h in network.contacts}
            fading = {f.contact_id for f in network.fading}
            owing = people_i_owe(journal, network)
            return loaded, network, rows, fading, owing

        def done(result: tuple[Any, Any, dict[int, RowHealth], set[int], set[int]]) -> None:
            if generation != self._network_generation:
                return
            loaded, network, rows, fading, owing = result
            self._shared_network = (journal, params, writes_before, (loaded, as_of, network))
            self.contact_list.model.set_health(rows, self.as_of)
            self.contact_list.proxy.fading_ids = frozenset(fading)
            self.contact_list.proxy.owing_ids = frozenset(owing)
            self.contact_list.apply_filter()
            self.network_loaded.emit()

        Operation(self, work, done, self.show_error).run()

    def shared_network(self) -> Any:
        """(timelines, day, network on that day) the list's health came from
        (`network_data.LoadedNetwork`, a date, `NetworkHealth`), for the dashboard to use
        instead of reading and evaluating the journal again; None once anything was
        written, the cadences changed or the file was swapped since they were read."""
        shared = self._shared_network
        if shared is None:
            return None
        journal, params, writes, loaded = shared
        if journal is not self.journal or params is not journal.health.params or writes != self._writes_applied:
            return None
        return loaded

    # --- views ---------------------------------------------------------------------------
    def _ensure_dashboard(self) -> None:
        if self.dashboard is None:  # built on first use: pyqtgraph is slow to import
            from relationship_journal.gui.dashboard.view import DashboardView

            self.dashboard = DashboardView(self.journal, self, shared=self.shared_network)
            self.dashboard.contact_activated.connect(self.show_contact)
            self.stack.addWidget(self.dashboard)

    def show_view(self, name: str) -> None:
        if name == "dashboard":
            self._ensure_dashboard()
        if name == "dashboard" and self.dashboard is not None:
            self.stack.setCurrentWidget(self.dashboard)
            if self._dashboard_stale:
                self._dashboard_stale = False
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

    def open_contact(self, contact_id: int) -> None:
        self.page.show_contact(contact_id, self.as_of)
        if self.page.contact_id == contact_id:
            self.contact_list.open_id = contact_id
            self.stack.setCurrentWidget(self.page)
            self.act_views["contacts"].setChecked(True)
            self.settings.last_contact_id = contact_id

    def show_contact(self, contact_id: int) -> bool:
        """Select the person in the list (clearing filters if they hide them) and open the page."""
        if self.contact_list.model.row_of(contact_id) is None:
            return False
        if not self.contact_list.select(contact_id, open_page=False):
            self.contact_list.search.clear()
            for combo in (self.contact_list.circle, self.contact_list.tag, self.contact_list.kind):
                combo.setCurrentIndex(0)
            self.contact_list.fading.setChecked(False)
            self.contact_list.owes.setChecked(False)
            self.contact_list.select(contact_id, open_page=False)
        self.open_contact(contact_id)
        return True

    def focus_search(self) -> None:
        self.contact_list.search.setFocus()
        self.contact_list.search.selectAll()

    def _selection_changed(self, ids: list[int]) -> None:
        for action in (self.act_circle, self.act_add_tag, self.act_remove_tag, self.act_archive,
                       self.act_delete):
            action.setEnabled(bool(ids))
        self.act_merge.setEnabled(len(ids) == 2)
        self.selection_label.setText(f"{len(ids)} selected" if len(ids) > 1 else "")

    # --- writes --------------------------------------------------------------------------
    def push(self, step: undo.Step) -> bool:
        """Run a step now as one change in the journal's history; refusals are shown, not kept."""
        try:
            self.undo_stack.record(step)
        except AppError as error:
            self.show_error(error)
            return False
        finally:
            self._absorb_own_writes()  # the history's own row is this window's write too
        return True

    def apply_changes(self, changes: Changes) -> None:
        """Refresh what a write touched: list rows, their health, the page, other views."""
        self._absorb_own_writes()
        self._writes_applied += 1
        self._dashboard_stale = True
        if self.dashboard is not None and self.stack.currentWidget() is self.dashboard:
            self._dashboard_stale = False
            self.dashboard.refresh(self.as_of)
        model = self.contact_list.model
        if len(changes.contacts) > LARGE_CHANGE:
            self.load_contacts()
        else:
            # The rows come back (or go) with the change itself, in one narrowed read; a
            # few people's health is computed here too, more in the background.
            changed = sorted(changes.contacts)
            current = {s.id: s for s in self.journal.contacts.list(only=changed)}
            model.remove_contacts([cid for cid in changed if cid not in current])
            owing = set(self.contact_list.proxy.owing_ids)
            for cid in changed:
                if cid not in current:
                    continue
                model.replace_contact(current[cid])
                if len(changed) > SMALL_CHANGE:
                    continue
                health = self.journal.health.contact(cid, self.as_of)
                model.update_health(cid, _row_health(health))
                (owing.add if i_owe(self.journal, health) else owing.discard)(cid)
            self.contact_list.proxy.owing_ids = frozenset(owing)
            if len(changed) > SMALL_CHANGE:
                self.load_network()
            else:
                self._network_timer.start()  # fading dates are network-wide: recompute when calm
            self.directory.set_people([(s.id, s.name) for s in model.summaries()])
            self.contact_list.set_tags(self.journal.contacts.tags())
            self.contact_list.apply_filter()
            if model.rowCount() == 0:
                self.stack.setCurrentWidget(self.empty)
            elif self.stack.currentWidget() is self.empty:
                self.contact_list.open_first()
        if self.page.contact_id is not None and (
            self.page.contact_id in changes.contacts or changes.interactions
        ):
            self.page.refresh()
        if self.stack.currentWidget() is self.timeline:
            self.timeline.refresh()
        self.today.changed(changes)

    def _submit_from(self, form_of: Any) -> Any:
        def submit(fields: InteractionFields, favours: tuple[FavourNote, ...],
                   promises: tuple[PromiseNote, ...], asks: tuple[AskNote, ...] = ()) -> None:
            form = form_of()
            if form.editing is not None:
                step: undo.Step = undo.EditInteraction(self.journal, self.apply_changes, form.editing, fields,
                                                       favours, promises)
            else:
                step = undo.LogInteraction(self.journal, self.apply_changes, fields, favours, promises, asks)
            try:
                self.undo_stack.record(step)  # a refusal (AppError) goes back to the form
            finally:
                self._absorb_own_writes()  # the history's own row is this window's write too
            self.statusBar().showMessage("Interaction saved. Ctrl+Z undoes it.", 5000)

        return submit

    def new_interaction(self) -> None:
        people = [self.page.contact_id] if self.page.contact_id and self.stack.currentWidget() is self.page else []
        self.composer_dialog.open_for(people)

    def edit_entry(self, interaction_id: int) -> None:
        try:
            entry = self.journal.interactions.get(interaction_id)
            notes = meeting_notes(self.journal, entry)
        except AppError as error:
            self.show_error(error)
            return
        self.composer_dialog.form.edit(entry, *notes)
        self.composer_dialog.setWindowTitle("Edit interaction")
        self.composer_dialog.show()
        self.composer_dialog.form.note.setFocus()

    def delete_entry(self, interaction_id: int) -> None:
        try:
            entry = self.journal.interactions.get(interaction_id)
        except AppError as error:
            self.show_error(error)
            return
        if self.push(undo.DeleteInteraction(self.journal, self.apply_changes, entry)):
            self.statusBar().showMessage("Interaction deleted. Ctrl+Z brings it back.", 5000)

    def _profile_edited(self, contact_id: int, name: str, before: Any, after: Any) -> None:
        self.push(undo.EditProfile(self.journal, self.apply_changes, contact_id, name, before, after))

    def _commitment_toggled(self, commitment_id: int, done: bool) -> None:
        before = None if done else self.as_of
        after = self.as_of if done else None
        QTimer.singleShot(0, lambda: self.push(
            undo.SetCommitmentDone(self.journal, self.apply_changes, commitment_id, before, after)
        ))

    def record_without_meeting(self, kind: str) -> None:
        """A favour, promise or ask for the open person with no interaction (one undoable step)."""
        cid = self.page.contact_id
        if cid is None or self.stack.currentWidget() is not self.page:
            self.statusBar().showMessage("Open a person first.", 5000)
            return
        name = self.directory.name_of(cid)
        ledger, day = self.journal.ledger, self.as_of
        if kind == "favour":
            ways = {f"I helped {name}": "given", f"{name} helped me": "received"}
            way, ok = QInputDialog.getItem(self, "Record a favour", "Who helped whom?", list(ways), 0, False)
            what, ok2 = QInputDialog.getText(self, "Record a favour", "What was the favour?") if ok else ("", False)
            if not (ok2 and what.strip()):
                return
            label = f"Favour: {what.strip()[:40]}"
            add = lambda: ledger.add_favour(cid, ways[way], what.strip(), day)  # noqa: E731
        elif kind == "commitment":
            owners = {"I promised": "mine", f"{name} promised": "theirs"}
            owner, ok = QInputDialog.getItem(self, "Record a promise", "Whose promise?", list(owners), 0, False)
            text, ok2 = QInputDialog.getText(self, "Record a promise", "What was promised?") if ok else ("", False)
            if not (ok2 and text.strip()):
                return
            label = f"Promise: {text.strip()[:40]}"
            add = lambda: ledger.add_commitment(cid, owners[owner], text.strip(), day)  # noqa: E731
        else:
            what, ok = QInputDialog.getText(self, "Record an ask", f"What did you ask of {name}?")
            if not (ok and what.strip()):
                return
            label = f"Ask: {what.strip()[:40]}"
            add = lambda: ledger.add_ask(cid, what.strip(), day)  # noqa: E731
        if self.push(undo.AddLedgerEntry(self.journal, self.apply_changes, kind, label, add)):
            self.statusBar().showMessage(f"{label}. Ctrl+Z undoes it.", 5000)

    def record_ask_outcome(self) -> None:
        """Pick one of the open person's open asks and say how they answered (undoable)."""
        from relationship_journal.journal.vocabulary import ASK_OUTCOMES

        cid = self.page.contact_id
        if cid is None or self.stack.currentWidget() is not self.page:
            self.statusBar().showMessage("Open a person first, then record how they answered an ask.", 5000)
            return
        try:
            asks = [a for a in self.journal.ledger.asks(cid) if a.outcome == "open"]
        except AppError as error:
            self.show_error(error)
            return
        name = self.directory.name_of(cid)
        if not asks:
            self.statusBar().showMessage(f"No open ask of yours is waiting on {name}.", 5000)
            return
        labels = [f"{a.date:%d %b %Y} · {a.what}" for a in asks]
        chosen, ok = QInputDialog.getItem(self, "Record an ask's outcome", f"Which ask did {name} answer?",
                                          labels, 0, False)
        if not ok:
            return
        ask = asks[labels.index(chosen)]
        outcomes = [o for o in ASK_OUTCOMES if o != "open"]
        outcome, ok = QInputDialog.getItem(self, "Record an ask's outcome", f"“{ask.what}”: how did it go?",
                                           outcomes, 0, False)
        if ok:
            self.resolve_ask(ask.id, ask.what, outcome)

    def resolve_ask(self, ask_id: int, what: str, outcome: str) -> None:
        """How they answered an ask (from Ctrl+K or the Overview's asks card), as one undoable step."""
        if self.push(undo.ResolveAsk(self.journal, self.apply_changes, ask_id, what, outcome, self.as_of)):
            self.statusBar().showMessage(f"Ask recorded as {outcome}. Ctrl+Z undoes it.", 5000)

    def new_contact(self) -> None:
        dialog = NewContactDialog(self)
        if dialog.exec() != NewContactDialog.DialogCode.Accepted:
            return
        step = undo.AddContact(self.journal, self.apply_changes, dialog.fields())
        if not self.push(step):
            return
        created = step.created
        assert created is not None
        self.show_contact(created)
        self.page.tabs.setCurrentIndex(2)
        self.statusBar().showMessage(f"Added {dialog.fields().display_name}.", 5000)

    # --- bulk actions --------------------------------------------------------------------
    def _bulk(self, label: str, action: Any) -> None:
        ids = self.contact_list.selected_ids()
        if not ids:
            return
        noun = f"{len(ids)} people" if len(ids) > 1 else "1 person"
        if self.push(undo.SnapshotStep(self.journal, self.apply_changes, f"{label} ({noun})", ids,
                                       lambda: action(ids))):
            self.statusBar().showMessage(f"{label}: {noun}. Ctrl+Z undoes it.", 6000)

    def bulk_circle(self) -> None:
        names = [f"{CIRCLE_NAMES[c]} ({c})" for c in CIRCLES]
        choice, ok = QInputDialog.getItem(self, "Set circle", "Move the selected people to:", names, 3, False)
        if ok:
            circle = CIRCLES[names.index(choice)]
            self._bulk(f"Set circle to {CIRCLE_NAMES[circle]}",
                       lambda ids: self.journal.contacts.set_circle(ids, circle))

    def bulk_add_tag(self) -> None:
        tag, ok = QInputDialog.getText(self, "Add tag", "Tag the selected people with:")
        if ok and tag.strip():
            self._bulk(f"Add tag “{tag.strip()}”", lambda ids: self.journal.contacts.add_tag(ids, tag))

    def bulk_remove_tag(self) -> None:
        tags = self.journal.contacts.tags()
        if not tags:
            self.statusBar().showMessage("There are no tags yet.", 4000)
            return
        tag, ok = QInputDialog.getItem(self, "Remove tag", "Remove this tag from the selected people:",
                                       tags, 0, False)
        if ok:
            self._bulk(f"Remove tag “{tag}”", lambda ids: self.journal.contacts.remove_tag(ids, tag))

    def bulk_archive(self) -> None:
        self._bulk("Archive", lambda ids: self.journal.contacts.set_archived(ids, True))

    def bulk_delete(self) -> None:
        ids = self.contact_list.selected_ids()
        if not ids:
            return
        answer = QMessageBox.question(
            self, "Delete contacts",
            f"Delete {len(ids)} {'person' if len(ids) == 1 else 'people'} and their history?\n"
            "Entries shared with others stay on their timelines. You can undo this with Ctrl+Z.",
        )
        if answer == QMessageBox.StandardButton.Yes:
            self._bulk("Delete", lambda chosen: self.journal.contacts.delete(chosen))

    def merge_selected(self) -> None:
        ids = self.contact_list.selected_ids()
        if len(ids) != 2:
            self.statusBar().showMessage("Select exactly two people to merge (Ctrl+click).", 5000)
            return
        from relationship_journal.gui.merge_dialog import MergeDialog

        names = {cid: self.directory.name_of(cid) for cid in ids}
        people = [(self.journal.contacts.get(cid), len(self.journal.interactions.for_contact(cid))) for cid in ids]
        dialog = MergeDialog(people, self)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        keep, duplicate = dialog.chosen()
        if self.push(undo.SnapshotStep(self.journal, self.apply_changes, f"Merge {names[duplicate]} into "
                                       f"{names[keep]}", [keep, duplicate],
                                       lambda: merge_contacts(self.journal, keep, duplicate))):
            self.show_contact(keep)
            self.statusBar().showMessage(f"Merged {names[duplicate]} into {names[keep]}. Ctrl+Z undoes it.", 6000)

    # --- other work ----------------------------------------------------------------------
    def load_demo(self) -> None:
        if self.journal.contacts.count(include_archived=True):
            self.statusBar().showMessage("The demo network only goes into an empty journal.", 6000)
            return
        journal = self.journal

        def work(progress: Progress) -> int:
            from relationship_journal.demo import generate

            progress.step("Creating the demo network…")
            rows = generate(journal, contacts=150, progress=lambda message: progress.step(message))
            return len(rows.contacts)

        def done(count: int) -> None:
            self.statusBar().showMessage(f"Demo network loaded: {count} people.", 6000)
            self.load_contacts()

        Operation(self, work, done, self.show_error, title="Loading the demo network").run()

    def import_contacts(self) -> None:
        paths, _filter = QFileDialog.getOpenFileNames(
            self, "Import contacts", self.settings.last_folder, "Contacts (*.vcf *.vcard *.csv);;All files (*)")
        if paths:
            from pathlib import Path

            self.settings.last_folder = str(Path(paths[0]).parent)
            self.import_files(paths)

    def import_files(self, paths: list[str]) -> None:
        """Read in the background, preview, then write one undoable batch (gui/import_dialog.py)."""
        from relationship_journal.gui.import_dialog import ImportFlow

        self._import_flow = ImportFlow(self, self.journal, list(paths), self.undo_stack,
                                       self._imported, self.show_error)
        self._import_flow.start()

    def _imported(self, changes: Changes) -> None:
        if len(changes.contacts) > SMALL_CHANGE or self.contact_list.model.rowCount() == 0:
            self._dashboard_stale = True
            self.load_contacts()
        else:
            self.apply_changes(changes)

    # --- drag and drop: a .vcf or .csv dropped on the window is imported ---------------
    def dragEnterEvent(self, event) -> None:  # type: ignore[no-untyped-def]
        if self._dropped_paths(event.mimeData()):
            event.acceptProposedAction()

    def dropEvent(self, event) -> None:  # type: ignore[no-untyped-def]
        paths = self._dropped_paths(event.mimeData())
        if paths:
            event.acceptProposedAction()
            self.import_files(paths)

    @staticmethod
    def _dropped_paths(mime) -> list[str]:  # type: ignore[no-untyped-def]
        from relationship_journal.gui.import_dialog import contact_file_paths

        return contact_file_paths(mime)

    def export_pdf(self) -> None:
        if self.page.contact_id is None:
            self.statusBar().showMessage("Open a person first, then export their brief.", 5000)
            return
        from relationship_journal.gui.report_runner import ask_pdf_path

        name = self.directory.name_of(self.page.contact_id)
        path = ask_pdf_path(self, "Export brief as PDF", f"{name} brief.pdf")
        if path:
            self.export_brief(self.page.contact_id, path)

    def export_brief(self, contact_id: int, path: str) -> None:
        journal, as_of = self.journal, self.as_of

        def work(progress: Progress) -> str:
            from relationship_journal.gui.report_runner import write_brief

            return write_brief(journal, contact_id, path, as_of, progress.step)

        self._write_pdf(work, path, "Writing the PDF")

    def export_contacts(self) -> None:
        from relationship_journal.gui.export_dialog import export_from_window

        export_from_window(self)

    def export_network_report(self) -> None:
        from relationship_journal.gui.report_runner import ask_pdf_path, write_network

        path = ask_pdf_path(self, "Network report as PDF", f"Network report {self.as_of.isoformat()}.pdf")
        if path:
            journal, as_of = self.journal, self.as_of
            self._write_pdf(lambda progress: write_network(journal, path, as_of, progress.step), path,
                            "Writing the network report")

    def export_period_review(self) -> None:
        from relationship_journal.gui.report_runner import (
            ask_pdf_path,
            ask_review_period,
            write_review,
        )

        period = ask_review_period(self, self.as_of)
        if period is None:
            return
        start, end = period
        path = ask_pdf_path(self, "Period review as PDF", f"Review {start.isoformat()} to {end.isoformat()}.pdf")
        if path:
            journal = self.journal
            self._write_pdf(lambda progress: write_review(journal, path, start, end, progress.step), path,
                            "Writing the period review")

    def _write_pdf(self, work: Any, path: str, title: str) -> None:
        """On the worker, behind a progress dialog with Cancel; then offer Open / Show in folder."""

        def done(where: str) -> None:
            self.statusBar().clearMessage()  # the lasting "Saved … [Open] [Show in folder]" says it
            self.saved_file.show_file(path, where.rsplit("/", 1)[-1])

        Operation(self, work, done, self.show_error, title=title).run()

    def open_preferences(self) -> None:
        try:
            from relationship_journal.gui.dialogs.preferences import PreferencesDialog
        except ImportError:
            self.statusBar().showMessage("Preferences are not available in this build.", 4000)
            return
        from relationship_journal.gui.dialogs.backups_page import BackupsPage

        dialog = PreferencesDialog(self.settings, self.journal, self)
        backups = BackupsPage(self.journal.paths, close_journal=self.release_journal,
                              reopen_journal=self.reopen_journal)
        backups.restored.connect(self._restored)
        dialog.backups_page = backups  # type: ignore[attr-defined]
        self.today.add_preferences(dialog)
        dialog.add_page("Backups", backups)
        self.preferences_dialog: PreferencesDialog | None = dialog
        try:
            if dialog.exec():
                self.set_theme(self.settings.theme)
                if dialog.cadences_changed:
                    self.apply_cadences()
        finally:
            self.preferences_dialog = None

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

    # --- user-tuned cadences -------------------------------------------------------------
    def apply_cadences(self) -> None:
        """The journal's circle cadences changed: every figure is recomputed with them.

        They live in the journal (`journal.preferences`), where the reports and the
        command line read them too; the window only asks the model to read them again.
        """
        self._absorb_own_writes()  # the window's own write: no second reload as if from outside
        self.journal.health.refresh_params()
        self.recompute_health()

    def adopt_legacy_cadences(self) -> bool:
        """Once: move cadences an older version kept in the settings file into the journal.

        Only into a journal that has none of its own; the file's copy is forgotten once
        the journal holds the choice (or already had one), so this never runs twice.
        True if the journal's cadences changed.
        """
        if not self.settings.has_legacy_cadences():
            return False

        legacy = self.settings.legacy_cadences()
        preferences = self.journal.preferences
        try:
            adopted = bool(legacy) and not preferences.circle_cadences()
            if adopted:
                preferences.set_circle_cadences(legacy)
        except AppError:
            return False  # the file cannot be written now: try again at the next start
        self.settings.forget_legacy_cadences()
        return adopted and bool(preferences.circle_cadences())

    def recompute_health(self) -> None:
        """Every figure that depends on the model: list bars and filters, the page, the dashboard."""
        self.load_network()
        self.page.refresh()
        self._refresh_dashboard()

    def _refresh_dashboard(self) -> None:
        self._dashboard_stale = True
        if self.dashboard is not None and self.stack.currentWidget() is self.dashboard:
            self._dashboard_stale = False
            self.dashboard.refresh(self.as_of)

    # --- background checks: today's backup, and writes made by the command line ----------
    def start_background_checks(self) -> None:
        """Take today's backup off the GUI thread, and start watching for others' writes."""

        database = self.journal.database

        def backed_up(_written: Any) -> None:
            self.backup_problem.hide()

        def backup_failed(error: BaseException) -> None:
            self.backup_problem.setStyleSheet(f"color: {theme.colours().bands['cold']};")
            self.backup_problem.setText(f"Today's backup could not be made: {error}")
            self.backup_problem.setToolTip("Your work is saved in the journal as usual; only the "
                                           "daily copy in the backups folder is missing.")
            self.backup_problem.show()

        database.defer_daily_backup()  # else the first read through the engine takes it, here
        Operation(self, lambda _progress: database.ensure_daily_backup(), backed_up, backup_failed).run()
        if self._external is None:
            self._external = files.watch_changes(self.journal)
        self._external_timer.start()

    def stop_background_checks(self) -> None:
        self._external_timer.stop()
        if self._external is not None:
            self._external.close()
            self._external = None

    def _absorb_own_writes(self) -> None:
        """This window's own write (or full reload) is already on screen: no second reload."""
        if self._external is not None:
            self._external.changed()

    def check_external_changes(self) -> bool:
        """Polled on a timer: after another process wrote, reload what the window shows.

        Not while the person is typing in a profile field: the reload would overwrite the
        words not yet saved, so it waits for the next tick after they leave the field.
        """
        if self._external is not None and self._external.changed():
            self._external_pending = True
        focus = QApplication.focusWidget()
        if not self._external_pending or (focus is not None and self.page.profile.isAncestorOf(focus)):
            return False
        self._external_pending = False
        self.refresh_all()
        self.statusBar().showMessage("Updated with changes made outside this window.", 4000)
        return True

    def refresh_all(self) -> None:
        """Reload every view from the file, staying on the view the person is looking at."""
        self._shared_network = None  # another process (or a restore) wrote: read it again
        self.journal.health.refresh_params()  # the file may hold other cadences now (a restore)
        self._dashboard_stale = True
        self.load_contacts(keep_view=True)
        self._refresh_dashboard()
        if self.stack.currentWidget() is self.timeline:
            self.timeline.refresh()
        self.today.changed(Changes())

    # --- restoring a backup: the window lets go of the file, then takes the new one ------
    def release_journal(self) -> None:
        """Close every connection this window holds, so the file can be replaced."""
        wait_for_all(10000)  # a background read or write finishes first
        self._external_timer.stop()
        if self._external is not None:
            self._external.close()
            self._external = None
        self.journal.close()

    def reopen_journal(self) -> None:
        """Open the (possibly restored) file again: checked, and upgraded if it is older."""
        try:
            files.reopen(self.journal)
        except AppError as error:
            self.show_error(error)
            return
        self.start_background_checks()

    def _restored(self, _source: str) -> None:
        """Everything on screen came from the old file: start again from the restored one."""
        self.undo_stack.clear()  # the restored file has a history of its own
        self.refresh_all()
        self.timeline.refresh()

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
        if draft.get("editing"):
            try:
                form.editing = self.journal.interactions.get(int(draft["editing"]))
            except (JournalError, ValueError):
                form.editing = None
        self.composer_dialog.open_for(form.people)
        when = str(draft.get("saved_at", "")).replace("T", " ")
        self.statusBar().showMessage(
            f"Restored an unsaved draft from {when} — the app closed before it was saved.", 15000)
        self.restored_draft = True
        return True

