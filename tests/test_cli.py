"""The command line (CONTRACT.md): what scripts and the packaged app rely on."""

from __future__ import annotations

import json
import sqlite3

import pytest

from followup_desktop import __version__, cli
from followup_desktop.paths import DB_FILENAME, DataPaths
from followup_desktop.store import Store
from followup_desktop.store.migrations import LATEST

CONTRACT_DUE_FIELDS = {"application", "employer", "position", "action", "contact", "channel",
                       "opens", "due", "overdue", "reason"}


def run(capsys, *args) -> tuple[int, str, str]:
    code = cli.main([str(a) for a in args])
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def imported(data_dir, contract_example, capsys):
    """A data dir holding the contract's example file."""
    code, _, err = run(capsys, "--data-dir", data_dir, "import", contract_example)
    assert (code, err) == (0, "")
    return data_dir


# -- version and data dir ----------------------------------------------------------------------

def test_version_prints_the_installed_version(capsys):
    code, out, err = run(capsys, "--version")
    assert code == 0
    assert out.strip() == f"followup-desktop {__version__}"
    assert __version__ and __version__[0].isdigit()


def test_version_from_a_real_process(run_app):
    proc = run_app("--version")
    assert proc.returncode == 0
    assert proc.stdout.strip() == f"followup-desktop {__version__}"
    assert proc.stderr == ""


def test_data_dir_option_chooses_where_the_database_lives(tmp_path, contract_example, capsys, monkeypatch):
    monkeypatch.delenv("FOLLOWUP_DESKTOP_DATA_DIR")
    chosen = tmp_path / "chosen"
    code, _, _ = run(capsys, "--data-dir", chosen, "import", contract_example)
    assert code == 0
    assert (chosen / DB_FILENAME).exists()


def test_the_environment_variable_chooses_the_data_dir_too(tmp_path, contract_example, capsys, monkeypatch):
    from_env = tmp_path / "from-env"
    monkeypatch.setenv("FOLLOWUP_DESKTOP_DATA_DIR", str(from_env))
    code, _, _ = run(capsys, "import", contract_example)
    assert code == 0
    assert (from_env / DB_FILENAME).exists()
    code, out, _ = run(capsys, "due", "--at", "2026-03-10T15:00", "--json")
    assert code == 0 and json.loads(out)[0]["application"] == "acme-office-manager"


def test_the_data_dir_option_wins_over_the_environment(tmp_path, contract_example, capsys, monkeypatch):
    from_env, chosen = tmp_path / "from-env", tmp_path / "chosen"
    monkeypatch.setenv("FOLLOWUP_DESKTOP_DATA_DIR", str(from_env))
    code, _, _ = run(capsys, "--data-dir", chosen, "import", contract_example)
    assert code == 0
    assert (chosen / DB_FILENAME).exists()
    assert not from_env.exists()


def test_a_real_process_honours_the_environment_variable_and_the_option(tmp_path, contract_example, run_app):
    from_env, chosen = tmp_path / "from-env", tmp_path / "chosen"
    env = {"FOLLOWUP_DESKTOP_DATA_DIR": str(from_env)}
    assert run_app("import", contract_example, env=env).returncode == 0
    assert (from_env / DB_FILENAME).exists()
    assert run_app("--data-dir", chosen, "due", env=env).returncode == 0
    assert (chosen / DB_FILENAME).exists()


# -- due ---------------------------------------------------------------------------------------

def test_due_json_gives_the_contract_fields_for_a_thank_you_after_an_interview(imported, capsys):
    code, out, err = run(capsys, "--data-dir", imported, "due", "--at", "2026-03-10T15:00", "--json")
    assert (code, err) == (0, "")
    items = json.loads(out)
    assert len(items) == 1
    item = items[0]
    assert CONTRACT_DUE_FIELDS <= set(item)
    assert {k: item[k] for k in CONTRACT_DUE_FIELDS - {"reason"}} == {
        "application": "acme-office-manager",
        "employer": "Acme Corp",
        "position": "Office Manager",
        "action": "thank_you",
        "contact": "Susan Smith",
        "channel": "email",
        "opens": "2026-03-10T15:00:00",
        "due": "2026-03-11T15:00:00",
        "overdue": False,
    }
    assert isinstance(item["reason"], str) and "Susan Smith" in item["reason"]


def test_a_thank_you_already_logged_is_no_longer_due(imported, capsys):
    code, out, _ = run(capsys, "--data-dir", imported, "due", "--at", "2026-03-10T19:00", "--json")
    assert code == 0
    # the contract example logs the thank-you to Susan at 18:00, after the interview at 14:00
    assert [i for i in json.loads(out) if i["action"] == "thank_you"] == []


@pytest.fixture
def no_thanks_sent(data_dir, contract_example, write_json, capsys):
    """The contract example, but the thank-you after the interview was never sent."""
    doc = json.loads(contract_example.read_text(encoding="utf-8"))
    doc["events"] = [e for e in doc["events"] if e["kind"] != "thank_you"]
    assert run(capsys, "--data-dir", data_dir, "import", write_json(doc))[0] == 0
    return data_dir


def test_a_thank_you_still_unsent_past_its_last_deadline_shows_as_overdue(no_thanks_sent, capsys):
    at = "2026-03-15T16:00:00"
    code, out, _ = run(capsys, "--data-dir", no_thanks_sent, "due", "--at", at, "--json")
    assert code == 0
    items = json.loads(out)
    assert items, "something must still be open for the unthanked interviewer"
    first = items[0]
    assert first["contact"] == "Susan Smith" and "thank_you" in first["action"]
    assert first["overdue"] is True and first["due"] < at


def test_due_lists_nothing_for_an_empty_data_dir(data_dir, capsys):
    code, out, err = run(capsys, "--data-dir", data_dir, "due", "--at", "2026-03-10T15:00", "--json")
    assert (code, err) == (0, "")
    assert json.loads(out) == []
    code, out, _ = run(capsys, "--data-dir", data_dir, "due", "--at", "2026-03-10T15:00")
    assert code == 0 and out.startswith("Nothing to follow up on")


def test_due_at_a_bare_date_means_the_start_of_that_day(no_thanks_sent, capsys):
    _, bare, _ = run(capsys, "--data-dir", no_thanks_sent, "due", "--at", "2026-03-11", "--json")
    _, midnight, _ = run(capsys, "--data-dir", no_thanks_sent, "due", "--at", "2026-03-11T00:00", "--json")
    assert json.loads(bare) == json.loads(midnight)
    assert [i["action"] for i in json.loads(bare)] == ["thank_you"]


@pytest.mark.parametrize("when", ["", "2026-02-30", "2026-03-10T25:00", "03/10/2026", "tomorrow",
                                  "2026-03-10T15:00+01:00", "2026-03-10T15:00Z"])
def test_due_at_a_value_that_is_not_a_local_time_exits_2_naming_the_option(data_dir, capsys, when):
    code, out, err = run(capsys, "--data-dir", data_dir, "due", "--at", when)
    assert code == 2
    assert out == ""
    assert err.count("\n") == 1 and "--at" in err and when in err


def test_due_at_a_bad_value_from_a_real_process(tmp_path, run_app):
    proc = run_app("--data-dir", tmp_path / "d", "due", "--at", "2026-02-30T09:00")
    assert proc.returncode == 2
    assert proc.stderr.count("\n") == 1 and "--at" in proc.stderr
    assert "Traceback" not in proc.stderr


# -- import and export -------------------------------------------------------------------------

@pytest.mark.parametrize("name", ["applications.xlsx", "applications.txt", "applications"])
def test_importing_a_file_type_it_cannot_read_exits_2(tmp_path, data_dir, capsys, name):
    path = tmp_path / name
    path.write_text("key,position\nacme,Office Manager\n", encoding="utf-8")
    code, out, err = run(capsys, "--data-dir", data_dir, "import", path)
    assert code == 2
    assert out == ""
    assert err.count("\n") == 1 and name in err and "cannot import" in err


def test_exporting_into_a_folder_that_does_not_exist_exits_2(imported, tmp_path, capsys):
    target = tmp_path / "no-such-folder" / "out.json"
    code, out, err = run(capsys, "--data-dir", imported, "export", target)
    assert code == 2
    assert err.count("\n") == 1 and "does not exist" in err
    assert not target.parent.exists()


def test_exporting_to_a_file_type_it_cannot_write_exits_2(imported, tmp_path, capsys):
    code, _, err = run(capsys, "--data-dir", imported, "export", tmp_path / "out.xlsx")
    assert code == 2 and "cannot export" in err
    assert not (tmp_path / "out.xlsx").exists()


def test_export_reports_what_it_wrote(imported, tmp_path, capsys):
    code, out, err = run(capsys, "--data-dir", imported, "export", tmp_path / "out.json")
    assert (code, err) == (0, "")
    assert "1 applications and 4 events" in out
    assert json.loads((tmp_path / "out.json").read_text(encoding="utf-8"))["format"] == "followup-desktop"


# -- usage errors and failures -----------------------------------------------------------------

@pytest.mark.parametrize("args", [["frobnicate"], ["import"], ["--no-such-option"],
                                  ["due", "--at"], ["export", "a.json", "b.json"]])
def test_a_usage_error_exits_2(capsys, args):
    code, out, err = run(capsys, *args)
    assert code == 2
    assert "usage:" in err


def test_a_usage_error_from_a_real_process_exits_2(run_app):
    proc = run_app("frobnicate")
    assert proc.returncode == 2
    assert "invalid choice" in proc.stderr
    assert "Traceback" not in proc.stderr


def _newer(data_dir):
    with Store(data_dir):
        pass
    db = DataPaths(data_dir).database
    con = sqlite3.connect(db)
    con.execute(f"PRAGMA user_version = {LATEST + 1}")
    con.close()
    return db


def test_due_on_a_database_from_a_newer_app_exits_1_with_one_line(data_dir, capsys):
    db = _newer(data_dir)
    before = db.read_bytes()
    code, out, err = run(capsys, "--data-dir", data_dir, "due")
    assert code == 1
    assert out == ""
    assert err.count("\n") == 1 and "newer" in err
    assert db.read_bytes() == before


def test_due_on_a_database_from_a_newer_app_from_a_real_process(data_dir, run_app):
    db = _newer(data_dir)
    before = db.read_bytes()
    proc = run_app("--data-dir", data_dir, "due")
    assert proc.returncode == 1
    assert proc.stderr.count("\n") == 1 and "newer" in proc.stderr
    assert "Traceback" not in proc.stderr
    assert db.read_bytes() == before


def test_due_on_a_damaged_database_exits_1_with_one_line_and_touches_nothing(schema1_copy, data_dir, run_app):
    data = schema1_copy.read_bytes()
    schema1_copy.write_bytes(data[:1024] + bytes(len(data) - 1024))  # pages wiped to zeros
    before = schema1_copy.read_bytes()
    proc = run_app("--data-dir", data_dir, "due")
    assert proc.returncode == 1
    assert proc.stderr.count("\n") == 1 and "damaged" in proc.stderr
    assert "Traceback" not in proc.stderr
    assert schema1_copy.read_bytes() == before


def test_a_folder_the_user_names_keeps_its_own_permissions_but_the_database_is_private(tmp_path, capsys):
    shared = tmp_path / "Documents"
    shared.mkdir(mode=0o755)
    shared.chmod(0o755)
    code, _, _ = run(capsys, "--data-dir", shared, "due")
    assert code == 0
    assert shared.stat().st_mode & 0o777 == 0o755
    assert (shared / "followup.sqlite3").stat().st_mode & 0o777 == 0o600
    fresh = tmp_path / "new-folder"
    assert run(capsys, "--data-dir", fresh, "due")[0] == 0
    assert fresh.stat().st_mode & 0o777 == 0o700


def test_the_self_test_passes_on_a_throw_away_data_dir_and_leaves_the_real_one_alone(tmp_path, run_app):
    proc = run_app("--self-test")
    assert proc.returncode == 0, proc.stderr
    lines = proc.stdout.splitlines()
    assert lines[-1] == "self-test passed"
    assert any(line.startswith("ok  windows: main window, ") and "settings" in line for line in lines)
    assert not (tmp_path / "env-data-dir").exists()  # FOLLOWUP_DESKTOP_DATA_DIR was not touched


def test_due_says_hours_overdue_for_a_step_missed_hours_ago_not_a_day(no_thanks_sent, capsys):
    from datetime import datetime, timedelta

    code, out, _ = run(capsys, "--data-dir", no_thanks_sent, "due", "--at", "2026-03-15T16:00", "--json")
    late = next(i for i in json.loads(out) if i["overdue"])
    due = datetime.fromisoformat(late["due"])
    shown = {}
    for label, after in {"minutes": timedelta(minutes=20), "hours": timedelta(hours=9),
                         "a day": timedelta(hours=25)}.items():
        at = (due + after).isoformat(timespec="minutes")
        code, out, _ = run(capsys, "--data-dir", no_thanks_sent, "due", "--at", at)
        assert code == 0
        shown[label] = next(line for line in out.splitlines() if "overdue" in line)
    assert f"overdue since {due:%H:%M}" in shown["minutes"]
    assert "9 hours overdue" in shown["hours"]
    assert "1 day overdue" in shown["a day"]
