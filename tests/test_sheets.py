"""Spreadsheets in and out (CONTRACT.md *Spreadsheets*), through the command line, against a real
data dir: every shape a job seeker arrives with, the round trip, formula cells, and the sheets
that are refused with one line and the data untouched."""

from __future__ import annotations

import csv
import io
import json
import os
from pathlib import Path

import pytest

import sheets as generator
from followup_desktop import cli
from followup_desktop.paths import DataPaths

FIXTURES = generator.FOLDER


def run(capsys, *args) -> tuple[int, str, str]:
    code = cli.main([str(a) for a in args])
    out, err = capsys.readouterr()
    return code, out, err


def exported(data_dir: Path, tmp_path: Path, capsys) -> dict:
    target = tmp_path / "check.json"
    code, _, err = run(capsys, "--data-dir", data_dir, "export", target)
    assert code == 0, err
    return json.loads(target.read_text(encoding="utf-8"))


def applications(doc: dict) -> list[tuple]:
    names = {e["key"]: e["name"] for e in doc["employers"]}
    return [(names[a["employer"]], a["position"], a["stage"], a["outcome"]) for a in doc["applications"]]


def db_bytes(data_dir: Path) -> bytes:
    return DataPaths(data_dir).database.read_bytes()


def sheet(tmp_path: Path, text: str | bytes, name: str = "in.csv") -> Path:
    path = tmp_path / name
    path.write_bytes(text if isinstance(text, bytes) else text.encode("utf-8"))
    return path


# -- the generator and its files -------------------------------------------------------------

def test_the_committed_sheets_are_what_the_generator_writes(tmp_path):
    for path in generator.write_all(tmp_path):
        name = path.relative_to(tmp_path).as_posix()
        assert (FIXTURES / name).read_bytes() == path.read_bytes(), f"{name}: run python tests/sheets.py"


@pytest.mark.parametrize("name", list(generator.EXPECTED))
def test_each_shape_of_sheet_imports_on_the_command_line(name, data_dir, tmp_path, capsys):
    code, out, err = run(capsys, "--data-dir", data_dir, "import", FIXTURES / name)
    assert code == 0, err
    expected = generator.EXPECTED[name]
    assert out == f"imported {len(expected)} applications (0 skipped as already there)\n"
    assert applications(exported(data_dir, tmp_path, capsys)) == expected


def test_linkedin_dates_keep_their_time_and_the_employer_is_met_again_by_name(data_dir, tmp_path, capsys):
    run(capsys, "--data-dir", data_dir, "import", FIXTURES / "linkedin/Jobs/Job Applications.csv")
    code, out, _ = run(capsys, "--data-dir", data_dir, "import", FIXTURES / "linkedin/Saved Jobs.csv")
    assert code == 0 and out.startswith("imported 2 applications")
    doc = exported(data_dir, tmp_path, capsys)
    assert [e["name"] for e in doc["employers"]].count("Northwind Traders") == 1
    applied = {e["application"]: e["at"] for e in doc["events"] if e["kind"] == "applied"}
    assert "2026-08-15T10:00:00" in applied.values() and "2026-08-03T16:45:00" in applied.values()
    people = {c["name"]: (c["email"], c["phone"]) for c in doc["contacts"]}
    assert people == {"talent@northwind.example": ("talent@northwind.example", ""),
                      "+1 555 0142": ("", "+1 555 0142")}  # known only by an address or a number
    leads = [e["at"] for e in doc["events"] if e["kind"] == "lead"]
    assert sorted(leads) == ["2026-08-29T11:15:00", "2026-09-02T20:30:00"]


def test_a_handmade_sheet_gives_one_contact_met_twice_and_its_ignored_column_is_named_once(data_dir, tmp_path, capsys):
    code, _, err = run(capsys, "--data-dir", data_dir, "import", FIXTURES / "handmade.csv")
    assert code == 0
    assert err == "ignored columns: Salary\n"
    doc = exported(data_dir, tmp_path, capsys)
    assert [(c["name"], c["email"], c["phone"]) for c in doc["contacts"]] == [
        ("Susan Smith", "susan@fourthcoffee.example", "+49 30 1234567")]
    assert [e["name"] for e in doc["employers"]] == ["Fourth Coffee", "Graphic Design Institute", "Lucerne Publishing"]
    closed = [e for e in doc["events"] if e["kind"] == "closed"]
    assert [(e["reason"], e["at"][:10]) for e in closed] == [("no_response", "2026-06-02")]
    by_source = {a["position"]: a["source"] for a in doc["applications"]}
    assert by_source["Office Manager"] == "referral" and by_source["Payroll Specialist"] == "cold_query"
    assert by_source["Administrative Coordinator"] == "posting" and by_source["Technical Writer"] is None
    notes = {a["position"]: a.get("notes", "") for a in doc["applications"]}
    assert notes["Office Manager"] == "Met Susan at the meetup;\nshe forwarded my CV"
    assert notes["Administrative Coordinator"] == "=no answer after two follow-ups"  # the typed ' is gone


def test_importing_the_same_sheet_twice_changes_nothing(data_dir, capsys, dump):
    run(capsys, "--data-dir", data_dir, "import", FIXTURES / "jobsync.csv")
    before = dump(DataPaths(data_dir).database)
    code, out, _ = run(capsys, "--data-dir", data_dir, "import", FIXTURES / "jobsync.csv")
    assert code == 0
    assert out == "imported 0 applications (5 skipped as already there)\n"
    assert dump(DataPaths(data_dir).database) == before


def test_a_dry_run_says_what_it_would_add_and_makes_no_data_dir(data_dir, capsys):
    code, out, _ = run(capsys, "--data-dir", data_dir, "import", FIXTURES / "jobsync.csv", "--dry-run")
    assert code == 0
    assert out.startswith("would import 5 applications (0 skipped as already there)")
    assert not data_dir.exists()


def test_a_date_format_settles_day_first_dates(data_dir, tmp_path, capsys):
    path = sheet(tmp_path, "Company,Title,Date Applied\nAcme Corp,Clerk,3/4/2026\n")
    code, _, err = run(capsys, "--data-dir", data_dir, "import", path)
    assert code == 2 and "could be month/day or day/month" in err and 'row 2, column "Date Applied"' in err
    code, _, err = run(capsys, "--data-dir", data_dir, "import", path, "--date-format", "%d/%m/%Y")
    assert code == 0, err
    doc = exported(data_dir, tmp_path, capsys)
    assert [e["at"][:10] for e in doc["events"]] == ["2026-04-03"]


def test_a_sheet_with_no_status_column_takes_rows_with_an_applied_date_as_applied(data_dir, tmp_path, capsys):
    path = sheet(tmp_path, "Employer\tRole\tApplied On\nAcme Corp\tClerk\t2026-02-01\nBeta\tCook\t\n")
    assert run(capsys, "--data-dir", data_dir, "import", path)[0] == 0
    assert applications(exported(data_dir, tmp_path, capsys)) == [
        ("Acme Corp", "Clerk", "applied", None), ("Beta", "Cook", "lead", None)]


def test_expired_postings_come_in_as_archived_leads(data_dir, tmp_path, capsys):
    path = sheet(tmp_path, "Company,Title,Status\nAcme Corp,Clerk,Expired\n")
    assert run(capsys, "--data-dir", data_dir, "import", path)[0] == 0
    (app,) = exported(data_dir, tmp_path, capsys)["applications"]
    assert (app["stage"], app.get("archived")) == ("lead", True)


# -- export ----------------------------------------------------------------------------------

@pytest.fixture
def searched(data_dir, contract_example, capsys):
    """A data dir with the contract's example plus the hand-made sheet."""
    assert run(capsys, "--data-dir", data_dir, "import", contract_example)[0] == 0
    assert run(capsys, "--data-dir", data_dir, "import", FIXTURES / "handmade.csv")[0] == 0
    return data_dir


def test_the_export_has_the_contracts_columns_a_bom_and_crlf_line_ends(searched, tmp_path, capsys):
    target = tmp_path / "out.csv"
    code, out, _ = run(capsys, "--data-dir", searched, "export", target)
    assert code == 0 and out == f"exported 5 applications to {target}\n"
    data = target.read_bytes()
    assert data.startswith(b"\xef\xbb\xbfEmployer,Position,Stage,Outcome,Applied,Last contact,Next step,"
                           b"Next step due,Contact,Contact email,Contact phone,Source,Posting URL,Notes\r\n")
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig"), newline="")))
    assert len(rows) == 6 and all(len(r) == 14 for r in rows)
    acme = rows[1]
    assert acme[:5] == ["Acme Corp", "Office Manager", "interviewing", "", "2026-03-02"]
    assert acme[8] == "Susan Smith"
    notes = {r[1]: r[13] for r in rows[1:]}
    assert notes["Office Manager"] == "Met Susan at the meetup;\nshe forwarded my CV"
    assert notes["Administrative Coordinator"] == "'=no answer after two follow-ups"
    assert oct(target.stat().st_mode & 0o777) == "0o600"


def test_exporting_and_importing_into_an_empty_data_dir_gives_the_same_applications(searched, tmp_path, capsys):
    target = tmp_path / "out.csv"
    run(capsys, "--data-dir", searched, "export", target)
    fresh = tmp_path / "fresh"
    code, out, err = run(capsys, "--data-dir", fresh, "import", target)
    assert code == 0, err
    assert err == "ignored columns: Last contact, Next step, Next step due\n"
    before, after = exported(searched, tmp_path, capsys), exported(fresh, tmp_path, capsys)

    def shape(doc):
        names = {e["key"]: e["name"] for e in doc["employers"]}
        applied = {}
        for e in doc["events"]:
            if e["kind"] == "applied":
                applied.setdefault(e["application"], e["at"][:10])
        people = sorted((names[c["employer"]], c["name"], c["email"], c["phone"]) for c in doc["contacts"])
        return ([(names[a["employer"]], a["position"], a["stage"], a["outcome"], applied.get(a["key"]))
                 for a in doc["applications"]], sorted(names.values()), people)

    apps, employers, _ = shape(before)
    apps2, employers2, people2 = shape(after)
    assert (apps2, employers2) == (apps, employers)
    # every application's contact comes back (the example's interviewer is on no application's
    # first event, so the sheet does not carry her)
    assert ("Acme Corp", "Susan Smith", "susan@acme.example", "+1 555 0101") in people2
    assert ("Fourth Coffee", "Susan Smith", "susan@fourthcoffee.example", "+49 30 1234567") in people2
    # and a second export of the copy is the same sheet (but the history a sheet does not carry)
    again = tmp_path / "again.csv"
    run(capsys, "--data-dir", fresh, "export", again)
    strip = lambda p: [r[:5] + r[8:] for r in csv.reader(io.StringIO(p.read_text(encoding="utf-8-sig"), newline=""))]
    assert strip(again) == strip(target)


def test_formula_cells_are_written_inert_and_read_back_exactly(data_dir, tmp_path, capsys):
    path = sheet(tmp_path, 'Company,Title,Contact,Phone,Notes\n'
                           '"=HYPERLINK(""http://x.example"")",@SUM(A1),-Dash,+1 555 0100,"\tTabbed"\n')
    assert run(capsys, "--data-dir", data_dir, "import", path)[0] == 0
    target = tmp_path / "out.csv"
    run(capsys, "--data-dir", data_dir, "export", target)
    (header, row) = list(csv.reader(io.StringIO(target.read_text(encoding="utf-8-sig"), newline="")))
    cells = dict(zip(header, row))
    assert cells["Employer"] == "'=HYPERLINK(\"http://x.example\")"
    assert cells["Position"] == "'@SUM(A1)"
    assert cells["Contact"] == "'-Dash" and cells["Contact phone"] == "'+1 555 0100"
    assert all(not c.startswith(("=", "+", "-", "@", "\t", "\r")) for c in row)
    fresh = tmp_path / "fresh"
    assert run(capsys, "--data-dir", fresh, "import", target)[0] == 0
    doc = exported(fresh, tmp_path, capsys)
    assert doc["employers"][0]["name"] == '=HYPERLINK("http://x.example")'
    assert doc["applications"][0]["position"] == "@SUM(A1)"
    assert (doc["contacts"][0]["name"], doc["contacts"][0]["phone"]) == ("-Dash", "+1 555 0100")


# -- refusals --------------------------------------------------------------------------------

def _big(tmp_path):
    path = tmp_path / "big.csv"
    with open(path, "wb") as f:
        f.write(b"Company,Title\n")
        f.truncate(50 * 1024 * 1024)
    return path


def _many_rows(tmp_path):
    return sheet(tmp_path, "Company,Title\n" + "Acme,Clerk\n" * 100_000, "many.csv")


def _fifo(tmp_path):
    path = tmp_path / "pipe.csv"
    os.mkfifo(path)
    return path


BAD_SHEETS = {
    "binary": (lambda t: sheet(t, b"PK\x03\x04\x14\x00\x00\x00" + bytes(range(256))), "zip file"),
    "nul bytes": (lambda t: sheet(t, b"Company,Title\nAcme\x00,Clerk\n"), "row 2: holds a NUL byte"),
    "too big": (_big, "larger than"),
    "too many rows": (_many_rows, "more than 50,000 rows"),
    "ambiguous date": (lambda t: sheet(t, "Company,Title,Applied Date\nA,B,2026-01-05\nA,C,5/6/2026\n"),
                       'row 3, column "Applied Date": "5/6/2026" could be month/day or day/month'),
    "not a date": (lambda t: sheet(t, "Company,Title,Date Applied\nA,B,2026-01-05\nA,C,x\nA,D,y\nA,E,z\nA,F,w\n"
                                      "A,G,1/1/2026\nA,H,13/14/2026\n"),
                   'row 3, column "Date Applied": "x" is not a date'),
    "unknown status": (lambda t: sheet(t, "Company,Title,Status\nA,B,applied\nA,C,on hold\n"),
                       'row 3, column "Status": "on hold" is not a status'),
    "missing column": (lambda t: sheet(t, "Company,Salary\nA,10\n"), "no column for the position"),
    "empty required cell": (lambda t: sheet(t, "Company,Title\nA,\n"), 'row 2, column "Title": is empty'),
    "bad encoding": (lambda t: sheet(t, "Company,Title\nAcme,Clerk\nCaf".encode() + b"\xe9,Cook\n"),
                     "row 3: byte 0xe9 is not UTF-8 text"),
    "bad email": (lambda t: sheet(t, "Company,Title,Email\nA,B,not-an-address\n"),
                  'row 2, column "Email": "not-an-address" is not an email address'),
    "too long": (lambda t: sheet(t, "Company,Title\nA," + "x" * 201 + "\n"), 'row 2, column "Title": is 201'),
    "fifo": (_fifo, "a pipe (FIFO)"),
    "a cell past the csv module's limit": (lambda t: sheet(t, "Company,Title,Notes\nA,B,x\nA,C," + "y" * 140_000 + "\n"),
                                           "row 3: not readable as CSV (field larger than field limit"),
    "empty file": (lambda t: sheet(t, b""), "is empty"),
}


@pytest.mark.parametrize("case", list(BAD_SHEETS))
def test_a_bad_sheet_is_refused_with_one_line_and_the_data_untouched(case, data_dir, tmp_path, capsys,
                                                                     contract_example):
    assert run(capsys, "--data-dir", data_dir, "import", contract_example)[0] == 0
    before = db_bytes(data_dir)
    make, words = BAD_SHEETS[case]
    path = make(tmp_path)
    code, out, err = run(capsys, "--data-dir", data_dir, "import", path)
    assert code == 2
    assert out == ""
    assert err.count("\n") == 1 and words in err and "nothing imported" in err, err
    assert db_bytes(data_dir) == before


def test_a_bad_sheet_from_a_real_process_exits_2_with_one_line(run_app, tmp_path):
    path = sheet(tmp_path, "Company,Title,Date Applied\nA,B,13/14/2026\n", "bad.csv")
    proc = run_app("--data-dir", tmp_path / "d", "import", path.name)
    assert proc.returncode == 2
    assert proc.stderr == ('followup-desktop: bad.csv: nothing imported: '
                           'row 2, column "Date Applied": "13/14/2026" is not a date\n')
    assert not (tmp_path / "d").exists()


def test_a_date_format_that_reads_no_date_is_refused(data_dir, capsys):
    code, _, err = run(capsys, "--data-dir", data_dir, "import", FIXTURES / "jobsync.csv", "--date-format", "%H:%M")
    assert code == 2 and "--date-format" in err and err.count("\n") == 1
    assert not data_dir.exists()


# -- the one write path ------------------------------------------------------------------------

def _many_events(n: int) -> dict:
    return {"format": "followup-desktop", "version": 1,
            "employers": [{"key": "bulk", "name": "Bulk Ltd"}],
            "applications": [{"key": "bulk-clerk", "employer": "bulk", "position": "Clerk", "stage": "lead"}],
            "events": [{"application": "bulk-clerk", "kind": "note", "at": f"2026-03-02T09:{n_ % 60:02d}:00",
                        "notes": f"note {n_}"} for n_ in range(n)]}


def _indexes(db: Path) -> list:
    import sqlite3

    con = sqlite3.connect(db)
    try:
        return sorted(con.execute("SELECT name, tbl_name, sql FROM sqlite_master WHERE type = 'index'"))
    finally:
        con.close()


def test_a_large_import_leaves_every_index_as_it_was(data_dir, write_json, capsys, contract_example):
    from followup_desktop.exchange.jsonfile import REINDEX_AFTER

    assert run(capsys, "--data-dir", data_dir, "import", contract_example)[0] == 0
    db = DataPaths(data_dir).database
    before = _indexes(db)
    code, out, err = run(capsys, "--data-dir", data_dir, "import", write_json(_many_events(REINDEX_AFTER + 5)))
    assert code == 0, err
    assert _indexes(db) == before
    import sqlite3

    con = sqlite3.connect(db)
    assert con.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    plan = " ".join(r[-1] for r in con.execute(
        "EXPLAIN QUERY PLAN SELECT * FROM event WHERE application_id = 1 ORDER BY at"))
    assert "event_application_at" in plan
    con.close()


def test_a_large_import_that_fails_after_its_events_leaves_the_file_as_it_was(data_dir, write_json, capsys,
                                                                              contract_example, dump, monkeypatch):
    from followup_desktop.exchange import jsonfile

    assert run(capsys, "--data-dir", data_dir, "import", contract_example)[0] == 0
    db = DataPaths(data_dir).database
    before = dump(db)
    real = jsonfile._insert

    def fail_after_events(con, record, rows, **kw):
        real(con, record, rows, **kw)
        if record.name == "event":
            raise OSError("disk full")
    monkeypatch.setattr(jsonfile, "_insert", fail_after_events)
    code, _, err = run(capsys, "--data-dir", data_dir, "import", write_json(_many_events(jsonfile.REINDEX_AFTER)))
    assert code == 1 and "disk full" in err
    assert dump(db) == before


@pytest.mark.parametrize("name, flags, words", [
    ("a.json", ["--dry-run"], "--date-format and --dry-run are for spreadsheets"),
    ("a.eml", ["--date-format", "%d/%m/%Y"], "--date-format and --dry-run are for spreadsheets"),
    ("a.csv", ["--outcome", "rejected"], "--outcome is for a mail message"),
])
def test_an_option_given_to_the_wrong_kind_of_file_is_refused(name, flags, words, tmp_path, data_dir, capsys):
    path = sheet(tmp_path, "Company,Title\nA,B\n", name)
    code, out, err = run(capsys, "--data-dir", data_dir, "import", path, *flags)
    assert (code, out) == (2, "")
    assert words in err and err.count("\n") == 1
    assert not data_dir.exists()
