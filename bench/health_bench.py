"""Benchmark: the health model over 10,000 contacts and 300,000 interactions.

Builds a synthetic network with plain `random` (seeded), times `compute_network`, and,
in the same run, times SQLite reading the same rows once (a temporary database with
the journal's shape: contacts, interactions, the link table, favours, asks), so the
ratio compares like with like on this machine.

    python bench/health_bench.py [--contacts 10000] [--interactions 300000] [--repeat 3]
"""

from __future__ import annotations

import argparse
import datetime as dt
import gc
import os
import random
import sqlite3
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from relationship_journal.health import (  # noqa: E402
    AskInput,
    ContactInput,
    ContactLog,
    FavourInput,
    InteractionInput,
    compute_network,
)

AS_OF = dt.date(2025, 6, 30)
KINDS = ("meeting", "call", "video", "message", "email", "event", "social")
KIND_WEIGHTS = (20, 15, 8, 35, 10, 6, 6)
CIRCLES = (5, 15, 50, 150, 500)
CIRCLE_WEIGHTS = (1, 3, 10, 36, 50)
STARTERS = ("me", "them", "mutual", "unknown")


def synthetic_network(
    contacts: int, interactions: int, seed: int = 7, shuffled: bool = False
) -> list[ContactLog]:
    """A skewed network: a few people get most of the entries, many get a handful."""
    rng = random.Random(seed)
    shares = [rng.paretovariate(1.2) for _ in range(contacts)]
    scale = interactions / sum(shares)
    counts = [max(0, int(s * scale)) for s in shares]
    missing = interactions - sum(counts)
    for i in range(abs(missing)):
        counts[i % contacts] += 1 if missing > 0 else -1 if counts[i % contacts] > 0 else 0
    logs = []
    next_id = 1
    favour_id = 1
    ask_id = 1
    start = AS_OF.toordinal() - 5 * 365
    for cid in range(1, contacts + 1):
        circle = rng.choices(CIRCLES, CIRCLE_WEIGHTS)[0]
        contact = ContactInput(
            id=cid,
            name=f"Person {cid}",
            circle=circle,
            cadence_days=rng.choice((None, None, None, None, 14, 60)),
            kin=rng.random() < 0.05,
            calibre=rng.choice((None, None, 1, 2, 3, 4, 5)),
        )
        n = counts[cid - 1]
        first = start + rng.randrange(0, 5 * 365)
        span = AS_OF.toordinal() - first
        items = []
        for _ in range(n):
            kind = rng.choices(KINDS, KIND_WEIGHTS)[0]
            items.append(
                InteractionInput(
                    id=next_id,
                    date=dt.date.fromordinal(first + rng.randrange(0, span + 1)),
                    kind=kind,
                    channel="reaction" if kind == "message" and rng.random() < 0.1 else None,
                    minutes=None if rng.random() < 0.3 else rng.randrange(1, 180),
                    initiated_by=rng.choice(STARTERS),
                    depth=rng.randint(1, 5),
                    people_present=2 if rng.random() < 0.8 else rng.randint(3, 12),
                    favours_given=rng.choice((0,) * 12 + (1, 2)),
                    favours_received=rng.choice((0,) * 14 + (1,)),
                    ask_outcome=rng.choice((None,) * 40 + ("helped", "declined")),
                )
            )
            next_id += 1
        if shuffled:
            rng.shuffle(items)
        else:
            items.sort(key=lambda i: (i.date, i.id))  # as the journal reads them: ORDER BY date, id
        favours = []
        asks = []
        for _ in range(rng.choice((0, 0, 0, 1, 2))):
            favours.append(
                FavourInput(
                    favour_id,
                    dt.date.fromordinal(first + rng.randrange(0, span + 1)),
                    rng.choice(("given", "received")),
                    rng.randint(0, 3),
                )
            )
            favour_id += 1
        if rng.random() < 0.05:
            asks.append(
                AskInput(
                    ask_id,
                    dt.date.fromordinal(AS_OF.toordinal() - rng.randrange(0, 200)),
                    rng.randint(1, 3),
                    rng.choice(("open", "helped", "ignored")),
                )
            )
            ask_id += 1
        logs.append(ContactLog(contact, items, favours, asks))
    return logs


def sqlite_read_seconds(logs: list[ContactLog], repeat: int) -> dict[str, float]:
    """Best time for SQLite to hand back every row the model needs, read once: as they
    lie (plain) and in the order the journal asks for (ordered by contact, date, id)."""
    folder = tempfile.mkdtemp(prefix="rj-bench-")
    path = os.path.join(folder, "bench.sqlite3")
    con = sqlite3.connect(path)
    con.executescript(
        """
        CREATE TABLE contacts (id INTEGER PRIMARY KEY, display_name TEXT, circle INTEGER,
            cadence_days INTEGER, kin INTEGER, calibre INTEGER);
        CREATE TABLE interactions (id INTEGER PRIMARY KEY, date DATE, kind TEXT, channel TEXT,
            minutes INTEGER, initiated_by TEXT, depth INTEGER, people_present INTEGER);
        CREATE TABLE interaction_contacts (interaction_id INTEGER, contact_id INTEGER,
            PRIMARY KEY (interaction_id, contact_id));
        CREATE TABLE favours (id INTEGER PRIMARY KEY, contact_id INTEGER, direction TEXT,
            size INTEGER, date DATE, interaction_id INTEGER);
        CREATE TABLE asks (id INTEGER PRIMARY KEY, contact_id INTEGER, size INTEGER,
            outcome TEXT, date DATE, interaction_id INTEGER);
        """
    )
    for log in logs:
        c = log.contact
        con.execute(
            "INSERT INTO contacts VALUES (?,?,?,?,?,?)",
            (c.id, c.name, c.circle, c.cadence_days, c.kin, c.calibre),
        )
        con.executemany(
            "INSERT INTO interactions VALUES (?,?,?,?,?,?,?,?)",
            [
                (
                    i.id,
                    i.date.isoformat(),
                    i.kind,
                    i.channel,
                    i.minutes,
                    i.initiated_by,
                    i.depth,
                    i.people_present,
                )
                for i in log.interactions
            ],
        )
        con.executemany(
            "INSERT INTO interaction_contacts VALUES (?,?)",
            [(i.id, c.id) for i in log.interactions],
        )
        con.executemany(
            "INSERT INTO favours VALUES (?,?,?,?,?,NULL)",
            [(f.id, c.id, f.direction, f.size, f.date.isoformat()) for f in log.favours],
        )
        con.executemany(
            "INSERT INTO asks VALUES (?,?,?,?,?,NULL)",
            [(a.id, c.id, a.size, a.outcome, a.date.isoformat()) for a in log.asks],
        )
    con.commit()
    con.close()
    queries = {
        "plain": (
            "SELECT ic.contact_id, i.id, i.date, i.kind, i.channel, i.minutes, i.initiated_by,"
            " i.depth, i.people_present FROM interaction_contacts ic"
            " JOIN interactions i ON i.id = ic.interaction_id"
        ),
        "ordered": (
            "SELECT ic.contact_id, i.id, i.date, i.kind, i.channel, i.minutes, i.initiated_by,"
            " i.depth, i.people_present FROM interaction_contacts ic"
            " JOIN interactions i ON i.id = ic.interaction_id ORDER BY ic.contact_id, i.date, i.id"
        ),
    }
    best = dict.fromkeys(queries, float("inf"))
    try:
        for _ in range(repeat):
            for name, query in queries.items():
                con = sqlite3.connect(path)
                t0 = time.perf_counter()
                con.execute(
                    "SELECT id, display_name, circle, cadence_days, kin, calibre FROM contacts"
                ).fetchall()
                con.execute(query).fetchall()
                con.execute("SELECT * FROM favours").fetchall()
                con.execute("SELECT * FROM asks").fetchall()
                best[name] = min(best[name], time.perf_counter() - t0)
                con.close()
    finally:
        os.remove(path)
        os.rmdir(folder)
    return best


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--contacts", type=int, default=10_000)
    parser.add_argument("--interactions", type=int, default=300_000)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--shuffled", action="store_true", help="hand the log over unsorted")
    parser.add_argument("--no-sqlite", action="store_true", help="skip the SQLite baseline")
    args = parser.parse_args()

    logs = synthetic_network(args.contacts, args.interactions, shuffled=args.shuffled)
    total = sum(len(log.interactions) for log in logs)
    compute_network(logs[:50], AS_OF)  # build the decay tables outside the timing
    best = float("inf")
    for _ in range(args.repeat):
        gc.collect()
        t0 = time.perf_counter()
        network = compute_network(logs, AS_OF)
        best = min(best, time.perf_counter() - t0)
        del network
    network = compute_network(logs, AS_OF)
    print(
        f"health model: {len(logs)} contacts, {total} interactions: {best:.3f} s (best of {args.repeat})"
    )
    print(
        f"  breadth {network.breadth}, depth {network.depth}, trusted {network.trusted}, "
        f"verdict {network.verdict!r}, fading {len(network.fading)}, bands {network.bands}"
    )
    if not args.no_sqlite:
        read = sqlite_read_seconds(logs, args.repeat)
        print(
            f"sqlite read of the same rows: {read['plain']:.3f} s plain, "
            f"{read['ordered']:.3f} s ordered by contact, date, id"
        )
        print(f"ratio model / plain read: {best / read['plain']:.2f}x")


if __name__ == "__main__":
    main()
