"""The settings dialog, drawn entirely from the settings registry: a tab per group, a widget per
kind of value, the registry's bounds and `settings.validate` as the rules. A setting added to the
registry shows up here with no change to this file."""

from __future__ import annotations

from typing import Any, Callable

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QFont, QPalette, QValidator
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QGridLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QSpinBox,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ...desktop.translations import marked
from ...settings import (
    BOOL,
    CHOICE,
    CLOCK,
    INT,
    MAIL,
    RANGES,
    TEXT,
    SettingError,
    Settings,
    SettingSpec,
    groups,
    validate,
)
from .common import Field, FormDialog, Invalid, NotesEdit, hint_color

# Text settings this long get a multi-line box (a signature, not a name).
_MULTILINE_FROM = 1000


def _setting_text(text: str) -> str:
    """A registry label, unit, group or help text in the user's language: they live in the core
    (no Qt there) and reach the catalogue through packaging/translations.py."""
    return marked("FollowupSettings", text) if text else text


def _message(spec: SettingSpec, exc: SettingError) -> str:
    """The core's message led by the label a person sees, not the internal name."""
    text = str(exc)
    prefix = f"setting {spec.name!r} ({spec.label}): "
    if text.startswith(prefix):
        text = text[len(prefix):]
    return f"{_setting_text(spec.label)}: {text}"


_PLURALS = {"days": "day", "hours": "hour", "minutes": "minute", "follow-ups": "follow-up"}


def _singular(unit: str) -> str:
    """ "1 days" reads wrong; the registry's units are English plurals with a known singular."""
    return " ".join(_PLURALS.get(word, word) for word in unit.split(" "))


class BoundedSpinBox(QSpinBox):
    """A spin box that says why a keystroke was refused instead of ignoring it silently."""

    outOfRange = Signal(int)

    def validate(self, text: str, pos: int):
        result = super().validate(text, pos)
        state = result[0] if isinstance(result, tuple) else result
        if state != QValidator.Acceptable:
            number = self._number(text)
            if number is not None and not self.minimum() <= number <= self.maximum():
                self.outOfRange.emit(number)
        return result

    def _number(self, text: str) -> int | None:
        core = text
        if self.prefix() and core.startswith(self.prefix()):
            core = core[len(self.prefix()):]
        if self.suffix() and core.endswith(self.suffix()):
            core = core[: -len(self.suffix())]
        try:
            return int(core.strip())
        except ValueError:
            return None


class _Entry:
    """One setting's widget and how to read and write it."""

    def __init__(self, spec: SettingSpec, editor: QWidget, get: Callable[[], Any],
                 set_: Callable[[Any], None], field: Field, page: int):
        self.spec, self.editor, self.get, self.set, self.field, self.page = spec, editor, get, set_, field, page


class SettingsDialog(FormDialog):
    """`changes()` after Save: only the settings whose value the user changed."""

    def __init__(self, settings: Settings, parent: QWidget | None = None):
        super().__init__(parent, ok_text=self.tr("Save"))
        self.setObjectName("settings_dialog")
        self.setWindowTitle(self.tr("Settings"))
        self._settings = settings
        self.entries: dict[str, _Entry] = {}
        self.mail = None  # the Mail page's password and Test connection rows

        layout = QVBoxLayout(self)
        self.tabs = QTabWidget()
        self.tabs.setObjectName("settings_tabs")
        layout.addWidget(self.tabs, 1)
        for page, (group, specs) in enumerate(groups()):
            self.tabs.addTab(self._page(page, specs), _setting_text(group))
            self.tabs.widget(page).setObjectName(f"page_{page}")

        self.restore_button = QPushButton(self.tr("&Restore defaults"))
        self.restore_button.setObjectName("restore_defaults")
        self.restore_button.setAutoDefault(False)
        self.restore_button.setToolTip(self.tr("Put every setting on this page back to its default value "
                                               "(nothing is saved until you press Save)"))
        self.buttons.addButton(self.restore_button, self.buttons.ButtonRole.ResetRole)
        self.restore_button.clicked.connect(self.restore_page_defaults)
        layout.addWidget(self.buttons)
        self.resize(780, 560)

    # -- building -----------------------------------------------------------------------------

    def _page(self, page: int, specs: list[SettingSpec]) -> QWidget:
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.NoFrame)
        inner = QWidget()
        # a grid, not a QFormLayout: wrapped labels and help lines get their full height in it
        grid = QGridLayout(inner)
        grid.setHorizontalSpacing(16)
        grid.setVerticalSpacing(10)
        grid.setColumnStretch(1, 1)
        for row, spec in enumerate(specs):
            self._row(grid, row, spec, page)
        rows = len(specs)
        if specs and specs[0].group == MAIL:  # the password and Test connection (mail_page.py)
            from .mail_page import MailPasswordRows

            self.mail = MailPasswordRows(self, grid, rows)
            rows = self.mail.next_row
        grid.setRowStretch(rows, 1)
        scroll.setWidget(inner)
        return scroll

    def _row(self, grid: QGridLayout, row: int, spec: SettingSpec, page: int) -> None:
        value = self._settings.raw.get(spec.name, spec.default)
        label = _setting_text(spec.label)
        help_text = _setting_text(spec.help)
        builder = {INT: self._int, BOOL: self._bool, CHOICE: self._choice}.get(spec.kind, self._text)
        editor, get, set_, check, signals = builder(spec, value)
        editor.setObjectName(spec.name)
        editor.setAccessibleName(label)
        field = Field(editor, label, check)
        if spec.kind == BOOL:
            caption = QLabel("")  # the check box carries its own label
        else:
            caption = QLabel(label + ":")
            caption.setBuddy(editor)
            caption.setWordWrap(True)
        caption.setFixedWidth(290)
        # line the caption's first line up with the text inside the editor next to it
        top = max(0, (min(editor.sizeHint().height(), 40) - caption.fontMetrics().height()) // 2)
        caption.setContentsMargins(0, top, 0, 0)
        caption.setObjectName(f"{spec.name}_label")
        tip = self._tooltip(spec)
        if tip:
            editor.setToolTip(tip)
            caption.setToolTip(tip)
        if help_text:
            hint = QLabel(help_text)
            hint.setObjectName(f"{spec.name}_help")
            hint.setWordWrap(True)
            font = QFont(hint.font())
            font.setPointSizeF(max(7.0, font.pointSizeF() * 0.9))
            hint.setFont(font)
            pal = hint.palette()
            pal.setColor(QPalette.WindowText, hint_color(self.palette()))
            hint.setPalette(pal)
            field.layout().addWidget(hint)
        if spec.kind == INT:
            field.layout().setAlignment(editor, Qt.AlignLeft)
        grid.addWidget(caption, row, 0, Qt.AlignTop)
        grid.addWidget(field, row, 1, Qt.AlignTop)
        self.track(field)
        for signal in signals:
            signal.connect(lambda *_: field.validate())
        self.entries[spec.name] = _Entry(spec, editor, get, set_, field, page)

    def _tooltip(self, spec: SettingSpec) -> str:
        parts = [_setting_text(spec.help)] if spec.help else []
        if spec.kind == INT and spec.minimum is not None and spec.maximum is not None:
            parts.append(self.tr("From {lo} to {hi} {unit}.").format(
                lo=spec.minimum, hi=spec.maximum, unit=_setting_text(spec.unit)).replace("  ", " "))
        return "\n".join(parts)

    def _int(self, spec: SettingSpec, value):
        box = BoundedSpinBox()
        box.setRange(spec.minimum if spec.minimum is not None else -(2**31),
                     spec.maximum if spec.maximum is not None else 2**31 - 1)
        box.setValue(value)
        if spec.unit:
            unit = _setting_text(spec.unit)
            one = _singular(unit)

            def suffix(n: int) -> None:
                wanted = " " + (one if n == 1 else unit)
                if box.suffix() != wanted:
                    box.setSuffix(wanted)
            suffix(box.value())
            box.valueChanged.connect(suffix)
        box.setMinimumWidth(170)
        box.setSizePolicy(QSizePolicy.Fixed, QSizePolicy.Fixed)

        def refused(number: int):
            if box.maximum() < number:
                # More digits only make it bigger: the box takes its maximum, and the message
                # says so, so that what is shown and what is said agree.
                QTimer.singleShot(0, lambda: clamp(number))
                return
            try:
                validate(spec.name, number)
            except SettingError as exc:
                self.entries[spec.name].field.show_message(_message(spec, exc))

        def clamp(number: int):
            box.setValue(box.maximum())  # clears the message (valueChanged validates)
            unit = box.suffix().strip()
            self.entries[spec.name].field.show_message(
                self.tr("{label}: {number} is more than the most allowed, so it is set to {most} {unit}.")
                .format(label=_setting_text(spec.label), number=number, most=box.maximum(), unit=unit)
                .replace(" .", "."), "warning")
            box.lineEdit().selectAll()

        def check():
            try:
                return validate(spec.name, box.value())
            except SettingError as exc:
                raise Invalid(_message(spec, exc)) from None
        box.outOfRange.connect(refused)
        # leaving the box puts back its last good value: the message goes with it
        box.editingFinished.connect(lambda: self.entries[spec.name].field.validate())
        return box, box.value, box.setValue, check, [box.valueChanged]

    def _bool(self, spec: SettingSpec, value):
        box = QCheckBox(_setting_text(spec.label))
        box.setChecked(bool(value))
        return box, box.isChecked, lambda v: box.setChecked(bool(v)), None, []

    def _choice(self, spec: SettingSpec, value):
        combo = QComboBox()
        shown = {"tls": self.tr("TLS (usually port 993)"), "starttls": self.tr("STARTTLS (usually port 143)")}
        for choice in spec.choices:
            combo.addItem(shown.get(choice, choice), choice)
        combo.setCurrentIndex(max(0, combo.findData(value)))
        combo.setSizePolicy(QSizePolicy.Fixed, QSizePolicy.Fixed)

        def set_(v):
            combo.setCurrentIndex(max(0, combo.findData(v)))
        return combo, combo.currentData, set_, None, [combo.currentIndexChanged]

    def _text(self, spec: SettingSpec, value):
        multiline = spec.kind == TEXT and (spec.max_length or 0) >= _MULTILINE_FROM
        if multiline:
            edit = NotesEdit(value or "", limit=spec.max_length, name=spec.name)
            edit.setFixedHeight(96)
            get, set_, signal = edit.toPlainText, edit.setPlainText, edit.textChanged
        else:
            edit = QLineEdit(value or "")
            if spec.max_length:
                edit.setMaxLength(spec.max_length + 1)  # one over, so the limit gets a message
            get, set_, signal = edit.text, edit.setText, edit.textEdited
            if spec.kind == CLOCK:
                edit.setPlaceholderText(self.tr("HH:MM, 24-hour"))
                edit.setMaxLength(20)
                edit.setMaximumWidth(140)
            elif spec.kind == RANGES:
                edit.setPlaceholderText(self.tr("e.g. 09:30-11:30, 14:30-16:00"))

        def check():
            try:
                return validate(spec.name, get())
            except SettingError as exc:
                raise Invalid(_message(spec, exc)) from None
        if multiline:
            edit.refused.connect(lambda message: self.entries[spec.name].field.show_message(message))
        return edit, get, set_, check, [signal]

    def _make_message_room(self) -> None:
        """Tall enough for the longest page (with room for a message), as far as the screen
        allows: every setting in view without scrolling on a 1366×768 screen."""
        pages = [self.tabs.widget(i) for i in range(self.tabs.count())]
        current = self.tabs.currentWidget()
        if current is None:
            return
        tallest = max(p.widget().sizeHint().height() for p in pages if p.widget() is not None)
        extra = self.height() - current.viewport().height()
        wanted = tallest + extra + self.fontMetrics().lineSpacing() * 2
        screen = self.screen().availableGeometry() if self.screen() is not None else None
        limit = screen.height() - 60 if screen is not None else wanted
        self.resize(self.width(), max(self.height(), min(wanted, limit)))

    # -- actions ------------------------------------------------------------------------------

    def restore_page_defaults(self) -> None:
        page = self.tabs.currentIndex()
        for entry in self.entries.values():
            if entry.page == page:
                entry.set(entry.spec.default)
                entry.field.validate()

    def accept(self) -> None:
        bad = self.invalid_fields()
        if bad:
            entry = next(e for e in self.entries.values() if e.field is bad[0])
            self.tabs.setCurrentIndex(entry.page)
            entry.editor.setFocus(Qt.OtherFocusReason)
            return
        if self.mail is not None:
            self.mail.keep_password()  # into the system keyring, on a worker thread
        super().accept()

    # -- result -------------------------------------------------------------------------------

    def changes(self) -> dict[str, Any]:
        """{name: value} of the settings whose value differs from the one the dialog opened
        with. Raises Invalid if a field is invalid."""
        out = {}
        for name, entry in self.entries.items():
            try:
                value = validate(name, entry.get())
            except SettingError as exc:
                raise Invalid(_message(entry.spec, exc)) from None
            if value != self._settings.raw.get(name, entry.spec.default):
                out[name] = value
        return out


__all__ = ["SettingsDialog"]
