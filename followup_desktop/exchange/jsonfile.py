"""Import and export of the JSON exchange file.

Import is all or nothing: the whole file is validated against the contract and the stored keys
first, then written in one transaction. Export writes a complete, deterministic document through
a temporary file, so a crash mid-export never leaves a half-written file behind.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from .. import records as R
from ..paths import write_private
from ..playbook.stages import event_for_stage, says_more, stage_of
from ..settings import SPECS
from .validate import FORMAT, VERSION, ExistingKeys, check_event, load_file, validate

PROFILE_SETTINGS = {
    "name": "profile_name",
    "email": "profile_email",
    "phone": "profile_phone",
    "employed": "profile_employed",
    "signature": "profile_signature",
}
STATE_FIELDS = R.STATE_FIELDS
_CHUNK = 200


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


def _insert(model, rows: list[dict]) -> None:
    for start in range(0, len(rows), _CHUNK):
        model.insert_many(rows[start:start + _CHUNK]).execute()


def _stored(record: R.Record, rec: dict, refs: dict[str, dict]) -> dict:
    """A validated record as the model's row: each stored field under its model attribute, a
    REF turned into the row id of the record it names (`refs`: record name -> key -> id)."""
    out = {}
    for f in record.stored:
        value = rec[f.name]
        out[f.attr] = refs[f.refers][value] if f.type == R.REF else value
    return out


class _Ev:
    __slots__ = ("kind", "outcome", "reason")

    def __init__(self, rec: dict):
        self.kind, self.outcome, self.reason = rec["kind"], rec["outcome"], rec["reason"]


def complete_timelines(applications: list[dict], events: list[dict], now: datetime) -> list[dict]:
    """Make each application's stage follow from its events (`playbook.stages`), as it does in
    the store. Where the file's `stage`/`outcome` says more than the events (a closed application
    with no closing on its timeline, an "applied" lead with nothing sent), the event that makes
    it so is added, at the application's latest event (its `created` moment, or `now`, when it has
    none); where the events say more, the events win. Sets each record's stage and outcome and
    returns the added events, as validated records."""
    by_app: dict[str, list[dict]] = {}
    for rec in events:
        by_app.setdefault(rec["application"], []).append(rec)
    added = []
    for app in applications:
        timeline = sorted(by_app.get(app["key"], []), key=lambda r: r["at"])  # stable: file order
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
    M = store.models
    step = (lambda n: progress(n, IMPORT_STEPS)) if progress is not None else (lambda n: None)
    step(0)
    doc = load_file(Path(path)) if doc is None else doc
    step(1)
    con = store.connection
    # The write lock is taken first and the stored keys are read under it: a second import of
    # the same file, started at the same moment, waits here and then finds the keys there.
    with store.db.atomic("IMMEDIATE"):
        checked = validate(doc, _existing(store))
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
        _insert(M.Employer, [_stored(R.EMPLOYER, r, refs) for r in checked.employers])
        refs["employer"] = {k: i for i, k in con.execute("SELECT id, key FROM employer")}
        _insert(M.Contact, [_stored(R.CONTACT, r, refs) for r in checked.contacts])
        refs["contact"] = {k: i for i, k in con.execute("SELECT id, key FROM contact")}
        step(4)
        _insert(M.Application, [_stored(R.APPLICATION, r, refs) for r in checked.applications])
        refs["application"] = app_id = {k: i for i, k in con.execute("SELECT id, key FROM application")}
        contact_id = refs["contact"]

        # Explicit ids (we hold the write lock) let the contacts of each event be linked without
        # a round trip per event.
        next_id = (con.execute("SELECT max(id) FROM event").fetchone()[0] or 0) + 1
        events, links = [], []
        for offset, r in enumerate(checked.events):
            eid = next_id + offset
            people, points = r["contacts"], r["key_points"]
            events.append({**_stored(R.EVENT, r, refs), "id": eid})
            links.extend(
                {"event": eid, "contact": contact_id[c], "position": pos, "key_point": points.get(c, "")}
                for pos, c in enumerate(people)
            )
        step(5)
        _insert(M.Event, events)
        step(6)
        _insert(M.EventContact, links)
        _insert(M.ActionStateRow, [_stored(R.ACTION_STATE, r, refs) for r in checked.action_states])
        step(7)  # the last moment to stop: after it, the transaction commits
    return ImportSummary(len(checked.employers), len(checked.contacts), len(checked.applications),
                         file_events)


def _exchanged(value):
    """A stored value as the exchange file writes it."""
    return value.isoformat() if hasattr(value, "isoformat") else value


def _empty(value) -> bool:
    return value is None or value is False or value == "" or value == [] or value == {}


def _exported(record: R.Record, row, keys: dict[str, dict], extra: dict | None = None) -> dict:
    """One stored row (a `reads.table_rows` row) as the exchange file's record: the declared
    fields in order, a REF as the key of what it names, the fields an export leaves out when
    empty left out. `extra` gives the fields that are not columns (an event's people)."""
    out: dict[str, Any] = {}
    for f in record.fields:
        if f.stored:
            value = getattr(row, f.sql)
            if f.type == R.REF:
                value = keys[f.refers][value]
        else:
            value = (extra or {}).get(f.name)
        if f.omit_empty and _empty(value):
            continue
        out[f.name] = _exchanged(value)
    return out


def export_document(store) -> dict[str, Any]:
    """Everything in the store as an exchange document (the same keys come back out)."""
    from ..store.reads import table_rows

    con = store.connection
    settings = store.settings()
    profile = {field: settings.raw[name] for field, name in PROFILE_SETTINGS.items()}
    if not profile["signature"]:
        del profile["signature"]
    doc: dict[str, Any] = {"format": FORMAT, "version": VERSION, "profile": profile}

    keys: dict[str, dict] = {}
    for record in (R.EMPLOYER, R.CONTACT, R.APPLICATION):
        rows = list(table_rows(con, record, order_by="id"))
        keys[record.name] = {row.id: row.key for row in rows}
        doc[record.section] = [_exported(record, row, keys) for row in rows]

    people: dict[int, list] = {}
    for link in table_rows(con, R.EVENT_CONTACT, order_by="event_id, position"):
        people.setdefault(link.event_id, []).append((keys["contact"][link.contact_id], link.key_point))

    doc[R.EVENT.section] = []
    for ev in table_rows(con, R.EVENT, order_by="application_id, at, id"):
        who = people.get(ev.id, [])
        extra = {"contacts": [k for k, _ in who], "key_points": {k: p for k, p in who if p}}
        doc[R.EVENT.section].append(_exported(R.EVENT, ev, keys, extra))

    others = {n: v for n, v in settings.overrides().items() if n not in PROFILE_SETTINGS.values()}
    if others:
        doc["settings"] = dict(sorted(others.items(), key=lambda kv: list(SPECS).index(kv[0])))
    states = [_exported(R.ACTION_STATE, s, keys)
              for s in table_rows(con, R.ACTION_STATE, order_by="action_id")]
    if states:
        doc[R.ACTION_STATE.section] = states
    return doc


def export_json(store, path: Path) -> dict:
    doc = export_document(store)
    write_private(Path(path), json.dumps(doc, indent=2, ensure_ascii=False) + "\n")
    return doc
