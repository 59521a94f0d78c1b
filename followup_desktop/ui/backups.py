"""File → Backups…: the verified copies of your data, with their dates and counts; restore one.
And the hourly backup while the app runs (taken on a worker thread: the window never waits)."""

from __future__ import annotations

import logging
from datetime import datetime

from PySide6.QtCore import QObject, QRunnable, Qt, QThreadPool, QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractItemView, QDialog, QDialogButtonBox, QHeaderView, QLabel, QMessageBox, QPushButton,
    QTableWidget, QTableWidgetItem, QVBoxLayout,
)

from ..paths import DataPaths
from ..store import backups

log = logging.getLogger(__name__)

#: how often the timer asks whether an hourly backup is due
CHECK_EVERY_MS = 10 * 60 * 1000


class _Done(QObject):
    finished = Signal(object)  # the Backup, or the exception


class _BackupJob(QRunnable):
    def __init__(self, paths: DataPaths, done: _Done, force: bool):
        super().__init__()
        self.paths, self.done, self.force = paths, done, force

    def run(self):
        try:
            if not self.force and not backups.backup_due(self.paths):
                self.done.finished.emit(None)
                return
            self.done.finished.emit(backups.take_backup(self.paths))
        except Exception as exc:
            log.warning("the backup failed: %s", exc)
            self.done.finished.emit(exc)


class BackupTimer(QObject):
    """At most one backup an hour while the app runs. `damaged` carries the error when a copy
    fails its check (the file itself is damaged)."""

    taken = Signal(object)
    damaged = Signal(object)

    def __init__(self, paths: DataPaths, parent=None):
        super().__init__(parent)
        self.paths = paths
        self.running = False
        self._done = _Done(self)
        self._done.finished.connect(self._finished)
        self.timer = QTimer(self, interval=CHECK_EVERY_MS, timeout=self.check)
        self.timer.start()

    def check(self, *, force: bool = False) -> None:
        if self.running or not self.paths.database.exists():
            return
        self.running = True
        QThreadPool.globalInstance().start(_BackupJob(self.paths, self._done, force))

    def _finished(self, result) -> None:
        self.running = False
        if isinstance(result, backups.Backup):
            self.taken.emit(result)
        elif getattr(result, "kind", None) == "damaged":
            self.damaged.emit(result)

    def stop(self) -> None:
        self.timer.stop()


def backup_at_exit(paths: DataPaths) -> None:
    """The backup of a clean exit; a failure is logged, never in the way of quitting."""
    from ..store.connection import is_read_only

    try:
        if paths.database.exists() and paths.writable_problem() is None and not is_read_only(paths.database):
            backups.take_backup(paths)
    except Exception as exc:
        log.warning("the backup at exit failed: %s", exc)


class BackupsWindow(QDialog):
    """The list of backups, newest first, and *Restore…*."""

    def __init__(self, workspace, parent=None):
        super().__init__(parent)
        self.workspace = workspace
        self.paths: DataPaths = workspace.paths
        self.setObjectName("backupsWindow")
        self.setAttribute(Qt.WA_DeleteOnClose)
        self.setWindowTitle(self.tr("Backups"))
        layout = QVBoxLayout(self)
        self.intro = QLabel(self.tr(
            "A checked copy of your data is kept when the app closes and every hour while it runs, "
            "in {0}. Restoring one keeps your current file beside it first.").format(self.paths.backups),
            wordWrap=True, objectName="backupsIntro")
        self.intro.setTextFormat(Qt.PlainText)
        layout.addWidget(self.intro)
        self.table = QTableWidget(0, 4, objectName="backupsTable")
        self.table.setHorizontalHeaderLabels([self.tr("Taken"), self.tr("Applications"), self.tr("Events"),
                                              self.tr("Kind")])
        self.table.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.Stretch)
        for col in (1, 2, 3):
            header.setSectionResizeMode(col, QHeaderView.ResizeToContents)
        self.table.doubleClicked.connect(lambda *_: self.restore_selected())
        layout.addWidget(self.table, 1)
        self.empty = QLabel(self.tr("No backup yet: the first is taken when the app closes."),
                            objectName="backupsEmpty", alignment=Qt.AlignCenter)
        layout.addWidget(self.empty)
        self.buttons = QDialogButtonBox(QDialogButtonBox.Close)
        self.now_button = QPushButton(self.tr("Back up now"), objectName="backupsNow")
        self.restore_button = QPushButton(self.tr("Restore…"), objectName="backupsRestore")
        self.buttons.addButton(self.now_button, QDialogButtonBox.ActionRole)
        self.buttons.addButton(self.restore_button, QDialogButtonBox.ActionRole)
        self.buttons.rejected.connect(self.reject)
        self.now_button.clicked.connect(self.back_up_now)
        self.restore_button.clicked.connect(self.restore_selected)
        layout.addWidget(self.buttons)
        self.table.itemSelectionChanged.connect(self._update_enabled)
        self.resize(600, 360)
        self.refresh()

    def refresh(self) -> None:
        self.backups = backups.list_backups(self.paths)
        self.table.setRowCount(len(self.backups))
        for row, b in enumerate(self.backups):
            try:
                apps, events = b.counts()
                counts = (str(apps), str(events))
            except Exception:
                counts = (self.tr("unreadable"), "")
            kind = (self.tr("before upgrading from schema {0}").format(b.schema) if b.kind == "upgrade"
                    else self.tr("checked copy"))
            for col, text in enumerate((b.taken.strftime("%a %d %b %Y %H:%M"), *counts, kind)):
                item = QTableWidgetItem(text)
                if col in (1, 2):
                    item.setTextAlignment(Qt.AlignRight | Qt.AlignVCenter)
                self.table.setItem(row, col, item)
        self.empty.setVisible(not self.backups)
        self.table.setVisible(bool(self.backups))
        if self.backups:
            self.table.selectRow(0)
        self._update_enabled()

    def _update_enabled(self) -> None:
        self.restore_button.setEnabled(self.selected() is not None)

    def selected(self) -> backups.Backup | None:
        rows = self.table.selectionModel().selectedRows()
        return self.backups[rows[0].row()] if rows else None

    def back_up_now(self) -> None:
        try:
            backups.take_backup(self.paths, now=datetime.now())
        except Exception as exc:
            QMessageBox.warning(self, self.windowTitle(), self.tr("No backup was taken: {0}").format(exc))
        self.refresh()

    def restore_selected(self, *, confirm: bool = True) -> bool:
        chosen = self.selected()
        if chosen is None:
            return False
        when = chosen.taken.strftime("%a %d %b %Y %H:%M")
        if confirm:
            answer = QMessageBox.question(
                self, self.tr("Restore this backup?"),
                self.tr("Your data goes back to the backup of {0}. Your current file is kept beside it "
                        "(as {1}.before-restore-<date>), so nothing is lost.").format(when, self.paths.database.name),
                QMessageBox.Yes | QMessageBox.Cancel, QMessageBox.Cancel)
            if answer != QMessageBox.Yes:
                return False

        def restored(_aside) -> None:
            try:
                self.refresh()
            except RuntimeError:  # the window was closed meanwhile
                pass

        def not_restored(exc) -> None:
            log.error("restoring %s failed: %s", chosen.path, exc)
            try:
                QMessageBox.warning(self, self.windowTitle(),
                                    self.tr("The backup could not be restored: {0}").format(exc))
            except RuntimeError:  # the window was closed meanwhile
                pass

        # on the write worker, behind any write still queued; the views follow when it is read
        self.workspace.restore_backup(chosen, done=restored, refused=not_restored)
        return True


__all__ = ["BackupsWindow", "BackupTimer", "backup_at_exit"]
