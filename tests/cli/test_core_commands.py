"""The command line as a user calls it: exit codes, output, one-line errors."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest


def run(data: Path, *args: str, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "relationship_journal", "--data-dir", str(data), *args],
        capture_output=True,
        text=True,
        input=stdin,
        timeout=120,
        env={**os.environ, "PYTHONIOENCODING": "utf-8"},
    )


def assert_clean_failure(result: subprocess.CompletedProcess[str], phrase: str) -> None:
    assert result.returncode != 0
    assert "Traceback" not in result.stderr
    assert phrase in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1, result.stderr


def test_add_log_list_and_search(tmp_path: Path) -> None:
    data = tmp_path / "journal"
    added = run(data, "add", "Zoë Ångström", "--organisation", "Acme Ltd", "--circle", "15",
                "--email", "zoe@acme.example", "--birthday=--04-15", "--tag", "sailing")
    assert added.returncode == 0, added.stderr
    assert added.stdout.strip().isdigit()
    logged = run(data, "log", "zoe angstrom", "--kind", "meeting", "--minutes", "45", "--depth", "4",
                 "--date", "2026-06-29", "--note", "-", stdin="Training for the Lisbon marathon\n")
    assert logged.returncode == 0, logged.stderr
    (contact,) = json.loads(run(data, "list", "--json").stdout)
    assert contact["name"] == "Zoë Ångström"
    assert contact["emails"] == ["zoe@acme.example"]
    assert contact["birthday"] == "--04-15"
    assert (contact["circle"], contact["tags"]) == (15, ["sailing"])
    hits = json.loads(run(data, "search", "marathon", "--json").stdout)
    assert hits[0]["kind"] == "interaction"
    assert hits[0]["contact_ids"] == [contact["id"]]
    assert "marathon" in hits[0]["snippet"]
    assert "Zoë Ångström" in run(data, "list").stdout


@pytest.mark.parametrize(
    ("args", "phrase"),
    [
        (("log", "Nobody Such", "--kind", "meeting"), "no contact matches 'Nobody Such'"),
        (("log", "Ann Lee", "--kind", "meeting", "--depth", "9"), "depth must be a whole number from 1 to 5"),
        (("log", "Ann Lee", "--kind", "meeting", "--date", "2026-13-40"), "YYYY-MM-DD"),
        (("log", "Ann", "--kind", "dance"), "invalid choice"),
        (("log", "an", "--kind", "call"), "matches 2 contacts: Ann Lee, Anna Berg"),
        (("add", "  "), "name cannot be empty"),
        (("add", "X", "--email", "nope"), "not an email address"),
    ],
)
def test_bad_input_is_one_clear_line_and_writes_nothing(
    tmp_path: Path, args: tuple[str, ...], phrase: str
) -> None:
    data = tmp_path / "journal"
    assert run(data, "add", "Ann Lee").returncode == 0
    assert run(data, "add", "Anna Berg").returncode == 0
    result = run(data, *args)
    assert_clean_failure(result, phrase)
    assert len(json.loads(run(data, "list", "--json").stdout)) == 2
    assert json.loads(run(data, "search", "a", "--json").stdout) == [] or all(
        h["kind"] == "contact" for h in json.loads(run(data, "search", "a", "--json").stdout)
    )


def test_unreadable_data_folder_is_reported(tmp_path: Path) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    result = run(blocker / "journal", "list")
    assert result.returncode == 1
    assert "Traceback" not in result.stderr and result.stderr.strip()


def test_foreign_file_is_refused(tmp_path: Path) -> None:
    data = tmp_path / "journal"
    data.mkdir(mode=0o700)
    (data / "journal.sqlite3").write_bytes(os.urandom(8192))
    result = run(data, "list")
    assert_clean_failure(result, "not a Relationship Journal database")


def test_files_are_private(tmp_path: Path) -> None:
    data = tmp_path / "journal"
    assert run(data, "add", "Ann Lee").returncode == 0
    assert data.stat().st_mode & 0o777 == 0o700
    for path in data.iterdir():
        if path.is_file():
            assert path.stat().st_mode & 0o777 == 0o600, path


def test_version_and_module_entry_point(tmp_path: Path) -> None:
    from relationship_journal import __version__

    result = run(tmp_path, "--version")
    assert result.returncode == 0 and __version__ in result.stdout


def test_demo_fills_an_empty_journal_and_refuses_a_full_one(tmp_path: Path) -> None:
    data = tmp_path / "journal"
    made = run(data, "demo", "--contacts", "60", "--interactions", "900", "--seed", "3", "--as-of", "2026-06-30")
    assert made.returncode == 0, made.stderr
    assert "60 contacts" in made.stdout
    assert len(json.loads(run(data, "list", "--json").stdout)) == 60
    again = run(data, "demo", "--contacts", "10")
    assert_clean_failure(again, "already has contacts")
    assert len(json.loads(run(data, "list", "--json").stdout)) == 60


def test_adding_a_second_person_with_the_same_name_needs_a_flag(tmp_path: Path) -> None:
    data = tmp_path / "journal"
    assert run(data, "add", "Élodie Marchetti").returncode == 0
    again = run(data, "add", "elodie marchetti")
    assert_clean_failure(again, "already in the journal")
    assert len(json.loads(run(data, "list", "--json").stdout)) == 1
    assert run(data, "log", "Élodie Marchetti", "--kind", "call").returncode == 0
    assert run(data, "add", "Élodie Marchetti", "--allow-duplicate").returncode == 0
    assert len(json.loads(run(data, "list", "--json").stdout)) == 2


def test_undecodable_text_and_far_dates_are_one_line(tmp_path: Path) -> None:
    data = tmp_path / "journal"
    assert run(data, "add", "Ruth Baker").returncode == 0
    bad_name = subprocess.run(
        [sys.executable, "-m", "relationship_journal", "--data-dir", str(data), "add", b"Bad\xffName"],
        capture_output=True, text=True, timeout=120,
    )
    assert_clean_failure(bad_name, "not valid text (UTF-8)")
    bad_note = subprocess.run(
        [sys.executable, "-m", "relationship_journal", "--data-dir", str(data), "log", "Ruth", "--kind",
         "call", "--note", "-"],
        input=b"caf\xe9 latin-1", capture_output=True, timeout=120,
    )
    assert bad_note.returncode == 1 and b"not UTF-8 text" in bad_note.stderr
    far = run(data, "health", "--as-of", "9999-12-31")
    assert_clean_failure(far, "out of range: dates go from 1900-01-01 to 2999-12-31")
    assert len(json.loads(run(data, "list", "--json").stdout)) == 1
    assert json.loads(run(data, "search", "latin", "--json").stdout) == []


def test_a_closed_pipe_ends_quietly(tmp_path: Path) -> None:
    data = tmp_path / "journal"
    assert run(data, "demo", "--contacts", "400", "--interactions", "400", "--seed", "2").returncode == 0
    listing = subprocess.Popen(
        [sys.executable, "-m", "relationship_journal", "--data-dir", str(data), "list"],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE,
    )
    assert listing.stdout is not None and listing.stderr is not None
    listing.stdout.readline()
    listing.stdout.close()  # like `| head -1`
    listing.wait(timeout=120)
    assert listing.returncode == 0
    assert listing.stderr.read() == b""


def test_an_unexpected_error_is_one_line_and_a_report(tmp_path: Path) -> None:
    """A bug must never show a traceback: one line, and a report in the log folder."""
    data = tmp_path / "journal"
    config = tmp_path / "config"
    script = (
        "import sys; import relationship_journal.commands.contacts as c\n"
        "def boom(args): raise ZeroDivisionError('a bug')\n"
        "c.run_list = boom\n"
        "from relationship_journal.cli import main\n"
        f"sys.exit(main(['--data-dir', {str(data)!r}, 'list']))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, timeout=120,
        env={**os.environ, "RELATIONSHIP_JOURNAL_CONFIG_DIR": str(config)},
    )
    assert result.returncode == 70
    assert "Traceback" not in result.stderr
    assert "an unexpected problem stopped the command" in result.stderr
    assert list((config / "logs").iterdir())


def test_bad_demo_size_and_unwritable_export_leave_nothing_behind(tmp_path: Path) -> None:
    data = tmp_path / "journal"
    refused = run(data, "demo", "--contacts", "0")
    assert_clean_failure(refused, "takes 1 to 100,000 contacts")
    assert not data.exists()
    assert run(data, "add", "Ruth Baker").returncode == 0
    # /proc takes no new files, even from root: the export names the path the user gave.
    result = run(data, "export", "vcard", "/proc/contacts.vcf")
    assert_clean_failure(result, "cannot write /proc/contacts.vcf")
