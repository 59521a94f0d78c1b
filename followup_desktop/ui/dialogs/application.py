"""Add or edit an application: employer (picked, or typed to create one), position, where it came
from, the posting, and where it stands. Returns plain values; the caller stores them."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QFormLayout, QLineEdit, QSizePolicy, QVBoxLayout, QWidget

from ...exchange.validate import APPLICATION_FIELDS, EMPLOYER_FIELDS, NAME_MAX, URL_MAX
from ...vocab import Stage
from .common import (
    DateField,
    FormDialog,
    Invalid,
    Note,
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
                 parent: QWidget | None = None):
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
        self.employer.lineEdit().setMaxLength(NAME_MAX + 1)
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
        self.position.setMaxLength(NAME_MAX + 1)
        self.position.setPlaceholderText(self.tr("The job title, as in the posting"))
        position_rule = exchange_rule(APPLICATION_FIELDS["position"], self.tr("Position"))
        self.add_field(form, self.tr("&Position:"), self.position,
                       lambda: position_rule(self.position.text()), signals=[self.position.textEdited])

        self.source = enum_combo(source_labels(), initial.get("source"), name="source",
                                 blank=self.tr("Not recorded"))
        self.add_field(form, self.tr("&Found through:"), self.source)

        self.referred_by = QLineEdit(initial.get("referred_by") or "")
        self.referred_by.setObjectName("referred_by")
        self.referred_by.setMaxLength(NAME_MAX + 1)
        self.referred_by.setPlaceholderText(self.tr("Who pointed you to it (optional)"))
        referred_rule = exchange_rule(APPLICATION_FIELDS["referred_by"], self.tr("Referred by"))
        self.add_field(form, self.tr("&Referred by:"), self.referred_by,
                       lambda: referred_rule(self.referred_by.text()), signals=[self.referred_by.textEdited])

        self.posting_url = QLineEdit(initial.get("posting_url") or "")
        self.posting_url.setObjectName("posting_url")
        self.posting_url.setMaxLength(URL_MAX + 1)
        self.posting_url.setPlaceholderText("https://…")
        url_rule = exchange_rule(APPLICATION_FIELDS["posting_url"], self.tr("Posting URL"))
        self.add_field(form, self.tr("Posting &URL:"), self.posting_url,
                       lambda: url_rule(self.posting_url.text().strip()), signals=[self.posting_url.textEdited])

        closes = initial.get("posting_closes")
        self.posting_closes = DateField(closes, name="posting_closes")
        self.add_field(form, self.tr("Posting &closes on:"), self.posting_closes,
                       lambda: parse_optional_date(self.posting_closes.text(), self.tr("Posting closes on")),
                       signals=[self.posting_closes.textChanged])

        self.stage = enum_combo(stage_labels(), initial.get("stage") or Stage.APPLIED, name="stage")
        self.add_field(form, self.tr("&Stage:"), self.stage)

        self.outcome = enum_combo(outcome_labels(), initial.get("outcome"), name="outcome",
                                  blank=self.tr("Choose how it ended"))
        self._outcome_field = self.add_field(form, self.tr("&Outcome:"), self.outcome, self._check_outcome,
                                             signals=[self.outcome.currentIndexChanged])
        self._form = form
        self.stage.currentIndexChanged.connect(self._stage_changed)
        self._stage_changed()

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

    def _stage_changed(self, *_):
        closed = combo_value(self.stage) == Stage.CLOSED
        self._form.setRowVisible(self._outcome_field, closed)
        self._outcome_field.setHidden(not closed)
        grow_to_fit(self)

    def _check_outcome(self):
        # the store keeps no closed application without its ending (the playbook needs it)
        if combo_value(self.stage) == Stage.CLOSED and combo_value(self.outcome) is None:
            raise Invalid(self.tr("Outcome: say how it ended; a closed application needs one."))
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
        }


__all__ = ["ApplicationDialog"]
