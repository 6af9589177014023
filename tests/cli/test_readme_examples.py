"""Every `relationship-journal …` command in README.md's code blocks runs, as written.

The README's examples are the first thing a new user types. They run here against a
fresh demo journal made first by the README's own `demo --seed … --as-of …` line, then
in the order the README gives them, so an example that stops working (a renamed option, a name the demo no longer makes)
fails CI instead of the reader.
"""

from __future__ import annotations

import os
import re
import shlex
import subprocess
import sys
from pathlib import Path

import pytest

README = Path(__file__).resolve().parents[2] / "README.md"
PROGRAM = "relationship-journal"
CODE_BLOCK = re.compile(r"^```[a-z]*\n(.*?)^```", re.MULTILINE | re.DOTALL)


def readme_commands(text: str) -> list[list[str]]:
    """The commands of the README's code blocks that start with the program's name."""
    commands = []
    for block in CODE_BLOCK.findall(text):
        for line in block.splitlines():
            line = line.strip().removeprefix("$ ")
            if line == PROGRAM or line.startswith(PROGRAM + " "):
                commands.append(shlex.split(line, comments=True))
    return commands


def in_running_order(commands: list[list[str]]) -> list[list[str]]:
    """The README's fixed demo first (the others name its people), then the rest in order."""
    demos = [c for c in commands if c[1:2] == ["demo"] and "--seed" in c and "--as-of" in c]
    assert len(demos) == 1, "the README needs one `demo --seed S --as-of D` line its examples rely on"
    return demos + [c for c in commands if c is not demos[0]]


def test_the_readme_is_read_as_commands() -> None:
    commands = readme_commands(README.read_text(encoding="utf-8"))
    assert len(commands) >= 10
    assert in_running_order(commands)[0][1] == "demo"
    assert all(c[1:] for c in commands), "a bare `relationship-journal` would open the window"
    assert readme_commands('```bash\nrelationship-journal add "A B" --org X # why\n```\n') == [
        ["relationship-journal", "add", "A B", "--org", "X"]
    ]


@pytest.mark.slow  # about 40 s: a demo, two screenshots and three PDFs; CI runs it
def test_every_readme_command_runs_on_a_fresh_demo_journal(tmp_path: Path) -> None:
    env = {
        **os.environ,
        "RELATIONSHIP_JOURNAL_DATA_DIR": str(tmp_path / "journal"),
        "PYTHONIOENCODING": "utf-8",
        "QT_QPA_PLATFORM": "offscreen",
    }
    commands = in_running_order(readme_commands(README.read_text(encoding="utf-8")))
    for command in commands:
        result = subprocess.run(
            [sys.executable, "-m", "relationship_journal", *command[1:]],
            cwd=tmp_path,
            env=env,
            capture_output=True,
            text=True,
            timeout=300,
        )
        assert result.returncode == 0, f"`{shlex.join(command)}` failed: {result.stderr.strip()}"
        assert "Traceback" not in result.stderr
    made = {p.name for p in tmp_path.iterdir()}
    assert {"contact.png", "dashboard.png", "everyone.csv", "network.pdf"} <= made


@pytest.mark.parametrize(
    ("typed", "meant"),
    [(["add", "Daniel Brown", "--org", "Lumen Legal"], "Lumen Legal")],
)
def test_short_forms_people_type_are_accepted(tmp_path: Path, typed: list[str], meant: str) -> None:
    env = {**os.environ, "RELATIONSHIP_JOURNAL_DATA_DIR": str(tmp_path / "j"), "PYTHONIOENCODING": "utf-8"}

    def run(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, "-m", "relationship_journal", *args],
            env=env, capture_output=True, text=True, timeout=120,
        )

    assert run(*typed).returncode == 0
    assert meant in run("list").stdout
    # No guessing from a prefix: an unknown option is refused, naming the real ones.
    guessed = run("add", "Someone Else", "--orga", "Acme")
    assert guessed.returncode == 2
    assert "--orga: did you mean --organisation or --organization?" in guessed.stderr
    assert "Someone Else" not in run("list").stdout
