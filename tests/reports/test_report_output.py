"""How reports reach the disk: whole or not at all, private while written, never loading
anything from outside, cancellable, and usable from a worker thread."""

from __future__ import annotations

import datetime as dt
import os
import stat
import threading
from pathlib import Path

import pytest
from report_fixtures import AS_OF
from report_pdf_tools import page_count, pdf_text

from relationship_journal.journal import Journal
from relationship_journal.reports import markup as m
from relationship_journal.reports.contact_brief import render_contact_brief
from relationship_journal.reports.errors import ReportCancelled, ReportError
from relationship_journal.reports.network_report import render_network_report
from relationship_journal.reports.paged import ReportDocument, render_pdf
from relationship_journal.reports.period_review import render_period_review
from relationship_journal.reports.progress import Steps

pytestmark = [pytest.mark.usefixtures("qapp")]


def _document(body: str) -> ReportDocument:
    return ReportDocument("Test", "Report date today", "<h1>Test</h1>", body, m.CSS)


def test_escaping_keeps_user_markup_as_text(tmp_path: Path) -> None:
    note = '<img src="file:///etc/passwd"> <a href="http://example.invalid">click</a> **bold** & more'
    out = tmp_path / "escaped.pdf"
    render_pdf(_document(m.paragraphs(note)), out, "a4", Steps(None, {"layout": 1, "pages": 1}))
    assert note in pdf_text(out)


def test_a_resource_that_is_not_ours_is_refused(tmp_path: Path) -> None:
    """Second lock behind escaping: raw markup naming an outside image writes nothing."""
    out = tmp_path / "remote.pdf"
    with pytest.raises(ReportError, match="outside resource"):
        render_pdf(_document('<img src="http://example.invalid/x.png">'), out, "a4",
                   Steps(None, {"layout": 1, "pages": 1}))


def test_existing_file_is_replaced_whole_and_made_private(demo_journal: Journal, tmp_path: Path) -> None:
    out = tmp_path / "review.pdf"
    out.write_bytes(b"old report")
    out.chmod(0o644)
    render_period_review(demo_journal, out, AS_OF - dt.timedelta(days=30), AS_OF, "a4")
    assert out.read_bytes().startswith(b"%PDF")
    assert stat.S_IMODE(out.stat().st_mode) == 0o600
    assert [p.name for p in tmp_path.iterdir()] == ["review.pdf"]  # no temporary file left


def test_new_file_is_private_whatever_the_umask(demo_journal: Journal, tmp_path: Path) -> None:
    out = tmp_path / "new.pdf"
    old = os.umask(0o022)
    try:
        render_period_review(demo_journal, out, AS_OF - dt.timedelta(days=30), AS_OF, "a4")
    finally:
        os.umask(old)
    assert stat.S_IMODE(out.stat().st_mode) == 0o600


def test_cancelling_leaves_no_file(demo_journal: Journal, tmp_path: Path) -> None:
    out = tmp_path / "cancelled.pdf"
    seen: list[tuple[int, int]] = []

    def progress(done: int, total: int) -> bool:
        seen.append((done, total))
        return done < total // 2  # the user presses Cancel halfway

    with pytest.raises(ReportCancelled):
        render_network_report(demo_journal, out, AS_OF, "a4", progress=progress)
    assert list(tmp_path.iterdir()) == []
    assert seen and all(total == seen[0][1] for _, total in seen)


def test_progress_rises_to_the_end(demo_journal: Journal, tmp_path: Path) -> None:
    values: list[int] = []
    render_period_review(demo_journal, tmp_path / "r.pdf", AS_OF - dt.timedelta(days=60), AS_OF, "a4",
                         progress=lambda done, total: values.append(done) or True)
    assert values == sorted(values) and values[-1] == 1000 and len(set(values)) > 3


def test_renders_on_a_worker_thread(demo_journal: Journal, tmp_path: Path, qtbot) -> None:  # type: ignore[no-untyped-def]
    """The GUI runs reports off its thread while its event loop runs; charts are drawn on
    the GUI thread (widgets live there only) and the rest on the worker."""
    from PySide6.QtCore import QThread
    from PySide6.QtWidgets import QApplication

    from relationship_journal.reports import charts

    drawn_on: list[bool] = []
    draw = charts._draw_chart

    def recording_draw(*args, **kwargs):  # type: ignore[no-untyped-def]
        drawn_on.append(QThread.currentThread() == QApplication.instance().thread())
        return draw(*args, **kwargs)

    out = tmp_path / "thread.pdf"
    errors: list[BaseException] = []

    def work() -> None:
        try:  # the journal object was opened on the main thread, as the GUI's is
            render_network_report(demo_journal, out, AS_OF, "letter")
            cid = demo_journal.contacts.resolve("Élodie Marchetti-Ørsted")
            render_contact_brief(demo_journal, cid, tmp_path / "brief.pdf", AS_OF, "a4")
        except BaseException as error:  # handed to the test thread
            errors.append(error)

    charts._draw_chart = recording_draw
    try:
        worker = threading.Thread(target=work)
        worker.start()
        qtbot.waitUntil(lambda: not worker.is_alive(), timeout=180_000)  # the event loop runs
    finally:
        charts._draw_chart = draw
    assert not errors and page_count(out) > 3 and page_count(tmp_path / "brief.pdf") >= 1
    assert drawn_on and all(drawn_on), "every chart must be drawn on the GUI thread"


def test_unwritable_places_fail_before_any_work(demo_journal: Journal, tmp_path: Path) -> None:
    with pytest.raises(ReportError, match="does not exist"):
        render_network_report(demo_journal, tmp_path / "missing" / "x.pdf", AS_OF, "a4")
    with pytest.raises(ReportError, match="folder, not a file"):
        render_network_report(demo_journal, tmp_path, AS_OF, "a4")
    with pytest.raises(ReportError, match="page size"):
        render_network_report(demo_journal, tmp_path / "x.pdf", AS_OF, "a5")
    if os.geteuid() != 0:  # root may write anywhere
        locked = tmp_path / "locked"
        locked.mkdir(mode=0o500)
        with pytest.raises(ReportError, match="no permission"):
            render_network_report(demo_journal, locked / "x.pdf", AS_OF, "a4")
