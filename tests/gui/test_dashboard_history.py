"""Month-by-month depth and breadth: the shortcut must give the model's own figures."""

from __future__ import annotations

import datetime as dt

import pytest

from relationship_journal.demo import generate
from relationship_journal.gui.dashboard.snapshot import (
    compute_history,
    compute_snapshot,
    load_network,
)
from relationship_journal.health import compute_network, month_ends
from relationship_journal.journal import Journal
from relationship_journal.journal.health_inputs import load_logs

AS_OF = dt.date(2026, 11, 23)


def test_history_matches_the_full_network_model_at_every_month_end(journal: Journal) -> None:
    generate(journal, contacts=150, seed=3, as_of=AS_OF)
    loaded = load_network(journal)
    snapshot = compute_snapshot(loaded, AS_OF)
    history = compute_history(loaded, snapshot, months=24)
    with journal.reading() as connection:
        logs = load_logs(connection)
    assert history.days == month_ends(AS_OF, 24)
    for moment in history.moments[::4] + history.moments[-1:]:
        full = compute_network(logs, moment.day)
        assert (moment.breadth, moment.connections, moment.trusted) == (full.breadth, full.depth, full.trusted)
    assert len(set(history.breadth)) > 1  # the network changed over two years


def test_interactions_per_week_counts_a_group_entry_once(journal: Journal) -> None:
    from relationship_journal.journal.records import ContactFields, InteractionFields

    ids = [journal.contacts.add(ContactFields(display_name=n)).created_id for n in ("Ann", "Bo", "Cy")]
    journal.interactions.log(InteractionFields(contact_ids=tuple(ids), date=AS_OF, kind="social"))
    journal.interactions.log(InteractionFields(contact_ids=(ids[0],), date=AS_OF, kind="call"))
    snapshot = compute_snapshot(load_network(journal), AS_OF)
    assert snapshot.weekly.counts[-1] == 2
    assert snapshot.network.breadth == 3


def test_a_large_network_shows_a_year_of_history_on_the_dashboard_and_in_the_report(
    journal: Journal, monkeypatch: pytest.MonkeyPatch
) -> None:
    from relationship_journal.reports import network_data
    from relationship_journal.reports.network_report import gather
    from relationship_journal.reports.progress import Steps

    generate(journal, contacts=150, seed=3, as_of=AS_OF)
    loaded = load_network(journal)
    snapshot = compute_snapshot(loaded, AS_OF)
    assert len(compute_history(loaded, snapshot).moments) == 24
    monkeypatch.setattr(network_data, "LARGE_NETWORK", 100)
    on_screen = compute_history(loaded, snapshot)
    on_paper = gather(journal, AS_OF, (5, 15), Steps(None, {"gather": 1, "charts": 1})).history
    assert on_screen.days == on_paper.days == month_ends(AS_OF, 12)
    assert on_screen.moments == on_paper.moments
