"""The product's words: every stage, outcome, event kind, channel and action name, in one place.

Values are the strings used in the database and in the exchange file (CONTRACT.md), so they
must never change once released.
"""

from __future__ import annotations

from collections.abc import Mapping
from enum import StrEnum
from typing import NamedTuple


class Stage(StrEnum):
    LEAD = "lead"
    APPLIED = "applied"
    INTERVIEWING = "interviewing"
    OFFER = "offer"
    CLOSED = "closed"


class Outcome(StrEnum):
    """How a closed application ended."""

    HIRED = "hired"
    REJECTED = "rejected"
    WITHDRAWN = "withdrawn"
    NO_RESPONSE = "no_response"
    DECLINED = "declined"


class Role(StrEnum):
    RECRUITER = "recruiter"
    HR = "hr"
    HIRING_MANAGER = "hiring_manager"
    INTERVIEWER = "interviewer"
    REFERRAL = "referral"
    OTHER = "other"


class Source(StrEnum):
    POSTING = "posting"
    REFERRAL = "referral"
    CAREERS_PAGE = "careers_page"
    COLD_QUERY = "cold_query"
    RECRUITER = "recruiter"
    OTHER = "other"


class EventKind(StrEnum):
    # outbound: things the user did
    QUERY_SENT = "query_sent"
    APPLIED = "applied"
    STATUS_CHECK = "status_check"
    THANK_YOU = "thank_you"
    FOLLOW_UP = "follow_up"
    FEEDBACK_REQUEST = "feedback_request"
    CHECK_IN = "check_in"
    WITHDRAWAL_NOTE = "withdrawal_note"
    # a meeting
    INTERVIEW = "interview"
    # inbound: things the employer did
    REPLY = "reply"
    # neither
    LEAD = "lead"
    NOTE = "note"
    CLOSED = "closed"


OUTBOUND_KINDS = frozenset(
    {
        EventKind.QUERY_SENT,
        EventKind.APPLIED,
        EventKind.STATUS_CHECK,
        EventKind.THANK_YOU,
        EventKind.FOLLOW_UP,
        EventKind.FEEDBACK_REQUEST,
        EventKind.CHECK_IN,
        EventKind.WITHDRAWAL_NOTE,
    }
)
INBOUND_KINDS = frozenset({EventKind.REPLY})
#: Outbound kinds that count as "a follow-up" for the nudge chain and the cap.
FOLLOW_UP_KINDS = frozenset({EventKind.STATUS_CHECK, EventKind.FOLLOW_UP})


class Channel(StrEnum):
    EMAIL = "email"
    PHONE = "phone"
    IN_PERSON = "in_person"
    LETTER = "letter"
    SOCIAL = "social"
    PORTAL = "portal"


class CallOutcome(StrEnum):
    SPOKE = "spoke"
    LEFT_MESSAGE = "left_message"
    NO_ANSWER = "no_answer"


class ReplyOutcome(StrEnum):
    NO_DECISION = "no_decision"
    INTERVIEW_INVITE = "interview_invite"
    REJECTED = "rejected"
    OFFER = "offer"
    OTHER = "other"


class ActionName(StrEnum):
    INTRODUCE = "introduce"
    STATUS_CHECK = "status_check"
    DEBRIEF = "debrief"
    THANK_YOU = "thank_you"
    LATE_THANK_YOU = "late_thank_you"
    POST_INTERVIEW_FOLLOW_UP = "post_interview_follow_up"
    REPLY_THANKS = "reply_thanks"
    NUDGE = "nudge"
    CLOSE_OUT = "close_out"
    WITHDRAWAL_NOTE = "withdrawal_note"
    FEEDBACK_REQUEST = "feedback_request"
    CHECK_IN = "check_in"


class ListFilter(StrEnum):
    """The views of the applications list (Ctrl+1…5)."""

    ALL = "all"
    DUE = "due"
    ACTIVE = "active"
    CLOSED = "closed"
    ARCHIVED = "archived"


# -- labels ----------------------------------------------------------------------------------------
# One table per vocabulary: each member's label as a person reads it (`shown`: lists, the
# timeline, notifications, the command line) and as a person picks it in a form (`pick`, in the
# first person where that reads better: "I withdrew"). They are English source strings marked for
# Qt's translation tools (pyside6-lupdate finds `QT_TRANSLATE_NOOP`), so this module needs no Qt;
# the windows translate them with the context `LABEL_CONTEXT` (`ui/labels.py`).

LABEL_CONTEXT = "vocab"


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # noqa: N802 (the name lupdate looks for)
    """Marks `text` for translation in `context`, and returns it as it is."""
    return text


class Label(NamedTuple):  # not a dataclass: `due` reads the labels and need not load that machinery
    shown: str
    #: None: picked as shown
    pick_text: str | None = None

    @property
    def pick(self) -> str:
        return self.pick_text or self.shown


class Labels(Mapping):
    """The labels of every member of `vocabulary` (a `StrEnum`), by member."""

    def __init__(self, vocabulary, labels: dict):
        self.vocabulary = vocabulary
        self._labels = dict(labels)

    def __getitem__(self, member) -> Label:
        return self._labels[member]

    def __iter__(self):
        return iter(self._labels)

    def __len__(self) -> int:
        return len(self._labels)

    def shown(self, member) -> str:
        """How `member` reads (its own value when it is not in the vocabulary: an old file's)."""
        label = self._labels.get(member)
        return label.shown if label else str(member)

    def pick(self, member) -> str:
        label = self._labels.get(member)
        return label.pick if label else str(member)

    def shown_labels(self) -> dict:
        return {m: label.shown for m, label in self._labels.items()}


#: the steps the playbook opens (a step is not picked: both labels read alike)
ACTIONS = Labels(ActionName, {
    ActionName.INTRODUCE: Label(QT_TRANSLATE_NOOP("vocab", "Introduce yourself")),
    ActionName.STATUS_CHECK: Label(QT_TRANSLATE_NOOP("vocab", "Status check")),
    ActionName.DEBRIEF: Label(QT_TRANSLATE_NOOP("vocab", "Write down the interview")),
    ActionName.THANK_YOU: Label(QT_TRANSLATE_NOOP("vocab", "Thank-you note")),
    ActionName.LATE_THANK_YOU: Label(QT_TRANSLATE_NOOP("vocab", "Late thank-you")),
    ActionName.POST_INTERVIEW_FOLLOW_UP: Label(QT_TRANSLATE_NOOP("vocab", "Post-interview follow-up")),
    ActionName.REPLY_THANKS: Label(QT_TRANSLATE_NOOP("vocab", "Thank them for the update")),
    ActionName.NUDGE: Label(QT_TRANSLATE_NOOP("vocab", "Nudge")),
    ActionName.CLOSE_OUT: Label(QT_TRANSLATE_NOOP("vocab", "Close this lead?")),
    ActionName.WITHDRAWAL_NOTE: Label(QT_TRANSLATE_NOOP("vocab", "Withdrawal note")),
    ActionName.FEEDBACK_REQUEST: Label(QT_TRANSLATE_NOOP("vocab", "Ask for feedback")),
    ActionName.CHECK_IN: Label(QT_TRANSLATE_NOOP("vocab", "Check in")),
})

#: an application's stage
STAGES = Labels(Stage, {
    Stage.LEAD: Label(QT_TRANSLATE_NOOP("vocab", "Lead"),
                      QT_TRANSLATE_NOOP("vocab", "Lead (not applied yet)")),
    Stage.APPLIED: Label(QT_TRANSLATE_NOOP("vocab", "Applied")),
    Stage.INTERVIEWING: Label(QT_TRANSLATE_NOOP("vocab", "Interviewing")),
    Stage.OFFER: Label(QT_TRANSLATE_NOOP("vocab", "Offer")),
    Stage.CLOSED: Label(QT_TRANSLATE_NOOP("vocab", "Closed")),
})

#: how a closed application ended; picked in the first person
OUTCOMES = Labels(Outcome, {
    Outcome.HIRED: Label(QT_TRANSLATE_NOOP("vocab", "Hired")),
    Outcome.REJECTED: Label(QT_TRANSLATE_NOOP("vocab", "Rejected")),
    Outcome.WITHDRAWN: Label(QT_TRANSLATE_NOOP("vocab", "Withdrawn"),
                             QT_TRANSLATE_NOOP("vocab", "I withdrew")),
    Outcome.NO_RESPONSE: Label(QT_TRANSLATE_NOOP("vocab", "No response"),
                               QT_TRANSLATE_NOOP("vocab", "They never answered")),
    Outcome.DECLINED: Label(QT_TRANSLATE_NOOP("vocab", "Declined"),
                            QT_TRANSLATE_NOOP("vocab", "I declined their offer")),
})

#: a contact's role
ROLES = Labels(Role, {
    Role.RECRUITER: Label(QT_TRANSLATE_NOOP("vocab", "Recruiter")),
    Role.HR: Label(QT_TRANSLATE_NOOP("vocab", "HR")),
    Role.HIRING_MANAGER: Label(QT_TRANSLATE_NOOP("vocab", "Hiring manager")),
    Role.INTERVIEWER: Label(QT_TRANSLATE_NOOP("vocab", "Interviewer")),
    Role.REFERRAL: Label(QT_TRANSLATE_NOOP("vocab", "Referral")),
    Role.OTHER: Label(QT_TRANSLATE_NOOP("vocab", "Other")),
})

#: where a lead came from
SOURCES = Labels(Source, {
    Source.POSTING: Label(QT_TRANSLATE_NOOP("vocab", "Job posting")),
    Source.REFERRAL: Label(QT_TRANSLATE_NOOP("vocab", "Referral")),
    Source.CAREERS_PAGE: Label(QT_TRANSLATE_NOOP("vocab", "Careers page"),
                               QT_TRANSLATE_NOOP("vocab", "Employer's careers page")),
    Source.COLD_QUERY: Label(QT_TRANSLATE_NOOP("vocab", "Cold query"),
                             QT_TRANSLATE_NOOP("vocab", "Cold query (I wrote first)")),
    Source.RECRUITER: Label(QT_TRANSLATE_NOOP("vocab", "Recruiter"),
                            QT_TRANSLATE_NOOP("vocab", "A recruiter found me")),
    Source.OTHER: Label(QT_TRANSLATE_NOOP("vocab", "Other")),
})

#: what happened; an outbound kind is picked as what the message was for
EVENTS = Labels(EventKind, {
    EventKind.QUERY_SENT: Label(QT_TRANSLATE_NOOP("vocab", "Query sent"),
                                QT_TRANSLATE_NOOP("vocab", "Introduction / query")),
    EventKind.APPLIED: Label(QT_TRANSLATE_NOOP("vocab", "Applied"),
                             QT_TRANSLATE_NOOP("vocab", "Application")),
    EventKind.STATUS_CHECK: Label(QT_TRANSLATE_NOOP("vocab", "Status check")),
    EventKind.THANK_YOU: Label(QT_TRANSLATE_NOOP("vocab", "Thank-you sent"),
                               QT_TRANSLATE_NOOP("vocab", "Thank-you")),
    EventKind.FOLLOW_UP: Label(QT_TRANSLATE_NOOP("vocab", "Follow-up")),
    EventKind.FEEDBACK_REQUEST: Label(QT_TRANSLATE_NOOP("vocab", "Feedback request"),
                                      QT_TRANSLATE_NOOP("vocab", "Asking for feedback")),
    EventKind.CHECK_IN: Label(QT_TRANSLATE_NOOP("vocab", "Check-in")),
    EventKind.WITHDRAWAL_NOTE: Label(QT_TRANSLATE_NOOP("vocab", "Withdrawal note")),
    EventKind.INTERVIEW: Label(QT_TRANSLATE_NOOP("vocab", "Interview")),
    EventKind.REPLY: Label(QT_TRANSLATE_NOOP("vocab", "Reply")),
    EventKind.LEAD: Label(QT_TRANSLATE_NOOP("vocab", "Lead noted")),
    EventKind.NOTE: Label(QT_TRANSLATE_NOOP("vocab", "Note")),
    EventKind.CLOSED: Label(QT_TRANSLATE_NOOP("vocab", "Closed")),
})

#: how a message went
CHANNELS = Labels(Channel, {
    Channel.EMAIL: Label(QT_TRANSLATE_NOOP("vocab", "Email")),
    Channel.PHONE: Label(QT_TRANSLATE_NOOP("vocab", "Phone")),
    Channel.IN_PERSON: Label(QT_TRANSLATE_NOOP("vocab", "In person")),
    Channel.LETTER: Label(QT_TRANSLATE_NOOP("vocab", "Letter"),
                          QT_TRANSLATE_NOOP("vocab", "Letter or card")),
    Channel.SOCIAL: Label(QT_TRANSLATE_NOOP("vocab", "Social network")),
    Channel.PORTAL: Label(QT_TRANSLATE_NOOP("vocab", "Online portal"),
                          QT_TRANSLATE_NOOP("vocab", "Application portal")),
})

#: how a call went
CALL_OUTCOMES = Labels(CallOutcome, {
    CallOutcome.SPOKE: Label(QT_TRANSLATE_NOOP("vocab", "Spoke"),
                             QT_TRANSLATE_NOOP("vocab", "Spoke with them")),
    CallOutcome.LEFT_MESSAGE: Label(QT_TRANSLATE_NOOP("vocab", "Left a message")),
    CallOutcome.NO_ANSWER: Label(QT_TRANSLATE_NOOP("vocab", "No answer")),
})

#: what their reply said
REPLY_OUTCOMES = Labels(ReplyOutcome, {
    ReplyOutcome.NO_DECISION: Label(QT_TRANSLATE_NOOP("vocab", "No decision yet")),
    ReplyOutcome.INTERVIEW_INVITE: Label(QT_TRANSLATE_NOOP("vocab", "Invited to interview"),
                                         QT_TRANSLATE_NOOP("vocab", "Invited me to an interview")),
    ReplyOutcome.REJECTED: Label(QT_TRANSLATE_NOOP("vocab", "Rejected")),
    ReplyOutcome.OFFER: Label(QT_TRANSLATE_NOOP("vocab", "Offer"),
                              QT_TRANSLATE_NOOP("vocab", "Made an offer")),
    ReplyOutcome.OTHER: Label(QT_TRANSLATE_NOOP("vocab", "Other"),
                              QT_TRANSLATE_NOOP("vocab", "Something else")),
})

#: the views of the applications list
LIST_FILTERS = Labels(ListFilter, {
    ListFilter.ALL: Label(QT_TRANSLATE_NOOP("vocab", "All")),
    ListFilter.DUE: Label(QT_TRANSLATE_NOOP("vocab", "Due now")),
    ListFilter.ACTIVE: Label(QT_TRANSLATE_NOOP("vocab", "Active")),
    ListFilter.CLOSED: Label(QT_TRANSLATE_NOOP("vocab", "Closed")),
    ListFilter.ARCHIVED: Label(QT_TRANSLATE_NOOP("vocab", "Archived")),
})

#: Short labels a person reads in lists and tables (the `shown` column of each table above).
ACTION_LABELS = ACTIONS.shown_labels()
STAGE_LABELS = STAGES.shown_labels()
OUTCOME_LABELS = OUTCOMES.shown_labels()
ROLE_LABELS = ROLES.shown_labels()
SOURCE_LABELS = SOURCES.shown_labels()
EVENT_LABELS = EVENTS.shown_labels()
CHANNEL_LABELS = CHANNELS.shown_labels()
CALL_OUTCOME_LABELS = CALL_OUTCOMES.shown_labels()
REPLY_OUTCOME_LABELS = REPLY_OUTCOMES.shown_labels()

#: every vocabulary and its table (tests/test_labels.py: no member without its labels)
LABEL_TABLES = (ACTIONS, STAGES, OUTCOMES, ROLES, SOURCES, EVENTS, CHANNELS, CALL_OUTCOMES, REPLY_OUTCOMES,
                LIST_FILTERS)
