"""Starting the window: encrypted journals, today's backup, tuned cadences, a quiet exit."""

from __future__ import annotations

import os
import subprocess
import sys
import threading
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QApplication

from relationship_journal import APP_ID, APP_NAME, cli, clock
from relationship_journal.gui import worker
from relationship_journal.gui.main_window import MainWindow
from relationship_journal.journal import Journal
from relationship_journal.journal.records import ContactFields, InteractionFields
from relationship_journal.store import backup
from relationship_journal.store.database import Database
from relationship_journal.store.errors import StoreError
from tests.gui.conftest import wait_idle

PASSPHRASE = "a long walk by the river"


def _windows() -> list[MainWindow]:
    return [w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow) and w.isVisible()]


def test_app_is_named_from_the_package(start_app: Any) -> None:
    window = start_app()
    app = QApplication.instance()
    assert app.applicationName() == APP_NAME and app.desktopFileName() == APP_ID
    assert window.windowTitle() == APP_NAME


@pytest.fixture
def encrypted(private_folders: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    pytest.importorskip("sqlcipher3")
    from relationship_journal.store import encryption

    monkeypatch.delenv(encryption.PASSPHRASE_ENV, raising=False)
    with Journal.open(private_folders) as journal:
        journal.contacts.add(ContactFields(display_name="Priya Shah"))
    database = private_folders / "journal.sqlite3"
    assert database.exists()
    encryption.encrypt_journal(database, PASSPHRASE)
    encryption.forget_passphrase(database)
    yield database
    encryption.forget_passphrase(database)


def test_encrypted_journal_asks_for_its_passphrase_and_opens(encrypted: Path, start_app: Any,
                                                             answers: dict[str, Any], qtbot: Any,
                                                             monkeypatch: pytest.MonkeyPatch) -> None:
    from PySide6.QtWidgets import QInputDialog

    typed = iter(["wrong guess", PASSPHRASE])
    asked: list[str] = []

    def get_text(_parent, _title, label, *_a, **_k):  # type: ignore[no-untyped-def]
        asked.append(label)
        return next(typed), True

    monkeypatch.setattr(QInputDialog, "getText", get_text)
    window = start_app()
    assert len(asked) == 2 and "does not open this journal" in asked[1]
    assert answers["warnings"] and "does not open" in answers["warnings"][0]
    assert [s.name for s in window.contact_list.model.summaries()] == ["Priya Shah"]


def test_cancelling_the_passphrase_opens_no_window(encrypted: Path, monkeypatch: pytest.MonkeyPatch,
                                                   answers: dict[str, Any]) -> None:
    from PySide6.QtWidgets import QInputDialog

    monkeypatch.setattr(QApplication, "exec", lambda self: 0)
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("", False))
    before = set(map(id, _windows()))
    assert cli.main([]) == 0
    assert not [w for w in _windows() if id(w) not in before]


def test_todays_backup_is_taken_off_the_gui_thread(private_folders: Path, start_app: Any, qtbot: Any,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    with Journal.open(private_folders) as journal:
        journal.contacts.add(ContactFields(display_name="Ada Lovelace"))
    database = private_folders / "journal.sqlite3"
    for info in backup.list_backups(database):  # the first write took one: start without it
        info.path.unlink()
    threads: list[bool] = []
    original = Database.ensure_daily_backup

    def record(self: Database) -> Any:
        threads.append(threading.current_thread() is threading.main_thread())
        return original(self)

    monkeypatch.setattr(Database, "ensure_daily_backup", record)
    window = start_app()
    qtbot.waitUntil(lambda: bool(threads) and not worker.busy(), timeout=120_000)
    window.journal.contacts.get(window.page.contact_id)  # reads and writes no longer take it
    window.entries.profile_edited(window.page.contact_id, "role", None, "Mathematician")
    wait_idle(qtbot, window)
    assert threads == [False]
    assert [b.kind for b in backup.list_backups(database)] == ["daily"]
    assert window.isVisible()


def test_a_failed_backup_is_told_in_the_status_bar(start_app: Any, qtbot: Any,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(_self: Database) -> None:
        raise StoreError("the backups folder is read-only")

    monkeypatch.setattr(Database, "ensure_daily_backup", refuse)
    window = start_app()
    qtbot.waitUntil(lambda: window.backup_problem.isVisibleTo(window), timeout=120_000)
    assert window.backup_problem.text() == "Today's backup could not be made: the backups folder is read-only"
    assert window.backup_problem.parent() is window.statusBar() or window.statusBar().isAncestorOf(
        window.backup_problem)
    assert window.isVisible()


def _ada_two_months_quiet(data: Path) -> int:
    import datetime as dt

    with Journal.open(data) as journal:
        ada = journal.contacts.add(ContactFields(display_name="Ada Lovelace", circle=50)).created_id
        assert ada is not None
        journal.interactions.log(InteractionFields(contact_ids=(ada,), kind="call",
                                                   date=clock.today() - dt.timedelta(days=60)))
    return ada


def test_journal_cadences_drive_health_and_preferences_write_them_to_the_journal(
        private_folders: Path, start_app: Any, qtbot: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    from relationship_journal.gui.contact_dialog import NewContactDialog
    from relationship_journal.gui.dialogs.preferences import PreferencesDialog

    ada = _ada_two_months_quiet(private_folders)
    with Journal.open(private_folders) as journal:
        journal.preferences.set_circle_cadences({50: 30})  # as the command line would see it
    window = start_app()
    assert window.journal.health.params.cadence_days[50] == 30
    assert window.journal.health.params.cadence_days[5] == 7  # untouched circles keep the model's
    tight = window.page.health.display_score

    def loosen(dialog: PreferencesDialog) -> int:
        dialog.cadence_boxes[50].setValue(365)
        dialog.accept()
        return 1

    monkeypatch.setattr(PreferencesDialog, "exec", loosen)
    window.act_preferences.trigger()
    wait_idle(qtbot, window)
    assert window.journal.health.params.cadence_days[50] == 365
    assert window.page.health.display_score > tight  # two months late on monthly, early on yearly
    qtbot.waitUntil(lambda: not worker.busy(), timeout=120_000)
    with Journal.open(private_folders) as other:  # what the command line and the reports read
        assert other.preferences.circle_cadences() == {50: 365}
        assert other.health.contact(ada).display_score == window.page.health.display_score

    def fill(dialog: NewContactDialog) -> int:
        dialog.name.setText("Grace Hopper")
        return NewContactDialog.DialogCode.Accepted

    monkeypatch.setattr(NewContactDialog, "exec", fill)
    window.act_new_contact.trigger()
    wait_idle(qtbot, window)
    assert window.journal.contacts.get(window.page.contact_id).cadence_days is None


def test_cadences_an_older_version_kept_in_settings_move_into_the_journal_once(
        private_folders: Path, start_app: Any) -> None:
    from relationship_journal.gui.settings import AppSettings

    _ada_two_months_quiet(private_folders)
    settings = AppSettings()
    settings.path.write_text("[cadences]\ncircle_50=30\ncircle_150=bad\n")
    window = start_app()
    assert window.journal.preferences.circle_cadences() == {50: 30}
    assert window.journal.health.params.cadence_days[50] == 30
    assert AppSettings().legacy_cadences() == {} and not AppSettings().has_legacy_cadences()


def test_a_journal_with_its_own_cadences_keeps_them_over_old_settings(
        private_folders: Path, start_app: Any) -> None:
    from relationship_journal.gui.settings import AppSettings

    with Journal.open(private_folders) as journal:
        journal.preferences.set_circle_cadences({15: 45})
    AppSettings().path.write_text("[cadences]\ncircle_50=30\n")
    window = start_app()
    assert window.journal.preferences.circle_cadences() == {15: 45}
    assert not AppSettings().has_legacy_cadences()


QUIT_WHILE_WORKING = """
import sys, threading
from PySide6.QtWidgets import QApplication
from relationship_journal import cli
from relationship_journal.gui import worker
from relationship_journal.gui.main_window import MainWindow

def quit_at_once(self):
    window = next(w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow))
    slow = threading.Event()
    worker.Operation(window, lambda progress: slow.wait(0.8) or progress.step("late"), print).run()
    window.close()
    return 0

QApplication.exec = quit_at_once
sys.exit(cli.main([]))
"""


def test_quitting_while_work_runs_prints_nothing(private_folders: Path) -> None:
    result = subprocess.run([sys.executable, "-c", QUIT_WHILE_WORKING], capture_output=True, text=True,
                            timeout=120, env=dict(os.environ, QT_QPA_PLATFORM="offscreen"),
                            stdin=subprocess.DEVNULL)
    assert result.returncode == 0
    offscreen_only = "This plugin does not support propagateSizeHints()"  # Qt's offscreen platform
    assert result.stdout == ""
    assert [line for line in result.stderr.splitlines() if line != offscreen_only] == []


def test_work_finishing_after_its_signals_are_gone_stays_quiet(monkeypatch: pytest.MonkeyPatch,
                                                               capsys: pytest.CaptureFixture[str]) -> None:
    """The race behind "Signal source has been deleted": deleted between the check and the emit."""
    import shiboken6

    signals = worker._Signals()
    runnable = worker._Runnable(lambda progress: progress.step("late"), worker.Progress(signals), signals)
    shiboken6.delete(signals)
    monkeypatch.setattr(worker.shiboken6, "isValid", lambda _obj: True)
    runnable.run()  # the step gives up (Cancelled), and reporting that fails quietly too
    assert capsys.readouterr() == ("", "")
