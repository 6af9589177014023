"""How each view answers the undo stack's one `changed(Changes, initiator)` notice.

The list reloads the rows the change touched (gui/list_feed.py); the page reloads if
it shows one of the people or entries; the timeline and the dashboard reload if they
are on screen and otherwise when next shown; Today reloads now or once writes calm
down. Nothing here reads the journal itself: each view reads through the worker.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from relationship_journal.journal.records import Changes

if TYPE_CHECKING:
    from relationship_journal.gui.main_window import MainWindow


class WindowViews:
    def __init__(self, window: MainWindow) -> None:
        self.window = window
        self.dashboard_stale = True
        window.undo_stack.changed.connect(self.changed)

    def changed(self, changes: Changes, initiator: object = None) -> None:
        window = self.window
        window.feed.changed(changes, initiator)
        page = window.page
        if page.contact_id is not None and (
            page.contact_id in changes.contacts or changes.interactions
        ):
            page.refresh()
        if window.stack.currentWidget() is window.timeline:
            window.timeline.refresh()
        self.refresh_dashboard()
        window.today.changed(changes)

    def everything_changed(self) -> None:
        """The whole file may differ (a restore, the command line, new cadences)."""
        window = self.window
        if window.stack.currentWidget() is window.timeline:
            window.timeline.refresh()
        self.refresh_dashboard()
        window.today.changed(Changes())

    def refresh_dashboard(self) -> None:
        """Now if it is on screen, else when it is next shown."""
        window = self.window
        self.dashboard_stale = True
        if window.dashboard is not None and window.stack.currentWidget() is window.dashboard:
            self.dashboard_stale = False
            window.dashboard.refresh(window.as_of)
