"""A report laid out on a worker never sends Qt's font messages to a Python handler.

Such a message is logged while the worker holds Qt's font database lock; a Python
handler then waits for the GIL, which the GUI thread holds while waiting for that lock
to size a label: the window froze while writing the network report. These tests hold
the filter that keeps those messages from any handler, on every path that makes a
QApplication or lays out a report.
"""

from __future__ import annotations

from PySide6.QtCore import QLoggingCategory


def _font_categories_silent() -> bool:
    categories = [
        QLoggingCategory(name)
        for name in ("qt.text.font.db", "qt.text.font.engine", "qt.qpa.fonts")
    ]
    return not any(
        c.isDebugEnabled() or c.isInfoEnabled() or c.isWarningEnabled() or c.isCriticalEnabled()
        for c in categories
    )


def test_laying_out_a_report_silences_font_messages_whoever_made_the_app(qapp) -> None:
    import relationship_journal.reports.paged  # noqa: F401 - importing it sets the filter

    assert _font_categories_silent()


def test_the_window_application_silences_font_messages(qapp) -> None:
    QLoggingCategory.setFilterRules("")  # as a fresh process that has laid out nothing yet
    assert not _font_categories_silent()
    from relationship_journal.gui.app import application

    application()
    assert _font_categories_silent()
