"""Addresses on the Profile tab and photos as avatars: what moving in brings, shown."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

pytest.importorskip("pytestqt")

from relationship_journal.gui.contact_model import AvatarRole  # noqa: E402
from relationship_journal.gui.contact_page import PROFILE  # noqa: E402
from relationship_journal.journal.records import Address, ContactFields  # noqa: E402
from tests.gui.conftest import wait_idle


def _jpeg() -> bytes:
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice
    from PySide6.QtGui import QColor, QImage

    image = QImage(80, 80, QImage.Format.Format_RGB32)
    image.fill(QColor("#3a7"))
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "JPEG")
    return bytes(data.data())


def test_an_address_is_added_on_the_profile_tab_and_undone(
    private_folders: Path, start_app: Any, qtbot: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    from relationship_journal.gui.address_editor import AddressList
    from relationship_journal.journal import Journal

    with Journal.open() as journal:
        journal.contacts.add(ContactFields("Carla Street"))
    window = start_app()
    qtbot.waitUntil(lambda: window.page.contact_id is not None, timeout=120_000)
    cid = window.page.contact_id
    window.page.tabs.setCurrentIndex(PROFILE)
    wait_idle(qtbot, window)
    editor = window.page.profile.addresses
    assert editor.list.item(0).text() == "No address yet — Add… to give one"
    home = Address("home", "12 Harbour Lane", "Bristol", "", "BS1 4QA", "United Kingdom")
    monkeypatch.setattr(AddressList, "ask", lambda self, _address: home)
    editor.add_button.click()
    wait_idle(qtbot, window)
    assert window.journal.contacts.get(cid).addresses == (home,)
    qtbot.waitUntil(
        lambda: (
            editor.list.item(0).text() == "home: 12 Harbour Lane, Bristol BS1 4QA, United Kingdom"
        )
    )
    window.undo_stack.undo()
    wait_idle(qtbot, window)
    assert window.journal.contacts.get(cid).addresses == ()


def test_the_list_shows_a_photo_for_people_who_have_one(
    private_folders: Path, start_app: Any, qtbot: Any
) -> None:
    from relationship_journal.journal import Journal

    with Journal.open() as journal:
        with_photo = journal.contacts.add(ContactFields("Ola Nordmann", photo=_jpeg())).created_id
        journal.contacts.add(ContactFields("Per Uten"))
    window = start_app()
    model = window.contact_list.model
    qtbot.waitUntil(lambda: model.rowCount() == 2, timeout=120_000)
    rows = {model.data(model.index(r, 0), AvatarRole)[1]: r for r in range(2)}
    qtbot.waitUntil(
        lambda: model.data(model.index(rows["Ola Nordmann"], 0), AvatarRole)[2] is not None
    )
    assert model.data(model.index(rows["Ola Nordmann"], 0), AvatarRole)[0] == with_photo
    assert model.data(model.index(rows["Per Uten"], 0), AvatarRole)[2] is None  # initials instead


def test_the_contact_page_shows_the_photo_and_initials_without_one(
    private_folders: Path, start_app: Any, qtbot: Any
) -> None:
    from PySide6.QtGui import QColor

    from relationship_journal.journal import Journal

    with Journal.open() as journal:
        with_photo = journal.contacts.add(ContactFields("Ola Nordmann", photo=_jpeg())).created_id
        without = journal.contacts.add(ContactFields("Per Uten")).created_id
    window = start_app()
    qtbot.waitUntil(lambda: window.contact_list.model.rowCount() == 2, timeout=120_000)

    def centre(cid: int) -> QColor:
        window.show_contact(cid)
        wait_idle(qtbot, window)
        image = window.page.header.avatar.pixmap().toImage()
        return image.pixelColor(image.width() // 2, image.height() // 2)

    photo = centre(with_photo)
    assert abs(photo.green() - 0xAA) < 12 and abs(photo.red() - 0x33) < 12  # the photo's green
    assert centre(without) != photo  # initials on the person's own colour
