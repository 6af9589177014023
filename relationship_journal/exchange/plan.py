"""An import in two steps: a plan to preview, then one batch written whole (and undoable).

`plan_import` reads the files and says, record by record, what would happen: new,
merge, unchanged or skipped (with where and why). Nothing is written. The GUI shows
this as its preview and the CLI prints it for `--dry-run`. `apply_import` writes the
plan as one transaction and one import batch; under the write lock it checks that the
journal still holds what the preview was decided against, and decides again if not,
so an edit made while the preview was open is never overwritten.
"""

from __future__ import annotations

import dataclasses
import functools
import os
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from relationship_journal.exchange import csv_mapped, detect, merge
from relationship_journal.exchange.csv_formats import csv_columns, read_csv
from relationship_journal.exchange.csv_mapped import ColumnMapping
from relationship_journal.exchange.encodings import decode, iter_lines
from relationship_journal.exchange.people_store import People
from relationship_journal.exchange.records import (
    ImportedPerson,
    NotAContactFile,
    ParsedFile,
    SkippedRecord,
)
from relationship_journal.exchange.vcard_read import read_vcards
from relationship_journal.exchange.vcard_related import link_related
from relationship_journal.journal import imports, photo_size
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
    # Packed: a person is unpacked when the matching or the write reads them, then let go.
    people: People = field(default_factory=People)
    # Packed (one bytes object each) when made by merge.decide; read like a list.
    decisions: Sequence[merge.Decision] = field(default_factory=list)
    skipped: list[SkippedRecord] = field(default_factory=list)
    # What the last apply_import touched, so views refresh only those people.
    changes: Changes = field(default_factory=Changes)
    # The possible matches (Decision.index) the user chose to merge; the rest stay apart.
    merge_possible: set[int] = field(default_factory=set)
    # The journal as it was when the plan was made, so a choice re-decides without the disk.
    known: imports.KnownNetwork | None = None
    # What `decisions` would write: applied as they are while the journal still equals `known`.
    writes: imports.ImportWrites | None = None

    def choose(self, index: int, merge_them: bool) -> None:
        """Merge (or keep apart) the possible match at `index`, and decide everything again."""
        if merge_them:
            self.merge_possible.add(index)
        else:
            self.merge_possible.discard(index)
        if self.known is not None:
            self.writes, self.decisions = merge.decide(self.people, self.known, self.merge_possible)

    @property
    def sources(self) -> str:
        return ", ".join(os.path.basename(f.path) for f in self.files)

    def counts(self) -> dict[str, int]:
        counted = getattr(self.decisions, "counted", None) or Counter(d.action for d in self.decisions)
        return {
            merge.NEW: counted[merge.NEW],
            merge.POSSIBLE: counted[merge.POSSIBLE],
            merge.MERGE: counted[merge.MERGE],
            merge.UNCHANGED: counted[merge.UNCHANGED],
            SKIPPED: len(self.skipped),
        }

    def summary(self) -> str:
        c = self.counts()
        said = f"imported {c[merge.NEW] + c[merge.POSSIBLE]}, merged {c[merge.MERGE]}, "
        said += f"unchanged {c[merge.UNCHANGED]}, skipped {c[SKIPPED]}"
        if c[merge.POSSIBLE]:
            said += f" ({c[merge.POSSIBLE]} possible match{'es' if c[merge.POSSIBLE] > 1 else ''} kept apart)"
        return said

    def has_changes(self) -> bool:
        c = self.counts()
        return bool(c[merge.NEW] or c[merge.MERGE] or c[merge.POSSIBLE])

    def changed_values(self) -> list[tuple[str, str]]:
        """(where, what) for every value dropped or changed on the way in."""
        return [(d.position, note) for d in self.decisions for note in d.notes]


# A vCard file larger than this is read card by card as it streams from the disk (with
# progress), never whole: a 200 MB address book then needs the memory of its people,
# not five copies of its text. Smaller files are read whole, which is simpler and faster.
STREAM_FROM_BYTES = 4 * 1024 * 1024
_SAMPLE_BYTES = 64 * 1024
Progress = Callable[[int, int], None]  # (bytes read, bytes in all)
Prepare = Callable[[ImportedPerson], ImportedPerson]


def read_file(
    path: str | os.PathLike[str],
    mapping: ColumnMapping | str | None = None,
    progress: Progress | None = None,
    prepare: Prepare | None = None,
) -> ParsedFile:
    """One file's people and skipped records; NotAContactFile if it is not a contacts file.

    `mapping` says how a CSV's columns are read: a ColumnMapping (the window's mapping
    step) or `--map` text ("Full name=name,Mail=email"). `prepare` runs on each person
    as they are read (photos made small), before they are packed away.
    """
    path = Path(path)
    name = path.name
    if path.is_dir():
        raise NotAContactFile(f"{name} is a folder, not a contact file")
    size = path.stat().st_size
    if size > MAX_FILE_BYTES:
        raise NotAContactFile(f"{name} is too large to be a contact file ({size:,} bytes)")
    if size <= STREAM_FROM_BYTES:
        parsed = read_bytes(path.read_bytes(), name, mapping, prepare)
    else:
        parsed = _read_streaming(path, size, progress, mapping, prepare)
    parsed.path = str(path)
    if progress is not None:
        progress(size, size)
    return parsed


def _read_streaming(
    path: Path,
    size: int,
    progress: Progress | None,
    mapping: ColumnMapping | str | None,
    prepare: Prepare | None,
) -> ParsedFile:
    name = path.name
    with path.open("rb") as handle:
        sample = handle.read(_SAMPLE_BYTES)
        kind = detect.detect(decode(sample), name)
        handle.seek(0)
        if kind != detect.VCARD:
            return read_bytes(handle.read(), name, mapping, prepare)  # CSV is read whole (it is capped in size)
        report = None if progress is None else (lambda done: progress(done, size))
        parsed = read_vcards(iter_lines(handle, sample, report), name, prepare)
    if not parsed.people and not parsed.skipped:
        raise NotAContactFile(f"{name} has no contacts in it")
    return parsed


def read_bytes(
    data: bytes, name: str, mapping: ColumnMapping | str | None = None, prepare: Prepare | None = None
) -> ParsedFile:
    """The people in a file's content (`name` is only for messages); the format comes from the content."""
    text = decode(data)
    kind = detect.detect(text, name, any_csv=mapping is not None)
    if kind == detect.VCARD:
        parsed = read_vcards(text, name, prepare)
    else:
        if isinstance(mapping, str):
            columns, samples = csv_columns(text)
            try:
                mapping = csv_mapped.mapping_from_text(columns, mapping, samples)
            except ValueError as error:
                raise NotAContactFile(f"{name}: {error}") from None
        if kind in (detect.GOOGLE, detect.LINKEDIN) and mapping is not None:
            kind = mapping.format  # the user's own mapping wins over the client's reader
        parsed = read_csv(text, name, kind, mapping)
        if prepare is not None:
            parsed.people = People(parsed.people, prepare)
    if not parsed.people and not parsed.skipped:
        raise NotAContactFile(f"{name} has no contacts in it")
    return parsed


def plan_from_files(journal: Journal, files: Iterable[ParsedFile]) -> ImportPlan:
    plan = ImportPlan(files=list(files))
    for parsed in plan.files:
        if not isinstance(parsed.people, People):
            parsed.people = People(parsed.people)
        plan.people.extend(parsed.people)  # the packed people are shared, not copied
        plan.skipped += parsed.skipped
    plan.known = imports.known_network(journal)
    plan.writes, plan.decisions = merge.decide(plan.people, plan.known, plan.merge_possible)
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


def plan_import(
    journal: Journal,
    paths: Sequence[str | os.PathLike[str]],
    mapping: str | None = None,
    shrink_photo: Callable[[bytes], bytes | None] | None = None,
    progress: Progress | None = None,
) -> ImportPlan:
    """Read `paths` (files, or folders of .vcf files) and say what importing them would do; writes nothing.

    A CSV no client wrote is read with `mapping` (--map text), else with the mapping
    remembered for its header, else with a guess (`ParsedFile.needs_mapping`).
    `shrink_photo` makes photos small for the journal (the caller brings the imaging).
    `progress(bytes read, bytes in all)` follows the reading, file after file.
    """
    paths_found = expand(paths)
    sizes = [p.stat().st_size if p.is_file() else 0 for p in paths_found]
    total = sum(sizes)
    prepare = None if shrink_photo is None else functools.partial(shrink, shrink_photo=shrink_photo)
    files = []
    for index, path in enumerate(paths_found):
        before = sum(sizes[:index])
        report = None if progress is None else (lambda done, _size, before=before: progress(before + done, total))
        parsed = read_file(path, mapping or None, report, prepare)
        if parsed.needs_mapping and parsed.mapping is not None:
            remembered = remembered_mapping(journal, parsed.mapping)
            if remembered is not None:
                parsed = read_file(path, remembered, prepare=prepare)
        files.append(parsed)
    return plan_from_files(journal, files)


def samples_of(path: str | os.PathLike[str]) -> list[list[str]]:
    """A CSV's first rows, for the column-mapping step ([] for anything else)."""
    try:
        return csv_columns(decode(Path(path).read_bytes()))[1]
    except OSError:
        return []


def remembered_mapping(journal: Journal, mapping: ColumnMapping) -> ColumnMapping | None:
    """The fields the user confirmed last time for this same set of columns, if any."""
    fields = journal.preferences.csv_mapping(mapping.columns)
    if fields is None or len(fields) != len(mapping.columns):
        return None
    return csv_mapped.with_fields(mapping, fields)


def remember_mapping(journal: Journal, mapping: ColumnMapping) -> None:
    journal.preferences.remember_csv_mapping(mapping.columns, mapping.fields)


def shrink(person: ImportedPerson, shrink_photo: Callable[[bytes], bytes | None]) -> ImportedPerson:
    """The person with their photo made small, said in their notes when it changed."""
    photo = person.fields.photo
    if not photo or photo_size.kept_as_is(photo):
        return person  # already avatar-sized, by its header: no imaging library loaded for it
    small = shrink_photo(photo)
    if small is None:
        note = "photo cannot be read as an image; left out"
        fields = dataclasses.replace(person.fields, photo=None)
    elif small == photo:
        return person
    else:
        note = f"photo made smaller for the journal ({len(photo) // 1024 or 1} KB → {len(small) // 1024 or 1} KB)"
        fields = dataclasses.replace(person.fields, photo=small)
    return dataclasses.replace(person, fields=fields, notes=(*person.notes, note))


def apply_import(
    journal: Journal, plan: ImportPlan, progress: Callable[[int, int], None] | None = None
) -> int | None:
    """Write the plan as one batch; its id (for undo), or None when there was nothing to write."""

    def decide(known: imports.KnownNetwork) -> imports.ImportWrites:
        if plan.writes is None or known != plan.known:
            # The journal changed since the preview: decide again, against what it holds now.
            plan.decisions, plan.writes = [], None  # not both held at once
            plan.writes, plan.decisions = merge.decide(plan.people, known, plan.merge_possible)
            plan.known = known
        plan.writes.summary = plan.summary()
        return plan.writes

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
        line = f"{decision.position}: new: {decision.name}"
        if decision.confidence == "weak":
            line += f" (not merged with {decision.matched_name}: {decision.reason})"
        return line
    if decision.action == merge.POSSIBLE:
        return (
            f"{decision.position}: possible match, kept apart: {decision.name} "
            f"[{decision.record_summary}] may be {decision.matched_name} [{decision.matched_summary}] "
            f"({decision.reason})"
        )
    target = decision.matched_name or decision.name
    why = decision.reason if decision.possible else f"same {decision.matched_by}"
    line = f"{decision.position}: {decision.action}: {decision.name} -> {target} ({why})"
    if decision.details:
        line += "; " + "; ".join(decision.details)
    return line
