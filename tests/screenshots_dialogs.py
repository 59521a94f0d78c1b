"""Screenshots of every editing dialog (each log form too), in a light and a dark palette, with
some messages showing, for a person to look at. Not a test (pytest does not collect it).

    Xvfb :94 -screen 0 1280x800x24 &
    DISPLAY=:94 QT_QPA_PLATFORM=xcb /tmp/venv/bin/python tests/screenshots_dialogs.py [OUT_DIR]

Writes /tmp/dialogs-<name>-<light|dark>.png (or into OUT_DIR) and prints the paths.
"""

from __future__ import annotations

import sys
from datetime import date, datetime
from pathlib import Path

from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QStyleFactory

sys.path.insert(0, str(Path(__file__).resolve().parent))
import screens  # noqa: E402

from followup_desktop.settings import Settings
from followup_desktop.ui.dialogs import LOG_FORMS, ApplicationDialog, ContactsDialog, LogEventDialog, SettingsDialog

NOW = datetime(2026, 3, 10, 15, 30)
EMPLOYERS = [("acme", "Acme Corp"), ("globex", "Globex"), ("initech", "Initech")]
CONTACTS = [("susan", "Susan Smith", "recruiter"), ("raj", "Raj Patel", "hiring_manager"),
            ("ana", "Ana Lima", "interviewer")]


def shoot(dialog, name: str, theme: str, out: Path) -> Path:
    path = screens.shoot(dialog, out / f"dialogs-{name}-{theme}.png")
    dialog.done(0)
    dialog.deleteLater()
    screens.wait(50)
    return path


def scenes():
    """(name, make) pairs; make() returns a dialog in the state to photograph."""

    def app_new():
        d = ApplicationDialog(EMPLOYERS)
        d.employer.setEditText("Wayne Enterprises")
        QTest.keyClicks(d.position, "Office Manager")
        d.posting_closes.setText("2026-13-45")
        d.ok_button.click()  # refused: shows the date message
        return d

    def app_edit():
        return ApplicationDialog(EMPLOYERS, {
            "employer_key": "acme", "employer_name": "Acme Corp", "position": "Office Manager",
            "source": "referral", "referred_by": "Susan Smith", "posting_url": "https://acme.example/jobs/1",
            "posting_closes": date(2026, 3, 20), "stage": "closed", "outcome": "rejected"})

    def contacts():
        d = ContactsDialog("Acme Corp", [
            {"key": "susan", "name": "Susan Smith", "role": "recruiter", "email": "susan@acme.example", "phone": "+1 555 0101"},
            {"key": "raj", "name": "Raj Patel", "role": "hiring_manager", "email": "raj at acme", "phone": ""}])
        d.ok_button.click()  # refused: Raj's email
        return d

    def contacts_empty():
        return ContactsDialog("Globex", [])

    yield "application-new", app_new
    yield "application-edit", app_edit
    yield "contacts", contacts
    yield "contacts-empty", contacts_empty
    for kind in LOG_FORMS:
        def make(kind=kind):
            d = LogEventDialog(kind, CONTACTS, now=NOW)
            if kind == "interview":
                d.picker.boxes["susan"].setChecked(True)
                d.picker.boxes["raj"].setChecked(True)
                d.picker.points["susan"].setText("Relocation in May")
                d.decision.setText("next friday")
                d.ok_button.click()
            if kind == "reply":
                from followup_desktop.ui.dialogs.common import set_combo_value
                set_combo_value(d.outcome, "rejected")
                d.encouraged.setChecked(True)
            return d
        yield f"log-{kind}", make

    def edit_call():
        return LogEventDialog("call", CONTACTS, now=NOW, initial={
            "kind": "status_check", "at": datetime(2026, 3, 14, 10, 0), "channel": "phone",
            "outcome": "left_message", "contacts": ["susan"], "notes": "Asked for Susan; call back Monday."})

    yield "log-call-edit-future", edit_call

    def interview_new_person():
        d = LogEventDialog("interview", CONTACTS, now=NOW)
        d.picker.boxes["susan"].setChecked(True)
        d.new_name.setText("Priya Raman")
        d._add_person()
        d.picker.points["new-interviewer-1"].setText("the warehouse move")
        from PySide6.QtCore import QDateTime
        from datetime import timedelta
        d.at.setDateTime(QDateTime(NOW + timedelta(days=3)))  # planned ahead
        return d

    yield "log-interview-new-person", interview_new_person

    def first_run():
        from followup_desktop.ui.first_run import FirstRunDialog

        d = FirstRunDialog()
        d.edits["profile_name"].setText("Jordan Lee")
        return d

    yield "first-run", first_run

    def help_window():
        from followup_desktop.ui.help import HelpWindow

        return HelpWindow(Settings({"thank_you_due_hours": 12}), Path("/home/jordan/.local/share/followup-desktop"))

    yield "help", help_window

    def settings_pages():
        for page in range(6):
            def make(page=page):
                d = SettingsDialog(Settings({"nudge_after_days": 10}))
                d.tabs.setCurrentIndex(page)
                if page == 0:
                    d.entries["profile_name"].editor.setText("Jordan Lee")
                if page == 4:
                    d.entries["quiet_hours_start"].editor.setText("25:00")
                    d.entries["quiet_hours_start"].field.validate()
                if page == 3:
                    box = d.entries["nudge_after_days"].editor
                    box.lineEdit().selectAll()
                    QTest.keyClicks(box, "99")
                return d
            yield f"settings-{page}", make

    yield from settings_pages()


def main() -> int:
    out = Path(sys.argv[1]) if len(sys.argv) > 1 else Path("/tmp")
    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setStyle(QStyleFactory.create("Fusion"))
    light = app.style().standardPalette()
    paths = []
    for theme, palette in (("light", light), ("dark", screens.dark_palette())):
        app.setPalette(palette)
        for name, make in scenes():
            paths.append(shoot(make(), name, theme, out))
    for p in paths:
        print(p)
    return 0


if __name__ == "__main__":
    sys.exit(main())
