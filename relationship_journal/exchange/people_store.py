"""The people a file brings, held packed: one bytes object per person, unpacked on demand.

A vCard of 100,000 people read into dataclasses needs some 4 kB of Python objects per
person (a string, a tuple or a dataclass for every value), twice the file itself, and
an import keeps them from the preview to the write. Packed with `marshal` a person
costs little more than their text, so a big import stays within a fixed budget;
unpacking one takes microseconds, which the matching and the write pay once each.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import marshal
import tempfile
import threading
import zlib
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import Any, TypeVar, overload

from relationship_journal.exchange.records import ImportedPerson
from relationship_journal.journal.records import (
    Address,
    Birthday,
    ContactFields,
    Labelled,
    YearlyDate,
)

T = TypeVar("T")
# Past this many bytes of people a store compresses each one (a zlib stream starts with
# "x", which a packed tuple never does): names and notes take some 40% less, at a few
# microseconds a person, paid only by imports too big for that to matter.
COMPRESS_FROM = 16 * 1024 * 1024
_COMPRESSED = b"x"
_ADDRESS = ("label", "street", "city", "region", "postcode", "country", "po_box", "extended")
# Labels repeat ("work", "home", "mobile") in every card: one string each, not one per line.
_labels: dict[str, str] = {}


def _label(label: str | None) -> str | None:
    if label is None or len(_labels) > 1000:  # a file of made-up labels is not worth sharing
        return label
    return _labels.setdefault(label, label)


def _labelled(items: tuple[Labelled, ...]) -> Any:
    return tuple((item.value, item.label) for item in items)


# How the fields that are not plain str, int, bool or None are packed (`unpack` reverses each).
_PACKERS: dict[str, Callable[[Any], Any]] = {
    "birthday": lambda b: (b.month, b.day, b.year) if b else None,
    "met_on": lambda d: d.toordinal() if d else None,
    "emails": _labelled,
    "phones": _labelled,
    "urls": _labelled,
    "important_dates": lambda dates: tuple((d.label, d.month, d.day, d.year) for d in dates),
    "addresses": lambda addresses: tuple(
        tuple(getattr(a, part) for part in _ADDRESS) for a in addresses
    ),
}
# ContactFields' fields in their order, so a person is rebuilt by position (faster than by
# name, and an import unpacks everyone twice: to match them and to write them).
_FIELDS = tuple(f.name for f in dataclasses.fields(ContactFields))
_PACKED_AT = tuple((place, _PACKERS[name]) for place, name in enumerate(_FIELDS) if name in _PACKERS)
_LABELLED_AT = tuple(_FIELDS.index(name) for name in ("emails", "phones", "urls"))
_BIRTHDAY_AT, _MET_ON_AT = _FIELDS.index("birthday"), _FIELDS.index("met_on")
_DATES_AT, _ADDRESSES_AT = _FIELDS.index("important_dates"), _FIELDS.index("addresses")
_NAME_AT = _FIELDS.index("display_name")


def pack(person: ImportedPerson) -> bytes:
    """One person as a compact bytes object (`unpack` gives them back equal)."""
    values = [getattr(person.fields, name) for name in _FIELDS]
    for place, packer in _PACKED_AT:
        values[place] = packer(values[place])
    return marshal.dumps(
        (person.position, person.source_id, person.notes, person.related, tuple(values))
    )


def unpack(blob: bytes) -> ImportedPerson:
    """The person `pack` packed, field by field (written out: a loop of converters was slower)."""
    if blob[:1] == _COMPRESSED:
        blob = zlib.decompress(blob)
    position, source_id, notes, related, packed = marshal.loads(blob)
    values = list(packed)
    for place in _LABELLED_AT:
        values[place] = tuple([Labelled(value, _label(label)) for value, label in values[place]])
    if values[_BIRTHDAY_AT]:
        values[_BIRTHDAY_AT] = Birthday(*values[_BIRTHDAY_AT])
    if values[_MET_ON_AT]:
        values[_MET_ON_AT] = dt.date.fromordinal(values[_MET_ON_AT])
    values[_DATES_AT] = tuple([YearlyDate(*d) for d in values[_DATES_AT]])
    values[_ADDRESSES_AT] = tuple([Address(*a) for a in values[_ADDRESSES_AT]])
    return ImportedPerson(position, ContactFields(*values), source_id, notes, related)


class _Spill:
    """Photos set aside in an unnamed temporary file (0600, gone when closed) while an
    import is previewed: a file of 200 MB can hold 150 MB of photos, too many to keep in
    memory. Only photos go there, never names or notes."""

    def __init__(self) -> None:
        self._file = tempfile.TemporaryFile(prefix="rj-import-")  # noqa: SIM115 - lives as long as the import
        self._lock = threading.Lock()
        self._end = 0

    def put(self, data: bytes) -> tuple[int, int]:
        with self._lock:
            self._file.seek(self._end)
            self._file.write(data)
            where, self._end = self._end, self._end + len(data)
        return where, len(data)

    def get(self, where: int, size: int) -> bytes:
        with self._lock:
            self._file.seek(where)
            return self._file.read(size)


class People(Sequence[ImportedPerson]):
    """A list of people, packed; reads like a list, `append` and `extend` add to it.

    `prepare` runs on each person as they are added (the import makes photos small
    there, so a full-size photo is never held); photos wait in a temporary file.
    """

    def __init__(
        self,
        people: Iterable[ImportedPerson] = (),
        prepare: Callable[[ImportedPerson], ImportedPerson] | None = None,
    ) -> None:
        self._packed: list[bytes] = []
        # Place in the list -> where that person's photo is set aside.
        self._photos: dict[int, tuple[_Spill, int, int]] = {}
        self._spill: _Spill | None = None
        self._bytes = 0
        self.prepare = prepare
        self.related = 0  # how many name someone they know (vCard RELATED)
        self.extend(people)

    def append(self, person: ImportedPerson) -> None:
        if self.prepare is not None:
            person = self.prepare(person)
        photo = person.fields.photo
        if photo:
            if self._spill is None:
                self._spill = _Spill()
            self._photos[len(self._packed)] = (self._spill, *self._spill.put(photo))
            person = dataclasses.replace(
                person, fields=dataclasses.replace(person.fields, photo=None)
            )
        blob = pack(person)
        if self._bytes > COMPRESS_FROM:
            blob = zlib.compress(blob, 1)
        self._bytes += len(blob)
        self._packed.append(blob)
        self.related += bool(person.related)

    def extend(self, people: Iterable[ImportedPerson]) -> None:
        if isinstance(people, People) and self.prepare is None:
            # Already packed (and prepared): shared, not copied.
            base = len(self._packed)
            self._photos.update((base + place, where) for place, where in people._photos.items())
            self._packed += people._packed
            self._bytes += people._bytes
            self.related += people.related
            return
        for person in people:
            self.append(person)

    def identities(self) -> Iterator[tuple[str | None, str, tuple[tuple[str, str], ...]]]:
        """(source id, name, who they know) of each person, the rest left packed: linking
        vCard RELATED reads just these, for everyone in the file."""
        for blob in self._packed:
            if blob[:1] == _COMPRESSED:
                blob = zlib.decompress(blob)
            _position, source_id, _notes, related, values = marshal.loads(blob)
            yield source_id, values[_NAME_AT], related

    def _person(self, place: int) -> ImportedPerson:
        person = unpack(self._packed[place])
        where = self._photos.get(place)
        if where is None:
            return person
        spill, offset, size = where
        fields = dataclasses.replace(person.fields, photo=spill.get(offset, size))
        return dataclasses.replace(person, fields=fields)

    def __len__(self) -> int:
        return len(self._packed)

    @overload
    def __getitem__(self, index: int) -> ImportedPerson: ...
    @overload
    def __getitem__(self, index: slice) -> list[ImportedPerson]: ...
    def __getitem__(self, index: int | slice) -> ImportedPerson | list[ImportedPerson]:
        if isinstance(index, slice):
            return [self._person(place) for place in range(*index.indices(len(self)))]
        if index < 0:
            index += len(self._packed)
        if not 0 <= index < len(self._packed):
            raise IndexError("person index out of range")
        return self._person(index)

    def __iter__(self) -> Iterator[ImportedPerson]:
        if not self._photos:
            return map(unpack, self._packed)
        return map(self._person, range(len(self._packed)))

    def __eq__(self, other: object) -> bool:
        if isinstance(other, Sequence):
            return len(self) == len(other) and all(a == b for a, b in zip(self, other, strict=True))
        return NotImplemented

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        return f"People({len(self)} packed)"


class Packed(Sequence[T]):
    """A list of flat frozen records (str, int, None and tuples of those), packed one by one.

    An import's preview has a decision per record; a 100,000-card file's decisions as
    objects are a hundred megabytes, packed a third of that. `counted` tallies one
    field as records are added, so counting them does not unpack them all.
    """

    def __init__(self, kind: Callable[..., T], fields: Sequence[str], counted: str) -> None:
        self._kind, self._fields, self._counted_field = kind, tuple(fields), counted
        self._packed: list[bytes] = []
        self.counted: Counter[Any] = Counter()

    def append(self, record: T) -> None:
        self._packed.append(marshal.dumps(tuple(getattr(record, f) for f in self._fields)))
        self.counted[getattr(record, self._counted_field)] += 1

    def __len__(self) -> int:
        return len(self._packed)

    @overload
    def __getitem__(self, index: int) -> T: ...
    @overload
    def __getitem__(self, index: slice) -> list[T]: ...
    def __getitem__(self, index: int | slice) -> T | list[T]:
        if isinstance(index, slice):
            return [self._kind(*marshal.loads(blob)) for blob in self._packed[index]]
        return self._kind(*marshal.loads(self._packed[index]))

    def __iter__(self) -> Iterator[T]:
        kind = self._kind
        return (kind(*marshal.loads(blob)) for blob in self._packed)

    def __repr__(self) -> str:
        return f"Packed({len(self)} {getattr(self._kind, '__name__', 'records')})"
