"""The dashboard's cards and how they are laid out for the window's width.

`DashboardView` (gui/dashboard/view.py) computes and shows the figures; this base class
builds its header, the four figure cards, the charts and the two lists, and rearranges
them when the width changes (lists beside the charts, below them, or all stacked).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QStackedLayout,
    QVBoxLayout,
    QWidget,
)

from relationship_journal import clock
from relationship_journal.gui import theme
from relationship_journal.gui.dashboard.panels import (
    Card,
    ChartCard,
    EmptyState,
    FadingList,
    FigureCard,
    OwedList,
)
from relationship_journal.gui.date_field import DateField
from relationship_journal.reports.chart_series import DepthBreadthSeries, NetworkMoment

if TYPE_CHECKING:
    from relationship_journal.reports.charts import ChartPalette

CHART_MIN_HEIGHT = 200
LIST_MIN_HEIGHT = 170
SIDE_WIDTH = 330
WIDE, MEDIUM, NARROW = "wide", "medium", "narrow"
WIDE_MIN_WIDTH = 1180  # two chart columns of ~400 px and the lists beside them
MEDIUM_MIN_WIDTH = 760  # two chart columns of ~360 px, the lists below


class DashboardLayout(QWidget):
    """The dashboard's widgets, empty until the view shows a snapshot in them; the view
    connects the date field and the Today button to its computing."""

    contact_activated = Signal(int)  # a person chosen in the fading or owed list

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("Page")
        self._charts: dict[str, Any] = {}
        self._build()

    # -- layout --------------------------------------------------------------------------
    def _build(self) -> None:
        outer = QVBoxLayout(self)
        outer.setContentsMargins(16, 12, 16, 12)
        outer.setSpacing(10)
        outer.addLayout(self._header())
        self._stack = QStackedLayout()
        self.empty_state = EmptyState()
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
        content = QWidget()
        content.setObjectName("Page")
        scroll.setWidget(content)
        self._stack.addWidget(scroll)
        self._stack.addWidget(self.empty_state)
        outer.addLayout(self._stack, 1)

        body = QVBoxLayout(content)
        body.setContentsMargins(0, 0, 4, 0)
        body.setSpacing(10)
        self._figure_grid = QGridLayout()
        self._figure_grid.setSpacing(10)
        self._figure_cards = self._make_figures()
        body.addLayout(self._figure_grid)
        self._grid = QGridLayout()
        self._grid.setSpacing(10)
        self._chart_cards = self._make_charts()
        self._list_cards = self._make_lists()
        self._mode = ""
        self._arrange(WIDE)
        body.addLayout(self._grid, 1)

    def _header(self) -> QHBoxLayout:
        row = QHBoxLayout()
        title = QLabel("Your network")
        title.setObjectName("EmptyTitle")
        row.addWidget(title)
        row.addStretch(1)
        self.status = QLabel("")
        self.status.setObjectName("Muted")
        row.addWidget(self.status)
        row.addSpacing(12)
        label = QLabel("As of")
        # Typed the user's way, as every date in the window is (a QDateEdit lost the
        # typed day: "15 Mar" over "30 Nov" gave 30 Mar).
        self.date_edit = DateField(clock.today())
        self.date_edit.setAccessibleName("As of")
        self.date_edit.setMinimumWidth(150)
        self.date_edit.setMaximumWidth(190)
        label.setBuddy(self.date_edit)
        self.today_button = QPushButton("Today")
        self.today_button.setToolTip("Back to the network as it is today")
        row.addWidget(label)
        row.addWidget(self.date_edit)
        row.addWidget(self.today_button)
        return row

    def _make_figures(self) -> list[FigureCard]:
        self.breadth_card = FigureCard(
            "Breadth",
            "People you touched in the 365 days before the as-of day, of everyone you know.",
        )
        self.depth_card = FigureCard(
            "Connections",
            "Depth: people who know and trust you, on the evidence: trust, health, "
            "recent contact, their own initiative and at least one confiding conversation.",
        )
        self.trusted_card = FigureCard(
            "Trusted circle",
            "Connections with high trust, strong health and at least 50 hours together.",
        )
        self.index_card = FigureCard(
            "Wide vs deep",
            "log10((breadth + 1) / (depth + 1)): 0.5 or less is deep, over 1.5 is "
            "a mile wide and an inch deep.",
        )
        return [self.breadth_card, self.depth_card, self.trusted_card, self.index_card]

    def _make_charts(self) -> list[ChartCard]:
        from relationship_journal.reports import charts  # pyqtgraph: only when a chart is shown
        from relationship_journal.reports.people_picture import people_picture_chart

        palette = self._palette()
        self._chart_builders: dict[str, Callable[[Any, ChartPalette], Any]] = {
            "depth_breadth": charts.depth_breadth_chart,
            "occupancy": charts.circle_occupancy_chart,
            "health": charts.health_distribution_chart,
            "weekly": charts.interactions_per_week_chart,
            "people": people_picture_chart,
        }
        empty = _empty_series()
        tips = {
            "depth_breadth": "Month by month: how many people you kept up with (breadth) against how "
            "many of them know and trust you (connections, trusted circle).",
            "occupancy": "How many people you placed in each circle, against what a person can keep "
            "up at that circle's cadence (5 / 10 / 35 / 100 / 350). Red: over 1.5×.",
            "health": "Everyone's relationship health, coloured by band: strong 70+, steady 50–69, "
            "cooling 30–49, cold under 30.",
            "weekly": "Journal entries per calendar week over the last year; a dinner with three "
            "people counts once.",
            "people": "Your trusted circle (gold, named) and connections (green) around you, grouped "
            "by who knows whom; a line joins people who know each other or were met together.",
        }
        cards = []
        for name, builder in self._chart_builders.items():
            widget = charts.chart_widget(builder, empty[name], palette)
            widget.setMinimumHeight(CHART_MIN_HEIGHT)
            widget.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
            widget.setObjectName(f"chart_{name}")
            widget.setToolTip(tips[name])
            self._charts[name] = widget
            cards.append(ChartCard(widget))
        return cards

    def _make_lists(self) -> list[Card]:
        fading = Card("Fading")
        self.fading_caption = QLabel(
            "With no new contact, these fall below health 50 within the fading horizon."
        )
        self.fading_caption.setObjectName("Muted")
        self.fading_caption.setWordWrap(True)
        self.fading_list = FadingList("Nobody is fading: every close tie is holding.")
        self.fading_list.setObjectName("fading_list")
        fading.body.addWidget(self.fading_caption)
        fading.body.addWidget(self.fading_list, 1)
        owed = Card("You owe")
        self.owed_caption = QLabel("Promises still open (overdue in red), and help to return.")
        self.owed_caption.setObjectName("Muted")
        self.owed_caption.setWordWrap(True)
        self.owed_list = OwedList("Nothing owed: every promise kept.")
        self.owed_list.setObjectName("owed_list")
        owed.body.addWidget(self.owed_caption)
        owed.body.addWidget(self.owed_list, 1)
        self.fading_list.contact_activated.connect(self.contact_activated)
        self.owed_list.contact_activated.connect(self.contact_activated)
        return [fading, owed]

    def _arrange(self, mode: str) -> None:
        """Lay the cards out for the width: lists beside the charts, below them, or all stacked."""
        if mode == self._mode:
            return
        self._mode = mode
        card: Card  # each loop below walks a different kind of card
        for card in self._figure_cards:
            self._figure_grid.removeWidget(card)
        for column in range(4):
            self._figure_grid.setColumnStretch(column, 0)
        if mode == NARROW:  # two by two, so the big numbers keep their room
            for index, card in enumerate(self._figure_cards):
                self._figure_grid.addWidget(card, index // 2, index % 2)
                self._figure_grid.setColumnStretch(index % 2, 1)
        else:
            for index, card in enumerate(self._figure_cards):
                self._figure_grid.addWidget(card, 0, index)
                self._figure_grid.setColumnStretch(index, 5 if card is self.index_card else 2)
        for card in (*self._chart_cards, *self._list_cards):
            self._grid.removeWidget(card)
        for column in range(3):
            self._grid.setColumnStretch(column, 0)
        for row in range(6):
            self._grid.setRowStretch(row, 0)
        if mode == WIDE:
            for index, card in enumerate(self._chart_cards):
                span = 2 if index == len(self._chart_cards) - 1 and index % 2 == 0 else 1
                self._grid.addWidget(card, index // 2, index % 2, 1, span)
            for row, card in enumerate(self._list_cards):
                card.setFixedWidth(SIDE_WIDTH)
                self._grid.addWidget(card, row, 2)
            self._grid.setColumnStretch(0, 1)
            self._grid.setColumnStretch(1, 1)
            self._grid.setRowStretch(0, 1)
            self._grid.setRowStretch(1, 1)
            self._grid.setRowStretch(2, 1)
            return
        for card in self._list_cards:
            card.setMinimumWidth(0)
            card.setMaximumWidth(16777215)
            card.setMinimumHeight(LIST_MIN_HEIGHT)
        if mode == MEDIUM:  # charts share the height; the lists keep a readable few rows
            for index, card in enumerate((*self._chart_cards, *self._list_cards)):
                self._grid.addWidget(card, index // 2, index % 2)
            self._grid.setColumnStretch(0, 1)
            self._grid.setColumnStretch(1, 1)
            self._grid.setRowStretch(0, 3)
            self._grid.setRowStretch(1, 3)
            self._grid.setRowStretch(2, 2)
        else:
            for row, card in enumerate((*self._chart_cards, *self._list_cards)):
                self._grid.addWidget(card, row, 0)
            self._grid.setColumnStretch(0, 1)

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 (Qt's name)
        super().resizeEvent(event)
        width = event.size().width()
        self._arrange(
            WIDE if width >= WIDE_MIN_WIDTH else MEDIUM if width >= MEDIUM_MIN_WIDTH else NARROW
        )

    def _palette(self) -> Any:
        from relationship_journal.reports import charts

        c = theme.colours()
        base = charts.palette_for(c.name)
        return dataclasses.replace(
            base, background=c.card, text=c.text, muted=c.muted, bands={**base.bands, **c.bands}
        )


def _empty_series() -> dict[str, Any]:
    """Blank charts to show until the first computation lands."""
    from relationship_journal.health import DEFAULTS
    from relationship_journal.reports.chart_series import (
        circle_occupancy,
        health_histogram,
        interactions_per_week,
    )
    from relationship_journal.reports.people_picture import PeoplePicture

    today = clock.today()
    return {
        "depth_breadth": DepthBreadthSeries((NetworkMoment(today, 0, 0, 0),)),
        "occupancy": circle_occupancy({}, DEFAULTS.circle_capacity, DEFAULTS.overload_factor),
        "health": health_histogram([]),
        "weekly": interactions_per_week({}, today),
        "people": PeoplePicture((), (), 0),
    }
