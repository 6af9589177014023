"""Cells bound for a spreadsheet: a value that would run as a formula is written as text.

OWASP's advice for CSV injection: a cell starting with = + - @ tab or CR gets a leading
apostrophe, which spreadsheets show as "this is text" and do not keep. Our own reader
takes the apostrophe off again, so a phone number such as +44 … survives the round trip.
"""

from __future__ import annotations

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def neutralise(cell: str) -> str:
    """The cell as text a spreadsheet will not evaluate (a plain number such as +1.5 is safe)."""
    return "'" + cell if cell.startswith(FORMULA_STARTS) and not _is_number(cell) else cell


def _is_number(cell: str) -> bool:
    try:
        float(cell)
    except ValueError:
        return False
    return cell.strip() == cell and "inf" not in cell.lower() and "nan" not in cell.lower()


def read_cell(cell: str) -> str:
    """A cell as it was before `neutralise`."""
    return cell[1:] if cell.startswith("'") and cell[1:].startswith(FORMULA_STARTS) else cell
