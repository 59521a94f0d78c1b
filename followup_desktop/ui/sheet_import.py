"""The mapping step of a spreadsheet import (File → Import… with a `.csv`): before anything is
written, the first rows of the sheet, the field each column is read as (a combo box per column,
"Ignore" included), the order of its dates when they could be read either way, the rows that
would be refused and why, and how many applications would be added and skipped.

Every check runs on a worker thread (`exchange.sheet.read_sheet` and `plan`, over a read-only
connection of its own), again after each change; the window only shows the newest answer. The
import itself then runs on the write worker (`import_export.ImportExport.start_sheet_import`).
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject, QRunnable, QThreadPool, Signal
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ..exchange.sheet import FIELDS, Sheet, plan, read_sheet

translate = QCoreApplication.translate  # translate("SheetImport", "…"): what pyside6-lupdate reads


def field_labels() -> dict[str | None, str]:
    """Each field a column can be read as, as a person reads it; None: the column is ignored."""
    return {
        None: translate("SheetImport", "Ignore"),
        "employer": translate("SheetImport", "Employer"),
        "position": translate("SheetImport", "Position"),
        "status": translate("SheetImport", "Status"),
        "outcome": translate("SheetImport", "Outcome"),
        "applied": translate("SheetImport", "Applied on"),
        "saved": translate("SheetImport", "Saved on"),
        "posting_url": translate("SheetImport", "Posting URL"),
        "posting_closes": translate("SheetImport", "Posting closes"),
        "source": translate("SheetImport", "Found through"),
        "contact_name": translate("SheetImport", "Contact"),
        "contact_email": translate("SheetImport", "Contact email"),
        "contact_phone": translate("SheetImport", "Contact phone"),
        "notes": translate("SheetImport", "Notes"),
    }


#: the date orders offered when a sheet's slashed dates could be read either way
DATE_ORDERS = (None, "%m/%d/%Y", "%d/%m/%Y")


class Check:
    """What a check of the sheet found: the sheet read with its mapping, and the counts."""

    def __init__(self, sheet: Sheet | None, added: int = 0, skipped: int = 0, error: str | None = None):
        self.sheet, self.added, self.skipped, self.error = sheet, added, skipped, error


class _Signals(QObject):
    done = Signal(int, object)


class _CheckJob(QRunnable):
    def __init__(self, generation: int, path: Path, database: Path, fields, date_format, now: datetime,
                 signals: _Signals):
        super().__init__()
        self.generation, self.path, self.database = generation, path, database
        self.fields, self.date_format, self.now, self.signals = fields, date_format, now, signals

    def run(self) -> None:
        from ..exchange.validate import ExchangeError
        from ..store.connection import connect

        try:
            sheet = read_sheet(self.path, date_format=self.date_format, fields=self.fields, collect=True)
            con = connect(self.database) if self.database.exists() else None
            try:
                made = plan(con, sheet, self.now)
            finally:
                if con is not None:
                    con.close()
            result = Check(sheet, made.added, made.skipped)
        except ExchangeError as exc:
            result = Check(None, error=str(exc))
        except Exception as exc:  # shown in the dialog, not a crash
            result = Check(None, error=f"{type(exc).__name__}: {exc}")
        try:
            self.signals.done.emit(self.generation, result)
        except RuntimeError:  # the dialog was closed meanwhile
            pass


class SheetImportDialog(QDialog):
    """The mapping step for one sheet. `choice()` (after Accepted) is (fields, date_format)."""

    #: a check has been shown (the newest one)
    checked = Signal()

    PREVIEW_ROWS = 5

    def __init__(self, path: Path, database: Path, now: datetime, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("sheet_import_dialog")
        self.path, self.database, self.now = Path(path), Path(database), now
        self.setWindowTitle(translate("SheetImport", "Import {0}").format(self.path.name))
        self._generation = 0
        self._signals = _Signals(self)
        self._signals.done.connect(self._take)
        self.result_check: Check | None = None
        self.fields: list[str | None] | None = None
        self.combos: list[QComboBox] = []

        layout = QVBoxLayout(self)
        self.intro = QLabel(translate("SheetImport", "Check how the columns of {0} are read before anything is "
                                                     "added. Change a column's field in the row of boxes.")
                            .format(self.path.name))
        self.intro.setWordWrap(True)
        layout.addWidget(self.intro)

        self.table = QTableWidget(self)
        self.table.setObjectName("preview")
        self.table.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.table.setSelectionMode(QAbstractItemView.NoSelection)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.Interactive)
        layout.addWidget(self.table)

        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldsStayAtSizeHint)
        self.date_order = QComboBox(self)
        self.date_order.setObjectName("date_order")
        for fmt, label in zip(DATE_ORDERS, (
                translate("SheetImport", "As the sheet writes them (ISO, or month first with a time)"),
                translate("SheetImport", "Month first: 3/4/2026 is March 4"),
                translate("SheetImport", "Day first: 3/4/2026 is 4 March"))):
            self.date_order.addItem(label, fmt)
        self.date_order.currentIndexChanged.connect(lambda *_: self.recheck())
        self.date_label = QLabel(translate("SheetImport", "&Dates:"))
        self.date_label.setBuddy(self.date_order)
        form.addRow(self.date_label, self.date_order)
        layout.addLayout(form)

        self.status = QLabel(translate("SheetImport", "Checking the sheet…"))
        self.status.setObjectName("counts")
        self.status.setWordWrap(True)
        layout.addWidget(self.status)

        self.problems = QListWidget(self)
        self.problems.setObjectName("problems")
        self.problems.setMinimumHeight(90)
        layout.addWidget(self.problems, 1)
        layout.addStretch(0)  # takes the room when there is no problem to list

        self.buttons = QDialogButtonBox(self)
        self.import_button = self.buttons.addButton(translate("SheetImport", "&Import"), QDialogButtonBox.AcceptRole)
        self.import_button.setObjectName("import")
        self.import_button.setEnabled(False)
        self.buttons.addButton(QDialogButtonBox.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.buttons)
        layout.addLayout(row)
        self.resize(860, 500)
        self.recheck()

    # -- checking ---------------------------------------------------------------------------
    def date_format(self) -> str | None:
        return self.date_order.currentData()

    def recheck(self) -> None:
        """Check the sheet again with the mapping and date order shown, on a worker thread."""
        self._generation += 1
        self.import_button.setEnabled(False)
        self.status.setText(translate("SheetImport", "Checking the sheet…"))
        QThreadPool.globalInstance().start(_CheckJob(
            self._generation, self.path, self.database, self.fields, self.date_format(), self.now,
            self._signals))

    def _take(self, generation: int, result: Check) -> None:
        if generation != self._generation:
            return  # an older check: a newer one is on its way
        self.result_check = result
        if result.sheet is None:
            self.status.setText(translate("SheetImport", "This sheet cannot be imported: {0}").format(result.error))
            self.problems.clear()
            self.date_label.setVisible(False)
            self.date_order.setVisible(False)
        else:
            if self.fields is None:
                self.fields = list(result.sheet.fields)
                self._build_table(result.sheet)
            self._show(result)
        self.checked.emit()

    def _build_table(self, sheet: Sheet) -> None:
        labels = field_labels()
        table = self.table
        table.setColumnCount(len(sheet.headers))
        table.setRowCount(1 + len(sheet.preview))
        table.setHorizontalHeaderLabels(sheet.headers)
        self.combos = []
        for col, header in enumerate(sheet.headers):
            combo = QComboBox(table)
            combo.setObjectName(f"field_{col}")
            combo.setAccessibleName(translate("SheetImport", "Field of column {0}").format(header))
            for value in (None, *FIELDS):
                combo.addItem(labels[value], value)
            combo.setCurrentIndex(max(0, combo.findData(sheet.fields[col])))
            combo.currentIndexChanged.connect(lambda _i, col=col: self._field_changed(col))
            table.setCellWidget(0, col, combo)
            self.combos.append(combo)
        for r, cells in enumerate(sheet.preview, start=1):
            for col in range(len(sheet.headers)):
                text = cells[col] if col < len(cells) else ""
                item = QTableWidgetItem(" ".join(text.split()))
                item.setToolTip(text)
                table.setItem(r, col, item)
        table.resizeColumnsToContents()
        for col in range(len(sheet.headers)):
            table.setColumnWidth(col, min(max(table.columnWidth(col), self.combos[col].sizeHint().width()), 260))
        table.setRowHeight(0, self.combos[0].sizeHint().height() + 4 if self.combos else 24)
        # as tall as its rows (the problems below take the rest)
        height = (table.horizontalHeader().sizeHint().height() + sum(table.rowHeight(r) for r in range(table.rowCount()))
                  + 2 * table.frameWidth() + table.horizontalScrollBar().sizeHint().height() + 2)
        table.setMinimumHeight(min(height, 260))
        table.setMaximumHeight(max(height, 120))
        self._shade()

    def _field_changed(self, col: int) -> None:
        self.fields[col] = self.combos[col].currentData()
        self._shade()
        self.recheck()

    @staticmethod
    def _said(problem) -> str:
        """A problem as the window says it: an ambiguous date points at the date order here, not
        at the command line's option."""
        if problem.ambiguous:
            return problem.message.split("; give --date-format")[0] + translate(
                "SheetImport", "; choose the order of the dates above")
        return problem.message

    def _shade(self) -> None:
        """The cells of ignored columns are drawn as disabled text: they will not be read."""
        dim = self.palette().color(QPalette.Disabled, QPalette.Text)
        normal = self.palette().color(QPalette.Active, QPalette.Text)
        for col, f in enumerate(self.fields or ()):
            for r in range(1, self.table.rowCount()):
                item = self.table.item(r, col)
                if item is not None:
                    item.setForeground(dim if f is None else normal)

    def _twice(self) -> list[str]:
        """The fields two or more columns are read as."""
        labels = field_labels()
        seen, twice = set(), []
        for f in self.fields or ():
            if f is not None and f in seen and labels[f] not in twice:
                twice.append(labels[f])
            seen.add(f)
        return twice

    def _show(self, result: Check) -> None:
        sheet = result.sheet
        self.problems.clear()
        for p in sheet.problems:
            if p.row > 1:
                self.problems.addItem(self._said(p))
        ambiguous = sheet.ambiguous or self.date_format() is not None
        self.date_label.setVisible(ambiguous)
        self.date_order.setVisible(ambiguous)
        twice = self._twice()
        if twice:
            text = translate("SheetImport", "Two columns are read as {0}: set one of them to Ignore.").format(", ".join(twice))
            ok = False
        elif any(p.row == 1 for p in sheet.problems):
            text = translate("SheetImport", "Nothing can be imported yet: {0}. Choose the column that holds it.").format(
                "; ".join(p.message for p in sheet.problems if p.row == 1))
            ok = False
        elif sheet.problems:
            more = "+" if len(sheet.problems) >= 200 else ""
            text = translate("SheetImport", "{0}{1} rows cannot be imported (below); nothing is imported until "
                                            "they are fixed in the sheet or read differently here.").format(
                len(sheet.problems), more)
            if sheet.ambiguous:
                text += " " + translate("SheetImport", "Choose the order of the dates to read the ambiguous ones.")
            ok = False
        elif result.added == 0:
            text = translate("SheetImport", "Nothing new: all {0} rows are already in your data.").format(result.skipped)
            ok = False
        else:
            text = translate("SheetImport", "{0} applications will be added, {1} skipped as already there.").format(
                result.added, result.skipped)
            ok = True
        if sheet.ignored and not twice:
            text += " " + translate("SheetImport", "Ignored columns: {0}.").format(", ".join(sheet.ignored))
        self.status.setText(text)
        self.import_button.setEnabled(ok)
        self.problems.setVisible(self.problems.count() > 0)

    # -- result -----------------------------------------------------------------------------
    def choice(self) -> tuple[list[str | None], str | None]:
        return list(self.fields or []), self.date_format()


__all__ = ["SheetImportDialog", "field_labels"]
