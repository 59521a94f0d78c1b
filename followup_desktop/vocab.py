"""The product's words: every stage, outcome, event kind, channel and action name, in one place.

Values are the strings used in the database and in the exchange file (CONTRACT.md), so they
must never change once released.
"""

from __future__ import annotations

from enum import StrEnum


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


#: Short labels a person reads in lists and tables.
ACTION_LABELS = {
    ActionName.INTRODUCE: "Introduce yourself",
    ActionName.STATUS_CHECK: "Status check",
    ActionName.DEBRIEF: "Write down the interview",
    ActionName.THANK_YOU: "Thank-you note",
    ActionName.LATE_THANK_YOU: "Late thank-you",
    ActionName.POST_INTERVIEW_FOLLOW_UP: "Post-interview follow-up",
    ActionName.REPLY_THANKS: "Thank them for the update",
    ActionName.NUDGE: "Nudge",
    ActionName.CLOSE_OUT: "Close this lead?",
    ActionName.WITHDRAWAL_NOTE: "Withdrawal note",
    ActionName.FEEDBACK_REQUEST: "Ask for feedback",
    ActionName.CHECK_IN: "Check in",
}

#: Human labels for every value a person picks or reads (the UI passes them through tr()).
STAGE_LABELS = {
    Stage.LEAD: "Lead", Stage.APPLIED: "Applied", Stage.INTERVIEWING: "Interviewing",
    Stage.OFFER: "Offer", Stage.CLOSED: "Closed",
}
OUTCOME_LABELS = {
    Outcome.HIRED: "Hired", Outcome.REJECTED: "Rejected", Outcome.WITHDRAWN: "Withdrawn",
    Outcome.NO_RESPONSE: "No response", Outcome.DECLINED: "Declined",
}
ROLE_LABELS = {
    Role.RECRUITER: "Recruiter", Role.HR: "HR", Role.HIRING_MANAGER: "Hiring manager",
    Role.INTERVIEWER: "Interviewer", Role.REFERRAL: "Referral", Role.OTHER: "Other",
}
SOURCE_LABELS = {
    Source.POSTING: "Job posting", Source.REFERRAL: "Referral", Source.CAREERS_PAGE: "Careers page",
    Source.COLD_QUERY: "Cold query", Source.RECRUITER: "Recruiter", Source.OTHER: "Other",
}
EVENT_LABELS = {
    EventKind.QUERY_SENT: "Query sent", EventKind.APPLIED: "Applied",
    EventKind.STATUS_CHECK: "Status check", EventKind.THANK_YOU: "Thank-you sent",
    EventKind.FOLLOW_UP: "Follow-up", EventKind.FEEDBACK_REQUEST: "Feedback request",
    EventKind.CHECK_IN: "Check-in", EventKind.WITHDRAWAL_NOTE: "Withdrawal note",
    EventKind.INTERVIEW: "Interview", EventKind.REPLY: "Reply", EventKind.LEAD: "Lead noted",
    EventKind.NOTE: "Note", EventKind.CLOSED: "Closed",
}
CHANNEL_LABELS = {
    Channel.EMAIL: "Email", Channel.PHONE: "Phone", Channel.IN_PERSON: "In person",
    Channel.LETTER: "Letter", Channel.SOCIAL: "Social network", Channel.PORTAL: "Online portal",
}
CALL_OUTCOME_LABELS = {
    CallOutcome.SPOKE: "Spoke", CallOutcome.LEFT_MESSAGE: "Left a message", CallOutcome.NO_ANSWER: "No answer",
}
REPLY_OUTCOME_LABELS = {
    ReplyOutcome.NO_DECISION: "No decision yet", ReplyOutcome.INTERVIEW_INVITE: "Invited to interview",
    ReplyOutcome.REJECTED: "Rejected", ReplyOutcome.OFFER: "Offer", ReplyOutcome.OTHER: "Other",
}
