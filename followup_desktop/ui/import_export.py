"""Import and export from the main window: operations on the write worker, with progress and
Cancel.

An import is one transaction: Cancel (or a refusal) rolls it back and the data stays as it was;
when it has run, everything is read again (`Changes(everything=True)`: the undo history, which
may speak of what the import replaced, is dropped). An export writes its file only at the very
end, so Cancel leaves no file behind. The window stays responsive throughout: the progress
dialog is window-modal, so nothing else is edited meanwhile, but the list and the timeline go on
painting and the clock goes on.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject, Qt
from PySide6.QtWidgets import QDialog, QFileDialog, QMessageBox, QProgressDialog

from .operations import Cancelled, Changes, Operation, without_collector as _without_collector

translate = QCoreApplication.translate  # translate("Context", "…"): what pyside6-lupdate reads

#: a long operation shorter than this shows no progress dialog at all
SHOW_AFTER_MS = 300


def _import(store, path: Path, progress):
    from ..exchange.jsonfile import IMPORT_STEPS, import_json, let_go
    from ..exchange.validate import load_file

    def run():
        progress(0, IMPORT_STEPS)
        doc = load_file(path)
        try:
            return import_json(store, path, doc, progress=progress)
        finally:  # the file's records let go a slice at a time, the window running between
            if isinstance(doc, dict):
                let_go(*(v for v in doc.values() if isinstance(v, list)))
    return _without_collector(run)


def _import_sheet(store, path: Path, fields, date_format, now, progress):
    from ..exchange.sheet import import_sheet, read_sheet

    def read():
        progress(0, 8)
        sheet = read_sheet(path, date_format=date_format, fields=fields)
        progress(1, 8)
        return import_sheet(store, sheet, now=now, progress=progress)
    return _without_collector(read)


def _export(store, path: Path, progress, at=None) -> Path:
    """Write `path` in the format its suffix names (`EXPORTERS`)."""
    write = EXPORTERS.get(path.suffix.lower())
    if write is None:
        raise ValueError(cannot_export(path))
    return _without_collector(lambda: write(store, path, progress, at))


def _export_csv(store, path: Path, progress, at=None) -> Path:
    from ..exchange.sheet_export import export_sheet

    progress(0, 2)
    export_sheet(store.connection, path, at=at, progress=progress)
    return path


def _export_json(store, path: Path, progress, at=None) -> Path:
    from ..exchange.jsonfile import export_json

    export_json(store, path, progress)  # Cancel stops it before the file is in place
    return path


def _export_ics(store, path: Path, progress, at=None) -> Path:
    from ..exchange.ics import export_ics

    export_ics(store.paths, path, at=at, check=False, progress=progress)
    return path


#: what File → Export… writes, by the file's suffix
EXPORTERS = {".json": _export_json, ".csv": _export_csv, ".ics": _export_ics}

#: the name the save dialog offers
DEFAULT_NAME = "followup-desktop.json"


def cannot_export(path: Path) -> str:
    return translate("ImportExport", "{0}: cannot export to {1}; choose a .json, .csv or .ics file").format(
        path.name, path.suffix or translate("ImportExport", "a file without an extension"))


def _export_filters() -> list[tuple[str, str]]:
    """The save dialog's formats: (filter, suffix), the first the default."""
    return [(translate("ImportExport", "Follow-up Desktop file (*.json)"), ".json"),
            (translate("ImportExport", "Spreadsheet, one row per application (*.csv)"), ".csv"),
            (translate("ImportExport", "Calendar, follow-ups and interviews (*.ics)"), ".ics")]


def chosen_path(name: str, chosen_filter: str, filters: list[tuple[str, str]]) -> Path:
    """The file to write: a name without a suffix gets the chosen format's, and so does the
    offered name left as it was (`followup-desktop.json` with the calendar chosen is meant as a
    calendar); any other suffix the user typed wins."""
    path = Path(name)
    suffix = dict(filters).get(chosen_filter, filters[0][1])
    if not path.suffix:
        return path.with_name(path.name + suffix)
    if path.name == DEFAULT_NAME:
        return path.with_suffix(suffix)
    return path


class ImportExport(QObject):
    """The main window's File → Import… and Export…."""

    def __init__(self, window):
        super().__init__(window)
        self.window = window
        self.workspace = window.workspace
        self.dialog: QProgressDialog | None = None
        #: the mapping step of a spreadsheet, while it is open
        self.mapping = None

    # -- asking for the file ----------------------------------------------------------------
    def import_file(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self.window, translate("ImportExport", "Import a file"), "",
            ";;".join((translate("ImportExport", "Follow-up Desktop file, spreadsheet, mail message or invitation "
                                                 "(*.json *.csv *.eml *.ics)"),
                       translate("ImportExport", "Follow-up Desktop file (*.json)"),
                       translate("ImportExport", "Spreadsheet saved as CSV (*.csv)"),
                       translate("ImportExport", "Mail message (*.eml)"),
                       translate("ImportExport", "Calendar invitation (*.ics)"))))
        if path:
            self.open_file(Path(path))

    def open_file(self, path: Path):
        """Import `path`: a spreadsheet goes through its mapping step first."""
        if path.suffix.lower() == ".csv":
            return self.map_sheet(path)
        return self.start_import(path)

    def export_file(self) -> None:
        filters = _export_filters()
        path, chosen = QFileDialog.getSaveFileName(self.window, translate("ImportExport", "Export everything"),
                                                   DEFAULT_NAME, ";;".join(f for f, _ in filters))
        if path:
            self.start_export(chosen_path(path, chosen, filters))

    # -- the operations ---------------------------------------------------------------------
    def start_import(self, path: Path) -> Operation | None:
        if path.suffix.lower() in (".eml", ".ics"):  # a message or an invitation: the Inbox's
            self.window.inbox.bring_in(path)
            return None
        return self._submit_import(path, lambda store, progress: _import(store, path, progress))

    def _submit_import(self, path: Path, run) -> Operation:
        def imported(summary) -> None:
            self._finish()
            # said once everything is read again (a reload clears the status line)
            message = translate("ImportExport", "Imported: {0}").format(summary)

            def say(keys) -> None:
                if keys is None:  # everything, read again: the window has shown it
                    self.workspace.changed.disconnect(say)
                    self.window.statusBar().showMessage(message, 8000)
            self.workspace.changed.connect(say)

        def refused(exc) -> None:
            self._finish()
            if isinstance(exc, Cancelled):
                self.window.statusBar().showMessage(
                    translate("ImportExport", "Import cancelled: nothing changed."), 8000)
                return
            QMessageBox.warning(self.window, translate("ImportExport", "Nothing imported"),
                                translate("ImportExport", "{0} was not imported, and nothing changed:\n{1}").format(path.name, exc))

        op = Operation(translate("ImportExport", "Import {0}").format(path.name), run,
                       Changes(everything=True), done=imported, refused=refused, long=True)
        self._start(translate("ImportExport", "Importing {0}…").format(path.name))
        return self.workspace.submit(op)

    def map_sheet(self, path: Path):
        """The mapping step (`sheet_import.SheetImportDialog`): checked on a worker, nothing
        written; Import then runs the import on the write worker."""
        from .sheet_import import SheetImportDialog

        dialog = SheetImportDialog(path, self.workspace.paths.database, self.workspace.now(), self.window)
        dialog.setAttribute(Qt.WA_DeleteOnClose)
        self.mapping = dialog

        def decided(result: int) -> None:
            self.mapping = None
            if result == QDialog.Accepted:
                fields, date_format = dialog.choice()
                self.start_sheet_import(path, fields, date_format)
        dialog.finished.connect(decided)
        dialog.open()
        return dialog

    def start_sheet_import(self, path: Path, fields=None, date_format: str | None = None) -> Operation:
        now = self.workspace.now()
        return self._submit_import(path, lambda store, progress: _import_sheet(
            store, path, fields, date_format, now, progress))

    def start_export(self, path: Path) -> Operation | None:
        if path.suffix.lower() not in EXPORTERS:  # said now: nothing is queued
            QMessageBox.warning(self.window, translate("ImportExport", "Not exported"), cannot_export(path))
            return None
        at = self.workspace.now()

        def exported(_path) -> None:
            self._finish()
            self.window.statusBar().showMessage(translate("ImportExport", "Exported to {0}").format(path), 8000)

        def refused(exc) -> None:
            self._finish()
            if isinstance(exc, Cancelled):
                self.window.statusBar().showMessage(translate("ImportExport", "Export cancelled: no file written."), 8000)
                return
            QMessageBox.warning(self.window, translate("ImportExport", "Not exported"), str(exc))

        op = Operation(translate("ImportExport", "Export to {0}").format(path.name),
                       lambda store, progress: _export(store, path, progress, at),
                       Changes(), done=exported, refused=refused, long=True)
        self._start(translate("ImportExport", "Exporting to {0}…").format(path.name))
        return self.workspace.submit(op)

    # -- progress ---------------------------------------------------------------------------
    def _start(self, label: str) -> None:
        self._finish()
        dialog = self.dialog = QProgressDialog(label, translate("ImportExport", "Cancel"), 0, 0, self.window)
        dialog.setObjectName("operationProgress")
        dialog.setWindowTitle(self.window.windowTitle())
        dialog.setWindowModality(Qt.WindowModal)
        dialog.setMinimumDuration(SHOW_AFTER_MS)
        dialog.setAutoClose(False)
        dialog.setAutoReset(False)
        dialog.canceled.connect(self.cancel)
        self.workspace.operations.progress.connect(self._progress)
        dialog.setValue(0)

    def _progress(self, done: int, total: int) -> None:
        if self.dialog is not None:
            self.dialog.setMaximum(total)
            self.dialog.setValue(done)

    def cancel(self) -> None:
        """Stop the import or export under way: its data stays as it was."""
        if self.dialog is not None:
            self.dialog.setLabelText(translate("ImportExport", "Cancelling…"))
        self.workspace.operations.cancel()

    def _finish(self) -> None:
        if self.dialog is None:
            return
        try:
            self.workspace.operations.progress.disconnect(self._progress)
        except (RuntimeError, TypeError):
            pass
        dialog, self.dialog = self.dialog, None
        dialog.canceled.disconnect(self.cancel)
        dialog.reset()
        dialog.deleteLater()


__all__ = ["ImportExport"]
