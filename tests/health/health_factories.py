"""Builders and hypothesis strategies shared by the health-model tests."""

from __future__ import annotations

import dataclasses
import datetime as dt

from hypothesis import strategies as st

from relationship_journal.health import (
    AskInput,
    ContactInput,
    ContactLog,
    FavourInput,
    InteractionInput,
    compute_contact,
)


def replace(value, **changes):  # type: ignore[no-untyped-def]
    """dataclasses.replace for the inputs, whichever kind of record each one is."""
    if hasattr(value, "_replace"):
        return value._replace(**changes)
    return dataclasses.replace(value, **changes)

BASE = dt.date(2024, 1, 1)
SPAN = 900  # generated logs live in [BASE, BASE + SPAN]
END = BASE + dt.timedelta(days=SPAN)
KINDS = ("meeting", "call", "video", "message", "email", "event", "social")
CHANNELS = ("in_person", "video", "call", "voice_note", "message", "email", "reaction")
STARTERS = ("me", "them", "mutual", "unknown")
CIRCLES = (5, 15, 50, 150, 500)


def day(offset: int) -> dt.date:
    return BASE + dt.timedelta(days=offset)


def meeting(iid: int, on: dt.date, **fields) -> InteractionInput:
    """An in-person meeting, two people, an hour, catching up, unless told otherwise."""
    values = {"kind": "meeting", "minutes": 60, "initiated_by": "mutual", "depth": 2}
    values.update(fields)
    return InteractionInput(id=iid, date=on, **values)


def person(cid: int = 1, name: str = "Ada", **fields) -> ContactInput:
    return ContactInput(id=cid, name=name, **fields)


def health(contact: ContactInput, interactions=(), as_of: dt.date = END, favours=(), asks=()):
    return compute_contact(
        ContactLog(contact, list(interactions), list(favours), list(asks)), as_of
    )


def scores(result) -> dict[str, float]:
    return {c.name: c.score for c in result.components}


# --- hypothesis strategies -------------------------------------------------------------

_interaction = st.builds(
    InteractionInput,
    id=st.just(0),
    date=st.integers(0, SPAN).map(day),
    kind=st.sampled_from(KINDS),
    channel=st.one_of(st.none(), st.none(), st.sampled_from(CHANNELS)),
    minutes=st.one_of(st.none(), st.integers(0, 240)),
    initiated_by=st.sampled_from(STARTERS),
    depth=st.integers(1, 5),
    people_present=st.one_of(st.just(2), st.integers(2, 12)),
    favours_given=st.integers(0, 3),
    favours_received=st.integers(0, 3),
    ask_outcome=st.one_of(
        st.none(), st.none(), st.none(), st.sampled_from(("helped", "declined", "ignored", "open"))
    ),
)


def interaction_lists(min_size: int = 0, max_size: int = 20):
    """Lists of interactions with unique ids (ids are assigned in a shuffled order)."""
    return st.lists(_interaction, min_size=min_size, max_size=max_size).flatmap(
        lambda items: st.permutations(range(1, len(items) + 1)).map(
            lambda ids: [replace(it, id=i) for it, i in zip(items, ids, strict=True)]
        )
    )


contacts = st.builds(
    ContactInput,
    id=st.just(1),
    name=st.just("Ada"),
    circle=st.sampled_from(CIRCLES),
    cadence_days=st.one_of(st.none(), st.none(), st.integers(1, 400)),
    kin=st.booleans(),
    calibre=st.one_of(st.none(), st.integers(1, 5)),
)

favour_lists = st.lists(
    st.builds(
        FavourInput,
        id=st.just(0),
        date=st.integers(0, SPAN).map(day),
        direction=st.sampled_from(("given", "received")),
        size=st.integers(0, 3),
    ),
    max_size=4,
).map(lambda favs: [replace(f, id=i + 1) for i, f in enumerate(favs)])

ask_lists = st.lists(
    st.builds(
        AskInput,
        id=st.just(0),
        date=st.integers(0, SPAN).map(day),
        size=st.integers(1, 3),
        outcome=st.sampled_from(("open", "helped", "declined", "ignored")),
        interaction_id=st.one_of(st.none(), st.integers(1, 20)),
    ),
    max_size=3,
).map(lambda asks: [replace(a, id=i + 1) for i, a in enumerate(asks)])


@st.composite
def logs(draw, min_size: int = 0, max_size: int = 20) -> ContactLog:
    return ContactLog(
        draw(contacts),
        draw(interaction_lists(min_size, max_size)),
        draw(favour_lists),
        draw(ask_lists),
    )


@st.composite
def steady_logs(draw) -> ContactLog:
    """A friend seen fairly regularly and deeply: health usually starts above 50."""
    count = draw(st.integers(3, 24))
    gap = draw(st.sampled_from((7, 14, 30, 60)))
    jitter = draw(st.lists(st.integers(0, 5), min_size=count, max_size=count))
    last = SPAN - draw(st.integers(0, 20))
    items = []
    for j in range(count):
        offset = last - j * gap - jitter[j]
        if offset < 0:
            break
        items.append(
            InteractionInput(
                id=j + 1,
                date=day(offset),
                kind=draw(
                    st.sampled_from(("meeting", "meeting", "call", "video", "message", "social"))
                ),
                minutes=draw(st.one_of(st.none(), st.integers(20, 240))),
                initiated_by=draw(st.sampled_from(STARTERS)),
                depth=draw(st.integers(2, 5)),
                favours_given=draw(st.integers(0, 2)),
                favours_received=draw(st.integers(0, 1)),
            )
        )
    contact = ContactInput(
        id=1,
        name="Ada",
        circle=draw(st.sampled_from((5, 15, 50, 150))),
        kin=draw(st.booleans()),
    )
    return ContactLog(contact, items, draw(favour_lists), ())
