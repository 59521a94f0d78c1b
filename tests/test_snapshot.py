"""The snapshot `due` reads: leaving out what comes before each last reply changes nothing.

`load_applications(con, as_of=now)` skips the events before each application's last reply and
hands the engine two facts about them instead. These tests hold it to the promise that the engine
then answers exactly as it does with every event, on a realistic generated search and on random
timelines, both stored in real SQLite files.
"""

from __future__ import annotations

import sys
from datetime import datetime, timedelta
from pathlib import Path

from hypothesis import HealthCheck, given, settings as hyp_settings

from followup_desktop.paths import DataPaths
from followup_desktop.playbook import compute_all
from followup_desktop.store.connection import open_database
from followup_desktop.store.snapshot import load_applications, load_settings

sys.path.insert(0, str(Path(__file__).parent / "benchmarks"))
import generate  # noqa: E402  (the benchmark's realistic data set, made small here)

from test_playbook_properties import situations  # noqa: E402


def _answers(con, now):
    settings = load_settings(con)
    full = compute_all(load_applications(con), settings, now)
    lean = compute_all(load_applications(con, as_of=now), settings, now)
    fields = ("id", "name", "opens", "due", "channel", "contact", "reason", "rule", "alternatives",
              "sequence", "notify_at")
    return ([tuple(getattr(a, f) for f in fields) for a in full],
            [tuple(getattr(a, f) for f in fields) for a in lean])


def _import(seed, into, doc):
    return DataPaths(seed(doc, into)).database


def test_a_long_realistic_search_gets_the_same_answer_from_the_lean_snapshot(tmp_path, seed):
    now = datetime(2026, 11, 16, 10, 30)
    db = _import(seed, tmp_path / "data", generate.build(applications=400, seed=7, now=now))
    con = open_database(db)
    try:
        # now, a month ago and a year ago: replies and closes logged after the moment must not
        # shift which events are left out
        for moment in (now, now - timedelta(days=30), now - timedelta(days=365)):
            full, lean = _answers(con, moment)
            assert full == lean
            assert full, "the generated search should have follow-ups at every moment checked"
        lean_events = sum(len(a.events) for a in load_applications(con, as_of=now))
        all_events = sum(len(a.events) for a in load_applications(con))
        assert lean_events < all_events  # it does leave something out
    finally:
        con.close()


def _as_document(dataset, app) -> dict:
    people = [{"key": c.key, "employer": "acme", "name": c.name, "role": c.role} for c in app.contacts.values()]
    events = []
    for e in app.events:
        rec = {"application": app.key, "kind": e.kind, "at": e.at.isoformat()}
        for name in ("channel", "outcome", "reason", "duration_minutes"):
            if getattr(e, name) is not None:
                rec[name] = str(getattr(e, name))if name != "duration_minutes" else e.duration_minutes
        if e.contacts:
            rec["contacts"] = list(e.contacts)
        if e.key_points:
            rec["key_points"] = dict(e.key_points)
        for name in ("decision_expected", "next_date"):
            if getattr(e, name) is not None:
                rec[name] = getattr(e, name).isoformat()
        if e.encouraged:
            rec["encouraged"] = True
        events.append(rec)
    return dataset(events, contacts=people, applications=[
        {"key": app.key, "employer": "acme", "position": app.position, "stage": app.stage,
         # a closed application always has an outcome (the import insists)
         "outcome": app.outcome or ("no_response" if app.stage == "closed" else None),
         "posting_closes": app.posting_closes and app.posting_closes.isoformat(),
         "created": app.created and app.created.isoformat()}])


@hyp_settings(max_examples=60, deadline=None,
              suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(situations())
def test_random_timelines_get_the_same_answer_from_the_lean_snapshot(tmp_path_factory, seed, dataset, case):
    app, now, _, _ = case
    tmp = tmp_path_factory.mktemp("lean")
    db = _import(seed, tmp / "data", _as_document(dataset, app))
    con = open_database(db)
    try:
        full, lean = _answers(con, now)
        assert full == lean
    finally:
        con.close()


def test_hard_cases_left_out_before_the_last_reply_still_count(tmp_path, seed, dataset):
    from timeline import Timeline

    cases = {
        # closed as rejected, then a reply: still closed, though the stored stage says otherwise
        "closed-then-reply": Timeline(key="a", stage="interviewing").log("applied", "2026-03-02T09:00")
        .log("closed", "2026-03-05T09:00", reason="rejected")
        .log("reply", "2026-03-06T09:00", outcome="no_decision", contacts=["susan"]),
        # ghosted, then a reply: the lead comes back
        "ghosted-then-reply": Timeline(key="b", stage="closed").log("applied", "2026-03-02T09:00")
        .log("closed", "2026-03-05T09:00", reason="no_response")
        .log("reply", "2026-03-06T09:00", outcome="no_decision", next_date="2026-03-07"),
        # a message sent just before the reply still holds the next one back (guard 2)
        "sent-then-reply": Timeline(key="c").log("applied", "2026-03-02T09:00")
        .log("follow_up", "2026-03-09T09:00", channel="email")
        .log("reply", "2026-03-09T10:00", outcome="no_decision", next_date="2026-03-09"),
    }
    for name, t in cases.items():
        db = _import(seed, tmp_path / name, _as_document(dataset, t.app))
        con = open_database(db)
        try:
            for moment in ("2026-03-06T10:00", "2026-03-10T10:00", "2026-03-20T10:00"):
                full, lean = _answers(con, datetime.fromisoformat(moment))
                assert full == lean, (name, moment)
        finally:
            con.close()


def test_an_interview_with_several_people_keeps_them_in_the_order_given_with_their_key_points(tmp_path, seed, dataset):
    """The snapshot reads an event's people with the event, one row each: they come back in the
    order they were given (not the order they were added as contacts), each with its key point."""
    people = [{"key": k, "employer": "acme", "name": n, "role": "hiring_manager"}
              for k, n in (("ann", "Ann Avery"), ("bob", "Bob Brown"), ("cy", "Cy Clark"))]
    doc = dataset([
        {"kind": "applied", "at": "2026-03-02T09:00"},
        {"kind": "reply", "at": "2026-03-04T09:00", "outcome": "interview_invite", "contacts": ["bob"]},
        {"kind": "interview", "at": "2026-03-10T14:00", "contacts": ["cy", "ann", "bob"],
         "key_points": {"cy": "the new filing system", "bob": "Saturday cover"}},
    ], contacts=people)
    con = open_database(_import(seed, tmp_path / "data", doc))
    try:
        for kw in ({}, {"as_of": datetime(2026, 3, 10, 18, 0)}):
            (app,) = load_applications(con, **kw)
            interview = app.events[-1]
            assert interview.contacts == ("cy", "ann", "bob"), kw
            assert interview.key_points == {"cy": "the new filing system", "bob": "Saturday cover"}, kw
            assert app.events[-2].contacts == ("bob",) and app.events[-2].key_points is None, kw
        full, lean = _answers(con, datetime(2026, 3, 10, 18, 0))
        assert full == lean
        # one thank-you per interviewer, in the order they were given
        assert [a[5] for a in lean if a[1] == "thank_you"] == ["cy", "ann", "bob"]
    finally:
        con.close()


def test_of_two_closings_at_one_moment_before_a_reply_the_one_logged_last_decides(tmp_path, seed, dataset):
    """Left out before the last reply, a rejection and a close as "no response" logged at the same
    moment: the one logged last is what the reply finds, as when every event is read."""
    answers = {}
    for order in (("no_response", "rejected"), ("rejected", "no_response")):
        closings = [{"kind": "closed", "at": "2026-03-05T09:00", "reason": "no_response"} if what == "no_response"
                    else {"kind": "reply", "at": "2026-03-05T09:00", "outcome": "rejected", "contacts": ["susan"]}
                    for what in order]
        doc = dataset([
            {"kind": "applied", "at": "2026-03-02T09:00"}, *closings,
            {"kind": "reply", "at": "2026-03-06T09:00", "outcome": "no_decision", "contacts": ["susan"]},
        ], stage="closed", outcome="rejected")
        con = open_database(_import(seed, tmp_path / "-".join(order), doc))
        try:
            moment = datetime(2026, 3, 20, 10, 0)
            full, lean = _answers(con, moment)
            assert full == lean, order
            (app,) = load_applications(con, as_of=moment)
            assert app.earlier_closed_reason == order[-1]
            answers[order] = lean
        finally:
            con.close()
    # a ghosted lead re-opens with the reply, a rejected one stays closed: the tie matters
    assert answers[("no_response", "rejected")] != answers[("rejected", "no_response")]


def test_a_search_read_in_two_halves_gets_the_same_agenda_as_read_whole(tmp_path, seed):
    # The command line's exports read a large search in two halves at once (store/halves.py):
    # each half's applications get the actions they get in the whole, though what the engine's
    # guards read of an employer's other applications lies partly in the other half.
    from followup_desktop import agenda
    from followup_desktop.store.halves import halves_at

    now = datetime(2026, 11, 16, 10, 30)
    db = _import(seed, tmp_path / "data", generate.build(applications=300, seed=11, now=now, employers=40))
    con = open_database(db)
    try:
        ids = [row[0] for row in con.execute("SELECT id FROM application WHERE archived = 0 ORDER BY id")]
        for moment in (now, now - timedelta(days=30), now - timedelta(days=120)):
            whole = agenda.read_from(con, moment)
            for split in (ids[len(ids) // 3], ids[len(ids) // 2], ids[2 * len(ids) // 3]):
                halves = [agenda.read_from(con, moment, half) for half in halves_at(split)]
                assert [a.key for h in halves for a in h.apps] == [a.key for a in whole.apps]
                assert {k: v for h in halves for k, v in h.by_app.items()} == whole.by_app
                assert {k: v for h in halves for k, v in h.last_contact.items()} == whole.last_contact
        employers = {}
        for app_id, employer_id in con.execute("SELECT id, employer_id FROM application WHERE archived = 0"):
            employers.setdefault(employer_id, set()).add(app_id <= ids[len(ids) // 2])
        assert any(len(sides) == 2 for sides in employers.values()), "no employer spans both halves"
    finally:
        con.close()
