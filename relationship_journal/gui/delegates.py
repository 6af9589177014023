"""Painting for the contact list: name with a subtitle, the health bar, the badge."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, QSize, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPalette, QPixmap
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem

from relationship_journal.gui.contact_header import avatar
from relationship_journal.gui.contact_model import (
    CLASS_LABELS,
    LAST,
    AvatarRole,
    ClassRole,
    HealthRole,
    SubtitleRole,
)
from relationship_journal.gui.theme import colours

ROW_HEIGHT = 44
Index = QModelIndex | QPersistentModelIndex


def _background(painter: QPainter, option: QStyleOptionViewItem) -> None:
    """The row's selection and hover. The view has set the option's state; Qt's own
    `initStyleOption` would also ask the model for seven roles none of these cells use,
    each a call from C++ into Python that waits for the GIL while a worker computes."""
    style = option.widget.style() if option.widget else None
    if style is not None:
        style.drawPrimitive(QStyle.PrimitiveElement.PE_PanelItemViewItem, option, painter, option.widget)


class TextDelegate(QStyledItemDelegate):
    """One line of text (when last in touch, the circle), asking the model only for it."""

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        _background(painter, option)
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        rect = option.rect.adjusted(4, 0, -4, 0)
        painter.save()
        painter.setPen(option.palette.color(role))
        text = painter.fontMetrics().elidedText(index.data() or "", option.textElideMode, rect.width())
        align = QStyle.visualAlignment(option.direction, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        painter.drawText(rect, align, text)  # mirrored in a right-to-left layout
        painter.restore()


class NameDelegate(QStyledItemDelegate):
    """The name in bold, organisation and circle beneath it in a muted colour."""

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        _background(painter, option)
        c = colours()
        rect = option.rect.adjusted(8, 4, -6, -4)
        painter.save()
        found = index.data(AvatarRole)
        if found is not None:
            side = rect.height() - 4
            ratio = painter.device().devicePixelRatioF() if painter.device() else 1.0
            picture = self._avatar(found, side, ratio)
            painter.drawPixmap(rect.left(), rect.top() + 2, picture)
            rect = rect.adjusted(side + 10, 0, 0, 0)
        bold = QFont(option.font)
        bold.setWeight(QFont.Weight.DemiBold)
        painter.setFont(bold)
        painter.setPen(QColor(c.text))
        top = QRect(rect.left(), rect.top(), rect.width(), rect.height() // 2)
        name = painter.fontMetrics().elidedText(index.data() or "", Qt.TextElideMode.ElideRight, rect.width())
        painter.drawText(top, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, name)
        small = QFont(option.font)
        small.setPointSizeF(max(7.0, option.font.pointSizeF() - 1))
        painter.setFont(small)
        painter.setPen(QColor(c.muted))
        bottom = QRect(rect.left(), rect.top() + rect.height() // 2, rect.width(), rect.height() // 2)
        subtitle = painter.fontMetrics().elidedText(
            index.data(SubtitleRole) or "", Qt.TextElideMode.ElideRight, rect.width()
        )
        painter.drawText(bottom, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, subtitle)
        painter.restore()

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:
        return QSize(200, ROW_HEIGHT)

    _cache: dict[tuple[object, ...], QPixmap] = {}

    def _avatar(self, found: tuple[int, str, bytes | None], side: int, ratio: float) -> QPixmap:
        """Drawn once per person and size, not on every repaint of the list."""
        cid, name, photo = found
        key = (cid, name, len(photo) if photo else 0, side, ratio)
        picture = self._cache.get(key)
        if picture is None:
            if len(self._cache) > 4000:
                self._cache.clear()
            picture = self._cache[key] = avatar(cid, name, photo, size=side, ratio=ratio)
        return picture


class HealthBarDelegate(QStyledItemDelegate):
    """A short bar filled to the health score, coloured by band, with the number.

    In a narrow list (`show_last`) the "12 days ago" goes under the bar, in place of
    its own column.
    """

    show_last = False

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        _background(painter, option)
        score, band = index.data(HealthRole) or (None, "no data")
        c = colours()
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        rect = option.rect.adjusted(6, 0, -6, 0)
        if self.show_last:
            rect = rect.adjusted(0, 4, 0, -(option.rect.height() // 2))
            small = QFont(option.font)
            small.setPointSizeF(max(7.0, option.font.pointSizeF() - 1))
            last = index.sibling(index.row(), LAST).data() or ""
            painter.save()
            painter.setFont(small)
            painter.setPen(QColor(c.muted))
            below = QRect(rect.left(), option.rect.center().y(), rect.width(), option.rect.height() // 2 - 4)
            painter.drawText(below, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                             painter.fontMetrics().elidedText(last, Qt.TextElideMode.ElideRight, rect.width()))
            painter.restore()
        number_width = painter.fontMetrics().horizontalAdvance("100") + 2
        bar = QRect(rect.left(), rect.center().y() - 3, max(10, rect.width() - number_width), 6)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor(c.track))
        painter.drawRoundedRect(bar, 3, 3)
        if score is not None:
            filled = QRect(bar.left(), bar.top(), max(3, int(bar.width() * score / 100)), bar.height())
            painter.setBrush(QColor(c.bands.get(band, c.muted)))
            painter.drawRoundedRect(filled, 3, 3)
        painter.setPen(QColor(c.text if score is not None else c.muted))
        text_rect = QRect(bar.right() + 4, rect.top(), number_width, rect.height())
        painter.drawText(text_rect, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                         "—" if score is None else str(score))
        painter.restore()

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:
        return QSize(96, ROW_HEIGHT)


class BadgeDelegate(QStyledItemDelegate):
    """Contact / Connection / Trusted / Dormant as a small coloured pill."""

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        _background(painter, option)
        kind = index.data(ClassRole)
        if not kind:
            return
        c = colours()
        label = CLASS_LABELS.get(kind, kind)
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        small = QFont(option.font)
        small.setPointSizeF(max(7.0, option.font.pointSizeF() - 1))
        small.setWeight(QFont.Weight.DemiBold)
        painter.setFont(small)
        width = painter.fontMetrics().horizontalAdvance(label) + 14
        height = painter.fontMetrics().height() + 4
        pill = QRect(option.rect.left() + 6, option.rect.center().y() - height // 2, width, height)
        colour = QColor(c.classes.get(kind, c.muted))
        fill = QColor(colour)
        fill.setAlpha(40)
        painter.setPen(colour)
        painter.setBrush(fill)
        painter.drawRoundedRect(pill, height / 2, height / 2)
        painter.drawText(pill, Qt.AlignmentFlag.AlignCenter, label)
        painter.restore()
