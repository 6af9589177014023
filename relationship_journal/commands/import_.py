"""`import` contacts from vCard or any contacts CSV, `--map`, `--dry-run`, `--undo-last`."""

from __future__ import annotations

import argparse
import sys
from typing import Any

from relationship_journal.commands.common import open_journal, print_json

# How many lines of skipped records and merges to print before summarising the rest.
_SHOWN = 50


def register(commands: Any) -> None:
    parser = commands.add_parser(
        "import",
        help="import contacts from vCard (.vcf) or CSV files (Google, Outlook in any language, "
        "Thunderbird, LinkedIn, any spreadsheet)",
        description="Import contacts. The format is told from each file's content. A person already "
        "in the journal (same UID, or same email and a compatible name) is merged, not duplicated; "
        "a likely match (same name and organisation, or same name and a shared phone) is kept "
        "apart and listed as a possible match; a shared office phone or info@ mailbox never "
        "merges anyone. The whole import is one batch that --undo-last takes back.",
    )
    parser.add_argument("files", nargs="*", metavar="FILE", help="a file, or a folder of .vcf files")
    parser.add_argument("--map", metavar="COLUMN=FIELD,...", dest="column_map",
                        help="how to read a CSV's columns, e.g. \"Full name=name,Mail=email\" (fields: "
                        "name, first name, last name, organisation, role, email, phone, mobile, "
                        "birthday, notes, tags, street, city, postcode, country, …; '' skips a column)")
    parser.add_argument("--merge-possible", action="store_true",
                        help="merge the possible matches too (by default they are kept apart)")
    parser.add_argument("--dry-run", action="store_true", help="show what would happen; write nothing")
    parser.add_argument("--undo-last", action="store_true", help="take back the latest import")
    parser.add_argument("--undo", type=int, metavar="N", help="take back import number N")
    parser.add_argument("--batches", action="store_true", help="list past imports, newest first")
    parser.add_argument("--history", metavar="NAME",
                        help="show the values imports brought for a person that the journal kept its own over")
    parser.add_argument("--verbose", "-v", action="store_true", help="list every merge and new person")
    parser.add_argument("--json", action="store_true", help="print the outcome as JSON")
    parser.set_defaults(run=run_import)


def run_import(args: argparse.Namespace) -> int:
    from relationship_journal.exchange import plan as planning
    from relationship_journal.journal.errors import ValidationError

    if args.history:
        from relationship_journal.journal.imports import contact_history

        with open_journal(args) as journal:
            contact_id = journal.contacts.resolve(args.history)
            name = journal.contacts.get(contact_id).display_name
            entries = contact_history(journal, contact_id)
        if not entries:
            print(f"No import has disagreed with what the journal says about {name}.")
        for entry in entries:
            print(f"{entry.recorded_at}  {entry.field}: kept '{entry.kept_value}', "
                  f"{entry.source} said '{entry.imported_value}'")
        return 0
    if args.batches:
        from relationship_journal.journal.imports import batches

        with open_journal(args) as journal:
            past = batches(journal)
        if not past:
            print("No imports yet.")
        for batch in past:
            state = f"undone {batch.undone_at}" if batch.undone_at else "can be undone"
            print(f"{batch.id:>4}  {batch.created_at}  {batch.sources}: {batch.summary} ({state})")
        return 0
    if args.undo_last or args.undo is not None:
        if args.files:
            raise ValidationError("undoing an import takes no files")
        with open_journal(args) as journal:
            undone = planning.undo_import(journal, args.undo)
        message = (
            f"Undid import {undone.batch.id} ({undone.batch.sources}): removed {undone.removed} "
            f"new contacts, restored {undone.restored} merged ones."
        )
        if undone.kept:
            message += (
                f" Kept {len(undone.kept)} you have written about since: {', '.join(undone.kept[:10])}."
            )
        print(message)
        return 0
    if not args.files:
        raise ValidationError("name at least one file to import (or use --undo-last, --batches)")
    with open_journal(args) as journal:
        plan = planning.plan_import(
            journal, args.files, args.column_map, _shrink_photo, _reading()
        )
        unreadable = [f for f in plan.files if f.mapping is not None and not f.mapping.has_someone()]
        if unreadable:
            mapping = unreadable[0].mapping
            assert mapping is not None
            raise ValidationError(
                f"{unreadable[0].path}: no column looks like a name or an email; say which is which "
                f"with --map \"{mapping.columns[0]}=name,...\" (columns: {', '.join(mapping.columns)})"
            )
        if args.column_map:
            for parsed in plan.files:
                if parsed.mapping is not None:
                    planning.remember_mapping(journal, parsed.mapping)
        if args.merge_possible:
            for decision in list(plan.decisions):
                if decision.action == "possible match":
                    plan.choose(decision.index, True)
        batch_id = None
        if not args.dry_run and plan.has_changes():
            with journal.history.recording(f"Import {plan.sources}"):
                batch_id = planning.apply_import(journal, plan, _writing())
    if args.json:
        print_json(_as_json(plan, batch_id, args.dry_run))
        return 0
    _print_plan(plan, args.verbose)
    counts = plan.counts()
    if args.dry_run:
        print(f"Dry run: would have {plan.summary()}. Nothing was written.")
    else:
        print(f"Done: {plan.summary()}.")
        if batch_id is not None:
            print(f"This was import {batch_id}; `relationship-journal import --undo-last` takes it back.")
    return 0 if counts["new"] + counts["possible match"] + counts["merge"] + counts["unchanged"] else 1


def _shrink_photo(data: bytes) -> bytes | None:
    """Photos made avatar-sized; Qt is loaded only when a file has a photo."""
    from relationship_journal.reports.images import shrink_photo

    return shrink_photo(data)


class _ProgressLine:
    """'Reading contacts: 45% (94 of 209 MB)', then 'Writing contacts: 45% (45,000 of
    100,000)', on stderr while a large import is read and written.

    At a terminal the line is rewritten in place; otherwise a line is printed every 10%.
    Small imports (done in a blink) print nothing.
    """

    def __init__(self, label: str, small: int, in_bytes: bool) -> None:
        self._label, self._small, self._in_bytes = label, small, in_bytes
        self._shown = -1
        self._tty = sys.stderr.isatty()

    def __call__(self, done: int, total: int) -> None:
        if total <= self._small or total == 0:
            return
        percent = min(100, done * 100 // total)
        step = percent if self._tty else percent // 10 * 10
        if step == self._shown:
            return
        self._shown = step
        if self._in_bytes:
            amount = f"{done / 1e6:.0f} of {total / 1e6:.0f} MB"
        else:
            amount = f"{done:,} of {total:,}"
        line = f"{self._label}: {percent}% ({amount})"
        if self._tty:
            print("\r" + line, end="\n" if percent == 100 else "", file=sys.stderr, flush=True)
        else:
            print(line, file=sys.stderr, flush=True)


def _reading() -> _ProgressLine:
    from relationship_journal.exchange.plan import STREAM_FROM_BYTES

    return _ProgressLine("Reading contacts", STREAM_FROM_BYTES, in_bytes=True)


def _writing() -> _ProgressLine:
    return _ProgressLine("Writing contacts", 5_000, in_bytes=False)


def _print_plan(plan: Any, verbose: bool) -> None:
    from relationship_journal.exchange import detect, merge
    from relationship_journal.exchange import plan as planning

    for parsed in plan.files:
        print(
            f"{parsed.path}: {detect.FORMAT_NAMES[parsed.format]}, {len(parsed.people)} people read, "
            f"{len(parsed.skipped)} skipped"
        )
        if parsed.mapping is not None and (parsed.needs_mapping or verbose or parsed.format == detect.SPREADSHEET):
            how = "guessed; change with --map" if parsed.needs_mapping else "as given"
            print(f"  columns read as ({how}): {parsed.mapping.as_text() or 'nothing'}")
        if parsed.mapping is not None and parsed.mapping.ignored():
            print(f"  columns not read: {', '.join(parsed.mapping.ignored())}")
    shown, changed = [], []
    for d in plan.decisions:  # one pass: each decision is unpacked to be read
        if verbose or d.action in (merge.MERGE, merge.POSSIBLE) or d.confidence == "weak":
            shown.append(d)
        changed += [(d.position, note) for note in d.notes]
    for decision in shown[:_SHOWN]:
        print("  " + planning.describe(decision))
    if len(shown) > _SHOWN:
        print(f"  ... and {len(shown) - _SHOWN} more (use --json for all)")
    for skipped in plan.skipped[:_SHOWN]:
        print(f"  skipped {skipped.position}: {skipped.reason}")
    if len(plan.skipped) > _SHOWN:
        print(f"  ... and {len(plan.skipped) - _SHOWN} more skipped (use --json for all)")
    for position, note in changed[:_SHOWN]:
        print(f"  changed {position}: {note}")
    if len(changed) > _SHOWN:
        print(f"  ... and {len(changed) - _SHOWN} more values dropped or changed (use --json for all)")
    if plan.counts()[merge.POSSIBLE]:
        print("  Possible matches were kept apart; --merge-possible merges them, or merge two people "
              "later in the window.")


def _as_json(plan: Any, batch_id: int | None, dry_run: bool) -> dict[str, Any]:
    return {
        "dry_run": dry_run,
        "batch_id": batch_id,
        "counts": plan.counts(),
        "files": [
            {
                "path": f.path, "format": f.format, "people": len(f.people), "skipped": len(f.skipped),
                "columns": dict(zip(f.mapping.columns, f.mapping.fields, strict=True)) if f.mapping else None,
                "mapping_guessed": f.needs_mapping,
            }
            for f in plan.files
        ],
        "records": [
            {
                "position": d.position,
                "name": d.name,
                "action": d.action,
                "contact_id": d.contact_id,
                "matched_name": d.matched_name,
                "matched_by": d.matched_by,
                "details": list(d.details),
                "confidence": d.confidence,
                "reason": d.reason,
                "record": d.record_summary,
                "matched": d.matched_summary,
                "changed": list(d.notes),
            }
            for d in plan.decisions
        ],
        "skipped": [{"position": s.position, "reason": s.reason} for s in plan.skipped],
    }
