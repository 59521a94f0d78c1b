"""The activity report (CONTRACT.md, "Activity report"): every contact the user made with an
employer in a period, as proof of a work search. No Qt: the CSV is written here, the PDF by
`ui/report_pdf.py` (Qt's own PDF writer), from the same `Report`.

A row is an outbound event (an application, a status check, a thank-you, …) or an interview,
both dates of the period included, oldest first; one logged ahead of the moment the report is
made has not happened yet and is left out. Its `Result` is the outcome of the first reply the
application had after it, if it had one. Archived and closed applications count: what was done
for them was done.
"""

from __future__ import annotations

import csv
import io
from bisect import bisect_right
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Callable

from .paths import write_private
from .vocab import CHANNELS, EVENTS, OUTBOUND_KINDS, REPLY_OUTCOMES, EventKind, Labels

#: the CSV's columns, in order (CONTRACT.md)
COLUMNS = ("Date", "Employer", "Position", "Contact", "Method", "Activity", "Result")
#: the kinds of event the report lists
KINDS = frozenset(OUTBOUND_KINDS | {EventKind.INTERVIEW})
#: the suffixes `report` writes
FORMATS = (".csv", ".pdf")
#: a cell a spreadsheet would read as a formula begins with one of these (OWASP)
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def _shown(table: Labels, member) -> str:
    return table.shown(member)


@dataclass(frozen=True, slots=True)
class ReportRow:
    at: datetime
    employer: str
    position: str
    contact: str
    method: str
    activity: str
    result: str

    def cells(self) -> tuple[str, ...]:
        """The row as the CSV and the PDF write it, in `COLUMNS` order."""
        return (self.at.date().isoformat(), self.employer, self.position, self.contact, self.method,
                self.activity, self.result)


@dataclass(frozen=True, slots=True)
class Report:
    #: the user's name from the profile ("" when it was never given)
    name: str
    start: date
    end: date
    rows: tuple[ReportRow, ...]

    @property
    def employers(self) -> int:
        return len({r.employer.casefold() for r in self.rows})


def read_report(con, start: date, end: date, *, now: datetime,
                shown: Callable[[Labels, object], str] = _shown) -> Report:
    """The report of the period `start`..`end` (both included) from the connection `con`, as of
    `now`. `shown(table, member)` gives each label (the windows pass their translated ones)."""
    from .store.reads import load_settings

    if start > end:
        raise ValueError(f"the period starts on {start} after it ends on {end}")
    low = datetime.combine(start, datetime.min.time())
    high = min(datetime.combine(end + timedelta(days=1), datetime.min.time()), now + timedelta(seconds=1))
    chosen = f"e.kind IN ({','.join('?' * len(KINDS))}) AND e.at >= ? AND e.at < ?"
    params = (*sorted(KINDS), low.isoformat(), high.isoformat())
    rows = con.execute(
        "SELECT e.id, e.application_id, e.kind, e.at, e.channel, m.name, a.position FROM event e"
        " JOIN application a ON a.id = e.application_id JOIN employer m ON m.id = a.employer_id"
        f" WHERE {chosen} ORDER BY e.at, e.id", params,
    ).fetchall()
    people: dict[int, list[str]] = {}
    for event_id, name in con.execute(
        "SELECT ec.event_id, c.name FROM event_contact ec JOIN event e ON e.id = ec.event_id"
        f" JOIN contact c ON c.id = ec.contact_id WHERE {chosen} ORDER BY ec.event_id, ec.position, c.id", params
    ):
        people.setdefault(event_id, []).append(name)
    replies: dict[int, tuple[list[str], list[str]]] = {}
    for app_id, at, outcome in con.execute(
        "SELECT application_id, at, outcome FROM event WHERE kind = 'reply' AND at <= ? AND application_id IN"
        f" (SELECT e.application_id FROM event e WHERE {chosen}) ORDER BY application_id, at, id",
        (now.isoformat(), *params),
    ):
        moments, outcomes = replies.setdefault(app_id, ([], []))
        moments.append(at)
        outcomes.append(outcome)
    out = []
    for event_id, app_id, kind, at, channel, employer, position in rows:
        moments, outcomes = replies.get(app_id, ((), ()))
        i = bisect_right(moments, at)  # the first reply after it (ISO text sorts as time)
        result = shown(REPLY_OUTCOMES, outcomes[i]) if i < len(outcomes) else ""
        out.append(ReportRow(
            datetime.fromisoformat(at), employer, position, ", ".join(people.get(event_id, ())),
            shown(CHANNELS, channel) if channel else "", shown(EVENTS, kind), result))
    name = load_settings(con).profile_name.strip()
    return Report(name, start, end, tuple(out))


def inert(cell: str) -> str:
    """A cell a spreadsheet would read as a formula, made plain text with a leading `'`."""
    return "'" + cell if cell.startswith(_FORMULA_START) else cell


def csv_text(report: Report) -> str:
    """The report as CSV: UTF-8 with a byte-order mark (the caller encodes), CRLF line ends,
    RFC 4180 quoting, every formula-like cell inert."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(COLUMNS)
    for row in report.rows:
        writer.writerow([inert(c) for c in row.cells()])
    return "\ufeff" + buffer.getvalue()


def write_csv(report: Report, path: Path) -> None:
    write_private(Path(path), csv_text(report))


def default_period(today: date) -> tuple[date, date]:
    """Last month, whole: what a job centre asks for most often."""
    first_this = today.replace(day=1)
    last = first_this - timedelta(days=1)
    return last.replace(day=1), last


__all__ = ["Report", "ReportRow", "read_report", "csv_text", "write_csv", "inert", "default_period",
           "COLUMNS", "FORMATS"]
