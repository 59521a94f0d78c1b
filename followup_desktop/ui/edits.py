"""The main window's edits: each opens its dialog and queues the command it gives.

New and edit application, the employer's contacts, the Log… forms, edit and delete of an event,
archive and restore, the settings and the first-run profile. Every write is a command run on the
write worker (`commands.push` through `workspace.run`); the views follow from the workspace's
one "changed" signal, so nothing here refreshes anything. What the window does once a write has
run (select the row, a line in the status bar) is the `done` callback; a refusal is one message
box naming what is wrong, with nothing stored.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QObject
from PySide6.QtWidgets import QMessageBox

from .listmodel import KEY_ROLE

translate = QCoreApplication.translate  # translate("Context", "…"): what pyside6-lupdate reads


def _commands():
    """The edit commands (and through them the store's record functions and the exchange
    rules), loaded at the first edit rather than before the window is painted."""
    from . import commands

    return commands


def _refusal():
    from ..exchange.validate import ExchangeError

    return ExchangeError


def run_dialog(dialog) -> bool:
    """Run a modal dialog; it is freed once the caller has read its values (deleteLater runs
    after this call returns to the event loop)."""
    accepted = bool(dialog.exec())
    dialog.deleteLater()
    return accepted


def alive(widget) -> bool:
    try:
        return widget.isVisible()
    except RuntimeError:  # deleted on close
        return False


class Edits(QObject):
    """The main window's edit commands: `window` is the `MainWindow` they act for."""

    def __init__(self, window):
        super().__init__(window)
        self.window = window
        self.workspace = window.workspace

    # -- queueing -----------------------------------------------------------------------------
    def _warn(self, title: str, exc) -> None:
        if alive(self.window):
            QMessageBox.warning(self.window, title, str(exc))

    def run(self, command, done=None) -> None:
        """Queue an edit; `done(command)` once it has run. A refusal is shown, nothing stored."""
        self.workspace.run(command, done=done,
                           refused=lambda exc: self._warn(translate("MainWindow", "Not saved"), exc))

    def refused(self, message: str) -> None:
        """A write queued by another window (or an undo) was refused: nothing was stored."""
        QMessageBox.warning(self.window, translate("MainWindow", "Not saved"), message)

    # -- applications -------------------------------------------------------------------------
    def new_application(self) -> None:
        from .dialogs import ApplicationDialog

        dialog = ApplicationDialog(self.workspace.employers(), None, self.window, now=self.workspace.now())
        if run_dialog(dialog):
            self.run(_commands().AddApplication(self.workspace, dialog.values()),
                     done=lambda command: self.window.select_application(command.key))

    def edit_application(self) -> None:
        from ..store import records
        from .dialogs import ApplicationDialog

        key = self.window.current_key()
        if key is None:
            return
        dialog = ApplicationDialog(self.workspace.employers(), records.application_record(self.workspace.store, key),
                                   self.window, now=self.workspace.now())
        if run_dialog(dialog):
            self.run(_commands().EditApplication(self.workspace, key, dialog.values()))

    def edit_contacts(self) -> None:
        from ..store import records
        from .dialogs import ContactsDialog

        key = self.window.current_key()
        app = self.workspace.application(key) if key else None
        if app is None:
            return
        contacts = self.workspace.contacts(app.employer_key)
        counts: dict[str, int] = {}
        for link in records.contact_links(self.workspace.store, [c["key"] for c in contacts]):
            counts[link["contact_key"]] = counts.get(link["contact_key"], 0) + 1
        dialog = ContactsDialog(app.employer_name, contacts, self.window, event_counts=counts)
        if run_dialog(dialog):
            self.run(_commands().EditContacts(self.workspace, app.employer_key, dialog.values()))

    def archive_selected(self) -> None:
        window = self.window
        keys = window.selected_keys()
        if not keys:
            return
        apps = self.workspace.applications()
        label = (apps[keys[0]].position if len(keys) == 1
                 else translate("MainWindow", "{0} applications").format(len(keys)))
        current = window.table.currentIndex()
        row = current.row() if current.isValid() else 0

        def archived(_command) -> None:
            # the row below takes the archived one's place in the selection
            if window.proxy.rowCount():
                index = window.proxy.index(min(row, window.proxy.rowCount() - 1), 0)
                window.select_application(window.proxy.data(index, KEY_ROLE))
            window.statusBar().showMessage(translate("MainWindow", "Archived {0}. Undo with Ctrl+Z.").format(label), 8000)

        self.run(_commands().Archive(self.workspace, keys, label), done=archived)

    def restore_archived(self, keys: list[str]) -> None:
        """Bring archived applications back (undoable: undo archives them again)."""
        window = self.window
        label = (translate("MainWindow", "1 application") if len(keys) == 1
                 else translate("MainWindow", "{0} applications").format(len(keys)))
        command = _commands().Restore(self.workspace, keys, label)
        command.setText(translate("MainWindow", "Restore {0}").format(label))

        def restored(_command) -> None:
            window.show_filter("all")
            window.select_application(keys[0])
            window.statusBar().showMessage(translate("MainWindow", "Restored {0}. Undo with Ctrl+Z.").format(label), 8000)

        self.run(command, done=restored)

    # -- events -------------------------------------------------------------------------------
    def contact_choices(self, employer_key: str) -> list[tuple[str, str, str]]:
        return [(c["key"], c["name"], c["role"]) for c in self.workspace.contacts(employer_key)]

    def log_form(self, form: str, initial: dict | None = None) -> None:
        from .dialogs import LogEventDialog

        key = self.window.current_key()
        app = self.workspace.application(key) if key else None
        if app is None:
            return
        dialog = LogEventDialog(form, self.contact_choices(app.employer_key), now=self.workspace.now(),
                                initial=initial, parent=self.window)
        if not run_dialog(dialog):
            return
        values, people = dialog.values(), dialog.new_contacts()

        def not_logged(exc) -> None:
            self._warn(translate("MainWindow", "Not logged"), exc)
        if people:
            # someone new met at the interview: the contacts and the event in one write, one
            # undo for both, nothing half done when refused
            self.workspace.run(_commands().LogWithPeople(
                self.workspace, key, app.employer_key, self.workspace.contacts(app.employer_key), people,
                values, dialog.windowTitle()), refused=not_logged)
            return
        try:
            self.workspace.log_event(key, values, refused=not_logged)
        except _refusal() as exc:
            not_logged(exc)

    def edit_event(self, event: dict) -> None:
        from .dialogs import LogEventDialog

        app = self.workspace.application(event["application"])
        if app is None:
            return
        initial = {k: v for k, v in event.items() if k not in ("contact_names", "position", "id", "application")}
        dialog = LogEventDialog(event["kind"], self.contact_choices(app.employer_key), now=self.workspace.now(),
                                initial=initial, parent=self.window)
        if not run_dialog(dialog):
            return
        if getattr(dialog, "deleted", False):
            self.run(_commands().DeleteEvent(self.workspace, event["id"]))
        else:
            self.run(_commands().EditEvent(self.workspace, event["id"], dialog.values()))

    # -- settings -----------------------------------------------------------------------------
    def _not_saved(self, exc) -> None:
        self._warn(translate("MainWindow", "Settings not saved"), exc)

    def open_settings(self) -> None:
        from .dialogs import SettingsDialog

        dialog = SettingsDialog(self.workspace.settings(), self.window)
        if not run_dialog(dialog):
            return
        try:
            self.workspace.save_settings(dialog.changes(), refused=self._not_saved)
        except ValueError as exc:
            self._not_saved(exc)

    def offer_first_run(self) -> bool:
        """On the first start (no applications, no profile), ask once for the name, email and
        phone that messages are signed with. Skipped or saved, it is not asked again. True when
        the dialog was shown (it is window-modal and does not block: the window's `first_run`)."""
        from . import state as window_files
        from .first_run import ASKED_KEY, FirstRunDialog, needs_profile

        window = self.window
        if not self.workspace.is_loaded or not window.isVisible():
            return False
        if window.ui_state().value(ASKED_KEY, False, type=bool):
            return False
        if not needs_profile(self.workspace.settings(), bool(self.workspace.applications())):
            return False
        window_files.remember(window.paths, ASKED_KEY)
        dialog = window.first_run = FirstRunDialog(window)

        def saved(_result) -> None:
            if alive(window):
                window.statusBar().showMessage(translate("MainWindow", "Saved. Your messages will be signed with it."), 8000)

        def done(result):
            if result and dialog.values():
                try:
                    self.workspace.save_settings(dialog.values(), done=saved, refused=self._not_saved)
                except ValueError as exc:
                    self._not_saved(exc)
            dialog.deleteLater()
        dialog.finished.connect(done)
        dialog.open()
        return True


__all__ = ["Edits", "run_dialog", "alive"]
