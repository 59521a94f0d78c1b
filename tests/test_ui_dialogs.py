"""The main window's editing dialogs, driven like a person would (typing, clicking, Tab): they
give back validated plain values, refuse bad input with a message next to the field, and stay
open until the input is right."""

from __future__ import annotations

import time
from datetime import date, datetime

import pytest
from PySide6.QtCore import QMimeData, QPoint, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QDialog,
    QLabel,
    QLineEdit,
    QListWidget,
    QPlainTextEdit,
)

from followup_desktop.cli import main
from followup_desktop.exchange.validate import NOTES_MAX
from followup_desktop.settings import REGISTRY, Settings
from followup_desktop.store import Store
from followup_desktop.ui.dialogs import (
    LOG_FORMS,
    ApplicationDialog,
    ContactsDialog,
    LogEventDialog,
    SettingsDialog,
)
from followup_desktop.ui.dialogs.common import set_combo_value

NOW = datetime(2026, 3, 10, 15, 30)
EMPLOYERS = [("acme", "Acme Corp"), ("globex", "Globex")]
PEOPLE = [("susan", "Susan Smith", "recruiter"), ("raj", "Raj Patel", "hiring_manager"),
          ("ana", "Ana Lima", "interviewer")]


def shown(qtbot, dialog):
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)  # keyboard focus needs the active window
    return dialog


def click(qtbot, button):
    qtbot.mouseClick(button, Qt.LeftButton)


def tick(qtbot, box):
    """Click a check box on its indicator (a wide box ignores clicks past its text)."""
    qtbot.mouseClick(box, Qt.LeftButton, pos=QPoint(8, box.height() // 2))


def retype(qtbot, widget, text):
    """Select everything in a line edit (or the line edit of a combo / spin box) and type."""
    widget.setFocus()
    line = widget.lineEdit() if hasattr(widget, "lineEdit") and callable(widget.lineEdit) else widget
    line.selectAll()
    qtbot.keyClicks(widget, text)


# -- application --------------------------------------------------------------------------------

def test_adding_an_application_for_an_employer_typed_inline_creates_that_employer(qtbot):
    dialog = shown(qtbot, ApplicationDialog(EMPLOYERS))
    qtbot.keyClicks(dialog.employer, "Wayne Enterprises")
    qtbot.keyClicks(dialog.position, "Office Manager")
    set_combo_value(dialog.source, "referral")
    qtbot.keyClicks(dialog.referred_by, "Susan Smith")
    note = dialog.findChild(QLabel, "employer_message")
    assert note.isVisible() and "new" in note.text()

    click(qtbot, dialog.ok_button)

    assert dialog.result() == QDialog.Accepted
    values = dialog.values()
    assert values["employer_key"] is None
    assert values["employer_name"] == "Wayne Enterprises"
    assert values["position"] == "Office Manager"
    assert values["source"] == "referral" and values["referred_by"] == "Susan Smith"
    assert values["stage"] == "applied" and values["outcome"] is None
    assert values["posting_closes"] is None


def test_typing_the_name_of_a_known_employer_picks_it_instead_of_making_a_twin(qtbot):
    dialog = shown(qtbot, ApplicationDialog(EMPLOYERS))
    qtbot.keyClicks(dialog.employer, "acme corp")
    qtbot.keyClicks(dialog.position, "Dispatcher")
    click(qtbot, dialog.ok_button)
    assert dialog.result() == QDialog.Accepted
    assert dialog.values()["employer_key"] == "acme"
    assert dialog.values()["employer_name"] == "Acme Corp"


@pytest.mark.parametrize("typed", ["2026-13-45", "next friday"])
def test_an_invalid_posting_date_is_refused_next_to_the_field_and_the_dialog_stays_open(qtbot, typed):
    dialog = shown(qtbot, ApplicationDialog(EMPLOYERS))
    qtbot.keyClicks(dialog.employer, "Acme Corp")
    qtbot.keyClicks(dialog.position, "Office Manager")
    qtbot.keyClicks(dialog.posting_closes.edit, typed)
    accepted = []
    dialog.accepted.connect(lambda: accepted.append(True))

    click(qtbot, dialog.ok_button)

    message = dialog.findChild(QLabel, "posting_closes_message")
    assert message.isVisible()
    assert "Posting closes on" in message.text() and "YYYY-MM-DD" in message.text()
    assert typed in message.text()
    assert dialog.posting_closes.edit.accessibleDescription() == message.text()
    assert dialog.isVisible() and not accepted and dialog.result() != QDialog.Accepted
    assert QApplication.focusWidget() is dialog.posting_closes.edit

    # fixing the date clears the message and Save goes through
    retype(qtbot, dialog.posting_closes.edit, "2026-03-20")
    assert not message.isVisible()
    click(qtbot, dialog.ok_button)
    assert accepted and dialog.values()["posting_closes"] == date(2026, 3, 20)


def test_an_application_without_a_position_is_refused_and_the_position_gets_the_focus(qtbot):
    dialog = shown(qtbot, ApplicationDialog(EMPLOYERS, {"employer_key": "globex", "employer_name": "Globex",
                                                        "position": "", "stage": "lead"}))
    click(qtbot, dialog.ok_button)
    assert dialog.result() != QDialog.Accepted and dialog.isVisible()
    assert "Position" in dialog.findChild(QLabel, "position_message").text()
    assert QApplication.focusWidget() is dialog.position


def test_the_outcome_is_asked_only_once_the_application_is_closed(qtbot):
    initial = {"employer_key": "acme", "employer_name": "Acme Corp", "position": "Office Manager",
               "source": "posting", "referred_by": "", "posting_url": "https://acme.example/jobs/7",
               "posting_closes": date(2026, 3, 20), "stage": "applied", "outcome": None, "notes": ""}
    dialog = shown(qtbot, ApplicationDialog(EMPLOYERS, initial, now=NOW))
    assert dialog.windowTitle() == "Edit application"
    assert not dialog.outcome.isVisible()
    assert not dialog.stage_at.isVisible()  # nothing to log while the stage stays
    set_combo_value(dialog.stage, "closed")
    assert dialog.outcome.isVisible()
    click(qtbot, dialog.ok_button)
    assert dialog.result() != QDialog.Accepted  # closed, but how?
    assert "Outcome" in dialog.findChild(QLabel, "outcome_message").text()
    assert QApplication.focusWidget() is dialog.outcome
    set_combo_value(dialog.outcome, "withdrawn")
    assert dialog.stage_at.isVisible()
    assert dialog.findChild(QLabel, "stage_at_label").text().replace("&", "") == "Closed on:"
    click(qtbot, dialog.ok_button)
    assert dialog.values() == {**initial, "stage": "closed", "outcome": "withdrawn",
                               "stage_at": datetime(2026, 3, 10, 15, 30)}


def test_a_new_application_marked_applied_asks_when_it_was_sent(qtbot):
    dialog = shown(qtbot, ApplicationDialog(EMPLOYERS, now=NOW))
    assert dialog.stage_at.isVisible()
    assert dialog.findChild(QLabel, "stage_at_label").text().replace("&", "") == "Applied on:"
    qtbot.keyClicks(dialog.employer, "Acme Corp")
    qtbot.keyClicks(dialog.position, "Dispatcher")
    dialog.stage_at.setDateTime(datetime(2026, 3, 2, 9, 0))
    click(qtbot, dialog.ok_button)
    assert dialog.values()["stage_at"] == datetime(2026, 3, 2, 9, 0)
    set_combo_value(dialog.stage, "lead")
    assert not dialog.stage_at.isVisible() and "stage_at" not in dialog.values()


def test_moving_the_stage_back_is_refused_saying_how_the_timeline_does_it(qtbot):
    initial = {"employer_key": "acme", "employer_name": "Acme Corp", "position": "Office Manager",
               "stage": "interviewing", "outcome": None}
    dialog = shown(qtbot, ApplicationDialog(EMPLOYERS, initial, now=NOW))
    set_combo_value(dialog.stage, "applied")
    click(qtbot, dialog.ok_button)
    assert dialog.result() != QDialog.Accepted and dialog.isVisible()
    message = dialog.findChild(QLabel, "stage_message").text()
    assert "delete the event on the timeline that moved it on" in message


@pytest.fixture
def now():
    return NOW


def test_changing_a_lead_to_applied_logs_the_application_and_its_status_check_follows(qtbot, workspace):
    from followup_desktop.store import records
    from followup_desktop.ui.commands import AddApplication, EditApplication

    ws = workspace
    add = AddApplication(ws, {"employer_key": None, "employer_name": "Acme Corp", "position": "Clerk",
                              "source": None, "referred_by": "", "posting_url": "", "posting_closes": None,
                              "stage": "lead", "outcome": None})
    with qtbot.waitSignal(ws.operations.drained):  # written on the write worker
        ws.run(add)
    assert ws.application(add.key).stage == "lead"
    assert [a.name for a in ws.actions() if a.application == add.key] == ["introduce"]

    initial = records.application_record(ws.store, add.key)
    dialog = shown(qtbot, ApplicationDialog(ws.employers(), initial, now=NOW))
    set_combo_value(dialog.stage, "applied")
    assert dialog.stage_at.isVisible()
    dialog.stage_at.setDateTime(datetime(2026, 3, 2, 9, 0))
    click(qtbot, dialog.ok_button)
    with qtbot.waitSignal(ws.operations.drained):  # written on the write worker
        ws.run(EditApplication(ws, add.key, dialog.values()))

    assert ws.application(add.key).stage == "applied"
    assert [(e["kind"], e["at"]) for e in ws.timeline(initial["employer_key"])] == [
        ("applied", datetime(2026, 3, 2, 9, 0))]
    assert [a.name for a in ws.actions() if a.application == add.key] == ["status_check"]

    with qtbot.waitSignal(ws.operations.drained):  # written on the write worker
        ws.undo_stack.undo()
    assert ws.application(add.key).stage == "lead"
    assert ws.timeline(initial["employer_key"]) == []
    with qtbot.waitSignal(ws.operations.drained):  # written on the write worker
        ws.undo_stack.redo()
    assert ws.application(add.key).stage == "applied"
    assert len(ws.timeline(initial["employer_key"])) == 1


def test_adding_an_application_applied_on_a_date_logs_it_then(qtbot, workspace):
    from followup_desktop.ui.commands import AddApplication

    ws = workspace
    add = AddApplication(ws, {"employer_key": None, "employer_name": "Acme Corp", "position": "Clerk",
                              "source": None, "referred_by": "", "posting_url": "", "posting_closes": None,
                              "stage": "applied", "outcome": None, "stage_at": datetime(2026, 3, 1, 9, 0)})
    with qtbot.waitSignal(ws.operations.drained):  # written on the write worker
        ws.run(add)
    assert [(e["kind"], e["at"]) for e in ws.timeline(ws.application(add.key).employer_key)] == [
        ("applied", datetime(2026, 3, 1, 9, 0))]
    status = next(a for a in ws.actions() if a.application == add.key)
    assert status.name == "status_check" and status.opens.date() == date(2026, 3, 9)  # applied + 7 days


# -- contacts -----------------------------------------------------------------------------------

def test_contacts_are_added_checked_and_removed_in_the_contacts_dialog(qtbot):
    dialog = shown(qtbot, ContactsDialog("Acme Corp", [
        {"key": "susan", "name": "Susan Smith", "role": "recruiter", "email": "susan@acme.example", "phone": ""},
        {"key": "old", "name": "Gone Person", "role": "hr", "email": "", "phone": ""}]))
    assert dialog.windowTitle() == "Contacts at Acme Corp"

    dialog.list.setCurrentRow(1)
    click(qtbot, dialog.remove_button)
    click(qtbot, dialog.add_button)
    assert QApplication.focusWidget() is dialog.name
    qtbot.keyClicks(dialog.name, "Raj Patel")
    set_combo_value(dialog.role, "hiring_manager")
    qtbot.keyClicks(dialog.email, "raj at acme")
    message = dialog.findChild(QLabel, "contact_email_message")
    assert message.isVisible() and "email" in message.text().lower()

    click(qtbot, dialog.ok_button)
    assert dialog.isVisible() and dialog.result() != QDialog.Accepted
    assert QApplication.focusWidget() is dialog.email

    retype(qtbot, dialog.email, "raj@acme.example")
    assert not message.isVisible()
    click(qtbot, dialog.ok_button)
    assert dialog.result() == QDialog.Accepted
    assert dialog.values() == [
        {"key": "susan", "name": "Susan Smith", "role": "recruiter", "email": "susan@acme.example", "phone": ""},
        {"key": None, "name": "Raj Patel", "role": "hiring_manager", "email": "raj@acme.example", "phone": ""},
    ]


def test_removing_every_contact_saves_an_empty_list(qtbot):
    dialog = shown(qtbot, ContactsDialog("Acme Corp", [
        {"key": "susan", "name": "Susan Smith", "role": "recruiter", "email": "", "phone": ""}]))
    click(qtbot, dialog.remove_button)
    assert dialog.findChild(QLabel, "empty_state").isVisible()
    click(qtbot, dialog.ok_button)
    assert dialog.result() == QDialog.Accepted and dialog.values() == []


def _answer_question(qtbot, button_text, seen):
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QMessageBox

    def later(tries=[0]):
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            tries[0] += 1
            if tries[0] < 200:
                QTimer.singleShot(10, later)
            return
        seen.append(box.text())
        next(b for b in box.buttons() if b.text() == button_text).click()
    QTimer.singleShot(0, later)


@pytest.mark.parametrize("answer, left", [("Keep", ["Priya Raman", "Susan Smith"]), ("Remove", ["Susan Smith"])])
def test_removing_a_contact_who_is_on_events_warns_with_the_count(qtbot, answer, left):
    dialog = shown(qtbot, ContactsDialog("Acme Corp", [
        {"key": "priya", "name": "Priya Raman", "role": "recruiter", "email": "", "phone": ""},
        {"key": "susan", "name": "Susan Smith", "role": "recruiter", "email": "", "phone": ""}],
        event_counts={"priya": 3}))
    dialog.list.setCurrentRow(0)
    seen = []
    _answer_question(qtbot, answer, seen)
    click(qtbot, dialog.remove_button)
    assert seen == ["Priya Raman is on 3 events; remove anyway?"]
    assert [v["name"] for v in dialog.values()] == left


def test_removing_a_contact_on_no_event_asks_nothing(qtbot):
    dialog = shown(qtbot, ContactsDialog("Acme Corp", [
        {"key": "susan", "name": "Susan Smith", "role": "recruiter", "email": "", "phone": ""}],
        event_counts={"priya": 3}))
    click(qtbot, dialog.remove_button)  # no question to answer: it would hang here
    assert dialog.values() == []


def test_a_contact_left_without_a_name_blocks_save_and_is_brought_back_into_view(qtbot):
    dialog = shown(qtbot, ContactsDialog("Globex", []))
    assert dialog.findChild(QLabel, "empty_state").isVisible()
    click(qtbot, dialog.add_button)
    click(qtbot, dialog.add_button)
    qtbot.keyClicks(dialog.name, "Lee Chen")
    click(qtbot, dialog.ok_button)
    assert dialog.result() != QDialog.Accepted
    assert dialog.list.currentRow() == 0
    assert "Name" in dialog.findChild(QLabel, "contact_name_message").text()


# -- log event ------------------------------------------------------------------------------------

def test_an_interview_with_two_interviewers_gives_both_and_their_key_points(qtbot):
    dialog = shown(qtbot, LogEventDialog("interview", PEOPLE, now=NOW))
    assert dialog.windowTitle() == "Log interview"
    assert dialog.ok_button.text() == "Log"
    tick(qtbot, dialog.picker.boxes["susan"])
    tick(qtbot, dialog.picker.boxes["raj"])
    assert not dialog.picker.points["ana"].isEnabled()
    qtbot.keyClicks(dialog.picker.points["susan"], "Relocation in May")
    qtbot.keyClicks(dialog.picker.points["raj"], "The CRM migration")
    qtbot.keyClicks(dialog.decision.edit, "2026-03-17")
    click(qtbot, dialog.ok_button)

    assert dialog.result() == QDialog.Accepted
    assert dialog.values() == {
        "kind": "interview", "at": datetime(2026, 3, 10, 15, 30), "contacts": ["susan", "raj"],
        "key_points": {"susan": "Relocation in May", "raj": "The CRM migration"},
        "duration_minutes": 60, "decision_expected": date(2026, 3, 17), "notes": "",
    }


def test_a_reply_gives_its_outcome_and_the_next_date_they_named(qtbot):
    dialog = shown(qtbot, LogEventDialog("reply", PEOPLE, now=NOW))
    set_combo_value(dialog.outcome, "no_decision")
    assert not dialog.encouraged.isEnabled()  # only a rejection encourages
    qtbot.keyClicks(dialog.next_date.edit, "2026-03-25")
    tick(qtbot, dialog.picker.boxes["susan"])
    click(qtbot, dialog.ok_button)
    values = dialog.values()
    assert values["kind"] == "reply" and values["outcome"] == "no_decision"
    assert values["next_date"] == date(2026, 3, 25)
    assert values["contacts"] == ["susan"] and values["encouraged"] is False
    assert set(values) == {"kind", "at", "outcome", "next_date", "encouraged", "contacts", "notes"}


def test_a_rejection_can_say_they_encouraged_staying_in_touch(qtbot):
    dialog = shown(qtbot, LogEventDialog("reply", PEOPLE, now=NOW))
    set_combo_value(dialog.outcome, "rejected")
    tick(qtbot, dialog.encouraged)
    click(qtbot, dialog.ok_button)
    assert dialog.values()["encouraged"] is True and dialog.values()["outcome"] == "rejected"


def test_a_call_is_a_phone_follow_up_with_its_result(qtbot):
    dialog = shown(qtbot, LogEventDialog("call", PEOPLE, now=NOW))
    set_combo_value(dialog.outcome, "left_message")
    tick(qtbot, dialog.picker.boxes["raj"])
    click(qtbot, dialog.ok_button)
    assert dialog.values() == {"kind": "follow_up", "at": NOW, "channel": "phone", "outcome": "left_message",
                               "contacts": ["raj"], "notes": ""}


def test_back_dating_is_normal_and_a_date_far_ahead_only_warns(qtbot):
    dialog = shown(qtbot, LogEventDialog("email", PEOPLE, now=NOW))
    dialog.at.setDateTime(datetime(2026, 3, 2, 9, 0))
    warning = dialog.findChild(QLabel, "at_message")
    assert not warning.isVisible()
    dialog.at.setDateTime(datetime(2026, 3, 14, 9, 0))
    assert warning.isVisible() and "more than a day" in warning.text()
    click(qtbot, dialog.ok_button)
    assert dialog.result() == QDialog.Accepted  # a warning, not an error
    assert dialog.values()["at"] == datetime(2026, 3, 14, 9, 0)


def test_editing_an_event_keeps_its_kind_and_delete_marks_it_deleted(qtbot):
    initial = {"kind": "interview", "at": datetime(2026, 3, 10, 14, 0, 30), "contacts": ["susan"],
               "key_points": {"susan": "Relocation"}, "duration_minutes": 45,
               "decision_expected": date(2026, 3, 17), "notes": "Went well"}
    dialog = shown(qtbot, LogEventDialog("interview", PEOPLE, now=NOW, initial=initial))
    assert dialog.windowTitle() == "Edit interview" and dialog.ok_button.text() == "Save"
    click(qtbot, dialog.ok_button)
    assert dialog.values() == initial  # unchanged, to the second

    again = shown(qtbot, LogEventDialog("interview", PEOPLE, now=NOW, initial=initial))
    click(qtbot, again.delete_button)
    assert again.deleted is True and again.result() == QDialog.Accepted


def test_a_ten_megabyte_paste_into_notes_is_refused_quickly_naming_the_limit(qtbot):
    dialog = shown(qtbot, LogEventDialog("note", PEOPLE, now=NOW))
    huge = "x" * (10 * 1024 * 1024)
    QApplication.clipboard().setText(huge)
    dialog.notes.setFocus()
    started = time.perf_counter()
    qtbot.keyClick(dialog.notes, Qt.Key_V, Qt.ControlModifier)
    if dialog.notes.length() == 0 and not dialog.findChild(QLabel, "notes_message").isVisible():
        # no clipboard on this platform: paste the same data the way Qt would
        data = QMimeData()
        data.setText(huge)
        dialog.notes.insertFromMimeData(data)
    elapsed = time.perf_counter() - started
    assert elapsed < 2.0
    assert dialog.notes.length() == 0
    message = dialog.findChild(QLabel, "notes_message")
    assert message.isVisible() and f"{NOTES_MAX:,}" in message.text()
    # and a note still needs words before it can be logged
    click(qtbot, dialog.ok_button)
    assert dialog.result() != QDialog.Accepted
    qtbot.keyClicks(dialog.notes, "Recruiter said the team grows in June.")
    click(qtbot, dialog.ok_button)
    assert dialog.values()["notes"] == "Recruiter said the team grows in June."


def test_every_log_form_gives_an_event_the_store_accepts(qtbot, tmp_path, contract_example):
    data = tmp_path / "data"
    assert main(["--data-dir", str(data), "import", str(contract_example)]) == 0
    for form in LOG_FORMS:
        dialog = shown(qtbot, LogEventDialog(form, [("susan", "Susan Smith", "recruiter")], now=NOW))
        if dialog.picker is not None:
            tick(qtbot, dialog.picker.boxes["susan"])
        if form == "note":
            qtbot.keyClicks(dialog.notes, "Met Susan at the fair")
        click(qtbot, dialog.ok_button)
        assert dialog.result() == QDialog.Accepted, form
        with Store(data) as store:
            assert store.log_event("acme-office-manager", dialog.values()) > 0


# -- settings -------------------------------------------------------------------------------------

def test_the_settings_dialog_draws_every_registry_setting_on_its_groups_page(qtbot):
    dialog = shown(qtbot, SettingsDialog(Settings()))
    assert [dialog.tabs.tabText(i) for i in range(dialog.tabs.count())] == [
        "Profile", "Follow-up timing", "Interviews", "Persistence", "Call and quiet hours", "Desktop", "Backups"]
    for spec in REGISTRY:
        entry = dialog.entries[spec.name]
        page = dialog.tabs.widget(entry.page)
        assert dialog.tabs.tabText(entry.page) == spec.group
        assert page.findChild(type(entry.editor), spec.name) is entry.editor
        assert entry.editor.accessibleName() == spec.label
        if spec.kind == "int":
            assert (entry.editor.minimum(), entry.editor.maximum()) == (spec.minimum, spec.maximum)
            assert entry.editor.suffix().strip().split(" ")[-1] in spec.unit
        if spec.help:
            assert spec.help in entry.editor.toolTip()


def test_a_number_over_the_maximum_becomes_the_maximum_and_the_message_says_so(qtbot):
    dialog = shown(qtbot, SettingsDialog(Settings()))
    dialog.tabs.setCurrentIndex(dialog.entries["nudge_after_days"].page)
    box = dialog.entries["nudge_after_days"].editor
    retype(qtbot, box, "99")
    message = dialog.entries["nudge_after_days"].field.message
    qtbot.waitUntil(message.isVisible, timeout=2000)
    # what the box shows and what the message says agree: 60 days, not "9 days" beside "99"
    assert box.value() == 60 and box.text() == "60 days"
    assert "Nudge after an unanswered follow-up by" in message.text()
    assert "99" in message.text() and "set to 60 days" in message.text()
    click(qtbot, dialog.ok_button)
    assert dialog.result() == QDialog.Accepted and dialog.changes() == {"nudge_after_days": 60}


def test_a_number_under_the_minimum_is_named_while_it_is_typed(qtbot):
    dialog = shown(qtbot, SettingsDialog(Settings()))
    entry = dialog.entries["nudge_after_days"]
    dialog.tabs.setCurrentIndex(entry.page)
    retype(qtbot, entry.editor, "0")
    assert entry.field.message.isVisible() and "0 is below the minimum" in entry.field.message.text()
    assert entry.editor.cleanText() == "0"  # the box still shows what the message names


def test_an_invalid_clock_keeps_the_settings_dialog_open_on_its_page(qtbot):
    dialog = shown(qtbot, SettingsDialog(Settings()))
    entry = dialog.entries["quiet_hours_start"]
    dialog.tabs.setCurrentIndex(entry.page)
    retype(qtbot, entry.editor, "25:00")
    dialog.tabs.setCurrentIndex(0)
    click(qtbot, dialog.ok_button)
    assert dialog.isVisible() and dialog.result() != QDialog.Accepted
    assert dialog.tabs.currentIndex() == entry.page
    assert "Quiet hours start" in entry.field.message.text() and "HH:MM" in entry.field.message.text()
    assert QApplication.focusWidget() is entry.editor


def test_a_too_long_name_is_refused_with_the_limit(qtbot):
    dialog = shown(qtbot, SettingsDialog(Settings()))
    entry = dialog.entries["profile_name"]
    entry.editor.setText("J" * 201)
    click(qtbot, dialog.ok_button)
    assert dialog.result() != QDialog.Accepted
    assert "Your full name" in entry.field.message.text() and "200" in entry.field.message.text()


def test_the_settings_dialog_returns_only_what_changed(qtbot):
    dialog = shown(qtbot, SettingsDialog(Settings({"nudge_after_days": 10, "profile_name": "Jordan Lee"})))
    retype(qtbot, dialog.entries["thank_you_due_hours"].editor, "12")
    retype(qtbot, dialog.entries["profile_name"].editor, "Jordan Lee")  # the same again
    tick(qtbot, dialog.entries["start_at_login"].editor)
    retype(qtbot, dialog.entries["call_hours"].editor, "10:00-11:00")
    click(qtbot, dialog.ok_button)
    assert dialog.result() == QDialog.Accepted
    assert dialog.changes() == {"thank_you_due_hours": 12, "start_at_login": True, "call_hours": "10:00-11:00"}


def test_restore_defaults_puts_the_page_back_and_leaves_other_pages_alone(qtbot):
    dialog = shown(qtbot, SettingsDialog(Settings({"nudge_after_days": 10, "profile_name": "Jordan Lee"})))
    dialog.tabs.setCurrentIndex(dialog.entries["nudge_after_days"].page)
    click(qtbot, dialog.restore_button)
    click(qtbot, dialog.ok_button)
    assert dialog.changes() == {"nudge_after_days": 7}


# -- keyboard -------------------------------------------------------------------------------------

_CONTROLS = (QAbstractButton, QLineEdit, QComboBox, QAbstractSpinBox, QPlainTextEdit, QListWidget)


def _tab_walk(qtbot, dialog, start, backwards=False) -> set:
    start.setFocus()
    seen = set()
    for _ in range(200):
        widget = QApplication.focusWidget()
        seen.add(widget)
        if backwards:
            qtbot.keyClick(widget, Qt.Key_Backtab, Qt.ShiftModifier)
        else:
            qtbot.keyClick(widget, Qt.Key_Tab)
        if QApplication.focusWidget() is start:
            break
    return seen


def _controls(root) -> list:
    out = []
    found = []
    for kind in _CONTROLS:
        found += [w for w in root.findChildren(kind) if w not in found]
    for widget in found:
        if not widget.isVisible() or not widget.isEnabled() or widget.focusPolicy() == Qt.NoFocus:
            continue
        if isinstance(widget, QLineEdit) and isinstance(widget.parent(), (QComboBox, QAbstractSpinBox)):
            continue  # the combo / spin box itself takes the focus
        if widget.window() is not root:
            continue  # popups
        out.append(widget)
    return out


def _assert_all_reachable(qtbot, dialog, root=None, start=None):
    controls = _controls(root or dialog)
    unnamed = [f"{type(w).__name__}:{w.objectName()}" for w in controls
               if not (w.accessibleName() or (isinstance(w, QAbstractButton) and w.text()))]
    assert not unnamed, (dialog.objectName(), "no accessible name", unnamed)
    for backwards in (False, True):
        seen = _tab_walk(qtbot, dialog, start or controls[0], backwards)
        missed = [f"{type(w).__name__}:{w.objectName() or w.accessibleName() or w.text()}"
                  for w in controls if w not in seen and (w.focusProxy() or w) not in seen]
        assert not missed, (dialog.objectName(), "Shift+Tab" if backwards else "Tab", missed)


def test_every_control_of_every_dialog_is_named_and_reachable_with_tab(qtbot):
    app = shown(qtbot, ApplicationDialog(EMPLOYERS))
    set_combo_value(app.stage, "closed")
    _assert_all_reachable(qtbot, app)

    contacts = shown(qtbot, ContactsDialog("Acme Corp", [{"key": "s", "name": "Susan", "role": "hr",
                                                           "email": "", "phone": ""}]))
    _assert_all_reachable(qtbot, contacts)

    for form in LOG_FORMS:
        dialog = shown(qtbot, LogEventDialog(form, PEOPLE, now=NOW))
        if dialog.picker is not None:
            for box in dialog.picker.boxes.values():
                box.setChecked(True)
        if form == "reply":
            set_combo_value(dialog.outcome, "rejected")
        _assert_all_reachable(qtbot, dialog)

    settings = shown(qtbot, SettingsDialog(Settings()))
    for page in range(settings.tabs.count()):
        settings.tabs.setCurrentIndex(page)
        _assert_all_reachable(qtbot, settings)


def test_escape_cancels_a_dialog_without_giving_anything_back(qtbot):
    dialog = shown(qtbot, LogEventDialog("note", PEOPLE, now=NOW))
    qtbot.keyClicks(dialog.notes, "half a thought")
    qtbot.keyClick(dialog.notes, Qt.Key_Escape)
    assert dialog.result() == QDialog.Rejected and not dialog.isVisible()


def test_a_setting_added_to_the_registry_appears_in_the_dialog_by_itself(qtbot, monkeypatch):
    from followup_desktop import settings as registry

    new = registry.SettingSpec("snack_break_minutes", registry.INT, 15, "Snack break between calls",
                               registry.HOURS, 0, 60, None, "A pause after each call.", "minutes")
    monkeypatch.setattr(registry, "REGISTRY", registry.REGISTRY + (new,))
    monkeypatch.setitem(registry.SPECS, new.name, new)
    dialog = shown(qtbot, SettingsDialog(Settings()))
    entry = dialog.entries["snack_break_minutes"]
    assert dialog.tabs.tabText(entry.page) == "Call and quiet hours"
    assert entry.editor.value() == 15 and entry.editor.maximum() == 60
    dialog.tabs.setCurrentIndex(entry.page)
    retype(qtbot, entry.editor, "20")
    click(qtbot, dialog.ok_button)
    assert dialog.changes() == {"snack_break_minutes": 20}


def test_a_single_unit_reads_in_the_singular(qtbot):
    dialog = shown(qtbot, SettingsDialog(Settings()))
    box = dialog.entries["reply_thanks_due_days"].editor
    assert box.text() == "1 day"
    retype(qtbot, box, "3")
    assert box.text() == "3 days" and box.value() == 3
    retype(qtbot, dialog.entries["status_check_after_closing_business_days"].editor, "1")
    assert dialog.entries["status_check_after_closing_business_days"].editor.text() == "1 business day"


def test_an_email_status_check_opens_in_the_email_form_and_keeps_its_kind(qtbot):
    from followup_desktop.ui.dialogs import form_for_event

    event = {"kind": "status_check", "at": datetime(2026, 3, 9, 10, 0), "channel": "email",
             "contacts": ["susan"], "subject": "Office Manager application", "notes": ""}
    assert form_for_event(event) == "email"
    assert form_for_event({**event, "channel": "phone"}) == "call"
    dialog = shown(qtbot, LogEventDialog(form_for_event(event), PEOPLE, now=NOW, initial=event))
    assert dialog.windowTitle() == "Edit email"
    retype(qtbot, dialog.subject, "Re: Office Manager application")
    click(qtbot, dialog.ok_button)
    assert dialog.values() == {**event, "subject": "Re: Office Manager application"}
