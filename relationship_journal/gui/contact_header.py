"""The top of a contact's page: who they are, at a glance."""

from __future__ import annotations

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QFont, QImage, QPainter, QPainterPath, QPixmap
from PySide6.QtWidgets import QHBoxLayout, QLabel, QVBoxLayout, QWidget

from relationship_journal.gui.cards import Badge
from relationship_journal.gui.contact_model import CLASS_LABELS, circle_label, days_ago
from relationship_journal.health import ContactHealth
from relationship_journal.journal.records import ContactDetail

AVATAR = 64
AVATAR_COLOURS = ("#5b8def", "#43a37a", "#d9824b", "#9b6bd6", "#d1566e", "#3aa0a8", "#a08a3c")


def initials(name: str) -> str:
    words = [w for w in name.replace("-", " ").split() if w[:1].isalpha()]
    if not words:
        return "?"
    return (words[0][0] + (words[-1][0] if len(words) > 1 else "")).upper()


def avatar_pixmap(detail: ContactDetail, size: int = AVATAR, ratio: float = 1.0) -> QPixmap:
    """The person's photo cut to a circle, or their initials on a colour of their own."""
    return avatar(detail.id, detail.display_name, detail.photo, size, ratio)


def avatar(contact_id: int, name: str, photo: bytes | None, size: int = AVATAR, ratio: float = 1.0) -> QPixmap:
    """A photo cut to a circle, or initials on the person's own colour (the list and the page)."""
    pixmap = QPixmap(int(size * ratio), int(size * ratio))
    pixmap.setDevicePixelRatio(ratio)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    path = QPainterPath()
    path.addEllipse(QRectF(0, 0, size, size))
    image = QImage.fromData(photo) if photo else QImage()
    if not image.isNull():
        painter.setClipPath(path)
        scaled = image.scaled(int(size * ratio), int(size * ratio),
                              Qt.AspectRatioMode.KeepAspectRatioByExpanding,
                              Qt.TransformationMode.SmoothTransformation)
        painter.drawImage(QRectF(0, 0, size, size), scaled)
    else:
        painter.fillPath(path, QColor(AVATAR_COLOURS[contact_id % len(AVATAR_COLOURS)]))
        font = QFont()
        font.setPixelSize(int(size * 0.38))
        font.setWeight(QFont.Weight.DemiBold)
        painter.setFont(font)
        painter.setPen(QColor("#ffffff"))
        painter.drawText(QRectF(0, 0, size, size), Qt.AlignmentFlag.AlignCenter, initials(name))
    painter.end()
    return pixmap


class ContactHeader(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(18, 14, 18, 8)
        layout.setSpacing(14)
        self.avatar = QLabel(self)
        self.avatar.setFixedSize(AVATAR, AVATAR)
        layout.addWidget(self.avatar, 0, Qt.AlignmentFlag.AlignTop)
        text = QVBoxLayout()
        text.setSpacing(2)
        name_row = QHBoxLayout()
        name_row.setSpacing(10)
        self.name = QLabel(self)
        self.name.setObjectName("ContactName")
        self.name.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.badge = Badge(self)
        self.band = Badge(self)
        name_row.addWidget(self.name)
        name_row.addWidget(self.badge, 0, Qt.AlignmentFlag.AlignVCenter)
        name_row.addWidget(self.band, 0, Qt.AlignmentFlag.AlignVCenter)
        name_row.addStretch(1)
        text.addLayout(name_row)
        self.subtitle = QLabel(self)
        self.subtitle.setProperty("muted", True)
        self.subtitle.setWordWrap(True)
        text.addWidget(self.subtitle)
        self.facts = QLabel(self)
        self.facts.setProperty("muted", True)
        self.facts.setWordWrap(True)
        text.addWidget(self.facts)
        layout.addLayout(text, 1)

    def set_contact(self, detail: ContactDetail, health: ContactHealth | None) -> None:
        ratio = self.devicePixelRatioF()
        self.avatar.setPixmap(avatar_pixmap(detail, AVATAR, ratio))
        self.name.setText(detail.display_name)
        org = " · ".join(p for p in (detail.role, detail.organisation) if p)
        self.subtitle.setText(org or "No organisation or role yet — add them on the Profile tab")
        today = health.as_of if health else None
        facts = [f"Circle: {circle_label(detail.circle)}"]
        if health is not None and today is not None:
            facts.append(f"last in touch {days_ago(health.last_interaction, today)}")
            facts.append(f"keep in touch every {health.cadence_days} days")
        if detail.tags:
            facts.append("tags: " + ", ".join(detail.tags))
        if detail.archived:
            facts.append("archived")
        self.facts.setText("  ·  ".join(facts))
        if health is None:
            self.badge.show_kind("", "")
            self.band.show_kind("", "")
        else:
            self.badge.show_kind(CLASS_LABELS.get(health.classification, health.classification),
                                 health.classification)
            self.badge.setToolTip(health.classification_reason)
            band_text = f"Health {health.display_score} · {health.band}" if health.score is not None else "No data yet"
            self.band.show_kind(band_text, health.band)
