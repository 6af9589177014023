"""Loading what the health model reads, in a few set-based queries.

The model itself (`relationship_journal.health`) never touches the database; this is
the thin adapter that turns the journal's rows into its plain inputs.
"""

from __future__ import annotations

import datetime as dt
import gc
import sqlite3
from collections import defaultdict
from collections.abc import Iterator
from contextlib import contextmanager

from relationship_journal.health.inputs import (
    CHANNELS,
    AskInput,
    ContactInput,
    ContactLog,
    FavourInput,
    InteractionInput,
)

_DATES: dict[str, dt.date] = {}


def _day(text: str) -> dt.date:
    """Dates repeat a lot across 300,000 rows: parse each distinct one once."""
    day = _DATES.get(text)
    if day is None:
        day = _DATES[text] = dt.date.fromisoformat(text)
    return day


_collect_first = False  # see collect_before_pausing


def collect_before_pausing(enabled: bool = True) -> None:
    """Collect garbage before each pause (the window asks for this at start).

    `gc.freeze` keeps whatever is alive at the end of a pause out of every later
    collection, so garbage cycles alive then would never be freed: in the window, every
    network load kept the cycles the views had just dropped, for good. A collection before
    the pause frees them; in a long-running process it walks only what was made since the
    last freeze. A command runs for seconds and skips its cost (about 50 ms at start).
    """
    global _collect_first
    _collect_first = enabled


@contextmanager
def gc_paused() -> Iterator[None]:
    """Pause the cyclic garbage collector while building many small acyclic objects.

    Loading 300,000 inputs otherwise triggers full collections that rescan the growing
    heap again and again, which costs more than the loading itself. What was built is
    frozen out of later scans on the way out (`gc.freeze`): the first collection after
    the pause would otherwise walk every object made during it (0.7 s at 10,000
    contacts). Frozen objects are still freed by reference counting; they hold no cycles.
    """
    was_enabled = gc.isenabled()
    if was_enabled and _collect_first:
        gc.collect()
    gc.disable()
    try:
        yield
    finally:
        gc.freeze()
        if was_enabled:
            gc.enable()


def load_logs(
    connection: sqlite3.Connection,
    contact_ids: list[int] | None = None,
    include_archived: bool = False,
) -> list[ContactLog]:
    """Every contact's log (or only `contact_ids`'), ordered by name."""
    with gc_paused():
        return _load_logs(connection, contact_ids, include_archived)


def _load_logs(
    connection: sqlite3.Connection,
    contact_ids: list[int] | None,
    include_archived: bool,
) -> list[ContactLog]:
    where, params = [], []
    if contact_ids is not None:
        where.append(f"c.id IN ({','.join('?' * len(contact_ids))})")
        params.extend(contact_ids)
    if not include_archived:
        where.append("NOT c.archived")
    clause = f" WHERE {' AND '.join(where)}" if where else ""
    contacts = connection.execute(
        f"SELECT c.id, c.display_name, c.circle, c.cadence_days, c.kin, c.calibre FROM contacts c{clause} "
        "ORDER BY c.search_name, c.id",
        params,
    ).fetchall()
    wanted = {row[0] for row in contacts}
    only = f" AND ic.contact_id IN ({','.join('?' * len(contact_ids))})" if contact_ids is not None else ""
    only_ledger = f" WHERE contact_id IN ({','.join('?' * len(contact_ids))})" if contact_ids is not None else ""
    ledger_params = contact_ids or []

    linked_favours: dict[tuple[int, int], list[int]] = defaultdict(lambda: [0, 0])
    loose_favours: dict[int, list[FavourInput]] = defaultdict(list)
    for fid, cid, direction, size, date, iid in connection.execute(
        f"SELECT id, contact_id, direction, size, date, interaction_id FROM favours{only_ledger}", ledger_params
    ):
        if iid is None:
            loose_favours[cid].append(FavourInput(fid, _day(date), direction, size))
        else:
            linked_favours[(cid, iid)][0 if direction == "given" else 1] += size
    asks: dict[int, list[AskInput]] = defaultdict(list)
    for aid, cid, size, outcome, date, iid in connection.execute(
        f"SELECT id, contact_id, size, outcome, date, interaction_id FROM asks{only_ledger}", ledger_params
    ):
        asks[cid].append(AskInput(aid, _day(date), size, outcome, iid))

    interactions: dict[int, list[InteractionInput]] = defaultdict(list)
    make = tuple.__new__  # InteractionInput is a named tuple: build it without __init__ overhead
    no_favours = (0, 0)
    for cid, iid, date, kind, channel, minutes, initiated_by, depth, present in connection.execute(
        "SELECT ic.contact_id, i.id, i.date, i.kind, i.channel, i.minutes, i.initiated_by, i.depth, "
        "coalesce(i.people_present, 2) FROM interaction_contacts ic "
        f"JOIN interactions i ON i.id = ic.interaction_id WHERE 1{only} ORDER BY i.date, i.id",
        params[: len(contact_ids)] if contact_ids is not None else [],
    ):
        day = _DATES.get(date) or _day(date)
        if channel is not None and channel not in CHANNELS:
            channel = None  # an override the model does not know (hand-edited row): use the kind's
        given, received = linked_favours.get((cid, iid), no_favours)
        interactions[cid].append(
            make(
                InteractionInput,
                (iid, day, kind, channel, minutes, initiated_by, depth, present, given, received, None),
            )
        )
    return [
        ContactLog(
            ContactInput(cid, name, circle, cadence, bool(kin), calibre),
            interactions.get(cid, ()),
            loose_favours.get(cid, ()),
            asks.get(cid, ()),
        )
        for cid, name, circle, cadence, kin, calibre in contacts
        if cid in wanted
    ]
