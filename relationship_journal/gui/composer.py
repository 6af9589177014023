"""The note composer: log what happened with someone in a few keystrokes.

It sits at the top of a contact's timeline and opens with Ctrl+N anywhere. Ctrl+Enter
saves. Every change is written to the draft file within a second, and the draft is
cleared only once the entry is safely in the journal.
"""

from __future__ import annotations

import datetime as dt
import html
from collections.abc import Callable
from typing import Any, cast

from PySide6.QtCore import QEvent, QObject, QStringListModel, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QComboBox,
    QCompleter,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from relationship_journal import clock
from relationship_journal.errors import AppError
from relationship_journal.gui.collation import sorted_names
from relationship_journal.gui.composer_ledger import LedgerRows, select_data
from relationship_journal.gui.date_field import DateField, to_date, to_qdate
from relationship_journal.gui.drafts import DraftStore
from relationship_journal.gui.safe_text import SafeTextBrowser
from relationship_journal.gui.timeline_view import KIND_LABELS
from relationship_journal.journal.meeting_log import AskNote, FavourNote, PromiseNote
from relationship_journal.journal.records import InteractionFields, InteractionView
from relationship_journal.journal.vocabulary import DEPTHS, INTERACTION_KINDS

DRAFT_DELAY_MS = 800
PREVIEW_DELAY_MS = 150
INITIATOR_LABELS = {"me": "I did", "them": "They did", "mutual": "Both / planned", "unknown": "Not sure"}

Submit = Callable[[InteractionFields, tuple[FavourNote, ...], tuple[PromiseNote, ...], tuple[AskNote, ...]], None]


class PeopleDirectory:
    """Names for the person picker, shared by every composer (one model for 10,000 names)."""

    def __init__(self) -> None:
        self.model = QStringListModel()
        self._ids: dict[str, int] = {}
        self._names: dict[int, str] = {}

    def set_people(self, people: list[tuple[int, str]], in_name_order: bool = False) -> None:
        """`in_name_order`: the people come sorted as names sort already (the contact list's
        own order), so they are not sorted again (80 ms at 10,000, after every change)."""
        self._names = dict(people)
        self._ids = {}
        for cid, name in people:
            self._ids.setdefault(name, cid)
        names = list(self._ids)
        self.model.setStringList(names if in_name_order else sorted_names(names))

    def id_of(self, name: str) -> int | None:
        return self._ids.get(name.strip())

    def name_of(self, contact_id: int) -> str:
        return self._names.get(contact_id, f"#{contact_id}")


class ComposerForm(QWidget):
    """The form; `submit` writes the entry (through the undo stack) or raises JournalError/StoreError."""

    saved = Signal()
    cancelled = Signal()

    def __init__(self, directory: PeopleDirectory, submit: Submit, drafts: DraftStore | None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.directory = directory
        self.submit = submit
        self.drafts = drafts
        self.editing: InteractionView | None = None
        self.people: list[int] = []
        self._loading = False
        self._date_message = ""
        self._build()
        self._draft_timer = QTimer(self, singleShot=True, interval=DRAFT_DELAY_MS)
        self._draft_timer.timeout.connect(self.save_draft)
        self._preview_timer = QTimer(self, singleShot=True, interval=PREVIEW_DELAY_MS)
        self._preview_timer.timeout.connect(self._update_preview)
        for signal in (self.note.textChanged, self.kind.currentIndexChanged, self.date.dateChanged,
                       self.minutes.valueChanged, self.depth_choice.currentIndexChanged,
                       self.initiated.currentIndexChanged, self.ledger.changed):
            signal.connect(self._changed)
        self.note.textChanged.connect(self._preview_timer.start)
        # A draft restored before the list loads shows names once the names are known.
        self.directory.model.modelReset.connect(self._show_people)

    # --- layout --------------------------------------------------------------------------
    def _build(self) -> None:
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 10, 12, 10)
        layout.setSpacing(8)
        people_row = QHBoxLayout()
        self.people_label = QLabel(self)
        self.people_label.setTextFormat(Qt.TextFormat.RichText)
        self.people_label.linkActivated.connect(self._remove_person)
        self.people_label.setToolTip("Everyone who took part; click × to remove someone")
        self.picker = QLineEdit(self)
        self.picker.setPlaceholderText("Add a person…")
        self.picker.setToolTip("Type a few letters of a name and pick from the list")
        completer = QCompleter(self.directory.model, self)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.setMaxVisibleItems(12)
        completer.activated.connect(self._add_named)
        self.picker.setCompleter(completer)
        self.picker.returnPressed.connect(lambda: self._add_named(self.picker.text()))
        people_row.addWidget(QLabel("With:", self))
        people_row.addWidget(self.people_label, 1)
        people_row.addWidget(self.picker)
        layout.addLayout(people_row)

        grid = QGridLayout()
        grid.setHorizontalSpacing(8)
        self.kind = QComboBox(self)
        for kind in INTERACTION_KINDS:
            self.kind.addItem(KIND_LABELS.get(kind, kind), kind)
        self.date = DateField(to_qdate(clock.today()), self)
        self.minutes = QSpinBox(self)
        self.minutes.setRange(0, 24 * 60)
        self.minutes.setSingleStep(15)
        self.minutes.setSpecialValueText("—")
        self.minutes.setSuffix(" min")
        self.minutes.setToolTip("How long it took (leave at — if you don't know)")
        self.depth_choice = QComboBox(self)
        for level, text in DEPTHS.items():
            self.depth_choice.addItem(f"{level} · {text}", level)
        self.depth_choice.setCurrentIndex(1)
        self.depth_choice.setToolTip("How deep the conversation went")
        self.initiated = QComboBox(self)
        for key, text in INITIATOR_LABELS.items():
            self.initiated.addItem(text, key)
        self.initiated.setCurrentIndex(3)
        for column, (label, widget) in enumerate(
            (("Kind", self.kind), ("Date", self.date), ("Minutes", self.minutes),
             ("Depth", self.depth_choice), ("Who started it", self.initiated))
        ):
            caption = QLabel(label, self)
            caption.setProperty("muted", True)
            grid.addWidget(caption, 0, column)
            grid.addWidget(widget, 1, column)
        grid.setColumnStretch(3, 2)
        layout.addLayout(grid)

        self.ledger = LedgerRows(self, self)  # favours, promises, the ask
        layout.addWidget(self.ledger)

        split = QSplitter(Qt.Orientation.Horizontal, self)
        self.note = QPlainTextEdit(split)
        self.note.setPlaceholderText(
            "What was said, what they care about, what you promised… (Markdown works)"
        )
        self.note.setTabChangesFocus(True)
        self.preview = SafeTextBrowser(split)
        self.preview.setPlaceholderText("Preview")
        self.preview.setToolTip("How the note will look on the timeline")
        self.preview.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        split.setSizes([600, 400])
        split.setMinimumHeight(110)
        layout.addWidget(split, 1)

        buttons = QHBoxLayout()
        self.status = QLabel(self)
        self.status.setProperty("muted", True)
        self.status.setWordWrap(True)
        self.discard = QPushButton("Discard", self)
        self.discard.setToolTip("Clear the form and the saved draft")
        self.discard.clicked.connect(self.clear_and_cancel)
        self.save = QPushButton("Save  (Ctrl+Enter)", self)
        self.save.setObjectName("Primary")
        self.save.clicked.connect(self.save_entry)
        for button in (self.discard, self.save):
            button.setAutoDefault(False)  # Enter in the person picker adds a person, nothing else
        buttons.addWidget(self.status, 1)
        buttons.addWidget(self.discard)
        buttons.addWidget(self.save)
        layout.addLayout(buttons)
        # Ctrl+Enter saves from any field of this form (and only this form: the page and the
        # Ctrl+N window each have one, so a window-wide shortcut would be ambiguous).
        for child in self.findChildren(QWidget):
            child.installEventFilter(self)
        chain = (self.picker, self.kind, self.date, self.minutes, self.depth_choice, self.initiated)
        for first, second in zip(chain, chain[1:], strict=False):
            self.setTabOrder(first, second)
        self.ledger.chain_between(self.initiated, self.note)  # the rows, however many there are
        for first, second in ((self.note, self.discard), (self.discard, self.save)):
            self.setTabOrder(first, second)
        self._show_people()
        self.date.validity_changed.connect(self._dates_checked)
        self.ledger.dates_changed.connect(self._dates_checked)

    def date_problem(self) -> str:
        """Why a date on the form is no date ("" when both are fine)."""
        for field in (self.date, *self.ledger.due_fields()):
            if field.isEnabled() and not field.valid:
                return field.problem
        return ""

    def _dates_checked(self, *_args: object) -> None:
        problem = self.date_problem()
        self.save.setEnabled(not problem)
        if problem:
            self.status.setText(problem)
        elif self.status.text() == self._date_message:
            self.status.clear()
        self._date_message = problem

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in (QEvent.Type.KeyPress, QEvent.Type.ShortcutOverride):
            key_event = cast(QKeyEvent, event)
            if key_event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and (
                key_event.modifiers() & Qt.KeyboardModifier.ControlModifier
            ):
                event.accept()
                if event.type() == QEvent.Type.KeyPress:
                    self.save_entry()
                return True
        return super().eventFilter(watched, event)

    # --- people --------------------------------------------------------------------------
    def set_people(self, contact_ids: list[int]) -> None:
        self.people = list(dict.fromkeys(contact_ids))
        self._show_people()

    def _add_named(self, name: str) -> None:
        contact_id = self.directory.id_of(name)
        if contact_id is None:
            if name.strip():
                self.status.setText(f"No contact is called “{name.strip()}”.")
            return
        if contact_id not in self.people:
            self.people.append(contact_id)
        QTimer.singleShot(0, self.picker.clear)
        self._show_people()
        self._changed()

    def _remove_person(self, link: str) -> None:
        contact_id = int(link.removeprefix("remove:"))
        self.people = [p for p in self.people if p != contact_id]
        self._show_people()
        self._changed()

    def _show_people(self) -> None:
        if not self.people:
            self.people_label.setText("<span style='color:gray'>nobody yet</span>")
            return
        self.people_label.setText(" &nbsp; ".join(
            f"<b>{html.escape(self.directory.name_of(p))}</b> <a href='remove:{p}' "
            "style='text-decoration:none'>×</a>" for p in self.people
        ))

    # --- values --------------------------------------------------------------------------
    def fields(self) -> InteractionFields:
        return InteractionFields(
            contact_ids=tuple(self.people),
            date=to_date(self.date.date()),
            kind=self.kind.currentData(),
            minutes=self.minutes.value() or None,
            initiated_by=self.initiated.currentData(),
            depth=self.depth_choice.currentData(),
            note=self.note.toPlainText().strip(),
        )

    def is_blank(self) -> bool:
        return not self.note.toPlainText().strip() and self.ledger.is_blank()

    def to_draft(self) -> dict[str, Any]:
        return {
            "people": self.people,
            "kind": self.kind.currentData(),
            "date": to_date(self.date.date()).isoformat(),
            "minutes": self.minutes.value(),
            "depth": self.depth_choice.currentData(),
            "initiated_by": self.initiated.currentData(),
            "note": self.note.toPlainText(),
            **self.ledger.to_draft(),
            "editing": self.editing.id if self.editing else None,
            "saved_at": clock.now().isoformat(timespec="seconds"),
        }

    def load_draft(self, draft: dict[str, Any]) -> None:
        self._loading = True
        try:
            self.set_people([int(p) for p in draft.get("people", []) if str(p).isdigit()])
            select_data(self.kind, draft.get("kind"))
            try:
                self.date.setDate(to_qdate(dt.date.fromisoformat(draft.get("date", ""))))
            except ValueError:
                pass
            self.minutes.setValue(int(draft.get("minutes") or 0))
            select_data(self.depth_choice, draft.get("depth"))
            select_data(self.initiated, draft.get("initiated_by"))
            self.note.setPlainText(str(draft.get("note", "")))
            self.ledger.load_draft(draft)
            self.ledger.show_ask(not draft.get("editing"))
        finally:
            self._loading = False
        self._update_preview()

    def edit(self, entry: InteractionView, favours: tuple[FavourNote, ...] = (),
             promises: tuple[PromiseNote, ...] = ()) -> None:
        """Fill the form with a stored entry and its favours and promises; saving then replaces them."""
        self.reset()
        self._loading = True
        try:
            self.ledger.set_notes(favours, promises)
            self.ledger.show_ask(False)
        finally:
            self._loading = False
        self.editing = entry
        self.set_people(list(entry.contact_ids))
        select_data(self.kind, entry.kind)
        self.date.setDate(to_qdate(entry.date))
        self.minutes.setValue(entry.minutes or 0)
        select_data(self.depth_choice, entry.depth)
        select_data(self.initiated, entry.initiated_by)
        self.note.setPlainText(entry.note)
        self.save.setText("Save changes  (Ctrl+Enter)")

    def reset(self, people: list[int] | None = None) -> None:
        self._loading = True
        try:
            self.editing = None
            self.note.clear()
            self.ledger.reset()
            self.minutes.setValue(0)
            self.date.setDate(to_qdate(clock.today()))
            self.kind.setCurrentIndex(0)
            self.depth_choice.setCurrentIndex(1)
            self.initiated.setCurrentIndex(3)
            self.save.setText("Save  (Ctrl+Enter)")
            if people is not None:
                self.set_people(people)
        finally:
            self._loading = False
        self._update_preview()

    # --- actions -------------------------------------------------------------------------
    def _changed(self, *_args: object) -> None:
        if not self._loading and self.drafts is not None:
            self._draft_timer.start()

    def save_draft(self) -> None:
        if self.drafts is None:
            return
        if self.is_blank() and self.editing is None:
            self.drafts.clear()
        else:
            self.drafts.save(self.to_draft())

    def save_entry(self) -> None:
        if self.date_problem():
            self.status.setText(self.date_problem())
            return
        if not self.people:
            self.status.setText("Add at least one person (type a name in “Add a person…”).")
            self.picker.setFocus()
            return
        favours, promises = self.ledger.notes()
        asks = self.ledger.asks() if self.editing is None else ()
        try:
            self.submit(self.fields(), favours, promises, asks)
        except AppError as error:  # refused, or the disk would not take it
            self.status.setText(str(error))
            return
        people = self.people if self.editing is None else []
        self._draft_timer.stop()
        if self.drafts is not None:
            self.drafts.clear()
        self.reset(people)
        self.status.setText("Saved.")
        self.saved.emit()

    def clear_and_cancel(self) -> None:
        self._draft_timer.stop()
        if self.drafts is not None:
            self.drafts.clear()
        self.reset()
        self.status.clear()
        self.cancelled.emit()

    def _update_preview(self) -> None:
        self.preview.set_markdown(self.note.toPlainText())

