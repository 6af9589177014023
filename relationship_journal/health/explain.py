"""One sentence per gauge, in words a person understands.

Each sentence names the evidence behind the number ("Last in-person meeting 41 days
ago; your cadence for this circle is 30 days"), so nobody has to trust a black box.
"""

from __future__ import annotations

import datetime as dt

from .windows import last_entries

CHANNEL_LABEL = {
    "in_person": "in-person meeting",
    "video": "video call",
    "call": "call",
    "voice_note": "voice note",
    "message": "message",
    "email": "email",
    "reaction": "reaction",
}


KIND_LABEL = {
    "meeting": "in-person meeting",
    "social": "social get-together",
    "event": "event",
    "call": "call",
    "video": "video call",
    "message": "message",
    "email": "email",
}


def entry_label(kind: str, channel: str | None, group: bool) -> str:
    """The entry as the person logged it ("event", "call"); the channel only when the
    entry overrides its kind's ("call, as a voice note")."""
    label = KIND_LABEL.get(kind, kind)
    if channel is not None:
        label = f"{label}, as a {CHANNEL_LABEL.get(channel, channel)}"
    return f"group {label}" if group else label


def ago(days: int) -> str:
    if days == 0:
        return "today"
    if days == 1:
        return "yesterday"
    return f"{days} days ago"


def cadence_phrase(cadence: int, custom: bool, kin: bool) -> str:
    whose = "this person" if custom else "this circle"
    text = f"your cadence for {whose} is {cadence} days"
    if kin:
        text += " (family fades half as fast)"
    return text


def on_day(day: dt.date, delta: int) -> str:
    """'28 Nov 2026, 3 days ago' — the day itself, so the entry can be found."""
    return f"{day.day} {day:%b %Y}, {ago(delta)}"


def recency_text(
    label: str | None,
    delta: int,
    latest: bool,
    cadence_text: str,
    day: dt.date | None = None,
    later: tuple[str, int] | None = None,
) -> str:
    """Names the entry recency used (`label` from `entry_label`); when a later but
    lighter entry exists (`later`: its label and days ago), says why that one counts less."""
    if label is None:
        return f"No contact logged yet; {cadence_text}."
    when = on_day(day, delta) if day is not None else ago(delta)
    if latest or later is None:
        return f"Last contact: {label} on {when}; {cadence_text}."
    later_label, later_delta = later
    return (
        f"Counts the {label} on {when}: it outweighs the later {later_label} "
        f"({ago(later_delta)}), which carries less weight; {cadence_text}."
    )


def frequency_text(count: int, total: float, window: int, expected: float, cadence: int) -> str:
    if count == 0:
        return f"No touches in the last {window} days; one every {cadence} days would make {expected:.0f}."
    touches = "touch" if count == 1 else "touches"
    return (
        f"{count} {touches} in the last {window} days, worth {total:.1f} after channel weights, "
        f"against {expected:.0f} at one every {cadence} days."
    )


def consistency_text(gaps: int, burstiness: float | None) -> str:
    if burstiness is None:
        return "Too few touches to judge how regular contact is (three are needed), so it counts as neutral."
    if burstiness < -0.3:
        word = "very regular"
    elif burstiness < 0.0:
        word = "fairly regular"
    elif burstiness < 0.3:
        word = "irregular"
    else:
        word = "bursty: long silences between clusters"
    return (
        f"The gaps between your last {gaps + 1} touches are {word} (burstiness {burstiness:+.2f})."
    )


def depth_text(count: int, mean: float) -> str:
    if count == 0:
        return "No conversations logged yet."
    return (
        f"Depth {mean:.1f} of 5 on average {last_entries(count)} "
        "(1 small talk, 3 personal, 5 support in a hard moment)."
    )


def reciprocity_text(count: int, me: float, them: float, given: int, received: int) -> str:
    if count == 0:
        return "Nothing logged yet to judge give and take."
    return (
        f"{last_entries(count).capitalize()}: they started {them:g} and you {me:g}; "
        f"favours given {given}, received {received}."
    )


def investment_text(hours: float, estimated: int) -> str:
    amount = f"{hours:.1f}" if hours < 10 else f"{hours:.0f}"
    text = (
        f"About {amount} effective hours together (older time counts less); "
        "50 h makes a casual friend, 200 h a close one."
    )
    if estimated:
        entries = "entry" if estimated == 1 else "entries"
        text += f" Includes {estimated} {entries} without a duration, estimated."
    return text


def fade_cause_text(cause: str, before: float, after: float, days: int) -> str:
    if cause == "recency":
        what = f"after {days} days without contact recency falls"
    elif cause == "frequency":
        what = "touches drop out of the cadence window and frequency falls"
    else:
        what = "time together fades and investment falls"
    return f"With no new contact, {what} from {before:.0f} to {after:.0f}."
