"""Read what the engine needs, fast: applications with their events and contacts, settings,
action states. Plain SQL over a stdlib connection, so `followup-desktop due` never imports the ORM.
"""

from __future__ import annotations

import json
import sqlite3
from datetime import date, datetime

from ..playbook.model import ActionState, ApplicationIn, ContactIn, EventIn
from ..settings import SPECS, Settings

_dt = datetime.fromisoformat
_d = date.fromisoformat


def load_settings(con: sqlite3.Connection) -> Settings:
    """The stored settings over the registry's defaults; an unknown or invalid stored value is
    ignored (the default stands) rather than stopping the app."""
    overrides = {}
    for name, value in con.execute("SELECT name, value FROM setting"):
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


def load_action_states(con: sqlite3.Connection) -> dict[str, ActionState]:
    states = {}
    for aid, done, dismissed, snoozed, notified, overdue in con.execute(
        "SELECT action_id, done_at, dismissed_at, snoozed_until, notified_at, overdue_notified_at"
        " FROM action_state"
    ):
        states[aid] = ActionState(
            done and _dt(done), dismissed and _dt(dismissed), snoozed and _dt(snoozed),
            notified and _dt(notified), overdue and _dt(overdue),
        )
    return states


def load_applications(con: sqlite3.Connection, *, include_archived: bool = False,
                      application_ids=None) -> list[ApplicationIn]:
    """Every application (not archived, unless asked) with its sorted events and its employer's
    contacts, ready for the engine."""
    employers = {eid: (key, name) for eid, key, name in con.execute("SELECT id, key, name FROM employer")}
    contacts_by_employer: dict[int, dict[str, ContactIn]] = {}
    contact_key: dict[int, str] = {}
    for cid, key, employer_id, name, role in con.execute(
        "SELECT id, key, employer_id, name, role FROM contact ORDER BY id"
    ):
        contact_key[cid] = key
        contacts_by_employer.setdefault(employer_id, {})[key] = ContactIn(key, name, role)

    where = [] if include_archived else ["archived = 0"]
    params: list = []
    if application_ids is not None:
        ids = list(application_ids)
        where.append(f"id IN ({','.join('?' * len(ids))})")
        params.extend(ids)
    sql = ("SELECT id, key, employer_id, position, stage, outcome, source, referred_by,"
           " posting_closes, created FROM application")
    if where:
        sql += " WHERE " + " AND ".join(where)
    apps: dict[int, ApplicationIn] = {}
    empty: dict[str, ContactIn] = {}
    for aid, key, eid, position, stage, outcome, source, referred, closes, created in con.execute(sql, params):
        ekey, ename = employers[eid]
        apps[aid] = ApplicationIn(
            key, ekey, ename, position, stage, outcome, source, referred or None,
            closes and _d(closes), created and _dt(created), [],
            contacts_by_employer.get(eid, empty),
        )

    people: dict[int, list] = {}
    for event_id, contact_id, point in con.execute(
        "SELECT event_id, contact_id, key_point FROM event_contact ORDER BY event_id, position, contact_id"
    ):
        people.setdefault(event_id, []).append((contact_key[contact_id], point))

    for (eid, aid, kind, at, channel, outcome, reason, minutes, decision, next_date,
         encouraged, subject) in con.execute(
        "SELECT id, application_id, kind, at, channel, outcome, reason, duration_minutes,"
        " decision_expected, next_date, encouraged, subject FROM event ORDER BY application_id, at, id"
    ):
        app = apps.get(aid)
        if app is None:
            continue
        who = people.get(eid)
        if who:
            keys = tuple(k for k, _ in who)
            points = {k: p for k, p in who if p} or None
        else:
            keys, points = (), None
        app.events.append(EventIn(
            _dt(at), kind, channel, outcome, reason, minutes,
            decision and _d(decision), next_date and _d(next_date), bool(encouraged),
            keys, points, subject,
        ))
    return list(apps.values())
