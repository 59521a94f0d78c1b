"""The spreadsheets the tests import, one in each shape a job seeker arrives with, written as real
files under `tests/fixtures/sheets/` (committed; `tests/test_sheets.py` checks this generator
still writes them byte for byte).

* `linkedin/Jobs/Job Applications.csv` and `linkedin/Saved Jobs.csv`: LinkedIn's data archive
  (comma, CRLF, dates like `8/15/26, 10:00 AM`, no status column);
* `jobsync.csv`: JobSync's export (camel-case headers, ISO times with a space);
* `reactive-resume.csv`: Reactive Resume's job board headers (Title, Organization, List, …);
* `handmade.csv`: a sheet typed by hand in a European spreadsheet program: a byte-order mark,
  semicolons, `N/A` and `-` for nothing, a note over two lines, a formula-like cell, a column
  the app does not read.

`EXPECTED[name]`: what importing it into an empty data dir gives: (employer, position, stage,
outcome) of every application, in order.

As a script: `python tests/sheets.py [FOLDER]` (default: tests/fixtures/sheets).
"""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
FOLDER = HERE / "fixtures" / "sheets"


def _csv(rows: list[list[str]], delimiter: str = ",", newline: str = "\r\n") -> str:
    def cell(value: str) -> str:
        if any(c in value for c in (delimiter, '"', "\r", "\n")):
            return '"' + value.replace('"', '""') + '"'
        return value
    return "".join(delimiter.join(cell(v) for v in row) + newline for row in rows)


LINKEDIN_APPLICATIONS = [
    ["Application Date", "Contact Email", "Contact Phone Number", "Company Name", "Job Title",
     "Job Url", "Resume Name", "Question And Answers"],
    ["8/15/26, 10:00 AM", "talent@northwind.example", "", "Northwind Traders", "Data Analyst",
     "https://www.linkedin.com/jobs/view/4100000001", "cv-2026.pdf", "Years of experience: 4"],
    ["8/3/26, 4:45 PM", "", "", "Contoso Ltd", "Operations Analyst",
     "https://www.linkedin.com/jobs/view/4100000002", "cv-2026.pdf", ""],
    ["7/28/26, 9:05 AM", "", "+1 555 0142", "Fabrikam, Inc.", "Business Analyst",
     "https://www.linkedin.com/jobs/view/4100000003", "cv-2026.pdf", "Work authorisation: Yes; Relocation: No"],
]
LINKEDIN_SAVED = [
    ["Saved Date", "Job Url", "Job Title", "Company Name"],
    ["9/2/26, 8:30 PM", "https://www.linkedin.com/jobs/view/4100000010", "Reporting Analyst", "Tailspin Toys"],
    ["8/29/26, 11:15 AM", "https://www.linkedin.com/jobs/view/4100000011", "BI Developer", "Northwind Traders"],
]
JOBSYNC = [
    ["JobTitle", "Company", "Status", "AppliedDate", "JobSource", "JobUrl", "CreatedAt", "Location", "Salary"],
    ["Backend Developer", "Litware", "Applied", "2026-09-01 09:30:00", "Indeed",
     "https://jobs.example/litware/backend", "2026-08-30 18:00:00", "Remote", "70000"],
    ["Platform Engineer", "Adventure Works", "Interview", "2026-08-12 14:00:00", "Referral",
     "", "2026-08-10 10:00:00", "Berlin", ""],
    ["Site Reliability Engineer", "Wide World Importers", "Rejected", "2026-07-20 08:45:00", "Company Website",
     "https://wwi.example/careers/sre", "2026-07-19 21:10:00", "Hamburg", "N/A"],
    ["Developer Advocate", "Proseware", "Offer", "2026-08-25 11:00:00", "Recruiter", "", "2026-08-24 09:00:00", "", ""],
    ["Frontend Developer", "Litware", "Draft", "", "LinkedIn", "", "2026-09-05 16:20:00", "Remote", ""],
]
REACTIVE_RESUME = [
    ["Title", "Organization", "List", "Link", "Added At", "Applied At", "Deadline", "Notes"],
    ["Product Designer", "Blue Yonder Airlines", "Wishlist", "https://byair.example/jobs/12",
     "2026-09-10", "", "2026-10-01", "Portfolio review first"],
    ["UX Researcher", "Coho Winery", "Applied", "", "2026-08-20", "2026-08-22", "", ""],
    ["Design Lead", "Margie's Travel", "Withdrawn", "", "2026-07-01", "2026-07-03", "", "Took another offer"],
]
HANDMADE = [
    ["Company", "Position", "Status", "Date Applied", "Contact", "Contact Email", "Phone", "Source",
     "Notes", "Salary"],
    ["Fourth Coffee", "Office Manager", "applied", "2026-09-14", "Susan Smith", "susan@fourthcoffee.example",
     "+49 30 1234567", "Referral", "Met Susan at the meetup;\nshe forwarded my CV", "45k"],
    ["Graphic Design Institute", "Administrative Coordinator", "ghosted", "2026-06-02", "N/A", "-", "-",
     "StepStone", "'=no answer after two follow-ups", "-"],
    ["fourth coffee", "Payroll Specialist", "Phone screen", "2026-09-20", "susan smith", "", "", "cold email",
     "", ""],
    ["Lucerne Publishing", "Technical Writer", "", "", "", "", "", "", "", ""],
]

SHEETS: dict[str, bytes] = {
    "linkedin/Jobs/Job Applications.csv": _csv(LINKEDIN_APPLICATIONS).encode("utf-8"),
    "linkedin/Saved Jobs.csv": _csv(LINKEDIN_SAVED).encode("utf-8"),
    "jobsync.csv": _csv(JOBSYNC, newline="\n").encode("utf-8"),
    "reactive-resume.csv": _csv(REACTIVE_RESUME, newline="\n").encode("utf-8"),
    "handmade.csv": b"\xef\xbb\xbf" + _csv(HANDMADE, delimiter=";").encode("utf-8"),
}

EXPECTED: dict[str, list[tuple[str, str, str, str | None]]] = {
    "linkedin/Jobs/Job Applications.csv": [
        ("Northwind Traders", "Data Analyst", "applied", None),
        ("Contoso Ltd", "Operations Analyst", "applied", None),
        ("Fabrikam, Inc.", "Business Analyst", "applied", None),
    ],
    "linkedin/Saved Jobs.csv": [
        ("Tailspin Toys", "Reporting Analyst", "lead", None),
        ("Northwind Traders", "BI Developer", "lead", None),
    ],
    "jobsync.csv": [
        ("Litware", "Backend Developer", "applied", None),
        ("Adventure Works", "Platform Engineer", "interviewing", None),
        ("Wide World Importers", "Site Reliability Engineer", "closed", "rejected"),
        ("Proseware", "Developer Advocate", "offer", None),
        ("Litware", "Frontend Developer", "lead", None),
    ],
    "reactive-resume.csv": [
        ("Blue Yonder Airlines", "Product Designer", "lead", None),
        ("Coho Winery", "UX Researcher", "applied", None),
        ("Margie's Travel", "Design Lead", "closed", "withdrawn"),
    ],
    "handmade.csv": [
        ("Fourth Coffee", "Office Manager", "applied", None),
        ("Graphic Design Institute", "Administrative Coordinator", "closed", "no_response"),
        ("Fourth Coffee", "Payroll Specialist", "interviewing", None),
        ("Lucerne Publishing", "Technical Writer", "lead", None),
    ],
}


def write_all(folder: Path = FOLDER) -> list[Path]:
    """Write every sheet under `folder`; returns their paths."""
    out = []
    for name, data in SHEETS.items():
        path = Path(folder) / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
        out.append(path)
    return out


if __name__ == "__main__":
    for p in write_all(Path(sys.argv[1]) if len(sys.argv) > 1 else FOLDER):
        print(p)
