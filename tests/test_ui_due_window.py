"""The first window, driven with pytest-qt on a real data dir: what is due shows up, most urgent
first; an empty data dir says what to do next."""

from __future__ import annotations

import json
from datetime import datetime, timedelta

from followup_desktop.cli import main
from followup_desktop.paths import DataPaths

from followup_desktop.ui.app import DueModel, MainWindow


def _import(tmp_path, doc) -> DataPaths:
    f = tmp_path / "leads.json"
    f.write_text(json.dumps(doc))
    data = tmp_path / "data"
    assert main(["--data-dir", str(data), "import", str(f)]) == 0
    return DataPaths(data)


def _recent_leads(now: datetime) -> dict:
    yesterday = (now - timedelta(days=1)).replace(hour=14, minute=0, second=0, microsecond=0)
    return {
        "format": "followup-desktop", "version": 1,
        "employers": [{"key": "acme", "name": "Acme Corp"}, {"key": "globex", "name": "Globex"}],
        "contacts": [{"key": "susan", "employer": "acme", "name": "Susan Smith", "role": "recruiter"},
                     {"key": "raj", "employer": "acme", "name": "Raj Patel", "role": "hiring_manager"}],
        "applications": [
            {"key": "acme-om", "employer": "acme", "position": "Office Manager", "stage": "interviewing"},
            {"key": "globex-d", "employer": "globex", "position": "Dispatcher", "stage": "applied"}],
        "events": [
            {"application": "acme-om", "kind": "interview", "at": yesterday.isoformat(),
             "contacts": ["susan", "raj"], "key_points": {"susan": "relocation", "raj": "the CRM"}},
            {"application": "globex-d", "kind": "applied", "at": (now - timedelta(days=40)).isoformat(timespec="seconds")},
        ],
    }


def _shown(qtbot, paths):
    window = MainWindow(paths)
    qtbot.addWidget(window)
    window.show()
    with qtbot.waitSignal(window._signals.loaded, timeout=10_000):
        window.reload()
    return window


def _rows(window):
    proxy = window.proxy
    return [[proxy.index(r, c).data() for c in range(proxy.columnCount())] for r in range(proxy.rowCount())]


def test_the_window_lists_what_is_due_most_urgent_first(qtbot, tmp_path):
    paths = _import(tmp_path, _recent_leads(datetime.now()))
    window = _shown(qtbot, paths)
    rows = _rows(window)
    # the 40-day-old application's status check is overdue and comes first; the interview
    # yesterday afternoon asks for a thank-you (on time or late, by the hour) per interviewer
    assert [r[DueModel.STEP] for r in rows][0] == "Status check"
    assert rows[0][DueModel.WHEN].endswith("overdue")
    people = sorted(r[DueModel.WITH] for r in rows if r[DueModel.EMPLOYER] == "Acme Corp")
    assert people == ["Raj Patel", "Susan Smith"]
    assert window.windowTitle() == f"Follow-up Desktop — {len(rows)} due"
    assert window.stack.currentWidget() is window.table


def test_an_empty_data_dir_says_how_to_start(qtbot, tmp_path):
    window = _shown(qtbot, DataPaths(tmp_path / "empty").ensure())
    assert window.stack.currentWidget() is window.message
    assert "No applications yet" in window.message.text()
    assert window.windowTitle() == "Follow-up Desktop"


def test_the_window_remembers_its_size_in_the_data_dir(qtbot, tmp_path):
    paths = DataPaths(tmp_path / "d").ensure()
    window = _shown(qtbot, paths)
    window.resize(700, 420)
    window.close()
    again = _shown(qtbot, paths)
    assert (again.width(), again.height()) == (700, 420)
    assert (paths.root / "window-state.ini").stat().st_mode & 0o777 == 0o600
