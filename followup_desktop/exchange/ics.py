"""The calendar export (CONTRACT.md, "Calendar (ICS)"): the follow-ups and planned interviews as
RFC 5545 events, written through the `icalendar` library. No Qt.

One `VEVENT` per follow-up that is open or opens within `HORIZON_DAYS` (the agenda's answer,
`agenda.py`, with what the user marked done, dismissed or snoozed applied) and per interview
logged ahead. Times are written as UTC: the app keeps local wall-clock times, and a calendar
program shows UTC in the user's own zone, across a daylight-saving change too. Each event's `UID`
stays the same from one export to the next (the action's id, or the interview's row), so a
calendar that imports the file again, or is subscribed to it, updates its events instead of
adding them twice.

`keep_calendar_file(paths)` rewrites `calendar.ics` in the data dir when the setting
`calendar_file` is on: the window calls it after every change, the command line after a write.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Callable

from ..paths import DataPaths, write_private
from ..vocab import ACTIONS, EVENTS, EventKind, Stage

#: a follow-up opening later than this is left out (it would only clutter the calendar)
HORIZON_DAYS = 90
#: a step the playbook gives no due time lasts this long in the calendar
NO_DUE_MINUTES = 30
UID_DOMAIN = "followup-desktop"
#: the setting that keeps `DataPaths.calendar_file` up to date
SETTING = "calendar_file"
#: `export_ics` reports its steps 0 to 2 of this many to its `progress`
STEPS = 3


@dataclass(frozen=True, slots=True)
class CalendarEntry:
    """One event of the calendar, in local wall-clock time."""

    uid: str
    start: datetime
    end: datetime
    summary: str
    description: str
    #: shown as a busy hour (an interview), not as a reminder beside the day's plans
    busy: bool = False


def _who(people: str | None, employer: str) -> str:
    return f"{people} ({employer})" if people else employer


def follow_up_entries(agenda, at: datetime) -> list[CalendarEntry]:
    """The agenda's follow-ups that are open at `at` or open within `HORIZON_DAYS`: what the
    list and the tray show (a closed application keeps only its courtesy steps, guard 5; an
    archived one the agenda never reads)."""
    apps = {a.key: a for a in agenda.apps}
    horizon = at + timedelta(days=HORIZON_DAYS)
    out = []
    for actions in agenda.by_app.values():
        for a in actions:
            app = apps.get(a.application)
            if app is None or a.opens > horizon:
                continue
            end = a.due if a.due is not None and a.due > a.opens else a.opens + timedelta(minutes=NO_DUE_MINUTES)
            out.append(CalendarEntry(
                f"{a.id}@{UID_DOMAIN}", a.opens, end,
                f"{ACTIONS.shown(a.name)} — {_who(a.contact_name, app.employer_name)}", a.reason))
    return out


def interview_entries(con, agenda, at: datetime) -> list[CalendarEntry]:
    """The interviews logged ahead of `at`, of applications the agenda reads and that are not
    closed; an interview lasts its `duration_minutes`, else the setting's default."""
    apps = {a.key: a for a in agenda.apps if a.stage != Stage.CLOSED}
    rows = con.execute(
        "SELECT e.id, a.key, e.at, e.duration_minutes FROM event e"
        " JOIN application a ON a.id = e.application_id"
        " WHERE e.kind = ? AND e.at > ? AND a.archived = 0 ORDER BY e.at, e.id",
        (str(EventKind.INTERVIEW), at.isoformat()),
    ).fetchall()
    rows = [r for r in rows if r[1] in apps]
    people: dict[int, list[str]] = {}
    if rows:
        ids = [r[0] for r in rows]
        for event_id, name in con.execute(
            "SELECT ec.event_id, c.name FROM event_contact ec JOIN contact c ON c.id = ec.contact_id"
            f" WHERE ec.event_id IN ({','.join('?' * len(ids))}) ORDER BY ec.event_id, ec.position, c.id", ids
        ):
            people.setdefault(event_id, []).append(name)
    default = agenda.settings.interview_default_minutes
    out = []
    for event_id, app_key, when, minutes in rows:
        app = apps[app_key]
        start = datetime.fromisoformat(when)
        names = ", ".join(people.get(event_id, [])) or None
        with_whom = f" with {names}" if names else ""
        out.append(CalendarEntry(
            f"{app_key}|interview|{event_id}@{UID_DOMAIN}", start, start + timedelta(minutes=minutes or default),
            f"{EVENTS.shown(EventKind.INTERVIEW)} — {_who(names, app.employer_name)}",
            f"Interview{with_whom} for {app.position} at {app.employer_name}.", busy=True))
    return out


def read_entries(paths: DataPaths, at: datetime, *, check: bool = True) -> list[CalendarEntry]:
    """Every entry of the calendar at `at`, in time order (the same order in every export). The
    file is opened the safe way first (`open_database`), unless it was already (`check`)."""
    from ..store.connection import connect, open_database

    con = (open_database(paths.database, backups=paths.backups, reading=True) if check
           else connect(paths.database))
    try:
        return sorted_entries(con, at)
    finally:
        con.close()


def sorted_entries(con, at: datetime) -> list[CalendarEntry]:
    """`read_entries` through the sqlite3 connection `con`, the follow-ups and the interviews
    from one snapshot (its transaction, or one of its own)."""
    own = not con.in_transaction
    if own:
        con.execute("BEGIN")
    try:
        return sorted(entries_from(con, at), key=_ORDER)
    finally:
        if own:
            con.execute("ROLLBACK")  # it only read


def _ORDER(e: CalendarEntry) -> tuple:
    """The calendar's order: by start, then by UID (unique: the same order in every export)."""
    return e.start, e.uid


def entries_from(con, at: datetime, half=None) -> list[CalendarEntry]:
    """`read_entries` through the sqlite3 connection `con` (one snapshot, within its
    transaction), unsorted; `half`: of the applications up to or above a row id only
    (`store.halves`)."""
    from ..agenda import read_from

    con.execute("PRAGMA cache_size = -256")  # as `agenda.read`: one pass, a small page cache
    agenda = read_from(con, at, half)
    return follow_up_entries(agenda, at) + interview_entries(con, agenda, at)


def _utc(moment: datetime) -> datetime:
    """A local wall-clock time as UTC (a time the clock skips reads as the hour after)."""
    return moment.astimezone(timezone.utc)


def calendar_bytes(entries: list[CalendarEntry], stamp: datetime) -> bytes:
    """The VCALENDAR of `entries`; `stamp` (local time) is every event's DTSTAMP: the bytes
    `icalendar` would write for `build_calendar(entries, stamp)`."""
    return _joined(calendar_head(), event_texts(entries, stamp))


def _joined(head: str, events) -> bytes:
    return (head + "".join(events) + "END:VCALENDAR\r\n").encode("utf-8")


def _text(lines) -> str:
    # `icalendar` makes the content lines (escaping, values, order); they are folded here, as
    # its `to_ical` folds them, but a line at most 74 bytes long (nearly all) is not walked
    # character by character: that walk was most of an export's time in the library.
    return "".join(fold(line) + "\r\n" for line in lines if line)


def calendar_head() -> str:
    """The calendar's lines before its events, as the file writes them (its `END` follows
    the events)."""
    lines = list(_calendar().content_lines())
    assert lines[-2:] == ["END:VCALENDAR", ""], lines[-2:]
    return _text(lines[:-2])


def event_texts(entries: list[CalendarEntry], stamp: datetime) -> list[str]:
    """Each entry's VEVENT as the file writes it (its lines folded, each with its CRLF): what
    `icalendar` writes of it within the calendar."""
    when = _utc(stamp)
    return [_text(_event(e, when).content_lines()) for e in entries]


def build_calendar(entries: list[CalendarEntry], stamp: datetime):
    """The `icalendar.Calendar` of `entries`."""
    cal = _calendar()
    when = _utc(stamp)
    for e in entries:
        cal.add_component(_event(e, when))
    return cal


def _calendar():
    from icalendar import Calendar

    from .. import __version__

    cal = Calendar()
    cal.add("prodid", f"-//Follow-up Desktop//followup-desktop {__version__}//EN")
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("x-wr-calname", "Follow-up Desktop")
    return cal


def _event(e: CalendarEntry, when: datetime):
    from icalendar import Event

    ev = Event()
    ev.add("uid", e.uid)
    ev.add("dtstamp", when)
    ev.add("dtstart", _utc(e.start))
    ev.add("dtend", _utc(e.end))
    ev.add("summary", e.summary)
    ev.add("description", e.description)
    ev.add("transp", "OPAQUE" if e.busy else "TRANSPARENT")
    return ev


#: the longest line, in bytes, before the fold (RFC 5545 3.1: 75 octets, the break excluded)
_FOLD_AT = 74


def fold(line: str) -> str:
    """A content line folded as RFC 5545 asks and as `icalendar` folds it: into pieces of at
    most 74 bytes of UTF-8 (a character is never split), each after the first on a line of its
    own after one space; a piece does not end on a `\\` or `^` (the start of an escape), which
    then begins the next."""
    if len(line) <= _FOLD_AT and (line.isascii() or len(line.encode("utf-8")) <= _FOLD_AT):
        return line
    pieces = []
    if line.isascii():
        start = 0
        while len(line) - start > _FOLD_AT:
            end = start + _FOLD_AT
            if line[end - 1] in "\\^":
                end -= 1
            pieces.append(line[start:end])
            start = end
        pieces.append(line[start:])
        return "\r\n ".join(pieces)
    current: list[str] = []
    size = 0
    for char in line:
        width = len(char.encode("utf-8"))
        if current and size + width > _FOLD_AT:
            if len(current) > 1 and current[-1] in "\\^":
                carried = current.pop()
                pieces.append("".join(current))
                current, size = [carried], len(carried.encode("utf-8"))
            else:
                pieces.append("".join(current))
                current, size = [], 0
        current.append(char)
        size += width
    if current:
        pieces.append("".join(current))
    return "\r\n ".join(pieces)


def export_ics(paths: DataPaths, path: Path, *, at: datetime | None = None, check: bool = True,
               progress: Callable[[int, int], None] | None = None) -> int:
    """Write the calendar at `at` (default: now) to `path`, whole or not at all (0600); returns
    how many events it holds. `progress(done, total)` is called between the steps."""
    step = (lambda n: progress(n, STEPS)) if progress is not None else (lambda n: None)
    at = at or datetime.now().replace(microsecond=0)
    step(0)
    entries = read_entries(paths, at, check=check)
    step(1)
    data = calendar_bytes(entries, at)
    step(2)  # the last moment to stop: nothing is written before it
    write_private(Path(path), data)
    return len(entries)


def keeps_calendar_file(settings) -> bool:
    """Whether the setting asks for `calendar.ics` in the data dir to be kept up to date."""
    return bool(settings.raw.get(SETTING))


def keep_calendar_file(paths: DataPaths, *, at: datetime | None = None, check: bool = False) -> int | None:
    """Rewrite the data dir's `calendar.ics` when the setting is on; how many events it holds
    (None: the setting is off, nothing written)."""
    from ..store.connection import connect
    from ..store.snapshot import load_settings

    con = connect(paths.database)
    try:
        settings = load_settings(con)
    finally:
        con.close()
    if not keeps_calendar_file(settings):
        return None
    return export_ics(paths, paths.calendar_file, at=at, check=check)


def export_ics_from(con, path: Path, at: datetime) -> int:
    """`export_ics` read through the sqlite3 connection `con` (the command line's, checked)."""
    entries = sorted_entries(con, at)
    write_private(Path(path), calendar_bytes(entries, at))
    return len(entries)


def ics_after(con, out, after: int, at: datetime) -> int:
    """The second reader's work (`store.halves`): the entries of the applications above row id
    `after`, each with its VEVENT's text, pickled to `out`; how many."""
    import pickle

    from ..store.halves import halves_at

    entries = entries_from(con, at, halves_at(after)[1])
    out.write(pickle.dumps(list(zip(map(_ORDER, entries), event_texts(entries, at))),
                           protocol=pickle.HIGHEST_PROTOCOL))
    return len(entries)


def export_ics_in_halves(split, after: int, path: Path, at: datetime) -> int:
    """`export_ics_from` with the applications above row id `after` read, and their events
    written, by the second reader (`ics_after`), over the same snapshot: the same bytes."""
    import pickle

    from ..store.halves import halves_at

    entries = entries_from(split.con, at, halves_at(after)[0])
    mine = list(zip(map(_ORDER, entries), event_texts(entries, at)))
    split.finish()
    theirs = pickle.loads(b"".join(split.text()))
    events = sorted(mine + theirs, key=lambda pair: pair[0])  # (start, UID): one order
    write_private(Path(path), _joined(calendar_head(), (text for _, text in events)))
    return len(events)


__all__ = ["CalendarEntry", "read_entries", "sorted_entries", "entries_from", "export_ics_from", "ics_after", "export_ics_in_halves",
           "calendar_head", "event_texts", "calendar_bytes", "build_calendar", "fold", "export_ics", "keep_calendar_file",
           "keeps_calendar_file", "HORIZON_DAYS", "UID_DOMAIN", "SETTING"]
