"""The network report and the period review from the window: File menu, worker, progress, Cancel."""

from __future__ import annotations

import threading
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QProgressDialog, QPushButton

from relationship_journal.gui import worker
from tests.gui.conftest import wait_idle


@pytest.fixture
def save_dialog(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> list[str]:
    """Answers save dialogs with a file in tmp_path/out; records where each dialog started."""
    started: list[str] = []
    out = tmp_path / "out"
    out.mkdir()
    answers = iter(str(out / name) for name in ("network.pdf", "review.pdf", "third.pdf"))

    def get_save_file_name(_parent, _title, start, _filter):  # type: ignore[no-untyped-def]
        started.append(start)
        return next(answers), "PDF (*.pdf)"

    monkeypatch.setattr(QFileDialog, "getSaveFileName", get_save_file_name)
    return started


def _file_menu(window: Any) -> list[str]:
    menu = window.menuBar().actions()[0].menu()
    return [a.text().replace("&", "") for a in menu.actions()]


def test_network_report_and_review_from_the_file_menu(
    demo_folder: Path,
    start_app: Any,
    qtbot: Any,
    save_dialog: list[str],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from PySide6.QtGui import QDesktopServices

    opened: list[str] = []
    monkeypatch.setattr(
        QDesktopServices, "openUrl", lambda url: opened.append(url.toLocalFile()) or True
    )
    window = start_app()
    assert "Network report as PDF…" in _file_menu(window)
    assert "Period review as PDF…" in _file_menu(window)

    qtbot.keyClick(
        window.contact_list.view,
        Qt.Key.Key_P,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    network = tmp_path / "out" / "network.pdf"
    qtbot.waitUntil(lambda: network.exists() and not worker.busy(), timeout=120_000)
    assert network.read_bytes().startswith(b"%PDF")
    assert window.saved_file.isVisible()
    qtbot.mouseClick(window.saved_file.folder_button, Qt.MouseButton.LeftButton)
    wait_idle(qtbot, window)
    assert opened == [str(network.parent)]
    qtbot.mouseClick(window.saved_file.open_button, Qt.MouseButton.LeftButton)
    wait_idle(qtbot, window)
    assert opened[-1] == str(network)

    window.act_period_review.trigger()  # File ▸ Period review as PDF…
    wait_idle(qtbot, window)
    review = tmp_path / "out" / "review.pdf"
    qtbot.waitUntil(lambda: review.exists() and not worker.busy(), timeout=120_000)
    assert review.read_bytes().startswith(b"%PDF")
    # The second dialog started in the folder chosen in the first, not the program's folder.
    assert Path(save_dialog[1]).parent == network.parent


def test_cancel_stops_a_report_and_writes_nothing(
    demo_folder: Path,
    start_app: Any,
    qtbot: Any,
    save_dialog: list[str],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    answers: dict[str, Any],
) -> None:
    from relationship_journal.reports import network_report

    release = threading.Event()

    def slow_render(journal, path, as_of, page_size="a4", progress=None, circles=None):  # type: ignore[no-untyped-def]
        for done in range(1000):
            progress(done, 1000)  # raises once Cancel is pressed
            release.wait(0.05)
        raise AssertionError("the report was never cancelled")

    monkeypatch.setattr(network_report, "render_network_report", slow_render)
    window = start_app()
    window.act_network_report.trigger()
    qtbot.waitUntil(
        lambda: any(d.isVisible() for d in window.findChildren(QProgressDialog)), timeout=10000
    )
    dialog = next(d for d in window.findChildren(QProgressDialog) if d.isVisible())
    assert "network report" in dialog.labelText().lower()
    qtbot.mouseClick(dialog.findChild(QPushButton), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not worker.busy(), timeout=120_000)
    release.set()
    assert not (tmp_path / "out" / "network.pdf").exists()
    assert answers["warnings"] == []
    assert not window.saved_file.isVisible()


@pytest.mark.parametrize(
    ("choice", "name"), [(0, "all.vcf"), (1, "cards"), (2, "all.csv"), (3, "all.ics")]
)
def test_export_contacts_from_the_window(
    demo_folder: Path,
    start_app: Any,
    qtbot: Any,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    choice: int,
    name: str,
) -> None:
    from relationship_journal.gui.export_dialog import ExportDialog

    def pick(dialog: ExportDialog) -> int:
        dialog.format.setCurrentIndex(choice)
        wait_idle(qtbot, window)
        return ExportDialog.DialogCode.Accepted

    target = tmp_path / name
    monkeypatch.setattr(ExportDialog, "exec", pick)
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a: (str(target), ""))
    monkeypatch.setattr(
        QFileDialog, "getExistingDirectory", lambda *a: target.mkdir() or str(target)
    )
    window = start_app()
    qtbot.keyClick(window.contact_list.view, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: not worker.busy() and window.saved_file.isVisible(), timeout=120_000)
    assert window.statusBar().currentMessage().startswith("Exported")
    if target.is_dir():
        assert len(list(target.glob("*.vcf"))) == 40
    else:
        text = target.read_text(encoding="utf-8")
        assert {"all.vcf": "BEGIN:VCARD", "all.csv": ",", "all.ics": "BEGIN:VCALENDAR"}[
            name
        ] in text
