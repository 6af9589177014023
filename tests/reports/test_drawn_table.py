"""The long tables a report draws: every row once, whole, in order, under its header."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest
from PySide6.QtGui import QColor, QImage

from relationship_journal.reports import markup as m
from relationship_journal.reports.drawn_table import MAX_LINES, Cell, DrawnTable, TableLayout
from relationship_journal.reports.paged import ReportDocument, _new_writer, _Pages
from relationship_journal.reports.pipeline import produce

pytestmark = [pytest.mark.usefixtures("qapp")]

WIDE = " Name-Longer-Than-One-Line-Of-The-Column"


def _rows(count: int, tall: frozenset[int] = frozenset()) -> list[tuple[Cell, ...]]:
    rows = []
    for i in range(count):
        name = f"top{i}x" + (WIDE * (1 + i % 3) if i % 7 == 0 else "")
        if i in tall:
            name += "".join(f"\nline {n} of the tall row" for n in range(90))
        rows.append((Cell(name), Cell("Org"), Cell("62 · steady", m.band_tint("steady")), Cell(f"end{i}x")))
    return rows


def _table(rows: list[tuple[Cell, ...]], heading: str = "") -> DrawnTable:
    return DrawnTable(heading, "Everyone", ("Name", "Organisation", "Health", "Last"), (28, 22, 25, 25), rows)


def _pdf_pages(path: Path) -> list[str]:
    text = subprocess.run(["pdftotext", "-enc", "UTF-8", str(path), "-"],
                          capture_output=True, text=True, check=True).stdout
    return text.split("\f")[:-1]  # the text ends with a form feed


def _layout(table: DrawnTable, tmp_path: Path) -> tuple[TableLayout, _Pages]:
    writer = _new_writer(str(tmp_path / "x.pdf"), "a4", "Test")
    geometry = _Pages(writer, ReportDocument("Test", "today", "", "", css=m.CSS).margins)
    return TableLayout(table, writer, geometry.body_width, geometry.body_height), geometry


def test_a_report_prints_a_long_table_whole_rows_in_order_under_its_header(tmp_path: Path) -> None:
    rows = _rows(300, tall=frozenset({150}))
    spec = ReportDocument("Test", "today", "<h1>Report</h1>", "<p>Before the table.</p>", css=m.CSS,
                          contents_after_pages=3, parts_on_new_pages=(_table(rows, "Everyone listed"),))
    out = tmp_path / "r.pdf"
    produce(out, "a4", None, lambda steps: spec)
    pages = _pdf_pages(out)
    where: list[int] = []
    for i in range(300):
        tops = [n for n, page in enumerate(pages) if f"top{i}x" in page]
        assert len(tops) == 1, f"row {i} printed on pages {tops}"
        assert [n for n, page in enumerate(pages) if f"end{i}x" in page] == tops, f"row {i} is cut"
        where.append(tops[0])
    assert where == sorted(where)
    # The contents page names the table's heading with the page it opens.
    opening = where[0] + 1
    assert "Contents" in pages[0] and f"Everyone listed\n\n{opening}" in pages[0]
    assert pages[opening - 1].count("Everyone listed") == 1
    assert "Before the table." not in pages[opening - 1]  # a fresh page
    table_pages = pages[opening - 1:]
    assert all("Everyone" in page and "Organisation" in page for page in table_pages)
    assert all("Everyone listed" not in page for page in table_pages[1:])
    # The tall cell is cut short with an ellipsis, and its row still prints on one page.
    tall = pages[where[150]]
    assert "line 0 of the tall row" in tall and "line 89 of the tall row" not in "".join(pages)
    assert "…" in tall
    counts = [page.count("top") for page in table_pages[1:-1]]
    assert len(counts) > 5 and min(counts) > max(counts) * 0.75, "a page of the table is nearly empty"


def test_each_page_is_full_and_no_row_outgrows_the_cell_limit(tmp_path: Path) -> None:
    layout, geometry = _layout(_table(_rows(400, tall=frozenset({30})), "Heading"), tmp_path)
    pages = layout.pages
    printed = [row.index for page in pages for row in page.rows]
    assert printed == list(range(400))
    assert [page.opening for page in pages] == [True] + [False] * (len(pages) - 1)
    for page, following in zip(pages, pages[1:], strict=False):  # one row more would not have fitted
        room = geometry.body_height - layout._top_height() - (layout._heading_height() if page.opening else 0)
        used = sum(row.height for row in page.rows)
        assert used <= room < used + following.rows[0].height
    assert max(max(len(lines) for lines in row.lines) for page in pages for row in page.rows) == MAX_LINES


def test_user_text_is_literal_and_direction_controls_are_named(tmp_path: Path) -> None:
    rows = [(Cell("<b>bold?</b> \u202eexe.jpg"), Cell("Pine & Partners"), Cell("x"), Cell("y"))]
    spec = ReportDocument("Test", "today", "<h1>Report</h1>", "", css=m.CSS,
                          parts_on_new_pages=(_table(rows),))
    out = tmp_path / "r.pdf"
    produce(out, "a4", None, lambda steps: spec)
    text = "".join(_pdf_pages(out))
    assert "<b>bold?</b> [RLO]exe.jpg" in text and "Pine & Partners" in text


def test_stripes_and_tints_fill_their_rows_and_cells(tmp_path: Path) -> None:
    layout, geometry = _layout(_table(_rows(4)), tmp_path)
    scale = 0.25  # a quarter of the printer's resolution is plenty to sample colours
    image = QImage(int(geometry.body_width * scale) + 1, int(geometry.body_height * scale) + 1,
                   QImage.Format.Format_RGB32)
    image.fill(QColor("white"))
    from PySide6.QtGui import QPainter

    painter = QPainter(image)
    painter.scale(scale, scale)
    layout.paint(painter, 0, 0, 0)
    painter.end()
    top = layout._top_height()
    rows = layout.pages[0].rows
    edges = [top + sum(r.height for r in rows[:i]) for i in range(len(rows) + 1)]

    def colour(column: int, row: int) -> str:
        left, width = layout.columns[column]
        x = (left + width - 3) * scale  # right of any text
        y = (edges[row] + edges[row + 1]) / 2 * scale
        return image.pixelColor(int(x), int(y)).name()

    assert [colour(1, r) for r in range(4)] == ["#ffffff", m.STRIPE, "#ffffff", m.STRIPE]
    assert {colour(2, r) for r in range(4)} == {m.band_tint("steady")}
