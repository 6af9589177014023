"""The window's whole-network reading, kept beside the journal for the state it came from.

At 10,000 people reading and evaluating the network takes seconds; opening the window
again on the same day, with nothing written meanwhile, would compute exactly the same
objects. So the window keeps its reading (`journal.figures_cache`: keyed by the digest
of the journal's bytes, the day, the model's parameters and the code) and the next
window on that state reads it back instead, in a fraction of the time. Any write, a
new day or other parameters make another key: the log stays the only truth.

The entry is a pickle, which can build any object its text names: so it is read with an
unpickler that builds only the health model's own classes, the day type and the hooks
below, and refuses anything else (the folder is the user's own, 0700, like the journal).
The parameters and the model's context are never stored: the reader's own are put back.
The month-by-month history of depth and breadth is kept beside it, keyed by the same
state, as plain JSON.
"""

from __future__ import annotations

import array
import copyreg
import dataclasses
import datetime as dt
import hashlib
import json
import pickle
from collections.abc import Callable, Sequence
from itertools import accumulate
from types import MappingProxyType
from typing import TYPE_CHECKING, Any, BinaryIO

from relationship_journal.health import ContactHealth, Parameters, Timeline
from relationship_journal.health.context import Context, context_for
from relationship_journal.health.decay import Decay
from relationship_journal.health.outputs import AskCheck
from relationship_journal.health.parameters import _frozen
from relationship_journal.health.timeline import EMPTY_COLUMN, cut_at
from relationship_journal.journal import figures_cache
from relationship_journal.journal.health_inputs import gc_paused
from relationship_journal.journal.network_reading import NetworkReading
from relationship_journal.journal.pacing import give_way

if TYPE_CHECKING:
    from relationship_journal.journal.core import Journal

READING = "network-reading"
HISTORY = "network-history"
_MODEL_PACKAGE = "relationship_journal.health"
_DECAYS = ("investment", "giving", "trust", "trust_kin")  # a context's decay tables
_PIECE = 250  # people per piece: reading one back holds the interpreter ~10 ms

# States of the journal a reading in this process is proven to come from: its digest was
# the same when the reading was kept as when it began, or when it was read back. Figures
# derived from such a reading (its history) stand for that state without another digest.
_proven: set[str] = set()


def read(
    journal: Journal,
    as_of: dt.date,
    params: Parameters,
    compute: Callable[[], NetworkReading],
    recent: NetworkReading | None = None,
) -> NetworkReading:
    """`recent` (a reading of the same day with the same parameters) or the kept reading
    if it was made from the journal exactly as it is now, else `compute()`'s, marked with
    the state the journal had when it began (for `keep`)."""
    cache = _reading_cache(journal, as_of, params)
    if cache is None:
        return compute()
    if recent is not None and recent.state is not None and recent.state == cache.measure():
        return recent
    reading = cache.read(lambda kept: _load(kept, params))
    if reading is not None and reading.as_of == as_of:
        _proven.add(cache.measure())
        return dataclasses.replace(reading, state=cache.state)
    return dataclasses.replace(compute(), state=cache.state)


def keep(journal: Journal, reading: NetworkReading, params: Parameters) -> bool:
    """Keep `reading` for the next window, if the journal's bytes are still those it was
    read from (True if kept, or kept already)."""
    if reading.state is None:
        return False
    cache = _reading_cache(journal, reading.as_of, params, reading.state)
    if cache is None:
        return False
    try:
        kept = cache.holds() or cache.write(lambda out: _dump(reading, out))
    except Exception:  # keeping only saves the next window time: it never fails this one
        return False
    if kept:
        _proven.add(reading.state)
    return kept


def kept_history(
    journal: Journal, state: str | None, as_of: dt.date, params: Parameters, months: int
) -> list[tuple[dt.date, int, int, int]] | None:
    """(day, breadth, depth, trusted) at each month end, kept from timelines of `state`."""
    cache = _history_cache(journal, state, as_of, params, months)
    text = cache.get() if cache is not None else None
    if text is None:
        return None
    try:
        return [(dt.date.fromisoformat(day), int(b), int(d), int(t)) for day, b, d, t in json.loads(text)]
    except (ValueError, TypeError):
        return None


def keep_history(
    journal: Journal,
    state: str | None,
    as_of: dt.date,
    params: Parameters,
    moments: Sequence[tuple[dt.date, int, int, int]],
) -> bool:
    """Keep the history computed from timelines of `state`: if their reading is proven to
    be of that state, or else if the journal still has it."""
    cache = _history_cache(journal, state, as_of, params, len(moments))
    if cache is None:
        return False
    text = json.dumps([(day.isoformat(), b, d, t) for day, b, d, t in moments])
    return cache.put(text, proven=state in _proven)


def _reading_cache(
    journal: Journal, as_of: dt.date, params: Parameters, state: str | None = None
) -> figures_cache.FiguresCache | None:
    options = [as_of.isoformat(), _digest(params)]
    return figures_cache.for_journal(journal, READING, options, state, suffix=".pickle")


def _history_cache(
    journal: Journal, state: str | None, as_of: dt.date, params: Parameters, months: int
) -> figures_cache.FiguresCache | None:
    if state is None:
        return None
    options = [as_of.isoformat(), _digest(params), str(months)]
    return figures_cache.for_journal(journal, HISTORY, options, state)


def _digest(params: Parameters) -> str:
    """The parameters' values (a read-only mapping's repr lists its items in order)."""
    return hashlib.sha1(repr(params).encode("utf-8"), usedforsecurity=False).hexdigest()


# -- the pickle ---------------------------------------------------------------------------
def _params() -> Parameters:
    """Stands for the parameters in the stored text; the reader puts its own in its place."""
    raise pickle.UnpicklingError("the parameters come from the reader")


def _decay_of(context: Context, name: str) -> Decay:
    """A context's decay table, by name: the reader's own context's, never a copy."""
    if name not in _DECAYS:
        raise pickle.UnpicklingError(f"no decay table {name!r}")
    table: Decay = getattr(context, name)
    return table


def _ask_check(name: str, passed: bool, detail: str, action: str | None) -> AskCheck:
    """Stands for an ask check in the stored text; the reader makes each one once."""
    raise pickle.UnpicklingError("ask checks are made by the reader")


def _ask_checks(made: dict[tuple[Any, ...], AskCheck]) -> Callable[..., AskCheck]:
    """`_ask_check` for one reading's load: the model shares one check among everyone it
    fits (contact.evaluate's memo), and so does the reading read back (each piece was a
    copy of its own: 30 MiB more at 100,000 people)."""

    def ask_check(*fields: Any) -> AskCheck:
        found = made.get(fields)
        if found is None:
            found = made[fields] = AskCheck(*fields)
        return found

    return ask_check


def _dump(reading: NetworkReading, out: BinaryIO) -> None:
    """The reading without its parameters and context (they are the reader's at load), a
    piece at a time: one `dump` of the whole holds the interpreter for half a second."""
    context = reading.timelines[0].context if reading.timelines else None
    decays = {id(getattr(context, name)): name for name in _DECAYS} if context else {}

    def decay(table: Decay) -> tuple[Any, ...]:
        name = decays.get(id(table))
        if name is None:  # a table of no context: its two numbers make it again
            return Decay, (table.base, table.period)
        return _decay_of, (context, name)

    pickler = pickle.Pickler(out, protocol=pickle.HIGHEST_PROTOCOL)
    pickler.dispatch_table = copyreg.dispatch_table | {
        Parameters: lambda _params_object: (_params, ()),
        Context: lambda context: (context_for, (context.params,)),
        Decay: decay,
        MappingProxyType: lambda mapping: (_frozen, (dict(mapping),)),
        AskCheck: lambda check: (_ask_check, (check.name, check.passed, check.detail, check.action)),
    }
    contacts, timelines = reading.network.contacts, reading.timelines
    bare = dataclasses.replace(reading, network=dataclasses.replace(reading.network, contacts=()),
                               timelines=(), state=None)
    pickler.dump((bare, len(contacts), len(timelines)))

    def dump(piece: object) -> None:
        give_way()
        # Each piece is a pickle of its own: a memo over the whole reading held every
        # object's id and state at once (gigabytes at 100,000 people). What pieces
        # share comes back shared all the same: the model's context, through its hooks.
        pickler.clear_memo()
        pickler.dump(piece)

    for start in range(0, len(timelines), _PIECE):
        dump(_packed(timelines[start : start + _PIECE]))
    # The people's figures after the timelines, so that evidence which is a timeline's
    # column, or the shared empty one, is written as a reference to it (`_evidence_refs`).
    number_of = {timeline.contact.id: number for number, timeline in enumerate(timelines)}
    for start in range(0, len(contacts), _PIECE):
        piece = contacts[start : start + _PIECE]
        pickler.persistent_id = _evidence_refs(piece, timelines, number_of)  # type: ignore[method-assign]
        dump(piece)


# The timeline columns a person's evidence may be all of (contact.evaluate's `cut`s).
_EVIDENCE_COLUMNS = ("ids", "touch_ids", "hour_ids", "favour_ids")


def _evidence_refs(
    piece: Sequence[ContactHealth], timelines: Sequence[Timeline], number_of: dict[int, int]
) -> Callable[[object], str | int | None]:
    """The pickler's persistent id of each column a piece's evidence may share: the
    typecode for the shared empty array of that type, and for a timeline's column the
    number timeline number · 4 + the column's place in `_EVIDENCE_COLUMNS` (a number is
    quick to read back: there are several per person); None for anything else.
    Evidence pickled as a copy came back as one: 50 MiB more in a window that read its
    network back at 100,000 people."""
    ids: dict[int, str | int] = {id(empty): code for code, empty in EMPTY_COLUMN.items()}
    for health in piece:
        number = number_of.get(health.contact_id)
        if number is not None:
            for place, name in enumerate(_EVIDENCE_COLUMNS):
                column = getattr(timelines[number], name)
                if column:
                    ids[id(column)] = number * len(_EVIDENCE_COLUMNS) + place

    def reference(item: object) -> str | int | None:
        return ids.get(id(item)) if type(item) is array.array else None

    return reference


# A timeline's columns of numbers (its `array` fields) and the rest, by name.
_COLUMNS = tuple(f.name for f in dataclasses.fields(Timeline) if str(f.type).startswith("array["))
_OTHERS = tuple(f.name for f in dataclasses.fields(Timeline) if f.name not in _COLUMNS)


def _packed(timelines: Sequence[Timeline]) -> tuple[array.array[int], list[array.array[Any]], list[tuple[Any, ...]]]:
    """A piece of timelines as one array per column, each timeline's numbers after the
    last one's, with their lengths, and each timeline's other fields: an array pickles
    as its bytes, but twenty-two small ones per person cost more to rebuild than the numbers."""
    lengths = array.array("q")
    joined: list[array.array[Any]] = []
    for name in _COLUMNS:
        column = array.array(getattr(timelines[0], name).typecode)
        for timeline in timelines:
            values = getattr(timeline, name)
            column.extend(values)  # refuses an array of another type
            lengths.append(len(values))
        joined.append(column)
    return lengths, joined, [tuple(getattr(t, name) for name in _OTHERS) for t in timelines]


def _unpacked(packed: Any) -> list[Timeline]:
    """The timelines `_packed` made (ValueError if `packed` is not of its making)."""
    lengths, joined, others = packed
    count = len(others)
    if len(joined) != len(_COLUMNS) or len(lengths) != count * len(_COLUMNS):
        raise ValueError("not a piece of timelines")
    cuts = []
    for number, column in enumerate(joined):
        bounds = [0, *accumulate(lengths[number * count : (number + 1) * count])]
        if bounds[-1] != len(column):
            raise ValueError("a column of another length")
        cuts.append(cut_at(column, bounds, count))
    names = _OTHERS + _COLUMNS
    return [
        Timeline(**dict(zip(names, other + columns, strict=True)))
        for other, columns in zip(others, zip(*cuts, strict=True), strict=True)
    ]


class _ModelUnpickler(pickle.Unpickler):
    """Builds only the health model's classes, days, and this module's hooks; evidence
    that refers to a column takes it from `timelines` (read before the figures)."""

    def __init__(
        self,
        kept: BinaryIO,
        params: Parameters,
        timelines: Sequence[Timeline] = (),
        ask_checks: dict[tuple[Any, ...], AskCheck] | None = None,
    ) -> None:
        super().__init__(kept)
        self._params = params
        self._timelines = timelines
        self._ask_checks = {} if ask_checks is None else ask_checks

    def persistent_load(self, pid: Any) -> Any:
        """The column `_evidence_refs` wrote `pid` for."""
        if type(pid) is int and 0 <= pid < len(self._timelines) * len(_EVIDENCE_COLUMNS):
            number, place = divmod(pid, len(_EVIDENCE_COLUMNS))
            return getattr(self._timelines[number], _EVIDENCE_COLUMNS[place])
        if type(pid) is str and pid in EMPTY_COLUMN:
            return EMPTY_COLUMN[pid]
        raise pickle.UnpicklingError(f"no column {pid!r} to refer to")

    def find_class(self, module: str, name: str) -> Any:
        if (module, name) == (__name__, "_params"):
            # Not `lambda: self._params`: the unpickler's memo would hold a closure over the
            # unpickler, a cycle that the paused collector never frees (and `gc.freeze`
            # then keeps for good), and with it every object of the piece it read.
            params = self._params
            return lambda: params
        if (module, name) == (__name__, "_decay_of"):
            return _decay_of
        if (module, name) == (__name__, "_ask_check"):
            return _ask_checks(self._ask_checks)  # over the dict, not the unpickler (above)
        if (module, name) in _ALLOWED:
            return _ALLOWED[(module, name)]
        if module == _MODEL_PACKAGE or module.startswith(_MODEL_PACKAGE + "."):
            found = super().find_class(module, name)
            if isinstance(found, type):
                return found
        raise pickle.UnpicklingError(f"a kept reading may not hold {module}.{name}")


_ALLOWED: dict[tuple[str, str], Any] = {
    ("datetime", "date"): dt.date,
    # A timeline's columns: an array pickles as its type, typecode and bytes.
    ("array", "array"): array.array,
    ("array", "_array_reconstructor"): array._array_reconstructor,  # type: ignore[attr-defined]
    ("relationship_journal.journal.network_reading", "NetworkReading"): NetworkReading,
    ("relationship_journal.health.context", "context_for"): context_for,
    ("relationship_journal.health.parameters", "_frozen"): _frozen,
}


def _load(kept: BinaryIO, params: Parameters) -> NetworkReading | None:
    """The kept reading, or None if it cannot be read (the next reading replaces it)."""
    try:
        with gc_paused():  # a million small objects, no cycles: see health_inputs.gc_paused
            bare, contact_count, timeline_count = _ModelUnpickler(kept, params).load()
            if not isinstance(bare, NetworkReading):
                return None
            timelines: list[Timeline] = []
            while len(timelines) < timeline_count:
                give_way()
                timelines.extend(_unpacked(_ModelUnpickler(kept, params).load()))  # a pickle a piece
            contacts: list[Any] = []
            ask_checks: dict[tuple[Any, ...], AskCheck] = {}
            while len(contacts) < contact_count:
                give_way()
                contacts.extend(_ModelUnpickler(kept, params, timelines, ask_checks).load())
    except Exception:  # whatever stops it (a cut file, an old layout): only a miss
        return None
    if not all(isinstance(c, ContactHealth) for c in contacts):
        return None  # a file of the right key but not of our making (timelines: `_unpacked`)
    network = dataclasses.replace(bare.network, contacts=tuple(contacts))
    return dataclasses.replace(bare, network=network, timelines=tuple(timelines))
