"""The first start: a small dialog asks for the name, email and phone that every message signs
with, so no message says "[your full name?]". It can be skipped, and is asked once only (the
answer is remembered in window-state.ini with the other one-time hints)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFormLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

from ..settings import SPECS, SettingError, validate
from .dialogs.common import FormDialog, Invalid

#: the one-time hint's key in window-state.ini
ASKED_KEY = "hints/profileAsked"
FIELDS = ("profile_name", "profile_email", "profile_phone")


def needs_profile(settings, has_applications: bool) -> bool:
    """A first start: no applications and none of the profile filled in."""
    return not has_applications and not any((settings.raw.get(n) or "").strip() for n in FIELDS)


class FirstRunDialog(FormDialog):
    """`values()` after Save: the profile settings typed in (empty ones left out)."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent, ok_text=self.tr("Save"))
        self.setObjectName("firstRunDialog")
        self.setWindowTitle(self.tr("Welcome to Follow-up Desktop"))
        skip = self.buttons.button(self.buttons.StandardButton.Cancel)
        skip.setText(self.tr("S&kip for now"))
        skip.setObjectName("skip")
        skip.setToolTip(self.tr("You can fill these in later in Settings → Profile."))
        layout = QVBoxLayout(self)
        intro = QLabel(self.tr("Your messages are signed with your name and give your email and phone, "
                               "so the people you write to can answer. You can change them any time in "
                               "Settings."), objectName="firstRunIntro", wordWrap=True)
        intro.setTextFormat(Qt.PlainText)
        layout.addWidget(intro)
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.AllNonFixedFieldsGrow)
        layout.addLayout(form)
        self.edits: dict[str, QLineEdit] = {}
        labels = {"profile_name": self.tr("Your full &name:"), "profile_email": self.tr("&Email:"),
                  "profile_phone": self.tr("&Phone:")}
        hints = {"profile_name": self.tr("First and last name"), "profile_email": self.tr("name@example.com"),
                 "profile_phone": self.tr("optional")}
        for name in FIELDS:
            edit = QLineEdit(objectName=name)
            edit.setPlaceholderText(hints[name])
            spec = SPECS[name]
            if spec.max_length:
                edit.setMaxLength(spec.max_length + 1)  # one over, so the limit gets a message
            self.edits[name] = edit
            self.add_field(form, labels[name], edit, lambda n=name: self._check(n), signals=[edit.textEdited])
        layout.addWidget(self.buttons)
        self.setMinimumWidth(460)
        self.edits["profile_name"].setFocus()

    def _check(self, name: str):
        try:
            validate(name, self.edits[name].text().strip())
        except SettingError as exc:
            label = SPECS[name].label
            text = str(exc)
            prefix = f"setting {name!r} ({label}): "
            raise Invalid(f"{label}: {text[len(prefix):] if text.startswith(prefix) else text}") from None
        return None

    def values(self) -> dict[str, str]:
        return {n: e.text().strip() for n, e in self.edits.items() if e.text().strip()}


__all__ = ["FirstRunDialog", "needs_profile", "ASKED_KEY", "FIELDS"]
