"""The dashboard's building blocks: figure cards and the lists of people to act on.

They take plain figures and show them; none of them reads the journal. Cards use the
app style sheet's `Card` / `CardTitle` / `Muted` names so they match the contact page.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, QSize, Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QFrame,
    QHeaderView,
    QLabel,
    QSizePolicy,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from relationship_journal.gui import cards
from relationship_journal.gui.dashboard.snapshot import OwedFavour, OwedReply
from relationship_journal.gui.dashboard.words import days_phrase, short_date
from relationship_journal.health import FadingEntry
from relationship_journal.health.windows import balance_text

CONTACT_ID_ROLE = Qt.ItemDataRole.UserRole


class Card(cards.Card):
    """The app's card (gui/cards.py), set a little tighter for the dashboard's figures."""

    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(title, parent, spacing=4)


class FigureCard(Card):
    """One network figure: a big number and a line saying what it means."""

    def __init__(self, title: str, tooltip: str, parent: QWidget | None = None) -> None:
        super().__init__(title, parent)
        self.setToolTip(tooltip)
        self.value = QLabel("–")
        font = self.value.font()
        font.setPointSizeF(font.pointSizeF() * 2.0)
        font.setBold(True)
        self.value.setFont(font)
        self.caption = QLabel("")
        self.caption.setObjectName("Muted")
        self.caption.setWordWrap(True)
        self.caption.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.body.addWidget(self.value)
        self.body.addWidget(self.caption, 1)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.setMinimumWidth(150)

    def show_figure(self, value: str, caption: str, colour: str | None = None) -> None:
        self.value.setText(value)
        self.value.setStyleSheet(f"color: {colour};" if colour else "")
        self.caption.setText(caption)


class ChartCard(Card):
    """A card holding one chart; a modest size hint lets the grid share the height."""

    def __init__(self, chart: QWidget, parent: QWidget | None = None) -> None:
        super().__init__("", parent)
        self.title.hide()
        self.body.setContentsMargins(4, 4, 4, 4)
        self.body.addWidget(chart)

    def sizeHint(self) -> QSize:  # noqa: N802 (Qt's name)
        return QSize(420, 215)


class _RoomyRows(QStyledItemDelegate):
    """Rows a few pixels taller than the default, so the lists read like the rest of the app."""

    def sizeHint(  # noqa: N802
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QSize:
        hint = super().sizeHint(option, index)
        return QSize(hint.width(), hint.height() + 6)


class PeopleList(QTreeWidget):
    """Two columns (who, what); a click or Enter on a row emits `contact_activated(id)`."""

    contact_activated = Signal(int)

    def __init__(self, empty_text: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._empty_text = empty_text
        self.setColumnCount(2)
        self.setHeaderHidden(True)
        self.setRootIsDecorated(False)
        self.setIndentation(0)
        self.setUniformRowHeights(True)
        self.setAllColumnsShowFocus(True)
        self.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setVerticalScrollMode(QTreeWidget.ScrollMode.ScrollPerPixel)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        # No widget style sheet here: it would restyle the scroll bars apart from the app's.
        self.viewport().setAutoFillBackground(False)
        self.setItemDelegate(_RoomyRows(self))
        header = self.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Interactive)
        self._pending: list[QTreeWidgetItem] = []
        self.itemClicked.connect(self._activate)
        self.itemActivated.connect(self._activate)

    def sizeHint(self) -> QSize:  # noqa: N802 (Qt's name)
        return QSize(300, 110)

    def _activate(self, item: QTreeWidgetItem, _column: int = 0) -> None:
        contact_id = item.data(0, CONTACT_ID_ROLE)
        if contact_id is not None:
            self.contact_activated.emit(int(contact_id))

    def _add(self, who: str, what: str, contact_id: int | None, tooltip: str = "",
             colour: str | None = None) -> None:
        item = QTreeWidgetItem([who, what])
        item.setData(0, CONTACT_ID_ROLE, contact_id)
        item.setTextAlignment(1, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        for column in (0, 1):
            if tooltip:
                item.setToolTip(column, tooltip)
            if colour:
                item.setForeground(column, QColor(colour))
        if contact_id is None:
            item.setFlags(Qt.ItemFlag.NoItemFlags)
        self._pending.append(item)

    def _begin(self) -> None:
        self.clear()
        self._pending = []

    def _finish(self, count: int) -> None:
        """Insert all rows at once: one layout pass instead of one per row."""
        if count == 0:
            self._add(self._empty_text, "", None)
        self.addTopLevelItems(self._pending)
        for item in self._pending:
            if item.data(0, CONTACT_ID_ROLE) is None:
                item.setFirstColumnSpanned(True)
        self._pending = []
        self.resizeColumnToContents(1)

    def ids(self) -> list[int]:
        """The contact ids shown, top to bottom (for tests and keyboard users)."""
        items = (self.topLevelItem(i) for i in range(self.topLevelItemCount()))
        found = (item.data(0, CONTACT_ID_ROLE) for item in items if item is not None)
        return [int(i) for i in found if i is not None]

    def row_rect(self, contact_id: int) -> QRect:
        """Where a person's row is drawn, in viewport coordinates (to click it)."""
        for i in range(self.topLevelItemCount()):
            item = self.topLevelItem(i)
            if item is not None and item.data(0, CONTACT_ID_ROLE) == contact_id:
                return self.visualItemRect(item)
        raise KeyError(contact_id)


class FadingList(PeopleList):
    """Who falls below health 50 soon with no new contact, soonest first, and why."""

    def show_entries(self, entries: Sequence[FadingEntry], as_of: dt.date, warn: str) -> None:
        self._begin()
        for entry in entries:
            soon = (entry.fade_date - as_of).days <= 14
            self._add(
                entry.name,
                f"{short_date(entry.fade_date, as_of)} · {days_phrase(entry.fade_date, as_of)}",
                entry.contact_id,
                f"{entry.name} falls below health 50 on {entry.fade_date:%A %d %B %Y}. "
                f"{entry.cause_text}\nClick to open.",
                warn if soon else None,
            )
        self._finish(len(entries))


class OwedList(PeopleList):
    """Promises of mine still open, then people whose help I have yet to return."""

    def show_owed(self, replies: Sequence[OwedReply], favours: Sequence[OwedFavour],
                  as_of: dt.date, warn: str) -> None:
        self._begin()
        for reply in replies:
            when = "no date" if reply.due is None else short_date(reply.due, as_of)
            self._add(
                f"{reply.name}: {reply.text}",
                when,
                reply.contact_id,
                f"I promised {reply.name}: {reply.text}"
                + (f"\n{'Was due' if reply.overdue else 'Due'} {reply.due:%d %B %Y}." if reply.due else ""),
                warn if reply.overdue else None,
            )
        for favour in favours:
            self._add(
                favour.name,
                "a favour",
                favour.contact_id,
                f"{favour.name} has helped you more than you have helped them: "
                f"{balance_text(favour.balance)}. A good moment to give something back.",
            )
        self._finish(len(replies) + len(favours))


class EmptyState(QWidget):
    """What the dashboard says before there is anything to show."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        title = QLabel("Your network will appear here")
        title.setObjectName("EmptyTitle")
        title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        text = QLabel(
            "The dashboard shows how deep your network is against how wide, who is fading "
            "and who you owe a reply or a favour.\nAdd the people you know and log a few "
            "conversations, or load the demo network from the File menu to explore."
        )
        text.setObjectName("Muted")
        text.setWordWrap(True)
        text.setAlignment(Qt.AlignmentFlag.AlignCenter)
        text.setMaximumWidth(560)
        layout.addWidget(title)
        layout.addSpacing(8)
        layout.addWidget(text, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addStretch(2)
