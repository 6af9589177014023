"""The health figures exports show, from the same service the GUI and the CLI use."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from relationship_journal.health.outputs import ContactHealth
    from relationship_journal.journal.core import Journal


def health_by_contact(journal: Journal, as_of: dt.date) -> dict[int, ContactHealth]:
    """Each (unarchived) contact's health as of `as_of`, keyed by id; archived people have none."""
    return {c.contact_id: c for c in journal.health.network(as_of).contacts}
