"""The contact list's model: plain rows in memory, no query per row.

The model holds one `ContactSummary` per person and, once a background pass has
computed them, each person's health figures. Sorting is done here on precomputed
keys (one Python sort instead of a comparison callback per pair); what the list shows
of it, narrowed by the filters, is `contact_filter.ContactFilterProxy`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from PySide6.QtCore import (
    QAbstractTableModel,
    QCollatorSortKey,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    QTimer,
)

from relationship_journal import clock
from relationship_journal.gui.collation import name_key
from relationship_journal.journal.pacing import give_way
from relationship_journal.journal.records import ContactSummary
from relationship_journal.journal.text import fold
from relationship_journal.journal.vocabulary import CIRCLE_NAMES

ContactIdRole = Qt.ItemDataRole.UserRole + 1
HealthRole = Qt.ItemDataRole.UserRole + 2  # (score or None, band)
SubtitleRole = Qt.ItemDataRole.UserRole + 3
ClassRole = Qt.ItemDataRole.UserRole + 4
AvatarRole = Qt.ItemDataRole.UserRole + 5  # (contact id, name, photo bytes or None)

COLUMNS = ("Name", "Health", "Last", "Type", "Circle")
NAME, HEALTH, LAST, TYPE, CIRCLE = range(5)
CIRCLE_SHORT = {5: "Inner", 15: "Close", 50: "Active", 150: "Wider", 500: "Acq."}  # full name in the tooltip
CLASS_LABELS = {"trusted": "Trusted", "connection": "Connection", "contact": "Contact",
                "dormant": "Dormant"}


@dataclass(frozen=True, slots=True)
class RowHealth:
    """The few health figures a list row shows (kept small for 10,000 rows)."""

    score: int | None
    band: str
    classification: str
    fade_date: dt.date | None


def days_ago(day: dt.date | None, today: dt.date) -> str:
    if day is None:
        return "never"
    delta = (today - day).days
    if delta <= 0:
        return "today" if delta == 0 else f"in {-delta} days"
    if delta == 1:
        return "yesterday"
    if delta < 60:
        return f"{delta} days ago"
    if delta < 730:
        return f"{delta // 30} mo ago"
    return f"{delta // 365} yr ago"


def circle_label(circle: int) -> str:
    return f"{CIRCLE_NAMES.get(circle, circle)} ({circle})"


def search_text(row: ContactSummary) -> str:
    return " ".join((row.name, row.organisation or "", row.role or ""))


@dataclass(frozen=True)
class PreparedRows:
    """What showing 10,000 rows would otherwise compute on the GUI thread (about 100 ms)."""

    folded: dict[str, str]  # search text -> folded
    name_keys: dict[int, tuple[str, QCollatorSortKey]]  # contact id -> (name, its sort key)
    folded_by_id: dict[int, str]  # contact id -> its row's folded search text


def prepare(rows: Iterable[ContactSummary]) -> PreparedRows:
    """Made on the worker, with that thread's own collator."""
    folded: dict[str, str] = {}
    keys: dict[int, tuple[str, QCollatorSortKey]] = {}
    by_id: dict[int, str] = {}
    for row in rows:
        give_way()  # the window's events go first (journal.pacing)
        text = search_text(row)
        if text not in folded:
            folded[text] = fold(text)
        by_id[row.id] = folded[text]
        keys[row.id] = (row.name, name_key(row.name))
    return PreparedRows(folded, keys, by_id)


class ContactTableModel(QAbstractTableModel):
    def __init__(self, parent=None) -> None:  # type: ignore[no-untyped-def]
        super().__init__(parent)
        self._rows: list[ContactSummary] = []
        self._folded: list[str] = []
        self._health: dict[int, RowHealth] = {}
        self._row_of: dict[int, int] = {}
        self._name_keys: dict[int, tuple[str, QCollatorSortKey]] = {}
        self._folded_of: dict[str, str] = {}  # search text -> folded
        self._sort: tuple[int, Qt.SortOrder] | None = None
        self._snippets: dict[int, str] = {}  # contact id -> the note words a search matched
        self.today = clock.today()
        # Photos are fetched for the rows being painted, a batch at a time, and kept.
        self.photo_loader: Callable[[list[int]], dict[int, bytes]] | None = None
        self._photos: dict[int, bytes | None] = {}
        self._wanted: set[int] = set()

    # --- filling -------------------------------------------------------------------------
    def set_contacts(self, rows: Iterable[ContactSummary], prepared: PreparedRows | None = None) -> None:
        """`prepared`: the rows' search text and name keys, made on the worker (`prepare`)."""
        self.beginResetModel()
        self._photos.clear()
        self._rows = list(rows)
        if prepared is not None:
            self._folded_of.update(prepared.folded)
            self._name_keys.update(prepared.name_keys)
        if self._sort is not None:
            column, order = self._sort
            self._rows.sort(key=self._sort_key(column), reverse=order == Qt.SortOrder.DescendingOrder)
        self._reindex(prepared.folded_by_id if prepared is not None else None)
        self.endResetModel()

    def set_health(self, health: dict[int, RowHealth], today: dt.date | None = None) -> None:
        self._health = dict(health)
        if today:
            self.today = today
        if self._rows:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._rows) - 1, len(COLUMNS) - 1))

    def set_snippets(self, snippets: dict[int, str]) -> None:
        """What a note search matched per person, shown under their name until the next search."""
        if not snippets and not self._snippets:
            return
        self._snippets = dict(snippets)
        if self._rows:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._rows) - 1, 0))

    def update_health(self, contact_id: int, health: RowHealth | None) -> None:
        if health is None:
            self._health.pop(contact_id, None)
        else:
            self._health[contact_id] = health
        self._emit_row(contact_id)

    def replace_contact(self, summary: ContactSummary) -> None:
        """Update one row in place, or add it at the end if it is new."""
        row = self._row_of.get(summary.id)
        if row is None:
            self.beginInsertRows(QModelIndex(), len(self._rows), len(self._rows))
            self._rows.append(summary)
            self._folded.append(self._fold(summary))
            self._row_of[summary.id] = len(self._rows) - 1
            self.endInsertRows()
        else:
            self._rows[row] = summary
            self._folded[row] = self._fold(summary)
            self._photos.pop(summary.id, None)  # the photo may have changed with the profile
            self._emit_row(summary.id)
        if self._sort is not None:  # a new or renamed person goes to their place in the order
            self.sort(*self._sort)

    def remove_contacts(self, contact_ids: Iterable[int]) -> None:
        """One layout change for any number of people (a bulk delete of thousands)."""
        gone = {c for c in contact_ids if c in self._row_of}
        if gone:
            self._rearrange(lambda: [r for r in self._rows if r.id not in gone])

    def _rearrange(self, rows: Callable[[], list[ContactSummary]]) -> None:
        """Replace the rows (reordered, or some gone) in one layout change; each persistent
        index (the view's selection, its current row) follows its person, or goes with them."""
        self.layoutAboutToBeChanged.emit()
        persistent = self.persistentIndexList()
        kept_ids = [self._rows[p.row()].id for p in persistent]
        self._rows = rows()
        self._reindex()
        self.changePersistentIndexList(persistent, [
            self.index(self._row_of[cid], p.column()) if cid in self._row_of else QModelIndex()
            for p, cid in zip(persistent, kept_ids, strict=True)
        ])
        self.layoutChanged.emit()

    def _photo(self, row: ContactSummary) -> bytes | None:
        if not row.has_photo or self.photo_loader is None:
            return None
        if row.id not in self._photos and row.id not in self._wanted:
            if not self._wanted:
                QTimer.singleShot(0, self._load_photos)
            self._wanted.add(row.id)
        return self._photos.get(row.id)

    def _load_photos(self) -> None:
        """The photos of the rows just painted, read on the worker in one query."""
        wanted, self._wanted = sorted(self._wanted), set()
        loader = self.photo_loader
        if not wanted or loader is None:
            return
        from relationship_journal.gui.worker import Operation

        def done(found: dict[int, bytes]) -> None:
            for cid in wanted:
                self._photos[cid] = found.get(cid)
                row = self._row_of.get(cid)
                if row is not None:
                    self.dataChanged.emit(self.index(row, 0), self.index(row, 0), [AvatarRole])

        # A photo that cannot be read leaves the initials (and is not asked for again).
        Operation(self, lambda _progress: loader(wanted), done, lambda _error: done({})).run()

    def _reindex(self, folded_by_id: dict[int, str] | None = None) -> None:
        """`folded_by_id`: the rows' folded search text, made on the worker (`prepare`)."""
        if folded_by_id is None:
            self._folded = [self._fold(r) for r in self._rows]
        else:
            self._folded = [folded_by_id[r.id] if r.id in folded_by_id else self._fold(r) for r in self._rows]
        self._row_of = {r.id: i for i, r in enumerate(self._rows)}

    def _fold(self, row: ContactSummary) -> str:
        """The row's search text, folded once per version of the row (a sort folds nothing)."""
        text = search_text(row)
        folded = self._folded_of.get(text)
        if folded is None:
            folded = self._folded_of[text] = fold(text)
        return folded

    def _emit_row(self, contact_id: int) -> None:
        row = self._row_of.get(contact_id)
        if row is not None:
            self.dataChanged.emit(self.index(row, 0), self.index(row, len(COLUMNS) - 1))

    # --- reading -------------------------------------------------------------------------
    def summary(self, row: int) -> ContactSummary:
        return self._rows[row]

    def summaries(self) -> list[ContactSummary]:
        return self._rows

    def in_name_order(self) -> bool:
        """Whether the rows are sorted by name, A to Z (the order the name completer shows)."""
        return self._sort == (NAME, Qt.SortOrder.AscendingOrder)

    def folded(self) -> list[str]:
        return self._folded

    def health_of(self, contact_id: int) -> RowHealth | None:
        return self._health.get(contact_id)

    def row_of(self, contact_id: int) -> int | None:
        return self._row_of.get(contact_id)

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):  # type: ignore[no-untyped-def]
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return COLUMNS[section]
        return None

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole):  # type: ignore[no-untyped-def]
        return self.row_data(index.row(), index.column(), role) if index.isValid() else None

    def row_data(self, row_number: int, column: int, role: int):  # type: ignore[no-untyped-def]
        """What `data` gives for a row and column, without an index (the list's filter asks)."""
        row = self._rows[row_number]
        if role == ContactIdRole:
            return row.id
        if role == AvatarRole:
            return row.id, row.name, self._photo(row)
        health = self._health.get(row.id)
        if role == Qt.ItemDataRole.DisplayRole:
            if column == NAME:
                return row.name
            if column == HEALTH:
                return "" if health is None or health.score is None else str(health.score)
            if column == LAST:
                return days_ago(row.last_contact, self.today)
            if column == TYPE:
                return CLASS_LABELS.get(health.classification, "") if health else ""
            if column == CIRCLE:
                return CIRCLE_SHORT.get(row.circle, str(row.circle))
        elif role == SubtitleRole:
            if row.id in self._snippets:
                return f"“{self._snippets[row.id]}”"
            org = " · ".join(p for p in (row.organisation, row.role) if p)
            return f"{org} — {CIRCLE_NAMES.get(row.circle, row.circle)}" if org else circle_label(row.circle)
        elif role == HealthRole:
            return (health.score, health.band) if health else (None, "no data")
        elif role == ClassRole:
            return health.classification if health else None
        elif role == Qt.ItemDataRole.ToolTipRole:
            if column == HEALTH and health:
                return f"Health {health.score if health.score is not None else '—'} ({health.band})"
            if column == LAST:
                return row.last_contact.isoformat() if row.last_contact else "No interactions yet"
            if column == TYPE and health:
                return {"trusted": "In your trusted circle: knows you, trusts you, would act for you",
                        "connection": "A connection: knows and trusts you, on the evidence",
                        "dormant": "A dormant connection: trust is there, contact has lapsed",
                        "contact": "A contact: someone you know; no evidence yet that they would act for you",
                        }.get(health.classification)
            if column == NAME:
                return f"{row.name}\n{self.row_data(row_number, column, SubtitleRole)}"
            if column == CIRCLE:
                return f"{circle_label(row.circle)}: how close you mean them to be"
        return None

    def _name_key(self, row: ContactSummary) -> QCollatorSortKey:
        cached = self._name_keys.get(row.id)
        if cached is None or cached[0] != row.name:
            cached = (row.name, name_key(row.name))
            self._name_keys[row.id] = cached
        return cached[1]

    def _sort_key(self, column: int):  # type: ignore[no-untyped-def]
        return {
            NAME: self._name_key,
            HEALTH: lambda r: (h.score if (h := self._health.get(r.id)) and h.score is not None else -1),
            LAST: lambda r: r.last_contact or dt.date.min,
            TYPE: lambda r: (h.classification if (h := self._health.get(r.id)) else ""),
            CIRCLE: lambda r: (r.circle, self._name_key(r)),  # closest first, then by name
        }.get(column)

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        key = self._sort_key(column)
        if key is None:
            return
        self._sort = (column, order)
        self._rearrange(lambda: sorted(self._rows, key=key, reverse=order == Qt.SortOrder.DescendingOrder))
