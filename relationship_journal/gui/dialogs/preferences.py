"""Preferences: where the journal lives, the theme, and each circle's keep-in-touch cadence.

Changes are written only when the user presses OK (the theme to the app's settings
file, the cadences into the journal, where the reports and the command line read them
too; the journal is read before the dialog opens and written after OK, both on the
worker); Cancel leaves everything as it was. Other parts of the app add their own pages with `add_page`
(the backups page lives with the backup code, not here).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, TypedDict

from PySide6.QtCore import Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from relationship_journal.gui.settings import THEMES, AppSettings
from relationship_journal.gui.undo import writes_pool
from relationship_journal.gui.worker import Operation, Progress
from relationship_journal.health import DEFAULTS
from relationship_journal.journal.preferences import (
    MAX_CADENCE_DAYS,
    MAX_FADING_HORIZON_DAYS,
    MIN_CADENCE_DAYS,
    MIN_FADING_HORIZON_DAYS,
)
from relationship_journal.journal.vocabulary import CIRCLE_NAMES, CIRCLES

if TYPE_CHECKING:
    from relationship_journal.journal.core import Journal

THEME_LABELS = {"light": "Light", "dark": "Dark", "system": "Same as the desktop"}


class PreferencesDialog(QDialog):
    """The app's preferences, one page per topic."""

    saved = Signal()  # after OK has written the settings

    def __init__(
        self,
        settings: AppSettings,
        journal: Journal,
        parent: QWidget | None = None,
        *,
        cadences: Mapping[int, int],
        horizon: int,
    ) -> None:
        """`cadences` and `horizon`: what the journal holds now (read on the worker by
        `read_choices`), so the dialog itself never reads the file."""
        super().__init__(parent)
        self.setWindowTitle("Preferences")
        self.setMinimumWidth(520)
        self._settings = settings
        self._journal = journal
        self._paths = journal.paths
        self.cadences_changed = False  # set by OK when the journal's cadences were rewritten
        self._writing = False  # OK's write is running on the worker
        self._cadences = dict(DEFAULTS.cadence_days) | dict(cadences)
        self._horizon = horizon
        # Room for the arrows: the app style sheet pads spin boxes for text only.
        self.setStyleSheet("QSpinBox { padding-right: 20px; } "
                           "QSpinBox::up-button, QSpinBox::down-button { width: 18px; }")
        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)
        self.add_page("General", self._general_page())
        self.add_page("Keeping in touch", self._cadence_page())
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.buttons = buttons
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs)
        layout.addWidget(buttons)

    def add_page(self, title: str, widget: QWidget) -> int:
        """Add a page of preferences (e.g. Backups); returns its index."""
        return self.tabs.addTab(widget, title)

    # -- pages --------------------------------------------------------------------------
    def _general_page(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)

        data = QGroupBox("Your journal")
        data_layout = QVBoxLayout(data)
        explain = QLabel("Everything you write stays in this folder on this computer, readable by you alone.")
        explain.setWordWrap(True)
        explain.setObjectName("Muted")
        row = QHBoxLayout()
        self.data_folder = QLineEdit(str(self._paths.data_dir))
        self.data_folder.setReadOnly(True)
        self.data_folder.setToolTip("Start with --data-dir DIR (or set RELATIONSHIP_JOURNAL_DATA_DIR) "
                                    "to use another folder.")
        self.data_folder.setCursorPosition(0)
        open_button = QPushButton("Open folder")
        open_button.setToolTip("Show the folder in your file manager")
        open_button.clicked.connect(self.open_data_folder)
        row.addWidget(self.data_folder, 1)
        row.addWidget(open_button)
        data_layout.addWidget(explain)
        data_layout.addLayout(row)
        layout.addWidget(data)

        appearance = QGroupBox("Appearance")
        appearance_layout = QFormLayout(appearance)
        appearance_layout.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.FieldsStayAtSizeHint)
        self.theme_box = QComboBox()
        self.theme_box.setObjectName("theme")
        for name in THEMES:
            self.theme_box.addItem(THEME_LABELS[name], name)
        self.theme_box.setCurrentIndex(THEMES.index(self._settings.theme))
        self.theme_box.setMinimumWidth(220)
        appearance_layout.addRow("Theme:", self.theme_box)
        layout.addWidget(appearance)
        layout.addStretch(1)
        return page

    def _cadence_page(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        explain = QLabel(
            "How often you mean to be in touch with the people in each circle. A contact's own "
            "cadence, set on their page, always wins; the health model expects contact at this "
            "rhythm when judging recency and frequency. Kept in the journal, so the reports and "
            "the command line use it too."
        )
        explain.setWordWrap(True)
        explain.setObjectName("Muted")
        layout.addWidget(explain)
        form = QFormLayout()
        form.setLabelAlignment(Qt.AlignmentFlag.AlignRight)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.FieldsStayAtSizeHint)
        self.cadence_boxes: dict[int, QSpinBox] = {}
        chosen = self._cadences
        for circle in CIRCLES:
            box = QSpinBox()
            box.setRange(MIN_CADENCE_DAYS, MAX_CADENCE_DAYS)
            box.setSuffix(" days")
            box.setValue(chosen[circle])
            box.setToolTip(f"The model's default for this circle is every {DEFAULTS.cadence_days[circle]} days.")
            box.setObjectName(f"cadence_{circle}")
            box.setFixedWidth(130)
            box.setAlignment(Qt.AlignmentFlag.AlignRight)
            self.cadence_boxes[circle] = box
            form.addRow(f"{CIRCLE_NAMES[circle].capitalize()} circle ({circle}):", box)
        self.fading_horizon = QSpinBox()
        self.fading_horizon.setRange(MIN_FADING_HORIZON_DAYS, MAX_FADING_HORIZON_DAYS)
        self.fading_horizon.setSuffix(" days")
        self.fading_horizon.setValue(self._horizon)
        self.fading_horizon.setObjectName("fading_horizon")
        self.fading_horizon.setFixedWidth(130)
        self.fading_horizon.setAlignment(Qt.AlignmentFlag.AlignRight)
        self.fading_horizon.setToolTip(
            "The dashboard's Fading list shows who falls below health 50 within this many days "
            f"without contact (the model's default is {DEFAULTS.fading_horizon_days}). Each "
            "person's own fade date is still on their page."
        )
        form.addRow("Fading list looks ahead:", self.fading_horizon)
        layout.addLayout(form)
        reset = QPushButton("Use the model's cadences")
        reset.clicked.connect(self.reset_cadences)
        layout.addWidget(reset, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addStretch(1)
        return page

    # -- actions ------------------------------------------------------------------------
    def chosen_theme(self) -> str:
        return str(self.theme_box.currentData())

    def reset_cadences(self) -> None:
        for circle, box in self.cadence_boxes.items():
            box.setValue(DEFAULTS.cadence_days[circle])
        self.fading_horizon.setValue(DEFAULTS.fading_horizon_days)

    def open_data_folder(self) -> bool:
        """Show the data folder in the desktop's file manager (a local path, never a URL)."""
        return QDesktopServices.openUrl(QUrl.fromLocalFile(str(self._paths.data_dir)))

    def chosen_cadences(self) -> dict[int, int]:
        return {circle: box.value() for circle, box in self.cadence_boxes.items()}

    def accept(self) -> None:
        """Write the choices on the worker, then close; if the journal cannot take them,
        say so and stay open. Nothing is written (and no backup taken) when nothing changed."""
        if self._writing:
            return
        chosen, horizon_chosen = self.chosen_cadences(), self.fading_horizon.value()
        cadences = None if chosen == self._cadences else chosen
        horizon = None if horizon_chosen == self._horizon else horizon_chosen
        theme = self.chosen_theme()
        if cadences is None and horizon is None:
            self._saved(theme)
            return
        preferences = self._journal.preferences

        def write(_progress: Progress) -> None:
            if cadences is not None:
                preferences.set_circle_cadences(cadences)
            if horizon is not None:
                preferences.set_fading_horizon(horizon)

        def written(_result: None) -> None:
            self._lock(False)
            self.cadences_changed = True  # the journal's figures changed: recompute them
            self._saved(theme)

        def refused(error: BaseException) -> None:
            self._lock(False)
            QMessageBox.warning(self, "Preferences", f"The preferences were not saved: {error}")

        self._lock(True)
        Operation(self, write, written, refused, pool=writes_pool()).run()

    def reject(self) -> None:
        """Cancel, Esc or the close button; not while OK's write runs (it would land anyway)."""
        if not self._writing:
            super().reject()

    def _lock(self, writing: bool) -> None:
        """While OK writes, nothing in the dialog can be changed, pressed or closed."""
        self._writing = writing
        self.tabs.setEnabled(not writing)
        self.buttons.setEnabled(not writing)

    def _saved(self, theme: str) -> None:
        self._settings.theme = theme  # type: ignore[assignment]
        self.saved.emit()
        super().accept()


class JournalChoices(TypedDict):
    """What the dialog shows of the journal: read on the worker before it opens."""

    cadences: dict[int, int]
    horizon: int


def read_choices(journal: Journal) -> JournalChoices:
    """The journal's circle cadences and fading horizon, as the dialog's keywords
    (a read: run it on the worker)."""
    preferences = journal.preferences
    return JournalChoices(cadences=preferences.circle_cadences(), horizon=preferences.fading_horizon())
