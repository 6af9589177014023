"""The Dashboard: the weekly look at the whole network.

Network figures, the four charts shared with the PDF reports, who is fading and who
is owed a reply or a favour, all as the network stood on the "as of" day. The
computation runs on the thread pool through `gui.worker.Operation` in two steps (the
figures first, then the month-by-month history), so the window never waits on it; a result
that arrives after a newer request has started is dropped.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QDate, QEvent, QTimer, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QWidget

from relationship_journal import clock
from relationship_journal.gui import theme
from relationship_journal.gui.dashboard.layout import DashboardLayout
from relationship_journal.gui.dashboard.snapshot import (
    DashboardSnapshot,
    LoadedJournal,
    compute_history,
    compute_snapshot,
    load_network,
)
from relationship_journal.gui.dashboard.words import plural, verdict_sentence
from relationship_journal.gui.date_field import to_date, to_qdate
from relationship_journal.gui.worker import Operation, Progress
from relationship_journal.health import NetworkHealth
from relationship_journal.journal.core import Journal
from relationship_journal.reports.chart_series import DepthBreadthSeries, NetworkMoment
from relationship_journal.reports.network_data import (
    LoadedNetwork,
    from_reading,
    history_months,
    keep_history,
    kept_history,
)

HISTORY_DELAY_MS = 150
# The loaded timelines, the figures on the day, and the history if one was kept for them.
Computed = tuple[LoadedJournal, DashboardSnapshot, DepthBreadthSeries | None]
TYPING_PAUSE_MS = 500  # a typed date is computed once the typing pauses, not at every key


class DashboardView(DashboardLayout):
    """The network dashboard; `refresh()` after the journal changes."""

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
        self._journal = journal
        self._shared = shared
        self._loaded: LoadedJournal | None = None
        self._generation = 0
        self._running: list[Operation] = []
        self.snapshot: DashboardSnapshot | None = None
        self.history: DepthBreadthSeries | None = None
        self._recolour_pending = False
        self._alive = [True]  # emptied when the widget is destroyed; late results then do nothing
        self.destroyed.connect(self._alive.clear)
        self._typed_date = QTimer(self)
        self._typed_date.setSingleShot(True)
        self._typed_date.setInterval(TYPING_PAUSE_MS)
        self._typed_date.timeout.connect(self._take_typed_date)
        self._computing_day: dt.date | None = None  # the as-of day asked of the last computation
        self.date_edit.dateChanged.connect(self._date_typed)
        self.date_edit.editingFinished.connect(self._take_typed_date)  # Enter, or leaving the field
        self._said_problem = ""  # the status line's words about a typed date, if any
        self.date_edit.validity_changed.connect(self._say_if_no_date)
        self.today_button.clicked.connect(lambda: self._set_date(clock.today(), recompute=True))

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

    # -- computing -------------------------------------------------------------------------
    def _set_date(self, day: dt.date, recompute: bool = False) -> None:
        self._typed_date.stop()
        self.date_edit.blockSignals(True)
        self.date_edit.setDate(to_qdate(day))
        self.date_edit.blockSignals(False)
        if recompute:
            self._start()

    def _date_typed(self, _day: QDate) -> None:
        self._typed_date.start()  # again: the pause counts from the last key

    def _say_if_no_date(self, valid: bool) -> None:
        """Beside the field, why what is typed is no date (the field only turns red)."""
        if not valid:
            self.status.setText(self.date_edit.problem)
        elif self.status.text() == self._said_problem:
            self.status.setText("")  # only what was said about the date, nothing else
        self._said_problem = "" if valid else self.date_edit.problem

    def _take_typed_date(self) -> None:
        """Compute for the day in the field, once: a date still being typed ("2026-03-1")
        or no date at all (the field says why) starts nothing."""
        self._typed_date.stop()
        if self.date_edit.valid and self.as_of() != self._computing_day:
            self._start()

    def _start(self) -> None:
        for operation in self._running:
            operation.progress.cancel()  # its result, if any, is dropped by generation
        self._running.clear()
        self._generation += 1
        generation = self._generation
        as_of = self.as_of()
        self._computing_day = as_of
        loaded = self._loaded
        journal = self._journal
        params = journal.health.params  # the same (possibly user-tuned) model as journal.health
        shared = self._shared() if loaded is None and self._shared is not None else None
        reuse = shared[0] if shared else None
        known = shared[2] if shared and shared[1] == as_of else None
        self.status.setText("Computing…")

        def work(progress: Progress) -> Computed:
            timelines, evaluated = reuse, known
            if loaded is None and reuse is None:
                # The window's list may be reading the network right now: join that
                # reading (journal.network_reading.SharedReadings) rather than make another.
                progress.step("Reading the journal", 0, 0)
                reading = journal.health.reading(as_of, params)
                timelines, evaluated = from_reading(reading), reading.network
            network = loaded or load_network(journal, params, step=progress.step, network=timelines)
            snapshot = compute_snapshot(network, as_of, params, step=progress.step, network=evaluated)
            return network, snapshot, kept_history(journal, network.network, as_of, params)

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

    def _snapshot_ready(self, generation: int, result: Computed) -> None:
        if generation != self._generation:
            return
        self._loaded, snapshot, kept = result
        self.snapshot = snapshot
        self.history = kept
        self._show_snapshot(snapshot)
        self.computed.emit()
        if snapshot.is_empty or kept is not None:
            self.status.setText("")
            self.history_computed.emit()
            return
        months = history_months(len(self._loaded.network.timelines))
        self.status.setText(f"Computing the last {months} months…")
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
        loaded, journal, params = self._loaded, self._journal, self._journal.health.params
        if loaded is not None and loaded.network.state is not None:  # for the next window
            Operation(self, lambda _progress: keep_history(journal, loaded.network, history, params)).run()

    # -- showing ----------------------------------------------------------------------------
    def _show_snapshot(self, snapshot: DashboardSnapshot) -> None:
        self._stack.setCurrentIndex(1 if snapshot.is_empty else 0)
        if snapshot.is_empty:
            return
        net = snapshot.network
        colours = theme.colours()
        self.breadth_card.show_figure(
            f"{net.breadth:,}",
            f"touched in the past year, of {plural(net.total_contacts, 'person', 'people')}",
        )
        self.depth_card.show_figure(
            f"{net.depth:,}", f"know and trust you; {net.dormant:,} dormant to reconnect"
        )
        self.trusted_card.show_figure(
            f"{net.trusted:,}", "high trust, strong health, real time together"
        )
        verdict_colour = colours.bands["cold"] if net.verdict.startswith("a mile") else None
        self.index_card.show_figure(
            f"{net.wide_deep_index:.2f} · {net.verdict}", verdict_sentence(net), verdict_colour
        )
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

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 (Qt's name)
        """Compute on first sight, so an unopened dashboard costs nothing: once whoever showed
        it has had its say (a window showing a stale dashboard refreshes it at once, and a
        second computation beside that one would only slow it down)."""
        super().showEvent(event)
        QTimer.singleShot(0, self, self._compute_if_blank)

    def _compute_if_blank(self) -> None:
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
