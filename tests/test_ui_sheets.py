"""Spreadsheets in the window: File → Import… with a `.csv` shows the mapping step (the first rows,
the field of each column, changeable, the date order when dates could be read either way, the
rows that would fail and the counts) before anything is written; the import runs on the write
worker with progress and Cancel; File → Export… writes CSV when a spreadsheet is chosen; the
application dialog shows and keeps the application's notes."""

from __future__ import annotations

import csv
import io
import json
from datetime import datetime

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QPushButton

import sheets as generator
from followup_desktop.exchange.jsonfile import export_document

NOW = datetime(2026, 11, 30, 9, 0)


@pytest.fixture
def now():
    """The moment of this module's window (conftest's `window` over its `workspace`)."""
    return NOW


def mapping(qtbot, window, path):
    """The mapping step for `path`, its first check shown."""
    dialog = window._import_export().open_file(path)
    qtbot.waitUntil(lambda: dialog.result_check is not None, timeout=10_000)
    return dialog


def recheck(qtbot, dialog, change):
    with qtbot.waitSignal(dialog.checked, timeout=10_000):
        change()


def import_now(qtbot, window, dialog):
    assert dialog.import_button.isEnabled()
    with qtbot.waitSignal(window.workspace.loaded, timeout=20_000):
        qtbot.mouseClick(dialog.import_button, Qt.LeftButton)


def stored(window):
    doc = export_document(window.workspace.store)
    names = {e["key"]: e["name"] for e in doc["employers"]}
    return doc, [(names[a["employer"]], a["position"], a["stage"], a["outcome"]) for a in doc["applications"]]


@pytest.mark.parametrize("name", list(generator.EXPECTED))
def test_each_shape_of_sheet_imports_through_the_mapping_step(name, qtbot, window, dump, warnings):
    before = dump(window.workspace.paths.database)
    dialog = mapping(qtbot, window, generator.FOLDER / name)
    expected = generator.EXPECTED[name]
    assert dialog.status.text().startswith(f"{len(expected)} applications will be added, 0 skipped")
    assert dialog.table.rowCount() == 1 + min(5, len(expected))
    assert [c.currentData() for c in dialog.combos] == dialog.result_check.sheet.fields
    assert dump(window.workspace.paths.database) == before  # checked, nothing written
    import_now(qtbot, window, dialog)
    assert stored(window)[1] == expected
    assert window.model.rowCount() == len(expected)
    assert warnings == []


def test_a_column_the_app_does_not_know_can_be_read_as_a_field(qtbot, window, tmp_path, warnings):
    path = tmp_path / "mine.csv"
    path.write_text("Firm,Job,When\nAcme Corp,Clerk,2026-11-02\n", encoding="utf-8")
    dialog = mapping(qtbot, window, path)
    assert "no column for the employer" in dialog.status.text()
    assert not dialog.import_button.isEnabled()
    labels = [dialog.table.horizontalHeaderItem(i).text() for i in range(3)]
    assert labels == ["Firm", "Job", "When"]
    assert [c.currentText() for c in dialog.combos] == ["Ignore", "Ignore", "Ignore"]
    from followup_desktop.ui.dialogs.common import set_combo_value

    recheck(qtbot, dialog, lambda: set_combo_value(dialog.combos[0], "employer"))
    assert "no column for the position" in dialog.status.text()
    recheck(qtbot, dialog, lambda: set_combo_value(dialog.combos[1], "position"))
    recheck(qtbot, dialog, lambda: set_combo_value(dialog.combos[2], "applied"))
    assert dialog.status.text() == "1 applications will be added, 0 skipped as already there."
    import_now(qtbot, window, dialog)
    doc, apps = stored(window)
    assert apps == [("Acme Corp", "Clerk", "applied", None)]
    assert [e["at"][:10] for e in doc["events"]] == ["2026-11-02"]
    assert warnings == []


def test_two_columns_read_as_one_field_are_refused_until_one_is_ignored(qtbot, window, tmp_path):
    from followup_desktop.ui.dialogs.common import set_combo_value

    path = tmp_path / "two.csv"
    path.write_text("Company,Title,Organization\nAcme Corp,Clerk,Acme Inc\n", encoding="utf-8")
    dialog = mapping(qtbot, window, path)
    assert dialog.combos[2].currentData() is None  # the second of two is ignored at first
    recheck(qtbot, dialog, lambda: set_combo_value(dialog.combos[2], "employer"))
    assert "Two columns are read as Employer" in dialog.status.text()
    assert not dialog.import_button.isEnabled()


def test_ambiguous_dates_list_their_rows_and_a_date_order_settles_them(qtbot, window, tmp_path, dump):
    path = tmp_path / "dates.csv"
    path.write_text("Company;Title;Date Applied\nAcme Corp;Clerk;3/4/2026\nBeta;Cook;25/4/2026\n"
                    "Gamma;Baker;13/14/2026\n", encoding="utf-8")
    before = dump(window.workspace.paths.database)
    dialog = mapping(qtbot, window, path)
    assert dialog.date_order.isVisibleTo(dialog)
    items = [dialog.problems.item(i).text() for i in range(dialog.problems.count())]
    assert items == ['row 2, column "Date Applied": "3/4/2026" could be month/day or day/month; '
                     'choose the order of the dates above',
                     'row 3, column "Date Applied": "25/4/2026" is not a date',
                     'row 4, column "Date Applied": "13/14/2026" is not a date']
    assert dialog.status.text().startswith("3 rows cannot be imported")
    assert not dialog.import_button.isEnabled()
    recheck(qtbot, dialog, lambda: dialog.date_order.setCurrentIndex(2))  # day first
    items = [dialog.problems.item(i).text() for i in range(dialog.problems.count())]
    assert items == ['row 4, column "Date Applied": "13/14/2026" is not a date']
    assert dump(window.workspace.paths.database) == before


def test_a_day_first_sheet_imports_with_its_dates_read_day_first(qtbot, window, tmp_path):
    path = tmp_path / "dates.csv"
    path.write_text("Company;Title;Date Applied\nAcme Corp;Clerk;3/4/26\nBeta;Cook;25/4/2026\n", encoding="utf-8")
    dialog = mapping(qtbot, window, path)
    recheck(qtbot, dialog, lambda: dialog.date_order.setCurrentIndex(2))
    import_now(qtbot, window, dialog)
    doc, _ = stored(window)
    assert sorted(e["at"][:10] for e in doc["events"]) == ["2026-04-03", "2026-04-25"]


def test_importing_a_sheet_again_finds_nothing_new(qtbot, window):
    import_now(qtbot, window, mapping(qtbot, window, generator.FOLDER / "jobsync.csv"))
    dialog = mapping(qtbot, window, generator.FOLDER / "jobsync.csv")
    assert dialog.status.text().startswith("Nothing new: all 5 rows are already in your data.")
    assert not dialog.import_button.isEnabled()


def test_cancel_halfway_through_a_sheet_import_changes_nothing(qtbot, window, dump, monkeypatch, warnings):
    from followup_desktop.exchange import jsonfile

    before = dump(window.workspace.paths.database)
    insert = jsonfile._insert

    def insert_then_cancel(con, record, rows, **kw):
        insert(con, record, rows, **kw)
        if record.name == "event":  # the events are in, inside the transaction: the user cancels
            window.workspace.operations.cancel()
    monkeypatch.setattr(jsonfile, "_insert", insert_then_cancel)
    dialog = mapping(qtbot, window, generator.FOLDER / "handmade.csv")
    with qtbot.waitSignal(window.workspace.operations.drained, timeout=10_000):
        qtbot.mouseClick(dialog.import_button, Qt.LeftButton)
    assert dump(window.workspace.paths.database) == before
    assert window.statusBar().currentMessage() == "Import cancelled: nothing changed."
    assert warnings == []


def test_cancel_in_the_mapping_step_writes_nothing(qtbot, window, dump):
    before = dump(window.workspace.paths.database)
    dialog = mapping(qtbot, window, generator.FOLDER / "handmade.csv")
    dialog.reject()
    qtbot.wait(50)
    assert window.workspace.operations.is_idle()
    assert dump(window.workspace.paths.database) == before


def test_file_export_writes_a_spreadsheet_when_one_is_chosen(qtbot, window, tmp_path, monkeypatch):
    from PySide6.QtWidgets import QFileDialog

    import_now(qtbot, window, mapping(qtbot, window, generator.FOLDER / "reactive-resume.csv"))
    target = tmp_path / "my-search"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(
        lambda *a, **kw: (str(target), "Spreadsheet, one row per application (*.csv)")))
    with qtbot.waitSignal(window.workspace.operations.drained, timeout=10_000):
        window.export_file()
    written = tmp_path / "my-search.csv"
    data = written.read_bytes()
    assert data.startswith(b"\xef\xbb\xbfEmployer,Position,Stage")
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig"), newline="")))
    assert [r[:4] for r in rows[1:]] == [["Blue Yonder Airlines", "Product Designer", "lead", ""],
                                         ["Coho Winery", "UX Researcher", "applied", ""],
                                         ["Margie's Travel", "Design Lead", "closed", "withdrawn"]]
    assert window.statusBar().currentMessage() == f"Exported to {written}"
    # and a name typed as .json with the JSON filter is an exchange file, as before
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(
        lambda *a, **kw: (str(tmp_path / "all.json"), "Follow-up Desktop file (*.json)")))
    with qtbot.waitSignal(window.workspace.operations.drained, timeout=10_000):
        window.export_file()
    assert json.loads((tmp_path / "all.json").read_text(encoding="utf-8"))["format"] == "followup-desktop"


def test_the_application_dialog_shows_and_keeps_the_notes_a_sheet_brought(qtbot, window):
    from followup_desktop.store import records
    from followup_desktop.ui.dialogs import ApplicationDialog

    import_now(qtbot, window, mapping(qtbot, window, generator.FOLDER / "handmade.csv"))
    store = window.workspace.store
    key = next(a for a in export_document(store)["applications"] if a["position"] == "Office Manager")["key"]
    initial = records.application_record(store, key)
    dialog = ApplicationDialog(window.workspace.employers(), initial, now=NOW)
    qtbot.addWidget(dialog)
    assert dialog.notes.toPlainText() == "Met Susan at the meetup;\nshe forwarded my CV"
    dialog.notes.setPlainText("Met Susan at the meetup.")
    values = dialog.values()
    assert values["notes"] == "Met Susan at the meetup."
    records.update_application(store, key, values, now=NOW)
    assert records.application_record(store, key)["notes"] == "Met Susan at the meetup."
