"""Everything the app leaves in a data dir is private (issue 13, item 5): after a session that
imports, reads, writes through the windows, logs, backs up, restores and keeps its own wording,
a walk of the data dir finds only 0700 folders and 0600 files."""

from __future__ import annotations

import os
import stat
from datetime import datetime

from followup_desktop import cli
from followup_desktop.paths import DataPaths, ensure_private_dir
from followup_desktop.store import backups


def test_after_a_whole_session_every_file_and_folder_in_the_data_dir_is_private(
        qtbot, data_dir, contract_example, tmp_path, capsys, clock_at):
    old = os.umask(0o022)  # a usual umask: whatever the app leaves readable would show
    try:
        assert cli.main(["--data-dir", str(data_dir), "import", str(contract_example)]) == 0
        assert cli.main(["--data-dir", str(data_dir), "due", "--at", "2026-03-10T15:30"]) == 0
        assert cli.main(["--data-dir", str(data_dir), "export", str(data_dir / "export.json")]) == 0
        paths = DataPaths(data_dir)

        from followup_desktop.app import setup_logging
        from followup_desktop.ui.app import build

        setup_logging(paths)
        workspace, window = build(paths, clock=clock_at(datetime(2026, 3, 10, 15, 30)))
        qtbot.addWidget(window)
        workspace.load()
        workspace.store.save_settings({"profile_name": "Jordan Lee"})
        window.save_state()
        ensure_private_dir(paths.templates)
        first = backups.take_backup(paths, now=datetime(2026, 3, 9, 12, 0))
        backups.take_backup(paths, now=datetime(2026, 3, 10, 12, 0))
        workspace.release()
        backups.restore(paths, first)
        workspace.close()
        capsys.readouterr()
    finally:
        os.umask(old)

    seen = []
    for root, dirs, files in os.walk(data_dir):
        for name in dirs:
            mode = stat.S_IMODE(os.stat(os.path.join(root, name)).st_mode)
            seen.append(name)
            assert mode == 0o700, f"{os.path.join(root, name)} is {oct(mode)}"
        for name in files:
            mode = stat.S_IMODE(os.stat(os.path.join(root, name)).st_mode)
            seen.append(name)
            assert mode == 0o600, f"{os.path.join(root, name)} is {oct(mode)}"
    assert stat.S_IMODE(os.stat(data_dir).st_mode) == 0o700
    # the walk saw what a session leaves: database, backups, logs, window state, wording folder
    for expected in ("followup.sqlite3", "backups", "logs", "followup-desktop.log", "window-state.ini",
                     "config", "templates", "export.json"):
        assert expected in seen, expected
    assert any(n.startswith("followup.sqlite3.before-restore-") for n in seen)
