"""A message or an invitation brought in: what it does to the timeline.

`bring_in(store, raw)` reads one message (`message.parse`, bounded), finds who it is with
(`match.Matcher`) and then:

* **already there** (its Message-ID is on an event or a review item): nothing changes,
  `already logged`;
* **inbound** (from a contact, or from an address at an employer's domain): it waits in the
  review list (`review_item`, state `pending`) with a suggested outcome (`suggest.py`), until the user confirms
  it (`confirm`: a `reply` is logged) or dismisses it. With `outcome=` (the command line's
  `import FILE.eml`) the reply is logged at once instead;
* **outbound** (From: the profile's email, found anywhere but INBOX) to a contact: the step
  that contact has open at the message's Date (the one whose subject the compose window would
  make, else the most urgent) is marked done the way *Mark as sent* does, by logging the
  message as that step's event; with no such step it is logged as a `follow_up`. It is listed
  in the review list as applied, with Undo;
* **nobody known**: `no_match`, nothing stored.

A From: header can be forged. Nothing inbound is ever logged without the user: in the window
it waits for review; a message the receiving server marked as failing its sender domain's
checks (Authentication-Results), or with more than one From address, waits for review even on
the command line, as does one the reading bounds cut (`message.py`). A message claiming to be
from the user that arrives in INBOX is not taken as sent by them.

`bring_in_invitation(store, raw)` does the same for an `.ics` invitation (`METHOD:REQUEST` or a
plain VEVENT): an `interview` at its start, its length from its end, its organiser and
attendees matched to contacts; the addresses that are no contact yet are returned in
`Result.new_people` for the window to offer.

Plain Python, no Qt. Every write is one transaction; `dry_run` writes nothing.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

from .match import Match, Matcher, StoreMatcher, domain_of
from .message import MAX_BYTES, MAX_TEXT, Message, clean_address, one_line, parse
from .suggest import suggest

REVIEW, LOGGED, DONE, FOLLOW_UP, INTERVIEW, ALREADY, NO_MATCH = (
    "review", "logged", "done", "follow_up", "interview", "already", "no_match")

#: a review item's states: waiting for the user; an outbound match applied at once (listed
#: with Undo until the user has seen it); seen; dismissed (only its Message-ID is kept, so the
#: same message brought in again changes nothing)
PENDING, APPLIED, SEEN, DISMISSED = "pending", "applied", "seen", "dismissed"

MAX_ICS_BYTES = 1024 * 1024
MAX_ATTENDEES = 100


@dataclass
class Result:
    kind: str
    line: str
    message_id: str = ""
    application: str | None = None
    employer: str = ""
    event_id: int | None = None
    review_id: int | None = None
    #: (name, address) of an invitation's attendees that are no contact yet
    new_people: list[tuple[str, str]] = field(default_factory=list)
    employer_key: str = ""


def _stamp(at: datetime) -> str:
    return at.strftime("%Y-%m-%dT%H:%M")


def fallback_id(raw: bytes) -> str:
    """The id of a message that has no Message-ID: its content's digest (of what is read of
    it), so the same file brought in twice is still the same message."""
    return "sha256:" + hashlib.sha256(raw[:MAX_BYTES]).hexdigest()


def read_bounded(path, *, ics: bool = False) -> bytes:
    """A message file's bytes, at most what `message.parse` reads (a 50 MB file costs 2 MB);
    an invitation larger than MAX_ICS_BYTES is refused (InvitationError)."""
    limit = MAX_ICS_BYTES if ics else MAX_BYTES
    with open(path, "rb") as f:
        raw = f.read(limit + 1)
    if ics and len(raw) > limit:
        raise InvitationError(f"the calendar file is larger than {MAX_ICS_BYTES // 1024} KB")
    return raw


# -- choosing the application ---------------------------------------------------------------
def pick_application(store, employer_key: str, contact_key: str | None = None) -> tuple[str, str] | None:
    """The (key, position) of the employer's application a message belongs to: not archived,
    still open (or closed for want of an answer, which a reply re-opens), with this contact on
    its timeline, most recently active; None when the employer has no application."""
    rows = store.connection.execute(
        """SELECT a.key, a.position, a.archived, a.stage, a.outcome,
                  (SELECT max(e.at) FROM event e WHERE e.application_id = a.id),
                  (SELECT count(*) FROM event e JOIN event_contact ec ON ec.event_id = e.id
                     JOIN contact c ON c.id = ec.contact_id
                    WHERE e.application_id = a.id AND c.key = ?)
           FROM application a JOIN employer m ON m.id = a.employer_id WHERE m.key = ?""",
        (contact_key or "", employer_key)).fetchall()
    if not rows:
        return None

    def rank(r):
        key, _pos, archived, stage, outcome, last, with_contact = r
        open_ = stage != "closed" or outcome == "no_response"
        return (not archived, open_, with_contact > 0, last or "")

    best = max(rows, key=rank)
    return best[0], best[1]


def _employer_line(employer: str, position: str) -> str:
    return f"{employer} — {position}"


# -- the review list ------------------------------------------------------------------------
#: the columns of the `review_item` table (schema step 3), as `review_item` reads them
_ITEM_COLUMNS = ("id", "message_id", "folder", "received_at", "sender_name", "sender_email", "subject", "body",
                 "employer_id", "contact_id", "application_id", "suggested_outcome", "suggested_next_date",
                 "state", "event_id", "created", "warning")


def _insert_item(store, **values) -> int:
    names = [n for n in _ITEM_COLUMNS if n in values]
    cur = store.connection.execute(
        f"INSERT INTO review_item ({', '.join(names)}) VALUES ({', '.join('?' * len(names))})",
        [values[n] for n in names])
    return cur.lastrowid


def _iso(v):
    return v.isoformat() if isinstance(v, (date, datetime)) else v


def _con(store_or_connection):
    return getattr(store_or_connection, "connection", store_or_connection)


def review_items(store, *, states=(PENDING, APPLIED)) -> list[dict]:
    """The review list, newest first: each item's columns (dates read), with its application's
    key and position, its employer's name and the contact's key and name. `store`: a Store, or
    a plain sqlite3 connection."""
    marks = ",".join("?" * len(states))
    sql = (f"SELECT r.{', r.'.join(_ITEM_COLUMNS)}, a.key, a.position, m.name, c.key, c.name"
           " FROM review_item r JOIN application a ON a.id = r.application_id"
           " JOIN employer m ON m.id = r.employer_id"
           " LEFT JOIN contact c ON c.id = r.contact_id"
           f" WHERE r.state IN ({marks}) ORDER BY r.received_at DESC, r.id DESC")
    out = []
    for row in _con(store).execute(sql, tuple(states)):
        item = dict(zip(_ITEM_COLUMNS, row[: len(_ITEM_COLUMNS)]))
        item.update(application=row[-5], position=row[-4], employer=row[-3], contact=row[-2],
                    contact_name=row[-1])
        for name in ("received_at", "created"):
            item[name] = datetime.fromisoformat(item[name]) if item[name] else None
        d = item["suggested_next_date"]
        item["suggested_next_date"] = date.fromisoformat(d) if d else None
        out.append(item)
    return out


def review_item(store, item_id: int) -> dict | None:
    """One item's row as stored (what `put_back_item` takes)."""
    row = store.connection.execute(
        f"SELECT {', '.join(_ITEM_COLUMNS)} FROM review_item WHERE id = ?", (item_id,)).fetchone()
    return dict(zip(_ITEM_COLUMNS, row)) if row else None


def waiting_count(store) -> int:
    return _con(store).execute("SELECT count(*) FROM review_item WHERE state = ?", (PENDING,)).fetchone()[0]


def put_back_item(store, record: dict) -> None:
    """Put a review item back exactly as `review_item` read it (undo)."""
    with store.atomic():
        store.connection.execute("DELETE FROM review_item WHERE id = ?", (record["id"],))
        _insert_item(store, **record)


def delete_item(store, item_id: int) -> None:
    store.connection.execute("DELETE FROM review_item WHERE id = ?", (item_id,))


def reply_event(item: dict, outcome: str, next_date: date | None = None, encouraged: bool = False,
                contact_key: str | None = None) -> dict:
    """The `reply` a confirmed review item (as stored) logs."""
    event = {"kind": "reply", "at": _iso(item["received_at"]), "outcome": outcome, "message_id": item["message_id"]}
    if contact_key:
        event["contacts"] = [contact_key]
    if item.get("subject"):
        event["subject"] = item["subject"][:998]
    if item.get("body"):
        event["notes"] = item["body"][:MAX_TEXT]
    if next_date is not None and outcome == "no_decision":
        event["next_date"] = _iso(next_date)
    if encouraged and outcome == "rejected":
        event["encouraged"] = True
    return event


def confirm(store, item_id: int, outcome: str, next_date: date | None = None,
            encouraged: bool = False) -> tuple[dict, int]:
    """Log a waiting item's reply with this outcome and take the item off the list, in one
    transaction (the reply moves the clocks: guard 3). Returns (the item as it was, the new
    event's id)."""
    with store.atomic():
        item = review_item(store, item_id)
        if item is None or item["state"] != PENDING:
            raise LookupError("this message is no longer waiting for review")
        con = store.connection
        app = con.execute("SELECT key FROM application WHERE id = ?", (item["application_id"],)).fetchone()
        if app is None:
            raise LookupError("the application this message belongs to is gone")
        row = con.execute("SELECT key FROM contact WHERE id = ?", (item["contact_id"],)).fetchone() \
            if item["contact_id"] else None
        delete_item(store, item_id)
        event_id = store.log_event(app[0], reply_event(item, outcome, next_date, encouraged, row and row[0]))
    return item, event_id


def dismiss(store, item_id: int) -> dict:
    """Take an item off the list; only its Message-ID (and whom it was from) stays, so the same
    message again changes nothing. Returns the item as it was."""
    with store.atomic():
        item = review_item(store, item_id)
        if item is None:
            raise LookupError("this message is no longer in the review list")
        store.connection.execute(
            "UPDATE review_item SET state = ?, body = '', subject = '', sender_name = '', warning = ''"
            " WHERE id = ?", (DISMISSED, item_id))
    return item


def mark_seen(store, item_id: int) -> None:
    store.connection.execute("UPDATE review_item SET state = ? WHERE id = ? AND state = ?",
                             (SEEN, item_id, APPLIED))


def undo_applied(store, item_id: int) -> dict | None:
    """Take back an outbound match applied at once: its event and its item go (the message
    may be brought in again). Returns the item as it was."""
    from ..store import records

    with store.atomic():
        item = review_item(store, item_id)
        if item is None:
            return None
        if item["event_id"]:
            records.delete_event(store, item["event_id"])
        delete_item(store, item_id)
    return item


# -- inbound and outbound -------------------------------------------------------------------
def _suspicion(m: Message, match: Match) -> str:
    """Why a message may not be from whom it says, in words ("" when nothing says so)."""
    if m.sender_unclear:
        return "more than one sender, or none that could be read"
    auth = m.authentication.lower()
    if auth:
        failed = [check for check in ("dmarc", "spf", "dkim") if f"{check}=fail" in auth or f"{check}=softfail" in auth]
        if failed and "dmarc=pass" not in auth:
            return (f"the receiving server found that {domain_of(match.address)} did not vouch for it "
                    f"({', '.join(failed)} failed)")
    return ""


def _who(m: Message, match: Match) -> str:
    if match.contact is not None:
        return match.contact.name
    return m.sender[0] or match.address


def bring_in(store, raw: bytes, *, folder: str = "", dry_run: bool = False, outcome: str | None = None,
             matcher: Matcher | None = None, now: datetime | None = None) -> Result:
    """Bring one message in (see the module). `folder`: the mailbox folder it was found in
    ("" for a file the user chose); `outcome`: log an inbound reply at once with this outcome
    instead of keeping it for review; `matcher`: one made beforehand (a sync of many)."""
    m = parse(raw)
    matcher = matcher or StoreMatcher(store)
    now = (now or datetime.now()).replace(microsecond=0)
    mid = m.message_id or fallback_id(raw)
    if matcher.seen(mid):
        return Result(ALREADY, "already logged", mid)
    if matcher.is_own(m.sender[1]) and not m.sender_unclear:
        if folder.upper() == "INBOX":
            return Result(NO_MATCH, "a message from your own address found in INBOX is not taken as sent", mid)
        return _outbound(store, m, mid, matcher, folder=folder, dry_run=dry_run, now=now)
    match = matcher.match(m.sender[1])
    if match is None:
        return Result(NO_MATCH, f"no contact or employer matches {m.sender[1] or 'the sender'}", mid)
    contact_key = match.contact.key if match.contact else None
    chosen = pick_application(store, match.employer_key, contact_key)
    if chosen is None:
        return Result(NO_MATCH, f"{match.employer_name} has no application to log it on", mid,
                      employer=match.employer_name, employer_key=match.employer_key)
    app_key, position = chosen
    at = m.date or now
    who = f"{_who(m, match)} ({_employer_line(match.employer_name, position)})"
    # A message that may not be from whom it says, or that the reading bounds cut (built to
    # make the parser work), waits for the user even on the command line.
    warning = "; ".join(filter(None, [_suspicion(m, match), *m.limits]))
    if outcome is not None and not warning:
        if dry_run:
            return Result(LOGGED, f"would log reply from {who} at {_stamp(at)}", mid, app_key, match.employer_name)
        item = {"received_at": at, "message_id": mid, "subject": m.subject, "body": m.text}
        sug = suggest(m.text, m.subject, at)
        event_id = store.log_event(app_key, reply_event(
            item, outcome, sug.next_date if outcome == sug.outcome else None,
            sug.encouraged if outcome == sug.outcome else False, contact_key))
        return Result(LOGGED, f"logged reply from {who} at {_stamp(at)}", mid, app_key, match.employer_name,
                      event_id=event_id, employer_key=match.employer_key)
    sug = suggest(m.text, m.subject, at, invitation=bool(m.calendar))
    line = f"waiting for review: message from {who} at {_stamp(at)}"
    if warning:
        line += f" (not logged: {warning})" if outcome is not None else ""
    if dry_run:
        return Result(REVIEW, line, mid, app_key, match.employer_name, employer_key=match.employer_key)
    with store.atomic():
        review_id = _insert_item(
            store, message_id=mid, state=PENDING, folder=one_line(folder, 400), received_at=_iso(at),
            sender_name=one_line(_who(m, match), 200), sender_email=match.address, subject=m.subject[:998],
            body=m.text, employer_id=_employer_id(store, match.employer_key), contact_id=_contact_id(store, contact_key),
            application_id=_app_id(store, app_key), suggested_outcome=sug.outcome,
            suggested_next_date=_iso(sug.next_date), event_id=None, warning=warning[:500], created=_iso(now))
    matcher.remember(mid)
    return Result(REVIEW, line, mid, app_key, match.employer_name, review_id=review_id,
                  employer_key=match.employer_key)


def _app_id(store, key: str) -> int:
    return store.connection.execute("SELECT id FROM application WHERE key = ?", (key,)).fetchone()[0]


def _employer_id(store, key: str) -> int:
    return store.connection.execute("SELECT id FROM employer WHERE key = ?", (key,)).fetchone()[0]


def _contact_id(store, key: str | None) -> int | None:
    if not key:
        return None
    row = store.connection.execute("SELECT id FROM contact WHERE key = ?", (key,)).fetchone()
    return row[0] if row else None


def _normal_subject(text: str) -> str:
    text = (text or "").lower()
    while True:
        stripped = text.lstrip()
        for prefix in ("re:", "fwd:", "fw:", "aw:", "wg:", "sv:", "tr:"):
            if stripped.startswith(prefix):
                text = stripped[len(prefix):]
                break
        else:
            return " ".join(stripped.split())


def open_steps(store, app_key: str, at: datetime):
    """The application's actions open at `at` (or opening within a day: guard 4), done and
    dismissed ones left out, most urgent first."""
    from ..agenda import compute
    from ..playbook import employer_top_outbound, open_at
    from ..store.snapshot import employers_last_outbound, iter_applications, load_action_states, load_settings

    con = store.connection
    app_id = _app_id(store, app_key)
    settings, states = load_settings(con), load_action_states(con)
    top = employer_top_outbound(employers_last_outbound(con, at))
    agenda = compute(iter_applications(con, application_ids=[app_id], include_archived=True), top, settings,
                     states, at)
    return open_at(agenda.actions(), at + timedelta(days=1))


def _composed_subject(store, action, at: datetime) -> str:
    """The subject the compose window makes for this step ("" when it has none or cannot
    tell)."""
    try:
        from ..wording.draft import DraftModel

        draft = DraftModel(store, action=action, templates_dir=store.paths.templates, now=lambda: at)
        return draft.subject or ""
    except Exception:  # the wording is the compose window's; a failure only loses the hint
        return ""


def _outbound(store, m: Message, mid: str, matcher: Matcher, *, folder: str, dry_run: bool,
              now: datetime) -> Result:
    from ..wording.situations import SITUATIONS, situation_for_action

    to = [(name, addr, matcher.match(addr)) for name, addr in m.recipients]
    to = [t for t in to if t[2] is not None]
    if not to:
        first = m.recipients[0][1] if m.recipients else "no recipient"
        return Result(NO_MATCH, f"no contact or employer matches {first}", mid)
    name, addr, match = next((t for t in to if t[2].contact is not None), to[0])
    contact_key = match.contact.key if match.contact else None
    chosen = pick_application(store, match.employer_key, contact_key)
    if chosen is None:
        return Result(NO_MATCH, f"{match.employer_name} has no application to log it on", mid)
    app_key, position = chosen
    at = m.date or now
    who = match.contact.name if match.contact else (name or addr)
    place = _employer_line(match.employer_name, position)

    step, kind = None, "follow_up"
    if contact_key is not None:
        candidates = []
        for a in open_steps(store, app_key, at):
            if a.contact != contact_key or a.name == "close_out":
                continue
            try:
                logs_as = SITUATIONS[situation_for_action(a.name, a.template)].logs_as
            except KeyError:
                continue
            if logs_as:
                candidates.append((a, logs_as))
        wanted = _normal_subject(m.subject)
        if len(candidates) > 1 and wanted:
            for a, logs_as in candidates:
                if _normal_subject(_composed_subject(store, a, at)) == wanted:
                    step, kind = a, logs_as
                    break
        if step is None and candidates:
            step, kind = candidates[0]
    event = {"kind": kind, "at": _iso(at), "channel": "email", "message_id": mid}
    if contact_key:
        event["contacts"] = [contact_key]
    if m.subject:
        event["subject"] = m.subject[:998]
    if m.text:
        event["notes"] = m.text
    if step is not None:
        from ..vocab import ACTIONS

        label = ACTIONS.shown(step.name) if step.name in ACTIONS else step.name
        line = f"marked done: {label} to {who} ({place}) at {_stamp(at)}"
        result_kind = DONE
    else:
        line = f"logged follow-up to {who} ({place}) at {_stamp(at)}"
        result_kind = FOLLOW_UP
    if dry_run:
        return Result(result_kind, line, mid, app_key, match.employer_name, employer_key=match.employer_key)
    with store.atomic():
        event_id = store.log_event(app_key, event)
        review_id = _insert_item(
            store, message_id=mid, state=APPLIED, folder=one_line(folder, 400), received_at=_iso(at),
            sender_name=one_line(who, 200), sender_email=addr, subject=m.subject[:998], body="",
            employer_id=_employer_id(store, match.employer_key), contact_id=_contact_id(store, contact_key),
            application_id=_app_id(store, app_key), suggested_outcome=None, suggested_next_date=None,
            event_id=event_id, warning=line[:500], created=_iso(now))
    matcher.remember(mid)
    return Result(result_kind, line, mid, app_key, match.employer_name, event_id=event_id,
                  review_id=review_id, employer_key=match.employer_key)


# -- invitations -----------------------------------------------------------------------------
class InvitationError(ValueError):
    """An .ics file that is no invitation the app can log (one line, for exit 2)."""


def _local(value) -> datetime | None:
    if isinstance(value, datetime):
        if value.tzinfo is not None:
            value = value.astimezone().replace(tzinfo=None)
        return value.replace(microsecond=0, second=0)
    return None


def _attendee(prop) -> tuple[str, str]:
    addr = str(prop)
    if addr.lower().startswith("mailto:"):
        addr = addr[7:]
    name = ""
    try:
        name = str(prop.params.get("CN", "") or "")
    except AttributeError:
        pass
    return one_line(name.strip('"'), 200), clean_address(addr)


def read_invitation(raw: bytes):
    """(the VEVENT, METHOD) of an invitation; InvitationError when it is none."""
    import icalendar

    if len(raw) > MAX_ICS_BYTES:
        raise InvitationError(f"the calendar file is larger than {MAX_ICS_BYTES // 1024} KB")
    try:
        cal = icalendar.Calendar.from_ical(raw.decode("utf-8", "replace"))
    except Exception as exc:
        raise InvitationError(f"not a calendar file: {one_line(exc, 120)}") from None
    method = str(cal.get("METHOD", "") or "").upper()
    if method and method not in ("REQUEST", "PUBLISH"):
        raise InvitationError(f"a calendar {method.lower()} message, not an invitation")
    events = [c for c in cal.walk("VEVENT")]
    if not events:
        raise InvitationError("no event (VEVENT) in the calendar file")
    return events[0], method


def bring_in_invitation(store, raw: bytes, *, dry_run: bool = False, matcher: Matcher | None = None,
                        now: datetime | None = None) -> Result:
    ev, _method = read_invitation(raw)
    matcher = matcher or StoreMatcher(store)
    now = (now or datetime.now()).replace(microsecond=0)
    uid = one_line(str(ev.get("UID", "") or ""), 900)
    mid = f"ics:{uid}" if uid else fallback_id(raw)
    if matcher.seen(mid):
        return Result(ALREADY, "already logged", mid)
    start_prop = ev.get("DTSTART")
    start = _local(start_prop.dt) if start_prop is not None else None
    if start is None:
        raise InvitationError("the event has no start time (an all-day event is no interview)")
    minutes = None
    end_prop = ev.get("DTEND")
    end = _local(end_prop.dt) if end_prop is not None else None
    if end is None and ev.get("DURATION") is not None:
        try:
            end = start + ev.get("DURATION").dt
        except (TypeError, AttributeError):
            end = None
    if end is not None and end > start:
        minutes = min(24 * 60, int((end - start).total_seconds() // 60)) or None

    people: list[tuple[str, str]] = []
    organizer = ev.get("ORGANIZER")
    if organizer is not None:
        people.append(_attendee(organizer))
    attendees = ev.get("ATTENDEE") or []
    if not isinstance(attendees, list):
        attendees = [attendees]
    people.extend(_attendee(a) for a in attendees[:MAX_ATTENDEES])
    seen_addr: set[str] = set()
    unique = []
    for name, addr in people:
        if addr and addr not in seen_addr and not matcher.is_own(addr):
            seen_addr.add(addr)
            unique.append((name, addr))
    matches = [(name, addr, matcher.match(addr)) for name, addr in unique]
    known = [t for t in matches if t[2] is not None]
    if not known:
        first = unique[0][1] if unique else "nobody (no organiser or attendee)"
        return Result(NO_MATCH, f"no contact or employer matches {first}", mid)
    lead = next((t for t in known if t[2].contact is not None), known[0])[2]
    employer_key = lead.employer_key
    contacts = [t[2].contact for t in known if t[2].contact is not None and t[2].employer_key == employer_key]
    new_people = [(name, addr) for name, addr, mt in matches
                  if (mt is None or mt.contact is None) and (mt is not None and mt.employer_key == employer_key)]
    chosen = pick_application(store, employer_key, contacts[0].key if contacts else None)
    if chosen is None:
        return Result(NO_MATCH, f"{lead.employer_name} has no application to log it on", mid)
    app_key, position = chosen
    names = ", ".join(c.name for c in contacts) or lead.employer_name
    length = f", {minutes} minutes" if minutes else ""
    line = f"logged interview with {names} ({_employer_line(lead.employer_name, position)}) at {_stamp(start)}{length}"
    result = Result(INTERVIEW, line if not dry_run else "would log" + line[len("logged"):],
                    mid, app_key, lead.employer_name, new_people=new_people, employer_key=employer_key)
    if dry_run:
        return result
    event = {"kind": "interview", "at": _iso(start), "message_id": mid}
    if minutes:
        event["duration_minutes"] = minutes
    if contacts:
        event["contacts"] = [c.key for c in contacts]
    summary = one_line(str(ev.get("SUMMARY", "") or ""), 998)
    if summary:
        event["subject"] = summary
    description = str(ev.get("DESCRIPTION", "") or "").replace("\r\n", "\n").strip()
    location = one_line(str(ev.get("LOCATION", "") or ""), 500)
    notes = "\n\n".join(filter(None, [location and f"Location: {location}", description]))[:MAX_TEXT]
    if notes:
        event["notes"] = notes
    result.event_id = store.log_event(app_key, event)
    matcher.remember(mid)
    return result


__all__ = ["Result", "bring_in", "bring_in_invitation", "read_invitation", "InvitationError",
           "read_bounded", "review_items", "review_item", "waiting_count", "confirm", "dismiss", "undo_applied",
           "mark_seen", "put_back_item", "reply_event", "pick_application", "open_steps",
           "REVIEW", "LOGGED", "DONE", "FOLLOW_UP", "INTERVIEW", "ALREADY", "NO_MATCH",
           "PENDING", "APPLIED", "SEEN", "DISMISSED"]
