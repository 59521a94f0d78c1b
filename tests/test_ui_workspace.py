"""The workspace keeps the actions right as the clock moves and as things are written, without
holding a search's events in memory: it streams them past the engine when it reads everything
(at start-up and whenever the clock moves on), re-reads only the written employer after a write,
and never lets a read that started before a write overwrite it."""

from __future__ import annotations

import sys
import threading
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from followup_desktop.paths import DataPaths
from followup_desktop.playbook import apply_states, compute_all
from followup_desktop.store.connection import connect
from followup_desktop.store.snapshot import load_action_states, load_applications, load_settings
from followup_desktop.ui import workspace as workspace_module
from followup_desktop.ui.workspace import Workspace

sys.path.insert(0, str(Path(__file__).parent / "benchmarks"))
import generate  # noqa: E402  (the benchmark's realistic data set, made small here)

NOW = datetime(2026, 11, 16, 10, 30)
FIELDS = ("id", "application", "name", "opens", "due", "channel", "contact", "reason", "rule", "alternatives",
          "sequence", "notify_at", "snoozed")


@pytest.fixture
def now():
    return NOW


@pytest.fixture
def search(seed):
    """A realistic generated search of 150 applications, imported into a real data dir."""
    return seed(generate.build(applications=150, seed=11, now=NOW))


def _rows(actions) -> list[tuple]:
    return sorted(tuple(getattr(a, f) for f in FIELDS) for a in actions)


def _from_every_event(data, at: datetime) -> list[tuple]:
    """What the engine says at `at` from every event of every application, read afresh."""
    con = connect(data / "followup.sqlite3")
    try:
        settings = load_settings(con)
        actions = compute_all(load_applications(con), settings, at)
        return _rows(apply_states(actions, load_action_states(con), settings))
    finally:
        con.close()


def _held(ws: Workspace) -> list[tuple]:
    return _rows(ws.actions())


def _of(ws: Workspace, key: str) -> list:
    return [a for a in ws.actions() if a.application == key]


def test_the_streamed_read_gives_what_every_event_gives_and_keeps_no_events(search, clock):
    ws = Workspace(DataPaths(search), clock=clock)
    try:
        ws.load()
        assert _held(ws) == _from_every_event(search, NOW)
        assert len(_held(ws)) > 20
        assert all(not app.events for app in ws.applications().values())
        # "last contact" as the list shows it, from the events it no longer holds
        con = connect(search / "followup.sqlite3")
        try:
            for app in load_applications(con):
                contacts = [e.at for e in app.events if e.kind in workspace_module.CONTACT_KINDS and e.at <= NOW]
                assert ws.last_contact(app.key) == (max(contacts) if contacts else None), app.key
        finally:
            con.close()
    finally:
        ws.close()


def test_as_the_clock_moves_the_actions_stay_what_every_event_gives(qtbot, search, clock):
    ws = Workspace(DataPaths(search), clock=clock)
    try:
        ws.load()
        # through the day hour by hour, then over midnight and a week on
        for moment in [NOW + timedelta(hours=h) for h in range(1, 13)] + [NOW + timedelta(days=d) for d in (1, 8)]:
            clock.now = moment
            with qtbot.waitSignal(ws.loaded):  # read again on the worker thread
                ws.tick()
            assert ws.computed_at == moment
            assert _held(ws) == _from_every_event(search, moment), moment
    finally:
        ws.close()


def test_a_write_while_everything_is_read_is_not_lost(qtbot, search, monkeypatch, clock):
    ws = Workspace(DataPaths(search), clock=clock)
    try:
        ws.load()
        # an application with a follow-up waiting, which closing it will end
        key = next(a.application for a in ws.actions() if a.name == "status_check")
        before = _rows(_of(ws, key))
        # Hold the worker's read until the write below is done: it reads the file as it was.
        started, release = threading.Event(), threading.Event()
        read = workspace_module.read_snapshot

        def slow_read(paths, at, **kw):
            snap = read(paths, at, **kw)
            started.set()
            release.wait(10)
            return snap
        monkeypatch.setattr(workspace_module, "read_snapshot", slow_read)
        ws.reload_async()
        assert started.wait(10)
        with qtbot.waitSignal(ws.operations.drained):  # written on the write worker
            ws.log_event(key, {"kind": "closed", "at": NOW.isoformat(), "reason": "rejected"})
        assert _rows(_of(ws, key)) != before
        monkeypatch.setattr(workspace_module, "read_snapshot", read)
        release.set()
        # the stale read is dropped and the file read again, with the write in it
        with qtbot.waitSignal(ws.loaded, timeout=10_000):
            pass
        assert _rows(_of(ws, key)) != before
        assert _held(ws) == _from_every_event(search, NOW)
    finally:
        ws.close()


def test_the_command_line_and_the_workspace_read_the_same_agenda(search, clock):
    from followup_desktop.duelist import due_report

    ws = Workspace(DataPaths(search), clock=clock)
    try:
        ws.load()
        report = due_report(DataPaths(search), NOW)
        assert report.actions, "the generated search has follow-ups due"
        assert _rows(report.actions) == _rows(ws.due_now(NOW))
        assert [a.id for a in report.actions] == [a.id for a in ws.due_now(NOW)]  # the same order
    finally:
        ws.close()


@pytest.mark.parametrize("night, hours", [("2026-03-29", 23), ("2026-10-25", 25)])
def test_across_a_daylight_saving_night_the_workspace_sleeps_real_time_until_midnight(
        qtbot, tmp_path, monkeypatch, local_zone, clock_at, night, hours):
    """Nothing is due: the next change is midnight after the clock change, an hour more or less
    away in real time than on the clock faces (Europe/Berlin, a real local time zone)."""
    day = datetime.fromisoformat(night + "T00:00") - timedelta(hours=2)  # 22:00 the evening before
    ws = Workspace(DataPaths(tmp_path / "empty"), clock=clock_at(day))
    try:
        ws.load()
        monkeypatch.setattr(workspace_module, "MAX_SLEEP", timedelta(days=2))
        ws._arm_timer(day)  # what a load does, with the hour's cap lifted
        # 2 h to the first midnight, which the timer wakes for: on the clock and in real time
        assert abs(ws._timer.remainingTime() - 2 * 3600_000) < 2_000
        after = datetime.fromisoformat(night + "T00:00")
        ws._arm_timer(after)
        assert abs(ws._timer.remainingTime() - hours * 3600_000) < 2_000
    finally:
        ws.close()
