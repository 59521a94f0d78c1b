"""The tray icon shows how many follow-ups are due; start at login writes the right entry."""

from __future__ import annotations

import plistlib
import stat

from PySide6.QtCore import QSettings
from PySide6.QtGui import QIcon

from followup_desktop.paths import DataPaths
from followup_desktop.resources import resource_path
from followup_desktop.desktop.autostart import (
    Autostart,
    desktop_entry,
    launch_agent_plist,
    launch_command,
    linux_autostart_file,
    windows_run_value,
)
from followup_desktop.tray.badge import SIZES, badge_icon, badge_text


def _image(icon: QIcon, size: int):
    return icon.pixmap(size, size).toImage()


def test_the_badge_shows_the_count_and_changes_with_it(qapp):
    base = QIcon(str(resource_path("followup-desktop.svg")))
    none, three, twelve = badge_icon(base, 0), badge_icon(base, 3), badge_icon(base, 12)
    for size in (16, 22, 32, 64):
        assert _image(none, size) != _image(three, size)
        assert _image(three, size) != _image(twelve, size)
    # Nothing due: the plain icon, not a badge with "0".
    assert _image(none, 32) == _image(badge_icon(base, 0), 32)
    assert badge_text(0) == "" and badge_text(7) == "7" and badge_text(250) == "99+"


def test_the_badge_is_painted_at_every_tray_size_so_it_stays_crisp(qapp):
    base = QIcon(str(resource_path("followup-desktop.svg")))
    for ratio, biggest in ((1.0, 64), (2.0, 128), (4.0, 256)):
        icon = badge_icon(base, 4, ratio)
        sizes = {(s.width(), s.height()) for s in icon.availableSizes()}
        assert {(n, n) for n in SIZES} <= sizes
        # HiDPI trays get a real 2x/4x bitmap, not an upscaled one; ordinary ones no more than needed
        assert max(sizes) == (biggest, biggest), ratio


def test_the_badge_is_red_where_the_count_is(qapp):
    img = _image(badge_icon(QIcon(str(resource_path("followup-desktop.svg"))), 5), 64)
    corner = img.pixelColor(58, 50)  # inside the badge (lower right), off the digit
    assert corner.red() > 150 and corner.green() < 90 and corner.blue() < 90


# -- start at login ---------------------------------------------------------------------------

def test_the_autostart_entry_starts_the_app_minimized_in_the_tray():
    text = desktop_entry(["/opt/Follow up/followup-desktop", "--minimized"])
    lines = text.splitlines()
    assert lines[0] == "[Desktop Entry]"
    assert "Type=Application" in lines and "Name=Follow-up Desktop" in lines
    exec_line = next(l for l in lines if l.startswith("Exec="))
    assert exec_line == 'Exec="/opt/Follow up/followup-desktop" --minimized'
    assert "Terminal=false" in lines


def test_the_autostart_exec_line_escapes_what_the_desktop_spec_reserves():
    exec_line = next(l for l in desktop_entry(["/x/a$b\\c", "--data-dir", "/d/100%"]).splitlines()
                     if l.startswith("Exec="))
    # $ and \ escaped inside quotes, then the backslash doubled by the string type; % doubled.
    assert exec_line == 'Exec="/x/a\\\\$b\\\\\\\\c" --data-dir /d/100%%'


def test_the_launch_command_is_the_installed_script_or_the_frozen_executable(tmp_path):
    named = DataPaths(tmp_path / "portable")
    cmd = launch_command(named, frozen=False, which=lambda name: "/home/u/.venv/bin/followup-desktop")
    assert cmd == ["/home/u/.venv/bin/followup-desktop", "--minimized", "--data-dir", str(tmp_path / "portable")]
    assert launch_command(DataPaths(tmp_path, is_default=True), frozen=True, executable="/opt/fd/fd") == \
        ["/opt/fd/fd", "--minimized"]
    fallback = launch_command(None, frozen=False, executable="/usr/bin/python3", which=lambda n: None)
    assert fallback == ["/usr/bin/python3", "-m", "followup_desktop", "--minimized"]


def test_the_linux_entry_goes_to_xdg_autostart_and_is_removed_when_switched_off(tmp_path):
    env = {"XDG_CONFIG_HOME": str(tmp_path / "cfg")}
    auto = Autostart(["/usr/bin/followup-desktop", "--minimized"], platform="linux", environ=env)
    path = tmp_path / "cfg" / "autostart" / "followup-desktop.desktop"
    assert linux_autostart_file(env) == path
    assert not auto.is_enabled()
    auto.apply(True)
    assert auto.is_enabled() and "Exec=/usr/bin/followup-desktop --minimized" in path.read_text()
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    auto.apply(False)
    assert not path.exists()
    # Without XDG_CONFIG_HOME: ~/.config
    assert linux_autostart_file({}, home=tmp_path) == tmp_path / ".config" / "autostart" / "followup-desktop.desktop"


def test_the_macos_launch_agent_runs_the_app_at_load(tmp_path):
    data = plistlib.loads(launch_agent_plist(["/Applications/Follow-up Desktop.app/Contents/MacOS/fd", "--minimized"]))
    assert data["Label"] == "org.followupdesktop.FollowupDesktop"
    assert data["ProgramArguments"] == ["/Applications/Follow-up Desktop.app/Contents/MacOS/fd", "--minimized"]
    assert data["RunAtLoad"] is True
    auto = Autostart(["/a/fd", "--minimized"], platform="darwin", home=tmp_path)
    auto.apply(True)
    agent = tmp_path / "Library" / "LaunchAgents" / "org.followupdesktop.FollowupDesktop.plist"
    assert plistlib.loads(agent.read_bytes())["ProgramArguments"] == ["/a/fd", "--minimized"]
    auto.apply(False)
    assert not agent.exists()


def test_the_windows_run_value_is_one_quoted_command_line(tmp_path):
    value = windows_run_value([r"C:\Program Files\Follow-up Desktop\followup-desktop.exe", "--minimized"])
    assert value == r'"C:\Program Files\Follow-up Desktop\followup-desktop.exe" --minimized'
    ini = tmp_path / "run.ini"  # stands in for HKCU\...\Run in this test
    auto = Autostart([r"C:\fd\fd.exe", "--minimized"], platform="win32",
                     registry=lambda: QSettings(str(ini), QSettings.IniFormat))
    auto.apply(True)
    assert auto.is_enabled()
    assert QSettings(str(ini), QSettings.IniFormat).value("Follow-up Desktop") == r"C:\fd\fd.exe --minimized"
    auto.apply(False)
    assert not auto.is_enabled()
