"""Preferences persist (and only on OK); About says what and where the app is."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QLabel, QWidget

from relationship_journal import __version__
from relationship_journal.gui.dialogs.about import AboutDialog
from relationship_journal.gui.dialogs.preferences import PreferencesDialog
from relationship_journal.gui.settings import AppSettings
from relationship_journal.paths import resolve_paths


def _dialog(qtbot) -> PreferencesDialog:  # type: ignore[no-untyped-def]
    dialog = PreferencesDialog(AppSettings(), resolve_paths())
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def test_preferences_survive_into_a_new_settings_object(qtbot) -> None:  # type: ignore[no-untyped-def]
    dialog = _dialog(qtbot)
    dialog.theme_box.setCurrentIndex(dialog.theme_box.findData("dark"))
    dialog.cadence_boxes[15].setValue(21)
    dialog.cadence_boxes[500].setValue(400)
    dialog.accept()
    fresh = AppSettings()
    assert fresh.theme == "dark"
    assert fresh.default_cadence(15) == 21
    assert fresh.default_cadences() == {5: 7, 15: 21, 50: 90, 150: 365, 500: 400}
    assert fresh.cadence_override(15) == 21 and fresh.cadence_override(5) is None
    assert fresh.path.stat().st_mode & 0o777 == 0o600


def test_cancel_changes_nothing(qtbot) -> None:  # type: ignore[no-untyped-def]
    dialog = _dialog(qtbot)
    dialog.theme_box.setCurrentIndex(dialog.theme_box.findData("light"))
    dialog.cadence_boxes[5].setValue(3)
    dialog.reject()
    fresh = AppSettings()
    assert fresh.theme == "system"
    assert fresh.default_cadence(5) == 7


def test_reopened_dialog_shows_the_saved_choices_and_can_reset(qtbot) -> None:  # type: ignore[no-untyped-def]
    settings = AppSettings()
    settings.set_default_cadence(50, 60)
    settings.theme = "light"
    dialog = _dialog(qtbot)
    assert dialog.cadence_boxes[50].value() == 60
    assert dialog.chosen_theme() == "light"
    dialog.reset_cadences()
    dialog.accept()
    assert AppSettings().default_cadence(50) == 90


def test_data_folder_is_shown_read_only_and_pages_can_be_added(qtbot, private_folders: Path) -> None:  # type: ignore[no-untyped-def]
    dialog = _dialog(qtbot)
    assert dialog.data_folder.text() == str(private_folders)
    assert dialog.data_folder.isReadOnly()
    index = dialog.add_page("Backups", QWidget())
    assert dialog.tabs.tabText(index) == "Backups"
    assert [dialog.tabs.tabText(i) for i in range(dialog.tabs.count())] == ["General", "Keeping in touch", "Backups"]


def test_bad_settings_file_values_fall_back_to_the_defaults(qtbot) -> None:  # type: ignore[no-untyped-def]
    settings = AppSettings()
    settings.path.write_text("[appearance]\ntheme=purple\n[cadences]\ncircle_5=-4\ncircle_15=lots\n")
    fresh = AppSettings()
    assert fresh.theme == "system"
    assert fresh.default_cadence(5) == 7 and fresh.default_cadence(15) == 30


def test_about_names_the_app_version_thesis_and_data_folder(qtbot, private_folders: Path) -> None:  # type: ignore[no-untyped-def]
    dialog = AboutDialog(paths=resolve_paths())
    qtbot.addWidget(dialog)
    texts = " ".join(label.text() for label in dialog.findChildren(QLabel))
    assert f"Version {__version__}" in texts
    assert "An inch wide and a mile deep" in texts
    assert str(private_folders) in texts
    assert "PySide6" in texts and "Qt " in texts
