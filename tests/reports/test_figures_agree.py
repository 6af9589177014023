"""One person's figures agree wherever they are shown: `health --json`, the brief's text
(as pdftotext reads it) and `export csv`, for any journal.

Hypothesis makes small journals (people in any circle, entries of every kind and depth,
favours linked to an entry or standing alone), picks one person, and reads that
person's figures back from all three, as a user comparing the screens would.
"""

from __future__ import annotations

import contextlib
import csv
import datetime as dt
import io
import json
import re
import subprocess
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from report_pdf_tools import PAGE_CHROME, pdf_text

from relationship_journal.cli import main
from relationship_journal.journal import Journal
from relationship_journal.journal.bulk import NetworkRows, load_into_empty_journal
from relationship_journal.journal.records import ContactFields, InteractionFields
from relationship_journal.reports.words import CLASSIFICATION_WORDS, PART_TITLES

AS_OF = dt.date(2026, 6, 30)
KINDS = ("meeting", "call", "video", "message", "email", "event", "social")
NAMES = ("Ada Brook", "Bea Quill", "Cem Aydın", "Dara Ní Bhriain")


@st.composite
def journals(draw: st.DrawFn) -> tuple[NetworkRows, int]:
    """(rows of a small journal, the index of the person to compare)."""
    people = draw(st.integers(1, len(NAMES)))
    rows = NetworkRows(
        contacts=[
            ContactFields(
                display_name=NAMES[i],
                circle=draw(st.sampled_from((5, 15, 50, 150, 500))),
                kin=draw(st.booleans()),
            )
            for i in range(people)
        ]
    )
    entries = draw(st.integers(1, 25))
    for _ in range(entries):
        who = draw(st.lists(st.integers(0, people - 1), min_size=1, max_size=people, unique=True))
        kind = draw(st.sampled_from(KINDS))
        rows.interactions.append(
            InteractionFields(
                contact_ids=tuple(who),
                date=AS_OF - dt.timedelta(days=draw(st.integers(0, 1500))),
                kind=kind,
                minutes=draw(st.none() | st.integers(5, 240)),
                initiated_by=draw(st.sampled_from(("me", "them", "mutual", "unknown"))),
                depth=draw(st.integers(1, 5)),
                people_present=draw(st.none() | st.integers(len(who) + 1, 12)),
            )
        )
    rows.interactions.sort(key=lambda f: f.date)  # before any favour points at a position
    for _ in range(draw(st.integers(0, 8))):
        index = draw(st.none() | st.integers(0, entries - 1))
        if index is None:
            person = draw(st.integers(0, people - 1))
            day = AS_OF - dt.timedelta(days=draw(st.integers(0, 1500)))
        else:
            person = draw(st.sampled_from(rows.interactions[index].contact_ids))
            day = rows.interactions[index].date
        direction = draw(st.sampled_from(("given", "received")))
        rows.favours.append((person, direction, draw(st.integers(0, 3)), "a favour", day, index))
    return rows, draw(st.integers(0, people - 1))


def _run(data: Path, *args: str) -> str:
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        code = main(["--data-dir", str(data), *args])
    assert code == 0, args
    return out.getvalue()


def _near(shown: str, value: float) -> bool:
    """A figure printed as a whole number agrees with the value `health --json` rounds to
    two places (the two roundings can differ by one on a tie)."""
    return abs(int(shown) - value) <= 0.51


def _brief_figures(text: str) -> dict[str, object]:
    """Health, parts, trust, giving balance, standing and fade date as the brief prints them."""
    figures: dict[str, object] = {}
    total = re.search(r"add up to the health score \((\d+) points\)", text)
    figures["display_score"] = int(total.group(1)) if total else None
    for name, title in PART_TITLES.items():
        row = re.search(rf"^{title}\s+(\d+)\s+(\d+)\s", text, re.MULTILINE)
        assert row, f"no {title} row in the brief"
        figures[name] = (row.group(1), int(row.group(2)))
    body = "\n".join(line for line in text.splitlines() if not PAGE_CHROME.match(line.strip()))
    flat = re.sub(r"\s+", " ", body)  # sentences wrapped or split by a page break, on one line
    trust = re.search(r"Trust (\d+) of 100", flat)
    assert trust
    figures["trust"] = trust.group(1)
    balance = re.search(r"Giving balance ([+-]\d+\.\d) lately — weighted by size", flat)
    assert balance, "the brief names no giving balance with its window"
    figures["giving_balance"] = balance.group(1)
    standing = re.search(r"Standing\s+(.+?) —", text)
    assert standing
    figures["standing"] = standing.group(1).strip()
    fade = re.search(r"falls below 50 on (\d{1,2} \w{3} \d{4})", flat)
    figures["fade_date"] = fade.group(1) if fade else None
    return figures


@settings(
    max_examples=8,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(journals())
def test_json_brief_and_csv_show_the_same_figures(made: tuple[NetworkRows, int]) -> None:
    rows, chosen = made
    name = rows.contacts[chosen].display_name
    with tempfile.TemporaryDirectory() as folder:
        data = Path(folder) / "journal"
        with Journal.open(data) as journal:
            load_into_empty_journal(journal, rows)
        day = AS_OF.isoformat()
        document = json.loads(_run(data, "health", "--json", "--as-of", day, "--contact", name))
        (person,) = document["contacts"]
        everyone = json.loads(_run(data, "health", "--json", "--as-of", day))
        same = next(c for c in everyone["contacts"] if c["name"] == name)
        for key in ("score", "display_score", "trust", "giving_balance", "classification", "fade_date"):
            assert same[key] == person[key], key  # one person alone, or in the whole network
        _run(data, "export", "csv", str(data / "all.csv"), "--as-of", day)
        with open(data / "all.csv", encoding="utf-8-sig", newline="") as handle:
            row = next(r for r in csv.DictReader(handle) if r["name"] == name)
        _run(data, "report", "contact", name, "--pdf", str(data / "brief.pdf"), "--as-of", day)
        raw = pdf_text(data / "brief.pdf")
        layout = Path(folder) / "layout.txt"
        subprocess.run(
            ["pdftotext", "-layout", "-enc", "UTF-8", str(data / "brief.pdf"), str(layout)], check=True
        )
        brief = _brief_figures(layout.read_text(encoding="utf-8"))
    assert name in raw

    # Health: the dial's number, the CSV's, the JSON's.
    assert brief["display_score"] == person["display_score"]
    assert row["health"] == ("" if person["display_score"] is None else str(person["display_score"]))
    # Each part: its score and its points.
    for part, figures in person["components"].items():
        score, points = brief[part]
        assert _near(score, figures["score"]), part
        assert points == figures["display"], part
        if person["display_score"] is not None:
            assert _near(row[part], figures["score"]), part
    # Trust, the giving balance (with its window), the standing and the fade date.
    assert _near(brief["trust"], person["trust"]) and _near(row["trust"], person["trust"])
    assert abs(float(brief["giving_balance"]) - person["giving_balance"]) <= 0.051
    assert float(brief["giving_balance"]) == float(row["giving_balance"])  # the CSV's is a plain number
    assert brief["standing"] == CLASSIFICATION_WORDS[person["classification"]]
    assert row["classification"] == person["classification"]
    assert row["fade_date"] == (person["fade_date"] or "")
    if person["fade_date"]:
        fade = dt.date.fromisoformat(person["fade_date"])
        assert brief["fade_date"] == f"{fade.day} {fade:%b %Y}"
    else:
        assert brief["fade_date"] is None
    assert document["windows"]["giving_balance"].startswith("lately — weighted by size")
