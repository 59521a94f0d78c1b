"""With no tray on Linux, notifications go to the desktop's notification service over D-Bus,
and a click on one comes back to the app. A private bus with a stand-in service, no real desktop."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path
import sys
import time

import pytest

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="D-Bus notifications are Linux's")


@pytest.fixture(autouse=True)
def _dbus_daemon_installed():
    if shutil.which("dbus-daemon") is None:
        pytest.fail("dbus-daemon is missing: bash packaging/linux-deps.sh --test installs it")

SERVICE = str(Path(__file__).resolve().parent / "fixtures" / "notification_service.py")


@pytest.fixture
def session_bus(tmp_path, monkeypatch):
    daemon = subprocess.Popen(["dbus-daemon", "--session", "--nofork", "--print-address=1"],
                              stdout=subprocess.PIPE, text=True)
    address = daemon.stdout.readline().strip()
    monkeypatch.setenv("DBUS_SESSION_BUS_ADDRESS", address)
    yield address
    daemon.terminate()
    daemon.wait(5)


def test_no_service_on_the_bus_means_no_dbus_notifier(qapp, session_bus):
    # QtDBus keeps one session bus per process; a process that already connected elsewhere
    # cannot be pointed at this bus, so this runs in a child process.
    code = ("from PySide6.QtCore import QCoreApplication; a = QCoreApplication([]);"
            "from followup_desktop.tray.dbus_notifier import DBusNotifier;"
            "print(DBusNotifier.create() is None)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60,
                         env={**os.environ, "DBUS_SESSION_BUS_ADDRESS": session_bus})
    assert out.stdout.strip() == "True", out.stderr


def test_a_desktop_notification_is_sent_with_the_right_signature_and_its_click_comes_back(session_bus, tmp_path):
    service = subprocess.Popen([sys.executable, SERVICE], stdout=subprocess.PIPE, text=True,
                               env={**os.environ, "DBUS_SESSION_BUS_ADDRESS": session_bus})
    try:
        assert service.stdout.readline().strip() == "READY"
        client = (
            "import sys\n"
            "from PySide6.QtCore import QCoreApplication, QTimer\n"
            "app = QCoreApplication([])\n"
            "from followup_desktop.tray.dbus_notifier import DBusNotifier\n"
            "n = DBusNotifier.create()\n"
            "assert n is not None, 'no notifier'\n"
            "n.clicked.connect(lambda key: (print('CLICKED', key), app.quit()))\n"
            "n.notify(('action', 'acme|thank_you'), 'Thank-you note to Susan Smith (Acme Corp)', 'Within 24 hours.')\n"
            "QTimer.singleShot(8000, app.quit)\n"
            "app.exec()\n")
        started = time.monotonic()
        out = subprocess.run([sys.executable, "-c", client], capture_output=True, text=True, timeout=60,
                             env={**os.environ, "DBUS_SESSION_BUS_ADDRESS": session_bus})
        assert "CLICKED ('action', 'acme|thank_you')" in out.stdout, out.stdout + out.stderr
        assert time.monotonic() - started < 8
        line = service.stdout.readline()
        # The spec's signature: replaces_id is an unsigned int, which servers check.
        assert line.startswith("NOTIFY susssasa{sv}i Thank-you note to Susan Smith (Acme Corp) | Within 24 hours.")
        assert "['default', 'Open']" in line
    finally:
        service.terminate()
        service.wait(5)


def _notify_through_stand_in(session_bus, capabilities, title, body):
    """What a stand-in server with `capabilities` receives for one notification."""
    service = subprocess.Popen([sys.executable, SERVICE, capabilities], stdout=subprocess.PIPE, text=True,
                               env={**os.environ, "DBUS_SESSION_BUS_ADDRESS": session_bus})
    try:
        assert service.stdout.readline().strip() == "READY"
        client = (
            "import sys\n"
            "from PySide6.QtCore import QCoreApplication\n"
            "app = QCoreApplication([])\n"
            "from followup_desktop.tray.dbus_notifier import DBusNotifier\n"
            "n = DBusNotifier.create()\n"
            f"n.notify(('action', 'x'), {title!r}, {body!r})\n")
        out = subprocess.run([sys.executable, "-c", client], capture_output=True, text=True, timeout=60,
                             env={**os.environ, "DBUS_SESSION_BUS_ADDRESS": session_bus})
        assert out.returncode == 0, out.stderr
        line = service.stdout.readline()
        assert line.startswith("NOTIFY susssasa{sv}i "), line
        summary, sent_body, _ = line[len("NOTIFY susssasa{sv}i "):].split(" | ")
        return summary, sent_body
    finally:
        service.terminate()
        service.wait(5)


def test_a_name_with_markup_in_it_is_shown_literally_by_a_server_that_reads_markup(session_bus):
    title = "Thank-you note to Susan Smith (<b>Bold</b><img src=x>)"
    body = "You interviewed with <b>Bold</b><img src=x> & Sons today; thank them within 24 hours."
    summary, sent = _notify_through_stand_in(session_bus, "body,body-markup,actions", title, body)
    assert summary == title  # the summary is plain text by the specification
    assert sent == ("You interviewed with &lt;b&gt;Bold&lt;/b&gt;&lt;img src=x&gt; &amp; Sons today; "
                    "thank them within 24 hours.")


def test_a_server_that_reads_no_markup_gets_the_name_as_it_is(session_bus):
    body = "You interviewed with <b>Bold</b><img src=x> & Sons today."
    _, sent = _notify_through_stand_in(session_bus, "body,actions", "Thank-you note", body)
    assert sent == body  # escaped, it would show "&lt;b&gt;" to the user


WATCHER = r'''
import sys
from PySide6.QtCore import QCoreApplication
from PySide6.QtDBus import QDBusConnection, QDBusVariant, QDBusVirtualObject
app = QCoreApplication(sys.argv)
bus = QDBusConnection.sessionBus()
class Watcher(QDBusVirtualObject):
    def introspect(self, path):
        return ""
    def handleMessage(self, msg, conn):
        if msg.member() != "Get" or list(msg.arguments()) != ["org.kde.StatusNotifierWatcher",
                                                              "IsStatusNotifierHostRegistered"]:
            return False
        conn.send(msg.createReply([QDBusVariant(True)]))
        return True
watcher = Watcher()
assert bus.registerService("org.kde.StatusNotifierWatcher")
assert bus.registerVirtualObject("/StatusNotifierWatcher", watcher)
print("READY", flush=True)
app.exec()
'''


def _tray_balloons_are_markup(session_bus) -> str:
    code = ("from PySide6.QtCore import QCoreApplication; a = QCoreApplication([]);"
            "from followup_desktop.tray.dbus_notifier import tray_balloons_are_markup;"
            "print(tray_balloons_are_markup())")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60,
                         env={**os.environ, "DBUS_SESSION_BUS_ADDRESS": session_bus})
    assert out.returncode == 0, out.stderr
    return out.stdout.strip()


def test_a_tray_shown_over_dbus_has_its_balloon_names_escaped_and_an_xembed_tray_not(session_bus):
    # With no StatusNotifier host, Qt draws the tray and its balloons itself, as plain text.
    assert _tray_balloons_are_markup(session_bus) == "False"
    env = {**os.environ, "DBUS_SESSION_BUS_ADDRESS": session_bus}
    started = [subprocess.Popen([sys.executable, "-c", WATCHER], stdout=subprocess.PIPE, text=True, env=env),
               subprocess.Popen([sys.executable, SERVICE, "body,body-markup"], stdout=subprocess.PIPE,
                                text=True, env=env)]
    try:
        for p in started:
            assert p.stdout.readline().strip() == "READY"
        # A StatusNotifier host (KDE, GNOME's AppIndicator): the balloons are desktop
        # notifications, and this server reads their body as markup.
        assert _tray_balloons_are_markup(session_bus) == "True"
    finally:
        for p in started:
            p.terminate()
            p.wait(5)
