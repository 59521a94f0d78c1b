"""The Inbox's edits, each an undoable command on the write worker (`commands.py`): a file
brought in, a reply confirmed, a message dismissed, an outbound match taken back. Loaded with the
first of them, like the other commands (`ui/inbox.py` shows the list)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import QCoreApplication

from .commands import Command
from .operations import Changes

translate = QCoreApplication.translate  # translate("Context", "…"): what pyside6-lupdate reads


class NothingNew(Exception):
    """A file brought in changed nothing (already there, or nobody known): its one line."""


# -- the commands --------------------------------------------------------------------------------
class BringIn(Command):
    """Bring one `.eml`/`.ics` file in; undo takes back what it wrote (the review item, the
    event logged)."""

    def __init__(self, workspace, path: Path):
        super().__init__(workspace, translate("Inbox", "Bring in {0}").format(path.name))
        self.path = path
        self.result = None

    def apply(self, store):
        from ..mail.intake import ALREADY, NO_MATCH, bring_in, bring_in_invitation, read_bounded

        ics = self.path.suffix.lower() == ".ics"
        raw = read_bounded(self.path, ics=ics)
        result = bring_in_invitation(store, raw) if ics else bring_in(store, raw)
        if result.kind in (ALREADY, NO_MATCH):
            raise NothingNew(result.line)
        self.result = result
        return result

    def revert(self, store):
        from ..mail import intake
        from ..store import records

        r = self.result
        with store.atomic():
            if r.review_id is not None:
                intake.delete_item(store, r.review_id)
            if r.event_id is not None:
                records.delete_event(store, r.event_id)

    def changes(self) -> Changes:
        # a message waiting for review changes no timeline: nothing to read again but the Inbox
        r = self.result
        return Changes.of([r.application]) if r is not None and r.application and r.event_id is not None else Changes()


class ConfirmReply(Command):
    def __init__(self, workspace, item: dict, outcome: str, next_date: date | None, encouraged: bool):
        super().__init__(workspace, translate("Inbox", "Log reply from {0}").format(item["sender_name"]))
        self.item_id, self.app_key = item["id"], item["application"]
        self.outcome, self.next_date, self.encouraged = outcome, next_date, encouraged
        self.record: dict | None = None
        self.event_id: int | None = None

    def apply(self, store):
        from ..mail.intake import confirm

        self.record, self.event_id = confirm(store, self.item_id, self.outcome, self.next_date, self.encouraged)

    def revert(self, store):
        from ..mail.intake import put_back_item
        from ..store import records

        with store.atomic():
            records.delete_event(store, self.event_id)
            put_back_item(store, self.record)

    def changes(self) -> Changes:
        return Changes.of([self.app_key])


class DismissItem(Command):
    def __init__(self, workspace, item: dict):
        super().__init__(workspace, translate("Inbox", "Dismiss message from {0}").format(item["sender_name"]))
        self.item_id, self.app_key = item["id"], item["application"]
        self.record: dict | None = None

    def apply(self, store):
        from ..mail.intake import dismiss

        self.record = dismiss(store, self.item_id)

    def revert(self, store):
        from ..mail.intake import put_back_item

        put_back_item(store, self.record)

    def changes(self) -> Changes:
        return Changes()  # no timeline changes: the Inbox reads itself again (`done`)


class UndoApplied(Command):
    """Take back an outbound message applied at once (its event, and its line here)."""

    def __init__(self, workspace, item: dict):
        super().__init__(workspace, translate("Inbox", "Take back the message to {0}").format(item["sender_name"]))
        self.item_id, self.app_key = item["id"], item["application"]
        self.item: dict | None = None
        self.event: dict | None = None

    def apply(self, store):
        from ..mail.intake import review_item, undo_applied
        from ..store import records

        with store.atomic():
            item = review_item(store, self.item_id)
            self.event = records.event_record(store, item["event_id"]) if item and item["event_id"] else None
            self.item = undo_applied(store, self.item_id)

    def revert(self, store):
        from ..mail.intake import put_back_item
        from ..store import records

        with store.atomic():
            if self.event is not None:
                records.restore_event(store, self.event)
            if self.item is not None:
                put_back_item(store, self.item)

    def changes(self) -> Changes:
        return Changes.of([self.app_key])


class AddPeopleToInterview(Command):
    """An invitation's people who were no contacts: added to the employer's contacts (as
    interviewers) and put on the interview they were invited to."""

    def __init__(self, workspace, employer_key: str, event_id: int, people):
        super().__init__(workspace, translate("Inbox", "Add the invitation's people as contacts"))
        self.employer, self.event_id, self.people = employer_key, event_id, list(people)
        self.old: list[dict] | None = None
        self.event: dict | None = None

    def apply(self, store):
        from ..store import records

        with store.atomic():
            self.old = records.contacts(store, self.employer)
            self.event = records.event_record(store, self.event_id)
            have = {(c.get("email") or "").lower() for c in self.old}
            wanted = [dict(c) for c in self.old]
            for name, address in self.people:
                if address not in have:
                    wanted.append({"key": None, "name": name or address.partition("@")[0], "role": "interviewer",
                                   "email": address, "phone": ""})
            stored = records.replace_contacts(store, self.employer, wanted)
            new = [c["key"] for c in stored if (c.get("email") or "").lower() in {a for _n, a in self.people}]
            people = list(self.event["contacts"]) + [k for k in new if k not in self.event["contacts"]]
            records.update_event(store, self.event_id, {**self.event, "contacts": people})

    def revert(self, store):
        from ..store import records

        with store.atomic():
            records.update_event(store, self.event_id, self.event)
            records.replace_contacts(store, self.employer, self.old)

    def changes(self) -> Changes:
        return Changes.of(employers=[self.employer])


__all__ = ["NothingNew", "BringIn", "ConfirmReply", "DismissItem", "UndoApplied", "AddPeopleToInterview"]
