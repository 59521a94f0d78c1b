"""The close-out question: a lead went quiet after every follow-up; close it, withdraw, or wait.

Opened from the close-out notification (and the tray menu). Every answer is a write through the
workspace, so it can be undone like any other edit.
"""

from __future__ import annotations

from datetime import timedelta
from typing import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QHBoxLayout, QLabel, QMessageBox, QPushButton, QVBoxLayout

from ..vocab import ActionName, EventKind, Outcome


def _date(d) -> str:
    return f"{d:%B} {d.day}"


class CloseOutDialog(QDialog):
    """Asks what to do with the lead of a `close_out` action.

    `open_compose(action_id=None, application_key=None)` opens the withdrawal note after a
    withdrawal (the main window's `open_compose`).
    """

    #: what the user chose (for the caller and tests): "no_response", "withdrawn", "wait" or None
    choice: str | None = None

    def __init__(self, workspace, action, *, open_compose: Callable[..., object] | None = None, parent=None):
        super().__init__(parent)
        self.workspace, self.action, self._open_compose = workspace, action, open_compose
        self.choice = None
        app = workspace.applications().get(action.application)
        employer = app.employer_name if app else action.application
        position = app.position if app else ""
        self.setObjectName("closeOutDialog")
        self.setWindowTitle(self.tr("Close this lead? — {0}").format(employer))
        self.setAttribute(Qt.WA_DeleteOnClose)

        question = QLabel(objectName="closeOutQuestion", wordWrap=True)
        question.setTextFormat(Qt.PlainText)
        question.setText(self.tr("No answer from {0} since your follow-up on {1}. Close this lead?")
                         .format(employer, _date(action.anchor)))
        font = question.font()
        font.setPointSizeF(font.pointSizeF() * 1.15)
        font.setBold(True)
        question.setFont(font)
        detail = QLabel(objectName="closeOutReason", wordWrap=True)
        detail.setTextFormat(Qt.PlainText)
        detail.setText((position + "\n" if position else "") + action.reason)

        self.close_button = QPushButton(self.tr("&Close as no response"), objectName="closeNoResponse")
        self.close_button.setToolTip(self.tr("Mark the application closed: they did not answer."))
        self.withdraw_button = QPushButton(self.tr("&Withdraw…"), objectName="closeWithdraw")
        self.withdraw_button.setToolTip(self.tr("Close it as withdrawn and write a short courtesy note."))
        # how long: Settings → Persistence
        self.wait_days = workspace.settings().keep_waiting_days
        if self.wait_days % 7 == 0:
            weeks = self.wait_days // 7
            wait = self.tr("&Keep waiting 1 week") if weeks == 1 else self.tr("&Keep waiting {0} weeks").format(weeks)
            again = self.tr("Ask again in a week.") if weeks == 1 else self.tr("Ask again in {0} weeks.").format(weeks)
        else:
            wait = (self.tr("&Keep waiting 1 day") if self.wait_days == 1
                    else self.tr("&Keep waiting {0} days").format(self.wait_days))
            again = (self.tr("Ask again tomorrow.") if self.wait_days == 1
                     else self.tr("Ask again in {0} days.").format(self.wait_days))
        self.wait_button = QPushButton(wait, objectName="closeKeepWaiting")
        self.wait_button.setToolTip(again)
        for b in (self.close_button, self.withdraw_button, self.wait_button):
            b.setAccessibleName(b.text().replace("&", "").rstrip("…"))
        # The playbook's advice is to close; when the user is employed, withdrawing is offered
        # first-class, but closing stays the default either way.
        self.close_button.setDefault(True)
        self.close_button.clicked.connect(self.close_no_response)
        self.withdraw_button.clicked.connect(self.withdraw)
        self.wait_button.clicked.connect(self.keep_waiting)

        buttons = QHBoxLayout()
        buttons.addWidget(self.wait_button)
        buttons.addStretch(1)
        buttons.addWidget(self.withdraw_button)
        buttons.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.addWidget(question)
        layout.addWidget(detail)
        layout.addSpacing(8)
        layout.addLayout(buttons)
        self.setMinimumWidth(460)

    def _log_closed(self, reason: str, done=None) -> bool:
        """Queue the closing (`done()` once it is written); False when it is refused now."""
        event = {"kind": EventKind.CLOSED.value, "at": self.workspace.now(), "reason": reason}
        text = (self.tr("Close as no response") if reason == Outcome.NO_RESPONSE else self.tr("Withdraw"))
        parent = self.parentWidget()

        def refused(exc) -> None:  # the dialog is gone by then: its parent says it
            QMessageBox.warning(parent, self.tr("Could not close the lead"), str(exc))
        try:
            self.workspace.log_event(self.action.application, event, text=text, refused=refused,
                                     done=(lambda _command: done()) if done is not None else None)
        except Exception as exc:  # the core names the field; nothing was stored
            QMessageBox.warning(self, self.tr("Could not close the lead"), str(exc))
            return False
        return True

    def close_no_response(self) -> None:
        if self._log_closed(Outcome.NO_RESPONSE.value):
            self.choice = "no_response"
            self.accept()

    def withdraw(self) -> None:
        workspace, application, open_compose = self.workspace, self.action.application, self._open_compose

        def written() -> None:  # the withdrawal note is there once the closing is
            note = next((a for a in workspace.actions()
                         if a.application == application and a.name == ActionName.WITHDRAWAL_NOTE), None)
            if note is not None:
                open_compose(note.id)
            else:
                open_compose(None, application)
        if not self._log_closed(Outcome.WITHDRAWN.value, written if open_compose is not None else None):
            return
        self.choice = "withdrawn"
        self.accept()

    def keep_waiting(self) -> None:
        self.workspace.snooze(self.action, self.workspace.now() + timedelta(days=self.wait_days))
        self.choice = "wait"
        self.accept()


def ask_close_out(workspace, action, window) -> CloseOutDialog:
    """The question for `action` without blocking anything (from a notification or the tray):
    in front of the main window `window` when it is shown, on its own when the app is in the
    tray. A withdrawal's note opens in `window`'s compose window."""
    dialog = CloseOutDialog(workspace, action, open_compose=window.open_compose,
                            parent=window if window.isVisible() else None)
    dialog.setWindowModality(Qt.NonModal)
    dialog.show()
    dialog.raise_()
    dialog.activateWindow()
    return dialog


__all__ = ["CloseOutDialog", "ask_close_out"]
