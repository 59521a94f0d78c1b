"""What is due at a moment, for the command line: the agenda (`agenda.py`) as text or JSON.

Reads through `store.snapshot` (plain SQL), so it never imports the ORM or Qt.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from .agenda import read as read_agenda
from .paths import DataPaths
from .playbook.model import Action, ApplicationIn
from .vocab import ACTION_LABELS


def relative_due(action: Action, at: datetime) -> str:
    """How the window reads from `at`: "3 days overdue", "due today 15:00", "open since Nov 21"."""
    if action.due is None:  # a close-out: no deadline, only the day it became the right call
        if action.opens.date() == at.date():
            return "open since today"
        return f"open since {action.opens:%b} {action.opens.day}"
    days = (action.due.date() - at.date()).days
    if action.due < at:
        late = at - action.due
        if late < timedelta(hours=1):
            return f"overdue since {action.due:%H:%M}"
        if late < timedelta(days=1):  # "9 hours overdue", not "1 day" for last night's step
            hours = int(late.total_seconds() // 3600)
            return "1 hour overdue" if hours == 1 else f"{hours} hours overdue"
        days = max(1, (at.date() - action.due.date()).days)
        return "1 day overdue" if days == 1 else f"{days} days overdue"
    if days == 0:
        return f"due today {action.due:%H:%M}"
    if days == 1:
        return f"due tomorrow {action.due:%H:%M}"
    return f"due in {days} days"


class DueReport:
    def __init__(self, at: datetime, actions: list[Action], apps: dict[str, ApplicationIn],
                 upcoming: Action | None):
        self.at = at
        self.actions = actions
        self.apps = apps
        self.upcoming = upcoming

    def as_json(self) -> list[dict]:
        out = []
        for a in self.actions:
            app = self.apps[a.application]
            out.append({
                "application": a.application,
                "employer": app.employer_name,
                "position": app.position,
                "action": str(a.name),
                "contact": a.contact_name,
                "channel": str(a.channel) if a.channel else None,
                "opens": a.opens.isoformat(),
                "due": a.due.isoformat() if a.due else None,
                "overdue": a.is_overdue(self.at),
                "reason": a.reason,
                "id": a.id,
                "template": a.template,
                "rule": a.rule,
                "alternatives": [str(x) for x in a.alternatives],
                "contact_key": a.contact,
            })
        return out

    def as_json_text(self) -> str:
        """The JSON array, one action per line (json's fast C encoder does not indent)."""
        import json

        items = [json.dumps(item, ensure_ascii=False) for item in self.as_json()]
        return "[\n  " + ",\n  ".join(items) + "\n]\n" if items else "[]\n"

    def as_text(self) -> str:
        if not self.actions:
            msg = f"Nothing to follow up on at {self.at:%a %b %d %H:%M}."
            if self.upcoming is not None:
                a = self.upcoming
                app = self.apps[a.application]
                msg += (f"\nNext: {ACTION_LABELS[a.name]} for {app.employer_name} "
                        f"({app.position}) opens {a.opens:%a %b %d %H:%M}.")
            return msg + "\n"
        rows = []
        for a in self.actions:
            app = self.apps[a.application]
            who = a.contact_name or "—"
            if a.channel:
                who += f" ({a.channel.replace('_', ' ')})"
            rows.append((relative_due(a, self.at), ACTION_LABELS[a.name], who,
                         f"{app.employer_name} — {app.position}", a.reason))
        head = ("WHEN", "NEXT STEP", "WITH", "EMPLOYER — POSITION")
        widths = [min(40, max(len(head[i]), *(len(r[i]) for r in rows))) for i in range(4)]

        def fit(text: str, width: int) -> str:
            return text if len(text) <= width else text[: width - 1] + "…"

        lines = ["  ".join(h.ljust(w) for h, w in zip(head, widths)).rstrip()]
        for r in rows:
            lines.append("  ".join(fit(c, w).ljust(w) for c, w in zip(r[:4], widths)).rstrip())
            lines.append("    " + r[4])
        n = len(self.actions)
        lines.append(f"{n} follow-up{'s' if n != 1 else ''} open at {self.at:%a %b %d %H:%M}.")
        return "\n".join(lines) + "\n"


def due_report(paths: DataPaths, at: datetime) -> DueReport:
    """What is due at `at` over the whole store, as the agenda answers it for every reader."""
    return _report(read_agenda(paths, at), at)


def due_report_from(con, at: datetime) -> DueReport:
    """`due_report` read through the sqlite3 connection `con`."""
    from .agenda import read_from

    con.execute("PRAGMA cache_size = -256")  # as `agenda.read`: one pass, a small page cache
    return _report(read_from(con, at), at)


def _report(agenda, at: datetime) -> DueReport:
    due = agenda.open_at(at)
    upcoming = None if due else agenda.upcoming(at)
    return DueReport(at, due, _named(agenda.apps, due, upcoming), upcoming)


def _named(apps, due: list[Action], upcoming: Action | None) -> dict[str, ApplicationIn]:
    """Of `apps`, the applications the report names: the rest is freed here, by reference
    counting, instead of being walked by the collector at exit."""
    shown = {a.application for a in due}
    if upcoming is not None:
        shown.add(upcoming.application)
    return {a.key: a for a in apps if a.key in shown}


# -- a large search read by two processes at once (store/halves.py) --------------------------

#: below this many applications a second reader costs more than it saves
HALVES_FROM = 1000


def due_split(con) -> int | None:
    """Where to split the applications between two readers: the row id up to which this
    process reads them, a little under half (it writes the answer too); None when there are too
    few to be worth it."""
    from .store.halves import split_at

    return split_at(con, "SELECT id FROM application WHERE archived = 0 ORDER BY id", HALVES_FROM, 9 / 20)


def _half(con, at: datetime, half) -> tuple[list[Action], Action | None, dict[str, ApplicationIn]]:
    from .agenda import read_from

    con.execute("PRAGMA cache_size = -256")
    agenda = read_from(con, at, half)
    due = agenda.open_at(at)
    upcoming = agenda.upcoming(at)
    return due, upcoming, _named(agenda.apps, due, upcoming)


def due_after(con, out, after: int, at: datetime) -> int:
    """The second reader's work: what is due at `at` among the applications above row id
    `after`, and the next to open, written to the binary file `out` (pickled, for
    `due_in_halves`); how many steps are due."""
    import pickle

    from .store.halves import halves_at

    due, upcoming, apps = _half(con, at, halves_at(after)[1])
    out.write(pickle.dumps((due, upcoming, apps), protocol=pickle.HIGHEST_PROTOCOL))
    return len(due)


def due_in_halves(split, after: int, at: datetime) -> DueReport:
    """`due_report` with the applications above row id `after` read by the second reader
    (`due_after`) over the same snapshot: the same answer, in the same order (the steps of equal
    urgency in the applications' order, as one reader computes them)."""
    import pickle

    from .playbook.engine import urgency_at, urgency_key
    from .store.halves import halves_at

    due, upcoming, apps = _half(split.con, at, halves_at(after)[0])
    split.finish()
    their_due, their_upcoming, their_apps = pickle.loads(b"".join(split.text()))
    due = sorted(due + their_due, key=urgency_at(at))  # stable: these applications' first
    if due:
        upcoming = None
    else:
        later = [a for a in (upcoming, their_upcoming) if a is not None]
        upcoming = min(later, key=lambda a: (a.opens, urgency_key(a))) if later else None
    return DueReport(at, due, _named([*apps.values(), *their_apps.values()], due, upcoming), upcoming)
