"""An import writes its rows with plain SQL (`exchange.jsonfile`): ids given up front, empty
columns bound as text and stored as NULL, moments given in the stored form stored as given.
What lands in the file is what the app itself stores for the same record through its models:
the same values of the same SQLite types, NULL where the models leave NULL."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from followup_desktop import records as R
from followup_desktop.paths import DataPaths
from followup_desktop.store import Store


def read_only(path: Path) -> sqlite3.Connection:
    return sqlite3.connect(f"{Path(path).resolve().as_uri()}?mode=ro", uri=True)


EVENTS = [
    {"kind": "applied", "at": "2026-03-02T09:00", "channel": "portal"},
    {"kind": "interview", "at": "2026-03-10T14:00:00", "channel": "in_person", "duration_minutes": 45,
     "contacts": ["susan"], "key_points": {"susan": "The rota.\nAnd the budget."},
     "decision_expected": "2026-03-17", "notes": "Went well."},
    {"kind": "thank_you", "at": "2026-03-10T18:30:15", "channel": "email", "contacts": ["susan"],
     "subject": "Thank you"},
    {"kind": "follow_up", "at": "2026-03-12T10:00", "channel": "phone", "outcome": "left_message"},
    {"kind": "reply", "at": "2026-03-20T11:00", "channel": "email", "outcome": "rejected", "encouraged": True,
     "next_date": "2026-06-01"},
]


def _event_rows(db) -> list[tuple]:
    """Every event's columns (but its id) with their SQLite types, in the order they were stored."""
    columns = [f.sql for f in R.EVENT.stored]
    picked = ", ".join(f"typeof({c}), {c}" for c in columns)
    con = read_only(db)
    try:
        return con.execute(f"SELECT {picked} FROM event ORDER BY id").fetchall()
    finally:
        con.close()


def _links(db) -> list[tuple]:
    con = read_only(db)
    try:
        return con.execute("SELECT e.kind, c.key, l.position, l.key_point FROM event_contact l "
                           "JOIN event e ON e.id = l.event_id JOIN contact c ON c.id = l.contact_id "
                           "ORDER BY l.event_id, l.position").fetchall()
    finally:
        con.close()


def test_an_imported_timeline_is_stored_as_the_app_stores_the_same_events_logged_by_hand(
        tmp_path, seed, dataset):
    imported = seed(dataset(EVENTS, stage="closed", outcome="rejected"), into=tmp_path / "imported")

    # The same application, its events logged one by one through the store (the models).
    logged = seed(dataset([], stage="lead"), into=tmp_path / "logged")
    store = Store(DataPaths(logged))
    try:
        for event in EVENTS:
            store.log_event("acme-om", {k: v for k, v in event.items()})
    finally:
        store.close()

    by_import, by_hand = DataPaths(imported).database, DataPaths(logged).database
    assert _event_rows(by_import) == _event_rows(by_hand)
    assert _links(by_import) == _links(by_hand)
    rows = _event_rows(by_import)
    at = [f.sql for f in R.EVENT.stored].index("at")
    # a time given without its seconds is stored with them, one given in full as it was given
    assert [r[2 * at + 1] for r in rows][:3] == ["2026-03-02T09:00:00", "2026-03-10T14:00:00", "2026-03-10T18:30:15"]


def test_a_second_import_numbers_its_records_after_those_there_and_refers_to_them(tmp_path, seed, dataset, dump):
    target = seed(dataset([{"kind": "applied", "at": "2026-03-02T09:00"}]), into=tmp_path / "data")
    more = dataset([{"application": "acme-clerk", "kind": "applied", "at": "2026-04-01T09:00", "contacts": ["susan"]}],
                   employers=[], contacts=[],
                   applications=[{"key": "acme-clerk", "employer": "acme", "position": "Clerk", "stage": "applied"}])
    seed(more, into=target)
    con = read_only(DataPaths(target).database)
    try:
        apps = con.execute("SELECT a.id, a.key, e.key FROM application a JOIN employer e ON e.id = a.employer_id "
                           "ORDER BY a.id").fetchall()
        events = con.execute("SELECT v.id, a.key FROM event v JOIN application a ON a.id = v.application_id "
                             "ORDER BY v.id").fetchall()
        links = con.execute("SELECT event_id, contact_id FROM event_contact").fetchall()
    finally:
        con.close()
    assert apps == [(1, "acme-om", "acme"), (2, "acme-clerk", "acme")]
    assert events == [(1, "acme-om"), (2, "acme-clerk")]
    assert links == [(2, 1)]
