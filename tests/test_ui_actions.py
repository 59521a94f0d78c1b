"""Every kind of next step, acted on from the list (Enter) and from the timeline (its button),
opens the window that does it: the compose window for a message, the close-out question for a
lead gone quiet, the interview's own form for its notes.

Each step comes from a real timeline in a real data dir, at a clock the test sets."""

from __future__ import annotations

from datetime import datetime

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QAbstractItemView, QApplication

from followup_desktop.exchange.jsonfile import import_json
from followup_desktop.paths import DataPaths
from followup_desktop.ui.closeout import CloseOutDialog
from followup_desktop.ui.compose import ComposeWindow
from followup_desktop.ui.dialogs.log_event import LogEventDialog
from followup_desktop.ui.main_window import MainWindow
from followup_desktop.ui.timeline import ACTION
from followup_desktop.ui.workspace import Workspace
from followup_desktop.vocab import ActionName

SUSAN = {"key": "susan", "employer": "acme", "name": "Susan Smith", "role": "recruiter"}
RAJ = {"key": "raj", "employer": "acme", "name": "Raj Patel", "role": "hiring_manager"}
HANNA = {"key": "hanna", "employer": "acme", "name": "Hanna Berg", "role": "hr"}


def interviewed(**interview):
    """Applied, interviewed Raj (notes written), thanked him the same day."""
    return [dict(kind="applied", at="2026-03-02T09:00:00"),
            dict(kind="interview", at="2026-03-05T10:00:00", contacts=["raj"], key_points={"raj": "the CRM move"},
               **interview),
            dict(kind="thank_you", at="2026-03-05T15:00:00", channel="email", contacts=["raj"])]


#: action name -> (stage, outcome, events, now): a timeline whose next step is that action
STORIES = {
    ActionName.INTRODUCE: ("lead", None, [dict(kind="lead", at="2026-03-02T10:00:00")], "2026-03-02T11:00"),
    ActionName.STATUS_CHECK: ("applied", None, [dict(kind="applied", at="2026-03-02T09:00:00")], "2026-03-09T10:00"),
    ActionName.DEBRIEF: ("interviewing", None, [dict(kind="interview", at="2026-03-03T14:00:00", contacts=["raj"])],
                         "2026-03-03T15:30"),
    ActionName.THANK_YOU: ("interviewing", None,
                           [dict(kind="interview", at="2026-03-03T14:00:00", contacts=["raj"], key_points={"raj": "x"})],
                           "2026-03-03T16:00"),
    ActionName.LATE_THANK_YOU: ("interviewing", None,
                                [dict(kind="interview", at="2026-03-03T14:00:00", contacts=["raj"], key_points={"raj": "x"})],
                                "2026-03-04T16:00"),
    ActionName.POST_INTERVIEW_FOLLOW_UP: ("interviewing", None, interviewed(decision_expected="2026-03-12"),
                                          "2026-03-16T10:00"),
    ActionName.REPLY_THANKS: ("interviewing", None, interviewed(decision_expected="2026-03-12") + [
        dict(kind="reply", at="2026-03-13T11:00:00", outcome="no_decision", contacts=["raj"], next_date="2026-03-20")],
        "2026-03-13T12:00"),
    ActionName.NUDGE: ("interviewing", None, interviewed(decision_expected="2026-03-12") + [
        dict(kind="follow_up", at="2026-03-16T10:00:00", channel="phone", outcome="left_message", contacts=["raj"])],
        "2026-03-23T10:00"),
    ActionName.CLOSE_OUT: ("applied", None, [
        dict(kind="applied", at="2026-03-02T09:00:00"),
        dict(kind="status_check", at="2026-03-09T10:00:00", channel="phone", contacts=["susan"]),
        dict(kind="follow_up", at="2026-03-16T10:00:00", channel="email", contacts=["susan"])], "2026-04-01T10:00"),
    ActionName.WITHDRAWAL_NOTE: ("closed", "withdrawn", [
        dict(kind="applied", at="2026-03-02T09:00:00"), dict(kind="closed", at="2026-03-20T09:00:00", reason="withdrawn")],
        "2026-03-20T10:00"),
    ActionName.FEEDBACK_REQUEST: ("interviewing", None, interviewed() + [
        dict(kind="reply", at="2026-03-13T11:00:00", outcome="rejected", contacts=["raj"])], "2026-03-13T12:00"),
    ActionName.CHECK_IN: ("interviewing", None, interviewed() + [
        dict(kind="reply", at="2026-03-13T11:00:00", outcome="rejected", contacts=["raj"], encouraged=True),
        dict(kind="feedback_request", at="2026-03-14T10:00:00", channel="email", contacts=["raj"])], "2026-04-14T12:00"),
}


def test_every_action_kind_has_a_story():
    assert set(STORIES) == set(ActionName)


@pytest.fixture
def story_window(qtbot, data_dir, clock_at, dataset, write_json):
    """`story_window(name)` -> (window, workspace) over STORIES[name], at its moment."""
    made = []

    def make(name):
        stage, outcome, events, now = STORIES[name]
        ws = Workspace(DataPaths(data_dir), clock=clock_at(datetime.fromisoformat(now)))
        import_json(ws.store, write_json(dataset(events, contacts=[SUSAN, RAJ, HANNA], stage=stage, outcome=outcome),
                                         "story.json"))
        ws.load()
        w = MainWindow(ws)
        qtbot.addWidget(w)
        w.show()
        w.activateWindow()
        qtbot.waitActive(w)
        w.select_application("acme-om")
        made.append((w, ws))
        return w, ws

    yield make
    for c in QApplication.topLevelWidgets():  # the message windows the stories opened
        if isinstance(c, ComposeWindow) and _alive(c):
            c.close()
    for w, ws in made:
        ws.close()


def _alive(widget):
    try:
        return widget.isVisible()
    except RuntimeError:
        return False


class ModalWatch:
    """Note what modal dialog the next action opens, then close it without doing anything.
    Stopped at the end of the test: a watch left running would close the next test's dialog."""

    def __init__(self, seen):
        self.seen, self.stopped, self.tries = seen, False, 0
        QTimer.singleShot(0, self._look)

    def _look(self):
        if self.stopped:
            return
        dialog = QApplication.activeModalWidget()
        if dialog is None:
            self.tries += 1
            if self.tries < 200:
                QTimer.singleShot(10, self._look)
            return
        self.seen.append({"type": type(dialog), "form": getattr(dialog, "form", None),
                          "action": getattr(getattr(dialog, "action", None), "id", None)})
        dialog.reject()

    def stop(self):
        self.stopped = True


@pytest.fixture
def watch_modal():
    watches = []

    def start(seen):
        watches.append(ModalWatch(seen))
    yield start
    for w in watches:
        w.stop()


def focus_list(qtbot, window):
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=2000)
    window.table.setFocus()
    qtbot.waitUntil(window.table.hasFocus, timeout=2000)


def composers():
    return [w for w in QApplication.topLevelWidgets() if isinstance(w, ComposeWindow) and w.isVisible()]


def check_opened(name, action, seen):
    """What a person sees after acting on `action`: the window for it, for this step."""
    modal = [s for s in seen if isinstance(s, dict)]
    if name == ActionName.CLOSE_OUT:
        assert modal and modal[0]["type"] is CloseOutDialog and modal[0]["action"] == action.id
        assert not composers()
    elif name == ActionName.DEBRIEF:
        assert modal and issubclass(modal[0]["type"], LogEventDialog) and modal[0]["form"] == "interview"
        assert not composers()
    else:
        assert not modal, f"a dialog opened instead of the message: {modal}"
        opened = composers()
        assert [w.action.id for w in opened] == [action.id]
        for w in opened:
            w.close()


@pytest.mark.parametrize("name", list(ActionName), ids=str)
def test_enter_on_a_row_opens_the_window_for_its_next_step(qtbot, story_window, watch_modal, name):
    window, ws = story_window(name)
    action = ws.next_action("acme-om")
    assert action is not None and action.name == name, f"the story gives {action and action.name}"
    seen = []
    watch_modal(seen)
    focus_list(qtbot, window)
    qtbot.keyClick(window.table, Qt.Key_Return)
    qtbot.wait(20)
    check_opened(name, action, seen)


@pytest.mark.parametrize("name", list(ActionName), ids=str)
def test_the_button_on_a_timeline_step_opens_the_window_for_it(qtbot, story_window, watch_modal, name):
    window, ws = story_window(name)
    view = window.timeline.view
    row, action = next((n, item) for n, (kind, item) in enumerate(view.timeline_model.items)
                       if kind == ACTION and item.name == name)
    index = view.timeline_model.index(row)
    view.scrollTo(index, QAbstractItemView.PositionAtCenter)
    button = view.delegate.button_rect(view.visualRect(index), view)
    seen = []
    watch_modal(seen)
    qtbot.mouseClick(view.viewport(), Qt.LeftButton, pos=button.center())
    qtbot.wait(20)
    check_opened(name, action, seen)


def test_closing_a_quiet_lead_from_its_row_closes_it_as_no_response(qtbot, story_window):
    window, ws = story_window(ActionName.CLOSE_OUT)

    done = []

    def answer(tries=[0]):
        dialog = QApplication.activeModalWidget()
        if dialog is None:
            tries[0] += 1
            if tries[0] < 200 and not done:
                QTimer.singleShot(10, answer)
            return
        qtbot.mouseClick(dialog.close_button, Qt.LeftButton)
    QTimer.singleShot(0, answer)
    focus_list(qtbot, window)
    with qtbot.waitSignal(ws.operations.drained):  # written on the write worker
        qtbot.keyClick(window.table, Qt.Key_Return)
    done.append(True)
    app = ws.application("acme-om")
    assert (app.stage, app.outcome) == ("closed", "no_response")
    with qtbot.waitSignal(ws.operations.drained):
        window.act_undo.trigger()
    assert ws.application("acme-om").stage == "applied"
