"""The activity report (CONTRACT.md, "Activity report"): every contact made with an employer in a
period, as a CSV and as a PDF laid out for A4 and Letter, read back with Python's `csv` module
and poppler's `pdftotext` / `pdfinfo`; and the window's File → Activity report…."""

from __future__ import annotations

import csv
import io
import re
import shutil
import subprocess
from datetime import date, datetime

import pytest

from followup_desktop import cli
from followup_desktop.paths import DataPaths
from followup_desktop.report import COLUMNS, read_report
from followup_desktop.store.connection import connect

EMPLOYERS = [{"key": "acme", "name": "Acme Corp"}, {"key": "formula", "name": "=HYPERLINK(\"http://x\")"},
             {"key": "umbrella", "name": "Umbrella"}]
CONTACTS = [{"key": "susan", "employer": "acme", "name": "Susan Smith", "role": "recruiter"},
            {"key": "tom", "employer": "acme", "name": "Tom Lee", "role": "interviewer"}]
APPLICATIONS = [
    {"key": "acme-om", "employer": "acme", "position": "Office Manager", "stage": "applied"},
    {"key": "formula-x", "employer": "formula", "position": "@home clerk", "stage": "applied"},
    {"key": "umbrella-lab", "employer": "umbrella", "position": "Lab Assistant", "stage": "applied", "archived": True},
]
EVENTS = [
    {"application": "acme-om", "kind": "status_check", "at": "2025-10-31T16:00:00", "channel": "phone"},  # before
    {"application": "acme-om", "kind": "applied", "at": "2025-11-03T09:00:00", "channel": "portal"},
    {"application": "acme-om", "kind": "reply", "at": "2025-11-07T10:00:00", "outcome": "interview_invite",
     "contacts": ["susan"]},
    {"application": "acme-om", "kind": "interview", "at": "2025-11-12T14:00:00", "duration_minutes": 60,
     "contacts": ["susan", "tom"], "channel": "in_person"},
    {"application": "acme-om", "kind": "thank_you", "at": "2025-11-12T18:00:00", "channel": "email",
     "contacts": ["susan"]},
    {"application": "acme-om", "kind": "note", "at": "2025-11-13T09:00:00", "notes": "Salary range asked"},
    {"application": "acme-om", "kind": "reply", "at": "2025-11-20T10:00:00", "outcome": "rejected"},
    {"application": "formula-x", "kind": "applied", "at": "2025-11-30T23:30:00", "channel": "email"},  # last day
    {"application": "formula-x", "kind": "follow_up", "at": "2025-12-01T08:00:00", "channel": "email"},  # after
    {"application": "umbrella-lab", "kind": "query_sent", "at": "2025-11-05T11:00:00", "channel": "letter"},
]

EXPECTED = [
    COLUMNS,
    ("2025-11-03", "Acme Corp", "Office Manager", "", "Online portal", "Applied", "Invited to interview"),
    ("2025-11-05", "Umbrella", "Lab Assistant", "", "Letter", "Query sent", ""),
    ("2025-11-12", "Acme Corp", "Office Manager", "Susan Smith, Tom Lee", "In person", "Interview", "Rejected"),
    ("2025-11-12", "Acme Corp", "Office Manager", "Susan Smith", "Email", "Thank-you sent", "Rejected"),
    ("2025-11-30", "'=HYPERLINK(\"http://x\")", "'@home clerk", "", "Email", "Applied", ""),
]


@pytest.fixture
def search(dataset, seed, data_dir):
    seed(dataset(EVENTS, employers=EMPLOYERS, contacts=CONTACTS, applications=APPLICATIONS,
                 profile={"name": "Jordan Lee", "email": "", "phone": "", "employed": False}))
    return data_dir


def run(capsys, *args) -> tuple[int, str, str]:
    code = cli.main([str(a) for a in args])
    out, err = capsys.readouterr()
    return code, out, err


def read_csv(path) -> list[tuple]:
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # a byte-order mark: spreadsheet programs read UTF-8
    text = raw[3:].decode("utf-8")
    assert text.count("\r\n") == text.count("\n")  # every line ends in CRLF
    return [tuple(r) for r in csv.reader(io.StringIO(text, newline=""))]


# -- the rows -----------------------------------------------------------------------------------

def test_the_csv_lists_every_contact_of_the_period_oldest_first_with_the_answer_it_had(search, tmp_path, capsys):
    out = tmp_path / "november.csv"
    code, printed, err = run(capsys, "--data-dir", search, "report", "--from", "2025-11-01", "--to", "2025-11-30", out)
    assert (code, err) == (0, "")
    assert printed == (f"wrote the activity report from 2025-11-01 to 2025-11-30 to {out}: "
                       "5 contacts with 3 employers\n")
    assert read_csv(out) == EXPECTED
    assert out.stat().st_mode & 0o777 == 0o600


def test_a_period_of_one_day_holds_that_whole_day(search, tmp_path, capsys):
    out = tmp_path / "day.csv"
    assert run(capsys, "--data-dir", search, "report", "--from", "2025-11-12", "--to", "2025-11-12", out)[0] == 0
    assert [r[5] for r in read_csv(out)[1:]] == ["Interview", "Thank-you sent"]


def test_what_is_logged_ahead_has_not_happened_and_is_not_in_the_report(search):
    con = connect(DataPaths(search).database)
    try:
        # on the morning of the interview, it is still ahead
        report = read_report(con, date(2025, 11, 1), date(2025, 11, 30), now=datetime(2025, 11, 12, 9, 0))
    finally:
        con.close()
    assert [(r.at.date().isoformat(), r.activity, r.result) for r in report.rows] == [
        ("2025-11-03", "Applied", "Invited to interview"), ("2025-11-05", "Query sent", "")]
    assert report.name == "Jordan Lee"


# -- the PDF ------------------------------------------------------------------------------------

def busy_month(dataset, n: int = 140) -> dict:
    """`n` applications in November 2025, one employer each, sent in the order of their numbers."""
    employers = [{"key": f"e{i:03}", "name": f"Employer {i:03}"} for i in range(n)]
    contacts = [{"key": f"c{i:03}", "employer": f"e{i:03}", "name": f"Person {i:03}", "role": "recruiter"}
                for i in range(n)]
    apps = [{"key": f"a{i:03}", "employer": f"e{i:03}", "position": f"Position {i:03}", "stage": "applied"}
            for i in range(n)]
    events = [{"application": f"a{i:03}", "kind": "applied", "channel": "email", "contacts": [f"c{i:03}"],
               "at": f"2025-11-{1 + i * 30 // n:02}T{8 + i // 60:02}:{i % 60:02}:00"} for i in range(n)]
    return dataset(events, employers=employers, contacts=contacts, applications=apps,
                   profile={"name": "Jordan Lee", "email": "", "phone": "", "employed": False})


# In this process the widgets' QApplication is made first (`qapp`): the command line, on its
# own, makes an offscreen QGuiApplication (test_a_real_process_writes_the_pdf_without_a_display).
def pdf_pages(path) -> list[str]:
    info = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True).stdout
    count = int(re.search(r"^Pages:\s+(\d+)", info, re.M).group(1))
    return [subprocess.run(["pdftotext", "-layout", "-f", str(n), "-l", str(n), str(path), "-"],
                           capture_output=True, text=True, check=True).stdout for n in range(1, count + 1)]


def page_size(path) -> str:
    info = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True).stdout
    return re.search(r"^Page size:\s+(.*)$", info, re.M).group(1)


@pytest.mark.parametrize("paper, size", [("A4", "595 x 842 pts (A4)"), ("Letter", "612 x 792 pts (letter)")])
def test_the_pdf_holds_every_row_once_on_pages_numbered_with_the_header_on_each(
        paper, size, dataset, seed, data_dir, tmp_path, capsys, qapp):
    assert shutil.which("pdftotext"), "poppler-utils is not installed: bash packaging/linux-deps.sh --test"
    seed(busy_month(dataset))
    out = tmp_path / f"november-{paper}.pdf"
    code, printed, err = run(capsys, "--data-dir", data_dir, "report", "--from", "2025-11-01", "--to", "2025-11-30",
                             "--paper", paper, out)
    assert (code, err) == (0, "")
    pages = pdf_pages(out)
    assert len(pages) >= 3
    assert printed.endswith(f"140 contacts with 140 employers, {len(pages)} pages\n")
    assert page_size(out) == size
    assert "Activity report of Jordan Lee" in pages[0]
    assert "From 2025-11-01 to 2025-11-30, both days included" in pages[0]
    assert "140 contacts with 140 employers, oldest first." in pages[0]
    seen = []
    for n, text in enumerate(pages, start=1):
        assert f"Jordan Lee · 2025-11-01 – 2025-11-30 · Page {n} of {len(pages)}" in text
        assert re.search(r"Date\s+Employer\s+Position\s+Contact\s+Method\s+Activity\s+Result", text), n
        rows = re.findall(r"^(2025-11-\d\d)\s+Employer (\d{3})\s+Position \2\s+Person \2\s+Email\s+Applied\s*$",
                          text, re.M)
        assert rows, n
        seen.extend(int(i) for _, i in rows)
    assert seen == list(range(140))  # every row once, oldest first, none split between pages


def test_an_empty_period_is_one_page_that_says_so(search, tmp_path, capsys, qapp):
    out = tmp_path / "empty.pdf"
    assert run(capsys, "--data-dir", search, "report", "--from", "2024-01-01", "--to", "2024-01-31", out)[0] == 0
    [page] = pdf_pages(out)
    assert "No contact with an employer is recorded in this period." in page
    assert "Page 1 of 1" in page and "Date" not in page


def test_a_real_process_writes_the_pdf_without_a_display(search, tmp_path, run_app):
    out = tmp_path / "november.pdf"
    proc = run_app("--data-dir", search, "report", "--from", "2025-11-01", "--to", "2025-11-30", out,
                   env={"DISPLAY": "", "WAYLAND_DISPLAY": "", "QT_QPA_PLATFORM": ""})
    assert proc.returncode == 0, proc.stderr
    [page] = pdf_pages(out)
    assert "Thank-you" in page and "Page 1 of 1" in page


# -- refusals -----------------------------------------------------------------------------------

@pytest.mark.parametrize("args, says", [
    (["--from", "2025-11-31", "--to", "2025-12-01", "r.pdf"], "--from: '2025-11-31' is not a real date"),
    (["--from", "1/11/2025", "--to", "2025-12-01", "r.pdf"], "--from: '1/11/2025' is not a date in the form YYYY-MM-DD"),
    (["--from", "2025-11-01", "--to", "tomorrow", "r.csv"], "--to: 'tomorrow' is not a date"),
    (["--from", "2025-12-01", "--to", "2025-11-01", "r.pdf"], "--from 2025-12-01 is after --to 2025-11-01"),
    (["--from", "2025-11-01", "--to", "2025-11-30", "r.xlsx"], "cannot write a report as .xlsx; name a .csv or .pdf file"),
    (["--from", "2025-11-01", "--to", "2025-11-30", "report"], "cannot write a report as a file without an extension"),
    (["--from", "2025-11-01", "--to", "2025-11-30", "--paper", "A4", "r.csv"], "--paper: only a PDF has paper"),
    (["--from", "2025-11-01", "--to", "2025-11-30", "missing/r.pdf"], "does not exist"),
])
def test_bad_arguments_exit_2_with_one_line_and_nothing_changed(args, says, search, tmp_path, capsys, dump,
                                                                monkeypatch):
    monkeypatch.chdir(tmp_path)
    before = dump(DataPaths(search).database)
    code, out, err = run(capsys, "--data-dir", search, "report", *args)
    assert code == 2 and out == ""
    assert says in err and err.count("\n") == 1
    assert dump(DataPaths(search).database) == before
    assert not list(tmp_path.glob("r.*")) and not (tmp_path / "report").exists()


def test_bad_arguments_do_not_create_a_data_dir(tmp_path, capsys):
    fresh = tmp_path / "never"
    code, _, err = run(capsys, "--data-dir", fresh, "report", "--from", "2025-12-01", "--to", "2025-11-01",
                       tmp_path / "r.pdf")
    assert code == 2 and not fresh.exists()


# -- the window ---------------------------------------------------------------------------------

@pytest.fixture
def now():
    return datetime(2025, 12, 9, 9, 0)


def test_the_dialog_offers_last_month_and_the_papers_and_refuses_a_period_that_ends_before_it_starts(qtbot):
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QDialog

    from followup_desktop.ui.dialogs.report import ReportDialog

    dialog = ReportDialog(date(2025, 12, 9), "Letter")
    qtbot.addWidget(dialog)
    dialog.show()
    assert (dialog.start.text(), dialog.end.text()) == ("2025-11-01", "2025-11-30")
    assert dialog.period.currentText() == "Last month"
    assert dialog.paper.currentData() == "Letter" and dialog.paper.isEnabled()
    dialog.period.setCurrentIndex(dialog.period.findData("this_month"))
    assert (dialog.start.text(), dialog.end.text()) == ("2025-12-01", "2025-12-09")
    dialog.format.setCurrentIndex(dialog.format.findData(".csv"))
    assert not dialog.paper.isEnabled()  # a spreadsheet has no paper
    dialog.start.setText("2025-12-10")
    assert dialog.period.currentData() == "custom"
    qtbot.mouseClick(dialog.ok_button, Qt.LeftButton)
    assert dialog.isVisible() and dialog.result() != QDialog.Accepted
    message = dialog.findChild(type(dialog._form_message), "form_message")
    assert message.text() == "The period starts on 2025-12-10, after it ends on 2025-12-09."
    dialog.start.setText("2025-12-0x")
    qtbot.mouseClick(dialog.ok_button, Qt.LeftButton)
    assert dialog.isVisible()
    dialog.start.setText("2025-11-15")
    qtbot.mouseClick(dialog.ok_button, Qt.LeftButton)
    assert dialog.result() == QDialog.Accepted
    assert dialog.choice() == (date(2025, 11, 15), date(2025, 12, 9), ".csv", "Letter")


def test_file_activity_report_writes_the_file_on_the_worker_and_says_where(qtbot, search, tmp_path, clock):
    from followup_desktop.ui.activity_report import ActivityReport
    from followup_desktop.ui.main_window import MainWindow
    from followup_desktop.ui.workspace import Workspace

    ws = Workspace(DataPaths(search), clock=clock)
    ws.load()
    window = MainWindow(ws)
    qtbot.addWidget(window)
    try:
        assert window.findChild(type(window.act_report), "actReport").text() == "Activity &report…"
        out = tmp_path / "november.csv"
        with qtbot.waitSignal(ws.operations.drained, timeout=10_000):
            ActivityReport(window).start(date(2025, 11, 1), date(2025, 11, 30), ".csv", "A4", out)
        assert read_csv(out) == EXPECTED
        assert window.statusBar().currentMessage() == (
            f"Activity report saved to {out}: 5 contacts from 2025-11-01 to 2025-11-30")
        pdf = tmp_path / "november.pdf"
        with qtbot.waitSignal(ws.operations.drained, timeout=10_000):
            ActivityReport(window).start(date(2025, 11, 1), date(2025, 11, 30), ".pdf", "Letter", pdf)
        assert page_size(pdf) == "612 x 792 pts (letter)"
        [page] = pdf_pages(pdf)
        assert "Activity report of Jordan Lee" in page and "Tom Lee" in page
    finally:
        ws.close()
