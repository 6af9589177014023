"""Where the journal, its settings, logs and backups live.

Everything is private to the user: folders are created 0700 and files 0600, because
the journal holds years of private notes about other people.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from relationship_journal import APP_DIR_NAME

DATA_DIR_ENV = "RELATIONSHIP_JOURNAL_DATA_DIR"
CONFIG_DIR_ENV = "RELATIONSHIP_JOURNAL_CONFIG_DIR"
DATABASE_NAME = "journal.sqlite3"
PRIVATE_DIR_MODE = 0o700
PRIVATE_FILE_MODE = 0o600


@dataclass(frozen=True)
class JournalPaths:
    """The folders and files of one journal."""

    data_dir: Path
    chosen_config_dir: Path | None = None  # from the environment; else the platform's

    @property
    def config_dir(self) -> Path:
        """Settings and logs. The platform's folder is looked up only when asked for: a
        command that reads the journal and prints needs none (platformdirs costs ~9 ms)."""
        return self.chosen_config_dir or _platform_config_dir()

    @property
    def database(self) -> Path:
        return self.data_dir / DATABASE_NAME

    @property
    def backups(self) -> Path:
        return self.data_dir / "backups"

    @property
    def drafts(self) -> Path:
        return self.data_dir / "drafts"

    @property
    def logs(self) -> Path:
        return self.config_dir / "logs"


def resolve_paths(data_dir: str | os.PathLike[str] | None = None) -> JournalPaths:
    """Pick the data folder: the argument, then the environment, then the platform's."""
    chosen = data_dir or os.environ.get(DATA_DIR_ENV)
    if chosen:
        data = Path(chosen).expanduser().absolute()
    else:
        import platformdirs

        data = Path(platformdirs.user_data_dir(APP_DIR_NAME, appauthor=False))
    config_env = os.environ.get(CONFIG_DIR_ENV)
    config = Path(config_env).expanduser().absolute() if config_env else None
    return JournalPaths(data_dir=data, chosen_config_dir=config)


def _platform_config_dir() -> Path:
    """Looked up at each ask, so it follows XDG_CONFIG_HOME as it is then."""
    import platformdirs

    return Path(platformdirs.user_config_dir(APP_DIR_NAME, appauthor=False))


def ensure_private_dir(path: Path) -> Path:
    """Create `path` (and parents) if needed and make it readable by the user alone.

    Folders it creates on the way are 0700 too (mkdir's `parents` would make them with
    the umask's 0755); folders that already existed keep their modes, except `path`.
    """
    missing = [folder for folder in (path, *path.parents) if not folder.exists()]
    for folder in reversed(missing):
        folder.mkdir(exist_ok=True, mode=PRIVATE_DIR_MODE)
        folder.chmod(PRIVATE_DIR_MODE)  # mkdir's mode is masked by the umask
    path.mkdir(parents=True, exist_ok=True, mode=PRIVATE_DIR_MODE)
    if path.stat().st_mode & 0o777 != PRIVATE_DIR_MODE:
        try:
            path.chmod(PRIVATE_DIR_MODE)
        except OSError:
            if not _read_only(path):
                raise  # on a read-only file system the journal is only read: that must work
    return path


def _read_only(path: Path) -> bool:
    """Whether `path` lies on a file system mounted read-only."""
    try:
        return bool(os.statvfs(path).f_flag & os.ST_RDONLY)
    except OSError:
        return False


def make_private(path: Path) -> None:
    """Restrict an existing file to the user alone (0600)."""
    if path.exists() and path.stat().st_mode & 0o777 != PRIVATE_FILE_MODE:
        try:
            path.chmod(PRIVATE_FILE_MODE)
        except OSError:
            if not _read_only(path):
                raise  # on a read-only file system the file is read, never changed
