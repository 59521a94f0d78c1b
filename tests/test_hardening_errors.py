"""Error paths in words (issue 13, items 2-6): each way the file or its folder can let us down
gets one true line on the command line, nothing is changed, and reading still works where it
can. The full and read-only disks are real: small tmpfs mounts (the suite runs as root)."""

from __future__ import annotations

import os
import sqlite3
import subprocess
from pathlib import Path

import pytest

from followup_desktop import cli
from followup_desktop.paths import DataPaths, ensure_private_dir
from followup_desktop.store import MigrationFailed, Store, connection, migrations


def run(capsys, *args) -> tuple[int, str, str]:
    code = cli.main([str(a) for a in args])
    out, err = capsys.readouterr()
    return code, out, err


def one_line(err: str) -> str:
    assert err.endswith("\n") and err.count("\n") == 1, err
    assert len(err) - 1 <= 300, err
    assert "unexpected error" not in err and "Error:" not in err, err
    return err


@pytest.fixture
def stocked(tmp_path, contract_example, capsys) -> Path:
    data = tmp_path / "stocked"
    assert run(capsys, "--data-dir", data, "import", contract_example)[0] == 0
    return data


def db_of(data: Path) -> Path:
    return DataPaths(data).database


def sql(data: Path, *statements: str) -> None:
    con = sqlite3.connect(db_of(data), isolation_level=None)
    for s in statements:
        con.execute(s)
    con.close()


AT = ("--at", "2026-03-10T15:30")


@pytest.fixture
def another_file(dataset, write_json) -> Path:
    return write_json(dataset(
        employers=[{"key": "globex", "name": "Globex Logistics", "notes": "n" * 15_000}], contacts=[],
        applications=[{"key": f"globex-{i}", "employer": "globex", "position": "Dispatcher " + "p" * 150,
                       "stage": "applied"} for i in range(3000)]), "globex.json")


# -- item 6: the file itself ------------------------------------------------------------------

def _dangling(data):
    db = db_of(data)
    data.mkdir()
    db.symlink_to(data / "elsewhere" / "followup.sqlite3")


def _negative_version(data):
    sql(data, "PRAGMA user_version = -1")


def _dropped_table(data):
    sql(data, "DROP TABLE action_state")


def _dropped_column(data):
    sql(data, "ALTER TABLE contact DROP COLUMN notes")


def _bad_row(data):
    sql(data, "UPDATE event SET at = 'garbage' WHERE id = 1")


BROKEN = [
    ("a dangling symlink as the database", _dangling, False, ["is a link to", "which does not exist"]),
    ("a negative user_version", _negative_version, True, ["schema version (-1)", "another program"]),
    ("a dropped table", _dropped_table, True, ["lost its 'action_state' table"]),
    ("a dropped column", _dropped_column, True, ["lost the column 'notes' of its 'contact' table"]),
    ("a bad row value", _bad_row, True, ["cannot read: event 1, column 'at' is 'garbage'"]),
]


@pytest.mark.parametrize("name, damage, stock, says", BROKEN, ids=[b[0] for b in BROKEN])
def test_a_file_another_program_broke_is_named_in_one_line(name, damage, stock, says, tmp_path, contract_example, capsys):
    data = tmp_path / "data"
    if stock:
        assert run(capsys, "--data-dir", data, "import", contract_example)[0] == 0
    damage(data)
    db = db_of(data)
    before = db.read_bytes() if db.exists() else None
    code, out, err = run(capsys, "--data-dir", data, "due", *AT)
    assert code == 1 and out == ""
    for phrase in says:
        assert phrase in one_line(err)
    assert (db.read_bytes() if db.exists() else None) == before
    assert not (data / "elsewhere").exists()  # the link's target was not created


def test_a_locked_database_is_another_program_writing_never_damage(stocked, another_file, capsys):
    holder = sqlite3.connect(db_of(stocked), isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")
    try:
        code, out, err = run(capsys, "--data-dir", stocked, "import", another_file)
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    assert code == 1
    assert "another program is writing" in one_line(err) and "try again" in err
    assert "damaged" not in err and "backup" not in err


def test_due_reads_while_another_program_holds_the_write_lock(stocked, capsys):
    holder = sqlite3.connect(db_of(stocked), isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")
    try:
        code, out, err = run(capsys, "--data-dir", stocked, "due", *AT)
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    assert (code, err) == (0, "") and "Thank-you note" in out


# -- item 2: the folder and the disk ----------------------------------------------------------

@pytest.fixture
def small_disk(mounted_disk):
    """A real 3 MB file system, mounted for the test and unmounted after it."""
    return mounted_disk("3m")


def fill(disk: Path, leave: int = 0) -> None:
    """Take the disk's free space, all of it or all but `leave` bytes."""
    fd = os.open(disk / "filler", os.O_WRONLY | os.O_CREAT)
    try:
        room = os.statvfs(disk).f_bavail * os.statvfs(disk).f_frsize - leave
        for size in (65536, 4096, 512, 1):
            while room >= size:
                try:
                    os.write(fd, b"\0" * size)
                except OSError:
                    break
                room -= size
    finally:
        os.close(fd)


def test_a_full_disk_during_an_import_says_the_disk_is_full_and_loses_nothing(
        small_disk, contract_example, another_file, dump, capsys):
    data = small_disk / "data"
    assert run(capsys, "--data-dir", data, "import", contract_example)[0] == 0
    before = dump(db_of(data))
    # Leave a little room: the import starts and the disk fills up under it.
    fill(small_disk, leave=200_000)
    code, out, err = run(capsys, "--data-dir", data, "import", another_file)
    assert code == 1
    assert "the disk is full" in one_line(err)
    assert "rollback" not in err and "damaged" not in err
    (small_disk / "filler").unlink()
    assert dump(db_of(data)) == before


def test_due_works_on_a_full_disk_and_a_write_says_the_disk_is_full(small_disk, contract_example, another_file, capsys):
    data = small_disk / "data"
    assert run(capsys, "--data-dir", data, "import", contract_example)[0] == 0
    fill(small_disk)
    code, out, err = run(capsys, "--data-dir", data, "due", *AT)
    assert (code, err) == (0, "") and "Thank-you note" in out
    code, out, err = run(capsys, "--data-dir", data, "import", another_file)
    assert code == 1 and "full" in one_line(err)


def test_a_read_only_data_folder_is_named_as_such_and_due_still_reads(small_disk, contract_example, another_file, capsys):
    data = small_disk / "data"
    assert run(capsys, "--data-dir", data, "import", contract_example)[0] == 0
    subprocess.run(["mount", "-o", "remount,ro", str(small_disk)], check=True)
    code, out, err = run(capsys, "--data-dir", data, "due", *AT)
    assert (code, err) == (0, "") and "Thank-you note" in out
    code, out, err = run(capsys, "--data-dir", data, "import", another_file)
    assert code == 1 and "read-only" in one_line(err)
    assert "backup" not in err


def test_a_data_folder_that_is_a_file_is_named_as_such(tmp_path, capsys):
    data = tmp_path / "data"
    data.write_text("not a folder")
    code, out, err = run(capsys, "--data-dir", data, "due")
    assert code == 1 and "is a file, not a folder" in one_line(err)
    assert data.read_text() == "not a folder"


def test_a_data_folder_owned_by_someone_else_is_refused(stocked, capsys):
    os.chown(stocked, 12345, 12345)
    code, out, err = run(capsys, "--data-dir", stocked, "due", *AT)
    assert code == 1 and "belongs to another user (uid 12345)" in one_line(err)


# -- item 5: a file the user made read-only; folders the app creates ------------------------

def test_a_database_made_read_only_is_read_never_chmod_ed_and_writes_say_so(stocked, another_file, dump, capsys):
    db = db_of(stocked)
    db.chmod(0o400)
    before = dump(db)
    code, out, err = run(capsys, "--data-dir", stocked, "due", *AT)
    assert (code, err) == (0, "") and "Thank-you note" in out
    code, out, err = run(capsys, "--data-dir", stocked, "import", another_file)
    assert code == 1 and "read-only" in one_line(err)
    assert db.stat().st_mode & 0o777 == 0o400
    assert dump(db) == before
    with Store(stocked) as store:
        assert store.read_only


def test_every_folder_the_app_creates_is_private_not_only_the_last(tmp_path):
    os.umask(0o022)
    deep = tmp_path / "a" / "b" / "c"
    ensure_private_dir(deep)
    for folder in (tmp_path / "a", tmp_path / "a" / "b", deep):
        assert folder.stat().st_mode & 0o777 == 0o700, folder
    paths = DataPaths(tmp_path / "named")
    paths.ensure()
    ensure_private_dir(paths.templates)
    for folder in (paths.config, paths.templates):
        assert folder.stat().st_mode & 0o777 == 0o700, folder


# -- item 4: a failing upgrade copies the file once per source version ------------------------

def _failing_step_2(con):
    raise sqlite3.OperationalError("disk said no")


def test_a_failing_upgrade_copies_the_file_once_not_at_every_launch(schema1_copy, data_dir, monkeypatch):
    monkeypatch.setattr(migrations, "STEPS", (migrations.step_1_records, _failing_step_2))
    for _ in range(5):
        with pytest.raises(MigrationFailed):
            Store(data_dir)
    assert len(list(DataPaths(data_dir).backups.glob("*schema1*.sqlite3"))) == 1


# -- item 3: the thorough check after an unclean exit -----------------------------------------

def _index_damage(data: Path) -> None:
    """An index that no longer matches its table: `quick_check` does not see it."""
    con = sqlite3.connect(db_of(data), isolation_level=None)
    con.execute("PRAGMA writable_schema = ON")
    con.execute("UPDATE sqlite_master SET sql = 'CREATE INDEX event_application_at ON event(application_id, kind)' "
                "WHERE name = 'event_application_at'")
    con.close()
    con = sqlite3.connect(db_of(data))
    assert con.execute("PRAGMA quick_check").fetchall() == [("ok",)]
    con.close()


def test_after_an_unclean_exit_the_thorough_check_finds_index_damage(stocked, capsys):
    _index_damage(stocked)
    assert run(capsys, "--data-dir", stocked, "due", *AT)[0] == 0  # a clean past: the quick check
    marker = DataPaths(stocked).running_marker(pid=2 ** 22 + 12345)  # a copy that died
    marker.touch()
    code, out, err = run(capsys, "--data-dir", stocked, "due", *AT)
    assert code == 1 and "is damaged" in one_line(err) and "missing from index" in err
    assert marker.exists()  # still unclean: the next start checks again


def test_a_clean_check_after_an_unclean_exit_clears_the_marker(stocked, capsys):
    marker = DataPaths(stocked).running_marker(pid=2 ** 22 + 12345)
    marker.touch()
    with Store(stocked):
        pass
    assert not marker.exists()


def test_an_import_killed_midway_leaves_its_marker_and_the_next_open_clears_it(stocked, another_file, capsys):
    import signal
    import sys
    import time

    holder = sqlite3.connect(db_of(stocked), isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")  # the import waits for the write lock, marker made
    proc = subprocess.Popen([sys.executable, "-m", "followup_desktop", "--data-dir", str(stocked),
                             "import", str(another_file)], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + 20
        while not [p for p in stocked.iterdir() if p.name == f"running-{proc.pid}"]:
            assert time.monotonic() < deadline, "the import never marked the data dir"
            time.sleep(0.05)
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait()
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    assert (stocked / f"running-{proc.pid}").exists()
    assert run(capsys, "--data-dir", stocked, "due", *AT)[0] == 0  # checked whole, and clean
    assert not (stocked / f"running-{proc.pid}").exists()


def test_a_clean_import_leaves_no_running_marker(stocked):
    assert not [p for p in stocked.iterdir() if p.name.startswith("running-")]


def test_a_read_after_a_clean_exit_still_says_damaged_pages_are_damaged_and_changes_nothing(stocked, capsys):
    # A read of a file every copy closed cleanly does not check it whole first; the pages it
    # reads are checked as they are read.
    db = db_of(stocked)
    with sqlite3.connect(db) as con:
        con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    con.close()
    data = db.read_bytes()
    db.write_bytes(data[:4096] + bytes(len(data) - 4096))  # every page after the first wiped
    before = db.read_bytes()
    for command in (["due", *AT], ["stats", "--json"], ["export", str(stocked.parent / "out.json")]):
        code, out, err = run(capsys, "--data-dir", stocked, *command)
        assert code == 1 and out == "", command
        assert "damaged" in one_line(err) and err.count("\n") == 1, (command, err)
    assert db.read_bytes() == before
    assert not (stocked.parent / "out.json").exists()


def test_a_write_after_a_clean_exit_checks_the_pages_first(stocked, another_file, capsys):
    db = db_of(stocked)
    with sqlite3.connect(db) as con:
        con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    con.close()
    data = db.read_bytes()
    db.write_bytes(data[:4096] + bytes(len(data) - 4096))
    before = db.read_bytes()
    code, out, err = run(capsys, "--data-dir", stocked, "import", another_file)
    assert code == 1 and "damaged" in one_line(err)
    assert db.read_bytes() == before
