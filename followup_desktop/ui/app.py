"""The desktop app's entry point: logging, the error hook, the workspace and the main window."""

from __future__ import annotations

import logging
import os
import sys
import traceback

from PySide6.QtCore import QTimer


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

from PySide6.QtGui import QIcon  # noqa: E402 (after the scan is off)
from PySide6.QtWidgets import QApplication, QMessageBox  # noqa: E402

from .. import __version__  # noqa: E402
from ..paths import DataPaths  # noqa: E402
from ..resources import resource_path  # noqa: E402

log = logging.getLogger(__name__)

ORGANIZATION = "Follow-up Desktop"
APPLICATION = "Follow-up Desktop"


#: the sizes rendered from the SVG (packaging/render_icons.py)
ICON_SIZES = (16, 22, 24, 32, 48, 64, 128, 256)


def app_icon() -> QIcon:
    """The app icon from its PNG renders (the SVG would load Qt's SVG engine, ~3 MB, to draw
    it), at the sizes the screens need (`style.icon_sizes`)."""
    from .style import icon_sizes

    icon = QIcon()
    for size in icon_sizes(ICON_SIZES):
        icon.addFile(str(resource_path(f"icons/followup-desktop-{size}.png")))
    return icon


class RotatingLog(logging.FileHandler):
    """A log file moved aside (.1, .2, … up to `backups`) once it passes `max_bytes`: the job of
    `logging.handlers.RotatingFileHandler`, without the modules that module imports for its
    other handlers (socket, pickle, queue: about 1 MB a start-up pays for nothing)."""

    def __init__(self, path: str, max_bytes: int, backups: int):
        super().__init__(path, encoding="utf-8")
        self.max_bytes, self.backups = max_bytes, backups

    def emit(self, record):
        # called with the handler's lock held
        try:
            if self.stream is not None and self.stream.tell() >= self.max_bytes:
                self._rotate()
        except OSError:
            pass  # a log that cannot be moved aside keeps growing rather than losing lines
        super().emit(record)

    def _rotate(self) -> None:
        self.stream.close()
        self.stream = None
        base = self.baseFilename
        for n in range(self.backups - 1, 0, -1):
            if os.path.exists(f"{base}.{n}"):
                os.replace(f"{base}.{n}", f"{base}.{n + 1}")
        os.replace(base, f"{base}.1")
        self.stream = self._open()

    def _open(self):
        stream = super()._open()
        os.chmod(self.baseFilename, 0o600)
        return stream


def setup_logging(paths: DataPaths) -> str:
    """A rotating log file in the data dir: a windowed build has no terminal to print to."""
    from ..paths import ensure_private_dir

    ensure_private_dir(paths.logs)
    path = paths.log_file
    root = logging.getLogger()
    if not any(getattr(h, "baseFilename", None) == str(path) for h in root.handlers):
        handler = RotatingLog(str(path), max_bytes=1_000_000, backups=3)
        handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
        root.addHandler(handler)
    root.setLevel(logging.INFO)
    os.chmod(path, 0o600)
    return str(path)


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


def make_application(argv=None) -> QApplication:
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


def _cannot_start(message: str) -> int:
    make_application()
    box = QMessageBox(QMessageBox.Critical, APPLICATION, message)
    box.setObjectName("dataProblemDialog")
    box.exec()
    return 1


#: the first look for an hourly backup, this long after start
BACKUP_FIRST_LOOK_MS = 60_000


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

        QTimer.singleShot(BACKUP_FIRST_LOOK_MS, start_backups)


def run(args) -> int:
    from ..paths import DataDirError

    paths = DataPaths.resolve(args.data_dir)
    try:
        paths.ensure()
    except DataDirError as exc:  # a file in the way, someone else's folder: say so in the window
        return _cannot_start(QApplication.translate("run", "Follow-up Desktop cannot use its data folder:\n{0}")
                             .format(exc))
    try:
        log_file = setup_logging(paths)
    except OSError as exc:
        from ..store.connection import describe

        return _cannot_start(QApplication.translate("run", "Follow-up Desktop cannot use its data folder:\n{0}")
                             .format(describe(exc, paths.database)))
    app = make_application()
    sys.excepthook = ErrorHook(log_file)
    from ..tray.single_instance import SingleInstance

    instance = SingleInstance(paths)
    if not instance.acquire():  # another copy runs on this data dir: it comes forward instead
        instance.activate_other()
        return 0
    try:
        workspace, window = build(paths)
    except Exception as exc:  # a damaged or too-new database: say so, change nothing
        from ..store.connection import describe

        log.exception("the data dir could not be opened")
        QMessageBox.critical(None, APPLICATION, QApplication.translate(
            "run", "Follow-up Desktop cannot open its data:\n{0}\n\nNothing was changed. Details are in {1}.")
            .format(describe(exc, paths.database), log_file))
        return 1
    instance.activated.connect(window.show_and_raise)
    marker = paths.running_marker()  # left behind by a crash: the next start checks the file whole
    try:
        marker.touch(mode=0o600)
    except OSError:
        marker = None
    watch_the_data(paths, workspace, window)
    desktop = []

    def integrate():
        """The tray, notifications and start at login (it shows the window, or only the tray
        icon with --minimized)."""
        from ..tray import install_desktop_integration

        desktop.append(install_desktop_integration(app, window, workspace, paths, minimized=args.minimized))
    quit_when = os.environ.get("FOLLOWUP_DESKTOP_QUIT_WHEN_READY")
    if quit_when:
        # For the start-up benchmark: stop once the list is filled and painted ("loaded": once
        # the data is read, not while the last exit's list stands in for it).
        def done():
            state = "loaded" if workspace.is_loaded else "from the last exit"
            print(f"ready {window.proxy.rowCount()} rows ({state})", flush=True)
            # the tray's own Quit: without a tray, a plain quit would ask first
            if desktop:
                desktop[0].quit()
            else:
                app.quit()

        def ready():
            QTimer.singleShot(0, done)
        if quit_when != "loaded" and window.model.rowCount():
            window.show()
            ready()
        else:
            workspace.loaded.connect(ready)
    if args.minimized:
        integrate()
    else:  # paint the window first; the tray joins on the next turn of the event loop
        window.show()
        QTimer.singleShot(0, integrate)
    if not quit_when:  # the first start asks for the profile once the data is read (once only)
        workspace.loaded.connect(window.offer_first_run)
    workspace.reload_async()
    app.aboutToQuit.connect(window.save_state)
    code = app.exec()
    workspace.close()
    from .backups import backup_at_exit

    backup_at_exit(paths)
    if marker is not None:
        marker.unlink(missing_ok=True)
    return code


__all__ = ["app_icon", "make_application", "setup_logging", "build", "run", "ErrorHook", "watch_the_data"]
