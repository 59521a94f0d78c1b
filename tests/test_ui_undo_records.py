"""Undo and redo put records back through the store's ordinary operations (issue 12): an add
taken back and done again gets the same keys and events; a removed contact comes back on the
events that named them."""

from __future__ import annotations

from datetime import datetime

from followup_desktop.store import records
from followup_desktop.ui.commands import AddApplication, EditContacts, LogEvent


def _run(qtbot, ws, step):
    with qtbot.waitSignal(ws.operations.drained):  # written on the write worker
        step()


def test_undo_then_redo_of_an_add_with_a_new_employer_puts_the_same_records_back(qtbot, workspace):
    ws = workspace
    add = AddApplication(ws, {"employer_key": None, "employer_name": "Acme Corp", "position": "Clerk",
                              "source": None, "referred_by": "", "posting_url": "", "posting_closes": None,
                              "stage": "applied", "outcome": None, "stage_at": datetime(2026, 3, 1, 9, 0)})
    _run(qtbot, ws, lambda: ws.run(add))
    before = records.application_record(ws.store, add.key)
    events = records.application_events(ws.store, add.key)
    assert [e["kind"] for e in events] == ["applied"]

    _run(qtbot, ws, ws.undo_stack.undo)
    assert ws.application(add.key) is None
    assert records.employers(ws.store) == []

    _run(qtbot, ws, ws.undo_stack.redo)
    assert records.employers(ws.store) == [("acme-corp", "Acme Corp")]
    assert records.application_record(ws.store, add.key) == before
    assert records.application_events(ws.store, add.key) == events
    assert ws.application(add.key).stage == "applied"


def test_undo_of_removing_a_contact_puts_them_back_on_the_events_that_named_them(qtbot, workspace):
    ws = workspace
    add = AddApplication(ws, {"employer_key": None, "employer_name": "Acme Corp", "position": "Clerk",
                              "source": None, "referred_by": "", "posting_url": "", "posting_closes": None,
                              "stage": "lead", "outcome": None})
    _run(qtbot, ws, lambda: ws.run(add))
    employer = add.created_employer
    _run(qtbot, ws, lambda: ws.run(EditContacts(ws, employer, [
        {"key": None, "name": "Dana Reyes", "role": "recruiter"},
        {"key": None, "name": "Sam Ode", "role": "hiring_manager"}])))
    dana, sam = (c["key"] for c in records.contacts(ws.store, employer))
    log = LogEvent(ws, add.key, {"kind": "interview", "at": datetime(2026, 3, 1, 9, 0),
                                 "contacts": [sam, dana], "key_points": {sam: "the team's roadmap"}})
    _run(qtbot, ws, lambda: ws.run(log))
    event = records.application_events(ws.store, add.key)[0]
    contacts_before = records.contacts(ws.store, employer)

    _run(qtbot, ws, lambda: ws.run(EditContacts(ws, employer, [c for c in contacts_before if c["key"] == dana])))
    assert records.application_events(ws.store, add.key)[0]["contacts"] == [dana]

    _run(qtbot, ws, ws.undo_stack.undo)
    assert records.contacts(ws.store, employer) == contacts_before
    assert records.application_events(ws.store, add.key) == [event]
    assert event["contacts"] == [sam, dana] and event["key_points"] == {sam: "the team's roadmap"}

    _run(qtbot, ws, ws.undo_stack.redo)
    assert [c["key"] for c in records.contacts(ws.store, employer)] == [dana]
    assert records.application_events(ws.store, add.key)[0]["contacts"] == [dana]
