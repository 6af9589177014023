"""Nothing leaves the machine, nothing is readable by others, notes never reach a log.

The app paths run in this process through the real command-line entry point with
every way of opening a socket replaced by a trap; any attempt fails the test, even
if the app caught the error and carried on.
"""

from __future__ import annotations

import logging
import os
import re
import socket
from collections.abc import Iterator
from pathlib import Path

import pytest

from relationship_journal import cli, crash

SECRET = "Sam confided the divorce papers are signed"


@pytest.fixture
def no_network(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[str]]:
    """Block sockets; yields the list of attempts (each also raises where it happens)."""
    attempts: list[str] = []

    def trap(name: str):  # type: ignore[no-untyped-def]
        def refuse(*args: object, **kwargs: object) -> None:
            attempts.append(f"{name}{args!r}")
            raise OSError(f"network access attempted: {name}")

        return refuse

    class TrappedSocket(socket.socket):  # a class, so modules that subclass it still import
        def __init__(self, *args: object, **kwargs: object) -> None:
            attempts.append(f"socket{args!r}")
            raise OSError("network access attempted: socket")

    monkeypatch.setattr(socket, "socket", TrappedSocket)
    for name in ("create_connection", "socketpair", "getaddrinfo", "create_server"):
        monkeypatch.setattr(socket, name, trap(name))
    yield attempts
    assert attempts == [], f"the app tried to use the network: {attempts}"


def _run(*argv: str) -> int:
    return cli.main(list(argv))


def _app_paths(data: Path, tmp_path: Path) -> None:
    """Open, add, log, search, list, export, health, backup, restore, demo: all must succeed."""
    parser_commands = cli.build_parser()._subparsers._group_actions[0].choices  # type: ignore[union-attr]
    assert _run("--data-dir", str(data), "add", "Sam Rivers", "--circle", "15") == 0
    assert _run("--data-dir", str(data), "log", "Sam", "--kind", "call", "--note", SECRET) == 0
    assert _run("--data-dir", str(data), "search", "divorce") == 0
    assert _run("--data-dir", str(data), "list") == 0
    assert _run("--data-dir", str(data), "export", "csv", str(tmp_path / "people.csv")) == 0
    if "health" in parser_commands:
        assert _run("--data-dir", str(data), "health") == 0
    assert _run("--data-dir", str(data), "backup") == 0
    assert _run("--data-dir", str(data), "backup", str(tmp_path / "copy.sqlite3")) == 0
    assert _run("--data-dir", str(data), "restore", str(tmp_path / "copy.sqlite3")) == 0
    # A failure whose input holds the note: the error path must not log it either.
    assert _run("--data-dir", str(data), "log", "Nobody Known", "--kind", "call", "--note", SECRET) == 1
    demo = tmp_path / "demo"
    assert _run("--data-dir", str(demo), "demo", "--contacts", "15", "--interactions", "60") == 0


def test_app_paths_run_without_any_network(
    no_network: list[str], private_folders: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _app_paths(private_folders, tmp_path)
    assert SECRET not in capsys.readouterr().err


def test_files_and_folders_are_private(private_folders: Path, tmp_path: Path) -> None:
    _app_paths(private_folders, tmp_path)
    config = Path(os.environ["RELATIONSHIP_JOURNAL_CONFIG_DIR"])
    for root in (private_folders, tmp_path / "demo", config):
        if not root.exists():
            continue
        for path in [root, *root.rglob("*")]:
            mode = path.stat().st_mode & 0o777
            expected = 0o700 if path.is_dir() else 0o600
            assert mode == expected, f"{path} is {oct(mode)}"
    assert list((private_folders / "backups").glob("*.sqlite3")), "expected backups to check"


def test_notes_never_reach_logs_or_crash_reports(
    private_folders: Path, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    _app_paths(private_folders, tmp_path)
    try:
        raise ValueError(f"could not parse {SECRET}")
    except ValueError as error:
        crash.write_report(crash.compose_report("test", error), private_folders)
    assert SECRET not in caplog.text
    config = Path(os.environ["RELATIONSHIP_JOURNAL_CONFIG_DIR"])
    written = [path for path in config.rglob("*") if path.is_file()]
    assert any(path.parent.name == "logs" for path in written), "expected a report to inspect"
    for path in written:
        assert SECRET.encode() not in path.read_bytes(), f"{path} holds a note"


def test_rich_text_loads_no_remote_resource(no_network: list[str], qtbot) -> None:  # type: ignore[no-untyped-def]
    pytest.importorskip("PySide6.QtWidgets")
    from PySide6.QtCore import QUrl
    from PySide6.QtGui import QTextDocument

    from relationship_journal.gui.safe_text import SafeTextBrowser

    browser = SafeTextBrowser()
    qtbot.addWidget(browser)
    requested: list[str] = []
    original = browser.loadResource

    def spy(kind: int, url: QUrl | str) -> object:
        requested.append(url.toString() if isinstance(url, QUrl) else str(url))
        return original(kind, url)

    browser.loadResource = spy  # type: ignore[method-assign]
    browser.set_markdown(
        "Look ![pixel](https://tracker.example/p.png) and <img src='http://tracker.example/q.png'> "
        "[site](https://example.org)"
    )
    browser.resize(400, 300)
    browser.show()
    qtbot.waitExposed(browser)
    assert not re.search(r"<img[^>]*q\.png", browser.document().toHtml()), "raw HTML was interpreted"
    # Whatever was asked for, nothing came back (None or empty bytes): nothing was fetched.
    assert not any(original(QTextDocument.ResourceType.ImageResource.value, QUrl(u)) for u in requested)
    assert not browser.loadResource(QTextDocument.ResourceType.ImageResource.value,
                                    QUrl("https://tracker.example/p.png"))

    from relationship_journal.reports.paged import SafeDocument

    document = SafeDocument({}, "")
    document.setHtml("<img src='https://tracker.example/r.png'><link rel='stylesheet' href='https://x.example/s.css'>")
    document.size()  # lays out, which asks for the image
    assert not document.loadResource(QTextDocument.ResourceType.ImageResource.value,
                                     QUrl("https://tracker.example/r.png"))
