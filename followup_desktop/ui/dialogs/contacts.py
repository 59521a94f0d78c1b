"""Edit the people at one employer: a list on the left, the selected person's details on the
right, each field checked as it is typed. Returns plain values; the caller stores them."""

from __future__ import annotations

import re

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QStyle,
    QVBoxLayout,
    QWidget,
)

from ...exchange.validate import CONTACT_FIELDS
from ...records import limit
from ...vocab import Role
from ..style import plain_tooltip
from .common import (
    FormDialog,
    Invalid,
    combo_value,
    enum_combo,
    exchange_rule,
    role_labels,
    set_combo_value,
)

# Deliberately loose: one @, something on each side, a dot in the domain. The mail program is
# the real judge; this only catches a phone number or a name typed in the wrong box.
_EMAIL_RE = re.compile(r"[^@\s]+@[^@\s]+\.[^@\s.]+")

_FIELDS = ("name", "role", "email", "phone")


class ContactsDialog(FormDialog):
    """`contacts` are dicts with key, name, role, email, phone; `values()` gives them back edited
    (new ones with key None, removed ones absent). `event_counts` (contact key -> how many events
    they are on) makes removing someone who is on the timeline ask first."""

    def __init__(self, employer_name: str, contacts: list[dict], parent: QWidget | None = None,
                 event_counts: dict[str, int] | None = None):
        super().__init__(parent, ok_text=self.tr("Save"))
        self._event_counts = dict(event_counts or {})
        self.setObjectName("contacts_dialog")
        self.setWindowTitle(self.tr("Contacts at {employer}").format(employer=employer_name))
        self._employer_name = employer_name
        self._rows: list[dict] = [
            {"key": c.get("key"), "name": c.get("name") or "", "role": c.get("role") or Role.OTHER.value,
             "email": c.get("email") or "", "phone": c.get("phone") or ""}
            for c in contacts
        ]
        self._loading = False
        self._roles = role_labels()

        outer = QVBoxLayout(self)
        body = QHBoxLayout()
        outer.addLayout(body, 1)

        left = QVBoxLayout()
        self.list = QListWidget()
        self.list.setObjectName("contact_list")
        self.list.setAccessibleName(self.tr("Contacts"))
        self.list.setMinimumWidth(220)
        left.addWidget(self.list, 1)
        buttons = QHBoxLayout()
        self.add_button = QPushButton(self.tr("&Add contact"))
        self.add_button.setObjectName("add_contact")
        self.add_button.setAutoDefault(False)
        self.remove_button = QPushButton(self.tr("Re&move"))
        self.remove_button.setObjectName("remove_contact")
        self.remove_button.setAutoDefault(False)
        self.remove_button.setToolTip(self.tr("Remove the selected contact"))
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        left.addLayout(buttons)
        body.addLayout(left, 2)

        right = QVBoxLayout()
        self.empty_label = QLabel(self.tr("No contacts yet. Use “Add contact” to record the people "
                                          "you deal with at {employer}.").format(employer=employer_name))
        self.empty_label.setObjectName("empty_state")
        self.empty_label.setTextFormat(Qt.PlainText)  # the employer's name: text, never markup
        self.empty_label.setWordWrap(True)
        right.addWidget(self.empty_label)
        self.detail = QWidget()
        form = QFormLayout(self.detail)
        form.setContentsMargins(0, 0, 0, 0)
        form.setFieldGrowthPolicy(QFormLayout.AllNonFixedFieldsGrow)

        name_rule = exchange_rule(CONTACT_FIELDS["name"], self.tr("Name"))
        email_rule = exchange_rule(CONTACT_FIELDS["email"], self.tr("Email"))
        phone_rule = exchange_rule(CONTACT_FIELDS["phone"], self.tr("Phone"))
        self._rules = {
            "name": lambda v: name_rule(v.strip()),
            "role": lambda v: v,
            "email": lambda v: self._email(email_rule(v.strip())),
            "phone": lambda v: phone_rule(v.strip()),
        }

        self.name = QLineEdit()
        self.name.setObjectName("contact_name")
        self.name.setMaxLength(limit("contact", "name") + 1)
        self.role = enum_combo(self._roles, Role.OTHER, name="contact_role")
        self.email = QLineEdit()
        self.email.setObjectName("contact_email")
        self.email.setMaxLength(limit("contact", "email") + 1)
        self.email.setPlaceholderText(self.tr("name@example.com (optional)"))
        self.phone = QLineEdit()
        self.phone.setObjectName("contact_phone")
        self.phone.setMaxLength(limit("contact", "phone") + 1)
        self.phone.setPlaceholderText(self.tr("optional"))
        self._editors = {"name": self.name, "role": self.role, "email": self.email, "phone": self.phone}
        self._field = {
            "name": self.add_field(form, self.tr("&Name:"), self.name, lambda: self._rules["name"](self.name.text())),
            "role": self.add_field(form, self.tr("R&ole:"), self.role),
            "email": self.add_field(form, self.tr("&Email:"), self.email, lambda: self._rules["email"](self.email.text())),
            "phone": self.add_field(form, self.tr("&Phone:"), self.phone, lambda: self._rules["phone"](self.phone.text())),
        }
        right.addWidget(self.detail)
        right.addStretch(1)
        body.addLayout(right, 3)
        outer.addWidget(self.buttons)

        for name in ("name", "email", "phone"):
            self._editors[name].textEdited.connect(lambda text, n=name: self._edited(n, text))
        self.role.currentIndexChanged.connect(lambda *_: self._edited("role", combo_value(self.role)))
        self.list.currentRowChanged.connect(self._load)
        self.add_button.clicked.connect(self.add_contact)
        self.remove_button.clicked.connect(self.remove_contact)

        for i in range(len(self._rows)):
            self.list.addItem(QListWidgetItem())
            self._refresh_item(i)
        self.resize(680, 360)
        if self._rows:
            self.list.setCurrentRow(0)
        self._load(self.list.currentRow())

    # -- rules ------------------------------------------------------------------------------

    def _email(self, value: str) -> str:
        if value and not _EMAIL_RE.fullmatch(value):
            raise Invalid(self.tr("Email: “{value}” does not look like an email address (name@example.com).")
                          .format(value=value if len(value) <= 40 else value[:39] + "…"))
        return value

    def _problems(self, row: dict) -> dict[str, str]:
        out = {}
        for name in _FIELDS:
            try:
                self._rules[name](row[name])
            except Invalid as exc:
                out[name] = str(exc)
        return out

    # -- list and detail ----------------------------------------------------------------------

    def _refresh_item(self, i: int) -> None:
        row = self._rows[i]
        item = self.list.item(i)
        name = row["name"].strip() or self.tr("(no name yet)")
        item.setText(f"{name} — {self._roles.get(row['role'], row['role'])}")
        problems = self._problems(row)
        item.setIcon(self.style().standardIcon(QStyle.SP_MessageBoxWarning) if problems else QListWidgetItem().icon())
        item.setToolTip(plain_tooltip(next(iter(problems.values()), "")))

    def _load(self, i: int) -> None:
        has = 0 <= i < len(self._rows)
        self.detail.setVisible(has)
        self.empty_label.setVisible(not self._rows)
        self.remove_button.setEnabled(has)
        if not has:
            return
        row = self._rows[i]
        self._loading = True
        try:
            for name in ("name", "email", "phone"):
                self._editors[name].setText(row[name])
            set_combo_value(self.role, row["role"])
        finally:
            self._loading = False
        for name, field in self._field.items():
            # a contact that arrived valid shows no message; one left invalid keeps showing why
            problems = self._problems(row)
            field.show_message(problems.get(name))

    def _edited(self, name: str, value) -> None:
        i = self.list.currentRow()
        if self._loading or not 0 <= i < len(self._rows):
            return
        self._rows[i][name] = value
        self._field[name].validate()
        self._refresh_item(i)

    def add_contact(self) -> None:
        self._rows.append({"key": None, "name": "", "role": Role.OTHER.value, "email": "", "phone": ""})
        self.list.addItem(QListWidgetItem())
        self._refresh_item(len(self._rows) - 1)
        self.list.setCurrentRow(len(self._rows) - 1)
        self._field["name"].show_message(None)
        self.name.setFocus(Qt.OtherFocusReason)

    def remove_contact(self) -> None:
        i = self.list.currentRow()
        if not 0 <= i < len(self._rows):
            return
        row = self._rows[i]
        count = self._event_counts.get(row["key"], 0) if row["key"] else 0
        if count and not self._confirm_remove(row["name"].strip() or self.tr("This contact"), count):
            return
        del self._rows[i]
        self.list.takeItem(i)
        if self._rows:
            self.list.setCurrentRow(min(i, len(self._rows) - 1))
        self._load(self.list.currentRow())
        (self.list if self._rows else self.add_button).setFocus(Qt.OtherFocusReason)

    def _confirm_remove(self, name: str, count: int) -> bool:
        """Removing someone takes them off the events they are on: ask, naming how many."""
        from PySide6.QtWidgets import QMessageBox

        text = (self.tr("{name} is on 1 event; remove anyway?") if count == 1
                else self.tr("{name} is on {count} events; remove anyway?")).format(name=name, count=count)
        box = QMessageBox(QMessageBox.Question, self.tr("Remove contact?"), text,
                          QMessageBox.NoButton, self)
        box.setObjectName("removeContactQuestion")
        box.setTextFormat(Qt.PlainText)
        box.setInformativeText(self.tr("Those events stay on the timeline without them. Cancel keeps "
                                       "everything as it was."))
        remove = box.addButton(self.tr("Remove"), QMessageBox.DestructiveRole)
        keep = box.addButton(self.tr("Keep"), QMessageBox.RejectRole)
        box.setDefaultButton(keep)
        box.setEscapeButton(keep)
        box.exec()
        return box.clickedButton() is remove

    # -- result -------------------------------------------------------------------------------

    def accept(self) -> None:
        for i, row in enumerate(self._rows):
            problems = self._problems(row)
            if problems:
                self.list.setCurrentRow(i)
                for name, field in self._field.items():
                    field.show_message(problems.get(name))
                first = next(n for n in _FIELDS if n in problems)
                self._editors[first].setFocus(Qt.OtherFocusReason)
                return
        # every row is checked above; the detail fields may be empty with no contact selected
        QDialog.accept(self)

    def values(self) -> list[dict]:
        """The contacts as plain values. Raises Invalid if one is invalid."""
        out = []
        for row in self._rows:
            problems = self._problems(row)
            if problems:
                raise Invalid(next(iter(problems.values())))
            out.append({"key": row["key"], "name": row["name"].strip(), "role": row["role"],
                        "email": row["email"].strip(), "phone": row["phone"].strip()})
        return out


__all__ = ["ContactsDialog"]
