"""The urgency order as the list, its rows' next step and the tray menu's due list show it: a
thank-you due in 5 hours ranks above a debrief 9 hours late (`playbook.urgency_key`)."""

from __future__ import annotations

from datetime import datetime

import pytest

from followup_desktop.ui.listmodel import ApplicationsModel as M

NOW = datetime(2026, 3, 4, 6, 0)  # interviews ended yesterday at 11:00: debriefs were due at 21:00


@pytest.fixture
def now():
    return NOW


@pytest.fixture
def leads(dataset):
    return dataset(
        [
            # Acme: thanked already, the debrief not written: only the debrief, 9 hours late
            {"application": "acme", "kind": "interview", "at": "2026-03-03T10:00:00", "contacts": ["raj"]},
            {"application": "acme", "kind": "thank_you", "at": "2026-03-03T16:00:00", "contacts": ["raj"],
             "channel": "email"},
            # Globex: the debrief written (key points), the thank-you due at 11:00, in 5 hours
            {"application": "globex", "kind": "interview", "at": "2026-03-03T10:00:00", "contacts": ["mei"],
             "key_points": {"mei": "the night shift"}},
        ],
        employers=[{"key": "acme", "name": "Acme Corp"}, {"key": "globex", "name": "Globex"}],
        contacts=[{"key": "raj", "employer": "acme", "name": "Raj Patel", "role": "hiring_manager"},
                  {"key": "mei", "employer": "globex", "name": "Mei Chen", "role": "hr"}],
        applications=[
            {"key": "acme", "employer": "acme", "position": "Office Manager", "stage": "interviewing"},
            {"key": "globex", "employer": "globex", "position": "Dispatcher", "stage": "interviewing"}],
    )


def test_a_thank_you_due_in_five_hours_is_listed_above_a_debrief_nine_hours_late(workspace, window):
    assert [(a.application, a.name) for a in workspace.due_now()] == [("globex", "thank_you"), ("acme", "debrief")]
    p = window.proxy
    assert [p.index(r, M.EMPLOYER).data() for r in range(p.rowCount())] == ["Globex", "Acme Corp"]


def test_the_row_of_one_interview_shows_its_thank_you_once_the_debrief_is_late(qtbot, workspace):
    ws = workspace
    # one interview, nothing done after it (the thank-you taken off the timeline): the
    # debrief was due first, but it is late now
    from followup_desktop.ui.commands import DeleteEvent

    thanks = next(e for e in ws.timeline("acme") if e["kind"] == "thank_you")
    with qtbot.waitSignal(ws.operations.drained):  # written on the write worker
        ws.run(DeleteEvent(ws, thanks["id"]))
    names = sorted(str(a.name) for a in ws.due_now() if a.application == "acme")
    assert names == ["debrief", "thank_you"]
    assert ws.next_action("acme").name == "thank_you"
