"""The asks card on a person's Overview: what I asked of them, and how they answered.

An open ask waits for its answer; a button on its row records it (said yes, declined,
ignored) as one undoable step, through the same journal call as Edit ▸ Record an ask's
outcome. Declined and ignored asks lower trust, and an open one blocks the next ask,
so the answer belongs where the trust figure is read.
"""

from __future__ import annotations

import datetime as dt
import html
from collections.abc import Sequence
from typing import cast

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from relationship_journal.gui.cards import Card, muted_label
from relationship_journal.gui.theme import colours
from relationship_journal.journal.records import AskView

ASK_SIZE_WORDS = {1: "small ask", 2: "medium ask", 3: "big ask"}
ANSWERS = (
    ("helped", "Said yes", "They helped (or agreed to)"),
    ("declined", "Declined", "They said no (lowers trust a little)"),
    ("ignored", "Ignored", "No answer after a fair while (lowers trust)"),
)
ANSWER_WORDS = {"helped": "said yes", "declined": "declined", "ignored": "ignored"}
RECENT_ANSWERS = 3


def _since(day: dt.date, today: dt.date) -> str:
    days = (today - day).days
    if days <= 0:
        return "today"
    return "yesterday" if days == 1 else f"{days} days ago"


class AsksCard(Card):
    """Open asks with their answer buttons, then the few answered most lately."""

    answered = Signal(int, str, str)  # ask id, what was asked, outcome

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("Asks", parent)
        self.rows = QVBoxLayout()
        self.rows.setSpacing(6)
        self.body.addLayout(self.rows)
        self.body.addStretch(1)
        self.buttons: dict[int, dict[str, QPushButton]] = {}  # ask id → outcome → its button
        self._answers: dict[QPushButton, tuple[int, str, str]] = {}

    def set_asks(self, asks: Sequence[AskView], today: dt.date) -> None:
        while self.rows.count():
            item = self.rows.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.hide()  # deleteLater waits for the event loop; never show a stale row
                widget.deleteLater()
        self.buttons, self._answers = {}, {}
        open_asks = sorted((a for a in asks if a.outcome == "open"), key=lambda a: (a.date, a.id))
        answered = sorted(
            (a for a in asks if a.outcome != "open"),
            key=lambda a: (a.resolved_on or a.date, a.id),
            reverse=True,
        )[:RECENT_ANSWERS]
        if not open_asks:
            self.rows.addWidget(
                muted_label(
                    "No ask is waiting on them. Note one in the composer (“I asked them for”) "
                    "or with Edit ▸ Record an ask…",
                    self,
                )
            )
        for ask in open_asks:
            self.rows.addWidget(self._open_row(ask, today))
        if answered:
            self.rows.addWidget(muted_label("Answered lately", self))
            c = colours()
            for ask in answered:
                colour = c.bands["strong"] if ask.outcome == "helped" else c.bands["cold"]
                when = f"{ask.resolved_on:%d %b %Y}" if ask.resolved_on else ""
                line = QLabel(
                    f"<span style='color:{colour}'>{ANSWER_WORDS.get(ask.outcome, ask.outcome)}</span>"
                    f" · {html.escape(ask.what)} <span style='color:{c.muted}'>{when}</span>",
                    self,
                )
                line.setWordWrap(True)
                line.setTextFormat(Qt.TextFormat.RichText)
                self.rows.addWidget(line)

    def _open_row(self, ask: AskView, today: dt.date) -> QWidget:
        row = QWidget(self)
        layout = QHBoxLayout(row)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(6)
        c = colours()
        text = QLabel(
            f"{html.escape(ask.what)} <span style='color:{c.muted}'>· "
            f"{ASK_SIZE_WORDS.get(ask.size, '')} · asked {_since(ask.date, today)}</span>",
            row,
        )
        text.setTextFormat(Qt.TextFormat.RichText)
        text.setWordWrap(True)
        text.setToolTip(f"Asked on {ask.date:%d %b %Y}; still open — how did they answer?")
        layout.addWidget(text, 1)
        self.buttons[ask.id] = {}
        for outcome, label, tip in ANSWERS:
            button = QPushButton(label, row)
            button.setAutoDefault(False)
            button.setToolTip(f"{tip}. Ctrl+Z undoes it.")
            button.setAccessibleName(f"{label}: {ask.what}")
            button.clicked.connect(self._answer)
            self._answers[button] = (ask.id, ask.what, outcome)
            layout.addWidget(button)
            self.buttons[ask.id][outcome] = button
        return row

    def _answer(self) -> None:
        answer = self._answers.get(cast(QPushButton, self.sender()))
        if answer is not None:
            self.answered.emit(*answer)

