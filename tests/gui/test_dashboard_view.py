"""The dashboard on a demo network: the figures, who is fading, clicking through, as-of dates."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

import pytest
from PySide6.QtCore import QDate, Qt

from relationship_journal.demo import generate
from relationship_journal.gui.dashboard.view import DashboardView
from relationship_journal.journal import Journal
from relationship_journal.journal.records import ContactFields

AS_OF = dt.date(2026, 11, 23)


@pytest.fixture
def demo(journal: Journal) -> Journal:
    generate(journal, contacts=150, seed=1, as_of=AS_OF)
    return journal


@pytest.fixture
def view(qtbot, demo: Journal) -> Iterator[DashboardView]:  # type: ignore[no-untyped-def]
    widget = DashboardView(demo)
    qtbot.addWidget(widget)
    widget.resize(1400, 900)
    yield widget


def _compute(qtbot, view: DashboardView, as_of: dt.date) -> None:  # type: ignore[no-untyped-def]
    with qtbot.waitSignal(view.history_computed, timeout=120_000):
        view.refresh(as_of)


def _network(journal: Journal, as_of: dt.date):  # type: ignore[no-untyped-def]
    return journal.health.network(as_of)  # what the contact list, the CLI and the PDF show


def test_shows_the_models_network_figures_and_verdict(qtbot, view, demo) -> None:  # type: ignore[no-untyped-def]
    _compute(qtbot, view, AS_OF)
    expected = _network(demo, AS_OF)
    assert view.breadth_card.value.text() == f"{expected.breadth:,}"
    assert f"of {expected.total_contacts} people" in view.breadth_card.caption.text()
    assert view.depth_card.value.text() == f"{expected.depth:,}"
    assert view.trusted_card.value.text() == f"{expected.trusted:,}"
    assert view.index_card.value.text() == f"{expected.wide_deep_index:.2f} · {expected.verdict}"
    assert view.index_card.caption.text()  # the verdict in words
    assert view.history is not None and len(view.history.moments) == 24
    assert view.history.breadth[-1] == expected.breadth


def test_lists_the_fading_people_soonest_first_by_name(qtbot, view, demo) -> None:  # type: ignore[no-untyped-def]
    _compute(qtbot, view, AS_OF)
    fading = _network(demo, AS_OF).fading
    assert fading, "the demo network always has someone fading"
    assert view.fading_list.ids() == [f.contact_id for f in fading]
    shown = [view.fading_list.topLevelItem(i).text(0) for i in range(view.fading_list.topLevelItemCount())]
    assert shown == [f.name for f in fading]


def test_clicking_a_fading_name_opens_that_contact(qtbot, view, demo) -> None:  # type: ignore[no-untyped-def]
    view.show()
    _compute(qtbot, view, AS_OF)
    target = view.fading_list.ids()[-1]
    rect = view.fading_list.row_rect(target)
    with qtbot.waitSignal(view.contact_activated, timeout=120_000) as signal:
        qtbot.mouseClick(view.fading_list.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert signal.args == [target]


def test_an_earlier_as_of_date_shows_the_network_as_it_stood_then(qtbot, view, demo) -> None:  # type: ignore[no-untyped-def]
    _compute(qtbot, view, AS_OF)
    today_breadth = view.breadth_card.value.text()
    earlier = dt.date(2025, 5, 31)
    with qtbot.waitSignal(view.history_computed, timeout=120_000):
        view.date_edit.setDate(QDate(earlier))  # what the user does with the picker
    then = _network(demo, earlier)
    assert view.snapshot is not None and view.snapshot.as_of == earlier
    assert view.breadth_card.value.text() == f"{then.breadth:,}"
    assert view.breadth_card.value.text() != today_breadth
    assert view.history is not None and view.history.days[-1] == earlier


def test_a_date_typed_into_as_of_is_the_day_computed(qtbot, view, demo) -> None:  # type: ignore[no-untyped-def]
    _compute(qtbot, view, AS_OF)
    earlier = dt.date(2025, 5, 31)
    view.date_edit.selectAll()
    with qtbot.waitSignal(view.history_computed, timeout=120_000):
        qtbot.keyClicks(view.date_edit, "2025-05-31")
        qtbot.keyClick(view.date_edit, Qt.Key.Key_Return)
    assert view.snapshot is not None and view.snapshot.as_of == earlier
    assert view.breadth_card.value.text() == f"{_network(demo, earlier).breadth:,}"
    assert view.date_edit.text() == "2025-05-31"


def test_an_impossible_as_of_date_says_why_and_keeps_the_figures(qtbot, view, demo) -> None:  # type: ignore[no-untyped-def]
    _compute(qtbot, view, AS_OF)
    shown = view.breadth_card.value.text()
    view.date_edit.selectAll()
    qtbot.keyClicks(view.date_edit, "2026-02-31")
    qtbot.keyClick(view.date_edit, Qt.Key.Key_Return)
    assert not view.date_edit.valid and "31" in view.date_edit.problem
    assert view.status.text() == view.date_edit.problem  # said beside the field, not only red
    assert not view.busy()  # nothing was started for it
    assert view.snapshot is not None and view.snapshot.as_of == AS_OF
    assert view.breadth_card.value.text() == shown
    view.date_edit.selectAll()
    qtbot.keyClicks(view.date_edit, AS_OF.isoformat())  # the day already shown: nothing to compute
    assert view.date_edit.valid and view.status.text() == ""  # and the complaint is gone


def test_promises_i_owe_appear_until_kept(qtbot, view, demo) -> None:  # type: ignore[no-untyped-def]
    person = demo.contacts.add(ContactFields(display_name="Ada Promise", circle=15)).created_id
    made = demo.ledger.add_commitment(person, "mine", "Send Ada the paper", AS_OF - dt.timedelta(days=3),
                                      due_date=AS_OF - dt.timedelta(days=1)).created_id
    _compute(qtbot, view, AS_OF)
    rows = [view.owed_list.topLevelItem(i) for i in range(view.owed_list.topLevelItemCount())]
    mine = [r for r in rows if r.text(0) == "Ada Promise: Send Ada the paper"]
    assert mine and mine[0].text(1) == f"{(AS_OF - dt.timedelta(days=1)).day} {AS_OF:%b}"
    assert "Was due" in mine[0].toolTip(0)
    # Before the promise was made, it is not owed.
    _compute(qtbot, view, AS_OF - dt.timedelta(days=10))
    assert person not in view.owed_list.ids()
    # Kept: gone.
    demo.ledger.set_commitment_done(made, AS_OF)
    _compute(qtbot, view, AS_OF)
    assert person not in view.owed_list.ids()


def test_an_empty_journal_shows_a_welcome_not_zeros(qtbot, journal) -> None:  # type: ignore[no-untyped-def]
    widget = DashboardView(journal)
    qtbot.addWidget(widget)
    with qtbot.waitSignal(widget.computed, timeout=120_000):
        widget.refresh(AS_OF)
    assert widget.snapshot is not None and widget.snapshot.is_empty
    assert widget._stack.currentWidget() is widget.empty_state


def test_a_view_closed_mid_computation_ignores_the_late_result(qtbot, demo) -> None:  # type: ignore[no-untyped-def]
    from relationship_journal.gui import worker

    widget = DashboardView(demo)
    alive = widget._alive  # the Python list outlives the C++ widget
    shown: list[bool] = []
    widget.computed.connect(lambda: shown.append(True))
    widget.refresh(AS_OF)
    widget.deleteLater()
    qtbot.waitUntil(lambda: not alive, timeout=120_000)  # the widget is gone
    qtbot.waitUntil(lambda: not worker.busy(), timeout=120_000)  # no error, no crash
    assert widget.snapshot is None, "the late snapshot was applied to a closed view"
    assert not shown
