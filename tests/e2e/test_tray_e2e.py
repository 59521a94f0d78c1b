"""The tray and its notifications as a user meets them: a real app process on a real X server.

A thank-you to Susan Smith opens a few seconds after the app starts (the interview ends then);
the notification appears, a click on it opens the thank-you's compose window. A second launch
does not start a second app: it brings the first one's window forward. In quiet hours a step
that opened hours before shows no balloon until they end.
"""

from __future__ import annotations

import json
import subprocess
import sys
import time
from datetime import datetime, timedelta

import pytest

from xsession import wait_for

#: seconds from the import until the interview ends and the thank-you opens
OPENS_IN = 12


def exchange_file(interview_end: datetime, quiet=("00:00", "00:00")) -> dict:
    start = interview_end - timedelta(minutes=1)
    return {
        "format": "followup-desktop",
        "version": 1,
        "profile": {"name": "Jordan Lee", "email": "jordan@example.org"},
        # By default no quiet hours (start == end), so the test passes at any time of day.
        "settings": {"quiet_hours_start": quiet[0], "quiet_hours_end": quiet[1]},
        "employers": [{"key": "acme", "name": "Acme Corp"}],
        "contacts": [{"key": "susan", "employer": "acme", "name": "Susan Smith", "role": "recruiter",
                      "email": "susan@acme.example"}],
        "applications": [{"key": "acme-office-manager", "employer": "acme", "position": "Office Manager",
                          "stage": "interviewing"}],
        "events": [{
            "application": "acme-office-manager", "kind": "interview",
            "at": start.isoformat(timespec="seconds"), "duration_minutes": 1, "contacts": ["susan"],
            # A decision date means no debrief step: the thank-you is the only thing that opens.
            "decision_expected": (interview_end + timedelta(days=3)).date().isoformat(),
        }],
    }


def app_cmd(data_dir, *args):
    return [sys.executable, "-m", "followup_desktop", "--data-dir", str(data_dir), *args]


@pytest.fixture
def susan_data_dir(tmp_path, xsession):
    data = tmp_path / "data"
    end = datetime.now().replace(microsecond=0) + timedelta(seconds=OPENS_IN)
    path = tmp_path / "susan.json"
    path.write_text(json.dumps(exchange_file(end)), encoding="utf-8")
    done = subprocess.run(app_cmd(data, "import", str(path)), env=xsession.env, capture_output=True,
                          text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    return data, end


def start_app(xsession, data_dir, log):
    return subprocess.Popen(app_cmd(data_dir), env=xsession.env, stdout=log, stderr=subprocess.STDOUT)


def stop(proc):
    if proc.poll() is None:
        proc.terminate()
        try:
            proc.wait(10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait(5)


def test_clicking_the_notification_opens_the_thank_you_and_a_second_launch_shows_the_first(
        xsession, susan_data_dir, tmp_path):
    data, opens_at = susan_data_dir
    log = open(tmp_path / "app.log", "w")
    app = start_app(xsession, data, log)
    try:
        xsession.wait_visible_named("^Follow-up Desktop", timeout=30)
        icon = wait_for(lambda: _tray_icon(xsession), 15, "the tray icon docked in trayer")
        assert app.poll() is None
        assert datetime.now() < opens_at, "the app took too long to start for this test's timing"
        assert not _balloons(xsession), "a notification came before the thank-you opened"

        # Qt's own balloon (no notification daemon runs here) comes when the thank-you opens.
        balloon = wait_for(lambda: (_balloons(xsession) or [None])[0], OPENS_IN + 20, "the notification")
        assert datetime.now() >= opens_at - timedelta(seconds=1), "notified before the window opened"
        xsession.screenshot("notification")

        x, y, w, h = xsession.geometry(balloon)
        xsession.xdotool("mousemove", str(x + w // 2), str(y + h // 2), "click", "1")
        assert xsession.wait_visible_named("^Thank-you note — Susan Smith, ", timeout=20)

        # The tray menu, for a person to look at. With no window manager the big windows may
        # cover the tray host: bring it up first.
        _raise_tray(xsession)
        ix, iy, iw, ih = xsession.geometry(icon)
        xsession.xdotool("mousemove", str(ix + iw // 2), str(iy + ih // 2), "click", "3")
        time.sleep(1.0)
        xsession.screenshot("tray-menu")
        xsession.xdotool("key", "Escape")
        time.sleep(0.5)

        def click_icon():
            _raise_tray(xsession)
            xsession.xdotool("mousemove", str(ix + iw // 2), str(iy + ih // 2), "click", "1")

        # The compose window is in front: one left click brings the main window forward...
        [main] = _main_windows(xsession)
        left_at = xsession.geometry(main)
        click_icon()
        wait_for(lambda: xsession.xdotool("getwindowfocus", check=False) == main, 10,
                 "the main window to come forward")
        time.sleep(1.0)  # the user looks at it a moment
        # ...and with the main window in front, a click puts it away; the app stays in the tray.
        click_icon()
        wait_for(lambda: not _main_windows(xsession), 10, "the main window to hide to the tray")
        time.sleep(0.5)
        assert app.poll() is None, "hiding the window quit the app"
        # One click brings it back where it was, the size it was.
        click_icon()
        wait_for(lambda: _main_windows(xsession), 10, "the main window to come back from the tray")
        [main] = _main_windows(xsession)
        assert xsession.geometry(main) == left_at
        time.sleep(1.0)
        click_icon()
        wait_for(lambda: not _main_windows(xsession), 10, "the main window to hide to the tray again")
        time.sleep(0.5)

        # A second launch starts no second app: it shows the first one's window and exits.
        started = time.monotonic()
        second = subprocess.run(app_cmd(data), env=xsession.env, capture_output=True, text=True, timeout=60)
        assert second.returncode == 0, second.stderr
        assert time.monotonic() - started < 15
        wait_for(lambda: _main_windows(xsession), 10, "the first instance's window to come back")
        assert app.poll() is None
        assert len(_main_windows(xsession)) == 1
    finally:
        stop(app)
        log.close()
        print((tmp_path / "app.log").read_text())


def test_in_quiet_hours_a_step_open_since_the_afternoon_shows_no_balloon_until_they_end(
        xsession, tmp_path):
    # The story is "at 23:30, with quiet hours from 21:00, a thank-you open since 15:00 shows no
    # balloon". The app has no clock of its own to set, so the same situation is built around the
    # real clock: quiet hours began two and a half hours ago, the thank-you opened eight and a
    # half hours ago (before they began, while the app was not running), and they end at the
    # next whole minute at least 25 s away, when the balloon must come and not before.
    now = datetime.now().replace(microsecond=0)
    quiet_start = now - timedelta(hours=2, minutes=30)
    quiet_end = (now + timedelta(seconds=25 + 59)).replace(second=0)
    data = tmp_path / "data"
    path = tmp_path / "quiet.json"
    path.write_text(json.dumps(exchange_file(now - timedelta(hours=8, minutes=30),
                                             quiet=(f"{quiet_start:%H:%M}", f"{quiet_end:%H:%M}"))),
                    encoding="utf-8")
    done = subprocess.run(app_cmd(data, "import", str(path)), env=xsession.env, capture_output=True,
                          text=True, timeout=60)
    assert done.returncode == 0, done.stderr

    log = open(tmp_path / "app.log", "w")
    app = start_app(xsession, data, log)
    try:
        xsession.wait_visible_named("^Follow-up Desktop", timeout=30)
        wait_for(lambda: _tray_icon(xsession), 15, "the tray icon docked in trayer")
        # The thank-you is due (the menu and the badge say so) but nothing pops up.
        deadline = quiet_end - timedelta(seconds=2)
        assert datetime.now() < deadline - timedelta(seconds=5), "the app took too long to start"
        while datetime.now() < deadline:
            assert not _balloons(xsession), f"a notification came in quiet hours (they end {quiet_end:%H:%M})"
            time.sleep(0.5)
        xsession.screenshot("quiet-hours")
        assert app.poll() is None

        balloon = wait_for(lambda: (_balloons(xsession) or [None])[0], 20,
                           "the notification when quiet hours end")
        assert datetime.now() >= quiet_end - timedelta(seconds=1)
        assert balloon
    finally:
        stop(app)
        log.close()
        print((tmp_path / "app.log").read_text())


def _windows_of_app(xsession) -> list[str]:
    return xsession.search("--onlyvisible", "--class", "Follow-up Desktop")


def _main_windows(xsession) -> list[str]:
    return [w for w in xsession.visible_named("^Follow-up Desktop")
            if xsession.xdotool("getwindowname", w, check=False).startswith("Follow-up Desktop")]


def _window_type(xsession, wid: str) -> str:
    out = subprocess.run(["xprop", "-id", wid, "_NET_WM_WINDOW_TYPE"], env=xsession.env,
                         capture_output=True, text=True, timeout=10)
    return out.stdout


def _balloons(xsession) -> list[str]:
    """Qt's notification balloon: a window of the app's typed as a tooltip."""
    return [w for w in _windows_of_app(xsession) if "TOOLTIP" in _window_type(xsession, w)]


def _tray_icon(xsession):
    for w in _windows_of_app(xsession):
        try:
            _, _, width, height = xsession.geometry(w)
        except AssertionError:
            continue
        if width <= 32 and height <= 32 and "TOOLTIP" not in _window_type(xsession, w):
            return w
    return None


def _raise_tray(xsession) -> None:
    for panel in xsession.search("--class", "trayer"):
        xsession.xdotool("windowraise", panel, check=False)
    time.sleep(0.3)
