"""A network given as columns gets exactly the figures of the per-contact model.

`health.columns` lays out every contact's timeline with array passes; these tests hold
it to the plain path (`build_timeline` / `compute_network`) to the last bit, on random
networks, so the window, the reports and `health --json` can use either.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from unittest import mock

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from relationship_journal.health import (
    DEFAULTS,
    ContactLog,
    build_timeline,
    compute_network,
    evaluate,
)
from relationship_journal.health import columns as columns_module
from relationship_journal.health.columns import (
    NetworkColumns,
    build_timelines,
    compute_network_columns,
)
from relationship_journal.health.contact import classification_at
from tests.health.health_factories import END, SPAN, day, logs, meeting, person, replace

KINDS = ("meeting", "call", "video", "message", "email", "event", "social", "carrier pigeon")
CHANNELS = (None, "in_person", "video", "call", "voice_note", "message", "email", "reaction")
STARTERS = ("me", "them", "mutual", "unknown")


def as_columns(network: list[ContactLog]) -> NetworkColumns:
    """The columns a loader would hand over for these logs (rows deliberately reversed)."""
    rows = [(index, it) for index, log in enumerate(network) for it in log.interactions][::-1]

    def column(values: list[int]) -> np.ndarray:
        return np.array(values, dtype=np.int64)

    return NetworkColumns(
        contacts=[log.contact for log in network],
        contact=column([index for index, _ in rows]),
        id=column([it.id for _, it in rows]),
        day=column([it.date.toordinal() for _, it in rows]),
        kind=column([KINDS.index(it.kind) for _, it in rows]),
        channel=column([CHANNELS.index(it.channel) for _, it in rows]),
        minutes=column([-1 if it.minutes is None else it.minutes for _, it in rows]),
        initiated_by=column([STARTERS.index(it.initiated_by) for _, it in rows]),
        depth=column([it.depth for _, it in rows]),
        people_present=column([it.people_present for _, it in rows]),
        favours_given=column([it.favours_given for _, it in rows]),
        favours_received=column([it.favours_received for _, it in rows]),
        kind_names=KINDS,
        channel_names=CHANNELS,
        initiator_names=STARTERS,
        favours={index: log.favours for index, log in enumerate(network) if log.favours},
        asks={index: log.asks for index, log in enumerate(network) if log.asks},
    )


def without_ask_shorthand(log: ContactLog, cid: int) -> ContactLog:
    """Columns carry asks as AskInputs only; each contact gets its own id and name."""
    return ContactLog(
        replace(log.contact, id=cid, name=f"Person {cid}"),
        [replace(it, ask_outcome=None) for it in log.interactions],
        log.favours,
        log.asks,
    )


networks = st.lists(logs(max_size=25), min_size=0, max_size=5).map(
    lambda found: [without_ask_shorthand(log, cid) for cid, log in enumerate(found, 1)]
)


@settings(max_examples=150, deadline=None)
@given(network=networks, batch=st.sampled_from([1, 2, 3, columns_module._BATCH]))
def test_timelines_from_columns_equal_the_per_contact_ones(network: list[ContactLog], batch: int) -> None:
    """Whether the people are laid out a few at a time or all at once."""
    with mock.patch.object(columns_module, "_BATCH", batch):
        made = build_timelines(as_columns(network), DEFAULTS)
    assert len(made) == len(network)
    for timeline, log in zip(made, network, strict=True):
        expected = build_timeline(log, DEFAULTS)
        for item in dataclasses.fields(timeline):
            value, wanted = getattr(timeline, item.name), getattr(expected, item.name)
            assert value == wanted, item.name
            # the same kind of column too: arrays of equal numbers compare equal across types
            assert type(value) is type(wanted), item.name
            assert getattr(value, "typecode", None) == getattr(wanted, "typecode", None), item.name


@settings(max_examples=100, deadline=None)
@given(network=networks, offset=st.integers(-30, SPAN + 400))
def test_network_figures_from_columns_are_the_models_to_the_last_bit(
    network: list[ContactLog], offset: int
) -> None:
    as_of = day(offset)
    assert compute_network_columns(as_columns(network), as_of) == compute_network(network, as_of)


def test_an_unknown_kind_is_refused_with_the_persons_name() -> None:
    odd = ContactLog(person(1, "Grace"), [meeting(1, END, kind="carrier pigeon")])
    fine = ContactLog(person(2, "Ada"), [meeting(2, END)])
    with pytest.raises(ValueError, match="Grace: unknown interaction kind"):
        build_timelines(as_columns([fine, odd]), DEFAULTS)
    with pytest.raises(ValueError, match="Grace: unknown interaction kind"):
        compute_network([fine, odd], END)


def test_an_empty_network_has_no_figures_to_show() -> None:
    result = compute_network_columns(as_columns([]), dt.date(2026, 6, 30))
    assert result.total_contacts == 0 and result.contacts == ()


@settings(max_examples=150, deadline=None)
@given(log=logs(max_size=30), offset=st.integers(-30, SPAN + 800))
def test_the_history_charts_classification_is_evaluates(log: ContactLog, offset: int) -> None:
    timeline = build_timeline(log, DEFAULTS)
    as_of = day(offset)
    assert classification_at(timeline, as_of) == evaluate(timeline, as_of).classification


def test_a_history_point_needs_no_evaluation_before_it() -> None:
    """A model with fresh decay tables (new parameters) still classifies a far-off day."""
    params = replace(DEFAULTS, fade_threshold=DEFAULTS.fade_threshold + 0.5)
    log = ContactLog(person(1, "Ada"), [meeting(1, day(0), depth=4, initiated_by="them")])
    as_of = day(SPAN + 3000)
    first = classification_at(build_timeline(log, params), as_of)
    assert first == evaluate(build_timeline(log, params), as_of).classification


def test_columns_with_nothing_in_them_are_one_shared_array_and_whole_evidence_is_not_copied() -> None:
    """At 100,000 people a new empty array for each person's empty columns, and a copy of
    every timed entry's id as the investment's evidence, cost the window 100 MiB."""
    network = [
        ContactLog(person(cid, f"Person {cid}"), [meeting(cid * 10 + n, day(n * 20)) for n in range(3)], [], [])
        for cid in (1, 2, 3)
    ]
    for made in (build_timelines(as_columns(network), DEFAULTS), [build_timeline(log, DEFAULTS) for log in network]):
        assert len({id(timeline.favour_days) for timeline in made}) == 1
        assert len({id(timeline.negative) for timeline in made}) == 1
        assert made[0].favour_days is not made[0].negative  # one empty array of each type
        for timeline in made:
            parts = {part.name: part for part in evaluate(timeline, day(100)).components}
            assert parts["investment"].interaction_ids is timeline.hour_ids
            assert list(parts["investment"].interaction_ids) == [timeline.contact.id * 10 + n for n in range(3)]
            assert parts["reciprocity"].favour_ids is made[0].favour_ids
            # evidence that is part of a column is a copy of that part, as before
            earlier = {part.name: part for part in evaluate(timeline, day(25)).components}
            assert list(earlier["investment"].interaction_ids) == [timeline.contact.id * 10, timeline.contact.id * 10 + 1]
