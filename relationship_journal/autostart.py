"""'Start with my session, in the tray': an XDG autostart entry on Linux.

The entry is a copy of the app's .desktop file pointing at `relationship-journal
--in-tray` (with the journal's folder when it is not the default), written to
$XDG_CONFIG_HOME/autostart/. On Windows and macOS the README explains how to do the
same by hand (a shortcut in shell:startup; Login Items); nothing is written there.
"""

from __future__ import annotations

import os
import shlex
import sys
from pathlib import Path

from relationship_journal import APP_ID, APP_NAME

FILE_NAME = f"{APP_ID}.desktop"


def supported() -> bool:
    return sys.platform.startswith("linux") or "bsd" in sys.platform


def autostart_path() -> Path:
    config = os.environ.get("XDG_CONFIG_HOME") or str(Path.home() / ".config")
    return Path(config) / "autostart" / FILE_NAME


def is_enabled() -> bool:
    return autostart_path().is_file()


def entry(
    data_dir: str | os.PathLike[str] | None = None, command: str = "relationship-journal"
) -> str:
    """The .desktop text that starts the app hidden in the tray."""
    arguments = [command, "--in-tray"]
    if data_dir is not None:
        arguments[1:1] = ["--data-dir", str(data_dir)]
    return (
        "[Desktop Entry]\n"
        "Type=Application\n"
        f"Name={APP_NAME}\n"
        "Comment=Today's reminders: who to get in touch with, promises, birthdays\n"
        f"Exec={shlex.join(arguments)}\n"
        f"Icon={APP_ID}\n"
        "Terminal=false\n"
        "X-GNOME-Autostart-enabled=true\n"
    )


def enable(data_dir: str | os.PathLike[str] | None = None) -> Path:
    """Write the autostart entry (private to the user); returns where."""
    path = autostart_path()
    path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
    temporary = path.with_suffix(".tmp")
    temporary.write_text(entry(data_dir), encoding="utf-8")
    temporary.chmod(0o600)
    temporary.replace(path)
    return path


def disable() -> None:
    autostart_path().unlink(missing_ok=True)
