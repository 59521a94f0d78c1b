"""The settings registry: every number of the playbook and every profile field, in one place.

Each setting has a name, a default, a type, a label, bounds and a group. The engine reads only
from a `Settings` built from this registry; the settings dialog draws itself from it; the store
keeps only the values that differ from the default.
"""

from __future__ import annotations

import re
from datetime import time
from typing import Any, Iterable, Mapping, NamedTuple

# Value kinds. Stored values are JSON-friendly; `Settings` exposes them parsed.
INT = "int"
BOOL = "bool"
TEXT = "text"
CLOCK = "clock"  # "HH:MM"  -> datetime.time
RANGES = "ranges"  # "HH:MM-HH:MM, HH:MM-HH:MM"  -> tuple[(time, time), ...]
CHOICE = "choice"  # one of the spec's `choices`


class SettingError(ValueError):
    """A setting value that breaks its type or bounds. The message names the setting."""


class SettingSpec(NamedTuple):  # not a dataclass: `due` reads the registry and need not load that machinery
    name: str
    kind: str
    default: Any
    label: str
    group: str
    minimum: int | None = None
    maximum: int | None = None
    max_length: int | None = None
    help: str = ""
    unit: str = ""
    choices: tuple[str, ...] = ()


def _i(name, default, label, group, lo, hi, unit, help=""):
    return SettingSpec(name, INT, default, label, group, lo, hi, None, help, unit)


PROFILE = "Profile"
TIMING = "Follow-up timing"
INTERVIEWS = "Interviews"
PERSISTENCE = "Persistence"
HOURS = "Call and quiet hours"
DESKTOP = "Desktop"

REGISTRY: tuple[SettingSpec, ...] = (
    # -- profile
    SettingSpec("profile_name", TEXT, "", "Your full name", PROFILE, max_length=200),
    SettingSpec("profile_email", TEXT, "", "Email", PROFILE, max_length=320),
    SettingSpec("profile_phone", TEXT, "", "Phone", PROFILE, max_length=60),
    SettingSpec("profile_signature", TEXT, "", "Signature", PROFILE, max_length=2000),
    SettingSpec(
        "profile_employed", BOOL, False, "I am currently employed", PROFILE,
        help="When a lead goes quiet, offer to withdraw instead of only closing it.",
    ),
    # -- leads and applications
    _i("introduce_due_days", 3, "Send an introduction within", TIMING, 1, 60, "days"),
    _i("status_check_after_days", 7, "Check on an application after", TIMING, 1, 60, "days"),
    _i(
        "status_check_after_closing_business_days", 1,
        "…or after the posting closes, by", TIMING, 0, 20, "business days",
    ),
    _i("status_check_window_days", 7, "Status check stays open for", TIMING, 1, 60, "days"),
    # -- interviews
    _i("interview_default_minutes", 60, "An interview lasts, unless told", INTERVIEWS, 5, 600, "minutes"),
    SettingSpec(
        "debrief_due_time", CLOCK, "21:00", "Write the interview down by", INTERVIEWS,
    ),
    _i("thank_you_due_hours", 24, "Send thank-you notes within", INTERVIEWS, 1, 168, "hours"),
    _i(
        "handwritten_min_decision_days", 7, "Offer a handwritten note when the decision is over",
        INTERVIEWS, 1, 90, "days away",
    ),
    _i("late_thank_you_due_days", 5, "A late thank-you is still worth it up to", INTERVIEWS, 1, 30, "days"),
    _i(
        "decision_grace_business_days", 2, "Follow up after their decision date by", INTERVIEWS,
        0, 20, "business days",
    ),
    _i(
        "post_interview_after_days", 7, "With no decision date, follow up after", INTERVIEWS,
        1, 60, "days",
    ),
    _i("post_interview_window_days", 7, "Post-interview follow-up stays open for", INTERVIEWS, 1, 60, "days"),
    _i("reply_thanks_due_days", 1, "Answer a 'no decision yet' reply within", INTERVIEWS, 1, 14, "days"),
    # -- persistence
    _i("nudge_after_days", 7, "Nudge after an unanswered follow-up by", PERSISTENCE, 1, 60, "days"),
    _i(
        "nudge_after_named_date_business_days", 2, "After 'no decision yet', nudge past their new date by",
        PERSISTENCE, 0, 20, "business days",
    ),
    _i(
        "nudge_after_no_date_days", 14, "After 'no decision yet' with no date, nudge after",
        PERSISTENCE, 1, 90, "days",
    ),
    _i("nudge_window_days", 7, "A nudge stays open for", PERSISTENCE, 1, 60, "days"),
    _i(
        "max_unanswered_follow_ups", 2, "Unanswered follow-ups before closing out", PERSISTENCE,
        1, 5, "follow-ups",
    ),
    _i(
        "close_out_after_last_days", 7, "Close out after the last follow-up by", PERSISTENCE,
        1, 60, "days",
    ),
    _i(
        "close_out_after_first_days", 21, "…and after the first follow-up by at least", PERSISTENCE,
        1, 120, "days",
    ),
    _i("withdrawal_note_due_days", 2, "Send a withdrawal note within", PERSISTENCE, 1, 14, "days"),
    _i("feedback_request_due_days", 7, "Ask for feedback within", PERSISTENCE, 1, 30, "days"),
    _i("check_in_every_days", 30, "After an encouraging 'no', check in every", PERSISTENCE, 7, 180, "days"),
    _i("check_in_window_days", 7, "A check-in stays open for", PERSISTENCE, 1, 60, "days"),
    _i(
        "no_pestering_days", 3, "Leave at least this long between messages to one employer",
        PERSISTENCE, 0, 14, "days",
    ),
    _i(
        "courtesy_lapses_after_days", 30, "Drop a courtesy step this long after it was due",
        PERSISTENCE, 1, 365, "days",
        help="Thank-yous for an update, feedback requests, check-ins, withdrawal notes and "
        "debriefs lose their point with time. Steps that chase an answer never lapse.",
    ),
    _i(
        "silence_closes_after_days", 21, "Suggest closing a lead when a follow-up is overdue by",
        PERSISTENCE, 7, 365, "days",
        help="A status check, post-interview follow-up or nudge this long overdue with no answer "
        "turns into the suggestion to close the lead.",
    ),
    _i(
        "logging_grace_days", 1, "A message logged this early still counts", PERSISTENCE,
        0, 7, "days",
    ),
    _i(
        "keep_waiting_days", 14, "Keep waiting on a quiet lead, when asked, for", PERSISTENCE,
        1, 90, "days",
        help="The close-out question's Keep waiting asks again this long after.",
    ),
    # -- hours
    SettingSpec(
        "call_hours", RANGES, "09:30-11:30, 14:30-16:00", "Call hours (business days)", HOURS,
        max_length=200, help="Phone steps are scheduled inside these hours, never right after lunch "
        "or near the end of the day.",
    ),
    SettingSpec("quiet_hours_start", CLOCK, "21:00", "Quiet hours start", HOURS),
    SettingSpec("quiet_hours_end", CLOCK, "08:00", "Quiet hours end", HOURS),
    # -- desktop
    SettingSpec(
        "notifications_enabled", BOOL, True, "Tell me when a follow-up window opens", DESKTOP,
        help="A notification when a step opens, once when it becomes overdue, and when a lead "
        "should be closed out.",
    ),
    _i(
        "summary_above", 3, "Combine notifications into one summary above", DESKTOP, 1, 20, "at once",
        help="When more steps than this open at the same moment, one notification lists them.",
    ),
    _i(
        "snooze_short_days", 1, "Snooze a step, the short way, for", DESKTOP, 1, 6, "days",
        help="The first choice of Snooze, in the tray menu and the compose window.",
    ),
    _i(
        "snooze_long_days", 7, "…and the long way, for", DESKTOP, 2, 90, "days",
        help="The second choice of Snooze.",
    ),
    SettingSpec(
        "start_at_login", BOOL, False, "Start at login, in the tray", DESKTOP,
        help="Follow-up Desktop starts minimized when you log in, so no window is missed.",
    ),
)

SPECS: dict[str, SettingSpec] = {s.name: s for s in REGISTRY}

_CLOCK_RE = re.compile(r"^([01]\d|2[0-3]):([0-5]\d)$")


def parse_clock(text: str) -> time:
    m = _CLOCK_RE.match(text.strip()) if isinstance(text, str) else None
    if not m:
        raise ValueError(f"{text!r} is not a time of day (expected HH:MM, 24-hour)")
    return time(int(m.group(1)), int(m.group(2)))


def parse_ranges(text: str) -> tuple[tuple[time, time], ...]:
    if not isinstance(text, str) or not text.strip():
        raise ValueError("expected one or more ranges like 09:30-11:30, 14:30-16:00")
    ranges = []
    for part in text.split(","):
        pieces = part.strip().split("-")
        if len(pieces) != 2:
            raise ValueError(f"{part.strip()!r} is not a range (expected HH:MM-HH:MM)")
        start, end = parse_clock(pieces[0]), parse_clock(pieces[1])
        if end <= start:
            raise ValueError(f"{part.strip()!r} ends before it starts")
        ranges.append((start, end))
    ranges.sort()
    for (_, end), (start, _) in zip(ranges, ranges[1:]):
        if start < end:
            raise ValueError("call-hour ranges overlap")
    return tuple(ranges)


def validate(name: str, value: Any) -> Any:
    """Return `value` checked against the registry, or raise SettingError naming the setting."""
    spec = SPECS.get(name)
    if spec is None:
        raise SettingError(f"unknown setting {name!r}")
    where = f"setting {name!r} ({spec.label})"
    if spec.kind == INT:
        if isinstance(value, bool) or not isinstance(value, int):
            raise SettingError(f"{where}: expected a whole number, got {value!r}")
        if spec.minimum is not None and value < spec.minimum:
            raise SettingError(f"{where}: {value} is below the minimum of {spec.minimum}")
        if spec.maximum is not None and value > spec.maximum:
            raise SettingError(f"{where}: {value} is above the maximum of {spec.maximum}")
    elif spec.kind == BOOL:
        if not isinstance(value, bool):
            raise SettingError(f"{where}: expected true or false, got {value!r}")
    elif spec.kind == TEXT:
        if not isinstance(value, str):
            raise SettingError(f"{where}: expected text, got {value!r}")
        if spec.max_length is not None and len(value) > spec.max_length:
            raise SettingError(f"{where}: longer than {spec.max_length} characters")
    elif spec.kind == CHOICE:
        if value not in spec.choices:
            raise SettingError(f"{where}: expected one of {', '.join(spec.choices)}, got {value!r}")
    elif spec.kind in (CLOCK, RANGES):
        if not isinstance(value, str):
            raise SettingError(f"{where}: expected text, got {value!r}")
        try:
            (parse_clock if spec.kind == CLOCK else parse_ranges)(value)
        except ValueError as exc:
            raise SettingError(f"{where}: {exc}") from None
    return value


def _parsed(spec: SettingSpec, value: Any) -> Any:
    if spec.kind == CLOCK:
        return parse_clock(value)
    if spec.kind == RANGES:
        return parse_ranges(value)
    return value


class Settings:
    """An immutable set of values for every registered setting, parsed for use.

    `Settings()` is the defaults; `Settings({"nudge_after_days": 10})` overrides some. Raw stored
    values are in `.raw`; attributes carry parsed values (times as `datetime.time`).
    """

    __slots__ = ("raw", "_parsed", "_cache")

    def __init__(self, overrides: Mapping[str, Any] | None = None):
        raw = {s.name: s.default for s in REGISTRY}
        for name, value in (overrides or {}).items():
            raw[name] = validate(name, value)
        object.__setattr__(self, "raw", raw)
        object.__setattr__(self, "_parsed", {n: _parsed(SPECS[n], v) for n, v in raw.items()})
        object.__setattr__(self, "_cache", {})

    def __getattr__(self, name: str) -> Any:
        try:
            return self._parsed[name]
        except KeyError:
            raise AttributeError(name) from None

    def __setattr__(self, name, value):
        raise AttributeError("Settings are immutable; use .replace()")

    def replace(self, **changes: Any) -> "Settings":
        return Settings({**self.overrides(), **changes})

    def overrides(self) -> dict[str, Any]:
        """Only the values that differ from the defaults (what the store keeps)."""
        return {n: v for n, v in self.raw.items() if v != SPECS[n].default}

    def __eq__(self, other):
        return isinstance(other, Settings) and self.raw == other.raw

    def __hash__(self):
        h = self._cache.get("__hash__")
        if h is None:  # immutable, so computed once (the engine hashes it per application)
            h = self._cache["__hash__"] = hash(tuple(sorted((k, repr(v)) for k, v in self.raw.items())))
        return h

    def __repr__(self):
        return f"Settings({self.overrides()!r})"


def groups() -> Iterable[tuple[str, list[SettingSpec]]]:
    """Registry entries grouped for display, in registry order."""
    seen: dict[str, list[SettingSpec]] = {}
    for spec in REGISTRY:
        seen.setdefault(spec.group, []).append(spec)
    return seen.items()


# -- backups (appended: their own group, after the rest) --------------------------------------
BACKUPS = "Backups"

REGISTRY = REGISTRY + (
    _i("backups_keep_daily", 7, "Keep a backup of each of the last", BACKUPS, 1, 60, "days",
       help="A verified copy of your data is taken when the app closes and every hour while it "
       "runs; the newest of each day is kept."),
    _i("backups_keep_weekly", 4, "…and of each of the last", BACKUPS, 0, 52, "weeks"),
    _i("backups_keep_monthly", 12, "…and of each of the last", BACKUPS, 0, 120, "months"),
)
SPECS = {s.name: s for s in REGISTRY}

# -- the calendar file (appended: shown with the desktop settings) -----------------------------
REGISTRY = REGISTRY + (
    SettingSpec(
        "calendar_file", BOOL, False, "Keep a calendar file up to date", DESKTOP,
        help="After every change, the follow-ups and planned interviews are written to "
        "calendar.ics in the data folder, for a calendar program subscribed to that file.",
    ),
)

# -- mail (appended: their own group; mail/account.py reads them, the password is never here) ----
MAIL = "Mail"

REGISTRY = REGISTRY + (
    SettingSpec("mail_host", TEXT, "", "Mail server (IMAP)", MAIL, max_length=253,
                help="For example imap.example.org. Left empty, the app never reads your mail."),
    SettingSpec("mail_security", CHOICE, "tls", "Security", MAIL, choices=("tls", "starttls"),
                help="TLS from the first byte (usually port 993), or STARTTLS (usually port 143). "
                "The server's certificate is always checked; there is no unencrypted way."),
    _i("mail_port", 0, "Port", MAIL, 0, 65535, "",
       help="0 means the usual port for the security chosen: 993 for TLS, 143 for STARTTLS."),
    SettingSpec("mail_user", TEXT, "", "User name", MAIL, max_length=320,
                help="Often your whole email address."),
    SettingSpec("mail_sent_folder", TEXT, "", "Sent folder", MAIL, max_length=200,
                help="Only needed when the server does not mark its Sent folder, for example "
                "Sent Items."),
    SettingSpec("mail_ca_file", TEXT, "", "Certificate authority file", MAIL, max_length=900,
                help="Only for a server whose certificate your system does not trust, such as a "
                "company's own: the path of the PEM file that signed it. Empty: the system's store."),
    _i("mail_check_minutes", 0, "Check the mailbox every", MAIL, 0, 1440, "minutes",
       help="0: never by itself. Only INBOX and Sent are read, and only messages with your "
       "contacts and employers are kept."),
)
SPECS = {s.name: s for s in REGISTRY}
