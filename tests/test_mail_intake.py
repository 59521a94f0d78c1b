"""Mail brought in on the command line and through the core (CONTRACT.md, Mail): every fixture
of tests/fixtures/mail/ through `import FILE.eml|FILE.ics`, the same message twice, outbound mail
marking its step done, and hostile messages bounded, writing at most a review item."""

from __future__ import annotations

import importlib.util
import sqlite3
import time
from datetime import date, datetime
from pathlib import Path

import pytest

from followup_desktop import cli
from followup_desktop.mail import intake
from followup_desktop.mail.match import Matcher, StoreMatcher
from followup_desktop.mail.message import MAX_TEXT, parse
from followup_desktop.paths import DataPaths
from followup_desktop.store import Store

MAIL = Path(__file__).resolve().parent / "fixtures" / "mail"


def _load_maker():
    spec = importlib.util.spec_from_file_location("make_mail", MAIL / "make_mail.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


make_mail = _load_maker()


@pytest.fixture(autouse=True)
def utc(local_zone):
    """The fixtures' Dates are in UTC (and +01:00): read in UTC, the local times are theirs."""
    local_zone("UTC")


@pytest.fixture
def mail_dir(seed, data_dir) -> Path:
    """A data dir holding the mail fixtures' people (make_mail.dataset())."""
    return seed(make_mail.dataset())


def run(data_dir, *args, capsys) -> tuple[int, str, str]:
    code = cli.main(["--data-dir", str(data_dir), *map(str, args)])
    out, err = capsys.readouterr()
    return code, out.strip(), err.strip()


def events(data_dir, kind=None):
    con = sqlite3.connect(DataPaths(data_dir).database)
    try:
        sql = ("SELECT a.key, e.kind, e.at, e.outcome, e.next_date, e.message_id, e.duration_minutes, e.subject,"
               " e.notes, e.encouraged FROM event e JOIN application a ON a.id = e.application_id")
        rows = con.execute(sql + (" WHERE e.kind = ?" if kind else "") + " ORDER BY e.id",
                           (kind,) if kind else ()).fetchall()
        return rows
    finally:
        con.close()


def event_people(data_dir, message_id):
    con = sqlite3.connect(DataPaths(data_dir).database)
    try:
        return [k for (k,) in con.execute(
            "SELECT c.key FROM event_contact ec JOIN contact c ON c.id = ec.contact_id"
            " JOIN event e ON e.id = ec.event_id WHERE e.message_id = ? ORDER BY ec.position", (message_id,))]
    finally:
        con.close()


def review_rows(data_dir):
    con = sqlite3.connect(DataPaths(data_dir).database)
    try:
        return con.execute("SELECT message_id, state, suggested_outcome, warning FROM review_item ORDER BY id").fetchall()
    finally:
        con.close()


# -- the command line, each fixture ---------------------------------------------------------------

def test_the_generator_makes_the_fixtures_that_are_committed():
    for name, data in {**make_mail.messages(), **make_mail.invitations()}.items():
        assert (MAIL / name).read_bytes() == data, f"{name} differs from what make_mail.py makes"


def test_a_recruiters_plain_reply_is_logged_with_the_contract_line(mail_dir, capsys):
    code, out, err = run(mail_dir, "import", MAIL / "plain.eml", capsys=capsys)
    assert (code, err) == (0, "")
    assert out == "logged reply from Susan Smith (Acme Corp — Office Manager) at 2026-03-18T10:00"
    reply = events(mail_dir, "reply")[-1]
    assert reply[:4] == ("acme-om", "reply", "2026-03-18T10:00:00", "other")
    assert reply[5] == "plain.3f2a@acme.example"
    assert "decide by March 25" in reply[8]
    assert event_people(mail_dir, "plain.3f2a@acme.example") == ["susan"]


def test_the_same_message_twice_changes_nothing(mail_dir, capsys, dump):
    assert run(mail_dir, "import", MAIL / "plain.eml", capsys=capsys)[0] == 0
    before = dump(DataPaths(mail_dir).database)
    code, out, err = run(mail_dir, "import", MAIL / "plain.eml", "--outcome", "rejected", capsys=capsys)
    assert (code, out, err) == (0, "already logged", "")
    assert dump(DataPaths(mail_dir).database) == before


@pytest.mark.parametrize("name, outcome, who, at, app", [
    ("html_only.eml", "rejected", "Priya Raman (Acme Corp — Office Manager)", "2026-03-19T10:00", "acme-om"),
    ("attachment.eml", "interview_invite", "Tom Baker (Acme Corp — Office Manager)", "2026-03-18T12:00", "acme-om"),
    ("quoted_printable.eml", "offer", "Susan Smith (Acme Corp — Office Manager)", "2026-03-21T10:00", "acme-om"),
    ("non_ascii.eml", "no_decision", "José Müller (Globex — Project Assistant)", "2026-03-18T10:00", "globex-pa"),
])
def test_each_shape_of_message_is_logged_with_the_outcome_named(mail_dir, capsys, name, outcome, who, at, app):
    code, out, err = run(mail_dir, "import", MAIL / name, "--outcome", outcome, capsys=capsys)
    assert (code, err) == (0, "")
    assert out == f"logged reply from {who} at {at}"
    reply = events(mail_dir, "reply")[-1]
    assert (reply[0], reply[3]) == (app, outcome)


def test_an_html_only_message_keeps_its_words_and_none_of_its_markup(mail_dir, capsys):
    run(mail_dir, "import", MAIL / "html_only.eml", "--outcome", "rejected", capsys=capsys)
    notes = events(mail_dir, "reply")[-1][8]
    assert "Unfortunately, we have decided to move forward with other candidates" in notes
    assert "résumé" in notes and "we'll keep" in notes
    assert "<" not in notes and "track()" not in notes and "color" not in notes


def test_an_attachment_is_never_stored(mail_dir, capsys):
    run(mail_dir, "import", MAIL / "attachment.eml", capsys=capsys)
    con = sqlite3.connect(DataPaths(mail_dir).database)
    try:
        dumped = "\n".join(repr(r) for t in ("event", "review_item") for r in con.execute(f"SELECT * FROM {t}"))
    finally:
        con.close()
    assert "PDF-1.4" not in dumped and "job description\n" not in dumped
    assert "We would like to invite you to an interview" in dumped


def test_a_rejection_logged_from_mail_closes_the_application(mail_dir, capsys):
    run(mail_dir, "import", MAIL / "html_only.eml", "--outcome", "rejected", capsys=capsys)
    con = sqlite3.connect(DataPaths(mail_dir).database)
    try:
        assert con.execute("SELECT stage, outcome FROM application WHERE key = 'acme-om'").fetchone() == ("closed", "rejected")
    finally:
        con.close()
    # the rejection's words said "stay in touch": the check-in the playbook keeps for that
    assert events(mail_dir, "reply")[-1][9] == 1


def test_a_message_from_nobody_known_exits_2_and_stores_nothing(mail_dir, capsys, dump, tmp_path):
    before = dump(DataPaths(mail_dir).database)
    stranger = tmp_path / "elsewhere.eml"
    stranger.write_bytes((MAIL / "plain.eml").read_bytes().replace(b"susan@acme.example", b"susan@elsewhere.example")
                         .replace(b"plain.3f2a", b"other.1"))
    code, out, err = run(mail_dir, "import", stranger, capsys=capsys)
    assert (code, out) == (2, "")
    assert err == "followup-desktop: no contact or employer matches susan@elsewhere.example"
    assert dump(DataPaths(mail_dir).database) == before


def test_a_free_mail_address_never_matches_by_its_domain(mail_dir, capsys):
    # Initech's contact writes from gmail.com; a stranger there is nobody's
    code, _out, err = run(mail_dir, "import", MAIL / "free_mail_stranger.eml", capsys=capsys)
    assert code == 2 and err.endswith("no contact or employer matches someone.else@gmail.com")


def test_a_bad_outcome_is_refused_in_one_line(mail_dir, capsys):
    code, _out, err = run(mail_dir, "import", MAIL / "plain.eml", "--outcome", "maybe", capsys=capsys)
    assert code == 2
    assert err == ("followup-desktop: --outcome: 'maybe' is not a reply outcome "
                   "(no_decision, interview_invite, rejected, offer, other)")
    assert events(mail_dir, "reply") == []


def test_a_missing_message_file_is_one_line(mail_dir, capsys, tmp_path):
    code, _out, err = run(mail_dir, "import", tmp_path / "nope.eml", capsys=capsys)
    assert code == 2 and err.endswith("nope.eml: no such file")


def test_as_a_real_process_the_contract_line_and_exit_codes(mail_dir, run_app, tmp_path):
    done = run_app("--data-dir", mail_dir, "import", MAIL / "plain.eml", env={"TZ": "UTC"})
    assert (done.returncode, done.stdout, done.stderr) == (
        0, "logged reply from Susan Smith (Acme Corp — Office Manager) at 2026-03-18T10:00\n", "")
    again = run_app("--data-dir", mail_dir, "import", MAIL / "plain.eml", env={"TZ": "UTC"})
    assert (again.returncode, again.stdout) == (0, "already logged\n")
    nobody = run_app("--data-dir", mail_dir, "import", MAIL / "free_mail_stranger.eml", env={"TZ": "UTC"})
    assert nobody.returncode == 2 and "Traceback" not in nobody.stderr


# -- outbound ---------------------------------------------------------------------------------------

def test_a_thank_you_sent_from_the_mail_program_marks_that_step_done(mail_dir, capsys):
    code, out, err = run(mail_dir, "import", MAIL / "outbound_thank_you.eml", capsys=capsys)
    assert (code, err) == (0, "")
    assert out == "marked done: Thank-you note to Susan Smith (Acme Corp — Office Manager) at 2026-03-10T17:30"
    sent = events(mail_dir, "thank_you")
    assert [(s[0], s[2], s[5]) for s in sent] == [("acme-om", "2026-03-10T17:30:00", "sent-thanks.1@example.org")]
    code, out, _ = run(mail_dir, "due", "--at", "2026-03-10T18:00", capsys=capsys)
    assert "Thank-you note" not in out


def test_a_message_sent_with_nothing_open_for_that_contact_is_a_follow_up(mail_dir, capsys):
    code, out, err = run(mail_dir, "import", MAIL / "outbound_follow_up.eml", capsys=capsys)
    assert (code, err) == (0, "")
    assert out == "logged follow-up to José Müller (Globex — Project Assistant) at 2026-03-05T09:15"
    assert [e[1] for e in events(mail_dir) if e[0] == "globex-pa"] == ["applied", "follow_up"]


def test_the_sent_message_is_listed_for_review_as_applied_with_its_event(mail_dir, capsys):
    run(mail_dir, "import", MAIL / "outbound_thank_you.eml", capsys=capsys)
    assert [(r[0], r[1]) for r in review_rows(mail_dir)] == [("sent-thanks.1@example.org", "applied")]
    with Store(DataPaths(mail_dir)) as store:
        item = intake.review_items(store)[0]
        assert intake.undo_applied(store, item["id"])["event_id"] is not None
    assert events(mail_dir, "thank_you") == [] and review_rows(mail_dir) == []


def test_a_message_claiming_your_address_found_in_inbox_is_not_taken_as_sent(mail_dir):
    with Store(DataPaths(mail_dir)) as store:
        r = intake.bring_in(store, (MAIL / "outbound_thank_you.eml").read_bytes(), folder="INBOX")
    assert r.kind == intake.NO_MATCH
    assert events(mail_dir, "thank_you") == []


# -- invitations, three calendar programs -----------------------------------------------------------

@pytest.mark.parametrize("name, line, at, minutes, people", [
    ("google_calendar.ics", "logged interview with Susan Smith (Acme Corp — Office Manager) at 2026-03-24T14:00, "
                            "45 minutes", "2026-03-24T14:00:00", 45, ["susan"]),
    ("outlook_exchange.ics", "logged interview with Susan Smith, Priya Raman (Acme Corp — Office Manager) at "
                             "2026-03-26T13:00, 90 minutes", "2026-03-26T13:00:00", 90, ["susan", "priya"]),
    ("thunderbird_lightning.ics", "logged interview with José Müller (Globex — Project Assistant) at "
                                  "2026-03-20T08:30, 60 minutes", "2026-03-20T08:30:00", 60, ["jose"]),
])
def test_an_invitation_from_each_calendar_program_is_a_planned_interview(mail_dir, capsys, name, line, at, minutes, people):
    code, out, err = run(mail_dir, "import", MAIL / name, capsys=capsys)
    assert (code, out, err) == (0, line, "")
    interview = events(mail_dir, "interview")[-1]
    assert (interview[2], interview[6]) == (at, minutes)
    assert event_people(mail_dir, interview[5]) == people
    code, out, _ = run(mail_dir, "import", MAIL / name, capsys=capsys)
    assert (code, out) == (0, "already logged")


def test_an_invitations_new_people_are_offered_not_added(mail_dir):
    with Store(DataPaths(mail_dir)) as store:
        r = intake.bring_in_invitation(store, (MAIL / "outlook_exchange.ics").read_bytes())
        assert r.new_people == [("Dana Whitfield", "dana.whitfield@acme.example")]
        assert "dana.whitfield@acme.example" not in {e for (e,) in store.connection.execute("SELECT email FROM contact")}


def test_a_cancellation_is_no_invitation(mail_dir, capsys, tmp_path):
    cancel = tmp_path / "cancel.ics"
    cancel.write_bytes((MAIL / "google_calendar.ics").read_bytes().replace(b"METHOD:REQUEST", b"METHOD:CANCEL"))
    code, _out, err = run(mail_dir, "import", cancel, capsys=capsys)
    assert code == 2 and err.endswith("nothing imported: a calendar cancel message, not an invitation")
    assert events(mail_dir, "interview")[-1][2] == "2026-03-10T14:00:00"  # only the one there was


# -- the review list (core) -------------------------------------------------------------------------

def test_an_inbound_message_waits_for_review_with_a_suggestion(mail_dir):
    with Store(DataPaths(mail_dir)) as store:
        r = intake.bring_in(store, (MAIL / "plain.eml").read_bytes())
        assert (r.kind, r.employer) == (intake.REVIEW, "Acme Corp")
        [item] = intake.review_items(store)
        assert (item["suggested_outcome"], item["suggested_next_date"], item["contact"]) == (
            "no_decision", date(2026, 3, 25), "susan")
        assert intake.waiting_count(store) == 1
    assert events(mail_dir, "reply") == []


def test_confirming_no_decision_logs_the_reply_and_opens_the_reply_thanks_step(mail_dir, capsys):
    with Store(DataPaths(mail_dir)) as store:
        intake.bring_in(store, (MAIL / "plain.eml").read_bytes())
        [item] = intake.review_items(store)
        intake.confirm(store, item["id"], "no_decision", date(2026, 3, 25))
        assert intake.review_items(store) == [] and intake.waiting_count(store) == 0
    reply = events(mail_dir, "reply")[-1]
    assert (reply[3], reply[4], reply[5]) == ("no_decision", "2026-03-25", "plain.3f2a@acme.example")
    _code, out, _ = run(mail_dir, "due", "--at", "2026-03-18T12:00", capsys=capsys)
    assert "Thank them for the update  Susan Smith" in out


def test_dismissing_keeps_only_the_message_id(mail_dir):
    with Store(DataPaths(mail_dir)) as store:
        intake.bring_in(store, (MAIL / "plain.eml").read_bytes())
        [item] = intake.review_items(store)
        intake.dismiss(store, item["id"])
        assert intake.review_items(store) == []
        again = intake.bring_in(store, (MAIL / "plain.eml").read_bytes())
        assert again.kind == intake.ALREADY
    con = sqlite3.connect(DataPaths(mail_dir).database)
    try:
        assert con.execute("SELECT message_id, state, body, subject FROM review_item").fetchall() == [
            ("plain.3f2a@acme.example", "dismissed", "", "")]
    finally:
        con.close()


@pytest.mark.parametrize("make", [Matcher.from_store, StoreMatcher], ids=["loaded", "looked-up"])
def test_the_matcher_answers_a_header_only_look(mail_dir, make):
    with Store(DataPaths(mail_dir)) as store:
        m = make(store)
        assert m.wanted("susan@acme.example", ["jordan@example.org"])
        assert m.wanted("someone@jobs.acme.example", [])           # a subdomain of acme.example
        assert m.wanted("jordan@example.org", ["priya.raman@acme.example"])  # sent by the user
        assert not m.wanted("bill.lumbergh2@gmail.com", [])         # free mail: by address only
        assert m.wanted("bill.lumbergh@gmail.com", [])
        assert not m.seen("plain.3f2a@acme.example")
        intake.bring_in(store, (MAIL / "plain.eml").read_bytes(), folder="INBOX")
        assert make(store).seen("plain.3f2a@acme.example")
        assert not make(store).seen("other@acme.example")


# -- hostile messages -------------------------------------------------------------------------------

def test_a_forged_from_of_a_known_contact_is_held_for_review_even_with_an_outcome(mail_dir, capsys):
    code, out, _err = run(mail_dir, "import", MAIL / "hostile_forged_from.eml", "--outcome", "offer", capsys=capsys)
    assert code == 0
    assert out.startswith("waiting for review: message from Susan Smith (Acme Corp — Office Manager)")
    assert "acme.example did not vouch for it" in out
    assert events(mail_dir, "reply") == []
    [(mid, state, outcome, warning)] = review_rows(mail_dir)
    assert (mid, state, outcome) == ("forged.1@evil.example", "pending", "offer")
    assert "dmarc" in warning


def test_a_header_injection_stays_one_line(mail_dir):
    with Store(DataPaths(mail_dir)) as store:
        intake.bring_in(store, (MAIL / "hostile_header_injection.eml").read_bytes())
        [item] = intake.review_items(store)
    for field in ("subject", "sender_name", "sender_email"):
        assert "\n" not in (item[field] or "") and "\r" not in (item[field] or "")
    assert item["subject"].startswith("Hello X-Injected: yes")
    assert item["sender_email"] == "susan@acme.example"


@pytest.mark.parametrize("name", ["attachment_50mb", "deep_nesting", "deep_rfc822", "encoding_bomb"])
def test_a_hostile_message_is_bounded_and_writes_at_most_a_review_item(mail_dir, name, dump):
    import tracemalloc

    raw = make_mail.hostile(name)
    before = dump(DataPaths(mail_dir).database)
    tracemalloc.start()
    started = time.perf_counter()
    try:
        with Store(DataPaths(mail_dir)) as store:
            r = intake.bring_in(store, raw, outcome=None)
        took = time.perf_counter() - started
        _now, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert took < 10, f"{name} took {took:.1f} s"  # a guard against a hang; budgets: the benchmark
    assert peak < 64 * 1024 * 1024, f"{name} held {peak // 2**20} MB"
    assert r.kind == intake.REVIEW
    after = dump(DataPaths(mail_dir).database)
    changed = {t for t in after if after[t] != before.get(t)}
    assert changed == {"review_item"}
    [row] = after["review_item"]
    assert len(row) > 0


def test_a_message_cut_by_the_bounds_waits_for_review_even_on_the_command_line(mail_dir, capsys, tmp_path):
    big = tmp_path / "big.eml"
    big.write_bytes(make_mail.hostile("attachment_50mb"))
    code, out, _err = run(mail_dir, "import", big, "--outcome", "offer", capsys=capsys)
    assert code == 0 and out.startswith("waiting for review: message from Susan Smith")
    assert "only the first 2 MB read" in out
    assert events(mail_dir, "reply") == []


def test_broken_mime_is_read_as_far_as_it_goes(mail_dir):
    m = parse((MAIL / "hostile_broken_mime.eml").read_bytes())
    assert m.sender == ("Susan Smith", "susan@acme.example") and m.date is None
    with Store(DataPaths(mail_dir)) as store:
        r = intake.bring_in(store, (MAIL / "hostile_broken_mime.eml").read_bytes(),
                            now=datetime(2026, 3, 18, 9, 0))
    assert r.kind == intake.REVIEW and "2026-03-18T09:00" in r.line


def test_the_text_kept_is_capped():
    raw = (MAIL / "plain.eml").read_bytes().replace(b"Best,", b"word " * 30_000)
    assert len(parse(raw).text) <= MAX_TEXT


# -- the suggestion: plain cues, honest about what they do not know ---------------------------------

@pytest.mark.parametrize("text, outcome, named", [
    ("We have not made a decision yet and will decide by March 25.", "no_decision", date(2026, 3, 25)),
    ("Still interviewing; we will get back to you by the end of next week.", "no_decision", date(2026, 3, 27)),
    ("No decision yet; expect news on 2026-04-02.", "no_decision", date(2026, 4, 2)),
    ("Unfortunately, we have decided to move forward with other candidates.", "rejected", None),
    ("Unfortunately I cannot make Tuesday; could we move the interview with Raj?", "interview_invite", None),
    ("We are pleased to offer you the position.", "offer", None),
    ("Thanks, got it.", "other", None),
])
def test_the_suggestion_names_what_the_words_say_and_nothing_more(text, outcome, named):
    from followup_desktop.mail.suggest import suggest

    s = suggest(text, "", datetime(2026, 3, 18, 10, 0))  # a Wednesday
    assert (s.outcome, s.next_date) == (outcome, named)


def test_an_outcome_is_for_a_message_only(mail_dir, capsys):
    code, _out, err = run(mail_dir, "import", MAIL / "google_calendar.ics", "--outcome", "offer", capsys=capsys)
    assert code == 2 and err == "followup-desktop: --outcome is for a mail message (.eml)"
    assert len(events(mail_dir, "interview")) == 1
