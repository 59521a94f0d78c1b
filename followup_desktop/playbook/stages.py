"""How logging an event moves an application's stored stage: pure, like the engine.

Stages only move forward (lead → applied → interviewing → offer), so back-dating an old event
never undoes progress. A `closed` event closes with its reason as the outcome. A reply to an
application closed as `no_response` re-opens it (guard 3) at the stage its history earned.
"""

from __future__ import annotations

from ..vocab import EventKind as K
from ..vocab import Outcome, ReplyOutcome, Stage

_RANK = {Stage.LEAD: 0, Stage.APPLIED: 1, Stage.INTERVIEWING: 2, Stage.OFFER: 3}
_PROMOTES = {K.APPLIED: Stage.APPLIED, K.QUERY_SENT: Stage.APPLIED, K.INTERVIEW: Stage.INTERVIEWING}
_REPLY_PROMOTES = {ReplyOutcome.OFFER: Stage.OFFER, ReplyOutcome.INTERVIEW_INVITE: Stage.INTERVIEWING}


def stage_after(stage: str, outcome: str | None, kind: str, *, event_outcome: str | None = None,
                reason: str | None = None, had_applied: bool = False,
                had_interview: bool = False) -> tuple[str, str | None]:
    """The (stage, outcome) an application has after logging one event.

    `had_applied` / `had_interview`: whether its timeline already holds an application (or a
    query) / an interview, to pick the stage a re-opened lead returns to.
    """
    if kind == K.CLOSED:
        return Stage.CLOSED, reason
    if stage == Stage.CLOSED:
        if kind != K.REPLY or outcome != Outcome.NO_RESPONSE:
            return stage, outcome
        stage = (Stage.INTERVIEWING if had_interview else Stage.APPLIED if had_applied else Stage.LEAD)
        outcome = None
    target = _REPLY_PROMOTES.get(event_outcome) if kind == K.REPLY else _PROMOTES.get(kind)
    if target is not None and _RANK[target] > _RANK.get(stage, 0):
        stage = target
    return str(stage), outcome
