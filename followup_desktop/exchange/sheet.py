"""Spreadsheets (CSV, CONTRACT.md *Spreadsheets*): reading one in, and writing everything out.

Reading is in two parts, so that the window can show what an import would do before anything
is written:

* `read_sheet(path)` streams the file (no store): the delimiter sniffed, a UTF-8 byte-order mark
  dropped, headers matched by their aliases, every cell checked. A refusal is one line naming
  the row as a spreadsheet numbers it (the header is row 1) and the column:
  `row 7, column "Date Applied": "13/14/2026" is not a date`.
* `plan(con, sheet, now)` matches its rows with what is stored (employers and contacts by name,
  ignoring case; a row whose employer, position and applied date are there already is skipped)
  and makes the exchange document that adds the rest: each row an application with its events
  (applied at its applied date, else a lead at its saved date; a closed status a `closed` event
  at its latest date; the stage then follows the timeline, `jsonfile.complete_timelines`).

`import_sheet(store, sheet)` writes that document through the JSON import's own write path, in
one transaction, all or nothing. The export is `sheet_export` (which needs none of this).

Bounds: a file of more than `MAX_BYTES` or `MAX_ROWS` rows is refused with one line, and is read
a line at a time, never more than `MAX_BYTES` in all, so memory stays within a few times that.
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass, field
from datetime import date, datetime, time
from pathlib import Path
from typing import Iterator

from .. import records as R
from ..vocab import Outcome, Source, Stage
from .sheet_export import FORMULA_STARTS
from .validate import APPLICATION_FIELDS, CONTACT_FIELDS, EMPLOYER_FIELDS, MAX_YEAR, ExchangeError, checker, open_regular

#: the largest sheet read, in bytes (a 50 MB sheet is refused)
MAX_BYTES = 32 * 1024 * 1024
#: the most applications (rows after the header) one sheet brings
MAX_ROWS = 50_000
#: a date with no time of day is taken at noon (no earlier than midnight, no later than now)
DATE_ONLY_TIME = time(12, 0)
#: how many problems the window's mapping step lists
MAX_PROBLEMS = 200


class SheetError(ExchangeError):
    """Bad input in a sheet: one line naming the row and column."""


# -- columns ----------------------------------------------------------------------------------

#: field -> the headers recognised for it (CONTRACT.md), in the contract's words
ALIASES: dict[str, tuple[str, ...]] = {
    "employer": ("Company", "Company Name", "Employer", "Organization", "Organisation"),
    "position": ("Position", "Title", "Job Title", "JobTitle", "Role"),
    "status": ("Status", "Stage", "List"),
    "outcome": ("Outcome",),
    "applied": ("Date Applied", "Applied Date", "AppliedDate", "Application Date", "Applied At",
                "Applied On", "Applied"),
    "saved": ("Saved Date", "Date Saved", "Created", "CreatedAt", "Added At"),
    "posting_url": ("URL", "Link", "Job URL", "Job Link", "Job Posting", "Posting URL"),
    "posting_closes": ("Closes", "Closing Date", "Deadline"),
    "source": ("Source", "Job Source", "JobSource"),
    "contact_name": ("Contact", "Contact Name", "Recruiter"),
    "contact_email": ("Contact Email", "Email"),
    "contact_phone": ("Contact Phone", "Contact Phone Number", "Phone"),
    "notes": ("Notes", "Note", "Comments"),
}
FIELDS = tuple(ALIASES)
REQUIRED = ("employer", "position")
DATE_FIELDS = ("applied", "saved", "posting_closes")


def normal(header: str) -> str:
    """A header as it is matched: case, spaces, `_` and `-` ignored."""
    return re.sub(r"[\s_\-]+", "", header).casefold()


_BY_ALIAS = {normal(a): f for f, aliases in ALIASES.items() for a in aliases}


def match_headers(headers: list[str]) -> list[str | None]:
    """The field each column is read as (None: ignored). A field named by two columns is read
    from the first."""
    taken: set[str] = set()
    out: list[str | None] = []
    for h in headers:
        f = _BY_ALIAS.get(normal(h))
        if f in taken:
            f = None
        if f is not None:
            taken.add(f)
        out.append(f)
    return out


# -- values -----------------------------------------------------------------------------------

_STATUS: dict[str, tuple[str, str | None, bool]] = {}
for _words, _value in (
    (("", "wishlist", "saved", "bookmarked", "draft", "lead", "interested"), (Stage.LEAD, None, False)),
    (("applied", "submitted"), (Stage.APPLIED, None, False)),
    (("screen", "phone screen", "interview", "interviewing", "interviewed"), (Stage.INTERVIEWING, None, False)),
    (("offer", "offered"), (Stage.OFFER, None, False)),
    (("rejected", "declined by employer", "not selected"), (Stage.CLOSED, Outcome.REJECTED, False)),
    (("withdrawn", "withdrew"), (Stage.CLOSED, Outcome.WITHDRAWN, False)),
    (("ghosted", "no response", "no reply"), (Stage.CLOSED, Outcome.NO_RESPONSE, False)),
    (("accepted", "hired"), (Stage.CLOSED, Outcome.HIRED, False)),
    (("declined",), (Stage.CLOSED, Outcome.DECLINED, False)),
    (("expired", "archived"), (Stage.LEAD, None, True)),
    # this app's own export: a closed application's ending is in its Outcome column
    (("closed",), (Stage.CLOSED, None, False)),
):
    for _w in _words:
        _STATUS[_w] = (str(_value[0]), str(_value[1]) if _value[1] else None, _value[2])

_SOURCE = {
    "referral": Source.REFERRAL, "referred": Source.REFERRAL,
    "recruiter": Source.RECRUITER, "agency": Source.RECRUITER,
    "careers page": Source.CAREERS_PAGE, "company site": Source.CAREERS_PAGE,
    "company website": Source.CAREERS_PAGE, "website": Source.CAREERS_PAGE,
    "cold": Source.COLD_QUERY, "cold query": Source.COLD_QUERY, "cold email": Source.COLD_QUERY,
    "other": Source.OTHER,
}


def _word(value: str) -> str:
    """A status or source as it is looked up: case ignored, `_` and runs of spaces as one space."""
    return " ".join(value.replace("_", " ").split()).casefold()


def status_of(value: str | None) -> tuple[str, str | None, bool] | None:
    """(stage, outcome, archived) for a status cell, None when it is not one of the contract's."""
    return _STATUS.get(_word(value or ""))


def source_of(value: str | None) -> str | None:
    if not value:
        return None
    return str(_SOURCE.get(_word(value), Source.POSTING))


#: cells that hold no value
_NOTHING = {"", "n/a", "-"}


def cell_value(raw: str) -> str | None:
    """A cell's value: surrounding spaces dropped, `N/A`, `-` and empty as no value, and the `'`
    an export puts before a formula-like cell taken off again."""
    value = raw.strip()
    if value.casefold() in _NOTHING:
        return None
    if raw.startswith("'") and raw[1:2] in FORMULA_STARTS and raw[1:2]:
        return raw[1:]
    return value


# -- dates ------------------------------------------------------------------------------------

_ISO_DATE = re.compile(r"(\d{4})-(\d{2})-(\d{2})")
_ISO_TIME = re.compile(r"(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2}))?")
_SLASHED = re.compile(r"(\d{1,2})/(\d{1,2})/(\d{4}|\d{2})(?:,?\s+(\d{1,2}):(\d{2})(?::(\d{2}))?\s*([AaPp][Mm]))?")


class NotADate(ValueError):
    pass


class Ambiguous(ValueError):
    pass


def parse_date(text: str, date_format: str | None = None) -> tuple[date, time | None]:
    """(date, time of day or None) of a cell in one of the contract's forms, or `date_format`'s
    (a strftime pattern). Raises NotADate, or Ambiguous for a slashed date whose day and month
    could be swapped (LinkedIn's form with a time is month first)."""
    m = _ISO_TIME.fullmatch(text)
    try:
        if m:
            y, mo, d, h, mi, s = (int(g or 0) for g in m.groups())
            return date(y, mo, d), time(h, mi, s)
        m = _ISO_DATE.fullmatch(text)
        if m:
            return date(*map(int, m.groups())), None
    except ValueError:
        raise NotADate() from None
    m = _SLASHED.fullmatch(text)
    if date_format and not (m and m[4]):  # LinkedIn's form with a time is read as it is
        for fmt in (date_format, date_format.replace("%Y", "%y")):
            try:
                parsed = datetime.strptime(text, fmt)
            except ValueError:
                continue
            timed = any(code in fmt for code in ("%H", "%I", "%M", "%X", "%c"))
            return parsed.date(), (parsed.time() if timed else None)
        raise NotADate()
    if not m:
        raise NotADate()
    month, day, year = int(m[1]), int(m[2]), int(m[3])
    if len(m[3]) == 2:
        year += 2000
    at = None
    if m[4]:
        hour, minute, second = int(m[4]), int(m[5]), int(m[6] or 0)
        if not 1 <= hour <= 12 or minute > 59 or second > 59:
            raise NotADate()
        hour = hour % 12 + (12 if m[7].lower() == "pm" else 0)
        at = time(hour, minute, second)
    elif month <= 12 and day <= 12 and month != day:
        raise Ambiguous()
    try:
        return date(year, month, day), at
    except ValueError:
        raise NotADate() from None


# -- reading ----------------------------------------------------------------------------------

@dataclass
class SheetRow:
    """One row that makes an application (values checked, dates as Python values)."""

    number: int
    employer: str
    position: str
    stage: str
    outcome: str | None
    archived: bool
    applied: datetime | None
    saved: datetime | None
    posting_closes: date | None
    source: str | None
    posting_url: str
    contact_name: str
    contact_email: str
    contact_phone: str
    contact_role: str
    notes: str


@dataclass
class Problem:
    """A row that cannot be imported, and why (`message` names row and column)."""

    row: int
    column: str
    message: str
    #: a slashed date that a date format would settle
    ambiguous: bool = False


@dataclass
class Sheet:
    path: Path
    delimiter: str
    headers: list[str]
    #: the field each column is read as (None: ignored)
    fields: list[str | None]
    rows: list[SheetRow] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    #: the first rows as they are in the file, for the window's mapping step
    preview: list[list[str]] = field(default_factory=list)
    #: rows after the header that hold anything
    total_rows: int = 0
    date_format: str | None = None

    @property
    def ignored(self) -> list[str]:
        """The headers of the columns not read ("ignored columns: Salary, Location")."""
        return [h for h, f in zip(self.headers, self.fields) if f is None and h.strip()]

    @property
    def ambiguous(self) -> bool:
        return any(p.ambiguous for p in self.problems)


class _Reader:
    """The lines of a sheet, decoded, a line at a time, with the row being read known (for the
    message when a byte is not UTF-8 text)."""

    def __init__(self, f, limit: int):
        self.f, self.left, self.row = f, limit, 1

    def __iter__(self) -> Iterator[str]:
        first = True
        while True:
            raw = self.f.readline(self.left + 1)
            if not raw:
                return
            self.left -= len(raw)
            if self.left < 0:
                raise SheetError(f"is larger than the {MAX_BYTES:,} bytes a sheet may be")
            if first:
                first = False
                if raw.startswith(b"\xef\xbb\xbf"):
                    raw = raw[3:]
            if b"\0" in raw:
                raise SheetError(f"row {self.row}: holds a NUL byte; this is a binary file, not a CSV sheet")
            try:
                yield raw.decode("utf-8")
            except UnicodeDecodeError as exc:
                raise SheetError(
                    f"row {self.row}: byte 0x{raw[exc.start]:02x} is not UTF-8 text; "
                    "save the sheet as CSV UTF-8") from None


_MAGIC = ((b"PK\x03\x04", "a zip file (an .xlsx or .ods workbook?)"),
          (b"\xd0\xcf\x11\xe0", "an Excel workbook (.xls)"),
          (b"%PDF", "a PDF document"),
          (b"\xff\xfe", "UTF-16 text"), (b"\xfe\xff", "UTF-16 text"))


def _open(path: Path):
    """The sheet opened for reading, refusing what is not a regular file of a sane size or is
    a workbook or another format, not CSV."""
    f = open_regular(path, MAX_BYTES, what="a sheet", hint="a sheet saved as CSV", error=SheetError)
    head = f.peek(8)[:8] if hasattr(f, "peek") else b""
    for magic, what in _MAGIC:
        if head.startswith(magic):
            f.close()
            raise SheetError(f"is {what}, not a CSV sheet; save it as CSV UTF-8 first")
    return f


def sniff(header: str) -> str:
    """The delimiter of a header line: whichever of `,` `;` tab appears most outside quotes."""
    counts = {",": 0, ";": 0, "\t": 0}
    quoted = False
    for ch in header:
        if ch == '"':
            quoted = not quoted
        elif not quoted and ch in counts:
            counts[ch] += 1
    best = max(counts, key=lambda d: counts[d])
    return best if counts[best] else ","


def _show(value: str, limit: int = 40) -> str:
    value = value.replace("\r", " ").replace("\n", " ")
    return '"' + (value if len(value) <= limit else value[: limit - 1] + "…") + '"'


_CHECKS = {
    "employer": EMPLOYER_FIELDS["name"],
    "position": APPLICATION_FIELDS["position"],
    "posting_url": APPLICATION_FIELDS["posting_url"],
    "contact_name": CONTACT_FIELDS["name"],
    "contact_email": CONTACT_FIELDS["email"],
    "contact_phone": CONTACT_FIELDS["phone"],
    "notes": checker(R.APPLICATION["notes"]),
}


def _where(row: int, header: str) -> str:
    return f'row {row}, column "{header}"'


def read_sheet(path: Path | str, *, date_format: str | None = None,
               fields: list[str | None] | None = None, collect: bool = False,
               preview_rows: int = 5) -> Sheet:
    """Read and check a whole sheet. `fields` overrides the field each column is read as.
    Without `collect` the first problem raises SheetError; with it, problems in rows are listed
    (`Sheet.problems`, at most MAX_PROBLEMS) and only what stops the whole file raises."""
    path = Path(path)
    with _open(path) as f:
        reader = _Reader(f, MAX_BYTES)
        lines = iter(reader)
        try:
            first = next(lines)
        except StopIteration:
            raise SheetError("is empty; a sheet needs a header row, then one application a row") from None
        delimiter = sniff(first)

        def all_lines():
            yield first
            yield from lines

        rows = csv.reader(all_lines(), delimiter=delimiter)
        try:
            headers = [h.strip() for h in next(rows)]
            reader.row = 2
            sheet = Sheet(path, delimiter, headers, list(fields) if fields is not None else match_headers(headers),
                          date_format=date_format)
            if len(sheet.fields) != len(headers):
                raise ValueError("one field per column")
            missing = [need for need in REQUIRED if need not in sheet.fields]
            for need in missing:
                message = (f'no column for the {need.replace("_", " ")} (a header such as '
                           f'{", ".join(ALIASES[need][:3])})')
                if not collect:
                    raise SheetError(message)
                sheet.problems.append(Problem(1, "", message))
            number = 1
            for cells in rows:
                number += 1
                reader.row = number + 1  # the next row is being read from here on
                if not any(c.strip() for c in cells):
                    continue
                sheet.total_rows += 1
                if sheet.total_rows > MAX_ROWS:
                    raise SheetError(f"has more than {MAX_ROWS:,} rows; split it into smaller sheets")
                if len(sheet.preview) < preview_rows:
                    sheet.preview.append(cells)
                if missing:
                    continue
                try:
                    sheet.rows.append(_row(sheet, number, cells))
                except _RowProblem as exc:
                    if not collect:
                        raise SheetError(exc.problem.message) from None
                    if len(sheet.problems) < MAX_PROBLEMS:
                        sheet.problems.append(exc.problem)
        except csv.Error as exc:
            raise SheetError(f"row {reader.row}: not readable as CSV ({exc})") from None
    return sheet


class _RowProblem(Exception):
    def __init__(self, problem: Problem):
        self.problem = problem


def _row(sheet: Sheet, number: int, cells: list[str]) -> SheetRow:
    values: dict[str, str | None] = {}
    columns: dict[str, str] = {}
    for i, cell in enumerate(cells):
        f = sheet.fields[i] if i < len(sheet.fields) else None
        if f is None:
            if i >= len(sheet.fields) and cell.strip():
                raise _RowProblem(Problem(number, "", f"row {number}: has {len(cells)} cells; "
                                                      f"the header has {len(sheet.headers)}"))
            continue
        values[f] = cell_value(cell)
        columns[f] = sheet.headers[i]

    def fail(name: str, message: str, ambiguous: bool = False):
        raise _RowProblem(Problem(number, columns.get(name, name), message, ambiguous))

    def checked(name: str) -> str:
        value = values.get(name)
        if value is None:
            return ""
        try:
            return _CHECKS[name](value, _where(number, columns.get(name, name))) or ""
        except ExchangeError as exc:
            fail(name, str(exc))

    for need in REQUIRED:
        if not values.get(need):
            fail(need, f"{_where(number, columns[need])}: is empty; every row needs the {need}")
    employer, position = checked("employer").strip(), checked("position").strip()

    moments: dict[str, tuple[date, time | None]] = {}
    for name in DATE_FIELDS:
        value = values.get(name)
        if value is None:
            continue
        try:
            day, at = parse_date(value, sheet.date_format)
        except Ambiguous:
            fail(name, f"{_where(number, columns[name])}: {_show(value)} could be month/day or day/month; "
                       "give --date-format %m/%d/%Y or %d/%m/%Y", ambiguous=True)
        except NotADate:
            fail(name, f"{_where(number, columns[name])}: {_show(value)} is not a date")
        if day.year > MAX_YEAR or day.year < 1900:
            fail(name, f"{_where(number, columns[name])}: {_show(value)} is not a date")
        moments[name] = (day, at)

    status_cell = values.get("status")
    if "status" in sheet.fields:
        status = status_of(status_cell)
        if status is None:
            fail("status", f"{_where(number, columns['status'])}: {_show(status_cell or '')} is not a status "
                           "this app knows (such as saved, applied, interviewing, offer, rejected, withdrawn)")
    else:
        status = (str(Stage.APPLIED if "applied" in moments else Stage.LEAD), None, False)
    stage, outcome, archived = status
    outcome_cell = values.get("outcome")
    if outcome_cell is not None:
        ending = status_of(outcome_cell)
        if ending is None or ending[0] != Stage.CLOSED or ending[1] is None:
            fail("outcome", f"{_where(number, columns['outcome'])}: {_show(outcome_cell)} is not an outcome "
                            f"({', '.join(m.value for m in Outcome)})")
        if stage != Stage.CLOSED:
            fail("outcome", f"{_where(number, columns['outcome'])}: only a closed application has an outcome "
                            f"(the status is {_show(status_cell or '')})")
        if outcome is None:
            outcome = ending[1]
    if stage == Stage.CLOSED and outcome is None:
        fail("status", f"{_where(number, columns.get('status', 'status'))}: a closed application needs its "
                       f"outcome ({', '.join(m.value for m in Outcome)}) in an Outcome column")

    def moment(name: str) -> datetime | None:
        if name not in moments:
            return None
        day, at = moments[name]
        return datetime.combine(day, at if at is not None else DATE_ONLY_TIME)

    contact = checked("contact_name").strip()
    email = checked("contact_email").strip()
    phone = checked("contact_phone").strip()
    if not contact:  # a person known only by an address or a number is kept under it
        contact = email or phone
    role = "recruiter" if normal(columns.get("contact_name", "")) == "recruiter" else "other"
    return SheetRow(
        number=number, employer=employer, position=position, stage=stage, outcome=outcome,
        archived=archived, applied=moment("applied"), saved=moment("saved"),
        posting_closes=moments["posting_closes"][0] if "posting_closes" in moments else None,
        source=source_of(values.get("source")), posting_url=checked("posting_url").strip(),
        contact_name=contact, contact_email=email,
        contact_phone=phone, contact_role=role, notes=checked("notes"),
    )


# -- planning against the store ---------------------------------------------------------------

@dataclass
class Plan:
    """What importing a sheet adds: an exchange document, and the rows skipped as already there."""

    doc: dict
    added: int
    skipped: int
    #: the sheet row of each application the document adds, by its key
    rows: dict[str, int] = field(default_factory=dict)


def _slug(text: str, fallback: str) -> str:
    from ..store.records import slug

    return slug(text, fallback)


def _unique(base: str, taken: set[str]) -> str:
    key, n = base, 2
    while key in taken:
        key, n = f"{base}-{n}", n + 1
    taken.add(key)
    return key


def plan(con, sheet: Sheet, now: datetime) -> Plan:
    """The exchange document that adds the sheet's rows not already stored (`con`: a sqlite3
    connection to the store, or None for an empty one)."""
    employers: dict[str, str] = {}        # casefolded name -> key
    employer_keys: set[str] = set()
    contacts: dict[tuple[str, str], str] = {}  # (employer key, casefolded name) -> key
    contact_keys: set[str] = set()
    app_keys: set[str] = set()
    there: set[tuple[str, str, date | None]] = set()
    if con is not None:
        for key, name in con.execute("SELECT key, name FROM employer ORDER BY id"):
            employers.setdefault(name.strip().casefold(), key)
            employer_keys.add(key)
        for key, employer, name in con.execute(
                "SELECT c.key, e.key, c.name FROM contact c JOIN employer e ON e.id = c.employer_id ORDER BY c.id"):
            contacts.setdefault((employer, name.strip().casefold()), key)
            contact_keys.add(key)
        for key, name, position, applied in con.execute(
                "SELECT a.key, e.name, a.position, (SELECT min(at) FROM event v WHERE v.application_id = a.id"
                " AND v.kind = 'applied') FROM application a JOIN employer e ON e.id = a.employer_id"):
            app_keys.add(key)
            there.add((name.strip().casefold(), position.strip(),
                       date.fromisoformat(applied[:10]) if applied else None))

    doc = {"format": "followup-desktop", "version": 1, "employers": [], "contacts": [],
           "applications": [], "events": []}
    rows: dict[str, int] = {}
    skipped = 0
    for row in sheet.rows:
        seen = (row.employer.casefold(), row.position, row.applied.date() if row.applied else None)
        if seen in there:
            skipped += 1
            continue
        there.add(seen)
        employer = employers.get(row.employer.casefold())
        if employer is None:
            employer = employers[row.employer.casefold()] = _unique(_slug(row.employer, "employer"), employer_keys)
            doc["employers"].append({"key": employer, "name": row.employer})
        people = []
        if row.contact_name:
            contact = contacts.get((employer, row.contact_name.casefold()))
            if contact is None:
                contact = contacts[(employer, row.contact_name.casefold())] = _unique(
                    _slug(f"{employer} {row.contact_name}", "contact"), contact_keys)
                doc["contacts"].append({"key": contact, "employer": employer, "name": row.contact_name,
                                        "role": row.contact_role, "email": row.contact_email,
                                        "phone": row.contact_phone})
            people = [contact]
        key = _unique(_slug(f"{employer} {row.position}", "application"), app_keys)
        rows[key] = row.number
        applied, saved = _not_after(row.applied, now), _not_after(row.saved, now)
        created = saved or applied or now
        app = {"key": key, "employer": employer, "position": row.position, "source": row.source,
               "posting_url": row.posting_url,
               "posting_closes": row.posting_closes.isoformat() if row.posting_closes else None,
               "stage": row.stage, "outcome": row.outcome, "created": min(created, applied or created).isoformat(),
               "archived": row.archived, "notes": row.notes}
        doc["applications"].append(app)
        first = None
        if applied is not None:
            first = {"application": key, "kind": "applied", "at": applied.isoformat()}
        elif saved is not None:
            first = {"application": key, "kind": "lead", "at": saved.isoformat()}
        if first is not None:
            if people:
                first["contacts"] = people
            doc["events"].append(first)
        if row.stage == Stage.CLOSED:
            latest = max((m for m in (applied, saved) if m is not None), default=now)
            doc["events"].append({"application": key, "kind": "closed", "at": latest.isoformat(),
                                  "reason": row.outcome})
    return Plan(doc, len(doc["applications"]), skipped, rows)


def _not_after(moment: datetime | None, now: datetime) -> datetime | None:
    """A date given without a time is taken at noon; on the day of the import, no later than now."""
    if moment is None:
        return None
    if moment.time() == DATE_ONLY_TIME and moment.date() == now.date() and moment > now:
        return now
    return moment


# -- importing --------------------------------------------------------------------------------

@dataclass
class SheetSummary:
    added: int
    skipped: int
    dry_run: bool = False

    def __str__(self) -> str:
        if self.dry_run:
            return (f"would import {self.added} applications ({self.skipped} skipped as already there); "
                    "nothing written")
        return f"imported {self.added} applications ({self.skipped} skipped as already there)"


def import_sheet(store, sheet: Sheet, *, now: datetime | None = None, dry_run: bool = False,
                 progress=None) -> SheetSummary:
    """Add the sheet's rows to the store, all or nothing, through the JSON import's write path.
    `progress(done, total)` as `jsonfile.import_json` reports it."""
    from .jsonfile import write_document

    now = now or datetime.now().replace(microsecond=0)
    if sheet.problems:
        raise SheetError(sheet.problems[0].message)
    with store.db.atomic("IMMEDIATE"):
        made = plan(store.connection, sheet, now)
        if dry_run:
            return SheetSummary(made.added, made.skipped, dry_run=True)
        write_document(store, made.doc, now=now, progress=progress, where=_row_of(made))
    return SheetSummary(made.added, made.skipped)


def _row_of(made: Plan):
    """A validation message about the plan's document, told by the sheet's row instead."""
    apps = made.doc["applications"]

    def where(message: str) -> str:
        m = re.match(r"applications\[(\d+)\]", message)
        if m and int(m[1]) < len(apps):
            return f"row {made.rows[apps[int(m[1])]['key']]}: " + message.split(": ", 1)[-1]
        return message
    return where


def dry_run(paths, sheet: Sheet, *, now: datetime | None = None) -> SheetSummary:
    """What importing would add and skip, read without writing (no data dir made)."""
    from ..store.connection import open_database

    now = now or datetime.now().replace(microsecond=0)
    if sheet.problems:
        raise SheetError(sheet.problems[0].message)
    if not paths.database.exists():
        made = plan(None, sheet, now)
    else:
        con = open_database(paths.database, backups=paths.backups, reading=True)
        try:
            made = plan(con, sheet, now)
        finally:
            con.close()
    return SheetSummary(made.added, made.skipped, dry_run=True)
