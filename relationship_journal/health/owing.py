"""Who I owe a favour: one rule for the list's "I owe" filter, Today and the reports."""

from __future__ import annotations

from relationship_journal.health.outputs import ContactHealth

OWED_FAVOUR_MIN = 0.5  # a decayed giving balance under -0.5: they have helped more lately


def owes_a_favour(health: ContactHealth) -> bool:
    """Their recent help outweighs mine by more than a small favour."""
    return health.giving_balance <= -OWED_FAVOUR_MIN
