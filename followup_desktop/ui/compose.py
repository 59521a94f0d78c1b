"""The compose window: the message for one follow-up, ready to copy, send or log.

It shows a `DraftModel` (`followup_desktop/wording/draft.py`, no Qt: the text, the gaps, the
checks, the facts, what to log, the kept drafts) and forwards the user's edits to it; what was
sent is logged through the shared `Workspace`, so the timeline, the list and the tray update at
once.
"""

from __future__ import annotations

import html
import logging
from datetime import timedelta

from PySide6.QtCore import QCoreApplication, QEvent, QSize, Qt, QTimer, QUrl, Signal
from PySide6.QtGui import QAction, QDesktopServices, QFont, QGuiApplication, QKeySequence
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMenu,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QSizePolicy,
    QSplitter,
    QStyle,
    QTabBar,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from ..desktop.translations import marked, shown
from ..exchange.validate import ExchangeError
from ..vocab import ACTIONS, CallOutcome
from ..wording import CHANNELS, SITUATIONS, marker
from ..wording.draft import (
    EMAIL,
    GAP_RE,
    NOTE,
    PHONE,
    PROFILE_FIELDS,
    ChannelDraft,
    DraftModel,
    clipboard_text,
    kept_drafts,
)
from . import style

log = logging.getLogger(__name__)

#: how long the checks wait after the last keystroke
CHECK_DELAY_MS = 150

translate = QCoreApplication.translate  # translate("Context", "…"): what pyside6-lupdate reads


def action_label(name: str) -> str:
    return shown(ACTIONS, name)


def situation_label(situation: str) -> str:
    sit = SITUATIONS.get(situation)
    return marked("wording", sit.label) if sit else situation


def channel_label(channel: str) -> str:
    return marked("wording", CHANNELS.get(channel, channel))


def snooze_text(days: int) -> str:
    """A Snooze choice: "For 1 week", "For 3 days" (whole weeks read as weeks)."""
    if days % 7 == 0:
        weeks = days // 7
        return translate("ComposeWindow", "For 1 &week") if weeks == 1 else translate("ComposeWindow", "For {0} &weeks").format(weeks)
    return translate("ComposeWindow", "For &1 day") if days == 1 else translate("ComposeWindow", "For &{0} days").format(days)


class ComposeWindow(QWidget):
    """A non-modal window for one message. Construct with an action (the usual way, from the
    list or a notification) or with an application and optionally a situation and contact."""

    #: the application key, after an event was logged
    sent = Signal(str)

    # what the model holds, read as the window's own (the template editor and tests read them)
    action = property(lambda self: self.model.action)
    application_key = property(lambda self: self.model.application_key)
    step_key = property(lambda self: self.model.step_key)
    catalogue = property(lambda self: self.model.catalogue)
    context = property(lambda self: self.model.context)
    contact_key = property(lambda self: self.model.contact_key)
    situation = property(lambda self: self.model.situation)
    channel = property(lambda self: self.model.channel)
    checks = property(lambda self: self.model.checks)

    def __init__(self, workspace, *, action=None, application_key: str | None = None,
                 situation: str | None = None, contact_key: str | None = None, parent=None):
        super().__init__(parent, Qt.Window)
        self.setAttribute(Qt.WA_DeleteOnClose)
        self.setObjectName("composeWindow")
        self.workspace = workspace
        if action is None and situation is None and application_key is not None and hasattr(workspace, "next_action"):
            upcoming = workspace.next_action(application_key)
        else:
            upcoming = None
        #: everything the window shows, without Qt
        self.model = DraftModel(workspace.store, application_key, action=action, situation=situation,
                                contact_key=contact_key, upcoming=upcoming, templates_dir=workspace.paths.templates,
                                kept=kept_drafts(workspace), now=workspace.now)
        self._quiet = False  # set while the code itself fills the editors
        self._may_close = False  # the user answered the close question (or nothing to lose)
        #: the open question (Discard? / Send with a gap?), None when none is asked
        self.question: QMessageBox | None = None

        self._build()
        self._check_timer = QTimer(self, singleShot=True, interval=CHECK_DELAY_MS, timeout=self.run_checks)
        self._fill_situations()
        self._fill_recipients()
        self._show_situation()
        if self.model.restored:
            self.show_info(translate("ComposeWindow", "Your unsent draft from earlier is back."))
        self.resize(960, 640)
        # Quitting (from the tray, or the session ending) closes no window: what was typed and
        # not sent is kept, as if the user had chosen "Keep the draft".
        QCoreApplication.instance().aboutToQuit.connect(self.keep_unsent)

    def keep_unsent(self) -> None:
        """Keep the text the user changed and has not sent, for the next time this step is
        written (the app is quitting)."""
        if self.model.edited and not self.model.logged and not self._may_close:
            self.model.keep()

    # -- building -----------------------------------------------------------------------------
    def _build(self) -> None:
        outer = QVBoxLayout(self)

        self.reason_label = QLabel(objectName="composeReason", wordWrap=True, textFormat=Qt.RichText)
        small = QFont(self.font())
        small.setPointSizeF(max(7.0, small.pointSizeF() * 0.9))
        self.reason_label.setFont(small)
        self.reason_label.setTextInteractionFlags(Qt.TextSelectableByMouse)
        outer.addWidget(self.reason_label)

        top = QHBoxLayout()
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.AllNonFixedFieldsGrow)
        self.situation_combo = QComboBox(objectName="situationCombo")
        self.situation_combo.setAccessibleName(translate("ComposeWindow", "Situation"))
        self.situation_combo.setSizeAdjustPolicy(QComboBox.AdjustToContents)
        form.addRow(translate("ComposeWindow", "&Situation:"), self.situation_combo)
        self.recipient_combo = QComboBox(objectName="recipientCombo")
        self.recipient_combo.setAccessibleName(translate("ComposeWindow", "Recipient"))
        self.recipient_combo.setSizeAdjustPolicy(QComboBox.AdjustToContents)
        form.addRow(translate("ComposeWindow", "&To:"), self.recipient_combo)
        top.addLayout(form, 1)
        vform = QFormLayout()
        self.variant_combo = QComboBox(objectName="variantCombo")
        self.variant_combo.setAccessibleName(translate("ComposeWindow", "Template variant"))
        self.variant_combo.setSizeAdjustPolicy(QComboBox.AdjustToContents)
        self.variant_label = QLabel(translate("ComposeWindow", "&Wording:"))
        self.variant_label.setBuddy(self.variant_combo)
        vform.addRow(self.variant_label, self.variant_combo)
        top.addLayout(vform)
        outer.addLayout(top)

        self.hint_label = QLabel(objectName="composeHint", wordWrap=True)
        self.hint_label.setFont(small)
        outer.addWidget(self.hint_label)

        self.tabs = QTabBar(objectName="channelTabs")
        self.tabs.setAccessibleName(translate("ComposeWindow", "Channel"))
        self.tabs.setExpanding(False)
        self.tabs.setDrawBase(True)
        outer.addWidget(self.tabs)

        split = QSplitter(Qt.Horizontal, objectName="composeSplitter")
        split.setChildrenCollapsible(False)
        editor = QWidget()
        ev = QVBoxLayout(editor)
        ev.setContentsMargins(0, 0, 0, 0)
        self.subject_row = QWidget()
        sr = QHBoxLayout(self.subject_row)
        sr.setContentsMargins(0, 0, 0, 0)
        self.subject_edit = QLineEdit(objectName="subjectEdit")
        self.subject_edit.setAccessibleName(translate("ComposeWindow", "Subject"))
        subject_label = QLabel(translate("ComposeWindow", "Su&bject:"))
        subject_label.setBuddy(self.subject_edit)
        sr.addWidget(subject_label)
        sr.addWidget(self.subject_edit, 1)
        self.copy_subject_button = QPushButton(translate("ComposeWindow", "Copy subject"), objectName="copySubjectButton")
        self.copy_subject_button.setAccessibleName(translate("ComposeWindow", "Copy subject"))
        self.copy_subject_button.setToolTip(translate("ComposeWindow", "Copy the subject line to the clipboard"))
        self.copy_subject_button.clicked.connect(self.copy_subject)
        sr.addWidget(self.copy_subject_button)
        ev.addWidget(self.subject_row)
        # a call has no subject: the number to dial takes its place
        self.number_row = QWidget()
        nr = QHBoxLayout(self.number_row)
        nr.setContentsMargins(0, 0, 0, 0)
        number_caption = QLabel(translate("ComposeWindow", "Number to call:"))
        self.number_label = QLabel(objectName="numberLabel")
        self.number_label.setTextInteractionFlags(Qt.TextSelectableByMouse | Qt.TextSelectableByKeyboard)
        self.number_label.setAccessibleName(translate("ComposeWindow", "Number to call"))
        nr.addWidget(number_caption)
        nr.addWidget(self.number_label, 1)
        ev.addWidget(self.number_row)
        self.body_edit = QPlainTextEdit(objectName="bodyEdit")
        self.body_edit.setAccessibleName(translate("ComposeWindow", "Message"))
        self.body_edit.setTabChangesFocus(True)  # Tab moves on; every control stays reachable
        ev.addWidget(self.body_edit, 1)
        split.addWidget(editor)

        side = QWidget()
        sv = QVBoxLayout(side)
        sv.setContentsMargins(6, 0, 0, 0)
        checks_title = QLabel(translate("ComposeWindow", "Checks"))
        bold = QFont(self.font())
        bold.setBold(True)
        checks_title.setFont(bold)
        sv.addWidget(checks_title)
        self.checks_list = QListWidget(objectName="checksList")
        self.checks_list.setAccessibleName(translate("ComposeWindow", "Checks"))
        self.checks_list.setWordWrap(True)
        self.checks_list.setFocusPolicy(Qt.StrongFocus)
        self.checks_list.setSelectionMode(QListWidget.NoSelection)
        self.checks_list.setIconSize(QSize(16, 16))
        self.checks_list.setSpacing(2)
        self.checks_list.setSizePolicy(QSizePolicy.Preferred, QSizePolicy.Expanding)
        sv.addWidget(self.checks_list, 1)
        self.missing_box = QFrame(objectName="missingBox")
        mv = QVBoxLayout(self.missing_box)
        mv.setContentsMargins(0, 6, 0, 0)
        missing_title = QLabel(translate("ComposeWindow", "Fill in"))
        missing_title.setFont(bold)
        mv.addWidget(missing_title)
        self.missing_form = QFormLayout()
        self.missing_form.setFieldGrowthPolicy(QFormLayout.AllNonFixedFieldsGrow)
        # the side panel is narrow: a label above its field leaves the field room to type
        self.missing_form.setRowWrapPolicy(QFormLayout.WrapAllRows)
        mv.addLayout(self.missing_form)
        self.missing_edits: dict[str, QLineEdit] = {}
        sv.addWidget(self.missing_box)
        split.addWidget(side)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)
        split.setSizes([600, 320])
        outer.addWidget(split, 1)

        # the confirmation (or error) line, with Undo after logging
        self.status_bar = QFrame(objectName="composeStatusBar")
        st = QHBoxLayout(self.status_bar)
        st.setContentsMargins(0, 0, 0, 0)
        self.status_label = QLabel(objectName="composeStatus", wordWrap=True)
        self.status_label.setTextInteractionFlags(Qt.TextSelectableByMouse)
        st.addWidget(self.status_label, 1)
        self.undo_button = QPushButton(translate("ComposeWindow", "&Undo"), objectName="undoButton")
        self.undo_button.setAccessibleName(translate("ComposeWindow", "Undo logging"))
        self.undo_button.clicked.connect(self.undo_logging)
        self.undo_button.hide()
        st.addWidget(self.undo_button)
        self.done_button = QPushButton(translate("ComposeWindow", "C&lose"), objectName="doneButton")
        self.done_button.setAccessibleName(translate("ComposeWindow", "Close the window"))
        self.done_button.clicked.connect(self.close)
        self.done_button.hide()
        st.addWidget(self.done_button)
        self.status_bar.hide()
        outer.addWidget(self.status_bar)

        # -- actions (shared by buttons and shortcuts)
        self.copy_action = QAction(translate("ComposeWindow", "&Copy message"), self, objectName="copyAction",
                                   shortcut=QKeySequence("Ctrl+Shift+C"))
        self.copy_action.setShortcutContext(Qt.WindowShortcut)
        self.copy_action.triggered.connect(lambda: self.copy_message())
        self.mail_action = QAction(translate("ComposeWindow", "Open in &mail app"), self, objectName="mailAction")
        self.mail_action.triggered.connect(lambda: self.open_in_mail_app())
        self.sent_action = QAction(translate("ComposeWindow", "Mark as s&ent"), self, objectName="markSentAction",
                                   shortcut=QKeySequence("Ctrl+Return"))
        self.sent_action.setShortcutContext(Qt.WindowShortcut)
        self.sent_action.triggered.connect(self._mark_sent_or_call_menu)
        self.close_action = QAction(translate("ComposeWindow", "Close"), self, objectName="closeAction",
                                    shortcut=QKeySequence(Qt.Key_Escape))
        self.close_action.setShortcutContext(Qt.WindowShortcut)
        self.close_action.triggered.connect(self.close)
        self.edit_templates_action = QAction(translate("ComposeWindow", "Edit &templates…"), self, objectName="editTemplatesAction")
        self.edit_templates_action.triggered.connect(self.edit_templates)
        for a in (self.copy_action, self.sent_action, self.close_action):
            self.addAction(a)

        self.call_actions: dict[str, QAction] = {}
        self.call_menu = QMenu(self)
        for outcome, text in ((CallOutcome.SPOKE, translate("ComposeWindow", "I &spoke with them")),
                              (CallOutcome.LEFT_MESSAGE, translate("ComposeWindow", "I &left a message")),
                              (CallOutcome.NO_ANSWER, translate("ComposeWindow", "&No answer"))):
            act = self.call_menu.addAction(text)
            act.setObjectName(f"logCall_{outcome}")
            act.triggered.connect(lambda _=False, o=str(outcome): self.log_call(o))
            self.call_actions[str(outcome)] = act

        self.snooze_menu = QMenu(self)
        settings = self.workspace.settings()
        for days in (settings.snooze_short_days, settings.snooze_long_days):  # Settings → Desktop
            act = self.snooze_menu.addAction(snooze_text(days))
            act.setObjectName(f"snooze_{days}d")
            act.triggered.connect(lambda _=False, d=days: self.snooze(timedelta(days=d)))
        self.snooze_actions = self.snooze_menu.actions()

        buttons = QHBoxLayout()
        self.templates_button = QPushButton(self.edit_templates_action.text(), objectName="editTemplatesButton")
        self.templates_button.setAccessibleName(translate("ComposeWindow", "Edit templates"))
        self.templates_button.clicked.connect(self.edit_templates)
        buttons.addWidget(self.templates_button)
        buttons.addStretch(1)
        self.snooze_button = QToolButton(objectName="snoozeButton", text=translate("ComposeWindow", "S&nooze"))
        self.snooze_button.setAccessibleName(translate("ComposeWindow", "Snooze"))
        self.snooze_button.setMenu(self.snooze_menu)
        self.snooze_button.setPopupMode(QToolButton.InstantPopup)
        self.snooze_button.setToolButtonStyle(Qt.ToolButtonTextOnly)
        self.snooze_button.setFocusPolicy(Qt.StrongFocus)
        buttons.addWidget(self.snooze_button)
        self.copy_button = QPushButton(self.copy_action.text(), objectName="copyButton")
        self.copy_button.setAccessibleName(translate("ComposeWindow", "Copy message"))
        self.copy_button.setToolTip(translate("ComposeWindow", "Copy the message to the clipboard (Ctrl+Shift+C)"))
        self.copy_button.clicked.connect(lambda: self.copy_message())
        buttons.addWidget(self.copy_button)
        self.mail_button = QPushButton(self.mail_action.text(), objectName="mailButton")
        self.mail_button.setAccessibleName(translate("ComposeWindow", "Open in mail app"))
        self.mail_button.clicked.connect(lambda: self.open_in_mail_app())
        buttons.addWidget(self.mail_button)
        self.sent_button = QPushButton(self.sent_action.text(), objectName="markSentButton")
        self.sent_button.setAccessibleName(translate("ComposeWindow", "Mark as sent"))
        self.sent_button.setToolTip(translate("ComposeWindow", "Log it on the timeline (Ctrl+Return)"))
        self.sent_button.clicked.connect(lambda: self.mark_sent())
        self.sent_button.setDefault(True)
        buttons.addWidget(self.sent_button)
        self.call_button = QPushButton(translate("ComposeWindow", "&Log call"), objectName="logCallButton")
        self.call_button.setAccessibleName(translate("ComposeWindow", "Log call"))
        self.call_button.setToolTip(translate("ComposeWindow", "Log the call on the timeline (Ctrl+Return)"))
        self.call_button.setMenu(self.call_menu)
        buttons.addWidget(self.call_button)
        outer.addLayout(buttons)

        self.situation_combo.currentIndexChanged.connect(self._situation_picked)
        self.recipient_combo.currentIndexChanged.connect(self._recipient_picked)
        self.variant_combo.currentIndexChanged.connect(self._variant_picked)
        self.tabs.currentChanged.connect(self._tab_picked)
        self.subject_edit.textEdited.connect(self._text_edited)
        self.body_edit.textChanged.connect(self._text_edited)

        self.setTabOrder(self.situation_combo, self.recipient_combo)
        self.setTabOrder(self.recipient_combo, self.variant_combo)
        self.setTabOrder(self.variant_combo, self.tabs)
        self.setTabOrder(self.tabs, self.subject_edit)
        self.setTabOrder(self.subject_edit, self.body_edit)
        self.setTabOrder(self.body_edit, self.checks_list)

    def _fill_situations(self) -> None:
        """The messages that make sense on this timeline (a thank-you needs an interview), and
        the one being written."""
        self.situation_combo.blockSignals(True)
        self.situation_combo.clear()
        for sid in self.model.available_situations():
            self.situation_combo.addItem(situation_label(sid), sid)
        self.situation_combo.setCurrentIndex(self.situation_combo.findData(self.situation))
        self.situation_combo.blockSignals(False)

    def _fill_recipients(self) -> None:
        self.recipient_combo.blockSignals(True)
        self.recipient_combo.clear()
        for r in self.context.recipients:
            text = r.name
            # a call shows the number to dial, anything else the address
            if self.channel == PHONE:
                text += f" <{r.phone}>" if r.phone else " " + translate("ComposeWindow", "(no phone number)")
            elif r.email or r.phone:
                text += f" <{r.email or r.phone}>"
            self.recipient_combo.addItem(text, r.key)
        if not self.context.recipients:
            self.recipient_combo.addItem(translate("ComposeWindow", "(no contact at this employer)"), None)
        idx = self.recipient_combo.findData(self.contact_key)
        self.recipient_combo.setCurrentIndex(max(0, idx))
        self.recipient_combo.setEnabled(bool(self.context.recipients))
        self.recipient_combo.blockSignals(False)

    # -- what is shown ------------------------------------------------------------------------
    @property
    def employer_name(self) -> str:
        app = self.workspace.application(self.application_key) if hasattr(self.workspace, "application") else None
        if app is not None:
            return app.employer_name
        return self.context.values.get("employer", "")

    def _title_label(self) -> str:
        if self.model.on_action:
            return action_label(self.action.name)
        return situation_label(self.situation)

    def _update_title(self) -> None:
        recipient = self.context.recipient
        who = f"{recipient.name}, {self.employer_name}" if recipient is not None else self.employer_name
        self.setWindowTitle(f"{self._title_label()} — {who}")

    def _show_situation(self) -> None:
        """Tabs, hint and reason for the current situation, then the current channel's draft."""
        sit = SITUATIONS[self.situation]
        self.model.settle_channel()
        self.tabs.blockSignals(True)
        while self.tabs.count():
            self.tabs.removeTab(0)
        for ch in sit.channels:
            i = self.tabs.addTab(channel_label(ch))
            self.tabs.setTabData(i, ch)
        self.tabs.setCurrentIndex(sit.channels.index(self.channel))
        self.tabs.setVisible(True)
        self.tabs.blockSignals(False)
        self.hint_label.setText(translate("ComposeWindow", "Tip: {0}").format(marked("wording", sit.hint)))
        self.hint_label.setStyleSheet(f"color: {style.muted_color().name()};")
        self.hint_label.setVisible(bool(sit.hint))
        reason = self.model.reason
        self.reason_label.setText(translate("ComposeWindow", "<b>Why now:</b> {0}").format(html.escape(reason)) if reason else "")
        self.reason_label.setVisible(bool(reason))
        self._update_title()
        self._show_channel()

    def _show_channel(self) -> None:
        self.subject_row.setVisible(self.channel == EMAIL)
        self.number_row.setVisible(self.channel == PHONE)
        self._show_number()
        if self.recipient_combo.count():
            self._fill_recipients()  # a call lists the numbers, a message the addresses
        self._fill_variants()
        draft = self.model.current
        if draft is None:
            draft = self.model.render(self._current_template_id())
        else:
            i = self.variant_combo.findData(draft.template_id)
            if i >= 0:
                self.variant_combo.blockSignals(True)
                self.variant_combo.setCurrentIndex(i)
                self.variant_combo.blockSignals(False)
        self._put_draft(draft)
        self._update_buttons()

    def _fill_variants(self) -> None:
        found = self.model.variants()
        self.variant_combo.blockSignals(True)
        self.variant_combo.clear()
        for t in found:
            text = t.label if t.source != "user" else translate("ComposeWindow", "{0} (yours)").format(t.label)
            self.variant_combo.addItem(text, t.id)
        if found:
            start = self.model.start_variant()
            self.variant_combo.setCurrentIndex(max(0, self.variant_combo.findData(start.id if start else None)))
        self.variant_combo.blockSignals(False)
        several = len(found) > 1
        self.variant_combo.setVisible(several)
        self.variant_label.setVisible(several)

    def _current_template_id(self) -> str | None:
        return self.variant_combo.currentData()

    def _put_draft(self, draft: ChannelDraft) -> None:
        self._quiet = True
        try:
            self.subject_edit.setText(draft.subject or "")
            self.body_edit.setPlainText(draft.body)
        finally:
            self._quiet = False
        self._show_missing()
        self.run_checks()

    def _show_number(self) -> None:
        r = self.context.recipient
        if r is not None and r.phone:
            self.number_label.setText(r.phone)
        elif r is not None:
            self.number_label.setText(translate("ComposeWindow", "none for {0}: add it to the contact").format(r.name))
        else:
            self.number_label.setText(translate("ComposeWindow", "no contact to call"))

    @property
    def draft(self) -> ChannelDraft:
        return self.model.current

    def subject(self) -> str | None:
        return self.subject_edit.text() if self.channel == EMAIL else None

    def body(self) -> str:
        return self.body_edit.toPlainText()

    # -- missing values -----------------------------------------------------------------------
    def _show_missing(self) -> None:
        wanted = self.model.still_missing()
        if wanted == list(self.missing_edits):
            self.missing_box.setVisible(bool(wanted))
            return
        while self.missing_form.rowCount():
            self.missing_form.removeRow(0)
        self.missing_edits = {}
        self.profile_boxes: dict[str, QCheckBox] = {}
        labels = self.context.labels
        previous = self.checks_list
        for name in wanted:
            edit = QLineEdit(objectName=f"missing_{name}")
            label = labels.get(name, name)
            edit.setAccessibleName(label)
            edit.setPlaceholderText(translate("ComposeWindow", "Type it, then press Enter"))
            edit.setText(self.model.overrides.get(name, ""))
            edit.returnPressed.connect(lambda n=name: self.fill_missing(n))
            edit.editingFinished.connect(lambda n=name: self.fill_missing(n))
            caption = QLabel(label[:1].upper() + label[1:] + ":")
            caption.setBuddy(edit)
            self.missing_form.addRow(caption, edit)
            self.missing_edits[name] = edit
            QWidget.setTabOrder(previous, edit)
            previous = edit
            if name in PROFILE_FIELDS:
                # yours, not this message's: typed once, it can sign every later message
                box = QCheckBox(translate("ComposeWindow", "Save to my profile"), objectName=f"saveProfile_{name}")
                box.setAccessibleName(translate("ComposeWindow", "Save {0} to my profile").format(label))
                box.setToolTip(translate("ComposeWindow", "Keep it in Settings → Profile, for every message from now on"))
                box.setChecked(self.model.save_profile.get(name, True))
                box.toggled.connect(lambda on, n=name: self.model.save_profile.__setitem__(n, on))
                self.missing_form.addRow(box)
                self.profile_boxes[name] = box
                QWidget.setTabOrder(previous, box)
                previous = box
        self.missing_box.setVisible(bool(wanted))

    def fill_missing(self, name: str, value: str | None = None) -> None:
        """Put a value the app did not know in place of its marker, in the subject and the body
        (what the user typed elsewhere stays), and in every draft rendered later."""
        edit = self.missing_edits.get(name)
        if value is None:
            value = edit.text() if edit is not None else ""
        value = value.strip()
        if not value:
            return
        subject_value = self.model.fill(name, value)
        setting = self.model.profile_setting(name)
        if setting is not None:
            self._save_to_profile(name, setting, value)
        mark = marker(name)
        subject, body = self.subject(), self.body()
        if mark in body:
            cursor = self.body_edit.textCursor()
            pos = cursor.position()
            # one edit block, so Ctrl+Z in the body undoes the fill in one step
            doc = self.body_edit.document()
            finder = doc.find(mark)
            cursor.beginEditBlock()
            while not finder.isNull():
                finder.insertText(value)
                finder = doc.find(mark, finder)
            cursor.endEditBlock()
            cursor.setPosition(min(pos, len(self.body())))
        if subject is not None and mark in subject:
            self.subject_edit.setText(subject.replace(mark, subject_value))
            self._text_edited()
        # the row goes away once its marker is gone; do it after the edit's own signal returns
        QTimer.singleShot(0, self, self._after_fill)  # dropped if the window is gone by then

    def _save_to_profile(self, name: str, setting: str, value: str) -> None:
        if getattr(self.workspace.settings(), setting, None) == value:
            return
        try:
            self.workspace.save_settings({setting: value})
        except Exception as exc:  # noqa: BLE001 - a refused value is named; the message keeps it
            log.info("saving %s to the profile was refused: %s", setting, exc)
            self.show_error(translate("ComposeWindow", "Not saved to your profile: {0}").format(exc))
            return
        self.model.profile_saved(name, value)
        self.show_info(translate("ComposeWindow", "Saved to your profile: every message from now on uses it."))

    def _after_fill(self) -> None:
        self._show_missing()
        self.run_checks()

    # -- reacting to the user -----------------------------------------------------------------
    def _text_edited(self, *_args) -> None:
        if self._quiet:
            return
        self.model.edit(self.subject(), self.body())
        self._check_timer.start()

    def _sync(self) -> None:
        """The editors are what is sent: a text set on them without an edit signal counts too."""
        d = self.model.current
        if d is not None and not self._quiet and (d.body != self.body() or (self.channel == EMAIL
                                                                             and (d.subject or "") != self.subject())):
            self.model.edit(self.subject(), self.body())

    def _situation_picked(self, index: int) -> None:
        sid = self.situation_combo.itemData(index)
        if self.model.pick_situation(sid):
            self._show_situation()

    def _recipient_picked(self, index: int) -> None:
        key = self.recipient_combo.itemData(index)
        try:
            if not self.model.pick_recipient(key):
                return
        except Exception as exc:  # noqa: BLE001 - a read failure is shown, the draft stays
            log.exception("building the message context failed")
            self.show_error(translate("ComposeWindow", "Could not read this contact: {0}").format(exc))
            return
        self._fill_situations()
        self._update_title()
        self._show_channel()

    def _variant_picked(self, index: int) -> None:
        tid = self.variant_combo.itemData(index)
        self._put_draft(self.model.render(tid))

    def _tab_picked(self, index: int) -> None:
        ch = self.tabs.tabData(index)
        if self.model.pick_channel(ch):
            self._show_channel()

    # -- checks -------------------------------------------------------------------------------
    def run_checks(self) -> list:
        self._check_timer.stop()
        self._sync()
        try:
            found = self.model.run_checks(self.workspace.settings())
        except Exception:  # noqa: BLE001 - a check must never take the window down
            log.exception("checking the draft failed")
            self.model.checks = found = []
        self.checks_list.clear()
        icons = {"error": QStyle.SP_MessageBoxCritical, "warning": QStyle.SP_MessageBoxWarning,
                 "info": QStyle.SP_MessageBoxInformation}
        for c in found:
            try:  # the core's marked sentence in the user's language, its values filled in after
                said = c.shown(marked)
            except (IndexError, KeyError, ValueError):  # a translation that lost a {0}: the English one
                log.warning("the translation of check %r does not fit its values", c.code)
                said = c.message
            item = QListWidgetItem(self.style().standardIcon(icons.get(c.level, QStyle.SP_MessageBoxInformation)),
                                   said)
            item.setData(Qt.UserRole, c.code)
            item.setToolTip(said)
            self.checks_list.addItem(item)
        if not found:
            ready = {PHONE: translate("ComposeWindow", "Ready to call."), NOTE: translate("ComposeWindow", "Looks complete.")}.get(self.channel, translate("ComposeWindow", "Looks ready to send."))
            item = QListWidgetItem(self.style().standardIcon(QStyle.SP_DialogApplyButton), ready)
            item.setData(Qt.UserRole, None)
            self.checks_list.addItem(item)
        if not self._quiet:
            self._show_missing()
        return found

    def check_codes(self) -> list[str]:
        return self.model.check_codes()

    # -- buttons ------------------------------------------------------------------------------
    def _recipient_email(self) -> str:
        return self.model.recipient_email

    def _update_buttons(self) -> None:
        sit = SITUATIONS[self.situation]
        phone = self.channel == PHONE
        self.mail_button.setVisible(self.channel == EMAIL)
        has_email = bool(self._recipient_email())
        self.mail_button.setEnabled(has_email)
        self.mail_action.setEnabled(self.channel == EMAIL and has_email)
        self.mail_button.setToolTip(translate("ComposeWindow", "Open a new message in your mail app") if has_email
                                    else translate("ComposeWindow", "No email address for this contact"))
        can_log = sit.logs_as is not None
        self.sent_button.setVisible(not phone)
        self.call_button.setVisible(phone)
        self.sent_button.setEnabled(can_log or self.action is not None)
        self.sent_button.setText(translate("ComposeWindow", "Mark as s&ent") if can_log else translate("ComposeWindow", "Mark as &done"))
        self.call_button.setEnabled(can_log)
        self.copy_button.setText(translate("ComposeWindow", "&Copy script") if phone else translate("ComposeWindow", "&Copy message"))
        self.copy_button.setToolTip(translate("ComposeWindow", "Copy the script to the clipboard (Ctrl+Shift+C)") if phone
                                    else translate("ComposeWindow", "Copy the message, without its subject, to the clipboard (Ctrl+Shift+C)"))
        for a in self.snooze_actions:
            a.setEnabled(self.action is not None)
        self.snooze_button.setEnabled(self.action is not None)

    # -- gaps: asked about before anything leaves the window ------------------------------------
    def _with_gaps_asked(self, text: str, question: str, go_label: str, go) -> bool:
        """Run `go` now when `text` holds no gap; else ask first ("Send with [key point?] in
        it?") and run it only on the user's yes. False when the question was asked."""
        gaps = self.model.gaps_to_ask(text)
        if not gaps:
            go()
            return True
        box = QMessageBox(QMessageBox.Warning, translate("ComposeWindow", "Gaps in the message"),
                          question.format(", ".join(f"“{g}”" for g in gaps)), QMessageBox.NoButton, self)
        box.setObjectName("gapQuestion")
        box.setInformativeText(translate("ComposeWindow", "Fill it in, or say it in your own words, before you call.") if self.channel == PHONE
                               else translate("ComposeWindow", "The recipient would read the brackets as they are."))
        fill = box.addButton(translate("ComposeWindow", "Fill it in first"), QMessageBox.RejectRole)
        fill.setObjectName("fillFirstButton")
        anyway = box.addButton(go_label, QMessageBox.AcceptRole)
        anyway.setObjectName("anywayButton")
        box.setDefaultButton(fill)
        box.setEscapeButton(fill)

        def answered(_result) -> None:
            self.question = None
            if box.clickedButton() is anyway:
                go()
            else:
                self._focus_first_gap()

        box.finished.connect(answered)
        box.setWindowModality(Qt.WindowModal)
        self.question = box
        box.open()
        return False

    def _focus_first_gap(self) -> None:
        edit = next(iter(self.missing_edits.values()), None)
        if edit is not None:
            edit.setFocus()
            return
        text = self.body()
        found = GAP_RE.search(text)
        if found:
            cursor = self.body_edit.textCursor()
            cursor.setPosition(found.start())
            cursor.setPosition(found.end(), cursor.KeepAnchor)
            self.body_edit.setTextCursor(cursor)
        self.body_edit.setFocus()

    def copy_message(self) -> bool:
        """Put the body on the clipboard (asking first when it still holds a gap). True when
        it was copied now."""
        body = self.body()

        def go() -> None:
            QGuiApplication.clipboard().setText(clipboard_text(self.channel, self.subject(), body))
            self.show_info(translate("ComposeWindow", "Copied the script to the clipboard.") if self.channel == PHONE
                           else translate("ComposeWindow", "Copied the message to the clipboard."))

        return self._with_gaps_asked(body, translate("ComposeWindow", "Copy with {0} in it?"), translate("ComposeWindow", "Copy anyway"), go)

    def copy_subject(self) -> bool:
        subject = self.subject() or ""

        def go() -> None:
            QGuiApplication.clipboard().setText(subject)
            self.show_info(translate("ComposeWindow", "Copied the subject line to the clipboard."))

        return self._with_gaps_asked(subject, translate("ComposeWindow", "Copy the subject with {0} in it?"), translate("ComposeWindow", "Copy anyway"), go)

    def mailto_url(self) -> str:
        self._sync()
        return self.model.mailto_url()

    def open_in_mail_app(self) -> bool:
        """Hand the message to the mail app (asking first about a gap). True when handed over."""
        if self.channel != EMAIL:
            return False
        done: list[bool] = []
        self._with_gaps_asked((self.subject() or "") + "\n" + self.body(), translate("ComposeWindow", "Open it in your mail app with {0} in it?"),
                              translate("ComposeWindow", "Open anyway"), lambda: done.append(self._open_in_mail_app()))
        return bool(done and done[0])

    def _open_in_mail_app(self) -> bool:
        if not self._recipient_email():
            self.show_error(translate("ComposeWindow", "This contact has no email address: add one, or copy the message."))
            return False
        try:
            url = self.mailto_url()
        except ValueError as exc:
            self.show_error(translate("ComposeWindow", "Cannot hand this to the mail app: {0}").format(exc))
            return False
        if not QDesktopServices.openUrl(QUrl.fromEncoded(url.encode("ascii"))):
            self.show_error(translate("ComposeWindow", "No mail app answered. Copy the message instead (Ctrl+Shift+C)."))
            return False
        self.show_info(translate("ComposeWindow", "Opened in your mail app. Mark it as sent once it is on its way."))
        return True

    def _mark_sent_or_call_menu(self) -> None:
        if self.channel == PHONE:
            self.call_button.showMenu()
        else:
            self.mark_sent()

    def mark_sent(self) -> bool:
        """Log the message on the timeline (or, for a note to self, mark the step done), asking
        first when it still holds a gap. True when it was logged now."""
        if self.model.logged:
            return False
        if not self.model.logs:
            return self._mark_sent()
        done: list[bool] = []
        self._with_gaps_asked((self.subject() or "") + "\n" + self.body(), translate("ComposeWindow", "Mark it as sent with {0} in it?"),
                              translate("ComposeWindow", "Mark as sent anyway"), lambda: done.append(self._mark_sent()))
        return bool(done and done[0])

    def _mark_sent(self) -> bool:
        self._sync()
        event = self.model.sent_event()
        if event is None:
            if self.action is None:
                return False
            def refused(exc) -> None:
                log.info("marking the step done failed: %s", exc)
                if _alive(self):
                    self.model.logged = False
                    self._set_editing(True)
                    self.show_error(translate("ComposeWindow", "Could not mark this as done: {0}").format(exc))
            self.model.logged = True  # written on the write worker: one click is enough
            self._set_editing(False)
            self.workspace.set_action_state(
                self.action, done_at=self.workspace.now(), refused=refused,
                done=lambda _c: _alive(self) and self._after_logging(translate("ComposeWindow", "Marked as done.")))
            return True
        return self._log(event, translate("ComposeWindow", "Logged as sent on the timeline."))

    def log_call(self, outcome: str) -> bool:
        if self.model.logged:
            return False
        self._sync()
        event = self.model.call_event(outcome)
        if event is None:
            return False
        texts = {CallOutcome.SPOKE: translate("ComposeWindow", "Call logged: you spoke with them."),
                 CallOutcome.LEFT_MESSAGE: translate("ComposeWindow", "Call logged: you left a message."),
                 CallOutcome.NO_ANSWER: translate("ComposeWindow", "Call logged: no answer.")}
        return self._log(event, texts.get(outcome, translate("ComposeWindow", "Call logged.")))

    def _log(self, event: dict, confirmation: str) -> bool:
        """Queue the event (the write worker logs it); `sent` and the confirmation follow once it
        is on the timeline. False when it is refused at once."""
        key = self.application_key

        def logged(_command) -> None:
            if _alive(self):
                self.sent.emit(key)
                self._after_logging(confirmation)

        def refused(exc) -> None:
            log.info("logging the event failed: %s", exc)
            if _alive(self):
                self.model.logged = False
                self._set_editing(True)
                self.show_error(translate("ComposeWindow", "Not logged: {0}").format(exc))
        try:
            self.workspace.log_event(key, event, done=logged, refused=refused)
        except ExchangeError as exc:
            self.show_error(translate("ComposeWindow", "Not logged: {0}").format(exc))
            return False
        except Exception as exc:  # noqa: BLE001 - a database error is shown, never a crash
            log.exception("logging the event failed")
            self.show_error(translate("ComposeWindow", "Not logged: {0}").format(exc))
            return False
        self.model.logged = True  # one click is enough: the window waits for the write
        self._set_editing(False)
        return True

    def _after_logging(self, text: str) -> None:
        self.model.logged = True
        self.model.forget_kept()
        self._set_editing(False)
        # the window stays: Undo is in reach until the user closes it
        self._show_status(text + " " + translate("ComposeWindow", "Undo takes it back; close the window when you are done."), kind="ok")
        self.undo_button.show()
        self.done_button.show()
        self.done_button.setDefault(True)
        self.undo_button.setFocus()

    def undo_logging(self) -> None:
        if self.model.logged and self.workspace.undo_stack.canUndo():
            self.workspace.undo_stack.undo()
        self.model.logged = False
        self._set_editing(True)
        self.undo_button.hide()
        self.done_button.hide()
        self.done_button.setDefault(False)
        self._show_status(translate("ComposeWindow", "Undone: nothing is logged."), kind="info")

    def _set_editing(self, enabled: bool) -> None:
        for w in (self.situation_combo, self.recipient_combo, self.variant_combo, self.tabs,
                  self.subject_edit, self.body_edit, self.sent_button, self.call_button,
                  self.snooze_button, self.missing_box):
            w.setEnabled(enabled)
        self.sent_action.setEnabled(enabled)
        if enabled:
            self.recipient_combo.setEnabled(bool(self.context.recipients))
            self._update_buttons()

    def snooze(self, delta: timedelta) -> bool:
        if self.action is None:
            return False
        try:  # written on the write worker; a refusal is the main window's to show
            self.workspace.snooze(self.action, self.workspace.now() + delta)
        except Exception as exc:  # noqa: BLE001
            log.exception("snoozing failed")
            self.show_error(translate("ComposeWindow", "Could not snooze: {0}").format(exc))
            return False
        if self.model.edited:
            self.model.keep()  # the step comes back later: so does what the user wrote
        self._may_close = True
        self.close()
        return True

    def edit_templates(self) -> None:
        from .template_editor import TemplateEditor

        current = self.draft.template_id if self.draft is not None else None
        editor = TemplateEditor(self.workspace, context=self.context, situation=self.situation,
                                channel=self.channel, template_id=current, parent=self)
        editor.templates_changed.connect(self.reload_templates)
        editor.show()
        self.template_editor = editor

    def reload_templates(self) -> None:
        """The user saved or removed a template: offer it, without losing their edits."""
        self.model.reload_templates()
        self._show_channel()

    # -- messages in the window ---------------------------------------------------------------
    def show_error(self, text: str) -> None:
        self._show_status(text, kind="error")

    def show_info(self, text: str) -> None:
        self._show_status(text, kind="info")

    def _show_status(self, text: str, *, kind: str) -> None:
        color = {"error": style.overdue_color(), "ok": style.inbound_color()}.get(kind)
        self.status_label.setStyleSheet(f"color: {color.name()};" if color is not None else "")
        self.status_label.setText(text)
        self.status_label.setProperty("kind", kind)
        if kind != "ok" and not self.model.logged:
            self.undo_button.hide()
            self.done_button.hide()
        self.status_bar.show()

    # -- closing: the user's words are never lost without asking --------------------------------
    def closeEvent(self, event) -> None:
        if self._may_close or self.model.logged or not self.model.edited:
            if not self.model.logged and not self._may_close:
                self.model.forget_kept()  # nothing of the user's: an old kept draft was discarded
            super().closeEvent(event)
            return
        event.ignore()
        if self.question is not None:
            self.question.raise_()
            return
        self.ask_before_closing()

    def discard(self) -> None:
        """Close without asking, dropping what was typed (and any open question)."""
        if self.question is not None:
            self.question.done(0)
            self.question = None
        self.model.forget_kept()
        self._may_close = True
        self.close()

    def ask_before_closing(self) -> None:
        box = QMessageBox(QMessageBox.Question, translate("ComposeWindow", "Close without sending?"),
                          translate("ComposeWindow", "You changed this message and have not sent it."), QMessageBox.NoButton, self)
        box.setObjectName("closeQuestion")
        box.setInformativeText(translate("ComposeWindow", "Keep the draft to find it here again when you next write this step, "
                                  "or discard your changes."))
        stay = box.addButton(translate("ComposeWindow", "Keep editing"), QMessageBox.RejectRole)
        stay.setObjectName("keepEditingButton")
        keep = box.addButton(translate("ComposeWindow", "Keep the draft"), QMessageBox.AcceptRole)
        keep.setObjectName("keepDraftButton")
        discard = box.addButton(translate("ComposeWindow", "Discard"), QMessageBox.DestructiveRole)
        discard.setObjectName("discardButton")
        box.setDefaultButton(stay)
        box.setEscapeButton(stay)

        def answered(_result) -> None:
            self.question = None
            clicked = box.clickedButton()
            if clicked is keep:
                self.model.keep()
            elif clicked is discard:
                self.model.forget_kept()
            else:
                self.body_edit.setFocus()
                return
            self._may_close = True
            self.close()

        box.finished.connect(answered)
        box.setWindowModality(Qt.WindowModal)
        self.question = box
        box.open()

    def changeEvent(self, event) -> None:
        if event.type() == QEvent.PaletteChange and hasattr(self, "checks_list"):
            self.hint_label.setStyleSheet(f"color: {style.muted_color().name()};")
            self.run_checks()
        super().changeEvent(event)


__all__ = ["ComposeWindow", "clipboard_text", "CHECK_DELAY_MS"]


def _alive(widget) -> bool:
    """False once Qt has deleted the window (a write's result can come back after it closed)."""
    from shiboken6 import isValid

    return isValid(widget)
