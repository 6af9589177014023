"""The window each figure covers, in the words every screen prints beside it.

The same idea can have different numbers on one page: favours "in all" (the ledger),
the giving balance "lately" (recent favours weigh most) and reciprocity's favours "in
your last 12 entries". Read side by side without their windows they look like a
contradiction, so every view (the contact page, the brief, the network report,
`health --json`, `export csv` and the dashboard) takes its words from here.
"""

from __future__ import annotations

from .parameters import DEFAULTS, Parameters

IN_ALL = "in all"


def months(days: float) -> str:
    """180 -> '6 months', 365 -> '12 months', 45 -> '45 days'."""
    count = days / 30.0
    if days >= 60 and abs(count - round(count)) < 0.05:
        return f"{round(count)} months"
    return f"{days:g} days"


def lately(params: Parameters = DEFAULTS) -> str:
    """The giving balance's window: every favour counts, recent ones most."""
    return f"lately — weighted by size, halves every {months(params.giving_half_life_days)}"


def last_entries(count: int | None = None, params: Parameters = DEFAULTS) -> str:
    """Depth's and reciprocity's window: the last 12 entries (or all, when fewer)."""
    n = params.reciprocity_window if count is None else count
    return f"in your last {n} entries" if n != 1 else "in your one entry"


def older_time_counts_less(params: Parameters = DEFAULTS) -> str:
    """Effective hours' window: everything, each year worth less."""
    keep = round(params.investment_yearly_retention * 100)
    return f"in all — older time counts less ({keep}% a year on)"


def last_year(params: Parameters = DEFAULTS) -> str:
    return f"in the last {params.breadth_window_days} days"


def figure_windows(params: Parameters = DEFAULTS) -> dict[str, str]:
    """Figure name -> the window words shown beside it (for `health --json` and tests)."""
    return {
        "favours_given": IN_ALL,
        "favours_received": IN_ALL,
        "giving_balance": lately(params),
        "reciprocity": last_entries(None, params),
        "depth": last_entries(params.depth_window, params),
        "effective_hours": older_time_counts_less(params),
        "touches_last_year": last_year(params),
    }


def favour_tally(given: int, received: int) -> str:
    """'Given 14 · received 6 in all' — the favour ledger's count."""
    return f"Given {given} · received {received} {IN_ALL}"


def balance_figure(balance: float) -> str:
    """'+1.4': the giving balance as every view prints it (never '-0.0')."""
    return f"{round(balance, 1) + 0.0:+.1f}"


def balance_text(balance: float, params: Parameters = DEFAULTS) -> str:
    """'giving balance +1.4 lately — weighted by size, halves every 6 months'."""
    return f"giving balance {balance_figure(balance)} {lately(params)}"


def balance_lean(balance: float) -> str:
    """Which way the recent favours lean, in words."""
    if balance > 0.5:
        return "you have given more"
    if balance < -0.5:
        return "they have helped more"
    return "about even"
