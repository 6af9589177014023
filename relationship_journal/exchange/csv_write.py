"""A spreadsheet of everyone, with the health figures next to each name.

UTF-8 with a BOM so that Excel shows accents and non-Latin names correctly, and one
row per person with several emails or phones joined by '; '.
"""

from __future__ import annotations

import csv
import io
import os
from collections.abc import Iterable

from relationship_journal.exchange.atomic import write_atomically
from relationship_journal.health.outputs import ContactHealth
from relationship_journal.health.windows import balance_figure
from relationship_journal.journal.records import ContactDetail

COMPONENTS = ("recency", "frequency", "consistency", "depth", "reciprocity", "investment")
COLUMNS = (
    "id", "name", "given_name", "family_name", "nickname", "organisation", "role", "emails",
    "phones", "urls", "birthday", "tags", "circle", "cadence_days", "last_interaction", "health",
    "band", *COMPONENTS, "trust", "giving_balance", "classification", "fade_date", "how_met", "met_on", "notes",
)


def _figure(value: float | None) -> str:
    return "" if value is None else f"{value:.0f}"


def rows(contacts: Iterable[ContactDetail], health: dict[int, ContactHealth]) -> list[list[str]]:
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
            balance_figure(h.giving_balance) if h else "",  # lately: see health.windows
            h.classification if h else "",
            h.fade_date.isoformat() if h and h.fade_date else "",
            c.how_met or "",
            c.met_on.isoformat() if c.met_on else "",
            c.notes or "",
        ])
    return table


def write_csv(
    contacts: Iterable[ContactDetail],
    health: dict[int, ContactHealth],
    path: str | os.PathLike[str],
) -> int:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(COLUMNS)
    table = rows(contacts, health)
    writer.writerows(table)
    write_atomically(path, buffer.getvalue().encode("utf-8-sig"))
    return len(table)
