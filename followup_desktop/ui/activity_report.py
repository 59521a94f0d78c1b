"""File → Activity report…: the dialog (period, format, paper), the save dialog, then the report
read and written on the write worker with the import's and export's progress and Cancel
(`import_export.py`); the file is written only at the very end, so Cancel leaves none."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QDialog, QFileDialog, QMessageBox

from .operations import Cancelled, Changes, Operation

translate = QCoreApplication.translate


def suggested_name(start: date, end: date, suffix: str) -> str:
    return f"activity-report-{start.isoformat()}-to-{end.isoformat()}{suffix}"


def make_report(store, start: date, end: date, suffix: str, paper: str, path: Path, at, progress):
    """Read the period's rows and write them to `path` (on the write worker)."""
    from ..desktop.translations import shown
    from ..report import read_report, write_csv

    progress(0, 1)
    report = read_report(store.connection, start, end, now=at, shown=shown)
    if suffix == ".csv":
        progress(1, 1)
        write_csv(report, path)
    else:
        from .report_pdf import write_pdf

        write_pdf(report, path, paper=paper, progress=progress)
    return report


class ActivityReport:
    """The main window's File → Activity report…."""

    def __init__(self, window):
        self.window = window
        self.workspace = window.workspace

    def ask(self) -> Operation | None:
        from .dialogs.report import ReportDialog
        from .report_pdf import default_paper

        dialog = ReportDialog(self.workspace.now().date(), default_paper(), self.window)
        if dialog.exec() != QDialog.Accepted:
            return None
        start, end, suffix, paper = dialog.choice()
        kind = (translate("ActivityReport", "PDF (*.pdf)") if suffix == ".pdf"
                else translate("ActivityReport", "Spreadsheet (*.csv)"))
        name, _ = QFileDialog.getSaveFileName(self.window, translate("ActivityReport", "Save the activity report"),
                                              suggested_name(start, end, suffix), kind)
        if not name:
            return None
        path = Path(name)
        if path.suffix.lower() != suffix:
            path = path.with_name(path.name + suffix)
        return self.start(start, end, suffix, paper, path)

    def start(self, start: date, end: date, suffix: str, paper: str, path: Path) -> Operation:
        progress_owner = self.window._import_export()  # the one progress dialog, with Cancel
        window = self.window

        def written(report) -> None:
            progress_owner._finish()
            window.statusBar().showMessage(translate(
                "ActivityReport", "Activity report saved to {0}: {1} contacts from {2} to {3}").format(
                    path, len(report.rows), start.isoformat(), end.isoformat()), 8000)

        def refused(exc) -> None:
            progress_owner._finish()
            if isinstance(exc, Cancelled):
                window.statusBar().showMessage(translate("ActivityReport", "Report cancelled: no file written."), 8000)
                return
            QMessageBox.warning(window, translate("ActivityReport", "No report written"), str(exc))

        at = self.workspace.now()
        op = Operation(translate("ActivityReport", "Activity report"),
                       lambda store, progress: make_report(store, start, end, suffix, paper, path, at, progress),
                       Changes(), done=written, refused=refused, long=True)
        progress_owner._start(translate("ActivityReport", "Writing the activity report…"))
        return self.workspace.operations.submit(op)


__all__ = ["ActivityReport", "make_report", "suggested_name"]
