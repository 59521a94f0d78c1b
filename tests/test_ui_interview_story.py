"""The Log interview form as a job seeker meets it: an interview planned for next week, and a
second interviewer who was not a contact yet."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest
from PySide6.QtCore import QDateTime, Qt, QTimer
from PySide6.QtWidgets import QApplication, QLabel, QLineEdit

from followup_desktop.ui.timeline import EVENT, NOW, event_title

NOW_ = datetime(2026, 3, 9, 10, 0)  # a Monday


pytestmark = pytest.mark.usefixtures("refusals")


@pytest.fixture
def now():
    return NOW_


@pytest.fixture
def leads(dataset):
    return dataset([{"kind": "applied", "at": "2026-03-02T09:00:00"}])


@pytest.fixture
def window(window):
    window.select_application("acme-om")
    return window


def in_dialog(qtbot, fill, seen):
    def later(tries=[0]):
        dialog = QApplication.activeModalWidget()
        if dialog is None:
            tries[0] += 1
            assert tries[0] < 200, "no dialog opened"
            QTimer.singleShot(10, later)
            return
        try:
            fill(dialog)
        except BaseException as exc:
            seen.append(exc)
            dialog.reject()
    QTimer.singleShot(0, later)


def log_interview(qtbot, window, fill, writes=True):
    """Log through the form; with `writes`, wait for the write worker to have written it."""
    seen = []
    in_dialog(qtbot, fill, seen)
    if writes:
        with qtbot.waitSignal(window.workspace.operations.drained):
            window.timeline.log_buttons["interview"].defaultAction().trigger()
    else:
        window.timeline.log_buttons["interview"].defaultAction().trigger()
    if seen:
        raise seen[0]


def test_an_interview_planned_next_week_is_accepted_and_shows_after_now(qtbot, window):
    when = NOW_ + timedelta(days=3, hours=4)  # Thursday 14:00

    def fill(d):
        d.at.setDateTime(QDateTime(when))
        message = d.findChild(QLabel, "at_message")
        assert message.isVisible() and "planned interview" in message.text()
        d.picker.boxes["susan"].setChecked(True)
        qtbot.mouseClick(d.ok_button, Qt.LeftButton)
        assert not d.isVisible(), "a planned interview was refused"
    log_interview(qtbot, window, fill)
    items = window.timeline.view.timeline_model.items
    kinds = [k for k, _ in items]
    interview = next(n for n, (k, item) in enumerate(items) if k == EVENT and item["kind"] == "interview")
    assert interview > kinds.index(NOW)
    assert items[interview][1]["at"] == when
    assert event_title(items[interview][1], ahead=True) == "You will interview with Susan Smith"


def test_a_new_interviewer_typed_in_the_form_becomes_a_contact_of_the_employer(qtbot, window):
    ws = window.workspace

    def fill(d):
        d.at.setDateTime(QDateTime(NOW_ - timedelta(hours=2)))
        d.picker.boxes["susan"].setChecked(True)
        qtbot.keyClicks(d.findChild(QLineEdit, "new_interviewer_name"), "Priya Raman")
        combo = d.new_role
        combo.setCurrentIndex(combo.findData("hiring_manager"))
        qtbot.mouseClick(d.add_person_button, Qt.LeftButton)
        box = d.picker.boxes["new-interviewer-1"]
        assert box.isChecked() and "Priya Raman" in box.text()
        qtbot.keyClicks(d.picker.points["new-interviewer-1"], "the warehouse move")
        qtbot.mouseClick(d.ok_button, Qt.LeftButton)
        assert not d.isVisible()
    log_interview(qtbot, window, fill)
    people = {c["name"]: c for c in ws.contacts("acme")}
    assert set(people) == {"Susan Smith", "Priya Raman"}
    assert people["Priya Raman"]["role"] == "hiring_manager"
    interview = next(e for e in ws.timeline("acme") if e["kind"] == "interview")
    assert sorted(interview["contact_names"]) == ["Priya Raman", "Susan Smith"]
    thanks = sorted(a.contact_name for a in ws.actions() if a.name == "thank_you")
    assert thanks == ["Priya Raman", "Susan Smith"]
    # one undo takes back the interview and the new contact together
    with qtbot.waitSignal(ws.operations.drained):
        window.act_undo.trigger()
    assert [c["name"] for c in ws.contacts("acme")] == ["Susan Smith"]
    assert not [e for e in ws.timeline("acme") if e["kind"] == "interview"]


def test_a_name_typed_but_not_added_is_added_on_save(qtbot, window):
    def fill(d):
        d.at.setDateTime(QDateTime(NOW_ - timedelta(hours=2)))
        qtbot.keyClicks(d.findChild(QLineEdit, "new_interviewer_name"), "Priya Raman")
        qtbot.mouseClick(d.ok_button, Qt.LeftButton)
        assert not d.isVisible()
    log_interview(qtbot, window, fill)
    assert "Priya Raman" in [c["name"] for c in window.workspace.contacts("acme")]


def test_a_new_interviewer_who_is_already_a_contact_is_pointed_to_their_box(qtbot, window):
    def fill(d):
        qtbot.keyClicks(d.findChild(QLineEdit, "new_interviewer_name"), "susan smith")
        qtbot.mouseClick(d.add_person_button, Qt.LeftButton)
        message = d.findChild(QLabel, "new_interviewer_message")
        assert "already a contact" in message.text()
        assert list(d.picker.boxes) == ["susan"]
        d.reject()
    log_interview(qtbot, window, fill, writes=False)
    assert [c["name"] for c in window.workspace.contacts("acme")] == ["Susan Smith"]


def test_the_contacts_dialog_counts_the_events_a_contact_is_on(qtbot, window):
    from PySide6.QtWidgets import QMessageBox

    asked = []

    def keep_her(tries=[0]):  # the user reads the question and answers Keep
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox) or box.objectName() != "removeContactQuestion":
            tries[0] += 1
            if tries[0] < 200:
                QTimer.singleShot(10, keep_her)
            return
        asked.append(box.text())
        next(b for b in box.buttons() if b.text() == "Keep").click()

    def interview(d):
        d.at.setDateTime(QDateTime(NOW_ - timedelta(hours=2)))
        d.picker.boxes["susan"].setChecked(True)
        qtbot.mouseClick(d.ok_button, Qt.LeftButton)
    log_interview(qtbot, window, interview)
    seen = []

    def remove(d):
        d.list.setCurrentRow(0)
        QTimer.singleShot(0, keep_her)
        qtbot.mouseClick(d.remove_button, Qt.LeftButton)
        d.reject()
    in_dialog(qtbot, remove, seen)
    window.edit_contacts()
    assert not seen and asked == ["Susan Smith is on 1 event; remove anyway?"]
