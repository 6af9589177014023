"""Opening contact files: `relationship-journal card.vcf`, a second start, macOS FileOpen."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QApplication

from relationship_journal import cli
from relationship_journal.gui import worker

CARD = "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Mateo Ruiz\r\nEMAIL:mateo@example.org\r\nEND:VCARD\r\n"


@pytest.fixture
def card(tmp_path: Path) -> Path:
    path = tmp_path / "Mateo Ruiz.vcf"
    path.write_text(CARD, encoding="utf-8")
    return path


def test_suffixes_match_the_import_dialog() -> None:
    from relationship_journal.gui.import_dialog import CONTACT_SUFFIXES

    assert cli.CONTACT_SUFFIXES == CONTACT_SUFFIXES


def test_contact_files_are_told_apart_from_commands(card: Path, tmp_path: Path) -> None:
    commands = cli._command_names(cli.build_parser())
    other = tmp_path / "people.CSV"
    other.write_text("First Name\nAda\n", encoding="utf-8")
    assert cli.split_contact_files([str(card)], commands) == ([], [str(card)])
    assert cli.split_contact_files(["--data-dir", "D", str(card), str(other)], commands) == (
        ["--data-dir", "D"], [str(card), str(other)])
    assert cli.split_contact_files(["list"], commands) is None
    assert cli.split_contact_files(["--data-dir", "D"], commands) is None
    assert cli.split_contact_files([str(tmp_path / "missing.vcf")], commands) is None
    assert cli.split_contact_files(["import", str(card)], commands) is None


def test_a_file_that_is_not_a_contact_file_is_one_line(card: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as stop:
        cli.main([str(card), "notes.txt"])
    assert stop.value.code == 2
    assert capsys.readouterr().err == (
        "relationship-journal: not a contact file (.vcf, .vcard or .csv) that exists: notes.txt\n")


def test_commands_still_run_with_the_files_feature(private_folders: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.main(["--data-dir", str(private_folders), "list"]) == 0
    with pytest.raises(SystemExit):
        cli.main(["--version"])
    assert "relationship-journal" in capsys.readouterr().out


def test_starting_with_a_card_opens_the_import_preview(card: Path, start_app: Any, qtbot: Any,
                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    from relationship_journal.gui.main_window import MainWindow

    monkeypatch.setattr(QApplication, "exec", lambda self: 0)
    assert cli.main([str(card)]) == 0
    window = next(w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow) and w.isVisible())
    qtbot.addWidget(window)
    qtbot.waitUntil(lambda: window.files.import_flow is not None and window.files.import_flow.dialog is not None,
                    timeout=120_000)
    assert window.files.import_flow.paths == [str(card)]
    window.files.import_flow.dialog.accept()
    qtbot.waitUntil(lambda: [s.name for s in window.contact_list.model.summaries()] == ["Mateo Ruiz"]
                    and not worker.busy(), timeout=120_000)
    window.remember = False


def test_a_second_start_hands_its_files_to_the_open_window(private_folders: Path, card: Path, qtbot: Any,
                                                           answers: dict[str, Any]) -> None:
    from relationship_journal.gui.single_instance import SingleInstance, claim_window

    first = SingleInstance(private_folders)
    assert first.acquire()
    received: list[list[str]] = []
    came_forward: list[bool] = []
    first.files_requested.connect(received.append)
    first.activation_requested.connect(lambda: came_forward.append(True))
    try:
        assert claim_window(private_folders, files=(str(card),)) is None
        qtbot.waitUntil(lambda: bool(received), timeout=120_000)
    finally:
        first.release()
    assert received == [[str(card.absolute())]] and came_forward == [True]
    assert answers["warnings"] == []


def test_macos_file_open_event_imports_the_file(card: Path, start_app: Any, qtbot: Any, monkeypatch: Any) -> None:
    monkeypatch.setattr("relationship_journal.gui.app.FILE_OPEN_EVENTS", True)  # as on macOS
    from PySide6.QtGui import QFileOpenEvent

    window = start_app()
    QApplication.sendEvent(QApplication.instance(), QFileOpenEvent(str(card)))
    qtbot.waitUntil(lambda: window.files.import_flow is not None and window.files.import_flow.dialog is not None,
                    timeout=120_000)
    assert window.files.import_flow.paths == [str(card)]
    window.files.import_flow.dialog.reject()
