"""The window's actions, menus and toolbar: every command a key, a menu item or a button.

Kept apart from the window's layout so main_window.py reads as the views and how they
switch. Each action's slot belongs to the module that does the work (entry_commands,
bulk_commands, window_files, window_services); the actions stay attributes of the
window (`window.act_undo`, ...) because menus, the toolbar and tests find them there.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QActionGroup, QKeySequence

from relationship_journal.gui import theme
from relationship_journal.gui.resources import icon

if TYPE_CHECKING:
    from relationship_journal.gui.main_window import MainWindow

VIEW_TIPS = {
    "contacts": "The contact list and the chosen person's page",
    "timeline": "Everyone's interactions, newest first",
    "dashboard": "The whole network at a glance",
    "today": "What deserves attention today (Ctrl+T)",
}


def _action(
    window: MainWindow,
    text: str,
    slot: Any,
    shortcut: Any = None,
    icon_name: str | None = None,
    tip: str | None = None,
) -> QAction:
    action = QAction(text, window)
    if icon_name:
        action.setIcon(icon(icon_name, theme.colours().text))
        action.setProperty("icon_name", icon_name)
    if shortcut is not None:
        if isinstance(shortcut, list | tuple):
            action.setShortcuts([QKeySequence(s) for s in shortcut])
        else:
            action.setShortcut(QKeySequence(shortcut))
    tip = tip or text.replace("…", "").replace("&", "")
    keys = action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
    action.setToolTip(f"{tip} ({keys})" if keys else tip)
    action.setStatusTip(tip)
    action.triggered.connect(slot)
    window.addAction(action)
    return action


def build_actions(w: MainWindow) -> None:
    """Every action of the window, as `w.act_*` attributes."""

    def a(*args: Any) -> QAction:
        return _action(w, *args)

    entries, bulk, files = w.entries, w.bulk, w.files
    w.act_new_interaction = a(
        "&New interaction…",
        entries.new_interaction,
        QKeySequence.StandardKey.New,
        "new-interaction",
        "Write down a meeting, call or message",
    )
    w.act_new_contact = a(
        "New &contact…", entries.new_contact, "Ctrl+Shift+N", "add-contact", "Add a person"
    )
    w.act_import = a(
        "&Import contacts…",
        files.import_contacts,
        "Ctrl+I",
        "import",
        "Import a vCard, Google/Outlook CSV or LinkedIn Connections.csv",
    )
    w.act_export_pdf = a(
        "&Export brief as PDF…",
        files.export_pdf,
        QKeySequence.StandardKey.Print,
        "export-pdf",
        "A one-page brief of this person, as PDF",
    )
    w.act_export = a(
        "E&xport contacts…",
        files.export_contacts,
        "Ctrl+E",
        None,
        "vCard, CSV with health figures, or iCalendar",
    )
    w.act_network_report = a(
        "&Network report as PDF…",
        files.export_network_report,
        "Ctrl+Shift+P",
        "export-pdf",
        "The whole network: depth, circles, who is fading, as PDF",
    )
    w.act_period_review = a(
        "Period &review as PDF…",
        files.export_period_review,
        None,
        "export-pdf",
        "What happened in a period: entries, promises, favours, as PDF",
    )
    w.act_demo = a(
        "Load &demo network",
        files.load_demo,
        None,
        "demo",
        "Fill an empty journal with a made-up network to explore",
    )
    w.act_quit = a("&Quit", w.close, QKeySequence.StandardKey.Quit)
    # Fixed labels, so the toolbar never shifts as "Undo Import new-people.vcf" grows;
    # what would be undone is in the tooltip and the status tip.
    w.act_undo = a("&Undo", w.undo_stack.undo, QKeySequence.StandardKey.Undo, "undo")
    w.act_redo = a("&Redo", w.undo_stack.redo, ["Ctrl+Shift+Z", "Ctrl+Y"], "redo")
    for action, can, text, verb in (
        (w.act_undo, w.undo_stack.canUndoChanged, w.undo_stack.undoTextChanged, "Undo"),
        (w.act_redo, w.undo_stack.canRedoChanged, w.undo_stack.redoTextChanged, "Redo"),
    ):
        can.connect(action.setEnabled)
        text.connect(lambda what, act=action, v=verb: describe_undo(act, v, what))
        action.setEnabled(False)
    from relationship_journal.gui.undo_keys import UndoKeysFallThrough

    UndoKeysFallThrough(w)  # kept by the window; an empty text field lets Ctrl+Z through to undo
    w.act_find = a(
        "&Find…",
        w.focus_search,
        QKeySequence.StandardKey.Find,
        "find",
        "Find a person by name, organisation or notes",
    )
    w.act_next = a("Ne&xt contact", lambda: w.contact_list.step(1), ["Ctrl+]", "Alt+Down"], "next")
    w.act_previous = a(
        "Pre&vious contact", lambda: w.contact_list.step(-1), ["Ctrl+[", "Alt+Up"], "previous"
    )
    w.act_record_favour = a(
        "Record a &favour…",
        lambda: entries.record_without_meeting("favour"),
        None,
        None,
        "Help given or received outside a meeting",
    )
    w.act_record_promise = a(
        "Record a &promise…",
        lambda: entries.record_without_meeting("commitment"),
        None,
        None,
        "A promise made outside a meeting",
    )
    w.act_record_ask = a(
        "Record an &ask…",
        lambda: entries.record_without_meeting("ask"),
        None,
        None,
        "Something you asked of this person outside a meeting",
    )
    w.act_ask_outcome = a(
        "Record an as&k's outcome…",
        entries.record_ask_outcome,
        "Ctrl+K",
        None,
        "How they answered something you asked of this person",
    )
    w.act_merge = a(
        "&Merge two contacts…",
        bulk.merge_selected,
        "Ctrl+M",
        "merge",
        "Fold a duplicate into the other record, keeping everything",
    )
    w.act_circle = a(
        "Set &circle…", bulk.set_circle, None, "circle", "Move the selected people to a circle"
    )
    w.act_add_tag = a("&Add tag…", bulk.add_tag, None, "tag", "Tag the selected people")
    w.act_remove_tag = a("&Remove tag…", bulk.remove_tag, None, None, "Untag the selected people")
    w.act_archive = a(
        "Ar&chive",
        bulk.archive,
        None,
        "archive",
        "Hide the selected people from the list (their history stays)",
    )
    w.act_delete = a("&Delete…", bulk.delete, None, "delete", "Delete the selected people")
    w.view_group = QActionGroup(w)
    w.act_views = {}
    for index, (name, label, icon_name) in enumerate(
        (
            ("contacts", "&Contacts", "contacts"),
            ("timeline", "&Timeline", "timeline"),
            ("dashboard", "&Dashboard", "dashboard"),
            ("today", "T&oday", "today"),
        )
    ):
        action = a(
            label,
            lambda _=False, n=name: w.show_view(n),
            f"Ctrl+{index + 1}",
            icon_name,
            VIEW_TIPS[name],
        )
        action.setCheckable(True)
        w.view_group.addAction(action)
        w.act_views[name] = action
    w.act_views["contacts"].setChecked(True)
    w.act_views["today"].setShortcuts([QKeySequence("Ctrl+T"), QKeySequence("Ctrl+4")])
    w.theme_group = QActionGroup(w)
    w.act_themes = {}
    for name in ("light", "dark", "system"):
        theme_action = QAction(name.capitalize(), w, checkable=True)
        theme_action.setChecked(w.settings.theme == name)
        theme_action.triggered.connect(lambda _=False, n=name: w.set_theme(n))
        w.theme_group.addAction(theme_action)
        w.act_themes[name] = theme_action
    # Linux has no standard Preferences key: Ctrl+, as other apps there use.
    preferences_keys = QKeySequence.keyBindings(QKeySequence.StandardKey.Preferences) or "Ctrl+,"
    w.act_preferences = a("&Preferences…", w.open_preferences, preferences_keys, "settings")
    w.act_about = a("&About Relationship Journal", w.open_about, None, "info")


def describe_undo(action: QAction, verb: str, what: str) -> None:
    keys = action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
    tip = f"{verb}: {what}" if what else f"Nothing to {verb.lower()}"
    action.setToolTip(f"{tip} ({keys})")
    action.setStatusTip(tip)


def build_menus(w: MainWindow) -> None:
    bar = w.menuBar()
    file_menu = bar.addMenu("&File")
    file_menu.addActions([w.act_new_interaction, w.act_new_contact])
    file_menu.addSeparator()
    file_menu.addActions(
        [
            w.act_import,
            w.act_export,
            w.act_export_pdf,
            w.act_network_report,
            w.act_period_review,
            w.act_demo,
        ]
    )
    file_menu.addSeparator()
    file_menu.addAction(w.act_quit)
    edit = bar.addMenu("&Edit")
    edit.addActions([w.act_undo, w.act_redo])
    edit.addSeparator()
    edit.addAction(w.act_find)
    edit.addSeparator()
    edit.addActions(
        [w.act_record_favour, w.act_record_promise, w.act_record_ask, w.act_ask_outcome]
    )
    edit.addSeparator()
    people = edit.addMenu("Selected &people")
    people.addActions([w.act_circle, w.act_add_tag, w.act_remove_tag, w.act_archive, w.act_delete])
    edit.addAction(w.act_merge)
    edit.addSeparator()
    edit.addAction(w.act_preferences)
    view = bar.addMenu("&View")
    view.addActions(list(w.act_views.values()))
    view.addSeparator()
    view.addActions([w.act_next, w.act_previous])
    view.addSeparator()
    themes = view.addMenu("T&heme")
    themes.addActions(list(w.act_themes.values()))
    help_menu = bar.addMenu("&Help")
    help_menu.addAction(w.act_about)
    w.contact_list.view.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
    w.contact_list.view.addActions(
        [
            w.act_new_interaction,
            w.act_merge,
            w.act_circle,
            w.act_add_tag,
            w.act_remove_tag,
            w.act_archive,
            w.act_delete,
        ]
    )


def build_toolbar(w: MainWindow) -> None:
    bar = w.addToolBar("Main")
    bar.setObjectName("MainToolbar")
    bar.setMovable(False)
    bar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
    bar.addActions([w.act_new_interaction, w.act_new_contact])
    bar.addSeparator()
    bar.addActions(list(w.act_views.values()))
    bar.addSeparator()
    bar.addActions([w.act_undo, w.act_redo])
    bar.addSeparator()
    bar.addActions([w.act_import, w.act_export_pdf])
    w.toolbar = bar


def selection_changed(w: MainWindow, ids: list[int]) -> None:
    """The people-at-once actions follow how many people are selected."""
    for action in (w.act_circle, w.act_add_tag, w.act_remove_tag, w.act_archive, w.act_delete):
        action.setEnabled(bool(ids))
    w.act_merge.setEnabled(len(ids) == 2)
    w.selection_label.setText(f"{len(ids)} selected" if len(ids) > 1 else "")
