"""Edits the windows make, one record at a time: applications, employers, contacts, events.

Every function takes the open `Store`, validates with the exchange file's own field rules (so a
dialog and an import file refuse the same things, with the same messages) and writes in one
transaction. Reads return plain dicts in the exchange file's shape, which is also what undo keeps
to put a record back exactly as it was.
"""

from __future__ import annotations

import re
import unicodedata
from datetime import date, datetime

from ..exchange.validate import (
    APPLICATION_FIELDS,
    CONTACT_FIELDS,
    EMPLOYER_FIELDS,
    ExchangeError,
    _record,
    check_event,
)
from .. import records as R
from ..records import APPLICATION, CONTACT, EVENT
from ..playbook.stages import can_move, event_for_stage, says_more, stage_of
from . import reads
from ..vocab import Stage

#: the fields of an application a dialog edits (all but its keys and bookkeeping)
APPLICATION_EDITABLE = tuple(f.name for f in APPLICATION.fields
                             if f.type not in (R.KEY, R.REF) and f.name not in ("created", "archived"))
#: the fields of a contact the contacts dialog edits
CONTACT_EDITABLE = tuple(f.name for f in CONTACT.fields if f.type not in (R.KEY, R.REF))
#: an event's own columns (not its application, nor its people)
EVENT_COLUMNS = tuple(f.name for f in EVENT.stored if f.type != R.REF)


def slug(text: str, fallback: str = "item") -> str:
    """A readable key from a name: "Acme Corp." -> "acme-corp"."""
    plain = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    out = re.sub(r"[^a-z0-9]+", "-", plain.lower()).strip("-")[:60].strip("-")
    return out or fallback


def _unique_key(model, base: str) -> str:
    key, n = base, 2
    while model.select().where(model.key == key).exists():
        key, n = f"{base}-{n}", n + 1
    return key


def _iso(value):
    return value.isoformat() if isinstance(value, (date, datetime)) else value


# -- employers --------------------------------------------------------------------------------

def employers(store) -> list[tuple[str, str]]:
    """(key, name) of every employer, by name."""
    Employer = store.models.Employer

    return [(e.key, e.name) for e in Employer.select(Employer.key, Employer.name).order_by(Employer.name.collate("NOCASE"))]


def add_employer(store, name: str) -> str:
    """A new employer under a key made from its name; returns the key."""
    Employer = store.models.Employer

    rec = _record({"key": "x", "name": name}, EMPLOYER_FIELDS, "employer")
    with store.atomic():
        key = _unique_key(Employer, slug(rec["name"], "employer"))
        Employer.create(key=key, name=rec["name"])
    return key


def employer_record(store, key: str) -> dict:
    """One employer in the exchange file's shape (what `restore_employer` puts back)."""
    Employer = store.models.Employer

    row = Employer.get_or_none(Employer.key == key)
    if row is None:
        raise ExchangeError(f'no employer with key "{key}"')
    return {"key": row.key, "name": row.name}


def restore_employer(store, record: dict) -> str:
    """Store an employer exactly as `employer_record` read it (or an export wrote it), key and all."""
    Employer = store.models.Employer

    rec = _record({"key": record.get("key"), "name": record.get("name")}, EMPLOYER_FIELDS, "employer")
    with store.atomic():
        if Employer.select().where(Employer.key == rec["key"]).exists():
            raise ExchangeError(f'employer: field "key": "{rec["key"]}" is taken')
        Employer.create(key=rec["key"], name=rec["name"])
    return rec["key"]


def delete_employer(store, key: str) -> None:
    Employer = store.models.Employer

    Employer.delete().where(Employer.key == key).execute()


# -- applications -----------------------------------------------------------------------------

def application_record(store, key: str) -> dict:
    """One application as a dialog shows it (and as undo puts it back)."""
    M = store.models
    Application, Employer = M.Application, M.Employer

    row = (Application.select(Application, Employer).join(Employer)
           .where(Application.key == key).get_or_none())
    if row is None:
        raise ExchangeError(f'no application with key "{key}"')
    return {
        "key": row.key, "employer_key": row.employer.key, "employer_name": row.employer.name,
        "position": row.position, "source": row.source, "referred_by": row.referred_by or "",
        "posting_url": row.posting_url or "", "posting_closes": row.posting_closes,
        "stage": row.stage, "outcome": row.outcome, "archived": bool(row.archived),
        "created": row.created, "notes": row.notes or "",
    }


def _checked_application(values: dict) -> dict:
    raw = {name: _iso(values.get(name)) for name in APPLICATION_EDITABLE}
    raw["key"], raw["employer"] = "x", "x"
    rec = _record(raw, APPLICATION_FIELDS, "application")
    if rec["stage"] == Stage.CLOSED and not rec["outcome"]:
        raise ExchangeError('application: field "outcome": a closed application needs an outcome')
    if rec["stage"] != Stage.CLOSED:
        rec["outcome"] = None
    out = {name: rec[name] for name in APPLICATION_EDITABLE}
    out["referred_by"], out["posting_url"] = rec["referred_by"] or "", rec["posting_url"] or ""  # text columns
    return out


def _stage_event(values: dict, rec: dict, current: tuple[str, str | None], default_at: datetime) -> dict | None:
    """The event that takes an application from `current` to the stage in `values` (logged at
    `values["stage_at"]`, else `default_at`), None when it is there already; a stage that only
    taking an event off the timeline would reach is refused."""
    wanted = (rec["stage"], rec["outcome"])
    if wanted == current:
        return None
    if not can_move(current, wanted):
        raise ExchangeError(
            f'application: field "stage": the stage follows the timeline; to move it back to '
            f'"{rec["stage"]}", delete the event that moved it on')
    at = values.get("stage_at") or default_at
    if isinstance(at, date) and not isinstance(at, datetime):
        at = datetime.combine(at, default_at.time() if isinstance(default_at, datetime) else datetime.min.time())
    return event_for_stage(rec["stage"], rec["outcome"], at)


def add_application(store, values: dict, *, now: datetime) -> tuple[str, str | None]:
    """Store a new application. `values` has the dialog's fields; `employer_key` None with an
    `employer_name` creates that employer too. Returns (application key, created employer key or
    None).

    The stage follows the timeline: a new application past `lead` gets the event that makes it
    so (an `applied` event for "applied"), at `values["stage_at"]` (default: its creation)."""
    M = store.models
    Application, Employer = M.Application, M.Employer

    rec = _checked_application(values)
    created_at = values.get("created") or now
    staging = _stage_event(values, rec, (Stage.LEAD, None), created_at)
    rec["stage"], rec["outcome"] = Stage.LEAD, None
    with store.atomic():
        created = None
        employer = None
        if values.get("employer_key"):
            employer = Employer.get_or_none(Employer.key == values["employer_key"])
            if employer is None:
                raise ExchangeError(f'application: field "employer": no employer with key "{values["employer_key"]}"')
        else:
            name = (values.get("employer_name") or "").strip()
            if not name:
                raise ExchangeError('application: field "employer": name the employer')
            created = add_employer(store, name)
            employer = Employer.get(Employer.key == created)
        key = _unique_key(Application, slug(f"{employer.key} {rec['position']}", "application"))
        Application.create(key=key, employer=employer, created=created_at,
                           archived=bool(values.get("archived")), **rec)
        if staging is not None:
            store.log_event(key, staging)
    return key, created


def update_application(store, key: str, values: dict, *, now: datetime | None = None) -> int | None:
    """Change an application's own fields (and move it to another employer when asked).

    A different stage in `values` is reached the only way a stage moves: by logging the event
    that makes it so, at `values["stage_at"]` (default `now`). Returns that event's id (undo
    deletes it), or None when the stage stayed."""
    M = store.models
    Application, Employer = M.Application, M.Employer

    rec = _checked_application(values)
    with store.atomic():
        app = Application.get_or_none(Application.key == key)
        if app is None:
            raise ExchangeError(f'no application with key "{key}"')
        heal_stage(store, app)
        staging = _stage_event(values, rec, (app.stage, app.outcome), now or datetime.now().replace(microsecond=0))
        del rec["stage"], rec["outcome"]
        if values.get("employer_key") and values["employer_key"] != app.employer.key:
            employer = Employer.get_or_none(Employer.key == values["employer_key"])
            if employer is None:
                raise ExchangeError(f'application: field "employer": no employer with key "{values["employer_key"]}"')
            app.employer = employer
        for name, value in rec.items():
            setattr(app, name, value)
        app.save()
        return store.log_event(key, staging) if staging is not None else None


def delete_application(store, key: str) -> None:
    """Remove an application with its events (only undo of an add does this; users archive)."""
    Application = store.models.Application

    Application.delete().where(Application.key == key).execute()


def restore_application(store, record: dict, events: list[dict] = ()) -> str:
    """Store an application exactly as `application_record` read it, key, creation and archive
    flag included, with its `events` as `event_record` read them (ids kept); the stage follows
    the events, as everywhere. Its employer must exist (`restore_employer` first)."""
    M = store.models
    Application, Employer = M.Application, M.Employer

    rec = _checked_application({**record, "stage": Stage.LEAD, "outcome": None})
    with store.atomic():
        if Application.select().where(Application.key == record["key"]).exists():
            raise ExchangeError(f'application: field "key": "{record["key"]}" is taken')
        employer = Employer.get_or_none(Employer.key == record["employer_key"])
        if employer is None:
            raise ExchangeError(f'application: field "employer": no employer with key "{record["employer_key"]}"')
        Application.create(key=record["key"], employer=employer, created=record.get("created"),
                           archived=bool(record.get("archived")), **rec)
        for event in events:
            restore_event(store, event)
    return record["key"]


def application_events(store, key: str) -> list[dict]:
    """An application's events as `event_record` reads them, in the order they were stored."""
    Event, Application = store.models.Event, store.models.Application

    ids = [i for (i,) in Event.select(Event.id).join(Application)
           .where(Application.key == key).order_by(Event.id).tuples()]
    return [event_record(store, i) for i in ids]


def set_archived(store, key: str, archived: bool) -> None:
    Application = store.models.Application

    Application.update(archived=archived).where(Application.key == key).execute()


# -- contacts ---------------------------------------------------------------------------------

def contacts(store, employer_key: str) -> list[dict]:
    return reads.contacts(store.connection, employer_key)


def contact_links(store, contact_keys) -> list[dict]:
    """The event links of some contacts (what deleting them would remove)."""
    M = store.models
    Contact, EventContact = M.Contact, M.EventContact

    rows = (EventContact.select(EventContact, Contact.key).join(Contact)
            .where(Contact.key.in_(list(contact_keys))).dicts())
    return [{"event": r["event"], "contact_key": r["key"], "position": r["position"],
             "key_point": r["key_point"]} for r in rows]


def replace_contacts(store, employer_key: str, wanted: list[dict]) -> list[dict]:
    """Make the employer's contacts exactly `wanted` (each with `key` None for a new one, or a
    key of its own, kept): new ones added, changed ones updated, absent ones removed (with their
    event links). Returns the list as stored, every contact with its key."""
    M = store.models
    Contact, Employer = M.Contact, M.Employer

    checked = []
    for n, c in enumerate(wanted):
        raw = {name: c.get(name) or CONTACT[name].default for name in CONTACT_EDITABLE}
        raw["key"], raw["employer"] = c.get("key") or "x", employer_key
        rec = _record(raw, CONTACT_FIELDS, f"contact {n + 1}")
        rec["key"] = c.get("key")
        checked.append(rec)
    with store.atomic():
        employer = Employer.get_or_none(Employer.key == employer_key)
        if employer is None:
            raise ExchangeError(f'no employer with key "{employer_key}"')
        existing = {c.key: c for c in Contact.select().where(Contact.employer == employer)}
        keep = {c["key"] for c in checked if c["key"]}
        gone = [k for k in existing if k not in keep]
        if gone:
            Contact.delete().where(Contact.key.in_(gone)).execute()
        out = []
        for rec in checked:
            fields = {k: rec[k] for k in CONTACT_EDITABLE}
            if rec["key"] in existing:
                Contact.update(**fields).where(Contact.key == rec["key"]).execute()
                key = rec["key"]
            else:
                key = rec["key"] or _unique_key(Contact, slug(f"{employer_key} {rec['name']}", "contact"))
                Contact.create(key=key, employer=employer, **fields)
            out.append({"key": key, **fields})
    return out


# -- events -----------------------------------------------------------------------------------

def event_record(store, event_id: int) -> dict:
    """One stored event in the exchange file's shape, with its id and application key."""
    M = store.models
    Application, Contact, Event, EventContact = M.Application, M.Contact, M.Event, M.EventContact

    ev = Event.select(Event, Application.key).join(Application).where(Event.id == event_id).get_or_none()
    if ev is None:
        raise ExchangeError(f"no event with id {event_id}")
    links = (EventContact.select(EventContact.key_point, Contact.key).join(Contact)
             .where(EventContact.event == event_id).order_by(EventContact.position).tuples())
    people = [(k, p) for p, k in links]
    rec = {"id": ev.id, "application": ev.application.key}
    for name in EVENT_COLUMNS:
        rec[name] = getattr(ev, name)
    rec["contacts"] = [k for k, _ in people]
    rec["key_points"] = {k: p for k, p in people if p}
    return rec


def _clean_event(rec: dict) -> dict:
    """Only the fields the exchange file knows, with false/empty values left out."""
    out = {}
    for name in (*EVENT_COLUMNS, "contacts", "key_points"):
        value = rec.get(name)
        if value in (None, "", [], {}, False):
            continue
        out[name] = _iso(value)
    return out


def heal_stage(store, app) -> None:
    """Before a write to an application's events: a stage set by hand before the stage followed
    the timeline (a database from an earlier version) says more than its events; the event that
    makes it so is added first, at its latest event, as an import does
    (`exchange.jsonfile.complete_timelines`), so the write does not undo what the user had set."""
    Event = store.models.Event

    rows = list(Event.select(Event.kind, Event.outcome, Event.reason, Event.at)
                .where(Event.application == app).order_by(Event.at, Event.id).namedtuples())
    earned = stage_of(rows)
    if not says_more(app.stage, app.outcome, earned):
        return
    at = rows[-1].at if rows else app.created
    if at is None:
        return  # nothing to date it by; the write's own event decides
    fields = event_for_stage(app.stage, app.outcome, at, implied=True)
    Event.insert(application=app, kind=fields["kind"], at=fields["at"], outcome=fields.get("outcome"),
                 reason=fields.get("reason")).execute()


def restage(store, app) -> None:
    """Store the (stage, outcome) the application's timeline earns (`playbook.stages`): after
    every write of one of its events, so a log, an edit, a back-dating, a delete and their
    undo all move it (an application with no events is a lead)."""
    Event = store.models.Event

    rows = list(Event.select(Event.kind, Event.outcome, Event.reason)
                .where(Event.application == app).order_by(Event.at, Event.id).namedtuples())
    stage, outcome = stage_of(rows)
    if (app.stage, app.outcome) != (stage, outcome):
        app.stage, app.outcome = stage, outcome
        app.save()


def link_people(store, event_id: int, who, points) -> None:
    """Store the people of an event in the order given, each with the key point noted for
    them. Keys that name no stored contact are left out (undo of a contact's removal)."""
    M = store.models
    Contact, EventContact = M.Contact, M.EventContact

    ids = dict(Contact.select(Contact.key, Contact.id).where(Contact.key.in_(list(who))).tuples())
    rows = [{"event": event_id, "contact": ids[c], "position": n, "key_point": points.get(c, "")}
            for n, c in enumerate(who) if c in ids]
    if rows:
        EventContact.insert_many(rows).execute()


def update_event(store, event_id: int, values: dict) -> None:
    """Replace an event's fields and people (its kind and application stay)."""
    M = store.models
    Application, Contact, Event, EventContact = M.Application, M.Contact, M.Event, M.EventContact

    with store.atomic():
        ev = Event.get_or_none(Event.id == event_id)
        if ev is None:
            raise ExchangeError(f"no event with id {event_id}")
        app = Application.get_by_id(ev.application_id)
        heal_stage(store, app)
        employer = app.employer.key
        people = {c.key: employer for c in Contact.select(Contact.key).where(Contact.employer == app.employer)}
        raw = _clean_event({**values, "kind": ev.kind})
        raw["application"] = app.key
        rec = check_event(raw, employer, people)
        rec["subject"] = rec["subject"] or None  # no subject is NULL, as on a log and an import
        who, points = rec.pop("contacts"), rec.pop("key_points")
        rec.pop("application")
        Event.update(**rec).where(Event.id == event_id).execute()
        EventContact.delete().where(EventContact.event == event_id).execute()
        link_people(store, event_id, who, points)
        restage(store, app)


def delete_event(store, event_id: int) -> None:
    """Remove an event (and its people); the stage follows what remains."""
    M = store.models
    Application, Event = M.Application, M.Event

    with store.atomic():
        ev = Event.get_or_none(Event.id == event_id)
        if ev is None:
            return
        app = Application.get_by_id(ev.application_id)
        heal_stage(store, app)
        ev.delete_instance(recursive=True)
        restage(store, app)


def restore_event(store, record: dict) -> int:
    """Put back an event exactly as `event_record` read it, with the same id (undo of a delete,
    redo of a log); the stage follows. Its people that no longer exist are left out."""
    M = store.models
    Application, Event = M.Application, M.Event

    with store.atomic():
        app = Application.get_or_none(Application.key == record["application"])
        if app is None:
            raise ExchangeError(f'no application with key "{record["application"]}"')
        heal_stage(store, app)
        fields = {name: record.get(name) for name in EVENT_COLUMNS}
        fields["encouraged"] = bool(fields["encouraged"])
        fields["notes"] = fields["notes"] or ""
        event_id = Event.insert(id=record.get("id"), application=app, **fields).execute()
        link_people(store, event_id, record.get("contacts") or [], record.get("key_points") or {})
        restage(store, app)
    return event_id
