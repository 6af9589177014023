"""The whole network's health inputs as columns (`health.columns.NetworkColumns`).

The same rows `health_inputs.load_logs` reads, but SQLite hands over small integers
(day numbers, codes) that go straight into numpy arrays, instead of a tuple and a
date object per interaction. Only the whole-network figures use it; one person's
figures keep the plain inputs.
"""

from __future__ import annotations

import sqlite3
import warnings
from collections import defaultdict

import numpy as np

from relationship_journal.health.columns import NetworkColumns
from relationship_journal.health.inputs import CHANNELS, AskInput, ContactInput, FavourInput
from relationship_journal.journal.health_inputs import _day, gc_paused
from relationship_journal.journal.pacing import give_way

# The codes SQLite sends: position in these tuples (anything else is its own name below).
_KINDS = ("meeting", "call", "video", "message", "email", "event", "social")
_CHANNELS: tuple[str | None, ...] = (None, *sorted(CHANNELS))
_INITIATORS = ("me", "them", "mutual", "unknown")


def _case(column: str, names: tuple[str | None, ...], other: int) -> str:
    arms = " ".join(f"WHEN '{name}' THEN {code}" for code, name in enumerate(names) if name)
    return f"(CASE {column} {arms} ELSE {other} END)"


_CODES = (
    f"{_case('i.kind', _KINDS, len(_KINDS))} * 1024 + {_case('i.channel', _CHANNELS, 0)} * 64"
    f" + {_case('i.initiated_by', _INITIATORS, len(_INITIATORS))} * 8"
    " + (CASE WHEN i.depth BETWEEN 0 AND 7 THEN i.depth END)"
)
# Four numbers per interaction, as one comma-separated text per chunk: SQLite writes it and
# numpy parses it, so no Python object is made per row. A value the codes cannot carry (a
# depth out of range) is NULL, which drops the row from the text, and the count says so.
_FIELDS = 4
_CHUNK = 50_000  # rows per query: parsing one chunk's text holds the interpreter ~3 ms
_INTERACTIONS = (
    "SELECT count(*), max(id), group_concat("
    "id || ',' || codes || ',' || minutes || ',' || people, ',') FROM ("
    f"SELECT i.id, {_CODES} AS codes, coalesce(i.minutes, -1) AS minutes, "
    "coalesce(i.people_present, 2) AS people FROM interactions i WHERE i.id > ? ORDER BY i.id LIMIT ?)"
)
# Days come from the date index: one row per distinct day with its interactions' ids, so
# each day's text is parsed once, by the same rule as `load_logs`.
_DAYS = "SELECT date, count(*), group_concat(id) FROM interactions GROUP BY date"
_LINKS = (
    "SELECT count(*), max(rowid), group_concat(interaction_id || ',' || contact_id, ',') FROM ("
    "SELECT rowid, interaction_id, contact_id FROM interaction_contacts WHERE rowid > ? ORDER BY rowid LIMIT ?)"
)


def _numbers(connection: sqlite3.Connection, sql: str, fields: int) -> np.ndarray | None:
    """All rows of a chunked group_concat query as an (n, fields) int64 array; None if the
    text did not parse into exactly the rows SQLite counted."""
    parts = []
    after = -1
    while True:
        give_way()
        count, last, text = connection.execute(sql, (after, _CHUNK)).fetchone()
        if not count:
            break
        if text is None:
            return None
        with warnings.catch_warnings():
            warnings.simplefilter("error")  # text that is not all integers stops the parse
            try:
                numbers = np.fromstring(text, dtype=np.int64, sep=",")
            except (DeprecationWarning, ValueError):
                return None
        if len(numbers) != count * fields:
            return None
        parts.append(numbers.reshape(count, fields))
        if count < _CHUNK:
            break
        after = last
    if not parts:
        return np.empty((0, fields), dtype=np.int64)
    return np.concatenate(parts) if len(parts) > 1 else parts[0]


def load_columns(connection: sqlite3.Connection) -> NetworkColumns | None:
    """Every unarchived contact's inputs, contacts ordered by name as `load_logs` orders
    them; None when a row holds something the codes cannot carry (an odd date, kind or
    initiator written around the service layer): the caller then reads `load_logs`."""
    with gc_paused():
        began = not connection.in_transaction
        if began:
            connection.execute("BEGIN")  # one snapshot for all the queries below
        try:
            return _load(connection)
        finally:
            if began:
                connection.execute("ROLLBACK")


def _load(connection: sqlite3.Connection) -> NetworkColumns | None:
    contacts = connection.execute(
        "SELECT c.id, c.display_name, c.circle, c.cadence_days, c.kin, c.calibre FROM contacts c "
        "WHERE NOT c.archived ORDER BY c.search_name, c.id"
    ).fetchall()
    inputs = [
        ContactInput(cid, name, circle, cadence, bool(kin), calibre)
        for cid, name, circle, cadence, kin, calibre in contacts
    ]
    index_of = {row[0]: index for index, row in enumerate(contacts)}
    give_way()
    table = _numbers(connection, _INTERACTIONS, _FIELDS)
    if table is None:
        return None
    interaction_ids = table[:, 0]
    give_way()
    by_day = connection.execute(_DAYS).fetchall()
    give_way()
    try:
        ordinals = [_day(date).toordinal() for date, _count, _ids in by_day]
    except (TypeError, ValueError):
        return None  # load_logs says which entry is wrong
    dated = (
        np.fromstring(",".join(ids for _d, _c, ids in by_day), dtype=np.int64, sep=",")
        if by_day
        else np.empty(0, dtype=np.int64)
    )
    days_of = np.repeat(np.array(ordinals, dtype=np.int64), [count for _d, count, _i in by_day])
    if len(dated) != len(interaction_ids):
        return None
    days = np.empty(len(dated), dtype=np.int64)
    days[np.searchsorted(interaction_ids, dated)] = days_of
    codes = table[:, 1]
    kinds, channels, starters, depths = codes >> 10, (codes >> 6) & 15, (codes >> 3) & 7, codes & 7
    if (kinds >= len(_KINDS)).any() or (starters >= len(_INITIATORS)).any():
        return None

    give_way()
    links = _numbers(connection, _LINKS, 2)
    if links is None:
        return None
    known_ids = np.fromiter(index_of, dtype=np.int64, count=len(index_of))
    known_index = np.fromiter(index_of.values(), dtype=np.int64, count=len(index_of))
    by_id = np.argsort(known_ids)
    known_ids, known_index = known_ids[by_id], known_index[by_id]
    where = np.searchsorted(known_ids, links[:, 1])
    where[where >= len(known_ids)] = 0
    active = known_ids[where] == links[:, 1] if len(known_ids) else np.zeros(len(links), bool)
    links = links[active]
    owner = known_index[where[active]]
    row = np.searchsorted(interaction_ids, links[:, 0])  # interactions come in id order
    row[row >= len(interaction_ids)] = 0
    if len(row) and (interaction_ids[row] != links[:, 0]).any():
        return None  # a link to an interaction that is not there (foreign keys were off)

    # Favours logged on an interaction, summed per (person, interaction) like load_logs.
    given = np.zeros(len(links), dtype=np.int64)
    received = np.zeros(len(links), dtype=np.int64)
    loose: dict[int, list[FavourInput]] = defaultdict(list)
    linked: dict[tuple[int, int], list[int]] = defaultdict(lambda: [0, 0])
    for fid, cid, direction, size, date, iid in connection.execute(
        "SELECT id, contact_id, direction, size, date, interaction_id FROM favours"
    ):
        give_way()
        if cid not in index_of:
            continue
        if iid is None:
            loose[index_of[cid]].append(FavourInput(fid, _day(date), direction, size))
        else:
            linked[(cid, iid)][0 if direction == "given" else 1] += size
    if linked and len(links):
        key = links[:, 1] * (1 << 32) + links[:, 0]
        order = np.argsort(key)
        give_way()
        wanted = np.array([c * (1 << 32) + i for c, i in linked], dtype=np.int64)
        at = order[np.searchsorted(key, wanted, sorter=order).clip(0, len(key) - 1)]
        hit = key[at] == wanted
        sizes = np.array(list(linked.values()), dtype=np.int64)
        given[at[hit]] = sizes[hit, 0]
        received[at[hit]] = sizes[hit, 1]
    give_way()
    asks: dict[int, list[AskInput]] = defaultdict(list)
    for aid, cid, size, outcome, date, iid in connection.execute(
        "SELECT id, contact_id, size, outcome, date, interaction_id FROM asks"
    ):
        give_way()
        if cid in index_of:
            asks[index_of[cid]].append(AskInput(aid, _day(date), size, outcome, iid))

    give_way()
    return NetworkColumns(
        contacts=inputs,
        contact=owner,
        id=links[:, 0].copy(),
        day=days[row],
        kind=kinds[row],
        channel=channels[row],
        minutes=table[row, 2],
        initiated_by=starters[row],
        depth=depths[row],
        people_present=table[row, 3],
        favours_given=given,
        favours_received=received,
        kind_names=_KINDS,
        channel_names=_CHANNELS,
        initiator_names=_INITIATORS,
        favours=dict(loose),
        asks=dict(asks),
    )
