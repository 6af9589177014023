"""A table of thousands of rows, laid out a page at a time.

One document holding a 6,000-row table makes every layout, every keep-together round and
every painted page walk all of it: the network report of 10,000 people spent most of its
half minute there. Here each page is a document of its own, holding the table's header
and the rows that fill that page: the rows are laid out in a batch a little longer than
a page, only the document's first page is printed (Qt carries a row that does not fit to
its second), and the next page starts from the first row not printed. A row Qt would cut
at the page's foot is left out and the page laid out again, so no row is ever cut and
nothing needs keeping together.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass

from PySide6.QtGui import QTextDocument, QTextTable

from relationship_journal.reports.keep_together import LaidRow, laid_row
from relationship_journal.reports.paged import TableRows, page_of

FIRST_BATCH = 48  # rows laid out for the first page: an A4 page holds about 40 one-line rows
SPARE_ROWS = 6  # laid out beyond the last page's count, for a page of shorter rows


@dataclass(frozen=True)
class RowsPage:
    """One page of a long table: its document, of which the first page is printed."""

    document: QTextDocument
    first: int  # the table's row at the top of the page
    stop: int  # the row after the last one printed
    whole: bool = False  # a row taller than a page: every page of the document is printed


def _table(document: QTextDocument) -> QTextTable:
    tables = [f for f in document.rootFrame().childFrames() if isinstance(f, QTextTable)]
    if not tables:
        raise ValueError("a page of rows holds no table")
    return tables[-1]


def rows_on_first_page(document: QTextDocument, page_height: float) -> tuple[int, bool]:
    """How many of the table's rows (below its header) lie whole on the first page, and
    whether the next row starts there too (Qt cut it: its first lines fitted)."""
    table = _table(document)
    headers = table.format().headerRowCount()
    document.pageCount()  # lays the document out, if it is not yet

    def whole(laid: LaidRow | None) -> bool:  # (None: a row spanned by the one above)
        return laid is None or (not laid.cut and page_of(laid.bottom - 1, page_height) == 0)

    # Rows run down the page in order: search for the first one that is not whole there.
    low, high = headers, table.rows()
    while low < high:
        middle = (low + high) // 2
        if whole(laid_row(document, table, middle, page_height)):
            low = middle + 1
        else:
            high = middle
    following = laid_row(document, table, low, page_height) if low < table.rows() else None
    return low - headers, following is not None and page_of(following.top, page_height) == 0


def pages_of_rows(
    rows: TableRows, lay_out: Callable[[str], QTextDocument], page_height: float
) -> Iterator[RowsPage]:
    """The table's pages, each a document whose first page holds the rows that fit on it.

    A row taller than a page gets a page of its own and is printed cut, as Qt lays it
    out; no other row is.
    """
    first, batch = 0, FIRST_BATCH
    while first < rows.count:
        stop = min(rows.count, first + batch)
        document = lay_out(rows.html(first, stop))
        fitted, cut = rows_on_first_page(document, page_height)
        if fitted == stop - first and stop < rows.count:
            batch *= 2  # all fitted: the page has room for more than were laid out
            continue
        if fitted == 0:  # one row taller than a page
            yield RowsPage(lay_out(rows.html(first, first + 1)), first, first + 1, whole=True)
            first += 1
            continue
        if cut:  # lay the page out without the row Qt cut, or its top half would print
            document = lay_out(rows.html(first, first + fitted))
        yield RowsPage(document, first, first + fitted)
        first += fitted
        batch = fitted + SPARE_ROWS
