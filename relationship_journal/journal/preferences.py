"""The journal's own preferences: choices that change its figures, stored in the journal.

The default keep-in-touch cadence per circle, and how far ahead the Fading list looks,
live here rather than in the app's
settings file, so the window, the PDF report and the command line all compute health
with the same cadences (one source for every number). Only the circles the person has
changed are stored; a circle set back to the model's own cadence stores nothing, so it
follows the model even if a later version retunes it.
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING

from relationship_journal.health.parameters import DEFAULTS
from relationship_journal.journal.errors import ValidationError
from relationship_journal.journal.vocabulary import CIRCLES

if TYPE_CHECKING:
    from relationship_journal.journal.core import Journal

MIN_CADENCE_DAYS = 1
MAX_CADENCE_DAYS = 3650
_CADENCE_KEY = "cadence_days.{circle}"
FADING_HORIZON_KEY = "fading_horizon_days"
MIN_FADING_HORIZON_DAYS = 1
MAX_FADING_HORIZON_DAYS = 730  # the fade-date search looks no further
_CSV_MAPPING_KEY = "csv_mapping.{digest}"


def csv_mapping_key(columns: Sequence[str]) -> str:
    """One key per set of CSV columns (their order and spelling, case aside)."""
    text = "\x1f".join(c.strip().casefold() for c in columns)
    return _CSV_MAPPING_KEY.format(digest=hashlib.sha256(text.encode("utf-8")).hexdigest()[:32])


def cadence_key(circle: int) -> str:
    """The journal_settings key holding `circle`'s cadence."""
    return _CADENCE_KEY.format(circle=circle)


class Preferences:
    """`journal.preferences`: read and change the journal's stored preferences."""

    def __init__(self, journal: Journal) -> None:
        self._journal = journal

    def circle_cadences(self) -> dict[int, int]:
        """The circles whose default cadence the person changed, circle → days.

        A value that is not a valid cadence (edited by hand, say) is ignored rather than
        trusted, so the circle falls back to the model's cadence.
        """
        keys = {cadence_key(circle): circle for circle in CIRCLES}
        with self._journal.reading() as connection:
            try:
                rows = connection.execute("SELECT key, value FROM journal_settings").fetchall()
            except sqlite3.OperationalError:  # a file without the table: nothing was chosen
                return {}
        chosen: dict[int, int] = {}
        for key, value in rows:
            circle = keys.get(key)
            if circle is None:
                continue
            try:
                days = int(value)
            except (TypeError, ValueError):
                continue
            if MIN_CADENCE_DAYS <= days <= MAX_CADENCE_DAYS and days != DEFAULTS.cadence_days[circle]:
                chosen[circle] = days
        return dict(sorted(chosen.items()))

    def csv_mapping(self, columns: Sequence[str]) -> list[str] | None:
        """The fields the user last chose for a CSV with exactly these columns, or None."""
        with self._journal.reading() as connection:
            try:
                row = connection.execute(
                    "SELECT value FROM journal_settings WHERE key = ?", (csv_mapping_key(columns),)
                ).fetchone()
            except sqlite3.OperationalError:
                return None
        try:
            fields = json.loads(row[0]) if row else None
        except ValueError:
            return None
        if not isinstance(fields, list) or not all(isinstance(f, str) for f in fields):
            return None
        return fields

    def remember_csv_mapping(self, columns: Sequence[str], fields: Sequence[str]) -> None:
        """Keep the user's column mapping, so the next file with these columns needs no asking."""
        if len(columns) != len(fields):
            raise ValidationError("a column mapping needs one field per column")
        with self._journal.database.writing() as connection:
            connection.execute(
                "INSERT INTO journal_settings (key, value) VALUES (?, ?) "
                "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                (csv_mapping_key(columns), json.dumps(list(fields), ensure_ascii=False)),
            )

    def set_circle_cadences(self, cadences: Mapping[int, int | None]) -> dict[int, int]:
        """Set the default cadence of the circles named; returns the stored overrides.

        Circles left out keep what they had; None, or the model's own cadence, removes
        the override. Everything is checked first and written in one transaction, so a
        bad value changes nothing.
        """
        checked = {circle: _checked(circle, days) for circle, days in cadences.items()}
        with self._journal.database.writing() as connection:
            for circle, days in checked.items():
                if days is None or days == DEFAULTS.cadence_days[circle]:
                    connection.execute("DELETE FROM journal_settings WHERE key = ?", (cadence_key(circle),))
                else:
                    connection.execute(
                        "INSERT INTO journal_settings (key, value) VALUES (?, ?) "
                        "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                        (cadence_key(circle), str(days)),
                    )
        self._journal.health.refresh_params()
        return self.circle_cadences()

    def fading_horizon(self) -> int:
        """How many days ahead the Fading list looks (the model's 60 unless changed)."""
        with self._journal.reading() as connection:
            try:
                row = connection.execute(
                    "SELECT value FROM journal_settings WHERE key = ?", (FADING_HORIZON_KEY,)
                ).fetchone()
            except sqlite3.OperationalError:  # a file without the table: nothing was chosen
                return DEFAULTS.fading_horizon_days
        try:
            days = int(row[0]) if row else DEFAULTS.fading_horizon_days
        except (TypeError, ValueError):  # edited by hand: fall back rather than trust it
            return DEFAULTS.fading_horizon_days
        if not MIN_FADING_HORIZON_DAYS <= days <= MAX_FADING_HORIZON_DAYS:
            return DEFAULTS.fading_horizon_days
        return days

    def set_fading_horizon(self, days: int | None) -> int:
        """Set how far ahead the Fading list looks; None or the model's 60 stores nothing."""
        if days is not None and (
            isinstance(days, bool)
            or not isinstance(days, int)
            or not MIN_FADING_HORIZON_DAYS <= days <= MAX_FADING_HORIZON_DAYS
        ):
            raise ValidationError(
                f"the fading horizon must be {MIN_FADING_HORIZON_DAYS}–{MAX_FADING_HORIZON_DAYS} "
                f"days (got {days!r})"
            )
        with self._journal.database.writing() as connection:
            if days is None or days == DEFAULTS.fading_horizon_days:
                connection.execute("DELETE FROM journal_settings WHERE key = ?", (FADING_HORIZON_KEY,))
            else:
                connection.execute(
                    "INSERT INTO journal_settings (key, value) VALUES (?, ?) "
                    "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                    (FADING_HORIZON_KEY, str(days)),
                )
        self._journal.health.refresh_params()
        return self.fading_horizon()


def _checked(circle: object, days: object) -> int | None:
    """`days` as a cadence for `circle`, or a ValidationError saying what is wrong."""
    if isinstance(circle, bool) or circle not in CIRCLES:
        raise ValidationError(f"circle must be one of {', '.join(map(str, CIRCLES))} (got {circle!r})")
    if days is None:
        return None
    if isinstance(days, bool) or not isinstance(days, int):
        raise ValidationError(f"the cadence for circle {circle} must be a whole number of days (got {days!r})")
    if not MIN_CADENCE_DAYS <= days <= MAX_CADENCE_DAYS:
        raise ValidationError(
            f"the cadence for circle {circle} must be {MIN_CADENCE_DAYS}–{MAX_CADENCE_DAYS} days (got {days})"
        )
    return days
