"""What every editing dialog shares: a field with its message line, date fields, a notes box that
refuses oversized pastes, combo boxes over the vocabulary, and a dialog base that will not accept
while a field is invalid.

The rules themselves are the core's (`exchange.validate`, `settings.validate`, `isotime`), so a
dialog and an imported file accept exactly the same values.
"""

from __future__ import annotations

import re
from datetime import date, datetime
from typing import Any, Callable, Iterable, Mapping

from PySide6.QtCore import QCoreApplication, QDate, QDateTime, QMimeData, QPoint, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QIcon, QPalette
from PySide6.QtWidgets import (
    QCalendarWidget,
    QComboBox,
    QDateTimeEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMenu,
    QPlainTextEdit,
    QPushButton,
    QSizePolicy,
    QToolButton,
    QVBoxLayout,
    QWidget,
    QWidgetAction,
)

from ...desktop.translations import picks
from ...exchange.validate import ExchangeError
from ...records import NOTES_MAX
from ...isotime import TimeFormatError, parse_date
from ...vocab import CALL_OUTCOMES, CHANNELS, EVENTS, OUTCOMES, REPLY_OUTCOMES, ROLES, SOURCES, STAGES, EventKind


translate = QCoreApplication.translate  # translate("Context", "…"): what pyside6-lupdate reads


# -- colours ----------------------------------------------------------------------------------

def is_dark(palette: QPalette) -> bool:
    return palette.color(QPalette.Window).lightness() < 128


def message_color(palette: QPalette, level: str) -> QColor:
    """A red (or amber) that keeps enough contrast on the palette in use, light or dark."""
    dark = is_dark(palette)
    if level == "warning":
        return QColor("#f2c14e") if dark else QColor("#7a4a00")
    if level == "info":
        return palette.color(QPalette.PlaceholderText) if not dark else QColor("#a8b3bd")
    return QColor("#ff8a80") if dark else QColor("#b3261e")


def hint_color(palette: QPalette) -> QColor:
    """The small grey help lines: quieter than the text, still readable."""
    return QColor("#9aa4ad") if is_dark(palette) else QColor("#5f6368")


class Invalid(ValueError):
    """A field's value breaks a rule; `str()` is the message shown under the field."""


class Note(Warning):
    """What a check returns to say something that is not an error ("warning" or "info"); the
    field stays valid and Save still works."""

    def __init__(self, text: str, level: str = "warning"):
        super().__init__(text)
        self.level = level


# -- fields -----------------------------------------------------------------------------------

def plain_label(text: str) -> str:
    """A label without its mnemonic ampersand or trailing colon: the field's name in messages."""
    return text.replace("&&", "\x00").replace("&", "").replace("\x00", "&").rstrip(":").strip()


class Field(QWidget):
    """One input with a message line right under it.

    The message is also put in the input's accessible description, so a screen reader announces
    why the value is refused. Tests find the message as `<editor objectName>_message`.
    """

    def __init__(self, editor: QWidget, label: str, check: Callable[[], Any] | None = None,
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.editor = editor
        self.label_text = plain_label(label)
        self._check = check
        self._level: str | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        if editor.sizePolicy().horizontalPolicy().value & QSizePolicy.PolicyFlag.ExpandFlag.value:
            layout.addWidget(editor)
        else:
            # keeps a combo or spin box at its natural width while the message below spans the row
            layout.addWidget(editor, 0, Qt.AlignLeft)
        self.message = QLabel(self)
        self.message.setTextFormat(Qt.PlainText)  # it may quote what was typed: text, never markup
        self.message.setWordWrap(True)
        self.message.setTextInteractionFlags(Qt.TextSelectableByMouse)
        self.message.setObjectName(f"{editor.objectName() or 'field'}_message")
        self.message.hide()
        layout.addWidget(self.message)
        if not editor.accessibleName():
            editor.setAccessibleName(self.label_text)
        self._description = editor.accessibleDescription()

    @property
    def level(self) -> str | None:
        return self._level

    def show_message(self, text: str | None, level: str = "error") -> None:
        if not text:
            self._level = None
            self.message.clear()
            self.message.hide()
            self.editor.setAccessibleDescription(self._description)
            return
        self._level = level
        self.message.setText(text)
        self._paint()
        self.message.show()
        self.editor.setAccessibleDescription(text)
        QTimer.singleShot(0, lambda: grow_to_fit(self.window()))

    def _paint(self) -> None:
        if self._level is None:
            return
        pal = self.message.palette()
        pal.setColor(QPalette.WindowText, message_color(self.palette(), self._level))
        self.message.setPalette(pal)

    def changeEvent(self, event):
        super().changeEvent(event)
        if event.type() == event.Type.PaletteChange:
            self._paint()

    def problem(self) -> str | None:
        """Why the value is refused (None when it is fine), without showing anything."""
        if self._check is None:
            return None
        try:
            self._check()
        except Invalid as exc:
            return str(exc)
        return None

    def validate(self, show: bool = True) -> bool:
        """Run the check; show (or clear) the message. Warnings do not make a field invalid."""
        if self._check is None:
            return True
        try:
            result = self._check()
        except Invalid as exc:
            if show:
                self.show_message(str(exc), "error")
            return False
        if show:
            if isinstance(result, Note):
                self.show_message(str(result), result.level)
            else:
                self.show_message(None)
        return True


def grow_to_fit(window: QWidget) -> None:
    """Make a dialog tall enough for wrapped messages that appeared after it was laid out
    (a top-level window does not grow for height-for-width content by itself)."""
    layout = window.layout() if window is not None else None
    if layout is None or not window.isWindow():
        return
    layout.activate()
    # Only as much as the wrapped texts lack: the room kept below the fields (and any box that
    # can shrink) is used first, so the dialog keeps its size and its buttons stay put.
    lacking = 0
    for label in window.findChildren(QLabel):
        if label.isVisible() and label.wordWrap() and label.window() is window:
            lacking = max(lacking, label.heightForWidth(label.width()) - label.height())
    needed = max(layout.totalMinimumSize().height(), window.height() + max(0, lacking))
    if window.height() < needed:
        window.resize(window.width(), needed)


def exchange_rule(checker: Callable, label: str) -> Callable[[Any], Any]:
    """An exchange-file field checker as a dialog rule: `rule(value)` returns the cleaned value or
    raises Invalid with the core's message, led by the field's visible name."""
    name = plain_label(label)

    def rule(value):
        try:
            return checker(value, name)
        except ExchangeError as exc:
            raise Invalid(str(exc)) from None
    return rule


def parse_optional_date(text: str, label: str) -> date | None:
    """`YYYY-MM-DD` or empty (None); anything else is Invalid with a message naming the field
    and the form expected."""
    value = text.strip()
    if not value:
        return None
    try:
        return parse_date(value)
    except TimeFormatError:
        name = plain_label(label)
        example = date.today().isoformat()
        if re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
            raise Invalid(translate("FollowupDialogs", "{name}: “{value}” is not a real date. Use YYYY-MM-DD, for example {example}.")
                          .format(name=name, value=value, example=example)) from None
        raise Invalid(translate("FollowupDialogs", "{name}: “{value}” is not a date in the form YYYY-MM-DD (for example {example}).")
                      .format(name=name, value=_short(value), example=example)) from None


def _short(value: str, limit: int = 40) -> str:
    return value if len(value) <= limit else value[: limit - 1] + "…"


class DateField(QWidget):
    """An optional date typed as YYYY-MM-DD, with a button that opens a calendar. Empty = none."""

    textChanged = Signal(str)

    def __init__(self, value: date | None = None, parent: QWidget | None = None, *, name: str = "date"):
        super().__init__(parent)
        self.setObjectName(name)
        self.setSizePolicy(QSizePolicy.Expanding, QSizePolicy.Fixed)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        self.edit = QLineEdit(self)
        self.edit.setObjectName(f"{name}_text")
        self.edit.setPlaceholderText(translate("FollowupDialogs", "YYYY-MM-DD (optional)"))
        self.edit.setMaxLength(40)
        self.edit.setClearButtonEnabled(True)
        if value is not None:
            self.edit.setText(value.isoformat())
        self.edit.textChanged.connect(self.textChanged)
        layout.addWidget(self.edit, 1)
        self.button = QToolButton(self)
        self.button.setObjectName(f"{name}_pick")
        icon = QIcon.fromTheme("x-office-calendar")
        if icon.isNull():
            self.button.setText(translate("FollowupDialogs", "Pick…"))
        else:
            self.button.setIcon(icon)
        self.button.setToolTip(translate("FollowupDialogs", "Pick the date on a calendar"))
        self.button.setAccessibleName(translate("FollowupDialogs", "Pick the date on a calendar"))
        self.button.setFocusPolicy(Qt.StrongFocus)
        menu = QMenu(self.button)
        self.calendar = QCalendarWidget(menu)
        self.calendar.setGridVisible(False)
        action = QWidgetAction(menu)
        action.setDefaultWidget(self.calendar)
        menu.addAction(action)
        menu.aboutToShow.connect(self._sync_calendar)
        self.calendar.clicked.connect(lambda d: (self._pick(d), menu.close()))
        self.calendar.activated.connect(lambda d: (self._pick(d), menu.close()))
        # popped up by hand: a tool button's own menu arrow would crowd its short text
        self.button.clicked.connect(
            lambda: menu.popup(self.button.mapToGlobal(QPoint(0, self.button.height()))))
        self._menu = menu
        layout.addWidget(self.button)
        self.setFocusProxy(self.edit)

    def _sync_calendar(self) -> None:
        try:
            current = parse_date(self.edit.text().strip())
        except TimeFormatError:
            current = date.today()
        self.calendar.setSelectedDate(QDate(current.year, current.month, current.day))

    def _pick(self, qdate: QDate) -> None:
        self.edit.setText(qdate.toString("yyyy-MM-dd"))
        self.edit.setFocus()

    def text(self) -> str:
        return self.edit.text()

    def setText(self, text: str) -> None:
        self.edit.setText(text)

    def setAccessibleName(self, name: str) -> None:
        super().setAccessibleName(name)
        self.edit.setAccessibleName(name)

    def accessibleName(self) -> str:
        return self.edit.accessibleName()

    def setAccessibleDescription(self, text: str) -> None:
        super().setAccessibleDescription(text)
        self.edit.setAccessibleDescription(text)


def datetime_edit(value: datetime, *, name: str) -> QDateTimeEdit:
    """Date and time of an event, to the minute, with a calendar popup."""
    edit = QDateTimeEdit(QDateTime(value.replace(second=0, microsecond=0)))
    edit.setObjectName(name)
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("yyyy-MM-dd HH:mm")
    return edit


class NotesEdit(QPlainTextEdit):
    """Multi-line notes that refuse a paste or drop that would pass `limit` characters.

    The size is checked before the text reaches the document, so a huge paste costs a length
    comparison, not a layout of megabytes; `refused` carries the message to show.
    """

    refused = Signal(str)

    def __init__(self, text: str = "", parent: QWidget | None = None, *, limit: int = NOTES_MAX,
                 name: str = "notes"):
        super().__init__(parent)
        self.limit = limit
        self.setObjectName(name)
        self.setTabChangesFocus(True)
        self.setPlainText(text)

    def length(self) -> int:
        # characterCount counts the final paragraph separator too
        return max(0, self.document().characterCount() - 1)

    def insertFromMimeData(self, source: QMimeData) -> None:
        if source.hasText():
            incoming = len(source.text())
            selected = len(self.textCursor().selectedText())
            total = self.length() - selected + incoming
            if total > self.limit:
                self.refused.emit(
                    translate("FollowupDialogs", "That paste is {incoming:,} characters; this box holds at most {limit:,}, so it was not added.")
                    .format(incoming=incoming, limit=self.limit))
                return
        super().insertFromMimeData(source)


# -- combo boxes over the vocabulary --------------------------------------------------------

def enum_combo(labels: Mapping[str, str], current: Any = None, *, name: str,
               blank: str | None = None) -> QComboBox:
    """A non-editable combo over `labels` (value -> label); `blank` adds a first "none" item."""
    combo = QComboBox()
    combo.setObjectName(name)
    if blank is not None:
        combo.addItem(blank, None)
    for value, label in labels.items():
        combo.addItem(label, str(value))
    set_combo_value(combo, current)
    return combo


def set_combo_value(combo: QComboBox, value: Any) -> None:
    index = combo.findData(None if value is None else str(value))
    if index >= 0:
        combo.setCurrentIndex(index)


def combo_value(combo: QComboBox) -> str | None:
    return combo.currentData()


def source_labels() -> dict[str, str]:
    return picks(SOURCES)


def stage_labels() -> dict[str, str]:
    return picks(STAGES)


def outcome_labels() -> dict[str, str]:
    return picks(OUTCOMES)


def role_labels() -> dict[str, str]:
    return picks(ROLES)


def channel_labels() -> dict[str, str]:
    return picks(CHANNELS)


def call_outcome_labels() -> dict[str, str]:
    return picks(CALL_OUTCOMES)


def reply_outcome_labels() -> dict[str, str]:
    return picks(REPLY_OUTCOMES)


#: what an outbound message or call was for, most common first
OUTBOUND_PICK_ORDER = (EventKind.FOLLOW_UP, EventKind.STATUS_CHECK, EventKind.CHECK_IN, EventKind.THANK_YOU,
                       EventKind.FEEDBACK_REQUEST, EventKind.QUERY_SENT, EventKind.WITHDRAWAL_NOTE, EventKind.APPLIED)


def outbound_kind_labels() -> dict[str, str]:
    """What an outbound message or call was for, most common first."""
    return picks(EVENTS, OUTBOUND_PICK_ORDER)


# -- the dialog base ----------------------------------------------------------------------------

class FormDialog(QDialog):
    """A modal dialog of fields that refuses Save while any shown field is invalid: the messages
    appear, the first bad field takes the focus, the dialog stays open."""

    def __init__(self, parent: QWidget | None = None, *, ok_text: str):
        super().__init__(parent)
        self.setModal(True)
        self._fields: list[Field] = []
        # no parent yet: added to a layout last, the buttons come last in the Tab order
        self.buttons = QDialogButtonBox(QDialogButtonBox.Save | QDialogButtonBox.Cancel)
        self.buttons.setObjectName("buttons")
        self.ok_button: QPushButton = self.buttons.button(QDialogButtonBox.Save)
        self.ok_button.setText(ok_text)
        self.ok_button.setObjectName("save")
        self.ok_button.setDefault(True)
        cancel = self.buttons.button(QDialogButtonBox.Cancel)
        cancel.setText(self.tr("Cancel"))
        cancel.setObjectName("cancel")
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

    #: lines of room kept free below the fields for messages that appear while typing, so the
    #: dialog keeps its size and its buttons stay where they are
    MESSAGE_ROOM_LINES = 3

    def showEvent(self, event):
        super().showEvent(event)
        if not getattr(self, "_room_made", False):
            self._room_made = True
            self._make_message_room()

    def _make_message_room(self) -> None:
        layout = self.layout()
        if layout is None:
            return
        # the free room goes between the fields and the buttons: the buttons stay at the bottom
        # (unless a part already takes the spare room, like the settings' tabs)
        if hasattr(layout, "insertStretch") and not any(layout.stretch(n) for n in range(layout.count())):
            for n in range(layout.count()):
                item = layout.itemAt(n)
                holds = item.widget() is self.buttons or (
                    item.layout() is not None and item.layout().indexOf(self.buttons) >= 0)
                if holds:
                    before = layout.itemAt(n - 1) if n else None
                    if before is None or before.spacerItem() is None:
                        layout.insertStretch(n, 1)
                    break
        layout.activate()
        room = self.fontMetrics().lineSpacing() * self.MESSAGE_ROOM_LINES
        wanted = max(self.height(), self.sizeHint().height() + room)
        screen = self.screen().availableGeometry().height() if self.screen() is not None else wanted
        self.resize(self.width(), min(wanted, max(self.height(), screen - 80)))

    def add_field(self, form: QFormLayout, label: str, editor: QWidget,
                  check: Callable[[], Any] | None = None, *,
                  signals: Iterable = ()) -> Field:
        """Add `editor` as a row of `form`; `check` runs again whenever one of `signals` fires."""
        field = Field(editor, label, check)
        caption = QLabel(label)
        caption.setBuddy(editor)
        caption.setObjectName(f"{editor.objectName() or 'field'}_label")
        form.addRow(caption, field)
        self._fields.append(field)
        for signal in signals:
            signal.connect(lambda *_: field.validate())
        return field

    def track(self, field: Field) -> Field:
        """Validate a field built outside `add_field` on Save too."""
        self._fields.append(field)
        return field

    def invalid_fields(self, show: bool = True) -> list[Field]:
        # a hidden row does not apply (e.g. the outcome of an application that is still open)
        return [f for f in self._fields if self._applies(f) and not f.validate(show)]

    def _applies(self, field: Field) -> bool:
        return not field.isHidden() and field.isEnabled()

    def accept(self) -> None:
        bad = self.invalid_fields()
        if bad:
            bad[0].editor.setFocus(Qt.OtherFocusReason)
            return
        message = self.check_whole()
        self.show_form_message(message)
        if message:
            return
        super().accept()

    def first_problem(self) -> str | None:
        """The first invalid field's message, without showing anything."""
        for field in self._fields:
            if self._applies(field):
                problem = field.problem()
                if problem:
                    return problem
        return None

    def check_whole(self) -> str | None:
        """Rules between fields, after each field passed; a message refuses Save."""
        return None

    def show_form_message(self, message: str | None) -> None:
        label = getattr(self, "_form_message", None)
        if label is None:
            return
        if not message:
            label.hide()
            return
        label.setText(message)
        pal = label.palette()
        pal.setColor(QPalette.WindowText, message_color(self.palette(), "error"))
        label.setPalette(pal)
        label.show()

    def make_form_message(self) -> QLabel:
        self._form_message = QLabel(self)
        self._form_message.setTextFormat(Qt.PlainText)
        self._form_message.setObjectName("form_message")
        self._form_message.setWordWrap(True)
        self._form_message.hide()
        return self._form_message
