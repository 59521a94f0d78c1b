"""The Secret Service (GNOME Keyring, KWallet, KeePassXC…) as a `keyring` backend, over D-Bus
with `jeepney` alone.

keyring's own SecretService backend goes through SecretStorage, which needs the `cryptography`
package (about 12 MB of the bundle) for the "dh-ietf1024-sha256-aes128-cbc-pkcs7" session: the
secret encrypted between the app and the keyring daemon. This backend opens the "plain" session
instead: the secret crosses the user's own session bus unencrypted. That bus is the user's alone
(a Unix socket only that user may connect to), and any process that could read messages on it
runs as the user and can ask the daemon for the same secret anyway; the encrypted session only
defends against a bus one does not trust, which the session bus is not.

Items are kept in the default collection (the alias "default", created when there is none yet)
with the very attributes keyring's SecretService backend gives them (`service`, `username`,
and `application` = "Python keyring library"), and are found by `service` and `username`, so a
password kept by either backend is found by both. A locked collection or item is unlocked
through the Secret Service's Prompt (the daemon asks the person for their keyring password);
a prompt dismissed, or not answered in PROMPT_TIMEOUT seconds, is a SecretServiceLocked error
(a keyring KeyringLocked) in one line. No secret ever goes into an exception, a log line or a file.

Plain Python, no Qt.
"""

from __future__ import annotations

import sys
from contextlib import closing

from keyring.backend import KeyringBackend, SchemeSelectable
from keyring.compat import properties
from keyring.errors import InitError, KeyringError, KeyringLocked, PasswordDeleteError

BUS_NAME = "org.freedesktop.secrets"
SERVICE_PATH = "/org/freedesktop/secrets"
PREFIX = "org.freedesktop.Secret."
APPLICATION = "Python keyring library"  # keyring's SecretService.Keyring.appid: the same items
CONTENT_TYPE = "text/plain"
CALL_TIMEOUT = 10.0  # seconds for one D-Bus call
PROMPT_TIMEOUT = 120.0  # seconds for a person to answer the keyring's unlock prompt


class SecretServiceError(KeyringError):
    """The Secret Service could not be used; the message is one plain line with no secret."""


class SecretServiceUnavailable(SecretServiceError, InitError):
    """No session bus, or no Secret Service on it."""


class SecretServiceLocked(SecretServiceError, KeyringLocked):
    """The collection or item stayed locked: its prompt dismissed or not answered."""


def _address(path: str, interface: str):
    from jeepney import DBusAddress

    return DBusAddress(path, bus_name=BUS_NAME, interface=PREFIX + interface)


class _Session:
    """One connection to the session bus and a "plain" Secret Service session on it."""

    def __init__(self) -> None:
        from jeepney.io.blocking import open_dbus_connection

        try:
            self.connection = open_dbus_connection(bus="SESSION")
        except Exception as exc:  # noqa: BLE001 - no bus, a refused one, a bad address
            raise SecretServiceUnavailable(f"no D-Bus session bus to reach the Secret Service ({type(exc).__name__})") from None
        try:
            output, self.path = self.call(SERVICE_PATH, "Service", "OpenSession", "sv", ("plain", ("s", "")))
        except BaseException:
            self.connection.close()
            raise

    def close(self) -> None:
        self.connection.close()

    def call(self, path: str, interface: str, method: str, signature: str | None = None, body=()):
        from jeepney import new_method_call
        from jeepney.wrappers import DBusErrorResponse, unwrap_msg

        message = new_method_call(_address(path, interface), method, signature, body)
        try:
            return unwrap_msg(self.connection.send_and_get_reply(message, timeout=CALL_TIMEOUT))
        except DBusErrorResponse as exc:
            if exc.name == "org.freedesktop.DBus.Error.ServiceUnknown":
                raise SecretServiceUnavailable("no Secret Service on the session bus (no GNOME Keyring, KWallet "
                                "or KeePassXC running)") from None
            raise SecretServiceError(f"the Secret Service refused {method}: {exc.name}") from None
        except TimeoutError:
            raise SecretServiceError(f"the Secret Service did not answer {method} in "
                                     f"{CALL_TIMEOUT:.0f} s") from None

    def locked(self, path: str, interface: str) -> bool:
        from jeepney import DBusAddress, new_method_call
        from jeepney.wrappers import DBusErrorResponse, unwrap_msg

        properties_of = DBusAddress(path, bus_name=BUS_NAME, interface="org.freedesktop.DBus.Properties")
        message = new_method_call(properties_of, "Get", "ss", (PREFIX + interface, "Locked"))
        try:
            (_signature, value), = unwrap_msg(self.connection.send_and_get_reply(message, timeout=CALL_TIMEOUT))
        except DBusErrorResponse as exc:
            raise SecretServiceError(f"the Secret Service did not say whether {interface.lower()} is "
                                     f"locked: {exc.name}") from None
        return bool(value)

    def prompt(self, prompt_path: str, what: str):
        """Show the daemon's prompt and wait for its Completed signal: its result, or
        SecretServiceLocked when the person dismissed it or did not answer in time."""
        from jeepney import MatchRule
        from jeepney.bus_messages import message_bus

        rule = MatchRule(type="signal", interface=PREFIX + "Prompt", member="Completed", path=prompt_path)
        self.connection.send_and_get_reply(message_bus.AddMatch(rule), timeout=CALL_TIMEOUT)
        with self.connection.filter(rule) as signals:
            self.call(prompt_path, "Prompt", "Prompt", "s", ("",))  # no window id: the daemon's own
            try:
                signal = self.connection.recv_until_filtered(signals, timeout=PROMPT_TIMEOUT)
            except TimeoutError:
                raise SecretServiceLocked(f"the system keyring stayed locked: its prompt to {what} was not "
                                    f"answered in {PROMPT_TIMEOUT:.0f} s") from None
        dismissed, (_signature, result) = signal.body
        if dismissed:
            raise SecretServiceLocked(f"the system keyring stayed locked: its prompt to {what} was dismissed")
        return result

    def unlock(self, path: str, interface: str) -> None:
        if not self.locked(path, interface):
            return
        _unlocked, prompt = self.call(SERVICE_PATH, "Service", "Unlock", "ao", ([path],))
        if prompt != "/":
            self.prompt(prompt, "unlock it")
        if self.locked(path, interface):
            raise SecretServiceLocked("the system keyring stayed locked")

    def default_collection(self, create: bool) -> str | None:
        """The default collection's path, unlocked; None when there is none and `create` is
        false."""
        (path,) = self.call(SERVICE_PATH, "Service", "ReadAlias", "s", ("default",))
        if path == "/":
            if not create:
                return None
            label = {PREFIX + "Collection.Label": ("s", "Default keyring")}
            path, prompt = self.call(SERVICE_PATH, "Service", "CreateCollection", "a{sv}s", (label, "default"))
            if path == "/":
                path = self.prompt(prompt, "create a keyring")
        self.unlock(path, "Collection")
        return path

    def search(self, collection: str, attributes: dict[str, str]) -> list[str]:
        (items,) = self.call(collection, "Collection", "SearchItems", "a{ss}", (attributes,))
        return list(items)

    def secret(self, item: str) -> str:
        self.unlock(item, "Item")
        ((_session, _parameters, value, _content_type),) = self.call(item, "Item", "GetSecret", "o", (self.path,))
        return bytes(value).decode("utf-8")


class Keyring(SchemeSelectable, KeyringBackend):
    """The Secret Service over jeepney (see the module's docstring)."""

    appid = APPLICATION

    @properties.classproperty
    def priority(cls) -> float:
        if not sys.platform.startswith("linux"):
            raise RuntimeError("the Secret Service is a Linux desktop's")
        try:
            import jeepney  # noqa: F401
        except ImportError as exc:
            raise RuntimeError("jeepney is not installed") from exc
        # just below keyring's own SecretService backend (5): when both can be had, either is right
        return 4.9

    def get_password(self, service: str, username: str) -> str | None:
        with closing(_Session()) as session:
            collection = session.default_collection(create=False)
            if collection is None:
                return None
            for item in session.search(collection, self._query(service, username)):
                return session.secret(item)
        return None

    def set_password(self, service: str, username: str, password: str) -> None:
        with closing(_Session()) as session:
            collection = session.default_collection(create=True)
            properties_ = {
                PREFIX + "Item.Label": ("s", f"Password for '{username}' on '{service}'"),
                PREFIX + "Item.Attributes": ("a{ss}", self._query(service, username, application=self.appid)),
            }
            secret = (session.path, b"", password.encode("utf-8"), CONTENT_TYPE)
            item, prompt = session.call(collection, "Collection", "CreateItem", "a{sv}(oayays)b",
                                        (properties_, secret, True))
            if item == "/":
                session.prompt(prompt, "keep the password")

    def delete_password(self, service: str, username: str) -> None:
        with closing(_Session()) as session:
            collection = session.default_collection(create=False)
            items = session.search(collection, self._query(service, username)) if collection else []
            if not items:
                raise PasswordDeleteError("no such password in the system keyring")
            (prompt,) = session.call(items[0], "Item", "Delete")
            if prompt != "/":
                session.prompt(prompt, "delete the password")


__all__ = ["Keyring", "SecretServiceError", "SecretServiceUnavailable", "SecretServiceLocked", "APPLICATION"]
