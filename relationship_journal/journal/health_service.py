"""Health figures for the journal: loads the log, hands it to the pure model.

Nothing is stored: every figure is recomputed from the log as of a date, so the GUI,
the reports, the CLI and the tests all show the same numbers from the same function.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
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
    compute_network,
    trajectory,
)
from relationship_journal.journal.errors import JournalError, NotFoundError
from relationship_journal.journal.health_inputs import load_logs

if TYPE_CHECKING:
    from relationship_journal.health import ContactLog
    from relationship_journal.journal.core import Journal


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

    def refresh_params(self) -> None:
        """Forget the parameters so the next figure reads the journal's cadences again."""
        self._params = None

    def network(self, as_of: dt.date | None = None) -> NetworkHealth:
        """Every (unarchived) contact and the network figures, as of a day (default today)."""
        from relationship_journal.health.columns import compute_network_columns
        from relationship_journal.journal.health_columns import load_columns

        with _readable_model_errors():
            with self._journal.reading() as connection:
                columns = load_columns(connection)  # the fast path; None: a row needs the plain one
                logs = load_logs(connection) if columns is None else []
            if columns is not None:
                return compute_network_columns(columns, as_of or clock.today(), self.params)
            return compute_network(logs, as_of or clock.today(), self.params)

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
