"""Rendering the user's Markdown notes without ever touching the network.

Notes may contain image links or raw HTML pasted from anywhere. The browser below
loads no resource at all (remote or local), ignores raw HTML in Markdown, and only
follows the app's own `rj:` action links; anything else is just shown.
"""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QUrl, Signal
from PySide6.QtGui import QTextCursor, QTextDocument
from PySide6.QtWidgets import QTextBrowser

MARKDOWN = QTextDocument.MarkdownFeature.MarkdownDialectGitHub | QTextDocument.MarkdownFeature.MarkdownNoHTML


class SafeTextBrowser(QTextBrowser):
    """A read-only rich text view that never fetches images, styles or links."""

    action = Signal(str)  # "edit:12", "delete:12", "more" from rj: links

    def __init__(self, parent=None) -> None:  # type: ignore[no-untyped-def]
        super().__init__(parent)
        self.setOpenLinks(False)
        self.setOpenExternalLinks(False)
        self.anchorClicked.connect(self._clicked)

    def loadResource(self, kind: int, url: QUrl | str) -> object:  # noqa: ARG002
        return QByteArray()  # nothing is ever loaded: no tracking pixels, no file reads

    def _clicked(self, url: QUrl) -> None:
        if url.scheme() == "rj":
            self.action.emit(url.path())

    def set_markdown(self, text: str) -> None:
        document = self.document()
        document.clear()
        QTextCursor(document).insertMarkdown(text, MARKDOWN)
