"""The service layer: the one API for reading and writing the journal (no Qt here)."""

from relationship_journal.journal.core import Journal
from relationship_journal.journal.errors import (
    AmbiguousNameError,
    JournalError,
    NotFoundError,
    ValidationError,
)

__all__ = ["AmbiguousNameError", "Journal", "JournalError", "NotFoundError", "ValidationError"]
