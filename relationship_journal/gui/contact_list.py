"""The left pane: the search box, the filters and the contact list.

Typing filters names and organisations at once (in memory); after a short pause the
full-text index is asked, on a worker thread, for people whose notes or profile
match, and they join the list. A stale answer (the user kept typing) is dropped.
"""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QItemSelectionModel, QModelIndex, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QCheckBox,
    QComboBox,
    QGridLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMainWindow,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from relationship_journal.gui.contact_filter import ContactFilter, ContactFilterProxy
from relationship_journal.gui.contact_model import (
    CIRCLE,
    HEALTH,
    LAST,
    NAME,
    TYPE,
    ContactIdRole,
    ContactTableModel,
)
from relationship_journal.gui.delegates import (
    ROW_HEIGHT,
    BadgeDelegate,
    HealthBarDelegate,
    NameDelegate,
    TextDelegate,
)
from relationship_journal.gui.resources import icon
from relationship_journal.gui.theme import colours
from relationship_journal.gui.worker import Operation, Progress
from relationship_journal.journal.core import Journal
from relationship_journal.journal.vocabulary import CIRCLE_NAMES, CIRCLES

SEARCH_DELAY_MS = 250
NOTE_SEARCH_MIN_CHARS = 3
NOTE_SEARCH_LIMIT = 400


class ContactList(QWidget):
    contact_selected = Signal(int)
    selection_changed = Signal(list)

    def __init__(self, journal: Journal, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.journal = journal
        self.model = ContactTableModel(self)
        self.proxy = ContactFilterProxy(self)
        self.proxy.setSourceModel(self.model)
        self._search_generation = 0
        self._filtering = False
        self.open_id: int | None = None  # whose page is open: the only row that may be highlighted
        self._press_opened = False
        self._just_opened: int | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 10, 6, 6)
        layout.setSpacing(6)

        self.search = QLineEdit(self)
        self.search.setPlaceholderText("Find people, organisations, notes… (Ctrl+F)")
        self.search.setClearButtonEnabled(True)
        self.search.addAction(icon("find", colours().muted), QLineEdit.ActionPosition.LeadingPosition)
        self.search.setToolTip("Type to find by name or organisation; notes and profiles match after a moment")
        self.search.textChanged.connect(self._text_changed)
        self.search.returnPressed.connect(self.open_first)
        layout.addWidget(self.search)

        filters = QGridLayout()
        filters.setHorizontalSpacing(6)
        filters.setVerticalSpacing(4)
        self.circle = QComboBox(self)
        self.circle.addItem("All circles", None)
        for circle in CIRCLES:
            self.circle.addItem(f"{CIRCLE_NAMES[circle].capitalize()} ({circle})", circle)
        self.circle.setToolTip("Show one circle only")
        self.tag = QComboBox(self)
        self.tag.addItem("All tags", None)
        self.tag.setToolTip("Show people with this tag")
        self.kind = QComboBox(self)
        for text, key in (("Everyone", None), ("Connections", "connections"), ("Contacts", "contacts"),
                          ("Dormant", "dormant")):
            self.kind.addItem(text, key)
        self.kind.setToolTip("Contacts know you; connections know and trust you (on the evidence)")
        self.fading = QCheckBox("Fading", self)
        self.fading.setToolTip("People whose health will drop below 50 soon without contact")
        self.owes = QCheckBox("I owe", self)
        self.owes.setToolTip("People I owe a reply, a promise or a favour")
        filters.addWidget(self.circle, 0, 0)
        filters.addWidget(self.tag, 0, 1)
        filters.addWidget(self.kind, 0, 2)
        filters.addWidget(self.fading, 1, 0)
        filters.addWidget(self.owes, 1, 1)
        self.count = QLabel(self)
        self.count.setProperty("muted", True)
        self.count.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        filters.addWidget(self.count, 1, 2)
        layout.addLayout(filters)
        for combo in (self.circle, self.tag, self.kind):
            combo.currentIndexChanged.connect(self.apply_filter)
        for box in (self.fading, self.owes):
            box.toggled.connect(self.apply_filter)

        self.view = QTableView(self)
        self.view.setModel(self.proxy)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setShowGrid(False)
        self.view.setAlternatingRowColors(True)
        self.view.setWordWrap(False)
        self.view.setSortingEnabled(True)
        self.view.sortByColumn(NAME, Qt.SortOrder.AscendingOrder)
        self.view.verticalHeader().hide()
        self.view.verticalHeader().setDefaultSectionSize(ROW_HEIGHT)
        self.view.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(NAME, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(HEALTH, QHeaderView.ResizeMode.Fixed)
        header.setSectionResizeMode(LAST, QHeaderView.ResizeMode.Fixed)
        header.setSectionResizeMode(TYPE, QHeaderView.ResizeMode.Fixed)
        header.setSectionResizeMode(CIRCLE, QHeaderView.ResizeMode.Fixed)
        header.resizeSection(CIRCLE, 64)
        header.moveSection(CIRCLE, LAST)  # shown between Health and Last
        header.resizeSection(HEALTH, 66)
        header.resizeSection(LAST, 86)
        header.resizeSection(TYPE, 92)
        header.setHighlightSections(False)
        self._delegates = (NameDelegate(self.view), HealthBarDelegate(self.view), BadgeDelegate(self.view),
                           TextDelegate(self.view))
        self.view.setItemDelegateForColumn(NAME, self._delegates[0])
        self.view.setItemDelegateForColumn(HEALTH, self._delegates[1])
        self.view.setItemDelegateForColumn(TYPE, self._delegates[2])
        for column in (LAST, CIRCLE):
            self.view.setItemDelegateForColumn(column, self._delegates[3])
        self.view.selectionModel().currentRowChanged.connect(self._current_changed)
        # A click or Enter on the row that is already current opens it too (the current
        # row does not change, so nothing else would).
        self.view.pressed.connect(self._pressed)
        self.view.clicked.connect(self._clicked)
        self.view.activated.connect(self._clicked)
        self.view.selectionModel().selectionChanged.connect(self._announce_selection)
        # A filter, a sort or a delete moves the rows in one layout change, after which the
        # selection model narrows its selection without saying so: say it for it.
        self.proxy.layoutChanged.connect(self._announce_selection)
        self.proxy.modelReset.connect(self._announce_selection)
        layout.addWidget(self.view, 1)

        self._timer = QTimer(self, singleShot=True, interval=SEARCH_DELAY_MS)
        self._timer.timeout.connect(self._search_notes)
        self.proxy.modelReset.connect(self._show_count)
        self.proxy.layoutChanged.connect(self._show_count)

    NARROW_BELOW = 540  # below this, "last talked" moves into the health column

    def resizeEvent(self, event) -> None:  # type: ignore[no-untyped-def]
        super().resizeEvent(event)
        narrow = event.size().width() < self.NARROW_BELOW
        if narrow != self._delegates[1].show_last:
            self._delegates[1].show_last = narrow
            self.view.setColumnHidden(LAST, narrow)
            self.view.horizontalHeader().resizeSection(HEALTH, 80 if narrow else 66)
            self.view.viewport().update()

    # --- filling -------------------------------------------------------------------------
    def set_tags(self, tags: list[str]) -> None:
        current = self.tag.currentData()
        self.tag.blockSignals(True)
        self.tag.clear()
        self.tag.addItem("All tags", None)
        for tag in tags:
            self.tag.addItem(tag, tag)
        index = self.tag.findData(current)
        self.tag.setCurrentIndex(max(0, index))
        self.tag.blockSignals(False)

    # --- filtering -----------------------------------------------------------------------
    def tags(self) -> list[str]:
        """Every tag in the journal, as last read with the list."""
        return [str(self.tag.itemData(i)) for i in range(1, self.tag.count())]

    def current_filter(self) -> ContactFilter:
        return ContactFilter(
            text=self.search.text(),
            circle=self.circle.currentData(),
            tag=self.tag.currentData(),
            fading=self.fading.isChecked(),
            owes=self.owes.isChecked(),
            classification=self.kind.currentData(),
        )

    def _set_filter(self, matches: Iterable[int]) -> None:
        self._filtering = True
        try:
            self.proxy.set_filter(self.current_filter(), matches)
            self._keep_highlight_honest()
        finally:
            self._filtering = False
        self._show_count()

    def _keep_highlight_honest(self) -> None:
        """The highlighted row is the open page's person, or there is none.

        When a filter hides the open person, Qt moves the current row to a neighbour
        that nobody opened: clear it. When they show again, highlight them again.
        """
        if len(self.selected_ids()) > 1:
            return  # a multi-selection for a bulk action is the user's own
        current = self.view.currentIndex()
        shown = int(current.data(ContactIdRole)) if current.isValid() else None
        if shown == self.open_id:
            return
        selection = self.view.selectionModel()
        selection.clearSelection()
        selection.setCurrentIndex(QModelIndex(), QItemSelectionModel.SelectionFlag.NoUpdate)
        if self.open_id is not None:
            row = self.model.row_of(self.open_id)
            index = self.proxy.mapFromSource(self.model.index(row, 0)) if row is not None else QModelIndex()
            if index.isValid():
                selection.setCurrentIndex(
                    index, QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows
                )

    def apply_filter(self, *_args: object) -> None:
        self._set_filter(self.proxy.note_matches)

    def _text_changed(self, text: str) -> None:
        self._search_generation += 1
        self.model.set_snippets({})
        self._set_filter(())  # names and organisations: at once, in memory
        if len(text.strip()) >= NOTE_SEARCH_MIN_CHARS:
            self._timer.start()
        else:
            self._timer.stop()

    def _search_notes(self) -> None:
        generation, text, journal = self._search_generation, self.search.text(), self.journal

        def work(_progress: Progress) -> dict[int, str]:
            snippets: dict[int, str] = {}
            for hit in journal.search(text, limit=NOTE_SEARCH_LIMIT):
                for contact_id in hit.contact_ids:
                    snippets.setdefault(contact_id, " ".join(hit.snippet.split()))  # the best match first
            return snippets

        def done(snippets: dict[int, str]) -> None:
            if generation == self._search_generation:
                self.model.set_snippets(snippets)  # under each name: the words that matched
                self._set_filter(snippets)

        def failed(error: BaseException) -> None:
            # Names still filter; say that the notes could not be searched, not nothing.
            if generation != self._search_generation:
                return
            message = f"Notes not searched: {error}"
            self.count.setText(message)
            window = self.window()
            if isinstance(window, QMainWindow):
                window.statusBar().showMessage(message, 10000)

        Operation(self, work, done, failed).run()

    def _show_count(self, *_args: object) -> None:
        shown, total = self.proxy.rowCount(), self.model.rowCount()
        self.count.setText(f"{shown:,} of {total:,}" if shown != total else f"{total:,} people")

    # --- selection -----------------------------------------------------------------------
    def _current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        # Narrowing the list must not open whoever slides under the cursor: only a
        # choice the user makes (click, arrow keys, Enter) opens a page.
        if current.isValid() and not self._filtering:
            self._just_opened = int(current.data(ContactIdRole))
            self._open(self._just_opened)

    def _open(self, contact_id: int) -> None:
        self.open_id = contact_id
        self.contact_selected.emit(contact_id)

    def _pressed(self, index: QModelIndex) -> None:
        # Did this very press make the row current (and so open it already)?
        self._press_opened = index.isValid() and self._just_opened == int(index.data(ContactIdRole))
        self._just_opened = None

    def _clicked(self, index: QModelIndex) -> None:
        already, self._press_opened = self._press_opened, False
        modifiers = QApplication.keyboardModifiers()
        if not index.isValid() or already or modifiers & (
            Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
        ):
            return  # Ctrl/Shift+click builds a selection for a bulk action
        self._open(int(index.data(ContactIdRole)))

    def _announce_selection(self, *_args: object) -> None:
        self.selection_changed.emit(self.selected_ids())

    def selected_ids(self) -> list[int]:
        rows = self.view.selectionModel().selectedRows()
        return [int(index.data(ContactIdRole)) for index in rows]

    def select(self, contact_id: int, open_page: bool = True) -> bool:
        row = self.model.row_of(contact_id)
        if row is None:
            return False
        index = self.proxy.mapFromSource(self.model.index(row, 0))
        if not index.isValid():
            return False
        self._filtering = True  # set quietly, then open once
        try:
            self.view.selectionModel().setCurrentIndex(
                index, QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows
            )
        finally:
            self._filtering = False
        self.view.scrollTo(index)
        self.open_id = contact_id
        if open_page:
            self._open(contact_id)
        return True

    def first_id(self) -> int | None:
        """The first person shown, if anyone is."""
        return int(self.proxy.index(0, 0).data(ContactIdRole)) if self.proxy.rowCount() else None

    def open_first(self) -> None:
        """Open the first person shown, once: focus comes after the choice (focus on a list
        with no current row makes its first row current, which opened the page a second time)."""
        first = self.first_id()
        if first is not None:
            self.select(first)
            self.view.setFocus()

    def step(self, offset: int) -> None:
        """Move to the next (+1) or previous (-1) person in the list as shown."""
        count = self.proxy.rowCount()
        if not count:
            return
        current = self.view.currentIndex()
        row = (current.row() + offset) % count if current.isValid() else 0
        self.view.selectionModel().setCurrentIndex(
            self.proxy.index(row, 0),
            QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows,
        )
        self.view.scrollTo(self.proxy.index(row, 0))
