"""Read what the engine needs, fast: applications with their events and contacts, settings,
action states. Plain SQL over a stdlib connection, so `followup-desktop due` never imports the ORM.
"""

from __future__ import annotations

import json
import sqlite3
from operator import attrgetter
from sys import intern
from typing import Iterator
from datetime import date, datetime

from .. import records as R
from ..playbook.engine import canonical_action_id
from ..playbook.model import ActionState, ApplicationIn, ContactIn, EventIn
from ..settings import SPECS, Settings
from ..vocab import OUTBOUND_KINDS

_dt = datetime.fromisoformat
_d = date.fromisoformat
_STATE_FIELDS = R.STATE_FIELDS

# The columns each reader takes, from the record registry, and the named rows it reads them as.
_STATE_COLUMNS = ("action_id", *_STATE_FIELDS)
_StateRow = R.row_type("StateRow", _STATE_COLUMNS)
_CONTACT_COLUMNS = ("id", "key", "employer_id", "name", "role")
_ContactRow = R.row_type("ContactRow", _CONTACT_COLUMNS)
#: what the engine reads of an application (ApplicationIn)
_APP_COLUMNS = ("id", "key", "employer_id", "position", "stage", "outcome", "source", "referred_by",
                "posting_closes", "created")
_AppRow = R.row_type("AppRow", _APP_COLUMNS)
#: what the engine reads of an event (EventIn): every stored field but the notes
_ENGINE_EVENT = tuple(f for f in R.EVENT.stored if f.name != "notes")
_EventRow = R.row_type("EventRow", ("id", *(f.sql for f in _ENGINE_EVENT)))
_LinkRow = R.row_type("LinkRow", ("application_id", "event_id", "position", "contact_id", "key_point"))
for _record, _names in ((R.ACTION_STATE, _STATE_COLUMNS), (R.CONTACT, _CONTACT_COLUMNS[1:]),
                        (R.APPLICATION, _APP_COLUMNS[1:]), (R.EVENT_CONTACT, _LinkRow._fields[1:])):
    _missing = set(_names) - {f.sql for f in _record.stored}
    assert not _missing, f"{_record.name}: no column {_missing}"  # the registry says otherwise


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


def load_action_states(con: sqlite3.Connection, *, application_ids=None) -> dict[str, ActionState]:
    """What the user did with each action, by action id (of some applications only, when asked)."""
    states = {}
    sql = f"SELECT {', '.join(_STATE_COLUMNS)} FROM action_state"
    params: list = []
    if application_ids is not None:
        params = list(application_ids)
        sql += f" WHERE application_id IN ({','.join('?' * len(params))})"
    legacy = []
    for row in map(_StateRow.make, con.execute(sql, params)):
        aid = row.action_id
        state = ActionState(**{name: getattr(row, name) and _dt(getattr(row, name)) for name in _STATE_FIELDS})
        key = canonical_action_id(aid)
        if key == aid:
            states[aid] = state
        else:
            legacy.append((key, state))
    # A state kept under an id that once named the contact a step was picked to be with belongs
    # to the step (the latest of each field, when there are several); what was recorded under
    # today's id wins, field by field.
    carried: dict[str, ActionState] = {}
    for key, old in legacy:
        into = carried.setdefault(key, ActionState())
        for name in _STATE_FIELDS:
            value = getattr(old, name)
            if value is not None and (getattr(into, name) is None or value > getattr(into, name)):
                setattr(into, name, value)
    for key, old in carried.items():
        state = states.setdefault(key, ActionState())
        for name in _STATE_FIELDS:
            if getattr(state, name) is None:
                setattr(state, name, getattr(old, name))
    return states


_EVENT_COLUMNS = "e.id, " + R.EVENT.columns(*(f.name for f in _ENGINE_EVENT), alias="e")
_LINK_COLUMNS = ", ".join(f"ec.{name}" for name in _LinkRow._fields[1:])  # after e.application_id
#: each application's last reply at or before a moment (served by event_kind_application_at)
_LAST_REPLY_SQL = ("SELECT application_id, max(at) AS at FROM event"
                   " WHERE kind = 'reply' AND at <= ? GROUP BY application_id")
#: the events from each application's last reply on (all of them where there is no reply)
_FROM_LAST_REPLY = (f"WITH lr AS ({_LAST_REPLY_SQL}) SELECT {{columns}} FROM {{source}}"
                    " LEFT JOIN lr ON lr.application_id = e.application_id"
                    " WHERE (lr.at IS NULL OR e.at >= lr.at)")
_OUTBOUND_SQL = ", ".join(f"'{k}'" for k in sorted(OUTBOUND_KINDS))


#: an event's people in the order they were given
_link_order = attrgetter("position", "contact_id")


def _facts(con: sqlite3.Connection, params: tuple) -> tuple[dict, dict, dict]:
    """By application id, at `as_of`: its last reply, its latest outbound contact (of the whole
    timeline), and the outcome of the latest closing before the last reply: a `closed` event's
    reason, or `rejected` for a rejecting reply (what decides whether the last reply finds the
    application closed, `playbook.stages`)."""
    last_reply = dict(con.execute(_LAST_REPLY_SQL, params))
    latest_outbound = {aid: _dt(at) for aid, at in con.execute(
        f"SELECT application_id, max(at) FROM event WHERE kind IN ({_OUTBOUND_SQL}) AND at <= ?"
        " GROUP BY application_id", params)}
    closed_before: dict[int, str] = {}
    for aid, at, reason in con.execute(
        "SELECT application_id, at, CASE kind WHEN 'closed' THEN reason ELSE 'rejected' END FROM event"
        " WHERE (kind = 'closed' OR (kind = 'reply' AND outcome = 'rejected')) AND at <= ?"
        " ORDER BY application_id, at, id", params
    ):
        replied = last_reply.get(aid)
        if replied is not None and at < replied:
            closed_before[aid] = reason  # rows come in time order: the last wins
    return last_reply, latest_outbound, closed_before


def employers_last_outbound(con: sqlite3.Connection, as_of: datetime) -> dict[str, list]:
    """`playbook.engine.employer_last_outbound` at `as_of`, read with one query instead of from
    the events, for the applications (not archived) with an outbound contact by then: what
    `employer_top_outbound` needs before `compute_each` streams the applications past."""
    per: dict[str, list] = {}
    for ekey, akey, last in con.execute(
        "SELECT m.key, a.key, max(e.at) FROM event e JOIN application a ON a.id = e.application_id"
        " JOIN employer m ON m.id = a.employer_id"
        f" WHERE a.archived = 0 AND e.kind IN ({_OUTBOUND_SQL}) AND e.at <= ? GROUP BY e.application_id",
        (as_of.isoformat(),),
    ):
        per.setdefault(ekey, []).append((akey, _dt(last)))
    return per


def iter_applications(con: sqlite3.Connection, *, include_archived: bool = False,
                      application_ids=None, as_of: datetime | None = None) -> Iterator[ApplicationIn]:
    """Every application (not archived, unless asked) with its sorted events and its employer's
    contacts, ready for the engine, one at a time in storage order: a caller that lets each one
    go holds one application's events at a time, not the whole search's.

    With `as_of`, the snapshot is for computing what is due at that moment: the events before
    each application's last reply are left out (about two events in three in a long search) and
    summed up in the two facts the engine needs from them (`ApplicationIn.earlier_*`). The
    engine's answer at `as_of` is the same as with every event; at another moment it may not be.
    """
    employers = {eid: (key, name) for eid, key, name in con.execute("SELECT id, key, name FROM employer")}
    contacts_by_employer: dict[int, dict[str, ContactIn]] = {}
    contact_key: dict[int, str] = {}
    for c in map(_ContactRow.make, con.execute(f"SELECT {', '.join(_CONTACT_COLUMNS)} FROM contact ORDER BY id")):
        contact_key[c.id] = c.key
        contacts_by_employer.setdefault(c.employer_id, {})[c.key] = ContactIn(c.key, c.name, intern(c.role))

    where = [] if include_archived else ["archived = 0"]
    app_params: list = []
    if application_ids is not None:
        ids = list(application_ids)
        if not ids:
            return
        where.append(f"id IN ({','.join('?' * len(ids))})")
        app_params.extend(ids)
    chosen = f" WHERE {' AND '.join(where)}" if where else ""
    app_sql = f"SELECT {', '.join(_APP_COLUMNS)} FROM application{chosen} ORDER BY id"
    # How many of the applications read work for each employer: its contacts are let go with
    # its last one (a caller that keeps none holds one employer's people at a time, nearly).
    remaining = dict(con.execute(f"SELECT employer_id, count(*) FROM application{chosen} GROUP BY employer_id",
                                 app_params))

    if as_of is None:
        event_sql = f"SELECT {_EVENT_COLUMNS} FROM event e"
        link_sql = f"SELECT e.application_id, {_LINK_COLUMNS} FROM event_contact ec JOIN event e ON e.id = ec.event_id"
        params: tuple = ()
        earlier_outbound: dict = {}
        closed_before: dict = {}
    else:
        # Only what the engine reads at `as_of`: the events from each last reply on, and two
        # facts about the ones before it (see ApplicationIn.earlier_*).
        event_sql = _FROM_LAST_REPLY.format(columns=_EVENT_COLUMNS, source="event e")
        link_sql = _FROM_LAST_REPLY.format(columns=f"e.application_id, {_LINK_COLUMNS}",
                                           source="event_contact ec JOIN event e ON e.id = ec.event_id")
        params = (as_of.isoformat(),)
        last_reply, latest_outbound, closed_before = _facts(con, params)
        # The latest outbound of the whole timeline: for guard 2 it is the same as the latest
        # of the left-out ones and the loaded ones together.
        earlier_outbound = {aid: at for aid, at in latest_outbound.items() if aid in last_reply}
    if application_ids is not None:
        # a few applications (after an edit): their events only, not a scan of every event
        few = f" {'AND' if as_of is not None else 'WHERE'} e.application_id IN ({','.join('?' * len(ids))})"
        event_sql += few
        link_sql += few
        params = (*params, *ids)
    # Events and their people in application order (the index's order: no sort), merged with
    # the applications as they come. For the whole search from the last replies on, the people
    # are found from their own table (CROSS JOIN: SQLite otherwise walks every event's index
    # entry, two in three of them left out, to look each one's people up).
    if as_of is not None and application_ids is None:
        link_sql = link_sql.replace("event_contact ec JOIN event e", "event_contact ec CROSS JOIN event e", 1)
    events = map(_EventRow.make, con.execute(event_sql + " ORDER BY e.application_id, e.at, e.id", params))
    links = map(_LinkRow.make, con.cursor().execute(link_sql + " ORDER BY e.application_id, ec.event_id", params))
    event = next(events, None)
    link = next(links, None)
    empty: dict[str, ContactIn] = {}
    # texts many applications share, kept once ("Office Manager", "job_board", "rejected")
    once = {}.setdefault
    for a in map(_AppRow.make, con.execute(app_sql, app_params)):
        aid, eid = a.id, a.employer_id
        ekey, ename = employers[eid]
        position, outcome, source, closes, created = a.position, a.outcome, a.source, a.posting_closes, a.created
        app = ApplicationIn(
            a.key, ekey, ename, once(position, position), intern(a.stage), outcome and once(outcome, outcome),
            source and once(source, source), a.referred_by or None,
            closes and _d(closes), created and _dt(created), [],
            contacts_by_employer.get(eid, empty), earlier_outbound.get(aid), closed_before.get(aid),
        )
        while link is not None and link.application_id < aid:
            link = next(links, None)
        people: dict[int, list] = {}
        while link is not None and link.application_id == aid:
            people.setdefault(link.event_id, []).append(link)
            link = next(links, None)
        while event is not None and event.application_id < aid:
            event = next(events, None)
        append = app.events.append
        while event is not None and event.application_id == aid:
            linked = people.get(event.id)
            if linked is None:
                keys, points = (), None
            else:
                if len(linked) > 1:
                    linked.sort(key=_link_order)
                keys = tuple([contact_key[r.contact_id] for r in linked])
                points = {contact_key[r.contact_id]: r.key_point for r in linked if r.key_point} or None
            channel, outcome, decision, next_date = event.channel, event.outcome, event.decision_expected, event.next_date
            append(EventIn(
                _dt(event.at), intern(event.kind), channel and intern(channel), outcome and intern(outcome),
                event.reason, event.duration_minutes, decision and _d(decision), next_date and _d(next_date),
                bool(event.encouraged), keys, points, event.subject,
            ))
            event = next(events, None)
        remaining[eid] -= 1
        if not remaining[eid]:
            contacts_by_employer.pop(eid, None)
        yield app


def load_applications(con: sqlite3.Connection, **kw) -> list[ApplicationIn]:
    """`iter_applications` as a list."""
    return list(iter_applications(con, **kw))
