"""Log (or edit) one event of an application's timeline: one dialog, a form per quick "Log…"
button. The result is a dict in the exchange file's event shape, checked with the same rules an
imported event meets (`exchange.validate.check_event`)."""

from __future__ import annotations

from datetime import date, datetime, timedelta

from PySide6.QtWidgets import (
    QCheckBox,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from ...exchange.validate import EVENT_FIELDS, ExchangeError, check_event
from ...records import limit
from ...isotime import parse_date, parse_local_datetime
from ...vocab import (
    OUTBOUND_KINDS,
    CallOutcome,
    Channel,
    EventKind,
    Outcome,
    ReplyOutcome,
    Role,
)
from .common import (
    DateField,
    FormDialog,
    Invalid,
    NotesEdit,
    Note,
    call_outcome_labels,
    channel_labels,
    combo_value,
    datetime_edit,
    enum_combo,
    exchange_rule,
    outbound_kind_labels,
    outcome_labels,
    parse_optional_date,
    reply_outcome_labels,
    role_labels,
)

#: The quick "Log…" forms, in the order a toolbar would show them.
LOG_FORMS = ("applied", "interview", "thank_you", "call", "email", "reply", "note", "closed")

# Which keys of the event shape each form gives back (besides kind and at).
_KEYS = {
    "applied": ("channel", "subject", "notes"),
    "interview": ("contacts", "key_points", "duration_minutes", "decision_expected", "notes"),
    "thank_you": ("channel", "contacts", "notes"),
    "call": ("channel", "outcome", "contacts", "notes"),
    "email": ("channel", "contacts", "subject", "notes"),
    "reply": ("outcome", "next_date", "encouraged", "contacts", "notes"),
    "note": ("notes",),
    "closed": ("reason", "notes"),
}
_FIXED_KIND = {"applied": EventKind.APPLIED, "interview": EventKind.INTERVIEW,
               "thank_you": EventKind.THANK_YOU, "reply": EventKind.REPLY, "note": EventKind.NOTE,
               "closed": EventKind.CLOSED}
FUTURE_WARNING_AFTER = timedelta(days=1)


def form_for_event(event: dict) -> str:
    """The form that edits an existing event (its kind and, for outbound messages, channel)."""
    kind = event.get("kind")
    if kind in _FIXED_KIND.values() and kind != EventKind.NOTE:
        return str(kind)
    if kind in OUTBOUND_KINDS:
        return "call" if event.get("channel") == Channel.PHONE else "email"
    return "note"  # note, lead: text only


def _as_datetime(value) -> datetime | None:
    if value is None or isinstance(value, datetime):
        return value
    return parse_local_datetime(value)


def _as_date(value) -> date | None:
    if value is None or value == "" or isinstance(value, date):
        return value or None
    return parse_date(value)


class ContactPicker(QWidget):
    """The employer's people as check boxes; with `key_points`, a line per person for the point
    discussed with them (enabled once they are ticked)."""

    def __init__(self, contacts: list[tuple[str, str, str]], *, picked=(), key_points=None,
                 with_points: bool = False, label: str = "", parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("contacts")
        roles = role_labels()
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setHorizontalSpacing(12)
        self.boxes: dict[str, QCheckBox] = {}
        self.points: dict[str, QLineEdit] = {}
        key_points = key_points or {}
        self._with_points = with_points
        if not contacts:
            empty = QLabel(self.tr("No contacts recorded for this employer yet."))
            empty.setObjectName("no_contacts")
            empty.setWordWrap(True)
            grid.addWidget(empty, 0, 0)
        for row, (key, name, role) in enumerate(contacts):
            box = QCheckBox(f"{name} ({roles.get(role, role)})" if role else name)
            box.setObjectName(f"contact_{key}")
            box.setAccessibleName(f"{label} {name}".strip())
            box.setChecked(key in picked)
            grid.addWidget(box, row, 0)
            self.boxes[key] = box
            if with_points:
                point = QLineEdit(key_points.get(key, ""))
                point.setObjectName(f"key_point_{key}")
                point.setMaxLength(limit("event contact", "key_point") + 1)
                point.setPlaceholderText(self.tr("Key point discussed"))
                point.setMinimumWidth(200)
                point.setAccessibleName(self.tr("Key point discussed with {name}").format(name=name))
                point.setEnabled(box.isChecked())
                box.toggled.connect(point.setEnabled)
                grid.addWidget(point, row, 1)
                self.points[key] = point
        grid.setColumnStretch(1 if with_points else 0, 1)
        self.setSizePolicy(QSizePolicy.Expanding, QSizePolicy.Preferred)
        first = next(iter(self.boxes.values()), None)
        if first is not None:
            self.setFocusProxy(first)

    def add_contact(self, key: str, name: str, role: str, *, label: str = "") -> None:
        """A person typed in the form (not yet a contact): a row like the others, ticked."""
        grid = self.layout()
        empty = self.findChild(QLabel, "no_contacts")
        if empty is not None:
            empty.hide()
        row = grid.rowCount()
        roles = role_labels()
        box = QCheckBox(f"{name} ({roles.get(role, role)})" if role else name)
        box.setObjectName(f"contact_{key}")
        box.setAccessibleName(f"{label} {name}".strip())
        box.setChecked(True)
        grid.addWidget(box, row, 0)
        self.boxes[key] = box
        if self.points or self._with_points:
            point = QLineEdit()
            point.setObjectName(f"key_point_{key}")
            point.setMaxLength(limit("event contact", "key_point") + 1)
            point.setPlaceholderText(self.tr("Key point discussed"))
            point.setMinimumWidth(200)
            point.setAccessibleName(self.tr("Key point discussed with {name}").format(name=name))
            box.toggled.connect(point.setEnabled)
            grid.addWidget(point, row, 1)
            self.points[key] = point
        if len(self.boxes) == 1:
            self.setFocusProxy(box)

    def picked(self) -> list[str]:
        return [k for k, box in self.boxes.items() if box.isChecked()]

    def key_points(self) -> dict[str, str]:
        return {k: self.points[k].text().strip() for k in self.picked()
                if k in self.points and self.points[k].text().strip()}


class LogEventDialog(FormDialog):
    """`kind` is one of LOG_FORMS; `contacts` are (key, name, role) of the employer's people.
    With `initial` (an event dict, as `values()` gives) the dialog edits that event and offers
    Delete, which sets `.deleted` and accepts."""

    def __init__(self, kind: str, contacts: list[tuple[str, str, str]], *, now: datetime,
                 initial: dict | None = None, parent: QWidget | None = None):
        initial = dict(initial or {})
        self._editing = bool(initial)
        super().__init__(parent, ok_text=self.tr("Save") if self._editing else self.tr("Log"))
        if kind not in LOG_FORMS:
            kind = form_for_event({"kind": kind, **initial})
        self.form = kind
        self.setObjectName(f"log_{kind}_dialog")
        self.deleted = False
        self._now = now
        self._initial = initial
        self._contacts = list(contacts)
        self.setWindowTitle(self._title())

        layout = QVBoxLayout(self)
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.AllNonFixedFieldsGrow)
        layout.addLayout(form)
        self._form_layout = form

        at = _as_datetime(initial.get("at")) or now
        self.at = datetime_edit(at, name="at")
        self.at.setAccessibleName(self.tr("When"))
        self.at.setToolTip(self.tr("When it happened; back-date it freely."))
        self._at_field = self.add_field(form, self.tr("&When:"), self.at, self._check_at,
                                        signals=[self.at.dateTimeChanged])

        self.kind_combo = None
        self.channel = None
        self.outcome = None
        self.reason = None
        self.subject = None
        self.duration = None
        self.decision = None
        self.next_date = None
        self.encouraged = None
        self.picker = None
        getattr(self, f"_build_{kind}")(form, initial)

        self.notes = NotesEdit(initial.get("notes") or "", name="notes")
        self.notes.setPlaceholderText(self._notes_hint())
        self.notes.setMinimumHeight(90)
        self._notes_field = self.add_field(form, self.tr("N&otes:"), self.notes, self._check_notes_live,
                                           signals=[self.notes.textChanged])
        self.notes.refused.connect(lambda message: self._notes_field.show_message(message, "error"))

        layout.addWidget(self.make_form_message())
        if self._editing:
            self.delete_button = QPushButton(self.tr("&Delete"))
            self.delete_button.setObjectName("delete")
            self.delete_button.setAutoDefault(False)
            self.delete_button.setToolTip(self.tr("Remove this event from the timeline"))
            self.delete_button.clicked.connect(self._delete)
            # apart from Save, on the far side: deleting by a slip of the mouse is too easy
            row = QHBoxLayout()
            row.addWidget(self.delete_button)
            row.addStretch(1)
            row.addWidget(self.buttons)
            layout.addLayout(row)
        else:
            layout.addWidget(self.buttons)
        self.setMinimumWidth(560 if kind == "interview" else 480)
        self._at_field.validate()
        focus = {"note": self.notes, "closed": self.reason, "reply": self.outcome}.get(kind, self.at)
        (focus or self.at).setFocus()

    # -- titles and hints ---------------------------------------------------------------------

    def _title(self) -> str:
        new = {
            "applied": self.tr("Log application sent"), "interview": self.tr("Log interview"),
            "thank_you": self.tr("Log thank-you"), "call": self.tr("Log call"),
            "email": self.tr("Log email"), "reply": self.tr("Log reply"),
            "note": self.tr("Add note"), "closed": self.tr("Close application"),
        }
        edit = {
            "applied": self.tr("Edit application sent"), "interview": self.tr("Edit interview"),
            "thank_you": self.tr("Edit thank-you"), "call": self.tr("Edit call"),
            "email": self.tr("Edit email"), "reply": self.tr("Edit reply"),
            "note": self.tr("Edit note"), "closed": self.tr("Edit closing"),
        }
        return (edit if self._editing else new)[self.form]

    def _notes_hint(self) -> str:
        return {
            "interview": self.tr("What was asked, what you promised to send, anything to mention next time"),
            "note": self.tr("Anything worth remembering about this application"),
        }.get(self.form, self.tr("Optional"))

    # -- the forms ----------------------------------------------------------------------------

    def _add_kind(self, form, initial, label):
        current = initial.get("kind") if initial.get("kind") in OUTBOUND_KINDS else EventKind.FOLLOW_UP
        self.kind_combo = enum_combo(outbound_kind_labels(), current, name="event_kind")
        self.add_field(form, label, self.kind_combo)

    def _add_channel(self, form, initial, default, choices=None):
        labels = channel_labels()
        if choices:
            labels = {c: labels[c] for c in choices}
        self.channel = enum_combo(labels, initial.get("channel") or default, name="channel")
        self.add_field(form, self.tr("&Channel:"), self.channel)

    def _add_picker(self, form, initial, label, *, with_points=False):
        self.picker = ContactPicker(self._contacts, picked=initial.get("contacts") or (),
                                    key_points=initial.get("key_points"), with_points=with_points,
                                    label=label.replace("&", "").rstrip(":"))
        if with_points and len(self._contacts) > 6:
            scroll = QScrollArea()
            scroll.setWidgetResizable(True)
            scroll.setWidget(self.picker)
            scroll.setMinimumHeight(180)
            holder = scroll
        else:
            holder = self.picker
        holder.setObjectName("contacts_holder")
        self._picker_field = self.add_field(form, label, holder, self._check_picker)
        self._picker_field.editor = self.picker  # focus the first box, not the frame
        for box in self.picker.boxes.values():
            box.toggled.connect(lambda *_: self._picker_field.validate())
        for point in self.picker.points.values():
            point.textEdited.connect(lambda *_: self._picker_field.validate())

    def _add_subject(self, form, initial, label, hint):
        self.subject = QLineEdit(initial.get("subject") or "")
        self.subject.setObjectName("subject")
        self.subject.setMaxLength(limit("event", "subject") + 1)
        self.subject.setPlaceholderText(hint)
        rule = exchange_rule(EVENT_FIELDS["subject"], label)
        self.add_field(form, label, self.subject, lambda: rule(self.subject.text().strip()),
                       signals=[self.subject.textEdited])

    def _build_applied(self, form, initial):
        self._add_channel(form, initial, Channel.PORTAL)
        self._add_subject(form, initial, self.tr("&Subject line:"),
                          self.tr("The subject of your application email, if you sent one"))

    def _build_interview(self, form, initial):
        self.duration = QSpinBox()
        self.duration.setObjectName("duration")
        self.duration.setRange(1, 24 * 60)
        self.duration.setSingleStep(15)
        self.duration.setSuffix(self.tr(" minutes"))
        self.duration.setValue(initial.get("duration_minutes") or 60)
        self.add_field(form, self.tr("&Duration:"), self.duration)
        self._add_picker(form, initial, self.tr("&Interviewers:"), with_points=True)
        self._add_new_person(form)
        self.decision = DateField(_as_date(initial.get("decision_expected")), name="decision_expected")
        self.decision.setToolTip(self.tr("The date they said they would decide by, if they gave one"))
        self.add_field(form, self.tr("&Decision expected by:"), self.decision,
                       lambda: parse_optional_date(self.decision.text(), self.tr("Decision expected by")),
                       signals=[self.decision.textChanged])

    def _add_new_person(self, form):
        """Someone met at the interview who is not a contact yet: name and role, added to the
        interviewers here and to the employer's contacts when the interview is logged."""
        row = QWidget()
        row.setObjectName("new_interviewer")
        line = QHBoxLayout(row)
        line.setContentsMargins(0, 0, 0, 0)
        self.new_name = QLineEdit(objectName="new_interviewer_name")
        self.new_name.setMaxLength(limit("contact", "name") + 1)
        self.new_name.setPlaceholderText(self.tr("Their full name"))
        self.new_name.setMinimumWidth(self.new_name.fontMetrics().averageCharWidth() * 22)
        self.new_name.setToolTip(self.tr("Someone else you met who is not among the contacts yet"))
        self.new_name.setAccessibleName(self.tr("New interviewer's name"))
        self.new_role = enum_combo(role_labels(), Role.INTERVIEWER, name="new_interviewer_role")
        self.new_role.setAccessibleName(self.tr("New interviewer's role"))
        self.add_person_button = QPushButton(self.tr("&Add"), objectName="add_interviewer")
        self.add_person_button.setAutoDefault(False)
        self.add_person_button.setToolTip(self.tr("Add them to the interviewers and to this employer's contacts"))
        line.addWidget(self.new_name, 1)
        line.addWidget(self.new_role, 0)
        line.addWidget(self.add_person_button, 0)
        row.setFocusProxy(self.new_name)
        self._new_people: list[dict] = []
        self._new_person_field = self.add_field(form, self.tr("Someone &new:"), row, self._check_new_name,
                                                signals=[self.new_name.textEdited])
        self._new_person_field.editor = self.new_name
        self.add_person_button.clicked.connect(self._add_person)
        self.new_name.returnPressed.connect(self._add_person)

    def _check_new_name(self):
        name = self.new_name.text().strip()
        if len(name) > limit("contact", "name"):
            raise Invalid(self.tr("A name is at most {0} characters.").format(limit("contact", "name")))
        if name:
            return Note(self.tr("Press Add to put {0} among the interviewers.").format(name), "info")
        return None

    def _add_person(self) -> bool:
        name = " ".join(self.new_name.text().split())
        if not name:
            self._new_person_field.show_message(self.tr("Type their name first."), "error")
            return False
        if not self._new_person_field.validate():
            return False
        known = {n.casefold() for _, n, _ in self._contacts}
        if name.casefold() in known:
            self._new_person_field.show_message(
                self.tr("{0} is already a contact: tick them above.").format(name), "error")
            return False
        key = f"new-interviewer-{len(self._new_people) + 1}"
        role = combo_value(self.new_role)
        self._contacts.append((key, name, role))
        self._new_people.append({"key": key, "name": name, "role": role})
        self.picker.add_contact(key, name, role, label=self.tr("Interviewers"))
        self.new_name.clear()
        self._new_person_field.show_message(
            self.tr("{0} will be added to this employer's contacts.").format(name), "info")
        self.picker.points[key].setFocus()
        return True

    def accept(self) -> None:
        # a name typed but not added yet is added on Save, as the user meant
        if getattr(self, "new_name", None) is not None and self.new_name.text().strip():
            if not self._add_person():
                self.new_name.setFocus()
                return
        super().accept()

    def new_contacts(self) -> list[dict]:
        """The people typed in the form, each with the stand-in key its event uses ("contacts"
        and "key_points"), for the caller to make them contacts first."""
        return [dict(p) for p in getattr(self, "_new_people", ()) if p["key"] in self.picker.picked()]

    def _build_thank_you(self, form, initial):
        self._add_channel(form, initial, Channel.EMAIL,
                          [Channel.EMAIL, Channel.LETTER, Channel.PHONE, Channel.IN_PERSON, Channel.SOCIAL])
        self._add_picker(form, initial, self.tr("&To:"))

    def _build_call(self, form, initial):
        self._add_kind(form, initial, self.tr("&Purpose:"))
        self._add_picker(form, initial, self.tr("W&ith:"))
        outcome = initial.get("outcome") if initial.get("outcome") in set(CallOutcome) else CallOutcome.SPOKE
        self.outcome = enum_combo(call_outcome_labels(), outcome, name="call_outcome")
        self.add_field(form, self.tr("&Result:"), self.outcome)

    def _build_email(self, form, initial):
        self._add_kind(form, initial, self.tr("&Purpose:"))
        self._add_picker(form, initial, self.tr("&To:"))
        self._add_subject(form, initial, self.tr("&Subject:"), self.tr("The subject line you used"))

    def _build_reply(self, form, initial):
        self.outcome = enum_combo(reply_outcome_labels(), initial.get("outcome") or ReplyOutcome.NO_DECISION,
                                  name="reply_outcome")
        self.add_field(form, self.tr("&What they said:"), self.outcome)
        self.next_date = DateField(_as_date(initial.get("next_date")), name="next_date")
        self.next_date.setToolTip(self.tr("The next date they named, e.g. when they expect to decide"))
        self.add_field(form, self.tr("&Next date they named:"), self.next_date,
                       lambda: parse_optional_date(self.next_date.text(), self.tr("Next date they named")),
                       signals=[self.next_date.textChanged])
        self.encouraged = QCheckBox(self.tr("They encouraged me to stay in touch"))
        self.encouraged.setObjectName("encouraged")
        self.encouraged.setChecked(bool(initial.get("encouraged")))
        self.encouraged.setToolTip(self.tr("Only for a rejection: a check-in is then suggested later."))
        self.add_field(form, "", self.encouraged)
        self._add_picker(form, initial, self.tr("&From:"))
        self.outcome.currentIndexChanged.connect(self._reply_outcome_changed)
        self._reply_outcome_changed()

    def _reply_outcome_changed(self, *_):
        rejected = combo_value(self.outcome) == ReplyOutcome.REJECTED
        self.encouraged.setEnabled(rejected)

    def _build_note(self, form, initial):
        pass

    def _build_closed(self, form, initial):
        self.reason = enum_combo(outcome_labels(), initial.get("reason") or Outcome.NO_RESPONSE, name="reason")
        self.add_field(form, self.tr("&How it ended:"), self.reason)

    # -- checks -------------------------------------------------------------------------------

    def _at(self) -> datetime:
        value = self.at.dateTime().toPython().replace(second=0, microsecond=0)
        original = _as_datetime(self._initial.get("at"))
        if original is not None and original.replace(second=0, microsecond=0) == value:
            return original  # unchanged: keep the seconds it was stored with
        return value

    def _check_at(self):
        if self.form == "interview" and self._at() > self._now:
            return Note(self.tr("A planned interview: it goes on the timeline after now, and its "
                                "thank-you comes once it has taken place."), "info")
        if self._at() > self._now + FUTURE_WARNING_AFTER:
            return Note(self.tr("This is more than a day from now. Check the date if it already happened."))
        return None

    def _check_notes_live(self):
        # length first: no copy of a long document on every keystroke
        if self.notes.length() > limit("event", "notes"):
            raise Invalid(self.tr("Notes are {length:,} characters long; the limit is {limit:,}.")
                          .format(length=self.notes.length(), limit=limit("event", "notes")))
        text = exchange_rule(EVENT_FIELDS["notes"], self.tr("Notes"))(self.notes.toPlainText())
        if self.form == "note" and not text.strip():
            raise Invalid(self.tr("Write the note before saving it."))
        return None

    def _check_picker(self):
        rule = EVENT_FIELDS["key_points"]
        try:
            rule(self.picker.key_points(), self.tr("Key point"))
        except ExchangeError as exc:
            raise Invalid(str(exc)) from None
        return None

    def _raw(self) -> dict:
        """The event as the exchange file would hold it (strings for times and dates)."""
        kind = self._kind()
        raw = {"kind": str(kind), "at": self._at().isoformat(timespec="seconds")}
        for key in _KEYS[self.form]:
            raw[key] = self._value(key)
        return raw

    def _kind(self) -> str:
        if self.kind_combo is not None:
            return combo_value(self.kind_combo)
        if self._editing and self._initial.get("kind"):
            return self._initial["kind"]
        return _FIXED_KIND[self.form]

    def _value(self, key: str):
        if key == "channel":
            if self.channel is not None:
                return combo_value(self.channel)
            if self.form == "call":
                return Channel.PHONE.value
            previous = self._initial.get("channel")
            return previous if previous and previous != Channel.PHONE else Channel.EMAIL.value
        if key == "outcome":
            return combo_value(self.outcome)
        if key == "reason":
            return combo_value(self.reason)
        if key == "subject":
            return self.subject.text().strip()
        if key == "notes":
            return self.notes.toPlainText()
        if key == "contacts":
            return self.picker.picked()
        if key == "key_points":
            return self.picker.key_points()
        if key == "duration_minutes":
            return self.duration.value()
        if key == "decision_expected":
            d = parse_optional_date(self.decision.text(), "decision_expected")
            return d.isoformat() if d else None
        if key == "next_date":
            d = parse_optional_date(self.next_date.text(), "next_date")
            return d.isoformat() if d else None
        if key == "encouraged":
            return self.encouraged.isChecked() and combo_value(self.outcome) == ReplyOutcome.REJECTED
        raise KeyError(key)

    def _checked(self) -> dict:
        raw = self._raw()
        employer = "this employer"
        rec = check_event({"application": "this application", **raw}, employer,
                          {key: employer for key, *_ in self._contacts})
        return {k: rec[k] for k in raw}

    def check_whole(self) -> str | None:
        try:
            self._checked()
        except (ExchangeError, Invalid) as exc:
            return str(exc)
        return None

    # -- result -------------------------------------------------------------------------------

    def _delete(self) -> None:
        self.deleted = True
        super(FormDialog, self).accept()  # deleting needs no valid form

    def values(self) -> dict:
        """The event, in the exchange file's shape with Python values (`at` a datetime, dates
        as dates), holding only the keys this kind of event has. Raises Invalid if invalid."""
        problem = self.first_problem()
        if problem:
            raise Invalid(problem)
        try:
            return self._checked()
        except ExchangeError as exc:
            raise Invalid(str(exc)) from None


__all__ = ["LogEventDialog", "LOG_FORMS", "form_for_event", "ContactPicker"]
