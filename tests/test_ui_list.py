"""The applications list: most urgent first by default, every column sortable, the row texts a
person reads ("5 days ago", "2 days overdue"), and the live update when something is logged."""

from __future__ import annotations

from datetime import datetime

import pytest
from PySide6.QtCore import QRect, Qt

from followup_desktop.paths import DataPaths
from followup_desktop.ui.listmodel import ApplicationsModel as M
from followup_desktop.ui.main_window import MainWindow
from followup_desktop.ui.workspace import Workspace

NOW = datetime(2026, 3, 18, 10, 0)  # a Wednesday


@pytest.fixture
def now():
    return NOW


@pytest.fixture
def leads(dataset):
    return dataset(
        [
            # interviewed yesterday afternoon: a thank-you due today at 15:00
            {"application": "acme", "kind": "interview", "at": "2026-03-17T14:00:00", "contacts": ["susan"],
             "key_points": {"susan": "the move"}},
            # applied 3 weeks ago: the status check is overdue
            {"application": "globex", "kind": "applied", "at": "2026-02-20T09:00:00"},
            # applied on Monday: the status check opens next week
            {"application": "initech", "kind": "applied", "at": "2026-03-16T09:00:00"},
            {"application": "zeta", "kind": "applied", "at": "2026-01-05T09:00:00"},
            {"application": "zeta", "kind": "closed", "at": "2026-01-06T09:00:00", "reason": "rejected"},
        ],
        employers=[{"key": k, "name": n} for k, n in
                   (("acme", "Acme Corp"), ("globex", "Globex"), ("initech", "Initech"), ("zeta", "Zeta Labs"))],
        applications=[
            {"key": "acme", "employer": "acme", "position": "Office Manager", "stage": "interviewing"},
            {"key": "globex", "employer": "globex", "position": "Dispatcher", "stage": "applied"},
            {"key": "initech", "employer": "initech", "position": "Analyst", "stage": "applied"},
            {"key": "zeta", "employer": "zeta", "position": "Buyer", "stage": "closed", "outcome": "rejected"}],
    )


def column(window, col):
    p = window.proxy
    return [p.index(r, col).data() for r in range(p.rowCount())]


def test_most_urgent_first_with_the_texts_a_person_reads(window):
    assert column(window, M.EMPLOYER) == ["Globex", "Acme Corp", "Initech", "Zeta Labs"]
    # Globex's status check (a call) was due by Friday March 6: twelve days ago
    assert column(window, M.WHEN) == ["12 days overdue", "today", "in 5 days", ""]
    assert column(window, M.LAST_CONTACT) == ["26 days ago", "yesterday", "2 days ago", "2 months ago"]
    assert column(window, M.NEXT_STEP)[1] == "Thank-you note · Susan Smith"
    assert column(window, M.STAGE)[3] == "Closed — Rejected"


def test_overdue_reads_red_and_open_reads_bold(window):
    p = window.proxy
    overdue = p.index(0, M.WHEN).data(Qt.ForegroundRole).color()
    today = p.index(1, M.WHEN).data(Qt.ForegroundRole).color()
    assert overdue != today
    assert overdue.red() > overdue.green() + 60  # a red
    assert p.index(1, M.WHEN).data(Qt.FontRole).bold()
    assert p.index(0, M.WHEN).data(Qt.ToolTipRole)  # the reason, in full


@pytest.mark.parametrize("col, ascending", [
    (M.EMPLOYER, ["Acme Corp", "Globex", "Initech", "Zeta Labs"]),
    (M.POSITION, ["Analyst", "Buyer", "Dispatcher", "Office Manager"]),
    (M.STAGE, ["Applied", "Applied", "Interviewing", "Closed — Rejected"]),
    (M.LAST_CONTACT, ["2 months ago", "26 days ago", "2 days ago", "yesterday"]),
])
def test_every_column_sorts_both_ways_from_its_header(qtbot, window, col, ascending):
    header = window.table.horizontalHeader()
    x = header.sectionViewportPosition(col) + header.sectionSize(col) // 2
    qtbot.mouseClick(header.viewport(), Qt.LeftButton, pos=header.rect().center().__class__(x, header.height() // 2))
    first = column(window, col)
    qtbot.mouseClick(header.viewport(), Qt.LeftButton, pos=header.rect().center().__class__(x, header.height() // 2))
    second = column(window, col)
    assert first == ascending
    assert second == list(reversed(ascending))


def test_logging_a_thank_you_moves_the_row_at_once(qtbot, window):
    ws = window.workspace
    with qtbot.waitSignal(ws.operations.drained):  # written on the write worker, then shown
        ws.log_event("acme", {"kind": "thank_you", "at": NOW, "channel": "email", "contacts": ["susan"]})
    row = column(window, M.EMPLOYER).index("Acme Corp")
    assert column(window, M.NEXT_STEP)[row] != "Thank-you note · Susan Smith"
    assert column(window, M.LAST_CONTACT)[row] == "today"
    assert window.windowTitle() == "Follow-up Desktop — 1 due"  # only Globex's status check is left


def test_the_next_start_shows_the_last_list_at_once_then_the_current_one(qtbot, window, data_dir, clock):
    before = [column(window, c) for c in range(6)]
    window.save_state()  # what quitting does
    cache = data_dir / "list-cache.json"
    assert cache.stat().st_mode & 0o777 == 0o600
    window.workspace.close()

    ws = Workspace(DataPaths(data_dir), clock=clock)  # not loaded yet
    again = MainWindow(ws)
    qtbot.addWidget(again)
    again.show()
    assert [column(again, c) for c in range(6)] == before
    assert again.list_stack.currentWidget() is again.table
    again.table.selectRow(0)
    assert not again.act_archive.isEnabled()  # nothing to act on until the data is read
    ws.load()
    assert [column(again, c) for c in range(6)] == before
    again.table.selectRow(0)
    assert again.act_archive.isEnabled()
    ws.close()


@pytest.mark.parametrize("text", [
    '{"version": 1, "rows": [["x", 1, 2',  # an older layout, cut short
    '{"version": 2}\n["acme", "Acme Corp", "Office Manager", "Applied", "today", "", "", 0.0, 1.0, false, false, "a", "a"]\n'
    '["globex", "Globex", "Disp',  # a row cut short
    "not json at all\n",
])
def test_a_damaged_list_cache_only_means_no_early_list(qtbot, data_dir, clock, text):
    DataPaths(data_dir).ensure()
    (data_dir / "list-cache.json").write_text(text)
    ws = Workspace(DataPaths(data_dir), clock=clock)
    w = MainWindow(ws)
    qtbot.addWidget(w)
    assert w.list_stack.currentWidget() is w.loading
    assert w.model.rowCount() == 0
    ws.load()
    assert w.list_stack.currentWidget() is w.empty
    ws.close()


def test_a_step_late_by_hours_reads_in_hours_not_as_a_day_overdue():
    from datetime import timedelta

    from followup_desktop.ui.listmodel import when_text
    from timeline import Timeline

    # interviewed Tuesday 14:00: the debrief was due at 21:00 that evening
    debrief = Timeline().log("interview", "2026-03-03T14:00", contacts=["raj"]).one("debrief", "2026-03-03T15:30")
    due = debrief.due
    assert when_text(debrief, due + timedelta(minutes=20)) == "overdue since 21:00"
    assert when_text(debrief, due + timedelta(hours=1)) == "1 hour overdue"
    assert when_text(debrief, due + timedelta(hours=9)) == "9 hours overdue"  # next morning, 06:00
    assert when_text(debrief, due + timedelta(hours=25)) == "1 day overdue"
    assert when_text(debrief, due + timedelta(days=3, hours=1)) == "3 days overdue"


def _pixels_near(image, color, within: int = 24) -> int:
    """How many pixels of `image` are about `color` (the text's own colour, not its edges)."""
    count = 0
    for y in range(0, image.height(), 1):
        for x in range(0, image.width(), 1):
            c = image.pixelColor(x, y)
            if abs(c.red() - color.red()) + abs(c.green() - color.green()) + abs(c.blue() - color.blue()) < within:
                count += 1
    return count


def test_the_list_paints_in_the_new_palettes_colours_when_the_palette_changes(qtbot, window):
    from PySide6.QtGui import QColor
    from PySide6.QtWidgets import QApplication
    from screens import dark_palette

    window.show()
    qtbot.waitExposed(window)
    window.table.clearSelection()  # a selected row reads in the selection's colours
    app = QApplication.instance()
    header = window.table.horizontalHeader()
    when = lambda: window.table.viewport().grab(  # noqa: E731  (the When column's cells)
        QRect(header.sectionViewportPosition(M.WHEN), 0, header.sectionSize(M.WHEN),
              window.table.rowHeight(0) * 2)).toImage()
    light_red, dark_red = QColor("#b3261e"), QColor("#ff7b72")  # style.overdue_color()
    assert _pixels_near(when(), light_red) > 10 and _pixels_near(when(), dark_red) == 0
    before = app.palette()
    try:
        app.setPalette(dark_palette())
        qtbot.wait(50)
        assert _pixels_near(when(), dark_red) > 10 and _pixels_near(when(), light_red) == 0
    finally:
        app.setPalette(before)
    qtbot.wait(50)
    assert _pixels_near(when(), light_red) > 10
