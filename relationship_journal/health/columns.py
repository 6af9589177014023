"""A whole network's logs as columns, laid out into timelines in a few array passes.

`build_timeline` walks one contact's interactions in Python, which at 300,000 entries
costs more than reading them. Here every per-entry value (weight, effective hours,
touches, trust evidence, giving balance, the connection gates) is worked out with numpy
for thousands of people at once, then cut into each contact's columns. The arithmetic is
the per-contact code's, operation for operation (IEEE sums and products of the same
operands in the same order), so the timelines are equal to the last bit and
`evaluate` cannot tell them apart; `tests/health/test_health_columns.py` holds that.

Imported on its own (`relationship_journal.health.columns`): numpy is only loaded by
the whole-network paths that need it.
"""

from __future__ import annotations

import datetime as dt
import gc
from array import array
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from .contact import evaluate
from .context import Context, context_for
from .inputs import AskInput, ContactInput, FavourInput
from .network import summarise_network
from .outputs import NetworkHealth
from .parameters import DEFAULTS, Parameters
from .timeline import COLUMN_TYPES, Timeline, assemble_timeline, cut_at

_NO_ASKS: dict[int, tuple[str, int]] = {}


@dataclass(frozen=True, eq=False)
class NetworkColumns:
    """Every contact's interactions as parallel arrays, one row per (contact, interaction).

    `contact` indexes `contacts`; `kind`, `channel` and `initiated_by` index the name
    tuples beside them (a channel name may be None: the kind's channel). `minutes` is -1
    where no duration was logged. `favours_given` / `favours_received` are the favours
    logged on that interaction with that person. Rows may come in any order. An
    interaction's `ask_outcome` shorthand has no column: asks come as `AskInput`s.
    """

    contacts: Sequence[ContactInput]
    contact: np.ndarray
    id: np.ndarray
    day: np.ndarray  # proleptic ordinal
    kind: np.ndarray
    channel: np.ndarray
    minutes: np.ndarray
    initiated_by: np.ndarray
    depth: np.ndarray
    people_present: np.ndarray
    favours_given: np.ndarray
    favours_received: np.ndarray
    kind_names: tuple[str, ...]
    channel_names: tuple[str | None, ...]
    initiator_names: tuple[str, ...]
    favours: Mapping[int, Sequence[FavourInput]] = field(default_factory=dict)  # by contact index
    asks: Mapping[int, Sequence[AskInput]] = field(default_factory=dict)


def compute_network_columns(
    columns: NetworkColumns, as_of: dt.date, params: Parameters = DEFAULTS
) -> NetworkHealth:
    """`compute_network` over the same logs given as columns: the same figures, faster."""
    paused = gc.isenabled()
    if paused:
        gc.disable()
    try:
        contacts = tuple([evaluate(tl, as_of) for tl in build_timelines(columns, params)])
        return summarise_network(contacts, as_of, params)
    finally:
        if paused:
            gc.freeze()  # see compute_network
            gc.enable()


def _bounds(owner: np.ndarray, count: int) -> list[int]:
    """Start of each contact's run in a column sorted by contact (count + 1 entries)."""
    bounds: list[int] = np.searchsorted(owner, np.arange(count + 1), side="left").tolist()
    return bounds


# The numpy type whose bytes are each `array` typecode's items.
_NUMPY_TYPES: dict[str, np.dtype[Any]] = {
    "i": np.dtype(np.intc), "q": np.dtype(np.longlong), "d": np.dtype(np.float64)
}


def _as_array(code: str, values: np.ndarray) -> array[Any]:
    """A numpy column as an `array.array` of typecode `code`: a copy of its bytes, with no
    Python object per number (see `Timeline`)."""
    return array(code, values.astype(_NUMPY_TYPES[code], copy=False).tobytes())


def _nothing() -> None:
    """`build_timelines` with nobody to give way to."""


_BATCH = 5_000  # contacts laid out at a time: the arrays of a whole network's 3 million
# entries at 100,000 people took 2 GiB at once; a batch of 5,000 people takes a twentieth


def build_timelines(
    columns: NetworkColumns, params: Parameters = DEFAULTS, between: Callable[[], object] | None = None
) -> list[Timeline]:
    """One timeline per contact, in `columns.contacts` order; ValueError like `build_timeline`.
    `between` is called between the steps and before each contact's (a worker gives way
    to the window there)."""
    step = between if between is not None else _nothing
    ctx = context_for(params)
    contacts = columns.contacts
    count = len(contacts)
    step()
    order = np.lexsort((columns.id, columns.day, columns.contact))
    step()
    starts = _bounds(columns.contact[order], count)
    favours = columns.favours
    asks = columns.asks
    timelines = []
    for first in range(0, count, _BATCH):
        last = min(count, first + _BATCH)
        cuts = _laid_out(columns, order[starts[first] : starts[last]], first, last - first, ctx, step)
        pieces = [cut_at(column, bounds, last - first) for column, bounds in cuts]
        for index in range(last - first):
            step()
            parts: list[Any] = [each[index] for each in pieces]
            parts.append(_NO_ASKS)
            person = first + index
            timelines.append(
                assemble_timeline(
                    contacts[person], ctx, tuple(parts), favours.get(person, ()), asks.get(person, ())
                )
            )
    return timelines


def _laid_out(
    columns: NetworkColumns,
    order: np.ndarray,
    first: int,
    count: int,
    ctx: Context,
    step: Callable[[], object],
) -> list[tuple[Sequence[Any], list[int]]]:
    """Every interaction column of `assemble_timeline` for the `count` contacts from
    `first` on, whose rows `order` lists sorted by (contact, day, id): each column with
    the start of every contact's run in it (count + 1 bounds). The numpy work is over
    when this returns, so its arrays are freed before the timelines are cut."""
    params = ctx.params
    contacts = columns.contacts
    owner = columns.contact[order] - first
    ids = columns.id[order]
    days = columns.day[order]
    kinds = columns.kind[order]
    depths = columns.depth[order]
    starters = columns.initiated_by[order]
    given = columns.favours_given[order]
    received = columns.favours_received[order]

    step()
    # Channel and weight for each (kind, channel) pair that occurs.
    width = len(columns.channel_names)
    pair = kinds * width + columns.channel[order]
    pair_names, pair_weights, pair_known = _pairs(columns, ctx)
    known = np.asarray(pair_known, dtype=bool)[pair]
    if not known.all():
        bad = int(np.argmin(known))  # rows are in contact order: the first person's first
        kind = columns.kind_names[int(kinds[bad])]
        channel = columns.channel_names[int(columns.channel[order][bad])]
        raise ValueError(
            f"{contacts[first + int(owner[bad])].name}: unknown interaction kind/channel {kind!r}/{channel!r}"
        )
    weights = np.asarray(pair_weights, dtype=np.float64)[pair]
    people = columns.people_present[order]
    free = params.group_free_size
    crowd = people > free
    if crowd.any():
        weights[crowd] = weights[crowd] * free / people[crowd]

    step()
    # Minutes: a missing duration takes the kind's default and is flagged as estimated.
    minutes = columns.minutes[order]
    missing = minutes < 0
    defaults = np.asarray(
        [ctx.default_minutes.get(name, 0) for name in columns.kind_names], dtype=np.int64
    )
    minutes = np.where(missing, defaults[kinds], minutes)
    timed = minutes > 0
    hour_values = minutes[timed] / 60 * weights[timed]

    step()
    # Touches: one per contact and day with w >= threshold, at the day's largest w (the
    # first entry that reaches it, as the per-contact pass keeps).
    touching = np.flatnonzero(weights >= params.touch_min_weight)
    t_owner = owner[touching]
    t_days = days[touching]
    t_weights = weights[touching]
    if len(touching):
        new_group = np.empty(len(touching), dtype=bool)
        new_group[0] = True
        new_group[1:] = (t_owner[1:] != t_owner[:-1]) | (t_days[1:] != t_days[:-1])
        starts = np.flatnonzero(new_group)
        best = np.maximum.reduceat(t_weights, starts)
        group = np.cumsum(new_group) - 1
        at_best = np.flatnonzero(t_weights == best[group])
        step()
        _unique, at_first = np.unique(group[at_best], return_index=True)
        step()
        touch_rows = touching[at_best[at_first]]
        touch_owner = t_owner[starts]
        touch_days = t_days[starts]
        touch_weights = best
        touch_ids = ids[touch_rows]
    else:
        touch_owner = touch_days = touch_ids = np.empty(0, dtype=np.int64)
        touch_weights = np.empty(0, dtype=np.float64)

    step()
    # Trust evidence, the connection gates and the giving balance.
    their = np.asarray(
        [ctx.their_share.get(name, 0.0) for name in columns.initiator_names], dtype=np.float64
    )[starters]
    amount = their + given + received
    deep = depths >= params.deep_min_depth
    amount[deep] += 1.0
    evidence_rows = amount != 0
    their_rows = their != 0
    ledger_rows = given != received

    step()
    o_hours = owner[timed]
    o_touch = touch_owner
    o_evidence = owner[evidence_rows]
    o_ledger = owner[ledger_rows]
    o_their = owner[their_rows]
    o_deep = owner[deep]
    o_estimated = owner[missing]
    b_rows = _bounds(owner, count)
    b_hours = _bounds(o_hours, count)
    b_touch = _bounds(o_touch, count)
    b_evidence = _bounds(o_evidence, count)
    b_ledger = _bounds(o_ledger, count)
    b_their = _bounds(o_their, count)
    b_deep = _bounds(o_deep, count)
    b_estimated = _bounds(o_estimated, count)

    step()
    channel_of = [pair_names[p] for p in pair.tolist()]
    step()
    kind_of = [columns.kind_names[k] for k in kinds.tolist()]
    step()
    starter_of = [columns.initiator_names[s] for s in starters.tolist()]
    laid: list[tuple[Any, list[int]]] = [  # in the order assemble_timeline takes them
        (ids, b_rows), (kind_of, b_rows), (channel_of, b_rows), (depths, b_rows),
        (starter_of, b_rows), (given, b_rows), (received, b_rows), (days, b_rows),
        (weights, b_rows), (days[missing], b_estimated), (days[timed], b_hours),
        (hour_values, b_hours), (ids[timed], b_hours), (touch_days, b_touch),
        (touch_weights, b_touch), (touch_ids, b_touch), (days[evidence_rows], b_evidence),
        (amount[evidence_rows], b_evidence), (days[ledger_rows], b_ledger),
        (given[ledger_rows] - received[ledger_rows], b_ledger), (days[their_rows], b_their),
        (days[deep], b_deep),
    ]
    cuts: list[tuple[Any, list[int]]] = []
    for code, (values, bounds) in zip(COLUMN_TYPES[: len(laid)], laid, strict=True):
        step()
        cuts.append((values if code is None else _as_array(code, values), bounds))
    return cuts


def _pairs(columns: NetworkColumns, ctx: Context) -> tuple[list[Any], list[float], list[bool]]:
    """For every (kind, channel) code pair: the channel it counts as, its weight, and
    whether the model knows it (`channel or kind's channel`, as the per-contact pass)."""
    names: list[Any] = []
    weights: list[float] = []
    known: list[bool] = []
    for kind in columns.kind_names:
        for channel in columns.channel_names:
            resolved = channel or ctx.kind_channel.get(kind)
            weight = ctx.channel_weight.get(resolved) if resolved is not None else None
            names.append(resolved)
            weights.append(0.0 if weight is None else weight)
            known.append(weight is not None)
    return names, weights, known
