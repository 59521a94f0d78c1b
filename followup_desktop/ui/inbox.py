"""The Inbox: messages brought in, waiting for the user to say what they mean.

`Inbox(window)` gives the main window three things: `button` ("Inbox (3)", beside the list's
filters), `view` (the pane shown in the list's place) and the drop of `.eml`/`.ics` files on
the window (it filters the window's drag and drop events). Every write is an undoable command
on the write worker (`commands.py`, `operations.py`):

* a file dropped (or chosen in File → Import…) is brought in by `mail.intake` (`BringIn`): an
  inbound message waits here, an outbound one marks its step done at once and is listed here
  with Undo, an invitation logs its interview (and offers its new people as contacts);
* *Confirm* (Enter) logs the reply with the outcome chosen (the suggestion first) and the date
  they named; *Dismiss* takes the message off the list; *Undo* takes back an outbound match.

The count of messages waiting is on the button and goes to the tray (`count_changed`); a
message that arrives by itself (a mailbox check) is announced with `arrived(employer, item id)`,
which the composition root (`app.py`) turns into the tray's notification.
"""

from __future__ import annotations

import logging
from datetime import date
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QDate, QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from ..desktop.translations import shown
from ..vocab import REPLY_OUTCOMES, ReplyOutcome
from .operations import Changes

log = logging.getLogger(__name__)
translate = QCoreApplication.translate  # translate("Context", "…"): what pyside6-lupdate reads

SUFFIXES = (".eml", ".ics")
ITEM_ROLE = Qt.UserRole + 1


def is_mail_file(path: Path | str) -> bool:
    return Path(path).suffix.lower() in SUFFIXES


def _encouraged(item: dict) -> bool:
    """Whether the rejection's words invite the user to stay in touch (the suggestion's)."""
    from ..mail.suggest import suggest

    return suggest(item["body"] or "", item["subject"] or "", item["received_at"]).encouraged


def _when(d) -> str:
    return f"{d:%a %b} {d.day}, {d:%H:%M}" if d else ""


# -- the pane ------------------------------------------------------------------------------------
class InboxView(QWidget):
    """The list of messages and the one selected: who, what, the suggestion, the buttons."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("inboxView")
        self.list = QListWidget(objectName="inboxList")
        self.list.setAccessibleName(translate("Inbox", "Messages brought in"))
        self.list.setWordWrap(True)
        self.list.setUniformItemSizes(False)
        self.list.setSpacing(3)

        self.title = QLabel(objectName="inboxTitle", textFormat=Qt.PlainText, wordWrap=True)
        font = self.title.font()
        font.setBold(True)
        self.title.setFont(font)
        self.meta = QLabel(objectName="inboxMeta", textFormat=Qt.PlainText, wordWrap=True)
        self.warning = QLabel(objectName="inboxWarning", textFormat=Qt.PlainText, wordWrap=True)
        self.warning.setStyleSheet("color: #c62828;")
        self.text = QPlainTextEdit(objectName="inboxText", readOnly=True)
        self.text.setAccessibleName(translate("Inbox", "The message"))
        self.suggestion = QLabel(objectName="inboxSuggestion", textFormat=Qt.PlainText, wordWrap=True)

        self.outcome = QComboBox(objectName="inboxOutcome")
        self.outcome.setAccessibleName(translate("Inbox", "What the reply says"))
        for o in ReplyOutcome:
            self.outcome.addItem(shown(REPLY_OUTCOMES, o), o.value)
        self.has_date = QCheckBox(translate("Inbox", "They will decide by"), objectName="inboxHasDate")
        self.next_date = QDateEdit(objectName="inboxNextDate", calendarPopup=True)
        self.next_date.setDisplayFormat("yyyy-MM-dd")
        self.encouraged = QCheckBox(translate("Inbox", "They invited me to stay in touch"), objectName="inboxEncouraged")
        self.confirm = QPushButton(translate("Inbox", "&Confirm"), objectName="inboxConfirm")
        self.confirm.setToolTip(translate("Inbox", "Log this reply on the timeline with the outcome chosen (Enter)"))
        self.dismiss = QPushButton(translate("Inbox", "&Dismiss"), objectName="inboxDismiss")
        self.dismiss.setToolTip(translate("Inbox", "Take it off the list without logging anything"))
        self.undo = QPushButton(translate("Inbox", "&Undo"), objectName="inboxUndo")
        self.undo.setToolTip(translate("Inbox", "Take back what this sent message marked on the timeline"))
        self.seen = QPushButton(translate("Inbox", "&OK"), objectName="inboxSeen")
        self.seen.setToolTip(translate("Inbox", "Keep it, and take it off this list"))

        outcome_row = QHBoxLayout()
        self.outcome_label = QLabel(translate("Inbox", "Outcome:"), buddy=self.outcome)
        outcome_row.addWidget(self.outcome_label)
        outcome_row.addWidget(self.outcome, 1)
        date_row = QHBoxLayout()
        date_row.addWidget(self.has_date)
        date_row.addWidget(self.next_date)
        date_row.addStretch(1)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        for b in (self.undo, self.seen, self.dismiss, self.confirm):
            buttons.addWidget(b)

        detail = QWidget(objectName="inboxDetail")
        d = QVBoxLayout(detail)
        d.setContentsMargins(6, 0, 0, 0)
        d.addWidget(self.title)
        d.addWidget(self.meta)
        d.addWidget(self.warning)
        d.addWidget(self.text, 1)
        d.addWidget(self.suggestion)
        d.addLayout(outcome_row)
        d.addLayout(date_row)
        d.addWidget(self.encouraged)
        d.addLayout(buttons)

        self.empty = QLabel(translate("Inbox", "No messages are waiting.\n\nDrop a saved message (.eml) or an "
                                               "invitation (.ics) on this window, or use File → Import…, to bring it in."),
                            objectName="inboxEmpty", alignment=Qt.AlignCenter, wordWrap=True)
        self.splitter = QSplitter(Qt.Vertical, objectName="inboxSplitter")
        self.splitter.addWidget(self.list)
        self.splitter.addWidget(detail)
        self.splitter.setStretchFactor(0, 2)
        self.splitter.setStretchFactor(1, 3)
        self.splitter.setChildrenCollapsible(False)
        self.stack = QStackedWidget()
        self.stack.addWidget(self.empty)
        self.stack.addWidget(self.splitter)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.stack)
        self._waiting = False
        self.outcome.currentIndexChanged.connect(self._outcome_changed)
        self.has_date.toggled.connect(self.next_date.setEnabled)

    def _outcome_changed(self, _index=None) -> None:
        outcome = self.outcome.currentData()
        self.has_date.setVisible(outcome == ReplyOutcome.NO_DECISION)
        self.next_date.setVisible(outcome == ReplyOutcome.NO_DECISION)
        self.encouraged.setVisible(outcome == ReplyOutcome.REJECTED and self._waiting)

    def show_item(self, item: dict | None) -> None:
        if item is None:
            for w in (self.title, self.meta, self.warning, self.suggestion):
                w.clear()
            self.text.clear()
            for w in (self.confirm, self.dismiss, self.undo, self.seen, self.outcome, self.has_date,
                      self.next_date, self.encouraged):
                w.setEnabled(False)
            return
        waiting = self._waiting = item["state"] == "pending"
        person = item["contact_name"] or item["sender_name"]
        employer = f"{item['employer']} — {item['position']}"
        if waiting:
            self.title.setText(translate("Inbox", "{0} ({1}) wrote").format(person, employer))
        else:
            self.title.setText(translate("Inbox", "You wrote to {0} ({1})").format(person, employer))
        subject = item["subject"] or translate("Inbox", "(no subject)")
        self.meta.setText(f"{subject}\n{item['sender_email']} · {_when(item['received_at'])}")
        self.text.setPlainText(item["body"] or "")
        self.warning.setText(translate("Inbox", "Careful: {0}").format(item["warning"]) if waiting and item["warning"] else "")
        self.warning.setVisible(bool(self.warning.text()))
        for w in (self.confirm, self.dismiss, self.outcome, self.has_date, self.next_date, self.encouraged):
            w.setEnabled(waiting)
            w.setVisible(waiting)
        self.outcome_label.setVisible(waiting)
        self.undo.setVisible(not waiting)
        self.seen.setVisible(not waiting)
        self.undo.setEnabled(not waiting)
        self.seen.setEnabled(not waiting)
        if waiting:
            outcome = item["suggested_outcome"] or ReplyOutcome.OTHER.value
            self.outcome.setCurrentIndex(max(0, self.outcome.findData(outcome)))
            named = item["suggested_next_date"]
            self.has_date.setChecked(named is not None)
            self.next_date.setEnabled(named is not None)
            self.next_date.setDate(QDate(named.year, named.month, named.day) if named else QDate.currentDate())
            self.encouraged.setChecked(_encouraged(item))
            said = shown(REPLY_OUTCOMES, outcome).lower()
            if named is not None and outcome == ReplyOutcome.NO_DECISION:
                self.suggestion.setText(translate("Inbox", "Suggested: {0}, a decision by {1} (from the words of the "
                                                           "message; check before confirming).").format(said, named.isoformat()))
            elif outcome != ReplyOutcome.OTHER:
                self.suggestion.setText(translate("Inbox", "Suggested: {0} (from the words of the message; check "
                                                           "before confirming).").format(said))
            else:
                self.suggestion.setText(translate("Inbox", "No suggestion: choose what the reply says."))
            self._outcome_changed()
        else:
            self.text.setPlainText(translate(
                "Inbox", "You sent this from your mail program; it is on the timeline as sent, and the step it "
                "answered is done.\n\nUndo takes it off the timeline again. OK keeps it and takes it off this list."))
            self.suggestion.clear()
        self.suggestion.setVisible(bool(self.suggestion.text()))

    def chosen(self) -> tuple[str, date | None, bool]:
        outcome = self.outcome.currentData()
        d = self.next_date.date()
        named = date(d.year(), d.month(), d.day()) if self.has_date.isChecked() and outcome == ReplyOutcome.NO_DECISION else None
        return outcome, named, self.encouraged.isChecked() and outcome == ReplyOutcome.REJECTED


class Inbox(QObject):
    """The main window's Inbox (see the module)."""

    #: how many messages wait for review
    count_changed = Signal(int)
    #: a message came in by itself: the employer's name and the review item's id
    arrived = Signal(str, int)
    #: a file was brought in: its one line (`mail.intake.Result.line`)
    brought_in = Signal(str)

    def __init__(self, window):
        super().__init__(window)
        self.window = window
        self.workspace = window.workspace
        self.items: list[dict] = []
        self.count = 0
        self.showing = False
        self._known: set[int] | None = None  # the waiting items seen so far (None: not read yet)
        self._ours: set[int] = set()         # the ones brought in here (not announced)

        self.button = QToolButton(objectName="filter_inbox", checkable=True)
        self.button.setToolButtonStyle(Qt.ToolButtonTextOnly)
        self.button.setAccessibleName(translate("Inbox", "Show: Inbox"))
        self.button.setToolTip(translate("Inbox", "Messages brought in from mail, waiting for you to confirm "
                                                  "what they say (Ctrl+6)"))
        self.button.setShortcut("Ctrl+6")
        self.button.toggled.connect(self._toggled)
        self.view = InboxView()
        v = self.view
        v.list.currentItemChanged.connect(lambda *_: self._show_current())
        v.confirm.clicked.connect(self.confirm_current)
        v.dismiss.clicked.connect(self.dismiss_current)
        v.undo.clicked.connect(self.undo_current)
        v.seen.clicked.connect(self.seen_current)
        v.installEventFilter(self)
        v.list.installEventFilter(self)
        window.setAcceptDrops(True)
        window.installEventFilter(self)
        window.filter_group.triggered.connect(lambda _a: self.set_showing(False, restore=False))
        self._filter_before = None  # the filter checked before the Inbox was shown
        # Read again after every write (one a turn of the event loop, after the window has taken
        # it in): a message may have come or gone without any timeline changing.
        self._reload_pending = False
        self.workspace.changed.connect(lambda _keys: self.reload_soon())
        self.workspace.operations.did_execute.connect(lambda _changes: self.reload_soon())
        self._set_button_text()
        if getattr(self.workspace, "is_loaded", False):
            self.reload()  # what waits already (told as it comes from now on)

    # -- showing ----------------------------------------------------------------------------
    def _toggled(self, on: bool) -> None:
        if on != self.showing:
            self.set_showing(on)

    def set_showing(self, on: bool, item_id: int | None = None, *, restore: bool = True) -> None:
        """Show the Inbox in the list's place (with `item_id` selected), or the list again (with
        the filter it had, unless a filter was chosen: `restore`)."""
        was = self.showing
        self.showing = on
        self.button.setChecked(on)
        group = self.window.filter_group
        if on and not was:
            self._filter_before = group.checkedAction()
            if self._filter_before is not None:
                self._filter_before.setChecked(False)  # one of the row pressed: the Inbox
        elif not on and was and restore and self._filter_before is not None and group.checkedAction() is None:
            self._filter_before.setChecked(True)
        if on:
            self.reload(select=item_id)  # shows the item selected
        if on != was:
            self.window._update_list_state()
        if not on and was:
            self.window.timeline.show_application(self.window.current_key())

    def open_item(self, item_id: int) -> None:
        """Show the Inbox with this message selected (a click on its notification)."""
        self.set_showing(True, item_id)

    def select(self, item_id: int) -> bool:
        lst = self.view.list
        for row in range(lst.count()):
            if lst.item(row).data(ITEM_ROLE) == item_id:
                lst.setCurrentRow(row)
                return True
        return False

    def current_item(self) -> dict | None:
        it = self.view.list.currentItem()
        if it is None:
            return None
        wanted = it.data(ITEM_ROLE)
        return next((i for i in self.items if i["id"] == wanted), None)

    def _show_current(self) -> None:
        item = self.current_item()
        self.view.show_item(item)
        if item is not None and self.showing:
            self.window.timeline.show_application(item["application"])

    # -- reading ----------------------------------------------------------------------------
    def reload_soon(self) -> None:
        if not self._reload_pending:
            self._reload_pending = True
            QTimer.singleShot(0, self, self._reload_now)  # not after the pane is gone

    def _reload_now(self) -> None:
        self._reload_pending = False
        # Not while writes are queued: one may be putting a backup in the file's place with every
        # connection let go; the last of them to finish asks again.
        if self.workspace.operations.is_idle() and getattr(self.workspace, "is_loaded", True):
            self.reload()

    def reload(self, select: int | None = None) -> None:
        """Read the list again (a few rows of the review table: quick, on the GUI thread like
        the timeline's reads), keeping the selected message selected (or `select`). While the
        pane is not shown only the waiting messages' ids are read (`store.reads`, plain SQL: a
        start loads no mail module), the whole list when one has come in since."""
        if not self.showing and select is None and self._count_only():
            return
        from ..mail.intake import review_items

        try:
            items = review_items(self.workspace._reader())
        except Exception as exc:  # a file from before the review list (still upgrading)
            log.info("the review list cannot be read: %s", exc)
            items = []
        current = self.current_item()
        wanted = select if select is not None else current["id"] if current else None
        self.items = items
        lst = self.view.list
        lst.blockSignals(True)
        lst.clear()
        row = 0
        for n, item in enumerate(items):
            lst.addItem(self._list_item(item))
            if item["id"] == wanted:
                row = n
        if items:
            lst.setCurrentRow(row)
        lst.blockSignals(False)
        waiting = [i for i in items if i["state"] == "pending"]
        self.view.stack.setCurrentWidget(self.view.splitter if items else self.view.empty)
        if self.showing:
            self._show_current()
        ids = {i["id"] for i in waiting}
        if self._known is not None:
            for item in waiting:
                if item["id"] not in self._known and item["id"] not in self._ours:
                    self.arrived.emit(item["employer"], item["id"])
        self._known = ids
        if len(waiting) != self.count:
            self.count = len(waiting)
            self._set_button_text()
            self.count_changed.emit(self.count)

    def _count_only(self) -> bool:
        """The count from the waiting messages' ids; False when one came in that is not known
        yet (the whole list is read, to tell of it) or the list cannot be read that way."""
        from ..store.reads import waiting_messages

        try:
            waiting = waiting_messages(self.workspace._reader())
        except Exception:  # a file from before the review list: the whole read says so
            return False
        ids = {w.id for w in waiting}
        if self._known is not None and ids - self._known - self._ours:
            return False  # a message arrived by itself
        self._known = ids
        if len(ids) != self.count:
            self.count = len(ids)
            self._set_button_text()
            self.count_changed.emit(self.count)
        return True

    def _list_item(self, item: dict) -> QListWidgetItem:
        person = item["contact_name"] or item["sender_name"]
        subject = item["subject"] or translate("Inbox", "(no subject)")
        if item["state"] == "pending":
            first = translate("Inbox", "{0} · {1}").format(person, item["employer"])
        else:
            first = translate("Inbox", "Sent to {0} · {1} · on the timeline").format(person, item["employer"])
        it = QListWidgetItem(f"{first}\n{subject} — {_when(item['received_at'])}")
        it.setData(ITEM_ROLE, item["id"])
        if item["state"] == "pending":
            font = it.font()
            font.setBold(True)
            it.setFont(font)
        return it

    def _set_button_text(self) -> None:
        self.button.setText(translate("Inbox", "Inbox ({0})").format(self.count) if self.count
                            else translate("Inbox", "Inbox"))

    # -- bringing in ------------------------------------------------------------------------
    def bring_in_files(self, paths) -> None:
        for path in paths:
            self.bring_in(Path(path))

    def bring_in(self, path: Path) -> None:
        from .inbox_commands import BringIn, NothingNew

        command = BringIn(self.workspace, path)

        def done(_command) -> None:
            r = command.result
            if r.review_id is not None:
                self._ours.add(r.review_id)
            self.window.statusBar().showMessage(r.line, 8000)
            self.brought_in.emit(r.line)
            if r.review_id is not None:
                self.open_item(r.review_id)
            if r.new_people:
                self._offer_contacts(r)

        def refused(exc) -> None:
            text = str(exc) if isinstance(exc, NothingNew) else translate("Inbox", "{0} was not brought in: {1}").format(path.name, exc)
            self.window.statusBar().showMessage(text, 10000)
            self.brought_in.emit(text)

        self.workspace.run(command, done=done, refused=refused)

    def _offer_contacts(self, result) -> None:
        """An invitation named people who are no contacts yet: offer them as contacts."""
        names = "\n".join(f"• {n or a} <{a}>" for n, a in result.new_people)
        box = QMessageBox(QMessageBox.Question, translate("Inbox", "New people at {0}").format(result.employer),
                          translate("Inbox", "The invitation also names people who are not among {0}'s contacts:\n\n{1}\n\n"
                                             "Add them as contacts?").format(result.employer, names),
                          QMessageBox.Yes | QMessageBox.No, self.window)
        box.setObjectName("offerContacts")
        box.setDefaultButton(QMessageBox.Yes)
        box.setWindowModality(Qt.WindowModal)

        def answered(button) -> None:
            if box.standardButton(button) == QMessageBox.Yes:
                self.add_contacts(result.employer_key, result.event_id, result.new_people)

        box.buttonClicked.connect(answered)
        box.open()
        self.offer_box = box

    def add_contacts(self, employer_key: str, event_id: int, people) -> None:
        """Add the invitation's new people as contacts, on the interview (undoable)."""
        from .inbox_commands import AddPeopleToInterview

        self.workspace.run(AddPeopleToInterview(self.workspace, employer_key, event_id, people))

    # -- the buttons ------------------------------------------------------------------------
    def confirm_current(self) -> None:
        item = self.current_item()
        if item is None or item["state"] != "pending":
            return
        outcome, named, encouraged = self.view.chosen()
        label = shown(REPLY_OUTCOMES, outcome).lower()
        from .inbox_commands import ConfirmReply

        self.workspace.run(ConfirmReply(self.workspace, item, outcome, named, encouraged),
                           done=lambda _c: self.window.statusBar().showMessage(
                               translate("Inbox", "Logged the reply from {0}: {1}.").format(item["sender_name"], label), 8000))

    def dismiss_current(self) -> None:
        item = self.current_item()
        if item is None or item["state"] != "pending":
            return
        from .inbox_commands import DismissItem

        self.workspace.run(DismissItem(self.workspace, item))

    def undo_current(self) -> None:
        item = self.current_item()
        if item is None or item["state"] == "pending":
            return
        from .inbox_commands import UndoApplied

        self.workspace.run(UndoApplied(self.workspace, item))

    def seen_current(self) -> None:
        from ..mail.intake import mark_seen
        from .operations import Operation

        item = self.current_item()
        if item is None or item["state"] == "pending":
            return
        self.workspace.submit(Operation("seen", lambda store, _p: mark_seen(store, item["id"]),
                                        Changes.of([item["application"]])))

    # -- drag and drop, and Enter -----------------------------------------------------------
    def eventFilter(self, obj, event) -> bool:
        kind = event.type()
        if obj is self.window and kind in (QEvent.DragEnter, QEvent.DragMove):
            if self._dropped_files(event):
                event.acceptProposedAction()
                return True
        elif obj is self.window and kind == QEvent.Drop:
            files = self._dropped_files(event)
            if files:
                event.acceptProposedAction()
                self.bring_in_files(files)
                return True
        elif kind == QEvent.ShortcutOverride and obj in (self.view, self.view.list):
            # Delete and Enter are the Inbox's here, not the window's (Delete archives there)
            if event.key() in (Qt.Key_Return, Qt.Key_Enter, Qt.Key_Delete) and not event.modifiers():
                event.accept()
                return True
        elif kind == QEvent.KeyPress and obj in (self.view, self.view.list):
            if event.key() in (Qt.Key_Return, Qt.Key_Enter) and not event.modifiers():
                self.confirm_current()
                return True
            if event.key() == Qt.Key_Delete:
                self.dismiss_current()
                return True
        return super().eventFilter(obj, event)

    @staticmethod
    def _dropped_files(event) -> list[Path]:
        mime = event.mimeData()
        if mime is None or not mime.hasUrls():
            return []
        return [Path(u.toLocalFile()) for u in mime.urls() if u.isLocalFile() and is_mail_file(u.toLocalFile())]


__all__ = ["Inbox", "InboxView", "is_mail_file", "SUFFIXES"]
