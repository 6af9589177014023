"""Errors the service layer raises, each worded so the user can act on it."""

from __future__ import annotations

from relationship_journal.errors import AppError
from relationship_journal.store.errors import StoreError

__all__ = ["AmbiguousNameError", "AppError", "JournalError", "NotFoundError", "StoreError", "ValidationError"]


class JournalError(AppError):
    """Base of every error a person may see; the message is the whole story."""


class ValidationError(JournalError):
    """The input cannot be stored as given."""


class NotFoundError(JournalError):
    """Nothing in the journal matches what was asked for."""


class AmbiguousNameError(JournalError):
    """A name matched several people; lists them so the user can be more specific."""

    def __init__(self, query: str, candidates: list[str]) -> None:
        shown = ", ".join(candidates[:8]) + (" …" if len(candidates) > 8 else "")
        super().__init__(f"'{query}' matches {len(candidates)} contacts: {shown}")
        self.candidates = candidates
