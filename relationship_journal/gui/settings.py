"""The app's own preferences, kept apart from the journal in the config folder.

A small typed wrapper around QSettings (INI format, in `resolve_paths().config_dir`)
so every window reads and writes the same keys with the same types, and nothing
scatters string keys and `type=` conversions through the widgets. The file is
private (0600) like everything else the app writes.
"""

from __future__ import annotations

from pathlib import Path
from typing import Literal

from PySide6.QtCore import QByteArray, QSettings, Qt
from PySide6.QtGui import QGuiApplication

from relationship_journal.health.parameters import DEFAULTS
from relationship_journal.journal.vocabulary import CIRCLES
from relationship_journal.paths import ensure_private_dir, make_private, resolve_paths

SETTINGS_FILE_NAME = "settings.ini"
Theme = Literal["light", "dark", "system"]
THEMES: tuple[Theme, ...] = ("light", "dark", "system")
# The health model's cadence per Dunbar layer: one table, read from the model itself.
BUILT_IN_CADENCES: dict[int, int] = dict(DEFAULTS.cadence_days)
MIN_CADENCE_DAYS = 1
MAX_CADENCE_DAYS = 3650


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
        return value if value in THEMES else "system"  # type: ignore[return-value]

    @theme.setter
    def theme(self, value: Theme) -> None:
        if value not in THEMES:
            raise ValueError(f"theme must be one of {', '.join(THEMES)} (got {value!r})")
        self._set("appearance/theme", value)

    def effective_theme(self) -> Literal["light", "dark"]:
        """The theme to paint with: 'system' follows the desktop's colour scheme."""
        return resolve_theme(self.theme)

    # -- cadences ---------------------------------------------------------------
    def default_cadence(self, circle: int) -> int:
        """Days between contacts expected for a new contact in `circle`."""
        if circle not in CIRCLES:
            raise ValueError(f"circle must be one of {', '.join(map(str, CIRCLES))}")
        raw = self._qsettings.value(f"cadences/circle_{circle}", BUILT_IN_CADENCES[circle])
        try:
            days = int(raw)  # type: ignore[call-overload]
        except (TypeError, ValueError):
            return BUILT_IN_CADENCES[circle]
        return days if MIN_CADENCE_DAYS <= days <= MAX_CADENCE_DAYS else BUILT_IN_CADENCES[circle]

    def set_default_cadence(self, circle: int, days: int) -> None:
        if circle not in CIRCLES:
            raise ValueError(f"circle must be one of {', '.join(map(str, CIRCLES))}")
        if not MIN_CADENCE_DAYS <= days <= MAX_CADENCE_DAYS:
            raise ValueError(f"cadence must be {MIN_CADENCE_DAYS}-{MAX_CADENCE_DAYS} days")
        if days == BUILT_IN_CADENCES[circle]:  # follow the model, even if a later version retunes it
            self._qsettings.remove(f"cadences/circle_{circle}")
            self.sync()
        else:
            self._set(f"cadences/circle_{circle}", int(days))

    def default_cadences(self) -> dict[int, int]:
        return {circle: self.default_cadence(circle) for circle in CIRCLES}

    def cadence_override(self, circle: int) -> int | None:
        """The `cadence_days` to store on a new contact in `circle`.

        None while the preference equals the model's own cadence, so such contacts keep
        following the model's table; the chosen days once the user has changed it.
        The main window does not store it: it applies the preferences to everyone without
        a cadence of their own through `journal.health.params` (MainWindow.apply_cadences),
        and storing it as well would pin new people to the value of the day.
        """
        days = self.default_cadence(circle)
        return None if days == BUILT_IN_CADENCES[circle] else days

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
