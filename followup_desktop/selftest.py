"""`followup-desktop --self-test`: exercise the app end to end on a throw-away data dir.

Used to smoke-test an installation or a packaged executable: open a fresh store, import the
shipped sample, compute what is due, export, import the export into a second fresh store and
check that nothing was lost. Prints one line per check; exits 0 when all is well, 1 otherwise.
"""

from __future__ import annotations

import sys
import tempfile
import traceback
from datetime import datetime
from pathlib import Path


def _checks(root: Path):
    from .duelist import due_report
    from .exchange.jsonfile import export_json, import_json
    from .paths import DataPaths
    from .resources import resource_path
    from .store import Store

    first = DataPaths(root / "first").ensure()
    with Store(first) as store:
        summary = import_json(store, resource_path("sample.json"))
    yield f"store and import: {summary}"

    report = due_report(first, datetime(2026, 3, 10, 15, 30))
    names = [a.name for a in report.actions]
    if "thank_you" not in names:
        raise AssertionError(f"expected a thank-you to be due after the sample interview, got {names}")
    yield f"engine: {len(report.actions)} follow-up(s) due in the sample"

    with Store(first) as store:
        export_json(store, root / "export.json")
    second = DataPaths(root / "second").ensure()
    with Store(second) as store:
        import_json(store, root / "export.json")
        export_json(store, root / "again.json")
    if (root / "export.json").read_bytes() != (root / "again.json").read_bytes():
        raise AssertionError("an export imported into an empty data dir did not give the same data back")
    yield "exchange: export → import → export is lossless"

    from .store import backups

    copy = backups.take_backup(second)
    apps, events = copy.counts()
    backups.restore(second, copy)
    with Store(second) as store:
        if len(store.applications()) != apps:
            raise AssertionError("a restored backup did not give the same applications back")
    yield f"backups: a verified copy ({apps} applications, {events} events) taken and restored"

    yield f"mail: {_mail_parts()}"

    from .ui.selftest import build_every_window

    yield f"windows: {build_every_window(second)}"


def _mail_parts() -> str:
    """What reading the mailbox needs is in the installation: TLS for imaplib (a bundle once
    left ssl out) and the keyring library with its system backend: on Linux the app's own
    Secret Service backend (mail/secret_service.py; the bundle has no SecretStorage). With
    FOLLOWUP_DESKTOP_SELFTEST_KEYRING=1 it also keeps a throw-away password in the keyring, reads
    it back and deletes it (packaging/check-frozen.sh does, against a private GNOME Keyring):
    never by default, so that a self-test does not touch the user's own keyring."""
    import imaplib
    import os
    import ssl

    import keyring

    if not hasattr(imaplib, "IMAP4_SSL"):
        raise AssertionError("imaplib has no TLS: the ssl module is missing")
    ssl.create_default_context()
    from .mail import account, imap  # noqa: F401

    backend = account._backend(keyring)
    if sys.platform.startswith("linux"):
        from .mail.secret_service import Keyring

        Keyring.priority  # noqa: B018 - raises when the backend cannot work here (no jeepney)
    said = f"the keyring backend {type(backend).__module__}.{type(backend).__name__}"
    if os.environ.get("FOLLOWUP_DESKTOP_SELFTEST_KEYRING") == "1":
        service, user = "followup-desktop-self-test", f"self-test-{os.getpid()}"
        secret = os.urandom(12).hex()
        backend.set_password(service, user, secret)
        try:
            if backend.get_password(service, user) != secret:
                raise AssertionError("the keyring gave back another password than the one it was given")
        finally:
            backend.delete_password(service, user)
        if backend.get_password(service, user) is not None:
            raise AssertionError("the keyring kept a password it was told to delete")
        said += " kept, read back and deleted a password"
    return f"TLS ({ssl.OPENSSL_VERSION}) and {said}"


def run_self_test() -> int:
    with tempfile.TemporaryDirectory(prefix="followup-selftest-") as tmp:
        try:
            for line in _checks(Path(tmp)):
                print(f"ok  {line}")
        except Exception as exc:  # report, never crash: this is a diagnostic
            print(f"FAIL {type(exc).__name__}: {exc}", file=sys.stderr)
            traceback.print_exc(file=sys.stderr)
            return 1
    print("self-test passed")
    return 0
