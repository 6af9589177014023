"""The first hour, walked on the real window under a real X server (Xvfb) with xdotool.

The app runs as its own process, started as `relationship-journal` starts it; every key
is a real X key event. tests/gui/walk_probe.py writes what the window shows (title, the
page's name, the list's count, open dialogs) to a file; each step waits for it, checks
it and saves a screenshot to look at (in RJ_WALK_SHOTS, or the test's own folder).
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from relationship_journal import APP_NAME, clock

pytestmark = pytest.mark.slow
TOOLS = ("Xvfb", "xdotool", "import")
STEP_TIMEOUT_MS = (
    180000  # a shared CI machine can be slow; each wait ends as soon as its condition holds
)


@pytest.fixture
def x_display() -> Iterator[str]:
    """A private X server for this test; skipped where the tools are missing."""
    missing = [tool for tool in TOOLS if shutil.which(tool) is None]
    if missing:
        pytest.skip(f"needs {', '.join(missing)} (tests/run.sh installs them)")
    read, write = os.pipe()
    server = subprocess.Popen(
        ["Xvfb", "-displayfd", str(write), "-screen", "0", "1400x900x24", "-nolisten", "tcp"],
        pass_fds=(write,),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    os.close(write)
    with os.fdopen(read) as pipe:
        number = pipe.readline().strip()
    assert number.isdigit(), "Xvfb did not start"
    try:
        yield f":{number}"
    finally:
        server.terminate()
        server.wait(timeout=30)


class Walk:
    """Drives the app's window with X input and reads what it shows."""

    def __init__(self, qtbot: Any, display: str, state: Path, shots: Path) -> None:
        self.qtbot, self.display, self.state_path, self.shots = qtbot, display, state, shots
        self.env = {
            **os.environ,
            "DISPLAY": display,
            "QT_QPA_PLATFORM": "xcb",
            "QT_QPA_PLATFORMTHEME": "",
            "XDG_CURRENT_DESKTOP": "",
        }
        self.count = 0
        self.process: subprocess.Popen[bytes] | None = None

    def start(self) -> None:
        probe = Path(__file__).with_name("walk_probe.py")
        root = Path(__file__).parents[2]
        self.process = subprocess.Popen(
            [sys.executable, str(probe), str(self.state_path)],
            env=self.env,
            cwd=root,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
        )

    def state(self) -> dict[str, Any]:
        try:
            return json.loads(self.state_path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return {}

    def wait(self, condition: Any, what: str) -> dict[str, Any]:
        def holds() -> bool:
            assert self.process is not None and self.process.poll() is None, (
                f"the app exited while waiting for {what}: {self.process.stderr.read().decode()[-2000:]}"
            )
            state = self.state()
            return bool(state) and bool(condition(state))

        try:
            self.qtbot.waitUntil(holds, timeout=STEP_TIMEOUT_MS)
        except Exception as error:  # pytest-qt's TimeoutError: say what the window showed instead
            raise AssertionError(f"{what}: {error}; the window showed {self.state()}") from None
        return self.state()

    def xdo(self, *args: str) -> str:
        done = subprocess.run(
            ["xdotool", *args], env=self.env, capture_output=True, text=True, timeout=60
        )
        assert done.returncode == 0, done.stderr
        return done.stdout.strip()

    def key(self, *keys: str) -> None:
        self.xdo("key", "--clearmodifiers", *keys)

    def type(self, text: str) -> None:
        self.xdo("type", "--delay", "15", text)

    def focus_window(self, title: str = APP_NAME) -> None:
        """Give the window the keyboard, as a window manager does when a dialog closes
        (Xvfb runs without one, so focus would otherwise fall to the root window)."""
        found: list[str] = []

        def listed() -> bool:
            # xdotool reads every window's attributes: one that closes meanwhile (a dialog
            # going away) fails the whole search with BadWindow, so ask again.
            done = subprocess.run(
                ["xdotool", "search", "--sync", "--onlyvisible", "--name", f"^{title}$"],
                env=self.env, capture_output=True, text=True, timeout=60,
            )
            assert done.returncode == 0 or "BadWindow" in done.stderr, done.stderr
            found[:] = done.stdout.split() if done.returncode == 0 else []
            return bool(found)

        self.qtbot.waitUntil(listed, timeout=STEP_TIMEOUT_MS)
        self.xdo("windowfocus", found[-1])
        self.wait(lambda s: s["focus"] is not None, "the window to take the keyboard")

    def shot(self, name: str) -> dict[str, Any]:
        """A screenshot of the whole screen, and the step's standing checks."""
        self.count += 1
        path = self.shots / f"{self.count:02d}-{name}.png"
        subprocess.run(
            ["import", "-window", "root", str(path)], env=self.env, check=True, timeout=60
        )
        state = self.state()
        assert state["title"] == APP_NAME
        return state


def _prepare(data: Path) -> tuple[str, str]:
    """A demo journal; returns a person to find by name and one to find by a word in a note."""
    from relationship_journal.demo import generate
    from relationship_journal.journal import Journal
    from relationship_journal.journal.records import InteractionFields

    with Journal.open(data) as journal:
        generate(journal, contacts=150, seed=5, as_of=clock.today())
        people = [s for s in journal.contacts.list() if s.name.isascii() and " " in s.name]
        by_name, by_note = people[3], people[11]
        journal.interactions.log(
            InteractionFields(
                (by_note.id,),
                clock.today(),
                "call",
                note="We talked about zygomorphic orchids at Kew",
            )
        )
    return by_name.name, by_note.name


@pytest.mark.parametrize("theme_name", ["light", "dark"])
def test_the_first_hour(
    theme_name: str, x_display: str, private_folders: Path, qtbot: Any, tmp_path: Path
) -> None:
    from relationship_journal.gui.settings import AppSettings

    shots = Path(os.environ.get("RJ_WALK_SHOTS", tmp_path / "shots")) / theme_name
    shots.mkdir(parents=True, exist_ok=True)
    by_name, by_note = _prepare(private_folders)
    AppSettings(Path(os.environ["RELATIONSHIP_JOURNAL_CONFIG_DIR"])).theme = theme_name  # type: ignore[assignment]
    out = tmp_path / "pdfs"
    out.mkdir()
    walk = Walk(qtbot, x_display, tmp_path / "state.json", shots)
    walk.start()
    try:
        _walk(walk, by_name, by_note, out)
    finally:
        if walk.process is not None and walk.process.poll() is None:
            walk.process.terminate()
            walk.process.wait(timeout=30)


def _walk(walk: Walk, by_name: str, by_note: str, out: Path) -> None:
    state = walk.wait(
        lambda s: s["total"] == 150 and s["view"] == "today" and not s["busy"],
        "the journal to open on Today",
    )
    walk.focus_window()
    assert walk.shot("opened")["count"] == "150 people"

    # Find by name: Ctrl+F, a few letters, Enter opens the one found.
    walk.key("ctrl+f")
    walk.wait(lambda s: s["focus"] == "QLineEdit", "the search box to take the focus")
    walk.type(by_name)
    state = walk.wait(
        lambda s: s["rows"] < 150 and by_name in s["first_rows"], f"the list to narrow to {by_name}"
    )
    walk.key("Return")
    state = walk.wait(lambda s: s["page_name"] == by_name, f"{by_name}'s page")
    assert state["highlighted"] == [state["page_id"]]
    state = walk.shot("found-by-name")
    assert state["count"] == f"{state['rows']} of 150"

    # Find by a word that is only in a note.
    walk.key("ctrl+f")
    walk.wait(
        lambda s: s["focus"] == "QLineEdit" and s["focus_in"] == APP_NAME,
        "the search box to take the focus",
    )
    walk.type("zygomorph")
    walk.wait(lambda s: s["first_rows"] == [by_note], "the note search to find the person")
    walk.key("Return")
    state = walk.wait(lambda s: s["page_name"] == by_note, f"{by_note}'s page")
    walk.shot("found-by-note")
    assert state["count"] == "1 of 150"

    # Log a coffee with an ask, a promise and two favours (Ctrl+N; Shift+Tab back up the form).
    before = state["entries"]
    walk.key("ctrl+n")
    walk.wait(
        lambda s: s["focus_in"] == "New interaction" and s["focus"] == "QPlainTextEdit",
        "the composer",
    )
    walk.type("Coffee at the corner cafe. She is hiring a designer.")
    walk.key("shift+Tab", "shift+Tab")  # back past the ask's size to "I asked them for"
    walk.type("a reference for my friend")
    # "+ Another promise", "+ Another favour", the promise's "due" box, then the promise
    walk.key("shift+Tab", "shift+Tab", "shift+Tab", "shift+Tab")
    walk.type("send her the article on hiring")
    walk.key("shift+Tab", "shift+Tab", "shift+Tab")  # whose promise, the favour's size, the favour
    walk.type("an intro to a designer")
    # Forward to "+ Another favour" (size, whose promise, the promise, "due", the button);
    # Space adds a row and puts the cursor in it.
    walk.key("Tab", "Tab", "Tab", "Tab", "Tab")
    walk.wait(lambda s: s["focus"] == "QPushButton", "the focus on “+ Another favour”")
    walk.key("space")
    walk.wait(lambda s: s["focus"] == "QLineEdit", "the cursor in the new favour row")
    walk.type("a reference for her designer")
    walk.shot("composer-filled")
    walk.key("ctrl+Return")
    state = walk.wait(
        lambda s: (
            s["entries"] == before + 1
            and not s["dialogs"]
            and "send her the article on hiring" in s["shown_promises"]
        ),
        "the coffee to be saved and shown on the page",
    )
    assert "send her the article on hiring" in state["promises"]
    assert "an intro to a designer" in state["favours"]
    assert "a reference for her designer" in state["favours"]
    assert "a reference for my friend" in state["asks"]
    assert walk.shot("coffee-logged")["page_name"] == by_note
    walk.focus_window()

    # Undo and redo from the keyboard, wherever the focus landed.
    walk.key("ctrl+z")
    state = walk.wait(
        lambda s: (
            s["entries"] == before and "send her the article on hiring" not in s["shown_promises"]
        ),
        "Ctrl+Z to take the coffee back, on the page too",
    )
    assert "send her the article on hiring" not in state["promises"]
    assert "a reference for her designer" not in state["favours"]
    walk.shot("undone")
    walk.key("ctrl+shift+z")
    state = walk.wait(
        lambda s: (
            s["entries"] == before + 1 and "send her the article on hiring" in s["shown_promises"]
        ),
        "Ctrl+Shift+Z to bring it back, on the page too",
    )
    assert "send her the article on hiring" in state["promises"]
    walk.shot("redone")

    # A new person.
    walk.key("ctrl+shift+n")
    walk.wait(
        lambda s: s["focus_in"] == "New contact" and s["focus"] == "QLineEdit",
        "the New contact dialog",
    )
    walk.type("Walker Newperson")
    walk.key("Return")
    state = walk.wait(
        lambda s: s["page_name"] == "Walker Newperson" and s["total"] == 151,
        "the new person's page",
    )
    assert state["highlighted"] == [state["page_id"]]
    walk.shot("new-person")
    walk.focus_window()

    # The dashboard.
    walk.key("ctrl+3")
    walk.wait(lambda s: s["view"] == "dashboard" and not s["busy"], "the dashboard")
    walk.shot("dashboard")

    # A brief of the person, then the network report, as PDFs.
    walk.key("ctrl+1")
    walk.wait(
        lambda s: s["view"] == "contacts" and s["page_name"] == "Walker Newperson",
        "the contact page again",
    )
    for keys, name, what in (
        ("ctrl+p", "brief.pdf", "brief"),
        ("ctrl+shift+p", "network.pdf", "network report"),
    ):
        walk.key(keys)
        walk.wait(
            lambda s: "PDF" in (s["focus_in"] or "") and s["focus"] is not None,
            f"the save dialog for the {what} to take the keyboard",
        )
        walk.key("ctrl+a")
        walk.type(str(out / name))
        walk.key("Return")
        walk.wait(
            lambda s, n=name: (out / n).exists() and not s["busy"] and not s["dialogs"],
            f"the {what}",
        )
        assert (out / name).read_bytes().startswith(b"%PDF")
        walk.focus_window()
        state = walk.shot(f"{what.replace(' ', '-')}-saved")
        assert state["saved"].startswith(f"Saved {name}")
        assert state["page_name"] == "Walker Newperson"
        assert state["count"] == "151 people" or state["count"].endswith("of 151")

    # Every read and write of the walk ran on a worker: the window never waited on the file.
    assert state["statement_count"] > 0  # the watch saw the walk's statements (on the workers)
    assert state["gui_statement_count"] == 0, state["gui_statements"]
