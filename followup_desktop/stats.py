"""The search in figures: `followup-desktop stats [--json]` (CONTRACT.md, *Statistics*) and the
Progress view (`ui/progress.py`). No Qt, no ORM: one pass over the store with plain SQL.

`read(con, now, period)` reads the applications (archived ones left out, as in the list and in
`due`) and every event once, and counts. Events after `now` (an interview logged ahead) have
not happened: they count for no reply, follow-up or activity, only through the stage they
already gave (the funnel reads the stored stage too).

How each figure is counted (the view's tooltips say the same, in one line each):

* **applied to**: an application with an outbound event (an application, a query, any message:
  what makes a lead "applied"); its *applied moment* is its first `applied` event, else its
  first outbound one.
* **replied**: at least one `reply`, whenever it came. **answered**: a reply at or after the
  applied moment (a reply before applying, a recruiter's first message, answered nothing of
  the user's). `reply_rate` = answered / applied to (null when none was applied to).
* **days to first reply**: calendar days from the applied moment to the first reply at or after
  it, over the applications answered.
* **a follow-up** is an outbound `status_check` or `follow_up`; it is *answered* when a reply
  comes within 14 days after it, and *settled* once answered or 14 days old (a younger one
  still has its chance). The view compares settled follow-ups with the applications never
  followed up whose 14 days after applying are over (or that were answered within them).
* **funnel**: the stage each application reached, ever (a rejected one that interviewed counts
  as interviewing): an outbound event reaches *applied*, an interview or an invitation
  *interviewing*, an offer (or declining one) *offer*, a closing as hired *hired*.
* **slowest to answer**: employers by the median of their days to a first reply, among those
  that answered at least twice (all that answered, when none did twice).
* **activity**, per week from Monday: *sent*, the outbound events not by phone; *calls*, those
  by phone; *interviews*.
* **period**: an application belongs to the last 30 / 90 days when it began then (its first
  event, or when it was added); the weekly activity is always the last 12 weeks.

Every share carries its counts, and a share over fewer than `MIN_CASES` cases is *not enough
data yet*, never a percentage (`Share.enough`).
"""

from __future__ import annotations

import json
import sqlite3
from datetime import date, datetime, timedelta

from . import records as R
from .vocab import FOLLOW_UP_KINDS, OUTBOUND_KINDS, EventKind, Outcome, Source, Stage

#: below this many cases a share is "not enough data yet"
MIN_CASES = 5
#: a follow-up (or an application) is answered when a reply comes within this long after it
ANSWER_WINDOW = timedelta(days=14)
#: the period picker's choices: days back, None for everything
PERIODS = {"30": 30, "90": 90, "all": None}
#: how many weeks the activity covers, the current one last
WEEKS = 12
#: the days-to-first-reply distribution: (fewest, most) days of each bucket, None open-ended
DAY_BUCKETS = ((0, 1), (2, 3), (4, 7), (8, 14), (15, 30), (31, 60), (61, None))
#: how many employers "slowest to answer" lists
SLOWEST = 6
#: the funnel's steps, in order
FUNNEL = ("lead", "applied", "interviewing", "offer", "hired")
#: the key of applications (or follow-ups) with no source (channel) recorded
UNKNOWN = "unknown"

_STAGE_RANK = {Stage.LEAD: 0, Stage.APPLIED: 1, Stage.INTERVIEWING: 2, Stage.OFFER: 3}
#: the funnel rank a closed application's outcome shows it reached at least
_OUTCOME_RANK = {Outcome.HIRED: 4, Outcome.DECLINED: 3}
_EMPTY: frozenset = frozenset()


class Share:
    """`part` of `whole`: the applications behind each (`part_keys` ⊆ `whole_keys`) and the
    counts (of applications, or of follow-ups where they are what is counted)."""

    __slots__ = ("part", "whole", "part_keys", "whole_keys")

    def __init__(self, whole_keys, part_keys, whole: int | None = None, part: int | None = None):
        self.whole_keys, self.part_keys = frozenset(whole_keys), frozenset(part_keys)
        self.whole = len(self.whole_keys) if whole is None else whole
        self.part = len(self.part_keys) if part is None else part

    @property
    def ratio(self) -> float | None:
        """part / whole, None when there is nothing to divide."""
        return self.part / self.whole if self.whole else None

    @property
    def enough(self) -> bool:
        """Enough cases for a percentage to mean something."""
        return self.whole >= MIN_CASES

    def rate(self) -> float | None:
        """The ratio to 3 decimals (the JSON's), None when there is nothing to divide."""
        r = self.ratio
        return None if r is None else round(r, 3)

    def text(self, unit: str = "") -> str:
        """"3 of 8 (38%)", or "2 of 3 (not enough data yet)"."""
        counted = f"{self.part} of {self.whole}{' ' + unit if unit else ''}"
        if not self.whole:
            return counted
        return f"{counted} ({self.ratio:.0%})" if self.enough else f"{counted} (not enough data yet)"

    def __repr__(self) -> str:
        return f"Share({self.part}/{self.whole})"


class Week:
    """One week of activity (Monday `start`): messages sent (not by phone), calls, interviews:
    events counted, and the applications they were for."""

    __slots__ = ("start", "sent", "calls", "interviews", "sent_keys", "call_keys", "interview_keys")

    def __init__(self, start: date):
        self.start = start
        self.sent = self.calls = self.interviews = 0
        self.sent_keys: set = set()
        self.call_keys: set = set()
        self.interview_keys: set = set()


class Slow:
    """An employer and how long it takes to answer: the median days over its answered
    applications (`keys`)."""

    __slots__ = ("employer", "name", "median_days", "keys")

    def __init__(self, employer: str, name: str, median_days: float, keys: frozenset):
        self.employer, self.name, self.median_days, self.keys = employer, name, median_days, keys


class Figures:
    """Everything counted, with the application keys behind each figure (what a click on a bar
    shows in the list)."""

    def __init__(self, now: datetime, period: str):
        self.now, self.period = now, period
        days = PERIODS[period]
        #: where the period starts (None: all of it)
        self.since: datetime | None = None if days is None else now - timedelta(days=days)
        self.keys: frozenset = _EMPTY
        self.by_stage: dict[str, frozenset] = {}
        self.by_outcome: dict[str, frozenset] = {}
        self.replied: frozenset = _EMPTY
        self.reply = Share((), ())
        #: days to first reply, by application
        self.days: dict[str, int] = {}
        self.median_days: float | None = None
        #: ((fewest, most), keys) per bucket of DAY_BUCKETS
        self.day_buckets: list[tuple[tuple[int, int | None], frozenset]] = []
        self.followups_sent = 0
        #: settled follow-ups, answered within 14 days (counted in follow-ups)
        self.followups = Share((), ())
        #: applications never followed up, settled, answered within 14 days of applying
        self.never_followed = Share((), ())
        #: source -> {"applications", "replied"} keys and "reply" (answered / applied)
        self.by_source: dict[str, dict] = {}
        #: channel of the first follow-up -> settled first follow-ups, answered within 14 days
        self.by_channel: dict[str, Share] = {}
        #: (step, keys) in FUNNEL order
        self.funnel: list[tuple[str, frozenset]] = []
        self.weeks: list[Week] = []
        self.slowest: list[Slow] = []

    # -- derived --------------------------------------------------------------------------------
    @property
    def followups_answered(self) -> int:
        return self.followups.part

    @property
    def followups_waiting(self) -> int:
        """Follow-ups sent less than 14 days ago and not answered yet."""
        return self.followups_sent - self.followups.whole

    def conversion(self) -> list[Share]:
        """Each funnel step after the first as a share of the one before it."""
        return [Share(before, after) for (_, before), (_, after) in zip(self.funnel, self.funnel[1:])]

    # -- the command line ---------------------------------------------------------------------
    def as_json(self) -> dict:
        """CONTRACT.md's object; beyond it: `applied` and `answered` (the counts behind
        `reply_rate`, also per source) and `followups_waiting`."""
        return {
            "applications": len(self.keys),
            "by_stage": {s: len(k) for s, k in self.by_stage.items()},
            "by_outcome": {o: len(k) for o, k in self.by_outcome.items()},
            "replied": len(self.replied),
            "reply_rate": self.reply.rate(),
            "median_days_to_first_reply": self.median_days,
            "followups_sent": self.followups_sent,
            "followups_answered": self.followups_answered,
            "by_source": {s: {"applications": len(v["applications"]), "replied": len(v["replied"]),
                              "applied": v["reply"].whole, "answered": v["reply"].part}
                          for s, v in self.by_source.items()},
            "applied": self.reply.whole,
            "answered": self.reply.part,
            "followups_waiting": self.followups_waiting,
        }

    def as_json_text(self) -> str:
        return json.dumps(self.as_json(), indent=2, ensure_ascii=False) + "\n"

    def as_text(self) -> str:
        """The readable summary `stats` prints."""
        from .vocab import OUTCOME_LABELS, SOURCE_LABELS, STAGE_LABELS

        n = len(self.keys)
        if not n:
            return "No applications yet: nothing to count.\n"
        lines = [f"{_count(n, 'application')}: "
                 + ", ".join(f"{len(k)} {STAGE_LABELS[s].lower()}" for s, k in self.by_stage.items() if k)]
        closed = [(o, len(k)) for o, k in self.by_outcome.items() if k]
        if closed:
            lines.append("Closed: " + ", ".join(f"{c} {OUTCOME_LABELS[o].lower()}" for o, c in closed))
        lines.append(f"Replied: {len(self.replied)} of {n} had a reply")
        lines.append(f"Answered after applying: {self.reply.text('applied to')}")
        if self.median_days is None:
            lines.append("Days to first reply: no reply yet")
        else:
            lines.append(f"Days to first reply: median {_days(self.median_days)} "
                         f"(over {len(self.days)} answered)")
        waiting = f"; {self.followups_waiting} still within their 14 days" if self.followups_waiting else ""
        lines.append(f"Follow-ups: {self.followups_sent} sent, {self.followups_answered} answered "
                     f"within 14 days{waiting}")
        if self.followups.whole:
            lines.append(f"  answered within 14 days: {self.followups.text('follow-ups')}")
        if self.never_followed.whole:
            lines.append("  never followed up, answered within 14 days of applying: "
                         + self.never_followed.text("applications"))
        shown = [(SOURCE_LABELS.get(s, "Not recorded"), v) for s, v in self.by_source.items() if v["applications"]]
        lines.append("By source:")
        width = max(len(label) for label, _ in shown)
        for label, v in shown:
            lines.append(f"  {label:{width}}  {_count(len(v['applications']), 'application')}, "
                         f"{len(v['replied'])} replied; answered after applying: {v['reply'].text('applied to')}")
        return "\n".join(lines) + "\n"


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}{'' if n == 1 else 's'}"


def _days(value: float) -> str:
    return f"{value:g} day" + ("" if value == 1 else "s")


def _median(values) -> float | None:
    if not values:
        return None
    values = sorted(values)
    half = len(values) // 2
    m = values[half] if len(values) % 2 else (values[half - 1] + values[half]) / 2
    return int(m) if m == int(m) else float(m)


# -- the one query ---------------------------------------------------------------------------------
# Every application (not archived) with its employer and one row of facts about its events up
# to `now`, aggregated by SQLite in one scan of the event table: no event row crosses into
# Python (events ahead count only through the stage they gave, which the row holds). A
# kind is tested with `CASE kind WHEN …` (an `IN (…)` list costs a b-tree probe per row).
_NOT_OUTBOUND = tuple(sorted(str(k) for k in EventKind if k not in OUTBOUND_KINDS))


def _outbound(value: str) -> str:
    """SQL: `value` for an outbound event, NULL for any other."""
    return "CASE kind " + " ".join(f"WHEN '{k}' THEN NULL" for k in _NOT_OUTBOUND) + f" ELSE {value} END"


def _kinds(*kinds: str, value: str) -> str:
    return "CASE kind " + " ".join(f"WHEN '{k}' THEN {value}" for k in kinds) + " END"


#: funnel rank (FUNNEL's index) an event reaches
_RANK_SQL = (
    "CASE kind WHEN 'interview' THEN 2"
    " WHEN 'reply' THEN CASE outcome WHEN 'interview_invite' THEN 2 WHEN 'offer' THEN 3 ELSE 0 END"
    " WHEN 'closed' THEN CASE reason WHEN 'hired' THEN 4 WHEN 'declined' THEN 3 ELSE 0 END "
    + " ".join(f"WHEN '{k}' THEN 0" for k in _NOT_OUTBOUND if k not in ("interview", "reply", "closed"))
    + " ELSE 1 END")
#: SQL: a moment `ANSWER_WINDOW` later, in the stored form ("YYYY-MM-DDTHH:MM:SS")
_LATER = f"strftime('%Y-%m-%dT%H:%M:%S', {{0}}, '+{ANSWER_WINDOW.days} days')"
_EVENT_FACTS = f"""SELECT application_id,
 min(at) AS first_at,
 min({_kinds('applied', value='at')}) AS applied_at,
 min({_outbound('at')}) AS first_out,
 max({_RANK_SQL}) AS rank,
 group_concat({_kinds('reply', value='at')}) AS replies,
 group_concat({_kinds(*sorted(str(k) for k in FOLLOW_UP_KINDS),
                     value=f"at || '|' || {_LATER.format('at')} || '|' || coalesce(channel, '')")}) AS followups,
 group_concat(CASE WHEN at >= :week0 THEN CASE kind WHEN 'interview' THEN 'i' || substr(at, 1, 10)
   ELSE {_outbound("CASE channel WHEN 'phone' THEN 'c' ELSE 's' END || substr(at, 1, 10)")} END END) AS activity
FROM event WHERE at <= :now GROUP BY +application_id"""  # "+": a scan and a sort beat the index's lookups
_COLUMNS = ("key", "stage", "outcome", "source", "created", "employer_key", "employer_name")
_FACTS = ("first_at", "applied_at", "first_out", "rank", "replies", "followups", "activity")
_Row = R.row_type("StatsRow", (*_COLUMNS, *_FACTS, "answer_by"))
_QUERY = (f"SELECT {R.APPLICATION.columns('key', 'stage', 'outcome', 'source', 'created', alias='a')},"
          f" m.key, m.name, {', '.join('e.' + f for f in _FACTS)},"
          f" {_LATER.format('coalesce(e.applied_at, e.first_out)')} FROM application a"
          f" JOIN employer m ON m.id = a.employer_id LEFT JOIN ({_EVENT_FACTS}) e ON e.application_id = a.id"
          " WHERE a.archived = 0 ORDER BY a.id")
for _record, _names in ((R.APPLICATION, ("key", "stage", "outcome", "source", "created", "employer_id", "archived")),
                        (R.EVENT, ("application_id", "kind", "at", "channel", "outcome", "reason"))):
    _missing = set(_names) - {f.sql for f in _record.stored}
    assert not _missing, f"{_record.name}: no column {_missing}"  # the registry says otherwise


def read(con: sqlite3.Connection, now: datetime, period: str = "all") -> Figures:
    """Every figure at `now` over the applications of `period` (a key of PERIODS)."""
    fig = Figures(now, period)
    since = fig.since.isoformat() if fig.since is not None else None
    now_s = now.isoformat()
    week0 = now.date() - timedelta(days=now.weekday() + 7 * (WEEKS - 1))
    weeks = [Week(week0 + timedelta(days=7 * i)) for i in range(WEEKS)]
    week_of = {}  # "YYYY-MM-DD" -> its Week
    for i in range((now.date() - week0).days + 1):
        week_of[(week0 + timedelta(days=i)).isoformat()] = weeks[i // 7]

    keys: list[str] = []
    by_stage: dict[str, list] = {str(s): [] for s in Stage}
    by_outcome: dict[str, list] = {str(o): [] for o in Outcome}
    by_source: dict[str, dict] = {}
    for s in (*Source, UNKNOWN):
        by_source[str(s)] = {"applications": [], "replied": [], "applied": [], "answered": []}
    replied, applied, answered = [], [], []
    days: dict[str, int] = {}
    reached: list[list[str]] = [[] for _ in FUNNEL]
    fu_sent = fu_settled = fu_answered = 0
    fu_keys, fu_answered_keys = set(), set()
    never_keys, never_answered = [], []
    channels: dict[str, list[list[str]]] = {}
    employer_days: dict[str, tuple[str, list]] = {}
    d = date.fromisoformat

    for row in map(_Row.make, con.execute(_QUERY, {"now": now_s, "week0": week0.isoformat()})):
        key = row.key
        # activity: the last 12 weeks, whatever the period
        if row.activity:
            for item in row.activity.split(","):
                w = week_of[item[1:]]
                if item[0] == "s":
                    w.sent += 1
                    w.sent_keys.add(key)
                elif item[0] == "c":
                    w.calls += 1
                    w.call_keys.add(key)
                else:
                    w.interviews += 1
                    w.interview_keys.add(key)
        start = row.first_at
        created = row.created
        if created is not None and (start is None or created < start):
            start = created
        if since is not None and (start is None or start < since):
            continue
        keys.append(key)
        stage, outcome = row.stage, row.outcome
        by_stage.setdefault(stage, []).append(key)
        rank = _STAGE_RANK.get(stage, 0)
        if stage == Stage.CLOSED:
            rank = _OUTCOME_RANK.get(outcome, 0)
            if outcome:
                by_outcome.setdefault(outcome, []).append(key)
        if row.rank is not None and row.rank > rank:
            rank = row.rank
        for step in range(rank + 1):
            reached[step].append(key)
        src = by_source.setdefault(row.source or UNKNOWN, {"applications": [], "replied": [], "applied": [],
                                                           "answered": []})
        src["applications"].append(key)
        replies = sorted(row.replies.split(",")) if row.replies else ()
        if replies:
            replied.append(key)
            src["replied"].append(key)
        applied_at = row.applied_at or row.first_out
        if applied_at is None:
            continue
        applied.append(key)
        src["applied"].append(key)
        first_reply = next((r for r in replies if r >= applied_at), None)
        if first_reply is not None:
            answered.append(key)
            src["answered"].append(key)
            n = (d(first_reply[:10]) - d(applied_at[:10])).days
            days[key] = n
            employer_days.setdefault(row.employer_key, (row.employer_name, []))[1].append((n, key))
        if row.followups:
            # each answered by a reply within 14 days, settled once answered or 14 days old
            first = True
            for item in sorted(row.followups.split(",")):
                at, until, channel = item.split("|")
                fu_sent += 1
                ok = any(at <= r <= until for r in replies)
                if ok or until <= now_s:
                    fu_settled += 1
                    fu_keys.add(key)
                    if ok:
                        fu_answered += 1
                        fu_answered_keys.add(key)
                    if first:
                        per = channels.setdefault(channel or UNKNOWN, [[], []])
                        per[0].append(key)
                        if ok:
                            per[1].append(key)
                first = False
        else:
            until = row.answer_by
            ok = first_reply is not None and first_reply <= until
            if ok or until <= now_s:
                never_keys.append(key)
                if ok:
                    never_answered.append(key)

    fig.keys = frozenset(keys)
    fig.by_stage = {s: frozenset(k) for s, k in by_stage.items()}
    fig.by_outcome = {o: frozenset(k) for o, k in by_outcome.items()}
    fig.replied = frozenset(replied)
    fig.reply = Share(applied, answered)
    fig.days = days
    fig.median_days = _median(list(days.values()))
    last_day = DAY_BUCKETS[-1][0]
    bucket_of = [next(b for b, (lo, hi) in enumerate(DAY_BUCKETS) if hi is None or n <= hi)
                 for n in range(DAY_BUCKETS[-1][0] + 1)]
    buckets: list[list[str]] = [[] for _ in DAY_BUCKETS]
    last = len(DAY_BUCKETS) - 1
    for k, n in days.items():
        buckets[bucket_of[n] if n <= last_day else last].append(k)
    fig.day_buckets = [(span, frozenset(k)) for span, k in zip(DAY_BUCKETS, buckets)]
    fig.followups_sent = fu_sent
    fig.followups = Share(fu_keys, fu_answered_keys, fu_settled, fu_answered)
    fig.never_followed = Share(never_keys, never_answered)
    fig.by_source = {s: {"applications": frozenset(v["applications"]), "replied": frozenset(v["replied"]),
                         "reply": Share(v["applied"], v["answered"])}
                     for s, v in by_source.items() if s != UNKNOWN or v["applications"]}
    fig.by_channel = {c: Share(w, a) for c, (w, a) in sorted(channels.items(), key=lambda kv: -len(kv[1][0]))}
    fig.funnel = [(step, frozenset(k)) for step, k in zip(FUNNEL, reached)]
    for w in weeks:
        w.sent_keys, w.call_keys, w.interview_keys = (frozenset(w.sent_keys), frozenset(w.call_keys),
                                                      frozenset(w.interview_keys))
    fig.weeks = weeks
    slow = [Slow(ekey, name, _median([n for n, _ in here]), frozenset(k for _, k in here))
            for ekey, (name, here) in employer_days.items()]
    # one answer says little about an employer: those that answered twice or more, when any did
    if any(len(s.keys) > 1 for s in slow):
        slow = [s for s in slow if len(s.keys) > 1]
    slow.sort(key=lambda s: (-s.median_days, -len(s.keys), s.name.casefold()))
    fig.slowest = slow[:SLOWEST]
    return fig


def read_file(path, now: datetime, period: str = "all") -> Figures:
    """`read` over the database at `path`, on a connection of its own (the view's worker
    thread; the file was checked when the app opened it)."""
    from .store.connection import connect

    con = connect(path)
    try:
        con.execute("PRAGMA cache_size = -256")
        return read(con, now, period)
    finally:
        con.close()


__all__ = ["Figures", "Share", "Week", "Slow", "read", "read_file", "MIN_CASES", "PERIODS", "FUNNEL",
           "DAY_BUCKETS", "WEEKS", "UNKNOWN", "ANSWER_WINDOW"]
