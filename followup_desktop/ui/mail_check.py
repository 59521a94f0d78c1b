"""The mailbox checked every N minutes while the app runs (Settings → Mail; off by default).

The check (`mail.imap.sync`) runs on a worker thread with a store of its own: the window never
waits on the server. Its outcome is a line in the main window's status bar: "Mail checked
2 min ago", or what went wrong in plain words ("Mail: the mail server refused the user name or
password"). Messages brought in make the workspace read the data again. After a restart the
line and the next check count from the last one, kept in the file with the folders read.
"""

from __future__ import annotations

import logging
from datetime import datetime

from PySide6.QtCore import QCoreApplication, QObject, QRunnable, Qt, QThreadPool, QTimer, Signal
from PySide6.QtWidgets import QLabel

from ..paths import DataPaths

log = logging.getLogger(__name__)
translate = QCoreApplication.translate

#: how often the timer looks whether a check is due (and updates "… min ago")
TICK_MS = 30_000
#: the first look after start: the window comes first
FIRST_LOOK_MS = 20_000


class _Done(QObject):
    finished = Signal(object)  # a SyncReport, or the MailError


class _SyncJob(QRunnable):
    def __init__(self, paths: DataPaths, done: _Done, now: datetime):
        super().__init__()
        self.paths, self.done, self.now = paths, done, now

    def run(self):
        from ..mail.account import Account, MailError, get_password
        from ..mail.imap import sync
        from ..store import Store

        try:
            with Store(self.paths, checked=True) as store:
                account = Account.from_settings(store.settings())
                result = sync(store, account, get_password(account), now=self.now)
            log.info("mail checked: %s", result.line())
        except MailError as exc:
            log.info("mail check failed: %s", exc)
            result = exc
        except Exception as exc:  # noqa: BLE001 - one line in the status bar, the name in the log
            log.warning("mail check failed unexpectedly: %s", type(exc).__name__)
            result = MailError(f"the mail check failed unexpectedly ({type(exc).__name__})")
        try:
            self.done.finished.emit(result)
        except RuntimeError:  # the window closed meanwhile
            pass


def last_check(paths: DataPaths) -> datetime | None:
    """When the account the settings name was last checked (kept with the folders read), from
    a plain read of the data dir: what the status line and the next check count from after a
    restart."""
    from ..mail.account import Account, configured
    from ..store.connection import connect
    from ..store.reads import load_settings

    con = connect(paths.database)
    try:
        settings = load_settings(con)
        if not configured(settings):
            return None
        row = con.execute("SELECT max(checked_at) FROM mail_folder WHERE account = ?",
                          (Account.from_settings(settings).key,)).fetchone()
    finally:
        con.close()
    return datetime.fromisoformat(row[0]) if row and row[0] else None


class _LastCheckJob(QRunnable):
    def __init__(self, paths: DataPaths, done: _Done):
        super().__init__()
        self.paths, self.done = paths, done

    def run(self):
        try:
            at = last_check(self.paths)
        except Exception as exc:  # noqa: BLE001 - the line stays empty until the first check
            log.info("the last mail check's time could not be read: %s", exc)
            at = None
        try:
            self.done.finished.emit(at)
        except RuntimeError:  # the window closed meanwhile
            pass


class MailChecker(QObject):
    """Checks the configured account every `mail_check_minutes` (0: never by itself) and shows
    how the last check went in the window's status bar. `check_now()` checks at once."""

    #: a check finished: the SyncReport, or the MailError
    checked = Signal(object)

    def __init__(self, paths: DataPaths, workspace, window, *, tick_ms: int = TICK_MS,
                 first_look_ms: int = FIRST_LOOK_MS):
        super().__init__(window)
        self.paths, self.workspace, self.window = paths, workspace, window
        self.running = False
        self.last_at: datetime | None = None
        self.last_error: str | None = None
        self.label = QLabel("")
        self.label.setObjectName("mailStatus")
        self.label.setContentsMargins(14, 0, 0, 0)  # apart from the counts beside it
        self.label.hide()
        window.statusBar().addPermanentWidget(self.label)
        self._done = _Done(self)
        self._done.finished.connect(self._finished)
        # when the last check was, from the file: the line and the next check count from it
        self._last = _Done(self)
        self._last.finished.connect(self._last_check_read)
        QThreadPool.globalInstance().start(_LastCheckJob(paths, self._last))
        self.timer = QTimer(self, interval=tick_ms, timeout=self.tick)
        self.timer.start()
        self.first_look = QTimer(self, singleShot=True, interval=first_look_ms, timeout=self.tick)
        self.first_look.start()

    # -- when
    def minutes(self) -> int:
        from ..mail.account import configured

        settings = self.workspace.settings()
        return settings.mail_check_minutes if configured(settings) else 0

    def due(self) -> bool:
        minutes = self.minutes()
        if minutes <= 0 or self.running:
            return False
        if self.last_at is None:
            return True
        return (self.workspace.now() - self.last_at).total_seconds() >= minutes * 60

    def tick(self) -> None:
        if self.due():
            self.check_now()
        self.show_status()

    def check_now(self) -> bool:
        """Start a check on a worker thread (unless one is running); returns at once."""
        if self.running:
            return False
        self.running = True
        self.show_status()
        QThreadPool.globalInstance().start(_SyncJob(self.paths, self._done, self.workspace.now()))
        return True

    def _last_check_read(self, at: datetime | None) -> None:
        if at is not None and self.last_at is None and not self.running:  # no check of ours yet
            self.last_at = at
            self.show_status()

    def _finished(self, result) -> None:
        self.running = False
        self.last_at = self.workspace.now()
        if isinstance(result, Exception):
            self.last_error = str(result)
        else:
            self.last_error = None
            if result.results:
                self.workspace.reload_async()
        self.show_status()
        self.checked.emit(result)

    # -- the status line
    def status_text(self) -> str:
        if self.running and self.last_at is None:
            return translate("MailChecker", "Checking mail…")
        if self.last_at is None:
            return ""
        if self.last_error:
            return translate("MailChecker", "Mail: {0}").format(self.last_error)
        minutes = int((self.workspace.now() - self.last_at).total_seconds() // 60)
        if minutes < 1:
            return translate("MailChecker", "Mail checked just now")
        if minutes < 60:
            return translate("MailChecker", "Mail checked {0} min ago").format(minutes)
        return translate("MailChecker", "Mail checked at {0}").format(self.last_at.strftime("%H:%M"))

    #: the most of the status bar's width the line takes; the whole of a long error is its tooltip
    MAX_WIDTH = 460

    def show_status(self) -> None:
        text = self.status_text()
        shown = self.label.fontMetrics().elidedText(text, Qt.ElideRight, self.MAX_WIDTH)
        self.label.setText(shown)
        self.label.setToolTip(text if shown != text else (self.last_error or ""))
        self.label.setVisible(bool(text) and (self.minutes() > 0 or self.last_at is not None))

    def stop(self) -> None:
        self.timer.stop()
        self.first_look.stop()


def start_mail_checks(paths: DataPaths, workspace, window) -> MailChecker:
    """The periodic check for a window over a writable data dir (ui/app.watch_the_data)."""
    checker = MailChecker(paths, workspace, window)
    window.mail_checker = checker
    return checker


__all__ = ["MailChecker", "start_mail_checks", "last_check"]
