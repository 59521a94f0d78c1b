"""One running app per data dir: a second launch brings the first one's window forward and exits.

A `QLockFile` in the data dir says who runs (a crash leaves it behind; Qt sees the dead pid and
takes it over). A local socket named after the data dir carries "show yourself" from the second
launch to the first. The name is a checksum of the data dir's path, so two data dirs (tests, a
portable copy) never talk to each other. (zlib's, not hashlib's: hashlib would load OpenSSL's
libcrypto, 3 MB, for a name.)

On Linux and macOS the socket is a plain Unix socket in a folder only the user can enter
(`$XDG_RUNTIME_DIR`, else a 0700 folder of ours in the temp dir), watched by a
`QSocketNotifier`: Qt's `QLocalServer` would load the whole QtNetwork module, ~3 MB at every
start, for these few bytes. On Windows, which has no Unix sockets for Python, `QLocalServer`
does it.
"""

from __future__ import annotations

import logging
import os
import stat
import sys
import time
import zlib
from pathlib import Path

from PySide6.QtCore import QLockFile, QObject, QSocketNotifier, Signal

from ..paths import DataPaths, ensure_private_dir, make_private_file

log = logging.getLogger(__name__)

_ACTIVATE = b"activate\n"
_UNIX = sys.platform != "win32"


def server_name(paths: DataPaths) -> str:
    root = str(paths.root.resolve())
    if sys.platform == "win32":
        root = root.lower()  # one folder, however it was spelled
    raw = root.encode("utf-8")
    return f"followup-desktop-{zlib.crc32(raw):08x}{zlib.adler32(raw):08x}"


def socket_dir() -> Path:
    """A folder only this user can enter, for the socket: `$XDG_RUNTIME_DIR` when it is that
    (the spec says it is), else `followup-desktop-<uid>` in the temp dir, made 0700 and checked
    to be ours (someone else's folder there is refused, not used)."""
    runtime = os.environ.get("XDG_RUNTIME_DIR")
    if runtime:
        try:
            st = os.stat(runtime)
            if stat.S_ISDIR(st.st_mode) and st.st_uid == os.getuid() and not st.st_mode & 0o077:
                return Path(runtime)
        except OSError:
            pass
    folder = Path(os.environ.get("TMPDIR") or "/tmp") / f"followup-desktop-{os.getuid()}"
    try:
        folder.mkdir(mode=0o700)
    except FileExistsError:
        pass
    st = os.lstat(folder)
    if not stat.S_ISDIR(st.st_mode) or st.st_uid != os.getuid():
        raise PermissionError(f"{folder} is not a folder of this user's")
    if st.st_mode & 0o077:
        os.chmod(folder, 0o700)
    return folder


class SingleInstance(QObject):
    """`acquire()` once before any window is built; `activated` fires when another launch asks
    this one to show itself."""

    activated = Signal()

    def __init__(self, paths: DataPaths, parent: QObject | None = None):
        super().__init__(parent)
        self.paths = paths
        self.name = server_name(paths)
        ensure_private_dir(paths.root, enforce=paths.is_default)
        self._lock = QLockFile(str(paths.instance_lock))
        # A live owner keeps its lock however old (it holds an OS lock on the file too); a dead
        # one's lock is taken over at once because its pid no longer runs. The age limit only
        # matters for a lock left by another machine sharing the folder.
        self._lock.setStaleLockTime(60_000)
        self._server = None  # a listening socket (Unix) or a QLocalServer (Windows)
        self._notifier: QSocketNotifier | None = None
        self._clients: dict = {}
        #: notifiers of closed connections, deleted at the next connection (not from inside
        #: their own signal: deleting a notifier there can crash PySide later)
        self._dead: list[QSocketNotifier] = []  # an accepted connection -> (its notifier, what came so far)

    @property
    def lock_path(self):
        return self.paths.instance_lock

    @property
    def socket_path(self) -> Path:
        return socket_dir() / self.name

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
        try:
            self._listen() if _UNIX else self._listen_qt()
        except OSError as exc:
            log.warning("could not listen for other launches on %s: %s", self.name, exc)
        return True

    # -- Unix: a socket file in a private folder ------------------------------------------------
    def _listen(self) -> None:
        import socket

        path = self.socket_path
        server = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        try:
            # We hold the lock, so a socket of this name is a leftover of a crash.
            path.unlink(missing_ok=True)
            server.bind(str(path))
            os.chmod(path, 0o600)
            server.listen(4)
            server.setblocking(False)
        except OSError:
            server.close()
            raise
        self._server = server
        self._notifier = QSocketNotifier(server.fileno(), QSocketNotifier.Read, self)
        self._notifier.activated.connect(self._accept)

    def _accept(self) -> None:
        self._bury()
        while self._server is not None:
            try:
                conn, _ = self._server.accept()
            except (BlockingIOError, InterruptedError):
                return
            except OSError as exc:
                log.warning("another launch could not connect: %s", exc)
                return
            conn.setblocking(False)
            notifier = QSocketNotifier(conn.fileno(), QSocketNotifier.Read, self)
            self._clients[conn] = [notifier, b""]
            notifier.activated.connect(lambda *_, c=conn: self._receive(c))
            self._receive(conn)

    def _receive(self, conn) -> None:
        entry = self._clients.get(conn)
        if entry is None:
            return
        try:
            data = conn.recv(256)
        except (BlockingIOError, InterruptedError):
            return
        except OSError:
            data = b""
        entry[1] = (entry[1] + data)[-256:]
        if _ACTIVATE.strip() in entry[1]:
            entry[1] = b""
            self.activated.emit()
        if not data:  # the other launch is done
            self._drop(conn)

    def _drop(self, conn) -> None:
        notifier, _ = self._clients.pop(conn)
        notifier.setEnabled(False)
        self._dead.append(notifier)
        conn.close()

    def _bury(self) -> None:
        for notifier in self._dead:
            notifier.setParent(None)  # the last reference goes with the list: deleted now
        self._dead.clear()

    def _send(self) -> bool:
        import socket

        client = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        client.settimeout(1.0)
        try:
            client.connect(str(self.socket_path))
            client.sendall(_ACTIVATE)
            return True
        except OSError:
            return False
        finally:
            client.close()

    # -- Windows: Qt's local server (a named pipe) ------------------------------------------------
    def _listen_qt(self) -> None:  # pragma: no cover - Windows only
        from PySide6.QtNetwork import QLocalServer

        server = QLocalServer(self)
        server.setSocketOptions(QLocalServer.UserAccessOption)
        QLocalServer.removeServer(self.name)
        if not server.listen(self.name):
            raise OSError(server.errorString())

        def connected():
            while server.hasPendingConnections():
                sock = server.nextPendingConnection()
                sock.readyRead.connect(lambda s=sock: _read(s))
                sock.disconnected.connect(sock.deleteLater)
                _read(sock)

        def _read(sock):
            if _ACTIVATE.strip() in bytes(sock.readAll().data()):
                self.activated.emit()
        server.newConnection.connect(connected)
        self._server = server

    def _send_qt(self) -> bool:  # pragma: no cover - Windows only
        from PySide6.QtNetwork import QLocalSocket

        sock = QLocalSocket()
        sock.connectToServer(self.name)
        if not sock.waitForConnected(500):
            return False
        sock.write(_ACTIVATE)
        sock.flush()
        sock.waitForBytesWritten(1000)
        sock.disconnectFromServer()
        return True

    # -----------------------------------------------------------------------------------------
    def activate_other(self, timeout_ms: int = 3000) -> bool:
        """Ask the running instance to show its window. The other one may still be starting:
        keep trying until `timeout_ms`."""
        deadline = time.monotonic() + timeout_ms / 1000
        while True:
            try:
                if self._send() if _UNIX else self._send_qt():
                    return True
            except OSError:  # no private folder for the socket: nobody can be listening there
                pass
            if time.monotonic() >= deadline:
                log.warning("the running instance did not answer on %s", self.name)
                return False
            time.sleep(0.1)

    def release(self) -> None:
        for conn in list(self._clients):
            self._drop(conn)
        self._bury()
        if self._notifier is not None:
            self._notifier.setEnabled(False)
            self._notifier.deleteLater()
            self._notifier = None
        if self._server is not None:
            if _UNIX:
                self._server.close()
                try:
                    self.socket_path.unlink(missing_ok=True)
                except OSError:
                    pass
            else:  # pragma: no cover - Windows only
                self._server.close()
                self._server.deleteLater()
            self._server = None
        if self._lock.isLocked():
            self._lock.unlock()


__all__ = ["SingleInstance", "server_name", "socket_dir"]
