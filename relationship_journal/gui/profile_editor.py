"""The depth profile, edited in place: change a field, leave it, and it is saved.

Every edit goes out as `edited(field, value)`; the window turns it into one undoable
step. Values are parsed here from what people type ("Book club, Running" for tags,
"Anniversary 06-14" for dates) and bad input is reported, not stored.
"""

from __future__ import annotations

import re
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFocusEvent
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QWidget,
)

from relationship_journal.gui.address_editor import AddressList
from relationship_journal.gui.theme import colours
from relationship_journal.journal.errors import ValidationError
from relationship_journal.journal.records import Birthday, ContactDetail, Labelled, YearlyDate
from relationship_journal.journal.vocabulary import CIRCLE_NAMES, CIRCLES

_DATE = re.compile(r"^(?P<label>.*?)\s*(?:(?P<year>\d{4})-)?(?P<month>\d{1,2})-(?P<day>\d{1,2})$")


class NoteEdit(QPlainTextEdit):
    """A multi-line field that reports when the user leaves it."""

    left = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTabChangesFocus(True)
        self.setFixedHeight(62)

    def focusOutEvent(self, event: QFocusEvent) -> None:
        super().focusOutEvent(event)
        self.left.emit()


def parse_dates(text: str) -> tuple[YearlyDate, ...]:
    dates = []
    for part in filter(None, (p.strip() for p in text.split(";"))):
        match = _DATE.match(part)
        if not match:
            raise ValidationError(f"“{part}” is not a date like “Anniversary 06-14” or “Graduation 2019-06-14”")
        label = match["label"].strip(" :") or "Date"
        year = int(match["year"]) if match["year"] else None
        Birthday(int(match["month"]), int(match["day"]), year)  # checks it is a real day
        dates.append(YearlyDate(label, int(match["month"]), int(match["day"]), year))
    return tuple(dates)


def format_dates(dates: tuple[YearlyDate, ...]) -> str:
    return "; ".join(
        f"{d.label} {f'{d.year:04d}-' if d.year else ''}{d.month:02d}-{d.day:02d}" for d in dates
    )


TEXT_FIELDS = {
    "display_name": "Name",
    "organisation": "Organisation",
    "role": "Role",
    "how_met": "How we met",
    "where_met": "Where we met",
}
NOTE_FIELDS = {
    "interests": "Interests and hobbies",
    "goals": "Their goals",
    "can_do_for_them": "What I can do for them",
    "family": "Family",
    "communities": "Communities we share",
    "notes": "Notes",
}


class ProfileEditor(QWidget):
    edited = Signal(str, object)  # field name, new value
    invalid = Signal(str)  # a message for the status bar

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.detail: ContactDetail | None = None
        form = QFormLayout(self)
        form.setLabelAlignment(Qt.AlignmentFlag.AlignRight)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.setContentsMargins(16, 12, 16, 12)
        form.setVerticalSpacing(8)
        self.widgets: dict[str, QWidget] = {}
        for name, label in TEXT_FIELDS.items():
            edit = QLineEdit(self)
            edit.editingFinished.connect(lambda n=name: self._commit(n))
            form.addRow(label, edit)
            self.widgets[name] = edit
        # Said under the field, as the New-contact dialog does; the name is kept, never blanked.
        self.name_problem = QLabel(self)
        self.name_problem.setWordWrap(True)
        self.name_problem.setStyleSheet(f"color: {colours().bands['cold']};")
        self.name_problem.hide()
        form.insertRow(1, "", self.name_problem)
        self.widgets["display_name"].textEdited.connect(lambda _t: self.name_problem.hide())  # type: ignore[attr-defined]
        for name, label in NOTE_FIELDS.items():
            note = NoteEdit(self)
            note.left.connect(lambda n=name: self._commit(n))
            form.addRow(label, note)
            self.widgets[name] = note
        self.circle = QComboBox(self)
        for circle in CIRCLES:
            self.circle.addItem(f"{CIRCLE_NAMES[circle]} — up to {circle} people", circle)
        self.circle.setToolTip("How close you mean this person to be; it sets the expected cadence")
        self.circle.activated.connect(lambda _i: self._commit("circle"))
        form.addRow("Circle", self.circle)
        self.cadence = QSpinBox(self)
        self.cadence.setRange(0, 3650)
        self.cadence.setSpecialValueText("the circle's default")
        self.cadence.setSuffix(" days")
        self.cadence.setToolTip("How often you want to be in touch (0 = the circle's default)")
        self.cadence.editingFinished.connect(lambda: self._commit("cadence_days"))
        form.addRow("Keep in touch every", self.cadence)
        self.calibre = QComboBox(self)
        self.calibre.addItem("not rated", None)
        for level in range(1, 6):
            self.calibre.addItem(f"{level} of 5", level)
        self.calibre.setToolTip("Their influence in their field — your rating of them, never mixed into health")
        self.calibre.activated.connect(lambda _i: self._commit("calibre"))
        form.addRow("Calibre", self.calibre)
        self.tags = QLineEdit(self)
        self.tags.setPlaceholderText("comma separated, e.g. investor, running")
        self.tags.editingFinished.connect(lambda: self._commit("tags"))
        form.addRow("Tags", self.tags)
        self.birthday = QLineEdit(self)
        self.birthday.setPlaceholderText("YYYY-MM-DD or --MM-DD")
        self.birthday.editingFinished.connect(lambda: self._commit("birthday"))
        form.addRow("Birthday", self.birthday)
        self.dates = QLineEdit(self)
        self.dates.setPlaceholderText("e.g. Anniversary 06-14; Started new job 2025-09-01")
        self.dates.editingFinished.connect(lambda: self._commit("important_dates"))
        form.addRow("Important dates", self.dates)
        self.emails = QLineEdit(self)
        self.emails.editingFinished.connect(lambda: self._commit("emails"))
        form.addRow("Email", self.emails)
        self.phones = QLineEdit(self)
        self.phones.editingFinished.connect(lambda: self._commit("phones"))
        form.addRow("Phone", self.phones)
        self.addresses = AddressList(self)
        self.addresses.changed.connect(lambda found: self.edited.emit("addresses", found))
        form.addRow("Addresses", self.addresses)
        hint = QLabel("Changes are saved when you leave a field; Ctrl+Z undoes them.", self)
        hint.setProperty("muted", True)
        form.addRow("", hint)
        self.widgets.update(circle=self.circle, cadence_days=self.cadence, calibre=self.calibre,
                            tags=self.tags, birthday=self.birthday, important_dates=self.dates,
                            emails=self.emails, phones=self.phones)

    def set_detail(self, detail: ContactDetail) -> None:
        if self.detail is None or self.detail.id != detail.id:
            self.name_problem.hide()
        self.detail = detail
        for name in TEXT_FIELDS:
            self.widgets[name].setText(getattr(detail, name) or "")  # type: ignore[attr-defined]
        for name in NOTE_FIELDS:
            widget = self.widgets[name]
            if widget.toPlainText() != (getattr(detail, name) or ""):  # type: ignore[attr-defined]
                widget.setPlainText(getattr(detail, name) or "")  # type: ignore[attr-defined]
        self.circle.setCurrentIndex(max(0, self.circle.findData(detail.circle)))
        self.cadence.setValue(detail.cadence_days or 0)
        self.calibre.setCurrentIndex(max(0, self.calibre.findData(detail.calibre)))
        self.tags.setText(", ".join(detail.tags))
        self.birthday.setText(detail.birthday.iso() if detail.birthday else "")
        self.dates.setText(format_dates(detail.important_dates))
        self.emails.setText(", ".join(e.value for e in detail.emails))
        self.phones.setText(", ".join(p.value for p in detail.phones))
        self.addresses.set_addresses(detail.addresses)

    def value(self, name: str) -> Any:
        """What the field now says, parsed into the type the journal stores."""
        widget = self.widgets[name]
        if name in TEXT_FIELDS:
            return widget.text().strip() or (None if name != "display_name" else "")  # type: ignore[attr-defined]
        if name in NOTE_FIELDS:
            return widget.toPlainText().strip() or None  # type: ignore[attr-defined]
        if name == "circle":
            return self.circle.currentData()
        if name == "cadence_days":
            return self.cadence.value() or None
        if name == "calibre":
            return self.calibre.currentData()
        if name == "tags":
            return tuple(dict.fromkeys(t.strip() for t in self.tags.text().split(",") if t.strip()))
        if name == "birthday":
            return Birthday.parse(self.birthday.text()) if self.birthday.text().strip() else None
        if name == "important_dates":
            return parse_dates(self.dates.text())
        if name in ("emails", "phones"):
            old = {item.value: item.label for item in getattr(self.detail, name, ())}
            values = [v.strip() for v in widget.text().split(",") if v.strip()]  # type: ignore[attr-defined]
            return tuple(Labelled(v, old.get(v)) for v in values)
        raise KeyError(name)

    def _commit(self, name: str) -> None:
        if self.detail is None:
            return
        try:
            value = self.value(name)
        except ValidationError as error:
            self.invalid.emit(str(error))
            return
        if name == "display_name" and not value:
            kept = self.detail.display_name
            self.widgets[name].setText(kept)  # type: ignore[attr-defined]
            self.name_problem.setText(f"A contact needs a name, so “{kept}” was kept.")
            self.name_problem.show()
            return
        if value != getattr(self.detail, name):
            self.edited.emit(name, value)
