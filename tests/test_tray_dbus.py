"""With no tray on Linux, notifications go to the desktop's notification service over D-Bus,
and a click on one comes back to the app. A private bus with a stand-in service, no real desktop."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time

import pytest

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="D-Bus notifications are Linux's")


@pytest.fixture(autouse=True)
def _dbus_daemon_installed():
    if shutil.which("dbus-daemon") is None:
        pytest.fail("dbus-daemon is missing: bash packaging/linux-deps.sh --test installs it")

SERVICE = r'''
import sys
from PySide6.QtCore import QCoreApplication, QTimer
from PySide6.QtDBus import QDBusConnection, QDBusMessage, QDBusVirtualObject
app = QCoreApplication(sys.argv)
bus = QDBusConnection.sessionBus()
class Service(QDBusVirtualObject):
    def introspect(self, path):
        return ""
    def handleMessage(self, msg, conn):
        if msg.member() != "Notify":
            return False
        args = msg.arguments()
        print("NOTIFY", msg.signature(), args[3], "|", args[4], "|", list(args[5]), flush=True)
        conn.send(msg.createReply(42))  # an int32 here: a stand-in may be lenient
        def click():
            signal = QDBusMessage.createSignal("/org/freedesktop/Notifications",
                                               "org.freedesktop.Notifications", "ActionInvoked")
            signal.setArguments([42, "default"])
            bus.send(signal)
        QTimer.singleShot(300, click)
        return True
service = Service()
assert bus.registerService("org.freedesktop.Notifications")
assert bus.registerVirtualObject("/org/freedesktop/Notifications", service)
print("READY", flush=True)
app.exec()
'''


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
    service = subprocess.Popen([sys.executable, "-c", SERVICE], stdout=subprocess.PIPE, text=True,
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
