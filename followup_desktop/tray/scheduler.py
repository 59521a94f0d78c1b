"""The notification clock: asks `schedule.plan` what to tell, tells it, and sleeps until the next
moment that matters.

One single-shot timer, re-armed after every look (and after every `workspace.changed`), so an
idle app wakes only when something is about to happen. Two things can fool a timer: the user
changing the clock, and the machine sleeping (the monotonic clock a timer runs on may stand still
while suspended). A coarse watchdog compares the wall clock with the monotonic one once a minute
and looks again when they drift apart.
"""

from __future__ import annotations

import logging
import time
from dataclasses import dataclass
from datetime import datetime
from typing import Callable

from PySide6.QtCore import QObject, Qt, QTimer, Signal

from ..agenda import seconds_until
from .schedule import Notice, plan

log = logging.getLogger(__name__)

#: QTimer takes an int of milliseconds (about 24 days at most); waking a little more often than
#: needed costs nothing, so long sleeps are cut into pieces of this length.
MAX_SLEEP_MS = 6 * 3600 * 1000
#: Wall clock and monotonic clock drifting apart by more than this means a clock change or sleep.
DRIFT_S = 20.0
#: Wake just after the moment, not before it (the workspace's clock has whole seconds).
_MARGIN_MS = 50


@dataclass
class Batch:
    notices: list[Notice]
    summary: bool
    catch_up: bool


class NotificationScheduler(QObject):
    """Tells `notify(Batch)` what to show; persists what was told through the workspace."""

    notify = Signal(object)
    #: the scheduler looked (a window may have opened: the tray's count may differ)
    looked = Signal()

    def __init__(self, workspace, *, watchdog_ms: int = 60_000,
                 wall: Callable[[], float] = time.time, monotonic: Callable[[], float] = time.monotonic,
                 parent: QObject | None = None):
        super().__init__(parent)
        self.workspace = workspace
        self.paused_until: datetime | None = None
        self.next_wake: datetime | None = None
        self._wall, self._mono = wall, monotonic
        self._started = False
        self._caught_up = False
        self._timer = QTimer(self, singleShot=True, timeout=self.look)
        # A precise timer: a coarse one may fire up to 5 % early, which on a six-hour sleep is
        # a quarter of an hour.
        self._timer.setTimerType(Qt.PreciseTimer)
        self._watchdog = QTimer(self, interval=watchdog_ms, timeout=self._check_clocks)
        self._watchdog.setTimerType(Qt.VeryCoarseTimer)
        self._last_wall, self._last_mono = wall(), monotonic()
        workspace.changed.connect(self._on_changed)

    # -- control ----------------------------------------------------------------------------
    def start(self) -> None:
        """The first look is the catch-up for what opened while the app was not running."""
        self._started = True
        self._watchdog.start()
        self.look()

    def stop(self) -> None:
        self._started = False
        self._timer.stop()
        self._watchdog.stop()

    def set_paused_until(self, until: datetime | None) -> None:
        self.paused_until = until
        if self._started:
            self.look()

    def is_paused(self) -> bool:
        return self.paused_until is not None and self.paused_until > self.workspace.now()

    @property
    def timer_remaining_ms(self) -> int:
        return self._timer.remainingTime() if self._timer.isActive() else -1

    # -- the look ---------------------------------------------------------------------------
    def _on_changed(self, _keys) -> None:
        if self._started:
            self.look()

    def look(self) -> None:
        ws = self.workspace
        if not self._started or not getattr(ws, "is_loaded", True):
            return  # the first load's `changed` brings us back
        now = ws.now()
        actions = ws.actions()
        states = {}
        for a in actions:
            st = ws.action_state(a.id)
            if st is not None:
                states[a.id] = st
        catch_up = not self._caught_up
        p = plan(actions, states, ws.settings(), now, paused_until=self.paused_until, catch_up=catch_up)
        # A catch-up held back (the app started in quiet hours) is still the catch-up when told.
        self._caught_up = self._caught_up or bool(p.notices or p.silenced) or not p.held
        # Persist first: a crash between showing and storing would tell it again after restart;
        # one missed notice is the lesser harm than the same one over and over.
        for n in p.silenced + p.notices:
            try:
                ws.set_action_state(n.action, **{field: now for field in n.marks})
            except Exception:  # an application deleted meanwhile: nothing to tell about it
                log.exception("could not record the notification of %s", n.action.id)
        if p.notices:
            self.notify.emit(Batch(p.notices, p.summary, catch_up))
        self._arm(p.wake_at, now)
        self.looked.emit()

    def _arm(self, wake: datetime | None, now: datetime) -> None:
        self.next_wake = wake
        if wake is None:
            self._timer.stop()
            return
        ms = int(seconds_until(now, wake) * 1000) + _MARGIN_MS
        self._timer.start(max(_MARGIN_MS, min(ms, MAX_SLEEP_MS)))

    # -- clocks -----------------------------------------------------------------------------
    def _check_clocks(self) -> None:
        wall, mono = self._wall(), self._mono()
        drift = (wall - self._last_wall) - (mono - self._last_mono)
        self._last_wall, self._last_mono = wall, mono
        if abs(drift) > DRIFT_S:
            log.info("the clock jumped by %.0f s (a clock change or the machine slept): looking again", drift)
            self.clock_jumped()

    def clock_jumped(self) -> None:
        """The workspace looks at the new time (it emits `changed`, and we look)."""
        tick = getattr(self.workspace, "tick", None)
        if tick is not None:
            tick()
        else:
            self.look()


__all__ = ["NotificationScheduler", "Batch", "MAX_SLEEP_MS", "DRIFT_S"]
