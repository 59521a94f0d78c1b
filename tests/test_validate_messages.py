"""Every rule between a record's fields, and between records, refuses its record with the one
line it always has (the import checks most records by a quick path first, `test_validate_quick`;
the messages are the field checks' and the rules' own, word for word)."""

from __future__ import annotations

import pytest

from followup_desktop.exchange.validate import ExchangeError, validate


def base(events, **kw):
    """Acme (Susan) and Globex (Li), the Office Manager application at Acme, and `events`."""
    return {"format": "followup-desktop", "version": 1,
            "employers": [{"key": "acme", "name": "Acme"}, {"key": "globex", "name": "Globex"}],
            "contacts": [{"key": "susan", "employer": "acme", "name": "Susan", "role": "recruiter"},
                         {"key": "li", "employer": "globex", "name": "Li", "role": "other"}],
            "applications": kw.get("apps", [{"key": "acme-om", "employer": "acme", "position": "OM",
                                             "stage": "applied"}]),
            "events": events}


def ev(kind, **fields):
    """One event of the Office Manager application, at 09:00 on 10 March unless told."""
    return {"application": "acme-om", "kind": kind, "at": "2026-03-10T09:00", **fields}


def app(**fields):
    return [{"key": "acme-om", "employer": "acme", "position": "OM", "stage": "applied", **fields}]


CASES = {
    "interview field on an applied": base([ev("applied", key_points={"susan": "x"}, contacts=["susan"])]),
    "duration on a note": base([ev("note", duration_minutes=30)]),
    "decision on a reply": base([ev("reply", outcome="offer", decision_expected="2026-03-20")]),
    "next date on an interview": base([ev("interview", next_date="2026-03-20")]),
    "encouraged on a note": base([ev("note", encouraged=True)]),
    "reply without outcome": base([ev("reply")]),
    "reply with a call outcome": base([ev("reply", outcome="spoke")]),
    "encouraged offer": base([ev("reply", outcome="offer", encouraged=True)]),
    "outcome on an email": base([ev("follow_up", channel="email", outcome="spoke")]),
    "call with a reply outcome": base([ev("follow_up", channel="phone", outcome="offer")]),
    "closed without reason": base([ev("closed")]),
    "reason on a note": base([ev("note", reason="hired")]),
    "unknown contact": base([ev("interview", contacts=["nobody"])]),
    "contact of another employer": base([ev("interview", contacts=["li"])]),
    "key point of a stranger": base([ev("interview", contacts=["susan"], key_points={"li": "x"})]),
    "no such application": base([ev("note", application="acme-cook")]),
    "message twice": base([ev("note", message_id="<a@b>"), ev("note", message_id="<a@b>")]),
    "closed app without outcome": base([], apps=app(stage="closed")),
    "outcome on an open app": base([], apps=app(outcome="hired")),
    "app of no employer": base([], apps=app(employer="initech")),
    "bad time": base([ev("note", at="2026-02-30T09:00")]),
    "time with seconds fraction": base([ev("note", at="2026-02-03T09:00:00.5")]),
    "key with a line break": base([ev("note", application="acme-om\n")]),
    "unknown field": base([ev("note", colour="red")]),
}

MESSAGES = {
    'interview field on an applied':
        'events[0] (applied for "acme-om"): field "key_points": only an interview has this field',
    'duration on a note':
        'events[0] (note for "acme-om"): field "duration_minutes": only an interview has this field',
    'decision on a reply':
        'events[0] (reply for "acme-om"): field "decision_expected": only an interview has this field',
    'next date on an interview':
        'events[0] (interview for "acme-om"): field "next_date": only a reply has this field',
    'encouraged on a note':
        'events[0] (note for "acme-om"): field "encouraged": only a reply has this field',
    'reply without outcome':
        'events[0] (reply for "acme-om"): field "outcome": a reply needs an outcome (no_decision, interview_invite, rejected, offer, other)',
    'reply with a call outcome':
        'events[0] (reply for "acme-om"): field "outcome": "spoke" is not one of no_decision, interview_invite, rejected, offer, other',
    'encouraged offer':
        'events[0] (reply for "acme-om"): field "encouraged": only a rejection can encourage you to stay in touch',
    'outcome on an email':
        'events[0] (follow_up for "acme-om"): field "outcome": only a reply or an outbound phone call has an outcome',
    'call with a reply outcome':
        'events[0] (follow_up for "acme-om"): field "outcome": "offer" is not one of spoke, left_message, no_answer',
    'closed without reason':
        'events[0] (closed for "acme-om"): field "reason": a closed event needs a reason (hired, rejected, withdrawn, no_response, declined)',
    'reason on a note':
        'events[0] (note for "acme-om"): field "reason": only a closed event has a reason',
    'unknown contact':
        'events[0] (interview for "acme-om"): field "contacts": no contact with key "nobody"',
    'contact of another employer':
        'events[0] (interview for "acme-om"): field "contacts": contact "li" works for "globex", not "acme"',
    'key point of a stranger':
        'events[0] (interview for "acme-om"): field "key_points": "li" is not one of this interview\'s contacts',
    'no such application':
        'events[0]: field "application": no application with key "acme-cook"',
    'message twice':
        'events[1] (note for "acme-om"): field "message_id": the message "<a@b>" is logged once already (earlier in the file)',
    'closed app without outcome':
        'applications[0] ("acme-om"): field "outcome": a closed application needs an outcome (hired, rejected, withdrawn, no_response, declined)',
    'outcome on an open app':
        'applications[0] ("acme-om"): field "outcome": only a closed application has an outcome (stage is "applied")',
    'app of no employer':
        'applications[0] ("acme-om"): field "employer": no employer with key "initech"',
    'bad time':
        'events[0]: field "at": "2026-02-30T09:00" is not a real date and time',
    'time with seconds fraction':
        'events[0]: field "at": "2026-02-03T09:00:00.5" is not a local time in the form YYYY-MM-DDTHH:MM[:SS]',
    'key with a line break':
        'events[0]: field "application": contains a line break at character 8; it must be one line',
    'unknown field':
        'events[0]: unknown field "colour" (known: application, kind, at, channel, outcome, reason, duration_minutes, contacts, key_points, decision_expected, next_date, encouraged, subject, notes, message_id)',
}


@pytest.mark.parametrize("case", list(CASES))
def test_a_record_breaking_a_rule_is_refused_with_its_one_line(case):
    with pytest.raises(ExchangeError) as refused:
        validate(CASES[case])
    assert str(refused.value) == MESSAGES[case]
