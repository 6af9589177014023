"""Ctrl+Z and Ctrl+Shift+Z reach the journal's undo stack unless the field has its own undo.

A text field claims the undo keys for itself even when it has nothing to undo (an empty
search box, the composer's "Add a person…" after a save), so "Ctrl+Z undoes it" did
nothing. This filter lets the key through to the window's Undo/Redo actions whenever
the focused field has no typing of its own to take back.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QKeyEvent, QKeySequence
from PySide6.QtWidgets import (
    QAbstractSpinBox,
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
    """Installed on the application; looks only at shortcut overrides for the undo keys."""

    def __init__(self, window: QWidget) -> None:
        super().__init__(window)
        self._window = window

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
