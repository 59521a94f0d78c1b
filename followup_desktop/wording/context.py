"""What the app knows about one message: read once from the store, then rendering and checks
run on it without touching the database (the compose window checks on every keystroke)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from typing import NamedTuple

from .situations import PLACEHOLDERS


class Recipient(NamedTuple):
    key: str
    name: str
    email: str
    phone: str
    role: str


@dataclass
class Context:
    #: placeholder -> text, only the values the app knows
    values: dict[str, str] = field(default_factory=dict)
    #: placeholder -> human label, every known placeholder
    labels: dict[str, str] = field(default_factory=lambda: dict(PLACEHOLDERS))
    #: the employer's contacts, the chosen recipient first
    recipients: list[Recipient] = field(default_factory=list)
    application_key: str = ""
    #: the situation to compose (from the action), None when built without an action
    situation: str | None = None
    #: the compose channel to open on
    channel: str | None = None
    #: the chosen recipient
    contact_key: str | None = None
    action_name: str | None = None
    #: which variant to start from: the action's sequence (nudges), or the interviewer's place
    #: among the interview's people (thank-yous), so two messages do not start the same
    sequence: int = 0
    #: settings.profile_name ("" when not set: checks then ask to set it)
    profile_name: str = ""
    #: the interview this message is about, when there is one
    interview_at: datetime | None = None
    #: thank-yous already logged for that interview to other interviewers: (name, text sent)
    other_thank_yous: list[tuple[str, str]] = field(default_factory=list)
    #: follow-ups (status checks, follow-ups) since the last reply or interview, unanswered
    unanswered_follow_ups: int = 0
    #: settings.max_unanswered_follow_ups
    max_unanswered_follow_ups: int = 2
    #: what happened, read from the timeline (`situations.FLAGS`): templates choose their
    #: sentences by these, so a message never speaks of an interview or a reply there was not
    flags: dict[str, bool] = field(default_factory=dict)

    @property
    def recipient(self) -> Recipient | None:
        for r in self.recipients:
            if r.key == self.contact_key:
                return r
        return None


_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
           "September", "October", "November", "December")
#: Courtesy titles: "Dr. Ada Okafor" is greeted as "Dr. Okafor", not "Dr.".
_TITLES = {"dr", "mr", "mrs", "ms", "mx", "prof", "professor", "sir", "dame"}
_RECRUITING = ("recruiter", "hr", "hiring_manager")
#: Situations about one interview: the action's anchor names it.
_ABOUT_INTERVIEW = {"thank_you", "late_thank_you", "post_interview_follow_up", "debrief"}


def say_date(d: date | datetime) -> str:
    """A date as a message says it: "March 10". Month names are the app's own, not the C
    locale's (Qt sets the process locale, and these messages are written in English)."""
    return f"{_MONTHS[d.month - 1]} {d.day}"


def first_name(full: str) -> str:
    parts = full.split()
    if not parts:
        return ""
    if parts[0].rstrip(".").lower() in _TITLES and len(parts) > 1:
        return f"{parts[0]} {parts[-1]}"
    return parts[0]


def _signature(settings, name: str) -> str:
    sig = (settings.profile_signature or "").strip("\n").rstrip()
    if sig:
        lines = sig.splitlines()
        # the templates sign with the name already: a signature that starts with it would repeat it
        if name and lines and " ".join(lines[0].split()).casefold() == " ".join(name.split()).casefold():
            lines = lines[1:]
        return "\n".join(lines).strip("\n")
    return "\n".join(x for x in (settings.profile_phone.strip(), settings.profile_email.strip()) if x)


def build_context(store, application_key: str, action=None, contact_key: str | None = None,
                  now: datetime | None = None) -> Context:
    """Everything a message for this application (and action, and recipient) can say, read
    from the store once. `contact_key` wins over `action.contact`. Events after `now` (a
    planned interview) have not happened yet and are not spoken of. Raises KeyError for an
    unknown application."""
    M = store.models  # the store's own models
    Application, Contact, Event, EventContact = M.Application, M.Contact, M.Event, M.EventContact
    from ..vocab import FOLLOW_UP_KINDS, EventKind as K
    from .situations import compose_channel, situation_for_action

    app = Application.get_or_none(Application.key == application_key)
    if app is None:
        raise KeyError(f"no application with key {application_key!r}")
    settings = store.settings()
    employer = app.employer

    contacts = list(Contact.select().where(Contact.employer == employer).order_by(Contact.id))
    by_key = {c.key: c for c in contacts}
    now = now or datetime.now()
    events = [e for e in Event.select().where(Event.application == app).order_by(Event.at, Event.id)
              if e.at <= now]
    people: dict[int, list[tuple[str, str]]] = {}
    if events:
        rows = (EventContact.select(EventContact.event, Contact.key, Contact.name, EventContact.key_point,
                                    Contact.employer)
                .join(Contact).where(EventContact.event.in_([e.id for e in events]))
                .order_by(EventContact.event, EventContact.position).tuples())
        for event_id, ckey, cname, point, emp in rows:
            people.setdefault(event_id, []).append((ckey, point or ""))
            if ckey not in by_key:  # someone from elsewhere named on this timeline
                by_key[ckey] = Contact.get(Contact.key == ckey)

    situation = situation_for_action(action.name, getattr(action, "template", None)) if action is not None else None
    who = contact_key or (getattr(action, "contact", None) if action is not None else None)
    if who is None:
        who = next((c.key for r in _RECRUITING for c in contacts if c.role == r), None)
        who = who or (contacts[0].key if contacts else None)

    # -- the interview this message is about
    interviews = [e for e in events if e.kind == K.INTERVIEW]
    interview = None
    anchor = getattr(action, "anchor", None) if action is not None else None
    if anchor is not None and situation in _ABOUT_INTERVIEW:
        interview = next((e for e in interviews if e.at == anchor), None)
    if interview is None and interviews:
        mine = [e for e in interviews if who in {k for k, _ in people.get(e.id, ())}]
        interview = (mine or interviews)[-1]

    values: dict[str, str] = {}

    def put(name: str, value) -> None:
        if value is not None and str(value).strip():
            values[name] = str(value).strip()

    name = (settings.profile_name or "").strip()
    put("my_name", name)
    put("my_email", settings.profile_email)
    put("my_phone", settings.profile_phone)
    values["signature"] = _signature(settings, name)  # known even when empty: nothing to add
    put("employer", employer.name)
    put("position", app.position)
    put("referrer", app.referred_by)
    recipient = by_key.get(who) if who else None

    # -- what happened: the facts templates may speak of
    interviews_ = [e for e in events if e.kind == K.INTERVIEW]
    replies_ = [e for e in events if e.kind == K.REPLY]
    spoke = [e for e in events if e.channel == "phone" and e.outcome == "spoke"]
    # an interview that names nobody cannot tell who was there: it counts for anyone
    met = bool(who) and (any(not people.get(e.id) for e in interviews_)
                         or any(who in {k for k, _ in people.get(e.id, ())} for e in interviews_ + spoke))
    flags = {
        "applied": any(e.kind in (K.APPLIED, K.QUERY_SENT) for e in events),
        "interviewed": bool(interviews_),
        "they_replied": bool(replies_),
        "heard_back": bool(interviews_ or replies_ or spoke),
        "met_contact": met,
        # the latest answer: a later reply re-opens what a "no" closed
        "rejected": bool(replies_) and replies_[-1].outcome == "rejected",
        "encouraged": any(e.encouraged for e in replies_),
        "several_interviewers": any(len(people.get(e.id, ())) > 1 for e in interviews_),
    }
    if recipient is not None:
        put("contact_name", recipient.name)
        put("contact_first_name", first_name(recipient.name))
        # one greeting rule: first names once you have met, the full name before
        put("greeting_name", first_name(recipient.name) if met else recipient.name)
    with_subject = [e for e in replies_ if (e.subject or "").strip()]
    if with_subject:
        put("reply_subject", with_subject[-1].subject)

    sequence = int(getattr(action, "sequence", 0) or 0) if action is not None else 0
    other_thanks: list[tuple[str, str]] = []
    if interview is not None:
        put("interview_date", say_date(interview.at))
        here = people.get(interview.id, [])
        point = next((p for k, p in here if k == who), "")
        put("key_point", point)
        decided = interview.decision_expected or next(
            (e.decision_expected for e in reversed(interviews) if e.decision_expected), None)
        if decided is not None:
            put("decision_date", say_date(decided))
        if here:
            lines = []
            for k, p in here:
                c = by_key.get(k)
                lines.append(f"- {c.name if c else k}: {p.strip() if p.strip() else '[key point you discussed?]'}")
            values["debrief_lines"] = "\n".join(lines)
        if situation in ("thank_you", "late_thank_you"):
            keys = [k for k, _ in here]
            if who in keys:
                sequence = keys.index(who)
            # thank-yous sent for this interview (before the next one) to someone else
            later = [e.at for e in interviews if e.at > interview.at]
            until = later[0] if later else None
            for e in events:
                if e.kind != K.THANK_YOU or e.at < interview.at or (until and e.at >= until):
                    continue
                sent_to = [k for k, _ in people.get(e.id, ())]
                if who in sent_to or not (e.notes or "").strip():
                    continue
                names = ", ".join(by_key[k].name if k in by_key else k for k in sent_to) or "another interviewer"
                other_thanks.append((names, e.notes))

    applied = next((e for e in events if e.kind == K.APPLIED), None) or next(
        (e for e in events if e.kind == K.QUERY_SENT), None)
    if applied is not None:
        put("applied_date", say_date(applied.at))
        put("applied_subject", applied.subject)
    replies = [e for e in events if e.kind == K.REPLY]
    if replies and replies[-1].next_date is not None:
        put("next_date", say_date(replies[-1].next_date))

    if situation == "check_in":
        # check-ins repeat every month: each starts from the next variant
        sequence = sum(1 for e in events if e.kind == K.CHECK_IN)

    # follow-ups since the last reply and the last interview after it, as the engine counts them
    last_reply = max((i for i, e in enumerate(events) if e.kind == K.REPLY), default=-1)
    epoch = events[last_reply + 1:]
    last_iv = max((i for i, e in enumerate(epoch) if e.kind == K.INTERVIEW), default=-1)
    unanswered = sum(1 for e in epoch[last_iv + 1:] if e.kind in FOLLOW_UP_KINDS)

    def rank(c) -> tuple:
        return (c.key != who, _RECRUITING.index(c.role) if c.role in _RECRUITING else 9, c.id)

    recipients = [Recipient(c.key, c.name, c.email or "", c.phone or "", c.role)
                  for c in sorted(contacts, key=rank)]
    if recipient is not None and all(r.key != recipient.key for r in recipients):
        recipients.insert(0, Recipient(recipient.key, recipient.name, recipient.email or "",
                                       recipient.phone or "", recipient.role))

    return Context(
        values=values,
        labels=dict(PLACEHOLDERS),
        recipients=recipients,
        application_key=application_key,
        situation=situation,
        channel=compose_channel(getattr(action, "channel", None), situation) if situation else None,
        contact_key=who,
        action_name=str(action.name) if action is not None else None,
        sequence=sequence,
        profile_name=name,
        interview_at=interview.at if interview is not None else None,
        other_thank_yous=other_thanks,
        unanswered_follow_ups=unanswered,
        max_unanswered_follow_ups=settings.max_unanswered_follow_ups,
        flags=flags,
    )
