"""The window's import: a preview before anything is written, then one undoable batch."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pytest

pytest.importorskip("pytestqt")

from PySide6.QtCore import QMimeData, QUrl  # noqa: E402
from PySide6.QtWidgets import QWidget  # noqa: E402

from relationship_journal.exchange.plan import apply_import, plan_import  # noqa: E402
from relationship_journal.gui import worker  # noqa: E402
from relationship_journal.gui.import_dialog import (  # noqa: E402
    ImportFlow,
    ImportPreviewDialog,
    contact_file_paths,
)
from relationship_journal.gui.undo import UndoStack  # noqa: E402
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
    reasons = [dialog.proxy.index(r, 4).data() for r in range(dialog.proxy.rowCount())]
    assert reasons == ["the record has no name, email or phone", "the card has no readable lines",
                       "the card is empty"]
    assert dialog.proxy.index(0, 5).data() == "malformed.vcf, card 2 (line 6)"
    assert journal.contacts.count() == 0  # a preview writes nothing


def test_dropped_files_keep_only_contact_files() -> None:
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile("/tmp/a.vcf"), QUrl.fromLocalFile("/tmp/b.CSV"),
                  QUrl.fromLocalFile("/tmp/c.pdf"), QUrl("https://example.org/d.vcf")])
    assert contact_file_paths(mime) == ["/tmp/a.vcf", "/tmp/b.CSV"]


def test_flow_reads_previews_writes_and_undoes(qtbot: Any, journal: Journal) -> None:
    parent = QWidget()
    qtbot.addWidget(parent)
    touched: list[Changes] = []
    errors: list[BaseException] = []
    messages: list[str] = []
    stack = UndoStack(parent, journal, touched.append, errors.append)
    flow = ImportFlow(parent, journal, [str(CORPUS / "ios_contacts.vcf")], stack, touched.append,
                      errors.append, messages.append)
    flow.start()
    qtbot.waitUntil(lambda: flow.dialog is not None, timeout=120_000)
    assert flow.dialog is not None and journal.contacts.count() == 0
    flow.dialog.accept()
    qtbot.waitUntil(lambda: stack.count() == 1 and not worker.busy(), timeout=120_000)  # one step in the history
    assert errors == []
    assert journal.contacts.count() == 3
    assert len(touched[-1].contacts) == 3
    assert messages == ["Imported: imported 3, merged 0, unchanged 0, skipped 0. Undo takes it back."]
    stack.undo()
    qtbot.waitUntil(lambda: not worker.busy(), timeout=120_000)
    assert journal.contacts.count() == 0
    stack.redo()
    qtbot.waitUntil(lambda: not worker.busy(), timeout=120_000)
    assert sorted(c.name for c in journal.contacts.list()) == [
        "José María Martínez-Núñez", "Zoë Ångström", "Øyvind Lærum"
    ]


def test_a_file_that_is_not_contacts_reports_one_error_and_writes_nothing(
    qtbot: Any, journal: Journal
) -> None:
    parent = QWidget()
    qtbot.addWidget(parent)
    errors: list[BaseException] = []
    flow = ImportFlow(parent, journal, [str(CORPUS / "junk.bin")],
                      UndoStack(parent, journal, lambda _changes: None, errors.append),
                      lambda _changes: None, errors.append)
    flow.start()
    qtbot.waitUntil(lambda: bool(errors) and not worker.busy(), timeout=120_000)
    assert [str(e) for e in errors] == ["junk.bin is not a contact file (it is not text: binary or empty)"]
    assert flow.dialog is None and journal.contacts.count() == 0


SHOTS = Path(os.environ.get("RJ_SCREENSHOTS", "")) if os.environ.get("RJ_SCREENSHOTS") else None


def _shot(widget: QWidget, name: str) -> None:
    """With RJ_SCREENSHOTS=folder set, keep a picture of the dialog for a person to look at."""
    if SHOTS is not None:
        SHOTS.mkdir(parents=True, exist_ok=True)
        widget.grab().save(str(SHOTS / name))


def test_a_possible_match_is_compared_and_chosen_in_the_preview(
    qtbot: Any, journal: Journal, tmp_path: Path
) -> None:
    from relationship_journal.journal.records import ContactFields, Labelled

    cid = journal.contacts.add(ContactFields(
        "Daniel Brown", organisation="Lumen Legal", emails=(Labelled("d.brown@lumen.example"),)
    )).created_id
    path = tmp_path / "phone.vcf"
    path.write_text(
        "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Daniel Brown\r\nORG:Lumen Legal\r\nEMAIL:daniel@home.example\r\n"
        "END:VCARD\r\nBEGIN:VCARD\r\nVERSION:3.0\r\nFN:Ann Office\r\nTEL:+44 20 7946 0000\r\nEND:VCARD\r\n"
        "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Bob Switchboard\r\nTEL:+44 20 7946 0000\r\nBDAY:1985-13-45\r\n"
        "END:VCARD\r\n",
        encoding="utf-8",
    )
    dialog = ImportPreviewDialog(plan_import(journal, [path]))
    qtbot.addWidget(dialog)
    dialog.show()
    assert "1 possible match" in dialog.summary.text()
    assert "1 value dropped or changed" in dialog.summary.text()
    assert dialog.proxy.index(0, 0).data() == "Possible match — kept apart"
    assert dialog.proxy.index(2, 3).data() == "not the same person: only a shared phone (+442079460000)"
    # what the new record brings, then what was left out of it
    assert dialog.proxy.index(2, 4).data() == "+44 20 7946 0000; birthday '1985-13-45' is not a date; left out"
    assert dialog.import_button.text() == "Import 3 people"
    dialog.table.selectRow(0)
    assert dialog.panel.isVisible() and dialog.panel.keep.isChecked()
    text = dialog.panel.compare.text()
    assert "Lumen Legal · daniel@home.example" in text
    assert "Lumen Legal · d.brown@lumen.example · 0 entries · never in touch" in text
    _shot(dialog, "import-preview-possible-match.png")
    dialog.panel.merge.setChecked(True)
    assert dialog.proxy.index(0, 0).data() == "Possible match — merged"
    assert dialog.import_button.text() == "Import 3 people"
    assert "0 kept apart as new people" in dialog.summary.text()
    apply_import(journal, dialog.plan)
    assert [e.value for e in journal.contacts.get(cid).emails] == ["d.brown@lumen.example", "daniel@home.example"]
    assert journal.contacts.count() == 3


def test_an_unknown_csv_asks_which_column_is_which_and_remembers(
    qtbot: Any, journal: Journal, tmp_path: Path
) -> None:
    from relationship_journal.exchange.plan import samples_of

    path = tmp_path / "club.csv"
    path.write_text("Member,Contact,Joined,Remarks\nPriya Raman,priya@raman.example,2019-04-01,Treasurer\n"
                    "Tom Quist,+31 6 1234 5678,2021-09-12,\n", encoding="utf-8")
    parent = QWidget()
    qtbot.addWidget(parent)
    flow = ImportFlow(parent, journal, [str(path)], UndoStack(parent, journal, lambda _c: None, lambda _e: None),
                      lambda _c: None, lambda _e: None)
    flow.start()
    qtbot.waitUntil(lambda: flow.dialog is not None and flow.dialog.isVisible(), timeout=120_000)
    dialog = flow.dialog
    assert dialog is not None and dialog.pages.currentIndex() == 0
    step = dialog.mapping_step
    assert step.fields() == ["name", "", "birthday", "notes"]
    assert step.table.item(1, 1).text() == "priya@raman.example · +31 6 1234 5678"
    dialog.resize(900, 420)
    _shot(dialog, "import-column-mapping.png")
    choices = [step.table.cellWidget(row, 2) for row in range(4)]
    choices[1].setCurrentIndex(choices[1].findData("email"))
    choices[2].setCurrentIndex(choices[2].findData("met on"))
    step.confirm.click()
    qtbot.waitUntil(lambda: dialog.pages.currentIndex() == 1, timeout=120_000)
    assert dialog.plan.people[0].fields.emails[0].value == "priya@raman.example"
    assert dialog.plan.people[0].fields.met_on.isoformat() == "2019-04-01"
    assert dialog.plan.people[0].fields.notes == "Treasurer"
    # the next file with these columns is read the same way without asking
    assert plan_import(journal, [path]).files[0].needs_mapping is False
    assert samples_of(path)[1][0] == "Tom Quist"
    dialog.reject()


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
    assert any(dialog.proxy.index(r, 4).data() for r in new_rows)  # Details: what the record brings
