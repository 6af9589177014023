"""Starting the desktop app: the QApplication, the theme, the journal and the window.

`run_app` is what `relationship-journal` with no command (or with contact files, as a
double-click on a .vcf starts it) calls; `create_window` builds the same window for the
tests and the `screenshot` command.
"""

from __future__ import annotations

import datetime as dt
import gc
import os
import sys
import threading
from collections.abc import Callable, Sequence
from pathlib import Path
from types import TracebackType
from typing import Any

from PySide6.QtCore import QAbstractEventDispatcher, QCoreApplication, QEvent, QObject, Qt, QThread
from PySide6.QtGui import QFileOpenEvent
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from relationship_journal import APP_ID, APP_NAME, __version__
from relationship_journal.gui import theme
from relationship_journal.gui.main_window import MainWindow
from relationship_journal.gui.resources import app_icon
from relationship_journal.gui.settings import AppSettings
from relationship_journal.journal import pacing
from relationship_journal.journal.core import Journal
from relationship_journal.journal.health_inputs import collect_before_pausing
from relationship_journal.paths import resolve_paths
from relationship_journal.reports.qt_app import quiet_font_messages

GIL_SWITCH_INTERVAL_S = 0.00005


def application() -> QApplication:
    """The one QApplication (created on first call), named and iconed.

    It also shortens the interpreter's thread switch interval. Every Qt virtual call on a
    widget made from Python (a layout asking a size, an event filter) takes the GIL, and
    while a worker computes in Python each of those waits up to the interval (5 ms by
    default) for the worker to hand it over: laying out a page beside the network's health
    kept the GUI thread from its events for 1.35 s; at 1 ms, 0.56 s; at 50 us (with far
    fewer Python calls per key), about 0.1 s (bench/typing_bench.py). A shorter interval
    costs the worker nothing while the GUI thread is idle: it only matters when both want it.
    """
    sys.setswitchinterval(GIL_SWITCH_INTERVAL_S)
    collect_before_pausing()  # a window runs for hours: see its docstring
    app = QApplication.instance()
    if app is None:
        QCoreApplication.setAttribute(Qt.ApplicationAttribute.AA_DontShowIconsInMenus, False)
        app = QApplication(sys.argv[:1])
    quiet_font_messages()  # before any worker lays out text: see its docstring
    assert isinstance(app, QApplication)
    app.setApplicationName(APP_NAME)
    app.setApplicationDisplayName(APP_NAME)
    app.setApplicationVersion(__version__)
    app.setOrganizationName("relationship-journal")
    app.setDesktopFileName(APP_ID)
    app.setWindowIcon(app_icon())
    _pace_background_work(app)
    return app


def _pace_background_work(app: QApplication) -> None:
    """Background readings pause while this thread handles events (journal.pacing): even
    at a short switch interval, a worker computing in Python made each of a repaint's
    hundreds of calls into Python wait its turn. The first event after a sleep marks the
    thread busy (the dispatcher's `awake` comes only after the work); `aboutToBlock`, just
    before it sleeps again, marks it idle. Set up once, on the GUI thread."""
    dispatcher = QAbstractEventDispatcher.instance(QThread.currentThread())
    if dispatcher is None or app.findChild(_BusyMarker) is not None:
        return
    app.installEventFilter(_BusyMarker(app))
    dispatcher.aboutToBlock.connect(pacing.window_idle)
    pacing.attach_window(threading.current_thread())


class _BusyMarker(QObject):
    """Tells journal.pacing that the GUI thread is handling an event."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt's name)
        pacing.window_busy()
        return False


def create_window(data_dir: str | os.PathLike[str] | None = None, as_of: dt.date | None = None,
                  theme_name: str | None = None, config_dir: Path | None = None) -> MainWindow:
    """Open the journal and build the main window (not yet shown)."""
    app = application()
    journal = Journal.open(data_dir)
    journal.health.keep_readings = True  # the next window on the same state starts at once
    settings = AppSettings(config_dir or journal.paths.config_dir)
    theme.apply_theme(app, theme_name or settings.theme)
    window = MainWindow(journal, settings, as_of=as_of)
    window.destroyed.connect(journal.close)
    # The modules, classes and widgets made so far live as long as the window: out of
    # every later collection, the one before each background load (health_inputs.gc_paused)
    # walks only what is new. It walked them all at the first load, on a worker, holding
    # the interpreter's lock: the window could not run a line of Python for 25-50 ms.
    gc.freeze()
    return window


# Only macOS sends FileOpen; elsewhere an application-wide filter would only cost a
# Python call (and the GIL) for every event of every widget.
FILE_OPEN_EVENTS = sys.platform == "darwin"


class FileOpenFilter(QObject):
    """macOS hands a double-clicked .vcf to the running app as a FileOpen event: import it."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self._window = window

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        if event.type() == QEvent.Type.FileOpen and isinstance(event, QFileOpenEvent):
            from relationship_journal.gui.import_dialog import CONTACT_SUFFIXES

            path = event.file()
            if path.lower().endswith(CONTACT_SUFFIXES):
                self._window.import_files([path])
                return True
        return super().eventFilter(watched, event)


def install_crash_hook(data_dir: str | os.PathLike[str] | None,
                       parent: Callable[[], QWidget | None] = lambda: None) -> Callable[..., Any]:
    """Make an unexpected error in the running window a saved report and a message box.

    Qt calls Python slots from its event loop: an exception there only reaches
    `sys.excepthook`, whose default prints a traceback no one sees. Returns the hook it
    replaced, for the caller to put back.
    """
    from relationship_journal import crash

    previous = sys.excepthook

    def hook(kind: type[BaseException], error: BaseException, trace: TracebackType | None) -> None:
        if not isinstance(error, Exception):  # KeyboardInterrupt and the like: as before
            previous(kind, error, trace)
            return
        if error.__traceback__ is None and trace is not None:
            error = error.with_traceback(trace)
        path = crash.write_report(crash.compose_report(f"{APP_NAME} hit an unexpected problem.", error),
                                  data_dir)
        where = f"A report was saved in:\n{path}" if path else "The report could not be saved."
        print(f"relationship-journal: {crash.describe_error(error)}", file=sys.stderr)
        QMessageBox.critical(
            parent(), APP_NAME,
            f"Something went wrong: {crash.describe_error(error)}\n\n{where}\n\n"
            "The report holds no journal text, so it can be attached to a bug report.",
        )

    sys.excepthook = hook
    return previous


def run_app(data_dir: str | os.PathLike[str] | None = None, open_files: Sequence[str] = (),
            in_tray: bool = False) -> int:
    """Open the window and run until it closes; returns the exit code.

    One window per journal: a second start brings the first window forward (handing it
    `open_files` to import) and exits. An encrypted journal asks for its passphrase
    first; a damaged one is met with the offer to restore the newest intact backup.
    `in_tray` (a start with the session) keeps the window hidden behind the tray icon,
    or minimised where there is no tray.
    """
    from relationship_journal.gui import worker
    from relationship_journal.gui.dialogs.backups_page import offer_restore_after_damage
    from relationship_journal.gui.dialogs.unlock import unlock_journal
    from relationship_journal.gui.single_instance import bring_forward, claim_window
    from relationship_journal.journal.errors import StoreError

    app = application()
    paths = resolve_paths(data_dir)
    files = tuple(str(Path(f).absolute()) for f in open_files)
    guard = claim_window(paths.data_dir, files=files)
    if guard is None:
        return 0
    try:
        if not unlock_journal(paths.database):
            return 0
        try:
            window = create_window(data_dir)
        except StoreError as error:
            if not offer_restore_after_damage(paths, error):
                return 1
            window = create_window(data_dir)
        window.instance_guard = guard
        guard.activation_requested.connect(lambda: bring_forward(window))
        guard.files_requested.connect(window.import_files)
        if FILE_OPEN_EVENTS:
            app.installEventFilter(FileOpenFilter(window))  # a child of the window: gone with it
        if not in_tray:
            window.show()
        elif not window.today.reminders.has_tray:
            window.showMinimized()
        window.restore_draft()
        window.start_background_checks()
        if files:
            window.import_files(list(files))
        previous_hook = install_crash_hook(data_dir, lambda: window)
        try:
            code = app.exec()
        finally:
            sys.excepthook = previous_hook
        worker.wait_for_all()  # a job still running would report into deleted objects
        window.journal.close()
        return code
    finally:
        guard.release()
