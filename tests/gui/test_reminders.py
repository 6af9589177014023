"""Reminders on the desktop: the daily notification once a day at the chosen time, the
count for the tray, where the notice goes (tray, the desktop's notification service, or
the window), and the autostart entry."""

from __future__ import annotations

import datetime as dt
import json
import os
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path
from typing import Any

import pytest

from relationship_journal import autostart
from relationship_journal.gui import reminders, worker
from relationship_journal.journal.agenda import TodayAgenda, TodayItem

DAY = dt.date(2026, 11, 23)


def _item(n: int, gain: dict[str, Any] | None = None) -> TodayItem:
    return TodayItem(
        f"k:{n}", "promise", f"Item number {n}", "a reason long enough", (n,), ("A",), {}, gain=gain
    )


def _agenda(count: int) -> TodayAgenda:
    gain = {"without": 48, "after_call": 61, "shown_with": "call", "shown_gain": 13}
    return TodayAgenda(DAY, tuple(_item(n, gain if n == 0 else None) for n in range(count)))


def test_the_summary_names_the_first_items_and_the_touch_value() -> None:
    title, body = reminders.summary(_agenda(5))
    assert title == "5 things for today"
    assert body.splitlines() == [
        "Item number 0 (+13 with a call)",
        "Item number 1",
        "Item number 2",
        "and 2 more",
    ]
    assert reminders.summary(_agenda(1))[0] == "1 thing for today"


def test_the_daily_notice_shows_once_a_day_after_its_time_in_the_window_without_a_tray(
    start_app: Any, monkeypatch: pytest.MonkeyPatch, qtbot: Any
) -> None:
    monkeypatch.setattr(reminders, "_desktop_notify", lambda title, body: False)  # no daemon here
    window = start_app()
    desk = window.today.reminders
    assert not desk.has_tray  # offscreen: no system tray, so the fallback is what runs
    window.settings.reminder_time = "08:30"
    desk.set_agenda(_agenda(4))
    assert desk.count == 4
    morning = dt.datetime.combine(DAY, dt.time(8, 0))
    assert desk.check_due(morning) is None, "not before the chosen time"
    notice = desk.check_due(morning.replace(hour=9))
    assert notice is not None and notice.channel == "window"
    assert notice.title == "4 things for today"
    assert window.statusBar().currentMessage().startswith("4 things for today: Item number 0")
    assert desk.check_due(morning.replace(hour=17)) is None, "once a day"
    assert desk.check_due(morning + dt.timedelta(days=1, hours=1)) is not None
    window.settings.daily_reminder = False
    assert desk.check_due(morning + dt.timedelta(days=2, hours=1)) is None


def test_nothing_today_means_no_notice(start_app: Any) -> None:
    window = start_app()
    desk = window.today.reminders
    desk.set_agenda(_agenda(0))
    assert desk.check_due(dt.datetime.combine(DAY, dt.time(23, 0))) is None


def test_the_badge_shows_the_count() -> None:
    from PySide6.QtGui import QIcon

    plain = reminders.badge_icon(QIcon(), 0).pixmap(64, 64).toImage()
    badged = reminders.badge_icon(QIcon(), 7).pixmap(64, 64).toImage()
    assert plain.pixelColor(46, 32) != badged.pixelColor(46, 32)  # the disc, top right


def test_autostart_writes_a_private_entry_that_starts_in_the_tray(tmp_path: Path) -> None:
    assert not autostart.is_enabled()
    path = autostart.enable("/home/me/My Journal")
    assert path.parent == Path(os.environ["XDG_CONFIG_HOME"]) / "autostart"
    text = path.read_text(encoding="utf-8")
    assert "Exec=relationship-journal --data-dir '/home/me/My Journal' --in-tray" in text
    assert path.stat().st_mode & 0o777 == 0o600
    assert autostart.is_enabled()
    autostart.disable()
    assert not autostart.is_enabled()


NOTIFY_CHILD = textwrap.dedent(
    """
    import sys
    from relationship_journal.gui.app import application, create_window
    app = application()
    window = create_window(sys.argv[1], config_dir=__import__("pathlib").Path(sys.argv[2]))
    window.remember = False
    notice = window.today.reminders.notify("3 things for today", "Get in touch with Ann Lee")
    print(notice.channel)
    """
)


@pytest.mark.slow
@pytest.mark.skipif(
    not all(shutil.which(t) for t in ("Xvfb", "dunst", "dunstctl", "dbus-daemon")),
    reason="needs Xvfb, dbus-daemon and dunst",
)
def test_a_real_notification_reaches_the_desktops_daemon(tmp_path: Path) -> None:
    """Under a real X server without a tray, the notice goes to the notification daemon."""
    display = f":{90 + os.getpid() % 50}"
    processes = []
    try:
        bus = subprocess.run(
            ["dbus-daemon", "--session", "--print-address", "--fork", "--print-pid"],
            capture_output=True,
            text=True,
            check=True,
            timeout=20,
        ).stdout.split()
        address, bus_pid = bus[0], int(bus[1])
        env = {
            **os.environ,
            "DISPLAY": display,
            "DBUS_SESSION_BUS_ADDRESS": address,
            "QT_QPA_PLATFORM": "xcb",
        }
        processes.append(
            subprocess.Popen(
                ["Xvfb", display, "-screen", "0", "1280x800x24", "-nolisten", "tcp"],
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
            )
        )
        subprocess.run(
            [
                "sh",
                "-c",
                f"for i in $(seq 100); do xdpyinfo -display {display} >/dev/null 2>&1 && exit 0;"
                " sleep 0.1; done; exit 1",
            ],
            env=env,
            timeout=30,
        )
        processes.append(
            subprocess.Popen(
                ["dunst"], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
            )
        )
        subprocess.run(
            [
                "sh",
                "-c",
                "for i in $(seq 100); do dunstctl is-paused >/dev/null 2>&1 && exit 0;"
                " sleep 0.1; done; exit 1",
            ],
            env=env,
            timeout=30,
            check=True,
        )
        data, config = tmp_path / "data", tmp_path / "config"
        child = subprocess.run(
            [sys.executable, "-c", NOTIFY_CHILD, str(data), str(config)],
            env=env,
            capture_output=True,
            text=True,
            timeout=120,
        )
        assert child.returncode == 0, child.stderr
        assert child.stdout.strip().splitlines()[-1] == "desktop"
        subprocess.run(
            ["dunstctl", "close-all"], env=env, timeout=20, check=True
        )  # shown -> history
        history = subprocess.run(
            ["dunstctl", "history"], env=env, capture_output=True, text=True, timeout=20
        )
        shown = json.loads(history.stdout)["data"][0]
        assert [(n["appname"]["data"], n["summary"]["data"], n["body"]["data"]) for n in shown] == [
            ("Relationship Journal", "3 things for today", "Get in touch with Ann Lee")
        ]
    finally:
        for process in reversed(processes):
            process.terminate()
            process.wait(timeout=10)
        if "bus_pid" in locals():
            os.kill(bus_pid, 15)


def test_preferences_set_the_reminder_time_and_the_autostart_entry(
    start_app: Any, monkeypatch: pytest.MonkeyPatch, qtbot: Any
) -> None:
    from PySide6.QtCore import QTime
    from PySide6.QtWidgets import QDialog

    window = start_app()
    opened: list[Any] = []

    def press_ok(dialog: QDialog) -> int:
        page = dialog.reminders_page
        page.time.setTime(QTime(7, 45))
        page.autostart.setChecked(True)
        opened.append(page)
        dialog.accept()
        return QDialog.DialogCode.Accepted

    from relationship_journal.gui.dialogs import preferences

    monkeypatch.setattr(preferences.PreferencesDialog, "exec", press_ok)
    window.open_preferences()  # reads the journal's choices on the worker, then opens
    qtbot.waitUntil(lambda: bool(opened) and not worker.busy(), timeout=120_000)
    assert window.settings.reminder_time == "07:45"
    assert autostart.is_enabled()
    assert f"--data-dir {window.journal.paths.data_dir}" in autostart.autostart_path().read_text()


def test_starting_in_the_tray_without_a_tray_starts_minimised(
    private_folders: Path, monkeypatch: pytest.MonkeyPatch, qtbot: Any
) -> None:
    from PySide6.QtWidgets import QApplication

    from relationship_journal import cli
    from relationship_journal.gui import worker
    from relationship_journal.gui.main_window import MainWindow

    monkeypatch.setattr(QApplication, "exec", lambda self: 0)
    before = {id(w) for w in QApplication.topLevelWidgets()}
    assert cli.main(["--in-tray"]) == 0
    (window,) = [
        w
        for w in QApplication.topLevelWidgets()
        if isinstance(w, MainWindow) and id(w) not in before
    ]
    qtbot.addWidget(window)
    assert not window.today.reminders.has_tray and window.isMinimized()
    qtbot.waitUntil(lambda: not worker.busy(), timeout=120_000)
    window.remember = False
