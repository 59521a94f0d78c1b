"""Validation of the JSON exchange file (CONTRACT.md, version 1).

The whole file is checked before anything is written. The first problem found raises
`ExchangeError` with one line naming the record and the field, e.g.
`events[3] (application "acme-office-manager"): field "at": "2026-02-30T09:00" is not a real date`.
"""

from __future__ import annotations

import json
import os
import re
import stat
from datetime import date, datetime
from functools import partial
from pathlib import Path
from typing import Any, Callable, Mapping

from .. import records as R
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
# The limits are the record registry's (followup_desktop.records); named here too for the
# callers that read them from the exchange file's rules.
NAME_MAX, NOTES_MAX, URL_MAX, KEY_MAX = R.NAME_MAX, R.NOTES_MAX, R.URL_MAX, R.KEY_MAX

_CONTROL_RE = re.compile(r"[\x00-\x1f\x7f]")
# Multi-line text keeps tabs and line breaks; NUL, ESC and the other control characters would
# reach a terminal or a mail program as they are.
_CONTROL_MULTILINE_RE = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_SURROGATE_RE = re.compile(r"[\ud800-\udfff]")
# The latest year a date may have: the playbook adds weeks and months to dates, and Python's
# dates end at 9999-12-31.
MAX_YEAR = 9998
# No number in the file is longer than this (the largest field is a count of minutes).
MAX_DIGITS = 20
# One address: a local part, an @, a domain with a dot; no spaces, commas or semicolons.
_EMAIL_RE = re.compile(r"[^\s@,;<>\"()\[\]]+@[^\s@,;<>\"()\[\]]+\.[^\s@,;<>\"()\[\].]+")


class ExchangeError(ValueError):
    """Bad input: one line naming what is wrong."""


# -- field checkers: each takes (value, where) and returns the cleaned value ---------------------

def _show(value: Any, limit: int = 60) -> str:
    """A value quoted for a message, shortened: an error line must stay one readable line.

    Only the start of the value is turned into text, so a 16 MB value costs nothing to show;
    control characters and lone surrogates are shown escaped."""
    if isinstance(value, str) and len(value) > limit:
        value = value[:limit]
    elif isinstance(value, (list, dict)):
        value = f"<{_type_name(value)}>"
    try:
        text = json.dumps(value, ensure_ascii=False)
    except ValueError:  # an int past Python's digit limit
        text = "a very long number"
    if _SURROGATE_RE.search(text):
        text = json.dumps(value)
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _plain(value: str, limit: int = 50) -> str:
    """A stored name for a message: one line, shortened, unquoted."""
    value = _CONTROL_RE.sub(" ", str(value))
    return value if len(value) <= limit else value[: limit - 1] + "…"


def _no_duplicate_fields(pairs: list) -> dict:
    seen = dict(pairs)
    if len(seen) == len(pairs):
        return seen
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
        check_characters(value, where, single_line=single_line)
        return value
    check.required = required
    return check


def check_characters(value: str, where: str, *, single_line: bool = True) -> None:
    """Refuse what no text field may hold: a lone surrogate (not a character at all: it cannot
    be written as UTF-8), NUL, ESC and other control characters, and line breaks in one-line
    text."""
    if value.isprintable():  # no control character and no surrogate: nearly every text
        return
    bad = _SURROGATE_RE.search(value)
    if bad:
        _fail(where, f"holds a lone surrogate \\u{ord(bad.group()):04x} at character {bad.start() + 1:,}, "
                     "which is not a character")
    bad = (_CONTROL_RE if single_line else _CONTROL_MULTILINE_RE).search(value)
    if bad:
        char = bad.group()
        what = {"\n": "a line break", "\r": "a carriage return", "\x00": "a NUL character",
                "\x1b": "an escape character (ESC)", "\t": "a tab"}.get(char, f"the control character \\x{ord(char):02x}")
        _fail(where, f"contains {what} at character {bad.start() + 1:,}"
                     + ("; it must be one line" if char in "\r\n" else ""))


def email(limit: int = 320) -> Callable:
    """One email address, or nothing."""
    plain = text(limit)

    def check(value, where):
        value = plain(value, where)
        if value and not _EMAIL_RE.fullmatch(value):
            if value.count("@") > 1:
                _fail(where, f"{_show(value)} holds more than one address; give one")
            _fail(where, f"{_show(value)} is not an email address (like name@example.org)")
        return value
    return check


def key(value, where):
    if not isinstance(value, str):
        _fail(where, f"expected a text key, got {_type_name(value)}")
    if not value or not value.strip():
        _fail(where, "must not be empty")
    if len(value) > KEY_MAX:
        _fail(where, f"is {len(value):,} characters long; the limit is {KEY_MAX}")
    check_characters(value, where)
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


def _in_range(value, parsed, where):
    if parsed.year > MAX_YEAR:
        _fail(where, f"{_show(value)} is too far in the future (the latest year is {MAX_YEAR})")
    return parsed


def a_date(value, where):
    if value is None:
        return None
    try:
        return _in_range(value, parse_date(value), where)
    except TimeFormatError as exc:
        _fail(where, f"{_show(value)} {exc}")


def a_datetime(value, where):
    if value is None:
        return None
    try:
        return _in_range(value, parse_local_datetime(value), where)
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
            _fail(where, f"{_show(value)} is outside {lo}..{hi}")
        return value
    return check


def key_list(value, where):
    if value is None:
        return []
    if not isinstance(value, list):
        _fail(where, f"expected a list of contact keys, got {_type_name(value)}")
    seen: dict[str, None] = {}  # ordered, and a linear check for a contact named twice
    for i, item in enumerate(value):
        k = key(item, f"{where}[{i}]")
        if k in seen:
            _fail(where, f"names contact {_show(k)} twice")
        seen[k] = None
    return list(seen)


def key_points(value, where):
    if value is None:
        return {}
    if not isinstance(value, dict):
        _fail(where, f"expected an object of contact key -> text, got {_type_name(value)}")
    return {key(k, where): text(NOTES_MAX, single_line=False)(v, f"{where}.{k}") for k, v in value.items()}


PROFILE_FIELDS = {
    "name": text(NAME_MAX),
    "email": email(R.EMAIL_MAX),
    "phone": text(R.PHONE_MAX),
    "employed": boolean,
    "signature": text(R.SIGNATURE_MAX, single_line=False),
}


def checker(f: R.Field) -> Callable:
    """The check of one declared field: (value, where) -> the cleaned value, or ExchangeError."""
    t = f.type
    if t in (R.KEY, R.REF):
        return key
    if t == R.TEXT:
        return text(f.limit, required=f.required, single_line=f.single_line)
    if t == R.EMAIL:
        return email(f.limit)
    if t == R.CHOICE:
        return choice(f.choices, required=f.required)
    if t in (R.DATE, R.DATETIME):
        check = a_date if t == R.DATE else a_datetime
        return required(check) if f.required else check
    if t == R.INTEGER:
        return integer(f.lo, f.limit)
    if t == R.BOOLEAN:
        return boolean
    if t == R.KEYS:
        return key_list
    if t == R.POINTS:
        return key_points
    raise ValueError(f"no check for field type {t!r}")


class Checks(dict):
    """A record's fields with their checks (field name -> check), in the exchange file's order,
    and `quick`: the same checks of a whole record as one function (`quick_check`), written
    when first asked for (the windows and the other commands check a record at a time)."""

    def __init__(self, record: R.Record):
        super().__init__((f.name, checker(f)) for f in record.fields)
        self.record = record
        self._quick = None

    @property
    def quick(self) -> Callable[[Any], "dict | None"]:
        if self._quick is None:
            self._quick = quick_check(self.record)
        return self._quick


def checkers(record: R.Record) -> Checks:
    """Every field of a record with its check, in the exchange file's order."""
    return Checks(record)


# -- the quick check of a whole record ------------------------------------------------------------
#
# A search has tens of thousands of records, nearly all of them valid, and one Python call per
# field of each (with the calls each check makes) was most of an import's checking. The quick
# check of a record is one function, written out from the record's declarations below: every
# check of every field inline, each the same test as its field check above, or a stricter one.
# It answers only "valid, and this is the cleaned record" (the very dict `_record_in_order`
# returns) or None, "not sure": the record then goes through the field checks one by one, which
# say what is wrong (or accept what the quick check was too strict for, such as a text with a
# character that is not printable but allowed, or a date with digits of another script). So
# every message stays the field checks' own.
#
# It starts from a copy of what every field is when absent and looks only at the fields the
# record holds (a dict built field by field, and a look-up of every absent field, were each as
# costly as the checks); it counts them, so that a field it does not know is noticed.

_QUICK_GLOBALS = {
    "_line_bad": re.compile(r"[\x00-\x1f\x7f\ud800-\udfff]").search,
    "_text_bad": re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ud800-\udfff]").search,
    "_email_ok": _EMAIL_RE.fullmatch,
    # the forms of `isotime` in ASCII digits (other digits: the field check decides)
    "_date_form": re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}").fullmatch,
    "_datetime_form": re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}(?::[0-9]{2})?").fullmatch,
    "_date": date.fromisoformat,
    "_datetime": datetime.fromisoformat,
    "_str": str, "_list": list, "_dict": dict, "_int": int, "_bool": bool, "_set": set,
    "_isinstance": isinstance, "_len": len, "_ValueError": ValueError, "_NO_KEYS": {},
}


def _text_test(v: str, limit: int, *, single_line: bool = True, required: bool = False) -> str:
    """The condition under which the text `v` (known to be a str) fails `text()`'s checks."""
    bad = "_line_bad" if single_line else "_text_bad"
    test = f"_len({v}) > {limit} or not ({v}.isprintable() or not {bad}({v}))"
    return test + (f" or not {v}.strip()" if required else "")


def _key_test(v: str, known: str | None = None) -> str:
    """The condition under which `v` fails `key()`; with `known`, the name of a collection of
    keys that have passed it, one of those is not checked again."""
    rest = f"not {v} or " + _text_test(v, KEY_MAX, required=True)
    if known is not None:
        rest = f"{v} not in {known} and ({rest})"
    return f"not _isinstance({v}, _str) or {rest}"


def _absent(f: R.Field):
    """What `checker(f)` makes of nothing (None for a required field: it refuses nothing), and
    whether that is a list or dict each record needs its own of."""
    if f.required and f.type not in (R.EMAIL,):
        return None
    return {R.TEXT: "", R.EMAIL: "", R.BOOLEAN: False, R.KEYS: [], R.POINTS: {}}.get(f.type)


def _quick_lines(f: R.Field, out: str) -> list[str]:
    """The lines that check one field's value `v` (not None) as `checker(f)` does and store what
    it returns in `out`, or return None from the quick check."""
    t = f.type
    if t == R.KEY:
        return [f"if {_key_test('v')}: return None", f"{out} = v"]
    if t == R.REF:  # a key of this file's own records has passed `key()` already
        return [f"if {_key_test('v', f'known_{f.refers}')}: return None", f"{out} = v"]
    if t in (R.TEXT, R.EMAIL):
        single = f.single_line if t == R.TEXT else True
        req = f.required and t == R.TEXT  # `email()`: one line, never required
        lines = [f"if not _isinstance(v, _str) or {_text_test('v', f.limit, single_line=single, required=req)}: "
                 "return None"]
        if t == R.EMAIL:
            lines.append("if v and not _email_ok(v): return None")
        return lines + [f"{out} = v"]
    if t == R.CHOICE:
        values = "{" + ", ".join(repr(m.value) for m in f.choices) + "}"
        return [f"if not _isinstance(v, _str) or v not in {values}: return None", f"{out} = v"]
    if t in (R.DATE, R.DATETIME):
        form, make = ("_date_form", "_date") if t == R.DATE else ("_datetime_form", "_datetime")
        return [f"if not _isinstance(v, _str) or not {form}(v): return None",
                "try:",
                f"    d = {make}(v)",
                "except _ValueError:",
                "    return None",
                f"if d.year > {MAX_YEAR}: return None",
                f"{out} = d"]
    if t == R.INTEGER:
        return [f"if v.__class__ is not _int or not {f.lo} <= v <= {f.limit}: return None", f"{out} = v"]
    if t == R.BOOLEAN:
        return ["if v.__class__ is not _bool: return None", f"{out} = v"]
    if t == R.KEYS:
        return ["if not _isinstance(v, _list): return None",
                "for k in v:",
                f"    if {_key_test('k', 'known_contact')}: return None",
                "if _len(v) > 1 and _len(_set(v)) != _len(v): return None",
                f"{out} = _list(v)"]
    if t == R.POINTS:
        return ["if not _isinstance(v, _dict): return None",
                "p = {}",
                "for k, x in v.items():",
                f"    if {_key_test('k')}: return None",
                "    if x is None: x = ''",
                f"    elif not _isinstance(x, _str) or {_text_test('x', NOTES_MAX, single_line=False)}: return None",
                "    p[k] = x",
                f"{out} = p"]
    raise ValueError(f"no check for field type {t!r}")


def quick_source(record: R.Record) -> str:
    """The source of `record`'s quick check (`quick_check`); it reads `_absent_values`, each
    field's value when absent, in the fields' order. `known`: record name -> keys of that
    record already checked as keys (a file's own, as `validate` reads them), which a REF or
    a list of contacts may name without being checked again."""
    known = sorted({f.refers for f in record.fields if f.type == R.REF}
                   | ({"contact"} if any(f.type == R.KEYS for f in record.fields) else set()))
    lines = ["def quick(raw, known=_NO_KEYS):",
             "    if not _isinstance(raw, _dict): return None",
             *(f"    known_{name} = known.get({name!r}, _NO_KEYS)" for name in known),
             "    out = _absent_values.copy()",
             "    n = 0"]
    for f in record.fields:
        name, absent = repr(f.name), _absent(f)
        out = f"out[{name}]"
        fresh = f"{out} = {absent!r}" if isinstance(absent, (list, dict)) else None
        lines += [f"    if {name} in raw:",
                  f"        v = raw[{name}]",
                  "        n += 1"]
        if f.required and f.type != R.EMAIL:
            lines.append("        if v is None: return None")
            lines += ["        " + line for line in _quick_lines(f, out)]
            lines.append("    else: return None")
        else:
            lines.append("        if v is not None:")
            lines += ["            " + line for line in _quick_lines(f, out)]
            if fresh:
                lines += ["        else: " + fresh, "    else: " + fresh]
    lines += ["    if n != _len(raw): return None  # a field it does not know", "    return out"]
    return "\n".join(lines) + "\n"


def quick_check(record: R.Record) -> Callable[..., "dict | None"]:
    """One function, `quick(raw, known={})`, that checks a whole record of `record`'s kind as
    its field checks do: the cleaned record when it is valid, None when it may not be (ask the
    field checks). `known`: see `quick_source`."""
    space = {**_QUICK_GLOBALS, "_absent_values": {f.name: _absent(f) for f in record.fields}}
    exec(compile(quick_source(record), f"<quick check of {record.name}>", "exec"), space)
    return space["quick"]


EMPLOYER_FIELDS = checkers(R.EMPLOYER)
CONTACT_FIELDS = checkers(R.CONTACT)
APPLICATION_FIELDS = checkers(R.APPLICATION)
EVENT_FIELDS = checkers(R.EVENT)
ACTION_STATE_FIELDS = checkers(R.ACTION_STATE)
# Settings that hold what a profile field holds: the same checks, whichever way they come.
SETTING_CHECKS = {
    "profile_name": PROFILE_FIELDS["name"],
    "profile_email": PROFILE_FIELDS["email"],
    "profile_phone": PROFILE_FIELDS["phone"],
    "profile_signature": PROFILE_FIELDS["signature"],
}
TOP_LEVEL = ("format", "version", "profile", "employers", "contacts", "applications", "events",
             "settings", "action_states")

# Fields only some event kinds may carry (`_check_event` names them in one expression too).
_INTERVIEW_ONLY = ("duration_minutes", "decision_expected", "key_points")
_REPLY_ONLY = ("next_date", "encouraged")


def _record(raw: Any, fields: Mapping[str, Callable], where: str) -> dict:
    quick = getattr(fields, "quick", None)
    if quick is not None:
        rec = quick(raw)
        if rec is not None:
            return rec
    if not isinstance(raw, dict):
        _fail(where, f"expected an object, got {_type_name(raw)}")
    unknown = [k for k in raw if k not in fields] if not raw.keys() <= fields.keys() else None
    if unknown:
        _fail(where, f"unknown field {_show(unknown[0], 40)} (known: {', '.join(fields)})")
    return _record_in_order(raw, fields, where)  # raises the first problem in the fields' order


def _record_in_order(raw: dict, fields: Mapping[str, Callable], where: str) -> dict:
    """Check every field in the file's order (the message names the first bad one)."""
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


class _NumberProblem(ExchangeError):
    pass


def _parse_int(digits: str) -> int:
    if len(digits.lstrip("-")) > MAX_DIGITS:
        raise _NumberProblem(f"holds a number {len(digits.lstrip('-')):,} digits long "
                            f"(no field takes more than {MAX_DIGITS} digits)")
    return int(digits)


def kind_of_file(mode: int) -> str:
    """What a path that is not a regular file is, in words ("a pipe (FIFO)")."""
    if stat.S_ISDIR(mode):
        return "a folder"
    if stat.S_ISFIFO(mode):
        return "a pipe (FIFO)"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    return "a socket" if stat.S_ISSOCK(mode) else "not a regular file"


def open_regular(path: Path, limit: int, *, what: str = "an exchange file",
                 hint: str = "an exchange file", error: type[ExchangeError] = ExchangeError):
    """The file at `path` opened for reading (binary), refusing what is not a regular file (a
    FIFO would wait for a writer forever, /dev/zero never ends) or is over `limit` bytes, with
    `error`: one line that calls the file `what` and asks for the path of `hint`."""
    try:
        info = os.stat(path)
    except OSError as exc:
        raise error(f"cannot read the file ({exc.strerror or exc})") from None
    if not stat.S_ISREG(info.st_mode):
        raise error(f"is {kind_of_file(info.st_mode)}, not a file; give the path of {hint}")
    if info.st_size > limit:
        raise error(f"{info.st_size:,} bytes is larger than the {limit:,} bytes {what} may be")
    try:
        # O_NONBLOCK: should the path have become a FIFO since the stat, opening does not wait.
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
    except OSError as exc:
        raise error(f"cannot read the file ({exc.strerror or exc})") from None
    if not stat.S_ISREG(os.fstat(fd).st_mode):
        os.close(fd)
        raise error(f"is not a regular file; give the path of {hint}")
    return open(fd, "rb")


def read_limited(path: Path, limit: int) -> bytes:
    """The bytes of a regular file (`open_regular`), reading at most `limit` + 1 bytes, so a
    file that grows while it is read cannot make us read more. Raises ExchangeError."""
    f = open_regular(path, limit)
    try:
        with f:
            data = f.read(limit + 1)
    except OSError as exc:
        raise ExchangeError(f"cannot read the file ({exc.strerror or exc})") from None
    if len(data) > limit:
        raise ExchangeError(f"is larger than the {limit:,} bytes an exchange file may be")
    return data


def load_file(path: Path) -> Any:
    """Read and parse a JSON file, turning every way it can fail into one line."""
    data = read_limited(Path(path), MAX_FILE_BYTES)
    try:
        textual = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ExchangeError(f"not UTF-8 text (bad byte at offset {exc.start})") from None
    try:
        return json.loads(textual, object_pairs_hook=_no_duplicate_fields, parse_int=_parse_int,
                          parse_constant=_no_constant)
    except json.JSONDecodeError as exc:
        raise ExchangeError(f"not valid JSON: {exc.msg} at line {exc.lineno} column {exc.colno}") from None
    except RecursionError:
        raise ExchangeError("not valid JSON: nested too deeply") from None
    except _NumberProblem as exc:
        raise ExchangeError(f"not a usable exchange file: it {exc}") from None
    except ExchangeError:
        raise
    except ValueError as exc:  # any other number the parser cannot make
        raise ExchangeError(f"not valid JSON: {str(exc)[:120]}") from None


def _no_constant(name: str):
    raise _NumberProblem(f"holds {name}, which is not a number JSON allows")


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
        raise ExchangeError(f'unknown top-level field {_show(unknown[0])} (known: {", ".join(TOP_LEVEL)})')
    if doc.get("format") != FORMAT:
        raise ExchangeError(f'field "format" must be "{FORMAT}", got {_show(doc.get("format"))}')
    version = doc.get("version")
    if isinstance(version, bool) or not isinstance(version, int):
        raise ExchangeError(f'field "version" must be the number {VERSION}, got {_show(version)}')
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

    # Each record is checked by its record's quick check first (`quick_check`); the names of
    # records in messages are made only for a message.
    employer_keys: dict[str, str] = {}
    quick = EMPLOYER_FIELDS.quick
    for i, raw in enumerate(section("employers")):
        rec = quick(raw) or _record(raw, EMPLOYER_FIELDS, f"employers[{i}]")
        k = rec["key"]
        if k in existing.employers:
            existing.already_there(doc, "employer", k, f"employers[{i}]")
        if k in employer_keys:
            raise ExchangeError(f'employers[{i}]: field "key": duplicate key {_show(k)} (earlier in the file)')
        employer_keys[k] = k
        out.employers.append(rec)

    def employer_ref(value: str, where) -> str:
        if value not in employer_keys and value not in existing.employers:
            raise ExchangeError(f'{where}: field "employer": no employer with key {_show(value)}')
        return value

    contact_employer: dict[str, str] = dict(existing.contacts)
    file_contacts: set[str] = set()
    quick, known = CONTACT_FIELDS.quick, {"employer": employer_keys}
    for i, raw in enumerate(section("contacts")):
        rec = quick(raw, known) or _record(raw, CONTACT_FIELDS, f"contacts[{i}]")
        k = rec["key"]
        if k in contact_employer:
            where = f"contacts[{i}]"
            if k not in file_contacts:
                existing.already_there(doc, "contact", k, where)
            raise ExchangeError(f'{where}: field "key": duplicate key {_show(k)} (earlier in the file)')
        employer = rec["employer"]
        if employer not in employer_keys:
            employer_ref(employer, _label(("contacts", i, k, None)))
        contact_employer[k] = employer
        file_contacts.add(k)
        out.contacts.append(rec)

    app_employer: dict[str, str] = dict(existing.applications)
    file_apps: set[str] = set()
    quick = APPLICATION_FIELDS.quick
    for i, raw in enumerate(section("applications")):
        rec = quick(raw, known) or _record(raw, APPLICATION_FIELDS, f"applications[{i}]")
        k = rec["key"]
        if k in app_employer:
            where = f"applications[{i}]"
            if k not in file_apps:
                existing.already_there(doc, "application", k, where)
            raise ExchangeError(f'{where}: field "key": duplicate key {_show(k)} (earlier in the file)')
        employer = rec["employer"]
        if employer not in employer_keys:
            employer_ref(employer, _label(("applications", i, k, None)))
        if rec["outcome"] is not None and rec["stage"] != Stage.CLOSED:
            raise ExchangeError(f'{_label(("applications", i, k, None))}: field "outcome": only a closed application '
                                f'has an outcome (stage is "{rec["stage"]}")')
        if rec["outcome"] is None and rec["stage"] == Stage.CLOSED:
            raise ExchangeError(f'{_label(("applications", i, k, None))}: field "outcome": a closed application needs '
                                f'an outcome ({", ".join(m.value for m in Outcome)})')
        app_employer[k] = employer
        file_apps.add(k)
        out.applications.append(rec)

    message_ids: set[str] = set()
    quick, known = EVENT_FIELDS.quick, {"application": file_apps, "contact": file_contacts}
    for i, raw in enumerate(section("events")):
        rec = quick(raw, known) or _record(raw, EVENT_FIELDS, f"events[{i}]")
        app = rec["application"]
        employer = app_employer.get(app)
        if employer is None:
            raise ExchangeError(f'events[{i}]: field "application": no application with key {_show(app)}')
        label = _label(("events", i, app, rec["kind"]))
        _check_event(rec, label, employer, contact_employer)
        mid = rec["message_id"]
        if mid:
            if mid in message_ids or mid in existing.message_ids:
                place = "earlier in the file" if mid in message_ids else "already in your data"
                raise ExchangeError(f'{label}: field "message_id": the message {_show(mid)} is logged '
                                    f'once already ({place})')
            message_ids.add(mid)
        out.events.append(rec)

    raw_settings = doc.get("settings")
    if raw_settings is not None:
        if not isinstance(raw_settings, dict):
            raise ExchangeError(f'field "settings" must be an object, got {_type_name(raw_settings)}')
        for name, value in raw_settings.items():
            try:
                out.settings[name] = validate_setting(name, value)
            except SettingError as exc:
                raise ExchangeError(f"settings: {str(exc)[:200]}") from None
            where = f"settings: field {_show(name, 40)}"
            if name in SETTING_CHECKS:
                SETTING_CHECKS[name](value, where)
            elif isinstance(value, str):
                check_characters(value, where)

    state_ids: set[str] = set()
    for i, raw in enumerate(section("action_states")):
        where = f"action_states[{i}]"
        rec = _record(raw, ACTION_STATE_FIELDS, where)
        if rec["id"] in state_ids or rec["id"] in existing.action_states:
            place = "earlier in the file" if rec["id"] in state_ids else "already in your data"
            raise ExchangeError(f'{where}: field "id": duplicate id {_show(rec["id"])} ({place})')
        if rec["application"] not in app_employer:
            raise ExchangeError(f'{where}: field "application": no application with key {_show(rec["application"])}')
        state_ids.add(rec["id"])
        out.action_states.append(rec)
    return out


class _Label(tuple):
    """A record's name in a message ("events[3] (reply for "acme-om")"), made into words only
    when a message needs it: a large file's records are nearly all valid. A tuple (section,
    index, key, an event's kind or None), made without a Python call (`_label`)."""

    __slots__ = ()

    def __str__(self) -> str:
        section, index, key, kind = self
        what = f"{kind} for " if kind is not None else ""
        return f"{section}[{index}] ({what}{_show(key)})"

    def __format__(self, spec: str) -> str:
        return format(str(self), spec)


_label = partial(tuple.__new__, _Label)


# The values `_check_event` compares with, as plain text (it is asked of every event).
_INTERVIEW, _REPLY, _CLOSED = EventKind.INTERVIEW.value, EventKind.REPLY.value, EventKind.CLOSED.value
_REJECTED, _PHONE = ReplyOutcome.REJECTED.value, Channel.PHONE.value
_REPLY_OUTCOMES = tuple(m.value for m in ReplyOutcome)
_CALL_OUTCOMES = tuple(m.value for m in CallOutcome)
_OUTBOUND = frozenset(k.value for k in OUTBOUND_KINDS)


def _check_event(rec: dict, label: str, employer: str, contact_employer: Mapping[str, str]) -> None:
    kind = rec["kind"]
    # (the fields an event of another kind may not have, one expression: asked of every event)
    if kind != _INTERVIEW and (rec["duration_minutes"] or rec["decision_expected"] or rec["key_points"]):
        name = next(n for n in _INTERVIEW_ONLY if rec[n])
        _fail(f'{label}: field "{name}"', "only an interview has this field")
    if kind != _REPLY and (rec["next_date"] or rec["encouraged"]):
        name = next(n for n in _REPLY_ONLY if rec[n])
        _fail(f'{label}: field "{name}"', "only a reply has this field")
    outcome = rec["outcome"] or None
    rec["outcome"] = outcome
    if kind == _REPLY:
        if outcome is None:
            _fail(f'{label}: field "outcome"', f"a reply needs an outcome ({', '.join(_REPLY_OUTCOMES)})")
        if outcome not in _REPLY_OUTCOMES:
            _fail(f'{label}: field "outcome"', f"{_show(outcome)} is not one of {', '.join(_REPLY_OUTCOMES)}")
        if rec["encouraged"] and outcome != _REJECTED:
            _fail(f'{label}: field "encouraged"', "only a rejection can encourage you to stay in touch")
    elif outcome is not None:
        if kind not in _OUTBOUND or rec["channel"] != _PHONE:
            _fail(f'{label}: field "outcome"', "only a reply or an outbound phone call has an outcome")
        if outcome not in _CALL_OUTCOMES:
            _fail(f'{label}: field "outcome"', f"{_show(outcome)} is not one of {', '.join(_CALL_OUTCOMES)}")
    if kind == _CLOSED:
        if rec["reason"] is None:
            _fail(f'{label}: field "reason"', f"a closed event needs a reason ({', '.join(m.value for m in Outcome)})")
    elif rec["reason"] is not None:
        _fail(f'{label}: field "reason"', "only a closed event has a reason")
    people = rec["contacts"]
    for c in people:
        owner = contact_employer.get(c)
        if owner != employer:
            if owner is None:
                _fail(f'{label}: field "contacts"', f"no contact with key {_show(c)}")
            _fail(f'{label}: field "contacts"', f"contact {_show(c)} works for {_show(owner)}, not {_show(employer)}")
    points = rec["key_points"]
    if points:
        people = set(people)
        for c in points:
            if c not in people:
                _fail(f'{label}: field "key_points"', f"{_show(c)} is not one of this interview's contacts")


def check_event(raw: Any, employer: str, contact_employer: Mapping[str, str], where: str = "event") -> dict:
    """Check one event as the exchange file would (fields, kinds, the rules between fields, its
    people working for `employer`); return it with Python values. Raises ExchangeError."""
    rec = _record(raw, EVENT_FIELDS, where)
    _check_event(rec, f"{where} ({rec['kind']})", employer, contact_employer)
    return rec


class ExistingKeys:
    """Keys already stored: employers, contact -> employer, application -> employer, the ids of
    action states, the Message-IDs of events brought in from mail. `names` may give, for ("employer" | "contact" | "application", key), what a
    person calls that record ("Acme Corp — Office Manager"), for the message when a file brings
    a record that is already there."""

    def __init__(self, employers=(), contacts=None, applications=None, action_states=(), names=None,
                 message_ids=()):
        self.message_ids = set(message_ids)
        self.employers = set(employers)
        self.contacts = dict(contacts or {})
        self.applications = dict(applications or {})
        self.action_states = set(action_states)
        self.names = names or (lambda kind, key: None)

    def already_there(self, doc: Mapping, kind: str, k: str, where: str):
        """Raise the plain-words error for a record of the file that is already stored. When every
        application of the file is there, the file was imported before: say that."""
        apps = [a.get("key") for a in (doc.get("applications") or []) if isinstance(a, dict)]
        employers = [e.get("key") for e in (doc.get("employers") or []) if isinstance(e, dict)]
        if (apps and all(a in self.applications for a in apps)
                and all(e in self.employers for e in employers)):
            first = apps[0]
            name = self.names("application", first)
            more = f" and the other {len(apps) - 1:,}" if len(apps) > 1 else ""
            raise ExchangeError(
                f"this file was imported before: application {_show(first, 40)}"
                f"{f' ({_plain(name)})' if name else ''}{more} already in your data; "
                "nothing was added twice")
        name = self.names(kind, k)
        raise ExchangeError(
            f'{where}: {kind} {_show(k, 40)}{f" ({_plain(name)})" if name else ""} is already '
            "in your data; a file can add new records only (give it another key to add it as new)")
