"""Regressions from the desktop app's code review: each test is what a user would have seen."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from tests.gui.conftest import wait_idle

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
    qtbot.waitUntil(lambda: "locked by another program" in window.statusBar().currentMessage(), timeout=120_000)
    assert "Notes not searched" in window.contact_list.count.text()


FULL_DISK = "the journal could not be saved: the disk is full; nothing was changed"


def _full_disk(*_args: Any, **_kwargs: Any) -> Any:
    from relationship_journal.store.errors import StoreError

    raise StoreError(FULL_DISK)


def test_a_full_disk_on_save_is_a_message_and_no_undo_step(demo_folder: Path, start_app: Any, qtbot: Any,
                                                           monkeypatch: Any, answers: dict[str, Any]) -> None:
    from relationship_journal.gui import entry_commands

    window = start_app()
    person = window.journal.contacts.list()[0]
    before = len(window.journal.interactions.for_contact(person.id))
    monkeypatch.setattr(entry_commands, "log_meeting", _full_disk)
    form = window.composer_dialog.form
    window.composer_dialog.open_for([person.id])
    form.note.setPlainText("Lunch by the river")
    form.save_entry()
    wait_idle(qtbot, window)
    assert form.status.text() == FULL_DISK
    assert form.note.toPlainText() == "Lunch by the river"  # nothing typed is lost
    assert window.undo_stack.count() == 0
    assert len(window.journal.interactions.for_contact(person.id)) == before
    # A profile edit goes through the undo stack too: shown, not stacked.
    monkeypatch.setattr(window.journal.contacts, "update", _full_disk)
    window.entries.profile_edited(person.id, "organisation", person.organisation, "Elsewhere Ltd")
    wait_idle(qtbot, window)
    assert FULL_DISK in answers["warnings"]
    assert window.undo_stack.count() == 0


def test_a_failed_undo_or_redo_leaves_the_undo_stack_where_it_was(
        demo_folder: Path, start_app: Any, qtbot: Any, monkeypatch: Any, answers: dict[str, Any]) -> None:
    window = start_app()
    person = window.journal.contacts.list()[0]
    entry = window.journal.interactions.for_contact(person.id)[0]
    window.entries.delete_entry(entry.id)
    wait_idle(qtbot, window)
    assert window.undo_stack.index() == 1

    with monkeypatch.context() as patch:  # Ctrl+Z while the disk is full
        patch.setattr("relationship_journal.store.change_log.replay", _full_disk)
        window.act_undo.trigger()
        wait_idle(qtbot, window)
    assert FULL_DISK in answers["warnings"]
    assert window.undo_stack.index() == 1, "the stack claims an undo the database never saw"
    assert entry.id not in {e.id for e in window.journal.interactions.for_contact(person.id)}

    window.act_undo.trigger()  # room again: the same Ctrl+Z now works
    wait_idle(qtbot, window)
    assert window.undo_stack.index() == 0
    assert entry.id in {e.id for e in window.journal.interactions.for_contact(person.id)}

    answers["warnings"].clear()
    with monkeypatch.context() as patch:  # Ctrl+Shift+Z while the disk is full
        patch.setattr("relationship_journal.store.change_log.replay", _full_disk)
        window.act_redo.trigger()
        wait_idle(qtbot, window)
    assert FULL_DISK in answers["warnings"]
    assert window.undo_stack.index() == 0
    assert entry.id in {e.id for e in window.journal.interactions.for_contact(person.id)}
    window.act_redo.trigger()
    wait_idle(qtbot, window)
    assert window.undo_stack.index() == 1
    assert entry.id not in {e.id for e in window.journal.interactions.for_contact(person.id)}


def test_an_unexpected_error_in_the_window_is_a_report_and_a_message(
        start_app: Any, answers: dict[str, Any], private_folders: Path) -> None:
    import sys

    from relationship_journal.gui.app import install_crash_hook
    from relationship_journal.paths import resolve_paths

    before = sys.excepthook
    start_app()
    assert sys.excepthook is before  # run_app put the old hook back
    previous = install_crash_hook(None)
    try:
        try:
            raise ValueError("a slot tripped")
        except ValueError as error:
            sys.excepthook(ValueError, error, error.__traceback__)
    finally:
        sys.excepthook = previous
    assert len(answers["warnings"]) == 1 and "Something went wrong: ValueError" in answers["warnings"][0]
    reports = list(resolve_paths().logs.glob("crash-*.log"))
    assert len(reports) == 1 and "test_an_unexpected_error" in reports[0].read_text(encoding="utf-8")


def test_undo_then_redo_of_add_contact_brings_the_person_back(start_app: Any, qtbot: Any,
                                                             monkeypatch: Any) -> None:
    from PySide6.QtCore import Qt

    from relationship_journal.gui.contact_dialog import NewContactDialog

    window = start_app()

    def fill_and_accept(dialog: NewContactDialog) -> int:
        dialog.name.setText("Grace Hopper")
        dialog.organisation.setText("US Navy")
        return NewContactDialog.DialogCode.Accepted

    monkeypatch.setattr(NewContactDialog, "exec", fill_and_accept)
    qtbot.mouseClick(window.empty.buttons[0], Qt.MouseButton.LeftButton)
    wait_idle(qtbot, window)
    assert [s.name for s in window.journal.contacts.list()] == ["Grace Hopper"]

    qtbot.keyClick(window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    wait_idle(qtbot, window)
    assert window.journal.contacts.list() == []
    qtbot.keyClick(window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    wait_idle(qtbot, window)
    back = window.journal.contacts.list()
    assert [(s.name, s.organisation) for s in back] == [("Grace Hopper", "US Navy")]
    assert [s.name for s in window.contact_list.model.summaries()] == ["Grace Hopper"]


SECRET = "a long walk by the river"


def test_backups_of_an_encrypted_journal_restore_from_the_window(qtbot: Any, private_folders: Path,
                                                                 monkeypatch: Any) -> None:
    import pytest

    pytest.importorskip("sqlcipher3")
    from relationship_journal.gui.dialogs.backups_page import (
        BackupsPage,
        offer_restore_after_damage,
    )
    from relationship_journal.journal import Journal
    from relationship_journal.journal.records import ContactFields
    from relationship_journal.paths import resolve_paths
    from relationship_journal.store import encryption, integrity
    from relationship_journal.store.errors import StoreError

    monkeypatch.delenv(encryption.PASSPHRASE_ENV, raising=False)
    paths = resolve_paths(private_folders)
    with Journal.open(private_folders) as journal:
        journal.contacts.add(ContactFields(display_name="Priya Shah"))
    encryption.encrypt_journal(paths.database, SECRET)
    encryption.forget_passphrase(paths.database)
    encryption.remember_passphrase(paths.database, SECRET)  # what unlocking the window does
    try:
        told: list[str] = []
        page = BackupsPage(paths, confirm=lambda _question: True,
                           tell=lambda title, text: told.append(f"{title}: {text}"))
        qtbot.addWidget(page)
        with qtbot.waitSignal(page.backed_up, timeout=120_000):
            page.back_up_now()
        assert not told
        with Journal.open(private_folders) as journal:
            journal.contacts.add(ContactFields(display_name="Added Later"))
        manual = next(row for row in range(page.list.count()) if "manual" in page.list.item(row).text())
        page.list.setCurrentRow(manual)
        with qtbot.waitSignal(page.restored, timeout=120_000):
            assert page.restore_selected()
        assert not told, told
        assert integrity.file_kind(paths.database).name == "encrypted"
        with Journal.open(private_folders) as journal:
            assert [c.name for c in journal.contacts.list()] == ["Priya Shah"]

        paths.database.write_bytes(b"\x00" * 4096)  # wrecked: the window offers a backup
        assert offer_restore_after_damage(paths, StoreError("the journal is damaged"),
                                          confirm=lambda _question: True)
        with Journal.open(private_folders) as journal:  # the newest intact backup, whichever it is
            assert "Priya Shah" in [c.name for c in journal.contacts.list()]
    finally:
        encryption.forget_passphrase(paths.database)


def test_back_up_now_and_restore_run_off_the_gui_thread(qtbot: Any, journal: Any, monkeypatch: Any) -> None:
    import threading

    from relationship_journal.gui.dialogs.backups_page import BackupsPage
    from relationship_journal.store import backup

    threads: dict[str, int] = {}
    calls: list[str] = []
    real_backup_now, real_restore = backup.backup_now, backup.restore

    def backup_now(*args: Any, **kwargs: Any) -> Any:
        threads["backup"] = threading.get_ident()
        return real_backup_now(*args, **kwargs)

    def restore(*args: Any, **kwargs: Any) -> Any:
        threads["restore"] = threading.get_ident()
        calls.append("restore")
        return real_restore(*args, **kwargs)

    monkeypatch.setattr(backup, "backup_now", backup_now)
    monkeypatch.setattr(backup, "restore", restore)
    journal.close()
    page = BackupsPage(journal.paths, close_journal=lambda: calls.append("close"),
                       reopen_journal=lambda: calls.append("reopen"), confirm=lambda _q: True)
    qtbot.addWidget(page)
    with qtbot.waitSignal(page.backed_up, timeout=120_000):
        page.back_up_now()
        assert not page.backup_button.isEnabled()  # one at a time while it runs
    assert page.backup_button.isEnabled() and "Backed up to" in page.status.text()
    page.list.setCurrentRow(0)
    with qtbot.waitSignal(page.restored, timeout=120_000):
        assert page.restore_selected()
    assert calls == ["close", "restore", "reopen"]
    gui = threading.get_ident()
    assert threads["backup"] != gui and threads["restore"] != gui
    assert "Restored from" in page.status.text()
