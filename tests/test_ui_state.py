"""Every file the app keeps in the data dir is named in one place (`DataPaths`), and the windows'
state (window-state.ini, list-cache.json) is kept by `ui/state.py`: after a session, each file
found in the data dir is one `DataPaths` names, and what the window left comes back."""

from __future__ import annotations

import os
import stat
from datetime import datetime

import pytest
from PySide6.QtCore import QSettings

from followup_desktop.paths import DataPaths
from followup_desktop.store import backups
from followup_desktop.ui import state
from followup_desktop.ui.main_window import MainWindow

NOW = datetime(2026, 3, 10, 15, 30)


@pytest.fixture
def now():
    return NOW


def test_after_a_session_every_file_in_the_data_dir_is_one_the_paths_name(
        qtbot, data_dir, contract_example, clock):
    from followup_desktop import cli
    from followup_desktop.app import setup_logging
    from followup_desktop.desktop.single_instance import SingleInstance
    from followup_desktop.ui.app import build

    assert cli.main(["--data-dir", str(data_dir), "import", str(contract_example)]) == 0
    paths = DataPaths(data_dir)
    log_file = setup_logging(paths)
    one = SingleInstance(paths)
    assert one.acquire()
    paths.running_marker().touch()
    workspace, window = build(paths, clock=clock)
    qtbot.addWidget(window)
    workspace.load()
    window.save_state()
    taken = backups.take_backup(paths, now=datetime(2026, 3, 9, 12, 0))
    try:
        named = {paths.database, paths.log_file, paths.window_state, paths.list_cache, paths.instance_lock,
                 paths.running_marker(), paths.backups, paths.logs}
        assert str(paths.log_file) == str(log_file)
        assert taken.path == paths.backup_file("20260309-120000")
        sidecars = {paths.database.with_name(paths.database.name + s) for s in ("-wal", "-shm")}
        found = set(data_dir.iterdir())
        assert found - named - sidecars == set(), "files the paths do not name"
        for p in (paths.log_file, paths.window_state, paths.list_cache, paths.instance_lock):
            assert p.exists(), p
    finally:
        workspace.close()
        one.release()
        paths.running_marker().unlink()


def test_columns_sized_by_hand_come_back_from_the_state_file_as_they_were_left(qtbot, workspace):
    ws = workspace
    first = MainWindow(ws)
    qtbot.addWidget(first)
    first.show()
    first.resize(760, 560)
    header = first.table.horizontalHeader()
    header.resizeSection(0, 222)
    # as quitting writes it, after the user dragged a column (their widths win from then on)
    state.save_main_window(ws.paths, first, first.splitter, header, user_columns=True)
    assert stat.S_IMODE(os.stat(ws.paths.window_state).st_mode) == 0o600
    assert QSettings(str(ws.paths.window_state), QSettings.IniFormat).value(state.USER_COLUMNS, type=bool)

    second = MainWindow(ws)  # restores in its constructor
    qtbot.addWidget(second)
    second.show()
    assert (second.width(), second.height()) == (760, 560)
    assert second.table.horizontalHeader().sectionSize(0) == 222


def test_a_hint_remembered_is_in_the_state_file_at_once_and_private(data_dir):
    paths = DataPaths(data_dir).ensure()
    state.remember(paths, "hints/seen")
    assert QSettings(str(data_dir / "window-state.ini"), QSettings.IniFormat).value("hints/seen", False, type=bool)
    assert stat.S_IMODE(os.stat(paths.window_state).st_mode) == 0o600


def test_the_list_kept_at_exit_is_the_one_the_paths_name(data_dir, workspace, window):
    assert not workspace.paths.list_cache.exists()
    window.save_state()
    assert workspace.paths.list_cache == data_dir / "list-cache.json" and workspace.paths.list_cache.exists()
