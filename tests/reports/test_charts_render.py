"""The charts render offscreen at print resolution, in both palettes, for the PDF reports."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtGui import QImage

from relationship_journal.reports import charts
from relationship_journal.reports.chart_series import (
    DepthBreadthSeries,
    NetworkMoment,
    circle_occupancy,
    health_histogram,
    interactions_per_week,
)

AS_OF = dt.date(2026, 11, 23)
SERIES = {
    "depth_breadth": (
        charts.depth_breadth_chart,
        DepthBreadthSeries(tuple(NetworkMoment(AS_OF - dt.timedelta(days=30 * i), 100 + i, 20 - i // 3, 4)
                                 for i in range(24, 0, -1))),
    ),
    "occupancy": (
        charts.circle_occupancy_chart,
        circle_occupancy({5: 4, 15: 30, 50: 20, 150: 90, 500: 2000}, {5: 5, 15: 10, 50: 35, 150: 100, 500: 350}),
    ),
    "health": (charts.health_distribution_chart, health_histogram([12, 35, 55, 55, 71, 90, None])),
    "weekly": (
        charts.interactions_per_week_chart,
        interactions_per_week([AS_OF - dt.timedelta(days=3 * i) for i in range(120)], AS_OF),
    ),
}


def _colours(image: QImage) -> set[int]:
    step = 7
    return {image.pixel(x, y) for x in range(0, image.width(), step) for y in range(0, image.height(), step)}


@pytest.mark.parametrize("name", sorted(SERIES))
@pytest.mark.parametrize("palette", [charts.LIGHT, charts.DARK], ids=["light", "dark"])
def test_each_chart_renders_a_png_at_the_asked_size_and_scale(qapp, name, palette) -> None:  # type: ignore[no-untyped-def]
    builder, data = SERIES[name]
    png = charts.render_chart_png(builder, data, 600, 360, scale=2.0, palette=palette)
    assert png.startswith(b"\x89PNG")
    image = QImage.fromData(png)
    assert (image.width(), image.height()) == (1200, 720)
    assert image.pixelColor(2, 2).name() == palette.background  # painted in the theme's colours
    assert len(_colours(image)) > 20  # bars, lines, text: not a blank page


def test_bars_over_capacity_take_the_warning_colour(qapp) -> None:  # type: ignore[no-untyped-def]
    calm = circle_occupancy({5: 5}, {5: 5})  # full but not over
    crowded = circle_occupancy({5: 20}, {5: 5})
    bar_colour = charts.LIGHT.bar
    calm_image = charts.render_chart(charts.circle_occupancy_chart, calm, 300, 300, scale=1.0)
    crowded_image = charts.render_chart(charts.circle_occupancy_chart, crowded, 300, 300, scale=1.0)
    assert _has_near(calm_image, bar_colour)
    assert not _has_near(crowded_image, bar_colour)
    assert _has_near(crowded_image, charts.LIGHT.warn)


def _has_near(image: QImage, colour: str) -> bool:
    from PySide6.QtGui import QColor

    target = QColor(colour)
    for x in range(0, image.width(), 3):
        for y in range(0, image.height(), 3):
            c = image.pixelColor(x, y)
            if abs(c.red() - target.red()) + abs(c.green() - target.green()) + abs(c.blue() - target.blue()) < 40:
                return True
    return False


def test_a_chart_too_small_to_read_is_refused(qapp) -> None:  # type: ignore[no-untyped-def]
    builder, data = SERIES["health"]
    with pytest.raises(ValueError, match="at least 50"):
        charts.render_chart_png(builder, data, 20, 300)


def test_redrawing_a_chart_in_place_replaces_its_contents(qapp) -> None:  # type: ignore[no-untyped-def]
    builder, data = SERIES["depth_breadth"]
    widget = charts.chart_widget(builder, data, charts.LIGHT)
    plot = widget.getPlotItem()
    for palette in (charts.DARK, charts.LIGHT, charts.DARK):
        again = charts.set_chart(widget, builder, data, palette)
    assert again is plot  # the same plot, recycled
    assert len(plot.legend_below.items) == 3  # not three legends stacked up
    assert len(plot.listDataItems()) == 1 and len(plot.depth_box.addedItems) == 2
    occupancy_builder, bars = SERIES["occupancy"]
    charts.set_chart(widget, occupancy_builder, bars, charts.DARK)
    assert plot.depth_box is None and not plot.getAxis("right").isVisible()
    assert plot.titleLabel.text == "Circles against capacity"
