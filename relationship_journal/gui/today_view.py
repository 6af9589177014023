"""The Today view: what deserves attention today, one card per item with its actions.

The items come from `journal.agenda` (read on a worker); each card says why in one
line and offers one-click actions — log a touch (the composer, prefilled), snooze
(1 day, 1 week, until a date) and done — each an undoable step. Cards are plain
widgets, so each section shows its first few and a "Show more" button adds the rest a
batch at a time: a large journal's hundreds of promises due would otherwise be
thousands of widgets, laid out on the GUI thread for seconds.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import QDate, QEvent, Qt, QTimer, Signal
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import (
    QCalendarWidget,
    QDialog,
    QDialogButtonBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QMenu,
    QPushButton,
    QScrollArea,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from relationship_journal.gui.theme import colours
from relationship_journal.gui.worker import Operation, Progress
from relationship_journal.journal.agenda import TodayAgenda, TodayItem
from relationship_journal.journal.core import Journal

SECTIONS = (
    ("touch", "Keep in touch — ranked by what one touch would buy"),
    ("birthday", "Birthdays and dates this week"),
    ("promise", "Promises due, both ways"),
    ("ask", "Asks waiting for an answer"),
    ("favour", "Favours to return"),
    ("introduction", "An introduction you could make this week"),
)


SHOWN_AT_FIRST = 10  # cards per section before "Show more"
LEFT_TO_RIGHT = "\u200e"  # a left-to-right mark: the sentence's direction, whatever script opens it
SHOWN_PER_CLICK = 25
CARDS_PER_TURN = 4  # a card takes 3-4 ms to build, polish and lay out: a batch stays under 50 ms


def _section(item: TodayItem) -> str:
    return {"date": "birthday", "fading": "touch", "cadence": "touch"}.get(item.kind, item.kind)


def _source_words(source: dict[str, Any]) -> str:
    """Where an item comes from: 'From the commitment #12 of 2026-11-13'."""
    kind = str(source.get("type", "entry")).replace("_", " ")
    number = f" #{source['id']}" if source.get("id") is not None else ""
    day = f" of {source['date']}" if source.get("date") else ""
    return f"From the {kind}{number}{day}"


class UntilDialog(QDialog):
    """Pick the day a snoozed item comes back."""

    def __init__(self, as_of: dt.date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Snooze until")
        layout = QVBoxLayout(self)
        self.calendar = QCalendarWidget(self)
        tomorrow = as_of + dt.timedelta(days=1)
        self.calendar.setMinimumDate(QDate(tomorrow.year, tomorrow.month, tomorrow.day))
        week = as_of + dt.timedelta(days=14)
        self.calendar.setSelectedDate(QDate(week.year, week.month, week.day))
        layout.addWidget(self.calendar)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def chosen(self) -> dt.date:
        day = self.calendar.selectedDate()
        return dt.date(day.year(), day.month(), day.day())


class TitleLink(QLabel):
    """A card's title, opening the person on a click. Plain text: a rich-text label lays
    out a whole document again each time a layout asks its height, and a Today of fifty
    cards asked thousands of times (a tenth of a second per batch of cards)."""

    clicked = Signal()

    def __init__(self, text: str, parent: QWidget) -> None:
        super().__init__(LEFT_TO_RIGHT + text, parent)
        self.setObjectName("CardLink")
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setCursor(Qt.CursorShape.PointingHandCursor)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:  # noqa: N802 (Qt's name)
        if event.button() == Qt.MouseButton.LeftButton and self.rect().contains(event.position().toPoint()):
            self.clicked.emit()
        super().mouseReleaseEvent(event)


class ReasonLabel(QLabel):
    """A card's wrapped, selectable reason, remembering its height at each width. A
    selectable label keeps its text in a document and lays it all out again each time a
    layout asks its height: building Today's cards asked thousands of times."""

    def __init__(self, text: str, parent: QWidget) -> None:
        super().__init__(text, parent)
        self._heights: dict[int, int] = {}

    def heightForWidth(self, width: int) -> int:  # noqa: N802 (Qt's name)
        height = self._heights.get(width)
        if height is None:
            height = self._heights[width] = super().heightForWidth(width)
        return height

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt's name)
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.StyleChange):
            self._heights.clear()  # the text never changes; its font can
        super().changeEvent(event)


class ItemCard(QFrame):
    """One Today item: its title, its reason, the touch value, and its actions."""

    def __init__(self, item: TodayItem, view: TodayView, parent: QWidget | None = None) -> None:
        super().__init__(parent or view)
        self.item = item
        self.setObjectName("Card")
        outer = QHBoxLayout(self)
        outer.setContentsMargins(14, 8, 14, 8)
        outer.setSpacing(12)
        layout = QVBoxLayout()
        layout.setSpacing(2)
        outer.addLayout(layout, 1)
        top = QHBoxLayout()
        # The sentences are English: laid out left to right even when a name in another
        # script opens them ("يوسف منصور’s birthday" read "s birthday’يوسف منصور").
        self.title = TitleLink(item.title, self)
        self.title.setToolTip("Open their page")
        self.title.clicked.connect(lambda: view.open_contact.emit(item.contact_ids[0]))
        top.addWidget(self.title)
        if item.gain is not None:
            top.addWidget(self._gain_pill(item.gain))
        top.addStretch(1)
        layout.addLayout(top)
        self.reason = ReasonLabel(LEFT_TO_RIGHT + item.reason, self)
        self.reason.setTextFormat(Qt.TextFormat.PlainText)
        self.reason.setWordWrap(True)
        self.reason.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.reason.setProperty("muted", True)
        self.reason.setToolTip(_source_words(item.source))
        layout.addWidget(self.reason)
        row = QHBoxLayout()
        row.setSpacing(6)
        if "make_introduction" in item.actions:
            primary = QPushButton("Make the introduction", self)
            primary.setToolTip("Logs a favour given to both of them")
            primary.clicked.connect(lambda: view.introduce.emit(item))
        else:
            primary = QPushButton("Log a touch…", self)
            primary.setToolTip("Open the composer for them, ready to save")
            primary.clicked.connect(lambda: view.log_touch.emit(item))
        primary.setObjectName("Primary")
        self.primary = primary
        self.snooze = QToolButton(self)
        self.snooze.setText("Snooze")
        self.snooze.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        menu = QMenu(self.snooze)
        self.snooze_actions = {
            "1 day": menu.addAction("For 1 day", lambda: view.snooze_for(item, 1)),
            "1 week": menu.addAction("For 1 week", lambda: view.snooze_for(item, 7)),
            "until": menu.addAction("Until a date…", lambda: view.snooze_until(item)),
        }
        self.snooze.setMenu(menu)
        self.done = QPushButton("Done" if item.kind != "promise" else "Mark kept", self)
        self.done.setToolTip("Take it off Today (Ctrl+Z brings it back)")
        self.done.clicked.connect(lambda: view.settle.emit(item))
        row.addWidget(primary)
        row.addWidget(self.snooze)
        row.addWidget(self.done)
        outer.addLayout(row)

    def _gain_pill(self, gain: dict[str, Any]) -> QLabel:
        """'+11 with a call' (or with a meeting, when a call would not lift health)."""
        text = f"+{gain['shown_gain']} with a {gain['shown_with']}"
        pill = QLabel(text, self)
        pill.setObjectName("Badge")
        pill.setStyleSheet(f"QLabel#Badge {{ background: {colours().accent}; color: #ffffff; }}")
        pill.setToolTip(
            "Health tomorrow with this touch today, minus without it (the health model)"
        )
        return pill


class AgendaSection(QWidget):
    """One section's title and cards; the first few at once, the rest on asking."""

    def __init__(
        self, title: str, items: list[TodayItem], view: TodayView, shown: int = SHOWN_AT_FIRST
    ) -> None:
        super().__init__(view._body)
        self.title = title
        self._items, self._view = items, view
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._layout.setSpacing(8)
        label = QLabel(title if len(items) <= SHOWN_AT_FIRST else f"{title} ({len(items):,})", self)
        label.setObjectName("CardTitle")
        self._layout.addWidget(label)
        self.more = QPushButton(self)
        self.more.setToolTip("Show the next cards of this section")
        self.more.clicked.connect(self.show_more)
        self._layout.addWidget(self.more, 0, Qt.AlignmentFlag.AlignLeft)
        self.cards: list[ItemCard] = []
        self.wanted = min(len(items), max(shown, SHOWN_AT_FIRST))  # cards `grow` builds up to
        self.more.setVisible(False)

    def grow(self, count: int) -> int:
        """Build up to `count` more of the cards first shown; how many it built."""
        return len(self._add(min(count, self.wanted - len(self.cards))))

    def show_more(self) -> None:
        """The next batch of cards; the keyboard moves to the first of them."""
        added = self._add(SHOWN_PER_CLICK)
        if added:
            added[0].primary.setFocus(Qt.FocusReason.TabFocusReason)
            scroll = self._view._scroll
            QTimer.singleShot(0, scroll, lambda: scroll.ensureWidgetVisible(added[0]))

    def _add(self, count: int) -> list[ItemCard]:
        start = len(self.cards)
        if count <= 0:
            return []
        added = [ItemCard(item, self._view, self) for item in self._items[start : start + count]]
        for card in added:
            self._layout.insertWidget(self._layout.count() - 1, card)
            card.show()  # now, not with the next events: a hidden card takes no focus
        self.cards.extend(added)
        self._view.order_tabs()
        left = len(self._items) - len(self.cards)
        self.more.setVisible(left > 0)
        if left <= SHOWN_PER_CLICK:
            self.more.setText("Show the last one" if left == 1 else f"Show the other {left}")
        else:
            self.more.setText(f"Show {SHOWN_PER_CLICK} more ({left:,} left)")
        return added


class TodayView(QWidget):
    """Today's agenda; the window wires its signals to steps on the undo stack."""

    loaded = Signal()
    open_contact = Signal(int)
    log_touch = Signal(object)  # TodayItem
    settle = Signal(object)
    introduce = Signal(object)
    snooze = Signal(object, object)  # TodayItem, until (date)

    def __init__(self, journal: Journal, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("Page")
        self.journal = journal
        self.as_of = dt.date.min
        self.agenda: TodayAgenda | None = None
        self.sections: list[AgendaSection] = []
        self._generation = 0
        self._filling = 0  # the agenda whose cards are being built
        self.filled = False  # every card of the agenda first shown is built (then `loaded`)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(18, 14, 18, 8)
        self.heading = QLabel("Today", self)
        self.heading.setObjectName("EmptyTitle")
        outer.addWidget(self.heading)
        self.summary = QLabel("Looking at your journal…", self)
        self.summary.setProperty("muted", True)
        outer.addWidget(self.summary)
        self._scroll = QScrollArea(self)
        self._scroll.setWidgetResizable(True)
        self._scroll.setFrameShape(QFrame.Shape.NoFrame)
        outer.addWidget(self._scroll, 1)
        self._body = QWidget()
        self._body.setObjectName("Page")
        self._scroll.setWidget(self._body)
        self._layout = QVBoxLayout(self._body)
        self._layout.setContentsMargins(0, 6, 8, 6)
        self._layout.setSpacing(8)

    def refresh(self, as_of: dt.date) -> None:
        """Read Today's items in the background and show them when they arrive."""
        self._generation += 1
        generation, journal = self._generation, self.journal
        self.as_of = as_of

        def work(progress: Progress) -> TodayAgenda:
            progress.step("Looking at today")
            return journal.agenda.today(as_of)

        def done(agenda: TodayAgenda) -> None:
            if generation == self._generation:
                self.show_agenda(agenda)

        def failed(error: BaseException) -> None:
            if generation == self._generation:
                self.summary.setText(f"Today could not be read: {error}")

        Operation(self, work, done, failed).run()

    def show_agenda(self, agenda: TodayAgenda) -> None:
        """Show `agenda`; a section opened further keeps as many cards, and the scroll
        stays where it was (Done on the 30th card must not fold the list back to ten)."""
        shown = {section.title: len(section.cards) for section in self.sections}
        scrolled = self._scroll.verticalScrollBar().value()
        self.agenda = agenda
        self.heading.setText(f"Today — {agenda.as_of:%A %d %B}")
        while self._layout.count():
            child = self._layout.takeAt(0)
            widget = child.widget() if child is not None else None
            if widget is not None:
                widget.deleteLater()
        self.sections = []
        count = len(agenda.items)
        parts = [
            f"{count} thing{'s' * (count != 1)} deserve{'s' * (count == 1)} your attention"
            if count
            else "Nothing needs you today — a good day to write down a meeting"
        ]
        if agenda.more_touches:
            more = agenda.more_touches
            parts.append(f"{more} more {'person is' if more == 1 else 'people are'} due a touch")
        if agenda.hidden:
            parts.append(f"{agenda.hidden} snoozed or done")
        self.summary.setText("; ".join(parts) + ".")
        for key, title in SECTIONS:
            items = [i for i in agenda.items if _section(i) == key]
            if items:
                self.sections.append(AgendaSection(title, items, self, shown.get(title, 0)))
                self._layout.addWidget(self.sections[-1])
        self._layout.addStretch(1)
        self._filling += 1
        self.filled = False
        self._fill(self._filling, scrolled)

    def _fill(self, filling: int, scrolled: int) -> None:
        """Build the cards a batch per turn of the event loop, top section first: fifty
        at once kept the window from its events for 60 ms after every change. The next
        batch waits on a timer, not a zero-delay call: Qt runs a zero-delay call as a
        posted event, right after the last batch's layout, before timers and input."""
        if filling != self._filling:
            return  # a newer agenda replaced these sections
        budget = CARDS_PER_TURN
        for section in self.sections:
            budget -= section.grow(budget)
            if budget <= 0:
                QTimer.singleShot(1, self, lambda: self._fill(filling, scrolled))
                return
        if scrolled:  # once the new cards are laid out, so that the old position exists
            bar = self._scroll.verticalScrollBar()
            QTimer.singleShot(0, bar, lambda: bar.setValue(scrolled))
        self.filled = True
        self.loaded.emit()

    def order_tabs(self) -> None:
        """Tab walks the sections top to bottom, each card's buttons, then "Show more".
        New cards join the end of the window's Tab chain, wherever they sit: without this,
        Tab from a section's last button could jump past the next section."""
        chain = [
            widget
            for section in self.sections
            for widget in (*(w for card in section.cards for w in (card.primary, card.snooze, card.done)),
                           section.more)
        ]
        for before, after in zip(chain, chain[1:], strict=False):
            QWidget.setTabOrder(before, after)

    @property
    def cards(self) -> list[ItemCard]:
        """The cards on screen, section by section (a section's hidden rest excluded)."""
        return [card for section in self.sections for card in section.cards]

    def count(self) -> int:
        return len(self.agenda.items) if self.agenda else 0

    def snooze_for(self, item: TodayItem, days: int) -> None:
        self.snooze.emit(item, self.as_of + dt.timedelta(days=days))

    def snooze_until(self, item: TodayItem) -> None:
        dialog = UntilDialog(self.as_of, self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.snooze.emit(item, dialog.chosen())

    def card_for(self, key: str) -> Any:
        return next((card for card in self.cards if card.item.key == key), None)
