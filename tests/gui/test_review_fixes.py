"""Regressions from the desktop app's code review: each test is what a user would have seen."""

from __future__ import annotations

from pathlib import Path
from typing import Any

VCARD = "BEGIN:VCARD\nVERSION:3.0\nFN:Ngozi Okafor\nEMAIL:ngozi@example.ng\nEND:VCARD\n"


def test_import_preview_shows_a_file_name_as_typed_not_as_markup(qtbot: Any, journal: Any,
                                                                 tmp_path: Path) -> None:
    from relationship_journal.exchange.plan import plan_import
    from relationship_journal.gui.import_dialog import ImportPreviewDialog

    card = tmp_path / "<b>phone & co.vcf"
    card.write_text(VCARD, encoding="utf-8")
    dialog = ImportPreviewDialog(plan_import(journal, [card]))
    qtbot.addWidget(dialog)
    text = dialog.summary.text()
    assert "&lt;b&gt;phone &amp; co.vcf" in text
    assert "<b>phone" not in text
