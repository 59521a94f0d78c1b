"""Speed budget of the mailbox sync, run on demand (never part of the normal test suite):

    python tests/benchmarks/bench_mail_sync.py [--messages 10000] [--matching 50]

(`bench_mail.py` beside it times an .eml dropped on the window.)

It starts the tests' real IMAP server (dovecot on 127.0.0.1, tests/mail_server.py), puts an
INBOX of 10,000 messages in place with APPEND, 50 of them from the contacts or the employers'
domains of a data dir of 10 employers, and times `followup-desktop mail sync` as a whole process
(TLS, certificate checked, every header read, the 50 bodies fetched and brought in):

* Budget: the first sync of the whole INBOX takes at most 10 s.

For information it also prints the time of a second sync (nothing new) and of the set-up.
Exit status: 0 within budget, 1 the budget exceeded, 2 the set-up failed.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import subprocess
import sys
import tempfile
import time
from email.utils import format_datetime
from datetime import datetime, timedelta
from pathlib import Path

TESTS = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(TESTS))
from mail_server import MailServer  # noqa: E402

BUDGET_S = 10.0
EMPLOYERS = 10


def cli_command() -> list[str]:
    exe = Path(sys.executable)
    script = exe.with_name("followup-desktop")
    return [str(script)] if script.is_file() else [sys.executable, "-m", "followup_desktop"]


def data_set(server, box) -> dict:
    employers, contacts, applications, events = [], [], [], []
    for n in range(EMPLOYERS):
        key = f"emp{n}"
        employers.append({"key": key, "name": f"Employer {n}", "website": f"https://employer{n}.example"})
        for m in range(2):
            contacts.append({"key": f"{key}-c{m}", "employer": key, "name": f"Person {n}-{m}",
                             "role": "recruiter", "email": f"person{m}@employer{n}.example"})
        applications.append({"key": f"{key}-job", "employer": key, "position": "Analyst", "stage": "applied"})
        events.append({"application": f"{key}-job", "kind": "applied", "at": "2026-03-02T09:00:00",
                       "channel": "portal"})
    return {"format": "followup-desktop", "version": 1,
            "profile": {"name": "Jordan Lee", "email": "jordan@example.org"},
            "settings": {"mail_host": server.host, "mail_port": server.tls_port, "mail_user": box.user,
                         "mail_security": "tls"},
            "employers": employers, "contacts": contacts, "applications": applications, "events": events}


def messages(total: int, matching: int, seed: int = 15) -> list[bytes]:
    rng = random.Random(seed)
    start = datetime(2026, 1, 5, 8, 0).astimezone()
    chosen = set(rng.sample(range(total), matching))
    out = []
    for i in range(total):
        at = format_datetime(start + timedelta(minutes=13 * i))
        if i in chosen:
            n = rng.randrange(EMPLOYERS)
            sender = (f"Person {n}-0 <person0@employer{n}.example>" if i % 2 else
                      f"Careers <jobs@employer{n}.example>")
            subject, body = "Re: Analyst", "Thank you for your application. We will be in touch next week."
        else:
            shop = rng.randrange(400)
            sender = f"Newsletter {shop} <news@shop{shop}.example>"
            subject = f"Offer number {i}"
            body = "Lorem ipsum dolor sit amet. " * rng.randrange(5, 60)
        out.append((f"From: {sender}\r\nTo: Jordan Lee <jordan@example.org>\r\nSubject: {subject}\r\n"
                    f"Date: {at}\r\nMessage-ID: <m{i}.{seed}@bench.example>\r\nMIME-Version: 1.0\r\n"
                    f"Content-Type: text/plain; charset=utf-8\r\n\r\n{body}\r\n").encode())
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--messages", type=int, default=10_000)
    parser.add_argument("--matching", type=int, default=50)
    args = parser.parse_args()

    try:
        server = MailServer().start()
    except RuntimeError as exc:
        print(f"set-up failed: {exc}", file=sys.stderr)
        return 2
    try:
        box = server.new_mailbox()
        t0 = time.perf_counter()
        box.append_many("INBOX", messages(args.messages, args.matching))
        print(f"set-up: {args.messages} messages appended in {time.perf_counter() - t0:.1f} s")
        with tempfile.TemporaryDirectory(prefix="bench-mail-") as tmp:
            data = Path(tmp) / "data"
            doc = Path(tmp) / "in.json"
            doc.write_text(json.dumps(data_set(server, box)), encoding="utf-8")
            env = {**os.environ, "FOLLOWUP_DESKTOP_MAIL_PASSWORD": box.password,
                   "SSL_CERT_FILE": str(box.cert)}
            done = subprocess.run([*cli_command(), "--data-dir", str(data), "import", str(doc)],
                                  capture_output=True, text=True, env=env)
            if done.returncode != 0:
                print(f"set-up failed: import: {done.stderr.strip()}", file=sys.stderr)
                return 2

            def sync() -> tuple[float, str]:
                t = time.perf_counter()
                run = subprocess.run([*cli_command(), "--data-dir", str(data), "mail", "sync"],
                                     capture_output=True, text=True, env=env)
                took = time.perf_counter() - t
                if run.returncode != 0:
                    raise SystemExit(f"mail sync failed: {run.stderr.strip()}")
                return took, run.stdout.strip()

            first, line = sync()
            print(f"first sync of {args.messages} messages, {args.matching} matching: {first:.2f} s "
                  f"(budget {BUDGET_S:.0f} s)\n  {line}")
            expected = f"INBOX: {args.messages} new, {args.matching} matched;"
            if not line.startswith(expected):
                print(f"unexpected counts: wanted {expected!r}", file=sys.stderr)
                return 2
            second, line = sync()
            print(f"second sync (nothing new): {second:.2f} s\n  {line}")
        ok = first <= BUDGET_S
        print("within budget" if ok else "OVER BUDGET")
        return 0 if ok else 1
    finally:
        server.stop()


if __name__ == "__main__":
    sys.exit(main())
