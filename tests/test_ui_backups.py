"""The way back, through the windows (issue 13, items 1, 2, 5): a damaged file detected at
start-up leads to a dialog that keeps it aside and restores the newest verified backup; File →
Backups… lists the copies and restores one; a read-only file shows a banner."""

from __future__ import annotations

from datetime import datetime

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from followup_desktop import cli
from followup_desktop.paths import DataPaths
from followup_desktop.store import backups
from followup_desktop.ui.app import build, watch_the_data
from followup_desktop.ui.backups import BackupsWindow
from followup_desktop.ui.recovery import RecoveryDialog

NOW = datetime(2026, 3, 10, 15, 30)


@pytest.fixture
def paths(data_dir, contract_example, capsys) -> DataPaths:
    assert cli.main(["--data-dir", str(data_dir), "import", str(contract_example)]) == 0
    capsys.readouterr()
    return DataPaths(data_dir)


@pytest.fixture
def now():
    return NOW


@pytest.fixture
def started(qtbot, clock):
    """`started(paths)` -> (workspace, window) as the app starts them, the load under way."""
    made = []

    def start(paths):
        workspace, window = build(paths, clock=clock)
        qtbot.addWidget(window)
        watch_the_data(paths, workspace, window)
        window.show()
        workspace.reload_async()
        made.append(workspace)
        return workspace, window

    yield start
    for ws in made:
        ws.close()


def damage(db) -> bytes:
    data = bytearray(db.read_bytes())
    data[1024:] = bytes((i * 37 + 11) % 256 for i in range(len(data) - 1024))
    db.write_bytes(bytes(data))
    return bytes(data)


def dialog_of(qtbot, window) -> RecoveryDialog:
    qtbot.waitUntil(lambda: window.findChild(RecoveryDialog) is not None and
                    window.findChild(RecoveryDialog).isVisible(), timeout=10_000)
    return window.findChild(RecoveryDialog)


def test_a_damaged_file_at_start_up_is_kept_aside_and_the_newest_backup_restored(paths, started, qtbot):
    backups.take_backup(paths, now=datetime(2026, 3, 9, 18, 0))
    damaged = damage(paths.database)

    workspace, window = started(paths)
    dialog = dialog_of(qtbot, window)

    assert "damaged" in dialog.headline.text()
    assert "Mon 09 Mar 2026 18:00: 1 application, 4 events" in dialog.offer.text()
    assert "followup.sqlite3.damaged" in dialog.offer.text() and "nothing is deleted" in dialog.offer.text()
    assert dialog.restore_button.isVisible()
    qtbot.mouseClick(dialog.restore_button, Qt.LeftButton)

    qtbot.waitUntil(lambda: workspace.is_loaded, timeout=10_000)
    assert list(workspace.applications()) == ["acme-office-manager"]
    [kept] = [p for p in paths.root.iterdir() if p.name.startswith("followup.sqlite3.damaged-")
              and not p.name.endswith(("-wal", "-shm"))]
    assert kept.read_bytes() == damaged
    assert window.model.rowCount() == 1


def test_an_empty_file_where_backups_exist_offers_the_restore(paths, started, qtbot):
    backups.take_backup(paths, now=datetime(2026, 3, 9, 18, 0))
    paths.database.write_bytes(b"")
    workspace, window = started(paths)
    dialog = dialog_of(qtbot, window)
    assert "empty" in dialog.headline.text()
    dialog.restore_button.click()
    qtbot.waitUntil(lambda: workspace.is_loaded, timeout=10_000)
    assert list(workspace.applications()) == ["acme-office-manager"]


def test_a_damaged_file_without_backups_can_start_afresh(paths, started, qtbot):
    damage(paths.database)
    workspace, window = started(paths)
    dialog = dialog_of(qtbot, window)
    assert not dialog.restore_button.isVisible()
    assert "no backup" in dialog.offer.text()
    dialog.fresh_button.click()
    qtbot.waitUntil(lambda: workspace.is_loaded, timeout=10_000)
    assert workspace.applications() == {}
    assert [p for p in paths.root.iterdir() if p.name.startswith("followup.sqlite3.damaged-")]


def test_the_backups_window_lists_the_copies_and_restores_one(
        paths, started, qtbot, monkeypatch, write_json, dataset):
    backups.take_backup(paths, now=datetime(2026, 3, 9, 18, 0))
    doc = dataset(employers=[{"key": "globex", "name": "Globex"}], contacts=[],
                  applications=[{"key": "g", "employer": "globex", "position": "Dispatcher", "stage": "lead"}])
    assert cli.main(["--data-dir", str(paths.root), "import", str(write_json(doc))]) == 0
    workspace, window = started(paths)
    qtbot.waitUntil(lambda: workspace.is_loaded, timeout=10_000)
    assert len(workspace.applications()) == 2

    window.findChild(type(window.act_backups), "actBackups").trigger()
    qtbot.waitUntil(lambda: window.findChild(BackupsWindow) is not None)
    listing = window.findChild(BackupsWindow)
    cells = [listing.table.item(0, c).text() for c in range(4)]
    assert cells == ["Mon 09 Mar 2026 18:00", "1", "4", "checked copy"]

    monkeypatch.setattr(QMessageBox, "question", staticmethod(lambda *a, **kw: QMessageBox.Yes))
    listing.restore_button.click()
    qtbot.waitUntil(lambda: workspace.is_loaded and len(workspace.applications()) == 1, timeout=10_000)
    assert [p for p in paths.root.iterdir() if p.name.startswith("followup.sqlite3.before-restore-")]


def test_a_read_only_file_opens_read_only_with_a_banner(paths, started, qtbot):
    paths.database.chmod(0o400)
    workspace, window = started(paths)
    qtbot.waitUntil(lambda: workspace.is_loaded, timeout=10_000)
    assert window.banner.isVisible() and "read-only" in window.banner.label.text()
    assert paths.database.stat().st_mode & 0o777 == 0o400
    assert list(workspace.applications()) == ["acme-office-manager"]


def test_a_write_refused_by_a_read_only_file_is_said_as_such_not_as_an_unexpected_error(
        paths, started, qtbot, monkeypatch, tmp_path):
    from followup_desktop.ui.app import ErrorHook

    paths.database.chmod(0o400)
    workspace, window = started(paths)
    qtbot.waitUntil(lambda: workspace.is_loaded, timeout=10_000)
    shown = []
    monkeypatch.setattr(QMessageBox, "exec", lambda box: shown.append(box.text()) or 0)
    hook = ErrorHook(str(tmp_path / "followup-desktop.log"))
    try:
        workspace.store.save_settings({"profile_name": "Jordan Lee"})
    except Exception as exc:
        hook(type(exc), exc, exc.__traceback__)
    [text] = shown
    assert text.startswith("That could not be saved: the database") and "is read-only" in text
    assert "unexpected" not in text


@pytest.fixture
def full_disk(mounted_disk, contract_example, capsys):
    """A data dir on a real 3 MB file system, filled up once the data is in."""
    import os

    mount = mounted_disk("3m")
    assert cli.main(["--data-dir", str(mount / "data"), "import", str(contract_example)]) == 0
    capsys.readouterr()
    fd = os.open(mount / "filler", os.O_WRONLY | os.O_CREAT)
    for size in (65536, 4096, 512, 1):
        while True:
            try:
                os.write(fd, b"\0" * size)
            except OSError:
                break
    os.close(fd)
    return DataPaths(mount / "data")


def test_on_a_full_disk_the_window_still_shows_the_applications_and_says_the_disk_is_full(full_disk, started, qtbot):
    workspace, window = started(full_disk)
    qtbot.waitUntil(lambda: workspace.is_loaded, timeout=10_000)
    assert list(workspace.applications()) == ["acme-office-manager"]
    assert window.banner.isVisible() and "is full" in window.banner.label.text()
    assert window.findChild(RecoveryDialog) is None


def test_a_data_folder_that_is_a_file_is_said_in_the_window(tmp_path, qapp, monkeypatch):
    from followup_desktop.cli import build_parser
    from followup_desktop.app import run

    data = tmp_path / "data"
    data.write_text("in the way")
    shown = []
    monkeypatch.setattr(QMessageBox, "exec", lambda box: shown.append(box.text()) or 0)
    assert run(build_parser().parse_args(["--data-dir", str(data)])) == 1
    [text] = shown
    assert "is a file, not a folder" in text
    assert data.read_text() == "in the way"


def test_a_backup_is_taken_soon_after_start_and_not_again_within_the_hour(paths, started, qtbot, monkeypatch):
    import followup_desktop.ui.app as app_module

    monkeypatch.setattr(app_module, "BACKUP_FIRST_LOOK_MS", 10)
    workspace, window = started(paths)
    qtbot.waitUntil(lambda: len(backups.list_backups(paths)) == 1, timeout=10_000)
    timer = window.backup_timer
    qtbot.waitUntil(lambda: not timer.running, timeout=10_000)
    timer.check()
    qtbot.waitUntil(lambda: not timer.running, timeout=10_000)
    assert len(backups.list_backups(paths)) == 1
    assert backups.list_backups(paths)[0].verify()


def test_a_clean_exit_of_the_app_leaves_a_verified_backup_and_no_running_marker(paths, run_app):
    done = run_app("--data-dir", paths.root, env={"FOLLOWUP_DESKTOP_QUIT_WHEN_READY": "loaded",
                                                  "QT_QPA_PLATFORM": "offscreen"})
    assert done.returncode == 0, done.stderr
    [copy] = backups.list_backups(paths)
    assert copy.verify() and copy.counts() == (1, 4)
    assert not [p for p in paths.root.iterdir() if p.name.startswith("running-")]


def test_a_file_from_a_newer_version_is_said_as_such_and_nothing_can_be_added(paths, started, qtbot):
    import sqlite3

    con = sqlite3.connect(paths.database)
    con.execute("PRAGMA user_version = 99")
    con.close()
    before = paths.database.read_bytes()
    workspace, window = started(paths)
    qtbot.waitUntil(lambda: window.findChild(QMessageBox, "dataProblemDialog") is not None, timeout=10_000)
    box = window.findChild(QMessageBox, "dataProblemDialog")
    assert box.text().startswith("Your data was saved by a newer version of Follow-up Desktop.")
    assert "backup" not in box.text()
    assert not window.act_new.isEnabled() and not window.act_import.isEnabled()
    assert window.findChild(RecoveryDialog) is None
    assert paths.database.read_bytes() == before


def test_a_restore_runs_on_the_write_worker_after_the_writes_before_it_and_the_list_follows(paths, started, qtbot,
                                                                                            dump):
    backups.take_backup(paths, now=datetime(2026, 3, 9, 18, 0))
    workspace, window = started(paths)
    qtbot.waitUntil(lambda: workspace.is_loaded, timeout=10_000)
    [backup] = backups.list_backups(paths)
    in_backup = dump(backup.path)
    key = next(iter(workspace.applications()))
    workspace.log_event(key, {"kind": "note", "at": datetime(2026, 3, 10, 9, 0), "notes": "Called reception"})
    assert not workspace.operations.is_idle()  # queued: the restore goes behind it

    restored = []
    workspace.restore_backup(backup, done=restored.append)
    qtbot.waitUntil(lambda: bool(restored) and workspace.is_loaded, timeout=10_000)

    assert restored[0].name.startswith("followup.sqlite3.before-restore-")
    # the note was written before the restore: it is in the file kept aside; the file is the backup
    assert "Called reception" in repr(dump(restored[0])["event"])
    assert dump(paths.database) == in_backup
    assert "note" not in [e["kind"] for e in workspace.timeline(workspace.application(key).employer_key)]
    assert workspace.undo_stack.count() == 0
    assert window.model.rowCount() == len(workspace.applications())


def test_a_backup_that_fails_its_check_is_refused_and_the_data_is_read_again_as_it_was(paths, started, qtbot,
                                                                                       dump):
    backups.take_backup(paths, now=datetime(2026, 3, 9, 18, 0))
    workspace, window = started(paths)
    qtbot.waitUntil(lambda: workspace.is_loaded, timeout=10_000)
    before = sorted(workspace.applications())
    file_before = dump(paths.database)
    [backup] = backups.list_backups(paths)
    damage(backup.path)

    refused = []
    workspace.restore_backup(backup, refused=refused.append)
    qtbot.waitUntil(lambda: bool(refused) and workspace.is_loaded, timeout=10_000)

    assert "failed the whole check" in str(refused[0])
    assert sorted(workspace.applications()) == before
    assert dump(paths.database) == file_before
    assert not [p for p in paths.root.iterdir() if p.name.startswith("followup.sqlite3.before-restore-")]


def test_a_backup_that_fails_at_start_up_says_why_and_the_dialog_stays_with_no_file_made(paths, started, qtbot,
                                                                                         monkeypatch):
    backups.take_backup(paths, now=datetime(2026, 3, 9, 18, 0))
    damage(paths.database)
    workspace, window = started(paths)
    dialog = dialog_of(qtbot, window)
    damage(dialog.backup.path)  # it went bad after it was offered
    warned = []
    monkeypatch.setattr(QMessageBox, "warning", staticmethod(lambda *a, **kw: warned.append(a[2])))

    qtbot.mouseClick(dialog.restore_button, Qt.LeftButton)
    qtbot.waitUntil(lambda: bool(warned), timeout=10_000)

    assert "could not be restored" in warned[0] and "failed the whole check" in warned[0]
    assert dialog.isVisible() and dialog.restore_button.isEnabled()
    assert not paths.database.exists() and not workspace.is_loaded
    assert [p for p in paths.root.iterdir() if p.name.startswith("followup.sqlite3.damaged-")]
