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

import json
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject, Qt
from PySide6.QtWidgets import QFileDialog, QMessageBox, QProgressDialog

from .operations import Cancelled, Changes, Operation, without_collector as _without_collector

translate = QCoreApplication.translate  # translate("Context", "…"): what pyside6-lupdate reads

#: a long operation shorter than this shows no progress dialog at all
SHOW_AFTER_MS = 300


def _import(store, path: Path, progress):
    from ..exchange.jsonfile import import_json

    return _without_collector(lambda: import_json(store, path, progress=progress))


def _export(store, path: Path, progress) -> Path:
    return _without_collector(lambda: _export_now(store, path, progress))


def _export_now(store, path: Path, progress) -> Path:
    from ..exchange.jsonfile import export_document
    from ..paths import write_private

    progress(0, 3)
    doc = export_document(store)
    progress(1, 3)
    text = json.dumps(doc, indent=2, ensure_ascii=False) + "\n"
    progress(2, 3)  # the last moment to stop: nothing is written before it
    write_private(path, text)
    return path


class ImportExport(QObject):
    """The main window's File → Import… and Export…."""

    def __init__(self, window):
        super().__init__(window)
        self.window = window
        self.workspace = window.workspace
        self.dialog: QProgressDialog | None = None

    # -- asking for the file ----------------------------------------------------------------
    def import_file(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self.window, translate("ImportExport", "Import a file"), "",
            ";;".join((translate("ImportExport", "Follow-up Desktop file, mail message or invitation (*.json *.eml *.ics)"),
                       translate("ImportExport", "Follow-up Desktop file (*.json)"),
                       translate("ImportExport", "Mail message (*.eml)"),
                       translate("ImportExport", "Calendar invitation (*.ics)"))))
        if path:
            self.start_import(Path(path))

    def export_file(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self.window, translate("ImportExport", "Export everything"), "followup-desktop.json",
                                              translate("ImportExport", "Follow-up Desktop file (*.json)"))
        if path:
            self.start_export(Path(path))

    # -- the operations ---------------------------------------------------------------------
    def start_import(self, path: Path) -> Operation | None:
        if path.suffix.lower() in (".eml", ".ics"):  # a message or an invitation: the Inbox's
            self.window.inbox.bring_in(path)
            return None
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

        op = Operation(translate("ImportExport", "Import {0}").format(path.name),
                       lambda store, progress: _import(store, path, progress),
                       Changes(everything=True), done=imported, refused=refused, long=True)
        self._start(translate("ImportExport", "Importing {0}…").format(path.name))
        return self.workspace.submit(op)

    def start_export(self, path: Path) -> Operation:
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
                       lambda store, progress: _export(store, path, progress),
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
