"""An import in two steps: a plan to preview, then one batch written whole (and undoable).

`plan_import` reads the files and says, record by record, what would happen: new,
merge, unchanged or skipped (with where and why). Nothing is written. The GUI shows
this as its preview and the CLI prints it for `--dry-run`. `apply_import` writes the
plan as one transaction and one import batch; the matching is decided again under
the write lock, so an edit made while the preview was open is never overwritten.
"""

from __future__ import annotations

import os
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from relationship_journal.exchange import detect, merge
from relationship_journal.exchange.csv_formats import read_csv
from relationship_journal.exchange.encodings import decode
from relationship_journal.exchange.records import (
    ImportedPerson,
    NotAContactFile,
    ParsedFile,
    SkippedRecord,
)
from relationship_journal.exchange.vcard_read import read_vcards
from relationship_journal.exchange.vcard_related import link_related
from relationship_journal.journal import imports
from relationship_journal.journal.records import Changes

if TYPE_CHECKING:
    from relationship_journal.journal.core import Journal

# Larger files are refused before reading: no address book is this big, and reading
# one into memory would stall the app.
MAX_FILE_BYTES = 200 * 1024 * 1024
SKIPPED = "skipped"


@dataclass
class ImportPlan:
    """What an import would do; `decisions` line up with `people`."""

    files: list[ParsedFile] = field(default_factory=list)
    people: list[ImportedPerson] = field(default_factory=list)
    decisions: list[merge.Decision] = field(default_factory=list)
    skipped: list[SkippedRecord] = field(default_factory=list)
    # What the last apply_import touched, so views refresh only those people.
    changes: Changes = field(default_factory=Changes)

    @property
    def sources(self) -> str:
        return ", ".join(os.path.basename(f.path) for f in self.files)

    def counts(self) -> dict[str, int]:
        counted = Counter(d.action for d in self.decisions)
        return {
            merge.NEW: counted[merge.NEW],
            merge.MERGE: counted[merge.MERGE],
            merge.UNCHANGED: counted[merge.UNCHANGED],
            SKIPPED: len(self.skipped),
        }

    def summary(self) -> str:
        c = self.counts()
        return (
            f"imported {c[merge.NEW]}, merged {c[merge.MERGE]}, "
            f"unchanged {c[merge.UNCHANGED]}, skipped {c[SKIPPED]}"
        )

    def has_changes(self) -> bool:
        c = self.counts()
        return bool(c[merge.NEW] or c[merge.MERGE])


def read_file(path: str | os.PathLike[str]) -> ParsedFile:
    """One file's people and skipped records; NotAContactFile if it is not a contacts file."""
    path = Path(path)
    name = path.name
    if path.is_dir():
        raise NotAContactFile(f"{name} is a folder, not a contact file")
    if path.stat().st_size > MAX_FILE_BYTES:
        raise NotAContactFile(f"{name} is too large to be a contact file ({path.stat().st_size:,} bytes)")
    parsed = read_bytes(path.read_bytes(), name)
    parsed.path = str(path)
    return parsed


def read_bytes(data: bytes, name: str) -> ParsedFile:
    """The people in a file's content (`name` is only for messages); the format comes from the content."""
    text = decode(data)
    kind = detect.detect(text, name)
    if kind == detect.VCARD:
        parsed = read_vcards(text, name)
    else:
        parsed = read_csv(text, name, kind)
    if not parsed.people and not parsed.skipped:
        raise NotAContactFile(f"{name} has no contacts in it")
    return parsed


def plan_from_files(journal: Journal, files: Iterable[ParsedFile]) -> ImportPlan:
    plan = ImportPlan(files=list(files))
    for parsed in plan.files:
        plan.people += parsed.people
        plan.skipped += parsed.skipped
    _writes, plan.decisions = merge.decide(plan.people, imports.known_network(journal))
    return plan


def expand(paths: Sequence[str | os.PathLike[str]]) -> list[Path]:
    """Files as given; a folder stands for the .vcf files in it (vdirsyncer's and khard's layout)."""
    files: list[Path] = []
    for given in map(Path, paths):
        if given.is_dir():
            found = sorted(p for p in given.iterdir() if p.suffix.lower() in {".vcf", ".vcard"})
            if not found:
                raise NotAContactFile(f"{given.name} is a folder with no .vcf files in it")
            files += found
        else:
            files.append(given)
    return files


def plan_import(journal: Journal, paths: Sequence[str | os.PathLike[str]]) -> ImportPlan:
    """Read `paths` (files, or folders of .vcf files) and say what importing them would do; writes nothing."""
    return plan_from_files(journal, [read_file(p) for p in expand(paths)])


def apply_import(
    journal: Journal, plan: ImportPlan, progress: Callable[[int, int], None] | None = None
) -> int | None:
    """Write the plan as one batch; its id (for undo), or None when there was nothing to write."""

    def decide(known: imports.KnownNetwork) -> imports.ImportWrites:
        writes, decisions = merge.decide(plan.people, known)
        plan.decisions = decisions
        writes.summary = plan.summary()
        return writes

    result = imports.write_import(journal, plan.sources, decide, progress)
    plan.changes = result.changes
    if result.batch_id is not None:
        link_related(journal, plan.files)  # vCard RELATED: the people are in the journal now
    return result.batch_id


def undo_import(journal: Journal, batch_id: int | None = None) -> imports.UndoResult:
    """Take back one import whole (the latest when no id is given)."""
    return imports.undo_import(journal, batch_id)


def describe(decision: merge.Decision) -> str:
    """One line of the preview for a record that matched someone."""
    if decision.action == merge.NEW:
        return f"{decision.position}: new: {decision.name}"
    target = decision.matched_name or decision.name
    line = f"{decision.position}: {decision.action}: {decision.name} -> {target} (same {decision.matched_by})"
    if decision.details:
        line += "; " + "; ".join(decision.details)
    return line
