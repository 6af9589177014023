"""Page breaks a reader accepts: a heading never alone at a page's foot, a table row never cut.

QTextDocument breaks pages wherever a line falls, so the network report left "Fading"
alone at the foot of a page and the period review cut a promise row in two. A lonely
heading gets a page-break-before. A cut row is pushed by padding the row above it down
to the page's foot: Qt then carries the row to the next page under the repeated header,
as it does a row none of whose first lines fit. (A page-break-before on the row's cells
broke twice: the text moved a page, so Qt moved the row, and the break applied again,
leaving a page with nothing but the header.) A cut first row takes the table, or the
heading just before it, to the next page.

Each layout of a 250-page table takes seconds, so the breaks are decided in rounds of
one layout each: a round walks the document top to bottom once, finds the first break
exactly (as the layout has it), and from there on predicts where every later row will
fall, row heights taken from the same layout, and pushes each row the prediction sees
cut. All of a round's pushes are applied at once and laid out once. A round stops
predicting where the prediction is unsure (a heading, a row within the measuring error
of a page's foot); the next round, on the new layout, goes on from its first push.
Only tables at the top level are walked; the reports nest none.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import partial

from PySide6.QtGui import QTextBlock, QTextCursor, QTextDocument, QTextFormat, QTextTable

from relationship_journal.reports.paged import page_of

MAX_ROUNDS = 40  # layouts after the first; each round fixes at least one break
SURE_FOOT = 0.05  # uncalibrated: content ending this far (in pages) above a page's end fits

ALWAYS_BEFORE = QTextFormat.PageBreakFlag.PageBreak_AlwaysBefore
BOTTOM_PADDING = QTextFormat.Property.TableCellBottomPadding
PUSH = QTextFormat.Property.UserProperty + 1  # on a row's first cell: the padding we added, in px


class _Unsure(Exception):
    """The prediction cannot say where the rest falls; the next round lays it out and looks."""


def _gaps(document: QTextDocument, block: QTextBlock, page_height: float) -> float:
    """How much taller a block is for its lines moved over page breaks."""
    top = document.documentLayout().blockBoundingRect(block).top()
    lines = block.layout()
    page, expected, gaps = page_of(top, page_height), 0.0, 0.0
    for i in range(lines.lineCount()):
        line = lines.lineAt(i)
        line_page = page_of(top + line.y() + line.height() - 1, page_height)
        if line_page != page:
            gaps += max(0.0, line.y() - expected)
        page, expected = line_page, line.y() + line.height()
    return gaps


def _text_bottom(document: QTextDocument, block: QTextBlock) -> float:
    """The block's bottom, counting a last line Qt moved to the next page (the block's
    bounding rect does not: a tall CJK name alone on the next page went unseen)."""
    rect = document.documentLayout().blockBoundingRect(block)
    lines = block.layout()
    if not lines.lineCount():
        return rect.bottom()
    last = lines.lineAt(lines.lineCount() - 1)
    return max(rect.bottom(), rect.top() + last.y() + last.height())


def _cell_blocks(first: QTextBlock, last: QTextBlock) -> Iterator[QTextBlock]:
    block = first
    while block.isValid() and block.position() <= last.position():
        yield block
        block = block.next()


@dataclass
class LaidRow:
    """One table row as laid out: its cells' text from `top` to `bottom`."""

    index: int
    top: float
    bottom: float
    height: float  # bottom - top less the gaps of lines moved over a page break
    first: float  # the shortest first line of a cell: Qt carries the row whole if it spills
    cut: bool  # its text runs over a page break
    pushed: float  # the padding we added to the row above it, to push it


def laid_row(document: QTextDocument, table: QTextTable, row: int, page_height: float) -> LaidRow | None:
    layout = document.documentLayout()
    firsts: list[QTextBlock] = []
    lasts: list[QTextBlock] = []
    for column in range(table.columns()):
        cell = table.cellAt(row, column)
        if cell.isValid() and cell.row() == row and cell.column() == column:
            firsts.append(cell.firstCursorPosition().block())
            lasts.append(cell.lastCursorPosition().block())
    if not firsts:
        return None
    tops = [layout.blockBoundingRect(b).top() for b in firsts]
    bottoms = [_text_bottom(document, b) for b in lasts]
    top, bottom = min(tops), max(bottoms)
    first = min(b.layout().lineAt(0).height() if b.layout().lineCount() else 0.0 for b in firsts)
    cut = page_of(top, page_height) != page_of(max(top, bottom - 1), page_height)
    height = bottom - top
    if cut:
        height = max(
            low - high - sum(_gaps(document, b, page_height) for b in _cell_blocks(f, last))
            for f, last, high, low in zip(firsts, lasts, tops, bottoms, strict=True)
        )
    pushed = table.cellAt(row - 1, 0).format().doubleProperty(PUSH) if row else 0.0
    return LaidRow(row, top, bottom, height, first, cut, pushed)


def _most_common(values: list[float]) -> float | None:
    """The usual value, on Qt's layout grid of 1/64 px so that predictions add up exactly."""
    return Counter(round(v * 64) / 64 for v in values).most_common(1)[0][0] if values else None


@dataclass
class _Measure:
    """What one layout tells of a table's rows on paper, to predict them elsewhere.

    `gap` lies between one row's text and the next's; a row carried to a new page has its
    text `carried` below the page's top (the repeated header above it); text ending at
    least `fits` above a page's end stayed on its page, text ending less than `spills`
    above it did not. Between the two the layout has not said.
    """

    gap: float | None
    carried: float | None
    fits: float
    spills: float

    @classmethod
    def of(cls, rows: list[LaidRow], page_height: float) -> _Measure:
        gaps: list[float] = []
        carried: list[float] = []
        fits: list[float] = []
        for before, row in zip(rows, rows[1:], strict=False):
            if before.cut or row.cut:
                continue
            page_before, page = page_of(before.top, page_height), page_of(row.top, page_height)
            if page == page_before:
                gaps.append(row.top - before.bottom)
            else:
                carried.append(row.top - page * page_height)
                fits.append((page_before + 1) * page_height - before.bottom)
        gap, spills = _most_common(gaps), []
        for before, row in zip(rows, rows[1:], strict=False):
            page_before = page_of(before.top, page_height)
            # Rows Qt carried whole to the next page: none of their first lines fitted.
            moved = page_of(row.top, page_height) > page_before
            if gap is not None and moved and not (before.cut or row.cut or row.pushed):
                spills.append((page_before + 1) * page_height - (before.bottom + gap + row.first))
            if row.cut and not row.pushed:  # and rows it cut: not all of their text fitted
                spills.append((page_of(row.top, page_height) + 1) * page_height - (row.top + row.height))
        return cls(
            gap,
            _most_common(carried),
            min(fits) if fits else SURE_FOOT * page_height,
            max(spills) if spills else 0.0,
        )


class _Plan:
    """One round's walk: the changes to make, and where the walk may start next time."""

    def __init__(self, document: QTextDocument, page_height: float) -> None:
        self.document = document
        self.height = page_height
        self.changes: list[tuple[int, Callable[[], None]]] = []  # (position, edit)
        self.shift: float | None = None  # None while the layout is still what the reader gets
        device = document.documentLayout().paintDevice()
        self.scale = device.logicalDpiY() / 96 if device else 1.0  # Qt's padding is in CSS px

    def break_before(self, item: QTextBlock | QTextTable) -> None:
        """A page break before a heading (a block) or a table, unless it has one."""
        if isinstance(item, QTextTable):
            table_format = item.format()
            if not table_format.pageBreakPolicy() & ALWAYS_BEFORE:
                table_format.setPageBreakPolicy(table_format.pageBreakPolicy() | ALWAYS_BEFORE)
                self.changes.append((item.firstPosition(), partial(item.setFormat, table_format)))
            return
        block_format = item.blockFormat()
        if block_format.pageBreakPolicy() & ALWAYS_BEFORE:
            return
        block_format.setPageBreakPolicy(block_format.pageBreakPolicy() | ALWAYS_BEFORE)

        def edit() -> None:
            cursor = QTextCursor(self.document)
            cursor.setPosition(item.position())
            cursor.setBlockFormat(block_format)

        self.changes.append((item.position(), edit))

    def pad_above(self, table: QTextTable, row: LaidRow, extra: float) -> None:
        """Pad every cell of the row above `row` by `extra` device px more than its own
        padding (0: none); every cell, as the row is as tall as its tallest cell."""
        if (extra > 0) == (row.pushed > 0) and abs(extra - row.pushed) < 1:
            return  # as good as what it has: a px too much or too little still pushes
        for column in range(table.columns()):
            cell = table.cellAt(row.index - 1, column)
            if cell.column() != column:
                continue  # spanned: padded with its first column
            cell_format = cell.format().toTableCellFormat()
            own = cell_format.bottomPadding() if cell_format.hasProperty(BOTTOM_PADDING) else table.format().cellPadding()
            cell_format.setBottomPadding(own + (extra - row.pushed) / self.scale)
            cell_format.setProperty(PUSH, extra)
            self.changes.append((cell.firstPosition(), partial(cell.setFormat, cell_format)))

    def walk(self, start: int) -> None:
        """Walk the top-level blocks and tables from position `start`, deciding the changes."""
        it = self.document.rootFrame().begin()
        previous_bottom: float | None = None
        previous_heading: QTextBlock | None = None  # the block just before, if a heading
        while not it.atEnd():
            frame, block = it.currentFrame(), it.currentBlock()
            it += 1
            if isinstance(frame, QTextTable):
                if frame.lastPosition() >= start:
                    previous_bottom = self.table(frame, previous_bottom, previous_heading)
                previous_heading = None
            elif frame is not None:
                if self.shift is not None:
                    raise _Unsure  # a frame of another kind: only a layout says where it goes
                previous_heading = None
            elif block.isValid() and block.length() > 1:
                previous_heading = block if block.blockFormat().headingLevel() else None
                if block.position() >= start:
                    previous_bottom = self.block(block, previous_bottom)

    def block(self, block: QTextBlock, previous_bottom: float | None) -> float:
        rect = self.document.documentLayout().blockBoundingRect(block)
        if self.shift is None:
            if block.blockFormat().headingLevel() and not block.blockFormat().pageBreakPolicy() & ALWAYS_BEFORE:
                following = block.next()
                if following.isValid():
                    page = page_of(max(rect.top(), rect.bottom() - 1), self.height)
                    if page_of(self.document.documentLayout().blockBoundingRect(following).top(), self.height) > page:
                        self.break_before(block)
                        raise _Unsure  # where the heading lands, the next layout says
            return rect.bottom()
        # Predicted: a block keeps its height and its gap to what went before, as long as no
        # page break came between them in the layout nor does in the prediction.
        pages = {page_of(rect.top(), self.height), page_of(rect.bottom() - 1, self.height)}
        if previous_bottom is not None:
            pages.add(page_of(previous_bottom - 1, self.height))
        top, bottom = rect.top() + self.shift, rect.bottom() + self.shift
        if block.blockFormat().headingLevel() or len(pages) > 1 or (
            page_of(top, self.height) != page_of(bottom + SURE_FOOT * self.height, self.height)
        ):
            raise _Unsure
        return rect.bottom()

    def table(self, table: QTextTable, previous_bottom: float | None, heading: QTextBlock | None) -> float:
        """Decide the table's pushes; returns the bottom of its last row's text as laid out."""
        rows = [r for r in (laid_row(self.document, table, i, self.height) for i in range(table.rows())) if r]
        if not rows:
            raise _Unsure
        measure = _Measure.of(rows, self.height)
        headers = min(table.format().headerRowCount(), len(rows) - 1)
        predicted: float | None = None  # where the next row's text starts, once predicting
        if self.shift is not None:
            # The header and the first row go together; they keep their place if they stay
            # on one page, with no break before them.
            first = rows[: headers + 1]
            old_pages = {page_of(r.top, self.height) for r in first} | {
                page_of(first[-1].bottom - 1, self.height)
            }
            if previous_bottom is not None:
                old_pages.add(page_of(previous_bottom - 1, self.height))
            if len(old_pages) > 1 or any(r.cut for r in first):
                raise _Unsure
            top = first[0].top + self.shift
            if self._fits(top, first[-1].bottom + self.shift - top, measure) is not True:
                raise _Unsure
            predicted = rows[headers].top + self.shift
        for row in rows:
            if predicted is None:
                if row.cut and row.height + measure.fits <= self.height:
                    if row.index <= headers:  # the first row: the table (and its heading) moves
                        self.break_before(heading or table)
                        raise _Unsure
                    # (a row we pushed too little is still cut: push it on by what is left)
                    self.pad_above(table, row, row.pushed + self._left(row.top))
                    self.shift = 0.0  # from here on the layout no longer says; predict
                    if measure.gap is None:
                        raise _Unsure  # no row spacing measured
                    predicted = self._carried(row.top, measure) + row.height + measure.gap
                continue
            if row.index < headers:
                continue
            predicted = self.predict_row(table, row, predicted, measure)
        if predicted is not None and measure.gap is not None:
            self.shift = predicted - measure.gap - rows[-1].bottom
        return rows[-1].bottom

    def predict_row(self, table: QTextTable, row: LaidRow, top: float, measure: _Measure) -> float:
        """Where the row after this one starts, pushing this one if it does not fit."""
        if measure.gap is None or measure.carried is None:
            raise _Unsure
        page = int(top // self.height)
        top = max(top, page * self.height + measure.carried)  # below the repeated header
        fits = self._fits(top, row.height, measure)
        if fits:
            self.pad_above(table, row, 0.0)
            return top + row.height + measure.gap
        if fits is None or row.height + measure.fits > self.height or row.index == 0:
            raise _Unsure  # too near the foot to say, taller than a page, or the first row
        # Qt might carry it whole anyway; pushed, it lands in the same place.
        self.pad_above(table, row, self._left(top))
        return self._carried(top, measure) + row.height + measure.gap

    def _left(self, top: float) -> float:
        """The room from `top` to its page's end: padding that takes a row's text there."""
        return (int(top // self.height) + 1) * self.height - top

    def _fits(self, top: float, height: float, measure: _Measure) -> bool | None:
        """Whether text from `top`, `height` tall, stays on its page; None if unsure."""
        left = self._left(top) - height
        if left >= measure.fits:
            return True
        if left <= measure.spills or left < 0:
            return False
        return None

    def _carried(self, top: float, measure: _Measure) -> float:
        """Where the text of a row that started at `top` goes on the next page."""
        if measure.carried is None:
            raise _Unsure
        return (int(top // self.height) + 1) * self.height + measure.carried


def _apply(document: QTextDocument, changes: list[tuple[int, Callable[[], None]]]) -> None:
    """Make all of a round's changes in one edit: the layout runs once."""
    cursor = QTextCursor(document)
    cursor.beginEditBlock()
    for _position, edit in changes:
        edit()
    cursor.endEditBlock()


def keep_together(document: QTextDocument, page_height: float) -> int:
    """Move lonely headings and cut table rows to the next page; returns how many changes."""
    changed, start = 0, 0
    for _ in range(MAX_ROUNDS):
        document.pageCount()  # lay out again after the last round's changes
        plan = _Plan(document, page_height)
        try:
            plan.walk(start)
        except _Unsure:
            pass
        if not plan.changes:
            break
        _apply(document, plan.changes)
        changed += len(plan.changes)
        start = min(position for position, _ in plan.changes)
    document.pageCount()
    return changed
