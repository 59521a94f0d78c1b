"""The app's own Secret Service backend (followup_desktop/mail/secret_service.py: jeepney, no
SecretStorage), against a real GNOME Keyring on a private D-Bus bus (tests/mail_server.py).

It keeps the password where keyring's own SecretService backend would, so a password kept by
either is found by the other; mail/account.py uses it on Linux unless a keyring backend is named.
"""

from __future__ import annotations

import pytest

SERVICE = "followup-desktop"


@pytest.fixture
def bus(secret_service, monkeypatch):
    """This process reaches the test's Secret Service, with no keyring backend named."""
    for name, value in secret_service.env.items():
        monkeypatch.setenv(name, value)
    monkeypatch.delenv("PYTHON_KEYRING_BACKEND")
    monkeypatch.delenv("FOLLOWUP_DESKTOP_MAIL_PASSWORD", raising=False)
    return secret_service


@pytest.fixture
def ours(bus):
    from followup_desktop.mail.secret_service import Keyring

    return Keyring()


@pytest.fixture
def theirs(bus):
    from keyring.backends.SecretService import Keyring

    return Keyring()


@pytest.fixture
def user(request):
    """A user name of the test's own, so tests sharing the session's keyring never meet."""
    return f"{request.node.name[:40]}@imap.example.org"


def test_a_kept_password_is_read_back(ours, user):
    ours.set_password(SERVICE, user, "Sécret-42 with spaces")

    assert ours.get_password(SERVICE, user) == "Sécret-42 with spaces"


def test_keeping_a_new_password_replaces_the_old_one(ours, theirs, user):
    ours.set_password(SERVICE, user, "the-old-one")
    ours.set_password(SERVICE, user, "the-new-one")

    assert ours.get_password(SERVICE, user) == "the-new-one"
    # one item, not two: keyring's backend, reading every match, finds the new one only
    from secretstorage import dbus_init, get_default_collection

    collection = get_default_collection(dbus_init())
    items = list(collection.search_items({"service": SERVICE, "username": user}))
    assert len(items) == 1


def test_a_forgotten_password_is_gone_and_forgetting_it_again_says_so(ours, user):
    from keyring.errors import PasswordDeleteError

    ours.set_password(SERVICE, user, "to-forget")
    ours.delete_password(SERVICE, user)

    assert ours.get_password(SERVICE, user) is None
    with pytest.raises(PasswordDeleteError, match="no such password"):
        ours.delete_password(SERVICE, user)


def test_a_password_kept_by_keyrings_own_backend_is_found_and_vice_versa(ours, theirs, user):
    theirs.set_password(SERVICE, user, "kept-by-secretstorage")
    assert ours.get_password(SERVICE, user) == "kept-by-secretstorage"

    ours.set_password(SERVICE, user + ".other", "kept-by-jeepney")
    assert theirs.get_password(SERVICE, user + ".other") == "kept-by-jeepney"

    # and one deletes what the other kept
    ours.delete_password(SERVICE, user)
    assert theirs.get_password(SERVICE, user) is None


def test_the_item_carries_keyrings_own_attributes_and_label(ours, user):
    from secretstorage import dbus_init, get_default_collection

    ours.set_password(SERVICE, user, "attributes")

    (item,) = get_default_collection(dbus_init()).search_items({"service": SERVICE, "username": user})
    assert item.get_attributes() == {"service": SERVICE, "username": user,
                                     "application": "Python keyring library"}
    assert item.get_label() == f"Password for '{user}' on '{SERVICE}'"


def test_the_mail_account_keeps_its_password_through_the_apps_backend_on_linux(bus, user):
    from followup_desktop.mail import account as mail_account
    from followup_desktop.mail.secret_service import Keyring

    host = user.split("@")[1]
    acct = mail_account.Account(host, 993, user.split("@")[0])
    import keyring

    assert isinstance(mail_account._backend(keyring), Keyring)
    mail_account.store_password(acct, "through-the-account")
    assert mail_account.get_password(acct) == "through-the-account"
    mail_account.forget_password(acct)
    assert not mail_account.has_password(acct)


@pytest.fixture
def own_keyring(tmp_path, monkeypatch):
    """A Secret Service of the test's alone (it gets locked), reached by this process."""
    from mail_server import SecretService

    service = SecretService(tmp_path / "keyring-home").start()
    for name, value in service.env.items():
        monkeypatch.setenv(name, value)
    monkeypatch.delenv("PYTHON_KEYRING_BACKEND")
    monkeypatch.delenv("FOLLOWUP_DESKTOP_MAIL_PASSWORD", raising=False)
    yield service
    service.stop()


def test_a_locked_keyring_whose_prompt_is_dismissed_is_one_plain_line_without_the_password(own_keyring):
    """GNOME Keyring locked (its Lock method) and no person to answer its unlock prompt (no
    display: the daemon cannot show it, and says the prompt was dismissed)."""
    from jeepney import DBusAddress, new_method_call
    from jeepney.io.blocking import open_dbus_connection

    from followup_desktop.mail import account as mail_account

    acct = mail_account.Account("imap.example.org", 993, "jordan")
    mail_account.store_password(acct, "locked-away")
    with open_dbus_connection(bus="SESSION") as connection:
        service = DBusAddress("/org/freedesktop/secrets", bus_name="org.freedesktop.secrets",
                              interface="org.freedesktop.Secret.Service")
        (path,) = connection.send_and_get_reply(new_method_call(service, "ReadAlias", "s", ("default",))).body
        connection.send_and_get_reply(new_method_call(service, "Lock", "ao", ([path],)))

    with pytest.raises(mail_account.MailError) as raised:
        mail_account.get_password(acct)

    line = str(raised.value)
    assert line == ("the system keyring stayed locked: its prompt to unlock it was dismissed "
                    "(or set FOLLOWUP_DESKTOP_MAIL_PASSWORD in the environment)")

    with pytest.raises(mail_account.MailError) as raised:
        mail_account.store_password(acct, "a-new-one")
    assert str(raised.value) == ("the password was not kept: the system keyring stayed locked: "
                                 "its prompt to unlock it was dismissed")
