"""The user's words are never lost or sent broken, and the message says only what happened:
closing an edited draft asks, a gap is asked about before anything leaves the window, Copy
copies the body, a call shows the number, a thank-you needs its interview, and a value typed
for the profile can be kept there."""

from __future__ import annotations

import copy
import json

import shiboken6
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QPushButton

from followup_desktop.paths import DataPaths
from followup_desktop.settings import Settings  # noqa: F401  (the profile's fields are settings)
from followup_desktop.ui.workspace import Workspace
from followup_desktop.ui.compose import ComposeWindow
from test_ui_compose import (  # noqa: F401  (fixtures)
    INTERVIEW_DAY,
    MailtoCatcher,
    action_named,
    compose,
    events_of,
    jordans_search,
    mail_app,
    make_workspace,
    type_into_body,
)

GAP = "[key point you discussed?]"


def answer(qtbot, window: ComposeWindow, button_name: str) -> None:
    """Click one of the open question's buttons, as the user would."""
    qtbot.waitUntil(lambda: window.question is not None and window.question.isVisible(), timeout=2000)
    button = window.question.findChild(QPushButton, button_name)
    assert button is not None, f"no {button_name} in {[b.objectName() for b in window.question.buttons()]}"
    qtbot.mouseClick(button, Qt.LeftButton)


def press_escape(qtbot, window: ComposeWindow) -> None:
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=2000)
    window.body_edit.setFocus()
    qtbot.keyClick(window.body_edit, Qt.Key_Escape)


def closed(window) -> bool:
    return not shiboken6.isValid(window) or not window.isVisible()


# -- closing --------------------------------------------------------------------------------------

def test_escape_on_an_edited_draft_asks_before_discarding(qtbot, make_workspace, compose, jordans_search):
    ws = make_workspace(jordans_search())
    w = compose(ws, action=action_named(ws, "thank_you", "susan"))
    type_into_body(qtbot, w, "Dear Susan, words I do not want to lose.")

    press_escape(qtbot, w)
    answer(qtbot, w, "keepEditingButton")
    assert w.isVisible() and w.body() == "Dear Susan, words I do not want to lose."

    press_escape(qtbot, w)
    answer(qtbot, w, "discardButton")
    qtbot.waitUntil(lambda: closed(w), timeout=2000)


def test_a_kept_draft_comes_back_when_the_step_is_written_again(qtbot, make_workspace, compose, jordans_search):
    ws = make_workspace(jordans_search())
    action = action_named(ws, "thank_you", "susan")
    w = compose(ws, action=action)
    type_into_body(qtbot, w, "Dear Susan, half a thought")
    w.close()
    answer(qtbot, w, "keepDraftButton")
    qtbot.waitUntil(lambda: closed(w), timeout=2000)

    again = compose(ws, action=action)
    assert again.body() == "Dear Susan, half a thought"
    assert "draft" in again.status_label.text()
    # discarded, it is gone for good
    again.close()
    answer(qtbot, again, "discardButton")
    qtbot.waitUntil(lambda: closed(again), timeout=2000)
    fresh = compose(ws, action=action)
    assert fresh.body() != "Dear Susan, half a thought"


def test_a_kept_draft_comes_back_after_the_app_is_started_again(qtbot, make_workspace, compose, jordans_search,
                                                              data_dir, clock_at):
    ws = make_workspace(jordans_search())
    action = action_named(ws, "thank_you", "susan")
    w = compose(ws, action=action)
    type_into_body(qtbot, w, "Dear Susan, kept over night")
    w.close()
    answer(qtbot, w, "keepDraftButton")
    qtbot.waitUntil(lambda: closed(w), timeout=2000)
    drafts = DataPaths(data_dir).drafts
    assert drafts.stat().st_mode & 0o777 == 0o600
    ws.close()

    restarted = Workspace(DataPaths(data_dir), clock=clock_at(INTERVIEW_DAY))
    restarted.load()
    try:
        again = compose(restarted, action=action_named(restarted, "thank_you", "susan"))
        assert again.body() == "Dear Susan, kept over night"
        assert "draft" in again.status_label.text()
    finally:
        restarted.close()


def test_quitting_keeps_an_unsent_draft_for_the_next_start(qtbot, make_workspace, compose, jordans_search,
                                                          data_dir, clock_at):
    ws = make_workspace(jordans_search())
    w = compose(ws, action=action_named(ws, "thank_you", "susan"))
    type_into_body(qtbot, w, "Dear Susan, typed just before quitting")
    untouched = compose(ws, action=action_named(ws, "post_interview_follow_up"))

    QCoreApplication.instance().aboutToQuit.emit()  # what the tray's Quit and a logout end in

    kept = json.loads(DataPaths(data_dir).drafts.read_text(encoding="utf-8"))
    assert [d["body"] for rec in kept.values() for d in rec["drafts"]] == ["Dear Susan, typed just before quitting"]
    assert untouched.isVisible()
    restarted = Workspace(DataPaths(data_dir), clock=clock_at(INTERVIEW_DAY))
    restarted.load()
    try:
        again = compose(restarted, action=action_named(restarted, "thank_you", "susan"))
        assert again.body() == "Dear Susan, typed just before quitting"
    finally:
        restarted.close()


def test_an_unreadable_drafts_file_is_set_aside_and_writing_goes_on(qtbot, make_workspace, compose, jordans_search,
                                                                    data_dir):
    drafts = DataPaths(data_dir).drafts
    data_dir.mkdir(parents=True, exist_ok=True)
    drafts.write_text('{"thank_you": {"drafts": [', encoding="utf-8")
    ws = make_workspace(jordans_search())
    w = compose(ws, action=action_named(ws, "thank_you", "susan"))
    assert "Susan" in w.body()
    assert not w.model.restored
    assert drafts.with_name("drafts.json.unreadable").read_text(encoding="utf-8") == '{"thank_you": {"drafts": ['


def test_an_untouched_draft_closes_without_a_question(qtbot, make_workspace, compose, jordans_search):
    ws = make_workspace(jordans_search())
    w = compose(ws, action=action_named(ws, "thank_you", "susan"))
    press_escape(qtbot, w)
    qtbot.waitUntil(lambda: closed(w), timeout=2000)


# -- gaps -----------------------------------------------------------------------------------------

def test_mark_as_sent_with_a_gap_asks_first(qtbot, make_workspace, compose, jordans_search):
    ws = make_workspace(jordans_search(key_point=None))
    w = compose(ws, action=action_named(ws, "thank_you", "susan"))
    assert GAP in w.body()

    w.sent_button.click()
    qtbot.waitUntil(lambda: w.question is not None and w.question.isVisible(), timeout=2000)
    assert GAP in w.question.text() and "sent" in w.question.text()
    assert events_of(ws, "thank_you") == []
    answer(qtbot, w, "fillFirstButton")
    assert events_of(ws, "thank_you") == []
    assert w.focusWidget() is w.missing_edits["key_point"]

    w.sent_button.click()
    with qtbot.waitSignal(ws.operations.drained):  # written on the write worker
        answer(qtbot, w, "anywayButton")
    (logged,) = events_of(ws, "thank_you")
    assert GAP in logged["notes"]  # sent as the user chose, and recorded as it was sent


def test_copy_and_open_in_mail_app_with_a_gap_ask_first(qtbot, make_workspace, compose, mail_app, jordans_search):
    ws = make_workspace(jordans_search(key_point=None))
    w = compose(ws, action=action_named(ws, "thank_you", "susan"))
    QGuiApplication.clipboard().setText("before")
    w.copy_button.click()
    answer(qtbot, w, "fillFirstButton")
    assert QGuiApplication.clipboard().text() == "before"
    w.copy_button.click()
    answer(qtbot, w, "anywayButton")
    assert QGuiApplication.clipboard().text() == w.body()

    w.mail_button.click()
    answer(qtbot, w, "fillFirstButton")
    assert mail_app.urls == []
    w.mail_button.click()
    answer(qtbot, w, "anywayButton")
    assert len(mail_app.urls) == 1


def test_a_filled_gap_goes_without_a_question(qtbot, make_workspace, compose, jordans_search):
    ws = make_workspace(jordans_search(key_point=None))
    w = compose(ws, action=action_named(ws, "thank_you", "susan"))
    w.missing_edits["key_point"].setText("the filing system")
    w.fill_missing("key_point")
    with qtbot.waitSignal(ws.operations.drained):  # written on the write worker
        assert w.mark_sent()
    assert w.question is None and len(events_of(ws, "thank_you")) == 1


def test_a_logged_call_script_never_stores_a_gap(qtbot, make_workspace, compose, jordans_search):
    ws = make_workspace(jordans_search(key_point=None))
    w = compose(ws, application_key="acme-office-manager", situation="post_interview_follow_up",
                contact_key="susan")
    w.variant_combo.setCurrentIndex(w.variant_combo.findData("post_interview_follow_up.phone.1"))
    assert w.channel == "phone" and GAP in w.body()
    with qtbot.waitSignal(ws.operations.drained):  # written on the write worker
        assert w.log_call("left_message")
    (call,) = events_of(ws, "follow_up")
    assert call["outcome"] == "left_message" and call["channel"] == "phone"
    assert "?]" not in call["notes"] and "…" in call["notes"]


def test_copy_puts_the_body_on_the_clipboard_and_not_the_subject(make_workspace, compose, jordans_search):
    ws = make_workspace(jordans_search())
    w = compose(ws, action=action_named(ws, "thank_you", "susan"))
    w.copy_button.click()
    assert QGuiApplication.clipboard().text() == w.body()
    assert not QGuiApplication.clipboard().text().startswith("Subject:")
    w.copy_subject_button.click()
    assert QGuiApplication.clipboard().text() == w.subject()


# -- after sending --------------------------------------------------------------------------------

def test_after_mark_as_sent_the_window_stays_with_undo_until_closed(qtbot, make_workspace, compose, jordans_search):
    ws = make_workspace(jordans_search())
    w = compose(ws, action=action_named(ws, "thank_you", "susan"))
    with qtbot.waitSignal(ws.operations.drained):  # written on the write worker
        assert w.mark_sent()
    qtbot.wait(500)
    assert w.isVisible() and w.undo_button.isVisible()
    with qtbot.waitSignal(ws.operations.drained):  # written on the write worker
        w.undo_button.click()
    assert events_of(ws, "thank_you") == []
    with qtbot.waitSignal(ws.operations.drained):  # written on the write worker
        assert w.mark_sent()
    press_escape(qtbot, w)  # sent: closing asks nothing
    qtbot.waitUntil(lambda: closed(w), timeout=2000)
    assert len(events_of(ws, "thank_you")) == 1


# -- what the message says ------------------------------------------------------------------------

def test_a_phone_script_shows_the_number_and_no_subject(qtbot, make_workspace, compose, jordans_search):
    ws = make_workspace(jordans_search())
    w = compose(ws, application_key="acme-office-manager", situation="status_check", contact_key="susan")
    assert w.channel == "phone"
    assert w.subject_row.isHidden() and not w.number_row.isHidden()
    assert w.number_label.text() == "+1 555 0101"
    assert "+1 555 0101" in w.recipient_combo.currentText()
    assert "susan@acme.example" not in w.recipient_combo.currentText()
    assert w.subject() is None
    shown = [w.checks_list.item(i).text() for i in range(w.checks_list.count())]
    assert all("send" not in line.lower() for line in shown), shown

    w.recipient_combo.setCurrentIndex(w.recipient_combo.findData("raj"))  # Raj has no number
    assert "none for Raj Patel" in w.number_label.text()
    assert "no_phone" in w.check_codes()


def test_a_thank_you_with_no_interview_on_the_timeline_is_not_offered(make_workspace, compose, jordans_search):
    doc = jordans_search()
    doc["events"] = [e for e in doc["events"] if e["kind"] != "interview"]
    doc["applications"][0]["stage"] = "applied"
    ws = make_workspace(doc)
    w = compose(ws, application_key="acme-office-manager", situation="status_check")
    offered = {w.situation_combo.itemData(i) for i in range(w.situation_combo.count())}
    assert "status_check" in offered
    assert not offered & {"thank_you", "late_thank_you", "post_interview_follow_up", "debrief", "reply_thanks"}


def test_the_second_interviewers_thank_you_starts_differently(make_workspace, compose, jordans_search):
    doc = jordans_search()
    interview = next(e for e in doc["events"] if e["kind"] == "interview")
    interview["contacts"] = ["susan", "raj"]
    interview["key_points"] = {"susan": "the new filing system", "raj": "the spring office move"}
    ws = make_workspace(doc)
    first = compose(ws, action=action_named(ws, "thank_you", "susan"))
    second = compose(ws, action=action_named(ws, "thank_you", "raj"))
    opening = lambda w: w.body().split("\n\n")[1].split(". ")[0]  # noqa: E731
    assert first.body().startswith("Dear Susan,") and second.body().startswith("Dear Raj,")
    assert opening(first) != opening(second)


def test_a_new_email_has_no_re_and_greets_by_the_full_name_before_meeting(make_workspace, compose, jordans_search):
    doc = jordans_search()
    doc["events"] = [e for e in doc["events"] if e["kind"] != "interview"]
    doc["applications"][0]["stage"] = "applied"
    ws = make_workspace(doc)
    w = compose(ws, application_key="acme-office-manager", situation="status_check", contact_key="susan")
    w.tabs.setCurrentIndex(w.tabs.count() - 1)  # the email
    assert w.channel == "email"
    assert not w.subject().lower().startswith("re:")
    assert w.body().startswith("Dear Susan Smith,")


# -- the profile ----------------------------------------------------------------------------------

def test_a_name_typed_into_fill_in_is_saved_to_the_profile(qtbot, make_workspace, compose, jordans_search):
    doc = copy.deepcopy(jordans_search())
    doc["profile"] = {}
    ws = make_workspace(doc)
    w = compose(ws, action=action_named(ws, "thank_you", "susan"))
    assert "[your full name?]" in w.body()
    assert w.profile_boxes["my_name"].isChecked()

    edit = w.missing_edits["my_name"]
    edit.setFocus()
    qtbot.keyClicks(edit, "Jordan Lee")
    with qtbot.waitSignal(ws.operations.drained):  # written on the write worker
        qtbot.keyClick(edit, Qt.Key_Return)
    assert "[your full name?]" not in w.body() and "Jordan Lee" in w.body()
    assert ws.settings().profile_name == "Jordan Lee"
    assert ws.store.settings().profile_name == "Jordan Lee"  # on disk, not only in the window
    qtbot.waitUntil(lambda: "no_name" not in w.check_codes(), timeout=2000)


def test_a_value_typed_for_this_message_only_stays_out_of_the_profile(qtbot, make_workspace, compose, jordans_search):
    doc = copy.deepcopy(jordans_search())
    doc["profile"] = {}
    ws = make_workspace(doc)
    w = compose(ws, action=action_named(ws, "thank_you", "susan"))
    w.profile_boxes["my_name"].setChecked(False)
    edit = w.missing_edits["my_name"]
    edit.setText("J. Lee")
    w.fill_missing("my_name")
    assert "J. Lee" in w.body()
    assert ws.store.settings().profile_name == ""
