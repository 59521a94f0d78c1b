"""The composition root: the one place that builds the desktop app and connects its parts.

In start-up order: the data dir, the log file, the `QApplication` in the user's language
(`desktop/translations.py`), one running copy per data dir
(`desktop/single_instance.py`), the workspace and the main window (`ui/`), the damaged-file and
read-only checks with the hourly backup, then, once the window is painted, the tray and
notifications (`tray/`) with start at login (`desktop/autostart.py`). `ui/` and `tray/` never
import each other: the tray asks for what only the window can do (write a step's message, ask
the close-out question, show a filter) through its signals, and this module connects them.

Heavy parts are imported when they are needed, so the window shows first: the tray on the next
turn of the event loop, the backups a minute after start.
"""

from __future__ import annotations

import logging
import os
import sys

from .ui.app import (APPLICATION, ErrorHook, build, cannot_start, make_application,  # first: it switches
                     watch_the_data)  # PySide's source scan off for every module imported after it

from PySide6.QtCore import QCoreApplication, QTimer  # noqa: E402
from PySide6.QtWidgets import QMessageBox  # noqa: E402

from .paths import DataPaths  # noqa: E402

log = logging.getLogger(__name__)

LOG_MAX_BYTES = 1_000_000
LOG_BACKUPS = 3


def _rotate_privately(source: str, dest: str) -> None:
    """Move a full log aside and leave an empty private file in its place, so the file the
    handler opens next is 0600 like the one before it."""
    os.replace(source, dest)
    os.close(os.open(source, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600))
    os.chmod(source, 0o600)


def log_handler(path: str, *, max_bytes: int = LOG_MAX_BYTES, backups: int = LOG_BACKUPS) -> logging.Handler:
    """A log file moved aside (.1, .2, … up to `backups`) once it passes `max_bytes`, every
    file of it private (0600)."""
    from logging.handlers import RotatingFileHandler

    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600)
    os.close(fd)
    os.chmod(path, 0o600)
    handler = RotatingFileHandler(path, maxBytes=max_bytes, backupCount=backups, encoding="utf-8")
    handler.rotator = _rotate_privately
    return handler


LOG_FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"


class _HeldRecords(logging.Handler):
    """The log's records until its rotating file handler is set up (`write_out`: once the window is
    shown, as `logging.handlers` brings in sockets, pickle and queues the first paint does not
    need). A warning or worse sets it up at once, so what goes wrong at start is in the file."""

    def __init__(self, path: str):
        super().__init__()
        self.baseFilename = path  # one handler per log file, as `setup_logging` looks
        self.records: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append(record)
        if record.levelno >= logging.WARNING:
            self.write_out()

    def write_out(self) -> None:
        root = logging.getLogger()
        if self not in root.handlers:
            return
        handler = log_handler(self.baseFilename)
        handler.setFormatter(logging.Formatter(LOG_FORMAT))
        root.addHandler(handler)
        root.removeHandler(self)
        for record in self.records:
            handler.handle(record)
        self.records.clear()


def setup_logging(paths: DataPaths, *, hold: bool = False) -> str:
    """A rotating log file in the data dir: a windowed build has no terminal to print to.
    `hold`: the records wait in memory until `release_logging()` (or the first warning)."""
    from .paths import ensure_private_dir

    ensure_private_dir(paths.logs)
    path = paths.log_file
    root = logging.getLogger()
    if not any(getattr(h, "baseFilename", None) == str(path) for h in root.handlers):
        if hold:
            os.close(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600))
            root.addHandler(_HeldRecords(str(path)))
        else:
            handler = log_handler(str(path))
            handler.setFormatter(logging.Formatter(LOG_FORMAT))
            root.addHandler(handler)
    root.setLevel(logging.INFO)
    os.chmod(path, 0o600)
    return str(path)


def release_logging() -> None:
    """Write the records held since start-up to the log file, and every one after them."""
    for handler in list(logging.getLogger().handlers):
        if isinstance(handler, _HeldRecords):
            handler.write_out()


def install_desktop_integration(app, window, workspace, paths: DataPaths, *, minimized: bool = False, **kw):
    """The tray, notifications, close-to-tray and start at login for the main window `window`,
    connected to it, and started: it shows the window unless `minimized` (then the app starts
    in the tray, or minimized when there is none). Keywords go to `DesktopIntegration`."""
    from .desktop.icons import app_icon
    from .tray.controller import DesktopIntegration

    desk = DesktopIntegration(app, window, workspace, paths, icon=kw.pop("icon", None) or app_icon(),
                              minimized=minimized, **kw)
    connect_tray_to_window(desk, window, workspace)
    return desk.start()


def connect_tray_to_window(desk, window, workspace) -> None:
    """What the tray asks of the main window."""
    held = {}  # the close-out question, when it has no parent, lives as long as it is open

    def act_on_step(action_id: str) -> None:
        action = workspace.action(action_id)
        if action is not None:
            window.act_on(action)  # the message to write; for a debrief the interview's form

    def ask_close_out(action_id: str) -> None:
        from .ui.closeout import ask_close_out

        action = workspace.action(action_id)
        if action is not None:
            held["close_out"] = ask_close_out(workspace, action, window)

    desk.step_requested.connect(act_on_step)
    desk.close_out_requested.connect(ask_close_out)
    desk.filter_requested.connect(window.show_filter)
    # the Inbox (messages brought in from mail): its count on the badge, "Acme Corp replied"
    inbox = getattr(window, "inbox", None)
    if inbox is not None:
        inbox.count_changed.connect(desk.set_inbox_count)
        inbox.arrived.connect(desk.tell_reply)
        desk.message_requested.connect(inbox.open_item)
        desk.set_inbox_count(inbox.count)


def run(args) -> int:
    """The desktop app over `args.data_dir` until it quits; the exit code."""
    from .paths import DataDirError

    paths = DataPaths.resolve(args.data_dir)
    try:
        paths.ensure()
    except DataDirError as exc:  # a file in the way, someone else's folder: say so in the window
        return cannot_start(QCoreApplication.translate(
            "run", "Follow-up Desktop cannot use its data folder:\n{0}").format(exc))
    try:
        log_file = setup_logging(paths, hold=True)
    except OSError as exc:
        from .store.connection import describe

        return cannot_start(QCoreApplication.translate(
            "run", "Follow-up Desktop cannot use its data folder:\n{0}").format(describe(exc, paths.database)))
    app = make_application()
    from .desktop.translations import install_translators

    install_translators(app)  # the user's language, when the app ships a translation for it
    sys.excepthook = ErrorHook(log_file)
    from .desktop.single_instance import SingleInstance

    instance = SingleInstance(paths)
    if not instance.acquire():  # another copy runs on this data dir: it comes forward instead
        instance.activate_other()
        return 0
    try:
        workspace, window = build(paths)
    except Exception as exc:  # a damaged or too-new database: say so, change nothing
        from .store.connection import describe

        log.exception("the data dir could not be opened")
        QMessageBox.critical(None, APPLICATION, QCoreApplication.translate(
            "run", "Follow-up Desktop cannot open its data:\n{0}\n\nNothing was changed. Details are in {1}.")
            .format(describe(exc, paths.database), log_file))
        return 1
    instance.activated.connect(window.show_and_raise)
    marker = paths.running_marker()  # left behind by a crash: the next start checks the file whole
    try:
        marker.touch(mode=0o600)
    except OSError:
        marker = None
    desktop = []

    def integrate():
        """The tray, notifications and start at login (it shows the window, or only the tray
        icon with --minimized)."""
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
    def after_shown():
        """What the window's first paint does not need (the last exit's list stands in for the
        data): the log file proper, the data checks and backups, and the read of everything."""
        release_logging()
        watch_the_data(paths, workspace, window)
        workspace.reload_async()
    if args.minimized:
        integrate()
    else:  # paint the window first; the tray joins on the next turn of the event loop
        window.show()
        QTimer.singleShot(0, integrate)
    if not quit_when:  # the first start asks for the profile once the data is read (once only)
        workspace.loaded.connect(window.offer_first_run)
    QTimer.singleShot(0, after_shown)
    app.aboutToQuit.connect(window.save_state)
    code = app.exec()
    release_logging()
    workspace.close()
    window.finish_calendar_file()  # a change of the last second is in the calendar file too
    from .ui.backups import backup_at_exit

    backup_at_exit(paths)
    if marker is not None:
        marker.unlink(missing_ok=True)
    return code


__all__ = ["run", "setup_logging", "release_logging", "log_handler", "install_desktop_integration", "connect_tray_to_window"]
