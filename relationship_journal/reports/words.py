"""The words the reports print for the model's terms, kept in one place."""

from __future__ import annotations

import datetime as dt

PART_TITLES = {
    "recency": "Recency",
    "frequency": "Frequency",
    "consistency": "Consistency",
    "depth": "Depth",
    "reciprocity": "Reciprocity",
    "investment": "Time invested",
}
CLASSIFICATION_WORDS = {
    "trusted": "Trusted circle",
    "connection": "Connection",
    "dormant": "Dormant connection",
    "contact": "Contact",
}
ASK_SIZES = {
    1: "Quick advice or an intro",
    2: "A referral or an hour of their time",
    3: "A job, money or a major intro",
}
VERDICT_COLOURS = {"Ready": "#1a7f37", "Warm up first": "#9a6700", "Not yet": "#b42318"}
INITIATOR_WORDS = {
    "me": "I reached out",
    "them": "they reached out",
    "mutual": "both reached out",
    "unknown": "who started it not noted",
}
FADE_CAUSES = {
    "recency": "time since the last contact",
    "frequency": "too few touches for the cadence",
    "investment": "time together wearing off",
}


def ago(day: dt.date | None, as_of: dt.date) -> str:
    if day is None:
        return "never"
    days = (as_of - day).days
    if days <= 0:
        return "today"
    if days == 1:
        return "yesterday"
    if days < 60:
        return f"{days} days ago"
    if days < 730:
        return f"{days // 30} months ago"
    return f"{days // 365} years ago"
