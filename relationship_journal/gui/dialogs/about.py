"""About: what the app is, which version, where the data is, and what it runs on."""

from __future__ import annotations

import platform

import PySide6
from PySide6.QtCore import Qt, qVersion
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from relationship_journal import APP_NAME, __version__
from relationship_journal.paths import JournalPaths, resolve_paths

THESIS = "An inch wide and a mile deep."


def _paths_of(parent: QWidget | None) -> JournalPaths:
    """The open journal's folders when the main window has one, else the default ones."""
    journal = getattr(parent, "journal", None)
    paths = getattr(journal, "paths", None)
    return paths if isinstance(paths, JournalPaths) else resolve_paths()


class AboutDialog(QDialog):
    def __init__(self, parent: QWidget | None = None, paths: JournalPaths | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(f"About {APP_NAME}")
        self.setMinimumWidth(460)
        paths = paths or _paths_of(parent)

        icon = QLabel()
        try:
            from relationship_journal.gui.resources import app_icon

            icon.setPixmap(app_icon().pixmap(72, 72))
        except ImportError:  # a build without the resources module: no picture
            pass
        icon.setAlignment(Qt.AlignmentFlag.AlignTop)

        title = QLabel(f"{APP_NAME}")
        title.setObjectName("EmptyTitle")
        version = QLabel(f"Version {__version__}")
        version.setObjectName("version")
        thesis = QLabel(f"<i>{THESIS}</i>")
        thesis.setObjectName("thesis")
        summary = QLabel(
            "An offline journal for the depth of your relationships: who knows you, who trusts "
            "you, and who is fading. Everything stays on this computer; the app never uses the "
            "network."
        )
        summary.setWordWrap(True)
        details = QLabel(
            f"Data folder: {paths.data_dir}<br>"
            f"Qt {qVersion()} · PySide6 {PySide6.__version__} · Python {platform.python_version()}"
        )
        details.setProperty("muted", True)
        details.setWordWrap(True)
        details.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        details.setObjectName("details")

        text = QVBoxLayout()
        text.setSpacing(6)
        for widget in (title, version, thesis, summary, details):
            text.addWidget(widget)
        row = QHBoxLayout()
        row.setSpacing(16)
        row.addWidget(icon)
        row.addLayout(text, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addWidget(buttons)
