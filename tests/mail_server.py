"""A real IMAP server for the mail tests: Debian's dovecot, on 127.0.0.1, throw-away everything.

`MailServer.start()` writes a configuration of its own into a fresh temporary folder (no system
configuration is read), makes a self-signed certificate for 127.0.0.1/localhost with the
`openssl` command, and starts `dovecot -F` with two listeners on free ports: one speaking TLS
from the first byte (`tls_port`, the 993 kind) and one plain that offers STARTTLS
(`starttls_port`, the 143 kind). One user (`USER` / `PASSWORD`) is known from a passwd-file;
its mail is a maildir in the temporary folder, with INBOX and a Sent folder flagged
SPECIAL-USE \\Sent.

Dovecot runs as an unprivileged user: the current one, or, when the tests run as root (as CI
does), the `dovecot` system user the package creates, which then owns the temporary folder.
That way the same configuration works in both cases and dovecot never needs a root-owned path.

A missing dovecot is a failure with a clear message, never a skip: the mail stories must run.
"""

from __future__ import annotations

import imaplib
import os
import pwd
import grp
import shutil
import socket
import ssl
import subprocess
import tempfile
import time
from contextlib import contextmanager
from pathlib import Path

USER = "jordan"
PASSWORD = "s3cret-Mailbox-Pass!"

DOVECOT_HINT = (
    "dovecot is not installed: the mail tests need a real IMAP server "
    "(install it with `bash packaging/linux-deps.sh --test`, which installs dovecot-imapd)"
)


#: fresh users the server knows besides USER, one per test that asks for a mailbox
MAILBOXES = 400


def _nth_user(n: int) -> tuple[str, str]:
    return f"{USER}{n}", f"{PASSWORD}{n}"


def find_program(name: str) -> str | None:
    """`name` on PATH, or in the sbin folders a non-root PATH often lacks."""
    found = shutil.which(name)
    if found:
        return found
    for folder in ("/usr/sbin", "/usr/local/sbin", "/sbin"):
        candidate = Path(folder) / name
        if candidate.is_file() and os.access(candidate, os.X_OK):
            return str(candidate)
    return None


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _run_as() -> tuple[str, int, int]:
    """The unprivileged user dovecot runs as: ourselves, or `dovecot` when we are root."""
    uid = os.geteuid()
    if uid != 0:
        entry = pwd.getpwuid(uid)
        return entry.pw_name, entry.pw_uid, os.getegid()
    for name in ("dovecot", "nobody"):
        try:
            entry = pwd.getpwnam(name)
        except KeyError:
            continue
        return entry.pw_name, entry.pw_uid, entry.pw_gid
    raise RuntimeError("running as root and neither the 'dovecot' nor the 'nobody' user exists")


def make_certificate(folder: Path, *, name: str = "server") -> tuple[Path, Path]:
    """A self-signed certificate (and its key) for 127.0.0.1 and localhost."""
    openssl = find_program("openssl")
    if openssl is None:
        raise RuntimeError("the openssl command is needed to make the test server's certificate")
    cert, key = folder / f"{name}.crt", folder / f"{name}.key"
    subprocess.run(
        [openssl, "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2",
         "-subj", "/CN=localhost", "-addext", "subjectAltName=DNS:localhost,IP:127.0.0.1",
         "-keyout", str(key), "-out", str(cert)],
        check=True, capture_output=True,
    )
    return cert, key


CONFIG = """\
# Written by tests/mail_server.py for one test run; nothing else is read.
protocols = imap
listen = 127.0.0.1
base_dir = {root}/run
state_dir = {root}/state
instance_name = followup-test-{tag}
log_path = {root}/dovecot.log
info_log_path = {root}/dovecot.log
default_internal_user = {user}
default_internal_group = {group}
default_login_user = {user}
# The mail user is whoever runs dovecot; a system user (CI as root: `dovecot`) has a low uid.
first_valid_uid = 1
first_valid_gid = 1
auth_mechanisms = plain login
disable_plaintext_auth = yes
ssl = yes
ssl_cert = <{root}/server.crt
ssl_key = <{root}/server.key
ssl_min_protocol = TLSv1.2
mail_location = maildir:{root}/mail/%u
mailbox_list_index = yes
# The benchmark appends thousands of messages quickly; nothing here needs fsync.
mail_fsync = never

passdb {{
  driver = passwd-file
  args = scheme=PLAIN username_format=%u {root}/passwd
}}
userdb {{
  driver = static
  args = uid={uid} gid={gid} home={root}/home/%u
}}

namespace inbox {{
  inbox = yes
  separator = /
  mailbox Sent {{
    special_use = \\Sent
    auto = subscribe
  }}
  mailbox Drafts {{
    special_use = \\Drafts
    auto = subscribe
  }}
  mailbox Trash {{
    special_use = \\Trash
    auto = subscribe
  }}
}}

service imap-login {{
  chroot =
  inet_listener imap {{
    address = 127.0.0.1
    port = {starttls_port}
  }}
  inet_listener imaps {{
    address = 127.0.0.1
    port = {tls_port}
    ssl = yes
  }}
}}
service anvil {{
  chroot =
}}
service stats {{
  chroot =
}}
"""


class MailServer:
    """One running dovecot; `append()` puts messages in place, `stop()` ends it."""

    host = "127.0.0.1"
    user = USER
    password = PASSWORD

    def __init__(self) -> None:
        self.root: Path | None = None
        self.process: subprocess.Popen | None = None
        self.tls_port = 0
        self.starttls_port = 0
        self.cert: Path | None = None
        self._dovecot: str | None = None
        self._users = 0

    # --- life ---------------------------------------------------------------------------------

    def start(self) -> "MailServer":
        self._dovecot = find_program("dovecot")
        if self._dovecot is None:
            raise RuntimeError(DOVECOT_HINT)
        name, uid, gid = _run_as()
        group = grp.getgrgid(gid).gr_name
        # Not under pytest's tmp_path: that is mode 0700 and root's when CI runs as root.
        self.root = Path(tempfile.mkdtemp(prefix="followup-dovecot-"))
        for sub in ("run", "state", "mail", "home"):
            (self.root / sub).mkdir()
        self.cert, _key = make_certificate(self.root)
        # The user, and the fresh ones `new_mailbox()` hands out, are all written now: dovecot
        # looks at a changed passwd-file at most once a second, too late for the next login.
        (self.root / "passwd").write_text(
            "".join(f"{u}:{{PLAIN}}{p}::::::\n" for u, p in [(USER, PASSWORD), *map(_nth_user, range(1, MAILBOXES + 1))]),
            encoding="utf-8",
        )
        self.tls_port, self.starttls_port = free_port(), free_port()
        while self.starttls_port == self.tls_port:
            self.starttls_port = free_port()
        config = self.root / "dovecot.conf"
        config.write_text(
            CONFIG.format(root=self.root, user=name, group=group, uid=uid, gid=gid,
                          tls_port=self.tls_port, starttls_port=self.starttls_port,
                          tag=self.root.name),
            encoding="utf-8",
        )
        if os.geteuid() == 0:
            for path in [self.root, *self.root.rglob("*")]:
                os.chown(path, uid, gid)
        kwargs = {}
        if os.geteuid() == 0:
            kwargs = {"user": uid, "group": gid, "extra_groups": []}
        self.process = subprocess.Popen(
            [self._dovecot, "-F", "-c", str(config)],
            stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
            env={"PATH": os.environ.get("PATH", "/usr/bin:/bin")}, **kwargs,
        )
        self._wait_until_it_answers()
        return self

    def _wait_until_it_answers(self, timeout: float = 20.0) -> None:
        deadline = time.monotonic() + timeout
        last = ""
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                out = self.process.stdout.read().decode(errors="replace") if self.process.stdout else ""
                raise RuntimeError(f"dovecot stopped at start (exit {self.process.returncode}):\n"
                                   f"{out}\n{self.log()}")
            try:
                with self.connect():
                    return
            except (OSError, imaplib.IMAP4.error) as exc:
                last = str(exc)
                time.sleep(0.1)
        log = self.log()
        self.stop()
        raise RuntimeError(f"dovecot did not answer within {timeout:.0f} s ({last}):\n{log}")

    def stop(self) -> None:
        if self.process is not None and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(timeout=5)
        if self.process is not None and self.process.stdout:
            self.process.stdout.close()
        self.process = None
        if self.root is not None:
            shutil.rmtree(self.root, ignore_errors=True)
            self.root = None

    def doveadm(self, *args: str) -> None:
        doveadm = find_program("doveadm")
        if doveadm is None:
            raise RuntimeError(DOVECOT_HINT)
        name, uid, gid = _run_as()
        kwargs = {"user": uid, "group": gid, "extra_groups": []} if os.geteuid() == 0 else {}
        subprocess.run([doveadm, "-c", str(self.root / "dovecot.conf"), *args], check=True,
                       capture_output=True, env={"PATH": os.environ.get("PATH", "/usr/bin:/bin")},
                       **kwargs)

    def log(self) -> str:
        try:
            return (self.root / "dovecot.log").read_text(encoding="utf-8", errors="replace")
        except (OSError, TypeError):
            return ""

    # --- mailboxes ------------------------------------------------------------------------------

    def new_mailbox(self) -> "Mailbox":
        """A user of its own with an empty INBOX and Sent: each test starts from nothing."""
        self._users += 1
        if self._users > MAILBOXES:
            raise RuntimeError(f"the test server has only {MAILBOXES} fresh mailboxes")
        user, password = _nth_user(self._users)
        box = Mailbox(self, user, password)
        with box.connect() as imap:   # the first login makes the maildir (and Sent)
            imap.noop()
        return box

    def ssl_context(self) -> ssl.SSLContext:
        """A context that trusts this server's certificate (what a user's CA file would do)."""
        return ssl.create_default_context(cafile=str(self.cert))

    @contextmanager
    def connect(self, user: str = USER, password: str = PASSWORD):
        """A logged-in IMAP connection over TLS, as the test's own client (not the app's)."""
        imap = imaplib.IMAP4_SSL(self.host, self.tls_port, ssl_context=self.ssl_context(), timeout=10)
        try:
            imap.login(user, password)
            yield imap
        finally:
            try:
                imap.logout()
            except (OSError, imaplib.IMAP4.error):
                pass


class Mailbox:
    """One user's mail on the server: what a test puts in place and looks at."""

    def __init__(self, server: MailServer, user: str, password: str) -> None:
        self.server, self.user, self.password = server, user, password
        self.host = server.host

    @property
    def tls_port(self) -> int:
        return self.server.tls_port

    @property
    def starttls_port(self) -> int:
        return self.server.starttls_port

    @property
    def cert(self) -> Path:
        return self.server.cert

    def connect(self):
        return self.server.connect(self.user, self.password)

    def append(self, folder: str, *messages: bytes) -> None:
        """APPEND each raw message to `folder` (INBOX, Sent, …), over one connection."""
        with self.connect() as imap:
            for raw in messages:
                typ, data = imap.append(folder, None, None, raw)
                if typ != "OK":
                    raise RuntimeError(f"APPEND to {folder} failed: {data!r}")

    def append_many(self, folder: str, messages, chunk: int = 200) -> None:
        """APPEND a long run of messages quickly (the benchmark's INBOX): the commands are
        pipelined with non-synchronising literals (LITERAL+, which dovecot offers), `chunk` at a
        time, instead of waiting for the server's go-ahead and answer twice per message."""
        messages = list(messages)
        with self.connect() as imap:
            assert "LITERAL+" in imap.capabilities, "the server does not offer LITERAL+"
            name = folder.encode()
            for start in range(0, len(messages), chunk):
                batch = messages[start:start + chunk]
                out = bytearray()
                for n, raw in enumerate(batch):
                    out += b"P%d APPEND %s {%d+}\r\n" % (start + n, name, len(raw)) + raw + b"\r\n"
                imap.send(bytes(out))
                waiting = {b"P%d" % (start + n) for n in range(len(batch))}
                while waiting:
                    line = imap.readline()
                    if not line:
                        raise RuntimeError("the server closed the connection during APPEND")
                    tag, _, rest = line.partition(b" ")
                    if tag in waiting:
                        waiting.discard(tag)
                        if not rest.startswith(b"OK"):
                            raise RuntimeError(f"APPEND to {folder} failed: {rest!r}")

    def recreate(self, folder: str) -> None:
        """Empty `folder` and give it a new UIDVALIDITY, as a server does when a folder is made
        again (INBOX cannot be deleted: its messages are expunged and `doveadm` gives it a new
        UIDVALIDITY, which is what the server would do after a rebuild)."""
        with self.connect() as imap:
            if folder.upper() != "INBOX":
                imap.delete(folder)
                typ, data = imap.create(folder)
                if typ != "OK":
                    raise RuntimeError(f"recreating {folder} failed: {data!r}")
                return
            imap.select("INBOX")
            imap.store("1:*", "+FLAGS.SILENT", r"(\Deleted)")
            imap.expunge()
            imap.close()
        self.server.doveadm("mailbox", "update", "-u", self.user,
                            "--uid-validity", str(self.uidvalidity("INBOX") + 1), "INBOX")

    def _status(self, folder: str, item: str) -> int:
        with self.connect() as imap:
            typ, data = imap.status(folder, f"({item})")
            text = data[0].decode()
            return int(text.split(item)[1].strip(" )"))

    def uidvalidity(self, folder: str) -> int:
        return self._status(folder, "UIDVALIDITY")

    def count(self, folder: str) -> int:
        return self._status(folder, "MESSAGES")

    def flags(self, folder: str) -> list[bytes]:
        """Each message's FLAGS (to see that the app left \\Seen alone)."""
        with self.connect() as imap:
            typ, data = imap.select(folder, readonly=True)
            if int(data[0]) == 0:
                return []
            typ, data = imap.fetch("1:*", "(FLAGS)")
            return [d for d in data if d]


class SecretService:
    """A real Secret Service for the keyring tests: a private D-Bus session bus with
    gnome-keyring-daemon on it, its keyrings in a temporary home, unlocked with a throw-away
    password. `env` is what a process needs to reach it (keyring's SecretService backend)."""

    def __init__(self, home: Path) -> None:
        self.home = Path(home)
        self.bus: subprocess.Popen | None = None
        self.daemon: subprocess.Popen | None = None
        self.env: dict[str, str] = {}

    def start(self) -> "SecretService":
        dbus, daemon = find_program("dbus-daemon"), find_program("gnome-keyring-daemon")
        if dbus is None or daemon is None:
            raise RuntimeError("the keyring tests need dbus-daemon and gnome-keyring "
                               "(install them with `bash packaging/linux-deps.sh --test`)")
        for sub in ("data", "run", "config"):
            (self.home / sub).mkdir(parents=True, exist_ok=True)
        os.chmod(self.home / "run", 0o700)
        self.bus = subprocess.Popen([dbus, "--session", "--nofork", "--print-address=1"],
                                    stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
        address = self.bus.stdout.readline().decode().strip()
        if not address:
            raise RuntimeError("dbus-daemon gave no address")
        self.env = {"DBUS_SESSION_BUS_ADDRESS": address, "XDG_DATA_HOME": str(self.home / "data"),
                    "XDG_RUNTIME_DIR": str(self.home / "run"), "XDG_CONFIG_HOME": str(self.home / "config"),
                    "PYTHON_KEYRING_BACKEND": "keyring.backends.SecretService.Keyring"}
        self.daemon = subprocess.Popen(
            [daemon, "--foreground", "--unlock", "--components=secrets"],
            stdin=subprocess.PIPE, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
            env={**os.environ, **self.env, "HOME": str(self.home)})
        self.daemon.stdin.write(b"keyring-unlock-for-tests")
        self.daemon.stdin.close()
        deadline = time.monotonic() + 15
        while time.monotonic() < deadline:
            probe = subprocess.run(
                [find_program("dbus-send") or "dbus-send", "--session", "--print-reply", "--dest=org.freedesktop.DBus", "/",
                 "org.freedesktop.DBus.NameHasOwner", "string:org.freedesktop.secrets"],
                env={**os.environ, **self.env}, capture_output=True, text=True)
            if "boolean true" in probe.stdout:
                return self
            time.sleep(0.1)
        self.stop()
        raise RuntimeError("gnome-keyring-daemon did not come up on the test bus")

    def stop(self) -> None:
        for process in (self.daemon, self.bus):
            if process is not None and process.poll() is None:
                process.terminate()
                try:
                    process.wait(timeout=5)
                except subprocess.TimeoutExpired:
                    process.kill()
        if self.bus is not None and self.bus.stdout:
            self.bus.stdout.close()
        self.daemon = self.bus = None
