"""Ctrl+Z and Ctrl+Shift+Z reach the journal's undo stack unless the field has its own undo.

A text field claims the undo keys for itself even when it has nothing to undo (an empty
search box, the composer's "Add a person…" after a save), so "Ctrl+Z undoes it" did
nothing. This filter lets the key through to the window's Undo/Redo actions whenever
the focused field has no typing of its own to take back.
"""

from __future__ import annotations

import shiboken6
from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QKeyEvent, QKeySequence
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QLineEdit,
    QPlainTextEdit,
    QTextEdit,
    QWidget,
)


def field_can(widget: QObject, redo: bool) -> bool:
    """True if the text field has typing of its own to undo (or redo)."""
    if isinstance(widget, QComboBox) and (line_edit := widget.lineEdit()) is not None:
        widget = line_edit
    if isinstance(widget, QAbstractSpinBox):
        widget = widget.findChild(QLineEdit) or widget
    if isinstance(widget, QLineEdit):
        return widget.isRedoAvailable() if redo else widget.isUndoAvailable()
    if isinstance(widget, QTextEdit | QPlainTextEdit):
        document = widget.document()
        return document.isRedoAvailable() if redo else document.isUndoAvailable()
    return True  # not a text field: leave its keys alone


def is_redo(event: QKeyEvent) -> bool | None:
    """True for a redo key, False for undo, None for anything else."""
    if event.matches(QKeySequence.StandardKey.Redo) or QKeySequence(event.keyCombination()) in (
        QKeySequence("Ctrl+Shift+Z"),
        QKeySequence("Ctrl+Y"),
    ):
        return True
    if event.matches(QKeySequence.StandardKey.Undo):
        return False
    return None


class UndoKeysFallThrough(QObject):
    """Watches the shortcut overrides of whichever widget of the window has the keyboard.

    Not an application-wide filter: that one is called from C++ for every event of every
    widget, and each call takes the GIL, which a worker computing the network's health
    hands over only after a wait. Following the focus, it sees one widget's events.
    """

    def __init__(self, window: QWidget) -> None:
        super().__init__(window)
        self._window = window
        self._watched: QWidget | None = None
        app = QApplication.instance()
        if isinstance(app, QApplication):
            app.focusChanged.connect(self._focus_changed)
            self._focus_changed(None, app.focusWidget())

    def _focus_changed(self, _old: QWidget | None, new: QWidget | None) -> None:
        if self._watched is not None and shiboken6.isValid(self._watched):
            self._watched.removeEventFilter(self)
        self._watched = new if new is not None and new.window() is self._window else None
        if self._watched is not None:
            self._watched.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        if event.type() != QEvent.Type.ShortcutOverride or not isinstance(event, QKeyEvent):
            return False
        redo = is_redo(event)
        if redo is None or not isinstance(watched, QWidget) or watched.window() is not self._window:
            return False
        if field_can(watched, redo):
            return False
        event.ignore()  # not claimed by the field: the window's Undo/Redo shortcut runs
        return True
