"""A job search with everything a message can say, shared by the wording tests (holds no tests)."""

from __future__ import annotations

import copy
import json
from pathlib import Path

APP = "acme-om"
INTERVIEW_AT = "2026-03-10T14:00:00"

FULL = {
    "format": "followup-desktop",
    "version": 1,
    "profile": {
        "name": "Jordan Lee", "email": "jordan@example.org", "phone": "+1 555 0100",
        "signature": "Jordan Lee\nlinkedin.example/in/jordanlee",
    },
    "employers": [{"key": "acme", "name": "Acme Corp"}],
    "contacts": [
        {"key": "susan", "employer": "acme", "name": "Susan Smith", "role": "recruiter",
         "email": "susan@acme.example", "phone": "+1 555 0101"},
        {"key": "raj", "employer": "acme", "name": "Raj Patel", "role": "hiring_manager",
         "email": "raj@acme.example", "phone": "+1 555 0102"},
        {"key": "ada", "employer": "acme", "name": "Dr. Ada Okafor", "role": "interviewer",
         "email": "ada@acme.example"},
    ],
    "applications": [
        {"key": APP, "employer": "acme", "position": "Office Manager", "source": "referral",
         "referred_by": "Maria Chen", "stage": "applied"},
    ],
    "events": [
        {"application": APP, "kind": "applied", "at": "2026-03-02T09:00:00", "channel": "email",
         "contacts": ["susan"], "subject": "Application: Office Manager, Jordan Lee"},
        {"application": APP, "kind": "interview", "at": INTERVIEW_AT, "contacts": ["raj", "ada"],
         "key_points": {"raj": "the spring office move", "ada": "how the team tracks supplier contracts"},
         "decision_expected": "2026-03-17"},
        {"application": APP, "kind": "reply", "at": "2026-03-18T10:00:00", "outcome": "no_decision",
         "next_date": "2026-03-25", "contacts": ["raj"]},
    ],
}


def sparse() -> dict:
    """The same search with little known: no profile, no key points, no decision date, an
    application sent through a portal (no subject line), no reply."""
    doc = copy.deepcopy(FULL)
    doc["profile"] = {}
    doc["applications"][0]["referred_by"] = ""
    doc["applications"][0]["source"] = "posting"
    doc["events"] = [
        {"application": APP, "kind": "applied", "at": "2026-03-02T09:00:00", "channel": "portal"},
        {"application": APP, "kind": "interview", "at": INTERVIEW_AT, "contacts": ["raj", "ada"]},
    ]
    return doc


def make_store(tmp_path: Path, doc: dict | None = None):
    from followup_desktop.exchange.jsonfile import import_json
    from followup_desktop.store import Store

    tmp_path.mkdir(parents=True, exist_ok=True)
    src = tmp_path / "search.json"
    src.write_text(json.dumps(doc or FULL, ensure_ascii=False), encoding="utf-8")
    store = Store(tmp_path / "data")
    import_json(store, src)
    return store
