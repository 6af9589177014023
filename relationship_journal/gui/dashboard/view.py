"""The Dashboard: the weekly look at the whole network.

Network figures, the four charts shared with the PDF reports, who is fading and who
is owed a reply or a favour, all as the network stood on the "as of" day. The
computation runs on the thread pool through `gui.worker.Operation` in two steps (the
figures first, then the 24-month history), so the window never waits on it; a result
that arrives after a newer request has started is dropped.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QDate, QEvent, Qt, QTimer, Signal
from PySide6.QtGui import QResizeEvent, QShowEvent
from PySide6.QtWidgets import (
    QDateEdit,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QStackedLayout,
    QVBoxLayout,
    QWidget,
)

from relationship_journal import clock
from relationship_journal.gui import theme
from relationship_journal.gui.dashboard.panels import (
    Card,
    ChartCard,
    EmptyState,
    FadingList,
    FigureCard,
    OwedList,
)
from relationship_journal.gui.dashboard.snapshot import (
    DashboardSnapshot,
    LoadedJournal,
    compute_history,
    compute_snapshot,
    load_network,
)
from relationship_journal.gui.dashboard.words import plural, verdict_sentence
from relationship_journal.gui.date_field import to_date
from relationship_journal.gui.worker import Operation, Progress
from relationship_journal.health import NetworkHealth
from relationship_journal.journal.core import Journal
from relationship_journal.reports.chart_series import DepthBreadthSeries, NetworkMoment
from relationship_journal.reports.network_data import LoadedNetwork

if TYPE_CHECKING:
    from relationship_journal.reports.charts import ChartPalette

CHART_MIN_HEIGHT = 200
LIST_MIN_HEIGHT = 170
SIDE_WIDTH = 330
HISTORY_DELAY_MS = 150
WIDE, MEDIUM, NARROW = "wide", "medium", "narrow"
WIDE_MIN_WIDTH = 1180  # two chart columns of ~400 px and the lists beside them
MEDIUM_MIN_WIDTH = 760  # two chart columns of ~360 px, the lists below


class DashboardView(QWidget):
    """The network dashboard; `refresh()` after the journal changes."""

    contact_activated = Signal(int)
    computed = Signal()  # a snapshot is on screen (the history may still be coming)
    history_computed = Signal()

    def __init__(
        self,
        journal: Journal,
        parent: QWidget | None = None,
        shared: Callable[[], tuple[LoadedNetwork, dt.date, NetworkHealth] | None] | None = None,
    ) -> None:
        """`shared` hands over timelines the window has already read, with the network it
        evaluated from them on a day (None: read them)."""
        super().__init__(parent)
        self.setObjectName("Page")
        self._journal = journal
        self._shared = shared
        self._loaded: LoadedJournal | None = None
        self._generation = 0
        self._running: list[Operation] = []
        self.snapshot: DashboardSnapshot | None = None
        self.history: DepthBreadthSeries | None = None
        self._charts: dict[str, Any] = {}
        self._recolour_pending = False
        self._alive = [True]  # emptied when the widget is destroyed; late results then do nothing
        self.destroyed.connect(self._alive.clear)
        self._build()

    # -- public ------------------------------------------------------------------------
    def refresh(self, as_of: dt.date | None = None) -> None:
        """Re-read the journal and recompute everything as of `as_of` (default: today)."""
        self._loaded = None
        self._set_date(as_of or clock.today())
        self._start()

    def as_of(self) -> dt.date:
        return to_date(self.date_edit.date())

    def busy(self) -> bool:
        return bool(self._running)

    # -- layout --------------------------------------------------------------------------
    def _build(self) -> None:
        outer = QVBoxLayout(self)
        outer.setContentsMargins(16, 12, 16, 12)
        outer.setSpacing(10)
        outer.addLayout(self._header())
        self._stack = QStackedLayout()
        self.empty_state = EmptyState()
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
        content = QWidget()
        content.setObjectName("Page")
        scroll.setWidget(content)
        self._stack.addWidget(scroll)
        self._stack.addWidget(self.empty_state)
        outer.addLayout(self._stack, 1)

        body = QVBoxLayout(content)
        body.setContentsMargins(0, 0, 4, 0)
        body.setSpacing(10)
        self._figure_grid = QGridLayout()
        self._figure_grid.setSpacing(10)
        self._figure_cards = self._make_figures()
        body.addLayout(self._figure_grid)
        self._grid = QGridLayout()
        self._grid.setSpacing(10)
        self._chart_cards = self._make_charts()
        self._list_cards = self._make_lists()
        self._mode = ""
        self._arrange(WIDE)
        body.addLayout(self._grid, 1)

    def _header(self) -> QHBoxLayout:
        row = QHBoxLayout()
        title = QLabel("Your network")
        title.setObjectName("EmptyTitle")
        row.addWidget(title)
        row.addStretch(1)
        self.status = QLabel("")
        self.status.setObjectName("Muted")
        row.addWidget(self.status)
        row.addSpacing(12)
        label = QLabel("As of")
        self.date_edit = QDateEdit()
        self.date_edit.setCalendarPopup(True)
        self.date_edit.setDisplayFormat("d MMM yyyy")
        self.date_edit.setMaximumDate(QDate(clock.today()))
        self.date_edit.setDate(QDate(clock.today()))
        self.date_edit.setToolTip("See the whole network as it stood on any past day")
        self.date_edit.setMinimumWidth(130)
        label.setBuddy(self.date_edit)
        self.date_edit.dateChanged.connect(self._date_changed)
        self.today_button = QPushButton("Today")
        self.today_button.setToolTip("Back to the network as it is today")
        self.today_button.clicked.connect(lambda: self._set_date(clock.today(), recompute=True))
        row.addWidget(label)
        row.addWidget(self.date_edit)
        row.addWidget(self.today_button)
        return row

    def _make_figures(self) -> list[FigureCard]:
        self.breadth_card = FigureCard(
            "Breadth", "People you touched in the 365 days before the as-of day, of everyone you know.")
        self.depth_card = FigureCard(
            "Connections", "Depth: people who know and trust you, on the evidence: trust, health, "
            "recent contact, their own initiative and at least one confiding conversation.")
        self.trusted_card = FigureCard(
            "Trusted circle", "Connections with high trust, strong health and at least 50 hours together.")
        self.index_card = FigureCard(
            "Wide vs deep", "log10((breadth + 1) / (depth + 1)): 0.5 or less is deep, over 1.5 is "
            "a mile wide and an inch deep.")
        return [self.breadth_card, self.depth_card, self.trusted_card, self.index_card]

    def _make_charts(self) -> list[ChartCard]:
        from relationship_journal.reports import charts  # pyqtgraph: only when a chart is shown
        from relationship_journal.reports.people_picture import people_picture_chart

        palette = self._palette()
        self._chart_builders: dict[str, Callable[[Any, ChartPalette], Any]] = {
            "depth_breadth": charts.depth_breadth_chart,
            "occupancy": charts.circle_occupancy_chart,
            "health": charts.health_distribution_chart,
            "weekly": charts.interactions_per_week_chart,
            "people": people_picture_chart,
        }
        empty = _empty_series()
        tips = {
            "depth_breadth": "Month by month: how many people you kept up with (breadth) against how "
                             "many of them know and trust you (connections, trusted circle).",
            "occupancy": "How many people you placed in each circle, against what a person can keep "
                         "up at that circle's cadence (5 / 10 / 35 / 100 / 350). Red: over 1.5×.",
            "health": "Everyone's relationship health, coloured by band: strong 70+, steady 50–69, "
                      "cooling 30–49, cold under 30.",
            "weekly": "Journal entries per calendar week over the last year; a dinner with three "
                      "people counts once.",
            "people": "Your trusted circle (gold, named) and connections (green) around you, grouped "
                      "by who knows whom; a line joins people who know each other or were met together.",
        }
        cards = []
        for name, builder in self._chart_builders.items():
            widget = charts.chart_widget(builder, empty[name], palette)
            widget.setMinimumHeight(CHART_MIN_HEIGHT)
            widget.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
            widget.setObjectName(f"chart_{name}")
            widget.setToolTip(tips[name])
            self._charts[name] = widget
            cards.append(ChartCard(widget))
        return cards

    def _make_lists(self) -> list[Card]:
        fading = Card("Fading")
        self.fading_caption = QLabel("With no new contact, these fall below health 50 within the fading horizon.")
        self.fading_caption.setObjectName("Muted")
        self.fading_caption.setWordWrap(True)
        self.fading_list = FadingList("Nobody is fading: every close tie is holding.")
        self.fading_list.setObjectName("fading_list")
        fading.body.addWidget(self.fading_caption)
        fading.body.addWidget(self.fading_list, 1)
        owed = Card("You owe")
        self.owed_caption = QLabel("Promises still open (overdue in red), and help to return.")
        self.owed_caption.setObjectName("Muted")
        self.owed_caption.setWordWrap(True)
        self.owed_list = OwedList("Nothing owed: every promise kept.")
        self.owed_list.setObjectName("owed_list")
        owed.body.addWidget(self.owed_caption)
        owed.body.addWidget(self.owed_list, 1)
        self.fading_list.contact_activated.connect(self.contact_activated)
        self.owed_list.contact_activated.connect(self.contact_activated)
        return [fading, owed]

    def _arrange(self, mode: str) -> None:
        """Lay the cards out for the width: lists beside the charts, below them, or all stacked."""
        if mode == self._mode:
            return
        self._mode = mode
        card: Card  # each loop below walks a different kind of card
        for card in self._figure_cards:
            self._figure_grid.removeWidget(card)
        for column in range(4):
            self._figure_grid.setColumnStretch(column, 0)
        if mode == NARROW:  # two by two, so the big numbers keep their room
            for index, card in enumerate(self._figure_cards):
                self._figure_grid.addWidget(card, index // 2, index % 2)
                self._figure_grid.setColumnStretch(index % 2, 1)
        else:
            for index, card in enumerate(self._figure_cards):
                self._figure_grid.addWidget(card, 0, index)
                self._figure_grid.setColumnStretch(index, 5 if card is self.index_card else 2)
        for card in (*self._chart_cards, *self._list_cards):
            self._grid.removeWidget(card)
        for column in range(3):
            self._grid.setColumnStretch(column, 0)
        for row in range(6):
            self._grid.setRowStretch(row, 0)
        if mode == WIDE:
            for index, card in enumerate(self._chart_cards):
                span = 2 if index == len(self._chart_cards) - 1 and index % 2 == 0 else 1
                self._grid.addWidget(card, index // 2, index % 2, 1, span)
            for row, card in enumerate(self._list_cards):
                card.setFixedWidth(SIDE_WIDTH)
                self._grid.addWidget(card, row, 2)
            self._grid.setColumnStretch(0, 1)
            self._grid.setColumnStretch(1, 1)
            self._grid.setRowStretch(0, 1)
            self._grid.setRowStretch(1, 1)
            self._grid.setRowStretch(2, 1)
            return
        for card in self._list_cards:
            card.setMinimumWidth(0)
            card.setMaximumWidth(16777215)
            card.setMinimumHeight(LIST_MIN_HEIGHT)
        if mode == MEDIUM:  # charts share the height; the lists keep a readable few rows
            for index, card in enumerate((*self._chart_cards, *self._list_cards)):
                self._grid.addWidget(card, index // 2, index % 2)
            self._grid.setColumnStretch(0, 1)
            self._grid.setColumnStretch(1, 1)
            self._grid.setRowStretch(0, 3)
            self._grid.setRowStretch(1, 3)
            self._grid.setRowStretch(2, 2)
        else:
            for row, card in enumerate((*self._chart_cards, *self._list_cards)):
                self._grid.addWidget(card, row, 0)
            self._grid.setColumnStretch(0, 1)

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 (Qt's name)
        super().resizeEvent(event)
        width = event.size().width()
        self._arrange(WIDE if width >= WIDE_MIN_WIDTH else MEDIUM if width >= MEDIUM_MIN_WIDTH else NARROW)

    # -- computing -------------------------------------------------------------------------
    def _set_date(self, day: dt.date, recompute: bool = False) -> None:
        self.date_edit.setMaximumDate(QDate(clock.today()) if day <= clock.today() else QDate(day))
        self.date_edit.blockSignals(True)
        self.date_edit.setDate(QDate(day))
        self.date_edit.blockSignals(False)
        if recompute:
            self._start()

    def _date_changed(self, _date: QDate) -> None:
        self._start()

    def _start(self) -> None:
        for operation in self._running:
            operation.progress.cancel()  # its result, if any, is dropped by generation
        self._running.clear()
        self._generation += 1
        generation = self._generation
        as_of = self.as_of()
        loaded = self._loaded
        journal = self._journal
        params = journal.health.params  # the same (possibly user-tuned) model as journal.health
        shared = self._shared() if loaded is None and self._shared is not None else None
        reuse = shared[0] if shared else None
        known = shared[2] if shared and shared[1] == as_of else None
        self.status.setText("Computing…")

        def work(progress: Progress) -> tuple[LoadedJournal, DashboardSnapshot]:
            network = loaded or load_network(journal, params, step=progress.step, network=reuse)
            return network, compute_snapshot(network, as_of, params, step=progress.step, network=known)

        self._run(work, lambda result: self._snapshot_ready(generation, result))

    def _run(self, work: Any, on_success: Any) -> None:
        holder: list[Operation] = []
        alive = self._alive

        def done(result: Any) -> None:
            if alive:  # the view may have been closed and deleted meanwhile
                self._forget(holder)
                on_success(result)

        def failed(error: BaseException) -> None:
            if alive:
                self._forget(holder)
                self.status.setText(f"Could not compute the dashboard: {error}")

        operation = Operation(self, work, done, failed)
        holder.append(operation)
        self._running.append(operation)
        operation.run()

    def _forget(self, holder: list[Operation]) -> None:
        for operation in holder:
            if operation in self._running:
                self._running.remove(operation)

    def _snapshot_ready(self, generation: int, result: tuple[LoadedJournal, DashboardSnapshot]) -> None:
        if generation != self._generation:
            return
        self._loaded, snapshot = result
        self.snapshot = snapshot
        self.history = None
        self._show_snapshot(snapshot)
        self.computed.emit()
        if snapshot.is_empty:
            self.status.setText("")
            self.history_computed.emit()
            return
        self.status.setText("Computing the last 24 months…")
        # Start after the new figures are painted: pyqtgraph paints in Python, and a
        # worker busy in Python would make every paint call wait its turn for the GIL.
        QTimer.singleShot(HISTORY_DELAY_MS, self, lambda: self._start_history(generation, snapshot))

    def _start_history(self, generation: int, snapshot: DashboardSnapshot) -> None:
        if generation != self._generation or self._loaded is None:
            return
        loaded = self._loaded
        params = self._journal.health.params

        def work(progress: Progress) -> DepthBreadthSeries:
            return compute_history(loaded, snapshot, params=params, step=progress.step)

        self._run(work, lambda history: self._history_ready(generation, history))

    def _history_ready(self, generation: int, history: DepthBreadthSeries) -> None:
        if generation != self._generation:
            return
        self.history = history
        self._set_chart("depth_breadth", history)
        self.status.setText("")
        self.history_computed.emit()

    # -- showing ----------------------------------------------------------------------------
    def _show_snapshot(self, snapshot: DashboardSnapshot) -> None:
        self._stack.setCurrentIndex(1 if snapshot.is_empty else 0)
        if snapshot.is_empty:
            return
        net = snapshot.network
        colours = theme.colours()
        self.breadth_card.show_figure(
            f"{net.breadth:,}", f"touched in the past year, of {plural(net.total_contacts, 'person', 'people')}")
        self.depth_card.show_figure(
            f"{net.depth:,}", f"know and trust you; {net.dormant:,} dormant to reconnect")
        self.trusted_card.show_figure(
            f"{net.trusted:,}", "high trust, strong health, real time together")
        verdict_colour = colours.bands["cold"] if net.verdict.startswith("a mile") else None
        self.index_card.show_figure(f"{net.wide_deep_index:.2f} · {net.verdict}", verdict_sentence(net),
                                    verdict_colour)
        warn = colours.bands["cold"]
        self.fading_caption.setText(
            "With no new contact, these fall below health 50 within the next "
            f"{net.fading_horizon_days} days (Preferences › Keeping in touch). Each person's own "
            "date is on their page."
        )
        self.fading_list.show_entries(net.fading, snapshot.as_of, warn)
        self.owed_list.show_owed(snapshot.replies_owed, snapshot.favours_owed, snapshot.as_of, warn)
        self._set_chart("occupancy", snapshot.occupancy)
        self._set_chart("health", snapshot.histogram)
        self._set_chart("weekly", snapshot.weekly)
        if snapshot.picture is not None:
            self._set_chart("people", snapshot.picture)
        net_now = NetworkMoment(snapshot.as_of, net.breadth, net.depth, net.trusted)
        self._set_chart("depth_breadth", self.history or DepthBreadthSeries((net_now,)))

    def _set_chart(self, name: str, data: Any) -> None:
        from relationship_journal.reports import charts

        charts.set_chart(self._charts[name], self._chart_builders[name], data, self._palette())

    def _palette(self) -> Any:
        from relationship_journal.reports import charts

        c = theme.colours()
        base = charts.palette_for(c.name)
        return dataclasses.replace(base, background=c.card, text=c.text, muted=c.muted,
                                   bands={**base.bands, **c.bands})

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 (Qt's name)
        """Compute on first sight, so an unopened dashboard costs nothing."""
        super().showEvent(event)
        if self.snapshot is None and not self._running:
            self.refresh(self.as_of())

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt's name)
        """Repaint the charts in the new colours when the theme changes."""
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange and not self._recolour_pending:
            # Not now: Qt is re-polishing every widget; swapping charts mid-way crashes.
            self._recolour_pending = True
            QTimer.singleShot(0, self, self._recolour)

    def _recolour(self) -> None:
        self._recolour_pending = False
        if self.snapshot is not None:
            self._show_snapshot(self.snapshot)


def _empty_series() -> dict[str, Any]:
    """Blank charts to show until the first computation lands."""
    from relationship_journal.health import DEFAULTS
    from relationship_journal.reports.chart_series import (
        circle_occupancy,
        health_histogram,
        interactions_per_week,
    )
    from relationship_journal.reports.people_picture import PeoplePicture

    today = clock.today()
    return {
        "depth_breadth": DepthBreadthSeries((NetworkMoment(today, 0, 0, 0),)),
        "occupancy": circle_occupancy({}, DEFAULTS.circle_capacity, DEFAULTS.overload_factor),
        "health": health_histogram([]),
        "weekly": interactions_per_week({}, today),
        "people": PeoplePicture((), (), 0),
    }
