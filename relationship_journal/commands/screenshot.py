"""`screenshot`: render the real main window offscreen at one view and save it as PNG.

For the README's pictures, for tests, and for anyone checking the look without a
display. The window is built exactly as the app builds it; its settings go to a
throw-away folder so a screenshot never changes the user's window layout.
"""

from __future__ import annotations

import argparse
import re
from typing import Any

from relationship_journal.commands.common import date_arg

VIEWS = ("contacts", "contact", "dashboard", "composer", "timeline", "today", "relationships")
_SIZE = re.compile(r"^(\d{3,5})x(\d{3,5})$")
WAIT_SECONDS = 180


def size_arg(text: str) -> tuple[int, int]:
    match = _SIZE.match(text.strip().lower())
    if not match:
        raise argparse.ArgumentTypeError(f"size must look like 1400x900 (got '{text}')")
    width, height = int(match[1]), int(match[2])
    if not (320 <= width <= 8000 and 240 <= height <= 8000):
        raise argparse.ArgumentTypeError("size must be between 320x240 and 8000x8000")
    return width, height


def register(commands: Any) -> None:
    parser = commands.add_parser("screenshot", help="save a PNG of the main window (rendered offscreen)")
    parser.add_argument("out", metavar="OUT.png", help="where to save the picture")
    parser.add_argument("--view", choices=VIEWS, default="contact",
                        help="what the window shows (default: contact)")
    parser.add_argument("--contact", metavar="NAME", help="whose page to show (default: the first in the list)")
    parser.add_argument("--size", type=size_arg, default=(1400, 900), metavar="WxH",
                        help="window size (default 1400x900)")
    parser.add_argument("--theme", choices=("light", "dark"), default="light")
    parser.add_argument("--as-of", type=date_arg, help="show the journal as of this day (default: today)")
    parser.set_defaults(run=run_screenshot)


def run_screenshot(args: argparse.Namespace) -> int:
    import os
    import tempfile
    from pathlib import Path

    from relationship_journal.journal.errors import ValidationError

    out = Path(args.out).expanduser()
    if out.suffix.lower() != ".png":
        raise ValidationError(f"the screenshot is saved as PNG: name it .png (got '{out.name}')")
    if not out.parent.is_dir():
        raise ValidationError(f"the folder {out.parent} does not exist")
    os.environ["QT_QPA_PLATFORM"] = "offscreen"
    with tempfile.TemporaryDirectory(prefix="rj-screenshot-") as config:
        from relationship_journal.gui.screenshot import render

        image = render(getattr(args, "data_dir", None), args.view, args.contact, args.size, args.theme,
                       args.as_of, Path(config), WAIT_SECONDS)
        # A picture of the window shows people's names and notes: 0600, like the journal.
        os.close(os.open(out, os.O_WRONLY | os.O_CREAT, 0o600))
        os.chmod(out, 0o600)
        if not image.save(str(out), "PNG"):  # type: ignore[call-overload]  # PySide6 takes a str format; its stubs say bytes
            raise ValidationError(f"could not write {out}")
    print(f"Saved {out} ({image.width()}x{image.height()}, view {args.view})")
    return 0
