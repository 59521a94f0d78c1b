"""The Inbox in the window: a saved message or an invitation dropped on the main window (or
chosen in File → Import…), the review list's confirm / dismiss / undo, the count beside the
filters and on the tray, and "Acme Corp replied" opening its message."""

from __future__ import annotations

import importlib.util
from datetime import datetime
from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QApplication, QMessageBox

from followup_desktop.mail import intake

MAIL = Path(__file__).resolve().parent / "fixtures" / "mail"
spec = importlib.util.spec_from_file_location("make_mail", MAIL / "make_mail.py")
make_mail = importlib.util.module_from_spec(spec)
spec.loader.exec_module(make_mail)


@pytest.fixture(autouse=True)
def utc(local_zone):
    local_zone("UTC")


@pytest.fixture
def now():
    return datetime(2026, 3, 18, 11, 0)  # an hour after Susan's reply


@pytest.fixture
def leads():
    return make_mail.dataset()


def drop(qtbot, window, *paths: Path) -> None:
    """Drag files over the main window and drop them, as a file manager does."""
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(p)) for p in paths])
    enter = QDragEnterEvent(QPoint(200, 200), Qt.CopyAction, mime, Qt.LeftButton, Qt.NoModifier)
    QApplication.sendEvent(window, enter)
    assert enter.isAccepted(), "the window refused the drag"
    dropped = QDropEvent(QPointF(200, 200), Qt.CopyAction, mime, Qt.LeftButton, Qt.NoModifier)
    QApplication.sendEvent(window, dropped)
    assert dropped.isAccepted()


def settle(qtbot, workspace) -> None:
    qtbot.waitUntil(workspace.operations.is_idle, timeout=10_000)
    qtbot.wait(10)


def brought(qtbot, window, *paths):
    """Drop the files and wait until each has been brought in; the lines said."""
    lines = []
    window.inbox.brought_in.connect(lines.append)
    drop(qtbot, window, *paths)
    qtbot.waitUntil(lambda: len(lines) == len(paths), timeout=10_000)
    settle(qtbot, window.workspace)
    window.inbox.brought_in.disconnect(lines.append)
    return lines


def actions_of(workspace, app_key):
    return [(a.name, a.contact) for a in workspace.actions() if a.application == app_key]


def replies(workspace, employer_key):
    return [e for e in workspace.timeline(employer_key) if e["kind"] == "reply"]


# -- each fixture, dropped ---------------------------------------------------------------------------

@pytest.mark.parametrize("name, sender", [
    ("plain.eml", "Susan Smith"), ("html_only.eml", "Priya Raman"), ("attachment.eml", "Tom Baker"),
    ("quoted_printable.eml", "Susan Smith"), ("non_ascii.eml", "José Müller"),
    ("hostile_forged_from.eml", "Susan Smith"), ("hostile_header_injection.eml", "Susan Smith"),
    ("hostile_broken_mime.eml", "Susan Smith"),
])
def test_a_message_dropped_on_the_window_waits_in_the_inbox(qtbot, window, name, sender):
    [line] = brought(qtbot, window, MAIL / name)
    assert line.startswith(f"waiting for review: message from {sender}")
    inbox = window.inbox
    assert inbox.showing and window.list_stack.currentWidget() is inbox.view
    assert inbox.count == 1 and inbox.button.text() == "Inbox (1)"
    assert inbox.current_item()["sender_name"] == sender
    assert sender in inbox.view.title.text()
    assert replies(window.workspace, inbox.current_item()["application"].split("-")[0]) == []


@pytest.mark.parametrize("name, kind", [("outbound_thank_you.eml", "thank_you"),
                                         ("outbound_follow_up.eml", "follow_up")])
def test_a_sent_message_dropped_is_applied_at_once_and_listed_with_undo(qtbot, window, name, kind):
    [line] = brought(qtbot, window, MAIL / name)
    item = window.inbox.current_item()
    assert item["state"] == intake.APPLIED and window.inbox.count == 0
    assert window.inbox.view.undo.isVisible() and not window.inbox.view.confirm.isVisible()
    employer = "acme" if "thank" in name else "globex"
    assert [e["kind"] for e in window.workspace.timeline(employer)].count(kind) == 1
    assert line.startswith("marked done" if kind == "thank_you" else "logged follow-up")


@pytest.mark.parametrize("name, employer, at", [
    ("google_calendar.ics", "acme", "2026-03-24T14:00"), ("outlook_exchange.ics", "acme", "2026-03-26T13:00"),
    ("thunderbird_lightning.ics", "globex", "2026-03-20T08:30")])
def test_an_invitation_dropped_is_a_planned_interview(qtbot, window, name, employer, at, monkeypatch):
    [line] = brought(qtbot, window, MAIL / name)
    assert line.startswith("logged interview with") and at in line
    interviews = [e for e in window.workspace.timeline(employer) if e["kind"] == "interview"]
    assert any(e["at"].isoformat().startswith(at) for e in interviews)
    box = getattr(window.inbox, "offer_box", None)
    if box is not None:
        box.close()


def test_an_invitations_new_person_is_offered_and_added_as_a_contact(qtbot, window):
    brought(qtbot, window, MAIL / "outlook_exchange.ics")
    box = window.inbox.offer_box
    qtbot.waitUntil(box.isVisible)
    assert "Dana Whitfield" in box.text()
    box.button(QMessageBox.Yes).click()
    settle(qtbot, window.workspace)
    people = {c["name"]: c for c in window.workspace.contacts("acme")}
    assert people["Dana Whitfield"]["email"] == "dana.whitfield@acme.example"
    assert people["Dana Whitfield"]["role"] == "interviewer"
    [panel] = [e for e in window.workspace.timeline("acme") if e["kind"] == "interview" and e["duration_minutes"] == 90]
    # she was on the panel: a thank-you for her too, once it has happened
    assert people["Dana Whitfield"]["key"] in panel["contacts"]
    window.act_undo.trigger()
    settle(qtbot, window.workspace)
    assert "Dana Whitfield" not in {c["name"] for c in window.workspace.contacts("acme")}


def test_file_import_takes_a_message_too(qtbot, window):
    lines = []
    window.inbox.brought_in.connect(lines.append)
    window._import_export().start_import(MAIL / "plain.eml")
    qtbot.waitUntil(lambda: bool(lines), timeout=10_000)
    settle(qtbot, window.workspace)
    assert window.inbox.count == 1


def test_a_file_that_is_no_message_is_not_taken_by_the_drop(qtbot, window, tmp_path):
    other = tmp_path / "notes.txt"
    other.write_text("hello")
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(other))])
    enter = QDragEnterEvent(QPoint(10, 10), Qt.CopyAction, mime, Qt.LeftButton, Qt.NoModifier)
    enter.ignore()
    QApplication.sendEvent(window, enter)
    assert not enter.isAccepted()


# -- the review list ---------------------------------------------------------------------------------

def test_confirming_no_decision_with_enter_opens_the_reply_thanks_step(qtbot, window):
    brought(qtbot, window, MAIL / "plain.eml")
    view = window.inbox.view
    assert view.outcome.currentData() == "no_decision"
    assert view.has_date.isChecked() and view.next_date.date().toString("yyyy-MM-dd") == "2026-03-25"
    assert "Suggested: no decision yet" in view.suggestion.text()
    view.list.setFocus()
    qtbot.keyClick(view.list, Qt.Key_Return)
    settle(qtbot, window.workspace)
    [reply] = replies(window.workspace, "acme")
    assert (reply["outcome"], str(reply["next_date"])) == ("no_decision", "2026-03-25")
    assert ("reply_thanks", "susan") in actions_of(window.workspace, "acme-om")
    assert window.inbox.count == 0 and window.inbox.button.text() == "Inbox"
    # guard 3: the reply ended what was open before it (the thank-you for the interview)
    assert ("thank_you", "susan") not in actions_of(window.workspace, "acme-om")
    qtbot.keyClick(window, Qt.Key_Z, Qt.ControlModifier)  # undone: the message waits again
    settle(qtbot, window.workspace)
    assert replies(window.workspace, "acme") == [] and window.inbox.count == 1


def test_confirming_rejected_closes_the_application(qtbot, window):
    brought(qtbot, window, MAIL / "html_only.eml")
    view = window.inbox.view
    assert view.outcome.currentData() == "rejected" and view.encouraged.isChecked()
    qtbot.mouseClick(view.confirm, Qt.LeftButton)
    settle(qtbot, window.workspace)
    app = window.workspace.application("acme-om")
    assert (app.stage, app.outcome) == ("closed", "rejected")
    assert [r["encouraged"] for r in replies(window.workspace, "acme")] == [True]


def test_choosing_another_outcome_logs_that_one(qtbot, window):
    brought(qtbot, window, MAIL / "attachment.eml")
    view = window.inbox.view
    assert view.outcome.currentData() == "interview_invite"
    view.outcome.setCurrentIndex(view.outcome.findData("other"))
    qtbot.mouseClick(view.confirm, Qt.LeftButton)
    settle(qtbot, window.workspace)
    assert [r["outcome"] for r in replies(window.workspace, "acme")] == ["other"]


def test_dismissing_takes_the_message_off_the_list_and_logs_nothing(qtbot, window):
    brought(qtbot, window, MAIL / "plain.eml")
    qtbot.mouseClick(window.inbox.view.dismiss, Qt.LeftButton)
    settle(qtbot, window.workspace)
    assert window.inbox.items == [] and window.inbox.count == 0
    assert window.inbox.view.stack.currentWidget() is window.inbox.view.empty
    assert replies(window.workspace, "acme") == []
    [line] = brought(qtbot, window, MAIL / "plain.eml")  # dismissed is not forgotten
    assert line == "already logged"


def test_delete_in_the_inbox_dismisses_the_message_and_archives_nothing(qtbot, window):
    window.select_application("acme-om")
    brought(qtbot, window, MAIL / "plain.eml")
    window.inbox.view.list.setFocus()
    qtbot.keyClick(window.inbox.view.list, Qt.Key_Delete)
    settle(qtbot, window.workspace)
    assert window.inbox.items == []
    assert window.workspace.application("acme-om") is not None  # not archived


def test_a_50_mb_message_dropped_is_bounded(qtbot, window, tmp_path):
    import time

    big = tmp_path / "big.eml"
    big.write_bytes(make_mail.hostile("attachment_50mb"))
    started = time.perf_counter()
    [line] = brought(qtbot, window, big)
    assert time.perf_counter() - started < 10  # a guard against a hang; the budget is the benchmark's
    assert line.startswith("waiting for review: message from Susan Smith")
    assert "only the first 2 MB read" in window.inbox.current_item()["warning"]


def test_the_same_message_dropped_twice_changes_nothing(qtbot, window):
    first, second = brought(qtbot, window, MAIL / "plain.eml", MAIL / "plain.eml")
    assert first.startswith("waiting for review") and second == "already logged"
    assert window.inbox.count == 1 and len(window.inbox.items) == 1


def test_a_forged_message_says_so_beside_it(qtbot, window):
    brought(qtbot, window, MAIL / "hostile_forged_from.eml")
    warning = window.inbox.view.warning
    assert warning.isVisible() and "acme.example did not vouch for it" in warning.text()


def test_the_sent_thank_you_marks_the_step_done_and_undo_brings_it_back(qtbot, window, clock):
    clock.now = datetime(2026, 3, 10, 18, 0)  # half an hour after it was sent
    window.workspace.tick()  # read again at that moment, on a worker
    qtbot.waitUntil(lambda: ("thank_you", "susan") in actions_of(window.workspace, "acme-om"), timeout=10_000)
    brought(qtbot, window, MAIL / "outbound_thank_you.eml")
    assert ("thank_you", "susan") not in actions_of(window.workspace, "acme-om")
    qtbot.mouseClick(window.inbox.view.undo, Qt.LeftButton)
    settle(qtbot, window.workspace)
    assert ("thank_you", "susan") in actions_of(window.workspace, "acme-om")
    assert window.inbox.items == []
    qtbot.keyClick(window, Qt.Key_Z, Qt.ControlModifier)  # the undo undone: done again
    settle(qtbot, window.workspace)
    assert ("thank_you", "susan") not in actions_of(window.workspace, "acme-om")


def test_a_filter_leaves_the_inbox_and_the_button_comes_back_to_it(qtbot, window):
    brought(qtbot, window, MAIL / "plain.eml")
    window.filter_group.actions()[0].trigger()
    assert not window.inbox.showing and window.list_stack.currentWidget() is window.table
    qtbot.mouseClick(window.inbox.button, Qt.LeftButton)
    assert window.inbox.showing and window.list_stack.currentWidget() is window.inbox.view


# -- the tray ----------------------------------------------------------------------------------------

def test_the_tray_counts_the_inbox_and_tells_a_reply_that_came_by_itself(qtbot, window, clock):
    from followup_desktop.app import connect_tray_to_window
    from followup_desktop.paths import DataPaths
    from followup_desktop.tray.controller import K_MAIL, DesktopIntegration
    from followup_desktop.tray.notifier import NullNotifier

    notifier = NullNotifier()
    desk = DesktopIntegration(QApplication.instance(), window, window.workspace, window.paths,
                              tray_available=True, notifier=notifier)
    connect_tray_to_window(desk, window, window.workspace)
    try:
        # a message brought in by something else (a mailbox check) while the window is open
        with window.workspace.store.atomic():
            intake.bring_in(window.workspace.store, (MAIL / "plain.eml").read_bytes(), folder="INBOX")
        window.workspace.refresh(["acme-om"])
        qtbot.waitUntil(lambda: desk.inbox_count == 1)
        assert "1 message waiting in the Inbox" in desk.tray.toolTip()
        [(key, title, body)] = notifier.sent
        assert key[0] == K_MAIL and title == "Acme Corp replied"
        window.filter_group.actions()[0].trigger()
        notifier.clicked.emit(key)
        assert window.inbox.showing and window.inbox.current_item()["id"] == key[1]
        # quiet hours: the next one is told when they end
        clock.now = datetime(2026, 3, 18, 22, 30)
        with window.workspace.store.atomic():
            intake.bring_in(window.workspace.store, (MAIL / "html_only.eml").read_bytes(), folder="INBOX")
        window.workspace.refresh(["acme-om"])
        qtbot.waitUntil(lambda: desk.inbox_count == 2)
        assert len(notifier.sent) == 1
        clock.now = datetime(2026, 3, 19, 8, 0)
        desk._tell_held_replies()
        assert [t for _k, t, _b in notifier.sent] == ["Acme Corp replied"] * 2
    finally:
        desk.scheduler.stop()
        window.removeEventFilter(desk)
        desk.tray.hide()
        desk.deleteLater()
