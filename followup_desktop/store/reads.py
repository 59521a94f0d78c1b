"""What the windows read about one employer: its contacts and its whole timeline.

Plain SQL over a stdlib connection, like `snapshot`: the main window shows a timeline as soon as
the list is loaded, and that must not wait for the ORM (peewee and the models load with the
first write).
"""

from __future__ import annotations

import sqlite3
from datetime import date, datetime


def contacts(con: sqlite3.Connection, employer_key: str) -> list[dict]:
    """The employer's contacts, in the order they were added."""
    return [
        {"key": key, "name": name, "role": role, "email": email or "", "phone": phone or "", "notes": notes or ""}
        for key, name, role, email, phone, notes in con.execute(
            "SELECT c.key, c.name, c.role, c.email, c.phone, c.notes FROM contact c"
            " JOIN employer m ON m.id = c.employer_id WHERE m.key = ? ORDER BY c.id", (employer_key,))
    ]


def employer_timeline(con: sqlite3.Connection, employer_key: str) -> list[dict]:
    """Every event of every application at one employer, in time order, each with its people's
    names, the application's key and position: what the timeline draws."""
    rows = con.execute(
        "SELECT e.id, a.key, a.position, e.kind, e.at, e.channel, e.outcome, e.reason,"
        " e.duration_minutes, e.decision_expected, e.next_date, e.encouraged, e.subject, e.notes"
        " FROM event e JOIN application a ON a.id = e.application_id"
        " JOIN employer m ON m.id = a.employer_id WHERE m.key = ? ORDER BY e.at, e.id",
        (employer_key,),
    ).fetchall()
    people: dict[int, list] = {}
    for eid, key, name, point in con.execute(
        "SELECT ec.event_id, c.key, c.name, ec.key_point FROM event_contact ec"
        " JOIN contact c ON c.id = ec.contact_id JOIN event e ON e.id = ec.event_id"
        " JOIN application a ON a.id = e.application_id JOIN employer m ON m.id = a.employer_id"
        " WHERE m.key = ? ORDER BY ec.event_id, ec.position", (employer_key,),
    ):
        people.setdefault(eid, []).append((key, name, point))
    out = []
    for (eid, app_key, position, kind, at, channel, outcome, reason, minutes, decision, next_date,
         encouraged, subject, notes) in rows:
        who = people.get(eid, [])
        out.append({
            "id": eid, "application": app_key, "position": position, "kind": kind,
            "at": datetime.fromisoformat(at), "channel": channel, "outcome": outcome, "reason": reason,
            "duration_minutes": minutes, "decision_expected": decision and date.fromisoformat(decision),
            "next_date": next_date and date.fromisoformat(next_date), "encouraged": bool(encouraged),
            "subject": subject, "notes": notes or "",
            "contacts": [k for k, _, _ in who], "contact_names": [n for _, n, _ in who],
            "key_points": {k: p for k, _, p in who if p},
        })
    return out
