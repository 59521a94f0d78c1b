"""Hostile input (issue 13, items 7-11): every case that once broke the import is refused with
exit 2 and one line of at most 300 characters, and the stored data stays byte for byte the same."""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from followup_desktop import cli
from followup_desktop.paths import DataPaths

OTHER = {
    "format": "followup-desktop", "version": 1,
    "employers": [{"key": "globex", "name": "Globex Logistics"}],
    "contacts": [{"key": "mei", "employer": "globex", "name": "Mei Chen", "role": "hr",
                  "email": "mei@globex.example"}],
    "applications": [{"key": "globex-dispatcher", "employer": "globex", "position": "Dispatcher",
                      "stage": "applied"}],
    "events": [{"application": "globex-dispatcher", "kind": "applied", "at": "2026-03-03T10:00:00",
                "channel": "email", "contacts": ["mei"]}],
}


def other(**changes) -> dict:
    doc = json.loads(json.dumps(OTHER))
    for path, value in changes.items():
        section, index, field = path.split("__")
        doc[section][int(index)][field] = value
    return doc


def raw(text: str) -> bytes:
    """A file written by hand (JSON that `json.dumps` would never write)."""
    return text.encode("utf-8")


def with_settings(**values) -> dict:
    return {**other(), "settings": values}


def run(capsys, *args) -> tuple[int, str, str]:
    code = cli.main([str(a) for a in args])
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def stocked(tmp_path, contract_example, capsys) -> Path:
    data = tmp_path / "stocked"
    code, _, err = run(capsys, "--data-dir", data, "import", contract_example)
    assert (code, err) == (0, "")
    return data


def files_of(data: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(data.iterdir()) if p.is_file()}


def assert_refused(code, out, err, *phrases):
    assert code == 2, err
    assert out == ""
    assert err.endswith("\n") and err.count("\n") == 1, err[:400]
    assert len(err) - 1 <= 300, f"{len(err)} characters: {err[:400]}"
    for phrase in phrases:
        assert phrase in err, err


LONG_DIGITS = "1" * 4301
HOSTILE = [
    # item 7
    ("an integer of more than 4,300 digits",
     raw(json.dumps(other()).replace('"channel": "email"', f'"channel": "email", "duration_minutes": {LONG_DIGITS}')),
     ["4,301 digits long"]),
    ("a number NaN", raw(json.dumps(other()).replace('"stage": "applied"', '"stage": NaN')), ["NaN"]),
    ("a lone surrogate in a name", raw(json.dumps(other()).replace("Mei Chen", "Mei \\ud800Chen")),
     ['contacts[0]: field "name"', "lone surrogate"]),
    ("a lone surrogate in a key", raw(json.dumps(other()).replace('"globex-dispatcher"', '"globex-\\udfff"')),
     ["applications[0]", "lone surrogate"]),
    ("a lone surrogate in the profile", raw(json.dumps({**other(), "profile": {"name": "Jo \\udc80"}})
                                             .replace("\\\\udc80", "\\udc80")),
     ['profile: field "name"', "lone surrogate"]),
    ("a lone surrogate in a profile value through settings",
     raw(json.dumps(with_settings(profile_name="Jo")).replace('"Jo"', '"Jo\\ud83d"')),
     ['settings: field "profile_name"', "lone surrogate"]),
    ("a line break in the name through settings", with_settings(profile_name="Jordan\r\nBcc: x@evil.example"),
     ['"profile_name"', "carriage return"]),
    ("a NUL in the phone through settings", with_settings(profile_phone="+1 555\x000100"),
     ['"profile_phone"', "NUL"]),
    ("an ESC in the signature through settings", with_settings(profile_signature="Jordan\x1b[31m Lee"),
     ['"profile_signature"', "escape character"]),
    ("an ESC in an employer's notes", {**other(), "employers": [{"key": "globex", "name": "G", "notes": "a\x1b[2Jb"}]},
     ['employers[0]: field "notes"', "escape character"]),
    ("a date in year 9999", other(applications__0__posting_closes="9999-12-31"),
     ['field "posting_closes"', "latest year is 9998"]),
    ("an event in year 9999", other(events__0__at="9999-06-01T10:00:00"),
     ['events[0]', 'field "at"', "latest year is 9998"]),
    # item 8
    ("a bad value of 5 MB is echoed cut short", other(contacts__0__role="x" * 5_000_000),
     ['field "role"', "…"]),
    ("a long unknown field name is echoed cut short", {**other(), "employers": [{"key": "globex", "name": "G", "y" * 100_000: 1}]},
     ["unknown field"]),
    # item 10, second half
    ("two addresses in a contact's email", other(contacts__0__email="a@x.com,b@y.com"),
     ['contacts[0]: field "email"', "one address"]),
    ("two addresses in the profile's email", {**other(), "profile": {"email": "a@x.com; b@y.com"}},
     ['profile: field "email"', "one address"]),
    ("two addresses through settings", with_settings(profile_email="a@x.com b@y.com"),
     ['"profile_email"', "one address"]),
    ("not an address", other(contacts__0__email="mei at globex"), ["is not an email address"]),
    # item 11
    ("a closed stage without an outcome", other(applications__0__stage="closed"),
     ['applications[0]', 'field "outcome"', "a closed application needs an outcome"]),
]


@pytest.mark.parametrize("name, content, says", HOSTILE, ids=[c[0] for c in HOSTILE])
def test_a_hostile_file_is_refused_with_one_short_line_and_the_data_stays_byte_identical(
        name, content, says, stocked, tmp_path, capsys):
    before = files_of(stocked)
    path = tmp_path / "hostile.json"
    path.write_bytes(content if isinstance(content, bytes) else json.dumps(content).encode("utf-8"))

    assert_refused(*run(capsys, "--data-dir", stocked, "import", path), "nothing imported", *says)
    assert files_of(stocked) == before


def test_a_good_address_and_a_multi_line_signature_are_still_taken(stocked, tmp_path, capsys):
    doc = with_settings(profile_signature="Jordan Lee\n\tOffice administrator", profile_email="jo.lee+jobs@mail.example.org")
    path = tmp_path / "good.json"
    path.write_text(json.dumps(doc), encoding="utf-8")
    code, out, err = run(capsys, "--data-dir", stocked, "import", path)
    assert (code, err) == (0, ""), err


def test_a_far_future_date_refused_keeps_due_working(stocked, tmp_path, capsys):
    path = tmp_path / "future.json"
    path.write_text(json.dumps(other(events__0__at="9999-12-31T23:00:00")), encoding="utf-8")
    assert run(capsys, "--data-dir", stocked, "import", path)[0] == 2
    code, out, err = run(capsys, "--data-dir", stocked, "due", "--json", "--at", "2026-03-10T15:30")
    assert (code, err) == (0, "") and json.loads(out)


# -- item 8: what is not a regular file -----------------------------------------------------------

@pytest.mark.parametrize("device", ["/dev/zero", "/dev/urandom"])
def test_a_device_named_as_the_file_to_import_is_refused_at_once(device, stocked, tmp_path, capsys):
    before = files_of(stocked)
    link = tmp_path / "endless.json"
    link.symlink_to(device)
    started = time.monotonic()
    assert_refused(*run(capsys, "--data-dir", stocked, "import", link), "is a device, not a file")
    assert time.monotonic() - started < 2
    assert files_of(stocked) == before


def test_a_fifo_named_as_the_file_to_import_is_refused_instead_of_waiting_forever(stocked, tmp_path, run_app):
    before = files_of(stocked)
    fifo = tmp_path / "pipe.json"
    os.mkfifo(fifo)
    done = run_app("--data-dir", stocked, "import", fifo)
    assert_refused(done.returncode, done.stdout, done.stderr, "is a pipe (FIFO)")
    assert files_of(stocked) == before


def test_a_folder_named_as_the_file_to_import_is_refused(stocked, tmp_path, capsys):
    folder = tmp_path / "folder.json"
    folder.mkdir()
    assert_refused(*run(capsys, "--data-dir", stocked, "import", folder), "is a folder")


def test_a_file_that_says_it_is_small_is_still_read_no_further_than_the_limit():
    """A file that grows while it is read, or lies about its size (/proc files say 0 bytes), is
    cut at the limit + 1 byte and refused."""
    from followup_desktop.exchange import validate

    maps = Path("/proc/self/maps")
    assert maps.stat().st_size == 0 and len(maps.read_bytes()) > 200
    with pytest.raises(validate.ExchangeError, match="larger than the 100 bytes"):
        validate.read_limited(maps, 100)


def test_an_event_naming_100000_contacts_is_checked_in_linear_time(stocked, tmp_path, capsys):
    keys = [f"c{i}" for i in range(100_000)]
    doc = other(events__0__contacts=keys + ["c0"])
    path = tmp_path / "many.json"
    path.write_text(json.dumps(doc), encoding="utf-8")
    started = time.monotonic()
    assert_refused(*run(capsys, "--data-dir", stocked, "import", path), 'names contact "c0" twice')
    assert time.monotonic() - started < 5  # was 33 s


# -- item 9: two imports of one file at once -----------------------------------------------------

def test_two_imports_of_the_same_file_at_once_the_second_says_already_there(stocked, tmp_path):
    path = tmp_path / "globex.json"
    path.write_text(json.dumps(OTHER), encoding="utf-8")
    db = DataPaths(stocked).database
    # Hold the write lock so that both imports are under way together and wait for it.
    holder = sqlite3.connect(db, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")
    env = {**os.environ, "FOLLOWUP_DESKTOP_DATA_DIR": str(stocked)}
    procs = [subprocess.Popen([sys.executable, "-m", "followup_desktop", "import", str(path)],
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env)
             for _ in range(2)]
    time.sleep(1.5)
    holder.execute("ROLLBACK")
    holder.close()
    results = sorted((p.wait(timeout=60), p.stdout.read(), p.stderr.read()) for p in procs)
    (code0, out0, err0), (code2, out2, err2) = results
    assert (code0, err0) == (0, "") and "imported 1 employers" in out0
    assert_refused(code2, out2, err2, "this file was imported before", "globex-dispatcher",
                   "Globex Logistics — Dispatcher")


# -- issue 11, item 8: re-importing, a missing file ----------------------------------------------

def test_re_importing_a_file_says_in_plain_words_that_its_records_are_there(stocked, contract_example, capsys):
    before = files_of(stocked)
    assert_refused(*run(capsys, "--data-dir", stocked, "import", contract_example),
                   'this file was imported before: application "acme-office-manager" '
                   "(Acme Corp — Office Manager) already in your data")
    assert files_of(stocked) == before


def test_a_file_with_one_record_already_there_names_that_record(stocked, tmp_path, capsys):
    doc = other()
    doc["contacts"].append({"key": "susan", "employer": "globex", "name": "S", "role": "hr"})
    path = tmp_path / "one.json"
    path.write_text(json.dumps(doc), encoding="utf-8")
    assert_refused(*run(capsys, "--data-dir", stocked, "import", path),
                   'contacts[1]: contact "susan" (Susan Smith) is already in your data')


def test_a_failed_import_of_a_missing_file_creates_no_data_dir(tmp_path, capsys):
    data = tmp_path / "never"
    assert_refused(*run(capsys, "--data-dir", data, "import", tmp_path / "missing.json"), "cannot read the file")
    assert not data.exists()


def test_an_unreadable_json_file_creates_no_data_dir_either(tmp_path, capsys):
    data = tmp_path / "never"
    path = tmp_path / "broken.json"
    path.write_text("{", encoding="utf-8")
    assert_refused(*run(capsys, "--data-dir", data, "import", path), "not valid JSON")
    assert not data.exists()
