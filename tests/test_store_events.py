"""Logging events through the core: the timeline, the people, the stage and the clocks move
together, and a bad event changes nothing. Real SQLite files in temporary folders."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pytest

from followup_desktop.duelist import due_report
from followup_desktop.exchange.jsonfile import import_json
from followup_desktop.exchange.validate import ExchangeError
from followup_desktop.paths import DataPaths
from followup_desktop.playbook.stages import stage_after
from followup_desktop.store import Store

CONTRACT = Path(__file__).parent / "fixtures" / "contract_example.json"


@pytest.fixture
def store(tmp_path):
    paths = DataPaths(tmp_path / "data").ensure()
    with Store(paths) as s:
        import_json(s, CONTRACT)
        s.connection.execute("UPDATE application SET stage = 'applied'")
        # a second employer, to try its contact on Acme's timeline
        s.connection.execute("INSERT INTO employer (key, name) VALUES ('globex', 'Globex')")
        s.connection.execute("INSERT INTO contact (key, employer_id, name, role) "
                             "SELECT 'mei', id, 'Mei Chen', 'hr' FROM employer WHERE key = 'globex'")
        yield s


def _stage(store):
    return store.connection.execute(
        "SELECT stage, outcome FROM application WHERE key = 'acme-office-manager'").fetchone()


def _due(store, at):
    return [(a.name, a.contact) for a in due_report(store.paths, datetime.fromisoformat(at)).actions]


def test_logging_an_interview_with_two_people_stores_them_and_asks_for_two_thank_yous(store):
    store.connection.execute("DELETE FROM event WHERE kind IN ('interview', 'thank_you', 'reply')")
    store.connection.execute("INSERT INTO contact (key, employer_id, name, role) "
                             "SELECT 'raj', id, 'Raj Patel', 'hiring_manager' FROM employer WHERE key = 'acme'")
    store.log_event("acme-office-manager", {
        "kind": "interview", "at": datetime(2026, 3, 10, 14, 0), "contacts": ["raj", "susan"],
        "key_points": {"raj": "the CRM migration"}, "decision_expected": "2026-03-17"})
    assert _stage(store) == ("interviewing", None)
    people = store.connection.execute(
        "SELECT c.key, ec.key_point FROM event_contact ec JOIN contact c ON c.id = ec.contact_id "
        "JOIN event e ON e.id = ec.event_id WHERE e.kind = 'interview' ORDER BY ec.position").fetchall()
    assert people == [("raj", "the CRM migration"), ("susan", "")]
    assert sorted(_due(store, "2026-03-10T16:00")) == [("thank_you", "raj"), ("thank_you", "susan")]
    store.log_event("acme-office-manager", {"kind": "thank_you", "at": "2026-03-10T18:00",
                                            "channel": "email", "contacts": ["raj"]})
    assert _due(store, "2026-03-10T19:00") == [("thank_you", "susan")]


def test_a_reply_reopens_a_ghosted_lead_at_the_stage_it_had_reached(store):
    store.log_event("acme-office-manager", {"kind": "closed", "at": "2026-04-20T09:00", "reason": "no_response"})
    assert _stage(store) == ("closed", "no_response")
    assert _due(store, "2026-04-21T10:00") == []
    store.log_event("acme-office-manager", {"kind": "reply", "at": "2026-04-22T09:00",
                                            "outcome": "no_decision", "contacts": ["susan"]})
    assert _stage(store) == ("interviewing", None)  # the timeline holds an interview
    assert [name for name, _ in _due(store, "2026-04-22T10:00")] == ["reply_thanks"]


def test_a_rejection_closed_for_good_is_not_reopened_by_a_later_reply(store):
    store.log_event("acme-office-manager", {"kind": "closed", "at": "2026-04-20T09:00", "reason": "rejected"})
    store.log_event("acme-office-manager", {"kind": "reply", "at": "2026-04-22T09:00", "outcome": "other"})
    assert _stage(store) == ("closed", "rejected")


@pytest.mark.parametrize("event, says", [
    ({"kind": "coffee", "at": "2026-03-11T10:00"}, 'field "kind"'),
    ({"kind": "reply", "at": "2026-03-11T10:00"}, "a reply needs an outcome"),
    ({"kind": "applied", "at": "11/03/2026"}, 'field "at"'),
    ({"kind": "thank_you", "at": "2026-03-11T10:00", "contacts": ["mei"]}, 'works for "globex"'),
    ({"kind": "thank_you", "at": "2026-03-11T10:00", "contacts": ["nobody"]}, 'no contact with key "nobody"'),
    ({"kind": "note", "at": "2026-03-11T10:00", "notes": "n" * 10_000_000}, "20,000"),
    ({"kind": "note", "at": "2026-03-11T10:00", "mood": "hopeful"}, 'unknown field "mood"'),
])
def test_a_bad_event_is_refused_naming_the_field_and_nothing_changes(store, event, says):
    con = store.connection
    before = [con.execute(f"SELECT * FROM {t} ORDER BY 1").fetchall()
              for t in ("application", "event", "event_contact")]
    with pytest.raises(ExchangeError, match=says.replace("(", r"\(")):
        store.log_event("acme-office-manager", event)
    after = [con.execute(f"SELECT * FROM {t} ORDER BY 1").fetchall()
             for t in ("application", "event", "event_contact")]
    assert after == before


def test_an_event_for_an_unknown_application_is_refused(store):
    with pytest.raises(ExchangeError, match="no application"):
        store.log_event("nope", {"kind": "note", "at": "2026-03-11T10:00"})


@pytest.mark.parametrize("stage, kind, extra, expected", [
    ("lead", "applied", {}, ("applied", None)),
    ("lead", "query_sent", {}, ("applied", None)),
    ("applied", "interview", {}, ("interviewing", None)),
    ("interviewing", "applied", {}, ("interviewing", None)),  # back-dating never goes backwards
    ("interviewing", "reply", {"event_outcome": "offer"}, ("offer", None)),
    ("applied", "reply", {"event_outcome": "interview_invite"}, ("interviewing", None)),
    ("offer", "closed", {"reason": "hired"}, ("closed", "hired")),
    ("applied", "note", {}, ("applied", None)),
])
def test_how_each_event_moves_the_stage(stage, kind, extra, expected):
    assert stage_after(stage, None, kind, **extra) == expected


def test_a_ghosted_lead_with_only_an_application_reopens_as_applied():
    assert stage_after("closed", "no_response", "reply", event_outcome="no_decision",
                       had_applied=True) == ("applied", None)
    assert stage_after("closed", "no_response", "reply", event_outcome="offer",
                       had_applied=True) == ("offer", None)
