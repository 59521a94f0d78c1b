"""One running app per data dir: a second launch brings the first one's window forward and exits.

A `QLockFile` in the data dir says who runs (a crash leaves it behind; Qt sees the dead pid and
takes it over). A `QLocalServer` named after the data dir carries "show yourself" from the second
launch to the first. The name is a checksum of the data dir's path, so two data dirs (tests, a
portable copy) never talk to each other, and the socket is private to the user. (zlib's, not
hashlib's: hashlib would load OpenSSL's libcrypto, 3 MB, for a name.)
"""

from __future__ import annotations

import logging
import sys
import time
import zlib

from PySide6.QtCore import QDeadlineTimer, QLockFile, QObject, Signal
from PySide6.QtNetwork import QLocalServer, QLocalSocket

from ..paths import DataPaths, ensure_private_dir, make_private_file

log = logging.getLogger(__name__)

LOCK_FILENAME = "instance.lock"
_ACTIVATE = b"activate\n"


def server_name(paths: DataPaths) -> str:
    root = str(paths.root.resolve())
    if sys.platform == "win32":
        root = root.lower()  # one folder, however it was spelled
    raw = root.encode("utf-8")
    return f"followup-desktop-{zlib.crc32(raw):08x}{zlib.adler32(raw):08x}"


class SingleInstance(QObject):
    """`acquire()` once before any window is built; `activated` fires when another launch asks
    this one to show itself."""

    activated = Signal()

    def __init__(self, paths: DataPaths, parent: QObject | None = None):
        super().__init__(parent)
        self.paths = paths
        self.name = server_name(paths)
        ensure_private_dir(paths.root, enforce=paths.is_default)
        self._lock = QLockFile(str(paths.root / LOCK_FILENAME))
        # A live owner keeps its lock however old (it holds an OS lock on the file too); a dead
        # one's lock is taken over at once because its pid no longer runs. The age limit only
        # matters for a lock left by another machine sharing the folder.
        self._lock.setStaleLockTime(60_000)
        self._server: QLocalServer | None = None
        self._sockets: list[QLocalSocket] = []

    @property
    def lock_path(self):
        return self.paths.root / LOCK_FILENAME

    def acquire(self) -> bool:
        """True when this process is now the one instance (and listens for activations)."""
        if not self._lock.tryLock(0):
            if self._lock.error() == QLockFile.LockFailedError:
                return False
            # The lock file cannot be written (permissions, full disk): run anyway rather than
            # refuse to start; a second instance is the lesser harm.
            log.warning("could not create the instance lock %s (error %s)", self.lock_path, self._lock.error())
        else:
            make_private_file(self.lock_path)
        self._listen()
        return True

    def _listen(self) -> None:
        server = QLocalServer(self)
        server.setSocketOptions(QLocalServer.UserAccessOption)
        # We hold the lock, so a socket of this name is a leftover of a crash.
        QLocalServer.removeServer(self.name)
        if not server.listen(self.name):
            log.warning("could not listen for other launches on %s: %s", self.name, server.errorString())
            return
        server.newConnection.connect(self._on_connection)
        self._server = server

    def _on_connection(self) -> None:
        while self._server is not None and self._server.hasPendingConnections():
            socket = self._server.nextPendingConnection()
            self._sockets.append(socket)
            socket.readyRead.connect(self._on_ready)
            socket.disconnected.connect(self._on_disconnected)
            if socket.bytesAvailable():
                self._read(socket)

    def _on_ready(self) -> None:
        socket = self.sender()
        if isinstance(socket, QLocalSocket):
            self._read(socket)

    def _read(self, socket: QLocalSocket) -> None:
        data = bytes(socket.readAll().data())
        if _ACTIVATE.strip() in data:
            self.activated.emit()

    def _on_disconnected(self) -> None:
        socket = self.sender()
        if socket in self._sockets:
            self._sockets.remove(socket)
            socket.deleteLater()

    def activate_other(self, timeout_ms: int = 3000) -> bool:
        """Ask the running instance to show its window. The other one may still be starting:
        keep trying until `timeout_ms`."""
        deadline = QDeadlineTimer(timeout_ms)
        while True:
            socket = QLocalSocket()
            socket.connectToServer(self.name)
            if socket.waitForConnected(min(500, max(1, deadline.remainingTime()))):
                socket.write(_ACTIVATE)
                socket.flush()
                socket.waitForBytesWritten(1000)
                socket.disconnectFromServer()
                if socket.state() != QLocalSocket.UnconnectedState:
                    socket.waitForDisconnected(1000)
                return True
            if deadline.hasExpired():
                log.warning("the running instance did not answer on %s", self.name)
                return False
            time.sleep(0.1)

    def release(self) -> None:
        for socket in self._sockets:
            socket.readyRead.disconnect(self._on_ready)
            socket.disconnected.disconnect(self._on_disconnected)
            socket.abort()
            socket.deleteLater()
        self._sockets.clear()
        if self._server is not None:
            self._server.newConnection.disconnect(self._on_connection)
            self._server.close()
            self._server.deleteLater()
            self._server = None
        if self._lock.isLocked():
            self._lock.unlock()


__all__ = ["SingleInstance", "server_name", "LOCK_FILENAME"]
