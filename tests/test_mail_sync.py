"""`followup-desktop mail sync` against a real IMAP server (dovecot, tests/mail_server.py).

The stories of issue 15's mailbox half: a recruiter's reply in INBOX waits in the review list,
a thank-you found in Sent marks the interviewer's step done, a second sync or a folder made
again adds nothing, a wrong password or a certificate nobody trusts is one plain line, and the
password is in no file of the data dir. Each test runs the real command in its own process.
"""

from __future__ import annotations

import json
from datetime import datetime
from email.utils import format_datetime
from pathlib import Path

import pytest

from followup_desktop.mail import intake
from followup_desktop.paths import DataPaths
from followup_desktop.store import Store

ACME = {"key": "acme", "name": "Acme Corp", "website": "https://acme.example"}
SUSAN = {"key": "susan", "employer": "acme", "name": "Susan Smith", "role": "recruiter",
         "email": "susan@acme.example"}
RAJ = {"key": "raj", "employer": "acme", "name": "Raj Patel", "role": "interviewer",
       "email": "raj.patel@acme.example"}
APP = {"key": "acme-om", "employer": "acme", "position": "Office Manager", "stage": "applied"}
PROFILE = {"name": "Jordan Lee", "email": "jordan@example.org"}

APPLIED = {"kind": "applied", "at": "2026-03-02T09:00:00", "channel": "portal"}
INTERVIEW = {"kind": "interview", "at": "2026-03-10T14:00:00", "duration_minutes": 60,
             "contacts": ["raj"]}


def mail_date(text: str) -> str:
    """A Date: header for a local time (what a mail program writes)."""
    return format_datetime(datetime.fromisoformat(text).astimezone())


def message(sender: str, to: str, subject: str, body: str, *, at: str, message_id: str,
            extra: str = "") -> bytes:
    return (f"From: {sender}\r\nTo: {to}\r\nSubject: {subject}\r\nDate: {mail_date(at)}\r\n"
            f"Message-ID: <{message_id}>\r\n{extra}MIME-Version: 1.0\r\n"
            f"Content-Type: text/plain; charset=utf-8\r\n\r\n{body}\r\n").encode("utf-8")


SUSANS_REPLY = message(
    "Susan Smith <susan@acme.example>", "Jordan Lee <jordan@example.org>", "Re: Office Manager",
    "Hi Jordan,\r\n\r\nThanks for checking in. We have not made a decision yet; we are still "
    "interviewing this week.\r\n\r\nBest,\r\nSusan", at="2026-03-12T10:00", message_id="reply-1@acme.example")
NEWSLETTER = message("Shop <news@shop.example>", "jordan@example.org", "Spring sale",
                     "Everything must go.", at="2026-03-12T08:00", message_id="sale-1@shop.example")
FRIEND = message("Alex <alex@gmail.com>", "jordan@example.org", "Dinner?",
                 "Are you free on Friday?", at="2026-03-12T09:00", message_id="dinner@gmail.com")
THANK_YOU = message(
    "Jordan Lee <jordan@example.org>", "Raj Patel <raj.patel@acme.example>",
    "Thank you for today", "Dear Raj,\r\n\r\nThank you for your time today.\r\n\r\nJordan Lee",
    at="2026-03-10T17:30", message_id="thanks-1@example.org")
TO_A_FRIEND = message("Jordan Lee <jordan@example.org>", "alex@gmail.com", "Re: Dinner?", "Yes!",
                      at="2026-03-12T09:30", message_id="dinner-re@example.org")


@pytest.fixture
def account(mailbox, dataset, seed):
    """A data dir with Acme Corp (Susan the recruiter, Raj who interviewed Jordan) whose
    settings name `mailbox` as the account, security as the test says (TLS by default)."""

    def make(security: str = "tls", **settings):
        port = mailbox.tls_port if security == "tls" else mailbox.starttls_port
        doc = dataset([APPLIED, INTERVIEW], employers=[ACME], contacts=[SUSAN, RAJ], applications=[APP],
                      profile=PROFILE,
                      settings={"mail_host": "127.0.0.1", "mail_port": port, "mail_user": mailbox.user,
                                "mail_security": security, **settings})
        return seed(doc)

    return make


@pytest.fixture
def sync(run_app, mailbox):
    """`sync(data_dir, *args, password=…, trust=True)`: run `mail sync` as a real process, the
    password in the environment and the test server's certificate trusted (SSL_CERT_FILE)."""

    def run(data_dir: Path, *args: str, password: str | None = None, trust: bool = True, env=None):
        environment = {"FOLLOWUP_DESKTOP_MAIL_PASSWORD": mailbox.password if password is None else password}
        if trust:
            environment["SSL_CERT_FILE"] = str(mailbox.cert)
        environment.update(env or {})
        return run_app("--data-dir", data_dir, "mail", "sync", *args, env=environment)

    return run


def ok(result) -> str:
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    return result.stdout.strip()


def one_plain_line(result) -> str:
    assert result.returncode == 1
    assert result.stdout == ""
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert "Traceback" not in result.stderr and "Error:" not in result.stderr
    return lines[0]


def review_list(data_dir: Path) -> list[dict]:
    with Store(DataPaths(data_dir)) as store:
        return intake.review_items(store)


def due(run_app, data_dir: Path, at: str) -> list[dict]:
    result = run_app("--data-dir", data_dir, "due", "--at", at, "--json")
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def without_mail_state(dump: dict) -> dict:
    """Everything but the folders' last-checked bookkeeping."""
    return {k: v for k, v in dump.items() if k != "mail_folder"}


# -- the stories ------------------------------------------------------------------------------

def test_a_recruiters_reply_in_the_inbox_waits_for_review_and_confirmed_opens_the_reply_thanks_step(
        account, mailbox, sync, run_app):
    data = account()
    mailbox.append("INBOX", NEWSLETTER, SUSANS_REPLY, FRIEND)

    assert ok(sync(data)) == "INBOX: 3 new, 1 matched; Sent: 0 matched, 0 steps done"

    items = review_list(data)
    assert len(items) == 1
    item = items[0]
    assert (item["employer"], item["contact_name"], item["state"]) == ("Acme Corp", "Susan Smith", intake.PENDING)
    assert "not made a decision yet" in item["body"]
    assert item["received_at"] == datetime(2026, 3, 12, 10, 0)
    # nothing is logged before the user says so
    assert not any(a["action"] == "reply_thanks" for a in due(run_app, data, "2026-03-12T11:00"))

    with Store(DataPaths(data)) as store:
        intake.confirm(store, item["id"], "no_decision")
    steps = [a for a in due(run_app, data, "2026-03-12T11:00") if a["action"] == "reply_thanks"]
    assert [(s["application"], s["contact"]) for s in steps] == [("acme-om", "Susan Smith")]


def test_only_the_matching_message_is_kept_and_the_mailbox_is_left_unread(account, mailbox, sync, data_dir):
    data = account()
    mailbox.append("INBOX", NEWSLETTER, SUSANS_REPLY, FRIEND)
    mailbox.append("Sent", TO_A_FRIEND)

    ok(sync(data))

    stored = b"".join(p.read_bytes() for p in Path(data).rglob("*") if p.is_file())
    for other in (b"Spring sale", b"news@shop.example", b"Dinner", b"alex@gmail.com", b"Are you free"):
        assert other not in stored
    assert b"not made a decision yet" in stored
    # read with EXAMINE and BODY.PEEK: nothing became \Seen on the server
    assert mailbox.flags("INBOX") and not any(b"\\Seen" in f for f in mailbox.flags("INBOX"))
    assert not any(b"\\Seen" in f for f in mailbox.flags("Sent"))


def test_a_thank_you_sent_from_the_mail_program_marks_that_interviewers_step_done(
        account, mailbox, sync, run_app, tmp_path):
    data = account()
    before = [a for a in due(run_app, data, "2026-03-10T18:00") if a["action"] == "thank_you"]
    assert [a["contact"] for a in before] == ["Raj Patel"]
    mailbox.append("Sent", THANK_YOU, TO_A_FRIEND)

    assert ok(sync(data)) == "INBOX: 0 new, 0 matched; Sent: 1 matched, 1 steps done"

    assert not any(a["action"] == "thank_you" for a in due(run_app, data, "2026-03-10T18:00"))
    exported = tmp_path / "out.json"
    assert run_app("--data-dir", data, "export", exported).returncode == 0
    events = json.loads(exported.read_text(encoding="utf-8"))["events"]
    thanks = [e for e in events if e["kind"] == "thank_you"]
    assert len(thanks) == 1
    assert thanks[0]["at"].startswith("2026-03-10T17:30")
    assert thanks[0]["contacts"] == ["raj"] and thanks[0]["message_id"] == "thanks-1@example.org"


def test_a_second_sync_adds_nothing(account, mailbox, sync, dump):
    data = account()
    mailbox.append("INBOX", SUSANS_REPLY, NEWSLETTER)
    mailbox.append("Sent", THANK_YOU)
    assert ok(sync(data)) == "INBOX: 2 new, 1 matched; Sent: 1 matched, 1 steps done"
    first = without_mail_state(dump(DataPaths(data).database))

    assert ok(sync(data)) == "INBOX: 0 new, 0 matched; Sent: 0 matched, 0 steps done"

    assert without_mail_state(dump(DataPaths(data).database)) == first


def test_only_messages_that_arrived_since_the_last_sync_are_read(account, mailbox, sync):
    data = account()
    mailbox.append("INBOX", NEWSLETTER)
    assert ok(sync(data)) == "INBOX: 1 new, 0 matched; Sent: 0 matched, 0 steps done"
    mailbox.append("INBOX", SUSANS_REPLY)

    assert ok(sync(data)) == "INBOX: 1 new, 1 matched; Sent: 0 matched, 0 steps done"
    assert len(review_list(data)) == 1


def test_folders_made_again_under_a_new_uidvalidity_bring_in_no_duplicates(account, mailbox, sync, dump):
    data = account()
    mailbox.append("INBOX", SUSANS_REPLY, NEWSLETTER)
    mailbox.append("Sent", THANK_YOU)
    ok(sync(data))
    first = without_mail_state(dump(DataPaths(data).database))
    validity = mailbox.uidvalidity("INBOX"), mailbox.uidvalidity("Sent")

    mailbox.recreate("INBOX")
    mailbox.recreate("Sent")
    assert (mailbox.uidvalidity("INBOX"), mailbox.uidvalidity("Sent")) != validity
    mailbox.append("INBOX", NEWSLETTER, SUSANS_REPLY)  # the same messages, new UIDs
    mailbox.append("Sent", THANK_YOU)

    # every message is read again, and each is known by its Message-ID
    assert ok(sync(data)) == "INBOX: 2 new, 0 matched; Sent: 0 matched, 0 steps done"
    assert without_mail_state(dump(DataPaths(data).database)) == first
    assert len(review_list(data)) == 2  # the reply waiting, the thank-you applied


def test_a_dry_run_says_what_would_come_in_and_keeps_nothing(account, mailbox, sync, dump):
    data = account()
    mailbox.append("INBOX", SUSANS_REPLY, NEWSLETTER)
    mailbox.append("Sent", THANK_YOU)
    before = dump(DataPaths(data).database)

    assert ok(sync(data, "--dry-run")) == "INBOX: 2 new, 1 matched; Sent: 1 matched, 1 steps done"

    assert dump(DataPaths(data).database) == before
    # and the real sync afterwards still finds everything
    assert ok(sync(data)) == "INBOX: 2 new, 1 matched; Sent: 1 matched, 1 steps done"


@pytest.mark.parametrize("security", ["tls", "starttls"])
def test_the_reply_comes_in_over_tls_and_over_starttls(account, mailbox, sync, security):
    data = account(security)
    mailbox.append("INBOX", SUSANS_REPLY)

    assert ok(sync(data)) == "INBOX: 1 new, 1 matched; Sent: 0 matched, 0 steps done"
    assert [i["contact_name"] for i in review_list(data)] == ["Susan Smith"]


def test_a_sent_folder_the_server_does_not_flag_is_read_when_named(account, mailbox, sync):
    with mailbox.connect() as imap:
        assert imap.create('"Outgoing Mail"')[0] == "OK"
    mailbox.append('"Outgoing Mail"', THANK_YOU)
    data = account(mail_sent_folder="Outgoing Mail")

    assert ok(sync(data)) == "INBOX: 0 new, 0 matched; Sent: 1 matched, 1 steps done"


# -- failures, in one plain line ------------------------------------------------------------

def test_a_wrong_password_is_one_plain_line_and_exit_1(account, mailbox, sync, dump):
    data = account()
    mailbox.append("INBOX", SUSANS_REPLY)
    before = dump(DataPaths(data).database)

    line = one_plain_line(sync(data, password="not-the-password"))

    assert line == "followup-desktop: the mail server refused the user name or password"
    assert dump(DataPaths(data).database) == before


def test_a_certificate_nobody_trusts_is_refused_in_one_line(account, mailbox, sync, dump):
    data = account()
    mailbox.append("INBOX", SUSANS_REPLY)
    before = dump(DataPaths(data).database)

    line = one_plain_line(sync(data, trust=False))

    assert "certificate" in line and "not trusted" in line and "self-signed" in line
    assert mailbox.password not in line
    assert dump(DataPaths(data).database) == before


def test_the_authority_file_the_user_names_is_trusted_instead_of_the_system_store(account, mailbox, sync):
    data = account(mail_ca_file=str(mailbox.cert))
    mailbox.append("INBOX", SUSANS_REPLY)

    assert ok(sync(data, trust=False)) == "INBOX: 1 new, 1 matched; Sent: 0 matched, 0 steps done"


def test_a_sync_with_no_account_set_up_says_where_to_set_it(seed, dataset, run_app, data_dir):
    seed(dataset([APPLIED], employers=[ACME], contacts=[SUSAN], applications=[APP]))

    line = one_plain_line(run_app("--data-dir", data_dir, "mail", "sync"))

    assert "no mail account is set up" in line and "Settings" in line


def test_no_password_anywhere_says_how_to_give_one(account, sync):
    data = account()

    line = one_plain_line(sync(data, password="", env={"PYTHON_KEYRING_BACKEND": "keyring.backends.fail.Keyring"}))

    assert "password" in line and "FOLLOWUP_DESKTOP_MAIL_PASSWORD" in line


@pytest.mark.parametrize("port, security, expected", [
    ("closed", "tls", "refused the connection"),
    ("starttls", "tls", "secure connection"),
])
def test_the_wrong_port_is_said_in_one_line(account, mailbox, sync, port, security, expected):
    import socket

    if port == "closed":
        with socket.socket() as s:
            s.bind(("127.0.0.1", 0))
            number = s.getsockname()[1]
    else:
        number = mailbox.starttls_port
    data = account(security, mail_port=number)

    assert expected in one_plain_line(sync(data))


def test_a_server_name_that_does_not_exist_is_said_in_one_line(account, sync):
    data = account(mail_host="no-such-server.invalid")

    assert "no-such-server.invalid was not found" in one_plain_line(sync(data))


# -- the password ---------------------------------------------------------------------------

def everything_in(folder: Path) -> bytes:
    return b"\0".join(p.read_bytes() for p in sorted(Path(folder).rglob("*")) if p.is_file())


def test_the_password_from_the_environment_is_in_no_file_of_the_data_dir(account, mailbox, sync, run_app, tmp_path):
    data = account()
    mailbox.append("INBOX", SUSANS_REPLY)
    mailbox.append("Sent", THANK_YOU)
    ok(sync(data))
    one_plain_line(sync(data, password=mailbox.password + "-wrong"))
    assert run_app("--data-dir", data, "export", tmp_path / "out.json").returncode == 0

    files = [p for p in Path(data).rglob("*") if p.is_file()]
    assert any(p.suffix == ".sqlite3" for p in files)
    secret = mailbox.password.encode()
    assert secret not in everything_in(data)
    assert secret not in (tmp_path / "out.json").read_bytes()


def keep_in_keyring(secret_service, mailbox, password: str) -> None:
    """What the settings page does with a typed password (mail.account.store_password), in a
    process of its own that reaches the test's Secret Service."""
    import os
    import subprocess
    import sys

    code = ("import sys; from followup_desktop.mail.account import Account, store_password; "
            "store_password(Account('127.0.0.1', 0, sys.argv[1]), sys.stdin.read())")
    subprocess.run([sys.executable, "-c", code, mailbox.user], input=password, text=True, check=True,
                   env={**os.environ, **secret_service.env}, timeout=60)


def test_the_password_from_the_keyring_is_in_no_file_of_the_data_dir(account, mailbox, sync, secret_service):
    data = account()
    mailbox.append("INBOX", SUSANS_REPLY)
    keep_in_keyring(secret_service, mailbox, mailbox.password)

    # no password in the environment: the keyring (a real Secret Service) gives it
    assert ok(sync(data, password="", env=secret_service.env)) == \
        "INBOX: 1 new, 1 matched; Sent: 0 matched, 0 steps done"

    assert mailbox.password.encode() not in everything_in(data)
    keep_in_keyring(secret_service, mailbox, "an-old-password")
    assert one_plain_line(sync(data, password="", env=secret_service.env)) == \
        "followup-desktop: the mail server refused the user name or password"


def test_headers_are_read_first_and_only_the_matching_messages_body_is_fetched(account, mailbox, sync):
    import re

    data = account()
    mailbox.append("INBOX", NEWSLETTER, SUSANS_REPLY, FRIEND, NEWSLETTER.replace(b"sale-1", b"sale-2"))

    ok(sync(data))

    # dovecot counts, per session, the header and the body fetches it answered
    sessions = [line for line in mailbox.server.log().splitlines()
                if f"imap({mailbox.user})" in line and "Disconnected" in line]
    counts = [tuple(int(x) for x in re.search(r"hdr_count=(\d+) .*body_count=(\d+)", line).groups())
              for line in sessions]
    assert (4, 1) in counts, counts


def test_a_huge_message_from_a_contact_is_fetched_only_up_to_the_cap(account, mailbox, sync):
    import re

    from followup_desktop.mail.imap import MAX_MESSAGE_BYTES

    data = account()
    attachment = b"QUFBQUFB" * (6 * 1024 * 1024 // 8)  # a 6 MB base64 "attachment"
    huge = (b"From: Susan Smith <susan@acme.example>\r\nTo: jordan@example.org\r\nSubject: The forms\r\n"
            b"Date: " + mail_date("2026-03-12T10:00").encode() + b"\r\nMessage-ID: <huge@acme.example>\r\n"
            b"MIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=b\r\n\r\n--b\r\n"
            b"Content-Type: text/plain\r\n\r\nPlease fill in the attached forms.\r\n--b\r\n"
            b"Content-Type: application/pdf; name=forms.pdf\r\nContent-Transfer-Encoding: base64\r\n\r\n"
            + attachment + b"\r\n--b--\r\n")
    mailbox.append("INBOX", huge)

    assert ok(sync(data)) == "INBOX: 1 new, 1 matched; Sent: 0 matched, 0 steps done"

    [item] = review_list(data)
    assert "fill in the attached forms" in item["body"]
    sessions = [line for line in mailbox.server.log().splitlines()
                if f"imap({mailbox.user})" in line and "Disconnected" in line]
    fetched = max(int(re.search(r"body_bytes=(\d+)", line).group(1)) for line in sessions)
    assert 0 < fetched <= MAX_MESSAGE_BYTES + 1024
    assert sum(p.stat().st_size for p in Path(data).rglob("*") if p.is_file()) < 3 * 1024 * 1024
