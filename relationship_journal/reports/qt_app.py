"""A Qt application object for headless report rendering (the `report` command, tests).

Charts are drawn with pyqtgraph's graphics items, which need a QApplication; fonts
and the PDF writer need at least a QGuiApplication. On Linux we use Qt's offscreen
platform unless told otherwise, so the command works over SSH, in CI and under cron.
"""

from __future__ import annotations

import os
import sys


def ensure_qt_app() -> object:
    """Return the running QApplication, creating an offscreen one if there is none."""
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance()
    if app is not None:
        return app
    if sys.platform.startswith(("linux", "freebsd")):
        # A PDF needs no screen; a stale $DISPLAY (an old SSH session) would abort Qt.
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    quiet_font_messages()
    return QApplication([sys.argv[0] if sys.argv else "relationship-journal"])


def quiet_font_messages() -> None:
    """Keep Qt's font messages from reaching any Python message handler.

    A worker laying out a report logs them (e.g. "OpenType support missing for …, script
    11") while it holds Qt's font database lock; a Python handler then waits for the GIL,
    which the GUI thread holds while it waits for that same lock to size a label: the
    window froze. Filtered by category, they never reach a handler. They are noise to a
    user anyway: a name in a script no installed font covers prints as boxes.
    """
    from PySide6.QtCore import QLoggingCategory

    QLoggingCategory.setFilterRules("qt.text.font.*=false\nqt.qpa.fonts=false")
