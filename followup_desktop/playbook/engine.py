"""The playbook engine: (application, settings, now) -> the follow-ups to make, with their windows.

A pure function of its arguments: no clock reads, no database, no Qt. Every rule and guard of
PLAYBOOK.md lives here, every number comes from `Settings`. The engine sees the world as of
`now`: events logged for a later moment are not taken into account yet, except that an
interview planned for later means the employer answered (nothing chases an answer meanwhile).

How one application is read:

* Its last reply splits the timeline. A reply ends every action that came before it (guard 3);
  only the reply itself and what followed it can open actions.
* Interviews after that reply open a debrief and one thank-you per interviewer.
* The follow-up chain: after the reset point (the reply or the last interview) the first
  follow-up is a status check, a post-interview follow-up or a reply-opened nudge; each
  unanswered follow-up (status check or follow-up event) opens the next nudge, until the cap,
  which opens the close-out instead (guard 1).
* Then guards 2 (no pestering), 5 (closed means quiet) and 6 (call hours) shape the windows.

In code: `_Reading` reads the timeline once; each row of the playbook's table is one function
of it (`introduce`, `status_check`, … `check_in`, in `PLAYBOOK_ROWS`) that adds that row's
actions; `_guarded` then applies the guards to all of them in one place.
"""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta
from types import SimpleNamespace
from typing import Iterable, Iterator, Mapping, Sequence

from .. import vocab
from ..settings import Settings
from ..vocab import FOLLOW_UP_KINDS, OUTBOUND_KINDS
from .calendar import add_business_days, at_time, out_of_quiet_hours, schedule_call
from .model import Action, ActionState, ApplicationIn, ContactIn, EventIn


def _members(vocabulary) -> SimpleNamespace:
    """A vocabulary's members (the same objects) as plain attributes: Python 3.11 finds an enum's
    member (`EventKind.REPLY`) by walking the enum's classes on every access, and the engine reads
    them for every event of every application."""
    return SimpleNamespace(**vocabulary.__members__)


A, Channel, K, Outcome, ReplyOutcome, Role, Stage = map(_members, (
    vocab.ActionName, vocab.Channel, vocab.EventKind, vocab.Outcome, vocab.ReplyOutcome, vocab.Role, vocab.Stage))

_OUTBOUND = OUTBOUND_KINDS
_FOLLOW_UPS = FOLLOW_UP_KINDS
#: Guard 2 does not hold these back: they answer something that just happened, or they are not
#: messages to the employer at all.
_PESTER_EXEMPT = frozenset({A.THANK_YOU, A.LATE_THANK_YOU, A.REPLY_THANKS, A.DEBRIEF, A.CLOSE_OUT})
#: Courtesy steps that lapse once they are long overdue (`courtesy_lapses_after_days`). The
#: steps that chase an answer (introduce, status check, follow-up, nudge, close-out) never do:
#: they are the clocks the app exists to keep.
LAPSING = frozenset({A.DEBRIEF, A.LATE_THANK_YOU, A.REPLY_THANKS, A.FEEDBACK_REQUEST, A.CHECK_IN,
                     A.WITHDRAWAL_NOTE})
#: Guard 9: the steps that chase an answer; one this long overdue with no reply turns into the
#: close-out (`silence_closes_after_days`).
CHASING = frozenset({A.STATUS_CHECK, A.POST_INTERVIEW_FOLLOW_UP, A.NUDGE})
#: Guard 5: all a closed application may still suggest.
CLOSED_ALLOWED = frozenset({A.FEEDBACK_REQUEST, A.CHECK_IN, A.WITHDRAWAL_NOTE})

_RECRUITING = (Role.RECRUITER, Role.HR, Role.HIRING_MANAGER)
_HIRING = (Role.HR, Role.HIRING_MANAGER, Role.RECRUITER)
_DECIDERS = (Role.HIRING_MANAGER, Role.RECRUITER, Role.HR)


class _Params:
    """The settings turned into timedeltas once, not once per application."""

    def __init__(self, s: Settings):
        #: the raw numbers, for rules and reasons that name them
        self.n = s
        days = lambda n: timedelta(days=n)  # noqa: E731
        self.introduce_due = days(s.introduce_due_days)
        self.status_after = days(s.status_check_after_days)
        self.status_close_bd = s.status_check_after_closing_business_days
        self.status_window = days(s.status_check_window_days)
        self.interview_minutes = s.interview_default_minutes
        self.debrief_time = s.debrief_due_time
        self.thank_you_due = timedelta(hours=s.thank_you_due_hours)
        self.handwritten_days = s.handwritten_min_decision_days
        self.late_thank_you_due = days(s.late_thank_you_due_days)
        self.decision_grace_bd = s.decision_grace_business_days
        self.post_after = days(s.post_interview_after_days)
        self.post_window = days(s.post_interview_window_days)
        self.reply_thanks_due = days(s.reply_thanks_due_days)
        self.nudge_after = days(s.nudge_after_days)
        self.nudge_named_bd = s.nudge_after_named_date_business_days
        self.nudge_no_date = days(s.nudge_after_no_date_days)
        self.nudge_window = days(s.nudge_window_days)
        self.cap = s.max_unanswered_follow_ups
        self.close_last = days(s.close_out_after_last_days)
        self.close_first = days(s.close_out_after_first_days)
        self.withdrawal_due = days(s.withdrawal_note_due_days)
        self.feedback_due = days(s.feedback_request_due_days)
        self.check_in_every = days(s.check_in_every_days)
        self.check_in_window = days(s.check_in_window_days)
        self.pester_gap = days(s.no_pestering_days)
        self.grace = days(s.logging_grace_days)
        self.lapse = days(s.courtesy_lapses_after_days)
        self.silence = days(s.silence_closes_after_days)
        self.call_hours = s.call_hours
        self.quiet_start = s.quiet_hours_start
        self.quiet_end = s.quiet_hours_end
        #: a window anchored on a date (not a moment) opens when the user's day starts
        self.day_start = s.quiet_hours_end
        self.employed = s.profile_employed


_PARAMS_CACHE: dict[Settings, _Params] = {}


def _params(settings: Settings) -> _Params:
    p = _PARAMS_CACHE.get(settings)
    if p is None:
        if len(_PARAMS_CACHE) > 32:
            _PARAMS_CACHE.clear()
        p = _PARAMS_CACHE[settings] = _Params(settings)
    return p


# -- wording helpers for reasons ------------------------------------------------------------

def _ago(then: datetime | date, now: datetime) -> str:
    d = then.date() if isinstance(then, datetime) else then
    n = (now.date() - d).days
    if n == 0:
        return "today"
    if n == 1:
        return "yesterday"
    if n > 1:
        return f"{n} days ago"
    if n == -1:
        return "tomorrow"
    return f"in {-n} days"


def _days(n: int, unit: str = "day") -> str:
    return f"{n} {unit}" if n == 1 else f"{n} {unit}s"


def _day(d: datetime | date) -> str:
    return f"{d:%A} {d:%B} {d.day}"


def _names(keys: Sequence[str], contacts: Mapping[str, ContactIn]) -> str:
    names = [contacts[k].name if k in contacts else k for k in keys]
    if not names:
        return "the interviewers"
    if len(names) == 1:
        return names[0]
    return ", ".join(names[:-1]) + " and " + names[-1]


def _pick(contacts: Mapping[str, ContactIn], roles, among: Sequence[str] = ()) -> str | None:
    """The first contact, by preferred role, among `among` (or the whole employer)."""
    pool = [contacts[k] for k in among if k in contacts] if among else list(contacts.values())
    for role in roles:
        for c in pool:
            if c.role == role:
                return c.key
    if among:
        return among[0]
    return pool[0].key if pool else None


def _matches(e: EventIn, contact: str | None) -> bool:
    """Guard 4's "to the matching contact": an event naming nobody matches anyone."""
    return contact is None or not e.contacts or contact in e.contacts


def _other_channel(last: str | None) -> str:
    return Channel.EMAIL if last == Channel.PHONE else Channel.PHONE if last == Channel.EMAIL else Channel.EMAIL


# -- the engine -------------------------------------------------------------------------------

#: Steps owed to each person on their own (a thank-you per interviewer): the person, by the
#: contact's key, is part of the step. Every other step is one per situation, whoever it is with.
PER_PERSON = frozenset({A.THANK_YOU, A.LATE_THANK_YOU})
_LEGACY_ID = re.compile(r"^(.*?\|([a-z_]+)\|\d{4}-\d\d-\d\dT[0-9:.+-]+)\|.*$", re.S)


def action_id(app_key: str, name: str, anchor: datetime, contact: str | None) -> str:
    """A step's identity: the same on every recomputation, and when a contact is added to the
    employer, renamed or given another role (what is done, snoozed or told is kept by it).
    The contact the engine picks for a step may change then; only a per-person step names one."""
    ident = f"{app_key}|{name}|{anchor.isoformat()}"
    if contact is not None and name in PER_PERSON:
        ident += "|" + contact
    return ident


def canonical_action_id(stored: str) -> str:
    """The id a stored action state has today. Ids once named the contact a step was picked to
    be with ("acme-om|status_check|2026-03-02T09:00:00|susan"); such a state belongs to the
    step without it."""
    if stored.count("|") < 3:
        return stored
    m = _LEGACY_ID.match(stored)
    if m is None or m.group(2) in PER_PERSON:
        return stored
    return m.group(1)


class _Reading:
    """One application as the playbook reads it at `now`, and the actions its rows add.

    `evs` is the world as of `now`; the last reply splits it (guard 3): `epoch` is what
    followed the reply (everything, when there is none). `interviews` are the epoch's, and
    `follow_ups` the unanswered follow-ups after the last of them (or after the reply): the
    chain that `status_check`, `post_interview_follow_up`, `nudge` and `close_out` read.
    """

    __slots__ = ("app", "p", "now", "contacts", "evs", "planned", "reply", "last_reply", "epoch",
                 "closed", "closed_ev", "last_closed", "last_outbound", "any_outbound", "interviews",
                 "last_iv", "follow_ups", "chasing", "out", "seen")

    def __init__(self, app: ApplicationIn, p: _Params, now: datetime, employer_last_outbound: datetime | None):
        self.app, self.p, self.now = app, p, now
        self.contacts = app.contacts
        self.out: list[Action] = []
        self.seen: set[str] = set()

        # The world as of `now`; the events come sorted.
        evs = app.events
        #: an interview planned for later: they answered, so nothing chases an answer meanwhile;
        #: its own steps (debrief, thank-yous) wait until it has happened
        planned = False
        if evs and evs[-1].at > now:
            planned = any(e.kind == K.INTERVIEW and e.at > now for e in evs)
            evs = [e for e in evs if e.at <= now]
        self.evs, self.planned = evs, planned

        last_reply = -1
        last_closed = -1
        last_closing = -1  # a `closed` event or a rejecting reply
        last_outbound = employer_last_outbound
        if app.earlier_outbound is not None and (last_outbound is None or app.earlier_outbound > last_outbound):
            last_outbound = app.earlier_outbound
        any_outbound = False
        for i, e in enumerate(evs):
            k = e.kind
            if k in _OUTBOUND:
                any_outbound = True
                if last_outbound is None or e.at > last_outbound:
                    last_outbound = e.at
            elif k == K.REPLY:
                last_reply = i
                if e.outcome == ReplyOutcome.REJECTED:
                    last_closing = i
            elif k == K.CLOSED:
                last_closed = last_closing = i
        self.last_outbound, self.any_outbound = last_outbound, any_outbound

        # Guard 5 and guard 3's re-opening: closed as the timeline has it now (`stages.stage_of`,
        # read from the last closing alone): a rejection or a `closed` event closes, and only a
        # later reply re-opens, a lead closed as no_response.
        if last_closing >= 0:
            c = evs[last_closing]
            closed = not (c.kind == K.CLOSED and c.reason == Outcome.NO_RESPONSE and last_reply > last_closing)
        elif app.earlier_closed_reason is not None:
            # closed before the last reply (which the events given start with): it re-opens only
            # a ghosted lead
            closed = app.earlier_closed_reason != Outcome.NO_RESPONSE
        else:
            closed = app.stage == Stage.CLOSED  # closed by hand before the stage followed the timeline
        self.closed = closed
        self.last_closed = last_closed
        self.closed_ev = evs[last_closed] if last_closed >= 0 else None
        self.last_reply = last_reply
        reply = self.reply = evs[last_reply] if last_reply >= 0 else None
        epoch = self.epoch = evs[last_reply + 1:] if reply is not None else evs

        # the interviews, and the follow-ups since the reset point (the last interview, else the
        # reply); a closed lead's rows read neither (guard 5)
        interviews = []
        last_iv_i = -1
        if not closed:
            for i, e in enumerate(epoch):
                if e.kind == K.INTERVIEW:
                    interviews.append(e)
                    last_iv_i = i
        self.interviews = interviews
        self.last_iv = interviews[-1] if interviews else None
        after_reset = epoch[last_iv_i + 1:] if interviews else epoch
        self.follow_ups = [e for e in after_reset if e.kind in _FOLLOW_UPS] if not closed else []
        #: the chain runs: open, no interview waiting to happen, and no decision came (a
        #: rejection or an offer after the last interview: the reply's own actions are made)
        self.chasing = not (closed or planned or (
            reply is not None and reply.outcome in (ReplyOutcome.REJECTED, ReplyOutcome.OFFER) and not interviews))

    def add(self, name, anchor, opens, due, channel, contact, rule, reason, template=None,
            alternatives=(), sequence=0) -> None:
        ident = action_id(self.app.key, name, anchor, contact)
        if ident in self.seen:
            return  # the same situation logged twice (two interviews at one moment): one action
        self.seen.add(ident)
        contacts = self.contacts
        self.out.append(Action(
            ident, self.app.key, name, opens, due, channel, contact,
            contacts[contact].name if contact in contacts else contact,
            template or name, rule, reason, anchor, alternatives, sequence,
        ))

    def interview_end(self, iv: EventIn) -> datetime:
        return iv.at + timedelta(minutes=iv.duration_minutes or self.p.interview_minutes)

    def unthanked(self, iv: EventIn) -> list:
        """The interviewers of `iv` (None: not named) no thank-you has gone to since it ended."""
        sent_from = self.interview_end(iv) - self.p.grace
        epoch = self.epoch
        return [c for c in iv.contacts or (None,)
                if not any(x.kind == K.THANK_YOU and x.at >= sent_from and _matches(x, c) for x in epoch)]


def compute_actions(
    app: ApplicationIn,
    settings: Settings,
    now: datetime,
    employer_last_outbound: datetime | None = None,
) -> list[Action]:
    """Every pending action of one application as of `now`, open or upcoming.

    `employer_last_outbound` is the latest outbound contact (at or before `now`) with the same
    employer through *other* applications; guard 2 counts it too.
    """
    r = _Reading(app, _params(settings), now, employer_last_outbound)
    # guard 5 (closed means quiet) before the rows too: a closed lead runs only the rows whose
    # steps it may still suggest
    for row in _CLOSED_ROWS if r.closed else PLAYBOOK_ROWS:
        row(r)
    return _guarded(r)


#: The playbook's rows in the order they add their actions (the order ties are shown in), each
#: a function of the `_Reading` named after the action it adds (`row.action`).
PLAYBOOK_ROWS: list = []


def _row(action: A):
    def register(fn):
        fn.action = action
        PLAYBOOK_ROWS.append(fn)
        return fn
    return register


# -- the playbook's rows, one function each (PLAYBOOK.md, "Actions") -----------------------------

@_row(A.INTRODUCE)
def introduce(r: _Reading) -> None:
    """A lead with nothing sent yet."""
    if r.any_outbound or r.reply is not None or r.planned:
        return
    app, p = r.app, r.p
    lead_at = next((e.at for e in r.evs if e.kind == K.LEAD), None) or app.created
    if lead_at is None:
        return
    who = _pick(r.contacts, (Role.HR, Role.HIRING_MANAGER))
    referral = app.referred_by or (app.source == "referral")
    r.add(
        A.INTRODUCE, lead_at, lead_at, lead_at + p.introduce_due, Channel.EMAIL, who,
        f"introduce: lead noted, nothing sent; due in {_days(p.n.introduce_due_days)}",
        f"You noted this lead {_ago(lead_at, r.now)} and have not sent anything yet; "
        + (f"mention that {app.referred_by} referred you." if app.referred_by
           else "introduce yourself with your résumé attached."),
        template="introduce_referral" if referral else "introduce",
    )


def _reply_contact(r: _Reading) -> str | None:
    reply = r.reply
    return reply.contacts[0] if reply.contacts else _pick(r.contacts, _RECRUITING)


@_row(A.REPLY_THANKS)
def reply_thanks(r: _Reading) -> None:
    """A reply said "no decision yet": a short thanks, unless one went already."""
    reply = r.reply
    if reply is None or reply.outcome != ReplyOutcome.NO_DECISION:
        return
    who = _reply_contact(r)
    if any(e.kind in (K.THANK_YOU, K.FOLLOW_UP) and _matches(e, who) for e in r.epoch):
        return
    p = r.p
    r.add(
        A.REPLY_THANKS, reply.at, reply.at, reply.at + p.reply_thanks_due,
        Channel.EMAIL, who, f"reply_thanks: a 'no decision yet' reply; due in {_days(p.n.reply_thanks_due_days)}",
        f"{r.app.employer_name} wrote {_ago(reply.at, r.now)} that no decision has been made; "
        "a short thank-you keeps you in mind.",
    )


@_row(A.FEEDBACK_REQUEST)
def feedback_request(r: _Reading) -> None:
    """A reply rejected the user: ask what would have made the candidacy stronger."""
    reply = r.reply
    if reply is None or reply.outcome != ReplyOutcome.REJECTED:
        return
    who = _reply_contact(r)
    if any(e.kind == K.FEEDBACK_REQUEST and _matches(e, who) for e in r.epoch):
        return
    p = r.p
    r.add(
        A.FEEDBACK_REQUEST, reply.at, reply.at, reply.at + p.feedback_due,
        Channel.EMAIL, who, f"feedback_request: a rejection; due in {_days(p.n.feedback_request_due_days)}",
        f"{r.app.employer_name} turned you down {_ago(reply.at, r.now)}; ask what would "
        "have made your candidacy stronger.",
    )


@_row(A.CHECK_IN)
def check_in(r: _Reading) -> None:
    """A rejection with encouragement to stay in touch: a check-in every so often."""
    reply = r.reply
    if reply is None or reply.outcome != ReplyOutcome.REJECTED or not reply.encouraged:
        return
    p = r.p
    anchor = reply.at
    for e in r.epoch:
        if e.kind == K.CHECK_IN:
            anchor = e.at
    opens = anchor + p.check_in_every
    r.add(
        A.CHECK_IN, anchor, opens, opens + p.check_in_window, Channel.EMAIL, _reply_contact(r),
        f"check_in: encouraged to stay in touch; every {_days(p.n.check_in_every_days)}",
        f"{r.app.employer_name} encouraged you to stay in touch; "
        + ("a friendly check-in a month after their answer." if anchor is reply.at
           else f"your last check-in was {_ago(anchor, r.now)}."),
    )


@_row(A.WITHDRAWAL_NOTE)
def withdrawal_note(r: _Reading) -> None:
    """The user stepped back: a courtesy note, unless one went already."""
    closed_ev = r.closed_ev
    if closed_ev is None or not r.closed or closed_ev.reason != Outcome.WITHDRAWN or (
        r.reply is not None and r.last_closed < r.last_reply
    ):
        return
    p = r.p
    who = _pick(r.contacts, _RECRUITING)
    w_from = closed_ev.at - p.grace
    if any(e.kind == K.WITHDRAWAL_NOTE and e.at >= w_from and _matches(e, who) for e in r.epoch):
        return
    r.add(
        A.WITHDRAWAL_NOTE, closed_ev.at, closed_ev.at, closed_ev.at + p.withdrawal_due,
        Channel.EMAIL, who, f"withdrawal_note: you withdrew; due in {_days(p.n.withdrawal_note_due_days)}",
        f"You withdrew {_ago(closed_ev.at, r.now)}; a courtesy note keeps the door open.",
        alternatives=(Channel.PHONE,),
    )


@_row(A.DEBRIEF)
def debrief(r: _Reading) -> None:
    """An interview ended: a note to self the same evening, unless its notes are there already."""
    p = r.p
    for e in r.interviews:
        if e.key_points or e.decision_expected or any(x.kind == K.NOTE and x.at >= e.at for x in r.epoch):
            continue
        end = r.interview_end(e)
        due = at_time(end.date(), p.debrief_time)
        r.add(
            A.DEBRIEF, e.at, end, due if due > end else end, None, None,
            "debrief: the interview ended; due the same evening",
            f"Your interview with {_names(e.contacts, r.contacts)} ended {_ago(end, r.now)}; write down "
            "the key point each person raised and when they expect to decide.",
        )


@_row(A.THANK_YOU)
def thank_you(r: _Reading) -> None:
    """An interview ended: one thank-you per interviewer, each its own message, within a day."""
    p, now = r.p, r.now
    for e in r.interviews:
        end = r.interview_end(e)
        due = end + p.thank_you_due
        if now > due:
            continue  # too late: the late thank-you's row
        letter = ()
        if e.decision_expected is not None and (e.decision_expected - e.at.date()).days > p.handwritten_days:
            letter = (Channel.LETTER,)
        for c in r.unthanked(e):
            name = r.contacts[c].name if c in r.contacts else (c or "the interviewers")
            r.add(
                A.THANK_YOU, e.at, end, due, Channel.EMAIL, c,
                f"thank_you: the interview ended; one per interviewer, due within {p.n.thank_you_due_hours} hours",
                f"You interviewed with {name} {_ago(e.at, now)}; thank them within {p.n.thank_you_due_hours} hours.",
                alternatives=letter,
            )


@_row(A.LATE_THANK_YOU)
def late_thank_you(r: _Reading) -> None:
    """A thank-you passed its due time unsent: a late one replaces it."""
    p, now = r.p, r.now
    for e in r.interviews:
        due = r.interview_end(e) + p.thank_you_due
        if now <= due:
            continue
        for c in r.unthanked(e):
            name = r.contacts[c].name if c in r.contacts else (c or "the interviewers")
            r.add(
                A.LATE_THANK_YOU, e.at, due, e.at + p.late_thank_you_due, Channel.EMAIL, c,
                f"late_thank_you: the thank-you was not sent in time; due {_days(p.n.late_thank_you_due_days)} after the interview",
                f"The day for thanking {name} has passed; a thank-you now still helps.",
            )


@_row(A.STATUS_CHECK)
def status_check(r: _Reading) -> None:
    """Applied (or wrote to them) and heard nothing: a call after a week, or after the posting closed."""
    if not r.chasing or r.follow_ups or r.last_iv is not None or r.reply is not None:
        return
    app, p, epoch = r.app, r.p, r.epoch
    applied = next((e for e in epoch if e.kind == K.APPLIED), None)
    if applied is None:
        applied = next((e for e in epoch if e.kind == K.QUERY_SENT), None)
        if applied is None:
            return
    opens = applied.at + p.status_after
    rule = f"status_check: applied + {_days(p.n.status_check_after_days)}"
    if app.posting_closes is not None:
        after_close = at_time(add_business_days(app.posting_closes, p.status_close_bd), p.day_start)
        if after_close > opens:
            opens = after_close
            rule = f"status_check: {_days(p.status_close_bd, 'business day')} after the posting closed"
    who = applied.contacts[0] if applied.contacts else _pick(r.contacts, _RECRUITING)
    what = "applied" if applied.kind == K.APPLIED else "wrote to them"
    reason = f"You {what} {_ago(applied.at, r.now)} and have not heard back."
    if applied.subject:
        reason += f' Mention your email "{applied.subject}".'
    r.add(A.STATUS_CHECK, applied.at, opens, opens + p.status_window, Channel.PHONE, who, rule, reason,
          alternatives=(Channel.EMAIL,))


@_row(A.POST_INTERVIEW_FOLLOW_UP)
def post_interview_follow_up(r: _Reading) -> None:
    """The last interview and no word since: ask where things stand after their decision date."""
    iv = r.last_iv
    if not r.chasing or r.follow_ups or iv is None:
        return
    p = r.p
    end = r.interview_end(iv)
    if iv.decision_expected is not None:
        opens = at_time(add_business_days(iv.decision_expected, p.decision_grace_bd), p.day_start)
        opens = max(opens, end)
        rule = f"post_interview_follow_up: their decision date + {_days(p.decision_grace_bd, 'business day')}"
        reason = f"They expected to decide by {_day(iv.decision_expected)}; ask where things stand."
    else:
        opens = iv.at + p.post_after
        rule = f"post_interview_follow_up: last interview + {_days(p.n.post_interview_after_days)}"
        reason = f"Your interview was {_ago(iv.at, r.now)} and you have not heard back."
    contacts = r.contacts
    who = _pick(contacts, _DECIDERS, iv.contacts) if iv.contacts else _pick(contacts, _DECIDERS)
    r.add(A.POST_INTERVIEW_FOLLOW_UP, iv.at, opens, opens + p.post_window, Channel.PHONE, who, rule,
          reason, alternatives=(Channel.IN_PERSON, Channel.EMAIL))


@_row(A.NUDGE)
def nudge(r: _Reading) -> None:
    """A follow-up got no answer (by the other channel, under the cap), or a "no decision yet"
    reply's date passed (or, with none, a fortnight)."""
    if not r.chasing:
        return
    p, now, fus, reply = r.p, r.now, r.follow_ups, r.reply
    if not fus:
        if r.last_iv is not None or reply is None or reply.outcome != ReplyOutcome.NO_DECISION:
            return
        if reply.next_date is not None:
            opens = at_time(add_business_days(reply.next_date, p.nudge_named_bd), p.day_start)
            opens = max(opens, reply.at)
            why = f"They said they would know by {_day(reply.next_date)}, and that has passed."
            rule = f"nudge: 'no decision yet' with a date; that date + {_days(p.n.nudge_after_named_date_business_days, 'business day')}"
        else:
            opens = reply.at + p.nudge_no_date
            why = f"They said {_ago(reply.at, now)} that no decision was made; time for a short nudge."
            rule = f"nudge: 'no decision yet' with no date; {_days(p.n.nudge_after_no_date_days)} later"
        channel = _other_channel(reply.channel)
        who = reply.contacts[0] if reply.contacts else _pick(r.contacts, _DECIDERS)
        r.add(A.NUDGE, reply.at, opens, opens + p.nudge_window, channel, who, rule, why, template="nudge")
        return
    n = len(fus)
    if n >= p.cap:
        return  # the close-out's row
    last = fus[-1]
    who = last.contacts[0] if last.contacts else _pick(r.contacts, _DECIDERS)
    opens = last.at + p.nudge_after
    channel = _other_channel(last.channel)
    r.add(
        A.NUDGE, last.at, opens, opens + p.nudge_window, channel, who,
        f"nudge: a follow-up got no answer; {_days(p.n.nudge_after_days)} later, by the other channel",
        f"Your follow-up {_ago(last.at, now)} got no answer; one short nudge by "
        f"{'phone' if channel == Channel.PHONE else 'email'}.",
        sequence=n,
    )


@_row(A.CLOSE_OUT)
def close_out(r: _Reading) -> None:
    """Guard 1: the follow-ups reached the cap unanswered: time to close the lead."""
    fus = r.follow_ups
    p = r.p
    if not r.chasing or not fus or len(fus) < p.cap:
        return
    n = len(fus)
    first, last = fus[0], fus[-1]
    employed = p.employed
    r.add(
        A.CLOSE_OUT, last.at, max(last.at + p.close_last, first.at + p.close_first), None, None, None,
        f"close_out: {n} follow-ups went unanswered (the limit is {p.cap})",
        f"{n} follow-ups since {_day(first.at)} got no answer; "
        + ("close this lead, or withdraw, and put the time into other leads." if employed
           else "close this lead and put the time into other leads."),
        alternatives=("withdraw",) if employed else (),
        sequence=n,
    )


PLAYBOOK_ROWS = tuple(PLAYBOOK_ROWS)
_CLOSED_ROWS = tuple(row for row in PLAYBOOK_ROWS if row.action in CLOSED_ALLOWED)


# -- the guards, applied in one place to every row's actions -------------------------------------

def _guarded(r: _Reading) -> list[Action]:
    """Guards on every window: closed means quiet (5), no pestering (2), call hours (6), and
    what a long wait makes of a step (9, 10), measured from the window guard 2 gave it; the
    notification waits out quiet hours."""
    p, now, closed = r.p, r.now, r.closed
    result = []
    gap_until = r.last_outbound + p.pester_gap if r.last_outbound is not None else None
    lapsed_before = now - p.lapse
    silent_before = now - p.silence
    silenced = []
    for a in r.out:
        if closed and a.name not in CLOSED_ALLOWED:
            continue
        if gap_until is not None and a.opens < gap_until and a.name not in _PESTER_EXEMPT:
            shift = gap_until - a.opens
            a.opens = gap_until
            if a.due is not None:
                a.due += shift
            a.rule += f"; moved: {_days(p.n.no_pestering_days)} after your last message to this employer"
        if a.name in LAPSING and a.due < lapsed_before:
            continue
        if a.channel == Channel.PHONE:
            a.opens, a.due = schedule_call(a.opens, a.due, p.call_hours)
        if a.name in CHASING and a.due < silent_before:
            silenced.append(a)
            continue
        a.notify_at = out_of_quiet_hours(a.opens, p.quiet_start, p.quiet_end)
        result.append(a)
    for a in silenced:
        close = _silence_close_out(r, a)
        if close is not None:
            close.notify_at = out_of_quiet_hours(close.opens, p.quiet_start, p.quiet_end)
            result.append(close)
    return result


def _silence_close_out(r: _Reading, step: Action) -> Action | None:
    """Guard 9: `step`, an answer-chasing step overdue by more than `silence_closes_after_days`,
    turned into the close-out: from the moment it went that long unanswered, with a reason that
    says since when nothing came back. None if the same close-out is there already."""
    p, out = r.p, r.out
    since = step.anchor
    if step.name == A.POST_INTERVIEW_FOLLOW_UP:
        what = f"No answer since your interview on {_day(since)}"
    elif step.name == A.STATUS_CHECK:
        kind = next((e.kind for e in r.evs if e.at == since and e.kind in (K.APPLIED, K.QUERY_SENT)), K.APPLIED)
        what = f"No answer since you {'applied' if kind == K.APPLIED else 'wrote to them'} on {_day(since)}"
    elif step.sequence:
        what = f"No answer since your follow-up on {_day(since)}"
    else:  # a nudge after "no decision yet": the last word was theirs
        what = f"No news since they wrote on {_day(since)} that no decision had been made"
    employed = p.employed
    before = len(out)
    r.add(
        A.CLOSE_OUT, since, step.due + p.silence, None, None, None,
        f"close_out: the {str(step.name).replace('_', ' ')} is more than "
        f"{_days(p.n.silence_closes_after_days)} overdue with no answer (silence ends a lead)",
        f"{what}; "
        + ("close this lead, or withdraw, and put the time into other leads." if employed
           else "close this lead and put the time into other leads."),
        alternatives=("withdraw",) if employed else (),
        sequence=step.sequence,
    )
    return out[-1] if len(out) > before else None


# -- many applications at once ------------------------------------------------------------------

def employer_last_outbound(apps: Iterable[ApplicationIn], now: datetime) -> dict[str, list]:
    """For each employer: its applications' latest outbound moments (at or before `now`)."""
    per: dict[str, list] = {}
    for app in apps:
        last = app.earlier_outbound
        for e in app.events:
            if e.kind in _OUTBOUND and e.at <= now and (last is None or e.at > last):
                last = e.at
        per.setdefault(app.employer_key, []).append((app.key, last))
    return per


def employer_top_outbound(per: Mapping[str, Iterable[tuple[str, datetime | None]]]) -> dict[str, tuple]:
    """For each employer in `per` (see `employer_last_outbound`; applications with no outbound
    contact may be left out): its two latest outbound moments as (moment, app key), latest
    first, None where there are fewer."""
    top: dict[str, tuple] = {}
    for ekey, siblings in per.items():
        best = second = None
        for key, last in siblings:
            if last is None:
                continue
            if best is None or last > best[0]:
                best, second = (last, key), best
            elif second is None or last > second[0]:
                second = (last, key)
        top[ekey] = (best, second)
    return top


def other_outbound(top: Mapping[str, tuple], app: ApplicationIn) -> datetime | None:
    """The latest outbound moment with `app`'s employer through its *other* applications
    (guard 2): the employer's latest, unless that one is `app`'s own (O(1) per application,
    not O(applications per employer))."""
    best, second = top.get(app.employer_key, (None, None))
    if best is not None and best[1] == app.key:
        best = second
    return best[0] if best is not None else None


def compute_all(apps: Sequence[ApplicationIn], settings: Settings, now: datetime) -> list[Action]:
    """Every pending action of every application, each application seeing its employer's other
    outbound contacts (guard 2)."""
    top = employer_top_outbound(employer_last_outbound(apps, now))
    out: list[Action] = []
    extend = out.extend
    for app in apps:
        extend(compute_actions(app, settings, now, other_outbound(top, app)))
    return out


def compute_each(apps: Iterable[ApplicationIn], top: Mapping[str, tuple], settings: Settings,
                 now: datetime) -> Iterator[tuple[ApplicationIn, list[Action]]]:
    """`compute_all` one application at a time, for a caller that streams the applications and
    lets each one's events go before the next is read: `top` is `employer_top_outbound` of
    every application the stream holds, worked out beforehand (the store reads it in one query)."""
    for app in apps:
        yield app, compute_actions(app, settings, now, other_outbound(top, app))


def expires_at(a: Action, settings: Settings) -> datetime | None:
    """When the engine stops giving `a` by itself, with nothing logged: a courtesy step lapses
    (guard 10), a step that chases an answer turns into the close-out (guard 9). A caller that
    sleeps until the next change wakes then."""
    if a.due is None:
        return None
    p = _params(settings)
    if a.name in LAPSING:
        return a.due + p.lapse
    if a.name in CHASING:
        return a.due + p.silence
    return None


def urgency_key(a: Action, now: datetime | None = None):
    """Most urgent first: every step by its due time (the most overdue first), then the steps
    with no deadline (closing a lead) by the time they opened; the rest only makes the order
    stable. Given `now`, a courtesy step already past its due time (a debrief left unwritten, a
    late thank-you: `LAPSING`) has lost most of its point, so it comes after every step still
    worth its full value: a thank-you due in 5 hours ranks above a debrief 9 hours late."""
    faded = now is not None and a.due is not None and a.due < now and a.name in LAPSING
    return (a.due is None, faded, a.due or a.opens, a.opens, a.application, a.name, a.contact or "")


def urgency_at(now: datetime):
    """`urgency_key` at `now`, as a sort key."""
    return lambda a: urgency_key(a, now)


def apply_states(
    actions: Iterable[Action], states: Mapping[str, ActionState], settings: Settings
) -> list[Action]:
    """Drop what the user marked done or dismissed; move snoozed windows. Pure, like the engine."""
    p = _params(settings)
    result = []
    for a in actions:
        st = states.get(a.id)
        if st is None:
            result.append(a)
            continue
        if st.done_at is not None or st.dismissed_at is not None:
            continue
        if st.snoozed_until is not None and st.snoozed_until > a.opens:
            shift = st.snoozed_until - a.opens
            a.opens = st.snoozed_until
            if a.due is not None:
                a.due += shift
            if a.channel == Channel.PHONE:
                a.opens, a.due = schedule_call(a.opens, a.due, p.call_hours)
            a.notify_at = out_of_quiet_hours(a.opens, p.quiet_start, p.quiet_end)
            a.snoozed = True
        result.append(a)
    return result


def open_at(actions: Iterable[Action], at: datetime) -> list[Action]:
    """The actions whose window is open at `at`, most urgent first."""
    return sorted((a for a in actions if a.opens <= at), key=urgency_at(at))
