"""Today: every reminder source, the ranking by touch value, snoozing and settling (undoable)."""

from __future__ import annotations

import datetime as dt

import pytest

from relationship_journal.health import touch_value
from relationship_journal.journal import Journal, ValidationError
from relationship_journal.journal.health_inputs import load_logs
from relationship_journal.journal.records import (
    Birthday,
    ContactFields,
    InteractionFields,
    YearlyDate,
)

TODAY = dt.date(2026, 11, 23)


def person(journal: Journal, name: str, **fields: object) -> int:
    return journal.contacts.add(ContactFields(display_name=name, **fields)).created_id or 0  # type: ignore[arg-type]


def log(
    journal: Journal,
    who: int,
    days_ago: int,
    kind: str = "meeting",
    minutes: int = 60,
    depth: int = 3,
    initiated_by: str = "them",
) -> None:
    journal.interactions.log(
        InteractionFields(
            (who,),
            TODAY - dt.timedelta(days=days_ago),
            kind,
            minutes=minutes,
            depth=depth,
            initiated_by=initiated_by,
        )
    )


def keys(journal: Journal, as_of: dt.date = TODAY) -> list[str]:
    return [item.key for item in journal.agenda.today(as_of).items]


def kinds(journal: Journal, as_of: dt.date = TODAY) -> dict[str, str]:
    return {item.key: item.kind for item in journal.agenda.today(as_of).items}


def test_an_empty_journal_has_nothing_today(journal: Journal) -> None:
    agenda = journal.agenda.today(TODAY)
    assert agenda.items == () and agenda.hidden == 0


def test_promises_both_ways_due_or_overdue_are_on_today(journal: Journal) -> None:
    ann = person(journal, "Ann Lee")
    mine = journal.ledger.add_commitment(
        ann,
        "mine",
        "Send the article",
        TODAY - dt.timedelta(days=10),
        due_date=TODAY - dt.timedelta(days=3),
    ).created_id
    theirs = journal.ledger.add_commitment(
        ann, "theirs", "Intro to Bo", TODAY - dt.timedelta(days=5), due_date=TODAY
    ).created_id
    journal.ledger.add_commitment(
        ann, "mine", "Far away", TODAY, due_date=TODAY + dt.timedelta(days=30)
    )
    journal.ledger.add_commitment(ann, "mine", "No date", TODAY)
    items = {i.key: i for i in journal.agenda.today(TODAY).items}
    assert set(items) == {f"promise:{mine}", f"promise:{theirs}"}
    assert "overdue by 3 days" in items[f"promise:{mine}"].reason
    assert items[f"promise:{mine}"].source == {
        "type": "commitment",
        "id": mine,
        "owner": "mine",
        "interaction_id": None,
        "date": "2026-11-13",
    }
    assert "Ann Lee promised you" in items[f"promise:{theirs}"].reason
    assert "due today" in items[f"promise:{theirs}"].reason


def test_asks_waiting_and_favours_to_return(journal: Journal) -> None:
    bo = person(journal, "Bo Chen")
    cy = person(journal, "Cy Diaz")
    ask = journal.ledger.add_ask(bo, "advice on pricing", TODAY - dt.timedelta(days=12)).created_id
    journal.ledger.add_ask(
        bo, "just asked", TODAY - dt.timedelta(days=1)
    )  # too fresh to be waiting
    log(journal, cy, 20)
    favour = journal.ledger.add_favour(
        cy, "received", "reviewed my deck", TODAY - dt.timedelta(days=9), size=2
    ).created_id
    found = kinds(journal)
    assert found[f"ask:{ask}"] == "ask"
    assert found[f"favour:{favour}"] == "favour"
    assert len([k for k in found if k.startswith("ask:")]) == 1
    journal.ledger.add_favour(
        cy, "given", "intro to an investor", TODAY - dt.timedelta(days=2), size=3
    )
    assert f"favour:{favour}" not in keys(journal), "a favour returned is no longer owed"


def test_birthdays_and_dates_in_the_next_week(journal: Journal) -> None:
    dee = person(
        journal,
        "Dee Fox",
        birthday=Birthday(11, 25, 1980),
        important_dates=(
            YearlyDate("Wedding anniversary", 11, 30, 2015),
            YearlyDate("Name day", 12, 1),
        ),
    )
    person(journal, "Eve Gray", birthday=Birthday(12, 20))
    items = {i.kind: i for i in journal.agenda.today(TODAY).items}
    assert set(items) == {"birthday", "date"}
    assert items["birthday"].when == dt.date(2026, 11, 25)
    assert "turning 46" in items["birthday"].reason and "in 2 days" in items["birthday"].reason
    assert "wedding anniversary (11 years) is in 7 days" in items["date"].reason
    assert items["birthday"].contact_ids == (dee,)


def test_a_leap_day_birthday_is_kept_on_the_28th(journal: Journal) -> None:
    person(journal, "Fay Leap", birthday=Birthday(2, 29, 2000))
    (item,) = journal.agenda.today(dt.date(2027, 2, 25)).items
    assert item.when == dt.date(2027, 2, 28)


def _people_past_cadence(journal: Journal) -> dict[int, int]:
    """Five people in different states, all past their cadence; name -> id."""
    ids = {}
    for index, (circle, gap, kind, minutes, depth) in enumerate(
        [
            (15, 45, "meeting", 90, 4),
            (15, 70, "call", 20, 2),
            (50, 120, "meeting", 60, 3),
            (5, 12, "message", 3, 1),
            (50, 200, "social", 120, 4),
        ]
    ):
        cid = person(journal, f"Person {index}", circle=circle)
        for k in range(6):
            log(journal, cid, gap + k * (gap // 2 + 3), kind, minutes, depth)
        ids[cid] = circle
    return ids


def test_keep_in_touch_is_ranked_by_the_models_predicted_gain(journal: Journal) -> None:
    ids = _people_past_cadence(journal)
    items = [i for i in journal.agenda.today(TODAY).items if i.kind in ("fading", "cadence")]
    assert {i.contact_ids[0] for i in items} == set(ids)
    with journal.reading() as connection:
        logs = {lg.contact.id: lg for lg in load_logs(connection, list(ids))}
    values = {cid: touch_value(logs[cid], TODAY, journal.health.params) for cid in ids}
    predicted = {cid: value.gain for cid, value in values.items()}
    shown = {cid: value.shown()[1] for cid, value in values.items()}
    order = [i.contact_ids[0] for i in items]
    assert order == sorted(ids, key=lambda cid: (-shown[cid], -predicted[cid], ids[cid]))
    assert [i.gain["gain"] for i in items] == [round(predicted[cid], 2) for cid in order]  # type: ignore[index]
    first = items[0]
    assert (
        f"lifts health from {first.gain['without']} to {first.gain['after_call']}" in first.reason
    )  # type: ignore[index]


def test_the_gains_the_cards_show_never_rise_down_the_list() -> None:
    """Ranked by the exact gain, 24.4 -> 41.6 (+18 shown) came below 25.6 -> 43.4 (+17)."""
    from relationship_journal.health.touch_value import TouchOption

    assert TouchOption("call", 15, 24.4, 41.6).shown_gain == 18
    assert TouchOption("call", 15, 25.6, 43.4).shown_gain == 17
    assert TouchOption("call", 15, 25.6, 43.4).gain > TouchOption("call", 15, 24.4, 41.6).gain


def test_today_lists_the_shown_gains_in_order_on_the_demo(journal: Journal) -> None:
    from relationship_journal.demo import generate

    generate(journal, contacts=200, seed=1, as_of=TODAY)  # ranked by the exact gain: 8, 7, 8
    touches = [i for i in journal.agenda.today(TODAY).items if i.kind in ("fading", "cadence")]
    shown = []
    for item in touches:  # what the card says, worked out from its own figures
        gain = item.gain
        assert gain is not None
        call = gain["after_call"] - (gain["without"] or 0)
        shown.append(call if call > 0 else max(0, gain["after_meeting"] - (gain["without"] or 0)))
        assert gain["shown_gain"] == shown[-1]
        assert gain["shown_with"] == ("call" if call > 0 else "meeting")
    assert len(touches) > 3
    assert shown == sorted(shown, reverse=True)


def test_the_touch_value_is_what_logging_the_touch_does(journal: Journal) -> None:
    """The predicted figure is the health the page shows tomorrow after logging that call."""
    ids = _people_past_cadence(journal)
    item = next(i for i in journal.agenda.today(TODAY).items if i.kind in ("fading", "cadence"))
    cid = item.contact_ids[0]
    journal.interactions.log(
        InteractionFields(
            (cid,), TODAY, "call", minutes=15, initiated_by="me", depth=_median_depth(journal, cid)
        )
    )
    tomorrow = journal.health.contact(cid, TODAY + dt.timedelta(days=1))
    assert tomorrow.score == pytest.approx(item.gain["after_call"], abs=0.5)  # type: ignore[index]
    assert ids


def _median_depth(journal: Journal, cid: int) -> int:
    import statistics

    return round(statistics.median(e.depth for e in journal.interactions.for_contact(cid)))


def test_someone_in_touch_within_cadence_is_not_on_today(journal: Journal) -> None:
    cid = person(journal, "Recent", circle=15)
    for k in range(5):
        log(journal, cid, 3 + 25 * k)
    assert keys(journal) == []


def test_snooze_hides_until_the_day_and_undo_brings_it_back(journal: Journal) -> None:
    ann = person(journal, "Ann Lee")
    cid = journal.ledger.add_commitment(ann, "mine", "Send it", TODAY, due_date=TODAY).created_id
    key = f"promise:{cid}"
    with journal.history.recording("Snooze"):
        journal.agenda.snooze(key, TODAY + dt.timedelta(days=7), TODAY)
    assert keys(journal) == [] and journal.agenda.today(TODAY).hidden == 1
    assert keys(journal, TODAY + dt.timedelta(days=6)) == []
    assert keys(journal, TODAY + dt.timedelta(days=7)) == [key], (
        "a snoozed item comes back on its day"
    )
    journal.history.undo()
    assert keys(journal) == [key]
    with pytest.raises(ValidationError, match="snooze until a day after"):
        journal.agenda.snooze(key, TODAY, TODAY)


def test_snoozes_are_kept_in_the_journal(journal: Journal) -> None:
    from relationship_journal.journal import Journal as Reopened

    person(journal, "Gus Hale", birthday=Birthday(11, 24))
    (item,) = journal.agenda.today(TODAY).items
    journal.agenda.snooze(item.key, TODAY + dt.timedelta(days=1), TODAY)
    with Reopened(journal.paths) as again:
        assert again.agenda.today(TODAY).items == ()


def test_done_keeps_a_promise_and_dismisses_anything_else_undoably(journal: Journal) -> None:
    ann = person(journal, "Ann Lee", birthday=Birthday(11, 24))
    cid = journal.ledger.add_commitment(ann, "mine", "Send it", TODAY, due_date=TODAY).created_id
    items = {i.kind: i for i in journal.agenda.today(TODAY).items}
    with journal.history.recording("Done"):
        journal.agenda.settle(items["promise"], TODAY)
    assert journal.ledger.commitments(ann)[0].done_date == TODAY
    with journal.history.recording("Done"):
        changed = journal.agenda.settle(items["birthday"], TODAY)
    assert keys(journal) == [] and changed.contacts == {ann}
    journal.history.undo()
    journal.history.undo()
    assert journal.ledger.commitments(ann)[0].done_date is None
    assert sorted(keys(journal)) == sorted([f"promise:{cid}", items["birthday"].key])


def test_an_introduction_shows_once_a_week(journal: Journal) -> None:
    person(journal, "Ines Porto", goals="open a bakery in Porto")
    baker = person(journal, "Will Baker", organisation="Willow Street Bakery")
    (item,) = journal.agenda.today(TODAY).items
    assert item.kind == "introduction" and baker in item.contact_ids
    assert "works at Willow Street Bakery" in item.reason
    monday = TODAY - dt.timedelta(days=TODAY.weekday())
    assert {
        i.key for d in range(7) for i in journal.agenda.today(monday + dt.timedelta(days=d)).items
    } == {item.key}
    journal.agenda.settle(item, TODAY)
    assert keys(journal) == []
    assert keys(journal, TODAY + dt.timedelta(days=7)) != [], "next week brings a suggestion again"


def test_someone_about_to_fade_is_on_today_with_the_fade_date(journal: Journal) -> None:
    cid = person(journal, "Fading Friend", circle=15)
    for k in range(10):
        log(journal, cid, 20 + 30 * k, depth=2)
    health = journal.health.contact(cid, TODAY)
    assert health.fade_date is not None and (health.fade_date - TODAY).days <= 60
    (item,) = journal.agenda.today(TODAY).items
    assert item.kind == "fading" and item.when == health.fade_date
    assert f"drops below 50 in {(health.fade_date - TODAY).days} days" in item.reason


def test_the_weekly_introduction_is_worked_out_without_the_collector_running(
    journal: Journal, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Everyone's words make many small dicts and sets: in the window, each collection
    they set off walked everything made since the last freeze, on a worker that holds the
    interpreter, and kept the window waiting (100-400 ms each at 100,000 people)."""
    import gc

    from relationship_journal.demo import generate
    from relationship_journal.journal import introductions

    generate(journal, contacts=120, seed=3, as_of=TODAY)
    collections: list[int] = []
    working: list[bool] = []
    real = introductions._ideas  # the work itself, inside whatever pauses the collector

    def ideas(*args: object, **kwargs: object) -> object:
        working.append(True)
        try:
            return real(*args, **kwargs)  # type: ignore[arg-type]
        finally:
            working.pop()

    def counted(phase: str, info: dict[str, int]) -> None:
        if phase == "start" and working:
            collections.append(info["generation"])

    monkeypatch.setattr(introductions, "_ideas", ideas)
    thresholds = gc.get_threshold()
    gc.set_threshold(1, 1, 1)  # a collection at every chance, so that one would show
    gc.callbacks.append(counted)
    try:
        agenda = journal.agenda.today(TODAY)
    finally:
        gc.callbacks.remove(counted)
        gc.set_threshold(*thresholds)
    assert any(item.kind == "introduction" for item in agenda.items)
    assert collections == []
