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
