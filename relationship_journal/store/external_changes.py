"""Noticing writes made by another process (the command line while the window is open).

SQLite's `PRAGMA data_version` on a connection changes whenever any other
connection commits: another process, or this process's own write engine. The
window keeps one watcher and polls `changed()` on a timer (one tiny query, no file
scan), then reloads what it shows; after its own writes that reload is harmless. The
window polls from its writes' worker, one call at a time, on whichever thread that is.
"""

from __future__ import annotations

import sqlite3
from typing import Any

from relationship_journal.store.database import Database


class ExternalChanges:
    """`changed()` is True once after any commit made elsewhere since the last call."""

    def __init__(self, database: Database) -> None:
        self._connection: Any = database.connect(any_thread=True)
        self._version = self._read()

    def _read(self) -> int:
        return int(self._connection.execute("PRAGMA data_version").fetchone()[0])

    def changed(self) -> bool:
        try:
            current = self._read()
        except sqlite3.Error:
            return False
        if current != self._version:
            self._version = current
            return True
        return False

    def close(self) -> None:
        self._connection.close()
