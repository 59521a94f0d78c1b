"""The record registry: every record the app keeps, declared once.

Each record (employer, contact, application, event, action state, setting, and the link between
an event and its people) is a `Record`: its table, and its fields in the exchange file's order,
each with its type, limits, column and whether an export leaves it out when empty. Everything
else reads these declarations instead of repeating them:

* `store.models` builds the peewee models from them (one set per open `Store`);
* `store.snapshot` and `store.reads` take their SQL column lists and named rows from them;
* `exchange.validate` builds each record's field checks from them, `exchange.jsonfile` imports
  and exports the declared fields;
* the dialogs take their field limits from them (`limit`).

Adding an event field is one `Field` below plus its migration step (`store.migrations`); the
test in `tests/test_records.py` then carries it through the store, the exchange file and the fast
readers on its own.

Plain Python: the command line imports this on its way to `due`, so it stays cheap (no ORM).
"""

from __future__ import annotations

from collections import namedtuple
from functools import partial
from enum import StrEnum
from typing import Any

from .vocab import Channel, EventKind, Outcome, Role, Source, Stage

# The limits of text, in characters (an import and a dialog refuse the same lengths).
NAME_MAX = 200
NOTES_MAX = 20_000
URL_MAX = 2_000
KEY_MAX = 200
EMAIL_MAX = 320
PHONE_MAX = 60
SUBJECT_MAX = 998  # RFC 5322's longest line
ACTION_ID_MAX = 1000
SIGNATURE_MAX = 2000
MESSAGE_ID_MAX = 998  # a header line's longest

# Field types. How each is checked lives in `exchange.validate`, how each is stored in
# `store.models`; a new type needs both.
KEY = "key"            # a record's own key: text, required, one line, at most KEY_MAX
REF = "ref"            # the key of another record (stored as that record's row id)
TEXT = "text"          # text up to `limit`, one line unless `single_line` is False
EMAIL = "email"        # one email address, or nothing
CHOICE = "choice"      # one value of the enum `choices`
DATE = "date"          # YYYY-MM-DD
DATETIME = "datetime"  # YYYY-MM-DDTHH:MM[:SS], local wall-clock time
INTEGER = "integer"    # a whole number in lo..limit
BOOLEAN = "boolean"    # true / false
KEYS = "keys"          # a list of contact keys (stored as links, not a column)
POINTS = "points"      # contact key -> text (stored on the links, not a column)


class Field:
    """One field of a record. Plain slots, no dataclass machinery: this module is on `due`'s
    start-up path.

    name: the field's name in the exchange file (and in the dicts the store's edits take);
    type: one of the types above; limit: the most characters of a text, the largest value of a
    number; lo: the smallest value of a number; required, single_line: as the exchange file
    checks them; choices: the enum of a CHOICE; refers: for a REF, the record whose key it holds;
    column: its SQL column ("" = the name, `<name>_id` for a REF; None: not a column of the
    table); null: the column may hold NULL (else it holds `default`, or must be given);
    omit_empty: an export leaves it out when it is empty (None, "", false, no contacts)."""

    __slots__ = ("name", "type", "limit", "lo", "required", "single_line", "choices", "refers",
                 "column", "null", "default", "primary_key", "omit_empty")

    def __init__(self, name: str, type: str, *, limit: int | None = None, lo: int | None = None,
                 required: bool = False, single_line: bool = True, choices: type[StrEnum] | None = None,
                 refers: str | None = None, column: str | None = "", null: bool = True,
                 default: Any = None, primary_key: bool = False, omit_empty: bool = True):
        self.name, self.type, self.limit, self.lo = name, type, limit, lo
        self.required, self.single_line, self.choices, self.refers = required, single_line, choices, refers
        self.column, self.null, self.default = column, null, default
        self.primary_key, self.omit_empty = primary_key, omit_empty

    def __repr__(self) -> str:
        return f"Field({self.name!r}, {self.type!r})"

    @property
    def sql(self) -> str | None:
        """The column's name in the table, None when the field is not one of its columns."""
        if self.column is None:
            return None
        if self.column:
            return self.column
        return f"{self.name}_id" if self.type == REF else self.name

    @property
    def attr(self) -> str | None:
        """The peewee model's attribute for it (a REF's attribute is the related row)."""
        sql = self.sql
        if sql is None:
            return None
        return self.name if self.type == REF else sql

    @property
    def stored(self) -> bool:
        return self.column is not None


class Record:
    """One record: `name` (what a message calls one, "employer"), its `table`, its `fields` in
    the exchange file's order, its `section` in the exchange file ("employers"; None when it is
    not exchanged as records), its peewee `model` class name, whether the table has an
    `id INTEGER PRIMARY KEY` of its own (`row_id`), and a `composite_key` of link tables."""

    __slots__ = ("name", "table", "fields", "section", "model", "row_id", "composite_key", "_by_name")

    def __init__(self, name: str, table: str, fields: tuple[Field, ...], *, section: str | None = None,
                 model: str = "", row_id: bool = True, composite_key: tuple[str, ...] = ()):
        self.name, self.table, self.fields, self.section = name, table, fields, section
        self.model, self.row_id, self.composite_key = model, row_id, composite_key
        self._by_name = {f.name: f for f in fields}

    def __repr__(self) -> str:
        return f"Record({self.name!r})"

    def __getitem__(self, name: str) -> Field:
        return self._by_name[name]

    def __contains__(self, name: str) -> bool:
        return name in self._by_name

    @property
    def names(self) -> tuple[str, ...]:
        """Every field's exchange name, in the file's order."""
        return tuple(f.name for f in self.fields)

    @property
    def stored(self) -> tuple[Field, ...]:
        """The fields that are columns of the table, in order."""
        return tuple(f for f in self.fields if f.stored)

    def columns(self, *names: str, alias: str = "", exclude: tuple[str, ...] = ()) -> str:
        """A SQL column list of some fields (default: every stored one), e.g. for
        `SELECT {columns} FROM event e`; with `alias`, each column is qualified by it."""
        chosen = [self[n] for n in names] if names else [f for f in self.stored if f.name not in exclude]
        prefix = f"{alias}." if alias else ""
        return ", ".join(prefix + f.sql for f in chosen)


def row_type(typename: str, names) -> type:
    """A named row (a NamedTuple) for a reader's columns: `row.kind`, never `row[2]`. Its
    `.make` turns a database row into one without a Python call (the fast readers make tens of
    thousands): `map(Row.make, cursor)`."""
    cls = namedtuple(typename, list(names))
    cls.make = partial(tuple.__new__, cls)
    return cls


def _text(name, limit, **kw) -> Field:
    return Field(name, TEXT, limit=limit, **kw)


def _notes(name="notes", **kw) -> Field:
    return Field(name, TEXT, limit=NOTES_MAX, single_line=False, null=False, default="", **kw)


EMPLOYER = Record("employer", "employer", (
    Field("key", KEY, limit=KEY_MAX, required=True, null=False, omit_empty=False),
    _text("name", NAME_MAX, required=True, null=False, omit_empty=False),
    _text("website", URL_MAX, null=False, default="", omit_empty=False),
    _notes(omit_empty=False),
), section="employers", model="Employer")

CONTACT = Record("contact", "contact", (
    Field("key", KEY, limit=KEY_MAX, required=True, null=False, omit_empty=False),
    Field("employer", REF, refers="employer", required=True, null=False, omit_empty=False),
    _text("name", NAME_MAX, required=True, null=False, omit_empty=False),
    Field("role", CHOICE, choices=Role, required=True, null=False, omit_empty=False),
    Field("email", EMAIL, limit=EMAIL_MAX, null=False, default="", omit_empty=False),
    _text("phone", PHONE_MAX, null=False, default="", omit_empty=False),
    _notes(),
), section="contacts", model="Contact")

APPLICATION = Record("application", "application", (
    Field("key", KEY, limit=KEY_MAX, required=True, null=False, omit_empty=False),
    Field("employer", REF, refers="employer", required=True, null=False, omit_empty=False),
    _text("position", NAME_MAX, required=True, null=False, omit_empty=False),
    Field("source", CHOICE, choices=Source, omit_empty=False),
    _text("referred_by", NAME_MAX, null=False, default="", omit_empty=False),
    _text("posting_url", URL_MAX, null=False, default="", omit_empty=False),
    Field("posting_closes", DATE, omit_empty=False),
    Field("stage", CHOICE, choices=Stage, required=True, null=False, omit_empty=False),
    Field("outcome", CHOICE, choices=Outcome, omit_empty=False),
    Field("created", DATETIME),
    Field("archived", BOOLEAN, null=False, default=False),
    _notes(),
), section="applications", model="Application")

EVENT = Record("event", "event", (
    Field("application", REF, refers="application", required=True, null=False, omit_empty=False),
    Field("kind", CHOICE, choices=EventKind, required=True, null=False, omit_empty=False),
    Field("at", DATETIME, required=True, null=False, omit_empty=False),
    Field("channel", CHOICE, choices=Channel),
    # a reply's or an outbound call's outcome: which values depends on the kind (exchange.validate)
    _text("outcome", 40),
    Field("reason", CHOICE, choices=Outcome),
    Field("duration_minutes", INTEGER, lo=1, limit=24 * 60),
    Field("contacts", KEYS, column=None),
    Field("key_points", POINTS, column=None),
    Field("decision_expected", DATE),
    Field("next_date", DATE),
    Field("encouraged", BOOLEAN, null=False, default=False),
    _text("subject", SUBJECT_MAX),
    _notes(),
    # the Message-ID of the mail it was brought in from: each message makes at most one event
    _text("message_id", MESSAGE_ID_MAX),
), section="events", model="Event")

EVENT_CONTACT = Record("event contact", "event_contact", (
    Field("event", REF, refers="event", required=True, null=False),
    Field("contact", REF, refers="contact", required=True, null=False),
    Field("position", INTEGER, lo=0, limit=10**9, null=False, default=0),
    _notes("key_point"),
), model="EventContact", row_id=False, composite_key=("event", "contact"))

ACTION_STATE = Record("action state", "action_state", (
    _text("id", ACTION_ID_MAX, required=True, column="action_id", null=False, primary_key=True,
          omit_empty=False),
    Field("application", REF, refers="application", required=True, null=False, omit_empty=False),
    Field("done_at", DATETIME),
    Field("dismissed_at", DATETIME),
    Field("snoozed_until", DATETIME),
    Field("notified_at", DATETIME),
    Field("overdue_notified_at", DATETIME),
), section="action_states", model="ActionStateRow", row_id=False)

SETTING = Record("setting", "setting", (
    # the value is JSON; which names and values exist is the settings registry's (settings.py)
    _text("name", 100, null=False, primary_key=True),
    Field("value", TEXT, single_line=False, null=False),
), model="Setting", row_id=False)

MAIL_FOLDER = Record("mail folder", "mail_folder", (
    # how far one folder of the configured account has been read (the account is user@host)
    _text("account", 400, required=True, null=False),
    _text("folder", 400, required=True, null=False),
    Field("uidvalidity", INTEGER, lo=0, limit=2**32),
    Field("last_uid", INTEGER, lo=0, limit=2**32, null=False, default=0),
    Field("checked_at", DATETIME),
), model="MailFolder", row_id=False, composite_key=("account", "folder"))

REVIEW_ITEM = Record("review item", "review_item", (
    # a message brought in from mail (mail/intake.py) that matched a contact or employer: an
    # inbound one waiting for the user to confirm what it says (`pending`), an outbound one
    # applied at once (`applied`, listed with Undo until `seen`), or `dismissed` (only its
    # Message-ID kept, so the same message again changes nothing)
    _text("message_id", MESSAGE_ID_MAX, required=True, null=False),
    _text("folder", 400, null=False, default=""),
    Field("received_at", DATETIME, required=True, null=False),
    _text("sender_name", NAME_MAX, null=False, default=""),
    Field("sender_email", EMAIL, limit=EMAIL_MAX, null=False, default=""),
    _text("subject", SUBJECT_MAX, null=False, default=""),
    _notes("body"),
    Field("employer", REF, refers="employer", required=True, null=False),
    Field("contact", REF, refers="contact"),
    Field("application", REF, refers="application"),
    _text("suggested_outcome", 40),
    Field("suggested_next_date", DATE),
    _text("state", 20, null=False, default="pending"),
    Field("event", REF, refers="event"),
    Field("created", DATETIME),
    # why the message may not be from whom it says, or what the reading bounds cut (mail/intake.py)
    _text("warning", 500, null=False, default=""),
), model="ReviewItem")

RECORDS: tuple[Record, ...] = (EMPLOYER, CONTACT, APPLICATION, EVENT, EVENT_CONTACT, SETTING, ACTION_STATE,
                               MAIL_FOLDER, REVIEW_ITEM)
"""Every record, parents before the records that refer to them."""
BY_NAME = {r.name: r for r in RECORDS}

#: an action state's moments (everything of it but its id and application)
STATE_FIELDS = tuple(f.name for f in ACTION_STATE.fields if f.type == DATETIME)


def limit(record: Record | str, name: str) -> int:
    """The most characters a field holds (what a dialog's line edit allows)."""
    rec = BY_NAME[record] if isinstance(record, str) else record
    return rec[name].limit
