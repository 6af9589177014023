"""The contact list's data: the whole list and the network's health, and after each change
only the rows it touched, every read on the worker.

Reads after changes run one at a time and gather the changes that arrive meanwhile, so
an older read never lands over a newer one; `when_current` runs something (open the
person just added) once the list holds every change made so far.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QTimer

from relationship_journal.gui.contact_model import PreparedRows, RowHealth, prepare
from relationship_journal.gui.release import release_in_background
from relationship_journal.gui.worker import Operation, Progress
from relationship_journal.health import ContactHealth
from relationship_journal.journal.owing import i_owe, people_i_owe
from relationship_journal.journal.records import Changes, ContactSummary

if TYPE_CHECKING:
    from relationship_journal.gui.main_window import MainWindow

SMALL_CHANGE = (
    15  # more contacts than this changed at once: their health is recomputed in the background
)
LARGE_CHANGE = 2000  # more than this: the whole list is reloaded in the background
NETWORK_REFRESH_MS = 4000  # after changes settle, recompute the whole network in the background


def row_health(health: ContactHealth) -> RowHealth:
    return RowHealth(health.display_score, health.band, health.classification, health.fade_date)


Rows = tuple[dict[int, ContactSummary], list[str], dict[int, RowHealth], dict[int, bool]]


class ContactListFeed:
    """Fills the window's contact list and keeps it current."""

    def __init__(self, window: MainWindow) -> None:
        self.window = window
        # (journal, params, writes, the reading the list's health came from): see
        # shared_network(). Held, the reading also comes back to whoever asks the journal
        # for the same day while nothing changed (journal.health: Today).
        self._shared_network: tuple[Any, Any, int, Any] | None = None
        self._network_generation = 0
        self._writes_applied = (
            0  # a whole-list read that started before a change on screen is stale
        )
        self._pending: Changes | None = None  # changes waiting for the read in flight to land
        self._reading = False
        self._loading = 0
        self._after: list[Callable[[], object]] = []
        self.launched = False  # the first list load opens Today (once the journal has people)
        self._network_beside_list = False  # the first network read started with the first list read
        self._network_timer = QTimer(window, singleShot=True, interval=NETWORK_REFRESH_MS)
        self._network_timer.timeout.connect(self.load_network)

    def when_current(self, then: Callable[[], object]) -> None:
        """Run `then` once every change so far is in the list."""
        self._after.append(then)
        self._flush()

    def _flush(self) -> None:
        if self._reading or self._pending is not None or self._loading:
            return
        after, self._after = self._after, []
        for then in after:
            then()

    # --- the whole list ------------------------------------------------------------------
    def load_contacts(self, select: int | None = None, keep_view: bool = False) -> None:
        """Read the whole list in the background; `keep_view` leaves the current view showing
        (a reload nobody asked for, after the command line wrote, must not switch views)."""
        window = self.window
        journal = window.journal
        window.services.absorb_own_writes()
        writes_before = self._writes_applied
        self._loading += 1

        def work(_progress: Progress) -> tuple[list[ContactSummary], list[str], PreparedRows]:
            summaries = journal.contacts.list()
            return summaries, journal.contacts.tags(), prepare(summaries)

        def done(result: tuple[list[ContactSummary], list[str], PreparedRows]) -> None:
            self._loading -= 1
            if self._writes_applied != writes_before:  # read before a change now on screen: stale
                self.load_contacts(select, keep_view)
                return
            self._show_list(*result, select=select, keep_view=keep_view)
            self._flush()

        def failed(error: BaseException) -> None:
            self._loading -= 1
            window.show_error(error)

        Operation(window, work, done, failed).run()
        if not self.launched and not self._network_generation:
            # At start the health is read beside the list, not after it: their SQLite
            # queries run outside the interpreter's lock, so the two overlap on two cores.
            # Health that lands first waits in the model for the rows (set_health).
            self._network_beside_list = True
            self.load_network()

    def _show_list(
        self, summaries: list[ContactSummary], tags: list[str], prepared: PreparedRows, select: int | None,
        keep_view: bool,
    ) -> None:
        window = self.window
        contact_list, page = window.contact_list, window.page
        contact_list.model.today = window.as_of
        contact_list.model.photo_loader = window.journal.contacts.photos
        contact_list.model.set_contacts(summaries, prepared)
        contact_list.set_tags(tags)
        contact_list.apply_filter()
        # The composer's names in a turn of their own: the list's arrival is the longest
        # wait the loading window has (about 50 ms at 10,000 people, 4-8 of them these).
        QTimer.singleShot(1, window, self._share_names)
        if not window.restored_draft:
            window.statusBar().showMessage(f"{len(summaries):,} people in your journal", 4000)
        if not summaries:
            window.stack.setCurrentWidget(window.empty)
        elif keep_view and window.stack.currentWidget() not in (window.empty, window.loading):
            if window.stack.currentWidget() is page:
                page.refresh()  # says `missing` (and shows nothing) if they were deleted
            if page.contact_id is not None:
                contact_list.select(page.contact_id, open_page=False)
        elif not self.launched and window.first_view == "dashboard":
            pass  # the whole network's view: nobody's page is read for it (the screenshot command)
        elif not self.launched:
            # The window opens on Today, with the page read behind it: brought to the front
            # only to be hidden again, the page laid out all its cards for nothing (a third
            # of the 60 ms the list's arrival kept the window from its events).
            window.show_view("today")
            wanted = select or page.contact_id or window.settings.last_contact_id
            if not (wanted and window.show_contact(wanted, show=False)):
                first = contact_list.first_id()
                if first is not None:
                    window.show_contact(first, show=False)
            contact_list.view.setFocus()
        else:
            wanted = select or page.contact_id or window.settings.last_contact_id
            if not (wanted and window.show_contact(wanted)):
                contact_list.open_first()
        self.launched = True
        window.undo_stack.refresh()  # the history may have grown elsewhere (the command line)
        window.contacts_loaded.emit()
        if self._network_beside_list:
            self._network_beside_list = False  # read already, or on its way
        else:
            self.load_network()

    def _share_names(self) -> None:
        """The composer's name completer: the list's people, in the list's name order."""
        model = self.window.contact_list.model
        self.window.directory.set_people([(s.id, s.name) for s in model.summaries()],
                                         in_name_order=model.in_name_order())

    def load_network(self) -> None:
        """Every person's health, for the list's bars, badges and filters (in the background)."""
        self._network_generation += 1
        window = self.window
        generation, journal, as_of = self._network_generation, window.journal, window.as_of
        writes_before = self._writes_applied

        def work(progress: Progress) -> tuple[Any, Any, dict[int, RowHealth], set[int], set[int]]:
            from relationship_journal.journal.health_inputs import gc_paused

            progress.step("Computing the network's health")
            params = journal.health.params  # read here: the GUI thread never reads the file
            # One reading, shared with Today's agenda when it asks at the same time.
            reading = journal.health.reading(as_of, params)
            network = reading.network
            with gc_paused():  # many small objects, no cycles: see health_inputs.gc_paused
                rows = {h.contact_id: row_health(h) for h in network.contacts}
            fading = {f.contact_id for f in network.fading}
            return reading, params, rows, fading, people_i_owe(journal, network)

        def done(result: tuple[Any, Any, dict[int, RowHealth], set[int], set[int]]) -> None:
            if generation != self._network_generation:
                return
            reading, params, rows, fading, owing = result
            if journal.health.keep_readings:  # for the next window, once this one is served
                Operation(window, lambda _progress: journal.health.keep(reading, params)).run()
            self._set_shared((journal, params, writes_before, reading))
            proxy = window.contact_list.proxy
            window.contact_list.model.set_health(rows, window.as_of)
            proxy.fading_ids = frozenset(fading)
            proxy.owing_ids = frozenset(owing)
            window.contact_list.apply_filter()
            window.network_loaded.emit()

        Operation(window, work, done, window.show_error).run()

    def shared_network(self) -> Any:
        """(timelines, day, network on that day) the list's health came from
        (`network_data.LoadedNetwork`, a date, `NetworkHealth`), for the dashboard to use
        instead of reading and evaluating the journal again; None once anything was
        written, the cadences changed or the file was swapped since they were read."""
        shared = self._shared_network
        if shared is None:
            return None
        journal, params, writes, reading = shared
        window = self.window
        if journal is not window.journal or params is not journal.health.params_if_read or writes != self._writes_applied:
            return None
        from relationship_journal.reports.network_data import from_reading

        return from_reading(reading), reading.as_of, reading.network

    def forget_shared_network(self) -> None:
        """Another process (or a restore) wrote: the network must be read again."""
        self._set_shared(None)

    def _set_shared(self, shared: tuple[Any, Any, int, Any] | None) -> None:
        """The old network is freed on the worker, a piece at a time (gui/release.py)."""
        old = [self._shared_network[3]] if self._shared_network is not None else []
        self._shared_network = shared
        release_in_background(self.window, old)

    # --- after a change ------------------------------------------------------------------
    def changed(self, changes: Changes, _initiator: object = None) -> None:
        """The rows a change touched come back (or go) in one narrowed read on the worker;
        a few people's health is computed with them, more with the whole network."""
        self._writes_applied += 1
        if len(changes.contacts) > LARGE_CHANGE:
            self.load_contacts()
            return
        self._pending = changes if self._pending is None else self._pending | changes
        if not self._reading:
            self._read_changed()

    def _read_changed(self) -> None:
        changes, self._pending = self._pending, None
        if changes is None:
            self._flush()
            return
        window = self.window
        journal, as_of = window.journal, window.as_of
        changed = sorted(changes.contacts)
        self._reading = True

        def work(_progress: Progress) -> Rows:
            current = {s.id: s for s in journal.contacts.list(only=changed)} if changed else {}
            health: dict[int, RowHealth] = {}
            owes: dict[int, bool] = {}
            if len(changed) <= SMALL_CHANGE:
                for cid in current:
                    figures = journal.health.contact(cid, as_of)
                    health[cid], owes[cid] = row_health(figures), i_owe(journal, figures)
            return current, journal.contacts.tags(), health, owes

        def done(rows: Rows) -> None:
            self._reading = False
            self._show_changed(changed, *rows)
            self._read_changed()

        def failed(error: BaseException) -> None:
            self._reading = False
            window.show_error(error)
            self._read_changed()

        Operation(window, work, done, failed).run()

    def _show_changed(
        self,
        changed: list[int],
        current: dict[int, ContactSummary],
        tags: list[str],
        health: dict[int, RowHealth],
        owes: dict[int, bool],
    ) -> None:
        window = self.window
        contact_list = window.contact_list
        model = contact_list.model
        model.remove_contacts([cid for cid in changed if cid not in current])
        owing = set(contact_list.proxy.owing_ids)
        for cid, summary in current.items():
            model.replace_contact(summary)
            if cid in health:
                model.update_health(cid, health[cid])
                (owing.add if owes[cid] else owing.discard)(cid)
        contact_list.proxy.owing_ids = frozenset(owing)
        if len(changed) > SMALL_CHANGE:
            self.load_network()
        elif changed:
            self._network_timer.start()  # fading dates are network-wide: recompute when calm
        self._share_names()
        contact_list.set_tags(tags)
        contact_list.apply_filter()
        if model.rowCount() == 0:
            window.stack.setCurrentWidget(window.empty)
        elif window.stack.currentWidget() is window.empty:
            contact_list.open_first()
