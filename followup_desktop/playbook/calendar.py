"""Calendar arithmetic for the playbook: business days, call hours and quiet hours.

Every datetime here is naive local wall-clock time. Adding "7 days" keeps the clock time, so a
window never shifts or repeats across a daylight-saving change: the user's "next Monday at 09:30"
stays 09:30 whatever the offset did in between.
"""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

ONE_DAY = timedelta(days=1)
_BUSINESS = (True, True, True, True, True, False, False)  # Monday .. Sunday


def is_business_day(d: date) -> bool:
    return _BUSINESS[d.weekday()]


def add_business_days(d: date, n: int) -> date:
    """`d` moved forward by `n` business days (Monday to Friday); n=0 returns `d` unchanged."""
    while n > 0:
        d += ONE_DAY
        if _BUSINESS[d.weekday()]:
            n -= 1
    return d


def at_time(d: date, t: time) -> datetime:
    return datetime(d.year, d.month, d.day, t.hour, t.minute)


def next_in_hours(dt: datetime, ranges: tuple[tuple[time, time], ...]) -> datetime:
    """The first moment at or after `dt` that lies inside call hours on a business day."""
    d = dt.date()
    if _BUSINESS[d.weekday()]:
        t = dt.time()
        for start, end in ranges:
            if t < start:
                return at_time(d, start)
            if t < end:
                return dt
    d += ONE_DAY
    while not _BUSINESS[d.weekday()]:
        d += ONE_DAY
    return at_time(d, ranges[0][0])


def slot_end(dt: datetime, ranges: tuple[tuple[time, time], ...]) -> datetime:
    """The end of the call-hours range that contains `dt` (which must be inside one)."""
    t = dt.time()
    for start, end in ranges:
        if start <= t < end:
            return at_time(dt.date(), end)
    return dt


def schedule_call(opens: datetime, due: datetime | None, ranges) -> tuple[datetime, datetime | None]:
    """Fit a phone window into call hours: it opens at the next in-hours moment and is due at the
    end of the call slot its due time falls in or, outside call hours, of the next one. (Pulling
    the due time back to the previous slot could shorten a week-long window by a weekend.)"""
    new_opens = next_in_hours(opens, ranges)
    if due is None:
        return new_opens, None
    new_due = due if due > new_opens else new_opens
    new_due = next_in_hours(new_due, ranges)
    if new_due != due:
        new_due = slot_end(new_due, ranges)
    return new_opens, new_due


def in_quiet_hours(dt: datetime, start: time, end: time) -> bool:
    t = dt.time()
    if start == end:
        return False
    if start < end:
        return start <= t < end
    return t >= start or t < end


def out_of_quiet_hours(dt: datetime, start: time, end: time) -> datetime:
    """`dt`, or the end of the quiet hours it falls in (what opens at night is told at 08:00)."""
    if not in_quiet_hours(dt, start, end):
        return dt
    d = dt.date()
    if start > end and dt.time() >= start:
        d += ONE_DAY  # quiet hours run past midnight: they end tomorrow morning
    return at_time(d, end)
