"""A long table printed a page at a time: every row once, whole, in order, pages full."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from relationship_journal.reports import markup as m
from relationship_journal.reports.page_rows import pages_of_rows, rows_on_first_page
from relationship_journal.reports.paged import (
    ReportDocument,
    TableRows,
    _laid_out,
    _new_writer,
    _Pages,
)
from relationship_journal.reports.pipeline import produce

pytestmark = [pytest.mark.usefixtures("qapp")]

WIDE = " Name-Longer-Than-One-Line-Of-The-Column"


def _rows(count: int, tall: set[int] = frozenset()) -> list[tuple[str, ...]]:  # type: ignore[assignment]
    rows = []
    for i in range(count):
        name = f"top{i}x" + (WIDE * (1 + i % 3) if i % 7 == 0 else "")
        if i in tall:
            name += "".join(f"<br/>line {n} of the tall row" for n in range(90))
        rows.append((name, "Org", "steady", f"end{i}x"))
    return rows


def _table_rows(rows: list[tuple[str, ...]], opening: str = "") -> TableRows:
    def html(first: int, stop: int) -> str:
        return (opening if first == 0 else "") + m.table(
            ["Name", "Organisation", "Standing", "Last"], rows[first:stop], widths=[28, 22, 25, 25],
            caption="Everyone", first_row=first)

    return TableRows(len(rows), html)


def _pdf_pages(path: Path) -> list[str]:
    text = subprocess.run(["pdftotext", "-enc", "UTF-8", str(path), "-"],
                          capture_output=True, text=True, check=True).stdout
    return text.split("\f")[:-1]  # the text ends with a form feed


def test_the_pages_hold_every_row_once_and_each_is_full(tmp_path: Path) -> None:
    spec = ReportDocument("Test", "today", "", "", css=m.CSS)
    writer = _new_writer(str(tmp_path / "x.pdf"), "a4", "Test")
    geometry = _Pages(writer, spec.margins)

    def lay_out(html: str):  # type: ignore[no-untyped-def]
        return _laid_out(html, spec, writer, geometry)

    table = _table_rows(_rows(400))
    pages = list(pages_of_rows(table, lay_out, geometry.body_height))
    assert pages[0].first == 0 and pages[-1].stop == 400
    assert all(a.stop == b.first for a, b in zip(pages, pages[1:], strict=False))
    assert len(pages) > 8 and not any(page.whole for page in pages)
    for page in pages:
        whole, _cut = rows_on_first_page(page.document, geometry.body_height)
        assert whole >= page.stop - page.first, f"rows {page.first}-{page.stop} do not fit their page"
    for page in pages[:-1]:  # one row more would not have fitted whole
        one_more = lay_out(table.html(page.first, page.stop + 1))
        assert rows_on_first_page(one_more, geometry.body_height)[0] == page.stop - page.first


def test_a_report_prints_a_long_table_whole_rows_in_order_under_its_header(tmp_path: Path) -> None:
    rows = _rows(300, tall={150})
    spec = ReportDocument("Test", "today", "<h1>Report</h1>", "<p>Before the table.</p>", css=m.CSS,
                          parts_on_new_pages=(_table_rows(rows, m.heading("Everyone listed")),))
    out = tmp_path / "r.pdf"
    produce(out, "a4", None, lambda steps: spec)
    pages = _pdf_pages(out)
    where: list[int] = []
    for i in range(300):
        tops = [n for n, page in enumerate(pages) if f"top{i}x" in page]
        assert len(tops) == 1, f"row {i} printed on pages {tops}"
        if i != 150:
            assert [n for n, page in enumerate(pages) if f"end{i}x" in page] == tops, f"row {i} is cut"
        where.append(tops[0])
    assert where == sorted(where)
    assert "Everyone listed" in pages[1] and "Before the table." not in pages[1]  # a fresh page
    table_pages = pages[1:]
    assert all("Everyone" in page and "Organisation" in page for page in table_pages)
    # The row taller than a page prints over pages of its own, none of its lines lost.
    tall = [n for n, page in enumerate(pages) if "of the tall row" in page]
    assert len(tall) >= 2 and all("top" not in pages[n].replace("top150x", "") for n in tall)
    assert all(any(f"line {k} of the tall row" in pages[n] for n in tall) for k in range(90))
    # Every other page is full, but for the last and the one the tall row could not join.
    ordinary = [page for n, page in enumerate(table_pages, 1)
                if n not in tall and n + 1 not in tall and n + 1 != len(pages)]
    counts = [page.count("top") for page in ordinary]
    assert len(ordinary) > 5 and min(counts) > max(counts) * 0.75, "a page of the table is nearly empty"


def test_stripes_go_on_from_the_first_row_of_a_page() -> None:
    rows = [("a",), ("b",), ("c",)]
    shaded = f'bgcolor="{m.STRIPE}"'
    from_top = m.table(["Name"], rows)
    from_second = m.table(["Name"], rows, first_row=1)
    assert from_top.count(shaded) == 1 and from_second.count(shaded) == 2
    assert from_second.index(shaded) < from_second.index(">a<")
