"""Reading PDFs back as a user's tools do (poppler's pdftotext and pdfinfo)."""

from __future__ import annotations

import re
import shutil
import subprocess
import unicodedata
from pathlib import Path

if shutil.which("pdftotext") is None or shutil.which("pdfinfo") is None:
    # The test command installs poppler-utils; without it these tests must fail, not skip.
    raise RuntimeError("poppler-utils (pdftotext, pdfinfo) is missing: apt-get install poppler-utils")

PAGE_CHROME = re.compile(r"^(Relationship Journal · .*|Report date .*|Page \d+ of \d+|.* – .*\d{4})$")
BIDI_MARKS = re.compile("[\u200e\u200f\u202a-\u202e]")
# Qt's PDF writer maps Devanagari conjunct glyphs to no characters, so pdftotext loses
# them (they print correctly); names in that script are checked on paper, not in text.
UNEXTRACTABLE = re.compile("[\u0900-\u097f]")


def pdf_text(path: Path, raw: bool = False) -> str:
    """The PDF's text as pdftotext gives it; unless `raw`, as a PDF viewer's search sees it
    (Arabic presentation forms folded back to letters, direction marks dropped)."""
    args = ["pdftotext", "-enc", "UTF-8", str(path), "-"]
    text = subprocess.run(args, capture_output=True, text=True, check=True).stdout
    return text if raw else BIDI_MARKS.sub("", unicodedata.normalize("NFKC", text))


def pdf_info(path: Path) -> dict[str, str]:
    out = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True).stdout
    return {k.strip(): v.strip() for k, _, v in (line.partition(":") for line in out.splitlines())}


def page_count(path: Path) -> int:
    return int(pdf_info(path)["Pages"])


def page_points(path: Path) -> tuple[float, float]:
    """Width and height of the first page in PostScript points."""
    size = pdf_info(path)["Page size"]
    width, _, rest = size.partition(" x ")
    return float(width), float(rest.split()[0])


def body_text(path: Path) -> str:
    """The text without the running header and footer, whitespace squeezed out.

    Lets a test check that a long note survives whole across a page break.
    """
    lines = [line for line in pdf_text(path).splitlines() if not PAGE_CHROME.match(line.strip())]
    return re.sub(r"\s+", "", "".join(lines))


def squeezed(text: str) -> str:
    return re.sub(r"\s+", "", text)


def word_boxes(path: Path) -> list[tuple[float, float, float, float, str]]:
    """(xMin, yMin, xMax, yMax, word) of every word, in points."""
    out = subprocess.run(["pdftotext", "-bbox", str(path), "-"], capture_output=True, text=True,
                         check=True).stdout
    found = []
    for match in re.finditer(
        r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">(.*?)</word>', out
    ):
        found.append((float(match[1]), float(match[2]), float(match[3]), float(match[4]), match[5]))
    return found
