"""The exchange file: what goes out comes back in unchanged, and a bad file changes nothing."""

from __future__ import annotations

import json
import os
import sqlite3
import stat
from pathlib import Path

import pytest

from followup_desktop import cli
from followup_desktop.paths import DataPaths
from followup_desktop.store import Store

# Every field of the contract, written the way an export writes it, so that export == input.
RICH = {
    "format": "followup-desktop",
    "version": 1,
    "profile": {
        "name": "Jordan Lee", "email": "jordan@example.org", "phone": "+1 555 0100",
        "employed": True, "signature": "Jordan Lee\nOffice administrator\n+1 555 0100",
    },
    "employers": [
        {"key": "acme", "name": "Acme Corp", "website": "https://acme.example",
         "notes": "Met their team at the spring job fair.\nAsk about the night shift."},
        {"key": "globex", "name": "Globex Logistics", "website": "", "notes": ""},
        {"key": "initech", "name": "Initech Zürich — Büro", "website": "https://initech.example",
         "notes": ""},
    ],
    "contacts": [
        {"key": "susan", "employer": "acme", "name": "Susan Smith", "role": "recruiter",
         "email": "susan@acme.example", "phone": "+1 555 0101",
         "notes": "Prefers email; answers before 10am."},
        {"key": "raj", "employer": "acme", "name": "Raj Patel", "role": "hiring_manager",
         "email": "raj.patel@acme.example", "phone": ""},
        {"key": "mei", "employer": "globex", "name": "Mei Chen", "role": "hr", "email": "",
         "phone": "+1 555 0202"},
        {"key": "dana", "employer": "initech", "name": "Dana O'Neil", "role": "referral",
         "email": "dana@initech.example", "phone": ""},
    ],
    "applications": [
        {"key": "acme-office-manager", "employer": "acme", "position": "Office Manager",
         "source": "referral", "referred_by": "Susan Smith",
         "posting_url": "https://acme.example/jobs/17", "posting_closes": "2026-03-20",
         "stage": "interviewing", "outcome": None, "created": "2026-03-01T08:30:00"},
        {"key": "globex-dispatcher", "employer": "globex", "position": "Dispatcher",
         "source": "posting", "referred_by": "", "posting_url": "", "posting_closes": None,
         "stage": "applied", "outcome": None, "created": "2026-03-03T10:00:00"},
        {"key": "initech-accounts", "employer": "initech", "position": "Accounts Assistant",
         "source": None, "referred_by": "", "posting_url": "", "posting_closes": None,
         "stage": "closed", "outcome": "rejected", "archived": True},
    ],
    "events": [
        {"application": "acme-office-manager", "kind": "applied", "at": "2026-03-02T09:00:00",
         "channel": "portal"},
        {"application": "acme-office-manager", "kind": "interview", "at": "2026-03-10T14:00:00",
         "channel": "in_person", "duration_minutes": 90, "contacts": ["raj", "susan"],
         "key_points": {"raj": "Worried about the\nweekend rota.",
                        "susan": "Loved the scheduling story."},
         "decision_expected": "2026-03-17", "notes": "Panel interview, second floor."},
        {"application": "acme-office-manager", "kind": "thank_you", "at": "2026-03-10T18:00:00",
         "channel": "email", "contacts": ["susan"], "subject": "Thank you for today"},
        {"application": "acme-office-manager", "kind": "thank_you", "at": "2026-03-10T18:05:00",
         "channel": "letter", "contacts": ["raj"], "notes": "Handwritten card, posted."},
        {"application": "globex-dispatcher", "kind": "applied", "at": "2026-03-03T10:30:00",
         "channel": "email", "subject": "Application: Dispatcher"},
        {"application": "globex-dispatcher", "kind": "status_check", "at": "2026-03-10T10:00:00",
         "channel": "phone", "outcome": "left_message", "contacts": ["mei"]},
        {"application": "globex-dispatcher", "kind": "reply", "at": "2026-03-12T15:00:00",
         "channel": "email", "outcome": "no_decision", "next_date": "2026-03-25"},
        {"application": "initech-accounts", "kind": "applied", "at": "2026-02-01T09:00:00",
         "channel": "email"},
        {"application": "initech-accounts", "kind": "reply", "at": "2026-02-20T16:00:00",
         "channel": "email", "outcome": "rejected", "encouraged": True,
         "notes": "They kept my CV on file."},
        {"application": "initech-accounts", "kind": "closed", "at": "2026-02-20T16:05:00",
         "reason": "rejected"},
    ],
    "settings": {"thank_you_due_hours": 12, "nudge_after_days": 10,
                 "call_hours": "10:00-11:30, 14:00-15:30", "quiet_hours_start": "20:00"},
    "action_states": [
        {"id": "acme-office-manager|thank_you|2026-03-10T14:00:00|raj",
         "application": "acme-office-manager", "done_at": "2026-03-10T18:05:00"},
        {"id": "acme-office-manager|thank_you|2026-03-10T14:00:00|susan",
         "application": "acme-office-manager", "done_at": "2026-03-10T18:00:00",
         "notified_at": "2026-03-10T15:00:00"},
        {"id": "globex-dispatcher|status_check|2026-03-10", "application": "globex-dispatcher",
         "dismissed_at": "2026-03-11T09:00:00", "snoozed_until": "2026-03-12T09:00:00",
         "overdue_notified_at": "2026-03-11T08:00:00"},
    ],
}


def import_file(data_dir, path, capsys) -> tuple[int, str, str]:
    code = cli.main(["--data-dir", str(data_dir), "import", str(path)])
    out, err = capsys.readouterr()
    return code, out, err


def export_file(data_dir, path, capsys) -> bytes:
    assert cli.main(["--data-dir", str(data_dir), "export", str(path)]) == 0
    capsys.readouterr()
    return path.read_bytes()


# -- round trip --------------------------------------------------------------------------------

@pytest.mark.parametrize("source", ["contract example", "every field"])
def test_export_then_import_into_an_empty_data_dir_gives_the_same_data_back(
        source, tmp_path, contract_example, write_json, capsys):
    if source == "contract example":
        original = contract_example
    else:
        original = write_json(RICH, "rich.json")
    expected = json.loads(original.read_text(encoding="utf-8"))

    code, out, err = import_file(tmp_path / "first", original, capsys)
    assert (code, err) == (0, "")
    first = export_file(tmp_path / "first", tmp_path / "first.json", capsys)

    code, _, err = import_file(tmp_path / "second", tmp_path / "first.json", capsys)
    assert (code, err) == (0, "")
    second = export_file(tmp_path / "second", tmp_path / "second.json", capsys)

    assert first == second  # byte for byte
    if source == "contract example":
        # the stage follows the timeline: the example's application had its interview
        assert expected["applications"][0]["stage"] == "applied"
        expected["applications"][0]["stage"] = "interviewing"
    assert json.loads(first) == expected  # nothing lost, nothing invented


def test_a_rich_import_reaches_the_store_the_way_the_app_reads_it(tmp_path, write_json, capsys):
    code, out, _ = import_file(tmp_path / "d", write_json(RICH), capsys)
    assert code == 0
    assert out.strip() == "imported 3 employers, 4 contacts, 3 applications, 10 events"
    with Store(tmp_path / "d") as store:
        settings = store.settings()
        assert settings.profile_employed is True
        assert settings.profile_signature.startswith("Jordan Lee\n")
        assert settings.thank_you_due_hours == 12
        visible = {a.key for a in store.applications()}
        every = {a.key: a for a in store.applications(include_archived=True)}
        states = store.action_states()
    assert visible == {"acme-office-manager", "globex-dispatcher"}  # the archived one is hidden
    interview = [e for e in every["acme-office-manager"].events if e.kind == "interview"][0]
    assert interview.contacts == ("raj", "susan")  # as the user listed them
    assert interview.key_points["raj"] == "Worried about the\nweekend rota."
    assert len(states) == 3


def test_an_export_is_readable_only_by_its_owner(tmp_path, contract_example, capsys):
    import_file(tmp_path / "d", contract_example, capsys)
    out = tmp_path / "mine.json"
    export_file(tmp_path / "d", out, capsys)
    assert stat.S_IMODE(out.stat().st_mode) == 0o600
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".mine")] == []  # no temp left


def test_a_file_may_add_to_records_already_in_the_data_dir(tmp_path, contract_example, write_json, capsys):
    data = tmp_path / "d"
    import_file(data, contract_example, capsys)
    more = {
        "format": "followup-desktop", "version": 1,
        "contacts": [{"key": "raj", "employer": "acme", "name": "Raj Patel", "role": "interviewer"}],
        "events": [{"application": "acme-office-manager", "kind": "follow_up",
                    "at": "2026-03-19T10:00", "channel": "email", "contacts": ["susan", "raj"]}],
    }
    code, out, err = import_file(data, write_json(more), capsys)
    assert (code, err) == (0, "")
    assert "1 contacts" in out and "1 events" in out
    doc = json.loads(export_file(data, tmp_path / "all.json", capsys))
    follow_up = [e for e in doc["events"] if e["kind"] == "follow_up"][0]
    assert follow_up["at"] == "2026-03-19T10:00:00"  # minutes-only times gain their seconds
    assert follow_up["contacts"] == ["susan", "raj"]
    assert doc["profile"]["name"] == "Jordan Lee"  # a file without a profile leaves it alone


def test_a_file_saved_with_a_byte_order_mark_imports(tmp_path, contract_example, capsys):
    bom = tmp_path / "bom.json"
    bom.write_bytes(b"\xef\xbb\xbf" + contract_example.read_bytes())
    code, out, err = import_file(tmp_path / "d", bom, capsys)
    assert (code, err) == (0, "")
    assert "1 applications" in out


# -- bad input: refused whole, with one line that says where ----------------------------------

STORED_STATE = "acme-office-manager|thank_you|2026-03-10T14:00:00|susan"


@pytest.fixture
def stocked(tmp_path, contract_example, write_json, capsys):
    """A data dir already holding the contract example (and one action state) to protect."""
    data = tmp_path / "stocked"
    doc = json.loads(contract_example.read_text(encoding="utf-8"))
    doc["action_states"] = [{"id": STORED_STATE, "application": "acme-office-manager",
                             "done_at": "2026-03-10T18:00:00"}]
    code, _, err = import_file(data, write_json(doc, "stock.json"), capsys)
    assert (code, err) == (0, "")
    return data


def good_doc() -> dict:
    """A valid file of new records that the stocked data dir would accept."""
    return {
        "format": "followup-desktop",
        "version": 1,
        "profile": {"name": "Jordan Q. Lee", "email": "jordan@example.org", "phone": "",
                    "employed": True},
        "employers": [{"key": "globex", "name": "Globex Logistics", "website": "", "notes": ""}],
        "contacts": [{"key": "mei", "employer": "globex", "name": "Mei Chen", "role": "hr",
                      "email": "mei@globex.example", "phone": ""}],
        "applications": [{"key": "globex-dispatcher", "employer": "globex", "position": "Dispatcher",
                          "source": "posting", "referred_by": "", "posting_url": "",
                          "posting_closes": "2026-03-20", "stage": "applied", "outcome": None}],
        "events": [
            {"application": "globex-dispatcher", "kind": "applied", "at": "2026-03-03T10:30:00",
             "channel": "email"},
            {"application": "globex-dispatcher", "kind": "interview", "at": "2026-03-12T10:00:00",
             "duration_minutes": 45, "contacts": ["mei"]},
            {"application": "globex-dispatcher", "kind": "reply", "at": "2026-03-14T10:00:00",
             "outcome": "no_decision"},
        ],
        "settings": {"nudge_after_days": 10},
        "action_states": [{"id": "globex-dispatcher|thank_you|2026-03-12T10:00:00|mei",
                           "application": "globex-dispatcher", "done_at": "2026-03-12T17:00:00"}],
    }


def edit(fn):
    """A case that changes a copy of good_doc() in place."""
    def make():
        doc = good_doc()
        fn(doc)
        return doc
    return make


def whole(value):
    return lambda: value


def _set(section, index, **fields):
    def fn(doc):
        doc[section][index].update(fields)
    return edit(fn)


def _drop(section, index, field):
    return edit(lambda doc: doc[section][index].pop(field))


def _append(section, record):
    return edit(lambda doc: doc[section].append(record))


BAD = [
    # the file itself
    ("bad JSON", whole(b'{"format": "followup-desktop", "version": 1, "employers": ['),
     ["not valid JSON", "line 1"]),
    ("not UTF-8", whole(json.dumps({**good_doc(), "employers": [
        {"key": "globex", "name": "Globex Zürich", "website": "", "notes": ""}]},
        ensure_ascii=False).encode("latin-1")), ["not UTF-8"]),
    ("top level is a list", whole([good_doc()]), ["must hold a JSON object", "a list"]),
    ("wrong format", edit(lambda d: d.update(format="followup-mobile")), ['field "format"']),
    ("wrong version", edit(lambda d: d.update(version=2)), ["version 2 is not supported"]),
    ("version as text", edit(lambda d: d.update(version="1")), ['field "version"']),
    ("unknown top-level field", edit(lambda d: d.update(tags=["urgent"])),
     ['unknown top-level field "tags"']),
    ("a section that is not a list", edit(lambda d: d.update(events={})),
     ['field "events" must be a list']),
    # fields
    ("unknown field in a record", _set("employers", 0, size=50),
     ["employers[0]", 'unknown field "size"']),
    ("unknown field in the profile", edit(lambda d: d["profile"].update(age=41)),
     ["profile", 'unknown field "age"']),
    ("missing required field", _drop("applications", 0, "stage"),
     ["applications[0]", 'field "stage"']),
    ("unknown event kind", _set("events", 1, kind="coffee_chat"),
     ["events[1]", 'field "kind"', '"coffee_chat"']),
    ("unknown role", _set("contacts", 0, role="boss"),
     ["contacts[0]", 'field "role"', '"boss"']),
    ("impossible date", _set("applications", 0, posting_closes="2026-02-30"),
     ["applications[0]", 'field "posting_closes"', "not a real date"]),
    ("date in the wrong format", _set("applications", 0, posting_closes="03/10/2026"),
     ["applications[0]", 'field "posting_closes"', "YYYY-MM-DD"]),
    ("impossible time", _set("events", 0, at="2026-02-30T10:30:00"),
     ["events[0]", 'field "at"', "not a real date"]),
    ("time with a timezone offset", _set("events", 0, at="2026-03-03T10:30:00+01:00"),
     ["events[0]", 'field "at"', "local time"]),
    ("time in UTC", _set("events", 0, at="2026-03-03T10:30:00Z"),
     ["events[0]", 'field "at"', "local time"]),
    ("a line break in a name", _set("employers", 0, name="Globex\nLogistics"),
     ["employers[0]", 'field "name"', "line break"]),
    # keys and references
    ("duplicate employer key in the file",
     _append("employers", {"key": "globex", "name": "Globex again"}),
     ["employers[1]", 'duplicate key "globex"', "earlier in the file"]),
    ("duplicate application key in the file",
     _append("applications", {"key": "globex-dispatcher", "employer": "globex",
                              "position": "Driver", "stage": "lead"}),
     ["applications[1]", 'duplicate key "globex-dispatcher"', "earlier in the file"]),
    ("employer key already in the data dir", _set("employers", 0, key="acme"),
     ["employers[0]", 'employer "acme" (Acme Corp) is already in your data']),
    ("contact key already in the data dir", _set("contacts", 0, key="susan"),
     ["contacts[0]", 'contact "susan" (Susan Smith) is already in your data']),
    ("application key already in the data dir", _set("applications", 0, key="acme-office-manager"),
     ["applications[0]", 'application "acme-office-manager" (Acme Corp — Office Manager) is already in your data']),
    ("event for an unknown application", _set("events", 2, application="globex-driver"),
     ["events[2]", 'field "application"', '"globex-driver"']),
    ("contact at an unknown employer", _set("contacts", 0, employer="globx"),
     ["contacts[0]", 'field "employer"', '"globx"']),
    ("application at an unknown employer", _set("applications", 0, employer="globx"),
     ["applications[0]", 'field "employer"', '"globx"']),
    ("event naming an unknown contact", _set("events", 1, contacts=["mei", "ming"]),
     ["events[1]", 'field "contacts"', '"ming"']),
    ("event naming another employer's contact", _set("events", 1, contacts=["susan"]),
     ["events[1]", 'field "contacts"', 'works for "acme"']),
    ("key point for someone not at the interview", _set("events", 1, key_points={"raj": "?"}),
     ["events[1]", 'field "key_points"', '"raj"']),
    ("action state for an unknown application",
     _append("action_states", {"id": "x", "application": "nope"}),
     ["action_states[1]", 'field "application"', '"nope"']),
    ("the same mail message logged twice in the file",
     edit(lambda doc: doc["events"].extend(
         {"application": "globex-dispatcher", "kind": "note", "at": f"2026-03-0{day}T10:00:00",
          "message_id": "<m1@globex.example>"} for day in (5, 6))),
     ["events[", 'field "message_id"', '"<m1@globex.example>"', "earlier in the file"]),
    ("action state repeated in the file",
     _append("action_states", {"id": "globex-dispatcher|thank_you|2026-03-12T10:00:00|mei",
                               "application": "globex-dispatcher"}),
     ["action_states[1]", 'field "id"', "earlier in the file"]),
    ("action state already in the data dir",
     _append("action_states", {"id": STORED_STATE, "application": "acme-office-manager"}),
     ["action_states[1]", 'field "id"', "already in your data"]),
    ("the same field twice in one record",
     whole(b'{"format": "followup-desktop", "version": 1, "employers": '
           b'[{"key": "globex", "name": "Globex", "name": "Globex Logistics"}]}'),
     ['"name" appears twice']),
    ("a huge unknown role is not echoed whole", _set("contacts", 0, role="boss" * 1_000_000),
     ["contacts[0]", 'field "role"', "…"]),
    # sizes and types
    ("a 10 MB note", _set("employers", 0, notes="n" * 10_000_000),
     ["employers[0]", 'field "notes"', "20,000"]),
    ("an event note one character too long", _set("events", 0, notes="n" * 20_001),
     ["events[0]", 'field "notes"', "20,000"]),
    ("a name over 200 characters", _set("contacts", 0, name="M" * 201),
     ["contacts[0]", 'field "name"', "200"]),
    ("position as a number", _set("applications", 0, position=42),
     ["applications[0]", 'field "position"', "expected text"]),
    ("duration as text", _set("events", 1, duration_minutes="45"),
     ["events[1]", 'field "duration_minutes"', "whole number"]),
    ("employed as yes", edit(lambda d: d["profile"].update(employed="yes")),
     ["profile", 'field "employed"', "true or false"]),
    # rules between fields
    ("reply without outcome", _drop("events", 2, "outcome"),
     ["events[2]", 'field "outcome"', "a reply needs an outcome"]),
    ("closed without reason",
     _append("events", {"application": "globex-dispatcher", "kind": "closed",
                        "at": "2026-03-20T09:00:00"}),
     ["events[3]", 'field "reason"']),
    ("outcome on an application that is not closed", _set("applications", 0, outcome="hired"),
     ["applications[0]", 'field "outcome"', "only a closed application"]),
    # settings
    ("setting out of bounds", edit(lambda d: d["settings"].update(nudge_after_days=0)),
     ["settings", "nudge_after_days", "minimum"]),
    ("setting of the wrong kind", edit(lambda d: d["settings"].update(quiet_hours_start="25:00")),
     ["settings", "quiet_hours_start"]),
    ("unknown setting", edit(lambda d: d["settings"].update(nag_me_hourly=True)),
     ["settings", "nag_me_hourly"]),
]


def test_the_file_the_bad_cases_start_from_is_itself_accepted(stocked, write_json, capsys):
    code, out, err = import_file(stocked, write_json(good_doc()), capsys)
    assert (code, err) == (0, "")
    assert out.strip() == "imported 1 employers, 1 contacts, 1 applications, 3 events"


@pytest.mark.parametrize("name, make, says", BAD, ids=[case[0] for case in BAD])
def test_a_bad_file_is_refused_whole_with_one_line_naming_the_problem(
        name, make, says, stocked, tmp_path, dump, capsys):
    db = DataPaths(stocked).database
    before = dump(db)
    content = make()
    path = tmp_path / "bad.json"
    path.write_bytes(content if isinstance(content, bytes)
                     else json.dumps(content, ensure_ascii=False).encode("utf-8"))

    code, out, err = import_file(stocked, path, capsys)

    assert code == 2
    assert out == ""
    assert err.endswith("\n") and err.count("\n") == 1, err[:500]
    assert len(err) < 1000  # explains; never echoes a huge value back
    assert err.startswith("followup-desktop: ") and "nothing imported" in err
    for phrase in says:
        assert phrase in err
    assert dump(db) == before


def test_good_records_before_a_bad_one_are_not_written(stocked, write_json, dump, capsys):
    doc = good_doc()
    doc["events"][-1]["next_date"] = "2026-02-30"  # the very last record is bad
    db = DataPaths(stocked).database
    before = dump(db)
    code, _, err = import_file(stocked, write_json(doc), capsys)
    assert code == 2 and "events[2]" in err
    assert dump(db) == before
    with Store(stocked) as store:
        assert store.connection.execute("SELECT count(*) FROM employer WHERE key='globex'").fetchone()[0] == 0
        assert store.settings().profile_name == "Jordan Lee"  # not the file's "Jordan Q. Lee"
        assert store.settings().nudge_after_days == 7


def test_importing_a_file_that_does_not_exist_says_so_and_changes_nothing(stocked, tmp_path, dump, capsys):
    db = DataPaths(stocked).database
    before = dump(db)
    code, _, err = import_file(stocked, tmp_path / "missing.json", capsys)
    assert code == 2
    assert "missing.json" in err and "cannot read" in err
    assert dump(db) == before


def test_the_same_file_imported_twice_is_refused_the_second_time(stocked, contract_example, dump, capsys):
    db = DataPaths(stocked).database
    before = dump(db)
    code, _, err = import_file(stocked, contract_example, capsys)
    assert code == 2 and "this file was imported before" in err and "acme-office-manager" in err
    assert dump(db) == before


def test_a_bad_file_through_the_real_command_exits_2_with_one_line(stocked, write_json, run_app, dump):
    doc = good_doc()
    doc["contacts"][0]["role"] = "boss"
    db = DataPaths(stocked).database
    before = dump(db)
    proc = run_app("--data-dir", stocked, "import", write_json(doc))
    assert proc.returncode == 2
    assert proc.stdout == ""
    assert proc.stderr.count("\n") == 1 and 'contacts[0]' in proc.stderr and '"boss"' in proc.stderr
    assert "Traceback" not in proc.stderr
    assert dump(db) == before


def test_a_crash_half_way_through_writing_an_import_leaves_nothing_behind(
        stocked, write_json, dump, monkeypatch):
    from followup_desktop.exchange import jsonfile
    real_insert = jsonfile._insert

    def insert_then_fail_on_events(con, record, rows, **kw):
        if record.name == "event":
            raise OSError("disk full")  # employers, contacts and applications are written by now
        real_insert(con, record, rows, **kw)

    monkeypatch.setattr(jsonfile, "_insert", insert_then_fail_on_events)
    db = DataPaths(stocked).database
    before = dump(db)
    with Store(stocked) as store:
        with pytest.raises(OSError, match="disk full"):
            jsonfile.import_json(store, write_json(good_doc()))
    assert dump(db) == before


def test_killing_the_app_in_the_middle_of_a_big_import_loses_nothing_that_was_saved(tmp_path):
    import signal
    import subprocess
    import sys
    import time

    sys.path.insert(0, str(Path(__file__).parent / "benchmarks"))
    import generate

    data = tmp_path / "data"
    contract = Path(__file__).parent / "fixtures" / "contract_example.json"
    run = [sys.executable, "-m", "followup_desktop", "--data-dir", str(data)]
    subprocess.run([*run, "import", str(contract)], check=True, capture_output=True)
    con = sqlite3.connect(data / "followup.sqlite3")
    before = {t: con.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
              for t in ("employer", "contact", "application", "event", "event_contact", "setting")}
    con.close()
    big = tmp_path / "big.json"
    generate.generate(big, applications=3000, seed=3)

    proc = subprocess.Popen([*run, "import", str(big)], stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    db = data / "followup.sqlite3"
    deadline = time.monotonic() + 30
    # kill it while it is writing: once the write lock is taken (the -wal file grows)
    wal = Path(str(db) + "-wal")
    while time.monotonic() < deadline and (not wal.exists() or wal.stat().st_size < 32_768):
        time.sleep(0.01)
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait(timeout=30)
    proc.stdout.close()
    proc.stderr.close()
    assert proc.returncode == -signal.SIGKILL, "the import finished before it could be killed"

    con = sqlite3.connect(db)
    try:
        assert con.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        counts = {t: con.execute(f"SELECT count(*) FROM {t}").fetchone()[0]  # all or nothing
                  for t in ("employer", "contact", "application", "event", "event_contact", "setting")}
        assert counts == before
        assert con.execute("SELECT key FROM application").fetchone()[0] == "acme-office-manager"
    finally:
        con.close()
    # and the app carries on as before
    out = subprocess.run([*run, "due", "--at", "2026-03-10T15:30", "--json"], capture_output=True, text=True)
    assert out.returncode == 0 and [i["action"] for i in json.loads(out.stdout)] == ["thank_you"]


# -- the stage follows the events ---------------------------------------------------------------

def _one_application(dataset, stage, outcome, events, created=None):
    """Acme's one application "a" (a clerk), nobody to contact, with these events."""
    return dataset(events, contacts=[], applications=[
        {"key": "a", "employer": "acme", "position": "Clerk", "stage": stage, "outcome": outcome,
         **({"created": created} if created else {})}])


def _stored(data_dir):
    with Store(data_dir) as store:
        con = store.connection
        stage = con.execute("SELECT stage, outcome FROM application").fetchone()
        events = con.execute("SELECT kind, at, outcome, reason FROM event ORDER BY at, id").fetchall()
    return stage, events


def test_a_closed_application_with_no_closing_on_its_timeline_gets_one_at_its_latest_event(
        tmp_path, write_json, capsys, dataset):
    doc = _one_application(dataset, "closed", "no_response", [
        {"kind": "applied", "at": "2026-03-02T09:00:00"},
        {"kind": "status_check", "at": "2026-03-10T10:00:00", "channel": "email"}])
    code, out, err = import_file(tmp_path / "d", write_json(doc), capsys)
    assert (code, err) == (0, "")
    assert out.strip() == "imported 1 employers, 0 contacts, 1 applications, 2 events"
    stage, events = _stored(tmp_path / "d")
    assert stage == ("closed", "no_response")
    assert events[-1] == ("closed", "2026-03-10T10:00:00", None, "no_response")


def test_an_applied_application_with_nothing_on_its_timeline_is_applied_when_it_was_created(
        tmp_path, write_json, capsys, dataset):
    doc = _one_application(dataset, "applied", None, [], created="2026-03-01T08:30:00")
    assert import_file(tmp_path / "d", write_json(doc), capsys)[0] == 0
    assert _stored(tmp_path / "d") == (("applied", None), [("applied", "2026-03-01T08:30:00", None, None)])


def test_a_file_rejection_closes_the_application_even_when_its_stage_says_applied(
        tmp_path, write_json, capsys, dataset):
    doc = _one_application(dataset, "applied", None, [
        {"kind": "applied", "at": "2026-03-02T09:00:00"},
        {"kind": "reply", "at": "2026-03-12T15:00:00", "outcome": "rejected"}])
    assert import_file(tmp_path / "d", write_json(doc), capsys)[0] == 0
    stage, events = _stored(tmp_path / "d")
    assert stage == ("closed", "rejected")
    assert len(events) == 2  # the events say more: nothing added


def test_an_offer_in_the_file_with_only_an_interview_gets_the_offer_reply(tmp_path, write_json, capsys, dataset):
    doc = _one_application(dataset, "offer", None, [{"kind": "interview", "at": "2026-03-10T14:00:00"}])
    assert import_file(tmp_path / "d", write_json(doc), capsys)[0] == 0
    stage, events = _stored(tmp_path / "d")
    assert stage == ("offer", None)
    assert events[-1] == ("reply", "2026-03-10T14:00:00", "offer", None)


def test_an_interviewing_application_with_no_interview_on_file_gets_the_invitation_not_an_interview(
        tmp_path, write_json, capsys, dataset):
    doc = _one_application(dataset, "interviewing", None, [{"kind": "applied", "at": "2026-03-02T09:00:00"}])
    assert import_file(tmp_path / "d", write_json(doc), capsys)[0] == 0
    stage, events = _stored(tmp_path / "d")
    assert stage == ("interviewing", None)
    assert events[-1] == ("reply", "2026-03-02T09:00:00", "interview_invite", None)


def test_a_lead_with_no_date_at_all_is_told_its_first_step(data_dir, write_json, capsys):
    """A file may bring a lead with no events and no creation time: it came in now, so its
    first step (introduce yourself) is due from now, not never."""
    path = write_json({"format": "followup-desktop", "version": 1,
                       "employers": [{"key": "initech", "name": "Initech"}],
                       "applications": [{"key": "initech-analyst", "employer": "initech",
                                         "position": "Analyst", "stage": "lead"}]})
    assert cli.main(["--data-dir", str(data_dir), "import", str(path)]) == 0
    capsys.readouterr()
    assert cli.main(["--data-dir", str(data_dir), "due", "--json"]) == 0
    due = json.loads(capsys.readouterr().out)
    assert [(d["application"], d["action"]) for d in due] == [("initech-analyst", "introduce")]


def test_a_moment_another_program_stored_its_own_way_is_exported_as_the_app_writes_it(
        tmp_path, write_json, capsys):
    # The export reads rows as SQLite hands them; a stored moment that is not already in the
    # file's form (a space for the T, no seconds) is made the way the app writes it.
    data = tmp_path / "d"
    assert import_file(data, write_json(RICH), capsys)[0] == 0
    expected = json.loads(export_file(data, tmp_path / "before.json", capsys))
    con = sqlite3.connect(data / "followup.sqlite3")
    with con:
        con.execute("UPDATE event SET at = replace(substr(at, 1, 16), 'T', ' ') WHERE id = 1")
        con.execute("UPDATE application SET created = replace(created, 'T', ' ') WHERE id = 1")
    con.close()
    after = json.loads(export_file(data, tmp_path / "after.json", capsys))
    assert after == expected
    assert after["applications"][0]["created"] == expected["applications"][0]["created"]
    assert "T" in after["events"][0]["at"]


def test_an_export_stopped_halfway_leaves_the_earlier_file_as_it_was(tmp_path, write_json, capsys):
    # The file is written piece by piece as SQLite reads the records; stopping after the first
    # piece (Cancel in the window raises from the progress report) writes nothing at all.
    from followup_desktop.exchange.jsonfile import export_json

    data = tmp_path / "d"
    assert import_file(data, write_json(RICH), capsys)[0] == 0
    target = tmp_path / "out.json"
    target.write_text("the earlier export", encoding="utf-8")
    reports = []

    def progress(done, total):
        reports.append((done, total))
        if done:
            raise KeyboardInterrupt

    with Store(DataPaths(data)) as store:
        with pytest.raises(KeyboardInterrupt):
            export_json(store, target, progress)
        assert target.read_text(encoding="utf-8") == "the earlier export"
        assert sorted(p.name for p in tmp_path.iterdir()) == ["d", "in.json", "out.json"]
        records = sum(len(RICH[s]) for s in ("employers", "contacts", "applications", "events", "action_states"))
        assert reports == [(0, records), (len(RICH["employers"]), records)]
        reports.clear()
        counts = export_json(store, target, lambda done, total: reports.append((done, total)))
    assert reports[-1] == (records, records)
    assert counts == {s: len(RICH[s]) for s in ("employers", "contacts", "applications", "events", "action_states")}
    assert json.loads(target.read_text(encoding="utf-8"))["events"] == json.loads(
        export_file(data, tmp_path / "again.json", capsys))["events"]


def test_what_another_program_commits_during_an_export_is_in_none_of_its_sections(
        tmp_path, write_json, capsys):
    # The window writes while a command-line export reads, or the other way round: the export
    # reads one moment of the file throughout, so it never names an application it left out.
    from followup_desktop.exchange.jsonfile import export_json

    data = tmp_path / "d"
    assert import_file(data, write_json(RICH), capsys)[0] == 0
    expected = json.loads(export_file(data, tmp_path / "before.json", capsys))
    other = sqlite3.connect(data / "followup.sqlite3")

    def progress(done, total):
        if done and not other.in_transaction and not progress.wrote:  # after the employers
            with other:
                other.execute("INSERT INTO application (key, employer_id, position, stage, archived) "
                              "VALUES ('late', 1, 'Late Role', 'lead', 0)")
                other.execute("INSERT INTO event (application_id, kind, at, encouraged) "
                              "VALUES ((SELECT id FROM application WHERE key = 'late'), 'note', "
                              "'2026-03-20T10:00:00', 0)")
            progress.wrote = True
    progress.wrote = False

    with Store(DataPaths(data)) as store:
        export_json(store, tmp_path / "during.json", progress)
    other.close()
    assert progress.wrote
    assert json.loads((tmp_path / "during.json").read_text(encoding="utf-8")) == expected
    after = json.loads(export_file(data, tmp_path / "after.json", capsys))
    assert [a["key"] for a in after["applications"]][-1] == "late"


def test_an_export_with_quotes_braces_and_line_breaks_in_a_note_reads_back_the_same(
        tmp_path, write_json, capsys):
    tricky = json.loads(json.dumps(RICH))
    tricky["employers"][0]["notes"] = 'a "quote"}, {"key": "x"}\ttab\nnew line, ünïcode'
    data = tmp_path / "d"
    assert import_file(data, write_json(tricky), capsys)[0] == 0
    text = export_file(data, tmp_path / "out.json", capsys).decode("utf-8")
    assert json.loads(text)["employers"][0]["notes"] == tricky["employers"][0]["notes"]
    assert "\x00" not in text
    lines = text.splitlines()
    employers = lines[lines.index('  "employers": [') + 1:]
    assert employers[0].startswith('    {"key": ') and employers[0].endswith("},")


def test_text_another_program_stored_is_exported_exactly_as_the_json_module_writes_it(
        tmp_path, write_json, capsys):
    # SQLite writes each record's line of the file: every character a stored text can hold
    # (control characters, quotes, backslashes, line separators, emoji, the word null) comes out
    # as Python's json module writes it, and reads back as it was stored.
    data = tmp_path / "d"
    assert import_file(data, write_json(RICH), capsys)[0] == 0
    hostile = ("".join(chr(c) for c in range(0x20)) + '\x7f "quoted" \\ back\\slash {"key": 1}, '
               "\u2028\u2029 \U0001F600 null \ufeff end")
    con = sqlite3.connect(data / "followup.sqlite3")
    with con:
        con.execute("UPDATE employer SET notes = ? WHERE key = 'globex'", (hostile,))
        con.execute("UPDATE contact SET phone = 'null' WHERE key = 'raj'")
        con.execute("UPDATE event SET notes = ?, subject = '0' WHERE id = 1", (hostile,))
        con.execute("UPDATE event_contact SET key_point = ? WHERE key_point <> ''", (hostile,))
    con.close()
    text = export_file(data, tmp_path / "out.json", capsys).decode("utf-8")
    doc = json.loads(text)
    globex = next(e for e in doc["employers"] if e["key"] == "globex")
    assert globex["notes"] == hostile
    assert next(c for c in doc["contacts"] if c["key"] == "raj")["phone"] == "null"
    assert doc["events"][0]["notes"] == hostile and doc["events"][0]["subject"] == "0"
    interview = next(e for e in doc["events"] if e["kind"] == "interview")
    assert interview["contacts"] == ["raj", "susan"]
    assert interview["key_points"] == {"raj": hostile, "susan": hostile}
    # (split at line feeds only: U+2028 stands unescaped in the file, as the json module leaves it)
    lines = [line.strip().rstrip(",") for line in text.split("\n") if line.startswith("    {")]
    records = [r for section in ("employers", "contacts", "applications", "events", "action_states")
               for r in doc[section]]
    assert lines == [json.dumps(r, ensure_ascii=False) for r in records]


def test_an_event_lists_its_people_in_the_order_it_names_them(tmp_path, write_json, capsys):
    # Contacts stored in one order (susan, raj, mei) and named by an event in another: the
    # export keeps the event's order, and the key points of only those who have one.
    doc = json.loads(json.dumps(RICH))
    doc["contacts"].append({"key": "lee", "employer": "acme", "name": "Lee Wong", "role": "interviewer"})
    interview = doc["events"][1]
    interview["contacts"] = ["lee", "susan", "raj"]
    interview["key_points"] = {"raj": "Asked about rotas.", "lee": "Runs the night team."}
    data = tmp_path / "d"
    assert import_file(data, write_json(doc), capsys)[0] == 0
    out = json.loads(export_file(data, tmp_path / "out.json", capsys))
    exported = next(e for e in out["events"] if e["kind"] == "interview")
    assert exported["contacts"] == ["lee", "susan", "raj"]
    assert list(exported["key_points"].items()) == [("lee", "Runs the night team."), ("raj", "Asked about rotas.")]
