"""Exporting the whole journal's contacts: one function for the command line and the window."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from relationship_journal.journal.errors import ValidationError

if TYPE_CHECKING:
    from relationship_journal.journal.core import Journal

FORMATS = ("vcard", "csv", "ics")


def export_contacts(
    journal: Journal,
    fmt: str,
    out: str,
    as_of: dt.date,
    split: bool = False,
    archived: bool = False,
) -> str:
    """Write the contacts as vCard 4.0 (one file, or with `split` a folder), a CSV with health
    figures, or an iCalendar file; returns the one-line summary of what was written."""
    from relationship_journal.journal.imports import everyone

    if fmt not in FORMATS:
        raise ValidationError(f"the format must be one of {', '.join(FORMATS)} (got '{fmt}')")
    if split and fmt != "vcard":
        raise ValidationError("--split is only for vcard exports")
    contacts = everyone(journal, include_archived=archived)
    if fmt == "vcard":
        from relationship_journal.exchange import vcard_write
        from relationship_journal.exchange.vcard_related import related_by_contact

        write = vcard_write.write_vcard_folder if split else vcard_write.write_vcard_file
        count = write(contacts, out, related_by_contact(journal))
        where = f"{count} files in {out}" if split else out
        return f"Exported {len(contacts)} contacts as vCard 4.0 to {where}."
    from relationship_journal.exchange.health_figures import health_by_contact

    health = health_by_contact(journal, as_of)
    if fmt == "csv":
        from relationship_journal.exchange.csv_write import write_csv

        count = write_csv(contacts, health, out)
        return f"Exported {count} contacts with their health as of {as_of} to {out}."
    from relationship_journal.exchange.ical_write import write_calendar

    counts = write_calendar(
        contacts, health, journal.ledger.commitments(open_only=True), as_of, out
    )
    return (
        f"Exported {counts.total} events to {out}: {counts.birthdays} birthdays, "
        f"{counts.dates} important dates, {counts.keep_in_touch} keep-in-touch dates, "
        f"{counts.commitments} promises due."
    )
