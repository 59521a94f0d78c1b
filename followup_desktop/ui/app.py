"""The windows' side of start-up: the `QApplication` with the app's names and icon, the error
dialog, the workspace with the main window over a data dir, and the data checks after opening.

The composition root (`followup_desktop/app.py`) calls these in order; nothing here knows of
the tray."""

from __future__ import annotations

import logging
import sys
import traceback

from PySide6.QtCore import QObject, QTimer


def _skip_pyside_source_scan() -> None:
    """Once PySide6 is imported it reads the source of every module imported after it, to see
    whether the module uses PySide's `__feature__` switches (snake_case, true_property): ~8 ms
    and ~3 MB of cached lines at each start from source (an issue other PySide apps met too).
    This app uses no `__feature__`, so every module can be taken as not using it, which is what
    the check answers for a module without a source file, e.g. in the packaged app. The hook is
    PySide's private one: when a release renames it, this does nothing and the check runs as
    before (tests/test_ui_app.py then says so)."""
    feature = sys.modules.get("shibokensupport.feature")
    if feature is not None and callable(getattr(feature, "_mod_uses_pyside", None)):
        feature._mod_uses_pyside = lambda module: False


_skip_pyside_source_scan()

from PySide6.QtWidgets import QApplication, QMessageBox  # noqa: E402 (after the scan is off)

from .. import __version__  # noqa: E402
from ..desktop.icons import app_icon  # noqa: E402
from ..paths import DataPaths  # noqa: E402

log = logging.getLogger(__name__)

ORGANIZATION = "Follow-up Desktop"
APPLICATION = "Follow-up Desktop"


class ErrorHook:
    """An unexpected error shows a dialog naming the log file instead of ending the app.

    The traceback goes to the log; the dialog says what happened in one line. A second error
    while the dialog is open is only logged (no stack of dialogs)."""

    def __init__(self, log_file: str):
        self.log_file = log_file
        self.showing = False

    def __call__(self, exc_type, exc, tb):
        if issubclass(exc_type, KeyboardInterrupt):
            sys.__excepthook__(exc_type, exc, tb)
            return
        log.error("unexpected error:\n%s", "".join(traceback.format_exception(exc_type, exc, tb)))
        if self.showing or QApplication.instance() is None:
            return
        self.showing = True
        try:
            from ..store.connection import describe

            known = describe(exc)  # a full disk, a lock, a read-only file: said as such
            if known.kind in ("full", "busy", "read_only", "damaged") and _from_storage(exc):
                text = QApplication.translate("ErrorHook", "That could not be saved: {0}\n\nThe details are in "
                                              "the log file:\n{1}").format(known, self.log_file)
            else:
                text = QApplication.translate("ErrorHook", "Follow-up Desktop hit an unexpected error: {0}\n\n"
                                              "Nothing you saved is lost. The details are in the log file:\n{1}"
                                              ).format(exc, self.log_file)
            box = QMessageBox(QMessageBox.Warning, QApplication.translate("ErrorHook", "Something went wrong"), text)
            box.setObjectName("errorDialog")
            box.exec()
        finally:
            self.showing = False


def _from_storage(exc: BaseException) -> bool:
    """True when SQLite (or a full or read-only disk) is behind `exc`."""
    import errno
    import sqlite3

    e, seen = exc, set()
    while e is not None and id(e) not in seen:
        seen.add(id(e))
        if isinstance(e, sqlite3.Error) or (isinstance(e, OSError) and e.errno in (errno.ENOSPC, errno.EROFS)):
            return True
        e = e.__cause__ or e.__context__
    return False


#: how long a thread holds the interpreter while another waits for it (Python's default: 5 ms).
#: The write worker and the full reads run Python for seconds beside the window; each turn of
#: the GUI thread's event loop calls into Python several times and waited up to 5 ms each time
#: for its turn (a 5,000-application import stalled the window ~100 ms at a time). 1 ms halves
#: that at a few per cent of the worker's speed.
SWITCH_INTERVAL_S = 0.001


def make_application(argv=None) -> QApplication:
    sys.setswitchinterval(SWITCH_INTERVAL_S)
    app = QApplication.instance() or QApplication(argv or sys.argv[:1])
    app.setOrganizationName(ORGANIZATION)
    app.setApplicationName(APPLICATION)
    app.setApplicationVersion(__version__)
    app.setDesktopFileName("followup-desktop")
    app.setWindowIcon(app_icon())
    return app


def build(paths: DataPaths, *, clock=None):
    """The workspace and the main window over one data dir (what `run` and the tests start)."""
    from .main_window import MainWindow
    from .workspace import Workspace

    workspace = Workspace(paths, clock=clock)
    window = MainWindow(workspace)
    return workspace, window


def cannot_start(message: str) -> int:
    """Start-up stops here: `message` in a dialog (the data folder cannot be used); exit code 1."""
    make_application()
    box = QMessageBox(QMessageBox.Critical, APPLICATION, message)
    box.setObjectName("dataProblemDialog")
    box.exec()
    return 1


#: the first look for an hourly backup, this long after start
BACKUP_FIRST_LOOK_MS = 60_000


class _MailChecksOnceConfigured(QObject):
    """Starts the mailbox checks (`mail_check.py`) once an account is set up: until then no
    IMAP, TLS or keyring is loaded. Looks again after every change (a settings save)."""

    def __init__(self, paths: DataPaths, workspace, window):
        super().__init__(window)  # goes with the window, and its connection with it
        self.paths, self.workspace, self.window = paths, workspace, window
        workspace.operations.did_execute.connect(self.look)

    def look(self, *_) -> None:
        from ..mail.account import configured

        if configured(self.workspace.settings()):
            self.workspace.operations.did_execute.disconnect(self.look)
            from .mail_check import start_mail_checks

            start_mail_checks(self.paths, self.workspace, self.window)
            self.deleteLater()


def watch_the_data(paths: DataPaths, workspace, window) -> None:
    """The damaged-file dialog on a failed load, the banner for a file or folder that cannot be
    written, and the hourly backup."""
    from ..store.connection import is_read_only
    from .recovery import offer_recovery

    offer_recovery(paths, workspace, window)
    problem = paths.writable_problem()
    if problem is not None:
        window.show_banner(QApplication.translate("run", "{0} You can read your applications; changes "
                                                  "cannot be saved.").format(str(problem)[0].upper() + str(problem)[1:]))
    elif is_read_only(paths.database):
        window.show_banner(QApplication.translate(
            "run", "Your data file is read-only (its write permission was taken away): you can read "
            "everything, but changes cannot be saved. Make it writable to change anything."))
    else:
        def start_backups():  # not at start-up: the window comes first
            from .backups import BackupTimer

            timer = BackupTimer(paths, window)
            timer.damaged.connect(workspace.failed_with.emit)
            window.backup_timer = timer
            timer.check()  # a fresh copy soon after start, unless one is less than an hour old

        # bound to the window: a window closed within the minute (a test) takes the call with it
        QTimer.singleShot(BACKUP_FIRST_LOOK_MS, window, start_backups)
        # the mailbox, every N minutes when Settings → Mail says so (off by default)
        _MailChecksOnceConfigured(paths, workspace, window).look()


__all__ = ["make_application", "build", "cannot_start", "ErrorHook", "watch_the_data", "APPLICATION"]
