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
"""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta
from typing import Iterable, Iterator, Mapping, Sequence

from ..settings import Settings
from ..vocab import ActionName as A
from ..vocab import FOLLOW_UP_KINDS, OUTBOUND_KINDS, Channel, EventKind as K, Outcome, ReplyOutcome, Role, Stage
from .calendar import add_business_days, at_time, out_of_quiet_hours, schedule_call
from .model import Action, ActionState, ApplicationIn, ContactIn, EventIn

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
    p = _params(settings)
    contacts = app.contacts
    out: list[Action] = []
    seen: set[str] = set()

    # The world as of `now`; the events come sorted.
    evs = app.events
    #: an interview planned for later: they answered, so nothing chases an answer meanwhile;
    #: its own steps (debrief, thank-yous) wait until it has happened
    planned = False
    if evs and evs[-1].at > now:
        planned = any(e.kind == K.INTERVIEW and e.at > now for e in evs)
        evs = [e for e in evs if e.at <= now]

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
    closed_ev = evs[last_closed] if last_closed >= 0 else None

    reply = evs[last_reply] if last_reply >= 0 else None
    epoch = evs[last_reply + 1:] if reply is not None else evs

    def add(name, anchor, opens, due, channel, contact, rule, reason, template=None,
            alternatives=(), sequence=0):
        ident = action_id(app.key, name, anchor, contact)
        if ident in seen:
            return  # the same situation logged twice (two interviews at one moment): one action
        seen.add(ident)
        out.append(Action(
            ident, app.key, name, opens, due, channel, contact,
            contacts[contact].name if contact in contacts else contact,
            template or name, rule, reason, anchor, alternatives, sequence,
        ))

    # -- introduce: a lead with nothing sent yet
    if not any_outbound and not closed and reply is None and not planned:
        lead_at = next((e.at for e in evs if e.kind == K.LEAD), None) or app.created
        if lead_at is not None:
            who = _pick(contacts, (Role.HR, Role.HIRING_MANAGER))
            referral = app.referred_by or (app.source == "referral")
            add(
                A.INTRODUCE, lead_at, lead_at, lead_at + p.introduce_due, Channel.EMAIL, who,
                f"introduce: lead noted, nothing sent; due in {_days(p.n.introduce_due_days)}",
                f"You noted this lead {_ago(lead_at, now)} and have not sent anything yet; "
                + (f"mention that {app.referred_by} referred you." if app.referred_by
                   else "introduce yourself with your résumé attached."),
                template="introduce_referral" if referral else "introduce",
            )

    # -- the reply's own actions
    if reply is not None:
        r_out = reply.outcome
        r_contact = reply.contacts[0] if reply.contacts else _pick(contacts, _RECRUITING)
        if r_out == ReplyOutcome.NO_DECISION:
            if not any(e.kind in (K.THANK_YOU, K.FOLLOW_UP) and _matches(e, r_contact) for e in epoch):
                add(
                    A.REPLY_THANKS, reply.at, reply.at, reply.at + p.reply_thanks_due,
                    Channel.EMAIL, r_contact, f"reply_thanks: a 'no decision yet' reply; due in {_days(p.n.reply_thanks_due_days)}",
                    f"{app.employer_name} wrote {_ago(reply.at, now)} that no decision has been made; "
                    "a short thank-you keeps you in mind.",
                )
        elif r_out == ReplyOutcome.REJECTED:
            if not any(e.kind == K.FEEDBACK_REQUEST and _matches(e, r_contact) for e in epoch):
                add(
                    A.FEEDBACK_REQUEST, reply.at, reply.at, reply.at + p.feedback_due,
                    Channel.EMAIL, r_contact, f"feedback_request: a rejection; due in {_days(p.n.feedback_request_due_days)}",
                    f"{app.employer_name} turned you down {_ago(reply.at, now)}; ask what would "
                    "have made your candidacy stronger.",
                )
            if reply.encouraged:
                anchor = reply.at
                for e in epoch:
                    if e.kind == K.CHECK_IN:
                        anchor = e.at
                opens = anchor + p.check_in_every
                add(
                    A.CHECK_IN, anchor, opens, opens + p.check_in_window, Channel.EMAIL, r_contact,
                    f"check_in: encouraged to stay in touch; every {_days(p.n.check_in_every_days)}",
                    f"{app.employer_name} encouraged you to stay in touch; "
                    + ("a friendly check-in a month after their answer." if anchor is reply.at
                       else f"your last check-in was {_ago(anchor, now)}."),
                )

    # -- withdrawal note: the user stepped back
    if closed_ev is not None and closed and closed_ev.reason == Outcome.WITHDRAWN and (
        reply is None or last_closed > last_reply
    ):
        who = _pick(contacts, _RECRUITING)
        w_from = closed_ev.at - p.grace
        if not any(e.kind == K.WITHDRAWAL_NOTE and e.at >= w_from and _matches(e, who) for e in epoch):
            add(
                A.WITHDRAWAL_NOTE, closed_ev.at, closed_ev.at, closed_ev.at + p.withdrawal_due,
                Channel.EMAIL, who, f"withdrawal_note: you withdrew; due in {_days(p.n.withdrawal_note_due_days)}",
                f"You withdrew {_ago(closed_ev.at, now)}; a courtesy note keeps the door open.",
                alternatives=(Channel.PHONE,),
            )

    if not closed:
        _interviews_and_chain(app, p, now, reply, epoch, add, planned)

    # -- guards on every window: no pestering (2), closed means quiet (5), call hours (6), and
    # what a long wait makes of a step (9, 10), measured from the window guard 2 gave it
    result = []
    gap_until = last_outbound + p.pester_gap if last_outbound is not None else None
    lapsed_before = now - p.lapse
    silent_before = now - p.silence
    silenced = []
    for a in out:
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
        close = _silence_close_out(app, p, a, evs, add, out)
        if close is not None:
            close.notify_at = out_of_quiet_hours(close.opens, p.quiet_start, p.quiet_end)
            result.append(close)
    return result


def _silence_close_out(app, p: _Params, step: Action, evs, add, out) -> Action | None:
    """Guard 9: `step`, an answer-chasing step overdue by more than `silence_closes_after_days`,
    turned into the close-out: from the moment it went that long unanswered, with a reason that
    says since when nothing came back. None if the same close-out is there already."""
    since = step.anchor
    if step.name == A.POST_INTERVIEW_FOLLOW_UP:
        what = f"No answer since your interview on {_day(since)}"
    elif step.name == A.STATUS_CHECK:
        kind = next((e.kind for e in evs if e.at == since and e.kind in (K.APPLIED, K.QUERY_SENT)), K.APPLIED)
        what = f"No answer since you {'applied' if kind == K.APPLIED else 'wrote to them'} on {_day(since)}"
    elif step.sequence:
        what = f"No answer since your follow-up on {_day(since)}"
    else:  # a nudge after "no decision yet": the last word was theirs
        what = f"No news since they wrote on {_day(since)} that no decision had been made"
    employed = p.employed
    before = len(out)
    add(
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


def _interviews_and_chain(app, p: _Params, now, reply, epoch, add, planned: bool = False) -> None:
    contacts = app.contacts
    last_iv = None
    last_iv_i = -1
    for i, e in enumerate(epoch):
        if e.kind != K.INTERVIEW:
            continue
        last_iv, last_iv_i = e, i
        end = e.at + timedelta(minutes=e.duration_minutes or p.interview_minutes)
        who = e.contacts
        # debrief: a note to self, the same evening
        if not (e.key_points or e.decision_expected) and not any(
            x.kind == K.NOTE and x.at >= e.at for x in epoch
        ):
            due = at_time(end.date(), p.debrief_time)
            add(
                A.DEBRIEF, e.at, end, due if due > end else end, None, None,
                "debrief: the interview ended; due the same evening",
                f"Your interview with {_names(who, contacts)} ended {_ago(end, now)}; write down "
                "the key point each person raised and when they expect to decide.",
            )
        # thank-you: one per interviewer, each its own message
        letter = ()
        if e.decision_expected is not None and (e.decision_expected - e.at.date()).days > p.handwritten_days:
            letter = (Channel.LETTER,)
        sent_from = end - p.grace
        for c in who or (None,):
            if any(x.kind == K.THANK_YOU and x.at >= sent_from and _matches(x, c) for x in epoch):
                continue
            name = contacts[c].name if c in contacts else (c or "the interviewers")
            due = end + p.thank_you_due
            if now <= due:
                add(
                    A.THANK_YOU, e.at, end, due, Channel.EMAIL, c,
                    f"thank_you: the interview ended; one per interviewer, due within {p.n.thank_you_due_hours} hours",
                    f"You interviewed with {name} {_ago(e.at, now)}; thank them within {p.n.thank_you_due_hours} hours.",
                    alternatives=letter,
                )
            else:
                add(
                    A.LATE_THANK_YOU, e.at, due, e.at + p.late_thank_you_due, Channel.EMAIL, c,
                    f"late_thank_you: the thank-you was not sent in time; due {_days(p.n.late_thank_you_due_days)} after the interview",
                    f"The day for thanking {name} has passed; a thank-you now still helps.",
                )

    after_reset = epoch[last_iv_i + 1:] if last_iv is not None else epoch
    fus = [e for e in after_reset if e.kind in _FOLLOW_UPS]
    n = len(fus)
    if reply is not None and reply.outcome in (ReplyOutcome.REJECTED, ReplyOutcome.OFFER) and last_iv is None:
        return  # a decision came; nothing more to chase (the reply's own actions are made)
    if planned:
        return  # the next interview is set: nothing to chase until it has happened

    if n == 0:
        if last_iv is not None:
            _post_interview(app, p, now, last_iv, add)
        elif reply is not None:
            if reply.outcome == ReplyOutcome.NO_DECISION:
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
                who = reply.contacts[0] if reply.contacts else _pick(contacts, _DECIDERS)
                add(A.NUDGE, reply.at, opens, opens + p.nudge_window, channel, who, rule, why,
                    template="nudge")
        else:
            _status_check(app, p, now, epoch, add)
        return

    first, last = fus[0], fus[-1]
    who = last.contacts[0] if last.contacts else _pick(contacts, _DECIDERS)
    if n < p.cap:
        opens = last.at + p.nudge_after
        channel = _other_channel(last.channel)
        add(
            A.NUDGE, last.at, opens, opens + p.nudge_window, channel, who,
            f"nudge: a follow-up got no answer; {_days(p.n.nudge_after_days)} later, by the other channel",
            f"Your follow-up {_ago(last.at, now)} got no answer; one short nudge by "
            f"{'phone' if channel == Channel.PHONE else 'email'}.",
            sequence=n,
        )
    else:
        opens = max(last.at + p.close_last, first.at + p.close_first)
        employed = p.employed
        add(
            A.CLOSE_OUT, last.at, opens, None, None, None,
            f"close_out: {n} follow-ups went unanswered (the limit is {p.cap})",
            f"{n} follow-ups since {_day(first.at)} got no answer; "
            + ("close this lead, or withdraw, and put the time into other leads." if employed
               else "close this lead and put the time into other leads."),
            alternatives=("withdraw",) if employed else (),
            sequence=n,
        )


def _status_check(app, p: _Params, now, epoch, add) -> None:
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
    contacts = app.contacts
    who = applied.contacts[0] if applied.contacts else _pick(contacts, _RECRUITING)
    what = "applied" if applied.kind == K.APPLIED else "wrote to them"
    reason = f"You {what} {_ago(applied.at, now)} and have not heard back."
    if applied.subject:
        reason += f' Mention your email "{applied.subject}".'
    add(A.STATUS_CHECK, applied.at, opens, opens + p.status_window, Channel.PHONE, who, rule, reason,
        alternatives=(Channel.EMAIL,))


def _post_interview(app, p: _Params, now, iv: EventIn, add) -> None:
    contacts = app.contacts
    end = iv.at + timedelta(minutes=iv.duration_minutes or p.interview_minutes)
    if iv.decision_expected is not None:
        opens = at_time(add_business_days(iv.decision_expected, p.decision_grace_bd), p.day_start)
        opens = max(opens, end)
        rule = f"post_interview_follow_up: their decision date + {_days(p.decision_grace_bd, 'business day')}"
        reason = f"They expected to decide by {_day(iv.decision_expected)}; ask where things stand."
    else:
        opens = iv.at + p.post_after
        rule = f"post_interview_follow_up: last interview + {_days(p.n.post_interview_after_days)}"
        reason = f"Your interview was {_ago(iv.at, now)} and you have not heard back."
    who = _pick(contacts, _DECIDERS, iv.contacts) if iv.contacts else _pick(contacts, _DECIDERS)
    add(A.POST_INTERVIEW_FOLLOW_UP, iv.at, opens, opens + p.post_window, Channel.PHONE, who, rule,
        reason, alternatives=(Channel.IN_PERSON, Channel.EMAIL))


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
