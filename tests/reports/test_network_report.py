"""The network report from the demo network: figures, names, pages, contents, paper sizes."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from report_fixtures import AS_OF
from report_pdf_tools import (
    UNEXTRACTABLE,
    page_count,
    page_points,
    pdf_text,
    squeezed,
)

from relationship_journal.health import compute_network
from relationship_journal.journal import Journal
from relationship_journal.journal.health_inputs import load_logs
from relationship_journal.reports.network_report import render_network_report

pytestmark = [pytest.mark.usefixtures("qapp")]


@pytest.fixture(scope="module")
def network(demo_journal: Journal):  # type: ignore[no-untyped-def]
    with demo_journal.reading() as connection:
        return compute_network(load_logs(connection), AS_OF)


@pytest.fixture(scope="module")
def report(demo_journal: Journal, tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    out = tmp_path_factory.mktemp("net") / "network.pdf"
    render_network_report(demo_journal, out, AS_OF, "a4")
    return out, pdf_text(out)


def test_figures_match_the_health_model(report: tuple[Path, str], network) -> None:  # type: ignore[no-untyped-def]
    out, text = report
    assert "The network in figures" in pdf_text(out, raw=True)  # no "ﬁ" ligature: searchable
    assert f"{network.total_contacts:,}\n" in text or f"{network.total_contacts:,} people" in text
    for figure, label in ((network.breadth, "touched in the past year"), (network.depth, "connections"),
                          (network.trusted, "in the trusted circle")):
        assert str(figure) in text and label in text
    assert f"Wide-vs-deep index {network.wide_deep_index:.2f}" in text
    assert network.verdict in text


def test_every_contact_is_listed_with_band_and_last_contact(report: tuple[Path, str], network) -> None:  # type: ignore[no-untyped-def]
    _out, text = report
    flat = squeezed(text)
    missing = [c.name for c in network.contacts
               if squeezed(c.name) not in flat and not UNEXTRACTABLE.search(c.name)]
    assert not missing
    assert "ليلى" in text or "أحمد" in text or "نور" in text or "يوسف" in text
    assert "佐藤 花子" in text and "Élodie Marchetti-Ørsted" in text
    for band in ("steady", "cooling"):
        assert band in text
    for fading in network.fading[:5]:
        assert squeezed(fading.name) in flat


def test_long_report_has_contents_page_numbers_and_headers(report: tuple[Path, str]) -> None:
    out, text = report
    pages = page_count(out)
    assert pages > 3
    first_page = text.split("\f")[0]
    assert "Contents" in first_page and "Fading" in first_page and "Contacts in all circles" in first_page
    for number in range(1, pages + 1):
        assert f"Page {number} of {pages}" in text
    # Each contents entry points at the page its section starts on.
    pages_text = text.split("\f")
    entries = re.findall(r"^(The network in figures|Circles against capacity|Health and activity|Fading|"
                         r"Owed: replies and favours|Contacts in all circles)\n+(\d+)$", first_page, re.M)
    assert len(entries) == 6
    for title, page in entries:
        assert title in pages_text[int(page) - 1], (title, page)
    assert text.count("Report date 30 June 2026") == pages
    assert page_points(out) == (595.0, 842.0)


def test_chosen_circles_and_letter_paper(demo_journal: Journal, tmp_path: Path, network) -> None:  # type: ignore[no-untyped-def]
    out = tmp_path / "inner.pdf"
    render_network_report(demo_journal, out, AS_OF, "letter", circles=[5, 15])
    text = pdf_text(out)
    assert page_points(out) == (612.0, 792.0)
    assert "Contacts in 5, 15" in text
    inner = [c.name for c in network.contacts if c.circle in (5, 15) and not UNEXTRACTABLE.search(c.name)]
    assert inner and all(squeezed(n) in squeezed(text) for n in inner)
    counts = {circle: sum(1 for c in network.contacts if c.circle == circle) for circle in (5, 15, 500)}
    assert f"Inner (5): {counts[5]} people" in text and f"Close (15): {counts[15]} people" in text
    assert f"Acquaintance (500): {counts[500]} people" not in text


def test_each_circles_table_starts_on_a_fresh_page(report: tuple[Path, str]) -> None:
    """Laid out on its own, a circle of thousands no longer slows every page of the rest."""
    out, _text = report
    pages = pdf_text(out).split("\f")
    captions = re.compile(r"^(Inner|Close|Active|Wider|Acquaintance) \(\d+\): [\d,]+ (people|person)$")
    firsts: dict[str, int] = {}
    for number, page in enumerate(pages):
        for line in page.splitlines():
            if captions.match(line.strip()):
                firsts.setdefault(line.strip(), number)
    assert len(firsts) >= 3
    for caption, number in firsts.items():
        lines = [line.strip() for line in pages[number].splitlines() if line.strip()]
        body = [line for line in lines if "Network report" not in line and not line.startswith("Report date")]
        assert body.index(caption) <= 1, (caption, body[:3])  # after "Contacts in all circles" at most
