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
from followup_desktop.store import Store

CONTRACT = Path(__file__).parent / "fixtures" / "contract_example.json"


@pytest.fixture
def store(tmp_path):
    paths = DataPaths(tmp_path / "data").ensure()
    with Store(paths) as s:
        import_json(s, CONTRACT)
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
    store.connection.execute("UPDATE application SET stage = 'applied'")  # what the rest earns
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


def test_a_rejection_closes_the_application_as_rejected(store):
    store.log_event("acme-office-manager", {"kind": "reply", "at": "2026-03-20T09:00",
                                            "outcome": "rejected", "contacts": ["susan"]})
    assert _stage(store) == ("closed", "rejected")
    assert [name for name, _ in _due(store, "2026-03-20T10:00")] == ["feedback_request"]


def test_deleting_the_event_that_closed_it_reopens_it_and_putting_it_back_closes_it_again(store):
    from followup_desktop.store import records

    event_id = store.log_event("acme-office-manager", {"kind": "closed", "at": "2026-04-20T09:00",
                                                       "reason": "withdrawn"})
    kept = records.event_record(store, event_id)
    records.delete_event(store, event_id)
    assert _stage(store) == ("interviewing", None)
    records.restore_event(store, kept)
    assert _stage(store) == ("closed", "withdrawn")


def test_back_dating_a_reply_before_a_no_response_close_leaves_the_lead_closed(store):
    from followup_desktop.store import records

    store.log_event("acme-office-manager", {"kind": "closed", "at": "2026-04-20T09:00", "reason": "no_response"})
    reply = store.log_event("acme-office-manager", {"kind": "reply", "at": "2026-04-22T09:00", "outcome": "other"})
    assert _stage(store) == ("interviewing", None)
    values = {**records.event_record(store, reply), "at": datetime(2026, 4, 19, 9, 0)}
    records.update_event(store, reply, values)
    assert _stage(store) == ("closed", "no_response")


def test_deleting_every_event_leaves_a_lead(store):
    from followup_desktop.store import records

    ids = [i for (i,) in store.connection.execute(
        "SELECT e.id FROM event e JOIN application a ON a.id = e.application_id WHERE a.key = 'acme-office-manager'")]
    for event_id in ids:
        records.delete_event(store, event_id)
    assert _stage(store) == ("lead", None)


def test_a_stage_set_by_hand_logs_the_event_that_makes_it_so_at_the_date_given(store):
    from followup_desktop.store import records

    values = records.application_record(store, "acme-office-manager")
    event_id = records.update_application(
        store, "acme-office-manager",
        {**values, "stage": "closed", "outcome": "declined", "stage_at": datetime(2026, 4, 2, 12, 0)},
        now=datetime(2026, 4, 5, 9, 0))
    assert _stage(store) == ("closed", "declined")
    rec = records.event_record(store, event_id)
    assert (rec["kind"], rec["at"], rec["reason"]) == ("closed", datetime(2026, 4, 2, 12, 0), "declined")


def test_a_stage_is_not_moved_back_by_hand(store):
    from followup_desktop.store import records

    values = records.application_record(store, "acme-office-manager")
    with pytest.raises(ExchangeError, match="delete the event that moved it on"):
        records.update_application(store, "acme-office-manager", {**values, "stage": "lead"},
                                   now=datetime(2026, 4, 5, 9, 0))
    assert _stage(store) == ("interviewing", None)


def test_an_interview_planned_for_next_week_is_stored_shown_and_waits_for_its_day(store):
    from followup_desktop.store import reads

    store.connection.execute("DELETE FROM event WHERE kind IN ('interview', 'thank_you', 'reply')")
    store.connection.execute("UPDATE application SET stage = 'applied'")  # what the rest earns
    store.log_event("acme-office-manager", {"kind": "interview", "at": "2026-03-20T14:00", "contacts": ["susan"]})
    assert _stage(store) == ("interviewing", None)
    assert [e["kind"] for e in reads.employer_timeline(store.connection, "acme")] == ["applied", "interview"]
    assert _due(store, "2026-03-12T10:00") == []  # no status check: they have answered
    assert sorted(_due(store, "2026-03-20T15:30")) == [("debrief", None), ("thank_you", "susan")]


def test_a_stage_set_by_hand_in_an_older_version_survives_the_next_event(store):
    # an earlier version let the dialog close an application with nothing on its timeline
    store.connection.execute("UPDATE application SET stage = 'closed', outcome = 'withdrawn'")
    store.log_event("acme-office-manager", {"kind": "note", "at": "2026-04-02T09:00"})
    assert _stage(store) == ("closed", "withdrawn")
    kinds = store.connection.execute("SELECT kind, at, reason FROM event ORDER BY at, id").fetchall()
    assert ("closed", "2026-03-18T10:00:00", "withdrawn") in kinds  # at its latest event then
