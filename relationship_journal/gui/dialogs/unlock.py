"""Asking for an encrypted journal's passphrase when the window starts.

A wrong passphrase says so and asks again, as often as the person likes: there is
no lock-out and no attempt counter, because the data must never become unreachable
to its owner. Nothing is written to the file while asking (the check opens it
read-only). The passphrase is kept in this process's memory only
(journal/files.unlock), so the journal, its backups and restores
all open with it.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtWidgets import QInputDialog, QLineEdit, QMessageBox, QWidget

from relationship_journal.journal import files

WRONG = "That passphrase does not open this journal. Nothing was changed; please try again."


def _ask_dialog(parent: QWidget | None, message: str) -> str | None:
    text, accepted = QInputDialog.getText(
        parent, "Encrypted journal", message, QLineEdit.EchoMode.Password
    )
    return text if accepted else None


def unlock_journal(
    database: Path,
    parent: QWidget | None = None,
    ask: Callable[[str], str | None] | None = None,
    tell: Callable[[str], object] | None = None,
) -> bool:
    """True when the journal can be opened (plain, or its passphrase given); False if cancelled.

    `ask(message)` returns the typed passphrase or None for Cancel; `tell(message)`
    shows a problem. Both default to dialogs; tests pass their own.
    """
    if not files.is_encrypted(database):
        return True
    ask = ask or (lambda message: _ask_dialog(parent, message))
    tell = tell or (lambda message: QMessageBox.warning(parent, "Encrypted journal", message))
    if not files.encryption_available():
        tell(
            f"{database} is encrypted, and encryption support is not installed "
            "(pip install 'relationship-journal[encryption]')."
        )
        return False
    message = f"This journal is encrypted. Passphrase for {database.name}:"
    while True:
        passphrase = ask(message)
        if passphrase is None:
            return False
        if passphrase and files.unlock(database, passphrase):
            return True
        tell(WRONG)
        message = f"{WRONG}\n\nPassphrase for {database.name}:"
