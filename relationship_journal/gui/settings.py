"""The app's own preferences, kept apart from the journal in the config folder.

A small typed wrapper around QSettings (INI format, in `resolve_paths().config_dir`)
so every window reads and writes the same keys with the same types, and nothing
scatters string keys and `type=` conversions through the widgets. The file is
private (0600) like everything else the app writes. Choices that change the journal's
figures (each circle's cadence) are not kept here but in the journal itself
(`journal.preferences`), so the reports and the command line use them too.
"""

from __future__ import annotations

from pathlib import Path
from typing import Literal

from PySide6.QtCore import QByteArray, QSettings, Qt
from PySide6.QtGui import QGuiApplication

from relationship_journal.journal.preferences import MAX_CADENCE_DAYS, MIN_CADENCE_DAYS
from relationship_journal.journal.vocabulary import CIRCLES
from relationship_journal.paths import ensure_private_dir, make_private, resolve_paths

SETTINGS_FILE_NAME = "settings.ini"
Theme = Literal["light", "dark", "system"]
THEMES: tuple[Theme, ...] = ("light", "dark", "system")


class AppSettings:
    """Typed access to the preferences file; each setter writes through at once."""

    def __init__(self, config_dir: Path | None = None) -> None:
        folder = ensure_private_dir(config_dir or resolve_paths().config_dir)
        self.path = folder / SETTINGS_FILE_NAME
        self._qsettings = QSettings(str(self.path), QSettings.Format.IniFormat)

    # -- appearance -------------------------------------------------------------
    @property
    def theme(self) -> Theme:
        value = str(self._qsettings.value("appearance/theme", "system"))
        return value if value in THEMES else "system"

    @theme.setter
    def theme(self, value: Theme) -> None:
        if value not in THEMES:
            raise ValueError(f"theme must be one of {', '.join(THEMES)} (got {value!r})")
        self._set("appearance/theme", value)

    # -- cadences (older versions kept them here; the journal holds them now) ----
    def legacy_cadences(self) -> dict[int, int]:
        """Circle cadences an older version stored in this file, valid ones only.

        The cadences now live in the journal (`journal.preferences`) so the command line
        and the reports use them too; the window copies these across once
        (MainWindow.adopt_legacy_cadences) and then forgets them here.
        """
        chosen: dict[int, int] = {}
        for circle in CIRCLES:
            raw = self._qsettings.value(f"cadences/circle_{circle}", None)
            try:
                days = int(raw)  # type: ignore[call-overload]
            except (TypeError, ValueError):
                continue
            if MIN_CADENCE_DAYS <= days <= MAX_CADENCE_DAYS:
                chosen[circle] = days
        return chosen

    def has_legacy_cadences(self) -> bool:
        return any(key.startswith("cadences/") for key in self._qsettings.allKeys())

    def forget_legacy_cadences(self) -> None:
        self._qsettings.remove("cadences")
        self.sync()

    # -- window state -----------------------------------------------------------
    def window_geometry(self, window: str = "main") -> QByteArray | None:
        return self._bytes(f"windows/{window}_geometry")

    def set_window_geometry(self, data: QByteArray | bytes, window: str = "main") -> None:
        self._set(f"windows/{window}_geometry", data)

    def window_state(self, window: str = "main") -> QByteArray | None:
        """QMainWindow.saveState() output: toolbars and docks."""
        return self._bytes(f"windows/{window}_state")

    def set_window_state(self, data: QByteArray | bytes, window: str = "main") -> None:
        self._set(f"windows/{window}_state", data)

    def splitter_state(self, name: str) -> QByteArray | None:
        return self._bytes(f"splitters/{name}")

    def set_splitter_state(self, name: str, data: QByteArray | bytes) -> None:
        self._set(f"splitters/{name}", data)

    @property
    def last_contact_id(self) -> int | None:
        raw = self._qsettings.value("session/last_contact_id", None)
        try:
            return int(raw) if raw not in (None, "") else None  # type: ignore[call-overload]
        except (TypeError, ValueError):
            return None

    @last_contact_id.setter
    def last_contact_id(self, value: int | None) -> None:
        if value == self.last_contact_id:
            return  # the window reopening where it was: no write (and no wait on the disk)
        if value is None:
            self._qsettings.remove("session/last_contact_id")
            self.sync()
        else:
            self._set("session/last_contact_id", int(value))

    @property
    def last_view(self) -> str:
        """The main window's last view name (e.g. 'contacts', 'dashboard')."""
        return str(self._qsettings.value("session/last_view", "contacts"))

    @last_view.setter
    def last_view(self, value: str) -> None:
        self._set("session/last_view", value)

    @property
    def last_folder(self) -> str:
        """Where the last file was opened or saved: file dialogs start there (else Documents)."""
        from PySide6.QtCore import QStandardPaths

        saved = str(self._qsettings.value("session/last_folder", "") or "")
        if saved and Path(saved).is_dir():
            return saved
        documents = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
        return documents if documents and Path(documents).is_dir() else str(Path.home())

    @last_folder.setter
    def last_folder(self, value: str) -> None:
        self._set("session/last_folder", value)

    # -- reminders (gui/reminders.py) ---------------------------------------------
    @property
    def daily_reminder(self) -> bool:
        """Show a desktop notification summarising Today once a day."""
        return str(self._qsettings.value("reminders/daily", "true")).lower() == "true"

    @daily_reminder.setter
    def daily_reminder(self, value: bool) -> None:
        self._set("reminders/daily", "true" if value else "false")

    @property
    def reminder_time(self) -> str:
        """'HH:MM', the time of day the daily notification is shown (default 09:00)."""
        value = str(self._qsettings.value("reminders/time", "09:00"))
        return value if _is_time(value) else "09:00"

    @reminder_time.setter
    def reminder_time(self, value: str) -> None:
        self._set("reminders/time", value if _is_time(value) else "09:00")

    @property
    def last_reminder_day(self) -> str | None:
        """The day (ISO) the daily notification was last shown, so it shows once a day."""
        value = self._qsettings.value("reminders/last_day", None)
        return str(value) if value else None

    @last_reminder_day.setter
    def last_reminder_day(self, value: str) -> None:
        self._set("reminders/last_day", value)

    # -- plumbing ---------------------------------------------------------------
    def sync(self) -> None:
        """Write to disk now and keep the file private."""
        self._qsettings.sync()
        make_private(self.path)

    def _set(self, key: str, value: object) -> None:
        if isinstance(value, bytes | bytearray):
            value = QByteArray(bytes(value))  # stored as @ByteArray, not a pickled object
        self._qsettings.setValue(key, value)
        self.sync()

    def _bytes(self, key: str) -> QByteArray | None:
        value = self._qsettings.value(key, None)
        if isinstance(value, QByteArray) and not value.isEmpty():
            return value
        if isinstance(value, bytes | bytearray) and value:
            return QByteArray(bytes(value))
        return None


def resolve_theme(choice: str) -> Literal["light", "dark"]:
    """Map a theme choice to light or dark, asking Qt about the desktop for 'system'."""
    if choice in ("light", "dark"):
        return choice  # type: ignore[return-value]
    app = QGuiApplication.instance()
    if isinstance(app, QGuiApplication):
        if app.styleHints().colorScheme() == Qt.ColorScheme.Dark:
            return "dark"
    return "light"


def _is_time(value: str) -> bool:
    hours, _, minutes = value.partition(":")
    return hours.isdigit() and minutes.isdigit() and int(hours) < 24 and int(minutes) < 60
