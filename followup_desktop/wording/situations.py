"""What one can write, and when: every compose situation, its channels, and the words it fills.

A *situation* is one kind of message (a thank-you, a nudge, a call to remind a recruiter of your
résumé). Each playbook action maps to one; a few situations are extras the user picks by hand.
`logs_as` is the event kind "Mark as sent" logs, chosen so that logging never breaks the
engine's clocks (see `playbook/engine.py`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..vocab import ActionName as A
from ..vocab import EventKind as K

#: Compose channels (a compose window tab each). "note" is a note to self (the debrief).
EMAIL, PHONE, LETTER, MESSAGE, NOTE = "email", "phone", "letter", "message", "note"
CHANNELS: dict[str, str] = {
    EMAIL: "Email",
    PHONE: "Phone call",
    LETTER: "Handwritten note",
    MESSAGE: "Short message",
    NOTE: "Note to self",
}
#: The event channel (vocab.Channel) a compose channel logs as.
_EVENT_CHANNEL = {EMAIL: "email", PHONE: "phone", LETTER: "letter", MESSAGE: "social", NOTE: None}
#: A playbook action's channel -> the compose channel to open on.
_FROM_EVENT_CHANNEL = {
    "email": EMAIL, "phone": PHONE, "letter": LETTER, "social": MESSAGE,
    "in_person": PHONE, "portal": EMAIL,
}


@dataclass(frozen=True)
class Situation:
    id: str
    label: str
    #: the compose channels it has templates for, the usual one first
    channels: tuple[str, ...]
    #: the playbook action it answers, None for the extras the user picks by hand
    action: str | None
    #: the event kind "Mark as sent" logs; None: nothing is logged (a note to self, a
    #: networking request that is not a message to the employer about this application)
    logs_as: str | None
    #: one line for the compose window: what belongs in this message
    hint: str = ""
    #: most words a good message of this kind has (the sign-off not counted); None: no limit
    max_words: int | None = None
    #: facts (`FLAGS`) the timeline must hold before this message makes sense: a thank-you for
    #: an interview needs the interview; "!fact" must not hold (no nudge after a "no")
    needs: tuple[str, ...] = ()

    def lacking(self, flags) -> list[str]:
        """The needs the timeline (a context's `flags`) does not meet."""
        return [f for f in self.needs
                if (bool(flags.get(f[1:])) if f.startswith("!") else not flags.get(f))]

    def available(self, flags) -> bool:
        """Whether the timeline holds what this message speaks of."""
        return not self.lacking(flags)

    def event_channel(self, channel: str) -> str | None:
        """The `channel` value of the event logged for a message sent on `channel`."""
        return _EVENT_CHANNEL.get(channel)


def _s(id, label, channels, action, logs_as, hint, max_words, needs=()):
    return Situation(id, label, tuple(channels), action, logs_as, hint, max_words, tuple(needs))


SITUATIONS: dict[str, Situation] = {s.id: s for s in (
    _s("introduce", "Introduce yourself", (EMAIL,), A.INTRODUCE, K.QUERY_SENT,
       "Who you are, the role, why you fit in two lines, résumé attached.", 220),
    _s("status_check", "Status check", (PHONE, EMAIL), A.STATUS_CHECK, K.STATUS_CHECK,
       "Say when you applied (and the subject line, if you emailed it); ask where things stand.", 150,
       ("applied", "!rejected")),
    _s("debrief", "Interview notes", (NOTE,), A.DEBRIEF, None,
       "For each interviewer: the key point you discussed, and the date they said they would decide.",
       None, ("interviewed",)),
    _s("thank_you", "Thank-you note", (EMAIL, LETTER), A.THANK_YOU, K.THANK_YOU,
       "One per interviewer, each with the point you discussed with that person.", 200,
       ("interviewed", "met_contact")),
    _s("late_thank_you", "Late thank-you", (EMAIL,), A.LATE_THANK_YOU, K.THANK_YOU,
       "The interview date, thanks, enthusiasm, your strongest fit, anything left unsaid, "
       "ask for an update, your full name.", 200, ("interviewed", "met_contact")),
    _s("post_interview_follow_up", "Post-interview follow-up", (PHONE, EMAIL),
       A.POST_INTERVIEW_FOLLOW_UP, K.FOLLOW_UP,
       "Ask where they are in the process and whether they need anything else from you.", 150,
       ("interviewed", "!rejected")),
    # The engine marks reply_thanks done by a thank_you (or follow_up) event; a follow_up would
    # count as an unanswered follow-up and start the nudge chain, so it logs as a thank-you.
    _s("reply_thanks", "Thanks for the update", (EMAIL,), A.REPLY_THANKS, K.THANK_YOU,
       "Short: thanks for the update, still very interested. Nothing more.", 80,
       ("they_replied", "!rejected")),
    _s("nudge", "Nudge", (EMAIL, PHONE), A.NUDGE, K.FOLLOW_UP,
       "Shorter than the last message, and different from it.", 80, ("applied", "!rejected")),
    _s("withdrawal_note", "Withdrawal note", (EMAIL, PHONE), A.WITHDRAWAL_NOTE, K.WITHDRAWAL_NOTE,
       "A courteous note that you are stepping back; keep the door open.", 120),
    _s("feedback_request", "Ask for feedback", (EMAIL,), A.FEEDBACK_REQUEST, K.FEEDBACK_REQUEST,
       "Thank them; ask what would have made your application stronger.", 150, ("rejected",)),
    _s("check_in", "Check in", (EMAIL, MESSAGE), A.CHECK_IN, K.CHECK_IN,
       "A short friendly note: still interested in anything that fits.", 120, ("applied",)),
    # -- extras, picked by hand
    _s("apply_with_referral", "Apply with a referral", (EMAIL,), None, K.APPLIED,
       "Name the person who referred you in the first line.", 220),
    # A call about a sent résumé is a status check to the engine (it starts the nudge chain).
    _s("resume_reminder_call", "Call about your résumé", (PHONE,), None, K.STATUS_CHECK,
       "Give the date you sent your résumé and the email's subject line so they can find it.", 150,
       ("applied", "!rejected")),
    _s("connect_request", "Ask to connect", (MESSAGE,), None, None,
       "Ask first whether they are open to connecting; never assume. Keep it short.", 60),
    # Unprompted materials are a follow-up to the engine: they count toward the cap.
    _s("additional_materials", "Send additional materials", (EMAIL,), None, K.FOLLOW_UP,
       "Say what you are sending and why it helps; one short paragraph.", 150, ("applied", "!rejected")),
)}

_BY_ACTION = {s.action: s.id for s in SITUATIONS.values() if s.action}
# close_out has no message of its own: when the user writes anything, it is the withdrawal note.
_BY_ACTION[A.CLOSE_OUT] = "withdrawal_note"
# the engine's template name for an introduction through a referral
_BY_TEMPLATE = {"introduce_referral": "apply_with_referral"}


def situation_for_action(action_name: str, template: str | None = None) -> str:
    """The situation to compose for a playbook action (`Action.name`, and `Action.template` when
    known: an introduction through a referral is its own situation). Raises KeyError for a name
    that is no action."""
    if template and template in _BY_TEMPLATE:
        return _BY_TEMPLATE[template]
    try:
        return _BY_ACTION[action_name]
    except KeyError:
        raise KeyError(f"no compose situation for action {action_name!r}") from None


def compose_channel(event_channel: str | None, situation: str) -> str:
    """The compose channel to open for an action's channel, among the situation's channels."""
    channels = SITUATIONS[situation].channels
    wanted = _FROM_EVENT_CHANNEL.get(event_channel or "", channels[0])
    return wanted if wanted in channels else channels[0]


#: Every placeholder a template may use -> its human label (also the text of its marker when
#: the app does not know the value: "[interview date?]").
PLACEHOLDERS: dict[str, str] = {
    "my_name": "your full name",
    "my_email": "your email",
    "my_phone": "your phone number",
    "signature": "your signature",
    "contact_name": "their name",
    "contact_first_name": "their first name",
    "employer": "employer",
    "position": "position",
    "interview_date": "interview date",
    "key_point": "key point you discussed",
    "decision_date": "decision date",
    "referrer": "who referred you",
    "applied_date": "date you applied",
    "applied_subject": "subject line of your application",
    "next_date": "date they named",
    "materials": "what you are sending",
    "reference": "your reference (name, role, how to reach them)",
    "debrief_lines": "interviewers and key points",
    "greeting_name": "their name as you greet them",
    "reply_subject": "subject line of their last email",
}

#: The facts a template's sections may depend on (`{{ if interviewed }} … {{ end }}`), each
#: read from the timeline by `build_context` -> what it means, for the template editor.
FLAGS: dict[str, str] = {
    "applied": "you have sent your application (or an introduction)",
    "interviewed": "you have had an interview for this application",
    "they_replied": "they have answered you about this application",
    "heard_back": "they have answered, interviewed you, or spoken with you on the phone",
    "met_contact": "you have met or spoken with this person (an interview or a call with them)",
    "rejected": "they told you the answer is no",
    "encouraged": "they encouraged you to stay in touch",
    "several_interviewers": "more than one person interviewed you",
}

PLACEHOLDER_NAME = re.compile(r"[a-z_][a-z0-9_]*\Z")


def marker(name: str) -> str:
    """How an unknown value shows in the text: visibly, so it is never sent by mistake."""
    return f"[{PLACEHOLDERS.get(name, name)}?]"
