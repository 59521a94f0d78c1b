"""`mailto:` links (RFC 6068) that carry exactly the recipient, subject and body, nothing more."""

from __future__ import annotations

import re
from urllib.parse import quote

_BREAKS = re.compile(r"\r\n|\r|\n")
#: In the address part, "@" is kept readable; everything else that is not unreserved is encoded,
#: so "?", "&", "#", "%" and "," in a typed address can never start a header or a second address.
_ADDRESS_SAFE = "@"


def build_mailto(to: str, subject: str, body: str) -> str:
    """A mailto URI with only `to`, `subject` and `body`, UTF-8 percent-encoded so no text can
    add a header. Body line breaks become CRLF (`%0D%0A`), as RFC 6068 asks. Raises ValueError
    when the address or the subject holds a line break (a header can never be made of two
    lines), or when the address holds no usable text and other control characters."""
    to = (to or "").strip()
    subject = subject or ""
    body = body or ""
    if "\r" in to or "\n" in to:
        raise ValueError("the email address must be on one line (it holds a line break)")
    if "\r" in subject or "\n" in subject:
        raise ValueError("the subject must be on one line (it holds a line break)")
    if any(ord(c) < 32 or ord(c) == 127 for c in to):
        raise ValueError("the email address holds a control character")
    parts = []
    if subject:
        parts.append("subject=" + quote(subject, safe=""))
    if body:
        parts.append("body=" + quote(_BREAKS.sub("\r\n", body), safe=""))
    uri = "mailto:" + quote(to, safe=_ADDRESS_SAFE)
    return uri + ("?" + "&".join(parts) if parts else "")
