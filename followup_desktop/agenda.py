"""The agenda: what is open, what comes next, and when that changes. No Qt, no ORM.

One service for every reader of "what is due": the command line (`duelist`), the windows' shared
state (`ui/workspace.py`), the tray's notification clock (`tray/schedule.py`, `tray/scheduler.py`)
and, later, the calendar export. The engine (`playbook`) computes each application's actions; the
agenda streams the applications past it, applies what the user did with them (done, dismissed,
snoozed), and answers:

* `Agenda.actions()` / `Agenda.open_at(at)`: every action, and those open at a moment, most
  urgent first;
* `next_step(actions, at)` (one application) and `Agenda.upcoming(at)` (all of them): what comes
  next;
* `Agenda.next_change(now)`: the next moment any of it can change (a window opening, a step
  falling due, a close-out lapsing, an event logged ahead coming to pass, midnight for "today");
  `seconds_until(now, moment)` turns that wall-clock moment into the real time a timer must sleep,
  which differs from the clock faces' gap across a daylight-saving change.

An application keeps no events once its actions are computed: a long search holds tens of
thousands and nothing but the engine reads them (README, "Speed"). What the windows need from
them is kept aside: the last contact, the moments of events logged ahead, and the employer's
contacts' names (for the search), once per employer.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Iterable, Mapping

from .paths import DataPaths
from .playbook import apply_states, compute_each, employer_top_outbound, open_at, urgency_at, urgency_key
from .playbook.engine import expires_at
from .playbook.model import Action, ActionState, ApplicationIn
from .settings import Settings
from .store.connection import connect, open_database
from .store.snapshot import load_action_states, load_settings, read_at
from .vocab import INBOUND_KINDS, OUTBOUND_KINDS, EventKind

#: events that count as contact with the employer ("last contact" in the list)
CONTACT_KINDS = frozenset(OUTBOUND_KINDS | INBOUND_KINDS | {EventKind.INTERVIEW})
#: what an application in memory holds instead of its events and its employer's contacts
NO_EVENTS: tuple = ()
NO_CONTACTS: dict = {}
#: `Action.is_overdue` is strict (due < at): a step is overdue one second after its due time
OVERDUE_AFTER = timedelta(seconds=1)


def seconds_until(now: datetime, moment: datetime) -> float:
    """The time a timer must really run from `now` to `moment`, both local wall-clock times:
    across a daylight-saving change the night is an hour shorter or longer than the clock faces
    say."""
    try:
        return (moment.astimezone() - now.astimezone()).total_seconds()
    except (OverflowError, OSError, ValueError):  # outside what the platform's clock can map
        return (moment - now).total_seconds()


def seen_moments(action: Action) -> Iterable[datetime]:
    """When what a person sees of `action` changes: its window opens, it turns overdue."""
    yield action.opens
    if action.due is not None:
        yield action.due + OVERDUE_AFTER


def change_moments(action: Action, settings: Settings) -> Iterable[datetime]:
    """When `action` changes at all: what a person sees, and the moment it lapses or turns into
    a close-out (the engine computes another action then)."""
    yield from seen_moments(action)
    lapse = expires_at(action, settings)
    if lapse is not None:
        yield lapse


def next_change(actions: Iterable[Action], ahead: Iterable[datetime], settings: Settings,
                now: datetime) -> datetime:
    """The next moment after `now` the agenda can change: one of the actions' moments, an event
    logged ahead coming to pass (it counts from then on), or midnight ("today", "tomorrow")."""
    wake = datetime.combine(now.date() + timedelta(days=1), datetime.min.time())
    for a in actions:
        for t in change_moments(a, settings):
            if now < t < wake:
                wake = t
    for t in ahead:
        if now < t < wake:
            wake = t
    return wake


def next_step(actions: list[Action], at: datetime) -> Action | None:
    """The step to show for one application: the most urgent open one, else the next to open."""
    if not actions:
        return None
    open_ = [a for a in actions if a.opens <= at]
    if open_:
        return min(open_, key=urgency_at(at))
    return min(actions, key=lambda a: (a.opens, urgency_key(a)))


def upcoming(actions: Iterable[Action], at: datetime) -> Action | None:
    """The next action to open after `at` (the command line's "Next: …" when nothing is due)."""
    later = [a for a in actions if a.opens > at]
    return min(later, key=lambda a: (a.opens, urgency_key(a))) if later else None


class Agenda:
    """The applications read from disk and their actions at `at`, computed as they are read
    (on the workspace's worker thread, or in the command line's process: the engine is pure)."""

    def __init__(self, settings: Settings, states: dict[str, ActionState], at: datetime):
        self.settings, self.states, self.at = settings, states, at
        self.apps: list[ApplicationIn] = []
        self.by_app: dict[str, list[Action]] = {}
        self.last_contact: dict[str, datetime] = {}
        #: application key -> the moments of its events logged ahead of `at`
        self.ahead: dict[str, list[datetime]] = {}
        #: employer key -> its contacts' names, for the search
        self.people: dict[str, str] = {}
        self.generation = 0

    def add(self, app: ApplicationIn, actions: list[Action]) -> None:
        at = self.at
        last = app.earlier_outbound
        for e in reversed(app.events):
            if e.kind in CONTACT_KINDS and e.at <= at:
                last = e.at
                break
        if last is not None:
            self.last_contact[app.key] = last
        if app.events and app.events[-1].at > at:  # logged ahead: it counts from then on
            self.ahead[app.key] = [e.at for e in app.events if e.at > at]
        if app.employer_key not in self.people:
            self.people[app.employer_key] = " ".join(c.name for c in app.contacts.values())
        app.events = NO_EVENTS
        app.contacts = NO_CONTACTS
        app.created = None  # the engine's only (the introduction's clock)
        self.apps.append(app)
        if actions:
            self.by_app[app.key] = apply_states(actions, self.states, self.settings)

    # -- answers ----------------------------------------------------------------------------
    def actions(self) -> list[Action]:
        """Every action, most urgent first."""
        return sorted((a for acts in self.by_app.values() for a in acts), key=urgency_key)

    def open_at(self, at: datetime | None = None) -> list[Action]:
        # not sorted first: what urgency at a moment does not tell apart, urgency alone does not
        # either, so both orders keep such steps as they were computed
        return open_at((a for acts in self.by_app.values() for a in acts), at or self.at)

    def upcoming(self, at: datetime | None = None) -> Action | None:
        return upcoming((a for acts in self.by_app.values() for a in acts), at or self.at)

    def next_change(self, now: datetime | None = None) -> datetime:
        return next_change((a for acts in self.by_app.values() for a in acts),
                           (t for moments in self.ahead.values() for t in moments), self.settings,
                           now or self.at)


def compute(apps: Iterable[ApplicationIn], top: Mapping[str, tuple], settings: Settings,
            states: dict[str, ActionState], at: datetime) -> Agenda:
    """The agenda of these applications (with their events, which it lets go one by one); `top`
    is their employers' `employer_top_outbound`."""
    agenda = Agenda(settings, states, at)
    for app, actions in compute_each(apps, top, settings, at):
        agenda.add(app, actions)
    return agenda


def read(paths: DataPaths, at: datetime, *, check: bool = True) -> Agenda:
    """The whole store's agenda at `at`: each application's events from its last reply on, one
    application at a time, so that the search's events are never all in memory at once.

    The file is opened the safe way first (checked, upgraded after a backup, refused untouched
    when damaged or too new: `open_database`). Once per process is enough: later reads
    (`check=False`) only read."""
    # On a full or read-only disk the checked open still gives a connection that reads.
    con = (open_database(paths.database, backups=paths.backups, reading=True) if check
           else connect(paths.database))
    # One pass over the file: a small page cache reads as fast and keeps ~2 MB less.
    con.execute("PRAGMA cache_size = -256")
    try:
        return read_from(con, at)
    finally:
        con.close()


def read_from(con, at: datetime, half: tuple[str, int] | None = None) -> Agenda:
    """`read` through the sqlite3 connection `con` (within its transaction, if it is in one:
    the same snapshot as what else it reads); `half`: of the applications up to or above a row
    id only (`store.halves.UP_TO`, `ABOVE`), with what their employers' other applications tell
    the engine (`snapshot.read_at`)."""
    settings, states = load_settings(con), load_action_states(con)
    last_outbound, apps = read_at(con, at, half)
    return compute(apps, employer_top_outbound(last_outbound), settings, states, at)


__all__ = ["Agenda", "compute", "read", "read_from", "next_change", "next_step", "upcoming", "seconds_until",
           "seen_moments", "change_moments", "CONTACT_KINDS", "OVERDUE_AFTER"]
