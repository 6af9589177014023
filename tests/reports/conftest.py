"""Fixtures of the report tests (the journals live in report_fixtures.py)."""

from report_fixtures import demo_journal, long_history  # noqa: F401
