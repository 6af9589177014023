"""The composer's unsaved draft on disk, so nothing typed is lost if the app dies.

Written atomically (temporary file, then rename) into the data folder's `drafts/`,
private to the user (0600 in a 0700 folder). A draft still there at start-up means
the last session ended before it was saved or discarded: the app restores it.
"""

from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path
from typing import Any

from relationship_journal.paths import PRIVATE_FILE_MODE, ensure_private_dir

DRAFT_NAME = "composer.json"


class DraftStore:
    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.path = folder / DRAFT_NAME

    def save(self, draft: dict[str, Any]) -> None:
        ensure_private_dir(self.folder)
        handle, temporary = tempfile.mkstemp(prefix=".draft-", dir=self.folder)
        try:
            os.fchmod(handle, PRIVATE_FILE_MODE)
            with os.fdopen(handle, "w", encoding="utf-8") as stream:
                json.dump(draft, stream, ensure_ascii=False)
                stream.flush()
                os.fsync(stream.fileno())
            os.replace(temporary, self.path)
        except BaseException:
            Path(temporary).unlink(missing_ok=True)
            raise

    def load(self) -> dict[str, Any] | None:
        """The saved draft, or None if there is none or it cannot be read."""
        try:
            value = json.loads(self.path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return None
        return value if isinstance(value, dict) else None

    def clear(self) -> None:
        self.path.unlink(missing_ok=True)
