"""Health figures for the journal: loads the log, hands it to the pure model.

Nothing is stored: every figure is recomputed from the log as of a date, so the GUI,
the reports, the CLI and the tests all show the same numbers from the same function.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import threading
import weakref
from collections.abc import Iterator
from contextlib import contextmanager
from types import MappingProxyType
from typing import TYPE_CHECKING, Any

from relationship_journal import clock
from relationship_journal.health import (
    DEFAULTS,
    ContactHealth,
    NetworkHealth,
    Parameters,
    TrajectoryPoint,
    compute_contact,
    trajectory,
)
from relationship_journal.journal import freed_memory
from relationship_journal.journal.errors import JournalError, NotFoundError
from relationship_journal.journal.health_inputs import load_logs

if TYPE_CHECKING:
    from relationship_journal.health import ContactLog
    from relationship_journal.journal.core import Journal
    from relationship_journal.journal.network_reading import NetworkReading, SharedReadings


@contextmanager
def _readable_model_errors() -> Iterator[None]:
    """The model refuses values outside its contract with ValueError; only a row written
    around the service layer can hold one, and the person should be told which."""
    try:
        yield
    except ValueError as error:
        raise JournalError(f"the journal holds an entry the health model cannot read: {error}") from error


class HealthService:
    """`journal.health`: the network, one contact, or one contact's trajectory."""

    def __init__(self, journal: Journal) -> None:
        self._journal = journal
        self._params: Parameters | None = None  # read from the journal when first needed
        self._shared: SharedReadings | None = None  # readings in progress, made on first use
        self._shared_lock = threading.Lock()
        # The window sets this: its whole-network readings are kept beside the journal for
        # the next window on the same state (journal.kept_reading); commands compute theirs.
        self.keep_readings = False
        # The last whole-network reading, for as long as someone holds it (the window's
        # list does): asked again for the same day while the journal is byte for byte as
        # it was read, it is that reading (Today asks for it after the list has it).
        self._recent: tuple[dt.date, Parameters, weakref.ref[NetworkReading]] | None = None

    @property
    def params(self) -> Parameters:
        """The model's parameters: DEFAULTS with the circle cadences and the fading horizon
        stored in the journal.

        Read once and kept; `journal.preferences.set_circle_cadences` refreshes them, and
        whoever swaps the file underneath (a restore) calls `refresh_params`.
        """
        params = self._params  # one read: a worker may ask while the window refreshes
        if params is None:
            preferences = self._journal.preferences
            chosen = preferences.circle_cadences()
            horizon = preferences.fading_horizon()
            changes: dict[str, Any] = {}
            if chosen:
                changes["cadence_days"] = MappingProxyType(dict(DEFAULTS.cadence_days) | chosen)
            if horizon != DEFAULTS.fading_horizon_days:
                changes["fading_horizon_days"] = horizon
            params = dataclasses.replace(DEFAULTS, **changes) if changes else DEFAULTS
            self._params = params
        return params

    @params.setter
    def params(self, value: Parameters) -> None:
        """Use `value` (tests, what-if views) until the next `refresh_params`."""
        self._params = value

    def close(self) -> None:
        """Let go of what proves a shared reading current (the journal is closing)."""
        with self._shared_lock:
            if self._shared is not None:
                self._shared.close()
                self._shared = None  # a reopened file (a new passphrase) gets readings of its own

    @property
    def params_if_read(self) -> Parameters | None:
        """The parameters in use, or None if they must be read again (never reads the file)."""
        return self._params

    def refresh_params(self) -> None:
        """Forget the parameters so the next figure reads the journal's cadences again."""
        self._params = None

    def network(self, as_of: dt.date | None = None) -> NetworkHealth:
        """Every (unarchived) contact and the network figures, as of a day (default today)."""
        return self.reading(as_of).network

    def reading(
        self, as_of: dt.date | None = None, params: Parameters | None = None
    ) -> NetworkReading:
        """The network as of a day with the timelines it came from (for views that look at
        other days too). A caller asking while the same reading is being made, on another
        thread, gets that one when nothing was written meanwhile (journal.network_reading)."""
        from relationship_journal.journal.network_reading import SharedReadings

        day = as_of or clock.today()
        chosen = params or self.params
        with self._shared_lock:
            if self._shared is None:
                self._shared = SharedReadings(self._journal.database)
            shared = self._shared
        with _readable_model_errors():
            return shared.get(day, chosen, lambda: self._read_network(day, chosen))

    def _read_network(self, day: dt.date, params: Parameters) -> NetworkReading:
        from relationship_journal.journal.network_reading import read_network

        def compute() -> NetworkReading:
            return read_network(self._journal.database, day, params)

        if not self.keep_readings:
            reading = compute()
        else:
            from relationship_journal.journal import kept_reading

            recent = self._recent
            held = recent[2]() if recent is not None and recent[:2] == (day, params) else None
            reading = kept_reading.read(self._journal, day, params, compute, held)
            self._recent = (day, params, weakref.ref(reading))
        freed_memory.give_back()  # the reading's buffers, gone now (journal.freed_memory)
        return reading

    def keep(self, reading: NetworkReading, params: Parameters) -> bool:
        """Keep a whole-network reading made with `params` for the next window
        (`journal.kept_reading`), if readings are kept and the journal is still as it was
        read; slow (a second or so at 10,000 people): call it off the GUI thread."""
        if not self.keep_readings:
            return False
        from relationship_journal.journal import kept_reading

        kept = kept_reading.keep(self._journal, reading, params)
        freed_memory.give_back()  # the pickles' buffers
        return kept

    def contact(self, contact_id: int, as_of: dt.date | None = None) -> ContactHealth:
        """One person's figures: cheap enough to recompute after every change."""
        with _readable_model_errors():
            return compute_contact(self._log(contact_id), as_of or clock.today(), self.params)

    def trajectory(
        self, contact_id: int, months: int = 24, as_of: dt.date | None = None
    ) -> tuple[TrajectoryPoint, ...]:
        """Health and its parts at each month end, oldest first."""
        with _readable_model_errors():
            return trajectory(self._log(contact_id), as_of or clock.today(), months, self.params)

    def _log(self, contact_id: int) -> ContactLog:
        with self._journal.reading() as connection:
            logs = load_logs(connection, [contact_id], include_archived=True)
        if not logs:
            raise NotFoundError(f"there is no contact with id {contact_id}")
        return logs[0]
