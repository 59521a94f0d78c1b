"""The windows' shared state: the applications in memory, their actions, and every write.

One `Workspace` per process. The main window, the compose windows and the tray read from it and
write through it, so the list, the timeline, the due count and the tray badge all move together.
Every write is an operation on one serial worker thread (`operations.py`); when it has run, the
workspace re-reads the application it touched and recomputes only that employer's actions
(guard 2 reads across an employer's applications), never the whole store, and emits `changed`.
Every edit is an undoable command on `undo_stack` (`commands.py`).

The first load reads every application on a worker thread; the GUI thread only swaps the result
in. What is due, and when that changes, is the agenda's answer (`agenda.py`, shared with the
command line and the tray); a single-shot timer wakes the workspace at the next moment anything
can change (a window opening or falling due, midnight for "today"/"tomorrow").
"""

from __future__ import annotations

import logging
import threading
import weakref
from datetime import datetime, timedelta
from typing import TYPE_CHECKING, Callable, Iterable

from PySide6.QtCore import QObject, QRunnable, QThreadPool, QTimer, Signal
from PySide6.QtGui import QUndoStack

from ..paths import DataPaths
from ..settings import Settings
from .operations import Operations, without_collector

# The engine, the agenda and the store load with the first read of the data (on its worker
# thread, once the window is shown), not before the window: it shows the last exit's list.
if TYPE_CHECKING:
    from ..agenda import Agenda
    from ..playbook.model import Action, ActionState, ApplicationIn
    from ..store import Store

log = logging.getLogger(__name__)

#: the longest the workspace sleeps before looking at the clock again
MAX_SLEEP = timedelta(hours=1)
#: how long closing waits for a full read under way (a fraction of a second, as a rule)
CLOSE_WAIT_S = 30.0


def _now() -> datetime:
    return datetime.now().replace(microsecond=0)


def read_snapshot(paths: DataPaths, at: datetime, *, check: bool = True) -> "Agenda":
    """Everything read from disk and computed at `at` (`agenda.read`)."""
    from ..agenda import read

    return read(paths, at, check=check)


def __getattr__(name: str):
    # the agenda read from disk (what the windows hold; see `agenda.Agenda`), and the event
    # kinds that count as contact: from the agenda, loaded when first asked for
    if name in ("Snapshot", "CONTACT_KINDS"):
        from .. import agenda

        return agenda.Agenda if name == "Snapshot" else agenda.CONTACT_KINDS
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def _application_ids(con, keys) -> list[int]:
    keys = list(keys)
    if not keys:
        return []
    marks = ",".join("?" * len(keys))
    return [i for (i,) in con.execute(f"SELECT id FROM application WHERE key IN ({marks})", keys)]


class _Signals(QObject):
    done = Signal(object)
    failed = Signal(str)
    failed_with = Signal(object)


def _prepare(snap: Agenda, preparers=()) -> Agenda:
    """What the windows make of a full read, made where it is read (the worker thread) from its
    plain data, so that the GUI thread only swaps it in: every action most urgent first, those
    open now, the next moment anything can change, and what the views registered
    (`Workspace.prepare_each_read`: the list's order, for one). A preparer that fails is left
    out: its view then works it out itself."""
    from ..agenda import next_change
    from ..playbook import open_at, urgency_key

    actions = [a for acts in snap.by_app.values() for a in acts]
    snap.sorted_actions = sorted(actions, key=urgency_key)
    snap.due = open_at(snap.sorted_actions, snap.at)
    snap.wake = next_change(actions, (t for moments in snap.ahead.values() for t in moments), snap.settings, snap.at)
    snap.prepared = {}
    for name, fn in preparers:
        try:
            snap.prepared[name] = fn(snap)
        except Exception:
            log.exception("preparing %s from the read failed", name)
    return snap


class _Reads:
    """Counts the full reads running on the thread pool, so that closing can wait for them in
    Python (the interpreter's lock let go), not in Qt's pool at exit, which waits holding it
    while the read needs it to finish."""

    def __init__(self):
        self._running = 0
        self._idle = threading.Condition()

    def started(self) -> None:
        with self._idle:
            self._running += 1

    def finished(self) -> None:
        with self._idle:
            self._running -= 1
            self._idle.notify_all()

    def wait(self, timeout: float) -> bool:
        with self._idle:
            return self._idle.wait_for(lambda: self._running == 0, timeout)


class _ReadJob(QRunnable):
    def __init__(self, paths: DataPaths, signals: _Signals, at: datetime, generation: int, check: bool,
                 preparers: tuple = (), reads: _Reads | None = None):
        super().__init__()
        self.paths, self.signals, self.at, self.generation, self.check = paths, signals, at, generation, check
        self.preparers, self.reads = preparers, reads

    def run(self):
        try:
            self._run()
        finally:
            if self.reads is not None:
                self.reads.finished()

    def _run(self):
        try:
            # the collector held off: see `operations.without_collector`
            snap = without_collector(lambda: _prepare(read_snapshot(self.paths, self.at, check=self.check),
                                                      self.preparers))
            snap.generation = self.generation
        except Exception as exc:  # shown in the window; the traceback goes to the log
            log.exception("reading the data dir failed")
            self.signals.failed_with.emit(exc)
            self.signals.failed.emit(str(exc))
        else:
            try:
                self.signals.done.emit(snap)
            except RuntimeError:  # the workspace was let go while this read ran: nobody waits
                pass


class Workspace(QObject):
    #: the application keys that changed; None when anything may have (a reload, the clock)
    changed = Signal(object)
    #: the first load (or a reload) finished
    loaded = Signal()
    #: a load failed: the message
    failed = Signal(str)
    #: the settings were saved (the actions follow with `loaded`, computed on the worker thread)
    settings_changed = Signal()
    #: a load failed: the exception (a StoreError says what is wrong with the file, by its kind)
    failed_with = Signal(object)
    #: a write was refused and nothing was stored: the message (when its caller did not ask)
    refused = Signal(str)

    def __init__(self, paths: DataPaths, *, clock: Callable[[], datetime] | None = None, parent=None):
        super().__init__(parent)
        self.paths = paths.ensure()
        self._store: Store | None = None
        self._store_lock = threading.Lock()
        self._plain = None
        self._checked = False
        self.clock = clock or _now
        self.undo_stack = QUndoStack(self)
        self.is_loaded = False
        self._settings = Settings()
        #: the applications, without their events (see `Snapshot`)
        self._apps: dict[str, ApplicationIn] = {}
        self._last_contact: dict[str, datetime] = {}
        self._ahead: dict[str, list[datetime]] = {}
        self._people: dict[str, str] = {}
        #: counts the writes: a read that started before the latest one is out of date
        self._generation = 0
        self._reading = False
        self._states: dict[str, ActionState] = {}
        self._by_app: dict[str, list[Action]] = {}
        self._sorted: list[Action] | None = None
        #: what is open at the moment of the last computation (the title, the status line, the
        #: filter button and the tray badge all ask, at every change and keystroke)
        self._due: list[Action] | None = None
        self._by_id: dict[str, Action] | None = None
        self._computed_at: datetime | None = None
        self._signals = _Signals(self)
        self._signals.done.connect(self._take)
        self._signals.failed.connect(self.failed)
        self._signals.failed_with.connect(self.failed_with)
        self._timer = QTimer(self, singleShot=True, timeout=self.tick)
        #: the one write worker: every change runs there, and its result comes back here
        me = weakref.ref(self)  # no cycle through the queue: the workspace goes when let go
        self.operations = Operations(lambda: me().store, self)
        self.operations.did_execute.connect(self._executed)
        self.operations.busy_changed.connect(self._writes_busy)
        self._read_when_idle = False
        #: `close` has begun: no read starts and no write's changes are read back
        self._closing = False
        self._reads = _Reads()
        #: (name, function of a full read) run where each full read is made (`prepared`)
        self._preparers: list[tuple[str, Callable]] = []
        #: what the preparers made of the last full read, by name; emptied by the first change
        #: after it (a write re-reads only its employer: the full read's answers are out of date)
        self.prepared: dict = {}

    # -- loading ------------------------------------------------------------------------------
    def prepare_each_read(self, name: str, fn: Callable) -> None:
        """Run `fn(read)` where every full read is made (the worker thread, for a read in the
        background); its result is `prepared[name]` when `changed(None)` comes. `fn` reads only
        the read's plain data (no Qt)."""
        self._preparers = [p for p in self._preparers if p[0] != name] + [(name, fn)]

    def load(self) -> None:
        """Read everything now (tests, and the command line's windows)."""
        snap = _prepare(read_snapshot(self.paths, self.now(), check=not self._checked), self._preparers)
        snap.generation = self._generation
        self._take(snap)

    def reload_async(self) -> None:
        """Read everything again on a worker thread; `loaded` and `changed(None)` follow. With
        writes still queued, once they are in the file: a read crossing one would miss it."""
        if self._closing:  # the store is going: nothing is read into it any more
            return
        self._reading = True
        if not self.operations.is_idle():
            self._read_when_idle = True
            return
        self._reads.started()
        QThreadPool.globalInstance().start(
            _ReadJob(self.paths, self._signals, self.now(), self._generation, not self._checked,
                     tuple(self._preparers), self._reads))

    def _take(self, snap: "Agenda") -> None:
        if self._closing:  # read before the close: nobody shows it
            return
        self._reading = False
        if snap.generation != self._generation:
            # Something was written while it was read: read again rather than lose the write.
            self.reload_async()
            return
        self._settings = snap.settings
        self._apps = {a.key: a for a in snap.apps}
        self._last_contact = snap.last_contact
        self._ahead = snap.ahead
        self._people = snap.people
        self._states = snap.states
        self._checked = True
        self.is_loaded = True
        # Computed a moment ago at snap.at; if anything can change between then and now, the
        # timer armed from snap.at fires at once and recomputes.
        self._computed_at = snap.at
        self._by_app = snap.by_app
        self._by_id = None
        # made with the read (`_prepare`), not here
        self._sorted, self._due = snap.sorted_actions, snap.due
        self.prepared = snap.prepared
        self._arm_timer(snap.at, wake=snap.wake)
        self.loaded.emit()
        self.changed.emit(None)

    @property
    def store(self) -> Store:
        """The store for writes and the timeline, opened on first use: by then the load has
        checked the file, so start-up does not wait for that twice. The first write opens it on
        the write worker (`operations.py`); the GUI thread may ask at the same moment."""
        with self._store_lock:
            if self._store is None:
                from ..store import Store

                self._store = Store(self.paths, checked=self._checked)
            return self._store

    def release(self) -> None:
        """Let go of the database file (a backup is about to take its place, or a damaged file
        is moved aside): every connection closed, the undo history dropped (it speaks of the
        old file). `reload_async` opens and checks the file again."""
        self.close()
        self._closing = False  # open again for reads: the next one opens the file afresh
        self._store = None
        self._checked = False
        self.is_loaded = False
        self.undo_stack.clear()
        self._generation += 1

    def restore_backup(self, backup, *, done=None, refused=None):
        """Put `backup` in the data file's place as an operation on the write worker: the store
        is let go first (every write queued before has run; `release`), the file is replaced on
        the worker, and everything is read again from it (`Changes(everything=True)`: `loaded`
        and `changed(None)` follow, the views with them). `done(path kept aside)`; refused
        (`refused(exc)`): the file stays as it was and is read again, if there is one."""
        from ..store import backups
        from .operations import Changes, Operation

        self.release()
        paths = self.paths

        def not_restored(exc) -> None:
            if paths.database.exists():  # as it was; none (a damaged one moved aside): none made
                self.reload_async()
            (refused or self.report_refusal)(exc)

        return self.submit(Operation("restore a backup", lambda _store, _p: backups.restore(paths, backup),
                                     Changes(everything=True), done=done, refused=not_restored,
                                     uses_store=False))

    def close(self) -> None:
        """Finish the writes queued (a write in flight is finished, not lost; their callbacks
        run) and let go of the file. Nothing is read after this: what the writes changed is not
        read back into the views (they are closing), and a full read under way is waited for
        here, not by Qt's thread pool at exit (`_Reads`)."""
        self._closing = True
        self._timer.stop()
        self.operations.drain()
        if not self._reads.wait(CLOSE_WAIT_S):
            log.warning("a read of the data was still running at close")
        if self._store is not None:
            self._store.close()
        if self._plain is not None:
            self._plain.close()
            self._plain = None

    # -- reading ------------------------------------------------------------------------------
    def now(self) -> datetime:
        return self.clock().replace(microsecond=0)

    def settings(self) -> Settings:
        return self._settings

    def applications(self) -> dict[str, ApplicationIn]:
        return self._apps

    def application(self, key: str) -> ApplicationIn | None:
        return self._apps.get(key)

    def actions(self) -> list[Action]:
        """Every current action, most urgent first."""
        if self._sorted is None:
            from ..playbook import urgency_key

            self._sorted = sorted((a for acts in self._by_app.values() for a in acts), key=urgency_key)
        return self._sorted

    def due_now(self, at: datetime | None = None) -> list[Action]:
        """The actions open at `at` (default now), most urgent first. Do not change the list:
        at the moment of the last computation it is shared."""
        from ..playbook import open_at

        at = at or self.now()
        if at != self._computed_at:
            return open_at(self.actions(), at)
        if self._due is None:
            self._due = open_at(self.actions(), at)
        return self._due

    def next_action(self, application_key: str, at: datetime | None = None) -> Action | None:
        """The step to show for an application: the most urgent open one, else the next to open."""
        from ..agenda import next_step

        return next_step(self._by_app.get(application_key), at or self.computed_at)

    def action(self, action_id: str) -> Action | None:
        if self._by_id is None:
            self._by_id = {a.id: a for acts in self._by_app.values() for a in acts}
        return self._by_id.get(action_id)

    def action_state(self, action_id: str) -> ActionState | None:
        return self._states.get(action_id)

    @property
    def computed_at(self) -> datetime:
        return self._computed_at or self.now()

    def last_contact(self, application_key: str) -> datetime | None:
        return self._last_contact.get(application_key)

    def people(self, employer_key: str) -> str:
        """The names of an employer's contacts, space-separated (what the search reads)."""
        return self._people.get(employer_key, "")

    # -- computing ----------------------------------------------------------------------------
    def _reread(self, employer_keys: Iterable[str], gone: Iterable[str] = ()) -> None:
        """Read every application at these employers again (guard 2 links them) and recompute
        their actions at the current time; forget the applications `gone`. A few employers'
        applications, on the GUI thread: what one write or one passing moment touches."""
        from ..agenda import compute as compute_snapshot
        from ..playbook import employer_top_outbound
        from ..playbook.engine import employer_last_outbound
        from ..store.snapshot import load_applications

        employer_keys = set(employer_keys)
        self.prepared = {}  # made of the full read: out of date from here
        now = self._computed_at = self.now()
        ids: list[int] = []
        if employer_keys:
            marks = ",".join("?" * len(employer_keys))
            ids = [i for (i,) in self.store.connection.execute(
                "SELECT a.id FROM application a JOIN employer m ON m.id = a.employer_id"
                f" WHERE a.archived = 0 AND m.key IN ({marks})", list(employer_keys))]
        fresh = load_applications(self.store.connection, application_ids=ids) if ids else []
        stale = set(gone) | {k for k, a in self._apps.items() if a.employer_key in employer_keys}
        for k in stale:
            self._apps.pop(k, None)
            self._by_app.pop(k, None)
            self._last_contact.pop(k, None)
            self._ahead.pop(k, None)
        top = employer_top_outbound(employer_last_outbound(fresh, now))
        snap = compute_snapshot(fresh, top, self._settings, self._states, now)
        for app in snap.apps:
            self._apps[app.key] = app
        self._by_app.update(snap.by_app)
        self._last_contact.update(snap.last_contact)
        self._ahead.update(snap.ahead)
        self._people.update(snap.people)
        self._sorted = self._by_id = self._due = None

    def tick(self) -> None:
        """The clock moved on: everything is read and computed again at the new time, on the
        worker thread (`loaded` and `changed(None)` follow). Not from memory: the workspace
        keeps no events, and a search's worth of them is read in a fraction of a second."""
        if self.is_loaded and not self._reading:
            self.reload_async()

    def _arm_timer(self, now: datetime, wake: datetime | None = None) -> None:
        """Sleep until the next moment an action can appear, open, fall due, lapse or turn into a
        close-out (`wake`, when the read worked it out already)."""
        from ..agenda import next_change, seconds_until

        if wake is None:
            wake = next_change((a for acts in self._by_app.values() for a in acts),
                               (t for moments in self._ahead.values() for t in moments), self._settings, now)
        # Real time, not the clock faces' gap: across a daylight-saving change they differ.
        delay = min(seconds_until(now, wake), MAX_SLEEP.total_seconds())
        self._timer.start(max(1000, int(delay * 1000) + 500))

    # -- writing: every change is an operation on the write worker (`operations.py`) -----------
    def submit(self, operation):
        """Queue a write; what it changed comes back through `operations.did_execute`."""
        # A read under way now may miss the write: its result is dropped and read again (`_take`).
        self._generation += 1
        return self.operations.submit(operation)

    def report_refusal(self, exc: BaseException) -> None:
        """A write was refused (nothing stored) and its caller gave no `refused` callback."""
        from .operations import Cancelled

        if not isinstance(exc, Cancelled):
            self.refused.emit(str(exc))

    def _writes_busy(self, busy: bool) -> None:
        if not busy and self._read_when_idle and not self._closing:
            self._read_when_idle = False
            self.reload_async()

    def _executed(self, changes) -> None:
        """An operation has run: re-read what it changed (the views follow from `changed`)."""
        self._generation += 1  # a read that started before it was written is out of date
        if self._closing:  # drained at close: it is in the file; the views are going
            return
        if changes.everything:
            self.undo_stack.clear()  # an import is not undoable; older commands may refer to it
            self._generation += 1
            self.reload_async()
        elif changes.settings:
            self.refresh(settings=True)
        elif changes:
            self.refresh(changes.applications, employers=changes.employers)

    def refresh(self, application_keys: Iterable[str] = (), *, employers: Iterable[str] = (),
                settings: bool = False) -> None:
        """Re-read some applications (after a write) and recompute their employers' actions;
        `employers`: every application there."""
        from ..store.snapshot import load_action_states, load_settings

        keys = set(application_keys)
        employers = set(employers)
        keys.update(k for k, a in self._apps.items() if a.employer_key in employers)
        con = self.store.connection
        self._generation += 1
        if settings:
            # Every application's actions may change: computed again on the worker thread.
            self._settings = load_settings(con)
            self.settings_changed.emit()
            self.reload_async()
            return
        ids = _application_ids(con, keys)
        # only these applications' states can have changed (rows are updated, never removed)
        self._states.update(load_action_states(con, application_ids=ids))
        employers.update(self._apps[k].employer_key for k in keys if k in self._apps)
        if ids:  # where they are now (an edit can move one to another employer)
            employers.update(k for (k,) in con.execute(
                "SELECT DISTINCT m.key FROM application a JOIN employer m ON m.id = a.employer_id"
                f" WHERE a.id IN ({','.join('?' * len(ids))})", ids))
        self._reread(employers, gone=keys)
        self._arm_timer(self._computed_at or self.now())
        self.changed.emit(keys)

    def run(self, command, *, done=None, refused=None):
        """Queue an edit and, once it has run, keep it for undo (`commands.push`): `done(command)`
        follows; a refusal reaches `refused(exc)` (default: the `refused` signal), nothing stored."""
        from .commands import push

        return push(self, command, done=done, refused=refused)

    def check_event(self, application_key: str, event: dict) -> None:
        """Refuse an event now, on the GUI thread, as the store would (ExchangeError naming the
        field): the caller hears at once; the write worker checks again inside its transaction."""
        from datetime import date

        from ..exchange.validate import ExchangeError, check_event

        raw = {k: (v.isoformat() if isinstance(v, date) else v) for k, v in event.items()}
        raw["application"] = application_key
        con = self._reader()
        row = con.execute("SELECT m.key FROM application a JOIN employer m ON m.id = a.employer_id"
                          " WHERE a.key = ?", (application_key,)).fetchone()
        if row is None:
            raise ExchangeError(f'event: field "application": no application with key "{application_key}"')
        employer = row[0]
        people = dict(con.execute("SELECT c.key, m.key FROM contact c JOIN employer m ON m.id = c.employer_id"
                                  " WHERE m.key = ?", (employer,)))
        wanted = [k for k in raw.get("contacts") or () if isinstance(k, str)]
        others = dict(con.execute(
            "SELECT c.key, m.key FROM contact c JOIN employer m ON m.id = c.employer_id"
            f" WHERE c.key IN ({','.join('?' * len(wanted))})", wanted)) if wanted else {}
        check_event(raw, employer, {**others, **people})

    def log_event(self, application_key: str, event: dict, *, text: str | None = None, done=None, refused=None):
        """Log an event (undoable). A refusal the GUI thread can see raises here, nothing queued."""
        from .commands import LogEvent

        self.check_event(application_key, event)
        return self.run(LogEvent(self, application_key, event, text), done=done, refused=refused)

    def set_action_state(self, action: Action, *, done=None, refused=None, **fields) -> None:
        notified = {"notified_at", "overdue_notified_at"}
        if set(fields) <= notified:
            # Bookkeeping of the notifier, not the user's doing: not undoable, and nothing moves.
            from .operations import Changes, Operation

            from ..playbook.model import ActionState

            state = self._states.setdefault(action.id, ActionState())
            for name, value in fields.items():
                setattr(state, name, value)
            # Nothing shown changes, so nothing is read back (a first start tells of hundreds of
            # steps at once: one re-read each held the GUI thread for seconds). A read of
            # everything that crossed the write would bring back "not told yet": it is dropped
            # and made again, as after any write (`_executed` counts the writes).
            self.submit(Operation("notified", lambda store, _p: store.set_action_state(
                action.id, action.application, **fields), Changes(),
                done=done, refused=refused or (lambda exc: log.warning(
                    "could not record the notification of %s: %s", action.id, exc))))
            return
        from .commands import SetActionState

        self.run(SetActionState(self, action, fields), done=done, refused=refused)

    def snooze(self, action: Action, until: datetime, **kw) -> None:
        self.set_action_state(action, snoozed_until=until, **kw)

    def dismiss(self, action: Action, **kw) -> None:
        self.set_action_state(action, dismissed_at=self.now(), **kw)

    def save_settings(self, changes: dict, *, done=None, refused=None) -> None:
        """Save settings (on the write worker); a value out of bounds raises ValueError here."""
        if not changes:
            return
        from ..settings import validate
        from .operations import Changes, Operation

        checked = {name: validate(name, value) for name, value in changes.items()}
        self.submit(Operation("settings", lambda store, _p: store.save_settings(checked),
                              Changes(settings=True), done=done, refused=refused or self.report_refusal))

    # -- conveniences for the windows ---------------------------------------------------------
    # (store.records pulls in the exchange rules: loaded at first use, not at start-up)
    def employers(self) -> list[tuple[str, str]]:
        from ..store import records

        return records.employers(self.store)

    def contacts(self, employer_key: str) -> list[dict]:
        from ..store import reads

        return reads.contacts(self._reader(), employer_key)

    def timeline(self, employer_key: str) -> list[dict]:
        from ..store import reads

        return reads.employer_timeline(self._reader(), employer_key)

    def _reader(self):
        """A connection for the windows' reads: the store's once it is open (the first write
        opens it), else a plain one, so that showing a timeline does not load the ORM."""
        if self._store is not None:
            return self._store.connection
        if self._plain is None:
            from ..store.connection import connect

            self._plain = connect(self.paths.database)
        return self._plain

    def employer_actions(self, employer_key: str) -> list[Action]:
        from ..playbook import urgency_key

        return sorted((a for k, acts in self._by_app.items() if self._apps[k].employer_key == employer_key
                       for a in acts), key=lambda a: (a.opens, urgency_key(a)))


__all__ = ["Workspace", "read_snapshot", "CONTACT_KINDS"]
