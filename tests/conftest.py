"""Every test gets its own data and config folders, one clock, and Qt offscreen.

No test may touch the user's real journal, so the environment variables that choose
the folders, and the XDG folders platformdirs falls back on, all point into tmp_path.

The clock
---------
The app asks `relationship_journal.clock` what day it is, and so do the tests' own
expectations. No test may depend on the machine's calendar:

- `pytest --today 2028-02-29` (or `bash tests/run.sh --today 2028-02-29`) sets the
  day for the whole run, for the app's code, the tests and every `relationship-journal`
  child process (through RELATIONSHIP_JOURNAL_TODAY). Without it, the day is the
  machine's.
- A test that needs a particular day asks for the `set_today` fixture:
  `set_today(dt.date(2026, 11, 23))`; it is put back after the test.

On a busy machine
-----------------
CI machines are shared, so results that arrive through a worker or a reload are
waited for with `qtbot.waitUntil`/`waitSignal` on the condition itself, never with a
sleep. Before you push, run the suite beside two CPU-bound processes:

    python3 -c 'while True: pass' & python3 -c 'while True: pass' &
    bash tests/run.sh; kill %1 %2
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from relationship_journal import clock

if TYPE_CHECKING:
    from relationship_journal.journal import Journal

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--today",
        metavar="YYYY-MM-DD",
        default=None,
        help="run the whole suite as if today were this date (the app's clock and the tests' own)",
    )


def pytest_configure(config: pytest.Config) -> None:
    day = config.getoption("--today")
    if day:
        try:
            dt.date.fromisoformat(day)
        except ValueError:
            raise pytest.UsageError(f"--today takes a date like 2028-02-29, not {day!r}") from None
        os.environ[clock.TODAY_VARIABLE] = day


def pytest_report_header(config: pytest.Config) -> str:
    return f"today (relationship_journal.clock): {clock.today().isoformat()}"


@pytest.fixture
def set_today(monkeypatch: pytest.MonkeyPatch) -> Iterator[Callable[[dt.date], None]]:
    """Set the clock's day for this test, in this process and in the commands it runs."""

    def set_day(day: dt.date) -> None:
        monkeypatch.setenv(clock.TODAY_VARIABLE, day.isoformat())

    yield set_day
    clock.set_today(None)


@pytest.fixture(autouse=True)
def private_folders(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    data = tmp_path / "data"
    monkeypatch.setenv("RELATIONSHIP_JOURNAL_DATA_DIR", str(data))
    monkeypatch.setenv("RELATIONSHIP_JOURNAL_CONFIG_DIR", str(tmp_path / "config"))
    for name in ("XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME", "XDG_STATE_HOME"):
        monkeypatch.setenv(name, str(tmp_path / name.lower()))
    return data


@pytest.fixture
def journal(private_folders: Path) -> Iterator[Journal]:
    """An empty journal in this test's own folder."""
    from relationship_journal.journal import Journal

    with Journal.open(private_folders) as opened:
        yield opened
