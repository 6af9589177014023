"""Time from launching the app to its main window on screen, painted (X11 only).

    xvfb-run -a -s "-screen 0 1400x900x24" python packaging/measure_start.py \\
        dist/relationship-journal/relationship-journal --data-dir /tmp/some-journal

Launches the program as a double-click would (no arguments but the ones given),
waits until a visible window whose title contains the app's name is mapped, then
until that window's pixels show more than a flat background (painted), then until
two grabs 0.3 s apart are identical (settled: the list has loaded in the background).
Prints the times in milliseconds (grabs take ~0.1 s, which bounds the precision),
saves the settled window as a PNG if asked, closes the app.
Needs xdotool and ImageMagick's `import`; exit 1 if the window never shows.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from relationship_journal import APP_NAME  # noqa: E402

POLL_SECONDS = 0.05
SETTLE_SECONDS = 0.3  # a window unchanged this long has finished loading
PAINTED_COLOURS = 24  # a blank or half-drawn window has a handful of colours


def find_window(title: str) -> str | None:
    found = subprocess.run(
        ["xdotool", "search", "--onlyvisible", "--name", title], capture_output=True, text=True
    )
    ids = found.stdout.split()
    return ids[0] if ids else None


def window_name(window: str) -> str:
    named = subprocess.run(["xdotool", "getwindowname", window], capture_output=True, text=True)
    return named.stdout.strip()


def window_colours(window: str, png: Path) -> int:
    """How many distinct colours the window shows right now (0 if it cannot be read)."""
    grabbed = subprocess.run(["import", "-window", window, str(png)], capture_output=True)
    if grabbed.returncode != 0:
        return 0
    counted = subprocess.run(["identify", "-format", "%k", str(png)], capture_output=True, text=True)
    try:
        return int(counted.stdout.strip() or 0)
    except ValueError:
        return 0


def window_pixels(window: str) -> bytes:
    grabbed = subprocess.run(["import", "-window", window, "rgb:-"], capture_output=True)
    return grabbed.stdout if grabbed.returncode == 0 else b""


def wait_until_settled(window: str, app: subprocess.Popen, deadline: float, started: float) -> float | None:
    """Milliseconds until two grabs in a row are identical: background loading is done."""
    previous = window_pixels(window)
    while time.perf_counter() < deadline and app.poll() is None:
        time.sleep(SETTLE_SECONDS)
        current = window_pixels(window)
        if current and current == previous:
            return (time.perf_counter() - started - SETTLE_SECONDS) * 1000
        previous = current
    return None


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("program", help="the app to start (frozen binary or `relationship-journal`)")
    parser.add_argument("args", nargs=argparse.REMAINDER, help="arguments for the app")
    parser.add_argument("--timeout", type=float, default=60.0, help="seconds to wait (default 60)")
    parser.add_argument("--save", type=Path, help="save the painted window as this PNG")
    options = parser.parse_args(argv)
    for tool in ("xdotool", "import", "identify"):
        if shutil.which(tool) is None:
            raise SystemExit(f"measure_start: {tool} is needed (apt-get install xdotool imagemagick)")
    if not os.environ.get("DISPLAY"):
        raise SystemExit("measure_start: no DISPLAY; run it under xvfb-run")

    environment = dict(os.environ)
    environment.pop("QT_QPA_PLATFORM", None)  # a real window, not offscreen
    started = time.perf_counter()
    app = subprocess.Popen([options.program, *options.args], env=environment)
    shown_ms = painted_ms = settled_ms = None
    try:
        with tempfile.TemporaryDirectory() as scratch:
            png = Path(scratch) / "window.png"
            deadline = started + options.timeout
            window = None
            while time.perf_counter() < deadline and app.poll() is None:
                window = window or find_window(APP_NAME)
                if window and "could not start" in window_name(window):
                    print("measure_start: the app showed its could-not-start message")
                    break
                if window and shown_ms is None:
                    shown_ms = (time.perf_counter() - started) * 1000
                if window and window_colours(window, png) > PAINTED_COLOURS:
                    painted_ms = (time.perf_counter() - started) * 1000
                    break
                time.sleep(POLL_SECONDS)
            if painted_ms is not None:
                settled_ms = wait_until_settled(window, app, deadline, started)
                if options.save:
                    subprocess.run(["import", "-window", window, str(options.save)], check=False)
    finally:
        exited = app.poll()
        if exited is None:
            app.terminate()
            try:
                app.wait(timeout=10)
            except subprocess.TimeoutExpired:
                app.kill()
                app.wait()
    if exited is not None:
        print(f"measure_start: the app exited with code {exited} before its window was painted")
        return 1
    if painted_ms is None:
        print(f"measure_start: no painted '{APP_NAME}' window within {options.timeout:.0f} s")
        return 1
    settled = f"{settled_ms:.0f} ms" if settled_ms is not None else "not within the timeout"
    print(
        f"window shown after {shown_ms:.0f} ms, painted after {painted_ms:.0f} ms, "
        f"settled (contents loaded, nothing changing) after {settled}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
