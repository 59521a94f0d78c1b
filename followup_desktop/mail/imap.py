"""The mailbox, read: INBOX and Sent over IMAP, read-only, new messages only.

`sync(store, account, password)` connects with the standard library's `imaplib` over TLS (from
the first byte, or STARTTLS; never without), with certificates checked by
`ssl.create_default_context()`: the system's store, or the file `SSL_CERT_FILE` names, or only
the authority file the user named in the settings. Then, for INBOX and the Sent folder (the
one the server flags SPECIAL-USE \\Sent, or the one named in the settings):

* `EXAMINE` (never SELECT: nothing on the server changes, not even the \\Seen flag);
* the UIDs above the last one read (table `mail_folder`, per account and folder). When the
  folder's UIDVALIDITY is not the one kept, the folder is read again from the start; a message
  already brought in is known by its Message-ID and changes nothing;
* the header fields of those messages in batches (`BODY.PEEK[HEADER.FIELDS (…)]`);
* the whole message (`BODY.PEEK[]`, at most `MAX_MESSAGE_BYTES` of it) only for those the
  matcher wants (from or to a contact or an employer), handed to `intake.bring_in`.

Nothing else read is kept: no header, no address, no count of the other messages. The socket
has a timeout; every failure becomes a `MailError` with one plain line, never the password.

Plain Python, no Qt.
"""

from __future__ import annotations

import base64
import imaplib
import re
import socket
import ssl
from dataclasses import dataclass, field
from datetime import datetime
from email.parser import BytesHeaderParser
from email.policy import compat32
from email.utils import getaddresses
from typing import Iterable

from .account import STARTTLS, TLS, Account, MailError

#: seconds the socket waits for the server before giving up
TIMEOUT = 30.0
#: UIDs per header fetch
HEADER_BATCH = 500
#: the most of one message fetched (mail/message.py reads no more than this either)
MAX_MESSAGE_BYTES = 2 * 1024 * 1024
HEADER_FIELDS = "FROM TO CC DATE MESSAGE-ID SUBJECT IN-REPLY-TO REFERENCES"
INBOX = "INBOX"
#: names a Sent folder has where the server flags none (the last part of the name)
SENT_NAMES = ("sent", "sent items", "sent messages", "sent mail")


@dataclass
class FolderReport:
    name: str
    new: int = 0
    matched: int = 0
    done: int = 0
    #: the `bring_in` results of the messages that matched someone (for the window and the log)
    results: list = field(default_factory=list)


@dataclass
class SyncReport:
    inbox: FolderReport
    sent: FolderReport | None
    checked_at: datetime

    def line(self) -> str:
        """`INBOX: N new, M matched; Sent: K matched, J steps done` (CONTRACT.md)."""
        sent = self.sent or FolderReport("Sent")
        return (f"INBOX: {self.inbox.new} new, {self.inbox.matched} matched; "
                f"Sent: {sent.matched} matched, {sent.done} steps done")

    @property
    def results(self) -> list:
        return [*self.inbox.results, *(self.sent.results if self.sent else [])]


# -- errors in plain words ------------------------------------------------------------------------

def _plain(exc: BaseException, account: Account, stage: str, timeout: float = TIMEOUT) -> MailError:
    """One line for a failure; the password never reaches it (no exception here carries it)."""
    where = account.where
    if isinstance(exc, MailError):
        return exc
    if isinstance(exc, socket.gaierror):
        return MailError(f"the mail server {account.host} was not found (check the server name "
                         f"and the network)")
    if isinstance(exc, ssl.SSLCertVerificationError):
        why = exc.verify_message or exc.reason or "not trusted"
        return MailError(f"the certificate of the mail server {where} is not trusted ({why}); if it is "
                         f"your organisation's own, name its authority file in Settings → Mail")
    if isinstance(exc, ssl.SSLError):
        why = exc.reason or type(exc).__name__
        hint = ("; is the port right for TLS? (STARTTLS servers listen on 143)" if account.security == TLS
                else "")
        return MailError(f"the secure connection to the mail server {where} failed ({why}){hint}")
    if isinstance(exc, (socket.timeout, TimeoutError)):
        hint = (" (is the port right for STARTTLS? TLS servers listen on 993)"
                if account.security == STARTTLS and stage == "connecting" else "")
        return MailError(f"the mail server {where} did not answer within {timeout:g} seconds{hint}")
    if isinstance(exc, ConnectionRefusedError):
        return MailError(f"the mail server {where} refused the connection (check the port and "
                         f"the security setting)")
    if isinstance(exc, imaplib.IMAP4.abort):
        return MailError(f"the mail server {where} closed the connection while {stage}")
    if isinstance(exc, imaplib.IMAP4.error):
        if stage == "logging in":
            return MailError("the mail server refused the user name or password")
        text = str(exc).strip().splitlines()[0][:200] if str(exc).strip() else type(exc).__name__
        return MailError(f"the mail server {where} answered with an error while {stage}: {text}")
    if isinstance(exc, OSError):
        why = exc.strerror or type(exc).__name__
        return MailError(f"could not reach the mail server {where}: {why}")
    return MailError(f"reading the mail server {where} failed while {stage} ({type(exc).__name__})")


# -- folder names ---------------------------------------------------------------------------------

_LIST_RE = re.compile(rb'^\((?P<flags>[^)]*)\)\s+(?P<delim>"(?:[^"\\]|\\.)*"|NIL)\s+(?P<name>.*)$', re.I)


def _unquote(text: bytes) -> bytes:
    text = text.strip()
    if len(text) >= 2 and text[:1] == b'"' and text[-1:] == b'"':
        return re.sub(rb"\\(.)", rb"\1", text[1:-1])
    return text


def quote(name: str) -> str:
    """A mailbox name as an IMAP quoted string."""
    return '"' + name.replace("\\", "\\\\").replace('"', '\\"') + '"'


def decode_name(name: str) -> str:
    """IMAP's modified UTF-7 (RFC 3501 5.1.3) to text, for showing a folder's name."""
    def one(m: re.Match) -> str:
        chunk = m.group(1)
        if not chunk:
            return "&"
        data = chunk.replace(",", "/")
        data += "=" * (-len(data) % 4)
        try:
            return base64.b64decode(data).decode("utf-16-be")
        except (ValueError, UnicodeDecodeError):
            return m.group(0)
    return re.sub(r"&([A-Za-z0-9+,]*)-", one, name)


def parse_list(lines: Iterable) -> list[tuple[set[str], str]]:
    """(flags, name) of each folder in a LIST answer (names as the server spells them)."""
    out = []
    items = list(lines or [])
    i = 0
    while i < len(items):
        item = items[i]
        i += 1
        if item is None:
            continue
        if isinstance(item, tuple):  # a name sent as a literal
            head, literal = item[0], item[1]
            m = _LIST_RE.match(head.strip())
            if m:
                out.append((set(m.group("flags").decode(errors="replace").lower().split()),
                            literal.decode(errors="replace")))
            continue
        m = _LIST_RE.match(item.strip())
        if m:
            out.append((set(m.group("flags").decode(errors="replace").lower().split()),
                        _unquote(m.group("name")).decode(errors="replace")))
    return out


# -- the connection -------------------------------------------------------------------------------

def ssl_context(account: Account) -> ssl.SSLContext:
    """Certificates checked, host name included: against the system's store (or the file
    `SSL_CERT_FILE` names), or, when the user named one, only against their authority file."""
    if account.ca_file:
        try:
            return ssl.create_default_context(cafile=account.ca_file)
        except (OSError, ssl.SSLError) as exc:
            why = getattr(exc, "strerror", None) or getattr(exc, "reason", None) or type(exc).__name__
            raise MailError(f"the certificate authority file {account.ca_file} cannot be used ({why})") from None
    return ssl.create_default_context()


class Reader:
    """A logged-in, read-only IMAP connection. Use as a context manager."""

    def __init__(self, account: Account, password: str, *, timeout: float = TIMEOUT):
        self.account = account
        self.timeout = timeout
        self.imap: imaplib.IMAP4 | None = None
        stage = "connecting"
        try:
            context = ssl_context(account)
            if account.security == STARTTLS:
                self.imap = imaplib.IMAP4(account.host, account.port, timeout=timeout)
                stage = "starting TLS"
                if "STARTTLS" not in self.imap.capabilities:
                    raise MailError(f"the mail server {account.where} does not offer STARTTLS: choose "
                                    f"TLS (usually port 993) in Settings → Mail")
                self.imap.starttls(ssl_context=context)
            else:
                self.imap = imaplib.IMAP4_SSL(account.host, account.port, ssl_context=context,
                                              timeout=timeout)
            stage = "logging in"
            self._login(password)
        except BaseException as exc:
            self.close()
            if isinstance(exc, (KeyboardInterrupt, SystemExit)):
                raise
            raise _plain(exc, account, stage, timeout) from None

    def _login(self, password: str) -> None:
        imap = self.imap
        try:
            password.encode("ascii")
            ascii_only = True
        except UnicodeEncodeError:
            ascii_only = False
        if not ascii_only and "AUTH=PLAIN" in imap.capabilities:
            secret = f"\0{self.account.user}\0{password}".encode("utf-8")
            imap.authenticate("PLAIN", lambda _challenge: secret)
        else:
            imap.login(self.account.user, password)

    def close(self) -> None:
        imap, self.imap = self.imap, None
        if imap is None:
            return
        try:
            if imap.state in ("AUTH", "SELECTED"):
                imap.logout()
            else:
                imap.shutdown()
        except Exception:  # noqa: BLE001 - closing a broken connection
            try:
                imap.shutdown()
            except Exception:  # noqa: BLE001
                pass

    def __enter__(self) -> "Reader":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def _call(self, stage: str, fn, *args):
        try:
            typ, data = fn(*args)
        except BaseException as exc:
            if isinstance(exc, (KeyboardInterrupt, SystemExit)):
                raise
            raise _plain(exc, self.account, stage, self.timeout) from None
        if typ != "OK":
            text = b" ".join(d for d in data if isinstance(d, bytes)).decode(errors="replace")[:200]
            raise MailError(f"the mail server {self.account.where} answered {typ} while {stage}: {text}")
        return data

    # -- folders
    def folders(self) -> list[tuple[set[str], str]]:
        return parse_list(self._call("listing the folders", self.imap.list, '""', '"*"'))

    def sent_folder(self) -> str | None:
        """The folder the server flags \\Sent, or the one named in the settings, or one whose
        name says Sent; None when there is none."""
        folders = self.folders()
        names = {name for _flags, name in folders}
        if self.account.sent_folder:
            wanted = self.account.sent_folder
            for name in names:
                if name == wanted or decode_name(name) == wanted:
                    return name
            raise MailError(f"the mail server has no folder named {wanted!r} (Sent folder in Settings → Mail)")
        for flags, name in folders:
            if "\\sent" in flags:
                return name
        for flags, name in folders:
            if "\\noselect" not in flags and re.split(r"[./]", decode_name(name))[-1].strip().lower() in SENT_NAMES:
                return name
        return None

    def examine(self, folder: str) -> int:
        """Open `folder` read-only; returns its UIDVALIDITY."""
        self._call(f"opening {decode_name(folder)}", self.imap.select, quote(folder), True)
        typ, data = self.imap.response("UIDVALIDITY")
        try:
            return int(data[0])
        except (TypeError, ValueError, IndexError):
            raise MailError(f"the mail server gave no UIDVALIDITY for {decode_name(folder)}") from None

    def uids_from(self, first: int) -> list[int]:
        """The UIDs of the open folder from `first` on, in order."""
        data = self._call("searching for new messages", self.imap.uid, "SEARCH", f"UID {max(1, first)}:*")
        uids = sorted({int(u) for chunk in data if chunk for u in chunk.split()})
        # "n:*" always holds the folder's last message, even when its UID is below n
        return [u for u in uids if u >= first]

    def headers(self, uids: list[int]) -> list[tuple[int, int, bytes]]:
        """(uid, size, header fields) of each of `uids`, fetched in batches."""
        out = []
        for i in range(0, len(uids), HEADER_BATCH):
            batch = uids[i:i + HEADER_BATCH]
            data = self._call("reading headers", self.imap.uid, "FETCH", _uid_set(batch),
                              f"(UID RFC822.SIZE BODY.PEEK[HEADER.FIELDS ({HEADER_FIELDS})])")
            out.extend(_fetched(data))
        return out

    def body(self, uid: int, size: int) -> bytes | None:
        """The whole message, at most MAX_MESSAGE_BYTES of it."""
        part = "BODY.PEEK[]" if size <= MAX_MESSAGE_BYTES else f"BODY.PEEK[]<0.{MAX_MESSAGE_BYTES}>"
        data = self._call("reading a message", self.imap.uid, "FETCH", str(uid), f"(UID {part})")
        for _uid, _size, raw in _fetched(data):
            return raw
        return None


def _uid_set(uids: list[int]) -> str:
    """1,2,3,7,8 -> "1:3,7:8"."""
    runs, start, prev = [], None, None
    for u in uids:
        if start is None:
            start = prev = u
        elif u == prev + 1:
            prev = u
        else:
            runs.append((start, prev))
            start = prev = u
    if start is not None:
        runs.append((start, prev))
    return ",".join(str(a) if a == b else f"{a}:{b}" for a, b in runs)


_UID_RE = re.compile(rb"\bUID (\d+)", re.I)
_SIZE_RE = re.compile(rb"\bRFC822\.SIZE (\d+)", re.I)


def _fetched(data) -> list[tuple[int, int, bytes]]:
    """(uid, size, literal) from a FETCH answer; parts without UID are skipped."""
    out = []
    pending_tail: list[tuple[int, bytes]] = []
    for item in data or []:
        if isinstance(item, tuple) and len(item) >= 2:
            head, literal = item[0], item[1]
            uid = _UID_RE.search(head)
            size = _SIZE_RE.search(head)
            if uid is None:
                # some servers put UID after the literal: look in the closing part
                pending_tail.append((len(out), head))
                out.append((0, int(size.group(1)) if size else 0, literal))
                continue
            out.append((int(uid.group(1)), int(size.group(1)) if size else 0, literal))
        elif isinstance(item, bytes) and pending_tail:
            index, _head = pending_tail.pop(0)
            uid = _UID_RE.search(item)
            size = _SIZE_RE.search(item)
            if uid:
                _, old_size, literal = out[index]
                out[index] = (int(uid.group(1)), int(size.group(1)) if size else old_size, literal)
    return [row for row in out if row[0]]


# -- the look at the headers ---------------------------------------------------------------------

_HEADERS = BytesHeaderParser(policy=compat32)
_ID_RE = re.compile(r"<([^<>\s]{1,990})>")


def quick_look(head: bytes) -> tuple[str, list[str], str]:
    """The sender's address (when there is exactly one), the recipients' (To and Cc) and the
    Message-ID of a header block: what decides whether a body is fetched at all. The same
    answers as `message.header_addresses`, about six times faster (compat32 parses no header
    objects), which a 10,000-message INBOX needs; the intake reads the fetched message whole."""
    from .message import MAX_HEADER_BYTES, MAX_RECIPIENTS, clean_address

    try:
        msg = _HEADERS.parsebytes(head[:MAX_HEADER_BYTES])
        senders = [a for a in (clean_address(a) for _n, a in getaddresses(
            [str(v) for v in msg.get_all("from") or []])) if a]
        recipients = [a for a in (clean_address(a) for _n, a in getaddresses(
            [str(v) for v in (msg.get_all("to") or []) + (msg.get_all("cc") or [])])) if a]
        raw_id = " ".join(str(msg.get("message-id") or "").split())
    except Exception:  # noqa: BLE001 - a header block nothing can be read from: not wanted
        return "", [], ""
    found = _ID_RE.search(raw_id)
    message_id = (found.group(1) if found else raw_id.strip("<> ")).strip()
    return (senders[0] if len(senders) == 1 else ""), recipients[:MAX_RECIPIENTS], message_id


# -- what was read before -------------------------------------------------------------------------

def folder_state(store, account: Account, folder: str) -> tuple[int, int] | None:
    """(uidvalidity, last uid) kept for the folder, or None."""
    row = store.connection.execute(
        "SELECT uidvalidity, last_uid FROM mail_folder WHERE account = ? AND folder = ?",
        (account.key, folder)).fetchone()
    return (int(row[0]), int(row[1])) if row else None


def save_folder_state(store, account: Account, folder: str, uidvalidity: int, last_uid: int,
                      checked_at: datetime) -> None:
    with store.atomic():
        store.connection.execute(
            "INSERT INTO mail_folder (account, folder, uidvalidity, last_uid, checked_at)"
            " VALUES (?, ?, ?, ?, ?) ON CONFLICT (account, folder) DO UPDATE SET"
            " uidvalidity = excluded.uidvalidity, last_uid = excluded.last_uid,"
            " checked_at = excluded.checked_at",
            (account.key, folder, uidvalidity, last_uid, checked_at.isoformat(timespec="seconds")))


def last_checked(store, account: Account) -> datetime | None:
    row = store.connection.execute(
        "SELECT max(checked_at) FROM mail_folder WHERE account = ?", (account.key,)).fetchone()
    return datetime.fromisoformat(row[0]) if row and row[0] else None


# -- the sync -------------------------------------------------------------------------------------

def _read_folder(reader: Reader, store, account: Account, folder: str, report: FolderReport, *,
                 matcher, dry_run: bool, now: datetime, bring_in) -> tuple[int, int]:
    uidvalidity = reader.examine(folder)
    kept = folder_state(store, account, folder)
    first = kept[1] + 1 if kept and kept[0] == uidvalidity else 1
    uids = reader.uids_from(first)
    report.new = len(uids)
    last = kept[1] if kept and kept[0] == uidvalidity else 0
    shown = decode_name(folder)
    for uid, size, head in reader.headers(uids):
        last = max(last, uid)
        sender, recipients, message_id = quick_look(head)
        if message_id and matcher.seen(message_id):
            continue
        if not matcher.wanted(sender, recipients):
            continue
        raw = reader.body(uid, size)
        if raw is None:
            continue
        result = bring_in(store, raw, folder=shown, dry_run=dry_run, matcher=matcher, now=now)
        if result.kind in ("no_match", "already"):
            continue
        report.matched += 1
        report.done += result.kind == "done"
        report.results.append(result)
        if dry_run and getattr(result, "message_id", ""):
            matcher.remember(result.message_id)
    if uids:
        last = max(last, uids[-1])
    return uidvalidity, last


def sync(store, account: Account, password: str, *, dry_run: bool = False, now: datetime | None = None,
         timeout: float = TIMEOUT) -> SyncReport:
    """Read INBOX and Sent once (see the module). With `dry_run` nothing is kept: no review
    item, no event, not even the last UID read. MailError (one plain line) on any failure."""
    from .intake import bring_in
    from .match import Matcher

    now = (now or datetime.now()).replace(microsecond=0)
    matcher = Matcher.from_store(store)
    inbox = FolderReport(INBOX)
    sent: FolderReport | None = None
    with Reader(account, password, timeout=timeout) as reader:
        sent_name = reader.sent_folder()
        done = []
        for folder, report in ((INBOX, inbox), (sent_name, None)):
            if folder is None:
                continue
            if report is None:
                report = sent = FolderReport(decode_name(folder))
            state = _read_folder(reader, store, account, folder, report, matcher=matcher,
                                 dry_run=dry_run, now=now, bring_in=bring_in)
            done.append((folder, state))
            try:
                reader.imap.close()  # CLOSE after EXAMINE expunges nothing
            except Exception:  # noqa: BLE001
                pass
    if not dry_run:
        for folder, (uidvalidity, last) in done:
            save_folder_state(store, account, folder, uidvalidity, last, now)
    return SyncReport(inbox, sent, now)


def check(account: Account, password: str, *, timeout: float = TIMEOUT) -> str:
    """Log in and find the folders, reading no message: the settings page's *Test connection*.
    Returns a line saying what was found; MailError on failure."""
    with Reader(account, password, timeout=timeout) as reader:
        sent = reader.sent_folder()
    if sent is None:
        return f"connected to {account.where}: INBOX found, no Sent folder (name it below)"
    return f"connected to {account.where}: INBOX and {decode_name(sent)} found"


__all__ = ["sync", "check", "Reader", "SyncReport", "FolderReport", "folder_state", "last_checked",
           "MailError", "TIMEOUT", "MAX_MESSAGE_BYTES", "decode_name", "parse_list"]
