"""Importing a contacts file from the window (runs on a worker thread).

The same plan-then-apply path as the `import` command: people already in the
journal are merged, not duplicated, and the whole import is one undoable batch.
"""

from __future__ import annotations

from collections.abc import Callable

from relationship_journal.journal.core import Journal

Step = Callable[[str, int, int], None]


def run_import(journal: Journal, path: str, step: Step) -> str:
    from relationship_journal.exchange import plan as planning

    step("Reading the file", 0, 0)
    plan = planning.plan_import(journal, [path])
    step("Writing the contacts", 0, 0)
    if not plan.has_changes():
        return f"Nothing to import: {plan.summary()}."
    planning.apply_import(journal, plan)
    return f"Imported: {plan.summary()}. `relationship-journal import --undo-last` takes it back."
