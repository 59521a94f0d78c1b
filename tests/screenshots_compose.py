"""Screenshots of the compose window on each channel (email, phone script, handwritten note,
short message), its questions (a gap left, an edited draft closed), after logging, and of the
template editor, in a light and a dark palette, for a person to look at. Not a test (pytest
does not collect it).

    Xvfb :92 -screen 0 1366x768x24 &
    DISPLAY=:92 QT_QPA_PLATFORM=xcb .venv/bin/python tests/screenshots_compose.py [OUT_DIR]

At 2x: a 2732x1536 screen and QT_SCALE_FACTOR=2.

Writes /tmp/compose-<name>-<light|dark>.png (or into OUT_DIR) and prints the paths.
"""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QStyleFactory

sys.path.insert(0, str(Path(__file__).resolve().parent))
import screens  # noqa: E402

from followup_desktop.exchange.jsonfile import import_json
from followup_desktop.paths import DataPaths
from followup_desktop.ui.compose import ComposeWindow
from followup_desktop.ui.template_editor import TemplateEditor
from followup_desktop.ui.workspace import Workspace

NOW = datetime(2026, 3, 10, 16, 0)

DOC = {
    "format": "followup-desktop", "version": 1,
    "profile": {"name": "Jordan Lee", "email": "jordan@example.org", "phone": "+1 555 0100", "employed": False},
    "employers": [{"key": "acme", "name": "Acme Corp"}],
    "contacts": [
        {"key": "susan", "employer": "acme", "name": "Susan Smith", "role": "recruiter",
         "email": "susan@acme.example", "phone": "+1 555 0101"},
        {"key": "raj", "employer": "acme", "name": "Raj Patel", "role": "hiring_manager"},
    ],
    "applications": [{"key": "acme-office-manager", "employer": "acme", "position": "Office Manager",
                      "source": "posting", "stage": "interviewing"}],
    "events": [
        {"application": "acme-office-manager", "kind": "applied", "at": "2026-03-02T09:00:00", "channel": "portal"},
        {"application": "acme-office-manager", "kind": "interview", "at": "2026-03-10T14:00:00",
         "duration_minutes": 60, "contacts": ["susan", "raj"], "decision_expected": "2026-03-24",
         "key_points": {"susan": "the new filing system"}},
    ],
}


def shoot(window, name: str, theme: str, out: Path, after=None) -> Path:
    if after is not None:
        # a question opens over the window once it is on screen
        window.move(20, 20)
        window.show()
        screens.wait(100)
        after(window)
    question = getattr(window, "question", None)
    if question is not None:
        # raised after the window (screens.shoot raises the window itself: no window manager
        # keeps the question on top)
        QTimer.singleShot(150, question.raise_)
    path = screens.shoot(window, out / f"compose-{name}-{theme}.png")
    ratio = window.devicePixelRatio()
    if ratio != 1:
        # screens.shoot crops in logical pixels; at QT_SCALE_FACTOR=2 the screen has twice as many
        g = window.frameGeometry()
        crop = f"{round(g.width() * ratio)}x{round(g.height() * ratio)}+{round(g.x() * ratio)}+{round(g.y() * ratio)}"
        subprocess.run(["import", "-window", "root", "-crop", crop, str(path)], check=True)
    if hasattr(window, "discard"):
        window.discard()  # a screenshot's draft is nobody's: close without asking
    else:
        window.close()
    screens.wait(50)
    return path


def workspace(tmp: Path) -> Workspace:
    ws = Workspace(DataPaths(tmp / "data"), clock=lambda: NOW)
    src = tmp / "leads.json"
    src.write_text(json.dumps(DOC), encoding="utf-8")
    import_json(ws.store, src)
    ws.load()
    return ws


def scenes(ws: Workspace):
    thanks = next(a for a in ws.actions() if a.name == "thank_you" and a.contact == "susan")
    thanks_raj = next(a for a in ws.actions() if a.name == "thank_you" and a.contact == "raj")

    def email():
        return ComposeWindow(ws, action=thanks)

    def email_missing():
        # Raj's key point was never written down: the window asks for it
        return ComposeWindow(ws, action=thanks_raj)

    def phone():
        return ComposeWindow(ws, application_key="acme-office-manager", situation="status_check",
                             contact_key="susan")

    def letter():
        w = ComposeWindow(ws, action=thanks)
        w.tabs.setCurrentIndex(w.tabs.count() - 1)
        return w

    def message():
        w = ComposeWindow(ws, application_key="acme-office-manager", situation="check_in", contact_key="susan")
        w.tabs.setCurrentIndex(1)
        return w

    def logged():
        w = ComposeWindow(ws, action=thanks)
        w.mark_sent()
        return w

    def edited():
        w = ComposeWindow(ws, action=thanks)
        w.body_edit.appendPlainText("\nA line of my own.")
        return w

    def profile():
        # no name in the profile yet: Fill in asks for it and offers to keep it
        ws.save_settings({"profile_name": ""})
        w = ComposeWindow(ws, action=thanks)
        ws.save_settings({"profile_name": "Jordan Lee"})
        return w

    def editor():
        return TemplateEditor(ws, template_id="nudge.email.1")

    return [("email", email, None), ("email-missing", email_missing, None),
            ("gap-question", email_missing, lambda w: w.mark_sent()), ("phone", phone, None),
            ("letter", letter, None), ("message", message, None), ("logged", logged, None),
            ("close-question", edited, lambda w: w.close()), ("fill-profile", profile, None),
            ("templates", editor, None)]


def main(argv: list[str]) -> int:
    out = Path(argv[1]) if len(argv) > 1 else Path("/tmp")
    app = QApplication(argv[:1])
    app.setStyle(QStyleFactory.create("Fusion"))
    light = app.palette()
    paths = []
    for theme, palette in (("light", light), ("dark", screens.dark_palette())):
        app.setPalette(palette)
        with tempfile.TemporaryDirectory() as tmp:
            ws = workspace(Path(tmp))
            for name, make, after in scenes(ws):
                paths.append(shoot(make(), name, theme, out, after))
                if name == "logged":
                    ws.undo_stack.undo()
            ws.close()
    for p in paths:
        print(p)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
