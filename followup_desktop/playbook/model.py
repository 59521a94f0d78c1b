"""The engine's inputs and outputs: plain records, no database and no Qt.

The store builds these from SQLite (see `store.snapshot`), the exchange file from JSON, tests by
hand. They are cheap slotted classes because the engine runs over thousands of them at once,
written out by hand (each compares field by field and shows its fields, as a dataclass would)
so that `due` does not load the dataclass machinery to build them.
"""

from __future__ import annotations

from collections import namedtuple
from datetime import date, datetime
from typing import Mapping


class _Record:
    """Equality over the fields (`__slots__`, in order) for records of the same class, and a
    repr that names them. Mutable records: no hash."""

    __slots__ = ()

    def __eq__(self, other):
        if other.__class__ is not self.__class__:
            return NotImplemented
        return tuple([getattr(self, n) for n in self.__slots__]) == tuple([getattr(other, n) for n in self.__slots__])

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        shown = ", ".join(f"{name}={getattr(self, name)!r}" for name in self.__slots__)
        return f"{type(self).__qualname__}({shown})"


class ContactIn(_Record):
    __slots__ = ("key", "name", "role")

    def __init__(self, key: str, name: str, role: str = "other"):
        self.key, self.name, self.role = key, name, role


class EventIn(_Record):
    __slots__ = ("at", "kind", "channel", "outcome", "reason", "duration_minutes", "decision_expected",
                 "next_date", "encouraged", "contacts", "key_points", "subject")

    at: datetime
    kind: str
    channel: str | None
    #: a reply's outcome (no_decision, rejected, …) or a call's (spoke, left_message, no_answer)
    outcome: str | None
    #: a `closed` event's reason (one of the outcomes)
    reason: str | None
    duration_minutes: int | None
    decision_expected: date | None
    next_date: date | None
    encouraged: bool
    #: keys of the contacts involved, in the order given
    contacts: tuple[str, ...]
    #: the key point noted per interviewer (contact key -> text), from the debrief
    key_points: Mapping[str, str] | None
    subject: str | None

    def __init__(self, at: datetime, kind: str, channel: str | None = None, outcome: str | None = None,
                 reason: str | None = None, duration_minutes: int | None = None,
                 decision_expected: date | None = None, next_date: date | None = None,
                 encouraged: bool = False, contacts: tuple[str, ...] = (),
                 key_points: Mapping[str, str] | None = None, subject: str | None = None):
        self.at, self.kind, self.channel, self.outcome, self.reason = at, kind, channel, outcome, reason
        self.duration_minutes, self.decision_expected, self.next_date = duration_minutes, decision_expected, next_date
        self.encouraged, self.contacts, self.key_points, self.subject = encouraged, contacts, key_points, subject


#: An event as the store hands it to the engine (`store.snapshot`): the fields of `EventIn`, in
#: its order, as a read-only row, which is made in C from the row SQLite gives (a long search
#: reads tens of thousands per `due`). The engine reads the two alike.
EventRow = namedtuple("EventRow", EventIn.__slots__)


class ApplicationIn(_Record):
    __slots__ = ("key", "employer_key", "employer_name", "position", "stage", "outcome", "source",
                 "referred_by", "posting_closes", "created", "events", "contacts", "earlier_outbound",
                 "earlier_closed_reason")

    key: str
    employer_key: str
    employer_name: str
    position: str
    stage: str
    outcome: str | None
    source: str | None
    referred_by: str | None
    posting_closes: date | None
    created: datetime | None
    #: every event of the application, sorted by time (ties keep their logging order): `EventIn`s,
    #: or the `EventRow`s of a snapshot
    events: list[EventIn]
    #: the employer's contacts by key
    contacts: Mapping[str, ContactIn]
    #: A snapshot may leave out the events before the application's last reply: the engine
    #: reads nothing from them but these two facts. `earlier_outbound` is an outbound contact
    #: guard 2 must count (the latest of the left-out ones, or of the whole timeline: the same
    #: to the engine); `earlier_closed_reason` the outcome of the latest left-out closing (a
    #: `closed` event's reason, or "rejected" for a rejecting reply).
    earlier_outbound: datetime | None
    earlier_closed_reason: str | None

    def __init__(self, key: str, employer_key: str, employer_name: str, position: str, stage: str = "lead",
                 outcome: str | None = None, source: str | None = None, referred_by: str | None = None,
                 posting_closes: date | None = None, created: datetime | None = None,
                 events: list[EventIn] | None = None, contacts: Mapping[str, ContactIn] | None = None,
                 earlier_outbound: datetime | None = None, earlier_closed_reason: str | None = None):
        self.key, self.employer_key, self.employer_name, self.position = key, employer_key, employer_name, position
        self.stage, self.outcome, self.source, self.referred_by = stage, outcome, source, referred_by
        self.posting_closes, self.created = posting_closes, created
        self.events = [] if events is None else events
        self.contacts = {} if contacts is None else contacts
        self.earlier_outbound, self.earlier_closed_reason = earlier_outbound, earlier_closed_reason


class Action(_Record):
    """One suggested follow-up and its window."""

    __slots__ = ("id", "application", "name", "opens", "due", "channel", "contact", "contact_name",
                 "template", "rule", "reason", "anchor", "alternatives", "sequence", "notify_at", "snoozed")

    #: stable identity: the same situation gives the same id on every recomputation
    id: str
    application: str
    name: str
    opens: datetime
    due: datetime | None
    channel: str | None
    contact: str | None
    contact_name: str | None
    #: the wording template to start from
    template: str
    #: the playbook rule that produced it, e.g. "status_check: applied + 7 days"
    rule: str
    #: one line a person can read
    reason: str
    #: the moment the anchoring event happened (identifies the interview, reply, …)
    anchor: datetime
    #: other channels or choices offered (e.g. "letter" for a thank-you, "withdraw" at close-out)
    alternatives: tuple[str, ...]
    #: how many follow-ups already went unanswered (picks a nudge that does not repeat)
    sequence: int
    #: when to tell the user: `opens`, moved out of quiet hours
    notify_at: datetime | None
    snoozed: bool

    def __init__(self, id: str, application: str, name: str, opens: datetime, due: datetime | None,
                 channel: str | None, contact: str | None, contact_name: str | None, template: str,
                 rule: str, reason: str, anchor: datetime, alternatives: tuple[str, ...] = (),
                 sequence: int = 0, notify_at: datetime | None = None, snoozed: bool = False):
        self.id, self.application, self.name, self.opens, self.due = id, application, name, opens, due
        self.channel, self.contact, self.contact_name, self.template = channel, contact, contact_name, template
        self.rule, self.reason, self.anchor, self.alternatives = rule, reason, anchor, alternatives
        self.sequence, self.notify_at, self.snoozed = sequence, notify_at, snoozed

    def is_overdue(self, at: datetime) -> bool:
        return self.due is not None and self.due < at


class ActionState(_Record):
    """What the user did with a suggested action, kept in the store by action id."""

    __slots__ = ("done_at", "dismissed_at", "snoozed_until", "notified_at", "overdue_notified_at")

    done_at: datetime | None
    dismissed_at: datetime | None
    snoozed_until: datetime | None
    notified_at: datetime | None
    overdue_notified_at: datetime | None

    def __init__(self, done_at: datetime | None = None, dismissed_at: datetime | None = None,
                 snoozed_until: datetime | None = None, notified_at: datetime | None = None,
                 overdue_notified_at: datetime | None = None):
        self.done_at, self.dismissed_at, self.snoozed_until = done_at, dismissed_at, snoozed_until
        self.notified_at, self.overdue_notified_at = notified_at, overdue_notified_at
