"""The health figures exports show, from the same function the GUI and the CLI use."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from relationship_journal.health.outputs import ContactHealth
    from relationship_journal.journal.core import Journal


def health_by_contact(journal: Journal, as_of: dt.date) -> dict[int, ContactHealth]:
    """Each contact's health as of `as_of`, keyed by id.

    Goes through the journal's health service when it has one; otherwise loads the
    logs with the same adapter that service uses and runs the same model.
    """
    service = getattr(journal, "health", None)
    if service is not None and hasattr(service, "network"):
        network = service.network(as_of)
    else:
        from relationship_journal.health.network import compute_network
        from relationship_journal.journal.health_inputs import load_logs

        with journal.reading() as connection:
            logs = load_logs(connection, include_archived=True)
        network = compute_network(logs, as_of)
    return {c.contact_id: c for c in network.contacts}
