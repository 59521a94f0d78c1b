"""The test IMAP server itself: the mail stories lean on it, so it is checked on its own."""

from __future__ import annotations

import imaplib
import ssl


MESSAGE = b"From: Susan Smith <susan@acme.example>\r\nTo: jordan@example.org\r\nSubject: Hello\r\nMessage-ID: <hello-1@acme.example>\r\n\r\nHello there.\r\n"


def test_the_test_server_speaks_tls_and_starttls_with_its_own_certificate(mailbox):
    with imaplib.IMAP4_SSL(mailbox.host, mailbox.tls_port, ssl_context=mailbox.server.ssl_context(),
                           timeout=10) as imap:
        assert imap.login(mailbox.user, mailbox.password)[0] == "OK"
    with imaplib.IMAP4(mailbox.host, mailbox.starttls_port, timeout=10) as imap:
        assert "STARTTLS" in imap.capabilities
        imap.starttls(mailbox.server.ssl_context())
        assert imap.login(mailbox.user, mailbox.password)[0] == "OK"


def test_the_test_servers_certificate_is_not_trusted_by_the_system_store(mailbox):
    try:
        imaplib.IMAP4_SSL(mailbox.host, mailbox.tls_port, ssl_context=ssl.create_default_context(),
                          timeout=10)
    except ssl.SSLCertVerificationError:
        return
    raise AssertionError("the self-made certificate was trusted without its CA file")


def test_appended_messages_land_in_the_folder_and_sent_is_flagged_special_use(mailbox):
    mailbox.append("INBOX", MESSAGE, MESSAGE)
    mailbox.append("Sent", MESSAGE)
    assert (mailbox.count("INBOX"), mailbox.count("Sent")) == (2, 1)
    with mailbox.connect() as imap:
        typ, lines = imap.list('""', "*")
    sent = [line for line in lines if line.endswith(b" Sent")]
    assert sent and b"\\Sent" in sent[0]


def test_recreating_a_folder_empties_it_under_a_new_uidvalidity(mailbox):
    for folder in ("INBOX", "Sent"):
        mailbox.append(folder, MESSAGE)
        before = mailbox.uidvalidity(folder)
        mailbox.recreate(folder)
        assert mailbox.count(folder) == 0
        assert mailbox.uidvalidity(folder) != before


def test_each_test_gets_a_mailbox_of_its_own(mail_server):
    first, second = mail_server.new_mailbox(), mail_server.new_mailbox()
    first.append("INBOX", MESSAGE)
    assert (first.count("INBOX"), second.count("INBOX")) == (1, 0)
