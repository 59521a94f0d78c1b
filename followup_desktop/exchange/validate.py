"""Validation of the JSON exchange file (CONTRACT.md, version 1).

The whole file is checked before anything is written. The first problem found raises
`ExchangeError` with one line naming the record and the field, e.g.
`events[3] (application "acme-office-manager"): field "at": "2026-02-30T09:00" is not a real date`.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any, Callable, Mapping

from ..isotime import TimeFormatError, parse_date, parse_local_datetime
from ..settings import SettingError, validate as validate_setting
from ..vocab import (
    CallOutcome,
    Channel,
    EventKind,
    OUTBOUND_KINDS,
    Outcome,
    ReplyOutcome,
    Role,
    Source,
    Stage,
)

FORMAT = "followup-desktop"
VERSION = 1
MAX_FILE_BYTES = 256 * 1024 * 1024
NAME_MAX = 200
NOTES_MAX = 20_000
URL_MAX = 2_000
KEY_MAX = 200

_CONTROL_RE = re.compile(r"[\x00-\x1f\x7f]")


class ExchangeError(ValueError):
    """Bad input: one line naming what is wrong."""


# -- field checkers: each takes (value, where) and returns the cleaned value ---------------------

def _show(value: Any, limit: int = 60) -> str:
    """A value quoted for a message, shortened: an error line must stay one readable line."""
    text = json.dumps(value, ensure_ascii=False)
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _no_duplicate_fields(pairs: list) -> dict:
    seen = {}
    for name, value in pairs:
        if name in seen:
            raise ExchangeError(f"field {_show(name)} appears twice in one object")
        seen[name] = value
    return seen


def _fail(where: str, message: str):
    raise ExchangeError(f"{where}: {message}")


def _type_name(value: Any) -> str:
    return {bool: "true/false", int: "a number", float: "a number", str: "text", list: "a list",
            dict: "an object", type(None): "null"}.get(type(value), type(value).__name__)


def text(limit: int, *, required: bool = False, single_line: bool = True) -> Callable:
    def check(value, where):
        if value is None and not required:
            return ""
        if not isinstance(value, str):
            _fail(where, f"expected text, got {_type_name(value)}")
        if required and not value.strip():
            _fail(where, "must not be empty")
        if len(value) > limit:
            _fail(where, f"is {len(value):,} characters long; the limit is {limit:,}")
        if single_line and _CONTROL_RE.search(value):
            _fail(where, "contains a line break or control character")
        if "\x00" in value:
            _fail(where, "contains a NUL character")
        return value
    check.required = required
    return check


def key(value, where):
    if not isinstance(value, str):
        _fail(where, f"expected a text key, got {_type_name(value)}")
    if not value or not value.strip():
        _fail(where, "must not be empty")
    if len(value) > KEY_MAX:
        _fail(where, f"is {len(value):,} characters long; the limit is {KEY_MAX}")
    if _CONTROL_RE.search(value):
        _fail(where, "contains a control character")
    return value


key.required = True


def choice(enum, *, required: bool = False, nullable: bool = True) -> Callable:
    allowed = [m.value for m in enum]

    def check(value, where):
        if value is None:
            if required or not nullable:
                _fail(where, f"is required (one of {', '.join(allowed)})")
            return None
        if not isinstance(value, str) or value not in allowed:
            _fail(where, f"{_show(value)} is not one of {', '.join(allowed)}")
        return value
    check.required = required
    return check


def a_date(value, where):
    if value is None:
        return None
    try:
        return parse_date(value)
    except TimeFormatError as exc:
        _fail(where, f"{_show(value)} {exc}")


def a_datetime(value, where):
    if value is None:
        return None
    try:
        return parse_local_datetime(value)
    except TimeFormatError as exc:
        _fail(where, f"{_show(value)} {exc}")


def required(check: Callable) -> Callable:
    def inner(value, where):
        if value is None:
            _fail(where, "is required")
        return check(value, where)
    inner.required = True
    return inner


def boolean(value, where):
    if value is None:
        return False
    if not isinstance(value, bool):
        _fail(where, f"expected true or false, got {_type_name(value)}")
    return value


def integer(lo: int, hi: int) -> Callable:
    def check(value, where):
        if value is None:
            return None
        if isinstance(value, bool) or not isinstance(value, int):
            _fail(where, f"expected a whole number, got {_type_name(value)}")
        if not lo <= value <= hi:
            _fail(where, f"{value} is outside {lo}..{hi}")
        return value
    return check


def key_list(value, where):
    if value is None:
        return []
    if not isinstance(value, list):
        _fail(where, f"expected a list of contact keys, got {_type_name(value)}")
    seen = []
    for i, item in enumerate(value):
        k = key(item, f"{where}[{i}]")
        if k in seen:
            _fail(where, f"names contact {json.dumps(k)} twice")
        seen.append(k)
    return seen


def key_points(value, where):
    if value is None:
        return {}
    if not isinstance(value, dict):
        _fail(where, f"expected an object of contact key -> text, got {_type_name(value)}")
    return {key(k, where): text(NOTES_MAX, single_line=False)(v, f"{where}.{k}") for k, v in value.items()}


PROFILE_FIELDS = {
    "name": text(NAME_MAX),
    "email": text(320),
    "phone": text(60),
    "employed": boolean,
    "signature": text(2000, single_line=False),
}
EMPLOYER_FIELDS = {
    "key": key,
    "name": text(NAME_MAX, required=True),
    "website": text(URL_MAX),
    "notes": text(NOTES_MAX, single_line=False),
}
CONTACT_FIELDS = {
    "key": key,
    "employer": key,
    "name": text(NAME_MAX, required=True),
    "role": choice(Role, required=True),
    "email": text(320),
    "phone": text(60),
    "notes": text(NOTES_MAX, single_line=False),
}
APPLICATION_FIELDS = {
    "key": key,
    "employer": key,
    "position": text(NAME_MAX, required=True),
    "source": choice(Source),
    "referred_by": text(NAME_MAX),
    "posting_url": text(URL_MAX),
    "posting_closes": a_date,
    "stage": choice(Stage, required=True),
    "outcome": choice(Outcome),
    "created": a_datetime,
    "archived": boolean,
}
EVENT_FIELDS = {
    "application": key,
    "kind": choice(EventKind, required=True),
    "at": required(a_datetime),
    "channel": choice(Channel),
    "outcome": text(40),
    "reason": choice(Outcome),
    "duration_minutes": integer(1, 24 * 60),
    "contacts": key_list,
    "key_points": key_points,
    "decision_expected": a_date,
    "next_date": a_date,
    "encouraged": boolean,
    "subject": text(998),
    "notes": text(NOTES_MAX, single_line=False),
}
ACTION_STATE_FIELDS = {
    "id": text(1000, required=True),
    "application": key,
    "done_at": a_datetime,
    "dismissed_at": a_datetime,
    "snoozed_until": a_datetime,
    "notified_at": a_datetime,
    "overdue_notified_at": a_datetime,
}
TOP_LEVEL = ("format", "version", "profile", "employers", "contacts", "applications", "events",
             "settings", "action_states")

# Fields only some event kinds may carry.
_INTERVIEW_ONLY = ("duration_minutes", "decision_expected", "key_points")
_REPLY_ONLY = ("next_date", "encouraged")


def _record(raw: Any, fields: Mapping[str, Callable], where: str) -> dict:
    if not isinstance(raw, dict):
        _fail(where, f"expected an object, got {_type_name(raw)}")
    unknown = [k for k in raw if k not in fields]
    if unknown:
        _fail(where, f"unknown field {json.dumps(unknown[0])} (known: {', '.join(fields)})")
    out = {}
    for name, check in fields.items():
        value = raw.get(name)
        if value is None and getattr(check, "required", False) and name not in raw:
            _fail(where, f'field "{name}" is missing')
        out[name] = check(value, f'{where}: field "{name}"')
    return out


class Validated:
    """A checked exchange file, with Python values (dates, datetimes) ready to store."""

    def __init__(self):
        self.profile: dict | None = None
        self.employers: list[dict] = []
        self.contacts: list[dict] = []
        self.applications: list[dict] = []
        self.events: list[dict] = []
        self.settings: dict[str, Any] = {}
        self.action_states: list[dict] = []


def load_file(path: Path) -> Any:
    """Read and parse a JSON file, turning every way it can fail into one line."""
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise ExchangeError(f"cannot read the file ({exc.strerror})") from None
    if size > MAX_FILE_BYTES:
        raise ExchangeError(f"{size:,} bytes is larger than the {MAX_FILE_BYTES:,} bytes an exchange file may be")
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise ExchangeError(f"cannot read the file ({exc.strerror})") from None
    try:
        textual = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ExchangeError(f"not UTF-8 text (bad byte at offset {exc.start})") from None
    try:
        return json.loads(textual, object_pairs_hook=_no_duplicate_fields)
    except json.JSONDecodeError as exc:
        raise ExchangeError(f"not valid JSON: {exc.msg} at line {exc.lineno} column {exc.colno}") from None
    except RecursionError:
        raise ExchangeError("not valid JSON: nested too deeply") from None


def validate(doc: Any, existing: "ExistingKeys | None" = None) -> Validated:
    """Check a parsed exchange document against the contract and against what is stored.

    `existing` holds the keys already in the database: a file may refer to them, and may not
    define them again.
    """
    existing = existing or ExistingKeys()
    if not isinstance(doc, dict):
        raise ExchangeError(f"the file must hold a JSON object, not {_type_name(doc)}")
    unknown = [k for k in doc if k not in TOP_LEVEL]
    if unknown:
        raise ExchangeError(f'unknown top-level field {json.dumps(unknown[0])} (known: {", ".join(TOP_LEVEL)})')
    if doc.get("format") != FORMAT:
        raise ExchangeError(f'field "format" must be "{FORMAT}", got {json.dumps(doc.get("format"))}')
    version = doc.get("version")
    if isinstance(version, bool) or not isinstance(version, int):
        raise ExchangeError(f'field "version" must be the number {VERSION}, got {json.dumps(version)}')
    if version != VERSION:
        raise ExchangeError(f"exchange format version {version} is not supported (this app reads version {VERSION})")

    out = Validated()
    if doc.get("profile") is not None:
        out.profile = _record(doc["profile"], PROFILE_FIELDS, "profile")

    def section(name: str) -> list:
        value = doc.get(name, [])
        if value is None:
            return []
        if not isinstance(value, list):
            raise ExchangeError(f'field "{name}" must be a list, got {_type_name(value)}')
        return value

    employer_keys: dict[str, str] = {}
    for i, raw in enumerate(section("employers")):
        rec = _record(raw, EMPLOYER_FIELDS, f"employers[{i}]")
        k = rec["key"]
        if k in employer_keys or k in existing.employers:
            where = "earlier in the file" if k in employer_keys else "already in this data dir"
            raise ExchangeError(f'employers[{i}]: field "key": duplicate key {json.dumps(k)} ({where})')
        employer_keys[k] = k
        out.employers.append(rec)

    def employer_ref(value: str, where: str) -> str:
        if value not in employer_keys and value not in existing.employers:
            raise ExchangeError(f'{where}: field "employer": no employer with key {_show(value)}')
        return value

    contact_employer: dict[str, str] = dict(existing.contacts)
    file_contacts: set[str] = set()
    for i, raw in enumerate(section("contacts")):
        where = f"contacts[{i}]"
        rec = _record(raw, CONTACT_FIELDS, where)
        k = rec["key"]
        if k in contact_employer:
            place = "earlier in the file" if k in file_contacts else "already in this data dir"
            raise ExchangeError(f'{where}: field "key": duplicate key {json.dumps(k)} ({place})')
        employer_ref(rec["employer"], f"{where} ({json.dumps(k)})")
        contact_employer[k] = rec["employer"]
        file_contacts.add(k)
        out.contacts.append(rec)

    app_employer: dict[str, str] = dict(existing.applications)
    file_apps: set[str] = set()
    for i, raw in enumerate(section("applications")):
        where = f"applications[{i}]"
        rec = _record(raw, APPLICATION_FIELDS, where)
        k = rec["key"]
        label = f"{where} ({json.dumps(k)})"
        if k in app_employer:
            place = "earlier in the file" if k in file_apps else "already in this data dir"
            raise ExchangeError(f'{where}: field "key": duplicate key {json.dumps(k)} ({place})')
        employer_ref(rec["employer"], label)
        if rec["outcome"] is not None and rec["stage"] != Stage.CLOSED:
            raise ExchangeError(f'{label}: field "outcome": only a closed application has an outcome (stage is "{rec["stage"]}")')
        app_employer[k] = rec["employer"]
        file_apps.add(k)
        out.applications.append(rec)

    for i, raw in enumerate(section("events")):
        where = f"events[{i}]"
        rec = _record(raw, EVENT_FIELDS, where)
        app = rec["application"]
        if app not in app_employer:
            raise ExchangeError(f'{where}: field "application": no application with key {json.dumps(app)}')
        label = f"{where} ({rec['kind']} for {json.dumps(app)})"
        _check_event(rec, label, app_employer[app], contact_employer)
        out.events.append(rec)

    raw_settings = doc.get("settings")
    if raw_settings is not None:
        if not isinstance(raw_settings, dict):
            raise ExchangeError(f'field "settings" must be an object, got {_type_name(raw_settings)}')
        for name, value in raw_settings.items():
            try:
                out.settings[name] = validate_setting(name, value)
            except SettingError as exc:
                raise ExchangeError(f"settings: {exc}") from None

    state_ids: set[str] = set()
    for i, raw in enumerate(section("action_states")):
        where = f"action_states[{i}]"
        rec = _record(raw, ACTION_STATE_FIELDS, where)
        if rec["id"] in state_ids or rec["id"] in existing.action_states:
            place = "earlier in the file" if rec["id"] in state_ids else "already in this data dir"
            raise ExchangeError(f'{where}: field "id": duplicate id {json.dumps(rec["id"])} ({place})')
        if rec["application"] not in app_employer:
            raise ExchangeError(f'{where}: field "application": no application with key {json.dumps(rec["application"])}')
        state_ids.add(rec["id"])
        out.action_states.append(rec)
    return out


def _check_event(rec: dict, label: str, employer: str, contact_employer: Mapping[str, str]) -> None:
    kind = rec["kind"]
    for name in _INTERVIEW_ONLY:
        if rec[name] and kind != EventKind.INTERVIEW:
            _fail(f'{label}: field "{name}"', "only an interview has this field")
    for name in _REPLY_ONLY:
        if rec[name] and kind != EventKind.REPLY:
            _fail(f'{label}: field "{name}"', "only a reply has this field")
    outcome = rec["outcome"] or None
    rec["outcome"] = outcome
    if kind == EventKind.REPLY:
        allowed = [m.value for m in ReplyOutcome]
        if outcome is None:
            _fail(f'{label}: field "outcome"', f"a reply needs an outcome ({', '.join(allowed)})")
        if outcome not in allowed:
            _fail(f'{label}: field "outcome"', f"{json.dumps(outcome)} is not one of {', '.join(allowed)}")
        if rec["encouraged"] and outcome != ReplyOutcome.REJECTED:
            _fail(f'{label}: field "encouraged"', "only a rejection can encourage you to stay in touch")
    elif outcome is not None:
        allowed = [m.value for m in CallOutcome]
        if kind not in OUTBOUND_KINDS or rec["channel"] != Channel.PHONE:
            _fail(f'{label}: field "outcome"', "only a reply or an outbound phone call has an outcome")
        if outcome not in allowed:
            _fail(f'{label}: field "outcome"', f"{json.dumps(outcome)} is not one of {', '.join(allowed)}")
    if kind == EventKind.CLOSED:
        if rec["reason"] is None:
            _fail(f'{label}: field "reason"', f"a closed event needs a reason ({', '.join(m.value for m in Outcome)})")
    elif rec["reason"] is not None:
        _fail(f'{label}: field "reason"', "only a closed event has a reason")
    for c in rec["contacts"]:
        owner = contact_employer.get(c)
        if owner is None:
            _fail(f'{label}: field "contacts"', f"no contact with key {json.dumps(c)}")
        if owner != employer:
            _fail(f'{label}: field "contacts"', f"contact {json.dumps(c)} works for {json.dumps(owner)}, not {json.dumps(employer)}")
    for c in rec["key_points"]:
        if c not in rec["contacts"]:
            _fail(f'{label}: field "key_points"', f"{json.dumps(c)} is not one of this interview's contacts")


def check_event(raw: Any, employer: str, contact_employer: Mapping[str, str], where: str = "event") -> dict:
    """Check one event as the exchange file would (fields, kinds, the rules between fields, its
    people working for `employer`); return it with Python values. Raises ExchangeError."""
    rec = _record(raw, EVENT_FIELDS, where)
    _check_event(rec, f"{where} ({rec['kind']})", employer, contact_employer)
    return rec


class ExistingKeys:
    """Keys already stored: employers, contact -> employer, application -> employer, the ids of
    action states."""

    def __init__(self, employers=(), contacts=None, applications=None, action_states=()):
        self.employers = set(employers)
        self.contacts = dict(contacts or {})
        self.applications = dict(applications or {})
        self.action_states = set(action_states)
