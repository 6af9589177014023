"""The whole network read as columns gives the figures the plain inputs give."""

from __future__ import annotations

import datetime as dt

import pytest

from relationship_journal.demo import generate
from relationship_journal.health import compute_network
from relationship_journal.journal import Journal
from relationship_journal.journal.errors import JournalError
from relationship_journal.journal.health_columns import load_columns
from relationship_journal.journal.health_inputs import load_logs

AS_OF = dt.date(2026, 6, 30)


@pytest.fixture
def demo(journal: Journal) -> Journal:
    generate(journal, contacts=80, seed=3, as_of=AS_OF)
    return journal


def test_the_columns_give_the_networks_figures(demo: Journal) -> None:
    archived = [s.id for s in demo.contacts.list()[:5]]
    demo.contacts.set_archived(archived)
    with demo.reading() as connection:
        logs = load_logs(connection)
    for as_of in (AS_OF, AS_OF - dt.timedelta(days=400)):
        network = demo.health.network(as_of)
        assert network == compute_network(logs, as_of, demo.health.params)
        assert not {c.contact_id for c in network.contacts} & set(archived)
        assert network.total_contacts == 75


def test_read_and_laid_out_in_small_pieces_the_figures_are_the_same(
    demo: Journal, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The pieces a worker gives way to the window between (journal.pacing) join up exactly."""
    from relationship_journal.journal import health_columns

    with demo.reading() as connection:
        logs = load_logs(connection)
    monkeypatch.setattr(health_columns, "_CHUNK", 97)
    with demo.reading() as connection:
        table = load_columns(connection)
    assert table is not None and len(table.id) > 97 * 3
    assert demo.health.network(AS_OF) == compute_network(logs, AS_OF, demo.health.params)


def test_a_hand_edited_date_falls_back_to_the_plain_reading(demo: Journal) -> None:
    with demo.database.writing() as connection:
        connection.execute("UPDATE interactions SET date = '2026-02-30' WHERE id = 7")
        assert load_columns(connection) is None
    with pytest.raises(JournalError, match="cannot read|2026-02-30|day is out of range"):
        demo.health.network(AS_OF)


def test_an_unknown_kind_falls_back_to_the_plain_reading(demo: Journal) -> None:
    with demo.database.writing() as connection:
        connection.execute("UPDATE interactions SET kind = 'pigeon' WHERE id = 3")
    with demo.reading() as connection:
        assert load_columns(connection) is None
    with pytest.raises(JournalError, match="unknown interaction kind"):
        demo.health.network(AS_OF)


def test_a_hand_edited_fraction_is_named_not_a_crash(demo: Journal) -> None:
    """A fraction where the model counts whole numbers (a depth) is refused with the
    person's name, as other entries the model cannot read are."""
    with demo.database.writing() as connection:
        connection.execute("UPDATE interactions SET depth = 2.5 WHERE id = 7")
    with pytest.raises(JournalError, match="cannot read: .+: "):
        demo.health.network(AS_OF)


def test_an_empty_journal_has_an_empty_network(journal: Journal) -> None:
    assert journal.health.network(AS_OF).total_contacts == 0
