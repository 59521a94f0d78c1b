"""The tray, notifications and what clicking them does, on a real data dir with a clock the test
moves. Calendar: 2026-03-02 is a Monday."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest
from PySide6.QtCore import QSettings, QSize, Qt
from PySide6.QtWidgets import QApplication, QMessageBox, QSystemTrayIcon

from followup_desktop.paths import DataPaths
from followup_desktop.app import install_desktop_integration
from followup_desktop.desktop.autostart import Autostart
from followup_desktop.tray.controller import CLICK_TAKES_FOCUS_S, K_ACTION, K_CLOSE_OUT, K_SUMMARY
from followup_desktop.tray.notifier import NullNotifier, TrayNotifier
from followup_desktop.ui.closeout import CloseOutDialog
from followup_desktop.ui.main_window import MainWindow
from followup_desktop.ui.workspace import Workspace


PROFILE = {"name": "Jordan Lee", "email": "jordan@example.org"}
SUSAN = {"key": "susan", "employer": "acme", "name": "Susan Smith", "role": "recruiter", "email": "susan@acme.example"}
INTERVIEWING = {"key": "acme-om", "employer": "acme", "position": "Office Manager", "stage": "interviewing"}


@pytest.fixture
def doc(dataset):
    """`doc(events, applications=…, contacts=…)`: the shared data set with Jordan Lee's profile,
    Susan's address and the Office Manager application at the interview stage unless told."""
    def build(events, applications=None, contacts=None):
        return dataset(events, applications=applications or [INTERVIEWING], contacts=contacts or [SUSAN],
                       profile=PROFILE)
    return build


INTERVIEW = {"application": "acme-om", "kind": "interview", "at": "2026-03-03T14:00:00", "duration_minutes": 60,
             "contacts": ["susan"], "decision_expected": "2026-03-06"}


class Desk:
    """One app run over a data dir: workspace, main window, desktop integration."""

    def __init__(self, qtbot, data_dir, clock, *, tray=True, tmp_path=None):
        self.workspace = Workspace(DataPaths(data_dir), clock=clock)
        self.workspace.load()
        self.window = MainWindow(self.workspace)
        qtbot.addWidget(self.window)
        self.notifier = NullNotifier()
        auto = Autostart(["followup-desktop", "--minimized"], platform="linux",
                         environ={"XDG_CONFIG_HOME": str(tmp_path / "xdg")} if tmp_path else {})
        self.desk = install_desktop_integration(QApplication.instance(), self.window, self.workspace,
                                                DataPaths(data_dir), tray_available=tray,
                                                notifier=self.notifier, autostart=auto)

    def close(self):
        self.desk.scheduler.stop()
        self.window.removeEventFilter(self.desk)
        if self.desk.tray is not None:
            self.desk.tray.hide()
        for w in QApplication.topLevelWidgets():
            if w is not self.window and w.isVisible():
                w.close()
        self.window.close()
        self.workspace.close()
        self.desk.deleteLater()


@pytest.fixture
def desks(qtbot, data_dir, tmp_path):
    made = []

    def make(clock, **kw):
        d = Desk(qtbot, data_dir, clock, tmp_path=tmp_path, **kw)
        made.append(d)
        return d

    yield make
    for d in made:
        d.close()
    QApplication.instance().setQuitOnLastWindowClosed(True)


def open_close_out_dialog():
    [dialog] = [w for w in QApplication.topLevelWidgets() if isinstance(w, CloseOutDialog) and w.isVisible()]
    return dialog


def composers():
    from followup_desktop.ui.compose import ComposeWindow

    return [w for w in QApplication.topLevelWidgets() if isinstance(w, ComposeWindow) and w.isVisible()]


def test_a_thank_you_is_told_when_it_opens_once_and_the_click_opens_its_compose_window(
        qtbot, desks, seed, doc, clock_at):
    seed(doc([INTERVIEW]))
    clock = clock_at(datetime(2026, 3, 3, 14, 30))
    d = desks(clock)
    assert d.notifier.sent == []
    # Sleeping until the interview ends, not polling.
    assert d.desk.scheduler.next_wake == datetime(2026, 3, 3, 15, 0)
    assert 0 < d.desk.scheduler.timer_remaining_ms <= 30 * 60 * 1000 + 100

    clock.now = datetime(2026, 3, 3, 15, 0)
    with qtbot.waitSignal(d.workspace.loaded):
        d.workspace.tick()
    assert len(d.notifier.sent) == 1
    key, title, body = d.notifier.sent[0]
    assert key[0] == K_ACTION and title == "Thank-you note to Susan Smith (Acme Corp)"
    assert "thank them within 24 hours" in body
    assert d.desk.tray.toolTip().startswith("1 follow-up due — Thank-you note to Susan Smith (Acme Corp)")

    clock.now = datetime(2026, 3, 3, 15, 5)
    with qtbot.waitSignal(d.workspace.loaded):
        d.workspace.tick()
    assert len(d.notifier.sent) == 1  # never the same notification twice

    d.notifier.clicked.emit(key)
    [compose] = composers()
    assert compose.windowTitle().startswith("Thank-you note — Susan Smith, Acme Corp")


def test_a_restart_does_not_tell_again_what_was_already_told(qtbot, desks, seed, doc, clock_at):
    seed(doc([INTERVIEW]))
    clock = clock_at(datetime(2026, 3, 3, 15, 0))
    first = desks(clock)
    assert len(first.notifier.sent) == 1
    first.close()
    second = desks(clock_at(datetime(2026, 3, 3, 16, 0)))  # a new process over the same database
    assert second.notifier.sent == []


def test_what_opened_while_the_app_was_closed_is_one_catch_up_summary_that_opens_due_now(
        qtbot, desks, seed, doc, clock_at):
    people = [{"key": k, "employer": "acme", "name": n, "role": "interviewer"}
              for k, n in (("susan", "Susan Smith"), ("raj", "Raj Patel"))]
    seed(doc([{**INTERVIEW, "contacts": ["susan", "raj"]}], contacts=people))
    d = desks(clock_at(datetime(2026, 3, 3, 18, 0)))
    [(key, title, body)] = d.notifier.sent
    assert key == (K_SUMMARY, None)
    assert title == "2 follow-ups came up while Follow-up Desktop was closed"
    assert body.splitlines() == ["Thank-you note to Raj Patel (Acme Corp)", "Thank-you note to Susan Smith (Acme Corp)"] \
        or sorted(body.splitlines()) == ["Thank-you note to Raj Patel (Acme Corp)", "Thank-you note to Susan Smith (Acme Corp)"]
    d.window.hide()
    d.notifier.clicked.emit(key)
    assert d.window.isVisible()
    assert d.window.proxy.filter_name == "due"


GHOSTED = [
    {"application": "acme-om", "kind": "applied", "at": "2026-02-02T09:00:00", "channel": "portal"},
    {"application": "acme-om", "kind": "status_check", "at": "2026-02-09T10:00:00", "channel": "phone",
     "contacts": ["susan"]},
    {"application": "acme-om", "kind": "follow_up", "at": "2026-02-16T10:00:00", "channel": "email",
     "contacts": ["susan"]},
]
APPLIED = [{"key": "acme-om", "employer": "acme", "position": "Office Manager", "stage": "applied"}]


def close_out_desk(desks, seed, doc, clock):
    seed(doc(GHOSTED, applications=APPLIED))
    d = desks(clock)
    [(key, title, body)] = d.notifier.sent
    assert key[0] == K_CLOSE_OUT
    assert body == "No answer from Acme Corp since your follow-up on February 16. Close this lead?"
    d.notifier.clicked.emit(key)
    dialog = open_close_out_dialog()
    assert isinstance(dialog, CloseOutDialog) and dialog.isVisible()
    return d, dialog, key[1]


def test_a_lead_gone_quiet_asks_and_closing_it_as_no_response_closes_it(qtbot, desks, seed, doc, clock_at):
    d, dialog, action_id = close_out_desk(desks, seed, doc, clock_at(datetime(2026, 3, 10, 10, 0)))
    with qtbot.waitSignal(d.workspace.operations.drained):  # written on the write worker
        dialog.close_button.click()
    assert d.workspace.applications()["acme-om"].stage == "closed"
    assert d.workspace.applications()["acme-om"].outcome == "no_response"
    assert d.workspace.action(action_id) is None


def test_keep_waiting_asks_again_in_two_weeks(qtbot, desks, seed, doc, clock_at):
    clock = clock_at(datetime(2026, 3, 10, 10, 0))
    d, dialog, action_id = close_out_desk(desks, seed, doc, clock)
    with qtbot.waitSignal(d.workspace.operations.drained):
        dialog.wait_button.click()
    assert d.workspace.action_state(action_id).snoozed_until == datetime(2026, 3, 24, 10, 0)
    assert d.workspace.action(action_id).opens == datetime(2026, 3, 24, 10, 0)
    assert len(d.notifier.sent) == 1
    clock.now = datetime(2026, 3, 24, 10, 0)
    with qtbot.waitSignal(d.workspace.loaded):  # two weeks on: everything is read again
        d.workspace.tick()
    assert [k for k, _, _ in d.notifier.sent] == [(K_CLOSE_OUT, action_id)] * 2  # asked again


def test_withdrawing_closes_the_lead_and_opens_the_withdrawal_note(qtbot, desks, seed, doc, clock_at):
    d, dialog, _ = close_out_desk(desks, seed, doc, clock_at(datetime(2026, 3, 10, 10, 0)))
    with qtbot.waitSignal(d.workspace.operations.drained):
        dialog.withdraw_button.click()
    assert d.workspace.applications()["acme-om"].outcome == "withdrawn"
    [compose] = composers()
    assert compose.windowTitle().startswith("Withdrawal note")


def test_pausing_holds_notifications_until_the_pause_ends(qtbot, desks, seed, doc, clock_at):
    seed(doc([INTERVIEW]))
    clock = clock_at(datetime(2026, 3, 3, 14, 30))
    d = desks(clock)
    d.desk.pause(timedelta(hours=1))
    clock.now = datetime(2026, 3, 3, 15, 0)
    with qtbot.waitSignal(d.workspace.loaded):
        d.workspace.tick()
    assert d.notifier.sent == []
    assert d.desk.scheduler.next_wake == datetime(2026, 3, 3, 15, 30)
    assert "paused" in d.desk.tray.toolTip()
    clock.now = datetime(2026, 3, 3, 15, 30)
    d.desk.scheduler.look()
    assert len(d.notifier.sent) == 1


def test_snoozing_from_the_tray_menu_moves_the_step_a_day(qtbot, desks, seed, doc, clock_at):
    seed(doc([INTERVIEW]))
    clock = clock_at(datetime(2026, 3, 3, 15, 30))
    d = desks(clock)
    d.desk.menu.aboutToShow.emit()
    snooze_menu = next(a.menu() for a in d.desk.menu.actions() if a.menu() and a.menu().objectName() == "traySnooze")
    item = snooze_menu.actions()[0].menu()
    assert snooze_menu.actions()[0].text() == "Thank-you note to Susan Smith (Acme Corp)"
    action_id = d.workspace.due_now()[0].id
    with qtbot.waitSignal(d.workspace.operations.drained):
        item.actions()[0].trigger()  # For 1 day
    assert d.workspace.action_state(action_id).snoozed_until == datetime(2026, 3, 4, 15, 30)
    assert d.workspace.due_now() == []


def test_closing_the_window_keeps_the_app_in_the_tray_and_says_so_once(qtbot, desks, data_dir, seed, doc, clock_at):
    seed(doc([INTERVIEW]))
    d = desks(clock_at(datetime(2026, 3, 3, 14, 30)))
    assert d.window.isVisible()
    assert not QApplication.instance().quitOnLastWindowClosed()
    d.window.close()
    assert not d.window.isVisible()
    qtbot.waitUntil(lambda: QSettings(str(data_dir / "window-state.ini"), QSettings.IniFormat)
                    .value("tray/closeHintShown", False, type=bool))
    d.desk.toggle_window()
    assert d.window.isVisible()


def test_without_a_tray_the_window_says_so_banners_news_and_asks_before_quitting(
        qtbot, desks, monkeypatch, seed, doc, clock_at):
    seed(doc([INTERVIEW]))
    clock = clock_at(datetime(2026, 3, 3, 14, 30))
    d = desks(clock, tray=False)
    assert d.desk.tray is None
    assert "no system tray" in d.window.banner.label.text()
    asked = []
    monkeypatch.setattr(QMessageBox, "question", staticmethod(lambda *a, **k: asked.append(a) or QMessageBox.No))
    d.window.close()
    assert asked and d.window.isVisible()


def test_without_a_tray_news_comes_as_a_banner_whose_button_opens_the_step(
        qtbot, data_dir, tmp_path, seed, doc, clock_at):
    from followup_desktop.tray.notifier import BannerNotifier

    seed(doc([INTERVIEW]))
    clock = clock_at(datetime(2026, 3, 3, 14, 30))
    ws = Workspace(DataPaths(data_dir), clock=clock)
    ws.load()
    window = MainWindow(ws)
    qtbot.addWidget(window)
    banner = BannerNotifier(window)
    desk = install_desktop_integration(QApplication.instance(), window, ws, DataPaths(data_dir),
                                       tray_available=False, notifier=banner,
                                       autostart=Autostart([], platform="linux", environ={"XDG_CONFIG_HOME": str(tmp_path)}))
    try:
        clock.now = datetime(2026, 3, 3, 15, 0)
        with qtbot.waitSignal(ws.loaded):
            ws.tick()
        assert "Thank-you note to Susan Smith (Acme Corp)" in window.banner.label.text()
        window.banner.open_button.click()
        [compose] = composers()
        assert compose.windowTitle().startswith("Thank-you note — Susan Smith")
    finally:
        desk.scheduler.stop()
        window.removeEventFilter(desk)
        for w in composers():
            w.close()
        ws.close()
        QApplication.instance().setQuitOnLastWindowClosed(True)


def test_the_tray_balloon_click_answers_for_the_notification_on_screen(qtbot):
    tray = QSystemTrayIcon()
    notifier = TrayNotifier(tray, show_ms=50)
    notifier.notify((K_ACTION, "first"), "First", "")
    notifier.notify((K_ACTION, "second"), "Second", "")
    with qtbot.waitSignal(notifier.clicked) as got:
        tray.messageClicked.emit()
    assert got.args == [(K_ACTION, "first")]
    qtbot.waitUntil(lambda: notifier.current == (K_ACTION, "second"))
    with qtbot.waitSignal(notifier.clicked) as got:
        tray.messageClicked.emit()
    assert got.args == [(K_ACTION, "second")]


def test_switching_start_at_login_on_and_off_writes_and_removes_the_entry(qtbot, desks, tmp_path, seed, doc, clock_at):
    seed(doc([INTERVIEW]))
    d = desks(clock_at(datetime(2026, 3, 3, 14, 30)))
    entry = tmp_path / "xdg" / "autostart" / "followup-desktop.desktop"
    assert not entry.exists()
    with qtbot.waitSignal(d.workspace.operations.drained):  # saved on the write worker
        d.workspace.save_settings({"start_at_login": True})
    assert "--minimized" in entry.read_text()
    with qtbot.waitSignal(d.workspace.operations.drained):
        d.workspace.save_settings({"start_at_login": False})
    assert not entry.exists()


def _three_applications(doc):
    return doc(
        [INTERVIEW,
         {"application": "acme-clerk", "kind": "applied", "at": "2026-02-20T09:00:00", "channel": "portal"},
         {"application": "acme-lead", "kind": "closed", "at": "2026-02-25T09:00:00", "reason": "withdrawn"}],
        applications=[
            {"key": "acme-om", "employer": "acme", "position": "Office Manager", "stage": "interviewing"},
            {"key": "acme-clerk", "employer": "acme", "position": "Clerk", "stage": "applied"},
            {"key": "acme-lead", "employer": "acme", "position": "Team Lead", "stage": "closed", "outcome": "withdrawn"}])


def _filter(window):
    return next(a.data() for a in window.filter_group.actions() if a.isChecked())


def _click_tray(d):
    d.desk.tray.activated.emit(QSystemTrayIcon.Trigger)
    QApplication.processEvents()


def test_one_tray_click_brings_the_window_back_as_it_was_left(qtbot, desks, seed, doc, clock_at):
    seed(_three_applications(doc))
    d = desks(clock_at(datetime(2026, 3, 3, 14, 30)))
    w = d.window
    qtbot.waitUntil(lambda: w.isVisible() and d.workspace.is_loaded)
    w.show_filter("active")
    w.select_application("acme-clerk")
    w.setGeometry(120, 90, 1000, 640)
    qtbot.waitUntil(lambda: w.geometry().size() == QSize(1000, 640))
    left_at = w.geometry()

    w.close()  # to the tray
    assert not w.isVisible()
    _click_tray(d)
    assert w.isVisible() and not w.isMinimized()
    assert _filter(w) == "active" and w.selected_keys() == ["acme-clerk"]
    assert w.geometry() == left_at

    # Maximized, then minimized: one click gives the maximized window back, not a normal one.
    w.showMaximized()
    qtbot.waitUntil(lambda: w.isMaximized())
    w.setWindowState(w.windowState() | Qt.WindowMinimized)
    qtbot.waitUntil(lambda: w.isMinimized())
    _click_tray(d)
    qtbot.waitUntil(lambda: not w.isMinimized())
    assert w.isVisible() and w.isMaximized()
    assert _filter(w) == "active" and w.selected_keys() == ["acme-clerk"]


def test_a_tray_click_on_a_window_hidden_behind_another_brings_it_forward_not_away(
        qtbot, desks, seed, doc, clock_at):
    from PySide6.QtWidgets import QWidget

    seed(_three_applications(doc))
    d = desks(clock_at(datetime(2026, 3, 3, 14, 30)))
    w = d.window
    qtbot.waitUntil(lambda: w.isVisible() and d.workspace.is_loaded)
    other = QWidget()
    qtbot.addWidget(other)
    other.show()
    other.activateWindow()
    qtbot.waitUntil(lambda: other.isActiveWindow())
    qtbot.wait(int(CLICK_TAKES_FOCUS_S * 1000) + 100)  # the user has been working elsewhere since
    _click_tray(d)
    assert w.isVisible()  # one click: forward, not hidden (a second click would be needed)
    qtbot.waitUntil(lambda: w.isActiveWindow())
    _click_tray(d)  # now in front and active: the click puts it away to the tray
    assert not w.isVisible()


def _shown(text: str) -> str:
    """What a tooltip shows for `text`: Qt draws one that looks like markup as markup."""
    from PySide6.QtGui import QTextDocument
    from PySide6.QtGui import Qt as GuiQt

    if not GuiQt.mightBeRichText(text):
        return text
    doc = QTextDocument()
    doc.setHtml(text)
    return doc.toPlainText().replace("\u2029", "\n").replace("\u2028", "\n")


def test_names_that_look_like_markup_show_literally_in_the_tray_menu_and_tooltips(
        qtbot, desks, seed, doc, clock_at):
    odd = "<b>Bold</b><img src=x> & Sons"
    document = doc([INTERVIEW])
    document["employers"][0]["name"] = odd
    document["contacts"][0]["name"] = "Susan <i>Smith</i>"
    seed(document)
    d = desks(clock_at(datetime(2026, 3, 3, 15, 0)))
    d.desk.refresh()
    wanted = f"Thank-you note to Susan <i>Smith</i> ({odd})"
    items = [a for a in d.desk.menu.actions() if "Susan" in a.text()]
    assert [a.iconText() for a in items] == [wanted]  # no "&" taken as a shortcut marker
    (action,) = [a for a in d.workspace.actions() if a.name == "thank_you"]
    assert "Susan <i>Smith</i>" in action.reason and _shown(items[0].toolTip()) == action.reason
    assert _shown(d.desk.tray.toolTip()) == f"1 follow-up due — {wanted}"
    snooze = next(a.menu() for a in d.desk.menu.actions() if a.menu() and a.menu().objectName() == "traySnooze")
    assert [a.menu().title().replace("&&", "&") for a in snooze.actions()] == [wanted]


def test_a_tray_balloon_read_as_markup_gets_the_names_escaped_and_qts_own_balloon_gets_them_as_they_are(qtbot):
    shown = []

    class Tray(QSystemTrayIcon):
        def showMessage(self, title, body, *rest):
            shown.append((title, body))

    tray = Tray()
    TrayNotifier(tray, show_ms=50, markup=True).notify((K_ACTION, "a"), "To <b>Bold</b>", "Thank <b>Bold</b> & co")
    TrayNotifier(tray, show_ms=50).notify((K_ACTION, "b"), "To <b>Bold</b>", "Thank <b>Bold</b> & co")
    assert shown == [("To <b>Bold</b>", "Thank &lt;b&gt;Bold&lt;/b&gt; &amp; co"),
                     ("To <b>Bold</b>", "Thank <b>Bold</b> & co")]  # Qt's own balloon is plain text


# -- every kind of step, acted on from the tray menu, opens the window for it ---------------------

_IV = dict(duration_minutes=60, contacts=["susan"])
#: for each kind of step: a timeline that has it due, and a moment when it is
KIND_STORIES = {
    "introduce": ([dict(kind="lead", at="2026-03-02T09:00:00")], "lead", datetime(2026, 3, 2, 10, 0)),
    "status_check": ([dict(kind="applied", at="2026-03-02T09:00:00", channel="portal")], "applied",
                     datetime(2026, 3, 9, 10, 0)),
    "debrief": ([dict(kind="interview", at="2026-03-03T14:00:00", **_IV)], "interviewing",
                datetime(2026, 3, 3, 15, 30)),
    "thank_you": ([dict(kind="interview", at="2026-03-03T14:00:00", decision_expected="2026-03-06", **_IV)],
                  "interviewing", datetime(2026, 3, 3, 15, 30)),
    "late_thank_you": ([dict(kind="interview", at="2026-03-03T14:00:00", decision_expected="2026-03-06", **_IV)],
                       "interviewing", datetime(2026, 3, 4, 16, 0)),
    "post_interview_follow_up": (
        [dict(kind="interview", at="2026-03-03T14:00:00", decision_expected="2026-03-06", **_IV),
         dict(kind="thank_you", at="2026-03-03T17:00:00", channel="email", contacts=["susan"])],
        "interviewing", datetime(2026, 3, 10, 10, 0)),
    "reply_thanks": ([dict(kind="applied", at="2026-03-02T09:00:00", channel="portal"),
                      dict(kind="reply", at="2026-03-05T10:00:00", outcome="no_decision", channel="email",
                          contacts=["susan"])], "applied", datetime(2026, 3, 5, 11, 0)),
    "nudge": ([dict(kind="applied", at="2026-03-02T09:00:00", channel="portal"),
               dict(kind="status_check", at="2026-03-09T10:00:00", channel="phone", contacts=["susan"])],
              "applied", datetime(2026, 3, 17, 10, 0)),
    "close_out": ([dict(kind="applied", at="2026-03-02T09:00:00", channel="portal"),
                   dict(kind="status_check", at="2026-03-09T10:00:00", channel="phone", contacts=["susan"]),
                   dict(kind="follow_up", at="2026-03-16T10:00:00", channel="email", contacts=["susan"])],
                  "applied", datetime(2026, 4, 1, 10, 0)),
    "withdrawal_note": ([dict(kind="applied", at="2026-03-02T09:00:00", channel="portal"),
                         dict(kind="closed", at="2026-03-05T10:00:00", reason="withdrawn")], "closed",
                        datetime(2026, 3, 5, 11, 0)),
    "feedback_request": ([dict(kind="applied", at="2026-03-02T09:00:00", channel="portal"),
                          dict(kind="reply", at="2026-03-05T10:00:00", outcome="rejected", channel="email",
                              contacts=["susan"])], "closed", datetime(2026, 3, 5, 11, 0)),
    "check_in": ([dict(kind="applied", at="2026-03-02T09:00:00", channel="portal"),
                  dict(kind="reply", at="2026-03-05T10:00:00", outcome="rejected", encouraged=True, channel="email",
                      contacts=["susan"]),
                  dict(kind="feedback_request", at="2026-03-05T12:00:00", channel="email", contacts=["susan"])],
                 "closed", datetime(2026, 4, 6, 10, 0)),
}


def test_the_stories_cover_every_kind_of_step():
    from followup_desktop.vocab import ActionName

    assert set(KIND_STORIES) == {str(n) for n in ActionName}


@pytest.mark.parametrize("kind", sorted(KIND_STORIES))
def test_every_kind_of_step_acted_on_from_the_tray_menu_opens_its_window(
        qtbot, desks, kind, seed, doc, clock_at):
    from PySide6.QtCore import QTimer
    from followup_desktop.tray.texts import describe
    from followup_desktop.ui.dialogs.log_event import LogEventDialog

    events, stage, now = KIND_STORIES[kind]
    seed(doc(events, applications=[
        {"key": "acme-om", "employer": "acme", "position": "Office Manager", "stage": stage,
         **({"outcome": "rejected" if kind != "withdrawal_note" else "withdrawn"} if stage == "closed" else {})}]))
    d = desks(clock_at(now))
    d.window.close()  # the app is in the tray, the window hidden
    d.desk.refresh()
    (action,) = [a for a in d.workspace.due_now() if a.name == kind]
    label = describe(action, d.workspace.applications())
    (item,) = [a for a in d.desk.menu.actions() if a.iconText() == label]

    modal = []

    def answer_the_form():  # the debrief's form is modal: look at it, then put it away
        widget = QApplication.activeModalWidget()
        modal.append(widget)
        if widget is not None:
            widget.reject()

    if kind == "debrief":
        QTimer.singleShot(200, answer_the_form)
    item.trigger()

    if kind == "close_out":
        dialog = open_close_out_dialog()
        assert isinstance(dialog, CloseOutDialog) and dialog.isVisible()
        assert dialog.action.id == action.id
        dialog.close()
    elif kind == "debrief":
        # A note to self, not a message: the interview's own form, to write down what was said.
        qtbot.waitUntil(lambda: bool(modal))
        assert isinstance(modal[0], LogEventDialog)
        assert composers() == []
        assert d.window.isVisible()
    else:
        [compose] = composers()
        assert compose.action.id == action.id
        assert compose.windowTitle().startswith(label.split(" to ")[0].split(" (")[0])
