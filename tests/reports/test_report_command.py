"""`relationship-journal report ...` as a user types it: PDFs out, one clear line on bad input."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from report_pdf_tools import page_count, page_points, pdf_text


def run(data: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONIOENCODING": "utf-8", "QT_QPA_PLATFORM": "offscreen"}
    return subprocess.run([sys.executable, "-m", "relationship_journal", "--data-dir", str(data), *args],
                          capture_output=True, text=True, timeout=300, env=env)


@pytest.fixture(scope="module")
def data(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("cli") / "journal"
    made = run(folder, "demo", "--contacts", "60", "--seed", "2", "--as-of", "2026-06-30")
    assert made.returncode == 0, made.stderr
    assert run(folder, "add", "Anaïs Dubois-Ōtani", "--circle", "15").returncode == 0
    logged = run(folder, "log", "Anaïs Dubois-Ōtani", "--kind", "meeting", "--date", "2026-06-20",
                 "--note", "<b>bold?</b> wants to open a bakery in Porto")
    assert logged.returncode == 0, logged.stderr
    return folder


def test_contact_network_and_review(data: Path, tmp_path: Path) -> None:
    brief = run(data, "report", "contact", "Anaïs Dubois-Ōtani", "--pdf", str(tmp_path / "c.pdf"),
                "--as-of", "2026-06-30", "--page-size", "letter")
    assert brief.returncode == 0, brief.stderr
    assert "Wrote the contact brief" in brief.stdout and brief.stderr == ""
    text = pdf_text(tmp_path / "c.pdf")
    assert "Anaïs Dubois-Ōtani" in text and "<b>bold?</b> wants to open a bakery in Porto" in text
    assert page_points(tmp_path / "c.pdf") == (612.0, 792.0)

    network = run(data, "report", "network", "--pdf", str(tmp_path / "n.pdf"), "--as-of", "2026-06-30",
                  "--circles", "5,15,50")
    assert network.returncode == 0, network.stderr
    assert f"({page_count(tmp_path / 'n.pdf')} pages)" in network.stdout

    review = run(data, "report", "review", "--pdf", str(tmp_path / "r.pdf"), "--from", "2026-05-01",
                 "--to", "2026-06-30", "--page-size", "A4")
    assert review.returncode == 0, review.stderr
    assert "1 May 2026 to 30 June 2026" in pdf_text(tmp_path / "r.pdf")


@pytest.mark.parametrize(
    ("args", "phrase"),
    [
        (("contact", "Nobody Atall"), "no contact matches 'Nobody Atall'"),
        (("contact",), "needs the contact's name"),
        (("network", "--as-of", "2026-13-01"), "--as-of must be a date written YYYY-MM-DD"),
        (("review", "--from", "2026-06-30", "--to", "2026-01-01"), "is after --to"),
        (("review", "--from", "yesterday"), "--from must be a date"),
        (("network", "--page-size", "a3"), "--page-size must be a4 or letter"),
        (("network", "--circles", "7"), "--circles takes circles from"),
        (("network", "--from", "2026-01-01"), "only apply to `report review`"),
    ],
)
def test_bad_input_is_one_clear_line(data: Path, tmp_path: Path, args: tuple[str, ...], phrase: str) -> None:
    result = run(data, "report", *args, "--pdf", str(tmp_path / "x.pdf"))
    assert result.returncode == 1
    assert phrase in result.stderr and "Traceback" not in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
    assert not (tmp_path / "x.pdf").exists()


def test_unwritable_path_is_one_clear_line(data: Path, tmp_path: Path) -> None:
    result = run(data, "report", "network", "--pdf", str(tmp_path / "no" / "such" / "x.pdf"))
    assert result.returncode == 1
    assert "the folder" in result.stderr and "does not exist" in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
