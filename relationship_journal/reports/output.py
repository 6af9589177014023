"""Writing a report file safely: never a half-written PDF under the user's name.

The PDF is written to a private temporary file (0600) in the destination folder
and renamed over the target in one step. It stays 0600, whatever the umask says or
the file it replaces had: a report holds notes about other people, and everything
the app writes is readable by its owner alone.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from relationship_journal.paths import PRIVATE_FILE_MODE
from relationship_journal.reports.errors import ReportError


def check_destination(path: str | os.PathLike[str]) -> Path:
    """Fail early, with one clear line, if the report could not be saved at `path`."""
    target = Path(path).expanduser()
    if not target.name or target.is_dir():
        raise ReportError(f"cannot write the report to {target}: it is a folder, not a file name")
    folder = target.parent if str(target.parent) else Path(".")
    if not folder.is_dir():
        raise ReportError(f"cannot write the report to {target}: the folder {folder} does not exist")
    if not os.access(folder, os.W_OK | os.X_OK):
        raise ReportError(f"cannot write the report to {target}: no permission to write in {folder}")
    if target.exists() and not os.access(target, os.W_OK):
        raise ReportError(f"cannot write the report to {target}: the file is read-only")
    return target


@contextmanager
def atomic_output(path: str | os.PathLike[str]) -> Iterator[Path]:
    """Yield a private temporary path; on success it replaces `path` whole, else it vanishes."""
    target = check_destination(path)
    try:
        handle, temporary = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".part", dir=target.parent)
    except OSError as error:
        raise ReportError(f"cannot write the report to {target}: {error.strerror}") from None
    os.close(handle)
    temp = Path(temporary)
    try:
        yield temp
        os.chmod(temp, PRIVATE_FILE_MODE)
        os.replace(temp, target)
    except OSError as error:
        raise ReportError(f"cannot write the report to {target}: {error.strerror or error}") from None
    finally:
        if temp.exists():
            temp.unlink()
