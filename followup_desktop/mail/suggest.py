"""What a reply seems to say: a suggestion for the review list, never a decision.

`suggest(text, subject, received)` looks for a few plain phrases (English) and names one
outcome (offer, rejected, interview invite, no decision yet, or other) and, where the text
names one, the date they said they would decide by. The user confirms or changes it; nothing is
logged from a guess. Plain Python.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta

_OFFER = ("pleased to offer", "happy to offer", "offer you the", "extend an offer", "offer of employment",
          "offer letter", "job offer", "formal offer", "would like to offer")
_REJECT = ("not to move forward", "not be moving forward", "not moving forward", "won't be moving forward",
           "will not be moving forward", "decided to pursue other", "decided to move forward with other",
           "other candidates whose", "not been selected", "were not selected", "not successful",
           "unsuccessful", "regret to inform", "position has been filled", "role has been filled",
           "decided not to proceed", "not to proceed with your", "will not be proceeding")
_INVITE = ("invite you to an interview", "invite you for an interview", "invite you to interview",
           "schedule an interview", "schedule a call", "set up a call", "set up an interview",
           "your availability", "available for an interview", "available for a call", "book a time",
           "would like to meet", "like to interview you", "next round", "interview with")
_WAIT = ("no decision", "not yet made a decision", "not made a decision", "haven't made a decision",
         "have not made a decision", "still reviewing", "still interviewing", "still in the process",
         "will be in touch", "get back to you", "update you", "let you know", "decision by",
         "decide by", "hear back", "in the coming days", "in the next few days", "over the next")
_ENCOURAGE = ("stay in touch", "keep in touch", "keep your résumé on file", "keep your resume on file",
              "keep your cv on file", "encourage you to apply", "future opportunities", "future openings",
              "reach out again")

_MONTHS = {m: i for i, names in enumerate((
    ("jan", "january"), ("feb", "february"), ("mar", "march"), ("apr", "april"), ("may",),
    ("jun", "june"), ("jul", "july"), ("aug", "august"), ("sep", "sept", "september"),
    ("oct", "october"), ("nov", "november"), ("dec", "december")), start=1) for m in names}
_DAYS = {d: i for i, names in enumerate((("monday", "mon"), ("tuesday", "tue", "tues"),
                                         ("wednesday", "wed"), ("thursday", "thu", "thurs"),
                                         ("friday", "fri"), ("saturday", "sat"), ("sunday", "sun"))) for d in names}
_MONTH_RE = "|".join(sorted(_MONTHS, key=len, reverse=True))
_DAY_RE = "|".join(sorted(_DAYS, key=len, reverse=True))
_CUE = r"(?:by|on|before|until|around|after|next|this|end of)"
_ISO = re.compile(r"\b(20\d\d)-(\d\d)-(\d\d)\b")
_MONTH_DAY = re.compile(rf"\b({_MONTH_RE})\.?\s+(\d{{1,2}})(?:st|nd|rd|th)?(?:,?\s+(20\d\d))?\b", re.I)
_DAY_MONTH = re.compile(rf"\b(\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?({_MONTH_RE})\.?(?:,?\s+(20\d\d))?\b", re.I)
_WEEKDAY = re.compile(rf"\b{_CUE}\s+(?:next\s+|this\s+)?({_DAY_RE})\b", re.I)
_NEXT_WEEK = re.compile(r"\b(?:by|within|in|over)\s+(?:the\s+)?(?:end\s+of\s+)?next\s+week\b", re.I)


@dataclass(frozen=True)
class Suggestion:
    outcome: str            # a reply outcome (vocab.ReplyOutcome's values)
    next_date: date | None  # the date the text names, if any
    encouraged: bool = False
    cue: str = ""           # the phrase that decided it, to show beside the suggestion


def _find(text: str, phrases) -> str:
    for p in phrases:
        if p in text:
            return p
    return ""


def _year_for(month: int, day: int, received: date, year: str | None) -> date | None:
    try:
        if year:
            return date(int(year), month, day)
        d = date(received.year, month, day)
        if d < received - timedelta(days=30):  # "January 5" written in December
            d = date(received.year + 1, month, day)
        return d
    except ValueError:
        return None


def named_date(text: str, received: date) -> date | None:
    """The first date the text names on or after the day it was received: an ISO date, "March
    25", "25 March", "by Friday" (the next Friday), "by the end of next week" (its Friday)."""
    found: list[tuple[int, date]] = []
    for m in _ISO.finditer(text):
        try:
            found.append((m.start(), date(int(m[1]), int(m[2]), int(m[3]))))
        except ValueError:
            pass
    for m in _MONTH_DAY.finditer(text):
        d = _year_for(_MONTHS[m[1].lower()], int(m[2]), received, m[3])
        if d:
            found.append((m.start(), d))
    for m in _DAY_MONTH.finditer(text):
        d = _year_for(_MONTHS[m[2].lower()], int(m[1]), received, m[3])
        if d:
            found.append((m.start(), d))
    for m in _WEEKDAY.finditer(text):
        ahead = (_DAYS[m[1].lower()] - received.weekday()) % 7 or 7  # the coming one
        found.append((m.start(), received + timedelta(days=ahead)))
    for m in _NEXT_WEEK.finditer(text):
        monday = received + timedelta(days=7 - received.weekday())
        found.append((m.start(), monday + timedelta(days=4)))
    later = sorted((pos, d) for pos, d in found if received <= d <= received + timedelta(days=366))
    return later[0][1] if later else None


def suggest(text: str, subject: str = "", received: datetime | date | None = None, *,
            invitation: bool = False) -> Suggestion:
    """The outcome the words point to (see the module); `invitation`: the message carries a
    calendar invitation."""
    words = " ".join(f"{subject}\n{text}".lower().replace("’", "'").split())[:20_000]
    day = received.date() if isinstance(received, datetime) else received or date.today()
    if cue := _find(words, _OFFER):
        return Suggestion("offer", None, False, cue)
    if cue := _find(words, _REJECT):
        return Suggestion("rejected", None, bool(_find(words, _ENCOURAGE)), cue)
    if invitation:
        return Suggestion("interview_invite", None, False, "calendar invitation")
    if cue := _find(words, _INVITE):
        return Suggestion("interview_invite", None, False, cue)
    if cue := _find(words, _WAIT):
        return Suggestion("no_decision", named_date(words, day), False, cue)
    return Suggestion("other", None, False, "")


__all__ = ["Suggestion", "suggest", "named_date"]
