"""The main window as a job seeker uses it, driven with pytest-qt on a real data dir: add a lead,
log what happened, watch the next step and its due text follow; undo; filter and search."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest
from PySide6.QtCore import QDateTime, Qt, QTimer
from PySide6.QtWidgets import QApplication, QCheckBox, QComboBox, QDateTimeEdit, QLabel, QLineEdit

from followup_desktop.exchange.jsonfile import import_json
from followup_desktop.store import records
from followup_desktop.ui.listmodel import ApplicationsModel as M
from followup_desktop.ui.main_window import MainWindow
from followup_desktop.ui.timeline import ACTION, EVENT, GAP, NOW

#: a Monday morning (the shared clock's start)
NOW_ = datetime(2026, 3, 9, 9, 0)

pytestmark = pytest.mark.usefixtures("refusals")


def rows(window) -> list[list[str]]:
    p = window.proxy
    return [[p.index(r, c).data() for c in range(p.columnCount())] for r in range(p.rowCount())]


def in_dialog(qtbot, fill):
    """Run `fill(dialog)` on the modal dialog the next action opens. A failure inside closes
    the dialog (so the test cannot hang on it) and is raised by `qtbot` after the action."""
    def later(tries=[0]):
        dialog = QApplication.activeModalWidget()
        if dialog is None:
            tries[0] += 1
            assert tries[0] < 200, "no dialog opened"
            QTimer.singleShot(10, later)
            return
        try:
            fill(dialog)
        except BaseException:
            dialog.reject()
            raise
    QTimer.singleShot(0, later)


def child(dialog, cls, name):
    found = dialog.findChild(cls, name)
    assert found is not None, f"{dialog.objectName()} has no {cls.__name__} named {name!r}"
    return found


def save(qtbot, dialog):
    qtbot.mouseClick(dialog.findChild(type(dialog.ok_button), "save"), Qt.LeftButton)


def activate(qtbot, window):
    """Give the window the focus back after a dialog (the offscreen platform has no window
    manager to do it), so its shortcuts reach it as they would on a desktop."""
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=2000)


def click(qtbot, button):
    """Click like a person: on a button that is on screen and laid out, or, when a narrow
    window tucked it into the tool bar's » menu, on its entry there."""
    qtbot.waitUntil(lambda: button.isEnabled(), timeout=2000)
    if button.isVisible():
        qtbot.waitUntil(lambda: button.width() > 10, timeout=2000)  # laid out
        qtbot.mouseClick(button, Qt.LeftButton)
    else:
        button.defaultAction().trigger()


def written(qtbot, window):
    """Wait for the write the block queues to have run (writes run on the write worker) and the
    window to show it."""
    return qtbot.waitSignal(window.workspace.operations.drained, timeout=5000)


def set_at(dialog, when: datetime):
    child(dialog, QDateTimeEdit, "at").setDateTime(QDateTime(when))


def add_lead(qtbot, window, employer="Acme Corp", position="Office Manager", stage="lead"):
    def fill(d):
        qtbot.keyClicks(child(d, QComboBox, "employer").lineEdit(), employer)
        qtbot.keyClicks(child(d, QLineEdit, "position"), position)
        combo = child(d, QComboBox, "stage")
        combo.setCurrentIndex(combo.findData(stage))
        save(qtbot, d)
    in_dialog(qtbot, fill)
    with written(qtbot, window):
        window.act_new.trigger()


def test_an_empty_data_dir_invites_the_first_lead(window):
    assert window.list_stack.currentWidget() is window.empty
    assert window.add_first.text() == "Add your first lead"
    assert window.add_first.isVisible()
    assert window.windowTitle() == "Follow-up Desktop"


def test_add_a_lead_log_the_application_and_see_the_status_check_come_due(qtbot, window, workspace, clock):
    add_lead(qtbot, window)
    assert [r[M.EMPLOYER] for r in rows(window)] == ["Acme Corp"]
    assert rows(window)[0][M.STAGE] == "Lead"

    def fill(d):
        set_at(d, NOW_ - timedelta(days=9))
        save(qtbot, d)
    in_dialog(qtbot, fill)
    with written(qtbot, window):
        click(qtbot, window.timeline.log_buttons["applied"])

    row = rows(window)[0]
    assert row[M.STAGE] == "Applied"
    assert row[M.LAST_CONTACT] == "9 days ago"
    # applied 9 days ago: the status check is a call, so it opens with today's first call slot
    assert row[M.NEXT_STEP].startswith("Status check")
    assert row[M.WHEN] == "today 09:30"
    assert window.windowTitle() == "Follow-up Desktop"
    clock.now = NOW_.replace(hour=10)
    with qtbot.waitSignal(workspace.loaded):
        workspace.tick()
    assert rows(window)[0][M.WHEN] == "within 7 days"
    assert window.windowTitle() == "Follow-up Desktop — 1 due"
    assert [k for k, _ in window.timeline.view.timeline_model.items] == [EVENT, GAP, NOW, ACTION]

    # a week later it falls due, two days after that it is overdue, and the list says so
    clock.now = NOW_ + timedelta(days=7)
    with qtbot.waitSignal(workspace.loaded):
        workspace.tick()
    assert rows(window)[0][M.WHEN] == "today"
    clock.now = NOW_ + timedelta(days=9)
    with qtbot.waitSignal(workspace.loaded):
        workspace.tick()
    assert rows(window)[0][M.WHEN] == "2 days overdue"


RAJ = {"key": "raj", "employer": "acme", "name": "Raj Patel", "role": "hiring_manager"}


def _interview_story(workspace, dataset, write_json):
    susan = {"key": "susan", "employer": "acme", "name": "Susan Smith", "role": "recruiter"}
    import_json(workspace.store, write_json(dataset([{"kind": "applied", "at": "2026-03-02T09:00:00"}],
                                                    contacts=[susan, RAJ]), "acme.json"))
    workspace.load()


def _thank_yous(workspace):
    return sorted(a.contact_name for a in workspace.actions() if a.name == "thank_you")


def test_an_interview_with_two_people_asks_for_two_thank_yous_and_logging_one_leaves_one(
        qtbot, window, workspace, clock, dataset, write_json):
    _interview_story(workspace, dataset, write_json)
    window.select_application("acme-om")

    def interview(d):
        set_at(d, datetime(2026, 3, 9, 10, 0))
        child(d, QCheckBox, "contact_susan").setChecked(True)
        child(d, QCheckBox, "contact_raj").setChecked(True)
        save(qtbot, d)
    clock.now = datetime(2026, 3, 9, 12, 0)
    in_dialog(qtbot, interview)
    with written(qtbot, window):
        click(qtbot, window.timeline.log_buttons["interview"])
    assert _thank_yous(workspace) == ["Raj Patel", "Susan Smith"]
    assert rows(window)[0][M.STAGE] == "Interviewing"
    cards = [item for kind, item in window.timeline.view.timeline_model.items if kind == ACTION]
    assert sorted(a.contact_name for a in cards if a.name == "thank_you") == ["Raj Patel", "Susan Smith"]

    def thank_susan(d):
        set_at(d, datetime(2026, 3, 9, 11, 45))
        child(d, QCheckBox, "contact_susan").setChecked(True)
        save(qtbot, d)
    in_dialog(qtbot, thank_susan)
    with written(qtbot, window):
        click(qtbot, window.timeline.log_buttons["thank_you"])
    assert _thank_yous(workspace) == ["Raj Patel"]
    cards = [item for kind, item in window.timeline.view.timeline_model.items if kind == ACTION]
    assert [a.contact_name for a in cards if a.name == "thank_you"] == ["Raj Patel"]
    # the debrief (due tonight) comes before the thank-you (due tomorrow)
    assert rows(window)[0][M.NEXT_STEP] == "Write down the interview"

    # undo brings the second thank-you back, redo takes it away again
    with written(qtbot, window):
        window.act_undo.trigger()
    assert _thank_yous(workspace) == ["Raj Patel", "Susan Smith"]
    with written(qtbot, window):
        window.act_redo.trigger()
    assert _thank_yous(workspace) == ["Raj Patel"]


def test_delete_archives_and_undo_brings_the_application_back(qtbot, window, workspace):
    add_lead(qtbot, window, "Acme Corp", "Office Manager")
    add_lead(qtbot, window, "Globex", "Dispatcher")
    window.select_application("globex-dispatcher")
    activate(qtbot, window)
    window.table.setFocus()
    with written(qtbot, window):
        qtbot.keyClick(window.table, Qt.Key_Delete)
    assert [r[M.EMPLOYER] for r in rows(window)] == ["Acme Corp"]
    assert records.application_record(workspace.store, "globex-dispatcher")["archived"] is True
    with written(qtbot, window):
        qtbot.keyClick(window, Qt.Key_Z, Qt.ControlModifier)
    assert sorted(r[M.EMPLOYER] for r in rows(window)) == ["Acme Corp", "Globex"]
    assert records.application_record(workspace.store, "globex-dispatcher")["archived"] is False
    with written(qtbot, window):
        qtbot.keyClick(window, Qt.Key_Z, Qt.ControlModifier | Qt.ShiftModifier)
    assert [r[M.EMPLOYER] for r in rows(window)] == ["Acme Corp"]


def test_filters_and_search_narrow_the_list(qtbot, window, workspace, clock, dataset, write_json):
    clock.now = NOW_.replace(hour=10)
    _interview_story(workspace, dataset, write_json)  # applied a week ago: its status check is open now
    add_lead(qtbot, window, "Globex", "Dispatcher")  # a new lead: introduce yourself now
    add_lead(qtbot, window, "Initech", "Analyst", stage="applied")  # applied today: nothing due yet
    assert sorted(r[M.EMPLOYER] for r in rows(window)) == ["Acme Corp", "Globex", "Initech"]
    assert next(r for r in rows(window) if r[M.EMPLOYER] == "Initech")[M.WHEN] == "in 7 days"

    activate(qtbot, window)
    qtbot.keyClick(window, Qt.Key_2, Qt.ControlModifier)  # Due now
    assert sorted(r[M.EMPLOYER] for r in rows(window)) == ["Acme Corp", "Globex"]
    qtbot.keyClick(window, Qt.Key_1, Qt.ControlModifier)  # All

    qtbot.keyClick(window, Qt.Key_F, Qt.ControlModifier)
    assert window.search.hasFocus()
    qtbot.keyClicks(window.search, "SMITH")  # a contact's name finds the employer
    assert [r[M.EMPLOYER] for r in rows(window)] == ["Acme Corp"]
    window.search.clear()
    qtbot.keyClicks(window.search, "dispat")
    assert [r[M.POSITION] for r in rows(window)] == ["Dispatcher"]
    window.search.clear()
    qtbot.keyClicks(window.search, "nothing like this")
    assert window.list_stack.currentWidget() is window.no_match
    assert "nothing like this" in window.no_match.text()


def test_the_filter_that_is_on_stands_out_in_bold_and_the_row_of_filters_stays_put(qtbot, window):
    # In a dark palette Fusion's sunken look of the checked button barely shows: the filter on
    # is in bold, and choosing another moves no button.
    window.show()
    qtbot.waitExposed(window)
    activate(qtbot, window)
    buttons = window.filter_buttons
    places = {name: b.geometry() for name, b in buttons.items()}
    for n, name in enumerate(buttons):
        qtbot.keyClick(window, getattr(Qt, f"Key_{n + 1}"), Qt.ControlModifier)
        qtbot.waitUntil(lambda: buttons[name].isChecked())
        assert [b.font().bold() for b in buttons.values()] == [other == name for other in buttons], name
        assert {k: b.geometry() for k, b in buttons.items()} == places, name


def test_closed_filter_shows_only_closed_applications(qtbot, window, workspace, dataset, write_json):
    _interview_story(workspace, dataset, write_json)
    add_lead(qtbot, window, "Globex", "Dispatcher")
    window.select_application("acme-om")

    def close(d):
        combo = child(d, QComboBox, "reason")
        combo.setCurrentIndex(combo.findData("no_response"))
        save(qtbot, d)
    in_dialog(qtbot, close)
    with written(qtbot, window):
        click(qtbot, window.timeline.log_buttons["closed"])
    window.show_filter("closed")
    assert [(r[M.EMPLOYER], r[M.STAGE]) for r in rows(window)] == [("Acme Corp", "Closed — No response")]
    window.show_filter("active")
    assert [r[M.EMPLOYER] for r in rows(window)] == ["Globex"]


def test_an_invalid_date_is_named_next_to_its_field_and_nothing_is_saved(qtbot, window, workspace):
    add_lead(qtbot, window)
    before = records.application_record(workspace.store, "acme-corp-office-manager")
    seen = {}

    def fill(d):
        edit = child(d, QLineEdit, "posting_closes_text")
        edit.clear()
        qtbot.keyClicks(edit, "2026-02-30")
        save(qtbot, d)
        seen["open"] = d.isVisible()
        labels = [w.text() for w in d.findChildren(QLabel) if w.isVisible() and "posting" in w.objectName()
                  and w.objectName().endswith("_message")]
        seen["message"] = " ".join(labels)
        d.reject()
    in_dialog(qtbot, fill)
    window.act_edit.trigger()
    assert seen["open"], "the dialog closed on an invalid date"
    assert "YYYY-MM-DD" in seen["message"] or "date" in seen["message"].lower()
    assert records.application_record(workspace.store, "acme-corp-office-manager") == before
    assert workspace.undo_stack.count() == 1  # only the add


def test_clicking_an_event_edits_it_and_the_clocks_follow(qtbot, window, workspace, clock, dataset, write_json):
    _interview_story(workspace, dataset, write_json)
    window.select_application("acme-om")
    assert rows(window)[0][M.NEXT_STEP].startswith("Status check")
    view = window.timeline.view
    row = next(n for n, (kind, _) in enumerate(view.timeline_model.items) if kind == EVENT)

    def later(d):  # the application really went out on Thursday: the check waits until then
        set_at(d, datetime(2026, 3, 5, 9, 0))
        save(qtbot, d)
    in_dialog(qtbot, later)
    with written(qtbot, window):
        qtbot.mouseClick(view.viewport(), Qt.LeftButton, pos=view.visualRect(view.timeline_model.index(row)).center())
    assert rows(window)[0][M.WHEN] == "in 3 days"
    with written(qtbot, window):
        window.act_undo.trigger()
    assert rows(window)[0][M.NEXT_STEP].startswith("Status check")
    assert rows(window)[0][M.WHEN] == "today 09:30"  # a week after Monday the 2nd, in call hours


def test_window_geometry_and_splitter_are_remembered(qtbot, workspace, dataset, write_json):
    _interview_story(workspace, dataset, write_json)
    first = MainWindow(workspace)
    qtbot.addWidget(first)
    first.show()
    first.resize(760, 560)
    first.splitter.setSizes([300, 440])
    sizes = first.splitter.sizes()
    first.close()
    second = MainWindow(workspace)
    qtbot.addWidget(second)
    second.show()
    assert (second.width(), second.height()) == (760, 560)
    assert second.splitter.sizes() == sizes


def test_enter_on_a_row_opens_the_message_for_its_next_step(qtbot, window, workspace, clock, dataset, write_json):
    clock.now = NOW_.replace(hour=10)  # the status check (a call) is open from 09:30
    _interview_story(workspace, dataset, write_json)
    window.select_application("acme-om")
    activate(qtbot, window)
    window.table.setFocus()
    qtbot.keyClick(window.table, Qt.Key_Return)
    composers = [w for w in QApplication.topLevelWidgets() if w.objectName() == "composeWindow" and w.isVisible()]
    assert [w.windowTitle() for w in composers] == ["Status check — Susan Smith, Acme Corp"]
    for w in composers:
        w.close()


def test_a_second_launch_brings_a_minimized_maximized_window_back_maximized(qtbot, window):
    window.showMaximized()
    qtbot.waitUntil(window.isMaximized, timeout=2000)
    window.showMinimized()
    qtbot.waitUntil(window.isMinimized, timeout=2000)

    window.show_and_raise()  # what a second launch (or the tray's Open) asks for

    qtbot.waitUntil(lambda: not window.isMinimized(), timeout=2000)
    assert window.isMaximized() and window.isVisible()
