"""Touch value: what one touch today would buy, in health points tomorrow.

Today ranks the people to get in touch with by it (health-model.md, "Touch value"):
the health a person would have tomorrow if a touch of a given kind were logged today,
minus the health they will have tomorrow without it. The touch is an ordinary
interaction run through the ordinary model, so the figure is exactly what the gauges
would show after logging it.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace

from .contact import compute_contact
from .inputs import ContactLog, InteractionInput
from .parameters import DEFAULTS, Parameters

CALL_MINUTES = 15
IN_PERSON_KINDS = ("meeting", "social")
_TOUCH_ID = -1  # never a stored id: stored ids are positive


@dataclass(frozen=True, slots=True)
class TouchOption:
    """One way to get in touch and what it would do to health tomorrow."""

    kind: str  # call | meeting
    minutes: int
    without: float | None  # health tomorrow if nothing is logged (None: no data)
    after: float  # health tomorrow if this touch is logged today

    @property
    def gain(self) -> float:
        return self.after - (self.without or 0.0)

    @property
    def shown_gain(self) -> int:
        """The gain as the words show it: the difference of the two rounded healths."""
        return round(self.after) - round(self.without or 0.0)

    def words(self) -> str:
        """'a 15-minute call lifts health from 48 to 61'."""
        article = "an" if str(self.minutes)[0] == "8" or self.minutes in (11, 18) else "a"
        touch = f"{article} {self.minutes}-minute {self.kind}"
        if self.without is None:
            return f"{touch} would start their health at {round(self.after)}"
        before, after = round(self.without), round(self.after)
        if after <= before:
            return f"{touch} would not lift health ({before} → {after})"
        return f"{touch} lifts health from {before} to {after}"


@dataclass(frozen=True, slots=True)
class TouchValue:
    contact_id: int
    call: TouchOption  # a 15-minute call
    meeting: TouchOption  # a meeting of the usual length for that person

    @property
    def gain(self) -> float:
        """What the cheapest real touch (the call) buys, exactly: Today's tie-break."""
        return self.call.gain

    def shown(self) -> tuple[str, int]:
        """What a card says one touch buys, and Today's first ranking: the call's rounded
        gain, or the meeting's when a call would not lift health (never below 0)."""
        if self.call.shown_gain > 0:
            return self.call.kind, self.call.shown_gain
        return self.meeting.kind, max(0, self.meeting.shown_gain)


def usual_depth(log: ContactLog, as_of: dt.date, window: int) -> int:
    """The median depth of the last `window` interactions (2, catching up, with none)."""
    past = sorted((i for i in log.interactions if i.date <= as_of), key=lambda i: (i.date, i.id))
    depths = [i.depth for i in past[-window:]]
    return round(_median(depths)) if depths else 2


def usual_meeting_minutes(log: ContactLog, as_of: dt.date, params: Parameters) -> int:
    """The median length of their in-person entries, or the model's default meeting."""
    minutes = [
        i.minutes
        for i in log.interactions
        if i.date <= as_of and i.kind in IN_PERSON_KINDS and i.minutes
    ]
    return round(_median(minutes)) if minutes else params.default_minutes["meeting"]


def _median(values: list[int]) -> float:
    # Imported here: `statistics` brings fractions and decimal (~7 ms), which a command
    # printing one person's figures would load for nothing.
    import statistics

    return statistics.median(values)


def _option(
    log: ContactLog,
    as_of: dt.date,
    params: Parameters,
    kind: str,
    minutes: int,
    depth: int,
    without: float | None,
) -> TouchOption:
    touch = InteractionInput(_TOUCH_ID, as_of, kind, None, minutes, "me", depth, 2, 0, 0, None)
    ordered = sorted([*log.interactions, touch], key=lambda i: (i.date, i.id))
    after = compute_contact(
        replace(log, interactions=ordered), as_of + dt.timedelta(days=1), params
    )
    assert after.score is not None  # the touch itself is data
    return TouchOption(kind, minutes, without, after.score)


def touch_value(log: ContactLog, as_of: dt.date, params: Parameters = DEFAULTS) -> TouchValue:
    """The health tomorrow with a 15-minute call, or a usual meeting, logged today."""
    tomorrow = as_of + dt.timedelta(days=1)
    without = compute_contact(log, tomorrow, params).score
    depth = usual_depth(log, as_of, params.depth_window)
    call = _option(log, as_of, params, "call", CALL_MINUTES, depth, without)
    meeting = _option(
        log, as_of, params, "meeting", usual_meeting_minutes(log, as_of, params), depth, without
    )
    return TouchValue(log.contact.id, call, meeting)
