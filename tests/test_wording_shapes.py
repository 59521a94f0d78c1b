"""Messages state only what the timeline holds: every shipped template, rendered against
timelines of every shape (nothing yet, applied and silence, a call, a reply, an interview, a
"no"), to every contact, never speaks of an interview, a reply or a conversation that is not
there, greets by the one rule, and puts "Re:" only on an answer to their message."""

from __future__ import annotations

import copy
import re
from datetime import datetime, timedelta

import pytest

from followup_desktop.playbook import compute_actions
from followup_desktop.wording import SITUATIONS, build_context, load_catalogue, render, situation_for_action
from followup_desktop.wording.context import first_name
from test_wording_data import APP, FULL, INTERVIEW_AT, make_store

APPLIED = {"application": APP, "kind": "applied", "at": "2026-03-02T09:00:00", "channel": "email",
           "contacts": ["susan"], "subject": "Application: Office Manager, Jordan Lee"}
PORTAL = {"application": APP, "kind": "applied", "at": "2026-03-02T09:00:00", "channel": "portal"}
STATUS_EMAIL = {"application": APP, "kind": "status_check", "at": "2026-03-09T09:00:00", "channel": "email",
                "contacts": ["susan"], "subject": "Office Manager"}
CALL_SPOKE = {"application": APP, "kind": "status_check", "at": "2026-03-09T11:00:00", "channel": "phone",
              "outcome": "spoke", "contacts": ["susan"]}
REPLY_DATE = {"application": APP, "kind": "reply", "at": "2026-03-05T10:00:00", "outcome": "no_decision",
              "next_date": "2026-03-20", "contacts": ["susan"], "subject": "Your application"}
INTERVIEW = {"application": APP, "kind": "interview", "at": INTERVIEW_AT, "contacts": ["raj", "ada"],
             "key_points": {"raj": "the spring office move", "ada": "how the team tracks supplier contracts"},
             "decision_expected": "2026-03-17"}
REJECTED = {"application": APP, "kind": "reply", "at": "2026-03-18T10:00:00", "outcome": "rejected",
            "encouraged": True, "contacts": ["raj"]}

NOW = datetime(2026, 3, 25, 12, 0)
#: shape -> (the stage the file says, its events)
SHAPES = {
    "a lead, nothing sent": ("lead", []),
    "applied, then silence": ("applied", [APPLIED]),
    "applied through a portal, a status check, silence": ("applied", [PORTAL, STATUS_EMAIL]),
    "applied, a call where they spoke": ("applied", [APPLIED, CALL_SPOKE]),
    "applied, a reply naming a date": ("applied", [APPLIED, REPLY_DATE]),
    "an interview, then silence": ("interviewing", [APPLIED, INTERVIEW]),
    "an interview, then a no": ("interviewing", [APPLIED, INTERVIEW, REJECTED]),
    "an interview planned for next week": ("applied", [APPLIED, dict(INTERVIEW, at="2026-04-01T10:00:00")]),
    "an interview that names nobody": ("interviewing", [APPLIED, {k: v for k, v in INTERVIEW.items()
                                                                  if k not in ("contacts", "key_points")}]),
}
TYPED = {"materials": "a sample supplier report", "reference": "Lee Wong, my manager at Brightside"}

#: A phrase a message may only say when the timeline holds the fact -> that fact.
CLAIMS = {
    r"meeting with me|met with me|\bwe met\b|meet the team|\bthe interview\b|my interview|interview with|"
    r"our conversation|our discussion|our talk|talk with you about|\bwe got onto\b|kept coming back to|"
    r"explaining the role|decision was expected|\binterviewed\b": "interviewed",
    r"good to speak with you|when we spoke|glad to meet you|\bwe spoke\b": "met_contact",
    r"your time|time you|consideration|last in touch|we've been in touch|thank you again": "heard_back",
    r"the update|letting me know|telling me|keeping me informed|you wrote|your reply|"
    r"expected (to have )?news": "they_replied",
    r"know your decision|sorry to hear|what would have made": "rejected",
    r"suggested i stay in touch|encouraged me": "encouraged",
    r"\bi applied\b|i have applied|my application|i sent my résumé|i emailed my résumé|applications are still": "applied",
}


def _doc(stage, events):
    doc = copy.deepcopy(FULL)
    doc["applications"][0]["stage"] = stage
    doc["events"] = copy.deepcopy(events)
    return doc


@pytest.fixture(scope="module")
def catalogue():
    return load_catalogue(None)


class _Stores:
    """One store open at a time (the models are bound to the last store opened)."""

    def __init__(self, tmp_path_factory):
        self.factory, self.shape, self.store = tmp_path_factory, None, None

    def __getitem__(self, shape):
        if shape != self.shape:
            self.close()
            self.store = make_store(self.factory.mktemp("shape"), _doc(*SHAPES[shape]))
            self.shape = shape
        return self.store

    def close(self):
        if self.store is not None:
            self.store.close()
        self.shape = self.store = None


@pytest.fixture
def stores(tmp_path_factory):
    made = _Stores(tmp_path_factory)
    yield made
    made.close()


def _claims_broken(text: str, flags: dict) -> list[str]:
    low = text.lower()
    return [f"{m.group(0)!r} needs {fact}" for pattern, fact in CLAIMS.items()
            if not flags.get(fact) for m in [re.search(pattern, low)] if m]


def _greeting_problem(body: str, channel: str, name: str, met: bool) -> str | None:
    first, lines = first_name(name), body.splitlines()
    if channel in ("email", "letter"):
        want = f"Dear {first if met else name},"
        return None if lines[0] == want else f"greets {lines[0]!r}, not {want!r}"
    if channel == "phone":
        said = lines[1]
        ok = re.match(rf"(Hello|Hi) {re.escape(first)}, it's", said) if met else f"is this {name}?" in said
        return None if ok else f"the call opens {said!r}"
    if channel == "message":
        ok = lines[0].startswith(f"Hi {first},") if met else lines[0].startswith(f"Hello {name},")
        return None if ok else f"the message opens {lines[0]!r}"
    return None


@pytest.mark.parametrize("shape", list(SHAPES))
def test_no_message_speaks_of_something_the_timeline_does_not_hold(stores, catalogue, shape):
    store = stores[shape]
    wrong = []
    for who in ("susan", "raj", "ada"):
        ctx = build_context(store, APP, None, who, now=NOW)
        for sid, sit in SITUATIONS.items():
            if not sit.available(ctx.flags):
                continue
            for channel in sit.channels:
                for t in catalogue.templates(sid, channel):
                    out = render(t, ctx, TYPED)
                    where = f"{t.id} to {who}"
                    for problem in _claims_broken((out.subject or "") + "\n" + out.body, ctx.flags):
                        wrong.append(f"{where}: {problem}\n{out.subject}\n{out.body}")
                    if out.subject and out.subject.lower().startswith("re:") and not ctx.flags["they_replied"]:
                        wrong.append(f"{where}: 'Re:' on a new email: {out.subject}")
                    if "{{" in out.body or "{{" in (out.subject or ""):
                        wrong.append(f"{where}: a section left in the text\n{out.body}")
                    if channel != "note":
                        problem = _greeting_problem(out.body, channel, ctx.recipient.name, ctx.flags["met_contact"])
                        if problem:
                            wrong.append(f"{where} (met: {ctx.flags['met_contact']}): {problem}")
    assert not wrong, "\n\n".join(wrong)


def test_the_facts_are_read_from_the_timeline(stores):
    def flags(shape, who="raj"):
        return build_context(stores[shape], APP, None, who, now=NOW).flags

    assert not any(flags("a lead, nothing sent").values())
    assert flags("applied, then silence") == dict.fromkeys(flags("applied, then silence"), False) | {"applied": True}
    spoke = flags("applied, a call where they spoke", "susan")
    assert spoke["met_contact"] and spoke["heard_back"] and not spoke["they_replied"]
    assert not flags("applied, a call where they spoke", "raj")["met_contact"]  # Raj was not on the call
    iv = flags("an interview, then silence")
    assert iv["interviewed"] and iv["met_contact"] and iv["several_interviewers"] and not iv["they_replied"]
    assert not flags("an interview, then silence", "susan")["met_contact"]
    no = flags("an interview, then a no")
    assert no["rejected"] and no["encouraged"] and no["they_replied"]
    planned = flags("an interview planned for next week")
    assert not planned["interviewed"] and not planned["met_contact"]  # it has not happened yet


def test_a_thank_you_is_not_offered_without_an_interview(stores):
    for shape in ("a lead, nothing sent", "applied, then silence", "applied, a reply naming a date",
                  "an interview planned for next week"):
        ctx = build_context(stores[shape], APP, None, "raj", now=NOW)
        offered = {sid for sid, sit in SITUATIONS.items() if sit.available(ctx.flags)}
        assert not offered & {"thank_you", "late_thank_you", "post_interview_follow_up", "debrief"}, shape
    ctx = build_context(stores["an interview, then silence"], APP, None, "raj", now=NOW)
    assert SITUATIONS["thank_you"].available(ctx.flags)


@pytest.mark.parametrize("shape", list(SHAPES))
def test_every_step_the_playbook_suggests_can_be_written_from_that_timeline(stores, shape):
    store = stores[shape]
    (app,) = store.applications()
    for when in (NOW, NOW + timedelta(days=40)):
        for action in compute_actions(app, store.settings(), when):
            ctx = build_context(store, APP, action, now=when)
            assert SITUATIONS[situation_for_action(action.name, action.template)].available(ctx.flags), \
                f"{shape}: {action.name} at {when} is suggested, but its message needs what is not there"


def test_the_phone_script_greets_by_the_full_name_until_you_have_spoken(stores, catalogue):
    silent = build_context(stores["applied, then silence"], APP, None, "susan", now=NOW)
    spoke = build_context(stores["applied, a call where they spoke"], APP, None, "susan", now=NOW)
    t = catalogue.get("status_check.phone.1")
    assert "Hello, is this Susan Smith?" in render(t, silent).body
    assert "Hello Susan, it's Jordan Lee." in render(t, spoke).body


def test_an_answer_to_their_email_keeps_their_subject(stores, catalogue):
    ctx = build_context(stores["applied, a reply naming a date"], APP, None, "susan", now=NOW)
    out = render(catalogue.get("reply_thanks.email.1"), ctx)
    assert out.subject == "Re: Your application" and "March 20" in out.body


def _opening(body: str) -> str:
    return body.split("\n\n")[1].split(". ")[0]


@pytest.mark.parametrize("channel", ["email", "letter"])
def test_the_second_interviewers_thank_you_starts_differently(stores, catalogue, channel, tmp_path):
    store = stores["an interview, then silence"]
    (app,) = store.applications()
    when = datetime.fromisoformat(INTERVIEW_AT) + timedelta(hours=2)
    thanks = {a.contact: a for a in compute_actions(app, store.settings(), when) if a.name == "thank_you"}
    first = build_context(store, APP, thanks["raj"], now=when)
    to_raj = render(catalogue.pick("thank_you", channel, first.sequence, first), first)
    # before the first is sent: the two drafts start from different variants
    second = build_context(store, APP, thanks["ada"], now=when)
    to_ada = render(catalogue.pick("thank_you", channel, second.sequence, second), second)
    assert _opening(to_raj.body) != _opening(to_ada.body)
    # and once Raj's is sent with whichever variant, Ada's starts from another one
    stores.close()
    for n, template in enumerate(catalogue.templates("thank_you", channel)):
        sent = render(template, first)
        store = make_store(tmp_path / str(n), _doc(*SHAPES["an interview, then silence"]))
        try:
            store.log_event(APP, {"kind": "thank_you", "at": when, "channel": channel, "contacts": ["raj"],
                                  "notes": sent.body})
            later = build_context(store, APP, thanks["ada"], now=when + timedelta(minutes=5))
        finally:
            store.close()
        assert [name for name, _ in later.other_thank_yous] == ["Raj Patel"]
        to_ada = render(catalogue.pick("thank_you", channel, later.sequence, later), later)
        assert _opening(sent.body) != _opening(to_ada.body), template.id
