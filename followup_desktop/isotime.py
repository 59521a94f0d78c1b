"""The one place that knows how dates and local times are written: `YYYY-MM-DD` and
`YYYY-MM-DDTHH:MM[:SS]` (no offset: every time is the user's local wall-clock time).

Small and stdlib-only, so the command line can parse `--at` without loading the exchange code.
"""

from __future__ import annotations

import re
from datetime import date, datetime

DATE_FORM = "YYYY-MM-DD"
DATETIME_FORM = "YYYY-MM-DDTHH:MM[:SS]"
_DATE_RE = re.compile(r"\d{4}-\d{2}-\d{2}")
_DATETIME_RE = re.compile(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?")


class TimeFormatError(ValueError):
    """`str(error)` completes a sentence about the value: "is not a real date"."""


def parse_date(text: str) -> date:
    if not isinstance(text, str) or not _DATE_RE.fullmatch(text):
        raise TimeFormatError(f"is not a date in the form {DATE_FORM}")
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise TimeFormatError("is not a real date") from None


def parse_local_datetime(text: str) -> datetime:
    if not isinstance(text, str) or not _DATETIME_RE.fullmatch(text):
        raise TimeFormatError(f"is not a local time in the form {DATETIME_FORM}")
    try:
        return datetime.fromisoformat(text)
    except ValueError:
        raise TimeFormatError("is not a real date and time") from None
