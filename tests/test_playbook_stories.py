"""The playbook, told as the job seeker's story: one test (or a few) per action and per guard.

Calendar used throughout: 2026-03-02 is a Monday.
"""

from __future__ import annotations

import json
from datetime import timedelta
from pathlib import Path

import pytest

from followup_desktop.playbook import ActionState, apply_states, open_at
from timeline import HANNA, SUSAN, Settings, Timeline, compute_all, dt

FIXTURES = Path(__file__).parent / "fixtures"


# -- introduce ------------------------------------------------------------------------------------

def test_a_new_lead_asks_for_an_introduction_to_hr_within_three_days():
    t = Timeline(contacts=(SUSAN, HANNA), stage="lead").log("lead", "2026-03-02T10:00")
    a = t.one("introduce", "2026-03-02T11:00")
    assert (a.opens, a.due) == (dt("2026-03-02T10:00"), dt("2026-03-05T10:00"))
    assert a.channel == "email" and a.contact == "hanna"  # HR before the recruiter
    assert a.template == "introduce"


def test_a_referred_lead_names_the_referral_in_its_introduction():
    t = Timeline(stage="lead", referred_by="Dana Cole", source="referral").log("lead", "2026-03-02T10:00")
    a = t.one("introduce", "2026-03-02T11:00")
    assert a.template == "introduce_referral"
    assert "Dana Cole" in a.reason


def test_the_introduction_is_done_once_anything_is_sent():
    t = Timeline(stage="lead").log("lead", "2026-03-02T10:00").log("query_sent", "2026-03-03T09:00", channel="email")
    assert "introduce" not in t.names("2026-03-03T10:00")


# -- status check ---------------------------------------------------------------------------------

def test_a_status_check_opens_a_week_after_applying_by_phone_in_call_hours():
    t = Timeline().log("applied", "2026-03-02T09:00", channel="portal")
    assert t.open_names("2026-03-09T09:00") == []  # opens at 09:00 nominally, but calls start 09:30
    a = t.one("status_check", "2026-03-09T09:30")
    assert a.opens == dt("2026-03-09T09:30")
    assert a.due == dt("2026-03-16T11:30")  # due Monday 09:00, before call hours: end of that slot
    assert a.channel == "phone" and "email" in a.alternatives
    assert a.contact == "susan"
    assert a.reason == "You applied 7 days ago and have not heard back."


def test_a_later_posting_close_moves_the_status_check_to_the_next_business_day_after_it():
    # The posting closes on Friday 13th: one business day later is Monday the 16th, not Saturday.
    t = Timeline(posting_closes=dt("2026-03-13T00:00").date()).log("applied", "2026-03-02T09:00")
    a = t.one("status_check", "2026-03-16T10:00")
    assert a.opens == dt("2026-03-16T09:30")
    assert "posting closed" in a.rule
    assert t.open_names("2026-03-13T23:00") == []


def test_the_status_check_reminds_them_of_the_emails_subject_line():
    t = Timeline().log("applied", "2026-03-02T09:00", channel="email", subject="Application: Office Manager")
    assert '"Application: Office Manager"' in t.one("status_check", "2026-03-10T10:00").reason


# -- debrief --------------------------------------------------------------------------------------

def test_after_an_interview_a_debrief_is_due_the_same_evening():
    t = Timeline().log("interview", "2026-03-03T14:00", contacts=["raj"])
    a = t.one("debrief", "2026-03-03T15:30")
    assert (a.opens, a.due) == (dt("2026-03-03T15:00"), dt("2026-03-03T21:00"))
    assert a.channel is None and a.contact is None


def test_a_note_or_key_points_complete_the_debrief():
    t = Timeline().log("interview", "2026-03-03T14:00", contacts=["raj"]).log("note", "2026-03-03T17:00")
    assert "debrief" not in t.names("2026-03-03T18:00")
    t2 = Timeline().log("interview", "2026-03-03T14:00", contacts=["raj"], key_points={"raj": "CRM migration"})
    assert "debrief" not in t2.names("2026-03-03T18:00")


# -- thank-you ------------------------------------------------------------------------------------

def test_thank_you_is_due_within_24_hours_one_per_interviewer():
    t = Timeline().log("interview", "2026-03-03T14:00", duration_minutes=90, contacts=["susan", "raj"],
                       decision_expected="2026-03-06")
    thanks = [a for a in t.actions("2026-03-03T16:00") if a.name == "thank_you"]
    assert sorted(a.contact for a in thanks) == ["raj", "susan"]
    for a in thanks:
        assert (a.opens, a.due) == (dt("2026-03-03T15:30"), dt("2026-03-04T15:30"))
        assert a.channel == "email"
    assert len({a.id for a in thanks}) == 2


def test_logging_one_thank_you_leaves_the_other_interviewer_waiting():
    t = (Timeline().log("interview", "2026-03-03T14:00", contacts=["susan", "raj"])
         .log("thank_you", "2026-03-03T18:00", channel="email", contacts=["susan"]))
    thanks = [a for a in t.actions("2026-03-03T19:00") if a.name == "thank_you"]
    assert [a.contact for a in thanks] == ["raj"]


def test_a_handwritten_note_is_offered_when_the_decision_is_more_than_a_week_away():
    far = Timeline().log("interview", "2026-03-03T14:00", contacts=["raj"], decision_expected="2026-03-20")
    near = Timeline().log("interview", "2026-03-03T14:00", contacts=["raj"], decision_expected="2026-03-06")
    assert "letter" in far.one("thank_you", "2026-03-03T16:00").alternatives
    assert "letter" not in near.one("thank_you", "2026-03-03T16:00").alternatives


def test_a_missed_thank_you_becomes_a_late_thank_you_due_five_days_after_the_interview():
    t = Timeline().log("interview", "2026-03-03T14:00", contacts=["raj"])
    assert t.open_names("2026-03-04T15:00") == ["debrief", "thank_you"]
    late = t.one("late_thank_you", "2026-03-04T15:01")
    assert "thank_you" not in t.names("2026-03-04T15:01")
    assert (late.opens, late.due) == (dt("2026-03-04T15:00"), dt("2026-03-08T14:00"))
    assert late.contact == "raj"


# -- post-interview follow-up ---------------------------------------------------------------------

def test_post_interview_follow_up_is_two_business_days_after_their_decision_date():
    # They said Thursday the 12th; two business days later is Monday the 16th (weekend skipped).
    t = (Timeline().log("interview", "2026-03-05T10:00", contacts=["raj"], decision_expected="2026-03-12")
         .log("thank_you", "2026-03-05T15:00", channel="email", contacts=["raj"]))
    a = t.one("post_interview_follow_up", "2026-03-16T10:00")
    assert a.opens == dt("2026-03-16T09:30") and a.channel == "phone"
    assert a.contact == "raj"
    assert "in_person" in a.alternatives and "email" in a.alternatives
    assert "post_interview_follow_up" not in t.open_names("2026-03-16T09:29")


def test_without_a_decision_date_follow_up_a_week_after_the_last_interview():
    t = (Timeline().log("interview", "2026-03-02T10:00", contacts=["susan"])
         .log("interview", "2026-03-04T10:00", contacts=["raj"])
         .log("thank_you", "2026-03-04T15:00", channel="email"))
    a = t.one("post_interview_follow_up", "2026-03-11T10:00")
    assert a.opens == dt("2026-03-11T10:00")
    assert a.due == dt("2026-03-18T10:00")


def test_a_phone_follow_up_is_never_scheduled_right_after_lunch():
    # Interview Tuesday 12:30: a week later 12:30 is lunch, so the call waits for 14:30.
    t = Timeline().log("interview", "2026-03-03T12:30", contacts=["raj"], key_points={"raj": "x"}).log(
        "thank_you", "2026-03-03T15:00", contacts=["raj"])
    a = t.one("post_interview_follow_up", "2026-03-10T15:00")
    assert a.opens == dt("2026-03-10T14:30")


def test_a_call_that_would_open_late_on_friday_waits_for_monday_morning():
    t = Timeline().log("applied", "2026-03-06T16:30")  # a Friday afternoon
    a = t.one("status_check", "2026-03-16T10:00")
    assert a.opens == dt("2026-03-16T09:30")


# -- reply thanks and nudges ----------------------------------------------------------------------

def _interviewed_and_followed_up():
    return (Timeline().log("applied", "2026-03-02T09:00")
            .log("interview", "2026-03-05T10:00", contacts=["raj"], decision_expected="2026-03-12")
            .log("thank_you", "2026-03-05T15:00", channel="email", contacts=["raj"]))


def test_a_no_decision_reply_asks_for_a_short_thanks_within_a_day():
    t = _interviewed_and_followed_up().log("reply", "2026-03-13T11:00", outcome="no_decision",
                                           contacts=["raj"], next_date="2026-03-20")
    a = t.one("reply_thanks", "2026-03-13T12:00")
    assert (a.opens, a.due) == (dt("2026-03-13T11:00"), dt("2026-03-14T11:00"))
    assert a.contact == "raj"
    t.log("thank_you", "2026-03-13T15:00", channel="email", contacts=["raj"])
    assert "reply_thanks" not in t.names("2026-03-13T16:00")


def test_after_no_decision_the_nudge_waits_two_business_days_past_their_new_date():
    t = _interviewed_and_followed_up().log("reply", "2026-03-13T11:00", outcome="no_decision",
                                           next_date="2026-03-20", channel="email")
    nudge = t.one("nudge", "2026-03-24T12:00")
    # Friday 20th + 2 business days = Tuesday 24th; by phone, since they wrote by email
    assert nudge.opens == dt("2026-03-24T09:30") and nudge.channel == "phone"
    assert "post_interview_follow_up" not in t.names("2026-03-24T12:00")


def test_after_no_decision_without_a_date_the_nudge_waits_two_weeks():
    t = _interviewed_and_followed_up().log("reply", "2026-03-13T11:00", outcome="no_decision", channel="phone")
    nudge = t.one("nudge", "2026-03-27T12:00")
    assert nudge.opens == dt("2026-03-27T11:00") and nudge.channel == "email"


def test_an_unanswered_follow_up_gets_one_nudge_a_week_later_by_the_other_channel():
    t = _interviewed_and_followed_up().log("follow_up", "2026-03-16T10:00", channel="phone",
                                           outcome="left_message", contacts=["raj"])
    assert "post_interview_follow_up" not in t.names("2026-03-16T11:00")
    nudge = t.one("nudge", "2026-03-23T10:00")
    assert nudge.opens == dt("2026-03-23T10:00") and nudge.channel == "email"
    assert nudge.contact == "raj" and nudge.sequence == 1


# -- close-out and the cap (guard 1) --------------------------------------------------------------

def test_after_two_unanswered_follow_ups_the_app_suggests_closing_not_a_third_nudge():
    t = (_interviewed_and_followed_up()
         .log("follow_up", "2026-03-16T10:00", channel="phone")
         .log("follow_up", "2026-03-23T10:00", channel="email"))
    later = "2026-05-01T10:00"
    assert t.names(later) == ["close_out"]
    close = t.one("close_out", later)
    # the later of second + 7 days (Mar 30) and first + 21 days (Apr 6)
    assert close.opens == dt("2026-04-06T10:00") and close.due is None
    assert close.alternatives == ()


def test_close_out_offers_withdrawing_to_someone_who_is_employed():
    t = (Timeline().log("applied", "2026-03-02T09:00")
         .log("status_check", "2026-03-09T10:00", channel="phone")
         .log("follow_up", "2026-03-16T10:00", channel="email"))
    close = t.one("close_out", "2026-04-01T10:00", Settings({"profile_employed": True}))
    assert close.alternatives == ("withdraw",)
    assert close.opens == dt("2026-03-30T10:00")  # first (Mar 9) + 21 days beats second + 7


def test_the_cap_is_a_setting():
    t = (Timeline().log("applied", "2026-03-02T09:00")
         .log("status_check", "2026-03-09T10:00", channel="phone")
         .log("follow_up", "2026-03-16T10:00", channel="email"))
    assert t.names("2026-04-10T10:00", Settings({"max_unanswered_follow_ups": 3})) == ["nudge"]


# -- withdrawal, rejection, check-ins -------------------------------------------------------------

def test_withdrawing_asks_for_a_courtesy_note_to_the_recruiter_within_two_days():
    t = Timeline(stage="closed", outcome="withdrawn").log("applied", "2026-03-02T09:00").log(
        "closed", "2026-03-20T09:00", reason="withdrawn")
    a = t.one("withdrawal_note", "2026-03-20T10:00")
    assert (a.opens, a.due) == (dt("2026-03-20T09:00"), dt("2026-03-22T09:00"))
    assert a.contact == "susan"
    assert t.names("2026-03-20T10:00") == ["withdrawal_note"]


def test_a_rejection_opens_a_feedback_request_due_in_a_week():
    t = _interviewed_and_followed_up().log("reply", "2026-03-13T11:00", outcome="rejected", contacts=["raj"])
    a = t.one("feedback_request", "2026-03-13T12:00")
    assert (a.opens, a.due) == (dt("2026-03-13T11:00"), dt("2026-03-20T11:00"))
    assert t.names("2026-03-13T12:00") == ["feedback_request"]


def test_an_encouraging_rejection_opens_monthly_check_ins():
    t = _interviewed_and_followed_up().log("reply", "2026-03-13T11:00", outcome="rejected",
                                           contacts=["raj"], encouraged=True)
    first = t.one("check_in", "2026-04-12T12:00")
    assert (first.opens, first.due) == (dt("2026-04-12T11:00"), dt("2026-04-19T11:00"))
    t.log("check_in", "2026-04-13T10:00", channel="email", contacts=["raj"])
    second = t.one("check_in", "2026-05-13T12:00")
    assert second.opens == dt("2026-05-13T10:00") and second.id != first.id


def test_a_plain_rejection_brings_no_check_ins():
    t = _interviewed_and_followed_up().log("reply", "2026-03-13T11:00", outcome="rejected")
    assert "check_in" not in t.names("2026-06-01T10:00")


# -- guard 2: no daily pestering -------------------------------------------------------------------

def test_no_message_to_an_employer_within_three_days_of_the_last_one():
    # A status check would open on the 9th, but on the 8th you wrote to the same employer about
    # another role: the check waits until the 11th. The window moves; it is not dropped.
    t = Timeline().log("applied", "2026-03-02T09:00")
    a = t.one("status_check", "2026-03-11T12:00", employer_last_outbound=dt("2026-03-08T10:00"))
    assert a.opens == dt("2026-03-11T10:00")
    assert a.due == dt("2026-03-18T10:00")
    assert "status_check" not in t.open_names("2026-03-10T12:00", employer_last_outbound=dt("2026-03-08T10:00"))


def test_the_pestering_gap_counts_every_application_at_the_same_employer():
    one = Timeline(key="acme-1").log("applied", "2026-03-02T09:00")
    two = Timeline(key="acme-2").log("applied", "2026-03-08T10:00")
    actions = compute_all([one.app, two.app], Settings(), dt("2026-03-09T12:00"))
    check = [a for a in actions if a.application == "acme-1"][0]
    assert check.opens == dt("2026-03-11T10:00")
    other_employer = Timeline(key="globex-1", employer_key="globex").log("applied", "2026-03-08T10:00")
    actions = compute_all([one.app, other_employer.app], Settings(), dt("2026-03-09T12:00"))
    assert [a for a in actions if a.application == "acme-1"][0].opens == dt("2026-03-09T09:30")


def test_thank_yous_are_exempt_from_the_pestering_gap():
    t = (Timeline().log("applied", "2026-03-02T09:00")
         .log("interview", "2026-03-03T10:00", contacts=["raj", "susan"], key_points={"raj": "x"})
         .log("thank_you", "2026-03-03T12:00", contacts=["raj"]))
    a = t.one("thank_you", "2026-03-03T13:00")
    assert a.opens == dt("2026-03-03T11:00") and a.contact == "susan"


# -- guard 3: a reply resets the clock ------------------------------------------------------------

def test_a_reply_ends_the_open_status_check():
    t = Timeline().log("applied", "2026-03-02T09:00").log("reply", "2026-03-10T09:00", outcome="interview_invite")
    assert t.names("2026-03-10T10:00") == []


def test_a_reply_reopens_a_ghosted_lead():
    t = (Timeline(stage="closed", outcome="no_response").log("applied", "2026-03-02T09:00")
         .log("status_check", "2026-03-09T10:00", channel="phone")
         .log("follow_up", "2026-03-16T10:00", channel="email")
         .log("closed", "2026-04-10T10:00", reason="no_response"))
    assert t.names("2026-04-20T10:00") == []
    t.log("reply", "2026-04-21T10:00", outcome="no_decision", contacts=["susan"])
    assert t.names("2026-04-21T11:00") == ["nudge", "reply_thanks"]


def test_a_reply_does_not_reopen_a_lead_closed_for_another_reason():
    t = (Timeline(stage="closed", outcome="withdrawn").log("applied", "2026-03-02T09:00")
         .log("closed", "2026-03-05T10:00", reason="withdrawn")
         .log("withdrawal_note", "2026-03-05T11:00", channel="email")
         .log("reply", "2026-03-06T10:00", outcome="no_decision"))
    assert t.names("2026-03-06T11:00") == []


# -- guard 4: logging satisfies -------------------------------------------------------------------

def test_a_withdrawal_note_sent_the_evening_before_counts_but_not_two_days_before():
    def closed_with_note(note_at):
        return (Timeline(stage="closed", outcome="withdrawn").log("applied", "2026-03-02T09:00")
                .log("withdrawal_note", note_at, channel="email", contacts=["susan"])
                .log("closed", "2026-03-20T09:00", reason="withdrawn"))
    assert closed_with_note("2026-03-19T20:00").names("2026-03-20T10:00") == []
    assert closed_with_note("2026-03-17T20:00").names("2026-03-20T10:00") == ["withdrawal_note"]


def test_a_thank_you_to_someone_else_does_not_count():
    t = (Timeline().log("interview", "2026-03-03T14:00", contacts=["raj"], key_points={"raj": "x"})
         .log("thank_you", "2026-03-03T18:00", contacts=["susan"]))
    assert t.one("thank_you", "2026-03-03T19:00").contact == "raj"


# -- guard 5: closed means quiet ------------------------------------------------------------------

def test_a_closed_application_suggests_nothing_but_feedback_check_ins_and_withdrawal_notes():
    t = (Timeline(stage="closed", outcome="rejected").log("applied", "2026-03-02T09:00")
         .log("interview", "2026-03-05T10:00", contacts=["raj"])
         .log("reply", "2026-03-06T10:00", outcome="rejected", encouraged=True)
         .log("closed", "2026-03-06T10:05", reason="rejected"))
    assert t.names("2026-04-10T10:00") == ["check_in", "feedback_request"]
    stage_only = Timeline(stage="closed", outcome="rejected").log("applied", "2026-03-02T09:00")
    assert stage_only.names("2026-03-20T10:00") == []


# -- guard 7: quiet hours -------------------------------------------------------------------------

def test_what_opens_at_night_is_told_at_eight_in_the_morning():
    t = Timeline().log("interview", "2026-03-03T21:00", contacts=["raj"])
    a = t.one("thank_you", "2026-03-03T22:30")
    assert a.opens == dt("2026-03-03T22:00")
    assert a.notify_at == dt("2026-03-04T08:00")
    day = Timeline().log("interview", "2026-03-03T14:00", contacts=["raj"]).one("thank_you", "2026-03-03T16:00")
    assert day.notify_at == day.opens


# -- snooze, dismiss, done (the separate pure step) ------------------------------------------------

def test_snoozing_moves_the_window_and_dismissing_or_marking_done_removes_it():
    t = Timeline().log("interview", "2026-03-03T14:00", contacts=["susan", "raj"], key_points={"raj": "x"})
    now = dt("2026-03-03T16:00")
    actions = [a for a in t.actions("2026-03-03T16:00") if a.name == "thank_you"]
    by_contact = {a.contact: a for a in actions}
    states = {
        by_contact["susan"].id: ActionState(snoozed_until=dt("2026-03-04T09:00")),
        by_contact["raj"].id: ActionState(dismissed_at=now),
    }
    left = apply_states(actions, states, Settings())
    assert [(a.contact, a.opens, a.due, a.snoozed) for a in left] == [
        ("susan", dt("2026-03-04T09:00"), dt("2026-03-05T09:00"), True)]
    assert open_at(left, now) == []
    again = [a for a in t.actions("2026-03-03T16:00") if a.name == "thank_you"]
    done = apply_states(again, {by_contact["susan"].id: ActionState(done_at=now)}, Settings())
    assert [a.contact for a in done] == ["raj"]


def test_an_action_keeps_its_identity_when_recomputed_later():
    t = Timeline().log("applied", "2026-03-02T09:00")
    assert t.one("status_check", "2026-03-09T10:00").id == t.one("status_check", "2026-03-12T10:00").id


def test_every_number_comes_from_the_settings():
    t = Timeline().log("applied", "2026-03-02T09:00")
    a = t.one("status_check", "2026-03-20T10:00", Settings({"status_check_after_days": 10,
                                                           "call_hours": "13:00-17:00"}))
    assert a.opens == dt("2026-03-12T13:00")


def test_urgent_first_orders_overdue_before_due_today_before_later_and_close_outs_last():
    apps = [
        Timeline(key="quiet", employer_key="d").log("applied", "2026-01-05T09:00")
        .log("status_check", "2026-01-12T10:00", channel="phone")
        .log("follow_up", "2026-01-19T10:00", channel="email").app,
        Timeline(key="late").log("applied", "2026-02-02T10:00").app,
        Timeline(key="today", employer_key="b").log("interview", "2026-03-02T10:00", contacts=["raj"],
                                                    key_points={"raj": "x"}).app,
        Timeline(key="lead", employer_key="c", stage="lead").log("lead", "2026-03-02T09:00").app,
    ]
    due = open_at(compute_all(apps, Settings(), dt("2026-03-02T12:00")), dt("2026-03-02T12:00"))
    assert [(a.application, a.name) for a in due] == [
        ("late", "status_check"), ("today", "thank_you"), ("lead", "introduce"), ("quiet", "close_out")]
    assert due[0].is_overdue(dt("2026-03-02T12:00"))


# -- guard 8: business days and daylight saving ----------------------------------------------------

def _due_json(data_dir: Path, at: str, capsys) -> list[dict]:
    from followup_desktop.cli import main

    capsys.readouterr()
    assert main(["--data-dir", str(data_dir), "due", "--at", at, "--json"]) == 0
    return json.loads(capsys.readouterr().out)


@pytest.fixture
def dst_data_dir(seed, dataset):
    """Applied Sunday March 22, interviewed Saturday March 28 at 14:00 (Berlin springs forward
    on Sunday March 29 at 02:00)."""
    return seed(dataset(
        [{"application": "acme-om", "kind": "applied", "at": "2026-03-22T09:00", "channel": "portal"},
         {"application": "acme-pa", "kind": "interview", "at": "2026-03-28T14:00",
          "contacts": ["susan"], "key_points": {"susan": "the move to Denver"}}],
        applications=[
            {"key": "acme-om", "employer": "acme", "position": "Office Manager", "stage": "applied"},
            {"key": "acme-pa", "employer": "acme", "position": "PA", "stage": "interviewing"}]))


def test_windows_keep_their_wall_clock_time_across_the_spring_daylight_saving_change(
        dst_data_dir, local_zone, capsys):
    # The local zone's Sunday really is 23 hours long: Saturday 15:00 to Sunday 15:00.
    assert dt("2026-03-29T15:00").astimezone() - dt("2026-03-28T15:00").astimezone() == timedelta(hours=23)
    # The thank-you is due 24 wall-clock hours after the interview, across the 23-hour day.
    before = _due_json(dst_data_dir, "2026-03-29T14:59", capsys)
    thanks = [x for x in before if x["action"] == "thank_you"]
    assert [(x["opens"], x["due"], x["overdue"]) for x in thanks] == [
        ("2026-03-28T15:00:00", "2026-03-29T15:00:00", False)]
    assert [x["action"] for x in _due_json(dst_data_dir, "2026-03-29T15:01", capsys)
            if x["application"] == "acme-pa"] == ["late_thank_you"]
    # Applied Sunday March 22 09:00: the status check opens the next Sunday, a non-business
    # day, so it waits for Monday 09:30 (call hours), the same clock time as in winter.
    assert [x["action"] for x in _due_json(dst_data_dir, "2026-03-30T09:29", capsys)
            if x["application"] == "acme-om"] == []
    check = [x for x in _due_json(dst_data_dir, "2026-03-30T09:30", capsys) if x["application"] == "acme-om"]
    assert [(x["action"], x["opens"]) for x in check] == [("status_check", "2026-03-30T09:30:00")]
    # And the time zone does not change the answer at all.
    in_berlin = _due_json(dst_data_dir, "2026-03-30T09:30", capsys)
    local_zone("UTC")
    assert _due_json(dst_data_dir, "2026-03-30T09:30", capsys) == in_berlin


def test_a_window_opening_in_the_repeated_autumn_hour_is_listed_once(local_zone):
    # Berlin falls back on Sunday October 25 2026: 02:00-03:00 happens twice. An interview
    # ending at 02:30 that night opens exactly one thank-you, due once, 24 clock-hours later.
    first, second = dt("2026-10-25T02:30").astimezone(), dt("2026-10-25T02:30").replace(fold=1).astimezone()
    assert (first.utcoffset(), second.utcoffset()) == (timedelta(hours=2), timedelta(hours=1))
    t = Timeline().log("interview", "2026-10-25T01:30", contacts=["raj"], key_points={"raj": "x"})
    actions = [a for a in t.actions("2026-10-25T02:45") if a.opens <= dt("2026-10-25T02:45")]
    assert [(a.name, a.opens, a.due) for a in actions] == [
        ("thank_you", dt("2026-10-25T02:30"), dt("2026-10-26T02:30"))]
    assert actions[0].notify_at == dt("2026-10-25T08:00")


def test_business_days_skip_the_weekend():
    from followup_desktop.playbook.calendar import add_business_days

    friday = dt("2026-03-06T00:00").date()
    assert add_business_days(friday, 1) == dt("2026-03-09T00:00").date()
    assert add_business_days(friday, 2) == dt("2026-03-10T00:00").date()
    assert add_business_days(dt("2026-03-07T00:00").date(), 1) == dt("2026-03-09T00:00").date()
    assert add_business_days(friday, 0) == friday
    assert add_business_days(friday, 5) == friday + timedelta(days=7)


def test_an_interview_logged_twice_at_the_same_moment_asks_for_one_thank_you_per_person():
    t = (Timeline().log("interview", "2026-03-03T14:00", contacts=["raj"])
         .log("interview", "2026-03-03T14:00", contacts=["raj", "susan"]))
    actions = t.actions("2026-03-03T16:00")
    assert sorted((a.name, a.contact or "") for a in actions if a.opens <= dt("2026-03-03T16:00")) == [
        ("debrief", ""), ("thank_you", "raj"), ("thank_you", "susan")]


def test_a_courtesy_step_lapses_a_month_after_it_was_due_but_a_status_check_never_does():
    t = _interviewed_and_followed_up().log("reply", "2026-03-13T11:00", outcome="rejected", contacts=["raj"])
    assert t.names("2026-04-19T11:00") == ["feedback_request"]  # due Mar 20, 30 days later: still there
    assert t.names("2026-04-19T11:01") == []
    assert t.names("2026-04-19T11:01", Settings({"courtesy_lapses_after_days": 60})) == ["feedback_request"]
    ignored = Timeline().log("applied", "2026-01-05T09:00")
    assert ignored.names("2026-02-01T10:00") == ["status_check"]  # overdue, never lapsed
    assert ignored.names("2026-11-01T10:00") == ["close_out"]  # guard 9: silence ends a lead


# -- guard 10: measured from the window guard 2 gave the step ---------------------------------------

def test_a_courtesy_step_moved_by_guard_2_lapses_a_month_after_its_moved_due_time():
    t = _interviewed_and_followed_up().log("reply", "2026-03-13T11:00", outcome="rejected", contacts=["raj"])
    # a message to the same employer through another application on Friday March 20 holds the
    # feedback request back to Monday March 23 10:00: due a week later, March 30 10:00
    other = dt("2026-03-20T10:00")
    a = t.one("feedback_request", "2026-03-24T10:00", employer_last_outbound=other)
    assert (a.opens, a.due) == (dt("2026-03-23T10:00"), dt("2026-03-30T10:00"))
    assert t.names("2026-04-29T10:00", employer_last_outbound=other) == ["feedback_request"]
    assert t.names("2026-04-29T10:01", employer_last_outbound=other) == []


# -- guard 9: silence ends a lead -------------------------------------------------------------------

def test_a_status_check_three_weeks_overdue_turns_into_closing_the_lead():
    t = Timeline().log("applied", "2026-01-05T09:00")
    check = t.one("status_check", "2026-02-09T11:29")
    assert check.due == dt("2026-01-19T11:30")  # a phone step: the end of Monday's call slot
    close = t.one("close_out", "2026-02-09T11:31")
    assert t.names("2026-02-09T11:31") == ["close_out"]
    assert close.opens == dt("2026-02-09T11:30") and close.due is None
    assert close.reason == ("No answer since you applied on Monday January 5; close this lead and put "
                            "the time into other leads.")
    assert "silence ends a lead" in close.rule and "21 days" in close.rule
    assert close.notify_at == dt("2026-02-09T11:30")


def test_a_post_interview_follow_up_left_unmade_ends_in_closing_the_lead():
    t = _interviewed_and_followed_up()
    follow = t.one("post_interview_follow_up", "2026-03-24T10:00")
    later = (follow.due + timedelta(days=21, minutes=1)).isoformat()
    assert t.names(later) == ["close_out"]
    assert t.one("close_out", later).reason.startswith("No answer since your interview on Thursday March 5;")


def test_an_unanswered_follow_up_whose_nudge_is_never_sent_ends_in_closing_the_lead():
    t = Timeline().log("applied", "2026-03-02T09:00").log("status_check", "2026-03-09T10:00", channel="phone")
    nudge = t.one("nudge", "2026-03-17T10:00")
    later = nudge.due + timedelta(days=21, minutes=1)
    close = t.one("close_out", later.isoformat())
    assert close.reason.startswith("No answer since your follow-up on Monday March 9;")
    assert close.sequence == 1


def test_silence_after_a_no_decision_reply_says_the_last_word_was_theirs():
    t = _interviewed_and_followed_up().log("reply", "2026-03-18T10:00", outcome="no_decision",
                                           contacts=["raj"], next_date="2026-03-25")
    assert t.names("2026-04-24T07:59") == ["nudge"]
    close = t.one("close_out", "2026-04-24T08:01")
    assert close.reason.startswith("No news since they wrote on Wednesday March 18 that no decision had been made;")


def test_how_long_silence_waits_is_a_setting_and_employed_people_may_withdraw():
    t = Timeline().log("applied", "2026-01-05T09:00")
    slow = Settings({"silence_closes_after_days": 60, "profile_employed": True})
    assert t.names("2026-03-01T10:00", slow) == ["status_check"]
    close = t.one("close_out", "2026-03-21T10:00", slow)
    assert close.alternatives == ("withdraw",)
    assert "60 days" in close.rule and "or withdraw" in close.reason


def test_a_reply_after_the_silence_brings_the_lead_back_from_closing():
    t = Timeline().log("applied", "2026-01-05T09:00").log("reply", "2026-03-02T10:00", outcome="no_decision")
    assert "close_out" not in t.names("2026-03-02T11:00")
    assert "reply_thanks" in t.names("2026-03-02T11:00")


def test_a_silent_lead_closed_as_no_response_suggests_nothing_more():
    t = Timeline().log("applied", "2026-01-05T09:00").log("closed", "2026-02-10T09:00", reason="no_response")
    assert t.names("2026-02-10T10:00") == []


def test_the_sample_s_long_overdue_nudge_is_now_the_suggestion_to_close(seed, capsys):
    sample = Path(__file__).parents[1] / "resources" / "sample.json"
    data = seed(json.loads(sample.read_text(encoding="utf-8")))
    items = _due_json(data, "2026-12-01T10:00", capsys)
    assert [x["action"] for x in items] == ["close_out"]
    assert items[0]["reason"].startswith("No news since they wrote on Wednesday March 18")


def test_the_explanations_follow_the_settings_not_the_defaults():
    t = Timeline().log("interview", "2026-03-03T14:00", contacts=["raj"], key_points={"raj": "x"})
    a = t.one("thank_you", "2026-03-03T16:00", Settings({"thank_you_due_hours": 48}))
    assert "48 hours" in a.reason and "48 hours" in a.rule and "24" not in a.reason
    s = Timeline().log("applied", "2026-03-02T09:00").one(
        "status_check", "2026-03-20T10:00", Settings({"status_check_after_days": 10}))
    assert s.rule == "status_check: applied + 10 days"


# -- the urgency order ------------------------------------------------------------------------------

def test_a_thank_you_due_in_five_hours_ranks_above_a_debrief_nine_hours_late():
    # interviewed at 10:00 for an hour: the debrief was due at 21:00, the thank-you is due at 11:00
    t = Timeline().log("interview", "2026-03-03T10:00", contacts=["raj"])
    now = "2026-03-04T06:00"
    due = open_at(t.actions(now), dt(now))
    assert [(a.name, a.due) for a in due] == [
        ("thank_you", dt("2026-03-04T11:00")), ("debrief", dt("2026-03-03T21:00"))]
    # while the debrief is on time it comes first: it is due first
    assert [a.name for a in open_at(t.actions("2026-03-03T12:00"), dt("2026-03-03T12:00"))] == [
        "debrief", "thank_you"]


def test_a_late_status_check_still_ranks_by_its_due_time():
    apps = [Timeline(key="late").log("applied", "2026-02-16T10:00").app,
            Timeline(key="today", employer_key="b").log("interview", "2026-03-02T10:00", contacts=["raj"],
                                                        key_points={"raj": "x"}).app]
    due = open_at(compute_all(apps, Settings(), dt("2026-03-03T06:00")), dt("2026-03-03T06:00"))
    assert [a.name for a in due] == ["status_check", "thank_you"]


# -- an interview planned ahead ---------------------------------------------------------------------

def test_a_planned_interview_stops_the_chasing_and_opens_its_thank_yous_only_once_it_has_happened():
    t = (Timeline().log("applied", "2026-03-02T09:00")
         .log("interview", "2026-03-20T14:00", contacts=["raj"]))
    # the status check would be open from March 9: they have answered, with an interview
    assert t.names("2026-03-12T10:00") == []
    assert t.names("2026-03-20T13:59") == []
    assert t.open_names("2026-03-20T14:30") == []  # under way: its steps open when it ends
    assert t.open_names("2026-03-20T15:30") == ["debrief", "thank_you"]
    assert t.one("thank_you", "2026-03-20T15:30").reason.startswith("You interviewed with Raj Patel today")


def test_a_second_round_planned_keeps_the_first_round_thank_you_but_no_follow_up():
    t = (Timeline().log("applied", "2026-03-02T09:00")
         .log("interview", "2026-03-05T10:00", contacts=["raj"], key_points={"raj": "x"})
         .log("interview", "2026-03-26T10:00", contacts=["susan"]))
    assert t.names("2026-03-05T12:00") == ["thank_you"]
    t.log("thank_you", "2026-03-05T16:00", channel="email", contacts=["raj"])
    assert t.names("2026-03-16T10:00") == []  # no post-interview follow-up before round two
    assert t.open_names("2026-03-26T11:30") == ["debrief", "thank_you"]


def test_a_lead_with_an_interview_planned_is_not_asked_to_introduce_itself():
    t = Timeline(stage="lead").log("lead", "2026-03-02T10:00").log("interview", "2026-03-09T10:00")
    assert t.names("2026-03-03T10:00") == []


def test_a_status_check_moved_by_guard_2_goes_silent_three_weeks_after_its_moved_due_time():
    t = Timeline().log("applied", "2026-01-05T09:00")
    other = dt("2026-01-30T10:00")  # a message to the same employer through another application
    check = t.one("status_check", "2026-02-03T10:00", employer_last_outbound=other)
    assert check.opens >= dt("2026-02-02T10:00") and "moved" in check.rule
    just_before = (check.due + timedelta(days=21) - timedelta(minutes=1)).isoformat()
    just_after = (check.due + timedelta(days=21, minutes=1)).isoformat()
    assert t.names(just_before, employer_last_outbound=other) == ["status_check"]
    assert t.names(just_after, employer_last_outbound=other) == ["close_out"]


def test_a_clock_knows_when_a_step_will_lapse_or_go_silent_by_itself():
    from followup_desktop.playbook.engine import expires_at

    check = Timeline().log("applied", "2026-01-05T09:00").one("status_check", "2026-01-12T10:00")
    assert expires_at(check, Settings()) == check.due + timedelta(days=21)
    debrief = Timeline().log("interview", "2026-03-03T10:00").one("debrief", "2026-03-03T12:00")
    assert expires_at(debrief, Settings({"courtesy_lapses_after_days": 10})) == debrief.due + timedelta(days=10)
    thanks = Timeline().log("interview", "2026-03-03T10:00").one("thank_you", "2026-03-03T12:00")
    assert expires_at(thanks, Settings()) is None  # it turns late by the engine's own clock
