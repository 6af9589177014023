"""Files in and out of the window: importing contacts, the demo network, exports and PDFs.

All of it runs on the worker behind a progress dialog (gui/worker.py); an import ends
as one change in the journal's history that the views hear about like any other.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtWidgets import QFileDialog

from relationship_journal.gui.worker import Operation, Progress

if TYPE_CHECKING:
    from relationship_journal.gui.main_window import MainWindow

IMPORTED = "import"  # the initiator of an import's change


class WindowFiles:
    def __init__(self, window: MainWindow) -> None:
        self.window = window
        self.import_flow: Any = None

    def load_demo(self) -> None:
        window = self.window
        journal = window.journal

        def work(progress: Progress) -> int | None:
            from relationship_journal.demo import generate

            if journal.contacts.count(include_archived=True):
                return None
            progress.step("Creating the demo network…")
            rows = generate(journal, contacts=150, progress=lambda message: progress.step(message))
            return len(rows.contacts)

        def done(count: int | None) -> None:
            if count is None:
                window.statusBar().showMessage(
                    "The demo network only goes into an empty journal.", 6000
                )
                return
            window.statusBar().showMessage(f"Demo network loaded: {count} people.", 6000)
            window.feed.load_contacts()

        Operation(window, work, done, window.show_error, title="Loading the demo network").run()

    # --- importing -----------------------------------------------------------------------
    def import_contacts(self) -> None:
        window = self.window
        paths, _filter = QFileDialog.getOpenFileNames(
            window,
            "Import contacts",
            window.settings.last_folder,
            "Contacts (*.vcf *.vcard *.csv);;All files (*)",
        )
        if paths:
            window.settings.last_folder = str(Path(paths[0]).parent)
            self.import_files(paths)

    def import_files(self, paths: list[str]) -> None:
        """Read in the background, preview, then write one undoable batch (gui/import_dialog.py)."""
        from relationship_journal.gui.import_dialog import ImportFlow

        window = self.window
        stack = window.undo_stack
        self.import_flow = ImportFlow(
            window,
            window.journal,
            list(paths),
            stack,
            lambda changes: stack.changed.emit(changes, IMPORTED),
            window.show_error,
            lambda message: window.statusBar().showMessage(message, 8000),
        )
        self.import_flow.start()

    @staticmethod
    def dropped_paths(mime: Any) -> list[str]:
        from relationship_journal.gui.import_dialog import contact_file_paths

        return contact_file_paths(mime)

    # --- exports -------------------------------------------------------------------------
    def export_pdf(self) -> None:
        window = self.window
        cid = window.page.contact_id
        if cid is None:
            window.statusBar().showMessage("Open a person first, then export their brief.", 5000)
            return
        from relationship_journal.gui.report_runner import ask_pdf_path

        name = window.directory.name_of(cid)
        path = ask_pdf_path(window, "Export brief as PDF", f"{name} brief.pdf")
        if path:
            self.export_brief(cid, path)

    def export_brief(self, contact_id: int, path: str) -> None:
        journal, as_of = self.window.journal, self.window.as_of

        def work(progress: Progress) -> str:
            from relationship_journal.gui.report_runner import write_brief

            return write_brief(journal, contact_id, path, as_of, progress.step)

        self._write_pdf(work, path, "Writing the PDF")

    def export_contacts(self) -> None:
        from relationship_journal.gui.export_dialog import export_from_window

        export_from_window(self.window)

    def export_network_report(self) -> None:
        from relationship_journal.gui.report_runner import ask_pdf_path, write_network

        window = self.window
        path = ask_pdf_path(
            window, "Network report as PDF", f"Network report {window.as_of.isoformat()}.pdf"
        )
        if path:
            journal, as_of = window.journal, window.as_of
            self._write_pdf(
                lambda progress: write_network(journal, path, as_of, progress.step),
                path,
                "Writing the network report",
            )

    def export_period_review(self) -> None:
        from relationship_journal.gui.report_runner import (
            ask_pdf_path,
            ask_review_period,
            write_review,
        )

        window = self.window
        period = ask_review_period(window, window.as_of)
        if period is None:
            return
        start, end = period
        path = ask_pdf_path(
            window, "Period review as PDF", f"Review {start.isoformat()} to {end.isoformat()}.pdf"
        )
        if path:
            journal = window.journal
            self._write_pdf(
                lambda progress: write_review(journal, path, start, end, progress.step),
                path,
                "Writing the period review",
            )

    def _write_pdf(self, work: Callable[[Progress], str], path: str, title: str) -> None:
        """On the worker, behind a progress dialog with Cancel; then offer Open / Show in folder."""
        window = self.window

        def done(where: str) -> None:
            window.statusBar().clearMessage()  # the lasting "Saved … [Open] [Show in folder]" says it
            window.saved_file.show_file(path, where.rsplit("/", 1)[-1])

        Operation(window, work, done, window.show_error, title=title).run()
