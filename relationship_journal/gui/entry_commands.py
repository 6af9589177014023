"""What the person writes down one at a time: entries, profile fields, favours, promises,
asks and new people, each one change in the journal's history (gui/undo.py).

Reads a command needs first (the entry to edit, a person's open asks) run on the worker
too; the dialogs that ask the person a question open when the answer is back.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QInputDialog

from relationship_journal.gui.contact_dialog import NewContactDialog
from relationship_journal.gui.worker import Operation
from relationship_journal.journal.core import Journal
from relationship_journal.journal.meeting_log import (
    AskNote,
    FavourNote,
    PromiseNote,
    log_meeting,
    meeting_notes,
    update_meeting,
)
from relationship_journal.journal.records import Changes, InteractionFields
from relationship_journal.journal.vocabulary import ASK_OUTCOMES

if TYPE_CHECKING:
    from relationship_journal.gui.composer import ComposerForm
    from relationship_journal.gui.main_window import MainWindow


LEDGER_WORDS = {"favour": "Favour", "commitment": "Promise", "ask": "Ask"}
# A favour or a promise without a meeting: the dialog's title, its two questions, the
# ledger's method, and which side each answer names.
SIDES = {
    "favour": ("Record a favour", "Who helped whom?", "What was the favour?", "add_favour"),
    "commitment": ("Record a promise", "Whose promise?", "What was promised?", "add_commitment"),
}
SIDES_WORDS = {
    "favour": {"I helped {name}": "given", "{name} helped me": "received"},
    "commitment": {"I promised": "mine", "{name} promised": "theirs"},
}


class EntryCommands:
    """The window's single-entry writes; each ends in the undo stack's `changed`."""

    def __init__(self, window: MainWindow) -> None:
        self.window = window

    def _write(
        self,
        label: str,
        work: Callable[[Journal], Changes],
        message: str | None = None,
        done: Callable[[Changes], None] | None = None,
    ) -> None:
        window = self.window

        def written(changes: Changes) -> None:
            if message:
                window.statusBar().showMessage(message, 5000)
            if done is not None:
                done(changes)

        window.undo_stack.write(label, work, initiator=self, done=written)

    def _read(self, work: Callable[[Journal], Any], then: Callable[[Any], None]) -> None:
        journal = self.window.journal
        Operation(self.window, lambda _progress: work(journal), then, self.window.show_error).run()

    def _open_person(self, prompt: str) -> int | None:
        window = self.window
        cid = window.page.contact_id
        if cid is None or window.stack.currentWidget() is not window.page:
            window.statusBar().showMessage(prompt, 5000)
            return None
        return cid

    # --- the composer ----------------------------------------------------------------------
    def submit_from(self, form_of: Callable[[], ComposerForm]) -> Callable[..., None]:
        """The composer's `submit`: the entry is written on the worker. A refusal puts the
        words back in the form with the reason, so nothing typed is lost."""

        def submit(
            fields: InteractionFields,
            favours: tuple[FavourNote, ...],
            promises: tuple[PromiseNote, ...],
            asks: tuple[AskNote, ...] = (),
        ) -> None:
            form = form_of()
            editing, draft = form.editing, form.to_draft()
            label = "Edit interaction" if editing is not None else f"Log {fields.kind}"

            def work(journal: Journal) -> Changes:
                if editing is not None:  # the entry and its favours and promises, as one write
                    return update_meeting(journal, editing.id, fields, favours, promises)
                return log_meeting(journal, fields, favours, promises, asks)

            def refused(error: BaseException) -> None:
                if editing is not None:
                    form.edit(editing)
                form.load_draft(draft)
                form.save_draft()
                form.status.setText(str(error))
                if form is self.window.composer_dialog.form:
                    self.window.composer_dialog.show()
                self.window.statusBar().showMessage(str(error), 10000)

            self.window.undo_stack.write(
                label,
                work,
                initiator=form,
                failed=refused,
                done=lambda _c: self.window.statusBar().showMessage(
                    "Interaction saved. Ctrl+Z undoes it.", 5000
                ),
            )

        return submit

    def new_interaction(self) -> None:
        window = self.window
        page = window.page
        people = (
            [page.contact_id] if page.contact_id and window.stack.currentWidget() is page else []
        )
        window.composer_dialog.open_for(people)

    def edit_entry(self, interaction_id: int) -> None:
        def edit(read: Any) -> None:
            entry, notes = read
            dialog = self.window.composer_dialog
            dialog.form.edit(entry, *notes)
            dialog.setWindowTitle("Edit interaction")
            dialog.show()
            dialog.form.note.setFocus()

        def read(journal: Journal) -> Any:
            entry = journal.interactions.get(interaction_id)
            return entry, meeting_notes(journal, entry)

        self._read(read, edit)

    def delete_entry(self, interaction_id: int) -> None:
        self._write(
            "Delete interaction",
            lambda j: j.interactions.delete(interaction_id),
            "Interaction deleted. Ctrl+Z brings it back.",
        )

    # --- the page ------------------------------------------------------------------------
    def profile_edited(self, contact_id: int, name: str, _before: Any, after: Any) -> None:
        self._write(
            f"Edit {name.replace('_', ' ')}",
            lambda j: j.contacts.update(contact_id, **{name: after}),
        )

    def commitment_toggled(self, commitment_id: int, done: bool) -> None:
        day = self.window.as_of if done else None
        label = "Mark promise done" if done else "Reopen promise"
        # After the click has finished: the list of promises is rebuilt by the change.
        QTimer.singleShot(
            0,
            lambda: self._write(label, lambda j: j.ledger.set_commitment_done(commitment_id, day)),
        )

    def record_without_meeting(self, kind: str) -> None:
        """A favour, promise or ask for the open person with no interaction (one change)."""
        window = self.window
        cid = self._open_person("Open a person first.")
        if cid is None:
            return
        name = window.directory.name_of(cid)
        day = window.as_of
        if kind in SIDES:
            title, whose, what_was, method = SIDES[kind]
            sides = {words.format(name=name): side for words, side in SIDES_WORDS[kind].items()}
            chosen, ok = QInputDialog.getItem(window, title, whose, list(sides), 0, False)
            what, ok = QInputDialog.getText(window, title, what_was) if ok else ("", False)
            side = sides.get(chosen, "")
        else:
            what, ok = QInputDialog.getText(window, "Record an ask", f"What did you ask of {name}?")
            method, side = "add_ask", ""
        text = what.strip()
        if not (ok and text):
            return

        def work(journal: Journal) -> Changes:
            add = getattr(journal.ledger, method)
            return add(cid, side, text, day) if side else add(cid, text, day)  # type: ignore[no-any-return]

        label = f"{LEDGER_WORDS[kind]}: {text[:40]}"
        self._write(label, work, f"{label}. Ctrl+Z undoes it.")

    def record_ask_outcome(self) -> None:
        """Pick one of the open person's open asks and say how they answered (undoable)."""
        cid = self._open_person("Open a person first, then record how they answered an ask.")
        if cid is not None:
            self._read(
                lambda j: [a for a in j.ledger.asks(cid) if a.outcome == "open"],
                lambda asks: self._choose_ask(cid, asks),
            )

    def _choose_ask(self, cid: int, asks: list[Any]) -> None:
        window = self.window
        name = window.directory.name_of(cid)
        if not asks:
            window.statusBar().showMessage(f"No open ask of yours is waiting on {name}.", 5000)
            return
        labels = [f"{a.date:%d %b %Y} · {a.what}" for a in asks]
        chosen, ok = QInputDialog.getItem(
            window, "Record an ask's outcome", f"Which ask did {name} answer?", labels, 0, False
        )
        if not ok:
            return
        ask = asks[labels.index(chosen)]
        outcomes = [o for o in ASK_OUTCOMES if o != "open"]
        outcome, ok = QInputDialog.getItem(
            window, "Record an ask's outcome", f"“{ask.what}”: how did it go?", outcomes, 0, False
        )
        if ok:
            self.resolve_ask(ask.id, ask.what, outcome)

    def resolve_ask(self, ask_id: int, what: str, outcome: str) -> None:
        """How they answered an ask (from Ctrl+K or the Overview's asks card), one undoable change."""
        day = self.window.as_of
        self._write(
            f"Ask “{what[:40]}”: {outcome}",
            lambda j: j.ledger.resolve_ask(ask_id, outcome, day),
            f"Ask recorded as {outcome}. Ctrl+Z undoes it.",
        )

    def new_contact(self) -> None:
        window = self.window
        dialog = NewContactDialog(window)
        if dialog.exec() != NewContactDialog.DialogCode.Accepted:
            return
        fields = dialog.fields()

        def added(changes: Changes) -> None:
            created = changes.created_id
            if created is not None:
                window.feed.when_current(lambda: self._show_new(created, fields.display_name))

        self._write(
            f"Add {fields.display_name.strip()}", lambda j: j.contacts.add(fields), done=added
        )

    def _show_new(self, created: int, name: str) -> None:
        window = self.window
        if window.show_contact(created):
            window.page.tabs.setCurrentIndex(2)
        window.statusBar().showMessage(f"Added {name}.", 5000)
