"""The circle cadences live in the journal: validated, stored only when they differ from
the model, kept across reopening, and used by `journal.health` at once."""

from __future__ import annotations

import datetime as dt
import sqlite3
from pathlib import Path

import pytest

from relationship_journal.health import DEFAULTS
from relationship_journal.journal import Journal
from relationship_journal.journal.errors import ValidationError
from relationship_journal.journal.records import ContactFields, InteractionFields


def _stored(journal: Journal) -> dict[str, str]:
    with journal.reading() as connection:
        return dict(connection.execute("SELECT key, value FROM journal_settings").fetchall())


def test_a_new_journal_has_no_overrides_and_the_model_cadences(journal: Journal) -> None:
    assert journal.preferences.circle_cadences() == {}
    assert dict(journal.health.params.cadence_days) == dict(DEFAULTS.cadence_days)


def test_chosen_cadences_survive_reopening(private_folders: Path) -> None:
    with Journal.open(private_folders) as journal:
        assert journal.preferences.set_circle_cadences({15: 60, 500: 400}) == {15: 60, 500: 400}
    with Journal.open(private_folders) as journal:
        assert journal.preferences.circle_cadences() == {15: 60, 500: 400}
        cadences = journal.health.params.cadence_days
        assert cadences[15] == 60 and cadences[500] == 400 and cadences[5] == DEFAULTS.cadence_days[5]


def test_the_model_default_is_stored_as_no_override(journal: Journal) -> None:
    journal.preferences.set_circle_cadences({15: 60, 50: 45})
    assert journal.preferences.set_circle_cadences({15: DEFAULTS.cadence_days[15]}) == {50: 45}
    assert _stored(journal) == {"cadence_days.50": "45"}
    journal.preferences.set_circle_cadences({50: None, 5: DEFAULTS.cadence_days[5]})
    assert _stored(journal) == {}


@pytest.mark.parametrize(
    ("mapping", "words"),
    [
        ({15: 0}, "1–3650 days"),
        ({15: 3651}, "1–3650 days"),
        ({15: "60"}, "whole number"),
        ({15: 7.5}, "whole number"),
        ({15: True}, "whole number"),
        ({20: 30}, "circle must be one of 5, 15, 50, 150, 500"),
    ],
)
def test_bad_values_are_refused_and_nothing_is_written(journal: Journal, mapping: dict, words: str) -> None:
    journal.preferences.set_circle_cadences({50: 45})
    with pytest.raises(ValidationError, match=words):
        journal.preferences.set_circle_cadences({5: 10, **mapping})  # the good one is not kept either
    assert journal.preferences.circle_cadences() == {50: 45}


def test_the_range_ends_are_accepted(journal: Journal) -> None:
    assert journal.preferences.set_circle_cadences({5: 1, 500: 3650}) == {5: 1, 500: 3650}


def test_a_hand_edited_bad_value_falls_back_to_the_model(journal: Journal) -> None:
    with sqlite3.connect(journal.paths.database) as connection:
        connection.execute("INSERT INTO journal_settings VALUES ('cadence_days.15', 'lots'), "
                           "('cadence_days.50', '-3'), ('cadence_days.150', '200'), ('other', 'x')")
    assert journal.preferences.circle_cadences() == {150: 200}


def test_health_follows_a_change_made_through_the_same_journal(journal: Journal) -> None:
    ada = journal.contacts.add(ContactFields(display_name="Ada Lovelace", circle=50)).created_id
    assert ada is not None
    today = dt.date(2026, 6, 30)
    journal.interactions.log(InteractionFields(contact_ids=(ada,), kind="call", date=today - dt.timedelta(days=60)))
    model = journal.health.contact(ada, today)
    assert model.cadence_days == 90
    journal.preferences.set_circle_cadences({50: 30})
    tight = journal.health.contact(ada, today)
    assert tight.cadence_days == 30
    assert tight.score is not None and model.score is not None and tight.score < model.score
    own = journal.contacts.update(ada, cadence_days=200)  # a contact's own cadence still wins
    assert own is not None and journal.health.contact(ada, today).cadence_days == 200


def test_params_set_by_hand_stay_until_refreshed(journal: Journal) -> None:
    import dataclasses

    journal.preferences.set_circle_cadences({15: 60})
    journal.health.params = dataclasses.replace(DEFAULTS, cadence_days={**DEFAULTS.cadence_days, 15: 3})
    assert journal.health.params.cadence_days[15] == 3
    journal.health.refresh_params()
    assert journal.health.params.cadence_days[15] == 60


def test_the_fading_horizon_is_a_journal_preference(private_folders: Path) -> None:
    """60 days unless chosen; kept in the journal beside the cadences, so the window, the
    network report and `health` list the same people as fading."""
    with Journal.open(private_folders) as journal:
        assert journal.preferences.fading_horizon() == 60
        assert journal.health.params.fading_horizon_days == 60
        assert journal.preferences.set_fading_horizon(120) == 120
        assert journal.health.params.fading_horizon_days == 120
        assert _stored(journal) == {"fading_horizon_days": "120"}
        for bad in (0, 731, "90", True):
            with pytest.raises(ValidationError, match="fading horizon"):
                journal.preferences.set_fading_horizon(bad)  # type: ignore[arg-type]
    with Journal.open(private_folders) as journal:
        assert journal.health.params.fading_horizon_days == 120
        assert journal.preferences.set_fading_horizon(None) == 60
        assert _stored(journal) == {}
