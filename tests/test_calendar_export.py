"""The calendar export (CONTRACT.md, "Calendar (ICS)"): the follow-ups a person sees in the list
and the interviews ahead, as events a calendar program reads, read back here with `icalendar`."""

from __future__ import annotations

import json
from datetime import datetime, timedelta, timezone

import pytest
from icalendar import Calendar

from followup_desktop import __version__, cli
from followup_desktop.exchange.ics import export_ics
from followup_desktop.paths import DataPaths

#: a Monday morning in March 2026
NOW = datetime(2026, 3, 9, 9, 0)
UTC = timezone.utc

EMPLOYERS = [{"key": "acme", "name": "Acme Corp"}, {"key": "initech", "name": "Initech"},
             {"key": "globex", "name": "Globex"}, {"key": "umbrella", "name": "Umbrella"}]
CONTACTS = [{"key": "susan", "employer": "acme", "name": "Susan Smith", "role": "recruiter"},
            {"key": "bill", "employer": "initech", "name": "Bill Lumbergh", "role": "hiring_manager"},
            {"key": "hank", "employer": "globex", "name": "Hank Scorpio", "role": "hiring_manager"},
            {"key": "tom", "employer": "globex", "name": "Tom Lee", "role": "interviewer"}]


def search(*, interviewed: str = "2026-03-08T14:00:00", planned: str = "2026-03-12T10:30:00", **top) -> dict:
    """Acme: interviewed yesterday (a thank-you and a debrief open). Initech: turned down with
    encouragement (a feedback request, later a check-in). Globex: an interview ahead, with two
    people. Umbrella: applied long ago, archived."""
    return {
        "format": "followup-desktop", "version": 1, **top,
        "employers": EMPLOYERS, "contacts": CONTACTS,
        "applications": [
            {"key": "acme-om", "employer": "acme", "position": "Office Manager", "stage": "applied"},
            {"key": "initech-tps", "employer": "initech", "position": "TPS Clerk", "stage": "applied"},
            {"key": "globex-ops", "employer": "globex", "position": "Operations Lead", "stage": "applied"},
            {"key": "umbrella-lab", "employer": "umbrella", "position": "Lab Assistant", "stage": "applied",
             "archived": True},
        ],
        "events": [
            {"application": "acme-om", "kind": "applied", "at": "2026-03-02T09:00:00", "channel": "portal"},
            {"application": "acme-om", "kind": "interview", "at": interviewed, "duration_minutes": 45,
             "contacts": ["susan"], "channel": "in_person"},
            {"application": "initech-tps", "kind": "applied", "at": "2026-02-20T09:00:00", "channel": "email"},
            {"application": "initech-tps", "kind": "reply", "at": "2026-03-05T10:00:00", "outcome": "rejected",
             "encouraged": True, "contacts": ["bill"]},
            {"application": "globex-ops", "kind": "applied", "at": "2026-03-03T11:00:00", "channel": "email"},
            {"application": "globex-ops", "kind": "interview", "at": planned, "duration_minutes": 90,
             "contacts": ["hank", "tom"], "channel": "in_person"},
            {"application": "umbrella-lab", "kind": "applied", "at": "2026-02-02T09:00:00", "channel": "email"},
        ],
    }


def events_of(path) -> dict[str, dict]:
    """The calendar file's events by UID, each as the plain values a calendar program shows."""
    cal = Calendar.from_ical(path.read_bytes())
    out = {}
    for ev in cal.walk("VEVENT"):
        out[str(ev["UID"])] = {"summary": str(ev["SUMMARY"]), "description": str(ev["DESCRIPTION"]),
                               "start": ev.decoded("DTSTART"), "end": ev.decoded("DTEND"),
                               "transp": str(ev.get("TRANSP"))}
    return out


def export(data_dir, out, at=NOW):
    export_ics(DataPaths(data_dir), out, at=at)
    return events_of(out)


def test_each_open_step_is_an_event_from_its_opening_to_its_due_time_named_for_the_step_and_person(
        seed, data_dir, tmp_path):
    seed(search())
    events = export(data_dir, tmp_path / "cal.ics")
    thanks = events["acme-om|thank_you|2026-03-08T14:00:00|susan@followup-desktop"]
    assert thanks["summary"] == "Thank-you note — Susan Smith (Acme Corp)"
    assert thanks["description"].startswith("You interviewed with Susan Smith yesterday")
    # the interview ended at 14:45; the note is due 24 hours later (the test's zone is UTC)
    assert (thanks["start"], thanks["end"]) == (datetime(2026, 3, 8, 14, 45, tzinfo=UTC),
                                                datetime(2026, 3, 9, 14, 45, tzinfo=UTC))
    assert thanks["transp"] == "TRANSPARENT"  # a reminder, not a busy hour
    debrief = events["acme-om|debrief|2026-03-08T14:00:00@followup-desktop"]
    assert debrief["summary"] == "Write down the interview — Acme Corp"  # no person: the employer


def test_the_calendar_holds_what_the_list_shows_and_nothing_of_archived_applications(
        seed, data_dir, tmp_path, workspace):
    seed(search())
    workspace.load()
    events = export(data_dir, tmp_path / "cal.ics")
    steps = {uid for uid in events if "|interview|" not in uid}
    assert steps == {f"{a.id}@followup-desktop" for a in workspace.actions()}
    assert not any(uid.startswith("umbrella-lab") for uid in events)  # archived: its status check is not there
    # Initech turned the application down: only the courtesy steps the list offers are left
    assert sorted(uid.split("|")[1] for uid in events if uid.startswith("initech-tps")) == \
        ["check_in", "feedback_request"]


def test_a_planned_interview_is_a_busy_event_of_its_length_with_everyone_named(seed, data_dir, tmp_path):
    seed(search())
    events = export(data_dir, tmp_path / "cal.ics")
    [(uid, interview)] = [(u, e) for u, e in events.items() if "|interview|" in u]
    assert uid.startswith("globex-ops|interview|") and uid.endswith("@followup-desktop")
    assert interview["summary"] == "Interview — Hank Scorpio, Tom Lee (Globex)"
    assert interview["description"] == "Interview with Hank Scorpio, Tom Lee for Operations Lead at Globex."
    assert (interview["start"], interview["end"]) == (datetime(2026, 3, 12, 10, 30, tzinfo=UTC),
                                                      datetime(2026, 3, 12, 12, 0, tzinfo=UTC))
    assert interview["transp"] == "OPAQUE"
    # Acme's interview is over: it is a thank-you now, not an event of its own
    assert not any(u.startswith("acme-om|interview|") for u in events)


def test_a_closed_application_has_no_interview_in_the_calendar(seed, data_dir, tmp_path, dataset):
    doc = search()
    doc["events"].append({"application": "globex-ops", "kind": "closed", "at": "2026-03-06T09:00:00",
                          "reason": "withdrawn"})
    seed(doc)
    events = export(data_dir, tmp_path / "cal.ics")
    assert not any("|interview|" in u for u in events)
    # what is left of Globex is the withdrawal note the list offers
    assert [u.split("|")[1] for u in events if u.startswith("globex-ops")] == ["withdrawal_note"]


def test_a_step_that_opens_more_than_90_days_ahead_is_not_in_the_calendar_yet(seed, data_dir, tmp_path):
    seed(search(settings={"check_in_every_days": 120}))  # Initech's check-in: in 116 days
    events = export(data_dir, tmp_path / "cal.ics")
    assert [u.split("|")[1] for u in events if u.startswith("initech-tps")] == ["feedback_request"]
    seed(search(), into=tmp_path / "default")  # every 30 days: in 26 days
    events = export(tmp_path / "default", tmp_path / "cal2.ics")
    assert "check_in" in [u.split("|")[1] for u in events if u.startswith("initech-tps")]


def test_a_step_with_no_due_time_lasts_half_an_hour(seed, data_dir, tmp_path):
    seed(search())
    later = datetime(2026, 4, 30, 9, 0)  # Acme has gone quiet since the interview: close it out?
    events = export(data_dir, tmp_path / "cal.ics", at=later)
    [close] = [e for u, e in events.items() if u.startswith("acme-om|close_out|")]
    assert close["summary"] == "Close this lead? — Acme Corp"
    assert close["end"] - close["start"] == timedelta(minutes=30)


def test_the_uids_stay_the_same_from_one_export_to_the_next(seed, data_dir, tmp_path):
    seed(search())
    first = export(data_dir, tmp_path / "one.ics")
    second = export(data_dir, tmp_path / "two.ics", at=NOW + timedelta(hours=2))
    assert len(first) >= 5
    assert set(first) == set(second)
    assert {u: e["start"] for u, e in first.items()} == {u: e["start"] for u, e in second.items()}


def test_the_calendar_names_the_app_and_its_version_and_is_private(seed, data_dir, tmp_path):
    seed(search())
    out = tmp_path / "cal.ics"
    export(data_dir, out)
    cal = Calendar.from_ical(out.read_bytes())
    assert str(cal["PRODID"]) == f"-//Follow-up Desktop//followup-desktop {__version__}//EN"
    assert str(cal["VERSION"]) == "2.0"
    assert out.stat().st_mode & 0o777 == 0o600
    assert list(tmp_path.glob(".cal.ics*")) == []  # written through a temporary file, then renamed


# -- across a daylight-saving change ------------------------------------------------------------

def test_a_thank_you_due_across_the_spring_change_ends_23_real_hours_after_it_opens(
        local_zone, seed, data_dir, tmp_path):
    """Europe/Berlin springs forward on 2026-03-29 at 02:00: an interview ending at 16:00 CET
    (15:00 UTC) on the Saturday gets its note due at 16:00 CEST (14:00 UTC) on the Sunday."""
    seed(search(interviewed="2026-03-28T15:15:00", planned="2026-10-26T10:00:00"))
    events = export(data_dir, tmp_path / "cal.ics", at=datetime(2026, 3, 28, 18, 0))
    thanks = events["acme-om|thank_you|2026-03-28T15:15:00|susan@followup-desktop"]
    assert thanks["start"] == datetime(2026, 3, 28, 15, 0, tzinfo=UTC)
    assert thanks["end"] == datetime(2026, 3, 29, 14, 0, tzinfo=UTC)


def test_an_interview_after_the_autumn_change_keeps_its_local_time(local_zone, seed, data_dir, tmp_path):
    """After 2026-10-25 Berlin is UTC+1 again: 10:00 on the Monday after is 09:00 UTC, where
    10:00 on the Friday before would have been 08:00 UTC."""
    seed(search(planned="2026-10-26T10:00:00"))
    events = export(data_dir, tmp_path / "cal.ics", at=datetime(2026, 10, 23, 9, 0))
    [interview] = [e for u, e in events.items() if "|interview|" in u]
    assert interview["start"] == datetime(2026, 10, 26, 9, 0, tzinfo=UTC)
    assert interview["end"] == datetime(2026, 10, 26, 10, 30, tzinfo=UTC)


# -- the command line and the window ------------------------------------------------------------

def relative_search(now: datetime) -> dict:
    """The search of `search()`, moved to end now (the command line exports at the real time)."""
    shift = now.replace(microsecond=0) - NOW
    doc = search()
    for e in doc["events"]:
        e["at"] = (datetime.fromisoformat(e["at"]) + shift).isoformat()
    return doc


def test_export_to_an_ics_file_on_the_command_line(data_dir, tmp_path, write_json, capsys):
    code = cli.main(["--data-dir", str(data_dir), "import", str(write_json(relative_search(datetime.now())))])
    assert code == 0
    out = tmp_path / "followups.ics"
    code = cli.main(["--data-dir", str(data_dir), "export", str(out)])
    printed, err = capsys.readouterr()
    events = events_of(out)
    assert (code, err) == (0, "")
    assert printed.strip().endswith(f"exported {len(events)} calendar events "
                                    f"(follow-ups of the next 90 days and planned interviews) to {out}")
    assert "Thank-you note — Susan Smith (Acme Corp)" in {e["summary"] for e in events.values()}
    code = cli.main(["--data-dir", str(data_dir), "due", "--json"])
    due = json.loads(capsys.readouterr()[0])
    assert {f"{d['id']}@followup-desktop" for d in due} <= set(events)


def test_file_export_writes_a_calendar_when_the_name_says_ics(qtbot, seed, data_dir, tmp_path, clock):
    from followup_desktop.ui.main_window import MainWindow
    from followup_desktop.ui.workspace import Workspace

    seed(search())
    ws = Workspace(DataPaths(data_dir), clock=clock)
    ws.load()
    window = MainWindow(ws)
    qtbot.addWidget(window)
    try:
        target = tmp_path / "followups.ics"
        with qtbot.waitSignal(ws.operations.drained, timeout=10_000):
            window._import_export().start_export(target)
        assert window.statusBar().currentMessage() == f"Exported to {target}"
        assert events_of(target) == export(data_dir, tmp_path / "same.ics")
    finally:
        ws.close()


def test_file_export_refuses_a_name_it_cannot_write_before_queueing_anything(qtbot, window, tmp_path, monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    shown = []
    monkeypatch.setattr(QMessageBox, "warning", staticmethod(lambda parent, title, text: shown.append((title, text))))
    assert window._import_export().start_export(tmp_path / "search.xlsx") is None
    assert shown == [("Not exported", "search.xlsx: cannot export to .xlsx; choose a .json, .csv or .ics file")]
    assert window.workspace.operations.is_idle() and not (tmp_path / "search.xlsx").exists()


@pytest.mark.parametrize("typed, chosen, written", [
    ("followups", "Calendar, follow-ups and interviews (*.ics)", "followups.ics"),
    ("backup", "Follow-up Desktop file (*.json)", "backup.json"),
    ("backup.ics", "Follow-up Desktop file (*.json)", "backup.ics"),  # the name's suffix wins
    ("sheet", "Spreadsheet, one row per application (*.csv)", "sheet.csv"),
    # the offered name, left as it was: the format chosen decides
    ("followup-desktop.json", "Calendar, follow-ups and interviews (*.ics)", "followup-desktop.ics"),
    ("followup-desktop.json", "Spreadsheet, one row per application (*.csv)", "followup-desktop.csv"),
])
def test_the_save_dialogs_format_gives_a_bare_name_its_suffix(typed, chosen, written, qtbot):
    from followup_desktop.ui.import_export import _export_filters, chosen_path

    assert chosen_path(f"/tmp/{typed}", chosen, _export_filters()).name == written


def test_the_calendar_export_reports_its_progress_and_cancel_writes_no_file(qtbot, seed, data_dir, tmp_path, clock):
    import threading

    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QPushButton

    from followup_desktop.ui.main_window import MainWindow
    from followup_desktop.ui.operations import Operation
    from followup_desktop.ui.workspace import Workspace

    seed(search())
    ws = Workspace(DataPaths(data_dir), clock=clock)
    ws.load()
    window = MainWindow(ws)
    qtbot.addWidget(window)
    try:
        steps = []
        ws.operations.progress.connect(lambda done, total: steps.append((done, total)))
        with qtbot.waitSignal(ws.operations.drained, timeout=10_000):
            window._import_export().start_export(tmp_path / "one.ics")
        assert steps == [(0, 3), (1, 3), (2, 3)]
        opened = threading.Event()
        ws.submit(Operation("gate", lambda store, _p: opened.wait(10)))  # the worker held: Cancel comes first
        target = tmp_path / "two.ics"
        window._import_export().start_export(target)
        (cancel,) = [b for b in window.import_export.dialog.findChildren(QPushButton) if b.text() == "Cancel"]
        with qtbot.waitSignal(ws.operations.drained, timeout=10_000):
            qtbot.mouseClick(cancel, Qt.LeftButton)
            opened.set()
        assert not target.exists() and list(tmp_path.glob(".two.ics*")) == []
        assert window.statusBar().currentMessage() == "Export cancelled: no file written."
    finally:
        ws.close()


def test_long_lines_with_escapes_and_accents_are_folded_exactly_as_icalendar_folds_them():
    import random

    from followup_desktop.exchange import ics

    at = datetime(2026, 3, 10, 9, 0)
    pick = random.Random(7)
    texts = ["", "short", "x" * 74, "x" * 75, "y" * 73 + "\\n", "z" * 72 + ";;" + "z" * 80,
             "Thank-you note — Susan Smith (Acme Corp) " * 3, "é" * 40, "€" * 30 + "a\\b^c" * 20,
             "😀" * 25, "line one\nline two, with a comma; and a semicolon " * 4]
    texts += ["".join(pick.choice("ab ^\\;,:\"\n—éü€😀") for _ in range(pick.randint(0, 250)))
              for _ in range(300)]
    entries = [ics.CalendarEntry(f"app-{i}|step|2026-03-0{i % 9 + 1}T10:00:00@followup-desktop",
                                 at + timedelta(hours=i), at + timedelta(hours=i, minutes=30),
                                 text, texts[-1 - i], busy=i % 2 == 0)
               for i, text in enumerate(texts)]
    data = ics.calendar_bytes(entries, at)
    assert data == ics.build_calendar(entries, at).to_ical()
    assert all(len(line) <= 75 for line in data.split(b"\r\n"))
    read = Calendar.from_ical(data).walk("VEVENT")
    assert [str(c["SUMMARY"]) for c in read] == [e.summary.replace("\r\n", "\n") for e in entries]
