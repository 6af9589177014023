"""Notes are the user's Markdown, shown without loading anything from anywhere."""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import QByteArray, QUrl

from relationship_journal.gui.safe_text import SafeTextBrowser
from relationship_journal.gui.timeline_view import TimelineView
from relationship_journal.journal.records import InteractionView


def test_remote_images_and_raw_html_are_never_loaded(qtbot: Any, monkeypatch: Any) -> None:
    asked: list[str] = []
    given: list[object] = []
    original = SafeTextBrowser.loadResource

    def spy(self: SafeTextBrowser, kind: int, url: QUrl) -> object:
        asked.append(url.toString())
        given.append(original(self, kind, url))
        return given[-1]

    monkeypatch.setattr(SafeTextBrowser, "loadResource", spy)
    view = TimelineView()
    qtbot.addWidget(view)
    note = ("Met at **the fair**. ![pixel](https://tracker.example/p.gif)\n\n"
            "<img src='file:///etc/passwd'><script>alert(1)</script> [site](https://example.org)")
    view.set_entries([InteractionView(contact_ids=(1,), date=dt.date(2026, 5, 1), kind="meeting", note=note,
                                      id=7, contact_names=("Sam",))], focus_contact=1)
    view.show()
    qtbot.waitExposed(view)
    view.browser.grab()  # paint: any image would be requested now
    text = view.browser.toPlainText()
    assert "the fair" in text and "**" not in text
    assert "alert(1)" in text or "<script>" in text  # raw HTML shows as text, never runs or loads
    assert "https://tracker.example/p.gif" in asked  # the image was asked for …
    assert all(isinstance(data, QByteArray) and data.isEmpty() for data in given)  # … and got nothing


def test_only_app_links_turn_into_actions(qtbot: Any) -> None:
    browser = SafeTextBrowser()
    qtbot.addWidget(browser)
    seen: list[str] = []
    browser.action.connect(seen.append)
    browser.anchorClicked.emit(QUrl("https://example.org"))
    browser.anchorClicked.emit(QUrl("rj:edit:12"))
    assert seen == ["edit:12"]
