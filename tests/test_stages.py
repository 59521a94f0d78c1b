"""The stage follows the timeline (PLAYBOOK.md, *Words*): a pure function of the events, and
the event that a stage set by hand needs."""

from __future__ import annotations

from datetime import datetime

import pytest

from followup_desktop.playbook.model import EventIn
from followup_desktop.playbook.stages import can_move, event_for_stage, says_more, stage_of

T = datetime(2026, 3, 2, 9, 0)


def _timeline(*kinds):
    """Events from short words: "applied", "reply:rejected", "closed:no_response"."""
    out = []
    for word in kinds:
        kind, _, extra = word.partition(":")
        out.append(EventIn(T, kind, outcome=extra if kind == "reply" else None,
                           reason=extra if kind == "closed" else None))
    return out


@pytest.mark.parametrize("kinds, expected", [
    ((), ("lead", None)),
    (("lead", "note"), ("lead", None)),
    (("lead", "applied"), ("applied", None)),
    (("query_sent",), ("applied", None)),
    (("lead", "status_check"), ("applied", None)),  # any outbound event after a lead
    (("applied", "interview"), ("interviewing", None)),
    (("applied", "reply:interview_invite"), ("interviewing", None)),
    (("applied", "interview", "reply:offer"), ("offer", None)),
    (("applied", "interview", "applied"), ("interviewing", None)),  # never backwards
    (("applied", "reply:no_decision"), ("applied", None)),
    (("applied", "reply:rejected"), ("closed", "rejected")),
    (("offer", "closed:hired"), ("closed", "hired")),
    (("applied", "closed:no_response"), ("closed", "no_response")),
    (("applied", "interview", "closed:no_response", "reply:no_decision"), ("interviewing", None)),
    (("applied", "closed:no_response", "reply:offer"), ("offer", None)),
    (("applied", "closed:no_response", "reply:rejected"), ("closed", "rejected")),
    (("applied", "closed:withdrawn", "reply:other"), ("closed", "withdrawn")),
    (("applied", "reply:rejected", "reply:no_decision"), ("closed", "rejected")),
    (("applied", "closed:no_response", "closed:withdrawn"), ("closed", "withdrawn")),
])
def test_the_stage_is_what_the_timeline_earns(kinds, expected):
    assert stage_of(_timeline(*kinds)) == expected


def test_a_rejection_closes_the_application_as_rejected():
    assert stage_of(_timeline("applied", "status_check", "reply:rejected")) == ("closed", "rejected")


def test_the_end_of_a_timeline_starts_from_what_came_before():
    assert stage_of(_timeline("reply:no_decision"), start=("closed", "no_response")) == ("lead", None)
    assert stage_of(_timeline("reply:no_decision"), start=("closed", "rejected")) == ("closed", "rejected")


@pytest.mark.parametrize("stage, outcome, kind, extra", [
    ("applied", None, "applied", {}),
    ("interviewing", None, "interview", {}),
    ("offer", None, "reply", {"outcome": "offer"}),
    ("closed", "rejected", "reply", {"outcome": "rejected"}),
    ("closed", "withdrawn", "closed", {"reason": "withdrawn"}),
    ("closed", "no_response", "closed", {"reason": "no_response"}),
])
def test_each_stage_set_by_hand_is_logged_as_the_event_that_makes_it_so(stage, outcome, kind, extra):
    ev = event_for_stage(stage, outcome, T)
    assert ev == {"kind": kind, "at": T, **extra}
    logged = EventIn(T, ev["kind"], outcome=ev.get("outcome"), reason=ev.get("reason"))
    assert stage_of([*_timeline("lead"), logged]) == (stage, outcome)


def test_a_lead_needs_no_event():
    assert event_for_stage("lead", None, T) is None


def test_a_stage_moves_forward_or_closes_but_never_back_by_logging():
    assert can_move(("lead", None), ("applied", None))
    assert can_move(("applied", None), ("closed", "withdrawn"))
    assert can_move(("closed", "no_response"), ("closed", "withdrawn"))
    assert not can_move(("interviewing", None), ("applied", None))
    assert not can_move(("closed", "rejected"), ("applied", None))


def test_a_file_saying_more_than_its_events_is_noticed_and_the_events_win_otherwise():
    assert says_more("closed", "no_response", ("applied", None))
    assert says_more("offer", None, ("interviewing", None))
    assert not says_more("applied", None, ("interviewing", None))
    assert not says_more("closed", "hired", ("closed", "rejected"))


def test_a_stage_known_only_from_a_file_implies_the_invitation_not_an_interview():
    assert event_for_stage("interviewing", None, T, implied=True) == {
        "kind": "reply", "at": T, "outcome": "interview_invite"}
    assert event_for_stage("applied", None, T, implied=True) == {"kind": "applied", "at": T}
