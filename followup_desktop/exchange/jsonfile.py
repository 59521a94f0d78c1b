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
STATE_FIELDS = ("done_at", "dismissed_at", "snoozed_until", "notified_at", "overdue_notified_at")
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
    )


def _insert(model, rows: list[dict]) -> None:
    for start in range(0, len(rows), _CHUNK):
        model.insert_many(rows[start:start + _CHUNK]).execute()


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


#: the steps `import_json` reports to its `progress`
IMPORT_STEPS = 7


def import_json(store, path: Path, doc: Any = None, *, now: datetime | None = None,
                progress=None) -> ImportSummary:
    """Import the exchange file at `path` (or its already-read document `doc`), all or nothing.
    `progress(done, total)` is called between the steps; what it raises rolls everything back."""
    from ..store.models import (
        ActionStateRow, Application, Contact, Employer, Event, EventContact,
    )

    step = (lambda n: progress(n, IMPORT_STEPS + 1)) if progress is not None else (lambda n: None)
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
        _insert(Employer, [dict(r) for r in checked.employers])
        employer_id = {k: i for i, k in con.execute("SELECT id, key FROM employer")}
        _insert(Contact, [{**r, "employer": employer_id[r["employer"]]} for r in checked.contacts])
        contact_id = {k: i for i, k in con.execute("SELECT id, key FROM contact")}
        step(4)
        _insert(Application, [{**r, "employer": employer_id[r["employer"]]} for r in checked.applications])
        app_id = {k: i for i, k in con.execute("SELECT id, key FROM application")}

        # Explicit ids (we hold the write lock) let the contacts of each event be linked without
        # a round trip per event.
        next_id = (con.execute("SELECT max(id) FROM event").fetchone()[0] or 0) + 1
        events, links = [], []
        for offset, r in enumerate(checked.events):
            eid = next_id + offset
            people, points = r.pop("contacts"), r.pop("key_points")
            events.append({**r, "id": eid, "application": app_id[r["application"]]})
            links.extend(
                {"event": eid, "contact": contact_id[c], "position": pos, "key_point": points.get(c, "")}
                for pos, c in enumerate(people)
            )
        step(5)
        _insert(Event, events)
        step(6)
        _insert(EventContact, links)
        _insert(ActionStateRow, [
            {"action_id": r["id"], "application": app_id[r["application"]],
             **{f: r[f] for f in STATE_FIELDS}}
            for r in checked.action_states
        ])
        step(7)  # the last moment to stop: after it, the transaction commits
    return ImportSummary(len(checked.employers), len(checked.contacts), len(checked.applications),
                         file_events)


def _iso(value) -> str | None:
    return value.isoformat() if value is not None else None


def export_document(store) -> dict[str, Any]:
    """Everything in the store as an exchange document (the same keys come back out)."""
    from ..store.models import (
        ActionStateRow, Application, Contact, Employer, Event, EventContact,
    )

    settings = store.settings()
    profile = {field: settings.raw[name] for field, name in PROFILE_SETTINGS.items()}
    if not profile["signature"]:
        del profile["signature"]
    doc: dict[str, Any] = {"format": FORMAT, "version": VERSION, "profile": profile}

    employer_key = {}
    doc["employers"] = []
    for e in Employer.select().order_by(Employer.id):
        employer_key[e.id] = e.key
        doc["employers"].append({"key": e.key, "name": e.name, "website": e.website, "notes": e.notes})

    contact_key = {}
    doc["contacts"] = []
    for c in Contact.select().order_by(Contact.id):
        contact_key[c.id] = c.key
        rec = {"key": c.key, "employer": employer_key[c.employer_id], "name": c.name, "role": c.role,
               "email": c.email, "phone": c.phone}
        if c.notes:
            rec["notes"] = c.notes
        doc["contacts"].append(rec)

    app_key = {}
    doc["applications"] = []
    for a in Application.select().order_by(Application.id):
        app_key[a.id] = a.key
        rec = {"key": a.key, "employer": employer_key[a.employer_id], "position": a.position,
               "source": a.source, "referred_by": a.referred_by, "posting_url": a.posting_url,
               "posting_closes": _iso(a.posting_closes), "stage": a.stage, "outcome": a.outcome}
        if a.created is not None:
            rec["created"] = _iso(a.created)
        if a.archived:
            rec["archived"] = True
        doc["applications"].append(rec)

    people: dict[int, list] = {}
    for link in EventContact.select().order_by(EventContact.event, EventContact.position):
        people.setdefault(link.event_id, []).append((contact_key[link.contact_id], link.key_point))

    doc["events"] = []
    for ev in Event.select().order_by(Event.application, Event.at, Event.id):
        rec: dict[str, Any] = {"application": app_key[ev.application_id], "kind": ev.kind, "at": _iso(ev.at)}
        for name in ("channel", "outcome", "reason", "duration_minutes"):
            value = getattr(ev, name)
            if value is not None:
                rec[name] = value
        who = people.get(ev.id, [])
        if who:
            rec["contacts"] = [k for k, _ in who]
            points = {k: p for k, p in who if p}
            if points:
                rec["key_points"] = points
        for name in ("decision_expected", "next_date"):
            value = getattr(ev, name)
            if value is not None:
                rec[name] = _iso(value)
        if ev.encouraged:
            rec["encouraged"] = True
        if ev.subject:
            rec["subject"] = ev.subject
        if ev.notes:
            rec["notes"] = ev.notes
        doc["events"].append(rec)

    others = {n: v for n, v in settings.overrides().items() if n not in PROFILE_SETTINGS.values()}
    if others:
        doc["settings"] = dict(sorted(others.items(), key=lambda kv: list(SPECS).index(kv[0])))
    states = []
    for s in ActionStateRow.select().order_by(ActionStateRow.action_id):
        rec = {"id": s.action_id, "application": app_key[s.application_id]}
        rec.update({f: _iso(getattr(s, f)) for f in STATE_FIELDS if getattr(s, f) is not None})
        states.append(rec)
    if states:
        doc["action_states"] = states
    return doc


def export_json(store, path: Path) -> dict:
    doc = export_document(store)
    write_private(Path(path), json.dumps(doc, indent=2, ensure_ascii=False) + "\n")
    return doc
