"""Every change runs on one write worker, off the GUI thread: an import or an export shows its
progress and can be cancelled with the data left as it was; a refused file says why and changes
nothing; the window follows what the worker wrote; quitting with a write in flight finishes it."""

from __future__ import annotations

import json
import threading
from datetime import datetime

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton

from followup_desktop.paths import DataPaths
from followup_desktop.ui.operations import Operation
from followup_desktop.ui.workspace import Workspace

NOW = datetime(2026, 3, 9, 9, 0)


def search(n: int = 12) -> dict:
    """A small search: `n` applications at `n` employers, each applied to a week ago."""
    return {
        "format": "followup-desktop", "version": 1,
        "employers": [{"key": f"e{i}", "name": f"Employer {i}"} for i in range(n)],
        "contacts": [{"key": f"c{i}", "employer": f"e{i}", "name": f"Person {i}", "role": "recruiter"}
                     for i in range(n)],
        "applications": [{"key": f"a{i}", "employer": f"e{i}", "position": f"Clerk {i}", "stage": "applied"}
                         for i in range(n)],
        "events": [{"application": f"a{i}", "kind": "applied", "at": "2026-03-02T09:00:00", "contacts": [f"c{i}"]}
                   for i in range(n)],
    }


@pytest.fixture
def now():
    """The moment of this module's window (conftest's `window` over its `workspace`)."""
    return NOW


def cancel_button(dialog):
    (button,) = [b for b in dialog.findChildren(QPushButton) if b.text() == "Cancel"]
    return button


def gate(workspace) -> threading.Event:
    """Hold the write worker until the event is set: what is queued behind waits its turn."""
    opened = threading.Event()
    workspace.submit(Operation("gate", lambda store, _p: opened.wait(10)))
    return opened


def test_an_import_runs_on_the_write_worker_with_progress_and_fills_the_list(qtbot, window, write_json, warnings):
    path = write_json(search())
    steps = []
    window.workspace.operations.progress.connect(lambda done, total: steps.append((done, total)))
    with qtbot.waitSignal(window.workspace.loaded, timeout=10_000):  # everything read again after it
        op = window._import_export().start_import(path)
        assert window.workspace.applications() == {}  # queued: the GUI thread went on at once
    assert window.model.rowCount() == 12
    assert window.statusBar().currentMessage().startswith("Imported: imported 12 employers")
    assert steps and steps[0] == (0, 8) and steps == sorted(steps)  # in order, from the start
    assert op.result.applications == 12
    assert window.import_export.dialog is None  # the progress went with the import
    assert warnings == []


def test_cancel_in_the_progress_dialog_imports_nothing(qtbot, window, write_json, dump, warnings):
    path = write_json(search())
    before = dump(window.workspace.paths.database)
    opened = gate(window.workspace)  # the import waits behind another write
    window._import_export().start_import(path)
    dialog = window.import_export.dialog
    assert dialog is not None and dialog.labelText().startswith("Importing in.json")
    with qtbot.waitSignal(window.workspace.operations.drained, timeout=10_000):
        qtbot.mouseClick(cancel_button(dialog), Qt.LeftButton)
        opened.set()
    assert dump(window.workspace.paths.database) == before
    assert window.statusBar().currentMessage() == "Import cancelled: nothing changed."
    assert window.workspace.applications() == {} and warnings == []


def test_cancel_halfway_through_an_import_rolls_every_row_back(qtbot, window, write_json, dump, monkeypatch,
                                                            warnings):
    """Cancel pressed while the events are being written: the transaction is rolled back."""
    from followup_desktop.exchange import jsonfile

    path = write_json(search())
    before = dump(window.workspace.paths.database)
    insert = jsonfile._insert

    def insert_then_cancel(con, record, rows, **kw):
        insert(con, record, rows, **kw)
        if record.name == "event":  # the events are in (inside the transaction): the user cancels now
            window.workspace.operations.cancel()
    monkeypatch.setattr(jsonfile, "_insert", insert_then_cancel)
    with qtbot.waitSignal(window.workspace.operations.drained, timeout=10_000):
        window._import_export().start_import(path)
    assert dump(window.workspace.paths.database) == before
    assert window.statusBar().currentMessage() == "Import cancelled: nothing changed."
    assert warnings == []


def test_a_file_that_is_refused_says_why_and_changes_nothing(qtbot, window, write_json, dump, warnings):
    bad = search()
    bad["events"][3]["kind"] = "telepathy"
    path = write_json(bad)
    before = dump(window.workspace.paths.database)
    with qtbot.waitSignal(window.workspace.operations.drained, timeout=10_000):
        window._import_export().start_import(path)
    assert dump(window.workspace.paths.database) == before
    [(title, text)] = warnings
    assert title == "Nothing imported"
    assert text.startswith("in.json was not imported, and nothing changed:") and "telepathy" in text


def test_an_export_writes_everything_on_the_write_worker(qtbot, window, write_json, tmp_path, warnings):
    from followup_desktop.exchange.jsonfile import export_document

    with qtbot.waitSignal(window.workspace.loaded, timeout=10_000):
        window._import_export().start_import(write_json(search()))
    target = tmp_path / "out.json"
    with qtbot.waitSignal(window.workspace.operations.drained, timeout=10_000):
        window._import_export().start_export(target)
    assert json.loads(target.read_text(encoding="utf-8")) == export_document(window.workspace.store)
    assert window.statusBar().currentMessage() == f"Exported to {target}"
    assert warnings == []


def test_cancelling_an_export_writes_no_file(qtbot, window, tmp_path, warnings):
    target = tmp_path / "out.json"
    opened = gate(window.workspace)
    window._import_export().start_export(target)
    with qtbot.waitSignal(window.workspace.operations.drained, timeout=10_000):
        qtbot.mouseClick(cancel_button(window.import_export.dialog), Qt.LeftButton)
        opened.set()
    assert not target.exists() and list(tmp_path.glob(".out.json*")) == []
    assert window.statusBar().currentMessage() == "Export cancelled: no file written."


def test_the_list_follows_a_write_only_once_the_worker_has_written_it(qtbot, window, write_json):
    with qtbot.waitSignal(window.workspace.loaded, timeout=10_000):
        window._import_export().start_import(write_json(search(2)))
    ws = window.workspace
    opened = gate(ws)
    changed = []
    ws.changed.connect(changed.append)
    ws.log_event("a0", {"kind": "closed", "at": NOW, "reason": "rejected"})
    assert ws.application("a0").stage == "applied" and changed == []  # not written yet
    with qtbot.waitSignal(ws.operations.drained):
        opened.set()
    assert ws.application("a0").stage == "closed"
    assert changed == [{"a0"}]  # the one signal, naming what changed


def test_an_event_refused_at_once_queues_nothing(qtbot, window, write_json):
    from followup_desktop.exchange.validate import ExchangeError

    with qtbot.waitSignal(window.workspace.loaded, timeout=10_000):
        window._import_export().start_import(write_json(search(2)))
    ws = window.workspace
    with pytest.raises(ExchangeError, match="telepathy"):
        ws.log_event("a0", {"kind": "telepathy", "at": NOW})
    assert ws.operations.is_idle() and ws.undo_stack.count() == 0


def test_quitting_with_a_write_in_flight_finishes_it_first(qtbot, data_dir, write_json):
    from followup_desktop.exchange.jsonfile import import_json
    from followup_desktop.store.connection import connect

    ws = Workspace(DataPaths(data_dir), clock=lambda: NOW)
    import_json(ws.store, write_json(search(2)))
    ws.load()
    opened = gate(ws)
    ws.log_event("a1", {"kind": "note", "at": NOW, "notes": "Called reception"})
    threading.Timer(0.2, opened.set).start()
    ws.close()  # waits for the queue to drain
    con = connect(DataPaths(data_dir).database)
    try:
        assert con.execute("SELECT notes FROM event WHERE kind = 'note'").fetchall() == [("Called reception",)]
    finally:
        con.close()


def test_overlapping_holds_on_the_collector_switch_it_back_on_only_when_the_last_ends():
    import gc
    import threading

    from followup_desktop.ui.operations import without_collector

    assert gc.isenabled()
    first_holding, second_holding = threading.Event(), threading.Event()
    first_may_end, second_may_end = threading.Event(), threading.Event()
    during_second = []

    def first():  # an import: begins first, ends first
        first_holding.set()
        first_may_end.wait(5)

    def second():  # a full read begun while the import runs: ends last
        second_holding.set()
        second_may_end.wait(5)
        during_second.append(gc.isenabled())

    a = threading.Thread(target=lambda: without_collector(first))
    b = threading.Thread(target=lambda: without_collector(second))
    a.start()
    assert first_holding.wait(5)
    b.start()
    assert second_holding.wait(5)
    first_may_end.set()
    a.join(5)
    assert not gc.isenabled()  # the read still runs: the collector stays off for it
    second_may_end.set()
    b.join(5)
    assert during_second == [False]
    assert gc.isenabled()  # and comes back once the last hold ends
