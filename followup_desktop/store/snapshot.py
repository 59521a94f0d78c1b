"""Read what the engine needs, fast: applications with their events and contacts, settings,
action states. Plain SQL over a stdlib connection, so `followup-desktop due` never imports the ORM.
"""

from __future__ import annotations

import json
import sqlite3
from operator import itemgetter
from datetime import date, datetime

from ..playbook.model import ActionState, ApplicationIn, ContactIn, EventIn
from ..settings import SPECS, Settings
from ..vocab import OUTBOUND_KINDS

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


def load_action_states(con: sqlite3.Connection, *, application_ids=None) -> dict[str, ActionState]:
    """What the user did with each action, by action id (of some applications only, when asked)."""
    states = {}
    sql = ("SELECT action_id, done_at, dismissed_at, snoozed_until, notified_at, overdue_notified_at"
           " FROM action_state")
    params: list = []
    if application_ids is not None:
        params = list(application_ids)
        sql += f" WHERE application_id IN ({','.join('?' * len(params))})"
    for aid, done, dismissed, snoozed, notified, overdue in con.execute(sql, params):
        states[aid] = ActionState(
            done and _dt(done), dismissed and _dt(dismissed), snoozed and _dt(snoozed),
            notified and _dt(notified), overdue and _dt(overdue),
        )
    return states


_EVENT_COLUMNS = ("e.id, e.application_id, e.kind, e.at, e.channel, e.outcome, e.reason,"
                  " e.duration_minutes, e.decision_expected, e.next_date, e.encouraged, e.subject")
_LINK_COLUMNS = "ec.event_id, ec.position, ec.contact_id, ec.key_point"
#: each application's last reply at or before a moment (served by event_kind_application_at)
_LAST_REPLY_SQL = ("SELECT application_id, max(at) AS at FROM event"
                   " WHERE kind = 'reply' AND at <= ? GROUP BY application_id")
#: the events from each application's last reply on (all of them where there is no reply)
_FROM_LAST_REPLY = (f"WITH lr AS ({_LAST_REPLY_SQL}) SELECT {{columns}} FROM {{source}}"
                    " LEFT JOIN lr ON lr.application_id = e.application_id"
                    " WHERE lr.at IS NULL OR e.at >= lr.at")
_OUTBOUND_SQL = ", ".join(f"'{k}'" for k in sorted(OUTBOUND_KINDS))


#: (at, id): ISO text sorts in time order; events at the same moment keep their logging order
_time_order = itemgetter(3, 0)
#: an event's people in the order they were given
_link_order = itemgetter(1, 2)


def _grouped(rows, column: int) -> dict:
    """Rows in lists by the value of one column, each list in the order the rows came."""
    groups: dict = {}
    for row in rows:
        found = groups.get(row[column])
        if found is None:
            groups[row[column]] = [row]
        else:
            found.append(row)
    return groups


def _earlier_facts(con: sqlite3.Connection, apps: dict[int, ApplicationIn], params: tuple) -> None:
    """Fill in what the engine needs from the events left out before each last reply."""
    last_reply = dict(con.execute(_LAST_REPLY_SQL, params))
    for aid, last in con.execute(
        f"SELECT application_id, max(at) FROM event WHERE kind IN ({_OUTBOUND_SQL}) AND at <= ?"
        " GROUP BY application_id", params
    ):
        # The latest outbound of the whole timeline: for guard 2 it is the same as the latest
        # of the left-out ones and the loaded ones together.
        if aid in last_reply and aid in apps:
            apps[aid].earlier_outbound = _dt(last)
    for aid, at, reason in con.execute(
        "SELECT application_id, at, reason FROM event WHERE kind = 'closed' AND at <= ?"
        " ORDER BY application_id, at, id", params
    ):
        replied = last_reply.get(aid)
        if replied is not None and at < replied and aid in apps:
            apps[aid].earlier_closed_reason = reason  # rows come in time order: the last wins


def load_applications(con: sqlite3.Connection, *, include_archived: bool = False,
                      application_ids=None, as_of: datetime | None = None) -> list[ApplicationIn]:
    """Every application (not archived, unless asked) with its sorted events and its employer's
    contacts, ready for the engine.

    With `as_of`, the snapshot is for computing what is due at that moment: the events before
    each application's last reply are left out (about two events in three in a long search) and
    summed up in the two facts the engine needs from them (`ApplicationIn.earlier_*`). The
    engine's answer at `as_of` is the same as with every event; at another moment it may not be.
    """
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

    if as_of is None:
        event_sql = f"SELECT {_EVENT_COLUMNS} FROM event e"
        link_sql = f"SELECT {_LINK_COLUMNS} FROM event_contact ec"
        params: tuple = ()
    else:
        # Only what the engine reads at `as_of`: the events from each last reply on, and two
        # facts about the ones before it (see ApplicationIn.earlier_*).
        event_sql = _FROM_LAST_REPLY.format(columns=_EVENT_COLUMNS, source="event e")
        link_sql = _FROM_LAST_REPLY.format(
            columns=_LINK_COLUMNS, source="event_contact ec JOIN event e ON e.id = ec.event_id")
        params = (as_of.isoformat(),)

    # The people of each event, in storage order; put in order only where there are several.
    links = _grouped(con.execute(link_sql, params), 0)
    # Events in storage order (the cheapest scan), grouped and sorted per application.
    by_app = _grouped(con.execute(event_sql, params), 1)

    get_links = links.get
    for aid, rows in by_app.items():
        app = apps.get(aid)
        if app is None:
            continue
        rows.sort(key=_time_order)
        events = app.events
        for (eid, _, kind, at, channel, outcome, reason, minutes, decision, next_date,
             encouraged, subject) in rows:
            people = get_links(eid)
            if people is None:
                keys, points = (), None
            else:
                if len(people) > 1:
                    people.sort(key=_link_order)
                keys = tuple([contact_key[r[2]] for r in people])
                points = {contact_key[r[2]]: r[3] for r in people if r[3]} or None
            events.append(EventIn(
                _dt(at), kind, channel, outcome, reason, minutes,
                decision and _d(decision), next_date and _d(next_date), bool(encouraged),
                keys, points, subject,
            ))

    if as_of is not None:
        _earlier_facts(con, apps, params)
    return list(apps.values())
