"""The compose window's words, without the window: every follow-up the playbook suggests can be
written from what the app knows, gaps are shown rather than invented, and the checks catch
what a hiring manager would notice."""

from __future__ import annotations

import re
from datetime import datetime, timedelta

import pytest

from followup_desktop.playbook import Action, compute_actions
from followup_desktop.vocab import ActionName, EventKind
from followup_desktop.wording import (
    SITUATIONS,
    build_context,
    drafts_too_similar,
    load_catalogue,
    render,
    run_checks,
    situation_for_action,
)
from test_wording_data import APP, FULL, INTERVIEW_AT, make_store, sparse

MARKER = re.compile(r"\[[^\[\]\n]+\?\]")
INTERVIEW = datetime.fromisoformat(INTERVIEW_AT)
#: What only the user can say (which work sample, which reference): typed into the fields.
TYPED = {"materials": "a sample supplier report",
         "reference": "Lee Wong, my manager at Brightside (lee@brightside.example)"}


@pytest.fixture
def store(tmp_path):
    s = make_store(tmp_path)
    yield s
    s.close()


@pytest.fixture(scope="module")
def catalogue():
    return load_catalogue(None)


def an_action(name: str, contact: str | None = "raj", sequence: int = 0, channel: str | None = "email",
              template: str | None = None) -> Action:
    return Action(
        id=f"{APP}|{name}|{INTERVIEW_AT}|{contact}", application=APP, name=name, opens=INTERVIEW,
        due=INTERVIEW + timedelta(days=1), channel=channel, contact=contact,
        contact_name=None, template=template or name, rule="test", reason="test", anchor=INTERVIEW,
        sequence=sequence,
    )


def draft(catalogue, ctx, situation=None, channel=None, overrides=None):
    situation = situation or ctx.situation
    channel = channel or ctx.channel
    template = catalogue.pick(situation, channel, ctx.sequence, ctx)
    assert template is not None, f"no template for {situation} by {channel}"
    return template, render(template, ctx, overrides)


def problems(out, situation, channel, ctx, action=None):
    return [c for c in run_checks(out.subject, out.body, situation=situation, channel=channel,
                                  context=ctx, action=action) if c.level in ("error", "warning")]


# -- every step of the playbook can be written --------------------------------------------------

@pytest.mark.parametrize("name", [a.value for a in ActionName])
def test_every_playbook_step_reads_complete_when_the_app_knows_everything(store, catalogue, name):
    action = an_action(name)
    if name == ActionName.FEEDBACK_REQUEST:  # asked for once they said no
        store.log_event(APP, {"kind": "reply", "at": INTERVIEW + timedelta(days=9), "outcome": "rejected",
                              "contacts": ["raj"]})
    ctx = build_context(store, APP, action)
    situation = situation_for_action(name)
    assert ctx.situation == situation
    for channel in SITUATIONS[situation].channels:
        template, out = draft(catalogue, ctx, situation, channel, TYPED)
        where = f"{template.id}:\n{out.subject}\n{out.body}"
        assert out.missing == [], where
        assert not MARKER.search(out.body) and "{{" not in out.body, where
        assert problems(out, situation, channel, ctx, action) == [], where
        if channel == "email":
            assert out.subject and not MARKER.search(out.subject) and "{{" not in out.subject, where
        if channel != "note":
            assert "Jordan Lee" in out.body  # who it is from, in full


@pytest.mark.parametrize("situation", [s for s, sit in SITUATIONS.items() if sit.action is None])
def test_the_extra_situations_read_complete_once_the_user_says_what_to_send(store, catalogue, situation):
    ctx = build_context(store, APP, contact_key="raj")
    for channel in SITUATIONS[situation].channels:
        for template in catalogue.templates(situation, channel):
            out = render(template, ctx, TYPED)
            assert out.missing == [] and not MARKER.search(out.body), template.id
            assert problems(out, situation, channel, ctx) == [], template.id


def test_a_thank_you_names_the_interview_date_and_the_point_discussed(store, catalogue):
    ctx = build_context(store, APP, an_action("thank_you"))
    _, out = draft(catalogue, ctx)
    assert out.subject == "Thank you for the interview on March 10"  # a new email: no "Re:"
    assert "Dear Raj," in out.body
    assert "the spring office move" in out.body
    assert out.body.rstrip().endswith("Jordan Lee\nlinkedin.example/in/jordanlee")
    assert out.body.count("Jordan Lee") == 1  # the signature's own name line is not repeated


def test_a_status_check_reminds_them_of_the_date_and_the_subject_line(store, catalogue):
    ctx = build_context(store, APP, an_action("status_check", contact="susan", channel="phone"))
    assert ctx.channel == "phone"
    _, call = draft(catalogue, ctx)
    assert "March 2" in call.body and '"Application: Office Manager, Jordan Lee"' in call.body
    assert "voicemail" in call.body and "+1 555 0100" in call.body
    _, mail = draft(catalogue, ctx, channel="email")
    assert "March 2" in mail.body and '"Application: Office Manager, Jordan Lee"' in mail.body
    assert not mail.subject.lower().startswith("re:")  # a new email, not an answer to theirs


def test_an_introduction_through_a_referral_names_the_referral_first(store, catalogue):
    action = an_action("introduce", contact="susan", template="introduce_referral")
    ctx = build_context(store, APP, action)
    assert ctx.situation == "apply_with_referral"
    _, out = draft(catalogue, ctx)
    first_paragraph = out.body.split("\n\n")[1]
    assert first_paragraph.startswith("Maria Chen suggested")


def test_a_reply_with_a_new_date_is_answered_with_that_date(store, catalogue):
    ctx = build_context(store, APP, an_action("reply_thanks"))
    _, out = draft(catalogue, ctx)
    assert "March 25" in out.body
    assert len(out.body.split()) < 60


def test_the_debrief_lists_each_interviewer_with_their_key_point_and_the_decision_date(store, catalogue):
    ctx = build_context(store, APP, an_action("debrief", contact=None, channel=None))
    assert ctx.channel == "note" and SITUATIONS["debrief"].logs_as is None
    _, out = draft(catalogue, ctx)
    assert "- Raj Patel: the spring office move" in out.body
    assert "- Dr. Ada Okafor: how the team tracks supplier contracts" in out.body
    assert "March 17" in out.body


def test_a_close_out_offers_only_the_withdrawal_note(store, catalogue):
    assert situation_for_action("close_out") == "withdrawal_note"
    ctx = build_context(store, APP, an_action("close_out", contact=None, channel=None))
    _, out = draft(catalogue, ctx)
    assert "withdraw" in out.body


# -- gaps are shown, never invented ---------------------------------------------------------------

def test_what_the_app_does_not_know_is_marked_in_the_text_and_listed(tmp_path, catalogue):
    store = make_store(tmp_path, sparse())
    try:
        ctx = build_context(store, APP, an_action("thank_you", contact="ada"))
        template, out = draft(catalogue, ctx)
        assert "key_point" in out.missing and "my_name" in out.missing
        assert "[key point you discussed?]" in out.body and "[your full name?]" in out.body
        assert ("key_point", "key point you discussed") in out.missing_fields()
        assert "Dear Dr. Okafor," in out.body  # what it does know is used
        checks = run_checks(out.subject, out.body, situation="thank_you", channel="email", context=ctx)
        codes = {c.code: c for c in checks}
        assert codes["unfilled"].level == "error"
        assert "key point you discussed" in codes["unfilled"].message
        assert "Settings" in codes["no_name"].message
        assert "spring office move" not in out.body and "March 17" not in out.body

        # typed into the fields, the values fill the gaps in place
        filled = render(template, ctx, {"key_point": "supplier contracts", "my_name": "Jordan Lee"})
        assert filled.missing == [] and not MARKER.search(filled.body)
        assert "supplier contracts" in filled.body and "Jordan Lee" in filled.body
    finally:
        store.close()


def test_a_follow_up_without_a_decision_date_does_not_ask_for_one(tmp_path, catalogue):
    store = make_store(tmp_path, sparse())
    try:
        ctx = build_context(store, APP, an_action("post_interview_follow_up", channel="phone"))
        _, out = draft(catalogue, ctx)
        assert "decision_date" not in out.missing
        assert "[decision date?]" not in out.body
        assert "March 10" in out.body  # it says when the interview was instead
    finally:
        store.close()


def test_a_follow_up_after_their_decision_date_names_that_date(store, catalogue):
    for channel in ("phone", "email"):
        ctx = build_context(store, APP, an_action("post_interview_follow_up", channel=channel))
        _, out = draft(catalogue, ctx)
        assert "March 17" in out.body


def test_a_status_check_after_a_portal_application_speaks_of_no_subject_line(tmp_path, catalogue):
    store = make_store(tmp_path, sparse())
    try:
        ctx = build_context(store, APP, an_action("status_check", contact="susan", channel="email"))
        _, out = draft(catalogue, ctx)
        assert "applied_subject" not in out.missing and "subject line" not in out.body
        assert "March 2" in out.body  # the date is known
    finally:
        store.close()


# -- one thank-you per interviewer ----------------------------------------------------------------

def test_each_interviewer_gets_their_own_thank_you_with_their_own_key_point(store, catalogue):
    (app,) = store.applications()
    now = INTERVIEW + timedelta(hours=2)
    thanks = [a for a in compute_actions(app, store.settings(), now) if a.name == ActionName.THANK_YOU]
    assert {a.contact for a in thanks} == {"raj", "ada"}
    bodies = {}
    for action in thanks:
        ctx = build_context(store, APP, action)
        assert ctx.contact_key == action.contact and ctx.recipients[0].key == action.contact
        _, out = draft(catalogue, ctx)
        bodies[action.contact] = out.body
    assert "Dear Raj," in bodies["raj"] and "the spring office move" in bodies["raj"]
    assert "supplier contracts" not in bodies["raj"]
    assert "Dear Dr. Okafor," in bodies["ada"] and "how the team tracks supplier contracts" in bodies["ada"]
    assert "spring office move" not in bodies["ada"]
    assert not drafts_too_similar(bodies["raj"], bodies["ada"], ("Raj Patel", "Ada Okafor"))


def test_a_thank_you_that_repeats_one_already_sent_for_that_interview_is_flagged(store, catalogue):
    sent = build_context(store, APP, an_action("thank_you", contact="raj"))
    template, to_raj = draft(catalogue, sent)
    store.log_event(APP, {"kind": SITUATIONS["thank_you"].logs_as, "at": INTERVIEW + timedelta(hours=3),
                          "channel": "email", "contacts": ["raj"], "subject": to_raj.subject,
                          "notes": to_raj.body})

    ctx = build_context(store, APP, an_action("thank_you", contact="ada"))
    assert [name for name, _ in ctx.other_thank_yous] == ["Raj Patel"]
    # the same note, only the greeting changed
    copied = to_raj.body.replace("Dear Raj,", "Dear Dr. Okafor,")
    checks = run_checks(to_raj.subject, copied, situation="thank_you", channel="email", context=ctx)
    same = [c for c in checks if c.code == "same_thank_you"]
    assert same and "Raj Patel" in same[0].message

    _, own = draft(catalogue, ctx)
    checks = run_checks(own.subject, own.body, situation="thank_you", channel="email", context=ctx)
    assert not [c for c in checks if c.code == "same_thank_you"]


def test_two_drafts_can_be_compared_ignoring_the_names():
    a = "Dear Raj,\n\nThank you for your time today. I enjoyed it.\n\nJordan Lee"
    b = "Dear Ada,\n\nThank you for your time  today. I  enjoyed it!\n\nJordan Lee"
    assert drafts_too_similar(a, b, ("Raj Patel", "Ada Okafor"))
    c = "Dear Ada,\n\nOur talk about supplier contracts was the highlight of my week.\n\nJordan Lee"
    assert not drafts_too_similar(a, c, ("Raj Patel", "Ada Okafor"))


# -- nudges -----------------------------------------------------------------------------------------

def test_a_second_nudge_never_repeats_the_first(tmp_path, catalogue):
    doc = sparse()
    doc["profile"] = FULL["profile"]
    doc["events"] = [doc["events"][0]]  # applied, then silence
    store = make_store(tmp_path, doc)
    try:
        store.save_settings({"max_unanswered_follow_ups": 3})
        store.log_event(APP, {"kind": "status_check", "at": datetime(2026, 3, 9, 10), "channel": "phone",
                              "contacts": ["susan"]})

        def the_nudge(now):
            (app,) = store.applications()
            (nudge,) = [a for a in compute_actions(app, store.settings(), now) if a.name == "nudge"]
            ctx = build_context(store, APP, nudge)
            template, out = draft(catalogue, ctx)
            return nudge, template, out

        first, t1, out1 = the_nudge(datetime(2026, 3, 17, 10))
        assert first.channel == "email"
        store.log_event(APP, {"kind": SITUATIONS["nudge"].logs_as, "at": datetime(2026, 3, 17, 11),
                              "channel": "email", "contacts": ["susan"], "subject": out1.subject,
                              "notes": out1.body})
        second, t2, out2 = the_nudge(datetime(2026, 3, 25, 10))
        assert second.sequence == first.sequence + 1
        assert second.channel == "phone"  # the other channel; and a phone nudge of its own
        # the same channel too: the second email nudge starts from another text
        ctx = build_context(store, APP, second)
        again = catalogue.pick("nudge", "email", ctx.sequence, ctx)
        assert again.id != t1.id
        assert render(again, ctx).body != out1.body
        for out in (out1, render(again, ctx)):
            assert len(out.body.split()) <= 80
    finally:
        store.close()


def test_nudge_variants_rotate_by_sequence(store, catalogue):
    for channel in ("email", "phone"):
        seen = []
        for seq in range(4):
            ctx = build_context(store, APP, an_action("nudge", sequence=seq, channel=channel))
            seen.append(catalogue.pick("nudge", channel, ctx.sequence, ctx).id)
        assert all(a != b for a, b in zip(seen, seen[1:])), seen


# -- checks -------------------------------------------------------------------------------------------

def test_a_third_unanswered_follow_up_suggests_closing_out(tmp_path):
    doc = sparse()
    doc["events"] = [doc["events"][0]]
    store = make_store(tmp_path, doc)
    try:
        ctx = build_context(store, APP, contact_key="susan")
        body = "Dear Susan,\n\nStill interested.\n\nJordan Lee"
        assert not [c for c in run_checks("Hi", body, situation="nudge", channel="email", context=ctx)
                    if c.code == "close_out"]
        for day in (9, 17):
            store.log_event(APP, {"kind": "follow_up", "at": datetime(2026, 3, day, 10), "channel": "email"})
        ctx = build_context(store, APP, contact_key="susan")
        assert ctx.unanswered_follow_ups == 2
        checks = run_checks("Hi", body, situation="nudge", channel="email", context=ctx)
        (warn,) = [c for c in checks if c.code == "close_out"]
        assert "third" in warn.message and "closing out" in warn.message
        # a thank-you is no follow-up
        assert not [c for c in run_checks("Hi", body, situation="thank_you", channel="email", context=ctx)
                    if c.code == "close_out"]
        # the limit is the user's setting
        store.save_settings({"max_unanswered_follow_ups": 3})
        ctx = build_context(store, APP, contact_key="susan")
        assert not [c for c in run_checks("Hi", body, situation="nudge", channel="email", context=ctx)
                    if c.code == "close_out"]
    finally:
        store.close()


def test_the_action_sequence_alone_is_enough_to_warn(store):
    ctx = build_context(store, APP, contact_key="raj")
    checks = run_checks("Hi", "Hi Raj,\n\nJordan Lee", situation="nudge", channel="email", context=ctx,
                        action=an_action("nudge", sequence=2))
    assert [c for c in checks if c.code == "close_out"]


def test_a_long_nudge_and_a_long_thank_you_are_flagged(store):
    ctx = build_context(store, APP, contact_key="raj")
    sign = "\n\nBest regards,\nJordan Lee\nlinkedin.example/in/jordanlee"
    nudge = "Dear Raj,\n\n" + "word " * 78 + sign
    assert not [c for c in run_checks("S", nudge, situation="nudge", channel="email", context=ctx)
                if c.code == "too_long"]  # 80 words: the greeting and the sign-off do not count against it
    longer = "Dear Raj,\n\n" + "word " * 85 + sign
    (c,) = [c for c in run_checks("S", longer, situation="nudge", channel="email", context=ctx)
            if c.code == "too_long"]
    assert "80" in c.message and c.level == "warning"
    thanks = "Dear Raj,\n\n" + "word " * 205 + sign
    assert [c for c in run_checks("S", thanks, situation="thank_you", channel="email", context=ctx)
            if c.code == "too_long"]


def test_an_email_needs_a_subject_and_a_sign_off_with_your_full_name(store):
    ctx = build_context(store, APP, contact_key="raj")
    checks = {c.code: c for c in run_checks("", "Dear Raj,\n\nThanks.\n\nJordan", situation="thank_you",
                                            channel="email", context=ctx)}
    assert checks["no_subject"].level == "error"
    assert "Jordan Lee" in checks["no_sign_off"].message
    ok = run_checks("Re: Interview on March 10", "Dear Raj,\n\nThanks.\n\nJordan  Lee", situation="thank_you",
                    channel="email", context=ctx)
    assert not [c for c in ok if c.code in ("no_subject", "no_sign_off")]
    # a call has no subject, but you still say who you are
    call = {c.code for c in run_checks(None, "Hello Raj, it's me.", situation="nudge", channel="phone",
                                       context=ctx)}
    assert "no_subject" not in call and "no_sign_off" in call


def test_checks_are_pure_and_fast_enough_for_every_keystroke(store, catalogue):
    import time

    ctx = build_context(store, APP, an_action("thank_you", contact="ada"))
    store.log_event(APP, {"kind": "thank_you", "at": INTERVIEW + timedelta(hours=3), "contacts": ["raj"],
                          "notes": "Dear Raj,\n\n" + "a fine note " * 60})
    ctx = build_context(store, APP, an_action("thank_you", contact="ada"))
    store.close()  # no database from here on
    _, out = draft(catalogue, ctx)
    start = time.perf_counter()
    for _ in range(50):
        run_checks(out.subject, out.body, situation="thank_you", channel="email", context=ctx)
    assert (time.perf_counter() - start) / 50 < 0.02


# -- logging what was sent never breaks the clocks ----------------------------------------------------

@pytest.mark.parametrize("situation", [s for s, sit in SITUATIONS.items() if sit.logs_as])
def test_every_message_can_be_logged_as_sent(store, situation):
    sit = SITUATIONS[situation]
    for channel in sit.channels:
        store.log_event(APP, {"kind": sit.logs_as, "at": datetime(2026, 3, 20, 10),
                              "channel": sit.event_channel(channel), "contacts": ["raj"],
                              "subject": "S" if channel == "email" else None, "notes": "text"})


def test_thanking_them_for_an_update_does_not_count_as_an_unanswered_follow_up(store):
    (app,) = store.applications()
    now = datetime(2026, 3, 18, 12)
    assert [a for a in compute_actions(app, store.settings(), now) if a.name == "reply_thanks"]
    store.log_event(APP, {"kind": SITUATIONS["reply_thanks"].logs_as, "at": now, "channel": "email",
                          "contacts": ["raj"], "notes": "Thank you for the update."})
    (app,) = store.applications()
    later = [a for a in compute_actions(app, store.settings(), datetime(2026, 3, 30, 10))]
    assert not [a for a in later if a.name == "reply_thanks"]
    # the nudge after their named date is still the first one, not a chase of the thank-you
    (nudge,) = [a for a in later if a.name == "nudge"]
    assert nudge.sequence == 0
    assert build_context(store, APP, nudge).unanswered_follow_ups == 0


def test_situations_cover_every_action_and_log_as_real_event_kinds():
    kinds = {k.value for k in EventKind}
    for name in ActionName:
        assert situation_for_action(name) in SITUATIONS
    for sit in SITUATIONS.values():
        assert sit.logs_as is None or sit.logs_as in kinds
    assert SITUATIONS["reply_thanks"].logs_as == "thank_you"
    assert SITUATIONS["nudge"].logs_as == SITUATIONS["post_interview_follow_up"].logs_as == "follow_up"
    assert SITUATIONS["introduce"].logs_as == "query_sent"
    assert SITUATIONS["apply_with_referral"].logs_as == "applied"
    with pytest.raises(KeyError):
        situation_for_action("tea_break")
