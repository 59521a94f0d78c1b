"""The employer timeline: every event of every application at one employer in date order, the
quiet stretches named, a "now" marker, then the windows the playbook opens next."""

from __future__ import annotations

from datetime import datetime

import pytest
from PySide6.QtCore import Qt

from followup_desktop.ui.timeline import ACTION, EVENT, GAP, NOW, action_window, event_title

NOW_ = datetime(2026, 3, 20, 10, 0)  # a Friday


@pytest.fixture
def now():
    return NOW_


@pytest.fixture
def leads(dataset):
    return dataset(
        [
            {"application": "om", "kind": "applied", "at": "2026-03-02T09:00:00", "channel": "email"},
            {"application": "om", "kind": "status_check", "at": "2026-03-09T10:00:00", "channel": "phone",
             "contacts": ["susan"], "outcome": "left_message"},
            {"application": "ea", "kind": "applied", "at": "2026-03-12T09:00:00", "channel": "portal"},
            {"application": "om", "kind": "reply", "at": "2026-03-13T16:00:00", "outcome": "no_decision",
             "contacts": ["susan"], "next_date": "2026-03-24"},
            {"application": "gx", "kind": "applied", "at": "2026-03-03T09:00:00"},
        ],
        employers=[{"key": "acme", "name": "Acme Corp"}, {"key": "globex", "name": "Globex"}],
        applications=[
            {"key": "om", "employer": "acme", "position": "Office Manager", "stage": "applied"},
            {"key": "ea", "employer": "acme", "position": "Executive Assistant", "stage": "applied"},
            {"key": "gx", "employer": "globex", "position": "Dispatcher", "stage": "applied"}],
    )


@pytest.fixture
def window(window):
    window.select_application("om")
    return window


def items(window):
    return window.timeline.view.timeline_model.items


def test_the_timeline_holds_every_application_at_the_employer_in_date_order(window):
    events = [item for kind, item in items(window) if kind == EVENT]
    assert [(e["position"], e["kind"]) for e in events] == [
        ("Office Manager", "applied"), ("Office Manager", "status_check"),
        ("Executive Assistant", "applied"), ("Office Manager", "reply")]
    assert window.timeline.title.text() == "Acme Corp"
    assert "Globex" not in [e["position"] for e in events]


def test_quiet_stretches_are_named_and_now_sits_between_past_and_future(window):
    kinds = [kind for kind, _ in items(window)]
    assert kinds.index(NOW) > max(n for n, k in enumerate(kinds) if k == EVENT)
    assert all(k == ACTION for k in kinds[kinds.index(NOW) + 1:])
    gaps = [item for kind, item in items(window) if kind == GAP]
    # applied, a week without an answer, the call, three more days of silence, the second
    # application; the reply came a day later (no gap); a week has passed since that reply
    assert gaps == ["7 days, no reply", "3 days, no reply", "7 days"]


def test_inbound_and_outbound_read_differently_and_windows_show_their_dates(window):
    reply = next(item for kind, item in items(window) if kind == EVENT and item["kind"] == "reply")
    call = next(item for kind, item in items(window) if kind == EVENT and item["kind"] == "status_check")
    assert event_title(reply) == "Susan Smith replied: no decision yet"
    assert event_title(call) == "You called Susan Smith to check on your application"
    upcoming = [item for kind, item in items(window) if kind == ACTION]
    texts = {a.name: action_window(a, NOW_) for a in upcoming}
    # they said they would decide by Tuesday the 24th: a nudge two business days later
    assert texts["nudge"].startswith("opens Mar 26")


def test_the_button_on_a_window_opens_its_message(qtbot, window, monkeypatch):
    opened = []
    monkeypatch.setattr(window, "open_compose", lambda action_id=None, application_key=None: opened.append(action_id))
    view = window.timeline.view
    row = next(n for n, (kind, _) in enumerate(items(window)) if kind == ACTION)
    rect = view.visualRect(view.timeline_model.index(row))
    button = view.delegate.button_rect(rect, view)
    qtbot.mouseClick(view.viewport(), Qt.LeftButton, pos=button.center())
    assert opened == [items(window)[row][1].id]


def _event(kind, names=(), **fields):
    base = {"kind": kind, "contact_names": list(names), "channel": None, "outcome": None, "reason": None,
            "at": NOW_}
    return {**base, **fields}


@pytest.mark.parametrize("event, sentence", [
    (_event("applied", channel="portal"), "You applied through the portal"),
    (_event("applied", channel="email"), "You applied by email"),
    (_event("interview", ["Susan Smith"]), "You interviewed with Susan Smith"),
    (_event("interview", ["Susan Smith", "Raj Patel"]), "You interviewed with Susan Smith and Raj Patel"),
    (_event("reply", ["Priya Raman"], outcome="no_decision"), "Priya Raman replied: no decision yet"),
    (_event("reply", outcome="offer"), "They made you an offer"),
    (_event("reply", ["Priya Raman"], outcome="interview_invite"), "Priya Raman invited you to an interview"),
    (_event("thank_you", ["Raj Patel"], channel="email"), "You thanked Raj Patel by email"),
    (_event("follow_up", ["Raj Patel"], channel="phone"), "You called Raj Patel to follow up"),
    (_event("closed", reason="no_response"), "Closed: they never answered"),
    (_event("closed", reason="withdrawn"), "You withdrew"),
])
def test_timeline_labels_read_as_sentences(event, sentence):
    assert event_title(event) == sentence


def test_an_interview_planned_ahead_reads_as_one_to_come():
    event = _event("interview", ["Susan Smith"])
    assert event_title(event, ahead=True) == "You will interview with Susan Smith"
