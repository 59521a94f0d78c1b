"""What the windows read about one employer: its contacts and its whole timeline; and any
record's rows, read by its declaration (`followup_desktop.records`), for an export.

Plain SQL over a stdlib connection, like `snapshot`: the main window shows a timeline as soon as
the list is loaded, and that must not wait for the ORM (peewee and the models load with the
first write). Rows are named (`row.kind`), their columns the registry's.
"""

from __future__ import annotations

import json
import sqlite3
from datetime import date, datetime
from functools import lru_cache
from typing import Iterator

from .. import records as R
from ..settings import SPECS, Settings

_TO_PYTHON = {R.DATE: date.fromisoformat, R.DATETIME: datetime.fromisoformat, R.BOOLEAN: bool}


@lru_cache(maxsize=None)
def _table_row(record: R.Record):
    names = (("id",) if record.row_id else ()) + tuple(f.sql for f in record.stored)
    return R.row_type(f"{record.model}Row", names)


def table_rows(con: sqlite3.Connection, record: R.Record, *, order_by: str = "") -> Iterator:
    """Every row of a record's table, named by its columns (`id` first where the table has one;
    a REF is the row id it names, e.g. `employer_id`), with Python values: dates, datetimes,
    true/false as the declaration's types say."""
    Row = _table_row(record)
    fields = record.stored
    offset = 1 if record.row_id else 0
    convert = [(i + offset, _TO_PYTHON[f.type]) for i, f in enumerate(fields) if f.type in _TO_PYTHON]
    columns = ("id, " if record.row_id else "") + record.columns()
    sql = f"SELECT {columns} FROM {record.table}" + (f" ORDER BY {order_by}" if order_by else "")
    make = Row.make
    for raw in con.execute(sql):
        if convert:
            raw = list(raw)
            for i, to in convert:
                if raw[i] is not None:
                    raw[i] = to(raw[i])
        yield make(raw)


_CONTACT_COLUMNS = tuple(f.sql for f in R.CONTACT.stored if f.type != R.REF)
_ContactRow = R.row_type("ContactRow", _CONTACT_COLUMNS)


def contacts(con: sqlite3.Connection, employer_key: str) -> list[dict]:
    """The employer's contacts, in the order they were added."""
    out = []
    for row in map(_ContactRow.make, con.execute(
            f"SELECT {', '.join('c.' + c for c in _CONTACT_COLUMNS)} FROM contact c"
            " JOIN employer m ON m.id = c.employer_id WHERE m.key = ? ORDER BY c.id", (employer_key,))):
        rec = row._asdict()
        for f in R.CONTACT.stored:
            if f.default == "" and rec.get(f.sql) is None:
                rec[f.sql] = ""
        out.append(rec)
    return out


_TIMELINE_FIELDS = tuple(f for f in R.EVENT.stored if f.type != R.REF)
_TimelineRow = R.row_type("TimelineRow", ("id", "application", "position", *(f.sql for f in _TIMELINE_FIELDS)))
_PersonRow = R.row_type("PersonRow", ("event_id", "key", "name", "key_point"))


def employer_timeline(con: sqlite3.Connection, employer_key: str) -> list[dict]:
    """Every event of every application at one employer, in time order, each with its people's
    names, the application's key and position: what the timeline draws."""
    rows = list(map(_TimelineRow.make, con.execute(
        f"SELECT e.id, a.key, a.position, {R.EVENT.columns(*(f.name for f in _TIMELINE_FIELDS), alias='e')}"
        " FROM event e JOIN application a ON a.id = e.application_id"
        " JOIN employer m ON m.id = a.employer_id WHERE m.key = ? ORDER BY e.at, e.id",
        (employer_key,),
    )))
    people: dict[int, list] = {}
    for p in map(_PersonRow.make, con.execute(
        "SELECT ec.event_id, c.key, c.name, ec.key_point FROM event_contact ec"
        " JOIN contact c ON c.id = ec.contact_id JOIN event e ON e.id = ec.event_id"
        " JOIN application a ON a.id = e.application_id JOIN employer m ON m.id = a.employer_id"
        " WHERE m.key = ? ORDER BY ec.event_id, ec.position", (employer_key,),
    )):
        people.setdefault(p.event_id, []).append(p)
    out = []
    for row in rows:
        rec = row._asdict()
        for f in _TIMELINE_FIELDS:
            value = rec[f.sql]
            if value is None:
                rec[f.sql] = f.default  # "" for the notes, None for the others
            elif f.type in _TO_PYTHON:
                rec[f.sql] = _TO_PYTHON[f.type](value)
        who = people.get(row.id, [])
        rec["contacts"] = [p.key for p in who]
        rec["contact_names"] = [p.name for p in who]
        rec["key_points"] = {p.key: p.key_point for p in who if p.key_point}
        out.append(rec)
    return out


_WaitingRow = R.row_type("WaitingRow", ("id", "employer"))


def waiting_messages(con: sqlite3.Connection) -> list:
    """The messages brought in that wait for review (`review_item` rows still "pending", the
    state `mail.intake` gives a new one), newest first, each its id and its employer's name:
    what the Inbox's count and its "a reply came" need while its pane is not shown, read without
    the mail modules (the `email` package) or the ORM."""
    return list(map(_WaitingRow.make, con.execute(
        "SELECT r.id, m.name FROM review_item r JOIN employer m ON m.id = r.employer_id"
        " WHERE r.state = 'pending' ORDER BY r.received_at DESC, r.id DESC")))


def load_settings(con: sqlite3.Connection) -> Settings:
    """The stored settings over the registry's defaults; an unknown or invalid stored value is
    ignored (the default stands) rather than stopping the app."""
    overrides = {}
    for name, value in con.execute(f"SELECT {R.SETTING.columns('name', 'value')} FROM {R.SETTING.table}"):
        if name in SPECS:
            try:
                overrides[name] = json.loads(value)
            except ValueError:
                continue
    try:
        return Settings(overrides)
    except ValueError:
        good = {}
        for name, value in overrides.items():
            try:
                Settings({name: value})
                good[name] = value
            except ValueError:
                pass
        return Settings(good)
