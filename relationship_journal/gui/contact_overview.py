"""The overview of one relationship: gauges, trust and asking, promises, favours, and the
trajectory (gui/trajectory_card.py).

Everything shown is computed by the health model for this person (the same function
the dashboard, the PDF and the CLI use); this module only lays it out.
"""

from __future__ import annotations

import datetime as dt
import html
from collections.abc import Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QScrollArea,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from relationship_journal.gui.asks_card import AsksCard
from relationship_journal.gui.cards import Badge, Card, muted_label
from relationship_journal.gui.gauges import HealthDial, PartBars
from relationship_journal.gui.theme import colours
from relationship_journal.gui.timeline_view import shorten_at_word
from relationship_journal.gui.trajectory_card import TrajectoryCard
from relationship_journal.health import ContactHealth
from relationship_journal.health.windows import (
    IN_ALL,
    balance_text,
    favour_tally,
    last_entries,
    lately,
)
from relationship_journal.journal.records import CommitmentView, FavourView, InteractionView
from relationship_journal.reports.words import PART_TITLES

ASK_SIZES = {1: "Small: advice, an intro", 2: "Medium: a referral, an hour",
             3: "Large: a job, money, a big intro"}
ASK_HINTS = {1: "Quick advice or an introduction", 2: "A referral, or an hour of their time",
             3: "A job, money, or a major introduction"}
VERDICT_KEYS = {"Ready": "strong", "Warm up first": "cooling", "Not yet": "cold"}


class HealthCard(Card):
    why_requested = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("Relationship health", parent)
        row = QHBoxLayout()
        row.setSpacing(16)
        self.dial = HealthDial(self)
        self.parts = PartBars(self)
        self.parts.why_requested.connect(self.why_requested)
        row.addWidget(self.dial, 0, Qt.AlignmentFlag.AlignTop)
        row.addWidget(self.parts, 1)
        self.body.addLayout(row)
        self.fade = muted_label("", self)
        self.body.addWidget(self.fade)
        self.body.addStretch(1)

    def set_health(self, health: ContactHealth | None) -> None:
        self.dial.set_value(health.display_score if health else None, health.band if health else "no data")
        self.parts.set_health(health)
        if health is None or health.score is None:
            self.fade.setText("Log a first interaction to see how this relationship is doing.")
        elif health.fade_date:
            self.fade.setText(f"Fading: health drops below 50 around {health.fade_date:%d %b %Y} "
                              f"without contact. {health.fade_cause_text or ''}")
        else:
            self.fade.setText(f"Effective hours together: {health.effective_hours:.0f} h"
                              f" · {health.touches_last_year} touches in the last year")


class TrustCard(Card):
    """Contact or connection, trust, and the check before asking for a favour."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("Trust and asking", parent)
        top = QHBoxLayout()
        self.trust = QLabel(self)
        self.trust.setStyleSheet("font-size: 15pt; font-weight: 600;")
        self.badge = Badge(self)
        top.addWidget(self.trust)
        top.addWidget(self.badge)
        top.addStretch(1)
        self.body.addLayout(top)
        self.reason = muted_label("", self)
        self.body.addWidget(self.reason)
        ask_row = QVBoxLayout()  # the label above the sizes, so the longest size reads whole
        ask_row.setSpacing(2)
        ask_row.addWidget(QLabel("Before asking for", self))
        self.ask_size = QComboBox(self)
        self.ask_size.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        for size, text in ASK_SIZES.items():
            self.ask_size.addItem(text, size)
            self.ask_size.setItemData(size - 1, ASK_HINTS[size], Qt.ItemDataRole.ToolTipRole)
        self.ask_size.setToolTip("How big is the favour you have in mind?")
        self.ask_size.currentIndexChanged.connect(self._show_ask)
        ask_row.addWidget(self.ask_size, 0, Qt.AlignmentFlag.AlignLeft)
        self.body.addLayout(ask_row)
        verdict_row = QHBoxLayout()
        self.verdict = Badge(self)
        verdict_row.addWidget(self.verdict)
        verdict_row.addStretch(1)
        self.body.addLayout(verdict_row)
        self.ask_actions = QLabel(self)
        self.ask_actions.setWordWrap(True)
        self.ask_actions.setTextFormat(Qt.TextFormat.RichText)
        self.body.addWidget(self.ask_actions)
        self.body.addStretch(1)
        self._health: ContactHealth | None = None

    def set_health(self, health: ContactHealth | None) -> None:
        self._health = health
        if health is None:
            self.trust.setText("Trust —")
            self.badge.show_kind("", "")
            self.reason.setText("")
        else:
            self.trust.setText(f"Trust {health.trust:.0f}")
            self.trust.setToolTip(
                f"Evidence they trust you: {health.trust_evidence_for:.1f} for, "
                f"{health.trust_evidence_against:.1f} against (50 means unknown)"
            )
            self.badge.show_kind(health.classification.capitalize(), health.classification)
            self.badge.setToolTip(health.classification_reason)
            self.reason.setText(health.classification_reason)
        self._show_ask()

    def _show_ask(self) -> None:
        health = self._health
        if health is None:
            self.verdict.show_kind("", "")
            self.ask_actions.setText("")
            return
        size = self.ask_size.currentData()
        ask = next((a for a in health.asks if a.size == size), None)
        if ask is None:
            self.verdict.show_kind("", "")
            return
        self.verdict.show_kind(ask.verdict, VERDICT_KEYS.get(ask.verdict, "no data"))
        c = colours()
        lines = []
        for check in ask.checks:
            mark = f"<span style='color:{c.bands['strong']}'>✓</span>" if check.passed else (
                f"<span style='color:{c.bands['cold']}'>✗</span>")
            text = html.escape(check.detail)
            if not check.passed and check.action:
                text += f"<br><span style='color:{c.muted}'>→ {html.escape(check.action)}</span>"
            lines.append(f"{mark} {text}")
        self.ask_actions.setText("<br>".join(lines))


class WhyCard(Card):
    """The interactions behind one part of health."""

    closed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("Why?", parent)
        close = QToolButton(self)
        close.setText("×")
        close.setAutoRaise(True)
        close.setToolTip("Close")
        close.clicked.connect(self.closed)
        plain_title = self.body.itemAt(0)
        if plain_title is not None and (widget := plain_title.widget()) is not None:
            widget.setParent(None)  # replace the plain title with a row
        row = QHBoxLayout()
        row.addWidget(self.title, 1)
        row.addWidget(close)
        self.body.insertLayout(0, row)
        self.explanation = muted_label("", self)
        self.body.addWidget(self.explanation)
        self.list = QLabel(self)
        self.list.setWordWrap(True)
        self.list.setTextFormat(Qt.TextFormat.RichText)
        self.body.addWidget(self.list)

    def show_part(self, name: str, health: ContactHealth, entries: Sequence[InteractionView],
                  favours: Sequence[FavourView]) -> None:
        part = health.component(name)
        self.title.setText(f"Why {PART_TITLES[name].lower()} is {part.score:.0f}")
        self.explanation.setText(part.explanation)
        rows = [
            f"<b>{e.date:%d %b %Y}</b> · {html.escape(e.kind)} · depth {e.depth}"
            + (f" · {e.minutes} min" if e.minutes else "")
            + (f" · {html.escape(shorten_at_word(e.note.strip().splitlines()[0], 90))}" if e.note.strip() else "")
            for e in entries
        ] + [f"<b>{f.date:%d %b %Y}</b> · favour {html.escape(f.direction)}: {html.escape(f.what)}"
             for f in favours]
        self.list.setText("<br>".join(rows) or "No interactions were used.")


class PromisesCard(Card):
    """Open commitments both ways, each with a done checkbox."""

    toggled = Signal(int, bool)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("Open promises", parent)
        self.rows = QVBoxLayout()
        self.rows.setSpacing(4)
        self.body.addLayout(self.rows)
        self.body.addStretch(1)
        self.boxes: dict[int, QCheckBox] = {}

    def set_commitments(self, commitments: Sequence[CommitmentView], today: dt.date) -> None:
        while self.rows.count():
            row = self.rows.takeAt(0)
            widget = row.widget() if row is not None else None
            if widget:
                widget.hide()  # deleteLater waits for the event loop; never show a stale row
                widget.deleteLater()
        self.boxes = {}
        open_ones = [c for c in commitments if c.is_open]
        recent_done = [c for c in commitments if not c.is_open][:3]
        if not open_ones:
            self.rows.addWidget(muted_label("Nothing open either way.", self))
        for owner, caption in (("mine", "I owe them"), ("theirs", "They owe me")):
            items = [c for c in open_ones if c.owner == owner]
            if not items:
                continue
            self.rows.addWidget(muted_label(caption, self))
            for item in items:
                self._add(item, today)
        if recent_done:
            self.rows.addWidget(muted_label("Recently done", self))
            for item in recent_done:
                self._add(item, today)

    def _add(self, item: CommitmentView, today: dt.date) -> None:
        due = ""
        if item.due_date:
            late = (today - item.due_date).days
            due = f" — due {item.due_date:%d %b}" + (f" ({late} days late)" if late > 0 and item.is_open else "")
        box = QCheckBox(f"{item.text}{due}", self)
        box.setChecked(not item.is_open)
        box.setToolTip(f"Promised on {item.created_on:%d %b %Y}; tick when it is done")
        box.toggled.connect(lambda checked, cid=item.id: self.toggled.emit(cid, checked))
        self.rows.addWidget(box)
        self.boxes[item.id] = box


class FavoursCard(Card):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("Favour ledger", parent)
        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        self.body.addWidget(self.summary)
        self.list = QLabel(self)
        self.list.setWordWrap(True)
        self.list.setTextFormat(Qt.TextFormat.RichText)
        self.body.addWidget(self.list)
        self.body.addStretch(1)

    def set_favours(self, favours: Sequence[FavourView], health: ContactHealth | None) -> None:
        given = sum(1 for f in favours if f.direction == "given")
        received = len(favours) - given
        lines = [favour_tally(given, received)]
        if health:
            lines.append(balance_text(health.giving_balance).capitalize())
        self.summary.setText("\n".join(lines))
        self.summary.setToolTip(
            f"The ledger counts every favour ({IN_ALL}). The giving balance counts them {lately()}. "
            f"Reciprocity, in the health card, counts the favours {last_entries()}."
        )
        c = colours()
        rows = [
            f"<span style='color:{c.muted}'>{f.date:%d %b %Y}</span> "
            f"{'→ I helped' if f.direction == 'given' else '← they helped'}: {html.escape(f.what)}"
            for f in favours[:8]
        ]
        more = f"<br><span style='color:{c.muted}'>… and {len(favours) - 8} more</span>" if len(favours) > 8 else ""
        self.list.setText("<br>".join(rows) + more if rows else f"<span style='color:{c.muted}'>No favours yet.</span>")


class ContactOverview(QScrollArea):
    """The cards in two columns, or one when the window is narrow."""

    TWO_COLUMNS_FROM = 860

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWidgetResizable(True)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        page = QWidget(self)
        page.setObjectName("Page")
        self.grid = QGridLayout(page)
        self.grid.setContentsMargins(16, 8, 16, 16)
        self.grid.setSpacing(12)
        self.health = HealthCard(page)
        self.trust = TrustCard(page)
        self.why = WhyCard(page)
        self.why.hide()
        self.why.closed.connect(self.why.hide)
        self.promises = PromisesCard(page)
        self.favours = FavoursCard(page)
        self.asks = AsksCard(page)  # open asks, answered in place
        self.trajectory = TrajectoryCard(page)
        self._columns = 0
        self._arrange(2)
        self.setWidget(page)

    def _arrange(self, columns: int) -> None:
        if columns == self._columns:
            return
        self._columns = columns
        cards: tuple[Card, ...] = (
            self.health,
            self.trust,
            self.why,
            self.promises,
            self.favours,
            self.asks,
            self.trajectory,
        )
        for card in cards:
            self.grid.removeWidget(card)
        places: tuple[tuple[int, int, int, int], ...]
        if columns == 2:
            places = ((0, 0, 1, 1), (0, 1, 1, 1), (1, 0, 1, 2), (2, 0, 1, 1), (2, 1, 1, 1), (3, 0, 1, 2),
                      (4, 0, 1, 2))
        else:
            places = tuple((row, 0, 1, 1) for row in range(len(cards)))
        for card, place in zip(cards, places, strict=True):
            self.grid.addWidget(card, *place)
        self.grid.setColumnStretch(0, 3)
        self.grid.setColumnStretch(1, 2 if columns == 2 else 0)
        self.grid.setRowStretch(len(cards), 1)

    def resizeEvent(self, event) -> None:  # type: ignore[no-untyped-def]
        self._arrange(2 if event.size().width() >= self.TWO_COLUMNS_FROM else 1)
        super().resizeEvent(event)
