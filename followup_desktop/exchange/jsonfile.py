"""Import and export of the JSON exchange file.

Import is all or nothing: the whole file is validated against the contract and the stored keys
first, then written in one transaction. Export writes a complete, deterministic document through
a temporary file, so a crash mid-export never leaves a half-written file behind.
"""

from __future__ import annotations

import json
import operator
import time
from dataclasses import dataclass
from functools import lru_cache
from datetime import date, datetime
from pathlib import Path
from typing import Any

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


@dataclass
class ImportSummary:
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


def _sql_value(value):
    """A value as the models store it (`store.models`): times and dates as ISO text."""
    if isinstance(value, datetime):
        return value.replace(microsecond=0).isoformat()
    if isinstance(value, date):
        return value.isoformat()
    return value


def _insert(con, record: R.Record, rows: list[tuple], *, row_id: bool = False) -> None:
    """Insert rows (tuples in the order of `record.stored`, with an explicit `id` first when
    `row_id`) with one prepared statement: plain SQL inside the import's transaction, as the
    models would write them (an import of thousands of records spent most of its time having
    peewee build its INSERT statements)."""
    if not rows:
        return
    columns = (["id"] if row_id else []) + [f.sql for f in record.stored]
    sql = (f"INSERT INTO {record.table} ({', '.join(columns)}) "
           f"VALUES ({', '.join('?' * len(columns))})")
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


def _stored(record: R.Record, rec: dict, refs: dict[str, dict]) -> tuple:
    """A validated record as its table's row, in the order of `record.stored`: a REF turned into
    the row id of the record it names (`refs`: record name -> key -> id)."""
    take, refs_at, times_at, optional_at = _columns(record)
    out = list(take(rec))
    for i, refers in refs_at:
        out[i] = refs[refers][out[i]]
    for i in times_at:
        value = out[i]
        if value is not None:
            out[i] = value.isoformat() if not getattr(value, "microsecond", 0) else _sql_value(value)
    for i in optional_at:
        if out[i] == "":
            out[i] = None
    return tuple(out)


@lru_cache(maxsize=None)
def _columns(record: R.Record) -> tuple:
    """How a record's stored fields become its row: a getter of their values in column order,
    and the positions of the REFs (with the record each names), of the dates and times (stored
    as ISO text) and of the texts that may be absent (empty is stored as NULL, as the models
    store it)."""
    fields = record.stored
    take = operator.itemgetter(*(f.name for f in fields))
    if len(fields) == 1:
        single = take
        take = lambda rec: (single(rec),)  # noqa: E731
    refs_at = tuple((i, f.refers) for i, f in enumerate(fields) if f.type == R.REF)
    times_at = tuple(i for i, f in enumerate(fields) if f.type in (R.DATE, R.DATETIME))
    optional_at = tuple(i for i, f in enumerate(fields) if f.type == R.TEXT and f.null)
    return take, refs_at, times_at, optional_at


class _Ev:
    __slots__ = ("kind", "outcome", "reason")

    def __init__(self, rec: dict):
        self.kind, self.outcome, self.reason = rec["kind"], rec["outcome"], rec["reason"]


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

    by_app: dict[str, list[dict]] = {}
    for rec in events:
        by_app.setdefault(rec["application"], []).append(rec)
    added = []
    for app in applications:
        timeline = sorted(by_app.get(app["key"], []), key=lambda r: r["at"])  # stable: file order
        if not timeline and app.get("created") is None:
            # Nothing dates it: it came into the app now, and its clocks start there (a lead
            # with no moment at all would never be told its next step).
            app["created"] = now
        earned = stage_of([_Ev(r) for r in timeline])
        if says_more(app["stage"], app["outcome"], earned):
            at = timeline[-1]["at"] if timeline else (app.get("created") or now)
            raw = event_for_stage(app["stage"], app["outcome"], at, implied=True)
            raw = {**raw, "application": app["key"], "at": raw["at"].isoformat()}
            rec = check_event(raw, app["employer"], {}, f'application "{app["key"]}": its stage')
            added.append(rec)
            timeline.append(rec)
            earned = stage_of([_Ev(r) for r in timeline])
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
        refs: dict[str, dict] = {}
        _insert(con, R.EMPLOYER, [_stored(R.EMPLOYER, r, refs) for r in checked.employers])
        refs["employer"] = {k: i for i, k in con.execute("SELECT id, key FROM employer")}
        _insert(con, R.CONTACT, [_stored(R.CONTACT, r, refs) for r in checked.contacts])
        refs["contact"] = {k: i for i, k in con.execute("SELECT id, key FROM contact")}
        step(4)
        _insert(con, R.APPLICATION, [_stored(R.APPLICATION, r, refs) for r in checked.applications])
        refs["application"] = app_id = {k: i for i, k in con.execute("SELECT id, key FROM application")}
        contact_id = refs["contact"]

        # Explicit ids (we hold the write lock) let the contacts of each event be linked without
        # a round trip per event.
        next_id = (con.execute("SELECT max(id) FROM event").fetchone()[0] or 0) + 1
        events, links = [], []
        for offset, r in enumerate(checked.events):
            eid = next_id + offset
            people, points = r["contacts"], r["key_points"]
            events.append((eid, *_stored(R.EVENT, r, refs)))
            links.extend((eid, contact_id[c], pos, points.get(c, "")) for pos, c in enumerate(people))
        step(5)
        _insert(con, R.EVENT, events, row_id=True)
        step(6)
        _insert(con, R.EVENT_CONTACT, links)
        _insert(con, R.ACTION_STATE, [_stored(R.ACTION_STATE, r, refs) for r in checked.action_states])
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
        from ..store.snapshot import load_settings

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
def _record_query(record: R.Record, order_by: str) -> tuple[str, bool]:
    """The SQL that writes each row of a record's table as the exchange file's line for it, and
    whether the record has the fields that are not columns (an event's people).

    Each row gives (text, rest, row id, ok). SQLite does all of a row's work: `json_quote`
    writes each value exactly as the json module does (the same escapes: a test holds them
    to it), a REF becomes the key it names (a join), a field left out when empty is left out
    (`', "name": ' || NULL` is NULL), and the separators are the file's (`", "`, `": "`).
    Where the people go, the text stops: `rest` is what follows them (NULL if nothing can
    follow). `ok` says the row's dates and times are stored exactly as the file writes them
    (`strftime` of a stored moment gives it back only then) and its REFs found their record;
    a row that is not so (a value another program stored) is made by `_exported_rows`."""
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
           f"FROM {t} r{''.join(joins)} "
           f"ORDER BY {', '.join('r.' + c.strip() for c in order_by.split(','))}")
    return sql, people


def _record_lines(con, record: R.Record, order_by: str, people: dict | None = None) -> list[str]:
    """Every row of a record's table as its line of the exchange file (without the indent and
    the comma), in `order_by` order. `people`: event id -> the text of its people's fields
    (`, "contacts": [...]` and the key points), for the events that have any."""
    sql, has_people = _record_query(record, order_by)
    lines: list[str] = []
    append = lines.append
    slow = None
    for text, rest, row_id, ok in con.execute(sql):
        if not ok:
            if slow is None:
                slow = {r.name: dict(con.execute(f"SELECT id, key FROM {r.table}"))
                        for r in (R.EMPLOYER, R.CONTACT, R.APPLICATION)}
            where = "WHERE id = ?" if record.row_id else "WHERE rowid = ?"
            append(_ENCODE(next(_exported_rows(con, record, slow, "rowid", _people_lists(con, row_id) if has_people else None,
                                               where, (row_id,)))[1]))
        elif has_people:
            append(text + people.get(row_id, "") + rest if people else text + rest)
        else:
            append(text)
    return lines


#: the json module's encoder, as the file writes a value: `", "` and `": "`, text as it is
_ENCODE = json.JSONEncoder(ensure_ascii=False).encode


def _people_lists(con, event_id: int) -> dict[int, list[tuple[str, str]]]:
    """{event id: [(contact key, key point)]} in the order the event names them, of one event."""
    return {event_id: [(key, point) for key, point in con.execute(
        "SELECT c.key, l.key_point FROM event_contact l JOIN contact c ON c.id = l.contact_id "
        "WHERE l.event_id = ? ORDER BY l.position", (event_id,))]}


def _people_texts(con) -> dict[int, str]:
    """Event id -> its people as its line writes them, of every event that names anyone: the
    contacts' keys in the event's order, then the key points by contact (left out when there
    are none). SQLite quotes the keys and points; Python only strings them together."""
    texts: dict[int, str] = {}
    current, keys, points = None, [], []

    def done():
        text = ', "contacts": [' + ", ".join(keys) + "]"
        texts[current] = text + (', "key_points": {' + ", ".join(points) + "}" if points else "")

    for event_id, key, point in con.execute(
            "SELECT l.event_id, json_quote(c.key), "
            "CASE WHEN l.key_point <> '' THEN json_quote(c.key) || ': ' || json_quote(l.key_point) END "
            "FROM event_contact l JOIN contact c ON c.id = l.contact_id "
            "ORDER BY l.event_id, l.position"):
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


def export_text(store) -> tuple[str, dict[str, int]]:
    """Everything in the store as the exchange file's text, and how many records of each
    section it holds. The top level is laid out a key a line and each record is one line;
    SQLite writes the records' lines (`_record_lines`), as a search has tens of thousands."""
    con = store.connection
    settings = store.settings()
    profile = {field: settings.raw[name] for field, name in PROFILE_SETTINGS.items()}
    if not profile["signature"]:
        del profile["signature"]
    people = _people_texts(con)
    sections: list[tuple[str, Any]] = [("format", FORMAT), ("version", VERSION), ("profile", profile)]
    for record, order_by in ((R.EMPLOYER, "id"), (R.CONTACT, "id"), (R.APPLICATION, "id"),
                             (R.EVENT, "application_id, at, id")):
        sections.append((record.section, _record_lines(con, record, order_by, people)))
    others = {n: v for n, v in settings.overrides().items() if n not in PROFILE_SETTINGS.values()}
    if others:
        order = list(SPECS)
        sections.append(("settings", dict(sorted(others.items(), key=lambda kv: order.index(kv[0])))))
    states = _record_lines(con, R.ACTION_STATE, "action_id")
    if states:
        sections.append((R.ACTION_STATE.section, states))
    parts, counts = [], {}
    for name, value in sections:
        if isinstance(value, list):
            counts[name] = len(value)
            value = "[\n    " + ",\n    ".join(value) + "\n  ]" if value else "[]"
        else:
            value = _ENCODE(value)
        parts.append(f"  {_ENCODE(name)}: {value}")
    return "{\n" + ",\n".join(parts) + "\n}\n", counts


def export_document(store) -> dict[str, Any]:
    """Everything in the store as an exchange document: what the file says, read back."""
    return json.loads(export_text(store)[0])


def export_json(store, path: Path) -> dict[str, int]:
    """Write the exchange file to `path` (whole or not at all); how many records of each section
    it holds."""
    text, counts = export_text(store)
    write_private(Path(path), text)
    return counts
