"""What start-up leaves until the window is shown comes all the same: the log's records held
until then reach the file, a warning at once; the engine and the store are not loaded before the
window (the last exit's list stands in for the data)."""

from __future__ import annotations

import logging
import os
import subprocess
import sys

from followup_desktop.app import release_logging, setup_logging
from followup_desktop.paths import DataPaths


def _drop(log_file: str) -> None:
    root = logging.getLogger()
    for h in list(root.handlers):
        if getattr(h, "baseFilename", None) == log_file:
            root.removeHandler(h)
            h.close()


def test_records_held_at_start_reach_the_log_file_once_released_and_a_warning_at_once(data_dir):
    paths = DataPaths(data_dir).ensure()
    log_file = setup_logging(paths, hold=True)
    try:
        assert os.stat(log_file).st_mode & 0o777 == 0o600  # there, private, from the start
        logging.getLogger("followup_desktop.test").info("the window is being built")
        assert "the window is being built" not in open(log_file, encoding="utf-8").read()
        logging.getLogger("followup_desktop.test").warning("the data file is read-only")
        for h in logging.getLogger().handlers:
            h.flush()
        text = open(log_file, encoding="utf-8").read()
        assert "the window is being built" in text and "the data file is read-only" in text
        assert text.index("the window is being built") < text.index("the data file is read-only")
        release_logging()  # once more: nothing held twice
        logging.getLogger("followup_desktop.test").info("after the window")
        for h in logging.getLogger().handlers:
            h.flush()
        text = open(log_file, encoding="utf-8").read()
        assert text.count("the window is being built") == 1 and text.count("the data file is read-only") == 1
        assert "after the window" in text
    finally:
        _drop(log_file)


def test_the_window_and_its_list_load_neither_the_engine_nor_the_store(tmp_path):
    """What the first paint needs only: the engine, the agenda, the store and the log's
    rotation load with the first read of the data, after the window is shown."""
    code = (
        "import sys\n"
        "from followup_desktop.ui.app import build, make_application\n"
        "from followup_desktop.paths import DataPaths\n"
        "from followup_desktop.app import setup_logging\n"
        f"paths = DataPaths({str(tmp_path / 'data')!r}).ensure()\n"
        "setup_logging(paths, hold=True)\n"
        "app = make_application()\n"
        "workspace, window = build(paths)\n"
        "window.show()\n"
        "app.processEvents()\n"
        "heavy = ('followup_desktop.playbook', 'followup_desktop.agenda', 'followup_desktop.store',\n"
        "         'logging.handlers', 'peewee')\n"
        "print(sorted(m for m in heavy if m in sys.modules))\n"
    )
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, timeout=120)
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip().splitlines()[-1] == "[]"


def test_a_start_that_reads_the_data_counts_the_inbox_without_the_mail_reader_or_the_orm(
        tmp_path, seed, local_zone):
    """A start that reads everything, with a reply waiting in the Inbox, shows "Inbox (1)" from
    one plain read: the mail reader (`email`), the ORM and OpenSSL load when the Inbox is opened,
    the calendar file's keeper only with its setting on, the mailbox's checks (IMAP, TLS, the
    keyring) only once an account is set up."""
    import importlib.util
    from pathlib import Path

    from followup_desktop.mail.intake import bring_in
    from followup_desktop.store import Store

    local_zone("UTC")
    mail = Path(__file__).resolve().parent / "fixtures" / "mail"
    spec = importlib.util.spec_from_file_location("make_mail", mail / "make_mail.py")
    make_mail = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(make_mail)
    data = seed(make_mail.dataset(), into=tmp_path / "data")
    store = Store(DataPaths(data))
    try:
        assert bring_in(store, (mail / "plain.eml").read_bytes()).line.startswith("waiting for review")
    finally:
        store.close()
    code = (
        "import sys, time\n"
        "from followup_desktop.ui.app import build, make_application, watch_the_data\n"
        "from followup_desktop.paths import DataPaths\n"
        "from followup_desktop.app import setup_logging\n"
        f"paths = DataPaths({str(data)!r}).ensure()\n"
        "setup_logging(paths, hold=True)\n"
        "app = make_application()\n"
        "workspace, window = build(paths)\n"
        "window.show()\n"
        "watch_the_data(paths, workspace, window)\n"
        "workspace.reload_async()\n"
        "end = time.monotonic() + 60\n"
        "while not workspace.is_loaded and time.monotonic() < end:\n"
        "    app.processEvents(); time.sleep(0.005)\n"
        "for _ in range(20):\n"
        "    app.processEvents(); time.sleep(0.005)\n"
        "print(window.inbox.button.text(), window.model.rowCount())\n"
        "heavy = ('peewee', 'followup_desktop.store.models', 'followup_desktop.mail.intake', 'email',\n"
        "         'hashlib', 'followup_desktop.ui.calendar_file', 'followup_desktop.exchange.ics',\n"
        "         'followup_desktop.ui.mail_check', 'followup_desktop.mail.imap', 'imaplib', 'ssl', 'keyring')\n"
        "print(sorted(m for m in heavy if m in sys.modules))\n"
        "window.inbox.set_showing(True)\n"
        "print(window.inbox.current_item()['sender_name'], 'email' in sys.modules)\n"
    )
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", TZ="UTC")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, timeout=120)
    assert out.returncode == 0, out.stderr
    shown, loaded, opened = out.stdout.strip().splitlines()[-3:]
    assert shown == "Inbox (1) 3"  # the three applications listed, one reply waiting
    assert loaded == "[]"
    assert opened == "Susan Smith True"  # the Inbox opened: the message read whole
