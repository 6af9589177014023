"""Preferences persist (and only on OK); About says what and where the app is."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QLabel, QWidget

from relationship_journal import __version__
from relationship_journal.gui.dialogs.about import AboutDialog
from relationship_journal.gui.dialogs.preferences import PreferencesDialog, read_choices
from relationship_journal.gui.settings import AppSettings
from relationship_journal.journal import Journal
from relationship_journal.paths import resolve_paths


def _dialog(qtbot, journal: Journal) -> PreferencesDialog:  # type: ignore[no-untyped-def]
    dialog = PreferencesDialog(AppSettings(), journal, **read_choices(journal))
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def _ok(qtbot, dialog: PreferencesDialog) -> None:  # type: ignore[no-untyped-def]
    """OK, as a user presses it: the journal is written on the worker, then the dialog closes."""
    with qtbot.waitSignal(dialog.accepted, timeout=120_000):
        dialog.accept()


def test_preferences_survive_into_a_new_settings_object_and_the_journal(  # type: ignore[no-untyped-def]
        qtbot, private_folders: Path) -> None:
    with Journal.open(private_folders) as journal:
        dialog = _dialog(qtbot, journal)
        dialog.theme_box.setCurrentIndex(dialog.theme_box.findData("dark"))
        dialog.cadence_boxes[15].setValue(21)
        dialog.cadence_boxes[500].setValue(400)
        _ok(qtbot, dialog)
        assert dialog.cadences_changed
    fresh = AppSettings()
    assert fresh.theme == "dark"
    assert fresh.path.stat().st_mode & 0o777 == 0o600
    assert "cadence" not in fresh.path.read_text()  # the journal holds them, not the settings file
    with Journal.open(private_folders) as journal:
        assert journal.preferences.circle_cadences() == {15: 21, 500: 400}
        assert dict(journal.health.params.cadence_days) == {5: 7, 15: 21, 50: 90, 150: 365, 500: 400}


def test_cancel_changes_nothing(qtbot, journal: Journal) -> None:  # type: ignore[no-untyped-def]
    dialog = _dialog(qtbot, journal)
    dialog.theme_box.setCurrentIndex(dialog.theme_box.findData("light"))
    dialog.cadence_boxes[5].setValue(3)
    dialog.reject()
    assert AppSettings().theme == "system"
    assert journal.preferences.circle_cadences() == {}


def test_ok_without_a_cadence_change_writes_nothing_to_the_journal(  # type: ignore[no-untyped-def]
        qtbot, journal: Journal) -> None:
    journal.preferences.set_circle_cadences({50: 60})
    dialog = _dialog(qtbot, journal)
    dialog.theme_box.setCurrentIndex(dialog.theme_box.findData("light"))
    _ok(qtbot, dialog)
    assert not dialog.cadences_changed
    assert AppSettings().theme == "light" and journal.preferences.circle_cadences() == {50: 60}


def test_reopened_dialog_shows_the_saved_choices_and_can_reset(qtbot, journal: Journal) -> None:  # type: ignore[no-untyped-def]
    journal.preferences.set_circle_cadences({50: 60})
    AppSettings().theme = "light"
    dialog = _dialog(qtbot, journal)
    assert dialog.cadence_boxes[50].value() == 60
    assert dialog.cadence_boxes[15].value() == 30
    assert dialog.chosen_theme() == "light"
    dialog.reset_cadences()
    _ok(qtbot, dialog)
    assert journal.preferences.circle_cadences() == {}
    assert journal.health.params.cadence_days[50] == 90


def test_data_folder_is_shown_read_only_and_pages_can_be_added(  # type: ignore[no-untyped-def]
        qtbot, private_folders: Path, journal: Journal) -> None:
    dialog = _dialog(qtbot, journal)
    assert dialog.data_folder.text() == str(private_folders)
    assert dialog.data_folder.isReadOnly()
    index = dialog.add_page("Backups", QWidget())
    assert dialog.tabs.tabText(index) == "Backups"
    assert [dialog.tabs.tabText(i) for i in range(dialog.tabs.count())] == ["General", "Keeping in touch", "Backups"]


def test_bad_settings_file_values_fall_back_to_the_defaults(qtbot) -> None:  # type: ignore[no-untyped-def]
    settings = AppSettings()
    settings.path.write_text("[appearance]\ntheme=purple\n[cadences]\ncircle_5=-4\ncircle_15=lots\ncircle_50=60\n")
    fresh = AppSettings()
    assert fresh.theme == "system"
    assert fresh.legacy_cadences() == {50: 60}  # only the valid one would be carried into a journal


def test_about_names_the_app_version_thesis_and_data_folder(qtbot, private_folders: Path) -> None:  # type: ignore[no-untyped-def]
    dialog = AboutDialog(paths=resolve_paths())
    qtbot.addWidget(dialog)
    texts = " ".join(label.text() for label in dialog.findChildren(QLabel))
    assert f"Version {__version__}" in texts
    assert "An inch wide and a mile deep" in texts
    assert str(private_folders) in texts
    assert "PySide6" in texts and "Qt " in texts


def test_ok_that_the_journal_refuses_says_so_and_keeps_the_dialog_open(  # type: ignore[no-untyped-def]
        qtbot, journal: Journal, monkeypatch) -> None:
    import threading

    from PySide6.QtWidgets import QMessageBox

    from relationship_journal.journal.errors import JournalError

    release = threading.Event()

    def refuse(_chosen: object) -> None:
        release.wait(60)
        raise JournalError("the journal folder is read-only")

    warned: list[str] = []
    monkeypatch.setattr(journal.preferences, "set_circle_cadences", refuse)
    monkeypatch.setattr(QMessageBox, "warning", lambda _parent, _title, text: warned.append(text))
    dialog = _dialog(qtbot, journal)
    dialog.cadence_boxes[15].setValue(21)
    dialog.accept()
    # Written on the worker: meanwhile nothing can be changed, and Esc does not close it.
    assert not dialog.buttons.isEnabled() and not dialog.tabs.isEnabled()
    dialog.reject()
    assert dialog.isVisible()
    release.set()
    qtbot.waitUntil(lambda: bool(warned), timeout=120_000)
    assert warned == ["The preferences were not saved: the journal folder is read-only"]
    assert dialog.isVisible() and dialog.buttons.isEnabled() and dialog.tabs.isEnabled()
    assert not dialog.cadences_changed
    assert dialog.cadence_boxes[15].value() == 21  # the choice is still there to try again
