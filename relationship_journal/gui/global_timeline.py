"""Everyone's timeline, newest first, filtered by kind and date range (read on the worker)."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from relationship_journal import clock
from relationship_journal.gui.date_field import DateField, to_date, to_qdate
from relationship_journal.gui.timeline_view import KIND_LABELS, TimelineView
from relationship_journal.gui.worker import Operation, Progress
from relationship_journal.journal.core import Journal
from relationship_journal.journal.vocabulary import INTERACTION_KINDS

LIMIT = 500


class GlobalTimeline(QWidget):
    edit_entry = Signal(int)
    delete_entry = Signal(int)

    def __init__(self, journal: Journal, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("Page")
        self.journal = journal
        self._generation = 0
        layout = QVBoxLayout(self)
        layout.setContentsMargins(18, 14, 18, 10)
        title = QLabel("Everyone's timeline", self)
        title.setObjectName("ContactName")
        layout.addWidget(title)
        row = QHBoxLayout()
        self.kind = QComboBox(self)
        self.kind.addItem("All kinds", None)
        for kind in INTERACTION_KINDS:
            self.kind.addItem(KIND_LABELS.get(kind, kind), kind)
        self.since = DateField(to_qdate(clock.today()).addMonths(-3), self)
        self.until = DateField(to_qdate(clock.today()), self)
        for edit in (self.since, self.until):
            edit.setMaximumWidth(170)
            edit.dateChanged.connect(self.refresh)  # a typed day as soon as it is one
        self.kind.currentIndexChanged.connect(self.refresh)
        row.addWidget(QLabel("Show", self))
        row.addWidget(self.kind)
        row.addWidget(QLabel("from", self))
        row.addWidget(self.since)
        row.addWidget(QLabel("to", self))
        row.addWidget(self.until)
        row.addStretch(1)
        self.count = QLabel(self)
        self.count.setProperty("muted", True)
        row.addWidget(self.count)
        layout.addLayout(row)
        self.timeline = TimelineView(self)
        self.timeline.empty_text = "No interactions in this range."
        self.timeline.edit_requested.connect(self.edit_entry)
        self.timeline.delete_requested.connect(self.delete_entry)
        layout.addWidget(self.timeline, 1)

    def set_range(self, since: dt.date, until: dt.date) -> None:
        for edit, day in ((self.since, since), (self.until, until)):
            edit.blockSignals(True)
            edit.setDate(to_qdate(day))
            edit.blockSignals(False)
        self.refresh()

    def refresh(self, *_args: object) -> None:
        self._generation += 1
        generation, journal, kind = self._generation, self.journal, self.kind.currentData()
        since, until = to_date(self.since.date()), to_date(self.until.date())

        def work(_progress: Progress) -> list:  # type: ignore[type-arg]
            return journal.interactions.recent(kinds=[kind] if kind else None, since=since, until=until,
                                               limit=LIMIT)

        def done(entries: list) -> None:  # type: ignore[type-arg]
            if generation != self._generation:
                return  # a newer range was asked for meanwhile
            self.timeline.set_entries(entries)
            more = " (newest 500)" if len(entries) >= LIMIT else ""
            self.count.setText(f"{len(entries):,} entries{more}")

        Operation(self, work, done, lambda error: self.count.setText(f"Not read: {error}")).run()
