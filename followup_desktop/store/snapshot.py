"""Read what the engine needs, fast: applications with their events and contacts, settings,
action states. Plain SQL over a stdlib connection, so `followup-desktop due` never imports the ORM.
"""

from __future__ import annotations

import sqlite3
from datetime import date, datetime
from functools import partial
from itertools import groupby
from operator import attrgetter, itemgetter
from sys import intern
from typing import Iterator

from .. import records as R
from ..playbook.engine import canonical_action_id
from ..playbook.model import ActionState, ApplicationIn, ContactIn, EventRow
from ..vocab import OUTBOUND_KINDS
from .reads import load_settings  # noqa: F401  (a plain reader: what reads only settings needs no playbook)

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
#: ... and, for a moment, the facts about the events before the last reply (_APP_AT_SQL)
_AppAtRow = R.row_type("AppAtRow", (*_APP_COLUMNS, "last_reply", "closed_before", "latest_outbound"))
#: what the engine reads of an event (EventRow): its stored fields, in its order
_ENGINE_EVENT = tuple(name for name in EventRow._fields if R.EVENT[name].stored)
_make_event = partial(tuple.__new__, EventRow)
_LINK_COLUMNS = ("contact_id", "key_point", "position")
_first = itemgetter(0)
_row_id = attrgetter("id")
for _record, _names in ((R.ACTION_STATE, _STATE_COLUMNS), (R.CONTACT, _CONTACT_COLUMNS[1:]),
                        (R.APPLICATION, _APP_COLUMNS[1:]), (R.EVENT_CONTACT, _LINK_COLUMNS)):
    _missing = set(_names) - {f.sql for f in _record.stored}
    assert not _missing, f"{_record.name}: no column {_missing}"  # the registry says otherwise


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


_OUTBOUND_SQL = ", ".join(f"'{k}'" for k in sorted(OUTBOUND_KINDS))
#: what the engine reads of an application (ApplicationIn), after its row id
_APP_SQL = f"SELECT {', '.join('a.' + name for name in _APP_COLUMNS)} FROM application a{{chosen}} ORDER BY a.id"
#: The same for the moment `:at`, with three facts after the columns: the last reply's moment
#: (`lr`, from which on the events are read); the outcome of the latest closing before it, a
#: `closed` event's reason or `rejected` for a rejecting reply, the one logged last of a tie
#: (what decides whether the last reply finds the application closed, `playbook.stages`); and
#: the latest outbound contact (found walking back from `:at`).
_APP_AT_SQL = (
    "WITH lr AS (SELECT application_id, max(at) AS at FROM event WHERE kind = 'reply' AND at <= :at{few}"
    " GROUP BY application_id),"
    " closing AS (SELECT application_id, outcome FROM (SELECT c.application_id,"
    " CASE c.kind WHEN 'closed' THEN c.reason ELSE 'rejected' END AS outcome,"
    " row_number() OVER (PARTITION BY c.application_id ORDER BY c.at DESC, c.id DESC) AS latest"
    " FROM lr CROSS JOIN event c ON c.kind IN ('closed', 'reply') AND c.application_id = lr.application_id"
    " AND c.at < lr.at WHERE c.kind = 'closed' OR c.outcome = 'rejected') WHERE latest = 1)"
    f" SELECT {', '.join('a.' + name for name in _APP_COLUMNS)}, lr.at, closing.outcome,"
    " (SELECT o.at FROM event o WHERE o.application_id = a.id AND o.at <= :at"
    f" AND o.kind IN ({_OUTBOUND_SQL}) ORDER BY o.at DESC LIMIT 1)"
    " FROM application a LEFT JOIN lr ON lr.application_id = a.id"
    " LEFT JOIN closing ON closing.application_id = a.id{chosen} ORDER BY a.id")
#: the latest outbound contact at `:at` (as _APP_AT_SQL finds it) of the applications
#: outside a half (`read_at`)
_OTHERS_AT_SQL = (
    "SELECT a.id, a.employer_id, a.key, (SELECT o.at FROM event o WHERE o.application_id = a.id"
    f" AND o.at <= :at AND o.kind IN ({_OUTBOUND_SQL}) ORDER BY o.at DESC LIMIT 1)"
    " FROM application a{chosen} AND NOT ({half}) ORDER BY a.id")
_OtherRow = R.row_type("OtherRow", ("id", "employer_id", "key", "latest_outbound"))
#: what the engine reads of an event (EventRow) and of each of its people; an event with
#: several people comes as one row per person, an event with none as one row with no person
_EVENT_SQL = (
    f"SELECT a.id, e.id, {R.EVENT.columns(*_ENGINE_EVENT, alias='e')},"
    f" {', '.join('ec.' + name for name in _LINK_COLUMNS)}"
    " FROM application a CROSS JOIN event e ON e.application_id = a.id{from_reply}"
    " LEFT JOIN event_contact ec ON ec.event_id = e.id{chosen} ORDER BY a.id, e.at, e.id, ec.contact_id")
#: from an application's last reply at or before `:at` on (everything, with none: every moment
#: is >= ''), found with one look into event_kind_application_at
_FROM_LAST_REPLY = (" AND e.at >= ifnull((SELECT max(r.at) FROM event r WHERE r.kind = 'reply'"
                    " AND r.application_id = a.id AND r.at <= :at), '')")


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


def read_at(con: sqlite3.Connection, as_of: datetime,
            half: tuple[str, int] | None = None) -> tuple[dict[str, list], Iterator[ApplicationIn]]:
    """What `due` reads: `employers_last_outbound(con, as_of)` and `iter_applications(con,
    as_of=as_of)`, from one reading of the facts both are made of. The applications are read as
    the iterator is walked; the first part is whole already. `half`: of the applications, only
    those up to or above a row id (`halves.UP_TO`, `ABOVE`; the first part is still of them
    all: what the engine's guards read of an employer's other applications)."""
    read = _Read(con, as_of=as_of, half=half)
    per: dict[str, list] = {}
    employers = read.employers
    facts = read.apps
    if half is not None:  # in row-id order, as from one statement: a tie goes to the same one
        facts = sorted(facts + read.others, key=_row_id)
    for a in facts:
        if a.latest_outbound is not None:
            per.setdefault(employers[a.employer_id][0], []).append((a.key, _dt(a.latest_outbound)))
    return per, read.applications()


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
    if application_ids is not None:
        application_ids = list(application_ids)
        if not application_ids:
            return iter(())
    return _Read(con, include_archived=include_archived, application_ids=application_ids,
                 as_of=as_of).applications()


class _Read:
    """One snapshot read: the employers, the chosen applications' rows and, for a moment, the
    facts about the events left out, read at once; the events as `applications()` is walked."""

    def __init__(self, con: sqlite3.Connection, *, include_archived: bool = False,
                 application_ids: list | None = None, as_of: datetime | None = None,
                 half: tuple[str, int] | None = None):
        self.con, self.as_of = con, as_of
        where = [] if include_archived else ["a.archived = 0"]
        params: dict = {}
        if application_ids is not None:
            marks = ", ".join(f":id{i}" for i in range(len(application_ids)))
            where.append(f"a.id IN ({marks})")
            params.update((f"id{i}", v) for i, v in enumerate(application_ids))
        self.chosen = f" WHERE {' AND '.join(where)}" if where else ""
        few = f" AND application_id IN ({marks})" if application_ids is not None else ""
        self.employers = {eid: (key, name) for eid, key, name in con.execute("SELECT id, key, name FROM employer")}
        if as_of is not None:
            params["at"] = as_of.isoformat()
        self.params = params
        #: the rest's row id, employer id, key and latest outbound contact, with a `half`
        self.others: list = []
        if half is not None:  # read of that range only; of the rest, what the guards need
            assert as_of is not None and not include_archived, "a half is read for a moment"
            from .halves import condition

            params["split"] = half[1]
            self.others = list(map(_OtherRow.make, con.execute(
                _OTHERS_AT_SQL.format(chosen=self.chosen, half=condition("a.id", half, ":split")), params)))
            self.chosen += f" AND {condition('a.id', half, ':split')}"
            few += f" AND {condition('application_id', half, ':split')}"
        #: the applications' rows (AppRow; for a moment, AppAtRow)
        sql, row = (_APP_SQL, _AppRow) if as_of is None else (_APP_AT_SQL, _AppAtRow)
        self.apps = list(map(row.make, con.execute(sql.format(chosen=self.chosen, few=few), params)))

    def applications(self) -> Iterator[ApplicationIn]:
        con, employers, as_of = self.con, self.employers, self.as_of
        contacts_by_employer: dict[int, dict[str, ContactIn]] = {}
        contact_key: dict[int, str] = {}
        for c in map(_ContactRow.make, con.execute(f"SELECT {', '.join(_CONTACT_COLUMNS)} FROM contact ORDER BY id")):
            contact_key[c.id] = c.key
            contacts_by_employer.setdefault(c.employer_id, {})[c.key] = ContactIn(c.key, c.name, intern(c.role))
        # How many of the applications read work for each employer: its contacts are let go with
        # its last one (a caller that keeps none holds one employer's people at a time, nearly).
        apps = self.apps
        remaining: dict[int, int] = {}
        for a in apps:
            remaining[a.employer_id] = remaining.get(a.employer_id, 0) + 1
        sql = _EVENT_SQL.format(from_reply=_FROM_LAST_REPLY if as_of is not None else "", chosen=self.chosen)
        # Each application's events in time order, merged with the applications as they come
        # (both in row-id order; the indexes give that order, nothing is sorted).
        groups = groupby(con.execute(sql, self.params), _first)
        group_id, rows = next(groups, (None, ()))
        make = _make_event
        empty: dict[str, ContactIn] = {}
        # texts many applications share, kept once ("Office Manager", "job_board", "rejected")
        once = {}.setdefault
        for a in apps:
            aid, eid, position, outcome, source, closes, created = (
                a.id, a.employer_id, a.position, a.outcome, a.source, a.posting_closes, a.created)
            ekey, ename = employers[eid]
            # the facts about the events left out, where there is a last reply: guard 2's outbound
            # contact (of the whole timeline) and the closing before it
            if as_of is None or a.last_reply is None:
                earlier_outbound = earlier_closed = None
            else:
                earlier_outbound, earlier_closed = a.latest_outbound and _dt(a.latest_outbound), a.closed_before
            events: list = []
            app = ApplicationIn(
                a.key, ekey, ename, once(position, position), intern(a.stage), outcome and once(outcome, outcome),
                source and once(source, source), a.referred_by or None, closes and _d(closes),
                created and _dt(created), events, contacts_by_employer.get(eid, empty), earlier_outbound,
                earlier_closed,
            )
            if group_id == aid:
                append = events.append
                last_id = None
                # positional, in _EVENT_SQL's order: tens of thousands of rows
                for (_, event_id, at, kind, channel, said, reason, minutes, decision, next_date,
                     encouraged, subject, person, point, place) in rows:
                    who = person and contact_key[person]
                    if event_id == last_id:  # one more person on the event just read (rare)
                        if who is not None:
                            people.append((place, who, point))
                            people.sort(key=_first)  # by position; the rows come in contact order
                            events[-1] = events[-1]._replace(contacts=tuple([w for _, w, _ in people]),
                                                             key_points={w: p for _, w, p in people if p} or None)
                        continue
                    last_id = event_id
                    if who is None:
                        keys, points, people = (), None, []
                    else:
                        keys, points, people = (who,), ({who: point} if point else None), [(place, who, point)]
                    append(make((
                        _dt(at), intern(kind), channel and intern(channel), said and intern(said), reason,
                        minutes, decision and _d(decision), next_date and _d(next_date), bool(encouraged), keys,
                        points, subject,
                    )))
                group_id, rows = next(groups, (None, ()))
            remaining[eid] -= 1
            if not remaining[eid]:
                contacts_by_employer.pop(eid, None)
            yield app


def load_applications(con: sqlite3.Connection, **kw) -> list[ApplicationIn]:
    """`iter_applications` as a list."""
    return list(iter_applications(con, **kw))
