"""One window per journal, and restoring backups from Preferences."""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys
from pathlib import Path

import pytest

pytest.importorskip("PySide6.QtWidgets")

from relationship_journal.gui.dialogs.backups_page import (  # noqa: E402
    BackupsPage,
    offer_restore_after_damage,
)
from relationship_journal.gui.single_instance import SingleInstance  # noqa: E402
from relationship_journal.journal import Journal  # noqa: E402
from relationship_journal.journal.records import ContactFields  # noqa: E402
from relationship_journal.paths import resolve_paths  # noqa: E402
from relationship_journal.store import backup  # noqa: E402
from relationship_journal.store.errors import StoreError  # noqa: E402


def test_second_window_brings_the_first_forward(qtbot, private_folders: Path) -> None:  # type: ignore[no-untyped-def]
    first = SingleInstance(private_folders)
    assert first.acquire()
    try:
        lock_text = (private_folders / backup.WINDOW_LOCK_NAME).read_text()
        assert lock_text.split("\n")[0].strip().isdigit()
        assert (private_folders / backup.WINDOW_LOCK_NAME).stat().st_mode & 0o777 == 0o600
        second = SingleInstance(private_folders)
        assert not second.acquire(), "two windows on one journal"
        with qtbot.waitSignal(first.activation_requested, timeout=120_000):
            assert second.notify_first()
    finally:
        first.release()
    third = SingleInstance(private_folders)
    assert third.acquire(), "the lock is free once the first window has gone"
    third.release()


def test_a_second_start_names_the_process_holding_the_journal(private_folders: Path) -> None:
    """The "already open" message says which process to look for (it used to raise instead)."""
    first = SingleInstance(private_folders)
    assert first.acquire()
    try:
        second = SingleInstance(private_folders)
        assert not second.acquire()
        assert second.holder_pid() == os.getpid()
    finally:
        first.release()


def test_lock_of_a_crashed_window_does_not_lock_the_person_out(private_folders: Path) -> None:
    from PySide6.QtCore import QSysInfo

    gone = subprocess.Popen([sys.executable, "-c", "pass"])
    gone.wait()
    private_folders.mkdir(mode=0o700)
    (private_folders / backup.WINDOW_LOCK_NAME).write_text(
        f"{gone.pid}\npython\n{QSysInfo.machineHostName()}\n"
    )
    guard = SingleInstance(private_folders)
    assert guard.acquire()
    guard.release()


def _journal_with(folder: Path, *names: str) -> None:
    with Journal.open(folder) as journal:
        for name in names:
            journal.contacts.add(ContactFields(display_name=name))


def test_backups_page_lists_and_restores(qtbot, private_folders: Path) -> None:  # type: ignore[no-untyped-def]
    _journal_with(private_folders, "Kept Person")
    paths = resolve_paths(private_folders)
    backup.backup_now(paths.database, now=dt.datetime(2026, 1, 2, 3, 4, 5))
    _journal_with(private_folders, "Added Later")
    calls: list[str] = []
    page = BackupsPage(
        paths,
        close_journal=lambda: calls.append("close"),
        reopen_journal=lambda: calls.append("reopen"),
        confirm=lambda _question: True,
        tell=lambda title, text: calls.append(f"told {title}: {text}"),
    )
    qtbot.addWidget(page)
    labels = [page.list.item(row).text() for row in range(page.list.count())]
    assert any("2026-01-02 03:04:05 — manual" in label for label in labels), labels
    assert not page.restore_button.isEnabled()
    manual_row = next(row for row, label in enumerate(labels) if "manual" in label)
    page.list.setCurrentRow(manual_row)
    assert page.restore_button.isEnabled()
    with qtbot.waitSignal(page.restored):
        assert page.restore_selected()
    assert calls == ["close", "reopen"]
    with Journal.open(private_folders) as journal:
        assert [c.name for c in journal.contacts.list()] == ["Kept Person"]
    assert any("before a restore" in page.list.item(row).text() for row in range(page.list.count()))


def test_window_offers_the_newest_good_backup_after_damage(qtbot, private_folders: Path) -> None:  # type: ignore[no-untyped-def]
    _journal_with(private_folders, "Safe Person")
    paths = resolve_paths(private_folders)
    backup.backup_now(paths.database)
    paths.database.write_bytes(b"\x00" * 4096)  # wrecked beyond recognition
    with pytest.raises(StoreError):
        Journal.open(private_folders)
    asked: list[str] = []
    assert offer_restore_after_damage(
        paths, StoreError("the journal is damaged"), confirm=lambda q: asked.append(q) is None
    )
    assert "manual" in asked[0]
    with Journal.open(private_folders) as journal:
        assert [c.name for c in journal.contacts.list()] == ["Safe Person"]


def test_unlock_asks_again_after_a_wrong_passphrase(private_folders: Path) -> None:
    pytest.importorskip("sqlcipher3")
    from relationship_journal.gui.dialogs.unlock import WRONG, unlock_journal
    from relationship_journal.store import encryption

    _journal_with(private_folders, "Locked Person")
    database = resolve_paths(private_folders).database
    assert unlock_journal(database, ask=lambda _m: pytest.fail("a plain journal needs no passphrase"))
    encryption.encrypt_journal(database, "right one")
    before = database.read_bytes()
    answers = iter(["wrong", "", "still wrong", "right one"])
    told: list[str] = []
    try:
        assert unlock_journal(database, ask=lambda _m: next(answers), tell=told.append)
        assert told == [WRONG, WRONG, WRONG]
        assert database.read_bytes() == before, "asking must not write to the journal"
        with Journal.open(private_folders) as journal:
            assert [c.name for c in journal.contacts.list()] == ["Locked Person"]
    finally:
        encryption.forget_passphrase(database)
    assert not unlock_journal(database, ask=lambda _m: None, tell=told.append), "Cancel opens nothing"
