"""When the app cannot start, it says so and leaves a readable report instead of vanishing.

A double-clicked app has no terminal: a traceback printed on stderr is lost and the
person only sees nothing happen. `guard_start` runs the window's start-up; if it
raises, a report is written into the user's log folder (0700, file 0600) and a
message box says what happened and where the report is. Qt's own fatal errors (no
usable display, a missing system library) never reach Python as exceptions, so a Qt
message handler writes the same report, with Qt's last warnings, before Qt aborts.

The report is meant to be attached to a bug report, so it never holds journal text:
no command-line arguments (a note can be typed there), no local variables, and the
exception's message only for kinds whose messages describe files, modules or the
database (see `_SAFE_MESSAGE_TYPES`); for any other kind only its type is written.

Qt is imported here only inside functions, and only on the window's path.
"""

from __future__ import annotations

import os
import platform
import sqlite3
import sys
import traceback
from collections import deque
from collections.abc import Callable
from pathlib import Path

from relationship_journal import APP_NAME, __version__, clock
from relationship_journal.paths import PRIVATE_FILE_MODE, ensure_private_dir, resolve_paths

EXIT_CRASHED = 70  # EX_SOFTWARE from sysexits.h
KEEP_REPORTS = 20
_QT_MESSAGES_KEPT = 20


def _safe_message_types() -> tuple[type[BaseException], ...]:
    from relationship_journal.store.database import StoreError

    return (OSError, ImportError, sqlite3.Error, MemoryError, RecursionError, StoreError)


_recent_qt_messages: deque[str] = deque(maxlen=_QT_MESSAGES_KEPT)


def describe_error(error: BaseException) -> str:
    """One line naming the error; its message only when it cannot quote the journal."""
    kind = type(error).__qualname__
    module = type(error).__module__
    if module not in ("builtins", "__main__"):
        kind = f"{module}.{kind}"
    if isinstance(error, _safe_message_types()):
        message = str(error).strip()
        if message:
            return f"{kind}: {message[:500]}"
        return kind
    return f"{kind} (its message is left out: it may quote journal text)"


def _traceback_lines(error: BaseException) -> list[str]:
    """Frames (file, line, function, code) of the error and of what caused it."""
    lines: list[str] = []
    seen: set[int] = set()
    current: BaseException | None = error
    chain: list[BaseException] = []
    while current is not None and id(current) not in seen:
        seen.add(id(current))
        chain.append(current)
        current = current.__cause__ or (None if current.__suppress_context__ else current.__context__)
    for position, link in enumerate(reversed(chain)):
        if position:
            lines.append("")
            lines.append("which led to:")
        for frame in traceback.extract_tb(link.__traceback__):
            lines.append(f'  File "{frame.filename}", line {frame.lineno}, in {frame.name}')
            if frame.line:
                lines.append(f"    {frame.line.strip()}")
        lines.append(describe_error(link))
    return lines


def _environment_lines() -> list[str]:
    frozen = "yes" if getattr(sys, "frozen", False) else "no"
    lines = [
        f"{APP_NAME} {__version__}",
        f"When: {clock.utc_now().isoformat(timespec='seconds')}",
        f"Python: {platform.python_version()} (bundled app: {frozen})",
        f"System: {platform.platform()}",
    ]
    qt_core = sys.modules.get("PySide6.QtCore")
    if qt_core is not None:
        lines.append(f"Qt: {qt_core.qVersion()}")
    platform_name = os.environ.get("QT_QPA_PLATFORM")
    if platform_name:
        lines.append(f"QT_QPA_PLATFORM: {platform_name}")
    return lines


def compose_report(headline: str, error: BaseException | None = None) -> str:
    """The report's text: what, when, on which system, where in the code."""
    lines = [headline, ""] + _environment_lines()
    if error is not None:
        lines += ["", "Where it happened (most recent call last):"] + _traceback_lines(error)
    if _recent_qt_messages:
        lines += ["", "Qt's last messages:"] + [f"  {message}" for message in _recent_qt_messages]
    return "\n".join(lines) + "\n"


def write_report(text: str, data_dir: str | os.PathLike[str] | None = None) -> Path | None:
    """Save a report in the user's log folder, private to them; None if that fails."""
    try:
        logs = ensure_private_dir(resolve_paths(data_dir).logs)
        stamp = clock.utc_now().strftime("%Y%m%d-%H%M%S")
        path = logs / f"crash-{stamp}-{os.getpid()}.log"
        descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, PRIVATE_FILE_MODE)
        with os.fdopen(descriptor, "w", encoding="utf-8") as handle:
            handle.write(text)
        _prune(logs)
        return path
    except OSError:
        return None


def _prune(logs: Path) -> None:
    """Keep the newest reports only, so a crash loop cannot fill the disk."""
    reports = sorted(logs.glob("crash-*.log"), key=lambda item: (item.stat().st_mtime, item.name))
    for old in reports[:-KEEP_REPORTS]:
        old.unlink(missing_ok=True)


def _gui_possible() -> bool:
    """Whether a message box could be seen by someone (and would not block a test)."""
    if os.environ.get("QT_QPA_PLATFORM", "").split(":")[0] in ("offscreen", "minimal", "vnc"):
        return False
    if sys.platform.startswith("linux"):
        return bool(os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))
    return True


def show_message(title: str, text: str) -> None:
    """A modal message box, when a display is there to show it."""
    if not _gui_possible():
        return
    from PySide6.QtWidgets import QApplication, QMessageBox

    _app = QApplication.instance() or QApplication([sys.argv[0] if sys.argv else APP_NAME])  # noqa: F841
    QMessageBox.critical(None, title, text)


def report_crash(error: BaseException, data_dir: str | os.PathLike[str] | None = None) -> Path | None:
    """Log an error that stopped the app from starting, and tell the person."""
    path = write_report(compose_report(f"{APP_NAME} could not start.", error), data_dir)
    where = f"A report was saved in:\n{path}" if path else "The report could not be saved."
    print(
        f"relationship-journal: could not start ({describe_error(error)}). "
        + (f"A report was saved in {path}" if path else "The report could not be saved."),
        file=sys.stderr,
    )
    try:
        show_message(
            f"{APP_NAME} could not start",
            f"{APP_NAME} could not start because of an unexpected problem:\n"
            f"{describe_error(error)}\n\n{where}\n\n"
            "The report holds no journal text, so it can be attached to a bug report.",
        )
    except Exception as box_error:  # noqa: BLE001 - the report is already written; say why no box
        print(f"relationship-journal: no message box could be shown: {box_error!r}", file=sys.stderr)
    return path


def _qt_message_handler(data_dir: str | os.PathLike[str] | None) -> Callable[..., None]:
    from PySide6.QtCore import QtMsgType

    def handle(kind: QtMsgType, _context: object, message: str) -> None:
        if kind == QtMsgType.QtDebugMsg:
            return
        _recent_qt_messages.append(message)
        print(message, file=sys.stderr)
        if kind == QtMsgType.QtFatalMsg:
            path = write_report(compose_report(f"{APP_NAME} stopped: Qt reported a fatal error."), data_dir)
            if path:
                print(f"relationship-journal: a report was saved in {path}", file=sys.stderr)

    return handle


def install_qt_message_handler(data_dir: str | os.PathLike[str] | None = None) -> object:
    """Remember Qt's warnings and write a report if Qt gives up (before it aborts).

    Returns the handler it replaced, for whoever wants to put it back.
    """
    from PySide6.QtCore import qInstallMessageHandler

    return qInstallMessageHandler(_qt_message_handler(data_dir))


def guard_start(start: Callable[[], int | None], data_dir: str | os.PathLike[str] | None = None) -> int:
    """Run the window's start-up; an error becomes a report and a message, exit code 70."""
    try:
        install_qt_message_handler(data_dir)
    except ImportError as error:
        report_crash(error, data_dir)
        return EXIT_CRASHED
    try:
        return int(start() or 0)
    except (KeyboardInterrupt, SystemExit):
        raise
    except Exception as error:  # noqa: BLE001 - anything that stops the start is reported
        report_crash(error, data_dir)
        return EXIT_CRASHED

