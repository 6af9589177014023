"""Is it a good moment to ask this person for a favour of size 1, 2 or 3?

Four checks: (1) the tie is strong enough for the size; (2) we are in touch now;
(3) I have given lately at least as much as the size calls for; (4) no open ask of
mine is still hanging. Failing the tie means "Not yet" (that takes months, not a
coffee); failing only the others means "Warm up first", each with what to do.
"""

from __future__ import annotations

import datetime as dt
from bisect import bisect_right

from .outputs import AskCheck, AskReadiness
from .parameters import Parameters

READY = "Ready"
WARM_UP = "Warm up first"
NOT_YET = "Not yet"
SIZE_WORDS = {
    1: "quick advice or an intro",
    2: "a referral or an hour of their time",
    3: "a job, money or a major intro",
}


def open_ask_blocking(
    asks: list[tuple[int, int | None, int, str, int | None]],
    days: list[int],
    today: int,
    params: Parameters,
) -> int | None:
    """Day of the most recent open ask that still blocks a new one, or None."""
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
    sizes: tuple[int, ...] = (1, 2, 3),
) -> tuple[AskReadiness, ...]:
    """Readiness for each size; the checks that do not depend on size are shared."""
    current = _current(recency, params)
    open_ask = _open_ask(blocking_ask_day)
    result = []
    for size in sizes:
        checks = (
            _tie(size, trust, classification, params),
            current,
            _balance(size, balance),
            open_ask,
        )
        if not checks[0].passed:
            verdict = NOT_YET
        elif current.passed and open_ask.passed and checks[2].passed:
            verdict = READY
        else:
            verdict = WARM_UP
        result.append(AskReadiness(size=size, verdict=verdict, checks=checks))
    return tuple(result)


def _tie(size: int, trust: float, classification: str, params: Parameters) -> AskCheck:
    if size <= 1:
        need = params.ask_small_trust
        ok = trust >= need
        detail = f"Trust {trust:.0f}; {SIZE_WORDS[1]} needs {need:.0f}."
        action = (
            None
            if ok
            else "Build trust first: help them, go beyond small talk and let them reach out to you."
        )
        return AskCheck("tie", ok, detail, action)
    need = params.ask_trust_base + params.ask_trust_step * (size - 1)
    connected = classification in ("connection", "trusted")
    ok = connected and trust >= need
    words = SIZE_WORDS.get(size, f"a size-{size} favour")
    detail = (
        f"Trust {trust:.0f}, a {classification}; {words} needs a connection with trust {need:.0f}."
    )
    if ok:
        action = None
    elif not connected:
        action = "Turn the contact into a connection first: regular, deeper conversations and help given over months."
    else:
        action = f"Deepen the tie before a big ask: trust must reach {need:.0f} (help them, confide, follow through)."
    return AskCheck("tie", ok, detail, action)


def _current(recency: float, params: Parameters) -> AskCheck:
    ok = recency >= params.ask_recency
    detail = f"Recency {recency:.0f}; asking needs {params.ask_recency:.0f}."
    action = (
        None
        if ok
        else "Get in touch first: a call or a meeting before you ask, not a cold request."
    )
    return AskCheck("current", ok, detail, action)


def _balance(size: int, balance: float) -> AskCheck:
    need = size - 1
    ok = balance >= need
    detail = f"Recent giving balance {balance:+.1f}; this ask needs {need:+d}."
    action = (
        None
        if ok
        else f"Do something for them first: about {need - balance:.1f} more in favour size you have given lately."
    )
    return AskCheck("balance", ok, detail, action)


def _open_ask(blocking_day: int | None) -> AskCheck:
    if blocking_day is None:
        return AskCheck("open_ask", True, "No open ask of yours is waiting.", None)
    when = dt.date.fromordinal(blocking_day).isoformat()
    return AskCheck(
        "open_ask",
        False,
        f"Your ask of {when} is still open.",
        "Wait for an answer to that ask, or have two more conversations before asking again.",
    )
