"""Shared fixtures: every test gets its own data dir on a real SQLite file, never the user's.

No test may reach the platformdirs location: `FOLLOWUP_DESKTOP_DATA_DIR` points into the test's
temporary folder unless a test sets it otherwise.

The one clock, data set and window every test builds on:

- `now` (a module may override it) and `clock`: the app's clock as the test sets it
  (`clock.now = …` moves it); `clock_at(moment)` makes another one (a second run of the app).
- `dataset(events, …)`: an exchange document (CONTRACT.md), Acme Corp with Susan Smith and one
  application unless told otherwise; `seed(document)` imports one into a data dir.
- `leads` (a module overrides it with its data set; none by default), `workspace` (a loaded
  Workspace over the test's data dir at `clock`, the `leads` imported) and `window` (its
  MainWindow, shown and active). A module needing more of its window overrides `window` and
  asks for the shared one.
- `local_zone`: local time is Europe/Berlin's, a real zone with its daylight-saving changes.
"""

from __future__ import annotations

import importlib.util
import json
import os
import shutil
import sqlite3
import subprocess
import sys
import time
from datetime import datetime
from pathlib import Path

import pytest

# Widgets render offscreen unless a test starts a real X server on purpose (end-to-end tests).
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

FIXTURES = Path(__file__).resolve().parent / "fixtures"
CONTRACT_EXAMPLE = FIXTURES / "contract_example.json"
SCHEMA1_DB = FIXTURES / "schema1.sqlite3"


def pytest_collection_finish(session):
    """A run that collects no test fails loudly (pytest's exit 5 would read as "nothing wrong")."""
    if not session.items:
        raise pytest.UsageError("no test was collected: check the test paths and -k/-m filters")


@pytest.fixture(autouse=True)
def _never_the_real_data_dir(tmp_path, monkeypatch):
    monkeypatch.setenv("FOLLOWUP_DESKTOP_DATA_DIR", str(tmp_path / "env-data-dir"))


@pytest.fixture
def data_dir(tmp_path) -> Path:
    """A data dir that does not exist yet (the app creates it)."""
    return tmp_path / "data"


@pytest.fixture
def contract_example() -> Path:
    return CONTRACT_EXAMPLE


@pytest.fixture(scope="session")
def schema1():
    """The fixture builder module (its row constants are what an upgrade must keep)."""
    spec = importlib.util.spec_from_file_location("make_schema1", FIXTURES / "make_schema1.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture
def schema1_copy(data_dir) -> Path:
    """A copy of the committed schema-1 database, placed as the data dir's database."""
    from followup_desktop.paths import DataPaths

    target = DataPaths(data_dir).database
    data_dir.mkdir(parents=True)
    shutil.copyfile(SCHEMA1_DB, target)
    return target


@pytest.fixture
def mounted_disk(tmp_path):
    """`mounted_disk(size)`: a real file system of `size` (tmpfs, e.g. "3m") mounted in the
    test's folder, unmounted after the test (the suite runs as root): a disk that can be filled
    up, or made read-only."""
    mounts = []

    def mount(size: str) -> Path:
        path = tmp_path / f"disk{len(mounts) or ''}"
        path.mkdir()
        subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={size},mode=0700", "tmpfs", str(path)], check=True)
        mounts.append(path)
        return path

    yield mount
    for path in mounts:
        subprocess.run(["umount", "-l", str(path)], check=True)


def read_only(path: Path) -> sqlite3.Connection:
    return sqlite3.connect(f"{Path(path).resolve().as_uri()}?mode=ro", uri=True)


def content_dump(path: Path) -> dict:
    """Everything a user could lose: the schema version, the schema, every row of every table."""
    con = read_only(path)
    try:
        out = {"user_version": con.execute("PRAGMA user_version").fetchone()[0]}
        out["schema"] = sorted(
            tuple(r) for r in con.execute("SELECT type, name, tbl_name, sql FROM sqlite_master")
        )
        for (table,) in con.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
        ).fetchall():
            rows = con.execute(f'SELECT * FROM "{table}"').fetchall()
            out[table] = sorted(rows, key=repr)
        return out
    finally:
        con.close()


@pytest.fixture
def dump():
    """`dump(db_path)` -> a comparable snapshot of the whole database, read without writing."""
    return content_dump


@pytest.fixture
def write_json(tmp_path):
    """`write_json(doc, name="in.json")` -> the path of a JSON file holding `doc`."""

    def write(doc, name: str = "in.json") -> Path:
        path = tmp_path / name
        path.write_text(json.dumps(doc, indent=1, ensure_ascii=False), encoding="utf-8")
        return path

    return write


@pytest.fixture
def run_app(tmp_path):
    """Run `python -m followup_desktop ARGS…` as a real process; returns CompletedProcess."""

    def run(*args: str, env: dict | None = None) -> subprocess.CompletedProcess:
        base = {k: v for k, v in os.environ.items() if k != "FOLLOWUP_DESKTOP_DATA_DIR"}
        base["FOLLOWUP_DESKTOP_DATA_DIR"] = str(tmp_path / "env-data-dir")
        base.update(env or {})
        return subprocess.run(
            [sys.executable, "-m", "followup_desktop", *map(str, args)],
            capture_output=True, text=True, env=base, cwd=tmp_path, timeout=120,
        )

    return run


# -- the clock -------------------------------------------------------------------------------------

class Clock:
    """The app's clock as a test sets it: the app calls it for the time, the test moves `now`."""

    def __init__(self, now: datetime):
        self.now = now

    def __call__(self) -> datetime:
        return self.now


#: a Monday morning (2026-03-02 and 2026-03-09 are Mondays)
MONDAY = datetime(2026, 3, 9, 9, 0)


@pytest.fixture
def now() -> datetime:
    """The moment the app's clock shows when a test starts; a module overrides it with its own."""
    return MONDAY


@pytest.fixture
def clock(now) -> Clock:
    return Clock(now)


@pytest.fixture
def clock_at():
    """`clock_at(moment)` -> another Clock, e.g. for a second run of the app over the same data."""
    return Clock


# -- the data set ----------------------------------------------------------------------------------

ACME = {"key": "acme", "name": "Acme Corp"}
SUSAN = {"key": "susan", "employer": "acme", "name": "Susan Smith", "role": "recruiter"}
OFFICE_MANAGER = {"key": "acme-om", "employer": "acme", "position": "Office Manager", "stage": "applied"}


def build_dataset(events=(), *, employers=(ACME,), contacts=(SUSAN,), applications=(OFFICE_MANAGER,),
                  stage: str | None = None, outcome: str | None = None, **top) -> dict:
    """An exchange document: Acme Corp, its recruiter Susan Smith and the Office Manager application
    `acme-om` (applied) unless told otherwise. `stage`/`outcome` set the only application's; an
    event without "application" belongs to the only application. `top`: profile, settings, …"""
    apps = [dict(a) for a in applications]
    if stage or outcome:
        assert len(apps) == 1, "stage= and outcome= are for a data set of one application"
        if stage:
            apps[0]["stage"] = stage
        if outcome:
            apps[0]["outcome"] = outcome
    evs = []
    for e in events:
        if "application" not in e:
            assert len(apps) == 1, f"which application is {e} of?"
            e = {"application": apps[0]["key"], **e}
        evs.append(dict(e))
    return {"format": "followup-desktop", "version": 1, **top, "employers": [dict(e) for e in employers],
            "contacts": [dict(c) for c in contacts], "applications": apps, "events": evs}


@pytest.fixture
def dataset():
    """`dataset(events, employers=…, contacts=…, applications=…, stage=…, **top)` -> a document."""
    return build_dataset


@pytest.fixture
def seed(data_dir, write_json):
    """`seed(document, into=data_dir)` imports an exchange document into a data dir; returns it."""
    from followup_desktop.exchange.jsonfile import import_json
    from followup_desktop.paths import DataPaths
    from followup_desktop.store import Store

    def put(document: dict, into: Path | None = None) -> Path:
        target = Path(into or data_dir)
        store = Store(DataPaths(target))
        try:
            import_json(store, write_json(document, "seed.json"))
        finally:
            store.close()
        return target

    return put


# -- the workspace and its window ------------------------------------------------------------------

@pytest.fixture
def leads():
    """The data set a test's workspace starts from: none (a new data dir) unless a module says."""
    return None


@pytest.fixture
def workspace(data_dir, clock, leads, write_json):
    """A loaded Workspace over the test's data dir at `clock`, with `leads` imported first."""
    from followup_desktop.exchange.jsonfile import import_json
    from followup_desktop.paths import DataPaths
    from followup_desktop.ui.workspace import Workspace

    ws = Workspace(DataPaths(data_dir), clock=clock)
    if leads is not None:
        import_json(ws.store, write_json(leads, "leads.json"))
    ws.load()
    yield ws
    ws.close()


@pytest.fixture
def window(qtbot, workspace):
    """The main window over `workspace`, shown and active (window shortcuts reach it)."""
    from followup_desktop.ui.main_window import MainWindow

    w = MainWindow(workspace)
    qtbot.addWidget(w)
    w.show()
    w.activateWindow()
    qtbot.waitActive(w)
    return w


@pytest.fixture
def refusals(monkeypatch):
    """A refusal the window shows in a message box fails the test instead of waiting for a click."""
    from PySide6.QtWidgets import QMessageBox

    def refuse(parent, title, text, *a, **kw):
        raise AssertionError(f"{title}: {text}")
    monkeypatch.setattr(QMessageBox, "warning", staticmethod(refuse))


# -- a real local time zone ------------------------------------------------------------------------

@pytest.fixture
def local_zone():
    """Local time is Europe/Berlin's for the test (spring forward 2026-03-29 02:00 -> 03:00, fall
    back 2026-10-25 03:00 -> 02:00), so local-time arithmetic meets the zone's real transitions.
    `local_zone("UTC")` switches zone; the test's own zone comes back afterwards."""
    before = os.environ.get("TZ")

    def use(zone: str) -> None:
        os.environ["TZ"] = zone
        time.tzset()

    use("Europe/Berlin")
    assert time.tzname == ("CET", "CEST"), "the Europe/Berlin zone is not installed (tzdata)"
    yield use
    if before is None:
        os.environ.pop("TZ", None)
    else:
        os.environ["TZ"] = before
    time.tzset()


# -- a real IMAP server ----------------------------------------------------------------------------

@pytest.fixture(scope="session")
def mail_server():
    """Dovecot on 127.0.0.1 with a throw-away configuration (tests/mail_server.py), for the whole
    run. No dovecot is a failure that says how to install it, never a skip."""
    from mail_server import MailServer

    try:
        server = MailServer().start()
    except RuntimeError as exc:
        pytest.fail(str(exc), pytrace=False)
    yield server
    server.stop()


@pytest.fixture
def mailbox(mail_server):
    """A user of the test's own on `mail_server`, with an empty INBOX and Sent."""
    return mail_server.new_mailbox()


@pytest.fixture(scope="session")
def secret_service(tmp_path_factory):
    """A real Secret Service (gnome-keyring on a private D-Bus bus) for the keyring tests; its
    `env` reaches it. Missing packages are a failure that says how to install them."""
    from mail_server import SecretService

    try:
        service = SecretService(tmp_path_factory.mktemp("keyring-home")).start()
    except RuntimeError as exc:
        pytest.fail(str(exc), pytrace=False)
    yield service
    service.stop()


@pytest.fixture
def warnings(monkeypatch):
    """The warning boxes the window shows, recorded (title, text) instead of waiting for a click."""
    from PySide6.QtWidgets import QMessageBox

    shown = []
    monkeypatch.setattr(QMessageBox, "warning",
                        staticmethod(lambda parent, title, text, *a, **kw: shown.append((title, text))))
    return shown
