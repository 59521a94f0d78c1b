"""The setting "Keep a calendar file up to date": after every change the window makes, the data
dir's `calendar.ics` is written again (`exchange/ics.py`), on the write worker, so a calendar
program subscribed to that file shows the follow-ups as they are now.

The rewrite is an operation of its own that changes nothing in the data (`Changes()`), so it
does not set off another one; while one is queued, a further change waits for it rather than
queueing a second (the worker runs in order: the queued one reads the data after that change).
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QObject, Signal

from .operations import Operation

log = logging.getLogger(__name__)


class CalendarFile(QObject):
    """Keeps `calendar.ics` up to date for one workspace while the setting is on."""

    #: the file was written: how many events it holds
    written = Signal(int)
    #: it could not be written: why
    failed = Signal(str)

    def __init__(self, workspace, parent=None):
        super().__init__(parent or workspace)
        self.workspace = workspace
        self._queued = False
        workspace.operations.did_execute.connect(self._changed)

    def _changed(self, changes) -> None:
        from ..exchange.ics import keeps_calendar_file

        if not changes or not keeps_calendar_file(self.workspace.settings()):
            return
        self.rewrite()

    def rewrite(self) -> Operation | None:
        """Queue the rewrite (unless one is queued already, which will see the latest data)."""
        if self._queued:
            return None
        self._queued = True
        paths, at = self.workspace.paths, self.workspace.now()

        def run(_store, _progress):
            from ..exchange.ics import keep_calendar_file

            return keep_calendar_file(paths, at=at)

        def done(count) -> None:
            self._queued = False
            if count is not None:
                self.written.emit(count)

        def refused(exc) -> None:
            self._queued = False
            log.warning("could not write %s: %s", paths.calendar_file, exc)
            self.failed.emit(str(exc))

        # Straight onto the worker, not `Workspace.submit`: it writes no data, so a read under
        # way stays good.
        return self.workspace.operations.submit(
            Operation("calendar file", run, done=done, refused=refused, uses_store=False))


__all__ = ["CalendarFile"]
