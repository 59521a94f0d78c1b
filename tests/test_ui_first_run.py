"""The first start asks for the name, email and phone the messages are signed with, once, and can
be skipped; what is typed is saved through the workspace's settings."""

from __future__ import annotations

from datetime import datetime

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QPushButton

from followup_desktop.exchange.jsonfile import import_json
from followup_desktop.paths import DataPaths
from followup_desktop.ui.compose import ComposeWindow
from followup_desktop.ui.main_window import MainWindow
from followup_desktop.ui.workspace import Workspace

NOW = datetime(2026, 3, 9, 10, 0)


@pytest.fixture
def now():
    return NOW


@pytest.fixture
def open_window(qtbot, data_dir, clock):
    """`open_window()` -> (window, workspace): a start of the app; called again, the next start."""
    made = []

    def make():
        ws = Workspace(DataPaths(data_dir), clock=clock)
        ws.load()
        w = MainWindow(ws)
        qtbot.addWidget(w)
        w.show()
        qtbot.waitExposed(w)
        made.append(ws)
        return w, ws
    yield make
    for ws in made:
        ws.close()


def test_the_first_start_asks_for_the_profile_and_messages_are_signed_with_it(
        qtbot, open_window, data_dir, dataset, write_json):
    window, ws = open_window()
    assert window.offer_first_run()
    dialog = window.first_run
    assert dialog.isVisible() and dialog.windowTitle() == "Welcome to Follow-up Desktop"
    qtbot.keyClicks(dialog.edits["profile_name"], "Jordan Lee")
    qtbot.keyClicks(dialog.edits["profile_email"], "jordan@example.com")
    qtbot.keyClicks(dialog.edits["profile_phone"], "555 0100")
    with qtbot.waitSignal(ws.loaded):  # the settings are saved, every clock computed again
        qtbot.mouseClick(dialog.ok_button, Qt.LeftButton)
    assert {k: ws.settings().raw.get(k) for k in ("profile_name", "profile_email", "profile_phone")} == {
        "profile_name": "Jordan Lee", "profile_email": "jordan@example.com", "profile_phone": "555 0100"}

    # the first lead's introduction is signed, not "[your full name?]"
    hanna = {"key": "hanna", "employer": "acme", "name": "Hanna Berg", "role": "hr"}
    lead = dataset([{"kind": "lead", "at": "2026-03-09T09:00:00"}], contacts=[hanna], stage="lead")
    import_json(ws.store, write_json(lead, "lead.json"))
    ws.load()
    compose = ComposeWindow(ws, action=ws.next_action("acme-om"))
    qtbot.addWidget(compose)
    body = compose.body_edit.toPlainText()
    assert "Jordan Lee" in body and "[your full name?]" not in body


def test_skipping_the_profile_is_remembered_and_it_is_not_asked_again(qtbot, open_window):
    window, ws = open_window()
    assert window.offer_first_run()
    skip = window.first_run.findChild(QPushButton, "skip")
    assert skip.text().replace("&", "") == "Skip for now"
    qtbot.mouseClick(skip, Qt.LeftButton)
    assert not window.first_run.isVisible()
    assert not ws.settings().raw.get("profile_name")
    window.close()
    again, _ = open_window()  # the next start
    assert not again.offer_first_run()


def test_a_profile_already_filled_in_means_no_question(qtbot, open_window, data_dir):
    window, ws = open_window()
    with qtbot.waitSignal(ws.operations.drained):  # saved on the write worker
        ws.save_settings({"profile_name": "Jordan Lee"})
    ws.load()
    assert not window.offer_first_run()


def test_a_too_long_name_is_named_and_nothing_is_saved(qtbot, open_window):
    window, ws = open_window()
    window.offer_first_run()
    dialog = window.first_run
    dialog.edits["profile_name"].setText("J" * 201)
    qtbot.mouseClick(dialog.ok_button, Qt.LeftButton)
    assert dialog.isVisible()
    message = dialog.findChild(QLabel, "profile_name_message")
    assert message.isVisible() and "Your full name" in message.text() and "200" in message.text()
    assert not ws.settings().raw.get("profile_name")
    dialog.reject()
