"""Every edit as an undoable command (Ctrl+Z / Ctrl+Shift+Z), recorded as operations.

A command says what to write (`apply(store)`), how to take it back (`revert(store)`) and what it
changes (`changes()`); both run on the write worker (`operations.py`), never on the GUI thread.
`push` submits the first `apply` and puts the command on the undo stack only once it has run, so
a refusal from the core (an `ExchangeError` naming the field) reaches the `refused` callback with
nothing stored and nothing on the stack; Qt's own first call of `redo()` is then skipped. Later
`redo()`/`undo()` calls submit `apply`/`revert` again, in order behind any write still in flight.
Undo and redo put records back exactly as they were read (`store.records`), including the ids of
events; the stage follows the events (`playbook.stages`), so putting them back puts it back.
"""

from __future__ import annotations

from typing import Callable

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QUndoCommand

from ..desktop.translations import shown
from ..playbook.model import Action
from ..store import records
from ..vocab import ACTIONS, EVENTS
from .operations import Changes, Operation

translate = QCoreApplication.translate  # translate("Context", "…"): what pyside6-lupdate reads


def push(workspace, command: "Command", *, done: Callable[["Command"], None] | None = None,
         refused: Callable[[BaseException], None] | None = None) -> Operation:
    """Run `command` for the first time on the write worker; once it has run, it goes on the undo
    stack and `done(command)` follows. Refused: `refused(exc)`, nothing stored, nothing pushed."""

    def pushed(_result) -> None:
        command.first = True
        workspace.undo_stack.push(command)
        if done is not None:
            done(command)

    return workspace.submit(Operation(command.text(), lambda store, _p: command.apply(store),
                                      lambda _r: command.changes(), done=pushed,
                                      refused=refused or workspace.report_refusal))


class Command(QUndoCommand):
    def __init__(self, workspace, text: str):
        super().__init__(text)
        self.ws = workspace
        self.first = False

    def redo(self):
        if self.first:  # done already, by push()
            self.first = False
            return
        self._submit(self.apply)

    def undo(self):
        self._submit(self.revert)

    def _submit(self, step) -> None:
        self.ws.submit(Operation(self.text(), lambda store, _p: step(store), lambda _r: self.changes(),
                                 refused=self.ws.report_refusal))

    # -- what a command is (run on the write worker) ------------------------------------------
    def apply(self, store):  # pragma: no cover - every command overrides it
        raise NotImplementedError

    def revert(self, store):  # pragma: no cover
        raise NotImplementedError

    def changes(self) -> Changes:  # pragma: no cover
        raise NotImplementedError


class _LogStep:
    """Log one event; take it back by its id; put it back exactly as it was."""

    def __init__(self, application_key: str, event: dict):
        self.key, self.event = application_key, dict(event)
        self.record: dict | None = None

    def apply(self, store):
        if self.record is None:
            event_id = store.log_event(self.key, self.event)
            self.record = records.event_record(store, event_id)
        else:
            records.restore_event(store, self.record)

    def revert(self, store):
        records.delete_event(store, self.record["id"])

    def changes(self) -> Changes:
        return Changes.of([self.key])


class _ContactsStep:
    """Replace an employer's contacts; take it back with the events' links as they were."""

    def __init__(self, employer_key: str, contacts: list[dict]):
        self.employer, self.wanted = employer_key, contacts
        self.old = None
        self.stored = None

    def apply(self, store):
        if self.old is None:
            with store.atomic():
                self.old = records.contacts(store, self.employer)
                gone = {c["key"] for c in self.old} - {c.get("key") for c in self.wanted}
                self.links = records.contact_links(store, gone)
                self.stored = records.replace_contacts(store, self.employer, self.wanted)
        else:
            self.stored = records.replace_contacts(store, self.employer, self.stored)

    def revert(self, store):
        records.replace_contacts(store, self.employer, self.old, restore_links=self.links)

    def changes(self) -> Changes:
        return Changes.of(employers=[self.employer])


class _Stepped(Command):
    """A command that is one step (`self.step`)."""

    def apply(self, store):
        self.step.apply(store)

    def revert(self, store):
        self.step.revert(store)

    def changes(self) -> Changes:
        return self.step.changes()


class LogEvent(_Stepped):
    def __init__(self, workspace, application_key: str, event: dict, text: str | None = None):
        kind = event.get("kind")
        what = shown(EVENTS, kind) if kind in EVENTS else QCoreApplication.translate("commands", "event")
        label = text or QCoreApplication.translate("commands", "Log {0}").format(what.lower())
        super().__init__(workspace, label)
        self.step = _LogStep(application_key, event)


class EditEvent(Command):
    def __init__(self, workspace, event_id: int, values: dict):
        super().__init__(workspace, translate("commands", "Edit event"))
        self.event_id, self.values = event_id, values
        self.old = None

    def apply(self, store):
        if self.old is None:
            self.old = records.event_record(store, self.event_id)
        records.update_event(store, self.event_id, self.values)

    def revert(self, store):
        with store.atomic():
            records.delete_event(store, self.event_id)
            records.restore_event(store, self.old)

    def changes(self) -> Changes:
        return Changes.of([self.old["application"]] if self.old else [])


class DeleteEvent(Command):
    def __init__(self, workspace, event_id: int):
        super().__init__(workspace, translate("commands", "Delete event"))
        self.event_id = event_id
        self.old = None

    def apply(self, store):
        if self.old is None:
            self.old = records.event_record(store, self.event_id)
        records.delete_event(store, self.event_id)

    def revert(self, store):
        records.restore_event(store, self.old)

    def changes(self) -> Changes:
        return Changes.of([self.old["application"]] if self.old else [])


class AddApplication(Command):
    def __init__(self, workspace, values: dict):
        super().__init__(workspace, translate("commands", "Add {0}").format(values.get("position", "")))
        self.values = dict(values)
        self.now = workspace.now()
        self.values.setdefault("created", self.now)
        self.key: str | None = None
        self.created_employer: str | None = None

    def apply(self, store):
        values = dict(self.values)
        if self.created_employer:
            values["new_employer_key"] = self.created_employer
        # a stage past "lead" is logged as the event that makes it so, at the dialog's date
        # ("Applied on"), so the clocks have something to count from
        self.key, self.created_employer = records.add_application(store, values, now=self.now, key=self.key)

    def revert(self, store):
        with store.atomic():
            records.delete_application(store, self.key)
            if self.created_employer:
                records.delete_employer(store, self.created_employer)

    def changes(self) -> Changes:
        return Changes.of([self.key] if self.key else [])


class EditApplication(Command):
    def __init__(self, workspace, key: str, values: dict):
        super().__init__(workspace, translate("commands", "Edit {0}").format(values.get("position", "")))
        self.key, self.values = key, dict(values)
        self.now = workspace.now()
        self.old = None
        self.created_employer: str | None = None
        #: the event a change of stage logged (the stage follows the timeline), as stored
        self.staged: dict | None = None

    def apply(self, store):
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
            staged = records.update_application(store, self.key, values, now=self.now)
            if staged is not None:
                self.staged = records.event_record(store, staged)

    def revert(self, store):
        with store.atomic():
            if self.staged is not None:
                records.delete_event(store, self.staged["id"])  # the stage goes back with it
            now = records.application_record(store, self.key)
            records.update_application(store, self.key, {**self.old, "stage": now["stage"], "outcome": now["outcome"]})
            if self.created_employer:
                records.delete_employer(store, self.created_employer)

    def changes(self) -> Changes:
        return Changes.of([self.key])


class Archive(Command):
    def __init__(self, workspace, keys: list[str], label: str):
        super().__init__(workspace, translate("commands", "Archive {0}").format(label))
        self.keys = list(keys)

    def _set(self, store, archived: bool):
        with store.atomic():
            for k in self.keys:
                records.set_archived(store, k, archived)

    def apply(self, store):
        self._set(store, True)

    def revert(self, store):
        self._set(store, False)

    def changes(self) -> Changes:
        return Changes.of(self.keys)


class Restore(Archive):
    """Archived applications back (undo archives them again)."""

    def apply(self, store):
        self._set(store, False)

    def revert(self, store):
        self._set(store, True)


class EditContacts(_Stepped):
    def __init__(self, workspace, employer_key: str, contacts: list[dict]):
        super().__init__(workspace, translate("commands", "Edit contacts"))
        self.step = _ContactsStep(employer_key, contacts)


class LogWithPeople(Command):
    """An event with someone new in it (met at the interview): the contacts first, then the event
    naming them, in one transaction and one undo step."""

    def __init__(self, workspace, application_key: str, employer_key: str, existing: list[dict],
                 people: list[dict], event: dict, text: str):
        super().__init__(workspace, text)
        self.people, self.event = people, dict(event)
        self.contacts = _ContactsStep(employer_key, existing + [
            {"key": None, "name": p["name"], "role": p["role"]} for p in people])
        self.log = _LogStep(application_key, event)
        self.existing = len(existing)

    def apply(self, store):
        with store.atomic():
            first = self.contacts.old is None
            self.contacts.apply(store)
            if first:  # the event's stand-in keys for the new people become theirs
                stored = self.contacts.stored[self.existing:]
                keys = {p["key"]: c["key"] for p, c in zip(self.people, stored)}
                values = dict(self.event)
                values["contacts"] = [keys.get(k, k) for k in values.get("contacts") or ()]
                if values.get("key_points"):
                    values["key_points"] = {keys.get(k, k): v for k, v in values["key_points"].items()}
                self.log.event = values
            self.log.apply(store)

    def revert(self, store):
        with store.atomic():
            self.log.revert(store)
            self.contacts.revert(store)

    def changes(self) -> Changes:
        return self.contacts.changes() | self.log.changes()


class SetActionState(Command):
    def __init__(self, workspace, action: Action, fields: dict):
        what = translate("commands", "Snooze") if "snoozed_until" in fields else translate("commands", "Dismiss") if "dismissed_at" in fields else translate("commands", "Mark done")
        super().__init__(workspace, f"{what} {shown(ACTIONS, action.name)}")
        self.action_id, self.app_key, self.fields = action.id, action.application, dict(fields)
        state = workspace.action_state(self.action_id)
        self.old = {n: getattr(state, n) if state else None for n in self.fields}

    def apply(self, store):
        store.set_action_state(self.action_id, self.app_key, **self.fields)

    def revert(self, store):
        store.set_action_state(self.action_id, self.app_key, **self.old)

    def changes(self) -> Changes:
        return Changes.of([self.app_key])


__all__ = ["push", "LogEvent", "EditEvent", "DeleteEvent", "AddApplication", "EditApplication",
           "Archive", "Restore", "EditContacts", "LogWithPeople", "SetActionState"]
