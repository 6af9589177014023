"""The numbers behind the charts: the dashboard and the PDF draw exactly these."""

from __future__ import annotations

import datetime as dt

import pytest

from relationship_journal.reports.chart_series import (
    NetworkMoment,
    circle_occupancy,
    count_circles,
    depth_breadth_series,
    health_histogram,
    interactions_per_week,
)

CAPACITY = {5: 5, 15: 10, 50: 35, 150: 100, 500: 350}


def test_health_histogram_bins_scores_by_tens_and_keeps_no_data_apart() -> None:
    histogram = health_histogram([0, 9.99, 10, 49.5, 50, 69.9, 70, 100, None, None])
    assert histogram.edges == (0, 10, 20, 30, 40, 50, 60, 70, 80, 90, 100)
    assert histogram.counts == (2, 1, 0, 0, 1, 1, 1, 1, 0, 1)
    assert histogram.no_data == 2
    assert histogram.total == 10


def test_health_histogram_colours_bins_by_the_model_bands() -> None:
    bands = health_histogram([]).bands
    assert bands[:3] == ("cold", "cold", "cold")
    assert bands[3:5] == ("cooling", "cooling")
    assert bands[5:7] == ("steady", "steady")
    assert bands[7:] == ("strong", "strong", "strong")


def test_interactions_per_week_counts_monday_weeks_ending_with_the_as_of_week() -> None:
    as_of = dt.date(2026, 11, 25)  # a Wednesday
    days = [
        dt.date(2026, 11, 23),  # this week's Monday
        dt.date(2026, 11, 25),  # as of: counted
        dt.date(2026, 11, 26),  # after as of: ignored
        dt.date(2026, 11, 22),  # last week's Sunday
        dt.date(2025, 11, 30),  # Sunday before the first of the 52 weeks: outside
        dt.date(2025, 12, 1),  # Monday that opens the first week
    ]
    weekly = interactions_per_week(days, as_of)
    assert len(weekly.counts) == 52
    assert weekly.week_starts[-1] == dt.date(2026, 11, 23)
    assert weekly.week_starts[0] == dt.date(2025, 12, 1)
    assert all(start.weekday() == 0 for start in weekly.week_starts)
    assert weekly.counts[-1] == 2
    assert weekly.counts[-2] == 1
    assert weekly.counts[0] == 1
    assert weekly.total == 4
    assert weekly.average == pytest.approx(4 / 52)


def test_interactions_per_week_accepts_counts_per_day() -> None:
    as_of = dt.date(2026, 1, 4)
    weekly = interactions_per_week({dt.date(2026, 1, 1): 3, dt.date(2026, 1, 4): 2}, as_of, weeks=2)
    assert weekly.counts == (0, 5)


def test_circle_occupancy_flags_layers_over_one_and_a_half_times_capacity() -> None:
    counts = count_circles([5] * 8 + [15] * 15 + [50] * 53 + [150] * 10)
    bars = circle_occupancy(counts, CAPACITY)
    assert [b.circle for b in bars] == [5, 15, 50, 150, 500]
    by_circle = {b.circle: b for b in bars}
    assert by_circle[5].count == 8 and by_circle[5].overloaded  # 8 > 7.5
    assert by_circle[15].count == 15 and not by_circle[15].overloaded  # exactly 1.5x is allowed
    assert by_circle[50].count == 53 and by_circle[50].overloaded  # 53 > 52.5
    assert by_circle[150].ratio == pytest.approx(0.1) and not by_circle[150].overloaded
    assert by_circle[500].count == 0 and by_circle[500].ratio == 0


def test_depth_breadth_series_asks_the_model_at_each_month_end_and_as_of() -> None:
    asked: list[dt.date] = []

    def network_at(day: dt.date) -> NetworkMoment:
        asked.append(day)
        return NetworkMoment(day, breadth=day.month * 10, connections=day.month, trusted=1)

    series = depth_breadth_series(dt.date(2026, 3, 15), network_at, months=4)
    assert asked == [dt.date(2025, 12, 31), dt.date(2026, 1, 31), dt.date(2026, 2, 28), dt.date(2026, 3, 15)]
    assert series.breadth == [120, 10, 20, 30]
    assert series.connections == [12, 1, 2, 3]
    assert not series.is_empty
