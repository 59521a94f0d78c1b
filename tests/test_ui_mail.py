"""Settings → Mail and the periodic check, driven as a user would, against the real dovecot.

The password typed on the Mail page goes to the system keyring (a real Secret Service here:
gnome-keyring on a private D-Bus bus), never into the settings; *Test connection* and the
periodic check talk to the server on a worker thread, and the status bar says how it went.
"""

from __future__ import annotations

import time
from datetime import timedelta

import pytest
from PySide6.QtCore import Qt

from followup_desktop.mail import intake
from followup_desktop.settings import Settings
from followup_desktop.ui.dialogs import SettingsDialog
from followup_desktop.ui.mail_check import MailChecker

from test_mail_sync import ACME, APP, APPLIED, PROFILE, SUSAN, SUSANS_REPLY


@pytest.fixture
def keyring_service(secret_service, monkeypatch):
    """This process's keyring is the test's Secret Service for the test (then as it was)."""
    import keyring
    from keyring.backends import SecretService

    for name, value in secret_service.env.items():
        monkeypatch.setenv(name, value)
    monkeypatch.delenv("FOLLOWUP_DESKTOP_MAIL_PASSWORD", raising=False)
    before = keyring.get_keyring()
    keyring.set_keyring(SecretService.Keyring())
    yield keyring
    keyring.set_keyring(before)


@pytest.fixture
def trusted(mailbox, monkeypatch):
    """The test server's certificate is trusted the way a user's system would (SSL_CERT_FILE)."""
    monkeypatch.setenv("SSL_CERT_FILE", str(mailbox.cert))
    return mailbox


def shown(qtbot, dialog):
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    return dialog


def type_into(qtbot, widget, text):
    widget.setFocus()
    widget.selectAll()
    qtbot.keyClicks(widget, text)


def mail_page(qtbot, mailbox, **values):
    dialog = shown(qtbot, SettingsDialog(Settings()))
    dialog.tabs.setCurrentIndex(dialog.entries["mail_host"].page)
    type_into(qtbot, dialog.entries["mail_host"].editor, values.get("host", "127.0.0.1"))
    type_into(qtbot, dialog.entries["mail_user"].editor, values.get("user", mailbox.user))
    dialog.entries["mail_port"].set(values.get("port", mailbox.tls_port))
    return dialog


def test_the_mail_page_has_the_account_fields_security_as_a_choice_and_the_check_off(qtbot):
    dialog = shown(qtbot, SettingsDialog(Settings()))
    page = dialog.entries["mail_host"].page
    assert dialog.tabs.tabText(page) == "Mail"
    security = dialog.entries["mail_security"].editor
    assert [security.itemData(i) for i in range(security.count())] == ["tls", "starttls"]
    assert dialog.entries["mail_check_minutes"].get() == 0
    assert dialog.mail.password.echoMode() == dialog.mail.password.EchoMode.Password


def test_a_password_typed_on_the_mail_page_is_kept_in_the_keyring_and_not_in_the_settings(
        qtbot, mailbox, keyring_service):
    dialog = mail_page(qtbot, mailbox)
    type_into(qtbot, dialog.mail.password, "typed-Secret-42")

    qtbot.mouseClick(dialog.ok_button, Qt.LeftButton)

    changes = dialog.changes()
    assert changes["mail_host"] == "127.0.0.1" and changes["mail_user"] == mailbox.user
    assert "typed-Secret-42" not in repr(changes)
    qtbot.waitUntil(lambda: keyring_service.get_password("followup-desktop", f"{mailbox.user}@127.0.0.1")
                    == "typed-Secret-42", timeout=10000)


def test_test_connection_asks_the_server_on_a_worker_and_says_what_it_found(qtbot, trusted, keyring_service):
    dialog = mail_page(qtbot, trusted)
    type_into(qtbot, dialog.mail.password, trusted.password)

    started = time.perf_counter()
    qtbot.mouseClick(dialog.mail.test_button, Qt.LeftButton)
    assert time.perf_counter() - started < 0.5  # the dialog did not wait for the server
    assert not dialog.mail.test_button.isEnabled()
    assert dialog.mail.result.text() == "Testing the connection…"

    qtbot.waitUntil(lambda: dialog.mail.test_button.isEnabled(), timeout=15000)
    assert "INBOX and Sent found" in dialog.mail.result.text()
    assert keyring_service.get_password("followup-desktop", f"{trusted.user}@127.0.0.1") == trusted.password


def test_test_connection_with_a_wrong_password_says_so_in_plain_words(qtbot, trusted, keyring_service):
    dialog = mail_page(qtbot, trusted)
    type_into(qtbot, dialog.mail.password, "not-it")

    qtbot.mouseClick(dialog.mail.test_button, Qt.LeftButton)

    qtbot.waitUntil(lambda: dialog.mail.test_button.isEnabled(), timeout=15000)
    assert dialog.mail.result.text() == "The mail server refused the user name or password."
    assert keyring_service.get_password("followup-desktop", f"{trusted.user}@127.0.0.1") is None


def test_test_connection_without_a_server_asks_for_one_first(qtbot):
    dialog = shown(qtbot, SettingsDialog(Settings()))
    dialog.tabs.setCurrentIndex(dialog.entries["mail_host"].page)

    qtbot.mouseClick(dialog.mail.test_button, Qt.LeftButton)

    assert dialog.mail.result.text() == "Give the mail server and the user name first."


# -- the periodic check ---------------------------------------------------------------------

@pytest.fixture
def leads(mailbox, dataset):
    return dataset([APPLIED], employers=[ACME], contacts=[SUSAN], applications=[APP], profile=PROFILE,
                   settings={"mail_host": "127.0.0.1", "mail_port": mailbox.tls_port, "mail_user": mailbox.user,
                             "mail_check_minutes": 5})


@pytest.fixture
def checker(window, workspace):
    mail = MailChecker(workspace.paths, workspace, window, tick_ms=3_600_000, first_look_ms=3_600_000)
    yield mail
    mail.stop()


def test_the_window_checks_the_mailbox_on_a_worker_and_says_when_in_the_status_bar(
        qtbot, trusted, monkeypatch, window, workspace, checker, clock):
    monkeypatch.setenv("FOLLOWUP_DESKTOP_MAIL_PASSWORD", trusted.password)
    trusted.append("INBOX", SUSANS_REPLY)
    assert checker.due()

    with qtbot.waitSignals([checker.checked, workspace.loaded], timeout=20000):
        started = time.perf_counter()
        checker.tick()
        assert time.perf_counter() - started < 0.2  # the window does not wait for the server
        assert checker.running
    qtbot.wait(50)  # the window's parts read the new data (before the window goes)
    assert checker.label.isVisible() and checker.label.text() == "Mail checked just now"
    assert [i["contact_name"] for i in intake.review_items(workspace.store)] == ["Susan Smith"]

    clock.now += timedelta(minutes=2)
    checker.tick()
    assert checker.label.text() == "Mail checked 2 min ago" and not checker.running
    clock.now += timedelta(minutes=3)
    assert checker.due()


def test_a_failed_check_shows_the_servers_error_in_plain_words(qtbot, trusted, monkeypatch, window, checker):
    monkeypatch.setenv("FOLLOWUP_DESKTOP_MAIL_PASSWORD", "not-the-password")

    with qtbot.waitSignal(checker.checked, timeout=20000):
        checker.check_now()

    assert checker.label.text() == "Mail: the mail server refused the user name or password"
    assert "not-the-password" not in checker.label.text() + checker.label.toolTip()


def test_with_the_check_off_the_window_never_asks_the_server(qtbot, window, workspace, checker):
    workspace.store.save_settings({"mail_check_minutes": 0})
    workspace.refresh(settings=True)
    qtbot.waitUntil(lambda: workspace.settings().mail_check_minutes == 0)

    checker.tick()

    assert not checker.running and not checker.label.isVisible()


def test_a_reply_the_check_brings_in_shows_in_the_windows_inbox_and_is_announced(
        qtbot, trusted, monkeypatch, window, checker):
    monkeypatch.setenv("FOLLOWUP_DESKTOP_MAIL_PASSWORD", trusted.password)
    window.inbox.reload()  # the Inbox has read the (empty) review list once
    trusted.append("INBOX", SUSANS_REPLY)

    with qtbot.waitSignal(window.inbox.arrived, timeout=20000) as arrived:
        checker.check_now()

    qtbot.wait(50)
    assert arrived.args[0] == "Acme Corp"
    assert window.inbox.count == 1
    assert [i["contact_name"] for i in window.inbox.items] == ["Susan Smith"]


def test_the_mailbox_checks_start_once_an_account_is_set_up_and_not_before(qtbot, window, workspace):
    from followup_desktop.ui.app import watch_the_data

    host = workspace.settings().mail_host
    with qtbot.waitSignal(workspace.operations.drained, timeout=10_000):
        workspace.save_settings({"mail_host": ""})  # no account
    watch_the_data(workspace.paths, workspace, window)
    assert getattr(window, "mail_checker", None) is None
    with qtbot.waitSignal(workspace.operations.drained, timeout=10_000):
        workspace.log_event("acme-om", {"kind": "note", "at": workspace.now(), "notes": "Called reception"})
    assert getattr(window, "mail_checker", None) is None  # another change: still none set up
    with qtbot.waitSignal(workspace.operations.drained, timeout=10_000):
        workspace.save_settings({"mail_host": host})  # Settings → Mail filled in
    qtbot.waitUntil(lambda: getattr(window, "mail_checker", None) is not None, timeout=5_000)
    checker = window.mail_checker
    assert checker.minutes() == 5 and checker.due()
    checker.stop()


def test_after_a_restart_the_line_and_the_next_check_count_from_the_last_check(
        qtbot, mailbox, window, workspace, clock):
    # The last check's time is kept in the file (the folders read): a restart neither shows an
    # empty line nor asks the server again before the interval is up.
    import sqlite3

    con = sqlite3.connect(workspace.paths.database)
    with con:
        con.execute("INSERT INTO mail_folder (account, folder, uidvalidity, last_uid, checked_at) "
                    "VALUES (?, 'INBOX', 1, 3, ?)", (f"{mailbox.user}@127.0.0.1",
                                                      (clock.now - timedelta(minutes=3)).isoformat(timespec="seconds")))
    con.close()
    checker = MailChecker(workspace.paths, workspace, window, tick_ms=3_600_000, first_look_ms=3_600_000)
    try:
        qtbot.waitUntil(lambda: checker.label.text() == "Mail checked 3 min ago", timeout=5_000)
        assert checker.label.isVisible()
        assert not checker.due()  # checked 3 minutes ago, every 5
        clock.now += timedelta(minutes=2)
        assert checker.due()
    finally:
        checker.stop()
