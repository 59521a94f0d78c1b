"""One path for writes: every change is an operation, run off the GUI thread on one serial worker.

An `Operation` is a function of the store (and of a `Progress`, for the long ones) that runs on
the worker thread, one at a time, in the order they were submitted; `Changes` says what it
changed. When it has run, the GUI thread gets `Operations.did_execute(changes)` (the workspace
re-reads what changed and the views follow from its `changed`), then the operation's own `done`
callback; when it raised, `failed(operation, exception)` and its `refused` callback, and nothing
was stored (each write is one transaction). Nothing calls a refresh itself.

A long operation (import, export) reports `progress(done, total)`; `cancel()` asks it to stop,
and it stops at its next report by raising `Cancelled` inside its transaction, which leaves the
data as it was. `drain()` waits for the queue to empty (the app quitting with a write in flight).
"""

from __future__ import annotations

import gc
import logging
import queue
import threading
from dataclasses import dataclass, field
from typing import Any, Callable, Iterable

from PySide6.QtCore import QObject, Signal

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Changes:
    """What an operation changed, for the views: applications (by key), employers (by key: every
    application there), the settings, or everything (an import)."""

    applications: frozenset = frozenset()
    employers: frozenset = frozenset()
    settings: bool = False
    everything: bool = False

    @classmethod
    def of(cls, applications: Iterable[str] = (), employers: Iterable[str] = (), **kw) -> "Changes":
        return cls(frozenset(applications), frozenset(employers), **kw)

    def __or__(self, other: "Changes") -> "Changes":
        return Changes(self.applications | other.applications, self.employers | other.employers,
                       self.settings or other.settings, self.everything or other.everything)

    def __bool__(self) -> bool:
        return bool(self.applications or self.employers or self.settings or self.everything)


_holds = 0
_holds_lock = threading.Lock()
#: whether the collector was on when the first of the current holds began
_holds_owner_enabled = [True]


def without_collector(run: Callable[[], Any]) -> Any:
    """Run `run()` with the cyclic garbage collector held off. Reading or importing a search
    makes millions of objects, none of them in cycles (reference counting frees them); every so
    many the collector would walk them all, holding the interpreter's lock for tens of
    milliseconds each time, and the GUI thread would wait that long for its next turn.

    Holds are counted, so overlapping holds from two threads (a full read while an import runs)
    switch the collector back on when the last one ends, whichever finishes first."""
    global _holds
    with _holds_lock:
        if _holds == 0:
            _holds_owner_enabled[0] = gc.isenabled()
            gc.disable()
        _holds += 1
    try:
        return run()
    finally:
        with _holds_lock:
            _holds -= 1
            if _holds == 0 and _holds_owner_enabled[0]:
                gc.enable()


class Cancelled(Exception):
    """The user pressed Cancel: the operation stopped and its transaction was rolled back."""


class Progress:
    """Handed to an operation's function: `progress(done, total)` reports, and raises `Cancelled`
    once the user asked to stop."""

    def __init__(self, report: Callable[[int, int], None]):
        self._report = report
        self._cancel = threading.Event()

    def __call__(self, done: int, total: int) -> None:
        if self._cancel.is_set():
            raise Cancelled()
        self._report(done, total)

    def cancel(self) -> None:
        self._cancel.set()

    @property
    def cancelled(self) -> bool:
        return self._cancel.is_set()


@dataclass(eq=False)
class Operation:
    """A write. `run(store, progress)` runs on the worker thread and returns a result; `changes`
    is what it changed, or a function of the result that says so (on the GUI thread)."""

    label: str
    run: Callable[[Any, Progress], Any]
    changes: Changes | Callable[[Any], Changes] = field(default_factory=Changes)
    done: Callable[[Any], None] | None = None
    refused: Callable[[BaseException], None] | None = None
    #: long enough to show progress and offer Cancel
    long: bool = False
    #: False: `run` gets no store (None) and none is opened for it: it works on the file itself
    #: with every connection let go (a backup put in the file's place, `Workspace.restore_backup`)
    uses_store: bool = True
    progress: Progress | None = None
    result: Any = None


class _Relay(QObject):
    """Carries the worker's results to the GUI thread (queued: it lives there)."""

    finished_one = Signal(object, object, object)  # operation, result, exception
    reported = Signal(object, int, int)            # operation, done, total


class _Worker:
    """The one thread writes run on, in order. A plain daemon thread: it holds no Qt object, so
    a workspace dropped without `close()` leaves nothing of Qt's to tear down under it."""

    def __init__(self, relay: _Relay):
        self.relay = relay
        self.queue: queue.Queue = queue.Queue()
        self.thread = threading.Thread(target=self.run, name="followup-writes", daemon=True)

    def start(self) -> None:
        self.thread.start()

    def wait(self) -> None:
        self.thread.join()

    def run(self) -> None:
        while True:
            item = self.queue.get()
            if item is None:
                return
            op, open_store = item
            store = None
            try:
                # opened here, not on the GUI thread: the first write loads the ORM (and may
                # check the file), tens of milliseconds the window would otherwise stand still
                store = open_store() if open_store is not None else None
                result = op.run(store, op.progress)
            except BaseException as exc:  # reported to the GUI thread: refused, nothing stored
                if not isinstance(exc, Cancelled):
                    log.info("the operation %r was refused: %s", op.label, exc)
                result, error = None, exc
            else:
                error = None
            finally:
                # This thread's connection goes with each operation: a backup put in the file's
                # place, or the app quitting, finds nothing of this thread open.
                if store is not None:
                    try:
                        store.db.close()
                    except Exception:  # noqa: BLE001 - closing what is already closed
                        pass
            try:
                self.relay.finished_one.emit(op, result, error)
            except RuntimeError:  # the workspace is gone: nobody is waiting for the result
                return


class Operations(QObject):
    """The serial write queue of one workspace."""

    #: an operation has run: what it changed (a `Changes`), on the GUI thread
    did_execute = Signal(object)
    #: an operation raised (nothing stored): the operation and the exception
    failed = Signal(object, object)
    #: a long operation's progress: done, total
    progress = Signal(int, int)
    #: True while operations are queued or running
    busy_changed = Signal(bool)
    #: the queue has emptied: every write submitted so far has run and its result is delivered
    drained = Signal()

    def __init__(self, store: Callable[[], Any], parent: QObject | None = None):
        super().__init__(parent)
        self._store = store
        self._worker: _Worker | None = None
        self._relay = _Relay(self)
        self._relay.finished_one.connect(self._finished)
        self._relay.reported.connect(self._reported)
        self._pending = 0
        self._current_long: Operation | None = None

    # -- submitting -------------------------------------------------------------------------
    def submit(self, op: Operation) -> Operation:
        """Queue `op`; returns at once. The store is opened on the worker thread when the
        operation runs, if it needs one."""
        if self._worker is None:
            self._worker = _Worker(self._relay)
            self._worker.start()
        relay = self._relay
        if op.progress is None:
            op.progress = Progress(lambda done, total, op=op: relay.reported.emit(op, done, total))
        self._pending += 1
        if op.long:
            self._current_long = op
        if self._pending == 1:
            self.busy_changed.emit(True)
        self._worker.queue.put((op, self._store if op.uses_store else None))
        return op

    def is_idle(self) -> bool:
        return self._pending == 0

    def cancel(self) -> None:
        """Ask the long operation queued or running to stop (its data stays as it was)."""
        if self._current_long is not None and self._current_long.progress is not None:
            self._current_long.progress.cancel()

    def drain(self) -> None:
        """Wait until every queued operation has run (the GUI thread blocks: at quit only), then
        deliver their results."""
        worker = self._worker
        if worker is None:
            return
        self._worker = None
        worker.queue.put(None)
        worker.wait()
        # the finished operations' signals are queued for this thread: deliver them now
        from PySide6.QtCore import QCoreApplication

        QCoreApplication.sendPostedEvents(self._relay)
        QCoreApplication.sendPostedEvents(self)

    # -- results (GUI thread) ---------------------------------------------------------------
    def _reported(self, op: Operation, done: int, total: int) -> None:
        if op is self._current_long:
            self.progress.emit(done, total)

    def _finished(self, op: Operation, result: Any, exc: BaseException | None) -> None:
        self._pending -= 1
        if op is self._current_long:
            self._current_long = None
        try:
            if exc is None:
                op.result = result
                changes = op.changes(result) if callable(op.changes) else op.changes
                self.did_execute.emit(changes)
                if op.done is not None:
                    op.done(result)
            else:
                self.failed.emit(op, exc)
                if op.refused is not None:
                    op.refused(exc)
        finally:
            # Let go of what the operation holds (its commands, their workspace): no cycle is
            # left for the garbage collector to tear down in an order Qt's objects do not allow.
            op.run = op.done = op.refused = op.progress = None
            op.changes = Changes()
            if self._pending == 0:
                self.busy_changed.emit(False)
                self.drained.emit()


__all__ = ["Operations", "Operation", "Changes", "Progress", "Cancelled"]
