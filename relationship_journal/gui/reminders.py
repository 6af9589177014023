"""Reminders on the desktop while the app runs: a tray icon with the count of Today's
items, and once a day, at the time chosen in Preferences, a notification summarising
them.

Where the notification goes, in order: the tray icon's balloon (QSystemTrayIcon);
without a tray, the desktop's notification service (org.freedesktop.Notifications on
the session bus, which a notification daemon such as dunst provides); without either,
the window itself (a status-bar message that stays, and the taskbar entry asks for
attention). Each notification says which way it went (`last`), for tests and logs.
"""

from __future__ import annotations

import datetime as dt
import os
import shutil
import subprocess
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QFont, QIcon, QPainter, QPixmap
from PySide6.QtWidgets import QApplication, QMenu, QSystemTrayIcon

from relationship_journal import APP_NAME, clock
from relationship_journal.gui.resources import app_icon

if TYPE_CHECKING:
    from relationship_journal.gui.main_window import MainWindow
    from relationship_journal.journal.agenda import TodayAgenda

CHECK_EVERY_MS = 60_000
SHOWN_IN_SUMMARY = 3
NOTIFY_SECONDS = 15


@dataclass(frozen=True)
class Notice:
    channel: str  # tray | desktop | window
    title: str
    body: str


def summary(agenda: TodayAgenda) -> tuple[str, str]:
    """('3 things for today', 'Get in touch with Ann (+11 with a call) · …')."""
    count = len(agenda.items)
    title = f"{count} thing{'s' * (count != 1)} for today" if count else "Nothing needs you today"
    lines = []
    for item in agenda.items[:SHOWN_IN_SUMMARY]:
        gain = item.gain
        extra = ""
        if gain is not None and gain["without"] is not None and gain["shown_gain"] > 0:
            extra = f" (+{gain['shown_gain']} with a {gain['shown_with']})"  # as its card says
        lines.append(item.title + extra)
    if count > SHOWN_IN_SUMMARY:
        lines.append(f"and {count - SHOWN_IN_SUMMARY} more")
    return title, "\n".join(lines)


def badge_icon(base: QIcon, count: int, size: int = 64) -> QIcon:
    """The app icon with the count in a red disc (no disc at 0)."""
    pixmap = base.pixmap(size, size) if not base.isNull() else QPixmap(size, size)
    if base.isNull():
        pixmap.fill(QColor("#3b6fd8"))
    if count <= 0:
        return QIcon(pixmap)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    disc = size // 2 + 4
    painter.setBrush(QColor("#d1495b"))
    painter.setPen(Qt.PenStyle.NoPen)
    painter.drawEllipse(size - disc, 0, disc, disc)
    font = QFont()
    font.setBold(True)
    font.setPixelSize(int(disc * 0.62))
    painter.setFont(font)
    painter.setPen(QColor("#ffffff"))
    painter.drawText(size - disc, 0, disc, disc, Qt.AlignmentFlag.AlignCenter, str(min(count, 99)))
    painter.end()
    return QIcon(pixmap)


def _gvariant_text(value: str) -> str:
    """A GVariant string literal (what `gdbus call` parses)."""
    return "'" + value.replace("\\", "\\\\").replace("'", "\\'") + "'"


def _desktop_notify(title: str, body: str) -> bool:
    """Send to org.freedesktop.Notifications on the session bus; False when there is no
    bus, no notification service, or no way to reach it.

    Through `gdbus` (GLib's tool, on every desktop that runs a notification service):
    PySide's QtDBus cannot send the unsigned and string-array arguments Notify takes.
    """
    gdbus = shutil.which("gdbus")
    if gdbus is None or not os.environ.get("DBUS_SESSION_BUS_ADDRESS"):
        return False
    command = [
        gdbus,
        "call",
        "--session",
        "--dest",
        "org.freedesktop.Notifications",
        "--object-path",
        "/org/freedesktop/Notifications",
        "--method",
        "org.freedesktop.Notifications.Notify",
        _gvariant_text(APP_NAME),
        "0",
        "''",
        _gvariant_text(title),
        _gvariant_text(body),
        "@as []",
        "@a{sv} {}",
        str(NOTIFY_SECONDS * 1000),
    ]
    try:
        result = subprocess.run(command, capture_output=True, text=True, timeout=5, check=False)
    except (OSError, subprocess.TimeoutExpired):
        return False
    return result.returncode == 0


class DesktopReminders(QObject):
    """The tray icon and the daily notification, for one window."""

    notified = Signal(object)  # Notice

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.count = 0
        self.agenda: TodayAgenda | None = None
        self.last: Notice | None = None
        self.tray: QSystemTrayIcon | None = None
        if QSystemTrayIcon.isSystemTrayAvailable():
            self.tray = QSystemTrayIcon(app_icon(), self)
            menu = QMenu(window)
            menu.addAction("Open Today", self.open_today)
            menu.addSeparator()
            menu.addAction("Quit", self.quit)
            self.tray.setContextMenu(menu)
            self.tray.activated.connect(lambda _reason: self.open_today())
            self.tray.setToolTip(APP_NAME)
            self.tray.show()
        self.timer = QTimer(self, interval=CHECK_EVERY_MS)
        self.timer.timeout.connect(self.check_due)
        self.timer.start()

    @property
    def has_tray(self) -> bool:
        return self.tray is not None

    def set_agenda(self, agenda: TodayAgenda) -> None:
        """Today was (re)read: update the count and see whether the day's notice is due."""
        self.agenda = agenda
        self.count = len(agenda.items)
        tip = f"{APP_NAME} — {summary(agenda)[0]}"
        if self.tray is not None:
            self.tray.setIcon(badge_icon(app_icon(), self.count))
            self.tray.setToolTip(tip)
        self.check_due()

    def check_due(self, now: dt.datetime | None = None) -> Notice | None:
        """Show the day's notification once, at or after the chosen time."""
        settings = self.window.settings
        if self.agenda is None or not self.agenda.items or not settings.daily_reminder:
            return None
        now = now or clock.now()
        hours, minutes = (int(part) for part in settings.reminder_time.split(":"))
        if (
            now.time() < dt.time(hours, minutes)
            or settings.last_reminder_day == now.date().isoformat()
        ):
            return None
        settings.last_reminder_day = now.date().isoformat()
        return self.notify(*summary(self.agenda))

    def notify(self, title: str, body: str) -> Notice:
        if self.tray is not None and QSystemTrayIcon.supportsMessages():
            self.tray.showMessage(
                title, body, badge_icon(app_icon(), self.count), NOTIFY_SECONDS * 1000
            )
            channel = "tray"
        elif _desktop_notify(title, body):
            channel = "desktop"
        else:
            self.window.statusBar().showMessage(f"{title}: {body.replace(chr(10), ' · ')}")
            QApplication.alert(self.window)
            channel = "window"
        self.last = Notice(channel, title, body)
        self.notified.emit(self.last)
        return self.last

    def quit(self) -> None:
        """From the tray: the window may be hidden, so closing it alone would not quit."""
        self.window.close()
        QApplication.quit()

    def open_today(self) -> None:
        window = self.window
        window.show()
        window.setWindowState(window.windowState() & ~Qt.WindowState.WindowMinimized)
        window.raise_()
        window.activateWindow()
        window.show_view("today")
