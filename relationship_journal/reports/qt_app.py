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
    from PySide6.QtCore import QLoggingCategory

    # A name in a script no installed font covers prints as boxes; say nothing per glyph.
    QLoggingCategory.setFilterRules("qt.text.font.db=false")
    return QApplication([sys.argv[0] if sys.argv else "relationship-journal"])
