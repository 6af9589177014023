"""The plain data the health model reads; the journal layer builds these from the database.

How the ledgers enter the model (decided here, once):

* An `InteractionInput` is one interaction *as seen from one contact's timeline*: a dinner
  with three people becomes three inputs sharing an id, each carrying the favours that
  passed between me and that person in it (`favours_given` / `favours_received` are sums
  of favour sizes).
* A `FavourInput` is a favour *not* tied to an interaction. It counts exactly like a favour
  logged on an interaction of the same date: in trust evidence, in the giving balance
  used by ask readiness, and in reciprocity when its date falls inside the reciprocity
  window (on or after the oldest of the last 12 interactions; all of them when there are
  fewer than 12). It is never a touch: it moves no recency, frequency or investment.
* An `AskInput` is something I asked. An interaction's `ask_outcome` is a shorthand for an
  ask made in it: it is used only when no `AskInput` names that interaction through
  `interaction_id`, so an ask is never counted twice. Asks feed trust (helped: +1
  evidence, declined or ignored: 3 against) and the "no open ask" check of ask readiness.
  A helped ask is not a favour received by itself: log the help as a favour if it should
  enter the ledger.
* `initiated_by == "mutual"` counts as half an initiative for each side, in reciprocity and
  in trust evidence; for the connection gate "they initiated at least once" a mutual
  start counts (they took part in starting it). "unknown" counts for nobody.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import NamedTuple

KINDS: frozenset[str] = frozenset(
    {"meeting", "call", "video", "message", "email", "event", "social"}
)
CHANNELS: frozenset[str] = frozenset(
    {"in_person", "video", "call", "voice_note", "message", "email", "reaction"}
)
INITIATORS: frozenset[str] = frozenset({"me", "them", "mutual", "unknown"})
ASK_OUTCOMES: frozenset[str] = frozenset({"open", "helped", "declined", "ignored"})


@dataclass(frozen=True, slots=True)
class ContactInput:
    """A person's settings that shape the expectations (circle, cadence, kin)."""

    id: int
    name: str
    circle: int = 150  # 5, 15, 50, 150 or 500
    cadence_days: int | None = None
    kin: bool = False
    calibre: int | None = None  # the user's rating of the person (1-5), never of the tie


class InteractionInput(NamedTuple):
    """One interaction on one contact's timeline.

    A named tuple rather than a frozen dataclass: the journal builds 300,000 of these to
    score a large network, and a tuple is built in a third of the time.
    """

    id: int
    date: dt.date
    kind: str  # meeting | call | video | message | email | event | social
    channel: str | None = None  # overrides the channel derived from kind
    minutes: int | None = None  # None: a per-kind default, flagged as estimated
    initiated_by: str = "unknown"  # me | them | mutual | unknown
    depth: int = 2  # 1 small talk .. 5 support in a hard moment
    people_present: int = 2  # including me
    favours_given: int = 0
    favours_received: int = 0
    ask_outcome: str | None = None  # helped | declined | ignored | open


@dataclass(frozen=True, slots=True)
class FavourInput:
    """A favour not tied to any interaction."""

    id: int
    date: dt.date
    direction: str  # given | received
    size: int = 1  # 0-3


@dataclass(frozen=True, slots=True)
class AskInput:
    """Something I asked of the person, and how they answered."""

    id: int
    date: dt.date
    size: int = 1  # 1-3
    outcome: str = "open"  # open | helped | declined | ignored
    interaction_id: int | None = None


@dataclass(frozen=True, slots=True)
class ContactLog:
    """Everything the model needs about one contact."""

    contact: ContactInput
    interactions: Sequence[InteractionInput] = ()
    favours: Sequence[FavourInput] = ()
    asks: Sequence[AskInput] = field(default=())
