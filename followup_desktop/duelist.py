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
    agenda = read_agenda(paths, at)
    due = agenda.open_at(at)
    upcoming = None if due else agenda.upcoming(at)
    # Keep only the applications the report names: the rest is freed here, by reference
    # counting, instead of being walked by the collector at exit.
    shown = {a.application for a in due}
    if upcoming is not None:
        shown.add(upcoming.application)
    return DueReport(at, due, {a.key: a for a in agenda.apps if a.key in shown}, upcoming)
