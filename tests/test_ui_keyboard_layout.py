"""The main window by keyboard and at a glance: Tab and F6 move between the list, the timeline
and its buttons; Ctrl+, opens the settings; the columns share the width; the selection survives
filters, archive and undo; archived applications are found again; dialogs keep their size."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest
from PySide6.QtCore import QDateTime, QPoint, Qt, QTimer
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import QApplication, QDialog, QLabel

from followup_desktop.store import records
from followup_desktop.ui.dialogs import LogEventDialog
from followup_desktop.ui.listmodel import ApplicationsModel as M

NOW = datetime(2026, 3, 18, 10, 0)  # a Wednesday

LONG_EMPLOYER = "Northwind Traders International"


@pytest.fixture
def now():
    return NOW


@pytest.fixture
def leads(dataset):
    return dataset(
        [
            {"application": "acme", "kind": "applied", "at": "2026-03-16T09:00:00"},
            {"application": "nw", "kind": "interview", "at": "2026-03-05T10:00:00", "contacts": ["raj"],
             "key_points": {"raj": "the depot"}, "decision_expected": "2026-03-12"},
            {"application": "nw", "kind": "thank_you", "at": "2026-03-05T15:00:00", "contacts": ["raj"],
             "channel": "email"},
            {"application": "globex", "kind": "applied", "at": "2026-02-20T09:00:00"},
            {"application": "zeta", "kind": "applied", "at": "2026-01-05T09:00:00"},
            {"application": "zeta", "kind": "closed", "at": "2026-01-06T09:00:00", "reason": "rejected"},
        ],
        employers=[{"key": "acme", "name": "Acme Corp"}, {"key": "nw", "name": LONG_EMPLOYER},
                   {"key": "globex", "name": "Globex"}, {"key": "zeta", "name": "Zeta Labs"}],
        contacts=[{"key": "susan", "employer": "nw", "name": "Susan Smith", "role": "recruiter"},
                  {"key": "raj", "employer": "nw", "name": "Raj Patel", "role": "hiring_manager"}],
        applications=[
            {"key": "acme", "employer": "acme", "position": "Office Manager", "stage": "applied"},
            {"key": "nw", "employer": "nw", "position": "Logistics Coordinator", "stage": "interviewing"},
            {"key": "globex", "employer": "globex", "position": "Dispatcher", "stage": "applied"},
            {"key": "zeta", "employer": "zeta", "position": "Buyer", "stage": "closed", "outcome": "rejected"}],
    )


@pytest.fixture
def window(qtbot, window):
    window.resize(1366, 740)
    qtbot.waitActive(window)
    return window


def activate(qtbot, window):
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=2000)


def selected(window):
    """The application the window acts on (what Enter, Edit, Archive take)."""
    keys = window.selected_keys()
    return keys[0] if len(keys) == 1 else keys or None


def keys_shown(window):
    return [window.proxy.data(window.proxy.index(r, 0), Qt.UserRole + 1) for r in range(window.proxy.rowCount())]


# -- keyboard ---------------------------------------------------------------------------------------

def test_tab_leaves_the_list_for_the_timeline_buttons_and_shift_tab_comes_back(qtbot, window):
    activate(qtbot, window)
    window.select_application("acme")
    window.table.setFocus()
    qtbot.waitUntil(window.table.hasFocus)
    qtbot.keyClick(window.table, Qt.Key_Tab)
    focus = QApplication.focusWidget()
    assert focus is window.timeline.edit_people, focus
    for button in window.timeline.log_buttons.values():  # every Log button in turn
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key_Tab)
        assert QApplication.focusWidget() is button
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key_Tab)
    assert QApplication.focusWidget() is window.timeline.view
    for _ in range(len(window.timeline.log_buttons) + 2):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key_Backtab, Qt.ShiftModifier)
    assert QApplication.focusWidget() is window.table
    assert selected(window) == "acme"  # Tab moved the focus, not the row


def test_arrows_in_the_list_move_by_row_and_the_timeline_follows(qtbot, window):
    activate(qtbot, window)
    window.table.setFocus()
    first = selected(window)
    qtbot.keyClick(window.table, Qt.Key_Down)
    second = selected(window)
    assert second != first and window.timeline.application_key == second
    rows = {i.row() for i in window.table.selectionModel().selectedIndexes()}
    columns = {i.column() for i in window.table.selectionModel().selectedIndexes()}
    assert len(rows) == 1 and columns == set(range(M.WHEN + 1))  # the whole row, not a cell


def test_f6_goes_round_the_list_the_timeline_its_buttons_and_the_search(qtbot, window):
    activate(qtbot, window)
    window.table.setFocus()
    qtbot.waitUntil(window.table.hasFocus)
    seen = []
    for _ in range(4):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key_F6)
        seen.append(QApplication.focusWidget())
    assert seen == [window.timeline.view, window.timeline.log_buttons["applied"], window.search, window.table]
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key_F6, Qt.ShiftModifier)
    assert QApplication.focusWidget() is window.search


def test_ctrl_comma_opens_the_settings(qtbot, window):
    activate(qtbot, window)
    opened = []

    def look(tries=[0]):
        dialog = QApplication.activeModalWidget()
        if dialog is None:
            tries[0] += 1
            if tries[0] < 200:
                QTimer.singleShot(10, look)
            return
        opened.append(dialog.objectName())
        dialog.reject()
    QTimer.singleShot(0, look)
    qtbot.keyClick(window, Qt.Key_Comma, Qt.ControlModifier)
    assert opened == ["settings_dialog"]


# -- layout -----------------------------------------------------------------------------------------

def test_the_columns_give_employer_and_next_step_their_width_before_stage_gets_spare_room(qtbot, window):
    window.splitter.setSizes([1000, 366])
    qtbot.wait(50)
    header = window.table.horizontalHeader()
    fm = window.table.fontMetrics()
    for col in (M.EMPLOYER, M.NEXT_STEP, M.STAGE, M.POSITION):
        widest = max(fm.horizontalAdvance(window.proxy.index(r, col).data() or "")
                     for r in range(window.proxy.rowCount()))
        assert header.sectionSize(col) >= widest + 8, (window.model.headerData(col, Qt.Horizontal), widest)
    # the stage column is as wide as its longest stage, not as wide as any stage could be
    stage = max(fm.horizontalAdvance(window.proxy.index(r, M.STAGE).data()) for r in range(window.proxy.rowCount()))
    assert header.sectionSize(M.STAGE) <= stage + 60


def test_a_narrow_list_cuts_the_position_before_the_employer(qtbot, window):
    window.splitter.setSizes([840, 526])
    qtbot.wait(50)
    header = window.table.horizontalHeader()
    fm = window.table.fontMetrics()
    assert header.sectionSize(M.EMPLOYER) >= fm.horizontalAdvance(LONG_EMPLOYER)
    assert header.sectionSize(M.POSITION) < fm.horizontalAdvance("Logistics Coordinator")


def test_a_dialog_keeps_its_size_and_its_buttons_when_a_message_appears(qtbot):
    dialog = LogEventDialog("note", [("susan", "Susan Smith", "recruiter")], now=NOW)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    qtbot.wait(20)
    size, where = dialog.size(), dialog.ok_button.mapTo(dialog, QPoint(0, 0))
    dialog.at.setDateTime(QDateTime(NOW + timedelta(days=30)))  # a warning under the date
    qtbot.keyClicks(dialog.notes, "x")
    dialog.notes.clear()  # "write the note": an error under the notes
    qtbot.wait(50)
    assert dialog.findChild(QLabel, "at_message").isVisible()
    assert dialog.findChild(QLabel, "notes_message").isVisible()
    assert dialog.size() == size
    assert dialog.ok_button.mapTo(dialog, QPoint(0, 0)) == where


# -- the selection ----------------------------------------------------------------------------------

def test_the_selection_survives_a_filter_that_hides_it_and_comes_back_with_all(qtbot, window):
    window.select_application("zeta")  # closed
    window.show_filter("active")
    assert "zeta" not in keys_shown(window)
    window.show_filter("closed")
    assert selected(window) == "zeta"
    window.show_filter("active")
    window.show_filter("all")
    assert selected(window) == "zeta" and window.timeline.application_key == "zeta"
    window.search.setText("globex")
    window.search.clear()
    assert selected(window) == "zeta"


def test_archiving_selects_the_next_row_and_undo_selects_the_archived_one_again(qtbot, window, workspace):
    order = keys_shown(window)
    window.select_application(order[1])
    activate(qtbot, window)
    window.table.setFocus()
    with qtbot.waitSignal(workspace.operations.drained):  # written on the write worker
        qtbot.keyClick(window.table, Qt.Key_Delete)
    assert selected(window) == order[2] and window.timeline.application_key == order[2]
    with qtbot.waitSignal(workspace.operations.drained):  # written on the write worker
        qtbot.keyClick(window, Qt.Key_Z, Qt.ControlModifier)
    assert selected(window) == order[1] and window.timeline.application_key == order[1]


def test_the_archived_view_finds_archived_applications_and_restores_them(qtbot, window, workspace):
    window.select_application("globex")
    with qtbot.waitSignal(workspace.operations.drained):  # written on the write worker
        window.archive_selected()
    assert "globex" not in keys_shown(window)
    activate(qtbot, window)
    qtbot.keyClick(window, Qt.Key_5, Qt.ControlModifier)  # Archived
    assert window.list_stack.currentWidget() is window.archived
    table = window.archived.table
    assert [table.item(r, 0).text() for r in range(table.rowCount())] == ["Globex"]
    assert table.item(0, 1).text() == "Dispatcher"
    window.search.setText("acme")
    assert window.archived.empty.isVisible() and "acme" in window.archived.empty.text()
    window.search.setText("dispat")
    assert table.rowCount() == 1
    # the first archived one is selected, and its employer's timeline is there to read
    assert window.archived.selected_keys() == ["globex"]
    assert window.timeline.title.text() == "Globex" and "archived" in window.timeline.subtitle.text()
    assert not window.timeline.log_buttons["note"].isEnabled()  # restore it first
    table.setFocus()
    qtbot.waitUntil(table.hasFocus)
    with qtbot.waitSignal(workspace.operations.drained):  # written on the write worker
        qtbot.keyClick(table, Qt.Key_Return)  # Enter restores
    assert records.application_record(workspace.store, "globex")["archived"] is False
    assert window.proxy.filter_name == "all" and "globex" in keys_shown(window)
    assert selected(window) == "globex"
    with qtbot.waitSignal(workspace.operations.drained):  # written on the write worker
        window.act_undo.trigger()  # archived again
    assert records.application_record(workspace.store, "globex")["archived"] is True



def test_the_tool_bars_undo_keeps_its_short_name_and_its_tooltip_says_what(qtbot, window):
    from PySide6.QtGui import QAction

    workspace = window.workspace
    undo = window.findChild(QAction, "barUndo")
    assert not undo.isEnabled()
    window.select_application("globex")
    with qtbot.waitSignal(workspace.operations.drained):  # written on the write worker
        window.archive_selected()
    assert undo.isEnabled() and undo.text() == "Undo"
    assert undo.toolTip() == "Undo Archive Dispatcher"
    with qtbot.waitSignal(workspace.operations.drained):  # written on the write worker
        undo.trigger()
    assert "globex" in keys_shown(window) and not undo.isEnabled()
