"""Desktop notifications over D-Bus (`org.freedesktop.Notifications`), for Linux desktops with no
tray. A click on the notification ("default" action) comes back as `ActionInvoked`.

A server that lists `body-markup` among its capabilities reads the body as markup (a subset of
HTML): a name like "<b>Bold</b>" would be drawn bold and an `<img>` fetched, so the body is escaped
for such a server (and for one that does not answer `GetCapabilities`, which every server must).
The summary is plain text by the specification.

The signal is received with QtDBus. The `Notify` call is sent through libdbus (loaded with
ctypes; it is a runtime dependency of Qt on Linux anyway) because the method takes a `uint32`
and PySide6 can only marshal Python ints as signed integers, which notification servers refuse.
"""

from __future__ import annotations

import ctypes
import ctypes.util
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


class _Error(ctypes.Structure):
    _fields_ = [("name", ctypes.c_char_p), ("message", ctypes.c_char_p), ("dummy", ctypes.c_uint),
                ("padding1", ctypes.c_void_p)]


def _iter():
    # DBusMessageIter is an opaque stack struct (14 words on every ABI libdbus supports).
    return ctypes.create_string_buffer(256)


class _LibDBus:
    """The few libdbus calls `Notify` needs, on a private session-bus connection."""

    def __init__(self):
        name = ctypes.util.find_library("dbus-1") or "libdbus-1.so.3"
        lib = ctypes.CDLL(name)
        vp, cp, i, u = ctypes.c_void_p, ctypes.c_char_p, ctypes.c_int, ctypes.c_uint32
        lib.dbus_error_init.argtypes = [ctypes.POINTER(_Error)]
        lib.dbus_error_free.argtypes = [ctypes.POINTER(_Error)]
        lib.dbus_bus_get_private.restype = vp
        lib.dbus_bus_get_private.argtypes = [i, ctypes.POINTER(_Error)]
        lib.dbus_connection_set_exit_on_disconnect.argtypes = [vp, u]
        lib.dbus_message_new_method_call.restype = vp
        lib.dbus_message_new_method_call.argtypes = [cp, cp, cp, cp]
        lib.dbus_message_iter_init_append.argtypes = [vp, vp]
        lib.dbus_message_iter_append_basic.argtypes = [vp, i, vp]
        lib.dbus_message_iter_append_basic.restype = u
        lib.dbus_message_iter_open_container.argtypes = [vp, i, cp, vp]
        lib.dbus_message_iter_open_container.restype = u
        lib.dbus_message_iter_close_container.argtypes = [vp, vp]
        lib.dbus_message_iter_close_container.restype = u
        lib.dbus_connection_send_with_reply_and_block.restype = vp
        lib.dbus_connection_send_with_reply_and_block.argtypes = [vp, vp, i, ctypes.POINTER(_Error)]
        lib.dbus_message_iter_init.argtypes = [vp, vp]
        lib.dbus_message_iter_init.restype = u
        lib.dbus_message_iter_get_arg_type.argtypes = [vp]
        lib.dbus_message_iter_get_arg_type.restype = i
        lib.dbus_message_iter_get_basic.argtypes = [vp, vp]
        lib.dbus_message_iter_recurse.argtypes = [vp, vp]
        lib.dbus_message_unref.argtypes = [vp]
        lib.dbus_error_is_set.argtypes = [ctypes.POINTER(_Error)]
        lib.dbus_error_is_set.restype = u
        self.lib = lib
        err = _Error()
        lib.dbus_error_init(ctypes.byref(err))
        self.conn = lib.dbus_bus_get_private(0, ctypes.byref(err))  # DBUS_BUS_SESSION
        if not self.conn:
            message = err.message.decode(errors="replace") if err.message else "no session bus"
            lib.dbus_error_free(ctypes.byref(err))
            raise OSError(message)
        lib.dbus_connection_set_exit_on_disconnect(self.conn, 0)

    def notify(self, summary: str, body: str, icon: str = "followup-desktop") -> int:
        lib = self.lib
        msg = lib.dbus_message_new_method_call(SERVICE.encode(), PATH.encode(), INTERFACE.encode(), b"Notify")
        if not msg:
            raise MemoryError("dbus_message_new_method_call")
        keep = []  # the C strings must outlive the append calls

        def s(it, text):
            p = ctypes.c_char_p(text.encode("utf-8"))
            keep.append(p)
            lib.dbus_message_iter_append_basic(it, ord("s"), ctypes.byref(p))

        try:
            it = _iter()
            lib.dbus_message_iter_init_append(msg, it)
            s(it, APP_NAME)
            replaces = ctypes.c_uint32(0)
            lib.dbus_message_iter_append_basic(it, ord("u"), ctypes.byref(replaces))
            s(it, icon)
            s(it, summary)
            s(it, body)
            actions = _iter()
            lib.dbus_message_iter_open_container(it, ord("a"), b"s", actions)
            s(actions, "default")
            s(actions, "Open")
            lib.dbus_message_iter_close_container(it, actions)
            hints = _iter()
            lib.dbus_message_iter_open_container(it, ord("a"), b"{sv}", hints)
            lib.dbus_message_iter_close_container(it, hints)
            expire = ctypes.c_int32(-1)
            lib.dbus_message_iter_append_basic(it, ord("i"), ctypes.byref(expire))
            err = _Error()
            lib.dbus_error_init(ctypes.byref(err))
            reply = lib.dbus_connection_send_with_reply_and_block(self.conn, msg, _TIMEOUT_MS, ctypes.byref(err))
            if not reply:
                message = err.message.decode(errors="replace") if err.message else "no reply"
                lib.dbus_error_free(ctypes.byref(err))
                raise OSError(message)
            try:
                rit = _iter()
                if not lib.dbus_message_iter_init(reply, rit):
                    return 0
                kind = lib.dbus_message_iter_get_arg_type(rit)
                log.debug("Notify answered with type %r", chr(kind) if kind else None)
                if kind == ord("v"):  # a lenient server may wrap the id in a variant
                    inner = _iter()
                    lib.dbus_message_iter_recurse(rit, inner)
                    rit, kind = inner, lib.dbus_message_iter_get_arg_type(inner)
                if kind in (ord("u"), ord("i")):
                    out = ctypes.c_uint32(0)
                    lib.dbus_message_iter_get_basic(rit, ctypes.byref(out))
                    return int(out.value)
                return 0
            finally:
                lib.dbus_message_unref(reply)
        finally:
            lib.dbus_message_unref(msg)


class DBusNotifier(Notifier):
    name = "dbus"

    def __init__(self, sender: _LibDBus, bus: QDBusConnection, parent=None, *, markup: bool = True):
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
            sender = _LibDBus()
        except OSError as exc:
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
