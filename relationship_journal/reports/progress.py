"""Progress reporting for long reports, so the GUI can show a bar and offer Cancel.

The public callback is `callable(done, total) -> bool`; returning False (and only
False: a callback returning None just watches) cancels the report.
"""

from __future__ import annotations

from collections.abc import Callable

from relationship_journal.reports.errors import ReportCancelled

ProgressCallback = Callable[[int, int], "bool | None"]
SCALE = 1000


class Steps:
    """Maps the stages of one report (gather, charts, layout, pages) onto 0..1000."""

    def __init__(self, callback: ProgressCallback | None, stages: dict[str, float]) -> None:
        total = sum(stages.values())
        self._callback = callback
        self._starts: dict[str, float] = {}
        self._spans: dict[str, float] = {}
        position = 0.0
        for name, weight in stages.items():
            self._starts[name] = position
            self._spans[name] = weight / total
            position += weight / total
        self._last = -1

    def report(self, stage: str, done: float = 0.0, total: float = 1.0) -> None:
        """Say how far `stage` is; raise ReportCancelled if the callback says stop."""
        if self._callback is None:
            return
        fraction = self._starts[stage] + self._spans[stage] * (done / total if total else 1.0)
        value = min(SCALE, max(0, round(fraction * SCALE)))
        if value == self._last and done not in (0, total):
            return
        self._last = value
        if self._callback(value, SCALE) is False:
            raise ReportCancelled()

    def finish(self) -> None:
        if self._callback is not None:
            self._callback(SCALE, SCALE)
