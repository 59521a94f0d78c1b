"""The desktop app's entry point and its first window: what to follow up on, most urgent first.

The data is read and the playbook computed on a worker thread; the GUI thread only swaps the
finished list into the model.
"""

from __future__ import annotations

import logging
import logging.handlers
import os
import sys
from datetime import datetime

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QRunnable,
    QSettings,
    QSortFilterProxyModel,
    Qt,
    QThreadPool,
    Signal,
)
from PySide6.QtGui import QAction, QBrush, QColor, QIcon, QKeySequence, QPalette
from PySide6.QtWidgets import (
    QApplication,
    QHeaderView,
    QLabel,
    QMainWindow,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from .. import __version__
from ..duelist import DueReport, due_report, relative_due
from ..paths import DataPaths
from ..resources import resource_path
from ..vocab import ACTION_LABELS

log = logging.getLogger(__name__)

ORGANIZATION = "Follow-up Desktop"
APPLICATION = "Follow-up Desktop"


def app_icon() -> QIcon:
    return QIcon(str(resource_path("followup-desktop.svg")))


def overdue_color() -> QColor:
    """A red that stays legible on the palette in use, light or dark."""
    dark = QApplication.palette().color(QPalette.Base).lightness() < 128
    return QColor("#ff7b72") if dark else QColor("#b3261e")


class DueModel(QAbstractTableModel):
    """The open follow-ups of one `DueReport`, one row each."""

    WHEN, STEP, WITH, EMPLOYER, POSITION, WHY = range(6)

    def __init__(self, parent=None):
        super().__init__(parent)
        self._report: DueReport | None = None
        self._rows: list = []
        self._headers = [self.tr("When"), self.tr("Next step"), self.tr("With"), self.tr("Employer"),
                         self.tr("Position"), self.tr("Why")]

    def set_report(self, report: DueReport) -> None:
        self.beginResetModel()
        self._report = report
        self._rows = list(report.actions)
        self.endResetModel()

    def rowCount(self, parent=QModelIndex()):
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent=QModelIndex()):
        return 0 if parent.isValid() else len(self._headers)

    def headerData(self, section, orientation, role=Qt.DisplayRole):
        if orientation == Qt.Horizontal and role == Qt.DisplayRole:
            return self._headers[section]
        return None

    def data(self, index, role=Qt.DisplayRole):
        if not index.isValid():
            return None
        action = self._rows[index.row()]
        app = self._report.apps[action.application]
        col = index.column()
        if role == Qt.DisplayRole:
            if col == self.WHEN:
                return relative_due(action, self._report.at)
            if col == self.STEP:
                return self.tr(ACTION_LABELS[action.name])
            if col == self.WITH:
                return action.contact_name or ""
            if col == self.EMPLOYER:
                return app.employer_name
            if col == self.POSITION:
                return app.position
            if col == self.WHY:
                return action.reason
        if role == Qt.UserRole:  # sort key: urgency, not the text
            if col == self.WHEN:
                return index.row()
            return self.data(index, Qt.DisplayRole)
        if role == Qt.ToolTipRole:
            return action.reason
        if role == Qt.ForegroundRole and col == self.WHEN and action.is_overdue(self._report.at):
            return QBrush(overdue_color())
        return None


class _Loader(QObject):
    loaded = Signal(object)
    failed = Signal(str)


class _LoadJob(QRunnable):
    def __init__(self, paths: DataPaths, signals: _Loader):
        super().__init__()
        self.paths, self.signals = paths, signals

    def run(self):
        try:
            report = due_report(self.paths, datetime.now().replace(microsecond=0))
        except Exception as exc:  # shown in the window, and logged with its traceback
            log.exception("loading the follow-ups failed")
            self.signals.failed.emit(str(exc))
        else:
            self.signals.loaded.emit(report)


class MainWindow(QMainWindow):
    def __init__(self, paths: DataPaths):
        super().__init__()
        self.paths = paths
        self.setObjectName("mainWindow")
        self.setWindowTitle(self.tr("Follow-up Desktop"))
        self.setWindowIcon(app_icon())

        self.model = DueModel(self)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setSortRole(Qt.UserRole)
        self.table = QTableView(objectName="dueTable")
        self.table.setAccessibleName(self.tr("Follow-ups due now"))
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(DueModel.WHEN, Qt.AscendingOrder)
        self.table.setSelectionBehavior(QTableView.SelectRows)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeToContents)
        header.setStretchLastSection(True)

        self.message = QLabel(objectName="emptyState", alignment=Qt.AlignCenter, wordWrap=True)
        self.message.setMargin(24)
        self.stack = QStackedWidget()
        self.stack.addWidget(self.message)
        self.stack.addWidget(self.table)
        self._show_message(self.tr("Loading your follow-ups…"))
        central = QWidget()
        layout = QVBoxLayout(central)
        layout.addWidget(self.stack)
        self.setCentralWidget(central)

        refresh = QAction(self.tr("&Refresh"), self, shortcut=QKeySequence.Refresh, triggered=self.reload)
        quit_ = QAction(self.tr("&Quit"), self, shortcut=QKeySequence.Quit, triggered=QApplication.quit)
        file_menu = self.menuBar().addMenu(self.tr("&File"))
        file_menu.addAction(refresh)
        file_menu.addSeparator()
        file_menu.addAction(quit_)

        self._signals = _Loader(self)
        self._signals.loaded.connect(self._on_loaded)
        self._signals.failed.connect(self._on_failed)
        self.resize(980, 560)
        self._restore_geometry()

    def _show_message(self, text: str) -> None:
        self.message.setText(text)
        self.stack.setCurrentWidget(self.message)

    def reload(self) -> None:
        QThreadPool.globalInstance().start(_LoadJob(self.paths, self._signals))

    def _on_loaded(self, report: DueReport) -> None:
        self.model.set_report(report)
        n = len(report.actions)
        self.setWindowTitle(self.tr("Follow-up Desktop") + (f" — {n} due" if n else ""))
        if n:
            self.stack.setCurrentWidget(self.table)
            # Whole reasons, not elided ones, with rows that follow the column widths; measuring
            # rows costs per row, so a very long list keeps fixed rows (the tooltip has the text).
            rows = self.table.verticalHeader()
            rows.setSectionResizeMode(QHeaderView.ResizeToContents if n <= 500 else QHeaderView.Interactive)
        elif report.upcoming is not None:
            a = report.upcoming
            app = report.apps[a.application]
            self._show_message(self.tr("Nothing to follow up on right now.\n\nNext: {0} for {1}, {2:%A %B %d at %H:%M}.")
                               .format(self.tr(ACTION_LABELS[a.name]), app.employer_name, a.opens))
        elif report.apps:
            self._show_message(self.tr("Nothing to follow up on: every lead is settled."))
        else:
            self._show_message(self.tr(
                "No applications yet.\n\nImport your leads with\n  followup-desktop import FILE.json"))

    def _on_failed(self, message: str) -> None:
        self._show_message(self.tr("Your follow-ups could not be loaded:\n{0}").format(message))

    def ui_state(self) -> QSettings:
        """Window geometry and the like, kept in the data dir with everything else."""
        return QSettings(str(self.paths.root / "window-state.ini"), QSettings.IniFormat)

    def _restore_geometry(self) -> None:
        geometry = self.ui_state().value("mainWindow/geometry")
        if geometry is not None:
            self.restoreGeometry(geometry)

    def closeEvent(self, event):
        state = self.ui_state()
        state.setValue("mainWindow/geometry", self.saveGeometry())
        state.sync()
        if os.path.exists(state.fileName()):
            os.chmod(state.fileName(), 0o600)
        super().closeEvent(event)


def setup_logging(paths: DataPaths) -> None:
    """A rotating log file in the data dir: a windowed build has no terminal to print to."""
    from ..paths import ensure_private_dir

    folder = ensure_private_dir(paths.logs)
    handler = logging.handlers.RotatingFileHandler(folder / "followup-desktop.log", maxBytes=1_000_000,
                                                   backupCount=3, encoding="utf-8")
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root = logging.getLogger()
    root.addHandler(handler)
    root.setLevel(logging.INFO)
    os.chmod(folder / "followup-desktop.log", 0o600)


def make_application(argv=None) -> QApplication:
    app = QApplication.instance() or QApplication(argv or sys.argv[:1])
    app.setOrganizationName(ORGANIZATION)
    app.setApplicationName(APPLICATION)
    app.setApplicationVersion(__version__)
    app.setWindowIcon(app_icon())
    return app


def run(args) -> int:
    paths = DataPaths.resolve(args.data_dir).ensure()
    setup_logging(paths)
    app = make_application()
    window = MainWindow(paths)
    if args.minimized:
        window.showMinimized()
    else:
        window.show()
    window.reload()
    return app.exec()


__all__ = ["MainWindow", "DueModel", "make_application", "run"]
