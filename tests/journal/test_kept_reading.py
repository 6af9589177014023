"""The window's reading kept beside the journal comes back only for the state it was read from."""

from __future__ import annotations

import dataclasses
import datetime as dt
import pickle
import stat
import weakref
from array import array
from pathlib import Path
from typing import Any, BinaryIO

import pytest

from relationship_journal.demo import generate
from relationship_journal.health import evaluate
from relationship_journal.health.timeline import EMPTY_COLUMN
from relationship_journal.journal import Journal, figures_cache, kept_reading
from relationship_journal.journal.network_reading import NetworkReading, read_network
from relationship_journal.journal.records import InteractionFields

AS_OF = dt.date(2026, 6, 30)


@pytest.fixture(autouse=True)
def nothing_proven(monkeypatch: pytest.MonkeyPatch) -> None:
    """Two tests' journals can be byte for byte the same: what one proved, the next must not know."""
    monkeypatch.setattr(kept_reading, "_proven", set())


@pytest.fixture
def demo(journal: Journal) -> Journal:
    generate(journal, contacts=60, seed=4, as_of=AS_OF)
    journal.health.keep_readings = True
    return journal


def reopened(journal: Journal) -> Journal:
    """Another window on the same folder: nothing in memory carries over."""
    again = Journal.open(journal.paths.data_dir)
    again.health.keep_readings = True
    return again


def computed(journal: Journal, day: dt.date = AS_OF) -> NetworkReading:
    return read_network(journal.database, day, journal.health.params)


def read_kept_or(journal: Journal, day: dt.date = AS_OF) -> tuple[NetworkReading, bool]:
    """The reading `kept_reading.read` gives, and whether it had to compute it."""
    asked = []

    def compute() -> NetworkReading:
        asked.append(day)
        return computed(journal, day)

    reading = kept_reading.read(journal, day, journal.health.params, compute)
    return reading, bool(asked)


def test_a_kept_reading_is_the_reading_itself(demo: Journal) -> None:
    first = demo.health.reading(AS_OF)
    assert demo.health.keep(first, demo.health.params)
    other = reopened(demo)
    try:
        kept, recomputed = read_kept_or(other)
        assert not recomputed
        fresh = computed(other)
        assert kept.network == fresh.network
        assert (kept.per_day, kept.names) == (fresh.per_day, fresh.names)
        # The timelines hold for any other day too (the dashboard's As of, its history).
        for day in (AS_OF - dt.timedelta(days=200), AS_OF + dt.timedelta(days=90)):
            assert [evaluate(t, day) for t in kept.timelines] == [evaluate(t, day) for t in fresh.timelines]
        # They use the reader's own parameters, not a copy of them.
        assert all(t.context.params is other.health.params for t in kept.timelines)
    finally:
        other.close()


def test_kept_timelines_come_back_column_for_column(demo: Journal, monkeypatch: pytest.MonkeyPatch) -> None:
    """Kept a few people a piece, each column joined with the piece's others: every
    person's columns come back whole, in order, of the same array type."""
    monkeypatch.setattr(kept_reading, "_PIECE", 7)
    assert demo.health.keep(demo.health.reading(AS_OF), demo.health.params)
    other = reopened(demo)
    try:
        kept, recomputed = read_kept_or(other)
        assert not recomputed
        fresh = computed(other)
        assert len(kept.timelines) == len(fresh.timelines) > 7 * 3
        for back, made in zip(kept.timelines, fresh.timelines, strict=True):
            for item in dataclasses.fields(made):
                value, wanted = getattr(back, item.name), getattr(made, item.name)
                assert value == wanted, item.name
                assert type(value) is type(wanted), item.name
                assert getattr(value, "typecode", None) == getattr(wanted, "typecode", None)
        assert any(not t.ids for t in fresh.timelines)  # someone with no entries came back too
    finally:
        other.close()


def test_evidence_that_was_a_whole_column_comes_back_as_that_column(demo: Journal) -> None:
    """Not as a copy of it: at 100,000 people the copies took 150 MiB."""
    assert demo.health.keep(demo.health.reading(AS_OF), demo.health.params)
    other = reopened(demo)
    try:
        kept, recomputed = read_kept_or(other)
        assert not recomputed
        fresh = computed(other)
        assert kept.network == fresh.network
        timeline_of = {t.contact.id: t for t in kept.timelines}
        shared = 0
        for health in kept.network.contacts:
            timeline = timeline_of[health.contact_id]
            for part in health.components:
                for evidence in (part.interaction_ids, part.favour_ids):
                    if isinstance(evidence, array) and not evidence:
                        assert evidence is EMPTY_COLUMN[evidence.typecode]
            investment = health.component("investment")
            if timeline.hour_ids and list(investment.interaction_ids) == list(timeline.hour_ids):
                assert investment.interaction_ids is timeline.hour_ids
                shared += 1
        assert shared > 10
    finally:
        other.close()


def test_ask_checks_come_back_one_of_each_for_everyone(demo: Journal, monkeypatch: pytest.MonkeyPatch) -> None:
    """The model makes each distinct check once and shares it; read back a few people a
    piece, each piece had its own copies (30 MiB at 100,000 people)."""
    monkeypatch.setattr(kept_reading, "_PIECE", 7)
    assert demo.health.keep(demo.health.reading(AS_OF), demo.health.params)
    other = reopened(demo)
    try:
        kept, recomputed = read_kept_or(other)
        assert not recomputed and kept.network == computed(other).network
        checks = [c for h in kept.network.contacts for a in h.asks for c in a.checks]
        distinct = {(c.name, c.passed, c.detail, c.action) for c in checks}
        assert len(checks) > 3 * len(distinct)
        assert len({id(c) for c in checks}) == len(distinct)
    finally:
        other.close()


@pytest.mark.parametrize("reference", [10**9, -1, True, "b", "ids", ("column", 0, "ids")])
def test_evidence_referring_to_a_column_that_is_not_there_is_only_a_miss(
    demo: Journal, monkeypatch: pytest.MonkeyPatch, reference: Any
) -> None:
    def refer_wrongly(*_args: Any) -> Any:
        return lambda item: reference if isinstance(item, array) else None

    monkeypatch.setattr(kept_reading, "_evidence_refs", refer_wrongly)
    assert demo.health.keep(demo.health.reading(AS_OF), demo.health.params)
    other = reopened(demo)
    try:
        reading, recomputed = read_kept_or(other)
        assert recomputed and reading.network == computed(other).network
    finally:
        other.close()


def test_reading_it_back_leaves_no_unpickler_behind(demo: Journal, monkeypatch: pytest.MonkeyPatch) -> None:
    """Each piece's unpickler, and the memo of everything it read, is freed once read:
    the collector is paused while reading and what is alive then is frozen for good, so
    a cycle through an unpickler kept a second copy of the reading (0.7 GiB at 100,000)."""
    made: list[weakref.ref[kept_reading._ModelUnpickler]] = []

    class Watched(kept_reading._ModelUnpickler):
        def __init__(self, *args: Any) -> None:
            super().__init__(*args)
            made.append(weakref.ref(self))

    monkeypatch.setattr(kept_reading, "_PIECE", 7)
    assert demo.health.keep(demo.health.reading(AS_OF), demo.health.params)
    monkeypatch.setattr(kept_reading, "_ModelUnpickler", Watched)
    other = reopened(demo)
    try:
        kept, recomputed = read_kept_or(other)
        assert not recomputed and kept.timelines
        assert len(made) > 3
        assert [ref for ref in made if ref() is not None] == []
    finally:
        other.close()


def test_a_write_another_day_or_other_cadences_are_read_afresh(demo: Journal) -> None:
    assert demo.health.keep(demo.health.reading(AS_OF), demo.health.params)
    assert not read_kept_or(demo)[1]
    assert read_kept_or(demo, AS_OF + dt.timedelta(days=1))[1]
    person = demo.contacts.list()[0].id
    demo.interactions.log(InteractionFields(contact_ids=(person,), date=AS_OF, kind="call"))
    reading, recomputed = read_kept_or(demo)
    assert recomputed
    assert reading.network == computed(demo).network
    demo.preferences.set_circle_cadences({5: 3})
    demo.health.refresh_params()
    assert read_kept_or(demo)[1]


def test_a_reading_made_while_someone_wrote_is_not_kept(demo: Journal) -> None:
    reading = demo.health.reading(AS_OF)
    person = demo.contacts.list()[0].id
    demo.interactions.log(InteractionFields(contact_ids=(person,), date=AS_OF, kind="call"))
    assert not demo.health.keep(reading, demo.health.params)
    assert read_kept_or(demo)[1]


def test_commands_neither_keep_nor_read_kept_readings(demo: Journal) -> None:
    demo.health.keep_readings = False
    reading = demo.health.reading(AS_OF)
    assert reading.state is None
    assert not demo.health.keep(reading, demo.health.params)
    assert not (demo.paths.data_dir / figures_cache.CACHE_FOLDER).exists()


def test_the_kept_file_is_private_and_forgotten_on_encryption(demo: Journal) -> None:
    assert demo.health.keep(demo.health.reading(AS_OF), demo.health.params)
    folder = demo.paths.data_dir / figures_cache.CACHE_FOLDER
    [entry] = [p for p in folder.iterdir() if p.suffix == ".pickle"]
    assert stat.S_IMODE(entry.stat().st_mode) == 0o600
    figures_cache.forget(demo.paths.data_dir)
    assert not entry.exists()


class Planted:
    """Stands for anything outside the health model a planted file might name."""

    def __reduce__(self) -> tuple[object, tuple[str]]:
        return (Path.touch, (str(PLANTED_MARK),))


PLANTED_MARK = Path("planted-ran")


def test_a_file_naming_anything_but_the_model_builds_nothing(
    demo: Journal, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    assert demo.health.keep(demo.health.reading(AS_OF), demo.health.params)
    folder = demo.paths.data_dir / figures_cache.CACHE_FOLDER
    [entry] = [p for p in folder.iterdir() if p.suffix == ".pickle"]
    key_line = entry.read_bytes().split(b"\n", 1)[0]
    entry.write_bytes(key_line + b"\n" + pickle.dumps((Planted(), 0, 0)))
    reading, recomputed = read_kept_or(demo)
    assert recomputed and reading.network == computed(demo).network
    assert not (tmp_path / PLANTED_MARK).exists()


def test_a_history_is_kept_for_the_state_its_timelines_came_from(demo: Journal) -> None:
    reading = demo.health.reading(AS_OF)
    params = demo.health.params
    moments = [(AS_OF - dt.timedelta(days=31), 3, 2, 1), (AS_OF, 4, 2, 1)]
    assert kept_reading.kept_history(demo, reading.state, AS_OF, params, 2) is None
    assert kept_reading.keep_history(demo, reading.state, AS_OF, params, moments)
    assert kept_reading.kept_history(demo, reading.state, AS_OF, params, 2) == moments
    assert kept_reading.kept_history(demo, reading.state, AS_OF, params, 3) is None
    assert kept_reading.kept_history(demo, None, AS_OF, params, 2) is None
    person = demo.contacts.list()[0].id
    demo.interactions.log(InteractionFields(contact_ids=(person,), date=AS_OF, kind="call"))
    # Timelines read before the write still have their history; after it, none is kept for them.
    assert kept_reading.kept_history(demo, reading.state, AS_OF, params, 2) == moments
    assert not kept_reading.keep_history(demo, reading.state, AS_OF, params, moments[:1])


def test_a_reading_still_held_comes_back_while_nothing_was_written(demo: Journal) -> None:
    first = demo.health.reading(AS_OF)  # the window's list holds it
    assert demo.health.reading(AS_OF) is first  # Today asks next: no second reading
    assert demo.health.reading(AS_OF - dt.timedelta(days=1)) is not first
    person = demo.contacts.list()[0].id
    demo.interactions.log(InteractionFields(contact_ids=(person,), date=AS_OF, kind="call"))
    after = demo.health.reading(AS_OF)
    assert after is not first
    assert after.network == computed(demo).network


def test_the_history_of_a_reading_proven_by_keeping_it_is_kept_without_looking_again(
    demo: Journal, monkeypatch: pytest.MonkeyPatch
) -> None:
    reading = demo.health.reading(AS_OF)
    params = demo.health.params
    assert demo.health.keep(reading, params)  # the journal's digest was the same: proven
    person = demo.contacts.list()[0].id
    demo.interactions.log(InteractionFields(contact_ids=(person,), date=AS_OF, kind="call"))
    looked: list[Path] = []

    def digest(path: Path) -> str:
        looked.append(path)
        return "the journal as it is now"

    monkeypatch.setattr(figures_cache, "journal_state", digest)
    moments = [(AS_OF, 4, 2, 1)]
    assert kept_reading.keep_history(demo, reading.state, AS_OF, params, moments)
    assert not looked  # it stands for the reading's state, whatever the journal holds now
    assert kept_reading.kept_history(demo, reading.state, AS_OF, params, 1) == moments


def test_a_kept_file_cut_short_is_only_a_miss(demo: Journal) -> None:
    assert demo.health.keep(demo.health.reading(AS_OF), demo.health.params)
    folder = demo.paths.data_dir / figures_cache.CACHE_FOLDER
    [entry] = [p for p in folder.iterdir() if p.suffix == ".pickle"]
    whole = entry.read_bytes()
    entry.write_bytes(whole[: len(whole) // 2])  # a disk that filled up, a copy stopped midway
    reading, recomputed = read_kept_or(demo)
    assert recomputed and reading.network == computed(demo).network


def test_a_reading_that_cannot_be_kept_leaves_nothing_half_written(
    demo: Journal, monkeypatch: pytest.MonkeyPatch
) -> None:
    def fails(_reading: NetworkReading, out: BinaryIO) -> None:
        out.write(b"half of it")
        raise TypeError("cannot pickle this")

    monkeypatch.setattr(kept_reading, "_dump", fails)
    assert not demo.health.keep(demo.health.reading(AS_OF), demo.health.params)
    folder = demo.paths.data_dir / figures_cache.CACHE_FOLDER
    assert not folder.exists() or list(folder.iterdir()) == []
    assert read_kept_or(demo)[1]  # the next window computes, as if nothing had been kept
