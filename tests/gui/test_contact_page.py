"""The contact page explains itself: why each part scores what it does, and whether to ask."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QApplication, QToolButton

from tests.gui.conftest import wait_idle


def _busiest(window: Any) -> int:
    journal = window.journal
    return max((s.id for s in journal.contacts.list()), key=lambda cid: len(journal.interactions.for_contact(cid)))


def test_gauges_explain_and_why_lists_the_interactions(demo_folder: Path, start_app: Any, qtbot: Any) -> None:
    window = start_app()
    contact_id = _busiest(window)
    window.show_contact(contact_id)
    wait_idle(qtbot, window)
    health = window.page.health
    assert health is not None and health.score is not None
    card = window.page.overview.health
    assert card.dial.score == health.display_score
    depth = health.component("depth")
    assert depth.explanation in card.parts._rows["depth"][1].toolTip()
    assert card.parts.score_text("depth") == str(round(depth.score))

    why_depth = next(b for b in card.parts.findChildren(QToolButton) if b.accessibleName() == "Why Depth")
    qtbot.mouseClick(why_depth, Qt.MouseButton.LeftButton)
    wait_idle(qtbot, window)
    why = window.page.overview.why
    assert why.isVisible()
    assert why.title.text() == f"Why depth is {depth.score:.0f}"
    listed = why.list.text()
    newest = window.journal.interactions.get(depth.interaction_ids[-1])
    assert newest.date.strftime("%d %b %Y") in listed


def test_ask_readiness_follows_the_size_chosen(demo_folder: Path, start_app: Any, qtbot: Any) -> None:
    window = start_app()
    window.show_contact(_busiest(window))
    wait_idle(qtbot, window)
    trust = window.page.overview.trust
    health = window.page.health
    for index, size in enumerate((1, 2, 3)):
        trust.ask_size.setCurrentIndex(index)
        wait_idle(qtbot, window)
        expected = next(a for a in health.asks if a.size == size)
        assert trust.verdict.text() == expected.verdict
        for check in expected.failing:
            assert check.action in trust.ask_actions.text()
    assert trust.trust.text() == f"Trust {health.trust:.0f}"
    assert window.page.header.badge.text().lower() == health.classification


def test_theme_switch_repaints_in_dark(demo_folder: Path, start_app: Any, qtbot: Any) -> None:
    window = start_app()
    window.act_themes["dark"].trigger()
    wait_idle(qtbot, window)
    app = QApplication.instance()
    assert app.palette().color(QPalette.ColorRole.Window).lightness() < 80
    assert window.settings.theme == "dark"
    window.act_themes["light"].trigger()
    wait_idle(qtbot, window)
    assert app.palette().color(QPalette.ColorRole.Window).lightness() > 200


def test_favour_figures_name_their_windows_as_the_brief_does(demo_folder: Path, start_app: Any, qtbot: Any) -> None:
    """The ledger's count ("in all") and the giving balance ("lately …") read as the brief
    prints them, and a dormant or any other badge says why in its tooltip."""
    from relationship_journal.health.windows import balance_text, favour_tally
    from relationship_journal.reports.contact_brief import _favours, gather

    window = start_app()
    contact_id = _busiest(window)
    window.show_contact(contact_id)
    wait_idle(qtbot, window)
    health = window.page.health
    favours = window.journal.ledger.favours(contact_id)
    given = sum(1 for f in favours if f.direction == "given")
    summary = window.page.overview.favours.summary.text()
    assert favour_tally(given, len(favours) - given) in summary
    assert balance_text(health.giving_balance).capitalize() in summary
    brief = _favours(gather(window.journal, contact_id, health.as_of))
    for line in summary.splitlines():
        assert line in brief
    trust = window.page.overview.trust
    assert trust.badge.toolTip() == health.classification_reason


def test_every_favour_size_reads_whole_in_the_trust_card(demo_folder: Path, start_app: Any, qtbot: Any) -> None:
    """"Large: a job, money, a big intro" was cut to "a big intr" in a narrow combo box."""
    window = start_app()
    window.show_contact(_busiest(window))
    combo = window.page.overview.trust.ask_size
    qtbot.waitUntil(combo.isVisible, timeout=120_000)
    for _ in range(combo.count() - 1):
        qtbot.keyClick(combo, Qt.Key.Key_Down)
    assert combo.currentIndex() == combo.count() - 1
    text_width = combo.fontMetrics().horizontalAdvance(combo.currentText())
    arrow = combo.style().pixelMetric(combo.style().PixelMetric.PM_ScrollBarExtent)
    assert combo.width() >= text_width + arrow + 8, f"“{combo.currentText()}” is cut"


def test_the_trajectory_offers_no_plotting_menu(demo_folder: Path, start_app: Any, qtbot: Any) -> None:
    """A right click on the trajectory opens nothing: pyqtgraph's own menus (view ranges,
    export) are a plotting tool's, and the dashboard's charts show none either."""
    from PySide6.QtWidgets import QMenu

    window = start_app()
    window.show_contact(_busiest(window))
    wait_idle(qtbot, window)
    plot = window.page.overview.trajectory.plot
    assert plot is not None and plot.isVisible()
    qtbot.mouseClick(plot.viewport(), Qt.MouseButton.RightButton, pos=plot.viewport().rect().center())
    qtbot.wait(0)  # a popup would open on this turn of the event loop
    assert not [w for w in QApplication.topLevelWidgets() if isinstance(w, QMenu) and w.isVisible()]


def test_the_first_persons_trajectory_is_drawn_when_their_page_is_shown(
    demo_folder: Path, start_app: Any, qtbot: Any
) -> None:
    """The window opens on Today with the first person's page read behind it: their
    trajectory waits until the page is shown, then it is theirs, never an empty plot."""
    window = start_app()
    qtbot.waitUntil(lambda: window.page.contact_id is not None, timeout=120_000)
    wait_idle(qtbot, window)
    assert window.stack.currentWidget() is window.today.view
    card = window.page.overview.trajectory
    assert card.plot is None  # nothing pyqtgraph made for a page nobody sees
    expected = window.journal.health.trajectory(window.page.contact_id, as_of=window.as_of)
    window.show_view("contacts")
    qtbot.waitUntil(lambda: card.plot is not None and card.plot.isVisible(), timeout=120_000)
    health = card._curves["Health"].getData()[1]
    assert len(health) == len(expected)
    assert [round(v) for v in health if v == v] == [round(p.score) for p in expected if p.score is not None]


def test_a_trajectory_with_no_score_after_one_with_scores_draws_without_a_warning(qtbot: Any) -> None:
    """A person with no history, opened after one with some: no dots over an all-NaN line
    (numpy's "All-NaN slice encountered" from the dots' bounds), and the dots come back."""
    import datetime as dt
    import warnings

    from relationship_journal.gui.trajectory_card import TrajectoryCard
    from relationship_journal.health.outputs import TrajectoryPoint

    def points(score: float | None) -> list[TrajectoryPoint]:
        return [
            TrajectoryPoint(dt.date(2026, month, 28), score, "warm" if score else "none",
                            {} if score is None else {"recency": score}, 0.0, "contact")
            for month in range(1, 7)
        ]

    card = TrajectoryCard()
    qtbot.addWidget(card)
    card.resize(700, 300)
    card.show()
    qtbot.waitUntil(lambda: card.plot is not None)
    health = card._curves["Health"]
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        for score in (60.0, None, 70.0, None):
            card.set_points(points(score))
            # The scene asks the dots for their bounds when it likes, hidden or not.
            health.scatter.boundingRect()
            card.plot.grab()
            assert (health.opts["symbol"] is not None) == (score is not None)
