"""The import preview reads whole: every header, every name and match, and each record's details."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QFileOpenEvent
from PySide6.QtWidgets import QApplication

CORPUS = Path(__file__).parents[1] / "exchange" / "corpus"
NAME, INTO, DETAILS = 1, 2, 4


def test_preview_columns_show_headers_names_and_details_whole(
    demo_folder: Path, start_app: Any, qtbot: Any, monkeypatch: Any, tmp_path: Path
) -> None:
    monkeypatch.setattr("relationship_journal.gui.app.FILE_OPEN_EVENTS", True)  # as on macOS
    card = tmp_path / "ios_contacts.vcf"
    shutil.copy(CORPUS / "ios_contacts.vcf", card)
    window = start_app()
    QApplication.sendEvent(
        QApplication.instance(), QFileOpenEvent(str(card))
    )  # as a double-click does
    qtbot.waitUntil(
        lambda: window.files.import_flow is not None and window.files.import_flow.dialog is not None,
        timeout=120_000,
    )
    dialog = window.files.import_flow.dialog
    qtbot.waitUntil(dialog.isVisible, timeout=120_000)
    table, proxy = dialog.table, dialog.proxy
    header = table.horizontalHeader()
    assert table.horizontalScrollBar().maximum() == 0, "a column lies beyond the table's right edge"
    for column in range(proxy.columnCount()):
        assert header.sectionSize(column) >= header.sectionSizeFromContents(column).width(), (
            f"the header “{proxy.headerData(column, Qt.Orientation.Horizontal)}” is cut"
        )
    metrics = table.fontMetrics()
    for row in range(proxy.rowCount()):
        for column in (NAME, INTO):
            text = proxy.index(row, column).data() or ""
            assert metrics.horizontalAdvance(text) + 6 <= header.sectionSize(column), (
                f"“{text}” is cut"
            )

    longest = max(range(proxy.rowCount()), key=lambda r: len(proxy.index(r, DETAILS).data() or ""))
    details = proxy.index(longest, DETAILS).data()
    cell = table.visualRect(proxy.index(longest, DETAILS)).center()
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=cell)
    assert dialog.row_details.isVisible() and details in dialog.row_details.text()
    qtbot.keyClick(table, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=120_000)
