"""One window per journal: a second start brings the first window forward instead.

Two windows on one journal would each hold their own view and undo history of the
same file, and a restore from one would pull the file from under the other. The
first window holds a QLockFile in the data folder (`.window.lock`; Qt writes the
process id in it, and removes a lock whose process has died, so a crash never
locks the person out) and listens on a QLocalServer only the same user can reach.
A second start finds the lock taken, asks the first window to come forward over
that local socket and exits; if the first window cannot be reached, it says so.
A second start with contact files (`relationship-journal card.vcf`, a double-click)
also sends their paths, one `open <path>` line each, and the first window imports them.

The command line does not take the lock: it writes safely beside the window (WAL
and busy_timeout), and only `restore`, `encrypt` and `decrypt`, which replace the
file, refuse while the lock is held (store/backup.window_pid).

Use from gui/app.py:

    guard = claim_window(paths.data_dir)
    if guard is None:
        return 0                      # the first window was brought forward
    ...
    guard.activation_requested.connect(lambda: bring_forward(window))
"""

from __future__ import annotations

import hashlib
import os
import sys
from pathlib import Path

from PySide6.QtCore import QLockFile, QObject, Signal
from PySide6.QtNetwork import QLocalServer, QLocalSocket
from PySide6.QtWidgets import QMessageBox, QWidget

from relationship_journal.journal.files import WINDOW_LOCK_NAME
from relationship_journal.paths import ensure_private_dir, make_private

ACTIVATE = b"activate\n"
OPEN = b"open "
_WAIT_MS = 1500


def server_name(data_dir: Path) -> str:
    """A local socket name per user and journal folder (short: Unix socket paths are limited)."""
    key = f"{os.getuid() if hasattr(os, 'getuid') else os.getlogin()}:{data_dir.absolute()}"
    return "relationship-journal-" + hashlib.sha256(key.encode()).hexdigest()[:20]


class SingleInstance(QObject):
    """The window lock of one journal folder, and the channel a second start knocks on."""

    activation_requested = Signal()
    files_requested = Signal(list)  # absolute paths a second start asked this window to import

    def __init__(self, data_dir: Path, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.data_dir = data_dir
        self.lock_path = data_dir / WINDOW_LOCK_NAME
        self._lock = QLockFile(str(self.lock_path))
        self._lock.setStaleLockTime(0)  # stale only when its process is gone, never by age
        self._server: QLocalServer | None = None

    def acquire(self) -> bool:
        """Take the lock (True: this is the first window) and start listening for others."""
        ensure_private_dir(self.data_dir)
        if not self._lock.tryLock(100):
            return False
        make_private(self.lock_path)
        name = server_name(self.data_dir)
        QLocalServer.removeServer(name)  # a socket left by a crashed window; we hold the lock
        server = QLocalServer(self)
        server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        server.newConnection.connect(self._on_connection)
        if server.listen(name):
            self._server = server
        return True

    def holder_pid(self) -> int | None:
        """The process id of the window holding the lock, if Qt can tell."""
        pid, _host, _app = self._lock.getLockInfo()  # (0, "", "") when Qt cannot tell
        return int(pid) if pid else None

    def notify_first(self, files: tuple[str, ...] = ()) -> bool:
        """Ask the first window to come forward (and import `files`); False when it cannot be reached."""
        socket = QLocalSocket()
        socket.connectToServer(server_name(self.data_dir))
        if not socket.waitForConnected(_WAIT_MS):
            return False
        message = ACTIVATE + b"".join(OPEN + os.fsencode(os.path.abspath(f)) + b"\n" for f in files)
        socket.write(message)
        sent = socket.waitForBytesWritten(_WAIT_MS)
        socket.disconnectFromServer()
        return sent

    def _on_connection(self) -> None:
        assert self._server is not None
        while (connection := self._server.nextPendingConnection()) is not None:
            # The knock is a few short lines sent at once; read them here rather than keep
            # per-connection slots alive (Qt deletes the socket with the server).
            message = b""
            while connection.bytesAvailable() or connection.waitForReadyRead(_WAIT_MS):
                message += bytes(connection.readAll().data())
                if message.endswith(b"\n") and not connection.waitForReadyRead(50):
                    break
            connection.disconnectFromServer()
            if message.startswith(ACTIVATE.strip()):
                self.activation_requested.emit()
                files = [os.fsdecode(line[len(OPEN):]) for line in message.split(b"\n")
                         if line.startswith(OPEN)]
                if files:
                    self.files_requested.emit(files)

    def release(self) -> None:
        if self._server is not None:
            self._server.close()
            self._server = None
        if self._lock.isLocked():
            self._lock.unlock()


def bring_forward(window: QWidget) -> None:
    """Show a window that may be minimised or behind others, and give it focus."""
    if window.isMinimized():
        window.showNormal()
    window.show()
    window.raise_()
    window.activateWindow()


def claim_window(data_dir: Path, parent: QWidget | None = None,
                 files: tuple[str, ...] = ()) -> SingleInstance | None:
    """The lock for a new window, or None after bringing the existing window forward.

    `files` (contact files to import) are handed to the existing window. When it cannot
    be reached (it is hung, or another user's), a message says that the journal is
    already open, so the second start never fails silently.
    """
    guard = SingleInstance(data_dir)
    if guard.acquire():
        return guard
    if not guard.notify_first(files):
        if files:
            print(f"relationship-journal: the journal is already open in another window that did not "
                  f"answer; not imported: {', '.join(files)}", file=sys.stderr)
        pid = guard.holder_pid()
        which = f" (process {pid})" if pid else ""
        QMessageBox.information(
            parent,
            "Relationship Journal is already open",
            f"This journal is already open in another Relationship Journal window{which}. "
            "Switch to that window, or close it and try again.",
        )
    return None
