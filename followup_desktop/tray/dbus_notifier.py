"""Desktop notifications over D-Bus (`org.freedesktop.Notifications`), for Linux desktops with no
tray. A click on the notification ("default" action) comes back as `ActionInvoked`.

A server that lists `body-markup` among its capabilities reads the body as markup (a subset of
HTML): a name like "<b>Bold</b>" would be drawn bold and an `<img>` fetched, so the body is escaped
for such a server (and for one that does not answer `GetCapabilities`, which every server must).
The summary is plain text by the specification.

The signal is received with QtDBus. The `Notify` call is sent with jeepney (a pure-Python
D-Bus library) because the method takes a `uint32` and PySide6 can only marshal Python ints as
signed integers, which notification servers refuse.
"""

from __future__ import annotations

import html
import logging
from typing import Any

from PySide6.QtCore import SLOT, Slot
from PySide6.QtDBus import QDBusArgument, QDBusConnection, QDBusMessage

from .notifier import Notifier

log = logging.getLogger(__name__)

SERVICE = "org.freedesktop.Notifications"
PATH = "/org/freedesktop/Notifications"
INTERFACE = "org.freedesktop.Notifications"
APP_NAME = "Follow-up Desktop"
_TIMEOUT_MS = 2000


def markup_escape(text: str) -> str:
    """`text` as markup that shows it literally: "<b>A & B</b>" -> "&lt;b&gt;A &amp; B&lt;/b&gt;"."""
    return html.escape(text, quote=False)


def _unwrap(value):
    variant = getattr(value, "variant", None)  # a QDBusVariant
    return variant() if callable(variant) else value


def server_capabilities(bus: QDBusConnection) -> set[str] | None:
    """What the notification server says it can do, or None when it does not say."""
    call = QDBusMessage.createMethodCall(SERVICE, PATH, INTERFACE, "GetCapabilities")
    call.setAutoStartService(False)  # a question, not a reason to start a server
    reply = bus.call(call, timeout=_TIMEOUT_MS)
    if reply.type() != QDBusMessage.ReplyMessage or not reply.arguments():
        return None
    caps = _unwrap(reply.arguments()[0])
    if isinstance(caps, QDBusArgument):  # not the "as" of the specification
        return None
    if isinstance(caps, str):
        return {caps}
    try:
        return {str(c) for c in caps}
    except TypeError:
        return None


def body_is_markup(bus: QDBusConnection) -> bool:
    """Whether the body of a notification sent to this bus's server is read as markup."""
    caps = server_capabilities(bus)
    return caps is None or "body-markup" in caps


def tray_balloons_are_markup(bus: QDBusConnection | None = None) -> bool:
    """Whether Qt shows the tray icon as a StatusNotifierItem over D-Bus (KDE; GNOME with the
    AppIndicator extension), as it does when a StatusNotifier host is registered: its balloons are
    then desktop notifications, whose body the server may read as markup. (On an XEmbed tray Qt
    draws its own balloon, as plain text.)"""
    bus = bus or QDBusConnection.sessionBus()
    if not bus.isConnected():
        return False
    call = QDBusMessage.createMethodCall("org.kde.StatusNotifierWatcher", "/StatusNotifierWatcher",
                                         "org.freedesktop.DBus.Properties", "Get")
    call.setArguments(["org.kde.StatusNotifierWatcher", "IsStatusNotifierHostRegistered"])
    call.setAutoStartService(False)
    reply = bus.call(call, timeout=_TIMEOUT_MS)
    if reply.type() != QDBusMessage.ReplyMessage or not reply.arguments():
        return False
    if not bool(_unwrap(reply.arguments()[0])):
        return False
    return body_is_markup(bus)


class _Sender:
    """The `Notify` call over a session-bus connection of its own, made with jeepney (pure
    Python: it writes the message itself, with the `uint32` the specification asks for)."""

    def __init__(self):
        from jeepney import DBusAddress
        from jeepney.io.blocking import open_dbus_connection

        try:
            self.conn = open_dbus_connection(bus="SESSION")
        except (OSError, KeyError, ValueError) as exc:  # no bus, no address, a refused login
            raise OSError(f"no session bus ({exc})") from exc
        self.address = DBusAddress(PATH, bus_name=SERVICE, interface=INTERFACE)

    def notify(self, summary: str, body: str, icon: str = "followup-desktop") -> int:
        from jeepney import DBusErrorResponse, MessageType, new_method_call

        call = new_method_call(self.address, "Notify", "susssasa{sv}i",
                               (APP_NAME, 0, icon, summary, body, ["default", "Open"], {}, -1))
        try:
            reply = self.conn.send_and_get_reply(call, timeout=_TIMEOUT_MS / 1000)
        except (OSError, TimeoutError, ConnectionError) as exc:
            raise OSError(str(exc) or type(exc).__name__) from exc
        if reply.header.message_type == MessageType.error:
            raise OSError(str(DBusErrorResponse(reply)))
        value = reply.body[0] if reply.body else 0
        if isinstance(value, tuple) and len(value) == 2:  # a lenient server may wrap it in a variant
            value = value[1]
        log.debug("Notify answered %r", value)
        return int(value) if isinstance(value, int) else 0

    def close(self) -> None:
        self.conn.close()


class DBusNotifier(Notifier):
    name = "dbus"

    def __init__(self, sender: _Sender, bus: QDBusConnection, parent=None, *, markup: bool = True):
        super().__init__(parent)
        self._sender = sender
        self._bus = bus
        #: the server reads the body as markup: it is escaped
        self.markup = markup
        self._keys: dict[int, Any] = {}
        self.sent: list[tuple[Any, str, str]] = []
        ok = bus.connect(SERVICE, PATH, INTERFACE, "ActionInvoked", self, SLOT("_on_action_invoked(QDBusMessage)"))
        if not ok:
            log.warning("could not listen for clicks on desktop notifications")

    @classmethod
    def create(cls, parent=None) -> "DBusNotifier | None":
        """A notifier when a notification service runs on the session bus, else None."""
        bus = QDBusConnection.sessionBus()
        if not bus.isConnected():
            return None
        iface = bus.interface()
        if iface is None:
            return None
        reply = iface.isServiceRegistered(SERVICE)
        registered = reply.value() if hasattr(reply, "value") else bool(reply)
        if not registered:
            return None
        try:
            sender = _Sender()
        except (OSError, ImportError) as exc:
            log.info("desktop notifications unavailable: %s", exc)
            return None
        return cls(sender, bus, parent, markup=body_is_markup(bus))

    def notify(self, key, title, body):
        self.sent.append((key, title, body))
        try:
            ident = self._sender.notify(title, markup_escape(body) if self.markup else body)
        except OSError as exc:
            log.warning("a desktop notification could not be shown: %s", exc)
            return
        if ident:
            self._keys[ident] = key
            if len(self._keys) > 200:  # old ones can no longer be clicked
                for old in list(self._keys)[:100]:
                    del self._keys[old]

    @Slot(QDBusMessage)
    def _on_action_invoked(self, message: QDBusMessage) -> None:
        args = message.arguments()
        if len(args) < 2:
            return
        try:
            ident = int(args[0])
        except (TypeError, ValueError):
            return
        key = self._keys.get(ident)
        if key is not None and args[1] == "default":
            self.clicked.emit(key)


__all__ = ["DBusNotifier", "SERVICE", "PATH", "INTERFACE", "markup_escape", "body_is_markup",
           "server_capabilities", "tray_balloons_are_markup"]
