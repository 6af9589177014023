"""What the readers hand on: people found in a file, and records that had to be skipped."""

from __future__ import annotations

from dataclasses import dataclass, field

from relationship_journal.journal.errors import JournalError
from relationship_journal.journal.records import ContactFields


class NotAContactFile(JournalError):
    """The file is not a vCard or a contacts CSV we know: refused whole, nothing read."""


@dataclass(frozen=True)
class ImportedPerson:
    """One person as a file describes them; `position` says where, for the preview."""

    position: str
    fields: ContactFields
    # The file's own id for the person (a vCard UID): two records with different ids are
    # two people to the program that wrote them, even when their names are the same.
    source_id: str | None = None
    # Who they know, as the card says (vCard RELATED): (relationship kind, the other's name).
    related: tuple[tuple[str, str], ...] = ()


@dataclass(frozen=True)
class SkippedRecord:
    """A record that could not be read, with where it is and why, so the user can fix it."""

    position: str
    reason: str


@dataclass
class ParsedFile:
    """One file read: its format and what came out of it."""

    path: str
    format: str
    people: list[ImportedPerson] = field(default_factory=list)
    skipped: list[SkippedRecord] = field(default_factory=list)
