"""The window's import: a preview before anything is written, then one undoable batch."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

pytest.importorskip("pytestqt")

from PySide6.QtCore import QMimeData, QUrl  # noqa: E402
from PySide6.QtGui import QUndoStack  # noqa: E402
from PySide6.QtWidgets import QWidget  # noqa: E402

from relationship_journal.exchange.plan import plan_import  # noqa: E402
from relationship_journal.gui import worker  # noqa: E402
from relationship_journal.gui.import_dialog import (  # noqa: E402
    ImportFlow,
    ImportPreviewDialog,
    contact_file_paths,
)
from relationship_journal.journal import Journal  # noqa: E402
from relationship_journal.journal.records import Changes  # noqa: E402

CORPUS = Path(__file__).with_name("corpus")


def test_preview_lists_every_record_with_its_reason(qtbot: Any, journal: Journal) -> None:
    plan = plan_import(journal, [CORPUS / "malformed.vcf"])
    dialog = ImportPreviewDialog(plan)
    qtbot.addWidget(dialog)
    assert "4 new" in dialog.summary.text() and "3 skipped" in dialog.summary.text()
    assert dialog.proxy.rowCount() == 7
    assert dialog.import_button.text() == "Import 4 people"
    dialog.filter.setCurrentIndex(dialog.filter.findData("skipped"))
    reasons = [dialog.proxy.index(r, 3).data() for r in range(dialog.proxy.rowCount())]
    assert reasons == ["the record has no name, email or phone", "the card has no readable lines",
                       "the card is empty"]
    assert dialog.proxy.index(0, 4).data() == "malformed.vcf, card 2 (line 6)"
    assert journal.contacts.count() == 0  # a preview writes nothing


def test_dropped_files_keep_only_contact_files() -> None:
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile("/tmp/a.vcf"), QUrl.fromLocalFile("/tmp/b.CSV"),
                  QUrl.fromLocalFile("/tmp/c.pdf"), QUrl("https://example.org/d.vcf")])
    assert contact_file_paths(mime) == ["/tmp/a.vcf", "/tmp/b.CSV"]


def test_flow_reads_previews_writes_and_undoes(qtbot: Any, journal: Journal) -> None:
    parent = QWidget()
    qtbot.addWidget(parent)
    stack = QUndoStack(parent)
    touched: list[Changes] = []
    errors: list[BaseException] = []
    messages: list[str] = []
    flow = ImportFlow(parent, journal, [str(CORPUS / "ios_contacts.vcf")], stack, touched.append,
                      errors.append, messages.append)
    flow.start()
    qtbot.waitUntil(lambda: flow.dialog is not None, timeout=30000)
    assert flow.dialog is not None and journal.contacts.count() == 0
    flow.dialog.accept()
    qtbot.waitUntil(lambda: stack.count() == 1 and not worker.busy(), timeout=30000)
    assert errors == []
    assert journal.contacts.count() == 3
    assert len(touched[-1].contacts) == 3
    assert messages == ["Imported: imported 3, merged 0, unchanged 0, skipped 0. Undo takes it back."]
    stack.undo()
    assert journal.contacts.count() == 0
    stack.redo()
    assert sorted(c.name for c in journal.contacts.list()) == [
        "José María Martínez-Núñez", "Zoë Ångström", "Øyvind Lærum"
    ]


def test_a_file_that_is_not_contacts_reports_one_error_and_writes_nothing(
    qtbot: Any, journal: Journal
) -> None:
    parent = QWidget()
    qtbot.addWidget(parent)
    errors: list[BaseException] = []
    flow = ImportFlow(parent, journal, [str(CORPUS / "junk.bin")], QUndoStack(parent),
                      lambda _changes: None, errors.append)
    flow.start()
    qtbot.waitUntil(lambda: bool(errors) and not worker.busy(), timeout=30000)
    assert [str(e) for e in errors] == ["junk.bin is not a contact file (it is not text: binary or empty)"]
    assert flow.dialog is None and journal.contacts.count() == 0


def test_preview_headers_fit_and_new_people_say_what_comes(qtbot: Any, journal: Journal) -> None:
    plan = plan_import(journal, [CORPUS / "ios_contacts.vcf"])
    dialog = ImportPreviewDialog(plan)
    qtbot.addWidget(dialog)
    dialog.show()
    header = dialog.table.horizontalHeader()
    assert header.sectionSize(0) >= header.sectionSizeFromContents(0).width()  # "What happens" whole
    new_rows = [r for r in range(dialog.proxy.rowCount()) if dialog.proxy.index(r, 0).data(256) == "new"]
    assert new_rows
    for r in new_rows:
        assert dialog.proxy.index(r, 2).data() == "a new person"
    assert any(dialog.proxy.index(r, 3).data() for r in new_rows)
