"""The quick paths of the list give the same answers as the slow ones: a full read taken in
after an import shows the list a restart shows; a search typed and erased letter by letter shows
the rows a fresh search shows; the selected application's timeline stays put while a search
moves its row; and closing, with an import or a read under way, finishes and reads nothing back."""

from __future__ import annotations

import faulthandler
import time
from datetime import datetime, timedelta

import pytest
from PySide6.QtCore import Qt

from followup_desktop.paths import DataPaths
from followup_desktop.ui.listmodel import KEY_ROLE
from followup_desktop.ui.main_window import MainWindow
from followup_desktop.ui.workspace import Workspace

NOW = datetime(2026, 3, 9, 9, 0)
NAMES = ("Acme", "Globex", "Initech", "Umbrella", "Hooli", "Vandelay", "Stark", "Wayne", "Cyberdyne", "Tyrell")


@pytest.fixture
def now():
    return NOW


def search(n: int = 60) -> dict:
    """`n` applications at n/2 employers, at every stage of a search: applied days or weeks ago,
    interviewed, closed; most urgent first is not the order they were written in."""
    employers = [{"key": f"e{i}", "name": f"{NAMES[i % len(NAMES)]} {i}"} for i in range(n // 2)]
    contacts = [{"key": f"c{i}", "employer": f"e{i}", "name": f"Priya {i}" if i % 3 else f"Sam {i}",
                 "role": "recruiter"} for i in range(n // 2)]
    apps, events = [], []
    for i in range(n):
        employer = f"e{i // 2}"
        stage = ("applied", "interviewing", "closed")[i % 3] if i % 7 else "applied"
        app = {"key": f"a{i}", "employer": employer, "position": f"Clerk {i}", "stage": stage}
        if stage == "closed":
            app["outcome"] = "rejected"
        apps.append(app)
        applied = NOW - timedelta(days=(i * 5) % 40 + 1, hours=i % 9)
        events.append({"application": f"a{i}", "kind": "applied", "at": applied.isoformat(timespec="seconds")})
        if stage in ("interviewing", "closed"):
            events.append({"application": f"a{i}", "kind": "interview", "contacts": [f"c{i // 2}"],
                           "at": (applied + timedelta(days=3)).isoformat(timespec="seconds")})
        if stage == "closed":
            events.append({"application": f"a{i}", "kind": "closed", "reason": "rejected",
                           "at": (applied + timedelta(days=4)).isoformat(timespec="seconds")})
    return {"format": "followup-desktop", "version": 1, "employers": employers, "contacts": contacts,
            "applications": apps, "events": events}


def rows(window) -> list[tuple]:
    """Every row of the list as a person reads it, with its application's key."""
    p = window.proxy
    return [(p.index(r, 0).data(KEY_ROLE), *(p.index(r, c).data() for c in range(p.columnCount())))
            for r in range(p.rowCount())]


def test_the_list_after_an_import_reads_as_the_list_after_a_restart(qtbot, window, write_json, data_dir, clock):
    with qtbot.waitSignal(window.workspace.loaded, timeout=20_000):
        window._import_export().start_import(write_json(search()))
    imported = rows(window)
    assert len(imported) == 60
    window.workspace.close()

    again = Workspace(DataPaths(data_dir), clock=clock)
    again.load()
    restarted = MainWindow(again)
    qtbot.addWidget(restarted)
    try:
        assert rows(restarted) == imported
    finally:
        again.close()


def test_a_search_typed_and_erased_shows_the_rows_a_fresh_search_shows(qtbot, window, write_json, data_dir, clock):
    with qtbot.waitSignal(window.workspace.loaded, timeout=20_000):
        window._import_export().start_import(write_json(search()))
    everything = rows(window)
    word = "priya 1"
    for text in [word[:n] for n in range(1, len(word) + 1)] + [word[:n] for n in range(len(word) - 1, -1, -1)]:
        window.search.setText(text)
        wanted = text.casefold().strip()
        expected = [r for r in everything if not wanted or wanted in " ".join(
            (r[1], r[2], window.workspace.people(window.workspace.application(r[0]).employer_key))).casefold()
            or wanted in f"{r[1]}\n{r[2]}".casefold()]
        assert [r[0] for r in rows(window)] == [r[0] for r in expected], text
    window.show_filter("active")
    window.search.setText("sam")
    assert rows(window) and all(r[3] != "Closed — Rejected" and "Sam" in window.workspace.people(
        window.workspace.application(r[0]).employer_key) for r in rows(window))
    window.search.setText("")
    window.show_filter("all")
    assert rows(window) == everything


def test_a_search_that_hides_the_selected_row_and_brings_it_back_shows_its_timeline_without_reading_it_again(
        qtbot, window, write_json, monkeypatch):
    with qtbot.waitSignal(window.workspace.loaded, timeout=20_000):
        window._import_export().start_import(write_json(search()))
    ws = window.workspace
    key = rows(window)[0][0]
    window.select_application(key)
    employer = ws.application(key).employer_key
    shown = window.timeline.view.model().rowCount()
    reads = []
    timeline = ws.timeline
    monkeypatch.setattr(ws, "timeline", lambda employer_key: reads.append(employer_key) or timeline(employer_key))
    word = "zzq"
    for n in range(1, len(word) + 1):
        window.search.setText(word[:n])
    assert window.current_key() is None and window.timeline.stack.currentWidget() is window.timeline.placeholder
    for n in range(len(word) - 1, -1, -1):
        window.search.setText(word[:n])
    assert window.current_key() == key  # back in view: selected again, its timeline shown
    assert window.timeline.stack.currentWidget() is window.timeline.body
    assert window.timeline.employer_key == employer and window.timeline.view.model().rowCount() == shown
    assert reads == []  # drawn already and nothing changed: not read again
    with qtbot.waitSignal(ws.changed, timeout=10_000):  # once something changes, it is read again
        ws.log_event(key, {"kind": "note", "at": NOW, "notes": "They called back"})
    assert employer in reads and window.timeline.view.model().rowCount() == shown + 1


def test_closing_during_an_import_finishes_it_and_reads_nothing_back(qtbot, window, write_json, data_dir, clock):
    ws = window.workspace
    changes = []
    ws.changed.connect(changes.append)
    faulthandler.dump_traceback_later(120, exit=True)  # a hang ends the run, with where it stood
    try:
        window._import_export().start_import(write_json(search()))
        started = time.monotonic()
        ws.close()
        assert time.monotonic() - started < 60
        qtbot.wait(200)  # anything left queued for the GUI thread is delivered now
    finally:
        faulthandler.cancel_dump_traceback_later()
    assert changes == []  # the views are closing: nothing was read back into them
    again = Workspace(DataPaths(data_dir), clock=clock)
    again.load()
    try:
        assert len(again.applications()) == 60  # the import was finished, not lost
    finally:
        again.close()


def test_closing_while_everything_is_read_again_waits_for_the_read_and_takes_nothing(qtbot, window, write_json):
    with qtbot.waitSignal(window.workspace.loaded, timeout=20_000):
        window._import_export().start_import(write_json(search()))
    ws = window.workspace
    loaded = []
    ws.loaded.connect(lambda: loaded.append(True))
    faulthandler.dump_traceback_later(120, exit=True)
    try:
        ws.reload_async()
        ws.close()
        qtbot.wait(200)
    finally:
        faulthandler.cancel_dump_traceback_later()
    assert loaded == []
    ws.reload_async()  # closed: nothing starts
    qtbot.wait(100)
    assert loaded == []


def test_telling_of_many_steps_at_once_reads_nothing_back_and_they_stay_told(qtbot, window, write_json):
    """A first start tells of every open step: recording that is the notifier's bookkeeping,
    not a change a view shows, so nothing is read again for it, and a read of everything made
    across those writes still finds them told."""
    with qtbot.waitSignal(window.workspace.loaded, timeout=20_000):
        window._import_export().start_import(write_json(search()))
    ws = window.workspace
    due = list(ws.due_now())
    assert len(due) >= 10
    changes = []
    ws.changed.connect(changes.append)
    ws.reload_async()  # a read of everything crossing the writes
    with qtbot.waitSignal(ws.operations.drained, timeout=20_000):
        for action in due:
            ws.set_action_state(action, notified_at=NOW)
    assert all(c is None for c in changes)  # no re-read per write: at most the full read's result
    with qtbot.waitSignal(ws.loaded, timeout=20_000):
        ws.reload_async()
    assert all(ws.action_state(a.id).notified_at == NOW for a in due)


def _load(qtbot, window, write_json):
    with qtbot.waitSignal(window.workspace.loaded, timeout=20_000):
        window._import_export().start_import(write_json(search()))
    return [r[0] for r in rows(window)]


def _selected_rows(window) -> list[str]:
    return [window.proxy.index(i.row(), 0).data(KEY_ROLE) for i in window.table.selectionModel().selectedRows()]


def test_typing_a_search_the_selected_application_matches_keeps_it_selected_and_reads_no_timeline(
        qtbot, window, write_json, monkeypatch):
    order = _load(qtbot, window, write_json)
    key = next(k for k in order[20:] if window.workspace.application(k).employer_name.startswith("Hooli"))
    window.select_application(key)
    ws = window.workspace
    reads = []
    timeline = ws.timeline
    monkeypatch.setattr(ws, "timeline", lambda employer_key: reads.append(employer_key) or timeline(employer_key))
    word = ws.application(key).employer_name.casefold()  # "hooli 14": its row moves up as others go
    at = []
    for text in [word[:n] for n in range(1, len(word) + 1)] + [word[:n] for n in range(len(word) - 1, -1, -1)]:
        window.search.setText(text)
        assert window.current_key() == key and _selected_rows(window) == [key], text
        at.append(window.table.currentIndex().row())
    assert len(set(at)) > 2  # its row moved as the search narrowed and widened
    assert window.timeline.application_key == key
    assert reads == []  # the same application all along: its timeline was not read again


def test_a_search_that_hides_the_selected_row_makes_the_nearest_row_above_it_current_until_it_is_back(
        qtbot, window, write_json):
    order = _load(qtbot, window, write_json)
    ws = window.workspace
    key = next(k for k in order[10:] if not ws.application(k).employer_name.startswith("Acme"))
    window.select_application(key)
    window.search.setText("acme")
    shown = [r[0] for r in rows(window)]
    assert key not in shown and shown
    above = [k for k in order[:order.index(key)] if k in shown]
    below = [k for k in order[order.index(key):] if k in shown]
    nearest = above[-1] if above else below[0]
    # as when rows are removed: the row next to it is current (its timeline shown), not selected
    assert window.current_key() == nearest and window.timeline.application_key == nearest
    assert _selected_rows(window) == []
    window.search.setText("")
    assert window.current_key() == key and _selected_rows(window) == [key]
    assert window.timeline.application_key == key


def test_a_search_that_hides_the_first_row_selected_makes_the_next_one_shown_current(qtbot, window, write_json):
    order = _load(qtbot, window, write_json)
    window.select_application(order[0])
    people = window.workspace.people(window.workspace.application(order[0]).employer_key).casefold()
    window.search.setText("sam" if "priya" in people else "priya")  # the people of other employers
    shown = [r[0] for r in rows(window)]
    assert window.current_key() == shown[0] and _selected_rows(window) == []
    window.search.setText("zzq")  # nothing left: nothing current, the timeline says to pick one
    assert window.current_key() is None and window.timeline.stack.currentWidget() is window.timeline.placeholder
    window.search.clear()
    assert window.current_key() == order[0] and _selected_rows(window) == [order[0]]


def test_a_letter_is_one_change_of_the_list_and_a_letter_that_changes_no_row_is_none(qtbot, window, write_json):
    _load(qtbot, window, write_json)
    told = []
    for signal in ("layoutChanged", "rowsRemoved", "rowsInserted", "modelReset"):
        getattr(window.proxy, signal).connect(lambda *_, s=signal: told.append(s))
    window.search.setText("1")
    one = rows(window)
    window.search.setText("12")
    assert told == ["layoutChanged", "layoutChanged"] and rows(window) != one
    header = window.table.verticalHeader()  # the view has as many rows as the list, in place
    assert header.count() == window.proxy.rowCount() == len(rows(window))
    assert header.sectionViewportPosition(header.count() - 1) == (header.count() - 1) * header.defaultSectionSize()
    told.clear()
    window.search.setText("12 ")  # a space at the end is no part of the search
    assert told == []
    window.search.setText("pr")
    priya = rows(window)
    told.clear()
    window.search.setText("pri")  # "pr" matched Priya's and nothing else: the same rows
    assert told == [] and rows(window) == priya


def test_sorting_and_logging_while_searching_keep_the_search_and_the_selection(qtbot, window, write_json):
    order = _load(qtbot, window, write_json)
    ws = window.workspace
    window.search.setText("sam")
    searched = [r[0] for r in rows(window)]
    assert 2 < len(searched) < len(order)
    key = searched[-1]
    window.select_application(key)
    window.table.sortByColumn(0, Qt.DescendingOrder)  # by employer, Z to A
    by_employer = rows(window)
    assert sorted(r[0] for r in by_employer) == sorted(searched)
    assert [r[1] for r in by_employer] == sorted((r[1] for r in by_employer), key=str.casefold, reverse=True)
    assert window.current_key() == key and _selected_rows(window) == [key]
    window.table.sortByColumn(5, Qt.AscendingOrder)  # by when: most urgent first again
    assert [r[0] for r in rows(window)] == searched
    with qtbot.waitSignal(ws.changed, timeout=10_000):  # its next step is done: it moves down
        ws.log_event(key, {"kind": "note", "at": NOW, "notes": "Spoke to Sam"})
    assert sorted(r[0] for r in rows(window)) == sorted(searched)
    assert window.current_key() == key and _selected_rows(window) == [key]
    with qtbot.waitSignal(ws.operations.drained, timeout=10_000):
        window.archive_selected()
    left = [r[0] for r in rows(window)]
    assert sorted(left) == sorted(k for k in searched if k != key)
    assert window.current_key() in left and window.search.text() == "sam"
