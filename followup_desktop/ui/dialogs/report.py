"""File → Activity report…: the period, the format and the paper, before the save dialog."""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtWidgets import QComboBox, QFormLayout, QLabel, QVBoxLayout, QWidget

from ...isotime import TimeFormatError, parse_date
from ...report import default_period
from .common import DateField, FormDialog, Invalid

#: the period choices: (name, label); "custom" is whatever the two dates say
PERIODS = ("last_month", "this_month", "last_30_days", "custom")


def period_of(name: str, today: date) -> tuple[date, date] | None:
    if name == "last_month":
        return default_period(today)
    if name == "this_month":
        return today.replace(day=1), today
    if name == "last_30_days":
        return today - timedelta(days=29), today
    return None


class ReportDialog(FormDialog):
    """Asks for the report's period (last month unless changed), its format and, for a PDF, its
    paper (the locale's unless changed). `choice()` gives them once accepted."""

    def __init__(self, today: date, paper: str, parent: QWidget | None = None):
        super().__init__(parent, ok_text=self.tr("Save…"))
        self.setObjectName("reportDialog")
        self.setWindowTitle(self.tr("Activity report"))
        self.today = today
        intro = QLabel(self.tr("Every contact you made with an employer in the period: each application, "
                               "message, call and interview, with the answer it had. Job centres and "
                               "unemployment offices ask for it as proof of a work search."),
                       objectName="reportIntro", wordWrap=True)
        form = QFormLayout()
        self.period = QComboBox(objectName="reportPeriod")
        for name, label in zip(PERIODS, (self.tr("Last month"), self.tr("This month so far"),
                                         self.tr("The last 30 days"), self.tr("Other dates"))):
            self.period.addItem(label, name)
        start, end = default_period(today)
        self.start = DateField(start, name="reportFrom")
        self.end = DateField(end, name="reportTo")
        for field in (self.start, self.end):
            field.edit.setPlaceholderText(self.tr("YYYY-MM-DD"))
            field.edit.setClearButtonEnabled(False)
        self.format = QComboBox(objectName="reportFormat")
        self.format.addItem(self.tr("PDF, to print or send"), ".pdf")
        self.format.addItem(self.tr("Spreadsheet (CSV)"), ".csv")
        self.paper = QComboBox(objectName="reportPaper")
        self.paper.addItem(self.tr("A4"), "A4")
        self.paper.addItem(self.tr("Letter"), "Letter")
        self.paper.setCurrentIndex(max(0, self.paper.findData(paper)))

        form.addRow(self.tr("&Period:"), self.period)
        self.add_field(form, self.tr("&From:"), self.start, lambda: self._day(self.start, self.tr("From")),
                       signals=[self.start.textChanged])
        self.add_field(form, self.tr("&To:"), self.end, lambda: self._day(self.end, self.tr("To")),
                       signals=[self.end.textChanged])
        form.addRow(self.tr("F&ormat:"), self.format)
        self.paper_label = QLabel(self.tr("P&aper:"))
        self.paper_label.setBuddy(self.paper)
        form.addRow(self.paper_label, self.paper)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.make_form_message())
        layout.addWidget(self.buttons)

        self.setMinimumWidth(self.fontMetrics().averageCharWidth() * 64)  # the intro in a few lines
        self._setting = False
        self.period.currentIndexChanged.connect(self._period_chosen)
        self.start.textChanged.connect(self._dates_typed)
        self.end.textChanged.connect(self._dates_typed)
        self.format.currentIndexChanged.connect(self._format_chosen)
        self._format_chosen()

    def _day(self, field: DateField, label: str) -> date:
        text = field.text().strip()
        try:
            return parse_date(text)
        except TimeFormatError as exc:
            raise Invalid(self.tr("{0}: {1!r} {2}").format(label, text, str(exc))) from None

    def _period_chosen(self) -> None:
        span = period_of(self.period.currentData(), self.today)
        if span is None:
            return
        self._setting = True
        try:
            self.start.setText(span[0].isoformat())
            self.end.setText(span[1].isoformat())
        finally:
            self._setting = False

    def _dates_typed(self) -> None:
        if self._setting:
            return
        try:
            span = (parse_date(self.start.text().strip()), parse_date(self.end.text().strip()))
        except TimeFormatError:
            span = None
        for n, name in enumerate(PERIODS):
            if period_of(name, self.today) == span or name == "custom":
                self.period.blockSignals(True)
                self.period.setCurrentIndex(n)
                self.period.blockSignals(False)
                break

    def _format_chosen(self) -> None:
        pdf = self.format.currentData() == ".pdf"
        self.paper.setEnabled(pdf)
        self.paper_label.setEnabled(pdf)

    def check_whole(self) -> str | None:
        start, end = self._day(self.start, ""), self._day(self.end, "")
        if start > end:
            return self.tr("The period starts on {0}, after it ends on {1}.").format(start.isoformat(), end.isoformat())
        return None

    def choice(self) -> tuple[date, date, str, str]:
        """(first day, last day, ".pdf" or ".csv", "A4" or "Letter")."""
        return (self._day(self.start, ""), self._day(self.end, ""), self.format.currentData(),
                self.paper.currentData())


__all__ = ["ReportDialog", "period_of", "PERIODS"]
