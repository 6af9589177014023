"""What the readers hand on: people found in a file, and records that had to be skipped."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from relationship_journal.journal.errors import JournalError
from relationship_journal.journal.records import ContactFields

if TYPE_CHECKING:
    from relationship_journal.exchange.csv_mapped import ColumnMapping
    from relationship_journal.exchange.people_store import People


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
    # Every value the reader dropped or changed on the way in, in words ("birthday
    # '1985-13-45' is not a date; left out"), for the preview and the CLI summary.
    notes: tuple[str, ...] = ()
    # Who they know, as the card says (vCard RELATED): (relationship kind, the other's name).
    related: tuple[tuple[str, str], ...] = ()


@dataclass(frozen=True)
class SkippedRecord:
    """A record that could not be read, with where it is and why, so the user can fix it."""

    position: str
    reason: str


def _packed_people() -> People:
    from relationship_journal.exchange.people_store import People

    return People()


@dataclass
class ParsedFile:
    """One file read: its format and what came out of it."""

    path: str
    format: str
    # Packed (people_store.People) as the readers fill it: a big file's people stay small.
    people: People | list[ImportedPerson] = field(default_factory=_packed_people)
    skipped: list[SkippedRecord] = field(default_factory=list)
    # How a CSV's columns were read (None for vCard, Google and LinkedIn, which name their own).
    mapping: ColumnMapping | None = None

    @property
    def needs_mapping(self) -> bool:
        """A CSV no client we know wrote, read by a guess the user has not confirmed."""
        return self.mapping is not None and not self.mapping.known
