"""One person's page: header, then Overview / Timeline / Profile tabs.

The page reads through the journal (one person's rows) and asks the health model for
this person's figures, on the worker: `refresh` returns at once and the page fills in
when the read is back (`loaded`). Every write it wants is emitted as a signal so the
window can make it one undoable change.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QSplitter, QTabWidget, QVBoxLayout, QWidget

from relationship_journal import clock
from relationship_journal.gui.composer import ComposerForm, PeopleDirectory, Submit
from relationship_journal.gui.contact_header import ContactHeader
from relationship_journal.gui.contact_overview import ContactOverview
from relationship_journal.gui.drafts import DraftStore
from relationship_journal.gui.people_panel import PeoplePanel
from relationship_journal.gui.profile_editor import ProfileEditor
from relationship_journal.gui.timeline_view import TimelineView
from relationship_journal.gui.worker import Operation, Progress
from relationship_journal.health import ContactHealth, TrajectoryPoint
from relationship_journal.journal.core import Journal
from relationship_journal.journal.errors import NotFoundError
from relationship_journal.journal.records import (
    AskView,
    CommitmentView,
    ContactDetail,
    FavourView,
    InteractionView,
)

TRAJECTORY_MONTHS = 24
OVERVIEW, TIMELINE, PROFILE = range(3)


@dataclass(frozen=True)
class PageRead:
    """Everything the page shows of one person, read in one go on the worker."""

    detail: ContactDetail
    health: ContactHealth
    commitments: list[CommitmentView]
    favours: list[FavourView]
    entries: list[InteractionView]
    asks: list[AskView]


def read_page(journal: Journal, contact_id: int, as_of: dt.date) -> PageRead | None:
    """None if they no longer exist."""
    try:
        detail = journal.contacts.get(contact_id)
    except NotFoundError:
        return None
    return PageRead(detail, journal.health.contact(contact_id, as_of), journal.ledger.commitments(contact_id),
                    journal.ledger.favours(contact_id), journal.interactions.for_contact(contact_id),
                    journal.ledger.asks(contact_id))


class ContactPage(QWidget):
    profile_edited = Signal(int, str, object, object)  # contact id, field, before, after
    commitment_toggled = Signal(int, bool)
    ask_answered = Signal(int, str, str)  # ask id, what was asked, outcome
    edit_entry = Signal(int)
    delete_entry = Signal(int)
    status = Signal(str)
    missing = Signal(int)  # the contact shown no longer exists
    trajectory_ready = Signal()
    loaded = Signal()  # a refresh's figures are on the page

    def __init__(self, journal: Journal, directory: PeopleDirectory, submit: Submit,
                 drafts: DraftStore, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("Page")
        self.journal = journal
        self.contact_id: int | None = None
        self.detail: ContactDetail | None = None
        self.health: ContactHealth | None = None
        self._read: PageRead | None = None
        self.as_of = clock.today()
        self._generation = 0
        self._trajectory_generation = 0
        self._why_part: str | None = None  # the part whose "Why" panel is open
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        self.header = ContactHeader(self)
        layout.addWidget(self.header)
        self.tabs = QTabWidget(self)
        self.tabs.setDocumentMode(True)
        layout.addWidget(self.tabs, 1)

        self.overview = ContactOverview(self)
        self.overview.health.why_requested.connect(self.show_why)
        self.overview.promises.toggled.connect(self.commitment_toggled)
        self.overview.asks.answered.connect(self.ask_answered)
        self.tabs.addTab(self.overview, "Overview")

        timeline_tab = QSplitter(Qt.Orientation.Vertical, self)
        self.composer = ComposerForm(directory, submit, drafts, timeline_tab)
        self.composer.setObjectName("Composer")
        self.timeline = TimelineView(timeline_tab)
        self.timeline.edit_requested.connect(self.edit_entry)
        self.timeline.delete_requested.connect(self.delete_entry)
        timeline_tab.addWidget(self.composer)
        timeline_tab.addWidget(self.timeline)
        timeline_tab.setStretchFactor(0, 0)
        timeline_tab.setStretchFactor(1, 1)
        timeline_tab.setSizes([330, 500])
        self.tabs.addTab(timeline_tab, "Timeline")

        self.profile = ProfileEditor(self)
        self.profile.edited.connect(self._profile_edited)
        self.profile.invalid.connect(self.status)
        from PySide6.QtWidgets import QScrollArea

        profile_scroll = QScrollArea(self)
        profile_scroll.setWidgetResizable(True)
        profile_tab = QWidget(profile_scroll)
        profile_layout = QVBoxLayout(profile_tab)
        profile_layout.addWidget(self.profile)
        self.people = PeoplePanel(journal, directory, profile_tab)  # who they know, introductions
        profile_layout.addWidget(self.people)
        profile_layout.addStretch(1)
        profile_scroll.setWidget(profile_tab)
        self.tabs.addTab(profile_scroll, "Profile")
        self._people_stale = True
        self.tabs.currentChanged.connect(lambda _i: self._load_people())

    # --- showing -------------------------------------------------------------------------
    def show_contact(self, contact_id: int, as_of: dt.date | None = None) -> None:
        if as_of is not None:
            self.as_of = as_of
        changed = contact_id != self.contact_id
        self.contact_id = contact_id
        if changed:
            self.overview.why.hide()
            if self.composer.editing is None and self.composer.is_blank():
                self.composer.reset([contact_id])
        self.refresh()

    def refresh(self) -> None:
        """Re-read this person's rows and recompute their health, on the worker."""
        if self.contact_id is None:
            return
        self._generation += 1
        generation, cid, as_of, journal = self._generation, self.contact_id, self.as_of, self.journal

        def done(read: PageRead | None) -> None:
            if generation == self._generation and cid == self.contact_id:
                self._show(read)

        Operation(self, lambda _progress: read_page(journal, cid, as_of), done,
                  lambda error: self.status.emit(f"{error}")).run()

    def _show(self, read: PageRead | None) -> None:
        if read is None:
            missing, self.contact_id = self.contact_id, None
            self.detail = self.health = self._read = None
            if missing is not None:
                self.missing.emit(missing)
            return
        self._read, self.detail, self.health = read, read.detail, read.health
        cid = read.detail.id
        self.header.set_contact(read.detail, read.health)
        self.overview.health.set_health(read.health)
        self.overview.trust.set_health(read.health)
        self.overview.promises.set_commitments(read.commitments, self.as_of)
        self.overview.favours.set_favours(read.favours, read.health)
        self.overview.asks.set_asks(read.asks, self.as_of)
        self.timeline.set_entries(read.entries, focus_contact=cid)
        self.profile.set_detail(read.detail)
        if self._why_part and not self.overview.why.isHidden():
            self.show_why(self._why_part, scroll=False)  # the open "Why" follows the new figures
        self._people_stale = True
        self._load_people()
        self._start_trajectory()
        self.loaded.emit()

    def _load_people(self) -> None:
        """Who they know needs the network's health: read it only when the tab is shown."""
        if self._people_stale and self.contact_id is not None and self.tabs.currentIndex() == PROFILE:
            self._people_stale = False
            self.people.set_contact(self.contact_id, self.as_of)

    def _start_trajectory(self) -> None:
        self._trajectory_generation += 1
        generation, cid, as_of, journal = self._trajectory_generation, self.contact_id, self.as_of, self.journal
        if cid is None:
            return

        def work(_progress: Progress) -> tuple[TrajectoryPoint, ...]:
            return journal.health.trajectory(cid, TRAJECTORY_MONTHS, as_of)

        def done(points: tuple[TrajectoryPoint, ...]) -> None:
            if generation == self._trajectory_generation:
                self.overview.trajectory.set_points(points)
                self.trajectory_ready.emit()

        Operation(self, work, done, lambda error: self.status.emit(f"Trajectory failed: {error}")).run()

    def show_why(self, part: str, scroll: bool = True) -> None:
        """The entries and favours behind one part, from the rows the page already read."""
        read = self._read
        if read is None or read.health.score is None:
            self.overview.why.hide()
            return
        self._why_part = part
        component = read.health.component(part)
        by_id = {e.id: e for e in read.entries}
        entries = [by_id[i] for i in list(component.interaction_ids)[-12:][::-1] if i in by_id]
        favour_ids = set(component.favour_ids)
        favours = [f for f in read.favours if f.id in favour_ids]
        self.overview.why.show_part(part, read.health, entries, favours)
        self.overview.why.show()
        if scroll:
            self.overview.ensureWidgetVisible(self.overview.why)

    def focus_composer(self) -> None:
        self.tabs.setCurrentIndex(TIMELINE)
        self.composer.note.setFocus()

    def _profile_edited(self, name: str, value: object) -> None:
        if self.detail is not None:
            self.profile_edited.emit(self.detail.id, name, getattr(self.detail, name), value)
