"""Small drawn figures for the PDFs: the health dial, part bars, the portrait.

Drawn with QPainter onto QImage (never QPixmap), so they can be made on a worker
thread; drawn at several times their printed size so they stay sharp on paper.
"""

from __future__ import annotations

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QImage, QPainter, QPainterPath, QPen

from relationship_journal.journal.photo_size import PHOTO_KEEP_BYTES, PHOTO_SIDE
from relationship_journal.reports.markup import BAND_COLOURS, INK, MUTED

SHARPNESS = 4  # image pixels per CSS pixel of the printed size
TRACK = "#e6eaef"


def _canvas(width: int, height: int) -> tuple[QImage, QPainter]:
    image = QImage(width * SHARPNESS, height * SHARPNESS, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
    painter.scale(SHARPNESS, SHARPNESS)
    return image, painter


def _font(pixels: float, bold: bool = False) -> QFont:
    font = QFont("DejaVu Sans")
    font.setPixelSize(max(1, round(pixels * SHARPNESS)))
    font.setBold(bold)
    return font


def health_dial(score: int | None, band: str, size: int = 112) -> QImage:
    """A 270° gauge: the arc fills to the score in the band's colour, the number in the middle."""
    image, painter = _canvas(size, size)
    try:
        pen_width = size * 0.1
        box = QRectF(pen_width, pen_width, size - 2 * pen_width, size - 2 * pen_width)
        track = QPen(QColor(TRACK), pen_width, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap)
        painter.setPen(track)
        painter.drawArc(box, 225 * 16, -270 * 16)
        if score is not None:
            fill = QPen(QColor(BAND_COLOURS.get(band, MUTED)), pen_width, Qt.PenStyle.SolidLine,
                        Qt.PenCapStyle.RoundCap)
            painter.setPen(fill)
            painter.drawArc(box, 225 * 16, round(-270 * 16 * max(0, min(100, score)) / 100))
        # Text is drawn in image pixels so the font keeps its exact size.
        painter.resetTransform()
        painter.setPen(QColor(INK))
        painter.setFont(_font(size * 0.3, bold=True))
        big = QRectF(0, 0, image.width(), image.height() * 0.92)
        painter.drawText(big, int(Qt.AlignmentFlag.AlignCenter), "—" if score is None else str(score))
        painter.setPen(QColor(MUTED))
        painter.setFont(_font(size * 0.11))
        low = QRectF(0, image.height() * 0.62, image.width(), image.height() * 0.2)
        painter.drawText(low, int(Qt.AlignmentFlag.AlignCenter), band)
    finally:
        painter.end()
    return image


def part_bar(score: float, colour: str, width: int = 110, height: int = 9) -> QImage:
    """A rounded bar filled to `score` of 100."""
    image, painter = _canvas(width, height)
    try:
        painter.setPen(Qt.PenStyle.NoPen)
        radius = height / 2
        painter.setBrush(QBrush(QColor(TRACK)))
        painter.drawRoundedRect(QRectF(0, 0, width, height), radius, radius)
        filled = width * max(0.0, min(100.0, score)) / 100
        if filled > 0.5:
            painter.setBrush(QBrush(QColor(colour)))
            painter.drawRoundedRect(QRectF(0, 0, max(filled, height), height), radius, radius)
    finally:
        painter.end()
    return image


def portrait(photo: bytes | None, name: str, size: int = 84) -> QImage:
    """The contact's photo cropped to a circle, or their initials when there is none."""
    image, painter = _canvas(size, size)
    try:
        clip = QPainterPath()
        clip.addEllipse(QRectF(0, 0, size, size))
        picture = QImage.fromData(photo) if photo else QImage()
        if not picture.isNull():
            painter.setClipPath(clip)
            side = min(picture.width(), picture.height())
            source = QRectF((picture.width() - side) / 2, (picture.height() - side) / 2, side, side)
            painter.drawImage(QRectF(0, 0, size, size), picture, source)
        else:
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(QBrush(QColor("#dbe7ee")))
            painter.drawPath(clip)
            painter.resetTransform()
            painter.setPen(QColor("#1a5f7a"))
            painter.setFont(_font(size * 0.36, bold=True))
            painter.drawText(QRectF(0, 0, image.width(), image.height()), int(Qt.AlignmentFlag.AlignCenter),
                             initials(name))
    finally:
        painter.end()
    return image


def initials(name: str) -> str:
    """Up to two initials; a single character for scripts written without spaces."""
    words = [w for w in name.split() if w[:1].isalpha()]
    if not words:
        return name[:1].upper() or "?"
    if len(words) == 1:
        return words[0][:1].upper()
    return (words[0][:1] + words[-1][:1]).upper()





def shrink_photo(data: bytes, side: int = PHOTO_SIDE) -> bytes | None:
    """A photo at most `side` pixels on its longer edge, as JPEG; None when it is not an image.

    Phones export photos of several megabytes; the journal keeps one avatar-sized copy.
    Works without a QApplication, so the command line can shrink photos too.
    """
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice

    image = QImage.fromData(data)
    if image.isNull():
        return None
    if max(image.width(), image.height()) <= side and len(data) <= PHOTO_KEEP_BYTES:
        return data
    if max(image.width(), image.height()) > side:
        image = image.scaled(side, side, Qt.AspectRatioMode.KeepAspectRatio,
                             Qt.TransformationMode.SmoothTransformation)
    if image.hasAlphaChannel():  # JPEG has no transparency: put the picture on white
        flat = QImage(image.size(), QImage.Format.Format_RGB32)
        flat.fill(QColor("white"))
        painter = QPainter(flat)
        painter.drawImage(0, 0, image)
        painter.end()
        image = flat
    out = QByteArray()
    buffer = QBuffer(out)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "JPEG", 85)  # type: ignore[call-overload]  # PySide6 takes a str format; its stubs say bytes
    buffer.close()
    small = bytes(out.data())
    return small if small and len(small) < len(data) else data
