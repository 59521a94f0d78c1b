"""The desktop app's entry point: logging, the error hook, the workspace and the main window."""

from __future__ import annotations

import logging
import logging.handlers
import os
import sys
import traceback

from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QMessageBox

from .. import __version__
from ..paths import DataPaths
from ..resources import resource_path

log = logging.getLogger(__name__)

ORGANIZATION = "Follow-up Desktop"
APPLICATION = "Follow-up Desktop"
LOG_FILENAME = "followup-desktop.log"


def app_icon() -> QIcon:
    return QIcon(str(resource_path("followup-desktop.svg")))


def setup_logging(paths: DataPaths) -> str:
    """A rotating log file in the data dir: a windowed build has no terminal to print to."""
    from ..paths import ensure_private_dir

    folder = ensure_private_dir(paths.logs)
    path = folder / LOG_FILENAME
    root = logging.getLogger()
    if not any(getattr(h, "baseFilename", None) == str(path) for h in root.handlers):
        handler = logging.handlers.RotatingFileHandler(path, maxBytes=1_000_000, backupCount=3, encoding="utf-8")
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
        self.count = 0

    def __call__(self, exc_type, exc, tb):
        if issubclass(exc_type, KeyboardInterrupt):
            sys.__excepthook__(exc_type, exc, tb)
            return
        self.count += 1
        log.error("unexpected error:\n%s", "".join(traceback.format_exception(exc_type, exc, tb)))
        if self.showing or QApplication.instance() is None:
            return
        self.showing = True
        try:
            box = QMessageBox(QMessageBox.Warning, QApplication.translate("ErrorHook", "Something went wrong"),
                              QApplication.translate("ErrorHook", "Follow-up Desktop hit an unexpected error: {0}\n\n"
                                                     "Nothing you saved is lost. The details are in the log file:\n{1}")
                              .format(exc, self.log_file))
            box.setObjectName("errorDialog")
            box.exec()
        finally:
            self.showing = False


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


def run(args) -> int:
    paths = DataPaths.resolve(args.data_dir).ensure()
    log_file = setup_logging(paths)
    app = make_application()
    sys.excepthook = ErrorHook(log_file)
    instance = None
    try:
        from ..tray import SingleInstance
    except ImportError:
        SingleInstance = None
    if SingleInstance is not None:
        instance = SingleInstance(paths)
        if not instance.acquire():
            instance.activate_other()
            return 0
    try:
        workspace, window = build(paths)
    except Exception as exc:  # a damaged or too-new database: say so, change nothing
        log.exception("the data dir could not be opened")
        QMessageBox.critical(None, APPLICATION, QApplication.translate(
            "run", "Follow-up Desktop cannot open its data:\n{0}\n\nNothing was changed. Details are in {1}.")
            .format(exc, log_file))
        return 1
    desktop = None
    try:
        from ..tray import install_desktop_integration
    except ImportError:
        install_desktop_integration = None
    if install_desktop_integration is not None:
        desktop = install_desktop_integration(app, window, workspace, paths, minimized=args.minimized)
        if instance is not None:
            instance.activated.connect(window.show_and_raise)
    else:
        if args.minimized:
            window.showMinimized()
        else:
            window.show()
    if os.environ.get("FOLLOWUP_DESKTOP_QUIT_WHEN_READY"):
        # For the start-up benchmark: stop once the list is filled and painted.
        def ready():
            from PySide6.QtCore import QTimer

            def done():
                print(f"ready {window.proxy.rowCount()} rows", flush=True)
                # the tray's own Quit: without a tray, a plain quit would ask first
                desktop.quit() if desktop is not None else app.quit()
            QTimer.singleShot(0, done)
        workspace.loaded.connect(ready)
    workspace.reload_async()
    app.aboutToQuit.connect(window.save_state)
    code = app.exec()
    workspace.close()
    del desktop
    return code


__all__ = ["app_icon", "make_application", "setup_logging", "build", "run", "ErrorHook"]
