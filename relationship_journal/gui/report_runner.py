"""Writing PDFs from the window: the brief, the network report and the period review.

The render runs on a worker thread behind a progress dialog whose Cancel stops it
(`step` raises Cancelled); file dialogs start in the folder used last; and once the
PDF is written the status bar offers to open it or show it in its folder.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QFileDialog, QHBoxLayout, QInputDialog, QLabel, QPushButton, QWidget

from relationship_journal.journal.core import Journal

Step = Callable[[str, int, int], None]
REVIEW_PERIODS = {"The last 30 days": 30, "The last 90 days": 90, "The last 12 months": 365}


def _progress(step: Step, label: str) -> Callable[[int, int], bool]:
    def progress(done: int, total: int) -> bool:
        step(label, done, total)
        return True

    return progress


def _pages(result: Any) -> str:
    return f"{result.path} ({result.pages} page{'s' if result.pages != 1 else ''})"


def write_brief(journal: Journal, contact_id: int, path: str, as_of: dt.date, step: Step) -> str:
    """Render the brief; `step` raises Cancelled when the user presses Cancel."""
    from relationship_journal.reports import render_contact_brief

    result = render_contact_brief(
        journal, contact_id, path, as_of=as_of, progress=_progress(step, "Writing the brief")
    )
    return _pages(result)


def write_network(journal: Journal, path: str, as_of: dt.date, step: Step) -> str:
    from relationship_journal.reports.network_report import render_network_report

    result = render_network_report(
        journal, path, as_of, progress=_progress(step, "Writing the network report")
    )
    return _pages(result)


def write_review(journal: Journal, path: str, start: dt.date, end: dt.date, step: Step) -> str:
    from relationship_journal.reports.period_review import render_period_review

    result = render_period_review(
        journal, path, start, end, progress=_progress(step, "Writing the period review")
    )
    return _pages(result)


def ask_pdf_path(window: Any, title: str, suggested: str) -> str:
    """A save dialog that starts in the last folder used and remembers the one chosen."""
    start = str(Path(window.settings.last_folder) / suggested)
    path, _filter = QFileDialog.getSaveFileName(window, title, start, "PDF (*.pdf)")
    if path:
        if not path.lower().endswith(".pdf"):
            path += ".pdf"
        window.settings.last_folder = str(Path(path).parent)
    return path


def ask_review_period(window: Any, as_of: dt.date) -> tuple[dt.date, dt.date] | None:
    choice, ok = QInputDialog.getItem(
        window, "Period review", "Review which period?", list(REVIEW_PERIODS), 1, False
    )
    if not ok:
        return None
    return as_of - dt.timedelta(days=REVIEW_PERIODS[choice] - 1), as_of


class SavedFile(QWidget):
    """In the status bar after a PDF is written: "Saved … [Open] [Show in folder]"."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.label = QLabel(self)
        self.label.setProperty("muted", True)
        self.open_button = QPushButton("Open", self)
        self.folder_button = QPushButton("Show in folder", self)
        for button in (self.open_button, self.folder_button):
            button.setAutoDefault(False)
            layout.addWidget(button)
        layout.insertWidget(0, self.label)
        self.open_button.clicked.connect(lambda: self._open(self.path))
        self.folder_button.clicked.connect(lambda: self._open(str(Path(self.path).parent)))
        self.path: str = ""
        self.opened: list[str] = []  # what was handed to the desktop (tests look here)
        self.hide()

    def show_file(self, path: str, description: str) -> None:
        self.path = path
        self.label.setText(f"Saved {description}")
        self.label.setToolTip(path)
        self.show()

    def _open(self, target: str) -> None:
        self.opened.append(target)
        QDesktopServices.openUrl(QUrl.fromLocalFile(target))
