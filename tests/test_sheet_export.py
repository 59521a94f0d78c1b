"""Who and what a row of the exported spreadsheet names, read by SQLite in the application's row:
the first person on its earliest event that names anyone, else the employer's first contact; the
first time it was applied for."""

from __future__ import annotations

import csv
import io

from followup_desktop import cli

PEOPLE = [{"key": "zoe", "employer": "acme", "name": "Zoe Zhang", "role": "recruiter", "email": "zoe@acme.example"},
          {"key": "ann", "employer": "acme", "name": "Ann Avery", "role": "hiring_manager", "phone": "555 0100"},
          {"key": "bob", "employer": "acme", "name": "Bob Brown", "role": "hr"}]
APPS = [{"key": "acme-om", "employer": "acme", "position": "Office Manager", "stage": "applied"},
        {"key": "acme-pa", "employer": "acme", "position": "Personal Assistant", "stage": "applied"},
        {"key": "acme-rc", "employer": "acme", "position": "Receptionist", "stage": "lead"}]


def _rows(capsys, data_dir, target) -> dict[str, list[str]]:
    assert cli.main(["--data-dir", str(data_dir), "export", str(target)]) == 0
    capsys.readouterr()
    rows = list(csv.reader(io.StringIO(target.read_text(encoding="utf-8-sig"), newline="")))
    return {r[1]: r for r in rows[1:]}


def test_a_row_names_the_first_person_of_the_earliest_event_naming_anyone_else_the_employers_first(
        seed, dataset, tmp_path, capsys):
    data = seed(dataset([
        # logged out of order: the earliest event names nobody, the next one two people, Bob first
        {"application": "acme-om", "kind": "interview", "at": "2026-03-10T14:00", "contacts": ["bob", "ann"]},
        {"application": "acme-om", "kind": "applied", "at": "2026-03-02T09:00"},
        {"application": "acme-om", "kind": "follow_up", "at": "2026-03-16T09:00", "channel": "email", "contacts": ["ann"]},
        {"application": "acme-om", "kind": "applied", "at": "2026-03-03T09:00", "contacts": ["zoe"]},
        {"application": "acme-pa", "kind": "applied", "at": "2026-03-04T09:00", "contacts": ["ann"]},
    ], contacts=PEOPLE, applications=APPS), tmp_path / "data")
    rows = _rows(capsys, data, tmp_path / "out.csv")
    # columns: Applied is 4, Contact, its email and phone 8-10
    assert rows["Office Manager"][4] == "2026-03-02"
    assert rows["Office Manager"][8:11] == ["Zoe Zhang", "zoe@acme.example", ""]
    assert rows["Personal Assistant"][8:11] == ["Ann Avery", "", "555 0100"]
    # nobody named on its timeline: the employer's first contact, and no applied date
    assert rows["Receptionist"][4] == "" and rows["Receptionist"][8] == "Zoe Zhang"


def test_of_several_people_on_the_first_event_the_row_names_the_first_given(seed, dataset, tmp_path, capsys):
    data = seed(dataset([
        {"application": "acme-om", "kind": "interview", "at": "2026-03-10T14:00", "contacts": ["bob", "ann", "zoe"]},
    ], contacts=PEOPLE, applications=APPS[:1]), tmp_path / "data")
    assert _rows(capsys, data, tmp_path / "out.csv")["Office Manager"][8] == "Bob Brown"
