"""The IMAP reader's own parts: the quick look at the headers that decides which bodies are
fetched, the folder list it finds Sent in, and the server's folder names shown as text."""

from __future__ import annotations

import pytest

from followup_desktop.mail.imap import decode_name, parse_list, quick_look
from followup_desktop.mail.message import header_addresses

HEADERS = [
    b"From: Susan Smith <susan@acme.example>\r\nTo: Jordan <jordan@example.org>\r\nMessage-ID: <a1@acme.example>\r\n\r\n",
    b"From: =?utf-8?q?J=C3=B6rg_M=C3=BCller?= <Joerg.Mueller@Firma.example>\r\nTo: jordan@example.org,\r\n"
    b" =?utf-8?b?w4lsb2RpZQ==?= <elodie@firma.example>\r\nCc: hr@firma.example\r\nMessage-ID:\r\n <folded@firma.example>\r\n\r\n",
    b"From: a@one.example, b@two.example\r\nTo: jordan@example.org\r\nMessage-ID: <two-senders@x>\r\n\r\n",
    b"From: \"Smith, Susan\" <susan@acme.example>\r\nTo: Team: jordan@example.org, raj@acme.example;\r\n\r\n",
    b"From: nobody\r\nTo: \r\nSubject: no addresses at all\r\n\r\n",
    b"From: Susan <susan@acme.example>\r\nBcc: hidden@acme.example\r\nMessage-ID: no-brackets@acme.example\r\n\r\n",
    "From: Zoë Ñandú <zoe@empresa.example>\r\nTo: jordan@example.org\r\n\r\n".encode("utf-8"),
]


@pytest.mark.parametrize("head", HEADERS)
def test_the_quick_look_at_the_headers_agrees_with_the_intakes_reading(head):
    assert quick_look(head) == header_addresses(head)


def test_the_sent_folder_is_found_by_its_special_use_flag_whatever_its_name():
    answer = [b'(\\HasNoChildren) "/" INBOX', b'(\\HasNoChildren \\Sent) "/" "Gesendete Objekte"',
              (b'(\\HasNoChildren \\Trash) "/" {5}', b"Trash"), b'(\\Noselect) "." "[Gmail]"']
    assert parse_list(answer) == [({"\\hasnochildren"}, "INBOX"),
                                  ({"\\hasnochildren", "\\sent"}, "Gesendete Objekte"),
                                  ({"\\hasnochildren", "\\trash"}, "Trash"),
                                  ({"\\noselect"}, "[Gmail]")]


def test_folder_names_in_modified_utf7_are_shown_as_text():
    assert decode_name("Gel&APY-schte Elemente") == "Gelöschte Elemente"
    assert decode_name("&ZeVnLIqe-") == "日本語"
    assert decode_name("Tom &- Jerry") == "Tom & Jerry"
    assert decode_name("Sent") == "Sent"
