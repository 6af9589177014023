"""The period review: who I saw, who is new, what strengthened or faded, promises and favours.

The health figures compare the network on the eve of the period with the network on
its last day, both evaluated by the health model from the same timelines.
"""

from __future__ import annotations

import datetime as dt
import os
from collections import Counter
from dataclasses import dataclass

from relationship_journal.health import NetworkHealth
from relationship_journal.health.outputs import ContactHealth
from relationship_journal.journal.core import Journal
from relationship_journal.journal.records import CommitmentView, FavourView, InteractionView
from relationship_journal.reports import markup as m
from relationship_journal.reports.errors import ReportError
from relationship_journal.reports.network_data import CONNECTED, evaluate_network, load_network
from relationship_journal.reports.paged import ReportDocument
from relationship_journal.reports.pipeline import ReportResult, produce
from relationship_journal.reports.progress import ProgressCallback, Steps
from relationship_journal.reports.words import CLASSIFICATION_WORDS

IN_PERSON = frozenset({"meeting", "social", "event"})
MOST_SEEN = 40
MOVERS = 12
LIST_LIMIT = 80
MAX_ENTRIES = 2_000_000


@dataclass(frozen=True)
class SeenPerson:
    contact_id: int
    name: str
    entries: int
    in_person: int
    minutes: int
    last: dt.date


@dataclass(frozen=True)
class Move:
    name: str
    before: ContactHealth
    after: ContactHealth

    @property
    def change(self) -> float:
        return (self.after.score or 0.0) - (self.before.score or 0.0)


@dataclass(frozen=True)
class ReviewData:
    start: dt.date
    end: dt.date
    entries: list[InteractionView]
    seen: list[SeenPerson]
    new_people: list[tuple[str, dt.date]]
    new_connections: list[ContactHealth]
    strengthened: list[Move]
    faded: list[Move]
    made: list[CommitmentView]
    kept: list[CommitmentView]
    favours: list[FavourView]
    names: dict[int, str]
    before: NetworkHealth
    after: NetworkHealth


def _seen(entries: list[InteractionView], names: dict[int, str]) -> list[SeenPerson]:
    counts: Counter[int] = Counter()
    in_person: Counter[int] = Counter()
    minutes: Counter[int] = Counter()
    last: dict[int, dt.date] = {}
    for e in entries:
        for cid in e.contact_ids:
            if cid not in names:
                continue
            counts[cid] += 1
            in_person[cid] += e.kind in IN_PERSON
            minutes[cid] += e.minutes or 0
            last[cid] = max(last.get(cid, e.date), e.date)
    people = [SeenPerson(cid, names[cid], n, in_person[cid], minutes[cid], last[cid]) for cid, n in counts.items()]
    people.sort(key=lambda p: (-p.entries, -p.minutes, p.name))
    return people


def gather(journal: Journal, start: dt.date, end: dt.date, steps: Steps) -> ReviewData:
    params = journal.health.params  # the user's tuned model, as on screen
    loaded = load_network(journal, params, lambda d, t: steps.report("gather", d, 3 * t))
    eve = start - dt.timedelta(days=1)
    before = evaluate_network(loaded, eve, params, lambda d, t: steps.report("gather", t + d, 3 * t))
    after = evaluate_network(loaded, end, params, lambda d, t: steps.report("gather", 2 * t + d, 3 * t))
    names = loaded.names
    entries = journal.interactions.recent(since=start, until=end, limit=MAX_ENTRIES)

    first_day = {tl.contact.id: tl.days[0] for tl in loaded.timelines if tl.days}
    new_people = sorted(
        ((names[cid], dt.date.fromordinal(day)) for cid, day in first_day.items()
         if start.toordinal() <= day <= end.toordinal()),
        key=lambda p: (p[1], p[0]),
    )
    old = {c.contact_id: c for c in before.contacts}
    new_connections = [
        c for c in after.contacts
        if c.classification in CONNECTED and old.get(c.contact_id) is not None
        and old[c.contact_id].classification not in CONNECTED
    ]
    new_connections.sort(key=lambda c: (-(c.score or 0), c.name))
    moves = [
        Move(c.name, old[c.contact_id], c)
        for c in after.contacts
        if c.contact_id in old and (c.score is not None or old[c.contact_id].score is not None)
    ]
    strengthened = sorted((x for x in moves if x.change >= 1), key=lambda x: (-x.change, x.name))[:MOVERS]
    faded = sorted((x for x in moves if x.change <= -1), key=lambda x: (x.change, x.name))[:MOVERS]

    commitments = journal.ledger.commitments()
    made = [c for c in commitments if start <= c.created_on <= end and c.contact_id in names]
    kept = [c for c in commitments if c.done_date and start <= c.done_date <= end and c.contact_id in names]
    favours = [f for f in journal.ledger.favours() if start <= f.date <= end and f.contact_id in names]
    favours.sort(key=lambda f: (f.date, f.id))
    return ReviewData(start, end, entries, _seen(entries, names), new_people, new_connections,
                      strengthened, faded, made, kept, favours, names, before, after)


# -- sections -------------------------------------------------------------------------------
def _saw(data: ReviewData) -> str:
    hours = sum(p.minutes for p in data.seen) / 60
    kinds = Counter(e.kind for e in data.entries)
    kinds_text = ", ".join(f"{n:,} {k}" for k, n in kinds.most_common())
    weeks = max(1, ((data.end - data.start).days + 1) / 7)
    parts = [
        m.heading("Who I saw, and how often"),
        m.figures([
            (f"{len(data.entries):,}", "entries in the journal"),
            (f"{len(data.seen):,}", "people"),
            (f"{sum(1 for e in data.entries if e.kind in IN_PERSON):,}", "in person"),
            (f"{hours:,.0f}", "hours logged"),
            (f"{len(data.entries) / weeks:.1f}", "entries a week"),
        ]),
    ]
    if kinds_text:
        parts.append(f'<p class="muted">By kind: {m.text(kinds_text)}.</p>')
    if not data.seen:
        parts.append('<p class="muted">Nobody was logged in this period.</p>')
        return "".join(parts)
    shown = data.seen[:MOST_SEEN]
    rows = [(m.text(p.name), f"{p.entries}", f"{p.in_person}", f"{p.minutes / 60:.1f}", m.day(p.last))
            for p in shown]
    parts.append(m.heading("Most seen" if len(data.seen) > len(shown) else "Everyone I saw", 3))
    parts.append(m.table(["Name", "Entries", "In person", "Hours", "Last"], rows,
                         widths=[44, 12, 13, 12, 19], numeric=[1, 2, 3]))
    if len(data.seen) > len(shown):
        parts.append(f'<p class="muted">… and {len(data.seen) - len(shown):,} more people.</p>')
    return "".join(parts)


def _new(data: ReviewData) -> str:
    parts = [m.heading("New connections")]
    if data.new_connections:
        rows = [(m.text(c.name), m.band_chip(c.band, c.display_score),
                 CLASSIFICATION_WORDS.get(c.classification, c.classification), m.text(c.classification_reason))
                for c in data.new_connections[:LIST_LIMIT]]
        parts.append(f"<p>{m.plural(len(data.new_connections), 'person', 'people')} became a connection "
                     "(knows and trusts you) during the period.</p>")
        parts.append(m.table(["Name", "Health", "Now", "Why"], rows, widths=[26, 14, 17, 43]))
    else:
        parts.append('<p class="muted">Nobody became a connection during the period.</p>')
    if data.new_people:
        shown = data.new_people[:LIST_LIMIT]
        parts.append(m.heading(f"First met or first logged ({len(data.new_people):,})", 3))
        parts.append(m.table(["Name", "First entry"], [(m.text(n), m.day(d)) for n, d in shown],
                             widths=[70, 30]))
        if len(data.new_people) > len(shown):
            parts.append(f'<p class="muted">… and {len(data.new_people) - len(shown):,} more.</p>')
    return "".join(parts)


def _moves(data: ReviewData) -> str:
    def table(moves: list[Move]) -> str:
        rows = [(m.text(x.name), m.band_chip(x.before.band, x.before.display_score),
                 m.band_chip(x.after.band, x.after.display_score), f"<b>{x.change:+.0f}</b>") for x in moves]
        return m.table(["Name", f"On {m.day(data.start - dt.timedelta(days=1))}", f"On {m.day(data.end)}",
                        "Change"], rows, widths=[46, 20, 20, 14], numeric=[3])

    parts = [m.heading("Strengthened and faded most")]
    parts.append(m.heading("Strengthened", 3))
    parts.append(table(data.strengthened) if data.strengthened else '<p class="muted">No relationship grew.</p>')
    parts.append(m.heading("Faded", 3))
    parts.append(table(data.faded) if data.faded else '<p class="muted">No relationship faded.</p>')
    return "".join(parts)


def _promises(data: ReviewData) -> str:
    def status(c: CommitmentView) -> str:
        if c.done_date and c.done_date <= data.end:
            return f'<span style="color: #1a7f37;">kept {m.day(c.done_date)}</span>'
        if c.due_date and c.due_date < data.end:
            return m.overdue(c.due_date)
        return "open" + (f", due {m.day(c.due_date)}" if c.due_date else "")

    mine = [c for c in data.made if c.owner == "mine"]
    theirs = [c for c in data.made if c.owner == "theirs"]
    kept_mine = sum(1 for c in data.kept if c.owner == "mine")
    kept_theirs = sum(1 for c in data.kept if c.owner == "theirs")
    parts = [
        m.heading("Commitments made and kept"),
        f"<p>I made <b>{len(mine):,}</b> promises and kept <b>{kept_mine:,}</b> (some made earlier); "
        f"others made <b>{len(theirs):,}</b> to me and kept <b>{kept_theirs:,}</b>.</p>",
    ]
    if data.made:
        shown = data.made[:LIST_LIMIT]
        rows = [(m.day(c.created_on), "I promised" if c.owner == "mine" else "They promised",
                 m.text(data.names.get(c.contact_id, "")), m.text(c.text), status(c)) for c in shown]
        parts.append(m.table(["Made", "Who", "Person", "Promise", "Status"], rows,
                             widths=[12, 14, 19, 30, 25]))
        if len(data.made) > len(shown):
            parts.append(f'<p class="muted">… and {len(data.made) - len(shown):,} more.</p>')
    return "".join(parts)


def _favours(data: ReviewData) -> str:
    given = [f for f in data.favours if f.direction == "given"]
    received = [f for f in data.favours if f.direction == "received"]
    parts = [
        m.heading("Favours given and received"),
        f"<p>Given <b>{len(given):,}</b> (total size {sum(f.size for f in given)}); received "
        f"<b>{len(received):,}</b> (total size {sum(f.size for f in received)}).</p>",
    ]
    if data.favours:
        shown = data.favours[:LIST_LIMIT]
        rows = [(m.day(f.date), "I helped" if f.direction == "given" else "They helped",
                 m.text(data.names.get(f.contact_id, "")), m.text(f.what), str(f.size)) for f in shown]
        parts.append(m.table(["Date", "Direction", "Person", "What", "Size"], rows,
                             widths=[13, 14, 22, 43, 8], numeric=[4]))
        if len(data.favours) > len(shown):
            parts.append(f'<p class="muted">… and {len(data.favours) - len(shown):,} more.</p>')
    return "".join(parts)


def build(data: ReviewData, steps: Steps) -> ReportDocument:
    steps.report("charts", 1)
    before, after = data.before, data.after
    body = "".join((
        f'<p class="verdict">Connections went from <b>{before.depth:,}</b> to <b>{after.depth:,}</b>, '
        f"the trusted circle from <b>{before.trusted:,}</b> to <b>{after.trusted:,}</b>, and people touched "
        f"in the past year from <b>{before.breadth:,}</b> to <b>{after.breadth:,}</b>.</p>",
        _saw(data), _new(data), _moves(data), _promises(data), _favours(data),
    ))
    steps.report("html", 1)
    days = (data.end - data.start).days + 1
    title = (
        "<h1>Period review</h1>"
        f'<p class="subtitle">{m.long_day(data.start)} to {m.long_day(data.end)} · {m.plural(days, "day")}</p>'
    )
    return ReportDocument(
        title="Period review",
        header_note=f"{m.day(data.start)} – {m.day(data.end)}",
        title_html=title,
        body_html=body,
        css=m.CSS,
        contents_after_pages=5,
    )


def render_period_review(
    journal: Journal,
    out_path: str | os.PathLike[str],
    start: dt.date,
    end: dt.date,
    page_size: str = "a4",
    progress: ProgressCallback | None = None,
) -> ReportResult:
    """Write the review of `start`..`end` (both included) as a PDF; safe on a worker thread."""
    if not isinstance(start, dt.date) or not isinstance(end, dt.date):
        raise ReportError("the review needs a first and a last day")
    if start > end:
        raise ReportError(f"the review starts on {start} but ends before it, on {end}")

    def make(steps: Steps) -> ReportDocument:
        return build(gather(journal, start, end, steps), steps)

    return produce(out_path, page_size, progress, make)
