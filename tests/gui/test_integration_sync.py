"""The window and the file: command-line writes show up, a restore swaps the journal under it."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from relationship_journal.gui import worker
from relationship_journal.journal import Journal
from relationship_journal.journal.records import ContactFields
from relationship_journal.store import backup
from tests.gui.conftest import wait_idle


def _names(window: Any) -> list[str]:
    return sorted(s.name for s in window.contact_list.model.summaries())


@pytest.fixture
def ada(private_folders: Path) -> Path:
    with Journal.open(private_folders) as journal:
        journal.contacts.add(ContactFields(display_name="Ada Lovelace"))
    return private_folders


def test_a_write_from_another_process_shows_in_the_open_window(ada: Path, start_app: Any, qtbot: Any) -> None:
    window = start_app()
    window.show_view("contacts")  # the app opens on Today; this is about the open page
    assert _names(window) == ["Ada Lovelace"]
    assert window.services.external_timer.isActive()
    with Journal.open(ada) as other:  # as `relationship-journal add` would, on its own connection
        grace = other.contacts.add(ContactFields(display_name="Grace Hopper")).created_id
        ada_id = next(s.id for s in other.contacts.list() if s.name == "Ada Lovelace")
        other.contacts.update(ada_id, organisation="Analytical Engines")
    qtbot.waitUntil(lambda: _names(window) == ["Ada Lovelace", "Grace Hopper"], timeout=120_000)
    assert grace is not None
    qtbot.waitUntil(lambda: not worker.busy(), timeout=120_000)
    assert window.page.contact_id == ada_id  # the open page stayed, and shows the new detail
    assert window.page.detail.organisation == "Analytical Engines"


def test_the_windows_own_writes_do_not_reload_everything(ada: Path, start_app: Any, qtbot: Any) -> None:
    window = start_app()
    reloads: list[bool] = []
    window.contacts_loaded.connect(lambda: reloads.append(True))
    # An undoable edit writes the change and then its row in the history: both are the window's.
    window.entries.profile_edited(window.page.contact_id, "role", "Poet", "Novelist")
    wait_idle(qtbot, window)
    assert window.journal.history.entries()[0].label == "Edit role"
    window.services.poll_external()
    wait_idle(qtbot, window)
    assert not window.services.external_pending and reloads == []
    assert window.page.detail.role == "Novelist"


def test_a_poll_right_behind_the_windows_own_write_reloads_nothing(
    ada: Path, start_app: Any, qtbot: Any
) -> None:
    window = start_app()
    reloads: list[bool] = []
    window.contacts_loaded.connect(lambda: reloads.append(True))
    window.entries.profile_edited(window.page.contact_id, "role", "Poet", "Novelist")
    window.services.poll_external()  # the timer's tick, queued behind the write (it can be)
    wait_idle(qtbot, window)
    assert not window.services.external_pending and reloads == []
    assert window.page.detail.role == "Novelist"


def test_dashboard_stays_in_view_when_the_command_line_writes(ada: Path, start_app: Any, qtbot: Any) -> None:
    window = start_app()
    window.show_view("dashboard")
    qtbot.waitUntil(lambda: not worker.busy(), timeout=120_000)
    refreshed: list[object] = []
    original = window.dashboard.refresh
    window.dashboard.refresh = lambda as_of: (refreshed.append(as_of), original(as_of))  # type: ignore[method-assign]
    with Journal.open(ada) as other:
        other.contacts.add(ContactFields(display_name="Grace Hopper"))
    qtbot.waitUntil(lambda: len(_names(window)) == 2 and bool(refreshed), timeout=120_000)
    assert window.stack.currentWidget() is window.dashboard


def test_restore_from_preferences_swaps_the_journal_and_refreshes(ada: Path, start_app: Any, qtbot: Any,
                                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    from relationship_journal.gui.dialogs.preferences import PreferencesDialog

    database = ada / "journal.sqlite3"
    for info in backup.list_backups(database):  # taken by the first write, before Ada was added
        info.path.unlink()
    window = start_app()  # takes today's backup, with Ada in it
    qtbot.waitUntil(lambda: bool(backup.list_backups(database)), timeout=120_000)
    from relationship_journal.gui.contact_dialog import NewContactDialog

    def fill(dialog: NewContactDialog) -> int:
        dialog.name.setText("Grace Hopper")
        return NewContactDialog.DialogCode.Accepted

    monkeypatch.setattr(NewContactDialog, "exec", fill)
    window.act_new_contact.trigger()
    wait_idle(qtbot, window)
    assert _names(window) == ["Ada Lovelace", "Grace Hopper"] and window.undo_stack.count() == 1
    seen: dict[str, Any] = {}

    def restore_newest(dialog: PreferencesDialog) -> int:
        page = dialog.backups_page
        seen["tabs"] = [dialog.tabs.tabText(i) for i in range(dialog.tabs.count())]
        page.list.setCurrentRow(0)
        with qtbot.waitSignal(page.restored, timeout=120_000):  # the copy runs on a worker
            seen["restored"] = page.restore_selected()
        seen["status"] = page.status.text()
        return 0

    monkeypatch.setattr(PreferencesDialog, "exec", restore_newest)
    window.act_preferences.trigger()
    wait_idle(qtbot, window)
    assert "Backups" in seen["tabs"] and seen["restored"], seen
    qtbot.waitUntil(lambda: _names(window) == ["Ada Lovelace"], timeout=120_000)
    assert window.undo_stack.count() == 0  # its steps named rows of the replaced file
    assert window.services.external_timer.isActive()
    qtbot.waitUntil(lambda: not worker.busy(), timeout=120_000)
    # The reopened journal takes writes, and the swapped-out one was kept as a backup.
    window.act_new_contact.trigger()
    wait_idle(qtbot, window)
    assert _names(window) == ["Ada Lovelace", "Grace Hopper"]
    assert "previous journal is kept" in seen["status"]


def test_a_profile_field_being_typed_in_is_not_overwritten(ada: Path, start_app: Any, qtbot: Any,
                                                           monkeypatch: pytest.MonkeyPatch) -> None:
    from PySide6.QtWidgets import QApplication

    window = start_app()
    window.services.external_timer.stop()  # the test drives the polls itself
    typing = next(iter(window.page.profile.widgets.values()))
    monkeypatch.setattr(QApplication, "focusWidget", staticmethod(lambda: typing))
    with Journal.open(ada) as other:
        other.contacts.add(ContactFields(display_name="Grace Hopper"))
    window.services.poll_external()
    wait_idle(qtbot, window)
    assert window.services.external_pending  # seen, but it waits while the person types
    assert _names(window) == ["Ada Lovelace"]
    monkeypatch.setattr(QApplication, "focusWidget", staticmethod(lambda: window.contact_list.search))
    assert window.services.check_external_changes() is True
    qtbot.waitUntil(lambda: _names(window) == ["Ada Lovelace", "Grace Hopper"], timeout=120_000)
