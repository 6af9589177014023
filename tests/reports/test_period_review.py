"""The period review: the people seen, promises and favours of the period, and the movers."""

from __future__ import annotations

import datetime as dt
from collections import Counter
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

from relationship_journal.journal import Journal
from relationship_journal.reports.errors import ReportError
from relationship_journal.reports.period_review import render_period_review

pytestmark = [pytest.mark.usefixtures("qapp")]
START = AS_OF - dt.timedelta(days=89)


def test_review_names_who_i_saw_most_and_counts_the_period(demo_journal: Journal, tmp_path: Path) -> None:
    out = tmp_path / "review.pdf"
    result = render_period_review(demo_journal, out, START, AS_OF, "a4")
    text = pdf_text(out)
    entries = demo_journal.interactions.recent(since=START, until=AS_OF, limit=100_000)
    seen = Counter(name for e in entries for name in e.contact_names)
    assert f"{len(entries):,}" in text and "entries in the journal" in text
    for name, _count in seen.most_common(10):
        if UNEXTRACTABLE.search(name):
            continue
        assert squeezed(name) in squeezed(text), name
    assert "2 April 2026 to 30 June 2026" in text
    for section in ("New connections", "Strengthened and faded most", "Commitments made and kept",
                    "Favours given and received"):
        assert section in text
    made = [c for c in demo_journal.ledger.commitments() if START <= c.created_on <= AS_OF]
    for promise in made[:5]:
        assert squeezed(promise.text) in squeezed(text)
    assert result.pages == page_count(out)
    assert page_points(out) == (595.0, 842.0)


def test_a_quiet_period_says_so(demo_journal: Journal, tmp_path: Path) -> None:
    out = tmp_path / "quiet.pdf"
    render_period_review(demo_journal, out, dt.date(2001, 1, 1), dt.date(2001, 1, 31), "letter")
    text = pdf_text(out)
    assert "Nobody was logged in this period." in text
    assert page_count(out) == 1 and page_points(out) == (612.0, 792.0)


def test_backwards_period_is_refused_and_writes_nothing(demo_journal: Journal, tmp_path: Path) -> None:
    out = tmp_path / "never.pdf"
    with pytest.raises(ReportError, match="ends before it"):
        render_period_review(demo_journal, out, AS_OF, START, "a4")
    assert list(tmp_path.iterdir()) == []
