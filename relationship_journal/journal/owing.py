"""The people I owe something: an open promise of mine, or a favour to return."""

from __future__ import annotations

from typing import TYPE_CHECKING

from relationship_journal.health.outputs import ContactHealth, NetworkHealth
from relationship_journal.health.owing import owes_a_favour

if TYPE_CHECKING:
    from relationship_journal.journal.core import Journal


def people_i_owe(journal: Journal, network: NetworkHealth) -> set[int]:
    """Everyone in the network I owe a promise or a favour."""
    owing = {c.contact_id for c in journal.ledger.commitments(open_only=True) if c.owner == "mine"}
    return owing | {h.contact_id for h in network.contacts if owes_a_favour(h)}


def i_owe(journal: Journal, health: ContactHealth) -> bool:
    """Whether I owe this one person a promise or a favour."""
    return owes_a_favour(health) or any(
        c.owner == "mine" for c in journal.ledger.commitments(health.contact_id, open_only=True)
    )
