"""The one clock: every "what day is it" in the app asks here.

Health decays by the day, backups are named and pruned by the day, and the composer
starts on today; if each of those asked the machine's calendar on its own, a test
could only pass on the day it was written. Here the day can be set for a whole
process (``RELATIONSHIP_JOURNAL_TODAY=YYYY-MM-DD``, which child processes inherit)
or in code (``set_today``); the time of day always stays the machine's.
"""

from __future__ import annotations

import datetime as dt
import os

TODAY_VARIABLE = "RELATIONSHIP_JOURNAL_TODAY"

_set_day: dt.date | None = None


class ClockError(ValueError):
    """The day the clock was set to is not a date."""


def set_today(day: dt.date | None) -> None:
    """Fix the day for this process (None goes back to the environment or the calendar)."""
    global _set_day
    if day is not None and not isinstance(day, dt.date):
        raise ClockError(f"the clock takes a date, not {day!r}")
    _set_day = day.date() if isinstance(day, dt.datetime) else day


def _day_from_environment() -> dt.date | None:
    text = os.environ.get(TODAY_VARIABLE, "").strip()
    if not text:
        return None
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise ClockError(
            f"{TODAY_VARIABLE} must be a date like 2026-12-31 (got {text!r})"
        ) from None


def today() -> dt.date:
    """Today's date, as set for this process or else the machine's local calendar."""
    if _set_day is not None:
        return _set_day
    return _day_from_environment() or dt.date.today()


def now() -> dt.datetime:
    """Local date and time: the clock's day at the machine's time of day (naive, local)."""
    real = dt.datetime.now()
    day = today()
    return real if day == real.date() else dt.datetime.combine(day, real.time())


def utc_now() -> dt.datetime:
    """The same moment as ``now()``, as an aware UTC time (for stamps in files)."""
    return now().astimezone(dt.UTC)
