"""A spreadsheet of everything (CONTRACT.md *Spreadsheets*, *Export*): one row per application.

Kept apart from the import (`sheet.py`) so that `export FILE.csv` reads like `due`: plain SQL,
the agenda for the next step, no validation code and no ORM loaded.
"""

from __future__ import annotations

import csv
import itertools
from datetime import datetime
from pathlib import Path
from typing import Iterator

#: what a spreadsheet reads as a formula at the start of a cell (OWASP CSV injection)
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
#: the same, as the one first character each of them is
_FIRST_OF_FORMULA = frozenset(FORMULA_STARTS)
assert all(len(start) == 1 for start in FORMULA_STARTS)


def inert(text: str) -> str:
    """A cell as the export writes it: one a spreadsheet would read as a formula gets a `'`."""
    return "'" + text if text.startswith(FORMULA_STARTS) else text


#: the export's columns, in order (CONTRACT.md)
EXPORT_COLUMNS = ("Employer", "Position", "Stage", "Outcome", "Applied", "Last contact", "Next step",
                  "Next step due", "Contact", "Contact email", "Contact phone", "Source", "Posting URL",
                  "Notes")


#: who a row names: the first person on the application's earliest event that names anyone (the
#: first given, when it names several), else the employer's first contact
_PERSON = ("ifnull((SELECT ec.contact_id FROM event_contact ec WHERE ec.event_id = ("
           "SELECT v.id FROM event v WHERE v.application_id = a.id"
           " AND EXISTS (SELECT 1 FROM event_contact named WHERE named.event_id = v.id) ORDER BY v.at, v.id LIMIT 1)"
           " ORDER BY ec.position, ec.contact_id LIMIT 1),"
           " (SELECT min(first.id) FROM contact first WHERE first.employer_id = a.employer_id))")
_ROWS_SQL = (
    "SELECT a.key, m.name, a.position, a.stage, ifnull(a.outcome, ''),"
    " substr(ifnull((SELECT min(v.at) FROM event v WHERE v.kind = 'applied' AND v.application_id = a.id), ''), 1, 10),"
    " ifnull(c.name, ''), ifnull(c.email, ''), ifnull(c.phone, ''), ifnull(a.source, ''), ifnull(a.posting_url, ''),"
    " ifnull(a.notes, '')"
    f" FROM application a JOIN employer m ON m.id = a.employer_id LEFT JOIN contact c ON c.id = {_PERSON}"
    " {where}ORDER BY a.id")
#: below this many applications a second reader costs more than it saves
HALVES_FROM = 1000


def sheet_rows(con, at: datetime | None = None, half: tuple[str, int] | None = None) -> Iterator[list[str]]:
    """One row per application (as EXPORT_COLUMNS), in the order they were added, read through
    the sqlite3 connection `con` (no ORM); the next step and its due date are the agenda's
    (`followup_desktop.agenda`) at `at`, read through `con` too. `half`: only the applications
    up to or above a row id (`store.halves.UP_TO`, `ABOVE`)."""
    from .. import agenda
    from ..store.halves import condition
    from ..vocab import ACTIONS

    at = at or datetime.now().replace(microsecond=0)
    plan_of = agenda.read_from(con, at, half)
    plans, last_contact, next_step, shown = plan_of.by_app, plan_of.last_contact, agenda.next_step, ACTIONS.shown
    for (key, employer, position, stage, outcome, applied, name, email, phone, source, url,
         note) in con.execute(_ROWS_SQL.format(where=f"WHERE {condition('a.id', half)} " if half else ""),
                              half[1:] if half else ()):
        actions = plans.get(key)
        step = next_step(actions, at) if actions else None
        last = last_contact.get(key)
        yield [employer, position, stage, outcome, applied, last.date().isoformat() if last else "",
               shown(step.name) if step else "", step.due.date().isoformat() if step and step.due else "",
               name, email, phone, source, url, note]


def _write_rows(out, con, at: datetime, half: tuple[str, int] | None = None) -> int:
    """Write the rows (`sheet_rows`) to the text file `out` as the export does (RFC 4180, CRLF,
    a formula-like cell made inert); how many there were."""
    writer = csv.writer(out, lineterminator="\r\n", quoting=csv.QUOTE_MINIMAL)
    starts = _FIRST_OF_FORMULA
    rows = [[("'" + cell) if cell[:1] in starts else cell for cell in row]  # inert(), cell by cell
            for row in sheet_rows(con, at, half)]
    writer.writerows(rows)
    return len(rows)


def rows_split(con) -> int | None:
    """Where to split the rows between two readers (`export_sheet`'s `halves`): the row id of
    the application up to which this process reads them, a little under half (it writes the
    file too); None when there are too few to be worth it."""
    from ..store.halves import split_at

    return split_at(con, "SELECT id FROM application ORDER BY id", HALVES_FROM, 9 / 20)


def rows_after(con, out, after: int, at: datetime) -> int:
    """The second reader's work: the rows of the applications above row id `after`, at `at`,
    as the export writes them, to the binary file `out`; how many there were."""
    import io

    from ..store.halves import halves_at

    text = io.StringIO()
    count = _write_rows(text, con, at, halves_at(after)[1])
    out.write(text.getvalue().encode("utf-8"))
    return count


def export_sheet(con, path: Path, *, at: datetime | None = None, progress=None, halves=None) -> int:
    """Write every application (read through the sqlite3 connection `con`, in one read
    transaction) to `path` as CSV (CONTRACT.md): UTF-8 with a byte-order mark, CRLF line ends,
    RFC 4180 quoting, a formula-like cell made inert. The file is written whole or not at all.
    Returns how many applications it holds.

    `halves`: (split id, `store.halves.Split`) when a second process writes the rows of the
    applications above that row id (`rows_after`, at the same `at`) over the same snapshot."""
    import io

    from ..paths import write_private
    from ..store.halves import halves_at

    at = at or datetime.now().replace(microsecond=0)
    out = io.StringIO()
    out.write("\ufeff")
    csv.writer(out, lineterminator="\r\n").writerow(EXPORT_COLUMNS)
    own = not con.in_transaction
    if own:  # the next steps and the rows from one snapshot
        con.execute("BEGIN")
    try:
        count = _write_rows(out, con, at, halves_at(halves[0])[0] if halves else None)
    finally:
        if own:
            con.execute("ROLLBACK")  # it only read
    pieces = [out.getvalue()]
    if halves:
        split = halves[1]
        count += split.finish()
        pieces = itertools.chain(pieces, split.text())
    if progress is not None:
        progress(1, 2)  # the last moment to stop: nothing is written before it
    write_private(Path(path), pieces)
    return count
