"""The steps every report shares: check the destination, build, render, write atomically."""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from relationship_journal import clock
from relationship_journal.reports.errors import ReportError
from relationship_journal.reports.output import atomic_output, check_destination
from relationship_journal.reports.paged import ReportDocument, page_size_id, render_pdf
from relationship_journal.reports.progress import ProgressCallback, Steps

STAGES = {"gather": 3.0, "charts": 2.0, "html": 1.0, "layout": 3.0, "pages": 3.0}


@dataclass(frozen=True)
class ReportResult:
    """What was written: where, and how many pages."""

    path: Path
    pages: int


def check_as_of(as_of: dt.date | None) -> dt.date:
    if as_of is None:
        return clock.today()
    if not isinstance(as_of, dt.date):
        raise ReportError(f"the report date must be a date (got {as_of!r})")
    return as_of


def produce(
    out_path: str | os.PathLike[str],
    page_size: str,
    progress: ProgressCallback | None,
    build: Callable[[Steps], ReportDocument],
) -> ReportResult:
    """Validate what can be validated cheaply, then build the document and write it whole."""
    page_size_id(page_size)
    target = check_destination(out_path)
    steps = Steps(progress, STAGES)
    steps.report("gather", 0)
    document = build(steps)
    with atomic_output(target) as temporary:
        pages = render_pdf(document, temporary, page_size, steps)
    steps.finish()
    return ReportResult(target, pages)
