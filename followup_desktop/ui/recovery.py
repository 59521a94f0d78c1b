"""When the data file is damaged: a dialog that says so in plain words and offers the way out.

The damaged file is moved aside (`followup.sqlite3.damaged-<date>`, never deleted), then the
newest backup that passes the whole check is put in its place, or the app starts afresh. Other
problems (a full disk, a read-only or foreign folder, a lock) get their own true message: a
backup would not help with them, so none is offered.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QDialog, QDialogButtonBox, QLabel, QMessageBox, QPushButton, QVBoxLayout, QWidget,
)

from ..paths import DataPaths

translate = QCoreApplication.translate  # translate("Context", "…"): what pyside6-lupdate reads

log = logging.getLogger(__name__)

#: the kinds of StoreError a backup is the answer to
RECOVERABLE = {"damaged", "empty", "bad_value"}


def describe_backup(widget: QWidget, backup) -> str:
    try:
        apps, events = backup.counts()
    except Exception:  # a copy that cannot be read is shown, not hidden
        return translate("recovery", "the backup of {0} (it could not be read)").format(backup.taken.strftime("%a %d %b %Y %H:%M"))
    return translate("recovery", "the backup of {0}: {1}, {2}").format(
        backup.taken.strftime("%a %d %b %Y %H:%M"),
        translate("recovery", "1 application") if apps == 1 else translate("recovery", "{0} applications").format(apps),
        translate("recovery", "1 event") if events == 1 else translate("recovery", "{0} events").format(events))


class RecoveryDialog(QDialog):
    """Names the problem, keeps the damaged file aside, restores the newest verified backup or
    starts afresh. `recovered` is emitted once a file is in place (the caller reads it again)."""

    recovered = Signal(str)

    def __init__(self, paths: DataPaths, problem: Exception, parent=None):
        super().__init__(parent)
        self.paths = paths
        self.problem = problem
        self.setObjectName("recoveryDialog")
        self.setWindowTitle(self.tr("Your data file needs attention"))
        self.setWindowModality(Qt.ApplicationModal)
        from ..store import backups

        self.backup = backups.newest_verified(paths)
        kind = getattr(problem, "kind", "damaged")
        headline = {
            "empty": self.tr("The file that holds your applications is empty: it was cut short."),
            "bad_value": self.tr("The file that holds your applications holds a value this version cannot read."),
        }.get(kind, self.tr("The file that holds your applications is damaged."))
        layout = QVBoxLayout(self)
        self.headline = QLabel(f"<b>{_escape(headline)}</b>", objectName="recoveryHeadline", wordWrap=True)
        # the command line's advice ("open the app to restore…") is this dialog's offer: left out
        detail = str(problem).split(" Nothing was changed")[0]
        self.detail = QLabel(detail[0].upper() + detail[1:] if detail else detail, objectName="recoveryDetail", wordWrap=True,
                             textInteractionFlags=Qt.TextSelectableByMouse)
        self.detail.setTextFormat(Qt.PlainText)
        aside = self.tr("It will be kept beside it as {0}-<date>; nothing is deleted.").format(
            f"{paths.database.name}.damaged")
        if self.backup is not None:
            offer = self.tr("You can go back to {0}. Anything saved after it is not in it.").format(
                describe_backup(self, self.backup))
        else:
            offer = self.tr("There is no backup to go back to. You can start afresh with an empty file.")
        self.offer = QLabel(f"{aside}\n\n{offer}", objectName="recoveryOffer", wordWrap=True)
        self.offer.setTextFormat(Qt.PlainText)
        for w in (self.headline, self.detail, self.offer):
            layout.addWidget(w)
        self.buttons = QDialogButtonBox()
        self.restore_button = QPushButton(self.tr("Restore this backup"), objectName="recoveryRestore")
        self.fresh_button = QPushButton(self.tr("Start afresh"), objectName="recoveryFresh")
        self.quit_button = QPushButton(self.tr("Quit"), objectName="recoveryQuit")
        if self.backup is not None:
            self.buttons.addButton(self.restore_button, QDialogButtonBox.AcceptRole)
            self.restore_button.setDefault(True)
        self.buttons.addButton(self.fresh_button, QDialogButtonBox.DestructiveRole)
        self.buttons.addButton(self.quit_button, QDialogButtonBox.RejectRole)
        self.restore_button.clicked.connect(self.restore)
        self.fresh_button.clicked.connect(self.start_afresh)
        self.quit_button.clicked.connect(self.reject)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(520)

    def restore(self) -> None:
        from ..store import backups

        if self._put_aside():
            try:
                backups.restore(self.paths, self.backup)
            except Exception as exc:
                log.exception("restoring %s failed", self.backup.path)
                QMessageBox.warning(self, self.windowTitle(), self.tr("The backup could not be restored: {0}").format(exc))
                return
            self.recovered.emit("restored")
            self.accept()

    def start_afresh(self) -> None:
        if self._put_aside():
            self.recovered.emit("fresh")
            self.accept()

    def _put_aside(self) -> bool:
        from ..store import backups

        try:
            self.kept = backups.move_aside(self.paths, "damaged")
        except Exception as exc:
            log.exception("moving the damaged file aside failed")
            QMessageBox.warning(self, self.windowTitle(),
                                self.tr("The damaged file could not be moved aside, so nothing was changed: {0}").format(exc))
            return False
        log.warning("the damaged database was kept as %s", self.kept)
        return True


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def problem_message(widget: QWidget, problem: Exception) -> str:
    """The window's words for a problem a backup does not solve."""
    kind = getattr(problem, "kind", "other")
    lead = {
        "full": translate("recovery", "The disk is full."),
        "read_only": translate("recovery", "The data folder is read-only."),
        "not_a_folder": translate("recovery", "The data folder is not a folder."),
        "foreign": translate("recovery", "The data folder belongs to another user."),
        "busy": translate("recovery", "Another program is writing to your data; try again in a moment."),
        "too_new": translate("recovery", "Your data was saved by a newer version of Follow-up Desktop."),
        "missing_link": translate("recovery", "Your data file is a link to a file that is not there."),
    }.get(kind, translate("recovery", "Your data could not be opened."))
    return f"{lead}\n\n{problem}"


def offer_recovery(paths: DataPaths, workspace, window) -> None:
    """Connect the workspace's load failures to the dialog (or the plain message)."""
    shown = []

    def failed(problem: Exception) -> None:
        if shown:
            return
        from ..store.connection import describe

        if not hasattr(problem, "kind"):
            problem = describe(problem, paths.database)
        if problem.kind == "other":  # a value another program stored, perhaps: find it
            from ..store.connection import find_bad_value

            problem = find_bad_value(paths.database) or problem
        if problem.kind in RECOVERABLE:
            dialog = RecoveryDialog(paths, problem, window)
            shown.append(dialog)

            def done(_how):
                shown.clear()
                workspace.reload_async()

            dialog.recovered.connect(done)
            dialog.rejected.connect(lambda: (shown.clear(), _quit()))
            workspace.release()
            dialog.open()
        else:
            # Nothing can be added to a file that could not be read: until a load succeeds
            for action in _writing_actions(window):
                action.setEnabled(False)
            box = QMessageBox(QMessageBox.Warning, translate("recovery", "Follow-up Desktop"), problem_message(window, problem),
                              QMessageBox.Ok, window)
            box.setObjectName("dataProblemDialog")
            shown.append(box)
            box.finished.connect(lambda *_: shown.clear())
            box.open()

    workspace.failed_with.connect(failed)
    workspace.loaded.connect(lambda: [a.setEnabled(True) for a in _writing_actions(window)])


def _writing_actions(window) -> list:
    return [a for a in (getattr(window, "act_new", None), getattr(window, "act_import", None)) if a is not None]


def _quit() -> None:
    from PySide6.QtWidgets import QApplication

    QApplication.quit()


__all__ = ["RecoveryDialog", "offer_recovery", "problem_message", "RECOVERABLE"]
