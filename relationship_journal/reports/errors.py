"""Errors a report can end with, worded for the person who asked for it."""

from __future__ import annotations

from relationship_journal.journal.errors import JournalError


class ReportError(JournalError):
    """The report cannot be made as asked (bad dates, a folder we cannot write to)."""


class ReportCancelled(ReportError):
    """The user cancelled; nothing was written."""

    def __init__(self) -> None:
        super().__init__("the report was cancelled; no file was written")
