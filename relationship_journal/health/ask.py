"""Is it a good moment to ask this person for a favour of size 1, 2 or 3?

Four checks: (1) the tie is strong enough for the size; (2) we are in touch now;
(3) I have given lately at least as much as the size calls for; (4) no open ask of
mine is still hanging. Failing the tie means "Not yet" (that takes months, not a
coffee); failing only the others means "Warm up first", each with what to do.

The check texts depend on a few rounded numbers, so identical checks are built once
and shared (through the context's memo): results are read-only values.
"""

from __future__ import annotations

import datetime as dt
from bisect import bisect_right
from collections.abc import Sequence
from typing import Any

from .outputs import AskCheck, AskReadiness
from .parameters import Parameters
from .timeline import Ask
from .windows import balance_text

READY = "Ready"
WARM_UP = "Warm up first"
NOT_YET = "Not yet"
STANDING = {
    "contact": "a contact",
    "connection": "a connection",
    "trusted": "in your trusted circle",
    "dormant": "a dormant connection",
}
SIZE_WORDS = {
    1: "quick advice or an intro",
    2: "a referral or an hour of their time",
    3: "a job, money or a major intro",
}
_NO_OPEN_ASK = AskCheck("open_ask", True, "No open ask of yours is waiting.", None)
_MEMO_LIMIT = 50_000


def open_ask_blocking(
    asks: list[Ask], days: Sequence[int], today: int, params: Parameters
) -> int | None:
    """Day of the most recent open ask that still blocks a new one, or None.

    An open ask blocks for 90 days unless two interactions came after its day.
    """
    if not asks:
        return None
    k = bisect_right(days, today)
    for day, _aid, _size, outcome, _iid in reversed(asks):
        if day > today or outcome != "open":
            continue
        if today - day >= params.open_ask_window_days:
            break
        since = k - bisect_right(days, day, 0, k)  # interactions strictly after the ask's day
        if since < params.open_ask_clearing_interactions:
            return day
    return None


def ask_readiness(
    *,
    trust: float,
    classification: str,
    recency: float,
    balance: float,
    blocking_ask_day: int | None,
    params: Parameters,
    memo: dict[Any, Any],
    sizes: tuple[int, ...] = (1, 2, 3),
) -> tuple[AskReadiness, ...]:
    """Readiness for each size; the checks that do not depend on size are shared."""
    if len(memo) > _MEMO_LIMIT:
        memo.clear()
    current = _current(recency, params, memo)
    open_ask = _NO_OPEN_ASK if blocking_ask_day is None else _open_ask(blocking_ask_day)
    warm = current.passed and open_ask.passed
    result = []
    for size in sizes:
        tie = _tie(size, trust, classification, params, memo)
        given = _balance(size, balance, memo)
        if not tie.passed:
            verdict = NOT_YET
        elif warm and given.passed:
            verdict = READY
        else:
            verdict = WARM_UP
        result.append(AskReadiness(size, verdict, (tie, current, given, open_ask)))
    return tuple(result)


def _tie(
    size: int, trust: float, classification: str, params: Parameters, memo: dict[Any, Any]
) -> AskCheck:
    if size <= 1:
        need = params.ask_small_trust
        connected = True
    else:
        need = params.ask_trust_base + params.ask_trust_step * (size - 1)
        connected = classification in ("connection", "trusted")
    ok = connected and trust >= need
    shown = round(trust)
    key = ("tie", size, ok, shown, classification)
    found: AskCheck | None = memo.get(key)
    if found is not None:
        return found
    words = SIZE_WORDS.get(size, f"a size-{size} favour")
    if size <= 1:
        detail = f"Trust {shown}; {words} needs {need:.0f}."
        action = (
            None
            if ok
            else "Build trust first: help them, go beyond small talk and let them reach out to you."
        )
    else:
        detail = (
            f"Trust {shown}, a {classification}; {words} needs a connection with trust {need:.0f}."
        )
        if ok:
            action = None
        elif not connected:
            action = "Turn the contact into a connection first: regular, deeper conversations and help given over months."
        else:
            action = f"Deepen the tie before a big ask: trust must reach {need:.0f} (help them, confide, follow through)."
    found = memo[key] = AskCheck("tie", ok, detail, action)
    return found


def _current(recency: float, params: Parameters, memo: dict[Any, Any]) -> AskCheck:
    ok = recency >= params.ask_recency
    shown = round(recency)
    key = ("current", ok, shown)
    found: AskCheck | None = memo.get(key)
    if found is None:
        detail = f"Recency {shown}; asking needs {params.ask_recency:.0f}."
        action = (
            None
            if ok
            else "Get in touch first: a call or a meeting before you ask, not a cold request."
        )
        found = memo[key] = AskCheck("current", ok, detail, action)
    return found


def _balance(size: int, balance: float, memo: dict[Any, Any]) -> AskCheck:
    need = size - 1
    ok = balance >= need
    shown = round(balance, 1) + 0.0  # never "-0.0"
    key = ("balance", size, ok, shown)
    found: AskCheck | None = memo.get(key)
    if found is None:
        detail = f"{balance_text(shown).capitalize()}; this ask needs {need:+d}."
        action = (
            None
            if ok
            else f"Do something for them first: about {need - shown:.1f} more in favour size you have given lately."
        )
        found = memo[key] = AskCheck("balance", ok, detail, action)
    return found


def _open_ask(blocking_day: int) -> AskCheck:
    when = dt.date.fromordinal(blocking_day).isoformat()
    return AskCheck(
        "open_ask",
        False,
        f"Your ask of {when} is still open.",
        "Wait for an answer to that ask, or have two more conversations before asking again.",
    )
