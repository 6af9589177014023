"""A crash at start leaves a private, readable report without journal text, and says so."""

from __future__ import annotations

import stat
from pathlib import Path

import pytest

from relationship_journal import crash
from relationship_journal.paths import resolve_paths

NOTE = "Anna told me about her divorce and the new job in Lisbon"


@pytest.fixture(autouse=True)
def no_process_wide_qt_handler(monkeypatch: pytest.MonkeyPatch) -> None:
    """guard_start would replace pytest-qt's message handler for the whole session."""
    crash._recent_qt_messages.clear()
    monkeypatch.setattr(crash, "install_qt_message_handler", lambda data_dir=None: None)


def reports() -> list[Path]:
    logs = resolve_paths().logs
    return sorted(logs.glob("crash-*.log")) if logs.exists() else []


def failing_start() -> int:
    raise ValueError(NOTE)


def test_a_failed_start_returns_an_error_code_and_writes_one_private_report(capsys) -> None:
    assert crash.guard_start(failing_start) == crash.EXIT_CRASHED
    [report] = reports()
    assert stat.S_IMODE(report.stat().st_mode) == 0o600
    assert stat.S_IMODE(report.parent.stat().st_mode) == 0o700
    text = report.read_text(encoding="utf-8")
    assert "could not start" in text
    assert "ValueError" in text
    assert "failing_start" in text  # where it happened
    assert str(report) in capsys.readouterr().err


def test_the_report_never_holds_the_text_of_a_note() -> None:
    crash.guard_start(failing_start)
    text = reports()[0].read_text(encoding="utf-8")
    assert "Anna" not in text and "Lisbon" not in text
    assert "message is left out" in text


def test_a_missing_file_is_named_because_its_message_is_about_files() -> None:
    def start() -> int:
        raise FileNotFoundError(2, "No such file or directory", "/nowhere/styles/light.qss")

    crash.guard_start(start)
    assert "/nowhere/styles/light.qss" in reports()[0].read_text(encoding="utf-8")


def test_the_cause_of_an_error_is_reported_too() -> None:
    def start() -> int:
        try:
            import relationship_journal_missing_module  # noqa: F401
        except ImportError as error:
            raise RuntimeError(NOTE) from error
        return 0

    crash.guard_start(start)
    text = reports()[0].read_text(encoding="utf-8")
    assert "relationship_journal_missing_module" in text
    assert "which led to:" in text and "RuntimeError" in text
    assert "Lisbon" not in text


def test_a_good_start_returns_its_own_code_and_writes_nothing() -> None:
    assert crash.guard_start(lambda: 0) == 0
    assert crash.guard_start(lambda: None) == 0
    assert reports() == []


def test_ctrl_c_is_not_a_crash() -> None:
    def start() -> int:
        raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        crash.guard_start(start)
    assert reports() == []


def test_with_a_display_a_message_box_tells_where_the_report_is(
    qapp, monkeypatch: pytest.MonkeyPatch
) -> None:
    from PySide6.QtWidgets import QMessageBox

    shown: list[tuple[str, str]] = []
    monkeypatch.setattr(QMessageBox, "critical", lambda parent, title, text: shown.append((title, text)))
    monkeypatch.setenv("QT_QPA_PLATFORM", "xcb")
    monkeypatch.setenv("DISPLAY", ":42")
    crash.guard_start(failing_start)
    [(title, text)] = shown
    assert "could not start" in title
    assert str(reports()[0]) in text
    assert "Lisbon" not in text


def test_offscreen_no_message_box_waits_for_a_click(qapp, monkeypatch: pytest.MonkeyPatch) -> None:
    from PySide6.QtWidgets import QMessageBox

    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "critical", lambda *args: shown.append("box"))
    monkeypatch.setenv("QT_QPA_PLATFORM", "offscreen")
    crash.guard_start(failing_start)
    assert shown == []
    assert len(reports()) == 1


def test_a_fatal_qt_error_writes_a_report_with_the_warnings_before_it(capsys) -> None:
    from PySide6.QtCore import QtMsgType

    handle = crash._qt_message_handler(None)
    handle(QtMsgType.QtWarningMsg, None, 'qt.qpa.plugin: Could not load the Qt platform plugin "xcb"')
    assert reports() == []  # a warning alone is no crash
    handle(QtMsgType.QtFatalMsg, None, "This application failed to start because no Qt platform plugin could be initialized.")
    [report] = reports()
    text = report.read_text(encoding="utf-8")
    assert "Qt reported a fatal error" in text
    assert 'Could not load the Qt platform plugin "xcb"' in text
    assert "no Qt platform plugin could be initialized" in text
    assert str(report) in capsys.readouterr().err


def test_old_reports_are_pruned_so_a_crash_loop_cannot_fill_the_disk() -> None:
    for number in range(crash.KEEP_REPORTS + 5):
        path = crash.write_report(f"report {number}")
        assert path is not None
        path.rename(path.with_name(f"crash-{number:04d}.log"))
    crash.write_report("the newest")
    assert len(reports()) == crash.KEEP_REPORTS


def test_opening_the_window_is_guarded_even_when_the_gui_cannot_be_imported(
    monkeypatch: pytest.MonkeyPatch, capsys
) -> None:
    """A system without libGL fails at `import`: that must still leave a report."""
    import sys

    from relationship_journal.cli import main

    monkeypatch.setitem(sys.modules, "relationship_journal.gui.app", None)
    assert main([]) == crash.EXIT_CRASHED
    [report] = reports()
    assert "relationship_journal.gui.app" in report.read_text(encoding="utf-8")
    assert "could not start" in capsys.readouterr().err
