"""Input that used to crash a command or break its output: absurd limits, line breaks in
names, NUL bytes in notes, a passphrase file others can read."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from relationship_journal import cli
from relationship_journal.journal import Journal
from relationship_journal.journal.records import ContactFields


def _rj(data: Path, *args: str) -> int:
    return cli.main(["--data-dir", str(data), *args])


@pytest.mark.parametrize("limit", ["99999999999999999999", "0", "-1", "ten"])
def test_an_absurd_search_limit_is_one_line_not_a_crash_or_nothing(
    private_folders: Path, capsys: pytest.CaptureFixture[str], limit: str
) -> None:
    assert _rj(private_folders, "add", "Xavier Ruiz") == 0
    with pytest.raises(SystemExit) as exited:
        _rj(private_folders, "search", "Xavier", "--limit", limit)
    assert exited.value.code == 2
    err = capsys.readouterr().err
    assert "--limit" in err and "Traceback" not in err
    assert "Nothing matches" not in err


def test_a_search_limit_in_range_still_finds(
    private_folders: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert _rj(private_folders, "add", "Xavier Ruiz") == 0
    capsys.readouterr()
    assert _rj(private_folders, "search", "Xavier", "--limit", "1") == 0
    assert "Xavier Ruiz" in capsys.readouterr().out


def test_a_name_with_line_breaks_is_kept_on_one_line(
    private_folders: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert _rj(private_folders, "add", "Ann\nMarie\r\n  Lee") == 0
    with Journal.open(private_folders) as journal:
        journal.contacts.add(ContactFields("Bo\x00b\tTate", tags=("close\nfriends",)))
    capsys.readouterr()
    assert _rj(private_folders, "list") == 0
    lines = capsys.readouterr().out.splitlines()
    assert any("Ann Marie Lee" in line for line in lines)
    assert any("Bob Tate" in line for line in lines)
    assert not any(line.strip() in ("Marie", "Lee") for line in lines)


def test_a_nul_in_a_note_does_not_cut_the_search_snippet(
    private_folders: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert _rj(private_folders, "add", "Nora Quist") == 0
    note = "tulips\x00 and roses after the rain"
    assert _rj(private_folders, "log", "Nora", "--kind", "call", "--note", note) == 0
    capsys.readouterr()
    assert _rj(private_folders, "search", "tulips", "--json") == 0
    hits = json.loads(capsys.readouterr().out)
    assert len(hits) == 1
    assert "roses after the rain" in hits[0]["snippet"] and "\x00" not in hits[0]["snippet"]


def test_a_passphrase_file_others_can_read_is_refused(
    private_folders: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    pytest.importorskip("sqlcipher3")
    assert _rj(private_folders, "add", "Ann Lee") == 0
    secret = tmp_path / "passphrase.txt"
    secret.write_text("correct horse\n")
    secret.chmod(0o644)
    capsys.readouterr()
    assert _rj(private_folders, "encrypt", "--passphrase-file", str(secret)) == 1
    err = capsys.readouterr().err
    assert "chmod 600" in err and len(err.strip().splitlines()) == 1
    assert (private_folders / "journal.sqlite3").read_bytes().startswith(b"SQLite format 3")
    secret.chmod(0o600)
    assert _rj(private_folders, "encrypt", "--passphrase-file", str(secret)) == 0
