"""The compose window, driven like a user would, on a real data dir: the message for a follow-up
is written for that person, checked as it is typed, and once sent it lands on the timeline and
the step is done."""

from __future__ import annotations

from datetime import datetime
from urllib.parse import parse_qs, unquote, urlsplit

import pytest
import shiboken6
from PySide6.QtCore import QObject, Qt, QUrl, Slot
from PySide6.QtGui import QDesktopServices, QGuiApplication

from followup_desktop.exchange.jsonfile import import_json
from followup_desktop.paths import DataPaths
from followup_desktop.ui.compose import CHECK_DELAY_MS, ComposeWindow
from followup_desktop.ui.workspace import Workspace

INTERVIEW_DAY = datetime(2026, 3, 10, 16, 0)  # two hours after the interview at Acme


JORDAN = {"name": "Jordan Lee", "email": "jordan@example.org", "phone": "+1 555 0100", "employed": False}
SUSAN = {"key": "susan", "employer": "acme", "name": "Susan Smith", "role": "recruiter",
         "email": "susan@acme.example", "phone": "+1 555 0101"}
RAJ = {"key": "raj", "employer": "acme", "name": "Raj Patel", "role": "hiring_manager", "email": "raj@acme.example"}
OFFICE_MANAGER = {"key": "acme-office-manager", "employer": "acme", "position": "Office Manager",
                  "source": "posting", "stage": "interviewing"}


@pytest.fixture
def jordans_search(dataset):
    """`jordans_search(key_point=…, thank_you_sent=…, extra_events=…)` -> Jordan's search: one
    application at Acme, interviewed by Susan Smith on March 10."""
    def build(*, key_point: str | None = "the new filing system", thank_you_sent: bool = False,
              extra_events: list | None = None) -> dict:
        interview = {"kind": "interview", "at": "2026-03-10T14:00:00",
                     "duration_minutes": 60, "contacts": ["susan"], "decision_expected": "2026-03-17"}
        if key_point:
            interview["key_points"] = {"susan": key_point}
        events = [{"kind": "applied", "at": "2026-03-02T09:00:00", "channel": "portal"}, interview]
        if thank_you_sent:
            events.append({"kind": "thank_you", "at": "2026-03-10T18:00:00", "channel": "email",
                           "contacts": ["susan"]})
        events += extra_events or []
        return dataset(events, contacts=[SUSAN, RAJ], applications=[OFFICE_MANAGER], profile=JORDAN)
    return build


@pytest.fixture
def make_workspace(data_dir, write_json, clock_at):
    """`make_workspace(document, now=INTERVIEW_DAY)` -> a loaded workspace over that data set."""
    made = []

    def make(doc: dict, now: datetime = INTERVIEW_DAY) -> Workspace:
        ws = Workspace(DataPaths(data_dir), clock=clock_at(now))
        import_json(ws.store, write_json(doc))
        ws.load()
        made.append(ws)
        return ws

    yield make
    for ws in made:
        ws.close()


@pytest.fixture
def compose(qtbot):
    """`compose(workspace, **kw)` -> a shown ComposeWindow, closed after the test if still open."""
    windows = []

    def open_(workspace, **kw) -> ComposeWindow:
        w = ComposeWindow(workspace, **kw)
        windows.append(w)
        w.show()
        qtbot.waitExposed(w)
        return w

    yield open_
    for w in windows:
        if shiboken6.isValid(w):
            w.discard()  # a test's draft is nobody's: no question left open for the next test


def action_named(ws: Workspace, name: str, contact: str | None = None):
    found = [a for a in ws.actions() if a.name == name and (contact is None or a.contact == contact)]
    assert found, f"no {name} action among {[a.name for a in ws.actions()]}"
    return found[0]


def events_of(ws: Workspace, kind: str) -> list[dict]:
    con = ws.store.connection
    rows = con.execute("SELECT kind, at, channel, outcome, subject, notes FROM event WHERE kind = ? ORDER BY id",
                       (kind,)).fetchall()
    return [dict(zip(("kind", "at", "channel", "outcome", "subject", "notes"), r)) for r in rows]


def type_text(qtbot, widget, text: str) -> None:
    """Type like a user, Return for each line break (QTest cannot type "\\n" itself)."""
    for n, line in enumerate(text.split("\n")):
        if n:
            qtbot.keyClick(widget, Qt.Key_Return)
        if line:
            qtbot.keyClicks(widget, line)


def type_into_body(qtbot, window: ComposeWindow, text: str) -> None:
    """Replace the whole body the way a user would: select all, then type."""
    window.body_edit.setFocus()
    window.body_edit.selectAll()
    type_text(qtbot, window.body_edit, text)


# -- the message ------------------------------------------------------------------------------

def test_the_thank_you_window_names_the_step_and_the_person_and_recalls_the_interview(
        make_workspace, compose, jordans_search):
    ws = make_workspace(jordans_search())
    action = action_named(ws, "thank_you", "susan")
    w = compose(ws, action=action)

    assert w.objectName() == "composeWindow"
    assert w.windowTitle() == "Thank-you note — Susan Smith, Acme Corp"
    assert action.reason in w.reason_label.text()
    assert w.tabs.tabData(w.tabs.currentIndex()) == "email"
    body = w.body()
    assert "March 10" in (w.subject() or "") + body
    assert "the new filing system" in body
    assert "Jordan Lee" in body.splitlines()  # signed with the full name
    assert w.recipient_combo.currentData() == "susan"


def test_the_window_offers_each_channel_the_situation_has(make_workspace, compose, jordans_search):
    ws = make_workspace(jordans_search())
    w = compose(ws, action=action_named(ws, "thank_you", "susan"))
    channels = [w.tabs.tabData(i) for i in range(w.tabs.count())]
    assert channels == ["email", "letter"]

    w.tabs.setCurrentIndex(1)
    assert not w.subject_row.isVisibleTo(w)
    assert "the new filing system" in w.body()
    assert w.mail_button.isHidden()


def test_an_edit_survives_a_trip_to_another_tab(qtbot, make_workspace, compose, jordans_search):
    ws = make_workspace(jordans_search())
    w = compose(ws, action=action_named(ws, "thank_you", "susan"))
    type_into_body(qtbot, w, "Dear Susan, my own words.")
    w.tabs.setCurrentIndex(1)
    w.tabs.setCurrentIndex(0)
    assert w.body() == "Dear Susan, my own words."


def test_opened_without_an_action_the_title_names_the_situation(make_workspace, compose, jordans_search):
    ws = make_workspace(jordans_search(thank_you_sent=True))
    w = compose(ws, application_key="acme-office-manager", situation="check_in", contact_key="raj")
    assert w.windowTitle() == "Check in — Raj Patel, Acme Corp"
    assert w.reason_label.isHidden()
    assert w.situation_combo.currentData() == "check_in"
    # every message this timeline bears out can be picked: Raj was not at the interview, so
    # no thank-you to him; nobody replied, so no thanks for an update
    offered = {w.situation_combo.itemData(i) for i in range(w.situation_combo.count())}
    assert {"status_check", "nudge", "withdrawal_note", "post_interview_follow_up", "introduce"} <= offered
    assert not offered & {"thank_you", "late_thank_you", "reply_thanks", "feedback_request"}


def test_without_any_contact_the_title_names_only_the_employer(make_workspace, compose, jordans_search):
    doc = jordans_search(key_point=None)
    doc["contacts"] = []
    doc["events"][1].pop("contacts")
    doc["events"][1].pop("key_points", None)
    ws = make_workspace(doc)
    w = compose(ws, application_key="acme-office-manager", situation="status_check")
    assert w.windowTitle() == "Status check — Acme Corp"
    assert not w.recipient_combo.isEnabled()


def test_picking_another_situation_rewrites_the_message_and_its_tabs(make_workspace, compose, jordans_search):
    ws = make_workspace(jordans_search())
    w = compose(ws, action=action_named(ws, "thank_you", "susan"))
    w.situation_combo.setCurrentIndex(w.situation_combo.findData("status_check"))
    assert [w.tabs.tabData(i) for i in range(w.tabs.count())] == ["phone", "email"]
    assert w.windowTitle() == "Status check — Susan Smith, Acme Corp"
    assert not w.call_button.isHidden()  # phone first: the call is logged, not "sent"


def test_switching_the_recipient_writes_to_the_other_person(make_workspace, compose, jordans_search):
    ws = make_workspace(jordans_search())
    w = compose(ws, action=action_named(ws, "thank_you", "susan"))
    w.recipient_combo.setCurrentIndex(w.recipient_combo.findData("raj"))
    assert w.windowTitle() == "Thank-you note — Raj Patel, Acme Corp"
    assert "Dear Raj" in w.body()


# -- checks -----------------------------------------------------------------------------------

def test_checks_follow_the_typing_after_a_short_pause(qtbot, make_workspace, compose, jordans_search):
    ws = make_workspace(jordans_search())
    w = compose(ws, action=action_named(ws, "thank_you", "susan"))
    assert "no_sign_off" not in w.check_codes()

    type_into_body(qtbot, w, "Dear Susan,\n\nThank you for your time today.")
    assert "no_sign_off" not in w.check_codes()  # not on every keystroke: debounced
    qtbot.waitUntil(lambda: "no_sign_off" in w.check_codes(), timeout=CHECK_DELAY_MS * 10)
    shown = [w.checks_list.item(i).text() for i in range(w.checks_list.count())]
    assert any("Jordan Lee" in text for text in shown)

    type_text(qtbot, w.body_edit, "\n\nBest regards,\nJordan Lee")
    qtbot.waitUntil(lambda: "no_sign_off" not in w.check_codes(), timeout=CHECK_DELAY_MS * 10)


def test_an_empty_subject_is_flagged(qtbot, make_workspace, compose, jordans_search):
    ws = make_workspace(jordans_search())
    w = compose(ws, action=action_named(ws, "thank_you", "susan"))
    w.subject_edit.selectAll()
    qtbot.keyClick(w.subject_edit, Qt.Key_Delete)
    qtbot.waitUntil(lambda: "no_subject" in w.check_codes(), timeout=CHECK_DELAY_MS * 10)


def test_a_third_unanswered_follow_up_suggests_closing_out(make_workspace, compose, jordans_search):
    doc = jordans_search(thank_you_sent=True, extra_events=[
        {"application": "acme-office-manager", "kind": "follow_up", "at": "2026-03-19T10:00:00",
         "channel": "phone", "contacts": ["susan"], "outcome": "left_message"},
        {"application": "acme-office-manager", "kind": "follow_up", "at": "2026-03-26T10:00:00",
         "channel": "email", "contacts": ["susan"]},
    ])
    ws = make_workspace(doc, now=datetime(2026, 4, 3, 10, 0))
    w = compose(ws, application_key="acme-office-manager", situation="nudge", contact_key="susan")
    assert "close_out" in w.check_codes()
    shown = " ".join(w.checks_list.item(i).text() for i in range(w.checks_list.count()))
    assert "third" in shown


# -- missing values ---------------------------------------------------------------------------

def test_what_the_app_does_not_know_is_asked_for_and_filled_in_place(qtbot, make_workspace, compose, jordans_search):
    ws = make_workspace(jordans_search(key_point=None))
    w = compose(ws, action=action_named(ws, "thank_you", "susan"))
    marker = "[key point you discussed?]"
    assert marker in w.body()
    assert "unfilled" in w.check_codes()
    assert "key_point" in w.missing_edits and not w.missing_box.isHidden()

    # the user's own edit elsewhere in the text is kept
    w.body_edit.setFocus()
    w.body_edit.moveCursor(w.body_edit.textCursor().MoveOperation.Start)
    qtbot.keyClicks(w.body_edit, "Hello again. ")
    field = w.missing_edits["key_point"]
    field.setFocus()
    qtbot.keyClicks(field, "the spring office move")
    qtbot.keyClick(field, Qt.Key_Return)

    assert marker not in w.body()
    assert "the spring office move" in w.body()
    assert w.body().startswith("Hello again. ")
    qtbot.waitUntil(lambda: "key_point" not in w.missing_edits, timeout=1000)
    assert w.missing_box.isHidden()
    assert "unfilled" not in w.check_codes()


# -- acting -----------------------------------------------------------------------------------

def test_mark_as_sent_puts_the_thank_you_on_the_timeline_and_the_window_stays_with_undo(
        qtbot, make_workspace, compose, jordans_search):
    ws = make_workspace(jordans_search())
    action = action_named(ws, "thank_you", "susan")
    w = compose(ws, action=action)
    subject, body = w.subject(), w.body()

    with qtbot.waitSignal(w.sent, timeout=2000) as sent:
        w.sent_button.click()
    assert sent.args == ["acme-office-manager"]

    logged = events_of(ws, "thank_you")
    assert logged == [{"kind": "thank_you", "at": "2026-03-10T16:00:00", "channel": "email", "outcome": None,
                       "subject": subject, "notes": body}]
    links = ws.store.connection.execute(
        "SELECT c.key FROM event_contact ec JOIN contact c ON c.id = ec.contact_id").fetchall()
    assert ("susan",) in links
    assert action.id not in {a.id for a in ws.actions()}
    assert "Logged" in w.status_label.text()
    # the window stays, Undo in reach, until the user closes it (nothing to ask: it was sent)
    qtbot.wait(500)
    assert w.isVisible() and w.undo_button.isVisible() and w.done_button.isVisible()
    w.done_button.click()
    qtbot.waitUntil(lambda: not shiboken6.isValid(w) or not w.isVisible(), timeout=2000)


def test_undo_after_mark_as_sent_takes_the_event_back(qtbot, make_workspace, compose, jordans_search):
    ws = make_workspace(jordans_search())
    action = action_named(ws, "thank_you", "susan")
    w = compose(ws, action=action)
    with qtbot.waitSignal(ws.operations.drained):  # written on the write worker
        w.mark_sent()
    assert events_of(ws, "thank_you")
    assert not w.undo_button.isHidden()
    with qtbot.waitSignal(ws.operations.drained):
        w.undo_button.click()
    assert events_of(ws, "thank_you") == []
    assert action.id in {a.id for a in ws.actions()}
    assert w.isVisible() and w.body_edit.isEnabled()
    qtbot.wait(100)


def test_ctrl_return_marks_as_sent(qtbot, make_workspace, compose, jordans_search):
    ws = make_workspace(jordans_search())
    w = compose(ws, action=action_named(ws, "thank_you", "susan"))
    w.activateWindow()
    w.body_edit.setFocus()
    with qtbot.waitSignal(w.sent, timeout=2000):
        w.sent_action.trigger()  # the Ctrl+Return shortcut's action
    assert w.sent_action.shortcut().toString() == "Ctrl+Return"
    assert len(events_of(ws, "thank_you")) == 1


def test_a_refused_event_is_shown_in_the_window_and_nothing_is_stored(qtbot, make_workspace, compose, jordans_search):
    ws = make_workspace(jordans_search())
    w = compose(ws, action=action_named(ws, "thank_you", "susan"))
    w.subject_edit.setText("x" * 1200)  # past the exchange file's subject limit
    assert w.mark_sent() is False
    assert events_of(ws, "thank_you") == []
    assert "subject" in w.status_label.text()
    assert w.isVisible()


class MailtoCatcher(QObject):
    def __init__(self):
        super().__init__()
        self.urls: list[QUrl] = []

    @Slot(QUrl)
    def open(self, url: QUrl) -> None:
        self.urls.append(url)


@pytest.fixture
def mail_app():
    catcher = MailtoCatcher()
    QDesktopServices.setUrlHandler("mailto", catcher, "open")
    yield catcher
    QDesktopServices.unsetUrlHandler("mailto")


def test_open_in_mail_app_hands_over_the_recipient_subject_and_body(make_workspace, compose, mail_app, jordans_search):
    ws = make_workspace(jordans_search())
    w = compose(ws, action=action_named(ws, "thank_you", "susan"))
    w.subject_edit.setText("Thank you & see you soon")
    w.mail_button.click()

    assert len(mail_app.urls) == 1
    raw = bytes(mail_app.urls[0].toEncoded()).decode("ascii")
    parts = urlsplit(raw)
    assert parts.scheme == "mailto" and unquote(parts.path) == "susan@acme.example"
    query = parse_qs(parts.query, keep_blank_values=True)
    assert query["subject"] == ["Thank you & see you soon"]
    assert query["body"][0].replace("\r\n", "\n") == w.body()
    assert events_of(ws, "thank_you") == []  # opening the mail app sends nothing by itself


def test_a_contact_without_email_cannot_be_handed_to_the_mail_app(make_workspace, compose, mail_app, jordans_search):
    doc = jordans_search()
    del doc["contacts"][0]["email"]
    ws = make_workspace(doc)
    w = compose(ws, action=action_named(ws, "thank_you", "susan"))
    assert not w.mail_button.isEnabled()
    assert w.open_in_mail_app() is False
    assert mail_app.urls == []


def test_copy_puts_the_body_on_the_clipboard_and_not_the_subject(make_workspace, compose, jordans_search):
    ws = make_workspace(jordans_search())
    w = compose(ws, action=action_named(ws, "thank_you", "susan"))
    w.copy_button.click()
    assert QGuiApplication.clipboard().text() == w.body()
    assert w.subject() and w.subject() not in QGuiApplication.clipboard().text()
    assert w.copy_action.shortcut().toString() == "Ctrl+Shift+C"
    w.copy_subject_button.click()  # the subject has its own button
    assert QGuiApplication.clipboard().text() == w.subject()

    w.tabs.setCurrentIndex(1)  # a handwritten note has no subject
    w.copy_message()
    assert QGuiApplication.clipboard().text() == w.body()


def test_a_call_that_left_a_message_is_logged_with_its_outcome(qtbot, make_workspace, compose, jordans_search):
    ws = make_workspace(jordans_search(thank_you_sent=True), now=datetime(2026, 3, 19, 10, 0))
    action = action_named(ws, "post_interview_follow_up", "susan")
    w = compose(ws, action=action)
    assert w.tabs.tabData(w.tabs.currentIndex()) == "phone"
    assert w.sent_button.isHidden() and not w.call_button.isHidden()
    assert w.windowTitle() == "Post-interview follow-up — Susan Smith, Acme Corp"

    with qtbot.waitSignal(w.sent, timeout=2000):
        w.call_actions["left_message"].trigger()
    logged = events_of(ws, "follow_up")
    assert len(logged) == 1
    assert logged[0]["channel"] == "phone" and logged[0]["outcome"] == "left_message"
    assert not logged[0]["subject"]  # a call has no subject line
    assert action.id not in {a.id for a in ws.actions()}


def test_snooze_for_a_day_moves_the_step_and_closes_the_window(qtbot, make_workspace, compose, jordans_search):
    ws = make_workspace(jordans_search())
    action = action_named(ws, "thank_you", "susan")
    w = compose(ws, action=action)
    with qtbot.waitSignal(ws.operations.drained):  # written on the write worker
        w.snooze_actions[0].trigger()
    assert ws.action_state(action.id).snoozed_until == datetime(2026, 3, 11, 16, 0)
    qtbot.waitUntil(lambda: not shiboken6.isValid(w) or not w.isVisible(), timeout=2000)


def test_escape_closes_the_window(qtbot, make_workspace, compose, jordans_search):
    ws = make_workspace(jordans_search())
    w = compose(ws, action=action_named(ws, "thank_you", "susan"))
    assert w.close_action.shortcut().toString() == "Esc"
    w.close_action.trigger()
    qtbot.waitUntil(lambda: not shiboken6.isValid(w) or not w.isVisible(), timeout=2000)


def test_every_control_has_an_accessible_name_and_takes_focus(make_workspace, compose, jordans_search):
    ws = make_workspace(jordans_search())
    w = compose(ws, action=action_named(ws, "thank_you", "susan"))
    controls = [w.situation_combo, w.recipient_combo, w.tabs, w.subject_edit, w.body_edit, w.checks_list,
                w.copy_button, w.mail_button, w.sent_button, w.snooze_button, w.templates_button]
    for c in controls:
        assert c.accessibleName(), c.objectName()
        assert c.focusPolicy() & Qt.TabFocus, c.objectName()


def test_ctrl_return_typed_in_the_message_marks_it_as_sent(qtbot, make_workspace, compose, jordans_search):
    ws = make_workspace(jordans_search())
    w = compose(ws, action=action_named(ws, "thank_you", "susan"))
    w.activateWindow()
    qtbot.waitUntil(w.isActiveWindow, timeout=2000)
    w.body_edit.setFocus()
    with qtbot.waitSignal(w.sent, timeout=2000):
        qtbot.keyClick(w.body_edit, Qt.Key_Return, Qt.ControlModifier)
    assert len(events_of(ws, "thank_you")) == 1


def test_a_second_thank_you_that_reads_like_the_first_is_flagged(qtbot, make_workspace, compose, jordans_search):
    doc = jordans_search()
    doc["events"][1]["contacts"] = ["susan", "raj"]
    doc["events"][1]["key_points"] = {"susan": "the new filing system", "raj": "the budget"}
    ws = make_workspace(doc)
    first = compose(ws, action=action_named(ws, "thank_you", "susan"))
    susan_text = first.body()
    with qtbot.waitSignal(ws.operations.drained):  # written on the write worker
        assert first.mark_sent()

    w = compose(ws, action=action_named(ws, "thank_you", "raj"))
    assert "same_thank_you" not in w.check_codes()
    type_into_body(qtbot, w, susan_text.replace("Susan", "Raj"))
    qtbot.waitUntil(lambda: "same_thank_you" in w.check_codes(), timeout=CHECK_DELAY_MS * 10)
    shown = " ".join(w.checks_list.item(i).text() for i in range(w.checks_list.count()))
    assert "Susan Smith" in shown


def test_interview_notes_are_a_note_to_self_marked_done_not_sent(qtbot, make_workspace, compose, jordans_search):
    doc = jordans_search(key_point=None)
    del doc["events"][1]["decision_expected"]  # nothing written down about the interview yet
    ws = make_workspace(doc)
    action = action_named(ws, "debrief")
    w = compose(ws, action=action)
    assert [w.tabs.tabData(i) for i in range(w.tabs.count())] == ["note"]
    assert w.sent_button.text().replace("&", "") == "Mark as done"
    with qtbot.waitSignal(ws.operations.drained):  # written on the write worker
        assert w.mark_sent()
    assert ws.action_state(action.id).done_at == INTERVIEW_DAY
    assert events_of(ws, "note") == []


def test_opened_on_an_application_alone_it_starts_from_its_next_step(make_workspace, compose, jordans_search):
    ws = make_workspace(jordans_search())
    w = compose(ws, application_key="acme-office-manager")
    assert w.situation_combo.currentData() == "thank_you"
    assert w.windowTitle() == "Thank-you note — Susan Smith, Acme Corp"
    assert w.snooze_button.isEnabled() is False  # nothing to snooze: no step was named


def test_the_contract_example_asks_for_the_key_point_nobody_wrote_down(
        qtbot, data_dir, contract_example, compose, clock_at):
    ws = Workspace(DataPaths(data_dir), clock=clock_at(INTERVIEW_DAY))
    try:
        import_json(ws.store, contract_example)
        ws.load()
        w = compose(ws, action=action_named(ws, "thank_you", "susan"))
        assert w.windowTitle() == "Thank-you note — Susan Smith, Acme Corp"
        assert list(w.missing_edits) == ["key_point"]
        w.fill_missing("key_point", "the office move")
        assert "[key point you discussed?]" not in w.body() and "the office move" in w.body()
        qtbot.waitUntil(lambda: not w.missing_edits, timeout=1000)
        w.close()
    finally:
        ws.close()
