"""The network charts, drawn with pyqtgraph, shared by the dashboard and the PDF reports.

Each builder takes the plain series from `chart_series` and a palette and returns a
configured `pyqtgraph.PlotItem`: the dashboard puts it in a `PlotWidget`, the reports
render it to an image with `render_chart_png`. Nothing imports this module at
command-line start-up (pyqtgraph costs ~0.5 s to import), only when a chart is drawn.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, Literal, TypeVar

import pyqtgraph as pg
from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QImage, QPainter
from PySide6.QtWidgets import QApplication, QWidget

from relationship_journal.reports.chart_series import (
    CircleOccupancy,
    DepthBreadthSeries,
    HealthHistogram,
    WeeklyCounts,
)
from relationship_journal.reports.gui_thread import on_gui_thread

T = TypeVar("T")
ChartBuilder = Callable[..., pg.PlotItem]  # (data, palette, into=None) -> PlotItem
OCCUPANCY_VIEW_LIMIT = 3.0  # bars beyond 3x capacity are clipped and labelled


@dataclass(frozen=True)
class ChartPalette:
    """The colours and type of the charts; one per app theme."""

    name: Literal["light", "dark"]
    background: str
    text: str
    muted: str
    grid: str
    breadth: str
    connections: str
    trusted: str
    bar: str
    capacity: str
    warn: str
    bands: Mapping[str, str] = field(default_factory=dict)
    point_size: float = 9.5

    def font(self, scale: float = 1.0, bold: bool = False) -> QFont:
        font = QFont()
        font.setPointSizeF(self.point_size * scale)
        font.setBold(bold)
        return font

    def band_colour(self, band: str) -> str:
        return self.bands.get(band, self.muted)


LIGHT = ChartPalette(
    name="light",
    background="#ffffff",
    text="#1f2328",
    muted="#57606a",
    grid="#d0d7de",
    breadth="#8c6bc8",
    connections="#1a7f64",
    trusted="#d4a72c",
    bar="#3b6fb6",
    capacity="#1f2328",
    warn="#cf4b2a",
    bands={"strong": "#2e8b57", "steady": "#4a86c5", "cooling": "#e0a030", "cold": "#c8553d"},
)
DARK = ChartPalette(
    name="dark",
    background="#1e2126",
    text="#e6e6e6",
    muted="#a0a8b3",
    grid="#3a4049",
    breadth="#b39ddb",
    connections="#4cc9a0",
    trusted="#f0c75e",
    bar="#6ea1e6",
    capacity="#e6e6e6",
    warn="#ff7a59",
    bands={"strong": "#5cc98a", "steady": "#6ea1e6", "cooling": "#f0b450", "cold": "#ef7a66"},
)


def palette_for(theme: str) -> ChartPalette:
    """The chart palette of a resolved app theme ('light' or 'dark')."""
    return DARK if theme == "dark" else LIGHT


# -- shared styling ---------------------------------------------------------------------
def _new_plot(
    palette: ChartPalette, title: str, left: str, bottom: str, into: pg.PlotItem | None = None
) -> pg.PlotItem:
    """A styled, empty plot; `into` recycles an existing one (building a PlotItem is slow)."""
    plot = _emptied(into) if into is not None else pg.PlotItem(enableMenu=False)
    plot.setMenuEnabled(False)
    plot.hideButtons()
    plot.setMouseEnabled(x=False, y=False)
    plot.vb.setBackgroundColor(None)
    plot.setTitle(title, color=palette.text, size=f"{palette.point_size * 1.2:.1f}pt", bold=True)
    for name in ("left", "bottom"):
        _style_axis(plot.getAxis(name), palette)
    _label(plot.getAxis("left"), left, palette.text, palette)
    _label(plot.getAxis("bottom"), bottom, palette.text, palette)
    plot.showGrid(x=False, y=True, alpha=0.35)
    plot.layout.setContentsMargins(6, 4, 10, 6)
    return plot


def _emptied(plot: pg.PlotItem) -> pg.PlotItem:
    """Take everything a builder added back out of `plot`, leaving its axes and view."""
    plot.clear()
    legend = getattr(plot, "legend_below", None)
    if legend is not None:
        plot.layout.removeItem(legend)
        if legend.scene() is not None:
            legend.scene().removeItem(legend)
        plot.legend_below = None
    depth_box = getattr(plot, "depth_box", None)
    if depth_box is not None:
        plot.vb.sigResized.disconnect(plot.follow_depth_box)
        if depth_box.scene() is not None:
            depth_box.scene().removeItem(depth_box)
        plot.depth_box = None
    plot.hideAxis("right")
    plot.getAxis("left").setTicks(None)
    plot.getAxis("left").setWidth(None)  # back to fitting its labels
    plot.getAxis("bottom").setTicks(None)
    return plot


def _style_axis(axis: pg.AxisItem, palette: ChartPalette) -> None:
    axis.setZValue(-1)  # grid lines under the bars, not across them
    axis.setPen(pg.mkPen(palette.grid))
    axis.setTextPen(pg.mkPen(palette.muted))
    axis.setStyle(tickFont=palette.font(), tickTextOffset=4, tickLength=-4, autoExpandTextSpace=True)


def _label(axis: pg.AxisItem, text: str, colour: str, palette: ChartPalette) -> None:
    axis.setLabel(text, color=colour, **{"font-size": f"{palette.point_size}pt"})


def _text(text: str, colour: str, palette: ChartPalette, anchor: tuple[float, float]) -> pg.TextItem:
    item = pg.TextItem(text, color=colour, anchor=anchor)
    item.setFont(palette.font(0.9))
    return item


def _legend_below(plot: pg.PlotItem, palette: ChartPalette, entries: Sequence[tuple[Any, str]]) -> None:
    """A one-row legend under the plot: it can never cover a bar or a line."""
    legend = pg.LegendItem(
        offset=None,
        labelTextColor=palette.text,
        labelTextSize=f"{palette.point_size * 0.95:.1f}pt",
        frame=False,
        colCount=max(1, min(4, len(entries))),  # at most four a row: fits a 300 px chart
        horSpacing=6,
    )
    for item, name in entries:
        legend.addItem(item, name)
    plot.layout.addItem(legend, 4, 1, alignment=Qt.AlignmentFlag.AlignHCenter)
    plot.legend_below = legend  # reachable for tests and the dashboard


def _month_ticks(days: Sequence[dt.date], every: int) -> list[tuple[float, str]]:
    """Tick labels 'Mar 2025' at every `every`-th point, always including the last."""
    if not days:
        return []
    picks = list(range(len(days) - 1, -1, -every))
    return [(float(i), days[i].strftime("%b %Y")) for i in sorted(picks)]


def _bar_brush(colour: str, alpha: int = 255) -> Any:
    c = QColor(colour)
    c.setAlpha(alpha)
    return pg.mkBrush(c)


# -- builders --------------------------------------------------------------------------------
def depth_breadth_chart(series: DepthBreadthSeries, palette: ChartPalette, into: pg.PlotItem | None = None) -> pg.PlotItem:
    """Breadth (left axis) against connections and trusted circle (right axis), monthly.

    Two axes because breadth runs in hundreds while depth runs in tens: on one axis
    the depth lines would lie flat on the floor, which hides the very thing to see.
    """
    plot = _new_plot(palette, "Depth vs breadth", "", "", into)
    _label(plot.getAxis("left"), "Breadth (people)", palette.breadth, palette)
    xs = list(range(len(series.moments)))
    plot.getAxis("bottom").setTicks([_month_ticks(series.days, 6), []])
    fill = QColor(palette.breadth)
    fill.setAlpha(45)
    breadth = pg.PlotDataItem(
        xs, series.breadth, pen=pg.mkPen(palette.breadth, width=2.5), fillLevel=0, brush=fill
    )
    plot.addItem(breadth)

    depth_box = pg.ViewBox(enableMouse=False)
    depth_box.setParentItem(plot)
    depth_box.setXLink(plot.vb)
    depth_box.setMenuEnabled(False)
    right = plot.getAxis("right")
    plot.showAxis("right")
    _style_axis(right, palette)
    right.linkToView(depth_box)
    _label(right, "Depth (people)", palette.connections, palette)

    connections = pg.PlotDataItem(
        xs, series.connections, pen=pg.mkPen(palette.connections, width=2.5),
        symbol="o", symbolSize=5, symbolBrush=palette.connections, symbolPen=None,
    )
    trusted = pg.PlotDataItem(
        xs, series.trusted, pen=pg.mkPen(palette.trusted, width=2.5, style=Qt.PenStyle.DashLine)
    )
    depth_box.addItem(connections)
    depth_box.addItem(trusted)
    _legend_below(plot, palette, [
        (breadth, "Breadth"),
        (connections, "Connections"),
        (trusted, "Trusted"),
    ])

    def follow() -> None:
        depth_box.setGeometry(plot.vb.geometry())
        depth_box.linkedViewChanged(plot.vb, depth_box.XAxis)

    plot.vb.sigResized.connect(follow)
    plot.follow_depth_box = follow  # so a recycled plot can disconnect it
    top_left = max(series.breadth, default=0)
    top_right = max(series.connections + series.trusted, default=0)
    plot.setYRange(0, max(5, top_left) * 1.1, padding=0)
    depth_box.setYRange(0, max(5, top_right) * 1.1, padding=0)
    plot.setXRange(-0.3, max(0, len(xs) - 1) + 0.3, padding=0)
    plot.depth_box = depth_box  # keep the second view alive with the plot
    follow()
    return plot


def circle_occupancy_chart(bars: Sequence[CircleOccupancy], palette: ChartPalette, into: pg.PlotItem | None = None) -> pg.PlotItem:
    """Each circle's occupancy as a share of its capacity; over 1.5x turns the warning colour.

    Shares rather than head counts, so the inner five and the outer 350 read on one
    scale; the capacity and overload marks are y-axis ticks, so no label covers a bar.
    """
    plot = _new_plot(palette, "Circles against capacity", "Occupancy", "", into)
    xs = list(range(len(bars)))
    ratios = [b.ratio for b in bars]
    top = min(OCCUPANCY_VIEW_LIMIT, max([1.75, *ratios]))
    shown = [min(r, top) for r in ratios]
    brushes = [_bar_brush(palette.warn if b.overloaded else palette.bar, 225) for b in bars]
    plot.addItem(pg.BarGraphItem(x=xs, height=shown, width=0.6, brushes=brushes, pen=None))
    plot.addItem(pg.InfiniteLine(pos=1.0, angle=0, pen=pg.mkPen(palette.capacity, width=1.6)))
    plot.addItem(pg.InfiniteLine(
        pos=1.5, angle=0, pen=pg.mkPen(palette.warn, width=1.4, style=Qt.PenStyle.DashLine)
    ))
    for x, bar, height in zip(xs, bars, shown, strict=True):
        clipped = bar.ratio > height + 1e-9
        text = f"{bar.count}/{bar.capacity}" + (f"\n{bar.ratio:.1f}× ↑" if clipped else "")
        label = _text(text, palette.warn if bar.overloaded else palette.text, palette, (0.5, 1.0))
        label.setPos(x, height)
        plot.addItem(label)
    left_ticks = [(0.0, "0"), (0.5, "½"), (1.0, "capacity"), (1.5, "1.5× over")]
    left_ticks += [(float(v), f"{v}×") for v in (2, 3) if v <= top]
    left = plot.getAxis("left")
    left.setTicks([left_ticks, []])
    widest = max(QFontMetrics(palette.font()).horizontalAdvance(text) for _v, text in left_ticks)
    left.setWidth(widest + 34)  # room for the ticks and the rotated axis label
    plot.getAxis("bottom").setTicks([[(float(x), b.label) for x, b in zip(xs, bars, strict=True)], []])
    plot.setYRange(0, top * (1.3 if max(ratios, default=0) > top else 1.16), padding=0)
    plot.setXRange(-0.6, max(0, len(xs) - 1) + 0.7, padding=0)
    return plot


def health_distribution_chart(histogram: HealthHistogram, palette: ChartPalette, into: pg.PlotItem | None = None) -> pg.PlotItem:
    """How many people sit at each health level, each bar in its band's colour."""
    plot = _new_plot(palette, "Health distribution", "People", "Health (0–100)", into)
    width = histogram.edges[1] - histogram.edges[0] if len(histogram.edges) > 1 else 10
    centres = [edge + width / 2 for edge in histogram.edges[:-1]]
    brushes = [_bar_brush(palette.band_colour(band), 230) for band in histogram.bands]
    plot.addItem(pg.BarGraphItem(x=centres, height=list(histogram.counts), width=width * 0.86,
                                 brushes=brushes, pen=None))
    entries: list[tuple[Any, str]] = [
        (pg.BarGraphItem(x=[0], height=[0], width=1, brush=_bar_brush(palette.band_colour(band))), band)
        for band in ("cold", "cooling", "steady", "strong")
    ]
    if histogram.no_data:  # people with no touches have no score: said, not drawn as zeros
        _label(plot.getAxis("bottom"), f"Health (0–100) · {histogram.no_data:,} with no data yet",
               palette.text, palette)
    _legend_below(plot, palette, entries)
    plot.getAxis("bottom").setTicks([[(float(e), str(e)) for e in histogram.edges[::2]], []])
    plot.setXRange(0, 100, padding=0.02)
    plot.setYRange(0, max(4, max(histogram.counts, default=0)) * 1.1, padding=0)
    return plot


def interactions_per_week_chart(weekly: WeeklyCounts, palette: ChartPalette, into: pg.PlotItem | None = None) -> pg.PlotItem:
    """Journal entries per week for the last year, with the weekly average as a line."""
    plot = _new_plot(palette, "Interactions per week", "Entries", "", into)
    xs = list(range(len(weekly.counts)))
    bars = pg.BarGraphItem(x=xs, height=list(weekly.counts), width=0.78,
                           brush=_bar_brush(palette.bar, 210), pen=None)
    plot.addItem(bars)
    average_pen = pg.mkPen(palette.trusted, width=2, style=Qt.PenStyle.DashLine)
    plot.addItem(pg.InfiniteLine(pos=weekly.average, angle=0, pen=average_pen))
    _legend_below(plot, palette, [
        (bars, f"{weekly.total} entries in {len(weekly.counts)} weeks"),
        (pg.PlotDataItem([0], [0], pen=average_pen), f"average {weekly.average:.1f} a week"),
    ])
    ticks = [
        (float(i), start.strftime("%b %Y") if start.month == 1 or i < 4 else start.strftime("%b"))
        for i, start in enumerate(weekly.week_starts)
        if start.day <= 7 and start.month % 2 == 1
    ]
    plot.getAxis("bottom").setTicks([ticks, []])
    plot.setXRange(-0.8, max(0, len(xs) - 1) + 0.8, padding=0)
    plot.setYRange(0, max(4, max(weekly.counts, default=0)) * 1.1, padding=0)
    return plot


# -- rendering -------------------------------------------------------------------------------
def chart_widget(
    builder: Callable[[T, ChartPalette], pg.PlotItem],
    data: T,
    palette: ChartPalette = LIGHT,
    parent: QWidget | None = None,
) -> pg.PlotWidget:
    """A widget showing one chart; `set_chart` swaps in a fresh one on refresh."""
    widget = pg.PlotWidget(parent, background=palette.background, plotItem=builder(data, palette))
    widget.setAntialiasing(True)
    return widget


def set_chart(
    widget: pg.PlotWidget,
    builder: Callable[[T, ChartPalette], pg.PlotItem],
    data: T,
    palette: ChartPalette = LIGHT,
) -> pg.PlotItem:
    """Redraw the chart in `widget` with new data, reusing its plot (keeping size and place)."""
    widget.setBackground(palette.background)
    return builder(data, palette, into=widget.getPlotItem())  # type: ignore[call-arg]


def render_chart(
    builder: Callable[[T, ChartPalette], pg.PlotItem],
    data: T,
    width: int,
    height: int,
    scale: float = 2.0,
    palette: ChartPalette = LIGHT,
) -> QImage:
    """Draw a chart offscreen at `width`×`height` logical pixels, `scale` times as sharp.

    The chart is laid out at its logical size (so fonts keep their proportions) and
    painted at `scale`× resolution, which keeps text and lines sharp in a PDF. Needs a
    QApplication; from a worker thread the drawing is handed to the GUI thread (pyqtgraph
    draws through a widget, and widgets live there only) and this waits for the image.
    """
    if width < 50 or height < 50:
        raise ValueError("a chart needs at least 50×50 pixels")
    if not 0.25 <= scale <= 8:
        raise ValueError("scale must be between 0.25 and 8")
    return on_gui_thread(lambda: _draw_chart(builder, data, width, height, scale, palette))


def _draw_chart(
    builder: Callable[[T, ChartPalette], pg.PlotItem],
    data: T,
    width: int,
    height: int,
    scale: float,
    palette: ChartPalette,
) -> QImage:
    widget = chart_widget(builder, data, palette)
    try:
        widget.setAttribute(Qt.WidgetAttribute.WA_DontShowOnScreen)
        widget.resize(width, height)
        widget.show()
        # Axes widen to fit their tick labels only after a first paint: paint once
        # to settle the layout, then paint the picture we keep.
        widget.grab()
        QApplication.sendPostedEvents()
        image = QImage(round(width * scale), round(height * scale), QImage.Format.Format_ARGB32)
        image.setDevicePixelRatio(scale)
        image.fill(QColor(palette.background))
        painter = QPainter(image)
        try:
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
            widget.render(painter, QRectF(0, 0, width, height), widget.viewport().rect())
        finally:
            painter.end()
    finally:
        widget.hide()
        widget.deleteLater()
    image.setDevicePixelRatio(1.0)
    return image


def render_chart_png(
    builder: Callable[[T, ChartPalette], pg.PlotItem],
    data: T,
    width: int,
    height: int,
    scale: float = 2.0,
    palette: ChartPalette = LIGHT,
) -> bytes:
    """The chart as PNG bytes, for embedding in a PDF or saving to a file."""
    image = render_chart(builder, data, width, height, scale, palette)
    storage = QByteArray()  # held here: QBuffer does not own it
    buffer = QBuffer(storage)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")  # type: ignore[call-overload]  # PySide6 takes a str format; its stubs say bytes
    buffer.close()
    return bytes(storage.data())


__all__ = [
    "DARK",
    "LIGHT",
    "ChartPalette",
    "chart_widget",
    "circle_occupancy_chart",
    "depth_breadth_chart",
    "health_distribution_chart",
    "interactions_per_week_chart",
    "palette_for",
    "render_chart",
    "render_chart_png",
    "set_chart",
]
