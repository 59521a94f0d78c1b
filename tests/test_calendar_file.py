"""The setting "Keep a calendar file up to date": `calendar.ics` in the data dir follows every
change made in the window or by the command line, for a calendar program subscribed to it."""

from __future__ import annotations

from datetime import datetime

import pytest
from icalendar import Calendar

from followup_desktop import cli
from followup_desktop.paths import DataPaths
from followup_desktop.settings import DESKTOP, SPECS

NOW = datetime(2026, 3, 9, 9, 0)


@pytest.fixture
def now():
    return NOW


def summaries(path) -> set[str]:
    return {str(ev["SUMMARY"]) for ev in Calendar.from_ical(path.read_bytes()).walk("VEVENT")}


@pytest.fixture
def leads(dataset):
    return dataset([{"kind": "applied", "at": "2026-03-02T09:00:00", "channel": "portal"}],
                   settings={"calendar_file": True})


@pytest.fixture
def window(qtbot, workspace):
    from followup_desktop.ui.main_window import MainWindow

    w = MainWindow(workspace)
    qtbot.addWidget(w)
    return w


def test_the_setting_is_on_the_desktop_page_of_the_settings_and_off_at_first(qtbot):
    from followup_desktop.settings import Settings
    from followup_desktop.ui.dialogs import SettingsDialog

    spec = SPECS["calendar_file"]
    assert (spec.label, spec.group, spec.default) == ("Keep a calendar file up to date", DESKTOP, False)
    dialog = SettingsDialog(Settings())
    qtbot.addWidget(dialog)
    entry = dialog.entries["calendar_file"]
    assert dialog.tabs.tabText(entry.page) == "Desktop"
    assert entry.editor.text() == "Keep a calendar file up to date" and not entry.editor.isChecked()


def test_a_change_in_the_window_writes_the_calendar_file_again(qtbot, window, workspace):
    calendar = workspace.paths.calendar_file
    assert calendar == DataPaths(workspace.paths.root).root / "calendar.ics"
    with qtbot.waitSignal(window.calendar_file.written, timeout=10_000):
        workspace.log_event("acme-om", {"kind": "interview", "at": datetime(2026, 3, 11, 10, 0),
                                        "duration_minutes": 45, "contacts": ["susan"], "channel": "in_person"})
    assert "Interview — Susan Smith (Acme Corp)" in summaries(calendar)
    assert calendar.stat().st_mode & 0o777 == 0o600
    # the interview taken back: the calendar follows again
    with qtbot.waitSignal(window.calendar_file.written, timeout=10_000):
        workspace.undo_stack.undo()
    assert "Interview — Susan Smith (Acme Corp)" not in summaries(calendar)
    assert "Status check — Susan Smith (Acme Corp)" in summaries(calendar)


def test_turning_the_setting_on_writes_the_file_at_once_and_off_leaves_it_be(qtbot, window, workspace):
    calendar = workspace.paths.calendar_file
    with qtbot.waitSignal(workspace.operations.drained, timeout=10_000):
        workspace.save_settings({"calendar_file": False})
    calendar.unlink(missing_ok=True)
    with qtbot.waitSignal(workspace.operations.drained, timeout=10_000):
        workspace.log_event("acme-om", {"kind": "note", "at": NOW, "notes": "Called reception"})
    assert not calendar.exists()  # off: nothing written
    with qtbot.waitSignal(window.calendar_file.written, timeout=10_000):
        workspace.save_settings({"calendar_file": True})
    assert "Status check — Susan Smith (Acme Corp)" in summaries(calendar)


def test_an_import_on_the_command_line_writes_the_calendar_file(data_dir, write_json, dataset, capsys):
    on = dataset([{"kind": "applied", "at": "2026-03-02T09:00:00", "channel": "portal"}],
                 settings={"calendar_file": True})
    assert cli.main(["--data-dir", str(data_dir), "import", str(write_json(on))]) == 0
    calendar = DataPaths(data_dir).calendar_file
    assert calendar.exists() and calendar.stat().st_mode & 0o777 == 0o600
    Calendar.from_ical(calendar.read_bytes())  # a calendar a program reads


def test_without_the_setting_the_command_line_writes_no_calendar_file(data_dir, contract_example, capsys):
    assert cli.main(["--data-dir", str(data_dir), "import", str(contract_example)]) == 0
    assert not DataPaths(data_dir).calendar_file.exists()


def _interview(day: int) -> dict:
    return {"kind": "interview", "at": datetime(2026, 3, day, 10, 0), "duration_minutes": 45,
            "contacts": ["susan"], "channel": "in_person"}


def _interview_days(path) -> set[int]:
    return {ev.decoded("DTSTART").day for ev in Calendar.from_ical(path.read_bytes()).walk("VEVENT")
            if str(ev["SUMMARY"]).startswith("Interview")}


def test_a_burst_of_changes_writes_the_calendar_file_once_with_the_last_of_them(qtbot, window, workspace):
    from followup_desktop.ui.calendar_file import SETTLE_MS

    calendar = window.calendar_file
    writes = []
    calendar.written.connect(writes.append)
    with qtbot.waitSignal(calendar.written, timeout=10_000):
        for day in (11, 12, 13, 16):
            workspace.log_event("acme-om", _interview(day))
    qtbot.wait(2 * SETTLE_MS)  # no second write comes after
    assert len(writes) == 1
    assert _interview_days(workspace.paths.calendar_file) == {11, 12, 13, 16}


def test_a_change_is_saved_while_the_calendar_file_is_being_written(qtbot, window, workspace, monkeypatch):
    # Writing the file reads the whole search (a second at 5,000 applications): the change
    # made meanwhile does not wait for it, and the file is written again after it with that
    # change in.
    import threading

    from followup_desktop.ui import calendar_file

    started, release = threading.Event(), threading.Event()
    real = calendar_file._write

    def slow(paths, at):
        started.set()
        assert release.wait(30)
        return real(paths, at)

    monkeypatch.setattr(calendar_file, "_write", slow)
    keeper = window.calendar_file
    writes = []
    keeper.written.connect(writes.append)
    workspace.log_event("acme-om", _interview(11))
    qtbot.waitUntil(started.is_set, timeout=10_000)
    with qtbot.waitSignal(workspace.operations.drained, timeout=5_000):
        workspace.log_event("acme-om", _interview(12))
    assert keeper.pending and not release.is_set()  # saved while the file was still being written
    release.set()
    qtbot.waitUntil(lambda: len(writes) == 2, timeout=10_000)  # and the file written again after
    assert _interview_days(workspace.paths.calendar_file) == {11, 12}
    assert not keeper.pending


def test_quitting_right_after_a_change_still_writes_it_to_the_calendar_file(qtbot, window, workspace):
    keeper = window.calendar_file
    with qtbot.waitSignal(keeper.written, timeout=10_000):
        keeper.rewrite()
    with qtbot.waitSignal(workspace.operations.drained, timeout=5_000):
        workspace.log_event("acme-om", _interview(12))
    assert keeper.pending and 12 not in _interview_days(workspace.paths.calendar_file)
    workspace.close()
    window.finish_calendar_file()  # what the app does once its event loop has ended
    assert _interview_days(workspace.paths.calendar_file) == {12}
    assert not keeper.pending
