"""The Qt binding keeps Python's reference counts right across the app's overrides.

PySide6 6.12.0 dropped a reference to None each time a Python override returned None
(a model's data() for a role it does not serve, a delegate's paint). On Python 3.11
None can be freed, and the window aborted with "deallocating None" once the contact
list had been painted and filtered enough times. These tests fail on such a binding.
"""

from __future__ import annotations

import sys
from typing import Any

from PySide6.QtCore import Qt

from relationship_journal.gui.contact_model import ContactTableModel
from relationship_journal.journal import Journal
from relationship_journal.journal.records import ContactSummary

ROLES_WITHOUT_DATA = (Qt.ItemDataRole.WhatsThisRole, Qt.ItemDataRole.StatusTipRole, Qt.ItemDataRole.FontRole)


def _people() -> list[ContactSummary]:
    return [ContactSummary(n, f"Person {n}", None, None, 150, False, None) for n in range(1, 201)]


def _model(qtbot: Any) -> ContactTableModel:
    model = ContactTableModel()
    model.set_contacts(_people())
    return model


def test_asking_the_contact_model_for_roles_it_does_not_serve_keeps_none_alive(qtbot: Any) -> None:
    model = _model(qtbot)
    before = sys.getrefcount(None)
    for row in range(model.rowCount()):
        for role in ROLES_WITHOUT_DATA:
            assert model.index(row, 0).data(role) is None  # through Qt, as a view asks
    assert sys.getrefcount(None) >= before - 50  # 600 answers of None lost nothing


def test_painting_the_contact_list_keeps_none_alive(qtbot: Any, journal: Journal) -> None:
    from relationship_journal.gui.contact_list import ContactList

    contacts = ContactList(journal)
    qtbot.addWidget(contacts)
    contacts.model.set_contacts(_people())
    contacts.resize(600, 900)
    contacts.show()
    qtbot.waitExposed(contacts)
    contacts.grab()
    before = sys.getrefcount(None)
    for _ in range(20):
        contacts.grab()  # every visible row's delegates paint; their overrides return None
    assert sys.getrefcount(None) >= before - 50
