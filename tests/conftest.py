"""Every test gets its own data and config folders; Qt runs offscreen.

No test may touch the user's real journal, so the environment variables that choose
the folders, and the XDG folders platformdirs falls back on, all point into tmp_path.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

if TYPE_CHECKING:
    from relationship_journal.journal import Journal

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


@pytest.fixture(autouse=True)
def private_folders(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    data = tmp_path / "data"
    monkeypatch.setenv("RELATIONSHIP_JOURNAL_DATA_DIR", str(data))
    monkeypatch.setenv("RELATIONSHIP_JOURNAL_CONFIG_DIR", str(tmp_path / "config"))
    for name in ("XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME", "XDG_STATE_HOME"):
        monkeypatch.setenv(name, str(tmp_path / name.lower()))
    return data


@pytest.fixture
def journal(private_folders: Path) -> Iterator[Journal]:
    """An empty journal in this test's own folder."""
    from relationship_journal.journal import Journal

    with Journal.open(private_folders) as opened:
        yield opened
