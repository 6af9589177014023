"""The reports' HTML vocabulary: escaping, the house style sheet, tables, band chips.

Every piece of user text goes through `text()` (html.escape, line breaks kept), so a
note holding `<b>bold?</b>` or Markdown prints exactly as typed and can load nothing.
Only this module writes tags; the report modules compose its pieces.
"""

from __future__ import annotations

import datetime as dt
import html
from collections.abc import Iterable, Sequence

from relationship_journal.reports.charts import LIGHT

BAND_COLOURS = {**LIGHT.bands, "no data": "#8c959f"}  # the dashboard's colours, one source
BAND_INK = {"cooling": "#1f2328"}  # dark text where white would not read; white elsewhere

ACCENT = "#1a5f7a"
INK = "#1f2328"
MUTED = "#57606a"
RULE = "#d0d7de"
STRIPE = "#f4f6f8"

CSS = f"""
body {{ color: {INK}; }}
h1 {{ font-size: 20pt; font-weight: 600; color: {INK}; margin-top: 0px; margin-bottom: 2px; }}
h2 {{ font-size: 13pt; font-weight: 600; color: {ACCENT}; margin-top: 16px; margin-bottom: 6px; }}
h3 {{ font-size: 10.5pt; font-weight: 600; color: {INK}; margin-top: 10px; margin-bottom: 4px; }}
h3.toc {{ font-size: 13pt; color: {ACCENT}; margin-top: 24px; }}
p {{ margin-top: 0px; margin-bottom: 5px; }}
p.subtitle {{ font-size: 10.5pt; color: {MUTED}; margin-bottom: 10px; }}
p.muted, span.muted, td.muted {{ color: {MUTED}; }}
p.small, span.small, td.small {{ font-size: 8pt; }}
p.note {{ margin-left: 10px; margin-bottom: 8px; line-height: 120%; }}
p.entry {{ margin-top: 6px; margin-bottom: 2px; }}
p.verdict {{ font-size: 11pt; margin-top: 4px; margin-bottom: 8px; }}
p.warning {{ color: #9a3412; }}
table.data {{ border-collapse: collapse; margin-top: 2px; margin-bottom: 8px; }}
table.data th {{ font-size: 8pt; font-weight: 600; color: {MUTED}; text-align: left;
                border-bottom: 1px solid {RULE}; background-color: #ffffff; }}
table.data td {{ font-size: 8.5pt; border-bottom: 1px solid #eaeef2; }}
td.num, th.num {{ text-align: right; padding-right: 12px; }}
table.data td.caption {{ font-size: 10.5pt; font-weight: 600; color: {INK}; border-bottom: none;
                        padding-top: 10px; }}
table.figures td {{ padding-right: 14px; }}
td.figure {{ font-size: 18pt; font-weight: 600; color: {INK}; }}
td.label {{ font-size: 8pt; color: {MUTED}; }}
table.toc td {{ font-size: 10.5pt; border-bottom: 1px dotted {RULE}; }}
span.chip {{ font-size: 7.5pt; font-weight: 600; }}
"""


# Invisible characters that reorder the text around them ("Trojan Source"): a note with
# U+202E prints "gpj.exe" as "exe.jpg". A report shows them as what they are instead.
BIDI_CONTROLS = {
    "\u202a": "LRE", "\u202b": "RLE", "\u202c": "PDF", "\u202d": "LRO", "\u202e": "RLO",
    "\u2066": "LRI", "\u2067": "RLI", "\u2068": "FSI", "\u2069": "PDI",
    "\u200e": "LRM", "\u200f": "RLM", "\u061c": "ALM",
}
_BIDI = str.maketrans({char: f'<span class="muted">[{name}]</span>' for char, name in BIDI_CONTROLS.items()})


def text(value: object | None, empty: str = "") -> str:
    """User text made safe and literal: escaped, with its line breaks kept, and direction
    controls shown as [RLO], [LRI]… rather than obeyed."""
    if value is None or value == "":
        return html.escape(empty)
    escaped = html.escape(str(value)).replace("\r\n", "\n").replace("\n", "<br/>")
    return escaped.translate(_BIDI)


def paragraphs(value: str | None, css_class: str = "note") -> str:
    """A multi-paragraph user note, each paragraph escaped; blank lines split paragraphs."""
    if not value:
        return ""
    chunks = [c.strip("\n") for c in value.replace("\r\n", "\n").split("\n\n")]
    return "".join(f'<p class="{css_class}">{text(c)}</p>' for c in chunks if c.strip())


def day(value: dt.date | None, empty: str = "—") -> str:
    """'3 Mar 2026': unambiguous in every locale, short enough for a table cell."""
    return value.strftime("%-d %b %Y") if value else empty


def overdue(value: dt.date) -> str:
    """A due date that has passed, in red, kept on one line so a table row never splits on it."""
    return f'<b style="color: #b42318;">{day(value).replace(" ", "&nbsp;")}&nbsp;·&nbsp;overdue</b>'


def long_day(value: dt.date) -> str:
    return value.strftime("%-d %B %Y")


def band_chip(band: str, score: int | None = None) -> str:
    """A coloured label for a health band, with the score when there is one."""
    colour = BAND_COLOURS.get(band, "#8c959f")
    ink = BAND_INK.get(band, "#ffffff")
    label = html.escape(band if score is None else f"{score} · {band}")
    return (
        f'<span class="chip" style="background-color: {colour}; color: {ink};">'
        f"&nbsp;{label}&nbsp;</span>"
    )


BAND_TINTS = {"strong": "#d5eedf", "steady": "#dbe7f4", "cooling": "#f7e6c4", "cold": "#f4d8d1",
              "no data": "#eceef1"}


def band_label(band: str, score: int | None = None) -> str:
    """'63 · steady', or the band alone when there is no score: plain text."""
    return band if score is None else f"{score} · {band}"


def band_tint(band: str) -> str:
    return BAND_TINTS.get(band, BAND_TINTS["no data"])


def band_cell(band: str, score: int | None = None) -> tuple[str, str]:
    """A table cell tinted with the band's colour: as clear as a chip, and far cheaper
    to lay out in a long table (a cell colour, not a styled span)."""
    return html.escape(band_label(band, score)), band_tint(band)


def heading(title: str, level: int = 2) -> str:
    return f"<h{level}>{html.escape(title)}</h{level}>"


Cell = str | tuple[str, str]  # HTML, or (HTML, background colour)


def table(
    headers: Sequence[str],
    rows: Iterable[Sequence[Cell]],
    widths: Sequence[int] | None = None,
    numeric: Sequence[int] = (),
    stripe: bool = True,
    caption: str | None = None,
) -> str:
    """A data table; cells are already-made HTML (escape user text with `text()` first).

    The header row is a <thead>, which Qt repeats at the top of each page the table
    runs onto. Built with one join, so long tables stay fast.
    """
    numeric_set = set(numeric)

    def cell(tag: str, index: int, content: Cell) -> str:
        extra = ""
        if isinstance(content, tuple):
            content, colour = content
            extra = f' bgcolor="{colour}"'
        if index in numeric_set:
            extra += ' class="num" align="right"'
        if widths and tag == "th":
            extra += f' width="{widths[index]}%"'
        return f"<{tag}{extra}>{content}</{tag}>"

    head = "".join(cell("th", i, html.escape(h)) for i, h in enumerate(headers))
    # A caption lives in the header, so it can never be left alone at a page's foot and
    # is repeated, with the column names, on every page the table runs onto.
    top = (f'<tr><td class="caption" colspan="{len(headers)}">{html.escape(caption)}</td></tr>'
           if caption else "")
    parts = [
        '<table dir="ltr" class="data" width="100%" cellspacing="0" cellpadding="3">',
        f"<thead>{top}<tr>{head}</tr></thead><tbody>",
    ]
    for n, row in enumerate(rows):
        shade = f' bgcolor="{STRIPE}"' if stripe and n % 2 else ""
        parts.append(f"<tr{shade}>" + "".join(cell("td", i, c) for i, c in enumerate(row)) + "</tr>")
    parts.append("</tbody></table>")
    return "".join(parts)


def figures(items: Sequence[tuple[str, str]]) -> str:
    """A row of big numbers with small labels under them (the network's headline figures)."""
    top = "".join(f'<td class="figure">{html.escape(v)}</td>' for v, _ in items)
    bottom = "".join(f'<td class="label">{html.escape(label)}</td>' for _, label in items)
    return (
        '<table dir="ltr" class="figures" cellspacing="0" cellpadding="2" width="100%">'
        f"<tr>{top}</tr><tr>{bottom}</tr></table>"
    )


def definition_rows(items: Iterable[tuple[str, str]]) -> str:
    """Label / value pairs (values are ready HTML) as a two-column table without rules."""
    rows = "".join(
        f'<tr><td class="label" width="24%">{html.escape(label)}</td><td>{value}</td></tr>'
        for label, value in items
        if value
    )
    return f'<table dir="ltr" cellspacing="0" cellpadding="2" width="100%">{rows}</table>' if rows else ""


def image(name: str, width: int, height: int) -> str:
    """One of our own embedded images (chart or photo), at `width`×`height` CSS pixels."""
    return f'<img src="{html.escape(name)}" width="{width}" height="{height}"/>'


def plural(count: int, one: str, many: str | None = None) -> str:
    return f"{count:,} {one if count == 1 else (many or one + 's')}"
