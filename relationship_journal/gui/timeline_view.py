"""A timeline of journal entries, newest first, with each note's Markdown rendered.

One text document for the whole list (not a widget per entry) keeps long timelines
light; each entry carries `rj:edit:ID` / `rj:delete:ID` links that the owner turns
into undoable commands.
"""

from __future__ import annotations

import html
from collections.abc import Sequence

from PySide6.QtCore import Signal
from PySide6.QtGui import QTextBlockFormat, QTextCursor, QTextFrameFormat
from PySide6.QtWidgets import QVBoxLayout, QWidget

from relationship_journal.gui.safe_text import MARKDOWN, SafeTextBrowser
from relationship_journal.gui.theme import colours
from relationship_journal.journal.records import InteractionView
from relationship_journal.journal.vocabulary import DEPTHS

PAGE = 60
LONG_NOTE = 1500  # characters; a longer note shows its start and "Show more"


def shorten_at_word(text: str, limit: int) -> str:
    """`text` cut to at most `limit` characters at a word boundary, with "…" if cut."""
    text = text.strip()
    if len(text) <= limit:
        return text
    cut = text[: limit - 1].rsplit(None, 1)[0] if " " in text[: limit - 1] else text[: limit - 1]
    return cut.rstrip(" ,;:.-") + "…"

KIND_LABELS = {"meeting": "Meeting", "call": "Call", "video": "Video call", "message": "Message",
               "email": "Email", "event": "Event", "social": "Social"}
STARTED = {"me": "I reached out", "them": "they reached out", "mutual": "mutual", "unknown": ""}


def entry_heading(entry: InteractionView, focus_id: int | None) -> str:
    """The one-line summary above a note: date, kind, minutes, depth, who else."""
    c = colours()
    parts = [f"<b>{entry.date.strftime('%a %d %b %Y')}</b>",
             f"<span style='color:{c.accent}'>{KIND_LABELS.get(entry.kind, entry.kind)}</span>"]
    if entry.minutes:
        parts.append(f"{entry.minutes} min")
    parts.append(f"depth {entry.depth} · {DEPTHS.get(entry.depth, '')}")
    if STARTED.get(entry.initiated_by):
        parts.append(STARTED[entry.initiated_by])
    others = [n for cid, n in zip(entry.contact_ids, entry.contact_names, strict=False) if cid != focus_id]
    if others:
        shown = html.escape(", ".join(others[:6]) + (f" +{len(others) - 6}" if len(others) > 6 else ""))
        if focus_id:
            parts.append(f"with {shown}")
        else:  # everyone's timeline: who it was with matters most
            parts.insert(1, f"<b>{shown}</b>")
    links = (f"<a href='rj:edit:{entry.id}'>Edit</a>&nbsp;&nbsp;"
             f"<a href='rj:delete:{entry.id}'>Delete</a>")
    summary = (" &nbsp;·&nbsp; ".join(parts[:2]) + f"<span style='color:{c.muted}'> &nbsp;·&nbsp; "
               + " · ".join(parts[2:]) + "</span>")
    return (f"<table width='100%' cellspacing='0' cellpadding='0'><tr><td>{summary}</td>"
            f"<td align='right' valign='top' width='110'>{links}</td></tr></table>")


class TimelineView(QWidget):
    """Entries newest first; emits edit/delete requests with the entry id."""

    edit_requested = Signal(int)
    delete_requested = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.browser = SafeTextBrowser(self)
        self.browser.setObjectName("Timeline")
        self.browser.action.connect(self._action)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.browser)
        self._entries: list[InteractionView] = []
        self._shown = PAGE
        self._focus: int | None = None
        self._expanded: set[int] = set()  # long notes opened with "Show more"
        self.empty_text = "No interactions yet."

    def set_entries(self, entries: Sequence[InteractionView], focus_contact: int | None = None) -> None:
        self._entries = list(entries)
        self._focus = focus_contact
        self._shown = PAGE
        self._render()

    def entries(self) -> list[InteractionView]:
        return self._entries

    def _render(self) -> None:
        """The entries shown, as one edit of the document: laid out once at its end, not
        after each entry's frame, heading and note (a page of fifty took 33 ms, now 14)."""
        edit = QTextCursor(self.browser.document())
        edit.beginEditBlock()
        try:
            self._fill_document()
        finally:
            edit.endEditBlock()
        self.browser.verticalScrollBar().setValue(0)

    def _fill_document(self) -> None:
        c = colours()
        document = self.browser.document()
        document.clear()
        document.setDefaultStyleSheet(f"a {{ color: {c.accent}; text-decoration: none; }}")
        cursor = QTextCursor(document)
        if not self._entries:
            cursor.insertHtml(f"<p style='color:{c.muted}'>{html.escape(self.empty_text)}</p>")
            return
        for index, entry in enumerate(self._entries[: self._shown]):
            if index:
                cursor.insertBlock(QTextBlockFormat())
            frame_format = QTextFrameFormat()
            frame_format.setBorder(0)
            frame_format.setBottomMargin(14)
            frame_format.setLeftMargin(2)
            frame = cursor.insertFrame(frame_format)
            inner = frame.firstCursorPosition()
            inner.insertHtml(entry_heading(entry, self._focus))
            if entry.note.strip():
                inner.insertBlock(QTextBlockFormat())
                long = len(entry.note) > LONG_NOTE and entry.id not in self._expanded
                inner.insertMarkdown(shorten_at_word(entry.note, LONG_NOTE) if long else entry.note, MARKDOWN)
                if long:
                    inner.insertBlock(QTextBlockFormat())
                    size = f"{len(entry.note) / 1000:.0f}k characters"
                    inner.insertHtml(f"<a href='rj:expand:{entry.id}'>Show more ({size})</a>")
            cursor = QTextCursor(document)
            cursor.movePosition(QTextCursor.MoveOperation.End)
        if len(self._entries) > self._shown:
            cursor.insertBlock(QTextBlockFormat())
            rest = len(self._entries) - self._shown
            cursor.insertHtml(f"<a href='rj:more'>Show {min(rest, PAGE)} more of {rest} older entries…</a>")

    def _action(self, action: str) -> None:
        if action == "more":
            position = self.browser.verticalScrollBar().value()
            self._shown += PAGE
            self._render()
            self.browser.verticalScrollBar().setValue(position)
            return
        verb, _, ident = action.partition(":")
        if verb == "expand" and ident.isdigit():
            position = self.browser.verticalScrollBar().value()
            self._expanded.add(int(ident))
            self._render()
            self.browser.verticalScrollBar().setValue(position)
            return
        if ident.isdigit():
            (self.edit_requested if verb == "edit" else self.delete_requested).emit(int(ident))
