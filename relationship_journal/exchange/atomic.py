"""Writing an export at the user's path so that a crash never leaves half a file there.

The text goes to a temporary file in the same folder (same file system, so the
rename is atomic), is flushed to disk, then renamed over the target.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from relationship_journal.journal.errors import ValidationError


def write_atomically(path: str | os.PathLike[str], data: bytes) -> Path:
    target = Path(path)
    folder = target.parent if str(target.parent) else Path(".")
    if not folder.is_dir():
        raise ValidationError(f"the folder {folder} does not exist")
    if target.is_dir():
        raise ValidationError(f"{target} is a folder; give a file name to export to")
    try:
        fd, temporary = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".part", dir=folder)
    except OSError as error:
        raise ValidationError(f"cannot write {target}: {error.strerror or error}") from None
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        # Contacts are private: the export is readable by its owner only, like the journal.
        os.chmod(temporary, 0o600)
        os.replace(temporary, target)
    except OSError as error:
        if os.path.exists(temporary):
            os.unlink(temporary)
        raise ValidationError(f"cannot write {target}: {error.strerror or error}") from None
    except BaseException:
        if os.path.exists(temporary):
            os.unlink(temporary)
        raise
    return target
