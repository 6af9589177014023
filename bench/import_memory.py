"""Peak memory and time of importing very large vCard files (the issue's two worst cases).

Run: `.venv/bin/python bench/import_memory.py [--cards 101398] [--keep DIR]`.

1. one card whose PHOTO is ~196 MB of base64 (folded at 75 characters);
2. --cards cards of about 2 kB each (~200 MB).

Each is imported by a fresh `relationship-journal import` process into an empty
journal; its peak resident memory comes from the kernel (getrusage of the child).
"""

from __future__ import annotations

import argparse
import base64
import os
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

COMMAND = [sys.executable, "-m", "relationship_journal"]


def write_photo_card(path: Path, megabytes: int = 196) -> None:
    chunk = base64.b64encode(b"\xff\xd8\xff" + os.urandom(3 * 2**20 - 3)).decode()
    with path.open("w", encoding="ascii", newline="") as handle:
        handle.write(
            "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Big Photo\r\nN:Photo;Big;;;\r\nPHOTO;ENCODING=b;TYPE=JPEG:"
        )
        written, first = 0, True
        while written < megabytes * 10**6:
            for start in range(0, len(chunk), 74):
                handle.write(("" if first else "\r\n ") + chunk[start : start + 74])
                first = False
            written += len(chunk) * 76 // 74
        handle.write("\r\nEMAIL:big@example.org\r\nEND:VCARD\r\n")


def write_many_cards(path: Path, cards: int) -> None:
    rng = random.Random(1)
    words = "met at the market talked about her new job and the trip to the coast".split()
    with path.open("w", encoding="utf-8", newline="") as handle:
        for n in range(cards):
            note = " ".join(rng.choice(words) for _ in range(rng.randrange(250, 330)))
            handle.write(
                f"BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Given{n} Family{n % 9973}\r\nN:Family{n % 9973};Given{n};;;\r\n"
                f"EMAIL;TYPE=INTERNET:given{n}@example.org\r\nTEL;TYPE=CELL:+44 7700 {n:06d}\r\n"
                f"ORG:Company {n % 5000}\r\nNOTE:{note}\r\nEND:VCARD\r\n"
            )


_PEAK_OF_CHILD = (
    "import resource, subprocess, sys; subprocess.run(sys.argv[1:], check=True, "
    "stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL); "
    "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)"
)


def measure(vcard: Path, data: Path) -> tuple[float, float]:
    """(seconds, peak MB) of importing `vcard` into a new journal in `data` (a process of its own)."""
    started = time.perf_counter()
    result = subprocess.run(
        [
            sys.executable,
            "-c",
            _PEAK_OF_CHILD,
            *COMMAND,
            "--data-dir",
            str(data),
            "import",
            str(vcard),
        ],
        check=True,
        capture_output=True,
        text=True,
    )
    return time.perf_counter() - started, int(result.stdout.strip()) / 1024


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--cards", type=int, default=101_398)
    parser.add_argument("--keep", type=Path, help="write (or reuse) the files in this folder")
    args = parser.parse_args()
    folder = args.keep or Path(tempfile.mkdtemp(prefix="rj-import-bench-"))
    folder.mkdir(parents=True, exist_ok=True)
    photo, many = folder / "one-photo.vcf", folder / "many-cards.vcf"
    if not photo.exists():
        write_photo_card(photo)
    if not many.exists():
        write_many_cards(many, args.cards)
    for name, vcard in (("one 196 MB photo", photo), (f"{args.cards:,} cards", many)):
        with tempfile.TemporaryDirectory() as data:
            seconds, peak = measure(vcard, Path(data) / "journal")
        size = vcard.stat().st_size / 10**6
        print(f"{name:>22} ({size:.0f} MB): {seconds:.0f} s, peak {peak:.0f} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
