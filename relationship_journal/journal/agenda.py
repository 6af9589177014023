"""Today: what deserves attention today, each item with its reason and its source entry.

Sources: people about to fade (within the fading horizon) or past their cadence, ranked
by what one touch would buy (health.touch_value); promises due or overdue both ways;
asks waiting for an answer; favours to return; birthdays and important dates in the
next week; once a week, an introduction I could make. Snoozed and dismissed items
(journal/agenda_marks.py) are left out until their day comes.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from relationship_journal import clock
from relationship_journal.health import touch_value
from relationship_journal.journal.agenda_marks import DONE, AgendaMark, AgendaMarks
from relationship_journal.journal.agenda_sources import (
    asks_waiting,
    dates_ahead,
    favours_to_return,
    promises_due,
)
from relationship_journal.journal.days import days_phrase
from relationship_journal.journal.health_inputs import load_logs
from relationship_journal.journal.records import Changes

if TYPE_CHECKING:
    from relationship_journal.health import ContactHealth, NetworkHealth
    from relationship_journal.journal.core import Journal

# The fading horizon: how far ahead a fade date puts someone on Today. Issue 12 makes
# it a journal preference; until then this is its one default (health-model.md).
TOUCH_LIMIT = 10  # keep-in-touch items shown; the rest are counted, not listed
# People whose touch value is computed: the fading first, then the most overdue. Enough
# to fill Today many times over while a 10,000-person journal stays quick.
TOUCH_CANDIDATES = 200
CONNECTED = ("connection", "trusted")
CADENCE_CIRCLES_UP_TO = 150  # the outermost layer (500) is acquaintances: no nagging for them


@dataclass(frozen=True)
class TodayItem:
    """One thing that deserves attention today."""

    key: str  # stable across days while it is the same thing (marks name it)
    kind: str  # fading | cadence | promise | ask | favour | birthday | date | introduction
    title: str
    reason: str  # one line, in words
    contact_ids: tuple[int, ...]
    names: tuple[str, ...]
    source: dict[str, Any]  # {"type": "commitment" | "interaction" | ..., "id": ..., "date": ...}
    when: dt.date | None = None  # the day it is about (due, birthday, fade date)
    gain: dict[str, Any] | None = None  # keep-in-touch items: the model's predicted figures
    actions: tuple[str, ...] = ("log_touch", "snooze", "done")

    def to_json(self) -> dict[str, Any]:
        return {
            "key": self.key,
            "kind": self.kind,
            "title": self.title,
            "reason": self.reason,
            "contact_ids": list(self.contact_ids),
            "names": list(self.names),
            "source": self.source,
            "when": self.when.isoformat() if self.when else None,
            "gain": self.gain,
            "actions": list(self.actions),
        }


@dataclass(frozen=True)
class TodayAgenda:
    as_of: dt.date
    items: tuple[TodayItem, ...]
    hidden: int = 0  # snoozed or dismissed today
    more_touches: int = 0  # keep-in-touch items beyond TOUCH_LIMIT
    marks: dict[str, AgendaMark] = field(default_factory=dict)

    def to_json(self) -> dict[str, Any]:
        return {
            "as_of": self.as_of.isoformat(),
            "items": [item.to_json() for item in self.items],
            "hidden": self.hidden,
            "more_touches": self.more_touches,
        }


def _touch_reason(health: ContactHealth, kind: str, as_of: dt.date, call: str, meeting: str) -> str:
    if kind == "fading":
        assert health.fade_date is not None
        text = (health.fade_cause_text or "").rstrip(".")
        cause = f" — {text[0].lower()}{text[1:]}" if text else ""
        lead = (
            f"Fading: health {health.display_score} drops below 50 "
            f"{days_phrase(health.fade_date, as_of)} ({health.fade_date:%a %d %b}){cause}."
        )
    else:
        last = health.last_interaction
        assert last is not None
        lead = (
            f"Past your every-{health.cadence_days}-days cadence: last in touch "
            f"{(as_of - last).days} days ago ({last:%d %b %Y})."
        )
    return f"{lead} {call[0].upper()}{call[1:]}; {meeting}."


def keep_in_touch(journal: Journal, network: NetworkHealth, horizon: int) -> list[TodayItem]:
    """People fading within `horizon` days or past their cadence, ranked by touch value
    (the health a touch today buys tomorrow, first as the card shows it: `TouchValue.shown`),
    ties broken inner circle first."""
    as_of = network.as_of
    chosen: dict[int, tuple[ContactHealth, str]] = {}
    for health in network.contacts:
        if health.score is None or health.last_interaction is None:
            continue
        if (
            health.fade_date is not None
            and (
                health.classification in CONNECTED
                or health.circle <= journal.health.params.fading_circles_up_to
            )
            and (health.fade_date - as_of).days <= horizon
        ):
            chosen[health.contact_id] = (health, "fading")
        elif (as_of - health.last_interaction).days > health.cadence_days and (
            health.classification in CONNECTED or health.circle <= CADENCE_CIRCLES_UP_TO
        ):
            chosen[health.contact_id] = (health, "cadence")
    if not chosen:
        return []
    if len(chosen) > TOUCH_CANDIDATES:
        urgency = sorted(
            chosen.values(),
            key=lambda pair: (
                pair[1] != "fading",
                -(as_of - pair[0].last_interaction).days / pair[0].cadence_days,  # type: ignore[operator]
                pair[0].contact_id,
            ),
        )
        chosen = {h.contact_id: (h, kind) for h, kind in urgency[:TOUCH_CANDIDATES]}
    with journal.reading() as connection:
        logs = {log.contact.id: log for log in load_logs(connection, sorted(chosen))}
    params = journal.health.params
    ranked = []
    for cid, (health, kind) in chosen.items():
        value = touch_value(logs[cid], as_of, params)
        # First by the gain the card shows (so "+18" never comes below "+17"), then exactly.
        shown = value.shown()
        ranked.append((-shown[1], -value.gain, health.circle, health.name, cid, health, kind, value, shown))
    ranked.sort(key=lambda row: row[:5])
    items = []
    for _shown, _neg, _circle, name, cid, health, kind, value, (shown_with, shown_gain) in ranked:
        recency_ids = health.component("recency").interaction_ids
        items.append(
            TodayItem(
                key=f"touch:{cid}:{health.last_interaction.isoformat() if health.last_interaction else ''}",
                kind=kind,
                title=f"Get in touch with {name}",
                reason=_touch_reason(
                    health, kind, as_of, value.call.words(), value.meeting.words()
                ),
                contact_ids=(cid,),
                names=(name,),
                source={
                    "type": "interaction",
                    "id": recency_ids[0] if recency_ids else None,
                    "date": health.last_interaction.isoformat()
                    if health.last_interaction
                    else None,
                },
                when=health.fade_date if kind == "fading" else health.last_interaction,
                gain={
                    "health_now": health.display_score,
                    "without": round(value.call.without)
                    if value.call.without is not None
                    else None,
                    "after_call": round(value.call.after),
                    "after_meeting": round(value.meeting.after),
                    "meeting_minutes": value.meeting.minutes,
                    "gain": round(value.gain, 2),
                    "shown_with": shown_with,  # what the card says one touch buys
                    "shown_gain": shown_gain,
                    "circle": health.circle,
                },
            )
        )
    return items


class Agenda:
    """`journal.agenda`: Today's items, and snoozing or settling them."""

    def __init__(self, journal: Journal) -> None:
        self._journal = journal
        self.marks = AgendaMarks(journal)

    def today(self, as_of: dt.date | None = None, include_hidden: bool = False) -> TodayAgenda:
        from relationship_journal.journal.introductions import weekly_introduction

        journal = self._journal
        as_of = as_of or clock.today()
        network = journal.health.network(as_of)
        touches = keep_in_touch(journal, network, network.fading_horizon_days)
        marks = self.marks.all()
        everything = [
            *dates_ahead(journal, as_of),
            *promises_due(journal, as_of),
            *asks_waiting(journal, as_of),
            *favours_to_return(journal, as_of, network),
        ]
        shown = [i for i in everything if include_hidden or not _hidden(i, marks, as_of)]
        visible_touches = [i for i in touches if include_hidden or not _hidden(i, marks, as_of)]
        intro = weekly_introduction(journal, as_of)
        extra = (
            [intro]
            if intro is not None and (include_hidden or not _hidden(intro, marks, as_of))
            else []
        )
        hidden = (
            len(everything)
            + len(touches)
            + (1 if intro else 0)
            - len(shown)
            - len(visible_touches)
            - len(extra)
        )
        return TodayAgenda(
            as_of,
            tuple(visible_touches[:TOUCH_LIMIT] + shown + extra),
            hidden,
            max(0, len(visible_touches) - TOUCH_LIMIT),
            marks,
        )

    def settle(self, item: TodayItem, on: dt.date) -> Changes:
        """Done: a promise of mine or theirs is marked kept; anything else is dismissed.

        Undo is the journal's history's: record this inside `history.recording`."""
        if item.source.get("type") == "commitment":
            self._journal.ledger.set_commitment_done(int(item.source["id"]), on)
        else:
            self.marks.dismiss(item.key, on)
        return Changes(contacts=frozenset(item.contact_ids))

    def snooze(self, item_key: str, until: dt.date, on: dt.date) -> None:
        """Hide the item until `until` (undone through the journal's history)."""
        self.marks.snooze(item_key, until, on)


def _hidden(item: TodayItem, marks: dict[str, AgendaMark], as_of: dt.date) -> bool:
    mark = marks.get(item.key)
    return mark is not None and (mark.action == DONE or mark.hides(as_of))
