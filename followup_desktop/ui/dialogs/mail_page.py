"""The rows the *Mail* page of the settings adds below the registry's: the password, which goes
to the system keyring only (never to the settings, the database or a file), and *Test
connection*, which logs in with the values on the page and reads no message.

Both talk to the keyring or the server on a worker thread: the dialog never waits on them.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QCoreApplication, QObject, QRunnable, Qt, QThreadPool, Signal
from PySide6.QtGui import QFont, QPalette
from PySide6.QtWidgets import QGridLayout, QHBoxLayout, QLabel, QLineEdit, QPushButton, QVBoxLayout, QWidget

from ...mail.account import DEFAULT_PORTS, Account, MailError, get_password, store_password
from .common import hint_color, message_color

log = logging.getLogger(__name__)
translate = QCoreApplication.translate


class _Signals(QObject):
    finished = Signal(str, bool)  # the line to show, and whether it went well


class _Job(QRunnable):
    """`work()` on a worker thread; its line (or the MailError's) comes back as a signal."""

    def __init__(self, work, signals: _Signals):
        super().__init__()
        self.work, self.signals = work, signals

    def run(self):
        try:
            line, ok = self.work(), True
        except MailError as exc:
            line, ok = str(exc), False
        except Exception as exc:  # noqa: BLE001 - said in one line, never a traceback in a dialog
            log.warning("the mail connection test failed: %s", type(exc).__name__)
            line, ok = f"the test failed unexpectedly ({type(exc).__name__})", False
        try:
            self.signals.finished.emit(line, ok)
        except RuntimeError:  # the dialog (and its signals) went while the server was asked
            pass


#: keeps the signals of a password being stored after its dialog has closed
_pending: list[_Signals] = []


class MailPasswordRows(QObject):
    """Adds the password row and the Test connection row to the Mail page's grid."""

    def __init__(self, dialog, grid: QGridLayout, row: int):
        super().__init__(dialog)
        self.dialog = dialog
        self._kept: tuple[str, str] | None = None  # (account key, password) the keyring has

        caption = QLabel(translate("SettingsDialog", "Password") + ":")
        caption.setFixedWidth(290)
        caption.setObjectName("mail_password_label")
        self.password = QLineEdit()
        self.password.setObjectName("mail_password")
        self.password.setEchoMode(QLineEdit.Password)
        self.password.setAccessibleName(translate("SettingsDialog", "Password"))
        self.password.setPlaceholderText(translate("SettingsDialog", "type it to keep it (or change it)"))
        caption.setBuddy(self.password)
        hint = QLabel(translate(
            "SettingsDialog", "Kept in the system keyring when you press Save or test the connection; "
            "never in your data, the exchange file or the logs. Scripts can set "
            "FOLLOWUP_DESKTOP_MAIL_PASSWORD instead."))
        hint.setObjectName("mail_password_help")
        hint.setWordWrap(True)
        font = QFont(hint.font())
        font.setPointSizeF(max(7.0, font.pointSizeF() * 0.9))  # as the registry's help lines
        hint.setFont(font)
        pal = hint.palette()
        pal.setColor(QPalette.WindowText, hint_color(dialog.palette()))
        hint.setPalette(pal)
        box = QWidget()
        column = QVBoxLayout(box)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(2)
        column.addWidget(self.password)
        column.addWidget(hint)
        top = max(0, (min(self.password.sizeHint().height(), 40) - caption.fontMetrics().height()) // 2)
        caption.setContentsMargins(0, top, 0, 0)
        grid.addWidget(caption, row, 0, Qt.AlignTop)
        grid.addWidget(box, row, 1, Qt.AlignTop)
        # 0 on these two boxes means "the usual port" and "never": said in words
        dialog.entries["mail_port"].editor.setSpecialValueText(translate("SettingsDialog", "the usual one"))
        dialog.entries["mail_check_minutes"].editor.setSpecialValueText(translate("SettingsDialog", "never"))

        self.test_button = QPushButton(translate("SettingsDialog", "&Test connection"))
        self.test_button.setObjectName("mail_test")
        self.test_button.setAutoDefault(False)
        self.test_button.setToolTip(translate(
            "SettingsDialog", "Log in with the values on this page and look for INBOX and Sent; "
            "no message is read"))
        self.result = QLabel("")
        self.result.setObjectName("mail_test_result")
        self.result.setWordWrap(True)
        self.result.setTextInteractionFlags(Qt.TextSelectableByMouse)
        tester = QWidget()
        line = QHBoxLayout(tester)
        line.setContentsMargins(0, 0, 0, 0)
        line.addWidget(self.test_button, 0, Qt.AlignTop)
        line.addWidget(self.result, 1)
        grid.addWidget(tester, row + 1, 1, Qt.AlignTop)
        self.next_row = row + 2

        self._signals = _Signals(self)
        self._signals.finished.connect(self._tested)
        self.test_button.clicked.connect(self.test)
        self.testing = False

    # -- the values on the page
    def account(self) -> Account | None:
        entries = self.dialog.entries

        def value(name):
            v = entries[name].get()
            return v.strip() if isinstance(v, str) else v
        host, user = value("mail_host"), value("mail_user")
        if not host or not user:
            return None
        security = value("mail_security") or "tls"
        return Account(host, value("mail_port") or DEFAULT_PORTS[security], user, security,
                       value("mail_sent_folder") or "", value("mail_ca_file") or "")

    # -- Test connection
    def test(self) -> None:
        if self.testing:
            return
        account = self.account()
        if account is None:
            self._show(translate("SettingsDialog", "Give the mail server and the user name first."), False)
            return
        typed = self.password.text()
        from ...mail.imap import check

        def work() -> str:
            line = check(account, typed or get_password(account))
            if typed:
                store_password(account, typed)
                self._kept = (account.key, typed)
                line += "; the password is kept in the system keyring"
            return line

        self.testing = True
        self.test_button.setEnabled(False)
        self._show(translate("SettingsDialog", "Testing the connection…"), True)
        QThreadPool.globalInstance().start(_Job(work, self._signals))

    def _tested(self, line: str, ok: bool) -> None:
        self.testing = False
        self.test_button.setEnabled(True)
        self._show(line[:1].upper() + line[1:] + ("." if not line.endswith(".") else ""), ok)

    def _show(self, text: str, ok: bool) -> None:
        self.result.setText(text)
        pal = self.result.palette()
        pal.setColor(QPalette.WindowText, self.dialog.palette().color(QPalette.WindowText) if ok
                     else message_color(self.dialog.palette(), "error"))
        self.result.setPalette(pal)

    # -- Save
    def keep_password(self) -> None:
        """Save pressed: a password typed (and not kept already by a test) goes to the keyring on
        a worker; the main window's status bar says how that went."""
        typed = self.password.text()
        account = self.account()
        if not typed or account is None or self._kept == (account.key, typed):
            return
        window = self.dialog.parent()
        signals = _Signals()
        _pending.append(signals)

        def done(line: str, ok: bool) -> None:
            if signals in _pending:
                _pending.remove(signals)
            bar = getattr(window, "statusBar", None)
            if bar is None:
                return
            try:
                text = (translate("SettingsDialog", "The mail password is kept in the system keyring.") if ok
                        else translate("SettingsDialog", "The mail password was not kept: {0}").format(line))
                bar().showMessage(text, 10000)
            except RuntimeError:  # the window has closed
                pass

        signals.finished.connect(done)

        def work() -> str:
            store_password(account, typed)
            return "kept"

        QThreadPool.globalInstance().start(_Job(work, signals))


__all__ = ["MailPasswordRows"]
