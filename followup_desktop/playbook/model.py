"""The engine's inputs and outputs: plain records, no database and no Qt.

The store builds these from SQLite (see `store.snapshot`), the exchange file from JSON, tests by
hand. They are cheap slotted classes because the engine runs over thousands of them at once.
"""

from __future__ import annotations

from collections import namedtuple
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Mapping


@dataclass(slots=True)
class ContactIn:
    key: str
    name: str
    role: str = "other"


@dataclass(slots=True)
class EventIn:
    at: datetime
    kind: str
    channel: str | None = None
    #: a reply's outcome (no_decision, rejected, …) or a call's (spoke, left_message, no_answer)
    outcome: str | None = None
    #: a `closed` event's reason (one of the outcomes)
    reason: str | None = None
    duration_minutes: int | None = None
    decision_expected: date | None = None
    next_date: date | None = None
    encouraged: bool = False
    #: keys of the contacts involved, in the order given
    contacts: tuple[str, ...] = ()
    #: the key point noted per interviewer (contact key -> text), from the debrief
    key_points: Mapping[str, str] | None = None
    subject: str | None = None


#: An event as the store hands it to the engine (`store.snapshot`): the fields of `EventIn`, in
#: its order, as a read-only row, which is made in C from the row SQLite gives (a long search
#: reads tens of thousands per `due`). The engine reads the two alike.
EventRow = namedtuple("EventRow", EventIn.__slots__)


@dataclass(slots=True)
class ApplicationIn:
    key: str
    employer_key: str
    employer_name: str
    position: str
    stage: str = "lead"
    outcome: str | None = None
    source: str | None = None
    referred_by: str | None = None
    posting_closes: date | None = None
    created: datetime | None = None
    #: every event of the application, sorted by time (ties keep their logging order): `EventIn`s,
    #: or the `EventRow`s of a snapshot
    events: list[EventIn] = field(default_factory=list)
    #: the employer's contacts by key
    contacts: Mapping[str, ContactIn] = field(default_factory=dict)
    #: A snapshot may leave out the events before the application's last reply: the engine
    #: reads nothing from them but these two facts. `earlier_outbound` is an outbound contact
    #: guard 2 must count (the latest of the left-out ones, or of the whole timeline: the same
    #: to the engine); `earlier_closed_reason` the outcome of the latest left-out closing (a
    #: `closed` event's reason, or "rejected" for a rejecting reply).
    earlier_outbound: datetime | None = None
    earlier_closed_reason: str | None = None


@dataclass(slots=True)
class Action:
    """One suggested follow-up and its window."""

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
    alternatives: tuple[str, ...] = ()
    #: how many follow-ups already went unanswered (picks a nudge that does not repeat)
    sequence: int = 0
    #: when to tell the user: `opens`, moved out of quiet hours
    notify_at: datetime | None = None
    snoozed: bool = False

    def is_overdue(self, at: datetime) -> bool:
        return self.due is not None and self.due < at


@dataclass(slots=True)
class ActionState:
    """What the user did with a suggested action, kept in the store by action id."""

    done_at: datetime | None = None
    dismissed_at: datetime | None = None
    snoozed_until: datetime | None = None
    notified_at: datetime | None = None
    overdue_notified_at: datetime | None = None
