"""Page breaks a reader accepts: a heading never alone at a page's foot, a table row never cut.

QTextDocument breaks pages wherever a line falls, so the network report left "Fading"
alone at the foot of a page and the period review cut a promise row in two. After
layout this pass finds the first such break, moves the heading (or the row) to the
next page with a page-break-before, lays out again, and repeats until none is left.
"""

from __future__ import annotations

from PySide6.QtGui import QTextBlock, QTextCursor, QTextDocument, QTextFormat, QTextTable

from relationship_journal.reports.paged import page_of

MAX_MOVES = 400  # a bound, not a target: each move fixes one break


def _block_pages(document: QTextDocument, block: QTextBlock, page_height: float) -> tuple[int, int]:
    rect = document.documentLayout().blockBoundingRect(block)
    return page_of(rect.top(), page_height), page_of(
        max(rect.top(), rect.bottom() - 1), page_height
    )


def _push_to_next_page(document: QTextDocument, block: QTextBlock) -> None:
    cursor = QTextCursor(block)
    block_format = block.blockFormat()
    block_format.setPageBreakPolicy(QTextFormat.PageBreakFlag.PageBreak_AlwaysBefore)
    cursor.setBlockFormat(block_format)


def _pushed(block: QTextBlock) -> bool:
    return bool(
        block.blockFormat().pageBreakPolicy() & QTextFormat.PageBreakFlag.PageBreak_AlwaysBefore
    )


def _lonely_heading(document: QTextDocument, page_height: float) -> QTextBlock | None:
    """The first heading whose next block starts on a later page than the heading."""
    block = document.begin()
    while block.isValid():
        following = block.next()
        if block.blockFormat().headingLevel() and following.isValid() and not _pushed(block):
            heading_page = _block_pages(document, block, page_height)[1]
            if _block_pages(document, following, page_height)[0] > heading_page:
                return block
        block = following
    return None


def _tables(document: QTextDocument) -> list[QTextTable]:
    found: list[QTextTable] = []
    frames = list(document.rootFrame().childFrames())
    while frames:
        frame = frames.pop(0)
        if isinstance(frame, QTextTable):
            found.append(frame)
        frames.extend(frame.childFrames())
    return found


def _split_row(document: QTextDocument, page_height: float) -> list[QTextBlock] | None:
    """The first blocks of each cell of the first table row that runs over a page break."""
    for table in _tables(document):
        for row in range(table.rows()):
            firsts, first_page, last_page = [], None, None
            for column in range(table.columns()):
                cell = table.cellAt(row, column)
                if not cell.isValid() or cell.row() != row:
                    continue
                block = cell.firstCursorPosition().block()
                end = cell.lastCursorPosition().block()
                top = _block_pages(document, block, page_height)[0]
                bottom = _block_pages(document, end, page_height)[1]
                first_page = top if first_page is None else min(first_page, top)
                last_page = bottom if last_page is None else max(last_page, bottom)
                firsts.append(block)
            if (
                first_page is not None
                and last_page != first_page
                and not all(_pushed(b) for b in firsts)
            ):
                return firsts
    return None


def keep_together(document: QTextDocument, page_height: float) -> int:
    """Move lonely headings and split table rows to the next page; returns how many moved."""
    moves = 0
    while moves < MAX_MOVES:
        document.pageCount()  # lay out again after the last move
        heading = _lonely_heading(document, page_height)
        if heading is not None:
            _push_to_next_page(document, heading)
            moves += 1
            continue
        row = _split_row(document, page_height)
        if row is None:
            break
        for block in row:
            _push_to_next_page(document, block)
        moves += 1
    return moves
