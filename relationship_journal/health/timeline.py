"""One contact's log, sorted once and turned into numbers.

Everything here is independent of `as_of`, so the GUI, the trajectory and the
fade-date search can evaluate the same timeline at many dates without re-reading
or re-sorting the log. Interactions are ordered by (date, id), which makes every sum
independent of the order the journal handed them in; a log that already arrives in
that order (the journal reads it with ORDER BY date, id) is not sorted again.
"""

from __future__ import annotations

from array import array
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from operator import attrgetter
from types import MappingProxyType
from typing import Any

from .context import Context, context_for
from .decay import Decay
from .inputs import AskInput, ContactInput, ContactLog, FavourInput, InteractionInput
from .parameters import Parameters

_BY_DATE_ID = attrgetter("date", "id")

Ask = tuple[int, "int | None", int, str, "int | None"]  # day, ask id, size, outcome, interaction id

# The array type of each interaction column, in the order `assemble_timeline` takes them:
# days as C ints (ordinals stay under 3.7 million), other numbers as 8-byte ints ("q") and
# doubles ("d"); None for the columns of names (lists of shared strings) and the asks.
COLUMN_TYPES: tuple[str | None, ...] = (
    "q", None, None, "q", None, "q", "q", "i", "d", "i", "i", "d",
    "q", "i", "d", "q", "i", "d", "i", "q", "i", "i", None,
)


@dataclass(slots=True, eq=False)
class Timeline:
    """Columns over the contact's log, each sorted by day.

    Numbers are kept in arrays (`array.array`), not lists: a list holds a pointer and an
    object for each number (36 bytes for a day), an array the number alone (4 or 8). At
    100,000 people the window holds 3 million entries' worth of columns.
    """

    contact: ContactInput
    context: Context
    cadence: int  # T in days
    recency_half_life: float  # H in days
    window: int  # frequency window W in days
    expected: float  # W / T: touches a steady cadence puts in the window
    trust_decay: Decay
    initiative_window: int
    # Interactions, sorted by (date, id), as parallel columns (the count-based windows
    # read them directly; a network built from columns never makes a tuple per entry).
    ids: array[int]
    kinds: list[str]  # how each entry was logged (the recency sentence names it)
    channels: list[str]  # the channel each entry counts as (its own, or its kind's)
    depths: array[int]
    starters: list[str]  # initiated_by
    given: array[int]  # favour sizes given in the entry
    received: array[int]
    days: array[int]  # proleptic ordinals
    weights: array[float]  # w = channel weight · group dilution
    estimated_days: array[int]  # days of interactions whose minutes were missing
    # Interactions that carry time (effective hours > 0), in the same order.
    hour_days: array[int]
    hour_values: array[float]  # hours · w, before forgetting
    hour_ids: array[int]
    # Touches: one per day with w >= threshold, at that day's largest w.
    touch_days: array[int]
    touch_weights: array[float]
    touch_ids: array[int]
    # Standalone favours (not tied to an interaction).
    favour_days: array[int]
    favour_ids: array[int]
    favour_given: array[int]
    favour_received: array[int]
    # Trust evidence: from interactions, and from standalone favours and asks.
    evidence_days: array[int]
    evidence: array[float]
    extra_positive_days: array[int]
    extra_positive: array[float]
    negative_days: array[int]
    negative: array[float]
    # Giving balance events (given - received, non-zero only).
    ledger_days: array[int]
    ledger_net: array[int]
    extra_ledger_days: array[int]
    extra_ledger_net: array[int]
    # Days that satisfy the connection gates.
    their_start_days: array[int]
    deep_days: array[int]
    asks: list[Ask]  # explicit asks and those logged on interactions, by day

    def channel_of(self, index: int) -> str:
        return self.channels[index]


def build_timeline(log: ContactLog, params: Parameters) -> Timeline:
    """Sort and convert one contact's log; raise ValueError on values outside the contract."""
    ctx = context_for(params)
    contact = log.contact
    columns = _interaction_columns(log.interactions, contact.name, ctx)
    if columns is None:
        columns = _interaction_columns(sorted(log.interactions, key=_BY_DATE_ID), contact.name, ctx)
        assert columns is not None
    return assemble_timeline(contact, ctx, columns, log.favours, log.asks)


def assemble_timeline(
    contact: ContactInput,
    ctx: Context,
    columns: tuple[Any, ...],
    favours: Sequence[FavourInput],
    asks_made: Sequence[AskInput],
) -> Timeline:
    """A timeline from its interaction columns (one contact's, or a slice of a whole
    network's made by `health.columns`) and the standalone favours and asks."""
    params = ctx.params
    if contact.circle not in params.cadence_days:
        raise ValueError(
            f"{contact.name}: circle must be one of 5, 15, 50, 150, 500, not {contact.circle}"
        )
    cadence = params.cadence_for(contact.circle, contact.cadence_days)
    half = params.recency_half_life_factor * cadence
    if contact.kin:
        half *= params.kin_recency_multiplier
    window = min(params.frequency_window_cadences * cadence, params.frequency_window_max_days)
    (
        ids,
        kinds,
        channels,
        depths,
        starters,
        given,
        received,
        days,
        weights,
        estimated_days,
        hour_days,
        hour_values,
        hour_ids,
        touch_days,
        touch_weights,
        touch_ids,
        evidence_days,
        evidence,
        ledger_days,
        ledger_net,
        their_start_days,
        deep_days,
        ask_by_interaction,
    ) = columns

    # Standalone favours.
    extra_positive: list[tuple[int, float]] = []
    extra_ledger: list[tuple[int, int]] = []
    favour_days: list[int] = []
    favour_ids: list[int] = []
    favour_given: list[int] = []
    favour_received: list[int] = []
    for fav in sorted(favours, key=_BY_DATE_ID) if favours else ():
        day = fav.date.toordinal()
        if fav.direction == "given":
            g, r = fav.size, 0
        elif fav.direction == "received":
            g, r = 0, fav.size
        else:
            raise ValueError(f"{contact.name}: favour direction must be given or received")
        favour_days.append(day)
        favour_ids.append(fav.id)
        favour_given.append(g)
        favour_received.append(r)
        if fav.size:
            extra_positive.append((day, float(fav.size)))
            extra_ledger.append((day, g - r))

    # Asks: explicit ones, plus an interaction's ask_outcome when no explicit ask names it.
    asks: list[Ask] = []
    negative: list[tuple[int, float]] = []
    if asks_made or ask_by_interaction:
        named = set()
        for ask in asks_made:
            asks.append((ask.date.toordinal(), ask.id, ask.size, ask.outcome, ask.interaction_id))
            if ask.interaction_id is not None:
                named.add(ask.interaction_id)
        for iid, (day, outcome) in ask_by_interaction.items():
            if iid not in named:
                asks.append((day, None, 1, outcome, iid))
        asks.sort(key=_ask_key)
        penalty = params.trust_negative_weight
        for day, _aid, _size, outcome, _iid in asks:
            if outcome == "helped":
                extra_positive.append((day, 1.0))
            elif outcome == "declined" or outcome == "ignored":
                negative.append((day, penalty))
    if extra_positive:
        extra_positive.sort(key=_first)
    if negative:
        negative.sort(key=_first)

    kin = contact.kin
    return Timeline(
        contact=contact,
        context=ctx,
        cadence=cadence,
        recency_half_life=half,
        window=window,
        expected=window / cadence,
        trust_decay=ctx.trust_kin if kin else ctx.trust,
        initiative_window=(
            params.initiative_window_days_kin if kin else params.initiative_window_days
        ),
        ids=ids,
        kinds=kinds,
        channels=channels,
        depths=depths,
        starters=starters,
        given=given,
        received=received,
        days=days,
        weights=weights,
        estimated_days=estimated_days,
        hour_days=hour_days,
        hour_values=hour_values,
        hour_ids=hour_ids,
        touch_days=touch_days,
        touch_weights=touch_weights,
        touch_ids=touch_ids,
        favour_days=_column("i", favour_days, contact.name),
        favour_ids=_column("q", favour_ids, contact.name),
        favour_given=_column("q", favour_given, contact.name),
        favour_received=_column("q", favour_received, contact.name),
        evidence_days=evidence_days,
        evidence=evidence,
        extra_positive_days=_column("i", [d for d, _ in extra_positive], contact.name),
        extra_positive=_column("d", [a for _, a in extra_positive], contact.name),
        negative_days=_column("i", [d for d, _ in negative], contact.name),
        negative=_column("d", [a for _, a in negative], contact.name),
        ledger_days=ledger_days,
        ledger_net=ledger_net,
        extra_ledger_days=_column("i", [d for d, _ in extra_ledger], contact.name),
        extra_ledger_net=_column("q", [n for _, n in extra_ledger], contact.name),
        their_start_days=their_start_days,
        deep_days=deep_days,
        asks=asks,
    )


def _interaction_columns(
    items: Sequence[InteractionInput], name: str, ctx: Context
) -> tuple[Any, ...] | None:
    """One pass over the interactions; None if they turn out not to be in (date, id) order."""
    params = ctx.params
    kind_channel = ctx.kind_channel
    channel_weight = ctx.channel_weight
    default_minutes = ctx.default_minutes
    free = params.group_free_size
    threshold = params.touch_min_weight
    deep = params.deep_min_depth
    their_share = ctx.their_share

    ids: list[int] = []
    kinds: list[str] = []
    channels: list[str] = []
    depths: list[int] = []
    starters: list[str] = []
    given: list[int] = []
    received: list[int] = []
    days: list[int] = []
    weights: list[float] = []
    estimated_days: list[int] = []
    hour_days: list[int] = []
    hour_values: list[float] = []
    hour_ids: list[int] = []
    touch_days: list[int] = []
    touch_weights: list[float] = []
    touch_ids: list[int] = []
    evidence_days: list[int] = []
    evidence: list[float] = []
    ledger_days: list[int] = []
    ledger_net: list[int] = []
    their_start_days: list[int] = []
    deep_days: list[int] = []
    ask_by_interaction: dict[int, tuple[int, str]] = {}
    add_day = days.append
    add_weight = weights.append
    add_evidence_day = evidence_days.append
    add_evidence = evidence.append

    last_day = -1
    last_id = 0  # only compared once a previous day exists
    last_touch_day = -1
    for it in items:
        day = it.date.toordinal()
        iid = it.id
        if day <= last_day and (day < last_day or iid < last_id):
            return None
        last_day = day
        last_id = iid
        channel = it.channel or kind_channel.get(it.kind)
        w = channel_weight.get(channel) if channel is not None else None
        if w is None:
            raise ValueError(f"{name}: unknown interaction kind/channel {it.kind!r}/{it.channel!r}")
        people = it.people_present
        if people > free:
            w = w * free / people
        add_day(day)
        add_weight(w)
        ids.append(iid)
        kinds.append(it.kind)
        channels.append(channel)  # type: ignore[arg-type]
        depths.append(it.depth)
        starters.append(it.initiated_by)
        given.append(it.favours_given)
        received.append(it.favours_received)
        minutes = it.minutes
        if minutes is None:
            minutes = default_minutes.get(it.kind, 0)
            estimated_days.append(day)
        if minutes > 0:
            hour_days.append(day)
            hour_values.append(minutes / 60 * w)
            hour_ids.append(iid)
        if w >= threshold:
            if day == last_touch_day:
                if w > touch_weights[-1]:
                    touch_weights[-1] = w
                    touch_ids[-1] = iid
            else:
                touch_days.append(day)
                touch_weights.append(w)
                touch_ids.append(iid)
                last_touch_day = day
        them = their_share.get(it.initiated_by, 0.0)
        fg = it.favours_given
        fr = it.favours_received
        amount = them + fg + fr
        if it.depth >= deep:
            amount += 1.0
            deep_days.append(day)
        if amount:
            add_evidence_day(day)
            add_evidence(amount)
        if them:
            their_start_days.append(day)
        if fg != fr:
            ledger_days.append(day)
            ledger_net.append(fg - fr)
        if it.ask_outcome is not None:
            ask_by_interaction[iid] = (day, it.ask_outcome)
    lists: tuple[Any, ...] = (
        ids,
        kinds,
        channels,
        depths,
        starters,
        given,
        received,
        days,
        weights,
        estimated_days,
        hour_days,
        hour_values,
        hour_ids,
        touch_days,
        touch_weights,
        touch_ids,
        evidence_days,
        evidence,
        ledger_days,
        ledger_net,
        their_start_days,
        deep_days,
        ask_by_interaction,
    )
    return tuple(
        values if code is None else _column(code, values, name)
        for code, values in zip(COLUMN_TYPES, lists, strict=True)
    )


def _column(code: str, values: Sequence[Any], name: str) -> array[Any]:
    """`values` as an array of typecode `code`; ValueError naming the person when one is
    not a number of that kind (a fraction in a hand-edited row where the model counts)."""
    if not values:
        return EMPTY_COLUMN[code]
    try:
        return array(code, values)
    except (TypeError, OverflowError) as error:
        raise ValueError(f"{name}: an entry holds a number the model cannot count with ({error})") from error


# One empty array of each type, shared by every column and every piece of evidence with
# nothing in it: most people have no standalone favours, negative evidence or extra
# ledger entries, and at 100,000 people a new empty array for each (80 bytes) was over a
# million of them. Nothing in the model writes into a timeline's arrays or its evidence.
EMPTY_COLUMN: Mapping[str, array[Any]] = MappingProxyType({code: array(code) for code in "iqd"})


def cut_at(column: Any, bounds: Sequence[int], count: int) -> list[Any]:
    """Each of `count` people's part of a column laid end to end, person i's between
    bounds[i] and bounds[i + 1]; an array column's empty parts are the type's shared empty
    array (as `cut` gives)."""
    ends = zip(bounds[:count], bounds[1 : count + 1], strict=True)
    if isinstance(column, array):
        empty = EMPTY_COLUMN[column.typecode]
        return [column[start:stop] if start < stop else empty for start, stop in ends]
    return [column[start:stop] for start, stop in ends]


def cut(column: Any, start: int, stop: int) -> Any:
    """`column[start:stop]`, read-only: the column itself when that is all of it, and the
    type's shared empty array when it is nothing, rather than a copy of either. A list
    column (of names) is sliced as usual."""
    if isinstance(column, array):
        if stop <= start:
            return EMPTY_COLUMN[column.typecode]
        if start <= 0 and stop >= len(column):
            return column
    return column[start:stop]


def _first(pair: tuple[int, Any]) -> int:
    return pair[0]


def _ask_key(ask: Ask) -> tuple[int, int, int]:
    return (ask[0], -1 if ask[1] is None else ask[1], -1 if ask[4] is None else ask[4])
