"""Preferences → Reminders: the daily notification and starting with the session.

Saved when the dialog's OK is pressed (`save`), like the other pages.
"""

from __future__ import annotations

import os

from PySide6.QtCore import QTime
from PySide6.QtWidgets import (
    QCheckBox,
    QFormLayout,
    QGroupBox,
    QLabel,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from relationship_journal import autostart
from relationship_journal.gui.settings import AppSettings


class RemindersPage(QWidget):
    def __init__(
        self,
        settings: AppSettings,
        data_dir: str | os.PathLike[str] | None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._settings = settings
        self._data_dir = data_dir
        layout = QVBoxLayout(self)
        daily = QGroupBox("Daily reminder")
        form = QFormLayout(daily)
        self.daily = QCheckBox("Show a desktop notification with Today's items once a day")
        self.daily.setChecked(settings.daily_reminder)
        form.addRow(self.daily)
        self.time = QTimeEdit()
        self.time.setDisplayFormat("HH:mm")
        hours, minutes = (int(p) for p in settings.reminder_time.split(":"))
        self.time.setTime(QTime(hours, minutes))
        self.time.setEnabled(self.daily.isChecked())
        self.daily.toggled.connect(self.time.setEnabled)
        form.addRow("At:", self.time)
        explain = QLabel(
            "While the app runs, its tray icon shows how many things Today holds. Without a "
            "tray, the notification goes to the desktop's notification service, or to this window."
        )
        explain.setWordWrap(True)
        explain.setObjectName("Muted")
        form.addRow(explain)
        layout.addWidget(daily)

        session = QGroupBox("Starting")
        session_layout = QVBoxLayout(session)
        self.autostart = QCheckBox("Start with my session, in the tray")
        self.autostart.setChecked(autostart.is_enabled())
        self.autostart.setEnabled(autostart.supported())
        note = QLabel(
            "Adds an entry to your desktop's autostart folder (~/.config/autostart)."
            if autostart.supported()
            else "On Windows, put a shortcut to “relationship-journal --in-tray” in the Startup folder "
            "(Win+R, shell:startup); on macOS, add the app to Login Items in System Settings."
        )
        note.setWordWrap(True)
        note.setObjectName("Muted")
        session_layout.addWidget(self.autostart)
        session_layout.addWidget(note)
        layout.addWidget(session)
        layout.addStretch(1)

    def save(self) -> None:
        self._settings.daily_reminder = self.daily.isChecked()
        self._settings.reminder_time = self.time.time().toString("HH:mm")
        if autostart.supported() and self.autostart.isChecked() != autostart.is_enabled():
            if self.autostart.isChecked():
                autostart.enable(self._data_dir)
            else:
                autostart.disable()
