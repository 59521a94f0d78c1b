"""Every edit as an undoable command (Ctrl+Z / Ctrl+Shift+Z).

A command does its work once before it is pushed (`push`), so a refusal from the core (an
`ExchangeError` naming the field) reaches the caller with nothing stored and nothing on the
stack; Qt's own first call of `redo()` is then skipped. Undo and redo put records back exactly as
they were read (`store.records`), including the ids of events; the stage follows the events
(`playbook.stages`), so putting them back puts it back.
"""

from __future__ import annotations


from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QUndoCommand

from ..desktop.translations import shown
from ..playbook.model import Action
from ..store import records
from ..vocab import ACTIONS, EVENTS


translate = QCoreApplication.translate  # translate("Context", "…"): what pyside6-lupdate reads


def push(workspace, command: "Command") -> None:
    command.apply()  # may raise: then nothing is stored and the stack is untouched
    command.first = True
    workspace.undo_stack.push(command)


class Command(QUndoCommand):
    def __init__(self, workspace, text: str):
        super().__init__(text)
        self.ws = workspace
        self.first = False

    def redo(self):
        if self.first:  # done already, by push()
            self.first = False
            return
        self.apply()

    def apply(self):  # pragma: no cover - every command overrides it
        raise NotImplementedError

    def undo(self):  # pragma: no cover
        raise NotImplementedError


class LogEvent(Command):
    def __init__(self, workspace, application_key: str, event: dict, text: str | None = None):
        kind = event.get("kind")
        what = shown(EVENTS, kind) if kind in EVENTS else QCoreApplication.translate("commands", "event")
        label = text or QCoreApplication.translate("commands", "Log {0}").format(what.lower())
        super().__init__(workspace, label)
        self.key, self.event = application_key, dict(event)
        self.record: dict | None = None

    def apply(self):
        store = self.ws.store
        if self.record is None:
            event_id = store.log_event(self.key, self.event)
            self.record = records.event_record(store, event_id)
        else:
            records.restore_event(store, self.record)
        self.ws.refresh([self.key])

    def undo(self):
        records.delete_event(self.ws.store, self.record["id"])
        self.ws.refresh([self.key])


class EditEvent(Command):
    def __init__(self, workspace, event_id: int, values: dict):
        super().__init__(workspace, translate("commands", "Edit event"))
        self.event_id, self.values = event_id, values
        self.old = None

    def apply(self):
        store = self.ws.store
        if self.old is None:
            self.old = records.event_record(store, self.event_id)
        records.update_event(store, self.event_id, self.values)
        self.ws.refresh([self.old["application"]])

    def undo(self):
        store = self.ws.store
        with store.atomic():
            records.delete_event(store, self.event_id)
            records.restore_event(store, self.old)
        self.ws.refresh([self.old["application"]])


class DeleteEvent(Command):
    def __init__(self, workspace, event_id: int):
        super().__init__(workspace, translate("commands", "Delete event"))
        self.event_id = event_id
        self.old = None

    def apply(self):
        store = self.ws.store
        if self.old is None:
            self.old = records.event_record(store, self.event_id)
        records.delete_event(store, self.event_id)
        self.ws.refresh([self.old["application"]])

    def undo(self):
        records.restore_event(self.ws.store, self.old)
        self.ws.refresh([self.old["application"]])


class AddApplication(Command):
    def __init__(self, workspace, values: dict):
        super().__init__(workspace, translate("commands", "Add {0}").format(values.get("position", "")))
        self.values = dict(values)
        self.key: str | None = None
        self.created_employer: str | None = None

    def apply(self):
        store = self.ws.store
        values = dict(self.values)
        if self.created_employer:
            values["new_employer_key"] = self.created_employer
        values.setdefault("created", self.ws.now())
        self.values["created"] = values["created"]
        # a stage past "lead" is logged as the event that makes it so, at the dialog's date
        # ("Applied on"), so the clocks have something to count from
        self.key, self.created_employer = records.add_application(store, values, now=self.ws.now(), key=self.key)
        self.ws.refresh([self.key])

    def undo(self):
        records.delete_application(self.ws.store, self.key)
        if self.created_employer:
            records.delete_employer(self.ws.store, self.created_employer)
        self.ws.refresh([self.key])


class EditApplication(Command):
    def __init__(self, workspace, key: str, values: dict):
        super().__init__(workspace, translate("commands", "Edit {0}").format(values.get("position", "")))
        self.key, self.values = key, dict(values)
        self.old = None
        self.created_employer: str | None = None
        #: the event a change of stage logged (the stage follows the timeline), as stored
        self.staged: dict | None = None

    def apply(self):
        store = self.ws.store
        if self.old is None:
            self.old = records.application_record(store, self.key)
        values = dict(self.values)
        with store.atomic():
            if not values.get("employer_key"):
                # a new employer typed in the dialog: made here, and taken back by undo
                self.created_employer = records.add_employer(store, values["employer_name"], self.created_employer)
                values["employer_key"] = self.created_employer
            if self.staged is not None:
                # redo: the same event back, then the fields (the stage is there already)
                records.restore_event(store, self.staged)
            staged = records.update_application(store, self.key, values, now=self.ws.now())
            if staged is not None:
                self.staged = records.event_record(store, staged)
        self.ws.refresh([self.key])

    def undo(self):
        store = self.ws.store
        with store.atomic():
            if self.staged is not None:
                records.delete_event(store, self.staged["id"])  # the stage goes back with it
            now = records.application_record(store, self.key)
            records.update_application(store, self.key, {**self.old, "stage": now["stage"], "outcome": now["outcome"]})
            if self.created_employer:
                records.delete_employer(store, self.created_employer)
        self.ws.refresh([self.key])


class Archive(Command):
    def __init__(self, workspace, keys: list[str], label: str):
        super().__init__(workspace, translate("commands", "Archive {0}").format(label))
        self.keys = list(keys)

    def apply(self):
        with self.ws.store.atomic():
            for k in self.keys:
                records.set_archived(self.ws.store, k, True)
        self.ws.refresh(self.keys)

    def undo(self):
        with self.ws.store.atomic():
            for k in self.keys:
                records.set_archived(self.ws.store, k, False)
        self.ws.refresh(self.keys)


class EditContacts(Command):
    def __init__(self, workspace, employer_key: str, contacts: list[dict]):
        super().__init__(workspace, translate("commands", "Edit contacts"))
        self.employer, self.wanted = employer_key, contacts
        self.old = None
        self.stored = None

    def _keys(self):
        return [k for k, a in self.ws.applications().items() if a.employer_key == self.employer]

    def apply(self):
        store = self.ws.store
        if self.old is None:
            self.old = records.contacts(store, self.employer)
            gone = {c["key"] for c in self.old} - {c.get("key") for c in self.wanted}
            self.links = records.contact_links(store, gone)
            self.stored = records.replace_contacts(store, self.employer, self.wanted)
        else:
            self.stored = records.replace_contacts(store, self.employer, self.stored)
        self.ws.refresh(self._keys())

    def undo(self):
        records.replace_contacts(self.ws.store, self.employer, self.old, restore_links=self.links)
        self.ws.refresh(self._keys())


class SetActionState(Command):
    def __init__(self, workspace, action: Action, fields: dict):
        what = translate("commands", "Snooze") if "snoozed_until" in fields else translate("commands", "Dismiss") if "dismissed_at" in fields else translate("commands", "Mark done")
        super().__init__(workspace, f"{what} {shown(ACTIONS, action.name)}")
        self.action_id, self.app_key, self.fields = action.id, action.application, dict(fields)
        self.old: dict | None = None

    def apply(self):
        if self.old is None:
            state = self.ws.action_state(self.action_id)
            self.old = {n: getattr(state, n) if state else None for n in self.fields}
        self.ws.store.set_action_state(self.action_id, self.app_key, **self.fields)
        self.ws.refresh([self.app_key])

    def undo(self):
        self.ws.store.set_action_state(self.action_id, self.app_key, **self.old)
        self.ws.refresh([self.app_key])


__all__ = ["push", "LogEvent", "EditEvent", "DeleteEvent", "AddApplication", "EditApplication",
           "Archive", "EditContacts", "SetActionState"]
