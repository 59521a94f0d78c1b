"""An application's stage and outcome follow from its timeline: pure, like the engine.

`stage_of(events)` folds the events in time order (PLAYBOOK.md, *Words*):

* any outbound event (an application, a query, a follow-up…) moves a lead to `applied`;
* an interview, or a reply inviting to one, makes it `interviewing`; a reply `offer`, `offer`;
  stages only move forward, so back-dating an old event never undoes progress;
* a reply `rejected` closes it as `rejected`; a `closed` event closes it with its reason;
* a closed application stays closed, except that a reply re-opens one closed as `no_response`
  (guard 3), at the stage its history earned, and then counts as any reply does.

Every write of an event (log, edit, delete, undo) stores the result beside the application, so
the list and the exchange file read it; nothing else sets it. `event_for_stage` says which
event makes an application reach a stage set by hand (the edit dialog, an imported file).
"""

from __future__ import annotations

from datetime import datetime
from typing import Iterable, Protocol

from ..vocab import OUTBOUND_KINDS
from ..vocab import EventKind as K
from ..vocab import Outcome, ReplyOutcome, Stage

#: how far along each open stage is
RANK = {Stage.LEAD: 0, Stage.APPLIED: 1, Stage.INTERVIEWING: 2, Stage.OFFER: 3}
_REPLY_PROMOTES = {ReplyOutcome.OFFER: Stage.OFFER, ReplyOutcome.INTERVIEW_INVITE: Stage.INTERVIEWING}


class _Event(Protocol):
    kind: str
    outcome: str | None
    reason: str | None


def stage_of(events: Iterable[_Event], *, start: tuple[str, str | None] | None = None
             ) -> tuple[str, str | None]:
    """The (stage, outcome) a timeline earns. `events` in time order (ties in logging order),
    anything with `kind`, `outcome` (a reply's) and `reason` (a closing's). `start`: the state
    before the first of them, when they are only the end of a timeline."""
    stage, outcome = start or (Stage.LEAD, None)
    earned = Stage.LEAD if stage == Stage.CLOSED else stage  # what a re-opened lead returns to
    for e in events:
        kind = e.kind
        if kind == K.CLOSED:
            stage, outcome = Stage.CLOSED, e.reason
            continue
        if stage == Stage.CLOSED:
            if kind != K.REPLY or outcome != Outcome.NO_RESPONSE:
                continue
            stage, outcome = earned, None  # guard 3: the ghosted lead answered
        if kind == K.REPLY:
            if e.outcome == ReplyOutcome.REJECTED:
                stage, outcome = Stage.CLOSED, Outcome.REJECTED
                continue
            target = _REPLY_PROMOTES.get(e.outcome)
        elif kind == K.INTERVIEW:
            target = Stage.INTERVIEWING
        elif kind in OUTBOUND_KINDS:
            target = Stage.APPLIED
        else:
            target = None
        if target is not None and RANK[target] > RANK[stage]:
            stage = target
        earned = stage
    # the values the store and the exchange file hold: plain strings
    return str(stage), (str(outcome) if outcome is not None else None)


def says_more(stage: str, outcome: str | None, than: tuple[str, str | None]) -> bool:
    """Whether (stage, outcome) is further along than what the events earned (`than`): a closed
    application whose events leave it open, or an open stage ahead of theirs. A different
    ending than the events' is not more: the events win."""
    earned_stage, _ = than
    if earned_stage == Stage.CLOSED:
        return False
    if stage == Stage.CLOSED:
        return True
    return RANK.get(stage, 0) > RANK.get(earned_stage, 0)


def event_for_stage(stage: str, outcome: str | None, at: datetime, *, implied: bool = False) -> dict | None:
    """The one event (in the exchange file's shape) that takes an application to `stage` (with
    `outcome` when closed), logged at `at`; None for a lead (no event makes one).

    `implied`: the stage is all that is known (an imported file, an older database), not an
    event the user dates: "interviewing" is then their invitation to interview, not an
    interview at a made-up moment (which would ask for thank-yous)."""
    if stage == Stage.CLOSED:
        if outcome == Outcome.REJECTED:
            return {"kind": K.REPLY.value, "at": at, "outcome": ReplyOutcome.REJECTED.value}
        # closed without saying how (an exchange file may): the lead went quiet
        return {"kind": K.CLOSED.value, "at": at, "reason": outcome or Outcome.NO_RESPONSE.value}
    if stage == Stage.OFFER:
        return {"kind": K.REPLY.value, "at": at, "outcome": ReplyOutcome.OFFER.value}
    if stage == Stage.INTERVIEWING:
        if implied:
            return {"kind": K.REPLY.value, "at": at, "outcome": ReplyOutcome.INTERVIEW_INVITE.value}
        return {"kind": K.INTERVIEW.value, "at": at}
    if stage == Stage.APPLIED:
        return {"kind": K.APPLIED.value, "at": at}
    return None


def can_move(current: tuple[str, str | None], wanted: tuple[str, str | None]) -> bool:
    """Whether logging one event takes an application from `current` to `wanted`: forward, to
    closed, or from one ending to another (a new `closed` event). Going back means taking the
    event that moved it on off the timeline."""
    (stage, outcome), (to, to_outcome) = current, wanted
    if (stage, outcome) == (to, to_outcome if to == Stage.CLOSED else None):
        return True
    if to == Stage.CLOSED:
        return True
    if stage == Stage.CLOSED:
        return False
    return RANK.get(to, 0) > RANK.get(stage, 0)
