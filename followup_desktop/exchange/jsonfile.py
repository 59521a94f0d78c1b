"""Import and export of the JSON exchange file.

Import is all or nothing: the whole file is validated against the contract and the stored keys
first, then written in one transaction. Export writes a complete, deterministic document through
a temporary file, so a crash mid-export never leaves a half-written file behind.
"""

from __future__ import annotations

import itertools
import json
import operator
import time
from collections import defaultdict
from functools import lru_cache
from datetime import datetime
from pathlib import Path
from typing import Any, Iterator, NamedTuple

from .. import records as R
from ..paths import write_private
from ..settings import SPECS
from .validate import FORMAT, VERSION, ExchangeError, ExistingKeys, check_event, load_file, validate

PROFILE_SETTINGS = {
    "name": "profile_name",
    "email": "profile_email",
    "phone": "profile_phone",
    "employed": "profile_employed",
    "signature": "profile_signature",
}
STATE_FIELDS = R.STATE_FIELDS


class ImportSummary(NamedTuple):
    """How many records of each kind an import added (a named tuple: an export, which shares
    this module, then loads no dataclass machinery)."""

    employers: int
    contacts: int
    applications: int
    events: int

    def __str__(self) -> str:
        return (f"imported {self.employers} employers, {self.contacts} contacts, "
                f"{self.applications} applications, {self.events} events")


def _existing(store) -> ExistingKeys:
    con = store.connection
    employers = {eid: k for eid, k in con.execute("SELECT id, key FROM employer")}

    def names(kind: str, key: str) -> str | None:
        # Only asked for the one record a message names.
        sql = {
            "employer": "SELECT name FROM employer WHERE key = ?",
            "contact": "SELECT name FROM contact WHERE key = ?",
            "application": "SELECT e.name || ' — ' || a.position FROM application a "
                           "JOIN employer e ON e.id = a.employer_id WHERE a.key = ?",
        }[kind]
        row = con.execute(sql, (key,)).fetchone()
        return row[0] if row else None

    return ExistingKeys(
        employers.values(),
        {k: employers[e] for k, e in con.execute("SELECT key, employer_id FROM contact")},
        {k: employers[e] for k, e in con.execute("SELECT key, employer_id FROM application")},
        [aid for (aid,) in con.execute("SELECT action_id FROM action_state")],
        names=names,
        message_ids=[m for (m,) in con.execute("SELECT message_id FROM event WHERE message_id IS NOT NULL")],
    )


def _insert(con, record: R.Record, rows: list[tuple], *, row_id: bool = False) -> None:
    """Insert rows (tuples in the order of `record.stored`, with an explicit `id` first when
    `row_id`; as `_row_maker` makes them) with one prepared statement: plain SQL inside the
    import's transaction, storing what the models would store. A column that may be NULL is
    given "" for NULL and stores `NULLIF(?, '')`: the sqlite3 module binds a None (or a
    true/false) several times slower than a text or a number, and most of an event's columns
    are empty."""
    if not rows:
        return
    stored = record.stored
    columns = (["id"] if row_id else []) + [f.sql for f in stored]
    values = (["?"] if row_id else []) + ["NULLIF(?, '')" if f.null else "?" for f in stored]
    sql = f"INSERT INTO {record.table} ({', '.join(columns)}) VALUES ({', '.join(values)})"
    indexes = []
    if len(rows) >= REINDEX_AFTER:
        there = con.execute(f"SELECT count(*) FROM {record.table}").fetchone()[0]
        if there <= len(rows):
            # Many rows into a table that holds fewer: its indexes are made again once, after
            # them, rather than grown row by row (the same statements, in the same transaction).
            indexes = con.execute("SELECT name, sql FROM sqlite_master WHERE type = 'index' AND "
                                  "tbl_name = ? AND sql IS NOT NULL", (record.table,)).fetchall()
            for name, _ in indexes:
                con.execute(f'DROP INDEX "{name}"')
    con.executemany(sql, rows)
    for _, create in indexes:
        con.execute(create)


#: a table given at least this many rows has its indexes made again after them
REINDEX_AFTER = 10_000


def _column_value(f: R.Field) -> str:
    """The expression that makes one stored field's value from a validated record `r` (and the
    record as given, `w`), as the models store it: a REF as the row id of the record it names
    (from the map named after that record), dates and times as ISO text (a time to the second),
    true/false as 1/0, and NULL as "" for a column that may hold it (`_insert`).

    A date or time given already in the stored form (`YYYY-MM-DD`, `YYYY-MM-DDTHH:MM:SS`: it was
    checked, so its length and ASCII say so) is stored as given: writing the text again from
    the date was a tenth of making the rows."""
    value = f"r[{f.name!r}]"
    if f.null:
        value = f"(v := {value})"
    if f.type == R.REF:
        made = f"{f.refers}_ids[{value}]"
    elif f.type in (R.DATE, R.DATETIME):
        size, again = (10, "isoformat()") if f.type == R.DATE else (19, "isoformat(timespec='seconds')")
        made = (f"(t if (t := w.get({f.name!r})).__class__ is _str and _len(t) == {size} and t.isascii() "
                f"else {value}.{again})")
    elif f.type == R.BOOLEAN:
        made = f"(1 if {value} else 0)"
    else:
        made = value
    if not f.null:
        return made
    return f"('' if {value} is None else {made.replace(value, 'v')})"


@lru_cache(maxsize=None)
def _row_maker(record: R.Record, row_id: bool):
    """`rows(records, given, ids, first)`: the validated records of `record`'s kind as its
    table's rows for `_insert`, in the order of `record.stored` (with the row id first when
    `row_id`: the first record gets `first`, the next `first + 1`…). `given`: the records as
    they were given to `validate`, in the same order (those after them, such as the events an
    import adds, have none); `ids`: record name -> key -> row id, for the REFs. Written out from
    the declarations as one list display, so that making tens of thousands of rows costs no
    Python call per field."""
    refers = sorted({f.refers for f in record.stored if f.type == R.REF})
    row = (["i"] if row_id else []) + [_column_value(f) for f in record.stored]
    source = "\n".join([
        "def rows(records, given, ids, first):",
        *(f"    {name}_ids = ids[{name!r}]" for name in refers),
        "    given = _chain(given, _repeat(_NOTHING))",
        f"    return [({', '.join(row)},) for i, r, w in zip(_count(first), records, given)]"
        if row_id else f"    return [({', '.join(row)},) for r, w in zip(records, given)]",
    ])
    space = {"_count": itertools.count, "_chain": itertools.chain, "_repeat": itertools.repeat,
             "_NOTHING": {}, "_str": str, "_len": len}
    exec(compile(source, f"<rows of {record.name}>", "exec"), space)
    return space["rows"]


#: an event as `stage_of` reads it, made from a validated record without a Python call
_Ev = R.row_type("_Ev", ("kind", "outcome", "reason"))
_KIND_OUTCOME_REASON = operator.itemgetter("kind", "outcome", "reason")
_AT = operator.itemgetter("at")
_KEY = operator.itemgetter("key")


def complete_timelines(applications: list[dict], events: list[dict], now: datetime) -> list[dict]:
    """Make each application's stage follow from its events (`playbook.stages`), as it does in
    the store. Where the file's `stage`/`outcome` says more than the events (a closed application
    with no closing on its timeline, an "applied" lead with nothing sent), the event that makes
    it so is added, at the application's latest event (its `created` moment, or `now`, when it has
    none); where the events say more, the events win. An application with neither events nor a
    `created` moment is created `now`. Sets each record's stage and outcome and returns the added
    events, as validated records."""
    # Imported here: an export never needs the playbook (its import is a tenth of a second).
    from ..playbook.stages import event_for_stage, says_more, stage_of

    by_app: dict[str, list[dict]] = defaultdict(list)
    for rec in events:
        by_app[rec["application"]].append(rec)
    added = []
    for app in applications:
        timeline = by_app.get(app["key"])
        if timeline is None:
            timeline = []
        elif len(timeline) > 1:
            timeline.sort(key=_AT)  # stable: file order
        if not timeline and app.get("created") is None:
            # Nothing dates it: it came into the app now, and its clocks start there (a lead
            # with no moment at all would never be told its next step).
            app["created"] = now
        earned = stage_of(map(_Ev.make, map(_KIND_OUTCOME_REASON, timeline)))
        if says_more(app["stage"], app["outcome"], earned):
            at = timeline[-1]["at"] if timeline else (app.get("created") or now)
            raw = event_for_stage(app["stage"], app["outcome"], at, implied=True)
            raw = {**raw, "application": app["key"], "at": raw["at"].isoformat()}
            rec = check_event(raw, app["employer"], {}, f'application "{app["key"]}": its stage')
            added.append(rec)
            timeline.append(rec)
            earned = stage_of(map(_Ev.make, map(_KIND_OUTCOME_REASON, timeline)))
        app["stage"], app["outcome"] = earned
    return added


#: `import_json` reports its steps 0 to 7 of this many to its `progress`
IMPORT_STEPS = 8


def import_json(store, path: Path, doc: Any = None, *, now: datetime | None = None,
                progress=None) -> ImportSummary:
    """Import the exchange file at `path` (or its already-read document `doc`), all or nothing.
    `progress(done, total)` is called between the steps; what it raises rolls everything back."""
    step = (lambda n: progress(n, IMPORT_STEPS)) if progress is not None else (lambda n: None)
    step(0)
    doc = load_file(Path(path)) if doc is None else doc
    step(1)
    return write_document(store, doc, now=now, progress=progress)


def write_document(store, doc: Any, *, now: datetime | None = None, progress=None,
                   where=None) -> ImportSummary:
    """Validate an exchange document against the contract and the store, then write it, in one
    transaction (or inside the caller's): the one write path of every import (the JSON file,
    a spreadsheet). `where(message)` may restate a validation message in the caller's terms
    (a sheet's row); `progress` is reported steps 2 to 7 of IMPORT_STEPS."""
    step = (lambda n: progress(n, IMPORT_STEPS)) if progress is not None else (lambda n: None)
    con = store.connection
    # The write lock is taken first and the stored keys are read under it: a second import of
    # the same file, started at the same moment, waits here and then finds the keys there.
    with store.db.atomic("IMMEDIATE"):
        try:
            checked = validate(doc, _existing(store))
        except ExchangeError as exc:
            if where is None:
                raise
            raise ExchangeError(where(str(exc))) from None
        step(2)
        file_events = len(checked.events)
        checked.events.extend(complete_timelines(checked.applications, checked.events,
                                                 now or datetime.now().replace(microsecond=0)))
        settings = dict(checked.settings)
        if checked.profile is not None:
            for field, name in PROFILE_SETTINGS.items():
                settings[name] = checked.profile[field]
        if settings:
            store.save_settings(settings)

        step(3)
        # Every new record's row id is given up front, as SQLite would give it (one more than
        # the largest there, in the file's order): the rows that name it are made without
        # reading anything back.
        ids: dict[str, dict] = {}
        first: dict[str, int] = {}
        for record in (R.EMPLOYER, R.CONTACT, R.APPLICATION, R.EVENT):
            if record is not R.EVENT:
                ids[record.name] = dict(con.execute(f"SELECT key, id FROM {record.table}"))
            first[record.name] = (con.execute(f"SELECT max(id) FROM {record.table}").fetchone()[0] or 0) + 1
        def rows(record: R.Record, recs: list[dict], row_id: bool = True) -> list[tuple]:
            given = doc.get(record.section) or []  # as `validate` read them, in its order
            return _row_maker(record, row_id)(recs, given, ids, first.get(record.name))

        for record, recs in ((R.EMPLOYER, checked.employers), (R.CONTACT, checked.contacts)):
            ids[record.name].update(zip(map(_KEY, recs), itertools.count(first[record.name])))
            _insert(con, record, rows(record, recs), row_id=True)
        step(4)
        ids["application"].update(zip(map(_KEY, checked.applications), itertools.count(first["application"])))
        _insert(con, R.APPLICATION, rows(R.APPLICATION, checked.applications), row_id=True)
        events = rows(R.EVENT, checked.events)
        contact_id, links = ids["contact"], []
        link = links.append
        for eid, r in zip(itertools.count(first["event"]), checked.events):
            people = r["contacts"]
            if people:
                points = r["key_points"]
                for pos, c in enumerate(people):
                    link((eid, contact_id[c], pos, points.get(c, "") if points else ""))
        step(5)
        _insert(con, R.EVENT, events, row_id=True)
        step(6)
        _insert(con, R.EVENT_CONTACT, links)
        _insert(con, R.ACTION_STATE, rows(R.ACTION_STATE, checked.action_states, row_id=False))
        step(7)  # the last moment to stop: after it, the transaction commits
    summary = ImportSummary(len(checked.employers), len(checked.contacts), len(checked.applications),
                            file_events)
    let_go(events, links, checked.events, checked.applications, checked.contacts)
    return summary


def let_go(*lists: list) -> None:
    """Empty big lists a slice at a time, letting other threads run between slices: a search's
    records freed all at once when the import returns hold the interpreter's lock for tens of
    milliseconds, and the window (run beside the import) stands still that long."""
    for items in lists:
        while items:
            del items[-2000:]
            time.sleep(0)


class Reading:
    """What an export reads through when no store is open: a plain sqlite3 connection (no ORM,
    as `due` reads), with the store's `connection` and `settings()`."""

    def __init__(self, con):
        self.connection = con

    def settings(self):
        from ..store.reads import load_settings

        return load_settings(self.connection)


def _exported_rows(con, record: R.Record, keys: dict[str, dict], order_by: str, people=None,
                   where: str = "", args: tuple = ()):
    """(row id, the exchange file's record) of every row of a record's table, field by field in
    Python: what `_record_lines` falls back on for a row SQLite cannot write as the file does
    (a value another program stored). `people`: event id -> [(contact key, key point)], for
    the fields that are not columns."""
    from ..store.reads import _TO_PYTHON

    offset = 1 if record.row_id else 0
    plan = []
    index = offset
    for f in record.fields:
        at = None
        if f.stored:
            at, index = index, index + 1
        plan.append((f.name, at, f.refers if f.type == R.REF else None, f.omit_empty,
                     _TO_PYTHON.get(f.type), f.type))
    columns = ("id, " if record.row_id else "") + record.columns()
    for raw in con.execute(f"SELECT {columns} FROM {record.table} {where} ORDER BY {order_by}", args):
        row_id = raw[0] if offset else None
        out: dict[str, Any] = {}
        for name, at, refers, omit, to_python, kind in plan:
            if at is not None:
                value = raw[at]
                if value is not None:
                    if refers is not None:
                        value = keys[refers][value]
                    elif to_python is not None:
                        value = to_python(value)
                        if kind != R.BOOLEAN:
                            value = value.isoformat()
            else:
                who = people.get(row_id, ()) if people is not None else ()
                value = ([k for k, _ in who] if kind == R.KEYS
                         else {k: p for k, p in who if p} if kind == R.POINTS else None)
            if omit and (value is None or value is False or value == "" or value == [] or value == {}):
                continue
            out[name] = value
        yield row_id, out


@lru_cache(maxsize=None)
def _record_query(record: R.Record, order_by: str, where: str = "") -> tuple[str, bool]:
    """The SQL that writes each row of a record's table as the exchange file's line for it, and
    whether the record has the fields that are not columns (an event's people).

    Each row gives (text, rest, row id, ok). SQLite does all of a row's work: `json_quote`
    writes each value exactly as the json module does (the same escapes: a test holds them
    to it), a REF becomes the key it names (a join), a field left out when empty is left out
    (`', "name": ' || NULL` is NULL), and the separators are the file's (`", "`, `": "`).
    Where the people go, the text stops: `rest` is what follows them (NULL if nothing can
    follow). `ok` says the row's dates and times are stored exactly as the file writes them
    (`strftime` of a stored moment gives it back only then) and its REFs found their record;
    a row that is not so (a value another program stored) is made by `_exported_rows`.
    `where`: a condition on the rows (`r.`), with `?` parameters."""
    t = record.table
    first = record.fields[0]
    assert first.stored and not first.omit_empty, "a record's line starts with a field it always has"
    pieces: list[list[str]] = [[]]
    ok, joins = [], []
    people = False
    for f in record.fields:
        name = json.dumps(f.name)
        if not f.stored:
            people = True
            if pieces[-1]:
                pieces.append([])
            continue
        col = f"r.{f.sql}"
        label = "'{" + name + ": '" if f is first else "', " + name + ": '"
        if f.type == R.REF:
            alias = f"j{len(joins)}"
            joins.append(f" LEFT JOIN {f.refers} {alias} ON {alias}.id = {col}")
            ok.append(f"({col} IS NULL OR {alias}.key IS NOT NULL)")
            col = f"{alias}.key"
        if f.type == R.DATETIME:
            ok.append(f"strftime('%Y-%m-%dT%H:%M:%S', {col}) IS {col}")
        elif f.type == R.DATE:
            ok.append(f"date({col}) IS {col}")
        if f.type == R.BOOLEAN:
            piece = (f"CASE WHEN {col} THEN {label} || 'true' ELSE '' END" if f.omit_empty else
                     f"{label} || CASE WHEN {col} IS NULL THEN 'null' WHEN {col} THEN 'true' ELSE 'false' END")
        elif f.omit_empty:  # NULL and '' are left out (`<>` is NULL of a NULL)
            piece = f"CASE WHEN {col} <> '' THEN {label} || json_quote({col}) ELSE '' END"
        else:
            piece = f"{label} || json_quote({col})"
        pieces[-1].append(piece)
    text = " || ".join(pieces[0])
    rest = " || ".join(pieces[1]) if len(pieces) > 1 else ""
    if people:
        rest = f"{rest} || '}}'" if rest else "'}'"
    else:
        text += " || '}'"
    row_id = "r.id" if record.row_id else "r.rowid"
    sql = (f"SELECT {text}, {rest or 'NULL'}, {row_id}, {' AND '.join(ok) or '1'} "
           f"FROM {t} r{''.join(joins)} {'WHERE ' + where + ' ' if where else ''}"
           f"ORDER BY {', '.join('r.' + c.strip() for c in order_by.split(','))}")
    return sql, people


def _record_lines(con, record: R.Record, order_by: str, people: dict | None = None,
                  events: tuple = ()) -> Iterator[str]:
    """Every row of a record's table as its line of the exchange file (without the indent and
    the comma), in `order_by` order, as SQLite hands them. `people`: event id -> the text of
    its people's fields (`, "contacts": [...]` and the key points), for the events that have
    any. `events`: of the events, only those of this half of the applications (`halves.UP_TO`
    or `halves.ABOVE` a row id)."""
    sql, has_people = _record_query(record, order_by, _half(events))
    slow = None
    for text, rest, row_id, ok in con.execute(sql, events[1:]):
        if not ok:
            if slow is None:
                slow = {r.name: dict(con.execute(f"SELECT id, key FROM {r.table}"))
                        for r in (R.EMPLOYER, R.CONTACT, R.APPLICATION)}
            where = "WHERE id = ?" if record.row_id else "WHERE rowid = ?"
            yield _ENCODE(next(_exported_rows(con, record, slow, "rowid",
                                              _people_lists(con, row_id) if has_people else None,
                                              where, (row_id,)))[1])
        elif has_people:
            yield text + people.get(row_id, "") + rest if people else text + rest
        else:
            yield text


#: the json module's encoder, as the file writes a value: `", "` and `": "`, text as it is
_ENCODE = json.JSONEncoder(ensure_ascii=False).encode


def _people_lists(con, event_id: int) -> dict[int, list[tuple[str, str]]]:
    """{event id: [(contact key, key point)]} in the order the event names them, of one event."""
    return {event_id: [(key, point) for key, point in con.execute(
        "SELECT c.key, l.key_point FROM event_contact l JOIN contact c ON c.id = l.contact_id "
        "WHERE l.event_id = ? ORDER BY l.position", (event_id,))]}


def _half(events: tuple) -> str:
    """The condition on an event `r` of being in the half `events` (none: all), with a `?`."""
    from ..store.halves import condition

    return condition("r.application_id", events) if events else ""



def _people_texts(con, events: tuple = ()) -> dict[int, str]:
    """Event id -> its people as its line writes them, of every event that names anyone (of
    this half of the applications `events`, when given: `_half`): the contacts' keys in the
    event's order, then the key points by contact (left out when there are none). SQLite
    quotes the keys and points; Python only strings them together."""
    texts: dict[int, str] = {}
    current, keys, points = None, [], []

    def done():
        text = ', "contacts": [' + ", ".join(keys) + "]"
        texts[current] = text + (', "key_points": {' + ", ".join(points) + "}" if points else "")

    for event_id, key, point in con.execute(
            "SELECT l.event_id, json_quote(c.key), "
            "CASE WHEN l.key_point <> '' THEN json_quote(c.key) || ': ' || json_quote(l.key_point) END "
            "FROM event_contact l JOIN contact c ON c.id = l.contact_id "
            + ("JOIN event r ON r.id = l.event_id WHERE " + _half(events) + " " if events else "")
            + "ORDER BY l.event_id, l.position", events[1:]):
        if event_id != current:
            if current is not None:
                done()
            current, keys, points = event_id, [], []
        keys.append(key)
        if point is not None:
            points.append(point)
    if current is not None:
        done()
    return texts


#: how many records' lines an export writes at once (a piece of the file, and a progress report)
EXPORT_PIECE = 2000

#: the events' order in the file: by application, then in time
_EVENT_ORDER = "application_id, at, id"
#: the sections of records in the file's order (and their order), and whether an empty one is
#: still written
_EXPORTED = ((R.EMPLOYER, "id", True), (R.CONTACT, "id", True), (R.APPLICATION, "id", True),
             (R.EVENT, _EVENT_ORDER, True), (R.ACTION_STATE, "action_id", False))


def export_pieces(store, counts: dict[str, int], progress=None, halves=None) -> Iterator[str]:
    """Everything in the store as the exchange file's text, piece by piece as it is to be
    written: a section's records a few thousand lines at a time (SQLite writes each record's
    line: `_record_lines`), so the whole file is never in memory. The top level is laid out a
    key a line, each record one line. `counts` is filled in with how many records each section
    held; `progress(done, total)` is told the records written so far after each piece (it may
    raise to stop: `write_private` then writes nothing).

    `halves`: (split id, `store.halves.Split`) when a second process reads the events of the
    applications above that row id (`events_after`), over the same snapshot: this process reads
    the rest, then takes that process's text in."""
    con = store.connection
    # one read transaction over every section: what another program commits meanwhile (the
    # window, an import from the command line) is in none of them, rather than in some
    own = not con.in_transaction
    if own:
        con.execute("BEGIN")
    try:
        yield from _pieces(store, con, counts, progress, halves)
    finally:
        if own:
            con.execute("ROLLBACK")  # it only read


def _pieces(store, con, counts: dict[str, int], progress, halves) -> Iterator[str]:
    from ..store.halves import halves_at

    settings = store.settings()
    profile = {field: settings.raw[name] for field, name in PROFILE_SETTINGS.items()}
    if not profile["signature"]:
        del profile["signature"]
    others = {n: v for n, v in settings.overrides().items() if n not in PROFILE_SETTINGS.values()}
    total = done = 0
    if progress is not None:
        total = sum(con.execute(f"SELECT count(*) FROM {r.table}").fetchone()[0] for r, _, _ in _EXPORTED)
        progress(0, total)
    mine = halves_at(halves[0])[0] if halves else ()  # the events this process reads
    people = _people_texts(con, mine)
    yield "{\n" + ",\n".join(f"  {_ENCODE(name)}: {_ENCODE(value)}" for name, value in
                              (("format", FORMAT), ("version", VERSION), ("profile", profile)))
    for record, order_by, always in _EXPORTED:
        if record is R.ACTION_STATE and others:
            order = list(SPECS)
            ordered = dict(sorted(others.items(), key=lambda kv: order.index(kv[0])))
            yield f',\n  "settings": {_ENCODE(ordered)}'
        lines = _record_lines(con, record, order_by, people, mine if record is R.EVENT else ())
        written = 0
        start = f',\n  {_ENCODE(record.section)}: [\n    '
        while piece := list(itertools.islice(lines, EXPORT_PIECE)):
            yield (start if not written else ",\n    ") + ",\n    ".join(piece)
            written += len(piece)
            done += len(piece)
            if progress is not None:
                progress(done, total)
        if record is R.EVENT and halves:
            split = halves[1]
            theirs = split.finish()
            if theirs:
                yield start if not written else ",\n    "
                yield from split.text()
                written += theirs
                done += theirs
                if progress is not None:
                    progress(done, total)
        if written:
            yield "\n  ]"
        elif always:
            yield f',\n  {_ENCODE(record.section)}: []'
        if written or always:
            counts[record.section] = written
    yield "\n}\n"


def export_document(store) -> dict[str, Any]:
    """Everything in the store as an exchange document: what the file says, read back."""
    return json.loads("".join(export_pieces(store, {})))


def export_json(store, path: Path, progress=None, halves=None) -> dict[str, int]:
    """Write the exchange file to `path` (whole or not at all, as it is read: see
    `export_pieces`, also for `halves`); how many records of each section it holds."""
    counts: dict[str, int] = {}
    write_private(Path(path), export_pieces(store, counts, progress, halves))
    return counts


#: below this many events a second reader costs more than it saves
HALVES_FROM = 4000


def events_split(con) -> int | None:
    """Where to split the events between two readers (`export_pieces`'s `halves`): the row id
    of the application up to which this process reads them, about two in five (it reads
    everything else too); None when there are too few to be worth it."""
    from ..store.halves import split_at

    return split_at(con, "SELECT application_id FROM event ORDER BY application_id", HALVES_FROM, 2 / 5)


def events_after(con, out, after: int) -> int:
    """The second reader's work: the lines of the events of the applications above row id
    `after`, as `export_pieces` puts them in the file, written to the binary file `out`; how
    many there were."""
    from ..store.halves import halves_at

    half = halves_at(after)[1]
    lines = _record_lines(con, R.EVENT, _EVENT_ORDER, _people_texts(con, half), half)
    written = 0
    while piece := list(itertools.islice(lines, EXPORT_PIECE)):
        out.write(((",\n    " if written else "") + ",\n    ".join(piece)).encode("utf-8"))
        written += len(piece)
    return written
