"""A network report made beside the window uses the reading and history the window kept,
and says exactly what a report computed from the log says."""

from __future__ import annotations

import contextlib
import datetime as dt
import io
from pathlib import Path
from typing import Any

import pytest

from relationship_journal.cli import main
from relationship_journal.demo import generate
from relationship_journal.journal import Journal, network_reading
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


def test_report_network_reads_what_the_window_kept(
    journal: Journal, monkeypatch: pytest.MonkeyPatch, tmp_path: Path, qapp: Any
) -> None:
    generate(journal, contacts=40, seed=7, as_of=AS_OF)
    journal.health.keep_readings = True  # as the window's journal does
    assert journal.health.keep(journal.health.reading(AS_OF), journal.health.params)
    data = journal.paths.data_dir
    journal.close()
    computed: list[dt.date] = []
    real = network_reading.read_network

    def counted(database: Any, day: dt.date, *args: Any) -> Any:
        computed.append(day)
        return real(database, day, *args)

    monkeypatch.setattr(network_reading, "read_network", counted)

    def report(day: dt.date, name: str) -> str:
        out = io.StringIO()
        with contextlib.redirect_stdout(out):
            code = main(["--data-dir", str(data), "report", "network", "--pdf", str(tmp_path / name),
                         "--as-of", day.isoformat()])
        assert code == 0
        return out.getvalue()

    assert "Wrote the network report" in report(AS_OF, "kept.pdf")
    assert computed == []
    # Another day was never kept: the command computes it, as it always did.
    assert "Wrote the network report" in report(AS_OF - dt.timedelta(days=1), "other.pdf")
    assert computed == [AS_OF - dt.timedelta(days=1)]
