"""The store keeps the user's job search safe: private files, durable writes, careful upgrades,
and a refusal to touch files it does not understand."""

from __future__ import annotations

import json
import sqlite3
import stat
import threading
from datetime import datetime
from pathlib import Path

import pytest

from followup_desktop import cli
from followup_desktop.paths import DataPaths
from followup_desktop.settings import SettingError
from followup_desktop.store import (
    DatabaseCorrupt,
    DatabaseTooNew,
    MigrationFailed,
    Store,
    StoreError,
)
from followup_desktop.store import connection, migrations

SCHEMA1_DB = Path(__file__).resolve().parent / "fixtures" / "schema1.sqlite3"


def read_only(path) -> sqlite3.Connection:
    return sqlite3.connect(f"{Path(path).resolve().as_uri()}?mode=ro", uri=True)


def mode(path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def pragmas(con) -> dict:
    return {
        name: con.execute(f"PRAGMA {name}").fetchone()[0]
        for name in ("journal_mode", "synchronous", "foreign_keys", "busy_timeout", "user_version")
    }


def assert_safe(p: dict) -> None:
    assert p["journal_mode"] == "wal"
    assert p["synchronous"] == 2  # FULL: a committed follow-up survives a power cut
    assert p["foreign_keys"] == 1
    assert p["busy_timeout"] > 0
    assert p["user_version"] == migrations.LATEST


# -- privacy and pragmas -----------------------------------------------------------------------

def test_a_new_data_dir_and_its_database_are_private_to_the_user(tmp_path):
    root = tmp_path / "nested" / "data"
    with Store(root) as store:
        store.save_settings({"profile_name": "Jordan Lee"})  # a write, so -wal and -shm exist
        paths = DataPaths(root)
        assert mode(root) == 0o700
        assert mode(paths.database) == 0o600
        for suffix in ("-wal", "-shm"):
            side = paths.database.with_name(paths.database.name + suffix)
            assert mode(side) == 0o600, side


def test_a_database_copied_in_with_loose_permissions_is_made_private_on_open(data_dir):
    with Store(data_dir):
        pass
    db = DataPaths(data_dir).database
    db.chmod(0o644)
    with Store(data_dir):
        assert mode(db) == 0o600


def test_every_stdlib_connection_has_the_safety_pragmas(data_dir):
    db = DataPaths(data_dir).database
    con = connection.open_database(db)
    try:
        assert_safe(pragmas(con))
    finally:
        con.close()
    con = connection.connect(db)
    try:
        assert_safe(pragmas(con))
    finally:
        con.close()


def test_the_orm_connection_has_the_safety_pragmas_in_every_thread(data_dir):
    with Store(data_dir) as store:
        assert_safe(pragmas(store.db.connection()))

        seen, errors = [], []

        def worker():
            try:
                seen.append(pragmas(store.db.connection()))
                store.db.close()  # this thread's connection only
            except Exception as exc:  # reported below, with the assertion
                errors.append(exc)

        t = threading.Thread(target=worker)
        t.start()
        t.join()
        assert not errors
        assert len(seen) == 1
        assert_safe(seen[0])
        # the main thread's connection is still open and usable
        assert store.settings().profile_name == ""


def test_the_orm_refuses_a_contact_for_an_employer_that_does_not_exist(data_dir):
    from peewee import IntegrityError

    with Store(data_dir) as store:
        with pytest.raises(IntegrityError):
            store.models.Contact.create(key="ghost", employer=999, name="Nobody", role="other")


def test_a_new_database_is_created_at_the_latest_schema(data_dir):
    with Store(data_dir):
        pass
    con = read_only(DataPaths(data_dir).database)
    try:
        assert con.execute("PRAGMA user_version").fetchone()[0] == migrations.LATEST
        tables = {r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    finally:
        con.close()
    assert {"employer", "contact", "application", "event", "event_contact", "setting",
            "action_state"} <= tables
    assert "profile" not in tables


# -- settings and action states ----------------------------------------------------------------

def test_changed_settings_are_kept_and_a_value_set_back_to_default_is_forgotten(data_dir):
    with Store(data_dir) as store:
        store.save_settings({"nudge_after_days": 10, "profile_employed": True})
    with Store(data_dir) as store:
        assert store.settings().nudge_after_days == 10
        assert store.settings().profile_employed is True
        store.save_settings({"nudge_after_days": 7})  # the default
        rows = dict(store.connection.execute("SELECT name, value FROM setting").fetchall())
    assert rows == {"profile_employed": "true"}


def test_an_out_of_bounds_setting_is_refused_and_nothing_is_saved(data_dir, dump):
    with Store(data_dir) as store:
        store.save_settings({"nudge_after_days": 10})
    before = dump(DataPaths(data_dir).database)
    with Store(data_dir) as store:
        with pytest.raises(SettingError, match="nudge_after_days"):
            store.save_settings({"profile_name": "Someone Else", "nudge_after_days": 0})
    assert dump(DataPaths(data_dir).database) == before


def test_marking_an_action_done_then_snoozed_keeps_one_record_with_both(data_dir, contract_example):
    from followup_desktop.exchange.jsonfile import import_json

    with Store(data_dir) as store:
        import_json(store, contract_example)
        aid = "acme-office-manager|thank_you|2026-03-10T14:00:00|susan"
        store.set_action_state(aid, "acme-office-manager", done_at=datetime(2026, 3, 10, 17, 0))
        store.set_action_state(aid, "acme-office-manager", snoozed_until=datetime(2026, 3, 11, 9, 0))
        states = store.action_states()
    assert list(states) == [aid]
    assert states[aid].done_at == datetime(2026, 3, 10, 17, 0)
    assert states[aid].snoozed_until == datetime(2026, 3, 11, 9, 0)


# -- upgrading a schema-1 database -------------------------------------------------------------

def test_the_committed_schema1_fixture_is_what_make_schema1_builds(schema1, tmp_path, dump):
    fresh = schema1.build(tmp_path / "fresh.sqlite3")
    assert dump(fresh) == dump(SCHEMA1_DB)
    con = read_only(SCHEMA1_DB)
    try:
        assert con.execute("PRAGMA user_version").fetchone()[0] == 1
        assert con.execute("PRAGMA journal_mode").fetchone()[0] == "delete"
    finally:
        con.close()


def test_upgrading_a_schema1_database_keeps_every_record(schema1_copy, data_dir, schema1):
    with Store(data_dir) as store:
        con = store.connection
        assert con.execute("PRAGMA user_version").fetchone()[0] == migrations.LATEST
        counts = {t: con.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
                  for t in ("employer", "contact", "application", "event", "event_contact")}
        assert counts == {
            "employer": len(schema1.EMPLOYERS), "contact": len(schema1.CONTACTS),
            "application": len(schema1.APPLICATIONS), "event": len(schema1.EVENTS),
            "event_contact": len(schema1.EVENT_CONTACTS),
        }
        assert con.execute("SELECT key, name, website, notes FROM employer ORDER BY id").fetchall() == [
            e[1:] for e in schema1.EMPLOYERS
        ]
        assert con.execute("SELECT name, role, email FROM contact WHERE key='raj'").fetchone() == (
            "Raj Patel", "hiring_manager", "raj.patel@acme.example")
        apps = {a.key: a for a in store.applications(include_archived=True)}

    assert set(apps) == {"acme-office-manager", "globex-dispatcher", "initech-accounts"}
    acme = apps["acme-office-manager"]
    assert (acme.employer_name, acme.position, acme.stage) == ("Acme Corp", "Office Manager", "interviewing")
    interview = [e for e in acme.events if e.kind == "interview"][0]
    assert interview.at == datetime(2026, 3, 10, 14, 0)
    assert interview.duration_minutes == 60
    assert interview.contacts == ("susan", "raj")  # both interviewers, in order
    initech = apps["initech-accounts"]
    assert (initech.stage, initech.outcome) == ("closed", "rejected")
    reply = [e for e in initech.events if e.kind == "reply"][0]
    assert reply.encouraged is True


def test_upgrading_a_schema1_database_moves_the_profile_into_settings(schema1_copy, data_dir, schema1):
    with Store(data_dir) as store:
        settings = store.settings()
        tables = {r[0] for r in store.connection.execute("SELECT name FROM sqlite_master")}
    name, email, phone, employed = schema1.PROFILE
    assert settings.profile_name == name
    assert settings.profile_email == email
    assert settings.profile_phone == phone
    assert settings.profile_employed is True
    assert "profile" not in tables


def test_upgrading_a_schema1_database_first_leaves_a_verified_private_backup(schema1_copy, data_dir, dump):
    original = dump(schema1_copy)
    with Store(data_dir):
        pass
    backups = DataPaths(data_dir).backups
    files = sorted(backups.glob("*.sqlite3"))
    assert len(files) == 1
    assert mode(backups) == 0o700
    assert mode(files[0]) == 0o600
    con = read_only(files[0])
    try:
        assert con.execute("PRAGMA user_version").fetchone()[0] == 1
        assert con.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    finally:
        con.close()
    backed_up = dump(files[0])
    assert {k: v for k, v in backed_up.items() if k != "schema"} == \
        {k: v for k, v in original.items() if k != "schema"}


def test_a_backups_folder_readable_by_others_is_made_private_when_backing_up(schema1_copy, data_dir):
    backups = DataPaths(data_dir).backups
    backups.mkdir(mode=0o755)
    backups.chmod(0o755)
    with Store(data_dir):
        pass
    assert mode(backups) == 0o700
    assert all(mode(f) == 0o600 for f in backups.iterdir())


def test_opening_an_upgraded_database_again_takes_no_new_backup(schema1_copy, data_dir):
    with Store(data_dir):
        pass
    with Store(data_dir):
        pass
    assert len(list(DataPaths(data_dir).backups.glob("*.sqlite3"))) == 1


def test_an_upgraded_schema1_database_answers_due_and_exports(schema1_copy, data_dir, tmp_path, capsys):
    assert cli.main(["--data-dir", str(data_dir), "due", "--at", "2026-03-10T16:00", "--json"]) == 0
    due = json.loads(capsys.readouterr().out)
    thanks = {(d["action"], d["contact"]) for d in due if d["application"] == "acme-office-manager"}
    assert thanks == {("thank_you", "Susan Smith"), ("thank_you", "Raj Patel")}

    out = tmp_path / "export.json"
    assert cli.main(["--data-dir", str(data_dir), "export", str(out)]) == 0
    capsys.readouterr()
    doc = json.loads(out.read_text(encoding="utf-8"))
    assert doc["profile"]["name"] == "Jordan Lee"
    assert doc["profile"]["employed"] is True
    assert [a["key"] for a in doc["applications"]] == [
        "acme-office-manager", "globex-dispatcher", "initech-accounts"]
    interview = [e for e in doc["events"] if e["kind"] == "interview"][0]
    assert interview["contacts"] == ["susan", "raj"]
    assert "Panel interview" in interview["notes"]

    # and the export is a valid exchange file: it imports into an empty data dir
    assert cli.main(["--data-dir", str(tmp_path / "elsewhere"), "import", str(out)]) == 0
    assert "3 applications, 7 events" in capsys.readouterr().out


# -- refusing what it cannot safely open -------------------------------------------------------

def _newer_database(data_dir, journal_mode: str):
    db = DataPaths(data_dir).database
    with Store(data_dir):
        pass
    con = sqlite3.connect(db, isolation_level=None)
    con.execute(f"PRAGMA journal_mode = {journal_mode}")
    con.execute(f"PRAGMA user_version = {migrations.LATEST + 1}")
    con.execute("CREATE TABLE from_the_future (x)")
    con.close()
    return db


@pytest.mark.parametrize("journal_mode", ["wal", "delete"])
def test_a_database_from_a_newer_app_is_refused_and_left_untouched(data_dir, journal_mode):
    db = _newer_database(data_dir, journal_mode)
    before = db.read_bytes()
    with pytest.raises(DatabaseTooNew) as err:
        Store(data_dir)
    message = str(err.value)
    assert "newer" in message
    assert str(migrations.LATEST + 1) in message
    assert "\n" not in message
    with pytest.raises(DatabaseTooNew):
        connection.open_database(db)
    assert db.read_bytes() == before
    assert not DataPaths(data_dir).backups.exists()


def _failing_step_2(con):
    con.execute("ALTER TABLE employer ADD COLUMN half_done TEXT")
    con.execute("CREATE TABLE half_built (x)")
    con.execute("DROP TABLE profile")
    raise RuntimeError("disk said no")


def test_a_failing_upgrade_step_leaves_the_database_as_it_was(schema1_copy, dump):
    before = dump(schema1_copy)
    con = connection.connect(schema1_copy)
    try:
        with pytest.raises(MigrationFailed) as err:
            connection.migrate(con, 1, (migrations.step_1_records, _failing_step_2))
        assert "schema 2" in str(err.value) and "schema 1" in str(err.value)
        assert not con.in_transaction
    finally:
        con.close()
    assert dump(schema1_copy) == before  # version, schema and rows


def test_a_failing_upgrade_on_open_is_reported_and_the_file_stays_at_schema1(
        schema1_copy, data_dir, monkeypatch, dump):
    before = dump(schema1_copy)
    monkeypatch.setattr(migrations, "STEPS", (migrations.step_1_records, _failing_step_2))
    with pytest.raises(MigrationFailed, match="disk said no"):
        Store(data_dir)
    assert dump(schema1_copy) == before
    # the backup taken first is still there for the user
    assert len(list(DataPaths(data_dir).backups.glob("*.sqlite3"))) == 1


def _garbage(data: bytes) -> bytes:
    return bytes((i * 37 + 11) % 256 for i in range(len(data)))


CORRUPTIONS = {
    "garbage bytes": _garbage,
    "truncated": lambda data: data[: len(data) // 2],
    "damaged pages": lambda data: data[:1024] + _garbage(data[1024:]),
}


@pytest.mark.parametrize("how", list(CORRUPTIONS))
def test_a_damaged_database_is_refused_with_a_clear_message_and_left_untouched(schema1_copy, data_dir, how):
    schema1_copy.write_bytes(CORRUPTIONS[how](schema1_copy.read_bytes()))
    before = schema1_copy.read_bytes()
    with pytest.raises(StoreError) as err:
        Store(data_dir)
    message = str(err.value)
    assert isinstance(err.value, DatabaseCorrupt)
    assert str(schema1_copy) in message
    assert "damaged" in message or "not a readable" in message
    assert "Nothing was changed" in message
    assert "\n" not in message
    assert schema1_copy.read_bytes() == before
    assert not DataPaths(data_dir).backups.exists()


def test_a_damaged_wal_database_is_refused_and_left_untouched(data_dir, contract_example):
    from followup_desktop.exchange.jsonfile import import_json

    with Store(data_dir) as store:
        import_json(store, contract_example)
    db = DataPaths(data_dir).database
    data = db.read_bytes()
    page = 4096
    db.write_bytes(data[:page] + _garbage(data[page:]))
    before = db.read_bytes()
    with pytest.raises(DatabaseCorrupt) as err:
        Store(data_dir)
    assert "\n" not in str(err.value)
    assert db.read_bytes() == before


def test_an_empty_file_where_the_database_should_be_becomes_a_new_database(data_dir):
    data_dir.mkdir()
    DataPaths(data_dir).database.write_bytes(b"")
    with Store(data_dir) as store:
        assert store.connection.execute("PRAGMA user_version").fetchone()[0] == migrations.LATEST


def test_an_upgrade_step_another_process_already_ran_is_skipped(schema1_copy, dump):
    # Two launches open the same old file: the second waits for the write lock, then finds the
    # step done. It must not run it again (it would fail on "table already exists").
    first = connection.connect(schema1_copy)
    connection.migrate(first, 1, migrations.STEPS)
    first.close()
    after_first = dump(schema1_copy)
    late = connection.connect(schema1_copy)
    try:
        assert connection.migrate(late, 1, migrations.STEPS) == migrations.LATEST
    finally:
        late.close()
    assert dump(schema1_copy) == after_first


def test_several_launches_at_once_on_an_old_database_all_succeed(schema1_copy, tmp_path):
    import subprocess
    import sys

    data = tmp_path / "race"
    data.mkdir()
    (data / "followup.sqlite3").write_bytes(schema1_copy.read_bytes())
    procs = [subprocess.Popen([sys.executable, "-m", "followup_desktop", "--data-dir", str(data), "due"],
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True) for _ in range(4)]
    results = [(p.wait(timeout=60), p.stderr.read()) for p in procs]
    for p in procs:
        p.stdout.close()
        p.stderr.close()
    assert [code for code, _ in results] == [0, 0, 0, 0], results
    con = read_only(data / "followup.sqlite3")
    try:
        assert con.execute("PRAGMA user_version").fetchone()[0] == migrations.LATEST
    finally:
        con.close()
