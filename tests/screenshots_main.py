"""Screenshots of the main window for a person to look at (not a test: run it by hand).

    Xvfb :77 -screen 0 1400x900x24 &
    DISPLAY=:77 QT_QPA_PLATFORM=xcb python tests/screenshots_main.py /tmp/shots [dark]
"""

from __future__ import annotations

import json
import sys
from datetime import datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import screens  # noqa: E402


def sample(now: datetime) -> dict:
    d = lambda days, h=10: (now - timedelta(days=days)).replace(hour=h, minute=0, second=0, microsecond=0).isoformat()  # noqa: E731
    return {
        "format": "followup-desktop", "version": 1,
        "profile": {"name": "Jordan Lee", "email": "jordan@example.org"},
        "employers": [{"key": "acme", "name": "Acme Corp"}, {"key": "globex", "name": "Globex"},
                      {"key": "initech", "name": "Initech"}, {"key": "umbrella", "name": "Umbrella Health"}],
        "contacts": [{"key": "susan", "employer": "acme", "name": "Susan Smith", "role": "recruiter",
                      "email": "susan@acme.example"},
                     {"key": "raj", "employer": "acme", "name": "Raj Patel", "role": "hiring_manager"},
                     {"key": "mia", "employer": "globex", "name": "Mia Chen", "role": "hr"}],
        "applications": [
            {"key": "acme-om", "employer": "acme", "position": "Office Manager", "stage": "interviewing"},
            {"key": "acme-ea", "employer": "acme", "position": "Executive Assistant", "stage": "applied"},
            {"key": "globex-d", "employer": "globex", "position": "Dispatcher", "stage": "applied"},
            {"key": "initech-a", "employer": "initech", "position": "Analyst", "stage": "lead"},
            {"key": "umbrella-c", "employer": "umbrella", "position": "Coordinator", "stage": "closed",
             "outcome": "rejected"}],
        "events": [
            {"application": "acme-om", "kind": "applied", "at": d(20), "channel": "email",
             "subject": "Office Manager application — Jordan Lee"},
            {"application": "acme-om", "kind": "status_check", "at": d(12), "channel": "phone",
             "contacts": ["susan"], "outcome": "spoke"},
            {"application": "acme-om", "kind": "reply", "at": d(9), "outcome": "interview_invite",
             "contacts": ["susan"]},
            {"application": "acme-om", "kind": "interview", "at": d(1, 14), "duration_minutes": 60,
             "contacts": ["susan", "raj"], "key_points": {"susan": "relocation timeline", "raj": "the CRM migration"},
             "decision_expected": (now + timedelta(days=6)).date().isoformat(), "notes": "Panel went well; they asked about scheduling tools."},
            {"application": "acme-ea", "kind": "applied", "at": d(3), "channel": "portal"},
            {"application": "globex-d", "kind": "applied", "at": d(16), "channel": "portal"},
            {"application": "umbrella-c", "kind": "applied", "at": d(40), "channel": "portal"},
            {"application": "umbrella-c", "kind": "reply", "at": d(25), "outcome": "rejected", "encouraged": True},
        ],
    }


def main() -> None:
    shots = screens.start(sys.argv, fill=lambda f: f.write_text(json.dumps(sample(datetime.now()))))
    app, window, empty = shots.app, shots.window, shots.empty
    screens.fit(app, window)

    def shoot(name):
        screens.shoot_root(shots.out / f"{name}{shots.suffix}.png")

    def step():
        shoot("main")
        if not empty:
            window.select_application("acme-om")
            app.processEvents()
            shoot("main-selected")
            window.search.setText("glob")
            app.processEvents()
            shoot("main-search")
            window.search.clear()
            window.select_application("globex-d")
            window.archive_selected()
            window.show_filter("archived")
            app.processEvents()
            shoot("main-archived")
            window.show_filter("all")
            window.select_application("acme-om")
            window.open_help().move(300, 60)
            shoot("main-help")
        app.quit()

    screens.run(app, step, 600)


if __name__ == "__main__":
    main()
