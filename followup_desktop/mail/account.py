"""The mail account the app watches: where it is (the settings) and its password (never stored).

The host, port, user, security (`tls` from the first byte, or `starttls`), the Sent folder's
name when the server does not flag one, and a certificate authority file when the user names
one, are settings (settings.py, group *Mail*); the exchange file carries them like any other.

The password is never in the database, the exchange file, a log or a crash report. It is read
from the environment variable `FOLLOWUP_DESKTOP_MAIL_PASSWORD` (for scripts) or else from the
system keyring through the `keyring` library, under the service `followup-desktop` and the
user `mail_user@mail_host`; only the settings page writes it there. On Linux the keyring is the
Secret Service reached with the app's own backend (mail/secret_service.py: jeepney, no
SecretStorage and no `cryptography` in the bundle), unless the user named a keyring backend
(`PYTHON_KEYRING_BACKEND`, or keyring's keyringrc.cfg); elsewhere it is keyring's own choice
(the macOS Keychain, the Windows Credential Locker).

Plain Python, no Qt.
"""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass

ENV_PASSWORD = "FOLLOWUP_DESKTOP_MAIL_PASSWORD"
KEYRING_SERVICE = "followup-desktop"

TLS, STARTTLS = "tls", "starttls"
SECURITY = (TLS, STARTTLS)
DEFAULT_PORTS = {TLS: 993, STARTTLS: 143}


class MailError(Exception):
    """Something about the mail account or server, said in one plain line (never the password)."""


@dataclass(frozen=True)
class Account:
    host: str
    port: int
    user: str
    security: str = TLS
    sent_folder: str = ""
    ca_file: str = ""

    @property
    def key(self) -> str:
        """What the account is known by: in the keyring and in the table of folders read."""
        return f"{self.user}@{self.host}"

    @property
    def where(self) -> str:
        return f"{self.host}:{self.port}"

    @classmethod
    def from_settings(cls, settings) -> "Account":
        """The account the settings name; MailError when there is none yet."""
        host = (settings.mail_host or "").strip()
        user = (settings.mail_user or "").strip()
        if not host or not user:
            raise MailError("no mail account is set up: give the server and user name in Settings → Mail "
                            "(mail_host, mail_user)")
        security = settings.mail_security
        port = settings.mail_port or DEFAULT_PORTS[security]
        return cls(host, port, user, security, (settings.mail_sent_folder or "").strip(),
                   (settings.mail_ca_file or "").strip())


def configured(settings) -> bool:
    return bool((settings.mail_host or "").strip() and (settings.mail_user or "").strip())


# -- the password ---------------------------------------------------------------------------------

def _keyring():
    try:
        import keyring
        import keyring.errors
    except ImportError:  # a broken install; the environment variable still works
        return None
    return keyring


def _backend(keyring):
    """The keyring backend the app's calls go to: the one the user named (PYTHON_KEYRING_BACKEND
    or keyringrc.cfg, as keyring reads them), else on Linux the app's own Secret Service
    backend, else keyring's choice."""
    if sys.platform.startswith("linux"):
        import keyring.core

        named = keyring.core.load_env() or keyring.core.load_config()
        if named is not None:
            return named
        from .secret_service import Keyring

        return Keyring()
    return keyring.get_keyring()


def _keyring_problem(exc: BaseException) -> str:
    from .secret_service import SecretServiceError

    if isinstance(exc, SecretServiceError):
        # the app's own backend says what went wrong in one plain line, never with a secret
        return f"{exc} (or set {ENV_PASSWORD} in the environment)"
    if type(exc).__name__ == "NoKeyringError":
        return (f"no password: this system has no keyring to keep it in; set {ENV_PASSWORD} "
                f"in the environment instead")
    return (f"the system keyring could not be used ({type(exc).__name__}); "
            f"store the password again in Settings → Mail, or set {ENV_PASSWORD}")


def get_password(account: Account) -> str:
    """The account's password: the environment variable first, then the keyring. MailError,
    saying what to do, when neither has one."""
    from_env = os.environ.get(ENV_PASSWORD)
    if from_env:
        return from_env
    keyring = _keyring()
    if keyring is None:
        raise MailError(f"no password for {account.key}: the keyring library is missing; set {ENV_PASSWORD}")
    try:
        password = _backend(keyring).get_password(KEYRING_SERVICE, account.key)
    except Exception as exc:  # noqa: BLE001 - any backend failure is said in one line
        raise MailError(_keyring_problem(exc)) from None
    if not password:
        raise MailError(f"no password for {account.key}: store it in Settings → Mail "
                        f"(it is kept in the system keyring), or set {ENV_PASSWORD}")
    return password


def has_password(account: Account) -> bool:
    try:
        get_password(account)
    except MailError:
        return False
    return True


def store_password(account: Account, password: str) -> None:
    """Keep the password in the system keyring (the only place the app ever writes it)."""
    keyring = _keyring()
    if keyring is None:
        raise MailError("the keyring library is missing: the password cannot be kept")
    try:
        _backend(keyring).set_password(KEYRING_SERVICE, account.key, password)
    except Exception as exc:  # noqa: BLE001
        from .secret_service import SecretServiceError

        if isinstance(exc, SecretServiceError):
            raise MailError(f"the password was not kept: {exc}") from None
        raise MailError(f"the system keyring did not keep the password ({type(exc).__name__}); "
                        f"set {ENV_PASSWORD} instead") from None


def forget_password(account: Account) -> None:
    keyring = _keyring()
    if keyring is None:
        return
    try:
        _backend(keyring).delete_password(KEYRING_SERVICE, account.key)
    except Exception:  # noqa: BLE001 - nothing kept is nothing to forget
        pass


__all__ = ["Account", "MailError", "configured", "get_password", "has_password", "store_password",
           "forget_password", "ENV_PASSWORD", "KEYRING_SERVICE", "TLS", "STARTTLS", "SECURITY",
           "DEFAULT_PORTS"]
