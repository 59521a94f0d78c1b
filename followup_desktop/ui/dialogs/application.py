"""Add or edit an application: employer (picked, or typed to create one), position, where it came
from, the posting, and where it stands. Returns plain values; the caller stores them.

The stage follows the timeline: a stage chosen here is logged as the event that makes it so
(`playbook.stages.event_for_stage`), so the dialog asks when it happened ("Applied on").
"""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QFormLayout, QLineEdit, QSizePolicy, QVBoxLayout, QWidget

from ...desktop.translations import shown
from ...exchange.validate import APPLICATION_FIELDS, EMPLOYER_FIELDS
from ...records import limit
from ...playbook.stages import can_move
from ...vocab import STAGES, Stage
from .common import (
    DateField,
    datetime_edit,
    FormDialog,
    Invalid,
    Note,
    NotesEdit,
    combo_value,
    enum_combo,
    exchange_rule,
    grow_to_fit,
    outcome_labels,
    parse_optional_date,
    source_labels,
    stage_labels,
)


class ApplicationDialog(FormDialog):
    """`employers` are (key, name) pairs; `initial` has the keys `values()` returns."""

    def __init__(self, employers: list[tuple[str, str]], initial: dict | None = None,
                 parent: QWidget | None = None, *, now: datetime | None = None):
        super().__init__(parent, ok_text=self.tr("Save"))
        self.setObjectName("application_dialog")
        self._employers = list(employers)
        initial = dict(initial or {})
        self._editing = bool(initial)
        self.setWindowTitle(self.tr("Edit application") if self._editing else self.tr("Add application"))

        layout = QVBoxLayout(self)
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.AllNonFixedFieldsGrow)
        form.setRowWrapPolicy(QFormLayout.DontWrapRows)
        layout.addLayout(form)

        # employer: pick one, or type a name that is not in the list to create it
        self.employer = QComboBox()
        self.employer.setObjectName("employer")
        self.employer.setEditable(True)
        self.employer.setInsertPolicy(QComboBox.NoInsert)
        self.employer.setSizePolicy(QSizePolicy.Expanding, QSizePolicy.Fixed)
        self.employer.setSizeAdjustPolicy(QComboBox.AdjustToMinimumContentsLengthWithIcon)
        self.employer.setMinimumContentsLength(24)
        self.employer.lineEdit().setMaxLength(limit("employer", "name") + 1)
        self.employer.lineEdit().setPlaceholderText(self.tr("Pick an employer or type a new name"))
        for key, name in self._employers:
            self.employer.addItem(name, key)
        self.employer.completer().setCaseSensitivity(Qt.CaseInsensitive)
        self.employer.completer().setFilterMode(Qt.MatchContains)
        start = initial.get("employer_key")
        index = self.employer.findData(start) if start else -1
        if index >= 0:
            self.employer.setCurrentIndex(index)
        else:
            self.employer.setCurrentIndex(-1)
            self.employer.setEditText(initial.get("employer_name") or "")
        self._employer_field = self.add_field(
            form, self.tr("&Employer:"), self.employer, self._check_employer,
            signals=[self.employer.editTextChanged])

        self.position = QLineEdit(initial.get("position") or "")
        self.position.setObjectName("position")
        self.position.setMaxLength(limit("application", "position") + 1)
        self.position.setPlaceholderText(self.tr("The job title, as in the posting"))
        position_rule = exchange_rule(APPLICATION_FIELDS["position"], self.tr("Position"))
        self.add_field(form, self.tr("&Position:"), self.position,
                       lambda: position_rule(self.position.text()), signals=[self.position.textEdited])

        self.source = enum_combo(source_labels(), initial.get("source"), name="source",
                                 blank=self.tr("Not recorded"))
        self.add_field(form, self.tr("&Found through:"), self.source)

        self.referred_by = QLineEdit(initial.get("referred_by") or "")
        self.referred_by.setObjectName("referred_by")
        self.referred_by.setMaxLength(limit("application", "referred_by") + 1)
        self.referred_by.setPlaceholderText(self.tr("Who pointed you to it (optional)"))
        referred_rule = exchange_rule(APPLICATION_FIELDS["referred_by"], self.tr("Referred by"))
        self.add_field(form, self.tr("&Referred by:"), self.referred_by,
                       lambda: referred_rule(self.referred_by.text()), signals=[self.referred_by.textEdited])

        self.posting_url = QLineEdit(initial.get("posting_url") or "")
        self.posting_url.setObjectName("posting_url")
        self.posting_url.setMaxLength(limit("application", "posting_url") + 1)
        self.posting_url.setPlaceholderText("https://…")
        url_rule = exchange_rule(APPLICATION_FIELDS["posting_url"], self.tr("Posting URL"))
        self.add_field(form, self.tr("Posting &URL:"), self.posting_url,
                       lambda: url_rule(self.posting_url.text().strip()), signals=[self.posting_url.textEdited])

        closes = initial.get("posting_closes")
        self.posting_closes = DateField(closes, name="posting_closes")
        self.add_field(form, self.tr("Posting &closes on:"), self.posting_closes,
                       lambda: parse_optional_date(self.posting_closes.text(), self.tr("Posting closes on")),
                       signals=[self.posting_closes.textChanged])

        # where it stands now (a new application is a lead until its stage is logged)
        self._was = (initial.get("stage") or Stage.LEAD, initial.get("outcome")) if self._editing else (Stage.LEAD, None)
        self.stage = enum_combo(stage_labels(), initial.get("stage") or Stage.APPLIED, name="stage")
        self.add_field(form, self.tr("&Stage:"), self.stage, self._check_stage,
                       signals=[self.stage.currentIndexChanged])

        self.outcome = enum_combo(outcome_labels(), initial.get("outcome"), name="outcome",
                                  blank=self.tr("Choose how it ended"))
        self._outcome_field = self.add_field(form, self.tr("&Outcome:"), self.outcome, self._check_outcome,
                                             signals=[self.outcome.currentIndexChanged])

        # when the new stage was reached: it goes on the timeline as that event's date
        self.stage_at = datetime_edit((now or datetime.now()).replace(second=0, microsecond=0), name="stage_at")
        self._stage_at_label = self.tr("Applied &on:")
        self._stage_at_field = self.add_field(form, self._stage_at_label, self.stage_at)
        self._stage_at_caption = form.labelForField(self._stage_at_field)
        self._form = form
        self.stage.currentIndexChanged.connect(self._stage_changed)
        self.outcome.currentIndexChanged.connect(self._stage_changed)
        self._stage_changed()

        # what the user keeps about it: a spreadsheet's Notes column comes in here
        self.notes = NotesEdit(initial.get("notes") or "", limit=limit("application", "notes"), name="notes")
        self.notes.setPlaceholderText(self.tr("Anything to remember about this application (optional)"))
        self.notes.setMinimumHeight(80)
        self._notes_field = self.add_field(form, self.tr("N&otes:"), self.notes, self._check_notes,
                                           signals=[self.notes.textChanged])
        self.notes.refused.connect(lambda message: self._notes_field.show_message(message, "error"))

        layout.addStretch(1)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(560)
        self.employer.setFocus()

    # -- employer ---------------------------------------------------------------------------

    def _matching_employer(self, name: str) -> tuple[str, str] | None:
        wanted = name.strip().casefold()
        for key, existing in self._employers:
            if existing.strip().casefold() == wanted:
                return key, existing
        return None

    def _check_employer(self):
        name = exchange_rule(EMPLOYER_FIELDS["name"], self.tr("Employer"))(self.employer.currentText().strip())
        match = self._matching_employer(name)
        if match is None:
            # not an error: say what Save will do, so a typo is noticed before it becomes an employer
            return Note(self.tr("“{name}” is new: it will be added as an employer.").format(name=name.strip()), "info")
        return match

    # -- stage / outcome --------------------------------------------------------------------

    def _wanted(self) -> tuple[str, str | None]:
        stage = combo_value(self.stage) or Stage.LEAD
        return stage, combo_value(self.outcome) if stage == Stage.CLOSED else None

    def _moves(self) -> bool:
        """Whether Save logs an event: the stage (or the ending) differs from where it stands."""
        stage, outcome = self._wanted()
        if stage == Stage.LEAD:
            return False
        if stage == Stage.CLOSED and outcome is None:
            return False
        return (stage, outcome) != self._was and can_move(self._was, (stage, outcome))

    def _stage_changed(self, *_):
        closed = combo_value(self.stage) == Stage.CLOSED
        self._form.setRowVisible(self._outcome_field, closed)
        self._outcome_field.setHidden(not closed)
        moves = self._moves()
        stage = combo_value(self.stage)
        self._stage_at_caption.setText({
            Stage.APPLIED: self.tr("Applied &on:"),
            Stage.INTERVIEWING: self.tr("Interview &on:"),
            Stage.OFFER: self.tr("Offer came &on:"),
            Stage.CLOSED: self.tr("Closed &on:"),
        }.get(stage, self._stage_at_label))
        self.stage_at.setAccessibleName(self._stage_at_caption.text().replace("&", "").rstrip(":"))
        self._form.setRowVisible(self._stage_at_field, moves)
        self._stage_at_field.setHidden(not moves)
        grow_to_fit(self)

    def _check_stage(self):
        wanted = self._wanted()
        if wanted[0] == Stage.CLOSED and wanted[1] is None:
            return None  # the outcome's own message asks for it
        if not can_move(self._was, wanted):
            raise Invalid(self.tr("Stage: it follows the timeline; to go back to {stage}, delete the "
                                  "event on the timeline that moved it on.").format(
                stage=shown(STAGES, wanted[0])))
        return None

    def _check_outcome(self):
        # the store keeps no closed application without its ending (the playbook needs it)
        if combo_value(self.stage) == Stage.CLOSED and combo_value(self.outcome) is None:
            raise Invalid(self.tr("Outcome: say how it ended; a closed application needs one."))
        return None

    def _check_notes(self):
        # length first: no copy of a long text on every keystroke
        most = limit("application", "notes")
        if self.notes.length() > most:
            raise Invalid(self.tr("Notes are {length:,} characters long; the limit is {limit:,}.")
                          .format(length=self.notes.length(), limit=most))
        exchange_rule(APPLICATION_FIELDS["notes"], self.tr("Notes"))(self.notes.toPlainText())
        return None

    # -- result -----------------------------------------------------------------------------

    def values(self) -> dict:
        """The application as plain values. Raises Invalid if a field is invalid."""
        problem = self.first_problem()
        if problem:
            raise Invalid(problem)
        text = self.employer.currentText().strip()
        match = self._matching_employer(text)
        stage = combo_value(self.stage)
        return {
            "employer_key": match[0] if match else None,
            "employer_name": match[1] if match else text,
            "position": self.position.text().strip(),
            "source": combo_value(self.source),
            "referred_by": self.referred_by.text().strip(),
            "posting_url": self.posting_url.text().strip(),
            "posting_closes": parse_optional_date(self.posting_closes.text(), "posting_closes"),
            "stage": stage,
            "outcome": combo_value(self.outcome) if stage == Stage.CLOSED else None,
            "notes": self.notes.toPlainText(),
            **({"stage_at": self.stage_at.dateTime().toPython().replace(second=0, microsecond=0)}
               if self._moves() else {}),
        }


__all__ = ["ApplicationDialog"]
