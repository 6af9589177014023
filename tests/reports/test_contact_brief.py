"""The contact brief as a user reads it: every fact there, user text literal, nothing clipped."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest
from report_fixtures import AS_OF, ESCAPED_NOTE, LONG_WORD, MARKDOWN_NOTE, long_note
from report_pdf_tools import (
    body_text,
    page_count,
    page_points,
    pdf_text,
    squeezed,
    word_boxes,
)

from relationship_journal.journal import Journal
from relationship_journal.reports.contact_brief import render_contact_brief

pytestmark = [pytest.mark.usefixtures("qapp")]


def test_brief_shows_the_note_literally_and_loads_nothing(demo_journal: Journal, tmp_path: Path) -> None:
    cid = demo_journal.contacts.resolve("Élodie Marchetti-Ørsted")
    out = tmp_path / "brief.pdf"
    result = render_contact_brief(demo_journal, cid, out, AS_OF, "a4")
    text = pdf_text(out)
    assert result.pages == page_count(out) <= 2
    assert "Élodie Marchetti-Ørsted" in text
    assert squeezed(ESCAPED_NOTE) in squeezed(text)  # the tags print as typed
    assert squeezed(MARKDOWN_NOTE) in squeezed(text)  # Markdown stays plain text
    assert "Relationship health" in text and "Before you ask" in text
    assert "Report date 30 June 2026" in text


@pytest.mark.parametrize("name", ["佐藤 花子", "Ελένη Παπαδοπούλου"])
def test_non_latin_names_come_through_intact(demo_journal: Journal, tmp_path: Path, name: str) -> None:
    out = tmp_path / "brief.pdf"
    render_contact_brief(demo_journal, demo_journal.contacts.resolve(name), out, AS_OF, "letter")
    assert name in pdf_text(out)
    assert page_points(out) == (612.0, 792.0)


def test_long_history_prints_whole_without_clipping(long_history: tuple[Journal, int], tmp_path: Path) -> None:
    journal, cid = long_history
    out = tmp_path / "long.pdf"
    result = render_contact_brief(journal, cid, out, AS_OF, "a4")
    text = pdf_text(out)
    body = body_text(out)
    # The 5,000-character note survives whole, across the page break.
    assert squeezed(long_note()) in body
    # Only the last five of 300 conversations are listed (the latest holds the long note).
    assert "Conversation number 299." in text and "Conversation number 296." in text
    assert "Conversation number 295." not in text
    # Profile, promises, favours and dates are all there; the profile's HTML is literal.
    for phrase in ("Head of research", "Fjord Analytics", "<script>alert(1)</script>", "Bergen",
                   "Send her the grants office contact", "overdue", "Review my draft paper",
                   "Reviewed her grant proposal", "Birthday (41)", "Work anniversary"):
        assert phrase in text, phrase
    # Nothing runs off the paper: every word sits inside the page's width.
    width, height = page_points(out)
    assert (width, height) == (595.0, 842.0)
    boxes = word_boxes(out)
    assert boxes and max(b[2] for b in boxes) <= width - 30
    assert min(b[0] for b in boxes) >= 30
    assert squeezed(LONG_WORD) in body
    assert result.pages == page_count(out) >= 2


def test_photo_is_embedded_and_empty_contact_reads_cleanly(journal: Journal, tmp_path: Path) -> None:
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice
    from PySide6.QtGui import QColor, QImage

    from relationship_journal.journal.records import ContactFields

    picture = QImage(64, 80, QImage.Format.Format_RGB32)
    picture.fill(QColor("#c0392b"))
    storage = QByteArray()
    buffer = QBuffer(storage)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    picture.save(buffer, "PNG")
    buffer.close()
    cid = journal.contacts.add(ContactFields(display_name="Noor Haddad", photo=bytes(storage.data()))).created_id
    assert cid is not None
    out = tmp_path / "new.pdf"
    render_contact_brief(journal, cid, out, AS_OF, "a4")
    text = pdf_text(out)
    assert "Noor Haddad" in text and "no data" in text
    assert "No conversations logged yet." in text and "Nothing open either way." in text
    # The photo is on the page: its red shows in the rendered first page.
    subprocess.run(["pdftoppm", "-png", "-r", "40", "-f", "1", "-l", "1", str(out), str(tmp_path / "page")],
                   check=True)
    page = QImage(str(next(tmp_path.glob("page*.png"))))
    reds = sum(1 for x in range(0, page.width(), 2) for y in range(0, page.height() // 4, 2)
               if QColor(page.pixel(x, y)).name() == "#c0392b")
    assert reds > 20


def test_dates_coming_up_include_last_week_and_skip_far_ones() -> None:
    import datetime as dt

    from relationship_journal.journal.records import Birthday, ContactDetail, YearlyDate
    from relationship_journal.reports.yearly_dates import upcoming_dates

    person = ContactDetail(
        display_name="Ada", birthday=Birthday(6, 25, 1990),
        important_dates=(YearlyDate("Wedding anniversary", 9, 1, 2015), YearlyDate("Name day", 12, 24),
                         YearlyDate("Leap day", 2, 29)),
    )
    found = upcoming_dates(person, dt.date(2026, 6, 30))
    assert found == [("Birthday (36)", dt.date(2026, 6, 25), -5),
                     ("Wedding anniversary (11 years)", dt.date(2026, 9, 1), 63)]
    assert upcoming_dates(person, dt.date(2027, 2, 20))[0] == ("Leap day", dt.date(2027, 2, 28), 8)


def test_direction_controls_in_a_note_are_shown_not_obeyed(journal: Journal, tmp_path: Path) -> None:
    """'Trojan source' in a note: U+202E would print 'invoice_gpj.exe' as 'invoice_exe.jpg'."""
    import datetime as dt

    from relationship_journal.journal.records import ContactFields, InteractionFields

    cid = journal.contacts.add(ContactFields(display_name="Rita Ortiz")).created_id
    assert cid is not None
    journal.interactions.log(InteractionFields(
        contact_ids=(cid,), date=AS_OF - dt.timedelta(days=3), kind="call",
        note="sent invoice_\u202egpj.exe and \u2067a note\u2069 done"))
    out = tmp_path / "bidi.pdf"
    render_contact_brief(journal, cid, out, AS_OF, "a4")
    text = pdf_text(out, raw=True)
    assert "invoice_[RLO]gpj.exe" in text and "[RLI]a note[PDI]" in text
    assert "\u202e" not in text and "\u2067" not in text
