"""The draft of a follow-up message, without Qt: the text for the person, the gaps still in it,
the checks, what Mark as sent and Log call log, and the drafts kept for later. Driven on a real
data dir, as the compose window drives it."""

from __future__ import annotations

import sys
from datetime import datetime

import pytest

from followup_desktop.paths import DataPaths
from followup_desktop.playbook.engine import compute_all
from followup_desktop.store import Store
from followup_desktop.wording.draft import DraftModel, gaps_in, kept_drafts

NOW = datetime(2026, 3, 10, 16, 0)  # two hours after the interview at Acme
GAP = "[key point you discussed?]"


JORDAN = {"name": "Jordan Lee", "email": "jordan@example.org", "phone": "+1 555 0100", "employed": False}
SUSAN = {"key": "susan", "employer": "acme", "name": "Susan Smith", "role": "recruiter",
         "email": "susan@acme.example", "phone": "+1 555 0101"}
RAJ = {"key": "raj", "employer": "acme", "name": "Raj Patel", "role": "hiring_manager", "email": "raj@acme.example"}
OFFICE_MANAGER = {"key": "acme-office-manager", "employer": "acme", "position": "Office Manager",
                  "source": "posting", "stage": "interviewing"}


@pytest.fixture
def search(dataset):
    """`search(key_point=…)` -> Jordan's search: applied at Acme, interviewed by Susan today."""
    def build(*, key_point: str | None = "the new filing system") -> dict:
        interview = {"kind": "interview", "at": "2026-03-10T14:00:00", "duration_minutes": 60, "contacts": ["susan"]}
        if key_point:
            interview["key_points"] = {"susan": key_point}
        return dataset([{"kind": "applied", "at": "2026-03-02T09:00:00", "channel": "portal"}, interview],
                       contacts=[SUSAN, RAJ], applications=[OFFICE_MANAGER], profile=JORDAN)
    return build


@pytest.fixture
def store(seed):
    """`store(document)` -> a Store over the test's data dir with the document imported."""
    opened = []

    def make(doc: dict) -> Store:
        s = Store(DataPaths(seed(doc)))
        opened.append(s)
        return s

    yield make
    for s in opened:
        s.close()


def thank_you(store: Store):
    found = [a for a in compute_all(store.applications(), store.settings(), NOW) if a.name == "thank_you"]
    assert found, "the interview should call for a thank-you"
    return found[0]


def open_draft(store: Store, action=None, kept: dict | None = None, **kw) -> DraftModel:
    return DraftModel(store, action=action, templates_dir=store.paths.templates, kept=kept, now=lambda: NOW, **kw)


def test_the_model_needs_no_qt():
    # in a fresh process (other tests here have imported Qt): nothing the draft imports pulls it in
    import subprocess

    code = "import sys, followup_desktop.wording.draft; print('PySide6' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


def test_a_thank_you_draft_thanks_the_interviewer_by_first_name_for_what_was_discussed(store, search):
    s = store(search())
    d = open_draft(s, thank_you(s))
    text = d.shown(d.start_variant().id)
    assert d.situation == "thank_you" and d.channel == "email"
    assert "Susan" in text.body and "filing system" in text.body
    assert d.subject  # an email has a subject line
    assert d.reason  # why now: the step's own reason


def test_a_thank_you_is_offered_only_once_there_was_an_interview(store, search):
    doc = search()
    doc["events"] = doc["events"][:1]
    s = store(doc)
    d = open_draft(s, application_key="acme-office-manager", situation="status_check")
    assert "thank_you" not in d.available_situations()
    assert "status_check" in d.available_situations()


def test_an_unknown_key_point_stays_a_gap_until_it_is_filled_in_every_channel(store, search):
    s = store(search(key_point=None))
    d = open_draft(s, thank_you(s))
    d.shown(None)
    assert "key_point" in d.still_missing() and GAP in d.body
    assert d.gaps_to_ask(d.body) == [GAP]
    assert "unfilled" in [c.code for c in d.run_checks(s.settings())]
    # another channel rendered before the fill gets the value in its text too
    other = next(ch for ch in d.channels if ch != d.channel)
    first = d.channel
    d.pick_channel(other)
    d.shown(None)
    d.pick_channel(first)
    d.fill("key_point", "the new filing system")
    d.edit(d.subject, d.body.replace(GAP, "the new filing system"))  # the editor's own change
    assert d.still_missing() == [] and gaps_in(d.body) == []
    assert "unfilled" not in d.run_checks(s.settings()) and "unfilled" not in d.check_codes()
    d.pick_channel(other)
    assert GAP not in d.shown(None).body
    # and every later rendering uses it
    assert "filing system" in d.render(None).body


def test_mark_as_sent_logs_a_thank_you_to_the_interviewer_with_the_text_as_written(store, search):
    s = store(search())
    d = open_draft(s, thank_you(s))
    d.shown(None)
    d.edit(d.subject, d.body + "\nSee you soon.")
    event = d.sent_event()
    assert event["kind"] == "thank_you" and event["channel"] == "email" and event["at"] == NOW
    assert event["contacts"] == ["susan"] and event["subject"] == d.subject
    assert event["notes"].endswith("See you soon.")
    s.log_event(d.application_key, event)  # the store takes it as it is
    assert not [a for a in compute_all(s.applications(), s.settings(), NOW) if a.name == "thank_you"]


def test_a_logged_call_has_its_outcome_no_subject_and_no_gap_in_its_note(store, search):
    s = store(search(key_point=None))
    d = open_draft(s, application_key="acme-office-manager", situation="post_interview_follow_up",
                   contact_key="susan")
    d.pick_channel("phone")
    d.render("post_interview_follow_up.phone.1")
    assert GAP in d.body and d.subject is None
    event = d.call_event("left_message")
    assert event["kind"] == "follow_up" and event["channel"] == "phone" and event["outcome"] == "left_message"
    assert "subject" not in event and "?]" not in event["notes"] and "…" in event["notes"]


def test_writing_to_someone_else_keeps_the_edited_text_with_their_name(store, search):
    s = store(search())
    d = open_draft(s, application_key="acme-office-manager", situation="thank_you", contact_key="susan")
    d.shown(None)
    d.edit(d.subject, d.body + "\nMy own line.")
    assert d.pick_recipient("raj")
    assert d.contact_key == "raj" and d.recipient.name == "Raj Patel"
    assert "Raj" in d.body and "Susan" not in d.body and "My own line." in d.body


def test_a_kept_draft_comes_back_for_the_same_step_and_is_gone_once_sent(store, search):
    s = store(search())
    kept: dict = {}
    action = thank_you(s)
    d = open_draft(s, action, kept=kept)
    d.shown(None)
    assert not d.edited
    d.edit(d.subject, "Thanks again, Susan.")
    assert d.edited
    d.keep()
    again = open_draft(s, action, kept=kept)
    assert again.restored and again.body == "Thanks again, Susan." and again.edited
    again.forget_kept()
    assert not open_draft(s, action, kept=kept).restored


def test_kept_drafts_belong_to_their_owner():
    class Owner:
        pass

    a, b = Owner(), Owner()
    kept_drafts(a)["step"] = {"drafts": {}}
    assert "step" in kept_drafts(a) and "step" not in kept_drafts(b)


def test_a_profile_value_typed_in_is_saved_unless_the_user_says_no(store, search):
    s = store(search())
    d = open_draft(s, thank_you(s))
    assert d.profile_setting("my_phone") == "profile_phone"
    d.save_profile["my_phone"] = False
    assert d.profile_setting("my_phone") is None
    assert d.profile_setting("key_point") is None
    d.profile_saved("my_name", "Jordan Q. Lee")
    assert d.context.profile_name == "Jordan Q. Lee"


def test_a_message_needs_an_application(store, search):
    s = store(search())
    with pytest.raises(ValueError):
        open_draft(s)
