"""Backups (issue 13, item 1): verified copies, thinned, listed with their counts, restored with
the current file kept aside. Real files in a temporary data dir."""

from __future__ import annotations

import sqlite3
from datetime import datetime, timedelta

import pytest

from followup_desktop import cli
from followup_desktop.paths import DataPaths
from followup_desktop.store import DatabaseCorrupt, Store, backups
from followup_desktop.store.backups import Backup, to_keep


@pytest.fixture
def paths(data_dir, contract_example, capsys) -> DataPaths:
    assert cli.main(["--data-dir", str(data_dir), "import", str(contract_example)]) == 0
    capsys.readouterr()
    return DataPaths(data_dir)


def count(db, table) -> int:
    con = sqlite3.connect(db)
    try:
        return con.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
    finally:
        con.close()


def test_a_backup_is_a_verified_private_copy_listed_with_its_date_and_counts(paths):
    b = backups.take_backup(paths, now=datetime(2026, 3, 10, 15, 30))
    assert b.path.parent == paths.backups
    assert b.path.stat().st_mode & 0o777 == 0o600
    assert paths.backups.stat().st_mode & 0o777 == 0o700
    assert b.verify()
    [listed] = backups.list_backups(paths)
    assert listed.taken == datetime(2026, 3, 10, 15, 30)
    assert listed.counts() == (1, 4)
    # read as it stands: no -wal or -shm file beside it
    assert sorted(p.name for p in paths.backups.iterdir()) == [b.path.name]


def test_no_backup_is_due_within_the_hour_of_the_last(paths):
    t = datetime(2026, 3, 10, 15, 30)
    assert backups.backup_due(paths, t)
    backups.take_backup(paths, now=t)
    assert not backups.backup_due(paths, t + timedelta(minutes=59))
    assert backups.backup_due(paths, t + timedelta(hours=1))


def test_a_copy_that_fails_its_check_is_not_kept_and_says_the_file_is_damaged(paths):
    con = sqlite3.connect(paths.database, isolation_level=None)
    con.execute("PRAGMA writable_schema = ON")
    con.execute("UPDATE sqlite_master SET sql = 'CREATE INDEX event_application_at ON event(application_id, kind)' "
                "WHERE name = 'event_application_at'")
    con.close()
    with pytest.raises(DatabaseCorrupt, match="failed the whole check"):
        backups.take_backup(paths)
    assert backups.list_backups(paths) == []
    assert not [p for p in paths.backups.iterdir()]


def _b(when: str) -> Backup:
    t = datetime.fromisoformat(when)
    return Backup(backups.Path(f"/b/followup-{t:%Y%m%d-%H%M%S}.sqlite3"), t)


def test_thinning_keeps_the_newest_of_each_of_7_days_4_weeks_and_12_months():
    # hourly backups over 400 days
    start = datetime(2025, 1, 1, 0, 30)
    every = [Backup(backups.Path(f"/b/{i}.sqlite3"), start + timedelta(hours=i)) for i in range(0, 400 * 24, 5)]
    kept = sorted((b for b in every if b.path in to_keep(every, 7, 4, 12)), key=lambda b: b.taken)
    days = {b.taken.date() for b in kept}
    newest = max(every, key=lambda b: b.taken)
    assert newest.path in {b.path for b in kept}
    # the last 7 days each have one; 4 weeks and 12 months add the rest; never more than 7+4+12
    last7 = {(newest.taken - timedelta(days=d)).date() for d in range(7)}
    assert last7 <= days
    assert len(kept) <= 7 + 4 + 12
    months = {(b.taken.year, b.taken.month) for b in kept}
    assert len(months) == 12
    assert len({b.taken.isocalendar()[:2] for b in kept}) >= 4


def test_thinning_follows_the_three_settings(paths):
    with Store(paths) as store:
        store.save_settings({"backups_keep_daily": 2, "backups_keep_weekly": 0, "backups_keep_monthly": 0})
    for day in range(1, 6):
        backups.take_backup(paths, now=datetime(2026, 3, day, 12, 0))
    assert [b.taken.day for b in backups.list_backups(paths)] == [5, 4]


def test_the_copies_taken_before_an_upgrade_are_listed_but_never_thinned(paths):
    upgrade = paths.backups / "followup-schema1-20260101-100000-000000.sqlite3"
    paths.backups.mkdir(mode=0o700, exist_ok=True)
    upgrade.write_bytes(paths.database.read_bytes())
    for day in range(1, 12):
        backups.take_backup(paths, now=datetime(2026, 3, day, 12, 0))
    listed = backups.list_backups(paths)
    assert upgrade in [b.path for b in listed]
    assert [b for b in listed if b.path == upgrade][0].kind == "upgrade"


def test_restoring_a_backup_keeps_the_current_file_aside_first(paths, tmp_path, write_json, dataset, capsys):
    b = backups.take_backup(paths, now=datetime(2026, 3, 10, 15, 30))
    doc = dataset(employers=[{"key": "globex", "name": "Globex"}], contacts=[],
                  applications=[{"key": "g", "employer": "globex", "position": "Dispatcher", "stage": "lead"}])
    assert cli.main(["--data-dir", str(paths.root), "import", str(write_json(doc))]) == 0
    assert count(paths.database, "application") == 2
    current = paths.database.read_bytes()

    aside = backups.restore(paths, b, now=datetime(2026, 3, 11, 9, 0))

    assert aside.name == "followup.sqlite3.before-restore-20260311-090000"
    assert aside.read_bytes() == current
    assert count(paths.database, "application") == 1
    assert paths.database.stat().st_mode & 0o777 == 0o600
    with Store(paths) as store:  # opens, checks and reads as any database
        assert [a.key for a in store.applications()] == ["acme-office-manager"]


def test_a_damaged_file_is_moved_aside_never_deleted(paths):
    data = paths.database.read_bytes()
    aside = backups.move_aside(paths, now=datetime(2026, 3, 11, 9, 0))
    assert aside.name == "followup.sqlite3.damaged-20260311-090000"
    assert aside.read_bytes() == data and not paths.database.exists()


def test_an_empty_database_file_where_backups_exist_is_not_a_silent_fresh_start(paths, capsys):
    backups.take_backup(paths)
    paths.database.write_bytes(b"")
    code = cli.main(["--data-dir", str(paths.root), "due"])
    err = capsys.readouterr().err
    assert code == 1 and "is empty (0 bytes)" in err and "Backups" in err
    assert paths.database.read_bytes() == b""
