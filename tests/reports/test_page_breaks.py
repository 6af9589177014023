"""Page breaks: a heading is never alone at the foot of a page; a table row is never cut."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from relationship_journal.reports.paged import ReportDocument
from relationship_journal.reports.pipeline import produce


def _pages(path: Path) -> list[str]:
    text = subprocess.run(
        ["pdftotext", "-enc", "UTF-8", str(path), "-"], capture_output=True, text=True, check=True
    ).stdout
    return text.split("\f")


def _page_with(pages: list[str], words: str) -> list[int]:
    return [i for i, page in enumerate(pages) if words in page]


@pytest.mark.parametrize("filler", range(38, 50, 2))
def test_a_heading_goes_with_what_follows(qapp, tmp_path: Path, filler: int) -> None:  # type: ignore[no-untyped-def]
    body = "".join(f"<p>Filler paragraph number {i} of the report.</p>" for i in range(filler))
    body += "<h2>Fading</h2><p>Ada Lovelace fades around May.</p>" + "<p>More.</p>" * 30
    spec = ReportDocument("Test", "today", "<h1>Report</h1>", body, css="")
    out = tmp_path / "r.pdf"
    produce(out, "a4", None, lambda steps: spec)
    pages = _pages(out)
    assert _page_with(pages, "Fading") == _page_with(pages, "Ada Lovelace fades")


@pytest.mark.parametrize("filler", range(36, 48, 3))
def test_a_table_row_is_never_cut(qapp, tmp_path: Path, filler: int) -> None:  # type: ignore[no-untyped-def]
    body = "".join(f"<p>Filler paragraph number {i} of the report.</p>" for i in range(filler))
    long = " ".join(["send the article about hiring designers and the notes from the offsite"] * 4)
    rows = "".join(
        f'<tr><td width="15%">Promise {i}</td><td>first line of row {i} {long} last line of row {i}</td></tr>'
        for i in range(12)
    )
    body += (
        f'<table width="100%" cellspacing="0" cellpadding="3"><thead><tr><th>Made</th><th>Promise</th>'
        f"</tr></thead><tbody>{rows}</tbody></table>"
    )
    spec = ReportDocument("Test", "today", "<h1>Report</h1>", body, css="")
    out = tmp_path / "r.pdf"
    produce(out, "a4", None, lambda steps: spec)
    pages = _pages(out)
    for i in range(12):
        assert _page_with(pages, f"first line of row {i}") == _page_with(
            pages, f"last line of row {i}"
        ), f"row {i} is cut across pages"
        assert _page_with(pages, f"Promise {i}\n") or _page_with(pages, f"Promise {i}")
        assert _page_with(pages, f"Promise {i}") == _page_with(pages, f"last line of row {i}")


def test_every_cut_row_of_a_long_table_is_fixed_in_few_layouts(qapp, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """A report table whose page breaks nearly all fall inside a two-line row: none is
    cut, and the pushes are decided from a layout or two, not one layout for each."""
    from relationship_journal.reports import keep_together as kt
    from relationship_journal.reports import markup as m

    layouts = 0
    real_apply = kt._apply

    def counting(*args: object) -> None:
        nonlocal layouts
        layouts += 1
        real_apply(*args)  # type: ignore[arg-type]

    kt._apply = counting  # type: ignore[assignment]
    try:
        wide = " Name-Longer-Than-One-Line-Of-The-Column"
        rows = [(f"top{i}x" + (wide if i % 5 == 0 else ""), "Org", "steady", f"end{i}x") for i in range(900)]
        body = m.table(["Name", "Organisation", "Standing", "Last"], rows, widths=[28, 22, 25, 25])
        spec = ReportDocument("Test", "today", "<h1>Report</h1>", body, css=m.CSS)
        out = tmp_path / "r.pdf"
        produce(out, "a4", None, lambda steps: spec)
    finally:
        kt._apply = real_apply  # type: ignore[assignment]
    pages = _pages(out)
    assert len(pages) > 20
    for i in range(900):
        assert len(_page_with(pages, f"top{i}x")) == 1
        assert _page_with(pages, f"top{i}x") == _page_with(pages, f"end{i}x"), f"row {i} is cut"
    assert 1 <= layouts <= 3  # a layout for each cut row would be 20 or more


@pytest.mark.parametrize(("lines", "column"), [(1, 0), (2, 0), (1, 1)])
def test_a_pushed_row_leaves_no_blank_page(qapp, tmp_path: Path, lines: int, column: int) -> None:  # type: ignore[no-untyped-def]
    """A row pushed to the next page starts that page, under the repeated header: no page
    holds the header alone (a page break on the row's cells broke twice), and none is cut,
    whichever cell of the row above is the tallest."""
    from relationship_journal.reports import markup as m

    wide = " Name-Longer-Than-One-Line-Of-The-Column" * lines
    rows = []
    for i in range(300):
        cells = [f"top{i}x", "Org", "steady", f"end{i}x"]
        cells[column] += wide if i % 5 == 0 else ""
        rows.append(cells)
    body = m.table(["Name", "Organisation", "Standing", "Last"], rows, widths=[28, 22, 25, 25])
    spec = ReportDocument("Test", "today", "<h1>Report</h1>", body, css=m.CSS)
    out = tmp_path / "r.pdf"
    produce(out, "a4", None, lambda steps: spec)
    pages = _pages(out)[:-1]  # the text ends with a form feed
    for number, page in enumerate(pages, 1):
        assert "top" in page, f"page {number} holds no row: {page!r}"
    for i in range(300):
        assert len(_page_with(pages, f"top{i}x")) == 1
        assert _page_with(pages, f"top{i}x") == _page_with(pages, f"end{i}x"), f"row {i} is cut"
    rows_per_page = 300 / len(pages)
    assert all(page.count("top") > rows_per_page / 2 for page in pages[:-1]), "a page is nearly empty"
