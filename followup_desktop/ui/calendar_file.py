"""The setting "Keep a calendar file up to date": after the window's changes, the data dir's
`calendar.ics` is written again (`exchange/ics.py`), so a calendar program subscribed to that
file shows the follow-ups as they are now.

Writing it reads the whole search (about a second at 5,000 applications), so it is done once a
burst of changes has settled (`SETTLE_MS` after the last), on the thread pool: the write worker
never holds the user's next change behind it. One write runs at a time; what changed while it
ran is written after it. At quit, a write under way is waited for and one still owed is written
there and then (`finish`), so the file has the last change too.
"""

from __future__ import annotations

import logging
import threading

from PySide6.QtCore import QObject, QRunnable, QThreadPool, QTimer, Signal

log = logging.getLogger(__name__)

#: how long after a change the file waits for the next one before it is written (milliseconds)
SETTLE_MS = 1000
#: how long quitting waits for a write under way (seconds)
FINISH_WAIT_S = 30.0


class _Done(QObject):
    finished = Signal(object)  # how many events the file holds (None: the setting is off), or the exception


class _WriteJob(QRunnable):
    def __init__(self, paths, at, done: _Done, idle: threading.Event):
        super().__init__()
        self.paths, self.at, self.done, self.idle = paths, at, done, idle

    def run(self):
        try:
            result = _write(self.paths, self.at)
        except Exception as exc:  # noqa: BLE001 - one line in the status bar, the rest in the log
            result = exc
        try:
            self.done.finished.emit(result)
        except RuntimeError:  # the window closed meanwhile
            pass
        finally:
            self.idle.set()


def _write(paths, at):
    from ..exchange.ics import keep_calendar_file

    return keep_calendar_file(paths, at=at)


class CalendarFile(QObject):
    """Keeps `calendar.ics` up to date for one workspace while the setting is on."""

    #: the file was written: how many events it holds
    written = Signal(int)
    #: it could not be written: why
    failed = Signal(str)

    def __init__(self, workspace, parent=None):
        super().__init__(parent or workspace)
        self.workspace = workspace
        self._timer = QTimer(self, singleShot=True, interval=SETTLE_MS, timeout=self._write_now)
        self._idle = threading.Event()  # no write under way
        self._idle.set()
        self._again = False  # changed while a write ran: another one after it
        self._done = _Done(self)
        self._done.finished.connect(self._finished)
        workspace.operations.did_execute.connect(self._changed)

    def _changed(self, changes) -> None:
        from ..exchange.ics import keeps_calendar_file

        if changes and keeps_calendar_file(self.workspace.settings()):
            self.rewrite()

    def rewrite(self) -> None:
        """Write the file once the changes have settled: `SETTLE_MS` after the last one."""
        self._timer.start()

    @property
    def pending(self) -> bool:
        """Whether a write is owed or under way."""
        return self._timer.isActive() or self._again or not self._idle.is_set()

    def _write_now(self) -> None:
        if not self._idle.is_set():  # one under way: another after it, with what came since
            self._again = True
            return
        self._idle.clear()
        QThreadPool.globalInstance().start(
            _WriteJob(self.workspace.paths, self.workspace.now(), self._done, self._idle))

    def _finished(self, result) -> None:
        if isinstance(result, Exception):
            log.warning("could not write %s: %s", self.workspace.paths.calendar_file, result)
            self.failed.emit(str(result))
        elif result is not None:
            self.written.emit(result)
        if self._again:
            self._again = False
            self._write_now()

    def finish(self) -> None:
        """At quit (the writes all in the file): wait for a write under way, then write the one
        still owed, here; a failure is logged, never in the way of quitting."""
        owed = self._timer.isActive() or self._again
        self._timer.stop()
        self._again = False
        if not self._idle.wait(FINISH_WAIT_S):
            log.warning("the calendar file was still being written at quit")
            return
        if owed:
            try:
                _write(self.workspace.paths, self.workspace.now())
            except Exception as exc:  # noqa: BLE001 - quitting goes on
                log.warning("could not write %s at quit: %s", self.workspace.paths.calendar_file, exc)


__all__ = ["CalendarFile", "SETTLE_MS"]
