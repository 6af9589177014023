"""The Backups page of Preferences: the journal's backups, newest first, with Restore.

Restoring replaces the journal file, so the window's own connections must let go
of it first: the host passes `close_journal` and `reopen_journal`, called around
the restore on the GUI thread (reopen also after a failed one); the copying itself,
for "Back up now" and "Restore…", runs on a worker (gui/worker.py) behind a progress
dialog, so the window keeps painting. The store does the rest: it checks
the backup read-only, backs up the current journal (or sets a damaged one aside),
and swaps the file atomically.

`offer_restore_after_damage` is what the window calls when the journal cannot be
opened because it is damaged: it names the newest backup that passes a full check
and restores it if the person agrees.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import shiboken6
from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from relationship_journal.gui.worker import Operation
from relationship_journal.journal import files
from relationship_journal.journal.errors import StoreError
from relationship_journal.paths import JournalPaths

PATH_ROLE = Qt.ItemDataRole.UserRole


def _nothing() -> None:
    return None


class BackupsPage(QWidget):
    """Lists backups; "Back up now" and "Restore…" (with a confirmation)."""

    restored = Signal(str)  # the backup restored from
    backed_up = Signal(str)  # the backup just written

    def __init__(
        self,
        paths: JournalPaths,
        close_journal: Callable[[], None] = _nothing,
        reopen_journal: Callable[[], None] = _nothing,
        parent: QWidget | None = None,
        confirm: Callable[[str], bool] | None = None,
        tell: Callable[[str, str], None] | None = None,
    ) -> None:
        super().__init__(parent)
        self.paths = paths
        self._close_journal = close_journal
        self._reopen_journal = reopen_journal
        self._confirm = confirm or self._ask
        self._tell = tell or self._inform
        self.list = QListWidget()
        self.list.setAccessibleName("Backups")
        self.list.itemSelectionChanged.connect(self._update_buttons)
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.backup_button = QPushButton("Back up now")
        self.backup_button.clicked.connect(self.back_up_now)
        self.restore_button = QPushButton("Restore…")
        self.restore_button.clicked.connect(self.restore_selected)
        explanation = QLabel(
            f"A backup is taken on the first change of each day and before every upgrade; "
            f"the last {files.KEEP_DAILY} days and {files.KEEP_WEEKLY} weeks are kept, in "
            f"{paths.backups}."
        )
        explanation.setWordWrap(True)
        buttons = QHBoxLayout()
        buttons.addWidget(self.backup_button)
        buttons.addStretch(1)
        buttons.addWidget(self.restore_button)
        layout = QVBoxLayout(self)
        layout.addWidget(explanation)
        layout.addWidget(self.list, 1)
        layout.addLayout(buttons)
        layout.addWidget(self.status)
        self.refresh()

    def refresh(self) -> None:
        self.list.clear()
        for info in files.list_backups(self.paths):
            item = QListWidgetItem(info.label)
            item.setData(PATH_ROLE, str(info.path))
            item.setToolTip(str(info.path))
            if info.kind == "damaged":
                item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEnabled)
            self.list.addItem(item)
        if self.list.count() == 0:
            self.status.setText("No backups yet: one is taken on the first change of the day.")
        self._update_buttons()

    def _update_buttons(self) -> None:
        self.restore_button.setEnabled(bool(self.list.selectedItems()))

    def _host(self) -> QWidget:
        """Who owns the background work: the main window when there is one.

        The Preferences dialog may be closed while a restore runs; the journal must
        still be reopened then, so the work must not die with this page.
        """
        top = self.window()
        return top.parentWidget() or top

    def _set_busy(self, busy: bool) -> None:
        self.backup_button.setEnabled(not busy)
        self.list.setEnabled(not busy)
        self.restore_button.setEnabled(not busy and bool(self.list.selectedItems()))

    def back_up_now(self) -> None:
        """Copy the journal into backups/, off the GUI thread (a big journal takes a while)."""
        paths, passphrase = self.paths, self._passphrase()
        self._set_busy(True)
        self.status.setText("Backing up…")

        def done(written: Path) -> None:
            if shiboken6.isValid(self):
                self._set_busy(False)
                self.refresh()
                self.status.setText(f"Backed up to {written.name}.")
                self.backed_up.emit(str(written))

        def failed(error: BaseException) -> None:
            if not shiboken6.isValid(self):
                return
            self._set_busy(False)
            self.status.clear()
            if not isinstance(error, StoreError | OSError):
                raise error
            self._tell("Backup failed", str(error))

        Operation(self._host(), lambda _progress: files.backup_now(paths, passphrase), done, failed,
                  title="Backing up the journal…").run()

    def _passphrase(self) -> str | None:
        if not files.is_encrypted(self.paths.database):
            return None
        return known_passphrase(self.paths)

    def restore_selected(self) -> bool:
        items = self.list.selectedItems()
        if not items:
            return False
        chosen = items[0]
        if not self._confirm(
            f"Replace the journal with the backup “{chosen.text()}”?\n\n"
            "The journal as it is now is backed up first, so this can be undone by "
            "restoring that backup."
        ):
            return False
        source = Path(chosen.data(PATH_ROLE))
        paths, passphrase = self.paths, known_passphrase(self.paths)
        reopen = self._reopen_journal
        self._close_journal()  # on the GUI thread: the window's connections let go first
        self._set_busy(True)
        self.status.setText("Restoring…")

        def done(kept: Path | None) -> None:
            reopen()
            if shiboken6.isValid(self):
                self._set_busy(False)
                self.refresh()
                where = f" The previous journal is kept as {kept.name}." if kept else ""
                self.status.setText(f"Restored from {source.name}.{where}")
                self.restored.emit(str(source))

        def failed(error: BaseException) -> None:
            reopen()
            if not shiboken6.isValid(self):
                return
            self._set_busy(False)
            self.status.clear()
            if not isinstance(error, StoreError | OSError):
                raise error
            self._tell("Restore failed", f"{error}\n\nThe journal was not changed.")

        Operation(self._host(), lambda _progress: files.restore(paths, source, passphrase), done, failed,
                  title="Restoring the backup…").run()
        return True

    def _ask(self, question: str) -> bool:
        answer = QMessageBox.question(self, "Restore a backup", question)
        return answer == QMessageBox.StandardButton.Yes

    def _inform(self, title: str, text: str) -> None:
        QMessageBox.warning(self, title, text)


def known_passphrase(paths: JournalPaths) -> str | None:
    """The journal's passphrase as the window knows it (unlocked, or from the environment).

    Backups of an encrypted journal are encrypted with the same passphrase, but the
    store remembers it under the journal's path, not the backup's: it must be handed
    over. None for a plain journal (or when nobody has given it).
    """
    return files.known_passphrase(paths)


def offer_restore_after_damage(
    paths: JournalPaths,
    error: StoreError,
    parent: QWidget | None = None,
    confirm: Callable[[str], bool] | None = None,
) -> bool:
    """Tell the person the journal is damaged and offer the newest good backup; True if restored."""
    passphrase = known_passphrase(paths)
    good = files.newest_good_backup(paths, passphrase)
    if good is None:
        QMessageBox.critical(
            parent, "The journal cannot be opened", f"{error}\n\nNo intact backup was found."
        )
        return False
    question = (
        f"{error}\n\nRestore the newest intact backup, {good.label}? The damaged journal "
        "is kept in the backups folder."
    )
    if confirm is not None:
        agreed = confirm(question)
    else:
        agreed = (
            QMessageBox.question(parent, "The journal cannot be opened", question)
            == QMessageBox.StandardButton.Yes
        )
    if not agreed:
        return False
    files.restore(paths, good.path, passphrase)
    return True
