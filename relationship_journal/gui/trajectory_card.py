"""A person's trajectory: health and its parts month by month, drawn with pyqtgraph.

Part of the relationship overview (gui/contact_overview.py); pyqtgraph is imported
when the card is first on screen.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QTimer
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QWidget

from relationship_journal.gui.cards import Card, muted_label
from relationship_journal.gui.theme import colours
from relationship_journal.health import TrajectoryPoint
from relationship_journal.reports.words import PART_TITLES

if TYPE_CHECKING:
    from pyqtgraph import PlotWidget

STANDING_NOW = {
    "trusted": "now in your trusted circle",
    "connection": "now a connection",
    "dormant": "now a dormant connection",
    "contact": "now a contact",
}


class TrajectoryCard(Card):
    """Health and its parts month by month; pyqtgraph is imported on first use."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("Trajectory — the last 24 months", parent)
        self.setMinimumHeight(260)
        self._curves: dict[str, Any] = {}  # part title (and "Health") -> its line, made once
        self._styled: tuple[str, ...] = ()  # the colours the plot was last painted in
        self.caption = muted_label("Computing…", self)
        self.body.addWidget(self.caption)
        self.plot: PlotWidget | None = None  # made once the card is on screen (showEvent)
        self._undrawn: Sequence[TrajectoryPoint] | None = None  # points that came while hidden

    def _make_plot(self) -> PlotWidget:
        """The plot and its seven lines, once: each person after the first only sets data
        (making them again cost the window 50–100 ms per person opened)."""
        import pyqtgraph as pg

        # No pyqtgraph menus (view ranges, export): the dashboard's charts show none either,
        # and not building them takes a fifth off the plot's first making.
        plot = pg.PlotWidget(self, enableMenu=False)
        plot.setMenuEnabled(False)
        plot.setMinimumHeight(200)
        plot.setMouseEnabled(False, False)
        plot.hideButtons()
        plot.addLegend(offset=(8, 2), colCount=7)
        plot.setYRange(0, 136, padding=0)
        plot.getAxis("left").setTicks([[(v, str(v)) for v in (0, 25, 50, 75, 100)]])
        for name in PART_TITLES:
            self._curves[name] = plot.plot([], [], name=PART_TITLES[name], connect="finite")
        self._curves["Health"] = plot.plot([], [], name="Health", connect="finite")
        self.body.addWidget(plot, 1)
        return plot

    def _style(self, plot: PlotWidget) -> None:
        """The theme's colours (again only when the theme changed)."""
        import pyqtgraph as pg

        c = colours()
        key = (c.card, c.text, c.muted, c.accent)
        if key == self._styled:
            return
        self._styled = key
        plot.setBackground(c.card)
        for axis in ("left", "bottom"):
            plot.getAxis(axis).setTextPen(c.text)
            plot.getAxis(axis).setPen(c.muted)
        plot.setLabel("left", "score", color=c.muted)
        legend = plot.getPlotItem().legend
        if legend is not None:
            legend.setBrush(c.card)
            legend.setLabelTextColor(c.text)
            for _sample, label in legend.items:
                label.setText(label.text)  # the new colour shows once the text is set again
        part_colours = ("#8fb3e8", "#9ad0b0", "#e6c07a", "#c9a0e8", "#e89aa8", "#8fd3d8")
        for name, colour in zip(PART_TITLES, part_colours, strict=True):
            self._curves[name].setPen(pg.mkPen(colour, width=1.2))
        health = self._curves["Health"]
        health.setPen(pg.mkPen(c.accent, width=3))
        health.setSymbolBrush(c.accent)

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 (Qt's name)
        """Draw in a turn of its own once the card is on screen: the first pyqtgraph plot
        of a process takes 50 ms, which on top of the points (or of the page's arrival)
        kept the loading window from its events for 50-100 ms. (Made with the window
        instead, the plot delayed the window's first showing by 0.2 s.)"""
        super().showEvent(event)
        if self.plot is None:
            QTimer.singleShot(1, self, self._draw)
        elif self._undrawn is not None:
            self._draw()  # now: the plot must not show the points it had for a frame

    def _draw(self) -> None:
        if self.plot is None:
            self.plot = self._make_plot()
        points, self._undrawn = self._undrawn, None
        if points is not None:
            self._plot_points(self.plot, points)

    def set_points(self, points: Sequence[TrajectoryPoint]) -> None:
        """The caption at once; the plot now if the card is on screen, else once it is
        (the window opens on Today with the first person's page read behind it)."""
        self._undrawn = points
        if self.isVisible():
            self._draw()
        self._caption(points)

    def _plot_points(self, plot: PlotWidget, points: Sequence[TrajectoryPoint]) -> None:
        self._style(plot)
        xs = list(range(len(points)))
        labels = [(i, p.date.strftime("%b %y")) for i, p in enumerate(points) if i % 3 == 0]
        plot.getAxis("bottom").setTicks([labels])
        for name in PART_TITLES:
            ys = [p.components.get(name, float("nan")) if p.score is not None else float("nan") for p in points]
            self._curves[name].setData(xs, ys, connect="finite")
        health = [p.score if p.score is not None else float("nan") for p in points]
        curve = self._curves["Health"]
        # Dots only where there is a score, and never over no number at all: the dots'
        # bounds of an all-NaN line (a person with no history after one with some) made
        # numpy warn "All-NaN slice encountered".
        curve.setSymbol(None)
        curve.setData(xs, health, connect="finite")
        if any(p.score is not None for p in points):
            curve.setSymbol("o")
            curve.setSymbolSize(5)
            curve.setSymbolPen(None)

    def _caption(self, points: Sequence[TrajectoryPoint]) -> None:
        first = next((p for p in points if p.score is not None), None)
        last = points[-1] if points else None
        if first and first.score is not None and last and last.score is not None:
            change = last.score - first.score
            word = "warming" if change > 5 else "cooling" if change < -5 else "holding steady"
            self.caption.setText(f"{word.capitalize()}: health {first.score:.0f} in {first.date:%b %Y} "
                                 f"→ {last.score:.0f} now; {STANDING_NOW.get(last.classification, '')}.")
        else:
            self.caption.setText("Not enough history yet.")
