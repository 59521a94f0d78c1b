"""A spreadsheet of everything (CONTRACT.md *Spreadsheets*, *Export*): one row per application.

Kept apart from the import (`sheet.py`) so that `export FILE.csv` reads like `due`: plain SQL,
the agenda for the next step, no validation code and no ORM loaded.
"""

from __future__ import annotations

import csv
from datetime import datetime
from pathlib import Path
from typing import Iterator

#: what a spreadsheet reads as a formula at the start of a cell (OWASP CSV injection)
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def inert(text: str) -> str:
    """A cell as the export writes it: one a spreadsheet would read as a formula gets a `'`."""
    return "'" + text if text.startswith(FORMULA_STARTS) else text


#: the export's columns, in order (CONTRACT.md)
EXPORT_COLUMNS = ("Employer", "Position", "Stage", "Outcome", "Applied", "Last contact", "Next step",
                  "Next step due", "Contact", "Contact email", "Contact phone", "Source", "Posting URL",
                  "Notes")


def sheet_rows(con, paths, at: datetime | None = None) -> Iterator[list[str]]:
    """One row per application (as EXPORT_COLUMNS), in the order they were added, read through
    the sqlite3 connection `con` (no ORM); the next step and its due date are the agenda's
    (`followup_desktop.agenda`) for the data dir `paths`, at `at`."""
    from .. import agenda
    from ..vocab import ACTIONS

    at = at or datetime.now().replace(microsecond=0)
    plan_of = agenda.read(paths, at, check=False)
    applied = dict(con.execute(
        "SELECT application_id, min(at) FROM event WHERE kind = 'applied' GROUP BY application_id"))
    person: dict[int, int] = {}
    for app_id, contact_id in con.execute(
            "SELECT v.application_id, ec.contact_id FROM event_contact ec JOIN event v ON v.id = ec.event_id"
            " ORDER BY v.at, v.id, ec.position"):
        person.setdefault(app_id, contact_id)
    first_contact: dict[int, int] = {}
    people: dict[int, tuple[str, str, str]] = {}
    for cid, employer_id, name, email, phone in con.execute(
            "SELECT id, employer_id, name, email, phone FROM contact ORDER BY id"):
        first_contact.setdefault(employer_id, cid)
        people[cid] = (name, email or "", phone or "")
    for (app_id, key, employer_id, employer, position, stage, outcome, source, url, note) in con.execute(
            "SELECT a.id, a.key, a.employer_id, e.name, a.position, a.stage, a.outcome, a.source,"
            " a.posting_url, a.notes FROM application a JOIN employer e ON e.id = a.employer_id ORDER BY a.id"):
        step = agenda.next_step(plan_of.by_app.get(key, []), at)
        last = plan_of.last_contact.get(key)
        who = people.get(person.get(app_id) or first_contact.get(employer_id), ("", "", ""))
        yield [employer, position, stage, outcome or "", (applied.get(app_id) or "")[:10],
               last.date().isoformat() if last else "",
               ACTIONS.shown(step.name) if step else "",
               step.due.date().isoformat() if step and step.due else "",
               who[0], who[1], who[2], source or "", url or "", note or ""]


def export_sheet(con, paths, path: Path, *, at: datetime | None = None, progress=None) -> int:
    """Write every application of the data dir `paths` (read through the sqlite3 connection
    `con`) to `path` as CSV (CONTRACT.md): UTF-8 with a byte-order mark, CRLF line ends, RFC 4180
    quoting, a formula-like cell made inert. The file is written whole or not at all. Returns
    how many applications it holds."""
    import io

    from ..paths import write_private

    out = io.StringIO()
    out.write("\ufeff")
    writer = csv.writer(out, lineterminator="\r\n", quoting=csv.QUOTE_MINIMAL)
    writer.writerow(EXPORT_COLUMNS)
    count = 0
    for row in sheet_rows(con, paths, at):
        writer.writerow([inert(cell) for cell in row])
        count += 1
    if progress is not None:
        progress(1, 2)  # the last moment to stop: nothing is written before it
    write_private(Path(path), out.getvalue())
    return count
