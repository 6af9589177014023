"""Changes to the selected people at once (circle, tags, archive, delete) and merging two.

Each is one change in the journal's history, written on the worker (gui/undo.py), so
one Ctrl+Z takes back a thousand people's new tag as it takes back one.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtWidgets import QDialog, QInputDialog, QMessageBox

from relationship_journal.gui.worker import Operation
from relationship_journal.journal.core import Journal
from relationship_journal.journal.merge import merge_contacts
from relationship_journal.journal.records import Changes
from relationship_journal.journal.vocabulary import CIRCLE_NAMES, CIRCLES

if TYPE_CHECKING:
    from relationship_journal.gui.main_window import MainWindow


class BulkCommands:
    def __init__(self, window: MainWindow) -> None:
        self.window = window

    def _bulk(self, label: str, action: Callable[[Journal, list[int]], Changes]) -> None:
        window = self.window
        ids = window.contact_list.selected_ids()
        if not ids:
            return
        noun = f"{len(ids)} people" if len(ids) > 1 else "1 person"
        window.undo_stack.write(
            f"{label} ({noun})",
            lambda journal: action(journal, ids),
            initiator=self,
            done=lambda _c: window.statusBar().showMessage(
                f"{label}: {noun}. Ctrl+Z undoes it.", 6000
            ),
        )

    def set_circle(self) -> None:
        names = [f"{CIRCLE_NAMES[c]} ({c})" for c in CIRCLES]
        choice, ok = QInputDialog.getItem(
            self.window, "Set circle", "Move the selected people to:", names, 3, False
        )
        if ok:
            circle = CIRCLES[names.index(choice)]
            self._bulk(
                f"Set circle to {CIRCLE_NAMES[circle]}",
                lambda j, ids: j.contacts.set_circle(ids, circle),
            )

    def add_tag(self) -> None:
        tag, ok = QInputDialog.getText(self.window, "Add tag", "Tag the selected people with:")
        if ok and tag.strip():
            self._bulk(f"Add tag “{tag.strip()}”", lambda j, ids: j.contacts.add_tag(ids, tag))

    def remove_tag(self) -> None:
        tags = self.window.contact_list.tags()  # read with the list, and after every change
        if not tags:
            self.window.statusBar().showMessage("There are no tags yet.", 4000)
            return
        tag, ok = QInputDialog.getItem(
            self.window, "Remove tag", "Remove this tag from the selected people:", tags, 0, False
        )
        if ok:
            self._bulk(f"Remove tag “{tag}”", lambda j, ids: j.contacts.remove_tag(ids, tag))

    def archive(self) -> None:
        self._bulk("Archive", lambda j, ids: j.contacts.set_archived(ids, True))

    def delete(self) -> None:
        ids = self.window.contact_list.selected_ids()
        if not ids:
            return
        answer = QMessageBox.question(
            self.window,
            "Delete contacts",
            f"Delete {len(ids)} {'person' if len(ids) == 1 else 'people'} and their history?\n"
            "Entries shared with others stay on their timelines. You can undo this with Ctrl+Z.",
        )
        if answer == QMessageBox.StandardButton.Yes:
            self._bulk("Delete", lambda j, chosen: j.contacts.delete(chosen))

    def merge_selected(self) -> None:
        window = self.window
        ids = window.contact_list.selected_ids()
        if len(ids) != 2:
            window.statusBar().showMessage("Select exactly two people to merge (Ctrl+click).", 5000)
            return
        journal = window.journal

        def read(_progress: Any) -> list[tuple[Any, int]]:
            return [
                (journal.contacts.get(cid), len(journal.interactions.for_contact(cid)))
                for cid in ids
            ]

        Operation(window, read, lambda people: self._merge(ids, people), window.show_error).run()

    def _merge(self, ids: list[int], people: list[tuple[Any, int]]) -> None:
        from relationship_journal.gui.merge_dialog import MergeDialog

        window = self.window
        names = {cid: window.directory.name_of(cid) for cid in ids}
        dialog = MergeDialog(people, window)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        keep, duplicate = dialog.chosen()

        def merged(_changes: Changes) -> None:
            window.feed.when_current(lambda: window.show_contact(keep))
            window.statusBar().showMessage(
                f"Merged {names[duplicate]} into {names[keep]}. Ctrl+Z undoes it.", 6000
            )

        window.undo_stack.write(
            f"Merge {names[duplicate]} into {names[keep]}",
            lambda j: merge_contacts(j, keep, duplicate),
            initiator=self,
            done=merged,
        )
