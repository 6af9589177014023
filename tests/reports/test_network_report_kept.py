"""A network report made beside the window uses the reading and history the window kept,
and says exactly what a report computed from the log says."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from relationship_journal.demo import generate
from relationship_journal.journal import Journal
from relationship_journal.reports.network_report import gather
from relationship_journal.reports.pipeline import STAGES
from relationship_journal.reports.progress import Steps

AS_OF = dt.date(2026, 6, 30)
EVERY_CIRCLE = (5, 15, 50, 150, 500)


def gathered(journal: Journal) -> Any:
    return gather(journal, AS_OF, EVERY_CIRCLE, Steps(None, STAGES))


def test_a_report_beside_the_window_reads_what_it_kept(
    journal: Journal, monkeypatch: pytest.MonkeyPatch
) -> None:
    generate(journal, contacts=70, seed=6, as_of=AS_OF)
    computed = gathered(journal)  # as the command line makes it: nothing kept
    window = Journal.open(journal.paths.data_dir)
    try:
        window.health.keep_readings = True  # as the window's journal does
        assert window.health.keep(window.health.reading(AS_OF), window.health.params)
        assert gathered(window) == computed  # computes the history, and keeps it

        def computed_again(*_args: Any, **_kwargs: Any) -> Any:
            raise AssertionError("computed again on an unchanged journal")

        monkeypatch.setattr("relationship_journal.journal.network_reading.read_network", computed_again)
        monkeypatch.setattr("relationship_journal.reports.network_data.network_moment", computed_again)
        again = Journal.open(journal.paths.data_dir)
        try:
            again.health.keep_readings = True
            assert gathered(again) == computed
        finally:
            again.close()
    finally:
        window.close()
