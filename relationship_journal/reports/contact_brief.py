"""The contact brief: one or two pages to read before meeting someone.

Who they are, how the relationship stands and why (the six parts, each explained),
whether it can carry an ask, what is promised both ways, and the last conversations.
Every figure comes from the health model through `journal.health`, so the brief shows
exactly what the contact page shows.
"""

from __future__ import annotations

import datetime as dt
import os
from dataclasses import dataclass

from relationship_journal.health import ContactHealth
from relationship_journal.health.windows import balance_lean, balance_text, favour_tally
from relationship_journal.journal.core import Journal
from relationship_journal.journal.records import (
    CommitmentView,
    ContactDetail,
    FavourView,
    InteractionView,
)
from relationship_journal.journal.vocabulary import CIRCLE_NAMES, DEPTHS
from relationship_journal.reports import images
from relationship_journal.reports import markup as m
from relationship_journal.reports.paged import ReportDocument
from relationship_journal.reports.pipeline import ReportResult, check_as_of, produce
from relationship_journal.reports.progress import ProgressCallback, Steps
from relationship_journal.reports.words import (
    ASK_SIZES,
    CLASSIFICATION_WORDS,
    INITIATOR_WORDS,
    PART_TITLES,
    VERDICT_COLOURS,
    ago,
)
from relationship_journal.reports.yearly_dates import upcoming_dates

LAST_CONVERSATIONS = 5


@dataclass(frozen=True)
class BriefData:
    """Everything the brief prints, gathered in one go."""

    contact: ContactDetail
    health: ContactHealth
    conversations: list[InteractionView]
    commitments: list[CommitmentView]
    favours: list[FavourView]
    as_of: dt.date


def gather(journal: Journal, contact_id: int, as_of: dt.date) -> BriefData:
    contact = journal.contacts.get(contact_id)
    health = journal.health.contact(contact_id, as_of)
    timeline = [i for i in journal.interactions.for_contact(contact_id) if i.date <= as_of]
    commitments = [
        c for c in journal.ledger.commitments(contact_id)
        if c.created_on <= as_of and (c.done_date is None or c.done_date > as_of)
    ]
    favours = [f for f in journal.ledger.favours(contact_id) if f.date <= as_of]
    return BriefData(contact, health, timeline[:LAST_CONVERSATIONS], commitments, favours, as_of)


# -- sections -------------------------------------------------------------------------------
def _opening(data: BriefData) -> str:
    c = data.contact
    who = " · ".join(m.text(v) for v in (c.role, c.organisation) if v)
    circle = f"{CIRCLE_NAMES.get(c.circle, str(c.circle)).capitalize()} circle ({c.circle})"
    kind = CLASSIFICATION_WORDS.get(data.health.classification, data.health.classification)
    tags = " ".join(f"#{m.text(t)}" for t in c.tags)
    line = " &nbsp;·&nbsp; ".join(x for x in (circle, f"<b>{kind}</b>", tags) if x)
    return (
        '<table dir="ltr" width="100%" cellspacing="0" cellpadding="0"><tr>'
        f'<td width="96" valign="middle">{m.image("portrait", 84, 84)}</td>'
        f'<td valign="middle"><h1>{m.text(c.display_name)}</h1>'
        + (f'<p class="subtitle">{who}</p>' if who else "")
        + f"<p>{line}</p>"
        f'<p class="muted small">Brief as of {m.long_day(data.as_of)}</p></td></tr></table>'
    )


def _health(data: BriefData) -> str:
    h = data.health
    facts = [
        ("Standing", f"<b>{CLASSIFICATION_WORDS.get(h.classification, h.classification)}</b> — "
                     f"{m.text(h.classification_reason)}"),
        ("Trust", f"{h.trust:.0f} of 100 <span class='muted'>(50 means no evidence either way)</span>"),
        ("Last contact", f"{m.day(h.last_interaction)} ({ago(h.last_interaction, data.as_of)})"
                         if h.last_interaction else "never"),
        ("Cadence", f"every {h.cadence_days} days"),
        ("Time together", f"{h.effective_hours:.0f} effective hours"
                          + (" (some durations estimated)" if h.estimated_minutes else "")),
    ]
    if h.fade_date:
        facts.append(("Fading", f"falls below 50 on <b>{m.day(h.fade_date)}</b> without contact — "
                                f"{m.text(h.fade_cause_text or h.fade_cause)}"))
    rows = []
    for part in h.components:
        rows.append((
            f"<b>{PART_TITLES.get(part.name, part.name)}</b>",
            m.image(f"bar-{part.name}", 96, 8) + f" &nbsp;{part.score:.0f}",
            f"{part.display}",
            m.text(part.explanation),
        ))
    parts = m.table(["Part", "Score", "Points", "Why"], rows, widths=[15, 24, 8, 53], numeric=[2], stripe=False)
    total = "no data" if h.display_score is None else f"{h.display_score} points"
    return (
        m.heading("Relationship health")
        + '<table dir="ltr" width="100%" cellspacing="0" cellpadding="0"><tr>'
        f'<td width="124" valign="top">{m.image("dial", 112, 112)}</td>'
        f'<td valign="top">{m.definition_rows(facts)}</td></tr></table>'
        f'<p class="muted small">The six parts below add up to the health score ({total}); '
        "weights: depth 25, recency 20, frequency, reciprocity and investment 15 each, consistency 10.</p>"
        + parts
    )


def _asks(data: BriefData) -> str:
    rows = []
    for ask in data.health.asks:
        colour = VERDICT_COLOURS.get(ask.verdict, m.INK)
        todo = [c.action for c in ask.failing if c.action] or ["All four checks pass."]
        rows.append((
            m.text(ASK_SIZES.get(ask.size, f"size {ask.size}")),
            f'<b style="color: {colour};">{m.text(ask.verdict)}</b>',
            "<br/>".join(m.text(t) for t in todo),
        ))
    return m.heading("Before you ask") + m.table(["If you ask for", "Verdict", "What to do"], rows,
                                                 widths=[28, 16, 56], stripe=False)


def _profile(data: BriefData) -> str:
    c = data.contact
    met = ", ".join(m.text(v) for v in (c.how_met, c.where_met) if v)
    if c.met_on:
        met = f"{met} ({m.day(c.met_on)})" if met else m.day(c.met_on)
    reach = " · ".join(m.text(e.value) for e in (*c.emails, *c.phones))
    items = [
        ("Interests", m.text(c.interests)),
        ("Goals", m.text(c.goals)),
        ("How we met", met),
        ("What I can do for them", m.text(c.can_do_for_them)),
        ("Family", m.text(c.family)),
        ("Communities", m.text(c.communities)),
        ("Influence (calibre)", f"{c.calibre} of 5" if c.calibre else ""),
        ("Reach them", reach),
        ("Notes", m.text(c.notes)),
    ]
    body = m.definition_rows(items)
    return m.heading("Who they are") + (body or '<p class="muted">Nothing written about them yet.</p>')


def _promises(data: BriefData) -> str:
    def rows(owner: str) -> list[tuple[str, ...]]:
        out: list[tuple[str, ...]] = []
        for c in data.commitments:
            if c.owner != owner:
                continue
            overdue = c.due_date is not None and c.due_date < data.as_of
            due = m.day(c.due_date, "no date")
            out.append((m.text(c.text), m.day(c.created_on),
                        m.overdue(c.due_date) if overdue and c.due_date else due))
        return out

    parts = [m.heading("Open promises")]
    if not data.commitments:
        return "".join(parts) + '<p class="muted">Nothing open either way.</p>'
    for owner, title in (("mine", "I promised"), ("theirs", "They promised")):
        found = rows(owner)
        parts.append(m.heading(title, 3))
        parts.append(m.table(["Promise", "Made", "Due"], found, widths=[57, 16, 27], stripe=False)
                     if found else '<p class="muted">Nothing open.</p>')
    return "".join(parts)


def _favours(data: BriefData) -> str:
    given = [f for f in data.favours if f.direction == "given"]
    received = [f for f in data.favours if f.direction == "received"]
    balance = data.health.giving_balance
    summary = (
        f"<p>{m.text(favour_tally(len(given), len(received)))} "
        f"(total size {sum(f.size for f in given)} given, {sum(f.size for f in received)} received). "
        f"{m.text(balance_text(balance).capitalize())}: {balance_lean(balance)}.</p>"
    )
    recent = [
        (m.day(f.date), "I helped" if f.direction == "given" else "They helped", m.text(f.what), str(f.size))
        for f in data.favours[:5]
    ]
    table = m.table(["Date", "Who", "What", "Size"], recent, widths=[15, 15, 62, 8], numeric=[3],
                    stripe=False) if recent else ""
    return m.heading("Favours") + summary + table


def _relative(days: int) -> str:
    if days == 0:
        return "<b>today</b>"
    if days < 0:
        return f"{-days} day{'s' if days < -1 else ''} ago"
    return f"in {days} day{'s' if days > 1 else ''}"


def _dates(data: BriefData) -> str:
    upcoming = upcoming_dates(data.contact, data.as_of)
    if not upcoming:
        return ""
    rows = [(m.text(label), m.day(when), _relative(days)) for label, when, days in upcoming]
    return m.heading("Dates coming up") + m.table(["What", "When", ""], rows, widths=[50, 25, 25],
                                                  stripe=False)


def _conversations(data: BriefData) -> str:
    if not data.conversations:
        return m.heading("Last conversations") + '<p class="muted">No conversations logged yet.</p>'
    parts = [m.heading(f"Last {len(data.conversations)} conversations")]
    me = data.contact.display_name
    for entry in data.conversations:
        facts = [entry.kind.capitalize()]
        if entry.minutes:
            facts.append(f"{entry.minutes} min")
        facts.append(f"depth {entry.depth}: {DEPTHS.get(entry.depth, '')}")
        facts.append(INITIATOR_WORDS.get(entry.initiated_by, entry.initiated_by))
        others = [n for n in entry.contact_names if n != me]
        with_line = f" · with {m.text(', '.join(others))}" if others else ""
        where = f" · {m.text(entry.location)}" if entry.location else ""
        parts.append(
            f'<p class="entry"><b>{m.day(entry.date)}</b> &nbsp;<span class="muted">'
            f'{m.text(" · ".join(facts))}{where}{with_line}</span></p>'
        )
        parts.append(m.paragraphs(entry.note) or '<p class="note muted">No note.</p>')
    return "".join(parts)


def build(data: BriefData, steps: Steps) -> ReportDocument:
    h = data.health
    steps.report("charts", 0)
    pictures = {
        "portrait": images.portrait(data.contact.photo, data.contact.display_name),
        "dial": images.health_dial(h.display_score, h.band),
    }
    colour = m.BAND_COLOURS.get(h.band, m.MUTED)
    for part in h.components:
        pictures[f"bar-{part.name}"] = images.part_bar(part.score, colour)
    steps.report("charts", 1)
    body = "".join((
        _health(data), _asks(data), _profile(data), _promises(data), _favours(data),
        _dates(data), _conversations(data),
    ))
    steps.report("html", 1)
    return ReportDocument(
        title=f"Contact brief: {data.contact.display_name}",
        header_note=f"Report date {m.long_day(data.as_of)}",
        title_html=_opening(data),
        body_html=body,
        css=m.CSS,
        images=pictures,
    )


def render_contact_brief(
    journal: Journal,
    contact_id: int,
    out_path: str | os.PathLike[str],
    as_of: dt.date | None = None,
    page_size: str = "a4",
    progress: ProgressCallback | None = None,
) -> ReportResult:
    """Write the brief of one contact as a PDF; safe to call from a worker thread."""
    day = check_as_of(as_of)

    def make(steps: Steps) -> ReportDocument:
        data = gather(journal, contact_id, day)
        steps.report("gather", 1)
        return build(data, steps)

    return produce(out_path, page_size, progress, make)
