"""Paged PDF output: HTML laid out by QTextDocument, painted page by page onto QPdfWriter.

`QTextDocument.print_` cannot draw running headers, so we lay the document out
ourselves against the printer's metrics and paint each page's slice between our own
header (the report's title and date) and footer (page N of M). Text stays real text
in the PDF (selectable, searchable, fonts embedded with their Unicode maps).

Everything here works off the GUI thread: QTextDocument, QImage and QPdfWriter are
all usable from a worker thread (QPixmap and widgets are not, so none appear here).
"""

from __future__ import annotations

import html
import math
import os
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Protocol

from PySide6.QtCore import QMarginsF, QRectF, QSizeF, Qt, QUrl
from PySide6.QtGui import (
    QColor,
    QFont,
    QImage,
    QPageLayout,
    QPageSize,
    QPainter,
    QPdfWriter,
    QPen,
    QTextBlockFormat,
    QTextCursor,
    QTextDocument,
)

from relationship_journal.reports.errors import ReportError
from relationship_journal.reports.progress import Steps
from relationship_journal.reports.qt_app import quiet_font_messages

if TYPE_CHECKING:
    from relationship_journal.reports.drawn_table import DrawnTable, TableLayout

PAGE_SIZES: Mapping[str, QPageSize.PageSizeId] = {
    "a4": QPageSize.PageSizeId.A4,
    "letter": QPageSize.PageSizeId.Letter,
}
# Reports are laid out on workers, whoever made the QApplication (the window, the
# command line, a test): their font messages must never reach a Python handler.
quiet_font_messages()

RESOLUTION = 300  # device pixels per inch; text and lines stay vector whatever this is
EDGE = 2.0  # device pixels kept clear at the top and bottom of each page's slice
BODY_FONT = "DejaVu Sans"
BODY_POINT_SIZE = 9.5
INK = "#1f2328"
MUTED = "#57606a"
RULE = "#c9d1d9"
ACCENT = "#1a5f7a"


@dataclass(frozen=True)
class Margins:
    """Page margins in millimetres; header and footer sit inside the top and bottom ones."""

    left: float = 18.0
    right: float = 18.0
    top: float = 22.0
    bottom: float = 20.0
    header_baseline: float = 13.0  # from the top edge
    footer_baseline: float = 11.0  # from the bottom edge


@dataclass
class ReportDocument:
    """What a report hands to the printer: its HTML, its own images, and how to label pages."""

    title: str  # PDF metadata and the running header
    header_note: str  # right side of the running header, e.g. "Report date 30 June 2026"
    title_html: str  # the opening block (title, subtitle)
    body_html: str
    css: str
    images: dict[str, QImage] = field(default_factory=dict)
    contents_after_pages: int | None = None  # add a contents page when the body runs longer
    parts_on_new_pages: tuple[str | DrawnTable, ...] = ()  # more body, each starting on a fresh page
    margins: Margins = field(default_factory=Margins)


def report_font(points: float) -> QFont:
    """The report face, without ligatures: "ﬁ" would make "figures" unsearchable in the PDF."""
    font = QFont(BODY_FONT)
    font.setPointSizeF(points)
    for tag in ("liga", "clig", "dlig"):
        font.setFeature(QFont.Tag(tag), 0)
    return font


class SafeDocument(QTextDocument):
    """A QTextDocument that loads nothing but the images we embedded ourselves.

    User text is escaped before it reaches the HTML, so no tag of theirs survives;
    this is the second lock: any other resource (remote URL, local file) is refused.
    """

    def __init__(self, images: Mapping[str, QImage], css: str) -> None:
        super().__init__()
        self.refused: list[str] = []
        self.setUndoRedoEnabled(False)
        self.setDocumentMargin(0)
        self.setDefaultFont(report_font(BODY_POINT_SIZE))
        self.setDefaultStyleSheet(css)
        for name, image in images.items():
            self.addResource(QTextDocument.ResourceType.ImageResource, QUrl(name), image)

    def loadResource(self, kind: int, name: QUrl | str) -> object:  # noqa: N802 (Qt's name)
        self.refused.append(name.toString() if isinstance(name, QUrl) else str(name))
        return None


def page_size_id(name: str) -> QPageSize.PageSizeId:
    try:
        return PAGE_SIZES[name.lower()]
    except KeyError:
        raise ReportError(f"page size must be one of {', '.join(PAGE_SIZES)} (got '{name}')") from None


class _Pages:
    """The geometry of one page in device pixels."""

    def __init__(self, writer: QPdfWriter, margins: Margins) -> None:
        rect = writer.pageLayout().fullRectPixels(RESOLUTION)
        mm = RESOLUTION / 25.4
        self.width = float(rect.width())
        self.height = float(rect.height())
        self.left = margins.left * mm
        self.top = margins.top * mm
        self.body_width = self.width - (margins.left + margins.right) * mm
        # Qt lays out in 1/64 px and cuts the page height down to that grid: our page
        # slices must sit where its pages break, or they drift a pixel every 64 pages.
        self.body_height = math.floor((self.height - (margins.top + margins.bottom) * mm) * 64) / 64
        self.header_y = margins.header_baseline * mm
        self.footer_y = self.height - margins.footer_baseline * mm


def _new_writer(path: str, page_size: str, title: str) -> QPdfWriter:
    writer = QPdfWriter(path)
    writer.setResolution(RESOLUTION)
    writer.setTitle(title)
    writer.setCreator("Relationship Journal")
    layout = QPageLayout(
        QPageSize(page_size_id(page_size)),
        QPageLayout.Orientation.Portrait,
        QMarginsF(0, 0, 0, 0),
        QPageLayout.Unit.Millimeter,
    )
    layout.setMode(QPageLayout.Mode.FullPageMode)
    writer.setPageLayout(layout)
    return writer


def _laid_out(html_text: str, spec: ReportDocument, writer: QPdfWriter, pages: _Pages) -> SafeDocument:
    document = SafeDocument(spec.images, spec.css)
    # Lay out against the printer's metrics so points and pixel sizes scale to paper.
    document.documentLayout().setPaintDevice(writer)
    document.setPageSize(QSizeF(pages.body_width, pages.body_height))
    document.setHtml(html_text)
    if document.refused:
        raise ReportError("the report tried to load an outside resource; nothing was written")
    return document


def page_of(y: float, page_height: float) -> int:
    """The 0-based page of a layout position; a line pushed to a page's top may sit a
    rounding error (1/64 px) above it, so positions within EDGE count as the next page."""
    return int((y + EDGE) // page_height)


def split_blocks_at_page_breaks(document: QTextDocument, page_height: float) -> int:
    """Cut every paragraph that runs over a page break into two, at the break.

    Qt paints, clipped away, the line just above each page's slice when a paragraph
    continues from the previous page: invisible on paper, but its text would sit in the
    PDF twice and searches would find ghosts. Split at the break with the margins at
    the cut set to zero, the layout is unchanged and each line is painted once.
    """
    document.pageCount()  # lays the document out, if it is not yet
    layout = document.documentLayout()
    cuts: list[int] = []
    block = document.begin()
    while block.isValid():
        lines = block.layout().lineCount()
        if lines > 1:
            top = layout.blockBoundingRect(block).top()
            lay = block.layout()
            previous = page_of(top + lay.lineAt(0).y(), page_height)
            for i in range(1, lines):
                line = lay.lineAt(i)
                page = page_of(top + line.y(), page_height)
                if page != previous:
                    cuts.append(block.position() + line.textStart())
                previous = page
        block = block.next()
    if not cuts:
        return 0
    cursor = QTextCursor(document)
    cursor.beginEditBlock()
    for position in reversed(cuts):
        cursor.setPosition(position)
        before = cursor.blockFormat()
        after = QTextBlockFormat(before)
        after.setTopMargin(0)
        # An empty, zero-height block between the halves is what Qt paints as "the line
        # above": it holds no text.
        spacer = QTextBlockFormat(before)
        spacer.setTopMargin(0)
        spacer.setBottomMargin(0)
        spacer.setLineHeight(0, QTextBlockFormat.LineHeightTypes.FixedHeight.value)
        cursor.insertBlock(spacer)
        cursor.insertBlock(after)
        before.setBottomMargin(0)
        cursor.movePosition(QTextCursor.MoveOperation.PreviousBlock)
        cursor.movePosition(QTextCursor.MoveOperation.PreviousBlock)
        cursor.setBlockFormat(before)
    cursor.endEditBlock()
    return len(cuts)


def heading_pages(document: QTextDocument, page_height: float, level: int = 2) -> list[tuple[str, int]]:
    """(heading text, 0-based page) for each heading of `level`, in document order."""
    layout = document.documentLayout()
    found = []
    block = document.begin()
    while block.isValid():
        if block.blockFormat().headingLevel() == level:
            top = layout.blockBoundingRect(block).top()
            found.append((block.text().strip(), page_of(top, page_height)))
        block = block.next()
    return found


def contents_html(entries: Sequence[tuple[str, int]]) -> str:
    rows = "".join(
        f'<tr><td class="toc-title">{html.escape(title)}</td>'
        f'<td class="toc-page" align="right">{page}</td></tr>'
        for title, page in entries
    )
    return (
        '<h3 class="toc">Contents</h3>'
        f'<table dir="ltr" class="toc" width="100%" cellspacing="0" cellpadding="4">{rows}</table>'
    )


def _paint_chrome(painter: QPainter, pages: _Pages, spec: ReportDocument, number: int, total: int) -> None:
    """The running header (title left, date right, a hairline) and the page number."""
    painter.setFont(report_font(7.5))
    painter.setPen(QColor(MUTED))
    wide = QRectF(pages.left, pages.header_y - 60, pages.body_width, 60)
    painter.drawText(wide, int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignBottom),
                     f"Relationship Journal · {spec.title}")
    painter.drawText(wide, int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignBottom), spec.header_note)
    pen = QPen(QColor(RULE))
    pen.setWidthF(RESOLUTION / 72 * 0.5)
    painter.setPen(pen)
    rule_y = pages.header_y + RESOLUTION / 72 * 4
    painter.drawLine(int(pages.left), int(rule_y), int(pages.left + pages.body_width), int(rule_y))
    painter.setPen(QColor(MUTED))
    footer = QRectF(pages.left, pages.footer_y - 60, pages.body_width, 60)
    painter.drawText(footer, int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignBottom),
                     f"Page {number} of {total}")


class _Part(Protocol):
    """A stretch of pages: a laid-out document or a drawn table."""

    def count(self) -> int: ...
    def headings(self, page_height: float) -> list[tuple[str, int]]: ...
    def paint(self, painter: QPainter, index: int, pages: _Pages) -> None: ...


@dataclass(frozen=True)
class _Printed:
    """A laid-out document, every page of which prints."""

    document: QTextDocument

    def count(self) -> int:
        return self.document.pageCount()

    def headings(self, page_height: float) -> list[tuple[str, int]]:
        return heading_pages(self.document, page_height)

    def paint(self, painter: QPainter, index: int, pages: _Pages) -> None:
        painter.save()
        painter.translate(pages.left, pages.top - index * pages.body_height)
        # Inset by a hair: a line lying exactly on the page edge would otherwise be
        # painted (clipped, invisible) on both pages, and found twice by search.
        top = index * pages.body_height + EDGE
        self.document.drawContents(painter, QRectF(-EDGE, top, pages.body_width + 2 * EDGE,
                                                   pages.body_height - 2 * EDGE))
        painter.restore()


@dataclass(frozen=True)
class _Drawn:
    """A drawn table (reports/drawn_table.py), measured against the printer's page."""

    layout: TableLayout

    def count(self) -> int:
        return len(self.layout.pages)

    def headings(self, page_height: float) -> list[tuple[str, int]]:
        return [(self.layout.table.heading, 0)] if self.layout.table.heading else []

    def paint(self, painter: QPainter, index: int, pages: _Pages) -> None:
        self.layout.paint(painter, index, pages.left, pages.top)


def _bodies(
    spec: ReportDocument, lay_out: Callable[[str], QTextDocument], writer: QPdfWriter, pages: _Pages
) -> list[_Part]:
    """The body and its parts laid out, headings and table rows kept with what follows."""
    from relationship_journal.reports.drawn_table import TableLayout
    from relationship_journal.reports.keep_together import keep_together

    printed: list[_Part] = []
    for part in (spec.body_html, *spec.parts_on_new_pages):
        if isinstance(part, str):
            document = lay_out(part)
            keep_together(document, pages.body_height)
            printed.append(_Printed(document))
        else:
            printed.append(_Drawn(TableLayout(part, writer, pages.body_width, pages.body_height)))
    return printed


def render_pdf(spec: ReportDocument, path: str | os.PathLike[str], page_size: str, steps: Steps) -> int:
    """Write `spec` as a PDF at `path` (a temporary file the caller renames); returns pages."""
    writer = _new_writer(os.fspath(path), page_size, spec.title)
    pages = _Pages(writer, spec.margins)
    steps.report("layout", 0)
    from relationship_journal.reports.keep_together import keep_together

    def lay_out(html_text: str) -> QTextDocument:
        return _laid_out(html_text, spec, writer, pages)

    # Headings are moved to their page before the contents page counts them.
    bodies = _bodies(spec, lay_out, writer, pages)
    limit = spec.contents_after_pages
    if limit is not None and sum(b.count() for b in bodies) > limit:
        sections: list[tuple[str, int]] = []
        offset = 0
        for body in bodies:
            count = body.count()
            sections.extend((title, page + offset) for title, page in body.headings(pages.body_height)
                            if page < count)
            offset += count
        opening_html = spec.title_html + contents_html([(t, 0) for t, _ in sections])
        offset = lay_out(opening_html).pageCount()
        numbered = [(title, page + offset + 1) for title, page in sections]
        opening = lay_out(spec.title_html + contents_html(numbered))
        parts: list[_Part] = [_Printed(opening), *bodies]
    else:
        opening = lay_out(spec.title_html + spec.body_html)
        parts = [_Printed(opening), *bodies[1:]]
    # Each part is its own document, so a cut in one relays out that part only. The
    # bodies after the first were kept together above; the first document is new.
    keep_together(opening, pages.body_height)  # before the cuts: it moves whole blocks
    for part in parts:
        if isinstance(part, _Printed):
            split_blocks_at_page_breaks(part.document, pages.body_height)
    counts = [part.count() for part in parts]
    total = sum(counts)
    steps.report("layout", 1)

    painter = QPainter()
    if not painter.begin(writer):
        raise ReportError(f"cannot write the report to {os.fspath(path)}")
    try:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
        number = 0
        for part, count in zip(parts, counts, strict=True):
            for index in range(count):
                if number:
                    writer.newPage()
                number += 1
                _paint_chrome(painter, pages, spec, number, total)
                part.paint(painter, index, pages)
                steps.report("pages", number, total)
    finally:
        painter.end()
    return total
