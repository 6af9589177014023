"""Postal addresses on the Profile tab: several per person, each labelled, kept in parts.

The list shows each address on one line; Add and Edit open a small form with the
parts vCard and CSV carry (street, PO box, city, region, postcode, country), so an
address typed here leaves in an export as it was typed.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from relationship_journal.journal.records import Address

LABELS = ("home", "work", "other")


class AddressDialog(QDialog):
    """One address in its parts."""

    def __init__(self, address: Address | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Address")
        address = address or Address("home")
        self.label = QComboBox(self)
        self.label.setEditable(True)
        self.label.addItems(LABELS)
        self.label.setCurrentText(address.label or "")
        self.street = QPlainTextEdit(address.street, self)
        self.street.setTabChangesFocus(True)
        self.street.setFixedHeight(54)
        self.extended = QLineEdit(address.extended, self)
        self.extended.setPlaceholderText("flat, suite, building")
        self.po_box = QLineEdit(address.po_box, self)
        self.city = QLineEdit(address.city, self)
        self.region = QLineEdit(address.region, self)
        self.postcode = QLineEdit(address.postcode, self)
        self.country = QLineEdit(address.country, self)
        form = QFormLayout(self)
        for label, widget in (
            ("Label", self.label),
            ("Street", self.street),
            ("Flat / suite", self.extended),
            ("PO box", self.po_box),
            ("City", self.city),
            ("Region / state", self.region),
            ("Postcode", self.postcode),
            ("Country", self.country),
        ):
            form.addRow(label, widget)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def address(self) -> Address:
        return Address(
            label=self.label.currentText().strip() or None,
            street=self.street.toPlainText().strip(),
            city=self.city.text().strip(),
            region=self.region.text().strip(),
            postcode=self.postcode.text().strip(),
            country=self.country.text().strip(),
            po_box=self.po_box.text().strip(),
            extended=self.extended.text().strip(),
        )


class AddressList(QWidget):
    """The person's addresses; every change goes out whole as `changed(addresses)`."""

    changed = Signal(tuple)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.addresses: tuple[Address, ...] = ()
        self.list = QListWidget(self)
        self.list.setFixedHeight(64)
        self.list.itemDoubleClicked.connect(lambda _item: self.edit())
        self.add_button = QPushButton("Add…", self)
        self.edit_button = QPushButton("Edit…", self)
        self.remove_button = QPushButton("Remove", self)
        self.add_button.clicked.connect(self.add)
        self.edit_button.clicked.connect(self.edit)
        self.remove_button.clicked.connect(self.remove)
        buttons = QVBoxLayout()
        for button in (self.add_button, self.edit_button, self.remove_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.list, 1)
        layout.addLayout(buttons)
        self.list.currentRowChanged.connect(lambda _row: self._enable())

    def set_addresses(self, addresses: tuple[Address, ...]) -> None:
        self.addresses = tuple(addresses)
        self.list.clear()
        for address in self.addresses:
            item = QListWidgetItem(f"{address.label or 'address'}: {address.one_line()}")
            item.setToolTip(item.text())
            self.list.addItem(item)
        if not self.addresses:
            placeholder = QListWidgetItem("No address yet — Add… to give one")
            placeholder.setFlags(Qt.ItemFlag.NoItemFlags)
            self.list.addItem(placeholder)
        self._enable()

    def _enable(self) -> None:
        chosen = 0 <= self.list.currentRow() < len(self.addresses)
        self.edit_button.setEnabled(chosen)
        self.remove_button.setEnabled(chosen)

    def ask(self, address: Address | None) -> Address | None:
        """The address as the user leaves the form, or None when cancelled or empty (tests patch this)."""
        dialog = AddressDialog(address, self)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        found = dialog.address()
        return None if found.is_empty() else found

    def add(self) -> None:
        found = self.ask(None)
        if found is not None:
            self.changed.emit((*self.addresses, found))

    def edit(self) -> None:
        row = self.list.currentRow()
        if not 0 <= row < len(self.addresses):
            return
        found = self.ask(self.addresses[row])
        if found is not None and found != self.addresses[row]:
            self.changed.emit(self.addresses[:row] + (found,) + self.addresses[row + 1 :])

    def remove(self) -> None:
        row = self.list.currentRow()
        if 0 <= row < len(self.addresses):
            self.changed.emit(self.addresses[:row] + self.addresses[row + 1 :])
