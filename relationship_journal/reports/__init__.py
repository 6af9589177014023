"""PDF documents (Qt's PDF writer) and the charts they share with the dashboard.

The three reports are `render_contact_brief`, `render_network_report` and
`render_period_review`; each writes its PDF atomically, reports progress through an
optional `callable(done, total) -> bool` (False cancels) and is safe to run on a
worker thread. They are imported lazily so that `import relationship_journal.reports`
costs nothing until a report is made.
"""

from __future__ import annotations

from typing import Any

_EXPORTS = {
    "render_contact_brief": "relationship_journal.reports.contact_brief",
    "render_network_report": "relationship_journal.reports.network_report",
    "render_period_review": "relationship_journal.reports.period_review",
    "ReportResult": "relationship_journal.reports.pipeline",
    "ReportError": "relationship_journal.reports.errors",
    "ReportCancelled": "relationship_journal.reports.errors",
}


def __getattr__(name: str) -> Any:
    if name in _EXPORTS:
        import importlib

        return getattr(importlib.import_module(_EXPORTS[name]), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


__all__ = sorted(_EXPORTS)
