"""When to tell the user about a follow-up: a pure decision, no Qt and no clock reads.

Given the current actions, what was already told about each of them (their `ActionState`), the
settings, `now` and a pause, `plan()` answers two questions: what to tell the user right now,
and the next moment anything changes (a window opens, a step becomes overdue, quiet hours end,
a pause ends). The Qt side sleeps until that moment with one single-shot timer, so nothing polls.

Rules:

* A step is told once when its window opens (a close-out is told as "close this lead?"), and once
  more when it becomes overdue (a thank-you is not: the late thank-you replacing it is told). A step told for the first time when it is already overdue is told
  once, as overdue. Snoozing a step makes it new again when the snooze ends.
* Nothing is told during quiet hours; what came up then (or before, while the app was not
  running) is told when they end. A phone step is told inside call hours, when the call can be
  made. Both are measured from the moment of telling, never from when the step opened.
* A pause holds everything back until it ends; then what came up is told.
* With notifications switched off, what comes up is marked as told without being shown, so
  switching them on again does not bring a flood of old news.
* More than `summary_above` (a setting) at once become one summary; so does more than one at start-up
  (the catch-up for what opened while the app was not running).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Iterable, Mapping

from ..agenda import OVERDUE_AFTER, seen_moments
from ..playbook.calendar import in_quiet_hours, next_in_hours, out_of_quiet_hours
from ..playbook.model import Action, ActionState
from ..settings import Settings
from ..vocab import ActionName, Channel

OPENED = "opened"
OVERDUE = "overdue"
CLOSE_OUT = "close_out"

# `Action.is_overdue` is strict (due < at): a step is overdue one second after its due time.
_OVERDUE_AFTER = OVERDUE_AFTER
#: A thank-you past its time becomes a late thank-you (a new step, told when it opens), so the
#: thank-you itself is not told again as overdue.
_REPLACED_WHEN_LATE = frozenset({ActionName.THANK_YOU})


@dataclass(frozen=True)
class Notice:
    """One thing to tell the user about one action."""

    kind: str  # OPENED | OVERDUE | CLOSE_OUT
    action: Action

    @property
    def marks(self) -> dict[str, bool]:
        """Which `ActionState` fields telling this notice sets (to "now")."""
        if self.kind == OVERDUE:
            return {"notified_at": True, "overdue_notified_at": True}
        return {"notified_at": True}


@dataclass
class Plan:
    #: to show now, most urgent first
    notices: list[Notice] = field(default_factory=list)
    #: show `notices` as one summary rather than one by one
    summary: bool = False
    #: came up while notifications are switched off: mark as told, show nothing
    silenced: list[Notice] = field(default_factory=list)
    #: the next moment the plan can change (None: nothing pending at all)
    wake_at: datetime | None = None
    #: something already came up but waits (quiet hours, call hours, a pause)
    held: bool = False


def tell_moment(moment: datetime, action: Action, settings: Settings) -> datetime:
    """The first moment at or after `moment` when the user may be told about `action`: outside
    quiet hours, and for a phone step inside call hours on a business day."""
    start, end = settings.quiet_hours_start, settings.quiet_hours_end
    t = out_of_quiet_hours(moment, start, end)
    if action.channel != Channel.PHONE:
        return t
    # Call hours and quiet hours push each other forward; a few rounds settle it unless the
    # user made every call hour quiet, and then call hours win (the step is about a call).
    for _ in range(8):
        t = next_in_hours(t, settings.call_hours)
        if not in_quiet_hours(t, start, end):
            return t
        t = out_of_quiet_hours(t, start, end)
    return next_in_hours(moment, settings.call_hours)


def _told(at: datetime | None, action: Action) -> bool:
    # A snooze that ended after it was told makes the step news again.
    return at is not None and not (action.snoozed and at < action.opens)


def pending_notice(action: Action, state: ActionState | None, settings: Settings,
                   now: datetime) -> tuple[Notice, datetime] | None:
    """The next notice `action` owes the user and the moment it may be shown, or None.

    The moment is measured from the later of the news and `now`: a step that opened yesterday
    afternoon and was never told is not told at 05:30 today because yesterday afternoon was
    outside quiet hours; it waits for them to end (and a phone step for call hours)."""
    notified = _told(state.notified_at if state else None, action)
    overdue_told = _told(state.overdue_notified_at if state else None, action)
    if action.name == ActionName.CLOSE_OUT:
        if notified:
            return None
        return Notice(CLOSE_OUT, action), tell_moment(max(action.opens, now), action, settings)
    if not notified:
        when = tell_moment(max(action.opens, now), action, settings)
        if action.due is not None and action.due < when:
            # Already late by the time it can be told: one notice, as overdue.
            return Notice(OVERDUE, action), tell_moment(max(when, action.due + _OVERDUE_AFTER), action, settings)
        return Notice(OPENED, action), when
    if action.due is not None and not overdue_told and action.name not in _REPLACED_WHEN_LATE:
        return Notice(OVERDUE, action), tell_moment(max(action.due + _OVERDUE_AFTER, now), action, settings)
    return None


def plan(
    actions: Iterable[Action],
    states: Mapping[str, ActionState],
    settings: Settings,
    now: datetime,
    *,
    paused_until: datetime | None = None,
    catch_up: bool = False,
    summary_above: int | None = None,
) -> Plan:
    """What to tell at `now`, and when to look again.

    `catch_up` is the first look after start-up: several notices then become one summary.
    """
    from ..playbook import urgency_key

    actions = sorted(actions, key=urgency_key)
    enabled = bool(settings.notifications_enabled)
    paused = paused_until is not None and paused_until > now
    ready: list[Notice] = []
    wake: datetime | None = None
    held = False

    def later(moment: datetime | None) -> None:
        nonlocal wake
        if moment is not None and moment > now and (wake is None or moment < wake):
            wake = moment

    for a in actions:
        # What a person sees changes when a window opens or a step turns overdue (the tray's
        # count and tooltip), whether or not anything is told then: the agenda's moments.
        for moment in seen_moments(a):
            later(moment)
        pending = pending_notice(a, states.get(a.id), settings, now)
        if pending is None:
            continue
        notice, moment = pending
        if moment > now:
            later(moment)
            news = a.due + _OVERDUE_AFTER if notice.kind == OVERDUE else a.opens
            held = held or news <= now
        elif paused and enabled:
            later(paused_until)
            held = True
        else:
            ready.append(notice)

    if not enabled:
        return Plan(silenced=ready, wake_at=wake, held=held)
    if summary_above is None:
        summary_above = settings.summary_above  # Settings → Desktop
    summary = len(ready) > summary_above or (catch_up and len(ready) > 1)
    return Plan(notices=ready, summary=summary, wake_at=wake, held=held)


__all__ = ["Notice", "Plan", "plan", "pending_notice", "tell_moment", "OPENED", "OVERDUE", "CLOSE_OUT"]
