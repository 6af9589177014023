"""Page breaks a reader accepts: a heading never alone at a page's foot, a table row never cut.

QTextDocument breaks pages wherever a line falls, so the network report left "Fading"
alone at the foot of a page and the period review cut a promise row in two. Such a
heading or row gets a page-break-before, which moves it to the next page.

Each layout of a 250-page table takes seconds, so the breaks are decided in rounds of
one layout each: a round walks the document top to bottom once, finds the first break
exactly (as the layout has it), and from there on predicts where every later row will
fall, row heights taken from the same layout, and pushes each row the prediction sees
cut. All of a round's pushes are applied at once and laid out once. A round stops
predicting where the prediction is unsure (a heading, a row within the measuring error
of a page's foot); the next round, on the new layout, goes on from its first push. So a
round fixes at least what the one-at-a-time loop fixed, and usually every break at once.

The predictions copy Qt as it is, including that a pushed row leaves the rest of its
page and the next page empty but for the repeated header (see `_Plan._carried`).
Only tables at the top level are walked; the reports nest none.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass

from PySide6.QtGui import QTextBlock, QTextCursor, QTextDocument, QTextFormat, QTextTable

from relationship_journal.reports.paged import page_of

MAX_MOVES = 400  # a bound, not a target: each move fixes one break
MAX_ROUNDS = 40  # layouts after the first; each round fixes at least one break
SURE_FOOT = 0.05  # uncalibrated: content ending this far (in pages) above a page's end fits

ALWAYS_BEFORE = QTextFormat.PageBreakFlag.PageBreak_AlwaysBefore


class _Unsure(Exception):
    """The prediction cannot say where the rest falls; the next round lays it out and looks."""


def _pushed(block: QTextBlock) -> bool:
    return bool(block.blockFormat().pageBreakPolicy() & ALWAYS_BEFORE)


def _block_pages(document: QTextDocument, block: QTextBlock, page_height: float) -> tuple[int, int]:
    rect = document.documentLayout().blockBoundingRect(block)
    return page_of(rect.top(), page_height), page_of(
        max(rect.top(), rect.bottom() - 1), page_height
    )


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


@dataclass
class _Row:
    """One table row as laid out: its cells' text from `top` to `bottom`."""

    firsts: list[QTextBlock]  # the first block of each cell: what a push marks
    top: float
    bottom: float
    height: float  # bottom - top less the gaps of lines moved over a page break
    first: float  # the shortest first line of a cell: Qt carries the row whole if it spills
    cut: bool  # its text runs over a page break

    @property
    def pushed(self) -> bool:
        return all(_pushed(b) for b in self.firsts)


def _text_bottom(document: QTextDocument, block: QTextBlock) -> float:
    """The block's bottom, counting a last line Qt moved to the next page (the block's
    bounding rect does not: a tall CJK name alone on the next page went unseen)."""
    rect = document.documentLayout().blockBoundingRect(block)
    lines = block.layout()
    if not lines.lineCount():
        return rect.bottom()
    last = lines.lineAt(lines.lineCount() - 1)
    return max(rect.bottom(), rect.top() + last.y() + last.height())


def _row(document: QTextDocument, table: QTextTable, row: int, page_height: float) -> _Row | None:
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
    return _Row(firsts, top, bottom, height, first, cut)


def _cell_blocks(first: QTextBlock, last: QTextBlock) -> Iterator[QTextBlock]:
    block = first
    while block.isValid() and block.position() <= last.position():
        yield block
        block = block.next()


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
    pushed_lower: float | None  # how much lower than usual the row after a pushed one starts

    @classmethod
    def of(cls, rows: list[_Row], page_height: float) -> _Measure:
        gaps: list[float] = []
        carried: list[float] = []
        fits: list[float] = []
        pushed: list[float] = []
        for before, row in zip(rows, rows[1:], strict=False):
            if before.cut or row.cut:
                continue
            page_before, page = page_of(before.top, page_height), page_of(row.top, page_height)
            if page == page_before:
                (pushed if before.pushed else gaps).append(row.top - before.bottom)
            elif not row.pushed:
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
        after_pushed = _most_common(pushed)
        return cls(
            gap,
            _most_common(carried),
            min(fits) if fits else SURE_FOOT * page_height,
            max(spills) if spills else 0.0,
            None if gap is None or after_pushed is None else after_pushed - gap,
        )


class _Plan:
    """One round's walk: pushes to make and undo, and where the walk may start next time."""

    def __init__(self, document: QTextDocument, page_height: float, ours: set[int]) -> None:
        self.document = document
        self.height = page_height
        self.ours = ours  # positions of the blocks this module pushed, which it may undo
        self.changes: list[tuple[QTextBlock, bool]] = []
        self.shift: float | None = None  # None while the layout is still what the reader gets
        self.pushed_lower: float | None = None  # see _Measure; the same in every table

    def push(self, blocks: list[QTextBlock], on: bool = True) -> None:
        self.changes.extend((b, on) for b in blocks if _pushed(b) != on)

    def walk(self, start: int) -> None:
        """Walk the top-level blocks and tables from position `start`, deciding the pushes."""
        it = self.document.rootFrame().begin()
        previous_bottom: float | None = None
        while not it.atEnd():
            frame, block = it.currentFrame(), it.currentBlock()
            it += 1
            if isinstance(frame, QTextTable):
                if frame.lastPosition() >= start:
                    previous_bottom = self.table(frame, previous_bottom)
            elif frame is not None:
                if self.shift is not None:
                    raise _Unsure  # a frame of another kind: only a layout says where it goes
            elif block.isValid() and block.position() >= start and block.length() > 1:
                previous_bottom = self.block(block, previous_bottom)

    def block(self, block: QTextBlock, previous_bottom: float | None) -> float:
        rect = self.document.documentLayout().blockBoundingRect(block)
        if self.shift is None:
            if block.blockFormat().headingLevel() and not _pushed(block):
                following = block.next()
                if following.isValid():
                    page = _block_pages(self.document, block, self.height)[1]
                    if _block_pages(self.document, following, self.height)[0] > page:
                        self.push([block])
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

    def table(self, table: QTextTable, previous_bottom: float | None) -> float:
        """Decide the table's pushes; returns the bottom of its last row's text as laid out."""
        rows = [r for r in (_row(self.document, table, i, self.height) for i in range(table.rows())) if r]
        if not rows:
            raise _Unsure
        measure = _Measure.of(rows, self.height)
        if measure.pushed_lower is not None:
            self.pushed_lower = measure.pushed_lower
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
        for index, row in enumerate(rows):
            if predicted is None:
                if row.cut and not row.pushed:
                    self.push(row.firsts)
                    self.shift = 0.0  # from here on the layout no longer says; predict
                    if measure.gap is None or row.height + measure.fits > self.height:
                        raise _Unsure  # no row spacing measured, or taller than a page
                    predicted = self._carried(row.top, measure, True) + row.height + measure.gap
                continue
            if index < headers:
                continue
            predicted = self.predict_row(row, predicted, measure)
        if predicted is not None and measure.gap is not None:
            self.shift = predicted - measure.gap - rows[-1].bottom
        return rows[-1].bottom

    def predict_row(self, row: _Row, top: float, measure: _Measure) -> float:
        """Where the row after this one starts, pushing this one if Qt would cut it."""
        if measure.gap is None or measure.carried is None:
            raise _Unsure
        page = int(top // self.height)
        top = max(top, page * self.height + measure.carried)  # below the repeated header
        mine = all(b.position() in self.ours for b in row.firsts)
        if row.pushed and not mine:  # someone else's page break: it starts a page
            return self._carried(top, measure, True) + row.height + measure.gap
        fits = self._fits(top, row.height, measure)
        if fits:
            self.push(row.firsts, on=False)
            return top + row.height + measure.gap
        # Qt carries the row whole if no cell's first line fits (a push would then skip a
        # page); otherwise it cuts the row, and the push carries it instead.
        cut = None if fits is None else self._fits(top, row.first, measure)
        if cut is None or row.height + measure.fits > self.height:
            raise _Unsure  # too near the foot to say, or taller than a page
        self.push(row.firsts, on=cut)
        return self._carried(top, measure, cut) + row.height + measure.gap

    def _fits(self, top: float, height: float, measure: _Measure) -> bool | None:
        """Whether text from `top`, `height` tall, stays on its page; None if unsure."""
        left = (int(top // self.height) + 1) * self.height - (top + height)
        if left >= measure.fits:
            return True
        if left <= measure.spills or left < 0:
            return False
        return None

    def _carried(self, top: float, measure: _Measure, pushed: bool = False) -> float:
        """Where the text of a row that started at `top` goes on a later page.

        A pushed row skips a page: its cells' text moves to the next page, so Qt carries
        the row there whole, and on that page the page break moves the text on again.
        """
        if measure.carried is None:
            raise _Unsure
        # Until a pushed row was seen, guess it lands as a carried one; it is 5/64 px off,
        # which matters only for a row within that of the foot (the next round sees it).
        # (Qt starts the row after a pushed one that much lower; adding it here moves it
        # and all that follows.)
        lower = self.pushed_lower if pushed and self.pushed_lower is not None else 0.0
        page = int(top // self.height)  # exact: page_of would count a row 2 px up as below
        return (page + (2 if pushed else 1)) * self.height + measure.carried + lower


def _apply(document: QTextDocument, changes: list[tuple[QTextBlock, bool]]) -> None:
    """Set or clear the page break of every block in one edit: the layout runs once."""
    cursor = QTextCursor(document)
    cursor.beginEditBlock()
    for block, on in changes:
        block_format = block.blockFormat()
        policy = block_format.pageBreakPolicy()
        block_format.setPageBreakPolicy(policy | ALWAYS_BEFORE if on else policy & ~ALWAYS_BEFORE)
        cursor.setPosition(block.position())
        cursor.setBlockFormat(block_format)
    cursor.endEditBlock()


def _first_in_row(block: QTextBlock) -> bool:
    """Whether a pushed block counts as a move: a heading, or a row's first cell."""
    table = QTextCursor(block).currentTable()
    return table is None or table.cellAt(block.position()).column() == 0


def keep_together(document: QTextDocument, page_height: float) -> int:
    """Move lonely headings and split table rows to the next page; returns how many moved."""
    moves, start = 0, 0
    ours: set[int] = set()
    for _ in range(MAX_ROUNDS):
        if moves >= MAX_MOVES:
            break
        document.pageCount()  # lay out again after the last round's pushes
        plan = _Plan(document, page_height, ours)
        try:
            plan.walk(start)
        except _Unsure:
            pass
        changes = plan.changes
        if not changes:
            break
        _apply(document, changes)
        for block, on in changes:
            (ours.add if on else ours.discard)(block.position())
        moves += sum(on for block, on in changes if _first_in_row(block))
        start = min(block.position() for block, _ in changes)
    document.pageCount()
    return moves
