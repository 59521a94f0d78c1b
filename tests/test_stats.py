"""The search in figures (`stats.py`, `followup-desktop stats`): counted by hand on timelines
built here, through the command line and through the core's reader."""

from __future__ import annotations

import json
from datetime import date, datetime

import pytest

from followup_desktop import cli, stats
from followup_desktop.paths import DataPaths
from followup_desktop.store.connection import connect

#: a Monday noon, after everything below happened (but a9's fresh follow-up)
NOW = datetime(2026, 6, 1, 12, 0)
AT = NOW.isoformat(timespec="minutes")

EMPLOYERS = ({"key": "acme", "name": "Acme Corp"}, {"key": "globex", "name": "Globex"},
             {"key": "initech", "name": "Initech"})


def application(key, employer, stage, source=None, *, outcome=None, archived=False):
    app = {"key": key, "employer": employer, "position": f"Position {key}", "stage": stage}
    if source:
        app["source"] = source
    if outcome:
        app["outcome"] = outcome
    if archived:
        app["archived"] = True
    return app


def ev(application_key, kind, at, **kw):
    return {"application": application_key, "kind": kind, "at": at, **kw}


def a_search(dataset):
    """Eight applications (and an archived one) with the edge cases: no reply, a reply before
    applying (a4), a ghosted lead that answered after it was closed (a5), a lead never applied
    to (a6), an archived application (a7), a hire (a8), a follow-up still within its 14 days (a9)."""
    apps = [
        application("a1", "acme", "applied", "posting"),
        application("a2", "acme", "closed", "referral", outcome="rejected"),
        application("a3", "globex", "closed", "posting", outcome="no_response"),
        application("a4", "globex", "applied", "posting"),
        application("a5", "initech", "applied", "careers_page"),
        application("a6", "initech", "lead"),
        application("a7", "acme", "applied", "posting", archived=True),
        application("a8", "acme", "closed", "recruiter", outcome="hired"),
        application("a9", "globex", "applied", "posting"),
    ]
    events = [
        ev("a1", "applied", "2026-03-02T09:00:00", channel="portal"),
        ev("a1", "reply", "2026-03-06T10:00:00", outcome="no_decision"),
        ev("a2", "applied", "2026-03-02T09:00:00", channel="email"),
        ev("a2", "status_check", "2026-03-09T09:00:00", channel="email"),
        ev("a2", "reply", "2026-03-20T09:00:00", outcome="interview_invite"),
        ev("a2", "interview", "2026-03-25T10:00:00"),
        ev("a2", "reply", "2026-04-01T09:00:00", outcome="rejected"),
        ev("a3", "applied", "2026-03-10T09:00:00", channel="portal"),
        ev("a3", "status_check", "2026-03-17T09:00:00", channel="phone"),
        ev("a3", "follow_up", "2026-04-01T09:00:00", channel="email"),
        ev("a3", "closed", "2026-04-20T09:00:00", reason="no_response"),
        ev("a4", "reply", "2026-02-20T09:00:00", outcome="other"),
        ev("a4", "applied", "2026-02-23T09:00:00", channel="email"),
        ev("a5", "applied", "2026-01-05T09:00:00", channel="email"),
        ev("a5", "status_check", "2026-01-12T09:00:00", channel="email"),
        ev("a5", "closed", "2026-02-10T09:00:00", reason="no_response"),
        ev("a5", "reply", "2026-03-01T09:00:00", outcome="no_decision"),
        ev("a6", "lead", "2026-05-20T09:00:00"),
        ev("a7", "applied", "2026-05-26T09:00:00", channel="email"),
        ev("a7", "reply", "2026-05-27T09:00:00", outcome="no_decision"),
        ev("a8", "applied", "2026-04-01T09:00:00", channel="email"),
        ev("a8", "interview", "2026-04-10T10:00:00"),
        ev("a8", "reply", "2026-04-15T09:00:00", outcome="offer"),
        ev("a8", "closed", "2026-04-20T09:00:00", reason="hired"),
        ev("a9", "applied", "2026-05-25T09:00:00", channel="portal"),
        ev("a9", "status_check", "2026-05-28T09:00:00", channel="email"),
    ]
    return dataset(events, employers=EMPLOYERS, contacts=(), applications=apps)


@pytest.fixture
def search(seed, dataset, data_dir):
    seed(a_search(dataset))
    return data_dir


def figures(data_dir, period="all", now=NOW) -> stats.Figures:
    con = connect(DataPaths(data_dir).database)
    try:
        return stats.read(con, now, period)
    finally:
        con.close()


def stats_json(capsys, data_dir, at=AT) -> dict:
    code = cli.main(["--data-dir", str(data_dir), "stats", "--json", "--at", at])
    out, err = capsys.readouterr()
    assert (code, err) == (0, "")
    return json.loads(out)


# -- the contract's figures ----------------------------------------------------------------------

def test_stats_json_counts_a_search_as_counted_by_hand(search, capsys):
    got = stats_json(capsys, search)
    assert got["applications"] == 8  # the archived one is not counted
    assert got["by_stage"] == {"lead": 1, "applied": 4, "interviewing": 0, "offer": 0, "closed": 3}
    assert got["by_outcome"] == {"hired": 1, "rejected": 1, "withdrawn": 0, "no_response": 1, "declined": 0}
    assert got["replied"] == 5  # a1, a2, a4 (before applying), a5 (after closing), a8
    # answered after applying: a1, a2, a5, a8 of the seven applied to (a4's reply came before)
    assert (got["answered"], got["applied"], got["reply_rate"]) == (4, 7, 0.571)
    assert got["median_days_to_first_reply"] == 16  # of 4, 14, 18 and 55 days
    # a2's status check answered 11 days later; a3's two and a5's one never; a9's is fresh
    assert (got["followups_sent"], got["followups_answered"], got["followups_waiting"]) == (5, 1, 1)
    assert got["by_source"]["posting"] == {"applications": 4, "replied": 2, "applied": 4, "answered": 1}
    assert got["by_source"]["referral"] == {"applications": 1, "replied": 1, "applied": 1, "answered": 1}
    assert got["by_source"]["careers_page"]["applications"] == 1
    assert got["by_source"]["recruiter"]["applications"] == 1
    assert got["by_source"]["cold_query"] == {"applications": 0, "replied": 0, "applied": 0, "answered": 0}
    assert got["by_source"]["unknown"] == {"applications": 1, "replied": 0, "applied": 0, "answered": 0}


def test_stats_json_has_the_contracts_keys_and_types(search, capsys):
    got = stats_json(capsys, search)
    contract = {"applications", "by_stage", "by_outcome", "replied", "reply_rate", "median_days_to_first_reply",
                "followups_sent", "followups_answered", "by_source"}
    assert contract <= set(got)
    assert set(got) - contract == {"applied", "answered", "followups_waiting"}
    assert isinstance(got["reply_rate"], float) and 0 <= got["reply_rate"] <= 1
    assert all(set(v) >= {"applications", "replied"} for v in got["by_source"].values())
    assert all(isinstance(n, int) for n in got["by_stage"].values())


def test_an_empty_data_dir_has_no_rate_and_no_median(data_dir, capsys):
    got = stats_json(capsys, data_dir)
    assert got["applications"] == 0 and got["replied"] == 0
    assert got["reply_rate"] is None and got["median_days_to_first_reply"] is None
    assert (got["followups_sent"], got["followups_answered"]) == (0, 0)
    code = cli.main(["--data-dir", str(data_dir), "stats"])
    assert code == 0
    assert capsys.readouterr().out == "No applications yet: nothing to count.\n"


def test_a_search_with_no_reply_has_a_zero_rate_and_no_median(seed, dataset, data_dir, capsys):
    apps = [application(f"n{i}", "acme", "applied", "posting") for i in range(3)]
    events = [ev(f"n{i}", "applied", f"2026-04-0{i + 1}T09:00:00", channel="email") for i in range(3)]
    events.append(ev("n0", "follow_up", "2026-04-10T09:00:00", channel="email"))
    seed(dataset(events, employers=EMPLOYERS[:1], contacts=(), applications=apps))
    got = stats_json(capsys, data_dir)
    assert (got["replied"], got["applied"], got["reply_rate"]) == (0, 3, 0.0)
    assert got["median_days_to_first_reply"] is None
    assert (got["followups_sent"], got["followups_answered"], got["followups_waiting"]) == (1, 0, 0)
    assert figures(data_dir).slowest == []


def test_a_reply_before_applying_is_a_reply_but_answers_nothing(search):
    fig = figures(search)
    assert "a4" in fig.replied
    assert "a4" in fig.reply.whole_keys and "a4" not in fig.reply.part_keys
    assert "a4" not in fig.days  # no negative days to a reply


def test_a_ghosted_lead_that_answers_counts_from_its_application(search):
    fig = figures(search)
    assert fig.days["a5"] == 55  # 2026-01-05 to 2026-03-01, across its closing as no response
    assert "a5" in fig.by_stage["applied"]  # re-opened, not closed
    assert "a5" not in fig.by_outcome["no_response"]


def test_the_slowest_employers_are_those_that_answered_more_than_once(search):
    # Initech took 55 days, but answered once: Acme Corp's 4, 18 and 14 days say more
    assert [(s.name, s.median_days, len(s.keys)) for s in figures(search).slowest] == [("Acme Corp", 14, 3)]
    # where no employer answered twice, every one that answered
    assert [(s.name, s.median_days, len(s.keys)) for s in figures(search, "90").slowest] == [("Acme Corp", 14, 1)]


def test_archived_applications_count_nowhere(search):
    fig = figures(search)
    everything = set(fig.keys) | {k for w in fig.weeks for k in w.sent_keys | w.call_keys | w.interview_keys}
    assert "a7" not in everything
    assert sum(w.sent for w in fig.weeks) == 4  # a3's follow-up, a8's and a9's application, a9's check


# -- what the Progress view draws ------------------------------------------------------------------

def test_the_funnel_counts_the_stage_each_application_reached(search):
    fig = figures(search)
    assert [(step, len(keys)) for step, keys in fig.funnel] == [
        ("lead", 8), ("applied", 7), ("interviewing", 2), ("offer", 1), ("hired", 1)]
    assert fig.funnel[2][1] == {"a2", "a8"}  # a2 interviewed before it was rejected
    conversion = fig.conversion()
    assert [(c.part, c.whole) for c in conversion] == [(7, 8), (2, 7), (1, 2), (1, 1)]
    assert conversion[0].enough and not conversion[2].enough


def test_the_first_follow_ups_channel_and_the_playbooks_bet(search):
    fig = figures(search)
    email, phone = fig.by_channel["email"], fig.by_channel["phone"]
    assert (email.part, email.whole, email.whole_keys) == (1, 2, {"a2", "a5"})
    assert (phone.part, phone.whole) == (0, 1)
    assert (fig.followups.part, fig.followups.whole) == (1, 4)  # a9's is not settled yet
    assert fig.followups.whole_keys == {"a2", "a3", "a5"}
    # never followed up, 14 days over: a1 answered in 4 days, a8 in exactly 14, a4 never
    assert (fig.never_followed.part_keys, fig.never_followed.whole_keys) == ({"a1", "a8"}, {"a1", "a4", "a8"})


def test_days_to_first_reply_fall_in_their_buckets(search):
    fig = figures(search)
    buckets = {span: keys for span, keys in fig.day_buckets}
    assert buckets[(4, 7)] == {"a1"} and buckets[(8, 14)] == {"a8"}
    assert buckets[(15, 30)] == {"a2"} and buckets[(31, 60)] == {"a5"}
    assert sum(len(k) for k in buckets.values()) == len(fig.days) == 4


def test_the_weeks_count_sent_calls_and_interviews(search):
    fig = figures(search)
    assert len(fig.weeks) == 12 and fig.weeks[-1].start == date(2026, 6, 1)
    by_start = {w.start: (w.sent, w.calls, w.interviews) for w in fig.weeks}
    assert by_start[date(2026, 3, 16)] == (0, 1, 0)  # a3's status check by phone
    assert by_start[date(2026, 3, 23)] == (0, 0, 1)  # a2's interview
    assert by_start[date(2026, 3, 30)] == (2, 0, 0)  # a3's follow-up, a8's application
    assert by_start[date(2026, 4, 6)] == (0, 0, 1)
    assert by_start[date(2026, 5, 25)] == (2, 0, 0)
    assert fig.weeks[2].sent_keys == {"a3", "a8"}


def test_the_period_keeps_the_applications_begun_in_it(search):
    assert figures(search, "30").keys == {"a6", "a9"}
    assert figures(search, "90").keys == {"a3", "a6", "a8", "a9"}
    recent = figures(search, "30")
    assert recent.reply.whole == 1 and recent.reply.ratio == 0.0
    # the weeks do not follow the period
    assert sum(w.sent for w in recent.weeks) == sum(w.sent for w in figures(search).weeks)


def test_events_ahead_of_now_count_no_reply(seed, dataset, data_dir):
    apps = [application("f1", "acme", "applied", "posting")]
    events = [ev("f1", "applied", "2026-05-01T09:00:00", channel="email"),
              ev("f1", "reply", "2026-06-10T09:00:00", outcome="no_decision")]
    seed(dataset(events, employers=EMPLOYERS[:1], contacts=(), applications=apps))
    assert figures(data_dir).replied == frozenset()
    assert figures(data_dir, now=datetime(2026, 6, 11)).replied == {"f1"}


# -- honest numbers ----------------------------------------------------------------------------

def test_fewer_than_five_cases_say_not_enough_data(search, capsys):
    assert cli.main(["--data-dir", str(search), "stats", "--at", AT]) == 0
    out = capsys.readouterr().out
    assert "8 applications: 1 lead, 4 applied, 3 closed" in out
    assert "Answered after applying: 4 of 7 applied to (57%)" in out
    assert "Days to first reply: median 16 days (over 4 answered)" in out
    assert "Follow-ups: 5 sent, 1 answered within 14 days; 1 still within their 14 days" in out
    assert "answered within 14 days: 1 of 4 follow-ups (not enough data yet)" in out
    assert "answered after applying: 1 of 4 applied to (not enough data yet)" in out  # job postings
    assert "%" not in out.split("Follow-ups:")[1]  # every share below is under five cases


def test_stats_with_a_bad_moment_is_bad_input(search, capsys):
    assert cli.main(["--data-dir", str(search), "stats", "--at", "June"]) == 2
    assert "--at" in capsys.readouterr().err
