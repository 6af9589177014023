"""Starting the desktop app: the QApplication, the theme, the journal and the window.

`run_app` is what `relationship-journal` with no command calls; `create_window` builds
the same window for the tests and the `screenshot` command.
"""

from __future__ import annotations

import datetime as dt
import os
import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QApplication

from relationship_journal import __version__
from relationship_journal.gui import theme
from relationship_journal.gui.main_window import MainWindow
from relationship_journal.gui.resources import app_icon
from relationship_journal.gui.settings import AppSettings
from relationship_journal.journal.core import Journal
from relationship_journal.paths import resolve_paths

APP_NAME = "Relationship Journal"


def application() -> QApplication:
    """The one QApplication (created on first call), named and iconed."""
    app = QApplication.instance()
    if app is None:
        QCoreApplication.setAttribute(Qt.ApplicationAttribute.AA_DontShowIconsInMenus, False)
        app = QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    app.setApplicationName(APP_NAME)
    app.setApplicationDisplayName(APP_NAME)
    app.setApplicationVersion(__version__)
    app.setOrganizationName("relationship-journal")
    app.setDesktopFileName("io.github.relationshipjournal.RelationshipJournal")
    app.setWindowIcon(app_icon())
    return app


def create_window(data_dir: str | os.PathLike[str] | None = None, as_of: dt.date | None = None,
                  theme_name: str | None = None, config_dir: Path | None = None) -> MainWindow:
    """Open the journal and build the main window (not yet shown)."""
    app = application()
    journal = Journal.open(data_dir)
    settings = AppSettings(config_dir or journal.paths.config_dir)
    theme.apply_theme(app, theme_name or settings.theme)
    window = MainWindow(journal, settings, as_of=as_of)
    window.destroyed.connect(journal.close)
    return window


def run_app(data_dir: str | os.PathLike[str] | None = None) -> int:
    """Open the window and run until it closes; returns the exit code.

    One window per journal: a second start brings the first window forward and exits.
    A damaged journal is met with the offer to restore the newest intact backup.
    """
    from relationship_journal.gui.dialogs.backups_page import offer_restore_after_damage
    from relationship_journal.gui.single_instance import bring_forward, claim_window
    from relationship_journal.store.errors import StoreError

    app = application()
    paths = resolve_paths(data_dir)
    guard = claim_window(paths.data_dir)
    if guard is None:
        return 0
    try:
        try:
            window = create_window(data_dir)
        except StoreError as error:
            if not offer_restore_after_damage(paths, error):
                return 1
            window = create_window(data_dir)
        window.instance_guard = guard
        guard.activation_requested.connect(lambda: bring_forward(window))
        window.show()
        window.restore_draft()
        code = app.exec()
        window.journal.close()
        return code
    finally:
        guard.release()
