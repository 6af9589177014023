"""The health gauges: a dial for the score and six bars for its parts.

Each part explains itself on hover (the model's own sentence) and, when clicked,
asks the page to list the interactions behind it (the "why?" panel).
"""

from __future__ import annotations

from PySide6.QtCore import QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QFont, QPainter, QPen
from PySide6.QtWidgets import QGridLayout, QLabel, QSizePolicy, QToolButton, QWidget

from relationship_journal.gui.resources import icon
from relationship_journal.gui.theme import colours
from relationship_journal.health import ContactHealth
from relationship_journal.reports.words import PART_TITLES

PART_HINTS = {
    "recency": "How recently you were in touch, against the cadence you chose",
    "frequency": "How often you were in touch, against the cadence",
    "consistency": "How regular the rhythm is (bursts then silence score low)",
    "depth": "How deep the last dozen conversations went",
    "reciprocity": "Who reaches out, and favours given and received",
    "investment": "Hours spent together, older hours counting less",
}


class HealthDial(QWidget):
    """A 270° arc filled to the health score, coloured by band, the number inside."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.score: int | None = None
        self.band = "no data"
        self.setMinimumSize(140, 140)
        self.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)

    def sizeHint(self) -> QSize:
        return QSize(150, 150)

    def set_value(self, score: int | None, band: str) -> None:
        self.score, self.band = score, band
        self.setToolTip(f"Health {score if score is not None else '—'} of 100: {band}")
        self.update()

    def paintEvent(self, _event: object) -> None:
        c = colours()
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        side = min(self.width(), self.height()) - 16
        rect = QRectF((self.width() - side) / 2, (self.height() - side) / 2, side, side)
        pen = QPen(QColor(c.track), 12, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap)
        painter.setPen(pen)
        painter.drawArc(rect, 225 * 16, -270 * 16)
        if self.score is not None:
            pen.setColor(QColor(c.bands.get(self.band, c.muted)))
            painter.setPen(pen)
            painter.drawArc(rect, 225 * 16, int(-270 * 16 * self.score / 100))
        painter.setPen(QColor(c.text))
        font = QFont(self.font())
        font.setPointSizeF(self.font().pointSizeF() * 2.4)
        font.setWeight(QFont.Weight.Bold)
        painter.setFont(font)
        painter.drawText(rect.adjusted(0, -8, 0, -8), Qt.AlignmentFlag.AlignCenter,
                         "—" if self.score is None else str(self.score))
        small = QFont(self.font())
        painter.setFont(small)
        painter.setPen(QColor(c.muted))
        painter.drawText(rect.adjusted(0, side * 0.36, 0, 0), Qt.AlignmentFlag.AlignCenter, self.band)
        painter.end()


class PartBar(QWidget):
    """One part's bar; the colour follows the part's own score."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.score = 0.0
        self.setMinimumSize(80, 14)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)

    def sizeHint(self) -> QSize:
        return QSize(160, 14)

    def set_score(self, score: float) -> None:
        self.score = score
        self.update()

    def paintEvent(self, _event: object) -> None:
        c = colours()
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(Qt.PenStyle.NoPen)
        bar = QRectF(0, (self.height() - 8) / 2, self.width(), 8)
        painter.setBrush(QColor(c.track))
        painter.drawRoundedRect(bar, 4, 4)
        band = "strong" if self.score >= 70 else "steady" if self.score >= 50 else (
            "cooling" if self.score >= 30 else "cold")
        painter.setBrush(QColor(c.bands[band]))
        painter.drawRoundedRect(QRectF(0, bar.top(), max(6.0, bar.width() * self.score / 100), 8), 4, 4)
        painter.end()


class PartBars(QWidget):
    """The six parts with label, bar, score and a "why?" button each."""

    why_requested = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setHorizontalSpacing(8)
        grid.setVerticalSpacing(4)
        self._rows: dict[str, tuple[QLabel, PartBar, QLabel, QToolButton]] = {}
        for row, (name, label) in enumerate(PART_TITLES.items()):
            caption = QLabel(label, self)
            bar = PartBar(self)
            value = QLabel("—", self)
            value.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            value.setMinimumWidth(28)
            why = QToolButton(self)
            why.setIcon(icon("why", colours().muted))
            why.setAutoRaise(True)
            why.setToolTip(f"Why? Show the interactions behind {label.lower()}")
            why.setAccessibleName(f"Why {label}")
            why.clicked.connect(lambda _=False, n=name: self.why_requested.emit(n))
            for column, widget in enumerate((caption, bar, value, why)):
                grid.addWidget(widget, row, column)
            self._rows[name] = (caption, bar, value, why)
        grid.setColumnStretch(1, 1)

    def set_health(self, health: ContactHealth | None) -> None:
        for name, (caption, bar, value, why) in self._rows.items():
            if health is None or health.score is None:
                bar.set_score(0)
                value.setText("—")
                tip = PART_HINTS[name] + "\n\nNo interactions yet."
                why.setEnabled(False)
            else:
                part = health.component(name)
                bar.set_score(part.score)
                value.setText(str(round(part.score)))
                tip = (f"{PART_HINTS[name]}\n\n{part.explanation}\n\n"
                       f"Adds {part.display} of the {health.display_score} health points "
                       f"(weight {part.weight:.0%}).")
                why.setEnabled(bool(part.interaction_ids or part.favour_ids))
            for widget in (caption, bar, value):
                widget.setToolTip(tip)

    def score_text(self, name: str) -> str:
        return self._rows[name][2].text()
