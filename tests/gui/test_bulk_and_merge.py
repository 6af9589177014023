"""Bulk actions and merging duplicates: each one step, each undoable."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from PySide6.QtCore import QItemSelection, QItemSelectionModel

from relationship_journal import clock
from relationship_journal.journal.records import ContactFields, InteractionFields, Labelled
from tests.gui.conftest import wait_idle


def _select(window: Any, ids: list[int]) -> None:
    view = window.contact_list.view
    selection = QItemSelection()
    for cid in ids:
        index = window.contact_list.proxy.mapFromSource(
            window.contact_list.model.index(window.contact_list.model.row_of(cid), 0))
        selection.select(index, index)
    view.selectionModel().select(
        selection, QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows)
    assert sorted(window.contact_list.selected_ids()) == sorted(ids)


def test_bulk_circle_tag_and_delete_each_undo_in_one_step(demo_folder: Path, start_app: Any, qtbot: Any,
                                                        answers: dict[str, Any]) -> None:
    window = start_app()
    journal = window.journal
    people = [s for s in journal.contacts.list() if s.circle != 5][:3]
    ids = [p.id for p in people]
    _select(window, ids)

    answers["item"] = lambda items: next(i for i in items if i.endswith("(5)"))
    window.act_circle.trigger()
    wait_idle(qtbot, window)
    assert {journal.contacts.get(i).circle for i in ids} == {5}
    answers["text"] = "offsite-2026"
    window.act_add_tag.trigger()
    wait_idle(qtbot, window)
    assert all("offsite-2026" in journal.contacts.get(i).tags for i in ids)
    window.undo_stack.undo()
    wait_idle(qtbot, window)
    assert not any("offsite-2026" in journal.contacts.get(i).tags for i in ids)
    window.undo_stack.undo()
    wait_idle(qtbot, window)
    assert [journal.contacts.get(i).circle for i in ids] == [p.circle for p in people]

    entries = {i: len(journal.interactions.for_contact(i)) for i in ids}
    _select(window, ids)
    window.act_delete.trigger()
    wait_idle(qtbot, window)
    assert all(window.contact_list.model.row_of(i) is None for i in ids)
    assert journal.contacts.count() == 40 - 3
    # The people are gone, and so is the selection the window shows and acts on.
    assert window.selection_label.text() == "" and not window.act_delete.isEnabled()
    window.undo_stack.undo()
    wait_idle(qtbot, window)
    assert journal.contacts.count() == 40
    assert {i: len(journal.interactions.for_contact(i)) for i in ids} == entries
    # Many people touched (those who shared entries too): the list reloads in the background.
    qtbot.waitUntil(lambda: all(window.contact_list.model.row_of(i) is not None for i in ids), timeout=120_000)


def test_a_filter_that_hides_selected_people_narrows_what_the_window_acts_on(
    demo_folder: Path, start_app: Any, qtbot: Any
) -> None:
    window = start_app()
    everyone = window.contact_list.model.summaries()
    first, second = everyone[0], next(s for s in everyone[1:] if s.name.split()[0] != everyone[0].name.split()[0])
    _select(window, [first.id, second.id])
    assert window.act_merge.isEnabled() and window.selection_label.text() == "2 selected"
    window.contact_list.search.setText(first.name)  # the second one no longer shows
    qtbot.waitUntil(lambda: window.contact_list.selected_ids() == [first.id], timeout=10_000)
    assert not window.act_merge.isEnabled() and window.selection_label.text() == ""
    window.contact_list.search.clear()


def test_merge_keeps_everything_and_undo_splits_again(start_app: Any, answers: dict[str, Any], qtbot: Any) -> None:
    from relationship_journal.journal import Journal

    with Journal.open() as journal:
        a = journal.contacts.add(ContactFields("Ada Lovelace", organisation="Analytical Engines",
                                               emails=(Labelled("ada@engines.org"),), tags=("maths",),
                                               interests="poetry")).created_id
        b = journal.contacts.add(ContactFields("Ada King", phones=(Labelled("+44 20 7946 0000"),),
                                               tags=("history",), interests="horses", circle=15)).created_id
        today = clock.today()
        journal.interactions.log(InteractionFields((a,), today - dt.timedelta(days=9), "call", note="first"))
        journal.interactions.log(InteractionFields((b,), today - dt.timedelta(days=3), "meeting", note="second"))
        journal.interactions.log(InteractionFields((a, b), today, "event", note="both were listed"))
        journal.ledger.add_favour(b, "received", "lent me a book", today)
        journal.ledger.add_commitment(b, "mine", "send the notes", today)
    window = start_app()
    _select(window, [a, b])
    assert window.act_merge.isEnabled()
    answers["item"] = lambda items: next(i for i in items if i.startswith("Keep “Ada Lovelace”"))
    window.act_merge.trigger()
    wait_idle(qtbot, window)

    journal = window.journal
    merged = journal.contacts.get(a)
    assert journal.contacts.count() == 1
    assert [e.note for e in journal.interactions.for_contact(a)] == ["both were listed", "second", "first"]
    assert [f.what for f in journal.ledger.favours(a)] == ["lent me a book"]
    assert [c.text for c in journal.ledger.commitments(a)] == ["send the notes"]
    assert {e.value for e in merged.emails} == {"ada@engines.org"}
    assert {p.value for p in merged.phones} == {"+44 20 7946 0000"}
    assert set(merged.tags) == {"maths", "history"}
    assert "poetry" in merged.interests and "horses" in merged.interests
    assert "Ada King" in (merged.notes or "")
    assert merged.circle == 15
    assert window.page.contact_id == a

    window.undo_stack.undo()
    wait_idle(qtbot, window)
    assert journal.contacts.count() == 2
    assert journal.contacts.get(b).display_name == "Ada King"
    assert [e.note for e in journal.interactions.for_contact(b)] == ["both were listed", "second"]
    assert [e.note for e in journal.interactions.for_contact(a)] == ["both were listed", "first"]
    assert [f.what for f in journal.ledger.favours(b)] == ["lent me a book"]
    assert journal.contacts.get(a).interests == "poetry"
    assert journal.search("horses")[0].id == b
