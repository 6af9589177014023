"""The double-clickable app: build it once, then use it as a person who downloaded it would.

Slow (a PyInstaller build takes about half a minute): `pytest -m slow tests/packaging`.
Nothing here is skipped: a missing PyInstaller, dpkg-deb, Xvfb, xdotool or ImageMagick
fails the test with the command that installs it.
"""

from __future__ import annotations

import json
import os
import select
import shutil
import sqlite3
import stat
import subprocess
import sys
import tarfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import pytest

from relationship_journal import APP_ID, __version__
from relationship_journal.cli import build_parser
from relationship_journal.store.schema import HEAD_REVISION

pytestmark = pytest.mark.slow

ROOT = Path(__file__).resolve().parents[2]
EXE = "relationship-journal"
BUILD_TIMEOUT = 900
RUN_TIMEOUT = 300  # above the screenshot command's own 180 s wait, so its message shows


@dataclass(frozen=True)
class Built:
    dist: Path
    exe: Path
    deb: Path
    tarball: Path


def require_tool(name: str, install: str) -> None:
    if shutil.which(name) is None:
        pytest.fail(f"{name} is needed for this test: {install}")


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Built:
    """Build the bundle and the Linux packages into a scratch folder, once per run."""
    if not sys.platform.startswith("linux"):
        pytest.fail("this test builds and inspects the Linux packages; run it on Linux")
    try:
        import PyInstaller  # noqa: F401
    except ImportError:
        pytest.fail("PyInstaller is needed: pip install -e '.[test]'")
    require_tool("dpkg-deb", "apt-get install dpkg")
    scratch = tmp_path_factory.mktemp("build")
    dist = scratch / "dist"
    command = [
        sys.executable,
        str(ROOT / "packaging" / "build.py"),
        "--dist-dir",
        str(dist),
        "--work-dir",
        str(scratch / "work"),
    ]
    done = subprocess.run(command, capture_output=True, text=True, timeout=BUILD_TIMEOUT, cwd=ROOT)
    if done.returncode != 0:
        pytest.fail(f"packaging/build.py failed:\n{done.stdout[-3000:]}\n{done.stderr[-3000:]}")
    debs = list(dist.glob("*.deb"))
    tarballs = list(dist.glob("*.tar.gz"))
    assert len(debs) == 1 and len(tarballs) == 1, f"expected one .deb and one .tar.gz in {sorted(dist.iterdir())}"
    return Built(dist=dist, exe=dist / EXE / EXE, deb=debs[0], tarball=tarballs[0])


def run_frozen(built: Built, *args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    done = subprocess.run(
        [str(built.exe), *args], capture_output=True, text=True, timeout=RUN_TIMEOUT, env=env
    )
    assert "Traceback" not in done.stderr, done.stderr
    return done


def commands() -> set[str]:
    parser = build_parser()
    [subparsers] = [action for action in parser._actions if action.dest == "command"]
    return set(subparsers.choices)


def test_the_frozen_app_says_its_version(built: Built) -> None:
    done = run_frozen(built, "--version")
    assert done.returncode == 0
    assert done.stdout.strip() == f"relationship-journal {__version__}"


def test_every_command_is_inside_the_bundle(built: Built) -> None:
    for name in sorted(commands()):
        done = run_frozen(built, name, "--help")
        assert done.returncode == 0, f"{name} --help failed in the bundle: {done.stderr}"


def test_first_run_creates_a_private_journal_and_migrates_it_from_the_bundle(
    built: Built, tmp_path: Path
) -> None:
    journal = tmp_path / "fresh" / "journal"
    done = run_frozen(built, "--data-dir", str(journal), "demo", "--contacts", "40", "--seed", "2")
    assert done.returncode == 0, done.stderr
    assert stat.S_IMODE(journal.stat().st_mode) == 0o700
    [database] = [path for path in journal.iterdir() if path.suffix == ".sqlite3"]
    assert stat.S_IMODE(database.stat().st_mode) == 0o600
    with sqlite3.connect(database) as connection:
        assert connection.execute("SELECT version_num FROM alembic_version").fetchone() == (HEAD_REVISION,)

    listed = run_frozen(built, "--data-dir", str(journal), "list", "--json")
    assert listed.returncode == 0, listed.stderr
    assert len(json.loads(listed.stdout)) == 40


def test_contacts_go_out_and_back_in_through_the_bundle(built: Built, tmp_path: Path) -> None:
    """Export and import use libraries (vobject, icalendar) only the bundle can carry."""
    source, target = tmp_path / "source", tmp_path / "target"
    assert run_frozen(built, "--data-dir", str(source), "demo", "--contacts", "25").returncode == 0
    cards, calendar = tmp_path / "people.vcf", tmp_path / "dates.ics"
    for kind, out in (("vcard", cards), ("ics", calendar)):
        done = run_frozen(built, "--data-dir", str(source), "export", kind, str(out))
        assert done.returncode == 0, done.stderr
    assert cards.read_text(encoding="utf-8").count("BEGIN:VCARD") == 25
    assert calendar.read_text(encoding="utf-8").startswith("BEGIN:VCALENDAR")
    done = run_frozen(built, "--data-dir", str(target), "import", str(cards))
    assert done.returncode == 0, done.stderr
    listed = run_frozen(built, "--data-dir", str(target), "list", "--json")
    assert len(json.loads(listed.stdout)) == 25


def test_health_figures_come_out_of_the_bundle(built: Built, tmp_path: Path) -> None:
    journal = tmp_path / "journal"
    assert run_frozen(built, "--data-dir", str(journal), "demo", "--contacts", "30").returncode == 0
    done = run_frozen(built, "--data-dir", str(journal), "health", "--json")
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)


def test_the_frozen_app_paints_a_screenshot_offscreen(built: Built, tmp_path: Path) -> None:
    journal = tmp_path / "journal"
    assert run_frozen(built, "--data-dir", str(journal), "demo", "--contacts", "30").returncode == 0
    shot = tmp_path / "dashboard.png"
    done = run_frozen(built, "--data-dir", str(journal), "screenshot", str(shot), "--view", "dashboard")
    assert done.returncode == 0, done.stderr
    header = shot.read_bytes()[:24]
    assert header[:8] == b"\x89PNG\r\n\x1a\n"
    width = int.from_bytes(header[16:20], "big")
    assert width >= 800


def deb_listing(built: Built) -> dict[str, str]:
    """Path in the package -> its `dpkg-deb --contents` line."""
    listing = subprocess.run(
        ["dpkg-deb", "--contents", str(built.deb)], capture_output=True, text=True, check=True
    ).stdout
    entries = {}
    for line in listing.splitlines():
        name = line.split(None, 5)[5].split(" -> ")[0]
        entries[name.removeprefix(".")] = line
    return entries


def test_the_deb_installs_the_app_a_command_a_menu_entry_and_icons(built: Built) -> None:
    entries = deb_listing(built)
    app = f"/opt/{EXE}/{EXE}"
    assert app in entries and entries[app].startswith("-rwxr-xr-x root/root")
    assert entries[f"/usr/bin/{EXE}"].endswith(f"-> {app}")
    assert f"/usr/share/applications/{APP_ID}.desktop" in entries
    for size in (16, 32, 48, 128, 256, 512):
        assert f"/usr/share/icons/hicolor/{size}x{size}/apps/{APP_ID}.png" in entries
    assert f"/usr/share/icons/hicolor/scalable/apps/{APP_ID}.svg" in entries
    assert f"/usr/share/metainfo/{APP_ID}.metainfo.xml" in entries
    assert f"/opt/{EXE}/_internal/relationship_journal/store/migrations/env.py" in entries
    assert not [name for name in entries if "/home/" in name or name.startswith("/tmp")]

    def field(name: str) -> str:
        return subprocess.run(
            ["dpkg-deb", "--field", str(built.deb), name], capture_output=True, text=True, check=True
        ).stdout.strip()

    assert field("Package") == EXE
    assert field("Version") == __version__
    assert "fonts-dejavu-core" in field("Depends") and "libgl1" in field("Depends")


def test_install_sh_puts_the_app_in_the_menu_without_root_and_uninstalls_cleanly(
    built: Built, tmp_path: Path
) -> None:
    with tarfile.open(built.tarball) as archive:
        archive.extractall(tmp_path / "download", filter="tar")
    [unpacked] = (tmp_path / "download").iterdir()
    home = tmp_path / "home"
    journal = home / ".local" / "share" / "RelationshipJournal" / "journal.sqlite3"
    journal.parent.mkdir(parents=True)
    journal.write_bytes(b"the user's journal")
    env = {"HOME": str(home), "PATH": os.environ["PATH"], "QT_QPA_PLATFORM": "offscreen"}

    done = subprocess.run([str(unpacked / "install.sh")], capture_output=True, text=True, env=env, timeout=RUN_TIMEOUT)
    assert done.returncode == 0, done.stderr
    installed = home / ".local" / "opt" / EXE / EXE
    launcher = home / ".local" / "share" / "applications" / f"{APP_ID}.desktop"
    assert f'Exec="{installed}" %F' in launcher.read_text(encoding="utf-8").splitlines()
    assert (home / ".local" / "share" / "icons" / "hicolor" / "256x256" / "apps" / f"{APP_ID}.png").exists()
    command = home / ".local" / "bin" / EXE
    version = subprocess.run([str(command), "--version"], capture_output=True, text=True, env=env, timeout=RUN_TIMEOUT)
    assert version.stdout.strip() == f"relationship-journal {__version__}"

    done = subprocess.run(
        [str(unpacked / "install.sh"), "--uninstall"], capture_output=True, text=True, env=env, timeout=RUN_TIMEOUT
    )
    assert done.returncode == 0, done.stderr
    assert not launcher.exists() and not installed.exists() and not command.exists()
    assert not list((home / ".local" / "share" / "icons").rglob(f"{APP_ID}.*"))
    assert journal.read_bytes() == b"the user's journal"


@contextmanager
def virtual_display() -> Iterator[str]:
    """A private Xvfb; it reports its display number once it accepts clients (no race)."""
    read_end, write_end = os.pipe()
    server = subprocess.Popen(
        ["Xvfb", "-displayfd", str(write_end), "-screen", "0", "1400x900x24", "-nolisten", "tcp"],
        pass_fds=(write_end,), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )  # fmt: skip
    os.close(write_end)
    try:
        ready, _, _ = select.select([read_end], [], [], 60)
        number = os.read(read_end, 32).decode().strip() if ready else ""
        if not number:
            pytest.fail("Xvfb did not start within 60 s")
        yield f":{number}"
    finally:
        os.close(read_end)
        server.terminate()
        server.wait(timeout=30)


def test_the_frozen_window_opens_and_paints_under_xvfb(built: Built, tmp_path: Path) -> None:
    require_tool("Xvfb", "apt-get install xvfb (and the libxcb packages in platform-notes)")
    require_tool("xdotool", "apt-get install xdotool")
    require_tool("import", "apt-get install imagemagick")
    journal = tmp_path / "journal"
    assert run_frozen(built, "--data-dir", str(journal), "demo", "--contacts", "30").returncode == 0
    shot = tmp_path / "window.png"
    with virtual_display() as display:
        done = subprocess.run(
            [
                sys.executable, str(ROOT / "packaging" / "measure_start.py"),
                "--save", str(shot), "--timeout", "90",
                str(built.exe), "--data-dir", str(journal),
            ],
            capture_output=True, text=True, timeout=RUN_TIMEOUT, env={**os.environ, "DISPLAY": display},
        )  # fmt: skip
    assert done.returncode == 0, done.stdout + done.stderr
    assert "painted after" in done.stdout
    assert shot.stat().st_size > 10_000
    assert not list(Path(os.environ["RELATIONSHIP_JOURNAL_CONFIG_DIR"]).glob("logs/crash-*.log"))
