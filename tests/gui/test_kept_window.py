"""A second window on an unchanged journal starts from what the first one kept, and shows
exactly what the first one computed."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest

from relationship_journal.gui import worker
from relationship_journal.gui.app import create_window
from relationship_journal.journal import figures_cache
from relationship_journal.journal.records import InteractionFields

AS_OF = dt.date(2026, 6, 30)


@pytest.fixture
def folder(private_folders: Path) -> Path:
    from relationship_journal.demo import generate
    from relationship_journal.journal import Journal

    with Journal.open(private_folders) as journal:
        generate(journal, contacts=60, seed=2, as_of=AS_OF)
    return private_folders


def opened(qtbot: Any, folder: Path, tmp_path: Path, dashboard: bool = False) -> Any:
    """A window as the app opens it, with its list, health bars (and dashboard) loaded."""
    window = create_window(folder, as_of=AS_OF, config_dir=tmp_path / "config")
    window.remember = False
    qtbot.addWidget(window)
    with qtbot.waitSignal(window.network_loaded, timeout=120_000):
        window.show()
    if dashboard:
        window._ensure_dashboard()
        assert window.dashboard is not None
        with qtbot.waitSignal(window.dashboard.history_computed, timeout=120_000):
            window.show_view("dashboard")
    qtbot.waitUntil(lambda: not worker.busy(), timeout=120_000)
    return window


def shown(window: Any) -> tuple[Any, ...]:
    """What the user sees of everyone's health: the list's bars and the dashboard's figures."""
    model = window.contact_list.model
    bars = [(s.id, model.health_of(s.id)) for s in model.summaries()]
    board = window.dashboard
    figures = None
    if board is not None:
        figures = (board.breadth_card.value.text(), board.depth_card.value.text(),
                   board.trusted_card.value.text(), board.history)
    return bars, figures


def closed(window: Any) -> None:
    window.close()


def test_the_next_window_shows_the_kept_figures_without_computing_them(
    qtbot: Any, folder: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    first = opened(qtbot, folder, tmp_path, dashboard=True)
    before = shown(first)
    closed(first)
    assert {p.name for p in (folder / figures_cache.CACHE_FOLDER).iterdir()} >= {
        "network-reading.pickle", "network-history.txt"}

    def computed(*_args: Any, **_kwargs: Any) -> Any:
        raise AssertionError("computed again on an unchanged journal")

    monkeypatch.setattr("relationship_journal.journal.network_reading.read_network", computed)
    monkeypatch.setattr("relationship_journal.gui.dashboard.view.compute_history", computed)
    second = opened(qtbot, folder, tmp_path, dashboard=True)
    assert shown(second) == before
    closed(second)


def test_after_a_write_the_next_window_computes_the_figures_again(
    qtbot: Any, folder: Path, tmp_path: Path
) -> None:
    first = opened(qtbot, folder, tmp_path)
    person = first.contact_list.model.summaries()[0].id
    closed(first)
    from relationship_journal.journal import Journal

    with Journal.open(folder) as journal:  # another program writes meanwhile
        journal.interactions.log(
            InteractionFields(contact_ids=(person,), date=AS_OF, kind="meeting", depth=5, minutes=120)
        )
        expected = journal.health.contact(person, AS_OF)
    second = opened(qtbot, folder, tmp_path)
    assert second.contact_list.model.health_of(person).score == expected.display_score
    closed(second)
