"""A table of thousands of plain-text rows, measured and drawn straight onto the page.

The network report lists everyone: at 10,000 people, 240 pages of rows. Laid out as
HTML, each page cost about 30 ms to parse, lay out and paint (seven of the report's
eleven seconds); measured with font metrics and drawn with QPainter, a page costs a
few. Every cell is plain text, never markup, so user text is literal by construction;
direction controls are shown as [RLO], [LRI]… as everywhere else in the reports.

Rows never split across pages: a cell is cut to MAX_LINES lines, with an ellipsis, so
every row fits on a page.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetricsF,
    QPaintDevice,
    QPainter,
    QPen,
    QTextLayout,
    QTextOption,
)

from relationship_journal.reports.markup import ACCENT, BIDI_CONTROLS, INK, MUTED, RULE, STRIPE
from relationship_journal.reports.paged import RESOLUTION, report_font

CSS_PIXEL = RESOLUTION / 96  # the reports' HTML measures in CSS pixels: keep the same look
PADDING = 3 * CSS_PIXEL
ROW_RULE = "#eaeef2"
MAX_LINES = 6  # a cell taller than this is cut with an ellipsis: a row never outgrows a page
_SHOWN_CONTROLS = str.maketrans({char: f"[{name}]" for char, name in BIDI_CONTROLS.items()})


@dataclass(frozen=True)
class Cell:
    """One cell's text (shown literally) and, for a tinted cell, its background colour."""

    text: str
    background: str | None = None


@dataclass(frozen=True)
class DrawnTable:
    """A long table that starts on a fresh page, under an optional part heading; its
    caption and column names are repeated at the top of every page it runs onto."""

    heading: str  # listed on the contents page; "" for none
    caption: str
    headers: tuple[str, ...]
    widths: tuple[int, ...]  # percent of the text column, one per header
    rows: Sequence[tuple[Cell, ...]]


def shown(text: str) -> str:
    """User text as a report shows it: line breaks kept, direction controls named."""
    return text.replace("\r\n", "\n").translate(_SHOWN_CONTROLS)


def _weighted(points: float) -> QFont:
    font = report_font(points)
    font.setWeight(QFont.Weight.DemiBold)
    return font


class _Style:
    """The table's fonts and their metrics on the printer, measured once."""

    def __init__(self, device: QPaintDevice) -> None:
        self.heading = _weighted(13)
        self.caption = _weighted(10.5)
        self.header = _weighted(8)
        self.cell = report_font(8.5)
        self.heading_metrics = QFontMetricsF(self.heading, device)
        self.caption_metrics = QFontMetricsF(self.caption, device)
        self.header_metrics = QFontMetricsF(self.header, device)
        self.cell_metrics = QFontMetricsF(self.cell, device)
        self.line = self.cell_metrics.lineSpacing()
        self.device = device


def _wrapped(text: str, font: QFont, device: QPaintDevice, width: float) -> list[tuple[int, int]]:
    """(start, length) of each line of `text` wrapped to `width`, at words where it can."""
    layout = QTextLayout(text, font, device)
    option = QTextOption()
    option.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
    layout.setTextOption(option)
    layout.beginLayout()
    lines = []
    while True:
        line = layout.createLine()
        if not line.isValid():
            break
        line.setLineWidth(width)
        lines.append((line.textStart(), line.textLength()))
    layout.endLayout()
    return lines


def cell_lines(text: str, style: _Style, width: float) -> list[str]:
    """The lines a cell prints, at most MAX_LINES, the last cut with an ellipsis."""
    text = shown(text)
    if "\n" not in text and style.cell_metrics.horizontalAdvance(text) <= width:
        return [text]  # the common case, without a layout
    lines: list[str] = []
    for paragraph in text.split("\n"):
        lines.extend(paragraph[start:start + length].rstrip() for start, length in
                     (_wrapped(paragraph, style.cell, style.device, width) or [(0, 0)]))
    if len(lines) > MAX_LINES:  # what is left runs over a line, so it ends in "…"
        rest = " ".join(lines[MAX_LINES - 1:])
        lines = [*lines[:MAX_LINES - 1], style.cell_metrics.elidedText(rest, Qt.TextElideMode.ElideRight, width)]
    return lines


@dataclass(frozen=True)
class _Row:
    index: int
    lines: tuple[list[str], ...]
    height: float


@dataclass(frozen=True)
class TablePage:
    """The rows one page prints, and whether the part's heading opens it."""

    rows: tuple[_Row, ...]
    opening: bool


class TableLayout:
    """A DrawnTable measured against one printer's page: which rows go on which page."""

    def __init__(self, table: DrawnTable, device: QPaintDevice, body_width: float, body_height: float) -> None:
        self.table = table
        self.style = _Style(device)
        self.body_width = body_width
        self.body_height = body_height
        total = sum(table.widths)
        self.columns: list[tuple[float, float]] = []  # (left, width) per column
        left = 0.0
        for share in table.widths:
            width = body_width * share / total
            self.columns.append((left, width))
            left += width
        self.pages = list(self._paginate())

    def _heading_height(self) -> float:
        return self.style.heading_metrics.lineSpacing() + 6 * CSS_PIXEL

    def _top_height(self) -> float:
        """The caption and the column names, repeated on every page."""
        caption = self.style.caption_metrics.lineSpacing() + PADDING + 10 * CSS_PIXEL
        return caption + self.style.header_metrics.lineSpacing() + 2 * PADDING

    def _measure(self, index: int) -> _Row:
        cells = self.table.rows[index]
        lines = tuple(cell_lines(cell.text, self.style, width - 2 * PADDING)
                      for cell, (_, width) in zip(cells, self.columns, strict=True))
        height = max(len(cell) for cell in lines) * self.style.line + 2 * PADDING
        return _Row(index, lines, height)

    def _paginate(self) -> Iterator[TablePage]:
        opening = bool(self.table.heading)
        room = self.body_height - self._top_height() - (self._heading_height() if opening else 0)
        rows: list[_Row] = []
        for index in range(len(self.table.rows)):
            row = self._measure(index)
            if rows and row.height > room:
                yield TablePage(tuple(rows), opening)
                opening, rows = False, []
                room = self.body_height - self._top_height()
            rows.append(row)
            room -= row.height
        yield TablePage(tuple(rows), opening)

    def paint(self, painter: QPainter, page: int, left: float, top: float) -> None:
        """Draw page `page` of the table with its text column's top-left at (left, top)."""
        style = self.style
        chosen = self.pages[page]
        y = top
        if chosen.opening:
            painter.setFont(style.heading)
            painter.setPen(QColor(ACCENT))
            painter.drawText(QPointF(left, y + style.heading_metrics.ascent()), self.table.heading)
            y += self._heading_height()
        y += 10 * CSS_PIXEL + PADDING
        painter.setFont(style.caption)
        painter.setPen(QColor(INK))
        painter.drawText(QPointF(left + PADDING, y + style.caption_metrics.ascent()), self.table.caption)
        y += style.caption_metrics.lineSpacing() + PADDING
        painter.setFont(style.header)
        painter.setPen(QColor(MUTED))
        for title, (column, _) in zip(self.table.headers, self.columns, strict=True):
            painter.drawText(QPointF(left + column + PADDING, y + PADDING + style.header_metrics.ascent()), title)
        y += style.header_metrics.lineSpacing() + 2 * PADDING
        self._rule(painter, left, y, RULE)
        painter.setFont(style.cell)
        for row in chosen.rows:
            self._paint_row(painter, row, left, y)
            y += row.height

    def _rule(self, painter: QPainter, left: float, y: float, colour: str) -> None:
        pen = QPen(QColor(colour))
        pen.setWidthF(CSS_PIXEL)
        painter.setPen(pen)
        painter.drawLine(QPointF(left, y), QPointF(left + self.body_width, y))

    def _paint_row(self, painter: QPainter, row: _Row, left: float, y: float) -> None:
        style = self.style
        if row.index % 2:
            painter.fillRect(QRectF(left, y, self.body_width, row.height), QColor(STRIPE))
        cells = self.table.rows[row.index]
        for cell, (column, width) in zip(cells, self.columns, strict=True):
            if cell.background:
                painter.fillRect(QRectF(left + column, y, width, row.height), QColor(cell.background))
        self._rule(painter, left, y + row.height, ROW_RULE)
        painter.setPen(QColor(INK))
        ascent = style.cell_metrics.ascent()
        for lines, (column, _) in zip(row.lines, self.columns, strict=True):
            for number, line in enumerate(lines):
                if line:
                    painter.drawText(QPointF(left + column + PADDING, y + PADDING + number * style.line + ascent), line)


