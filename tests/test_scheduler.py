"""When the app tells the user about a follow-up, told as stories with a clock the test sets.

The pure decision (`tray/schedule.py`) is tested over real engine actions; the Qt scheduler over a
real data dir, with the workspace's clock injected. Calendar: 2026-03-02 is a Monday.
"""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest

from followup_desktop.playbook import ActionState, apply_states
from followup_desktop.tray.schedule import CLOSE_OUT, OPENED, OVERDUE, plan, tell_moment
from timeline import SUSAN, RAJ, Settings, Timeline, dt


def applied_monday() -> Timeline:
    return Timeline(stage="applied").log("applied", "2026-03-02T09:00", channel="portal")


def told(p, states, now):
    """Record what a plan told, as the scheduler does (in the store)."""
    for n in p.notices + p.silenced:
        st = states.setdefault(n.action.id, ActionState())
        st.notified_at = now
        if n.kind == OVERDUE:
            st.overdue_notified_at = now


def test_a_status_check_opening_at_half_past_nine_on_monday_is_told_then_not_before():
    t = applied_monday()
    a = t.one("status_check", "2026-03-09T09:00")
    assert a.opens == dt("2026-03-09T09:30") and a.channel == "phone"

    early = plan(t.actions("2026-03-09T09:29:59"), {}, Settings(), dt("2026-03-09T09:29:59"))
    assert early.notices == []
    assert early.wake_at == dt("2026-03-09T09:30")  # the timer sleeps exactly until then

    on_time = plan(t.actions("2026-03-09T09:30"), {}, Settings(), dt("2026-03-09T09:30"))
    assert [(n.kind, n.action.name) for n in on_time.notices] == [(OPENED, "status_check")]
    assert not on_time.summary


def test_a_week_of_silence_needs_one_wake_up_not_polling():
    t = applied_monday()
    p = plan(t.actions("2026-03-02T10:00"), {}, Settings(), dt("2026-03-02T10:00"))
    assert p.notices == [] and p.wake_at == dt("2026-03-09T09:30")


def test_a_thank_you_opening_at_eleven_at_night_is_told_when_quiet_hours_end_at_eight():
    t = Timeline(stage="interviewing").log("interview", "2026-03-03T22:00", contacts=["susan"],
                                           decision_expected="2026-03-06")
    a = t.one("thank_you", "2026-03-03T23:30")
    assert a.opens == dt("2026-03-03T23:00")

    night = plan(t.actions("2026-03-03T23:00"), {}, Settings(), dt("2026-03-03T23:00"))
    assert night.notices == []
    assert night.wake_at == dt("2026-03-04T08:00")

    morning = plan(t.actions("2026-03-04T08:00"), {}, Settings(), dt("2026-03-04T08:00"))
    assert [(n.kind, n.action.contact_name) for n in morning.notices] == [(OPENED, "Susan Smith")]


def test_what_was_told_once_is_never_told_again_until_it_becomes_overdue():
    t = applied_monday()
    states: dict[str, ActionState] = {}
    first = plan(t.actions("2026-03-09T09:30"), states, Settings(), dt("2026-03-09T09:30"))
    assert [n.kind for n in first.notices] == [OPENED]
    told(first, states, dt("2026-03-09T09:30"))

    again = plan(t.actions("2026-03-09T09:30:05"), states, Settings(), dt("2026-03-09T09:30:05"))
    assert again.notices == []
    due = t.one("status_check", "2026-03-09T10:00").due
    assert due == dt("2026-03-16T11:30")  # the end of a call slot
    # The next moment that matters is the call turning overdue.
    assert again.wake_at == due + timedelta(seconds=1)

    # Overdue at 11:30, after the morning's call hours: told when the afternoon's begin.
    lunch = plan(t.actions("2026-03-16T12:00"), states, Settings(), dt("2026-03-16T12:00"))
    assert lunch.notices == [] and lunch.wake_at == dt("2026-03-16T14:30")
    late = plan(t.actions("2026-03-16T14:30"), states, Settings(), dt("2026-03-16T14:30"))
    assert [(n.kind, n.action.name) for n in late.notices] == [(OVERDUE, "status_check")]
    told(late, states, dt("2026-03-16T14:30"))
    assert plan(t.actions("2026-03-16T16:00"), states, Settings(), dt("2026-03-16T15:00")).notices == []


def test_a_thank_you_past_its_time_is_told_once_as_a_late_thank_you_not_twice():
    t = Timeline(stage="interviewing").log("interview", "2026-03-03T14:00", contacts=["susan"],
                                           decision_expected="2026-03-06")
    states: dict[str, ActionState] = {}
    p = plan(t.actions("2026-03-03T15:00"), states, Settings(), dt("2026-03-03T15:00"))
    told(p, states, dt("2026-03-03T15:00"))
    stale = plan(t.actions("2026-03-03T15:00"), states, Settings(), dt("2026-03-04T15:00:01"))
    assert stale.notices == []
    late = plan(t.actions("2026-03-04T15:00:01"), states, Settings(), dt("2026-03-04T15:00:01"))
    assert [(n.kind, n.action.name) for n in late.notices] == [(OPENED, "late_thank_you")]


def test_a_step_first_seen_when_already_overdue_is_told_once_as_overdue():
    t = applied_monday()
    states: dict[str, ActionState] = {}
    p = plan(t.actions("2026-03-17T10:00"), states, Settings(), dt("2026-03-17T10:00"))
    assert [n.kind for n in p.notices] == [OVERDUE]
    assert p.notices[0].marks == {"notified_at": True, "overdue_notified_at": True}
    told(p, states, dt("2026-03-17T10:00"))
    assert plan(t.actions("2026-03-17T11:00"), states, Settings(), dt("2026-03-17T11:00")).notices == []


def test_more_than_three_at_once_become_one_summary_and_three_stay_separate():
    def interview_with(people, key):
        t = Timeline(key=key, contacts=(SUSAN, RAJ, ("li", "Li Wei", "interviewer"),
                                        ("ana", "Ana Cruz", "interviewer")), stage="interviewing")
        return t.log("interview", "2026-03-03T14:00", contacts=people, decision_expected="2026-03-06")

    three = interview_with(["susan", "raj", "li"], "a").actions("2026-03-03T15:00")
    p3 = plan(three, {}, Settings(), dt("2026-03-03T15:00"))
    assert len(p3.notices) == 3 and not p3.summary

    four = interview_with(["susan", "raj", "li", "ana"], "b").actions("2026-03-03T15:00")
    p4 = plan(four, {}, Settings(), dt("2026-03-03T15:00"))
    assert len(p4.notices) == 4 and p4.summary


def test_at_start_up_what_opened_meanwhile_is_one_catch_up_summary():
    t = Timeline(stage="interviewing").log("interview", "2026-03-03T14:00", contacts=["susan", "raj"],
                                           decision_expected="2026-03-06")
    p = plan(t.actions("2026-03-03T18:00"), {}, Settings(), dt("2026-03-03T18:00"), catch_up=True)
    assert len(p.notices) == 2 and p.summary
    single = Timeline(stage="interviewing").log("interview", "2026-03-03T14:00", contacts=["susan"],
                                                decision_expected="2026-03-06")
    p1 = plan(single.actions("2026-03-03T18:00"), {}, Settings(), dt("2026-03-03T18:00"), catch_up=True)
    assert len(p1.notices) == 1 and not p1.summary


def test_paused_notifications_hold_everything_until_the_pause_ends():
    t = applied_monday()
    pause_end = dt("2026-03-09T11:00")
    during = plan(t.actions("2026-03-09T10:00"), {}, Settings(), dt("2026-03-09T10:00"), paused_until=pause_end)
    assert during.notices == []
    assert during.wake_at == pause_end
    after = plan(t.actions("2026-03-09T11:00"), {}, Settings(), pause_end, paused_until=pause_end)
    assert [n.action.name for n in after.notices] == ["status_check"]


def test_a_phone_step_is_told_inside_call_hours_even_when_quiet_hours_end_earlier():
    t = applied_monday()
    a = t.one("status_check", "2026-03-09T09:00")
    assert tell_moment(dt("2026-03-09T12:00"), a, Settings()) == dt("2026-03-09T14:30")
    late_night = Settings({"quiet_hours_start": "09:00", "quiet_hours_end": "10:00"})
    assert tell_moment(dt("2026-03-09T09:30"), a, late_night) == dt("2026-03-09T10:00")


def test_a_phone_step_that_opened_at_12_00_is_told_at_14_30():
    # Applied at noon on Monday: a week later the status check's window opens at 12:00, between
    # the morning's and the afternoon's call hours, so it is moved to when a call can be made.
    t = Timeline(stage="applied").log("applied", "2026-03-02T12:00", channel="portal")
    assert t.one("status_check", "2026-03-09T12:00").opens == dt("2026-03-09T14:30")
    noon = plan(t.actions("2026-03-09T12:00"), {}, Settings(), dt("2026-03-09T12:00"))
    assert noon.notices == [] and noon.wake_at == dt("2026-03-09T14:30")

    # The same call, open since 09:30 while the app was not running, and the app starting at
    # noon: told at 14:30 too, not at noon with nobody to call.
    t = applied_monday()
    assert t.one("status_check", "2026-03-09T12:00").opens == dt("2026-03-09T09:30")
    started = plan(t.actions("2026-03-09T12:00"), {}, Settings(), dt("2026-03-09T12:00"), catch_up=True)
    assert started.notices == [] and started.wake_at == dt("2026-03-09T14:30")
    afternoon = plan(t.actions("2026-03-09T14:30"), {}, Settings(), dt("2026-03-09T14:30"), catch_up=True)
    assert [(n.kind, n.action.name) for n in afternoon.notices] == [(OPENED, "status_check")]


def _thank_you_yesterday_afternoon() -> Timeline:
    # Interview 14:00-15:00 on Tuesday: the thank-you opens at 15:00, due 15:00 on Wednesday.
    return Timeline(stage="interviewing").log("interview", "2026-03-03T14:00", contacts=["susan"],
                                              decision_expected="2026-03-06")


def test_nothing_is_told_at_05_30_for_a_step_that_opened_yesterday_afternoon():
    t = _thank_you_yesterday_afternoon()
    assert t.one("thank_you", "2026-03-04T05:30").opens == dt("2026-03-03T15:00")
    dawn = plan(t.actions("2026-03-04T05:30"), {}, Settings(), dt("2026-03-04T05:30"))
    assert dawn.notices == [] and dawn.silenced == []
    assert dawn.wake_at == dt("2026-03-04T08:00")  # the end of quiet hours (21:00-08:00)
    morning = plan(t.actions("2026-03-04T08:00"), {}, Settings(), dt("2026-03-04T08:00"))
    assert [(n.kind, n.action.contact_name) for n in morning.notices] == [(OPENED, "Susan Smith")]

    # An overdue step is held the same way: a status check that fell due last week is not
    # told at 23:30, but when the quiet hours end.
    late = applied_monday()
    night = plan(late.actions("2026-03-17T23:30"), {}, Settings(), dt("2026-03-17T23:30"))
    assert night.notices == [] and night.wake_at == dt("2026-03-18T09:30")  # quiet until 08:00, calls from 09:30
    assert [n.kind for n in plan(late.actions("2026-03-18T09:30"), {}, Settings(),
                                 dt("2026-03-18T09:30")).notices] == [OVERDUE]


def test_switched_off_notifications_show_nothing_and_do_not_pile_up():
    t = applied_monday()
    off = Settings({"notifications_enabled": False})
    p = plan(t.actions("2026-03-09T10:00"), {}, off, dt("2026-03-09T10:00"))
    assert p.notices == [] and [n.action.name for n in p.silenced] == ["status_check"]


def test_a_snoozed_step_is_news_again_when_the_snooze_ends():
    t = applied_monday()
    a = t.one("status_check", "2026-03-09T10:00")
    states = {a.id: ActionState(notified_at=dt("2026-03-09T09:30"), snoozed_until=dt("2026-03-10T09:30"))}
    snoozed = apply_states(t.actions("2026-03-09T10:00"), states, Settings())
    p = plan(snoozed, states, Settings(), dt("2026-03-09T10:00"))
    assert p.notices == [] and p.wake_at == dt("2026-03-10T09:30")
    p2 = plan(apply_states(t.actions("2026-03-10T09:30"), states, Settings()), states, Settings(),
              dt("2026-03-10T09:30"))
    assert [n.action.name for n in p2.notices] == ["status_check"]


def test_a_lead_gone_quiet_asks_once_whether_to_close_it():
    t = (applied_monday()
         .log("status_check", "2026-03-09T10:00", channel="phone", contacts=["susan"])
         .log("follow_up", "2026-03-16T10:00", channel="email", contacts=["susan"]))
    a = t.one("close_out", "2026-04-01T10:00")
    states: dict[str, ActionState] = {}
    p = plan(t.actions("2026-04-01T10:00"), states, Settings(), dt("2026-04-01T10:00"))
    assert [n.kind for n in p.notices] == [CLOSE_OUT] and p.notices[0].action.id == a.id
    told(p, states, dt("2026-04-01T10:00"))
    assert plan(t.actions("2026-04-02T10:00"), states, Settings(), dt("2026-04-02T10:00")).notices == []


# -- the Qt scheduler over a real data dir ----------------------------------------------------

def _workspace(data_dir, seed, dataset, clock):
    from followup_desktop.paths import DataPaths
    from followup_desktop.ui.workspace import Workspace

    seed(dataset([{"kind": "applied", "at": "2026-03-02T09:00:00", "channel": "portal"}]))
    ws = Workspace(DataPaths(data_dir), clock=clock)
    ws.load()
    return ws


def test_a_clock_jump_or_a_resume_from_sleep_makes_the_scheduler_look_again(qtbot, data_dir, seed, dataset, clock_at):
    from followup_desktop.tray.scheduler import NotificationScheduler

    clock = clock_at(dt("2026-03-02T10:00"))
    ws = _workspace(data_dir, seed, dataset, clock)
    wall, mono = [1000.0], [50.0]
    s = NotificationScheduler(ws, wall=lambda: wall[0], monotonic=lambda: mono[0])
    told_ = []
    s.notify.connect(told_.append)
    try:
        s.start()
        assert told_ == [] and s.next_wake == dt("2026-03-09T09:30")
        # A minute passes normally: nothing to do.
        wall[0] += 60
        mono[0] += 60
        s._check_clocks()
        assert told_ == []
        # The laptop slept for a week: the wall clock moved, the monotonic one barely did.
        clock.now = dt("2026-03-09T10:00")
        wall[0] += 7 * 86400
        mono[0] += 60
        with qtbot.waitSignal(ws.loaded):  # a new day: everything is read again, off the GUI thread
            s._check_clocks()
        assert [n.action.name for b in told_ for n in b.notices] == ["status_check"]
    finally:
        s.stop()
        ws.close()


def test_a_wake_up_weeks_away_is_cut_to_what_a_qt_timer_can_hold(qtbot, data_dir, seed, dataset, clock_at):
    from followup_desktop.tray.scheduler import MAX_SLEEP_MS, NotificationScheduler

    clock = clock_at(dt("2026-03-02T10:00"))
    ws = _workspace(data_dir, seed, dataset, clock)
    s = NotificationScheduler(ws)
    try:
        s.start()
        assert s.next_wake == dt("2026-03-09T09:30")  # a week away
        assert 0 < s.timer_remaining_ms <= MAX_SLEEP_MS
    finally:
        s.stop()
        ws.close()


def _two_interviews(data_dir, seed, dataset, clock, day="2026-03-03", settings=None):
    """Interviews with Susan and Raj at 14:00 on `day`: two thank-yous open at 15:00."""
    from followup_desktop.paths import DataPaths
    from followup_desktop.ui.workspace import Workspace

    seed(dataset([{"kind": "interview", "at": f"{day}T14:00:00", "contacts": ["susan", "raj"],
                   "decision_expected": "2026-12-31"}],
                 contacts=[{"key": "susan", "employer": "acme", "name": "Susan Smith", "role": "recruiter"},
                           {"key": "raj", "employer": "acme", "name": "Raj Patel", "role": "hiring_manager"}],
                 stage="interviewing", settings=settings or {}))
    ws = Workspace(DataPaths(data_dir), clock=clock)
    ws.load()
    return ws


def test_the_catch_up_on_start_waits_for_the_end_of_quiet_hours(qtbot, data_dir, seed, dataset, clock_at):
    from followup_desktop.tray.scheduler import NotificationScheduler

    clock = clock_at(dt("2026-03-04T05:30"))  # the laptop is opened before dawn
    ws = _two_interviews(data_dir, seed, dataset, clock)
    s = NotificationScheduler(ws)
    told_ = []
    s.notify.connect(told_.append)
    try:
        s.start()
        assert told_ == []
        assert s.next_wake == dt("2026-03-04T08:00")
        assert all(ws.action_state(a.id) is None or ws.action_state(a.id).notified_at is None
                   for a in ws.actions())  # nothing recorded as told either
        clock.now = dt("2026-03-04T08:00")
        s.look()  # what the timer does at 08:00
        assert len(told_) == 1
        batch = told_[0]
        assert batch.catch_up and batch.summary  # still the one catch-up summary, now in the morning
        assert sorted(n.action.contact_name for n in batch.notices) == ["Raj Patel", "Susan Smith"]
    finally:
        s.stop()
        ws.close()


@pytest.mark.parametrize("night, hours", [
    ("2026-03-29", 3.5),  # in Berlin the clocks go from 02:00 to 03:00: 00:30 to 05:00 is 3.5 h
    ("2026-10-25", 5.5),  # and back from 03:00 to 02:00: 5.5 h
])
def test_on_a_daylight_saving_night_the_timer_wakes_when_quiet_hours_end_by_the_clock(
        qtbot, data_dir, local_zone, night, hours, seed, dataset, clock_at):
    from followup_desktop.tray.scheduler import NotificationScheduler

    day_before = (dt(night + "T00:00") - timedelta(days=1)).date().isoformat()
    clock = clock_at(dt(night + "T00:30"))
    ws = _two_interviews(data_dir, seed, dataset, clock, day=day_before,
                         settings={"quiet_hours_start": "21:00", "quiet_hours_end": "05:00"})
    s = NotificationScheduler(ws)
    try:
        s.start()
        assert s.next_wake == dt(night + "T05:00")
        assert abs(s.timer_remaining_ms - hours * 3600_000) < 5_000
    finally:
        s.stop()
        ws.close()


# -- a step keeps its identity when the people around it change --------------------------------

def _applied_with_no_contacts(data_dir, seed, dataset, clock):
    from followup_desktop.paths import DataPaths
    from followup_desktop.ui.workspace import Workspace

    seed(dataset([{"kind": "applied", "at": "2026-03-02T09:00:00", "channel": "portal"}], contacts=[]))
    ws = Workspace(DataPaths(data_dir), clock=clock)
    ws.load()
    return ws


def _edit_contacts(qtbot, ws, people):
    from followup_desktop.ui.commands import EditContacts

    with qtbot.waitSignal(ws.operations.drained):  # written on the write worker
        ws.run(EditContacts(ws, "acme", [{"key": k, "name": n, "role": r} for k, n, r in people]))
    return dict(ws.store.connection.execute("SELECT name, key FROM contact").fetchall())


def test_adding_or_renaming_a_contact_does_not_tell_a_step_already_told_again(qtbot, data_dir, seed, dataset, clock_at):
    from followup_desktop.tray.scheduler import NotificationScheduler

    clock = clock_at(dt("2026-03-09T09:30"))
    ws = _applied_with_no_contacts(data_dir, seed, dataset, clock)
    s = NotificationScheduler(ws)
    told_ = []
    s.notify.connect(told_.append)

    def status_check():
        (a,) = [a for a in ws.actions() if a.name == "status_check"]
        return a

    try:
        s.start()
        assert [n.action.name for b in told_ for n in b.notices] == ["status_check"]
        assert status_check().contact is None
        clock.now = dt("2026-03-09T10:00")

        # The first person at the employer: the call is now with Hanna; it was told already.
        keys = _edit_contacts(qtbot, ws, [(None, "Hanna Berg", "hr")])
        assert status_check().contact_name == "Hanna Berg"
        # A recruiter joins: the call moves to her, still the same step.
        keys = _edit_contacts(qtbot, ws, [(keys["Hanna Berg"], "Hanna Berg", "hr"), (None, "Susan Smith", "recruiter")])
        assert status_check().contact_name == "Susan Smith"
        # Renamed (she married), and Hanna becomes the hiring manager.
        _edit_contacts(qtbot, ws, [(keys["Hanna Berg"], "Hanna Berg", "hiring_manager"),
                            (keys["Susan Smith"], "Susan Okafor", "recruiter")])
        assert status_check().contact_name == "Susan Okafor"
        s.look()
        assert len(told_) == 1, "the status check was told again"
        assert ws.action_state(status_check().id).notified_at == dt("2026-03-09T09:30")
    finally:
        s.stop()
        ws.close()


def test_a_step_told_by_the_previous_version_under_its_contact_is_not_told_again(
        qtbot, data_dir, seed, dataset, clock_at):
    from followup_desktop.paths import DataPaths
    from followup_desktop.tray.scheduler import NotificationScheduler
    from followup_desktop.ui.workspace import Workspace

    clock = clock_at(dt("2026-03-09T10:00"))
    ws = _workspace(data_dir, seed, dataset, clock)  # Susan is the employer's recruiter
    # Before, a picked contact was part of the id: the status check was told and snoozed as that.
    ws.store.set_action_state("acme-om|status_check|2026-03-02T09:00:00|susan", "acme-om",
                              notified_at=dt("2026-03-09T09:30"), snoozed_until=dt("2026-03-09T12:00"))
    ws.close()
    ws = Workspace(DataPaths(data_dir), clock=clock)
    ws.load()
    s = NotificationScheduler(ws)
    told_ = []
    s.notify.connect(told_.append)
    try:
        s.start()
        (a,) = ws.actions()
        assert a.name == "status_check" and a.snoozed and a.opens >= dt("2026-03-09T12:00")
        assert told_ == []
    finally:
        s.stop()
        ws.close()
