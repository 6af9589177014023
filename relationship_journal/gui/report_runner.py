"""Writing a person's brief as PDF from the window (runs on a worker thread)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from relationship_journal.journal.core import Journal

Step = Callable[[str, int, int], None]


def write_brief(journal: Journal, contact_id: int, path: str, as_of: dt.date, step: Step) -> str:
    """Render the brief; `step` raises Cancelled when the user presses Cancel."""
    from relationship_journal.reports import render_contact_brief

    def progress(done: int, total: int) -> bool:
        step("Writing the brief", done, total)
        return True

    result = render_contact_brief(journal, contact_id, path, as_of=as_of, progress=progress)
    return f"{result.path} ({result.pages} page{'s' if result.pages != 1 else ''})"
