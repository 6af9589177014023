"""Everything the app creates is the user's alone: files 0600, folders 0700, whatever the umask."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from relationship_journal import cli
from relationship_journal.paths import ensure_private_dir


@pytest.fixture(autouse=True)
def open_umask() -> Iterator[None]:
    """The usual desktop umask, under which a plain mkdir or open gives 0755 / 0644."""
    old = os.umask(0o022)
    try:
        yield
    finally:
        os.umask(old)


def _mode(path: Path) -> int:
    return path.stat().st_mode & 0o777


def test_a_split_vcard_export_makes_a_private_folder_of_private_cards(
    private_folders: Path, tmp_path: Path
) -> None:
    assert cli.main(["--data-dir", str(private_folders), "add", "Ann Lee"]) == 0
    out = tmp_path / "exports" / "cards"
    assert (
        cli.main(["--data-dir", str(private_folders), "export", "vcard", "--split", str(out)]) == 0
    )
    assert _mode(out) == 0o700 and _mode(out.parent) == 0o700
    cards = list(out.iterdir())
    assert cards and all(_mode(card) == 0o600 for card in cards)


def test_folders_made_on_the_way_to_the_data_and_config_folders_are_private(tmp_path: Path) -> None:
    config = tmp_path / "home" / ".config" / "relationship-journal"
    ensure_private_dir(config)
    assert [_mode(folder) for folder in (config, config.parent, config.parent.parent)] == [
        0o700
    ] * 3
    tmp_path.chmod(0o755)
    ensure_private_dir(tmp_path / "other")
    assert _mode(tmp_path) == 0o755  # a folder that was there already keeps its mode


def test_a_command_makes_the_data_folder_private(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    data = tmp_path / "new" / "data"
    monkeypatch.setenv("RELATIONSHIP_JOURNAL_CONFIG_DIR", str(tmp_path / "new" / "config"))
    assert cli.main(["--data-dir", str(data), "add", "Ann Lee"]) == 0
    assert _mode(data) == 0o700 and _mode(data.parent) == 0o700
    assert _mode(data / "journal.sqlite3") == 0o600
    assert all(_mode(path) == 0o600 for path in data.rglob("*") if path.is_file())
