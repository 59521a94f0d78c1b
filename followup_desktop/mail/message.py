"""One mail message read, within bounds: what the app needs of it and nothing more.

`parse(raw)` reads a message (RFC 5322, as a mail program saves it in an `.eml` file or an IMAP
server hands it over) with the standard library's `email` package and `policy.default`: headers
decoded (RFC 2047 names), multipart walked, quoted-printable and base64 undone, an HTML-only
body turned into plain text with `html.parser`. Attachments are never kept: only their names
are counted. Everything is bounded, whatever the message says of itself:

* `MAX_BYTES` of the raw message are read; the rest is cut off (a 50 MB attachment costs no
  more than a small one; the text before it is still read);
* the header block is at most `MAX_HEADER_BYTES`, one header's value at most `MAX_HEADER_CHARS`;
* at most `MAX_PARTS` parts are walked and `MAX_DEPTH` levels of nesting; a message declaring
  more multipart boundaries than that is read for its headers only;
* the text kept is at most `MAX_TEXT` characters, each decoded part at most `MAX_PART_BYTES`;
* every header the app shows is one line of printable characters: a CR/LF smuggled into a
  Subject or a name (header injection) becomes a space.

Plain Python, no Qt, no database.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import datetime
from email import policy
from email.parser import BytesParser
from email.utils import getaddresses, parsedate_to_datetime
from html.parser import HTMLParser

MAX_BYTES = 2 * 1024 * 1024
MAX_HEADER_BYTES = 64 * 1024
MAX_HEADER_CHARS = 2000
MAX_PARTS = 64
MAX_DEPTH = 8
MAX_TEXT = 20_000          # what an event's notes hold (records.NOTES_MAX)
MAX_PART_BYTES = 512 * 1024
MAX_CALENDAR_BYTES = 256 * 1024
MAX_RECIPIENTS = 100

_CONTROL = re.compile(r"[\x00-\x1f\x7f\u2028\u2029\u0085]+")
_BLANK_RUNS = re.compile(r"\n{3,}")
_ADDRESS = re.compile(r"^[^@\s<>\"(),;:\\\[\]]{1,64}@[A-Za-z0-9.-]{1,253}$")


@dataclass
class Message:
    """What the app keeps of a message. `date` is local naive time (None when the message has no
    readable Date); `sender` and each recipient are (name, address), address lower-cased ("" when
    none could be read); `text` is the plain text, at most MAX_TEXT characters."""

    message_id: str = ""
    date: datetime | None = None
    sender: tuple[str, str] = ("", "")
    recipients: list[tuple[str, str]] = field(default_factory=list)
    subject: str = ""
    text: str = ""
    #: more than one From address, or one that could not be read: nobody can be sure who sent it
    sender_unclear: bool = False
    #: the names of the attachments left out (never stored)
    attachments: list[str] = field(default_factory=list)
    #: an invitation carried inside the message (a text/calendar part), its bytes, bounded
    calendar: bytes = b""
    #: what the bounds cut, in words ("cut at 2 MB", "nested too deeply"), for the review list
    limits: list[str] = field(default_factory=list)
    #: the Authentication-Results the receiving server added, one line (the first one)
    authentication: str = ""
    in_reply_to: str = ""


def one_line(text: str, limit: int = MAX_HEADER_CHARS) -> str:
    """A header value as the app shows it: control characters (CR, LF, tabs) become spaces,
    runs of spaces one, at most `limit` characters."""
    text = _CONTROL.sub(" ", str(text))
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def clean_address(address: str) -> str:
    """An address as matched and stored: lower case, no spaces; "" when it is not a plain
    `local@domain` (an injected header, a group, a route)."""
    address = (address or "").strip().strip("<>").strip().lower()
    return address if _ADDRESS.match(address) and ".." not in address else ""


def split_head(raw: bytes) -> tuple[bytes, bytes]:
    """The header block and the body (the body starts after the first empty line)."""
    for sep in (b"\r\n\r\n", b"\n\n"):
        at = raw.find(sep, 0, MAX_HEADER_BYTES + 4)
        if at >= 0:
            return raw[: at + len(sep)], raw[at + len(sep):]
    cut = raw[:MAX_HEADER_BYTES]
    return cut, b""


MAX_ONE_HEADER_BYTES = 4096


def trim_headers(head: bytes) -> tuple[bytes, bool]:
    """The header block with each header (its folded lines together) cut to
    MAX_ONE_HEADER_BYTES, at a space so an encoded word stays whole: the header parser's work
    and memory grow with a header's length. True when one was cut."""
    lines = head.splitlines(keepends=True)
    out: list[bytes] = []
    size = 0
    cut = False
    for line in lines:
        if line[:1] in (b" ", b"\t"):
            if size + len(line) > MAX_ONE_HEADER_BYTES:
                cut = True
                continue
            size += len(line)
        else:
            size = len(line)
            if size > MAX_ONE_HEADER_BYTES:
                end = line.rfind(b" ", 0, MAX_ONE_HEADER_BYTES)
                line = line[: end if end > 0 else MAX_ONE_HEADER_BYTES] + b"\r\n"
                size = len(line)
                cut = True
        out.append(line)
    return b"".join(out), cut


def _header(msg, name: str) -> str:
    try:
        value = msg.get(name)
    except Exception:  # a header policy.default cannot parse: its raw text
        value = None
        for k, v in msg.raw_items():
            if k.lower() == name.lower():
                value = v
                break
    return "" if value is None else one_line(str(value))


def _addresses(msg, *names: str) -> list[tuple[str, str]]:
    """(name, address) of the named address headers, in order, bounded."""
    out: list[tuple[str, str]] = []
    for name in names:
        values = []
        try:
            header = msg.get_all(name) or []
            for h in header:
                try:
                    values.extend((a.display_name, a.addr_spec) for a in h.addresses)
                except Exception:
                    values.extend(getaddresses([str(h)]))
        except Exception:
            raw = [v for k, v in msg.raw_items() if k.lower() == name.lower()]
            values.extend(getaddresses([one_line(v) for v in raw]))
        for display, addr in values:
            out.append((one_line(display, 200), clean_address(addr)))
            if len(out) >= MAX_RECIPIENTS:
                return out
    return out


def _message_id(value: str) -> str:
    value = one_line(value, 998)
    m = re.search(r"<([^<>\s]{1,990})>", value)
    return (m.group(1) if m else value.strip("<> ")).strip()


def _local_date(value: str) -> datetime | None:
    if not value:
        return None
    try:
        d = parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError, OverflowError):
        return None
    if d is None:
        return None
    try:
        if d.tzinfo is not None:
            d = d.astimezone().replace(tzinfo=None)
    except (OverflowError, OSError, ValueError):
        return None
    if not 1970 <= d.year <= 2200:
        return None
    return d.replace(microsecond=0)


class _Text(HTMLParser):
    """HTML to plain text: the text of the elements, blocks on their own lines, nothing of
    scripts, styles or the head; links keep their words only."""

    BLOCKS = {"p", "div", "br", "tr", "li", "h1", "h2", "h3", "h4", "h5", "h6", "table",
              "blockquote", "pre", "hr", "section", "article", "header", "footer", "ul", "ol"}
    HIDDEN = {"script", "style", "head", "title", "template", "noscript"}

    def __init__(self, limit: int):
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.size = 0
        self.limit = limit
        self.hidden = 0

    def handle_starttag(self, tag, attrs):
        if tag in self.HIDDEN:
            self.hidden += 1
        elif tag in self.BLOCKS:
            self._add("\n")

    def handle_endtag(self, tag):
        if tag in self.HIDDEN:
            self.hidden = max(0, self.hidden - 1)
        elif tag in self.BLOCKS:
            self._add("\n")

    def handle_data(self, data):
        if not self.hidden:
            words = " ".join(data.split())
            lead = " " if data[:1].isspace() and words else ""
            self._add(lead + words + (" " if data[-1:].isspace() else ""))

    def _add(self, text: str) -> None:
        if self.size < self.limit:
            self.parts.append(text)
            self.size += len(text)

    def text(self) -> str:
        lines = (" ".join(line.split()) for line in "".join(self.parts).split("\n"))
        return _BLANK_RUNS.sub("\n\n", "\n".join(lines)).strip()


def html_to_text(html: str, limit: int = MAX_TEXT) -> str:
    parser = _Text(limit)
    try:
        parser.feed(html[: limit * 8])
        parser.close()
    except Exception:  # html.parser is lenient; a failure keeps what was read
        pass
    return parser.text()[:limit]


def _payload_text(part) -> str:
    """A text part decoded (its charset, or UTF-8 with replacement), bounded."""
    try:
        data = part.get_payload(decode=True) or b""
    except Exception:
        data = b""
    if not isinstance(data, bytes):
        data = str(data).encode("utf-8", "replace")
    data = data[:MAX_PART_BYTES]
    charset = "utf-8"
    try:
        charset = part.get_content_charset() or "utf-8"
        "".encode(charset)  # a charset Python does not know
        return data.decode(charset, "replace")
    except (LookupError, ValueError, TypeError):
        return data.decode("utf-8", "replace")


def _clean_text(text: str) -> str:
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = re.sub(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]", "", text)
    text = _BLANK_RUNS.sub("\n\n", text).strip()
    return text if len(text) <= MAX_TEXT else text[: MAX_TEXT - 1] + "…"


def _walk(msg, limits: list[str]):
    """The leaf parts, depth first, at most MAX_PARTS, nesting at most MAX_DEPTH."""
    stack = [(msg, 0)]
    seen = 0
    while stack:
        part, depth = stack.pop()
        seen += 1
        if seen > MAX_PARTS:
            limits.append(f"only the first {MAX_PARTS} parts read")
            return
        if part.is_multipart():
            if depth >= MAX_DEPTH:
                limits.append(f"parts nested deeper than {MAX_DEPTH} levels not read")
                continue
            try:
                children = part.get_payload()
            except Exception:
                children = []
            if isinstance(children, list):
                stack.extend((c, depth + 1) for c in reversed(children[:MAX_PARTS]))
            continue
        yield part


def parse(raw: bytes) -> Message:
    """Read one message (see the module's bounds). Never raises on what a message holds: a
    broken one gives what could be read, and `limits` says what was left out."""
    limits: list[str] = []
    if len(raw) > MAX_BYTES:
        raw = raw[:MAX_BYTES]
        limits.append(f"only the first {MAX_BYTES // (1024 * 1024)} MB read")
    head, body = split_head(raw)
    if len(head) >= MAX_HEADER_BYTES:
        limits.append("headers cut")
    head, trimmed = trim_headers(head)
    if trimmed:
        limits.append("a header too long was cut")
    # Every multipart level declares a boundary: far more of them than the nesting allowed is a
    # message built to make the parser work, so it is read for its headers alone.
    # (a message/rfc822 part nests without a boundary: counted too)
    lowered = raw.lower()
    headers_only = lowered.count(b"boundary=") + lowered.count(b"message/rfc822") > MAX_PARTS
    if headers_only:
        limits.append("too many nested parts: only the headers read")
    parser = BytesParser(policy=policy.default)
    try:
        msg = parser.parsebytes(head if headers_only else head + body, headersonly=headers_only)
    except Exception:
        msg = parser.parsebytes(head, headersonly=True)
        limits.append("the body could not be read")

    m = Message(limits=limits)
    m.message_id = _message_id(_header(msg, "Message-ID"))
    m.in_reply_to = _message_id(_header(msg, "In-Reply-To"))
    m.subject = _header(msg, "Subject")
    m.date = _local_date(_header(msg, "Date"))
    senders = [a for a in _addresses(msg, "From")]
    if len(senders) == 1 and senders[0][1]:
        m.sender = senders[0]
    else:
        m.sender_unclear = True
        m.sender = next(((n, a) for n, a in senders if a), senders[0] if senders else ("", ""))
    m.recipients = [r for r in _addresses(msg, "To", "Cc") if r[1]]
    m.authentication = _header(msg, "Authentication-Results")

    if headers_only:
        return m
    plain: list[str] = []
    html: list[str] = []
    for part in _walk(msg, limits):
        try:
            ctype = part.get_content_type()
            disposition = part.get_content_disposition()
            filename = part.get_filename()
        except Exception:
            continue
        if ctype == "text/calendar" and not m.calendar:
            try:
                data = part.get_payload(decode=True) or b""
            except Exception:
                data = b""
            m.calendar = data[:MAX_CALENDAR_BYTES] if isinstance(data, bytes) else b""
            continue
        if disposition == "attachment" or filename:
            m.attachments.append(one_line(filename or ctype, 200))
            continue
        if ctype == "text/plain" and sum(map(len, plain)) < MAX_TEXT:
            plain.append(_payload_text(part))
        elif ctype == "text/html":  # the plain text's alternative, or the only text there is
            if not plain and sum(map(len, html)) < MAX_TEXT * 8:
                html.append(_payload_text(part))
        elif not ctype.startswith("multipart/"):
            m.attachments.append(one_line(filename or ctype, 200))
    if plain:
        m.text = _clean_text("\n\n".join(plain))
    elif html:
        m.text = _clean_text(html_to_text("\n".join(html)))
    return m


def header_addresses(raw_headers: bytes) -> tuple[str, list[str], str]:
    """A look at the headers only (what an IMAP fetch of the header fields gives): the sender's
    address, the recipients' (To and Cc) and the Message-ID."""
    head, _ = split_head(raw_headers[:MAX_HEADER_BYTES])
    head, _ = trim_headers(head)
    try:
        msg = BytesParser(policy=policy.default).parsebytes(head, headersonly=True)
    except Exception:
        return "", [], ""
    senders = [a for _n, a in _addresses(msg, "From") if a]
    recipients = [a for _n, a in _addresses(msg, "To", "Cc") if a]
    return (senders[0] if len(senders) == 1 else ""), recipients, _message_id(_header(msg, "Message-ID"))


__all__ = ["Message", "parse", "header_addresses", "html_to_text", "one_line", "clean_address",
           "MAX_BYTES", "MAX_TEXT"]
