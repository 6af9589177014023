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


def test_a_failed_notes_search_is_said_not_silent(demo_folder: Path, start_app: Any, qtbot: Any,
                                                  monkeypatch: Any) -> None:
    from relationship_journal.store.errors import StoreError

    window = start_app()

    def locked(*_args: Any, **_kwargs: Any) -> Any:
        raise StoreError("the journal is locked by another program")

    monkeypatch.setattr(window.journal, "search", locked)
    window.contact_list.search.setText("zygomorph")
    qtbot.waitUntil(lambda: "locked by another program" in window.statusBar().currentMessage(), timeout=10000)
    assert "Notes not searched" in window.contact_list.count.text()
