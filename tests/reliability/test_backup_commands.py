"""`backup`, `backup --list` and `restore` as typed at the command line."""

from __future__ import annotations

from pathlib import Path

import pytest

from relationship_journal import cli


def _rj(data: Path, *args: str) -> int:
    return cli.main(["--data-dir", str(data), *args])


def test_backup_list_and_restore(private_folders: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert _rj(private_folders, "backup") == 1
    assert "no journal" in capsys.readouterr().err
    assert _rj(private_folders, "add", "Ann Lee") == 0
    out = tmp_path / "saved.sqlite3"
    assert _rj(private_folders, "backup", str(out)) == 0
    assert out.stat().st_mode & 0o777 == 0o600
    assert _rj(private_folders, "backup", str(tmp_path)) == 0  # a folder: a dated file inside
    assert len(list(tmp_path.glob("journal-*.sqlite3"))) == 1
    assert _rj(private_folders, "backup") == 0
    assert _rj(private_folders, "add", "Ben Ode") == 0
    capsys.readouterr()
    assert _rj(private_folders, "backup", "--list") == 0
    listing = capsys.readouterr().out
    assert "manual" in listing and "daily" in listing
    assert _rj(private_folders, "restore", str(out)) == 0
    assert "kept in" in capsys.readouterr().out
    assert _rj(private_folders, "list", "--json") == 0
    listed = capsys.readouterr().out
    assert "Ann Lee" in listed and "Ben Ode" not in listed


def test_backup_never_overwrites_a_file_that_is_not_a_backup(
    private_folders: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert _rj(private_folders, "add", "Ann Lee") == 0
    precious = tmp_path / "thesis.txt"
    precious.write_text("years of work\n")
    assert _rj(private_folders, "backup", str(precious)) == 1
    assert "not a journal backup" in capsys.readouterr().err
    assert precious.read_text() == "years of work\n"


def test_restore_refuses_the_journal_itself_and_non_journals(
    private_folders: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert _rj(private_folders, "add", "Ann Lee") == 0
    assert _rj(private_folders, "restore", str(private_folders / "journal.sqlite3")) == 1
    assert "the journal itself" in capsys.readouterr().err
    text = tmp_path / "notes.txt"
    text.write_text("hello\n" * 1000)
    assert _rj(private_folders, "restore", str(text)) == 1
    err = capsys.readouterr().err
    assert "not a Relationship Journal" in err and len(err.strip().splitlines()) == 1
