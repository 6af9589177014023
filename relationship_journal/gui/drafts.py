"""The composer's unsaved draft on disk, so nothing typed is lost if the app dies.

Written atomically (temporary file, then rename) into the data folder's `drafts/`,
private to the user (0600 in a 0700 folder). A draft still there at start-up means
the last session ended before it was saved or discarded: the app restores it.

For an encrypted journal the draft holds note text that must not lie in the clear
beside it: it goes into `composer.sealed`, encrypted with the journal's passphrase
(the journal's Database seals it), and a plain draft left from before is removed.
"""

from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING, Any

from relationship_journal.paths import PRIVATE_FILE_MODE, ensure_private_dir

if TYPE_CHECKING:
    from relationship_journal.journal.core import Journal

DRAFT_NAME = "composer.json"
SEALED_NAME = "composer.sealed"


class DraftStore:
    def __init__(self, folder: Path, journal: Journal | None = None) -> None:
        self.folder = folder
        self.path = folder / DRAFT_NAME
        self.sealed_path = folder / SEALED_NAME
        self._journal = journal

    def _encrypted(self) -> bool:
        return self._journal is not None and self._journal.database.encrypted

    def save(self, draft: dict[str, Any]) -> None:
        ensure_private_dir(self.folder)
        if self._encrypted():
            assert self._journal is not None
            self._journal.database.seal(self.sealed_path, json.dumps(draft, ensure_ascii=False))
            self.path.unlink(missing_ok=True)  # never a plain copy beside an encrypted journal
            return
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
        text: str | None = None
        if self._encrypted():
            assert self._journal is not None
            text = self._journal.database.unseal(self.sealed_path)
        if text is None:
            try:
                text = self.path.read_text(encoding="utf-8")
            except OSError:
                return None
        try:
            value = json.loads(text)
        except ValueError:
            return None
        if not isinstance(value, dict):
            return None
        if self._encrypted() and self.path.exists():
            self.save(value)  # a plain draft from before the journal was encrypted: seal it
        return value

    def clear(self) -> None:
        self.path.unlink(missing_ok=True)
        self.sealed_path.unlink(missing_ok=True)
