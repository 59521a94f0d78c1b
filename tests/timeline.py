"""A small builder for application timelines, so engine tests read like the user's story."""

from __future__ import annotations

from datetime import date, datetime

from followup_desktop.playbook import ApplicationIn, ContactIn, EventIn, compute_actions, compute_all
from followup_desktop.settings import Settings

SUSAN = ("susan", "Susan Smith", "recruiter")
RAJ = ("raj", "Raj Patel", "hiring_manager")
HANNA = ("hanna", "Hanna Berg", "hr")


def dt(text: str) -> datetime:
    return datetime.fromisoformat(text)


def d(text: str) -> date:
    return date.fromisoformat(text)


class Timeline:
    def __init__(self, key="acme-om", employer="Acme Corp", position="Office Manager",
                 contacts=(SUSAN, RAJ), employer_key="acme", **app_fields):
        self.app = ApplicationIn(
            key=key, employer_key=employer_key, employer_name=employer, position=position,
            contacts={k: ContactIn(k, n, r) for k, n, r in contacts}, **app_fields,
        )

    def log(self, kind: str, at: str, **fields) -> "Timeline":
        for name in ("decision_expected", "next_date"):
            if isinstance(fields.get(name), str):
                fields[name] = d(fields[name])
        if "contacts" in fields:
            fields["contacts"] = tuple(fields["contacts"])
        self.app.events.append(EventIn(dt(at), kind, **fields))
        self.app.events.sort(key=lambda e: e.at)  # stable: same-time events keep logging order
        return self

    def actions(self, now: str, settings: Settings | None = None, **kw):
        return compute_actions(self.app, settings or Settings(), dt(now), **kw)

    def names(self, now: str, settings: Settings | None = None, **kw):
        return sorted(str(a.name) for a in self.actions(now, settings, **kw))

    def open_names(self, now: str, settings: Settings | None = None, **kw):
        """Only the actions whose window is open at `now`."""
        return sorted(str(a.name) for a in self.actions(now, settings, **kw) if a.opens <= dt(now))

    def one(self, name: str, now: str, settings: Settings | None = None, **kw):
        found = [a for a in self.actions(now, settings, **kw) if a.name == name]
        assert len(found) == 1, f"expected one {name}, got {[a.name for a in self.actions(now, settings, **kw)]}"
        return found[0]


__all__ = ["Timeline", "SUSAN", "RAJ", "HANNA", "dt", "d", "compute_all", "Settings"]
