"""The network report: how wide, how deep, who is fading, what is owed, and everyone listed.

The figures, charts and lists are HTML laid out by QTextDocument; the closing tables of
everyone are drawn (reports/drawn_table.py), as 10,000 people make 240 pages of rows.
Gets a contents page when it runs over three pages.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from relationship_journal.health import NetworkHealth, Parameters
from relationship_journal.health.outputs import ContactHealth
from relationship_journal.health.windows import balance_figure, lately
from relationship_journal.journal.core import Journal
from relationship_journal.journal.vocabulary import CIRCLE_NAMES, CIRCLES
from relationship_journal.reports import markup as m
from relationship_journal.reports.chart_series import (
    DepthBreadthSeries,
    circle_occupancy,
    health_histogram,
    interactions_per_week,
)
from relationship_journal.reports.drawn_table import Cell, DrawnTable
from relationship_journal.reports.errors import ReportError
from relationship_journal.reports.network_data import (
    OwedFavour,
    OwedReply,
    depth_breadth_history,
    entries_per_day,
    favours_owed,
    from_reading,
    keep_history,
    kept_history,
    replies_owed,
)
from relationship_journal.reports.paged import ReportDocument
from relationship_journal.reports.people_picture import (
    PeoplePicture,
    known_pairs,
    people_picture,
    people_picture_chart,
)
from relationship_journal.reports.pipeline import ReportResult, check_as_of, produce
from relationship_journal.reports.progress import ProgressCallback, Steps
from relationship_journal.reports.words import CLASSIFICATION_WORDS, FADE_CAUSES

if TYPE_CHECKING:
    from PySide6.QtGui import QImage

CHART_WIDTH = 640  # CSS pixels: the text column is about 660 on A4 and 680 on Letter
CHART_HEIGHT = 250
CHART_SHARPNESS = 3.0
PICTURE_HEIGHT = 360


@dataclass(frozen=True)
class NetworkData:
    as_of: dt.date
    network: NetworkHealth
    history: DepthBreadthSeries
    per_day: dict[dt.date, int]
    replies: list[OwedReply]
    favours: list[OwedFavour]
    organisations: dict[int, str]
    circles: tuple[int, ...]
    params: Parameters
    picture: PeoplePicture | None = None  # who knows whom among the trusted circle and connections


def gather(journal: Journal, as_of: dt.date, circles: tuple[int, ...], steps: Steps) -> NetworkData:
    params = journal.health.params  # the user's tuned model, as on screen
    steps.report("gather", 0, 2)
    # The window's reading when there is one (shared while it is made, or kept: journal.health).
    reading = journal.health.reading(as_of, params)
    loaded, network = from_reading(reading), reading.network
    steps.report("gather", 1, 2)
    history = kept_history(journal, loaded, as_of, params)
    if history is None:
        history = depth_breadth_history(
            loaded, network, params, tick=lambda _day, done, total: steps.report("charts", done, 2 * total)
        )
        if loaded.state is not None:
            keep_history(journal, loaded, history, params)
    return NetworkData(
        as_of=as_of,
        network=network,
        history=history,
        per_day=entries_per_day(loaded),
        replies=replies_owed(journal.ledger.commitments(), loaded.names, as_of),
        favours=favours_owed(network),
        organisations=journal.contacts.organisations(),
        params=params,
        circles=circles,
        picture=people_picture(network, known_pairs(journal)),
    )


# -- sections -------------------------------------------------------------------------------
def _circle_name(circle: int) -> str:
    return f"{CIRCLE_NAMES.get(circle, str(circle)).capitalize()} ({circle})"


def _figures(data: NetworkData) -> str:
    n = data.network
    a = n.attention
    parts = [
        m.heading("The network in figures"),
        m.figures([
            (f"{n.total_contacts:,}", "people in the journal"),
            (f"{n.breadth:,}", "touched in the past year"),
            (f"{n.depth:,}", "connections: know and trust you"),
            (f"{n.trusted:,}", "in the trusted circle"),
            (f"{n.dormant:,}", "dormant: reconnect"),
        ]),
        f'<p class="verdict">Wide-vs-deep index <b>{n.wide_deep_index:.2f}</b>: '
        f"<b>{m.text(n.verdict)}</b>. For each person who knows and trusts you, you touched about "
        f"{(n.breadth + 1) / (n.depth + 1):.0f} people this past year "
        "(at or under 0.5 is deep, up to 1.0 typical, up to 1.5 wide).</p>",
    ]
    bands = " &nbsp; ".join(
        f"{m.band_chip(b)} {n.bands.get(b, 0):,}" for b in ("strong", "steady", "cooling", "cold", "no data")
    )
    parts.append(f"<p>Health bands: {bands}</p>")
    if a.total_hours > 0:
        parts.append(
            f"<p>Attention, last 90 days: {a.top5_share:.0%} of effective hours went to your top 5 people "
            f"and {a.top15_share:.0%} to your top 15 (about 40% and 60% is typical); "
            f"that is like giving equal time to {a.effective_people:.0f} people.</p>"
        )
    hc = n.high_calibre
    if hc.count:
        parts.append(
            f"<p>Among the {hc.count:,} people you rate as high calibre, {hc.connections:,} are connections "
            f"and {hc.trusted:,} in the trusted circle"
            + (f"; their mean health is {hc.mean_health:.0f}." if hc.mean_health is not None else ".")
            + "</p>"
        )
    return "".join(parts)


def _circles(data: NetworkData) -> str:
    n = data.network
    rows = []
    for c in n.circles:
        note = '<b style="color: #b42318;">over 1.5× capacity</b>' if c.overloaded else ""
        rows.append((_circle_name(c.circle), f"{c.count:,}", f"{c.capacity:,}", f"{c.observed:,}", note))
    parts = [
        m.heading("Circles against capacity"),
        '<p class="muted small">Chosen: the circle you put people in. Lived: the layer their '
        "past year's touches put them in.</p>",
        m.table(["Circle", "Chosen", "Room for", "Lived", ""], rows, widths=[28, 14, 14, 14, 30],
                numeric=[1, 2, 3]),
        m.image("chart-occupancy", CHART_WIDTH, CHART_HEIGHT),
    ]
    parts.extend(f'<p class="warning">{m.text(w)}</p>' for w in n.circle_warnings)
    if n.mismatches:
        shown = n.mismatches[:15]
        apart = [(m.text(x.name), _circle_name(x.chosen), _circle_name(x.observed)) for x in shown]
        more = len(n.mismatches) - len(shown)
        parts.append(m.heading("Chosen circle and lived circle far apart", 3))
        parts.append(m.table(["Name", "Chosen", "Lived"], apart, widths=[50, 25, 25]))
        if more:
            parts.append(f'<p class="muted">… and {more:,} more two layers or further apart.</p>')
    return "".join(parts)


def _charts() -> str:
    return "".join((
        m.heading("Health and activity"),
        m.image("chart-health", CHART_WIDTH, CHART_HEIGHT),
        "<p></p>",
        m.image("chart-weekly", CHART_WIDTH, CHART_HEIGHT),
        "<p></p>",
        m.image("chart-depth", CHART_WIDTH, CHART_HEIGHT + 20),
        "<p></p>",
        m.image("chart-people", CHART_WIDTH, PICTURE_HEIGHT),
    ))


def _fading(data: NetworkData) -> str:
    n = data.network
    by_id = {c.contact_id: c for c in n.contacts}
    if not n.fading:
        return m.heading("Fading") + '<p class="muted">Nobody close is about to fade.</p>'
    rows = []
    for f in n.fading:
        c = by_id.get(f.contact_id)
        rows.append((
            m.text(f.name),
            _circle_name(c.circle) if c else "",
            m.band_cell(c.band, c.display_score) if c else "",
            f"<b>{m.day(f.fade_date)}</b>",
            m.text(f.cause_text or FADE_CAUSES.get(f.cause, f.cause)),
        ))
    return (
        m.heading("Fading")
        + f"<p>{m.plural(len(n.fading), 'relationship')} will fall below health 50 within the next "
        f"{n.fading_horizon_days} days unless you get in touch, soonest first.</p>"
        + m.table(["Name", "Circle", "Health", "Crosses 50", "Main cause"], rows,
                  widths=[22, 14, 13, 13, 38])
    )


def _owed(data: NetworkData) -> str:
    parts = [m.heading("Owed: replies and favours")]
    if data.replies:
        rows = []
        for r in data.replies:
            due = m.day(r.due, "no date")
            rows.append((m.text(r.name), m.text(r.text), m.day(r.made),
                         m.overdue(r.due) if r.overdue and r.due else due))
        parts.append(m.heading(f"Promises I owe ({len(data.replies):,})", 3))
        parts.append(m.table(["To", "Promise", "Made", "Due"], rows, widths=[20, 40, 13, 27]))
    else:
        parts.append('<p class="muted">No promise of yours is open.</p>')
    if data.favours:
        owed = [(m.text(f.name), balance_figure(f.balance)) for f in data.favours]
        parts.append(m.heading(f"Favours I owe ({len(data.favours):,})", 3))
        parts.append('<p class="muted small">People whose help outweighs mine: the giving balance '
                     f"{m.text(lately(data.params))}.</p>")
        parts.append(m.table(["Name", "Giving balance"], owed, widths=[75, 25], numeric=[1]))
    else:
        parts.append('<p class="muted">Nobody has helped you more than you have helped them lately.</p>')
    return "".join(parts)


def _contact_row(c: ContactHealth, data: NetworkData) -> tuple[Cell, ...]:
    return (
        Cell(c.name),
        Cell(data.organisations.get(c.contact_id, "")),
        Cell(m.band_label(c.band, c.display_score), m.band_tint(c.band)),
        Cell(CLASSIFICATION_WORDS.get(c.classification, c.classification)),
        Cell(m.day(c.last_interaction, "never")),
    )


def _everyone(data: NetworkData) -> tuple[str | DrawnTable, ...]:
    """The closing table of everyone, one table per circle, each from a fresh page and
    drawn rather than laid out as HTML (reports/drawn_table.py)."""
    chosen = set(data.circles)
    which = ", ".join(str(c) for c in data.circles) if chosen != set(CIRCLES) else "all circles"
    heading = f"Contacts in {which}"
    tables: list[DrawnTable] = []
    for circle in data.circles:
        people = [c for c in data.network.contacts if c.circle == circle]
        if people:
            people.sort(key=lambda c: (-(c.score if c.score is not None else -1), c.name))
            tables.append(DrawnTable(
                heading="" if tables else heading,
                caption=f"{_circle_name(circle)}: {m.plural(len(people), 'person', 'people')}",
                headers=("Name", "Organisation", "Health", "Standing", "Last contact"),
                widths=(28, 22, 14, 21, 15),
                rows=[_contact_row(c, data) for c in people],
            ))
    return tuple(tables) if tables else (m.heading(heading) + '<p class="muted">Nobody in these circles.</p>',)


def _charts_images(data: NetworkData, steps: Steps) -> dict[str, QImage]:
    from relationship_journal.reports.charts import (
        LIGHT,
        circle_occupancy_chart,
        depth_breadth_chart,
        health_distribution_chart,
        interactions_per_week_chart,
        render_chart,
    )

    n = data.network
    occupancy = circle_occupancy({c.circle: c.count for c in n.circles},
                                 {c.circle: c.capacity for c in n.circles}, data.params.overload_factor)
    jobs: list[tuple[str, Any, Any, int]] = [
        ("chart-occupancy", circle_occupancy_chart, occupancy, CHART_HEIGHT),
        ("chart-health", health_distribution_chart,
         health_histogram((c.score for c in n.contacts), floors=data.params.bands), CHART_HEIGHT),
        ("chart-weekly", interactions_per_week_chart, interactions_per_week(data.per_day, data.as_of),
         CHART_HEIGHT),
        ("chart-depth", depth_breadth_chart, data.history, CHART_HEIGHT + 20),
        ("chart-people", people_picture_chart, data.picture or PeoplePicture((), (), 0), PICTURE_HEIGHT),
    ]
    pictures: dict[str, QImage] = {}
    for done, (name, builder, series, height) in enumerate(jobs):
        pictures[name] = render_chart(builder, series, CHART_WIDTH, height, CHART_SHARPNESS, LIGHT)
        steps.report("charts", len(jobs) + done + 1, 2 * len(jobs))
    return pictures


def build(data: NetworkData, steps: Steps) -> ReportDocument:
    pictures = _charts_images(data, steps)
    n = data.network
    body = "".join((_figures(data), _circles(data), _charts(), _fading(data), _owed(data)))
    steps.report("html", 1)
    title = (
        "<h1>Network report</h1>"
        f'<p class="subtitle">As of {m.long_day(data.as_of)} · {m.plural(n.total_contacts, "person", "people")} '
        f"in the journal</p>"
    )
    return ReportDocument(
        title="Network report",
        header_note=f"Report date {m.long_day(data.as_of)}",
        title_html=title,
        body_html=body,
        css=m.CSS,
        images=pictures,
        contents_after_pages=3,
        # The long tables of everyone are laid out on their own, each from a fresh page.
        parts_on_new_pages=_everyone(data),
    )


def render_network_report(
    journal: Journal,
    out_path: str | os.PathLike[str],
    as_of: dt.date | None = None,
    page_size: str = "a4",
    progress: ProgressCallback | None = None,
    circles: Iterable[int] | None = None,
) -> ReportResult:
    """Write the network report as a PDF; safe to call from a worker thread.

    `circles` chooses whose rows the closing table lists (default: every circle).
    """
    day = check_as_of(as_of)
    chosen = tuple(sorted(set(circles))) if circles is not None else CIRCLES
    unknown = [c for c in chosen if c not in CIRCLES]
    if unknown or not chosen:
        raise ReportError(f"circles must be among {', '.join(map(str, CIRCLES))} (got {list(chosen)})")

    def make(steps: Steps) -> ReportDocument:
        return build(gather(journal, day, chosen, steps), steps)

    return produce(out_path, page_size, progress, make)
