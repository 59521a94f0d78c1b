"""The main window: the applications list on the left, the employer timeline on the right.

Everything it shows comes from the `Workspace`; everything it changes goes through it as an
undoable command, so the list, the timeline, the due count and the tray follow at once.
"""

from __future__ import annotations

import logging
from typing import Callable

from PySide6.QtCore import QItemSelectionModel, QModelIndex, QSettings, QSize, Qt, QTimer
from PySide6.QtGui import QAction, QActionGroup, QFont, QFontMetrics, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMessageBox,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QTableView,
    QSizePolicy,
    QGridLayout,
    QTableWidget,
    QTableWidgetItem,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from ..desktop.translations import marked, shown
from ..vocab import LIST_FILTERS, OUTCOMES, QT_TRANSLATE_NOOP, ROLES, STAGES, ActionName, EventKind
from . import state as window_files
from .edits import Edits, alive as _alive
from .listmodel import FILTERS, KEY_ROLE, ApplicationsModel, ApplicationsProxy
from .style import plain_tooltip
from .timeline import TimelineView

log = logging.getLogger(__name__)


#: the quick Log… buttons: (dialog form, label)
LOG_FORMS = (
    ("applied", QT_TRANSLATE_NOOP("MainWindow", "Applied")), ("interview", QT_TRANSLATE_NOOP("MainWindow", "Interview")),
    ("thank_you", QT_TRANSLATE_NOOP("MainWindow", "Thank-you")), ("call", QT_TRANSLATE_NOOP("MainWindow", "Call")),
    ("email", QT_TRANSLATE_NOOP("MainWindow", "Email")), ("reply", QT_TRANSLATE_NOOP("MainWindow", "Reply")),
    ("note", QT_TRANSLATE_NOOP("MainWindow", "Note")), ("closed", QT_TRANSLATE_NOOP("MainWindow", "Close lead")),
)


class Banner(QFrame):
    """A line across the top of the window for news the tray would otherwise tell."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("banner")
        self.setFrameShape(QFrame.StyledPanel)
        self.setAutoFillBackground(True)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(10, 6, 6, 6)
        self.label = QLabel(objectName="bannerText", wordWrap=True)
        self.label.setTextFormat(Qt.PlainText)  # news names people and employers: text only
        self.open_button = QPushButton(self.tr("Open"), objectName="bannerOpen")
        self.close_button = QToolButton(objectName="bannerClose", text="✕", autoRaise=True)
        self.close_button.setAccessibleName(self.tr("Dismiss this message"))
        layout.addWidget(self.label, 1)
        layout.addWidget(self.open_button)
        layout.addWidget(self.close_button)
        self.close_button.clicked.connect(self.hide)
        self.open_button.clicked.connect(self._open)
        self._on_click: Callable[[], None] | None = None
        self.hide()

    def show_text(self, text: str, on_click: Callable[[], None] | None) -> None:
        self.label.setText(text)
        self._on_click = on_click
        self.open_button.setVisible(on_click is not None)
        self.show()

    def _open(self):
        self.hide()
        if self._on_click is not None:
            self._on_click()


class FilterButton(QToolButton):
    """One of the list's filters. The one on is in bold: Fusion's sunken look of a checked
    button barely shows in a dark palette. Each is always as wide as in bold, so the row does not
    move when another filter is chosen."""

    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self.toggled.connect(self._weigh)
        # shrinks to the normal weight's width in a narrow window, not wider than in bold
        self.setSizePolicy(QSizePolicy.Preferred, self.sizePolicy().verticalPolicy())

    def _weigh(self, on: bool) -> None:
        font = self.font()
        font.setBold(on)
        self.setFont(font)

    def _widths(self) -> tuple[QSize, int]:
        """Qt's size hint for the font as it is, and how much wider the text is in bold than
        in the normal weight."""
        regular, bold = QFont(self.font()), QFont(self.font())
        regular.setBold(False)
        bold.setBold(True)
        text = self.text()
        return super().sizeHint(), max(QFontMetrics(bold).horizontalAdvance(text)
                                       - QFontMetrics(regular).horizontalAdvance(text), 0)

    def sizeHint(self) -> QSize:  # as wide as in bold
        hint, extra = self._widths()
        return hint if self.font().bold() else QSize(hint.width() + extra, hint.height())

    def minimumSizeHint(self) -> QSize:  # as narrow as in the normal weight (a narrow window)
        hint, extra = self._widths()
        return QSize(hint.width() - extra, hint.height()) if self.font().bold() else hint


def settings_shortcuts() -> list[QKeySequence]:
    """The platform's Preferences keys, and Ctrl+, always: on some desktops the standard key is
    empty (an empty QKeySequence is still truthy in PySide6, so it is tested with isEmpty)."""
    keys = [k for k in QKeySequence.keyBindings(QKeySequence.Preferences) if not k.isEmpty()]
    ctrl_comma = QKeySequence("Ctrl+,")
    if not any(k.matches(ctrl_comma) == QKeySequence.ExactMatch for k in keys):
        keys.append(ctrl_comma)
    return keys


class ArchivedList(QWidget):
    """The *Archived* view: the applications put away with Delete, found again and restored."""

    def __init__(self, window: "MainWindow"):
        super().__init__(objectName="archivedView")
        self.window_ = window
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.hint = QLabel(self.tr("Archived applications keep everything that happened. Restore one to follow "
                                   "it up again."), objectName="archivedHint", wordWrap=True)
        self.table = QTableWidget(0, 3, objectName="archivedTable")
        self.table.setHorizontalHeaderLabels([self.tr("Employer"), self.tr("Position"), self.tr("Stage")])
        self.table.setAccessibleName(self.tr("Archived applications"))
        self.table.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.ExtendedSelection)
        self.table.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.table.setTabKeyNavigation(False)
        self.table.setWordWrap(False)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.Stretch)
        header.setSectionResizeMode(1, QHeaderView.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeToContents)
        self.empty = QLabel(objectName="archivedEmpty", alignment=Qt.AlignCenter, wordWrap=True,
                            textFormat=Qt.PlainText)
        self.restore_button = QPushButton(self.tr("&Restore"), objectName="restoreArchived")
        self.restore_button.setToolTip(self.tr("Bring the selected applications back to the list (Enter)"))
        self.restore_button.clicked.connect(self.restore_selected)
        self.table.itemSelectionChanged.connect(self._update_enabled)
        self.table.itemSelectionChanged.connect(self._show_selected)
        self.rows: dict[str, tuple] = {}
        restore = QAction(self.tr("Restore"), self.table)
        restore.setShortcuts([QKeySequence(Qt.Key_Return), QKeySequence(Qt.Key_Enter)])
        restore.setShortcutContext(Qt.WidgetShortcut)
        restore.triggered.connect(self.restore_selected)
        self.table.addAction(restore)
        row = QHBoxLayout()
        row.addWidget(self.hint, 1)
        row.addWidget(self.restore_button, 0, Qt.AlignTop)
        layout.addLayout(row)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.empty, 1)
        self.keys: list[str] = []

    def refresh(self, needle: str = "") -> None:
        """Read the archived applications (a few, straight from the file) matching the search."""
        rows = self.window_.workspace.store.connection.execute(
            "SELECT a.key, m.name, a.position, a.stage, a.outcome, m.key FROM application a"
            " JOIN employer m ON m.id = a.employer_id WHERE a.archived = 1"
            " ORDER BY m.name COLLATE NOCASE, a.position COLLATE NOCASE").fetchall()
        wanted = needle.casefold().strip()
        if wanted:
            rows = [r for r in rows if wanted in f"{r[1]}\n{r[2]}".casefold()]
        selected = set(self.selected_keys())
        self.table.setRowCount(len(rows))
        self.keys = [r[0] for r in rows]
        self.rows = {r[0]: r for r in rows}
        for n, (key, employer, position, stage, outcome, _) in enumerate(rows):
            label = shown(STAGES, stage)
            if outcome:
                label += " — " + shown(OUTCOMES, outcome)
            for col, text in enumerate((employer, position, label)):
                item = QTableWidgetItem(text)
                item.setToolTip(plain_tooltip(text))  # shown as typed, never as markup
                self.table.setItem(n, col, item)
            if key in selected:
                self.table.selectRow(n)
        if not rows:
            self.empty.setText(self.tr("No archived application matches “{0}”.").format(needle.strip())
                               if wanted else self.tr("Nothing archived. Delete on a row puts it here."))
        self.table.setVisible(bool(rows))
        self.empty.setVisible(not rows)
        self._update_enabled()

    def _update_enabled(self) -> None:
        self.restore_button.setEnabled(bool(self.selected_keys()))

    def _show_selected(self) -> None:
        """The selected archived application's employer timeline, to read (not to act on)."""
        keys = self.selected_keys()
        row = self.rows.get(keys[0]) if keys else None
        if self.isVisible():
            self.window_.timeline.show_archived(row)

    def selected_keys(self) -> list[str]:
        rows = sorted({i.row() for i in self.table.selectionModel().selectedRows()})
        return [self.keys[r] for r in rows if r < len(self.keys)]

    def restore_selected(self) -> None:
        keys = self.selected_keys()
        if keys:
            self.window_.restore_archived(keys)


class TimelinePanel(QWidget):
    """The right side: the selected application's employer, its people, Log… and the timeline."""

    def __init__(self, window: "MainWindow"):
        super().__init__()
        self.window_ = window
        self.setObjectName("timelinePanel")
        self.application_key: str | None = None
        self.employer_key: str | None = None
        #: the application the body was last drawn for, until anything changes: a search that
        #: hides the selected row and brings it back shows it again without reading it again
        self._drawn_for: str | None = None
        window.workspace.changed.connect(self._forget_drawn)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 0, 0, 0)
        # names are text, never markup (a QLabel would read "<b>…" as rich text)
        self.title = QLabel(objectName="timelineTitle", wordWrap=True, textFormat=Qt.PlainText)
        font = self.title.font()
        font.setPointSizeF(font.pointSizeF() * 1.3)
        font.setBold(True)
        self.title.setFont(font)
        self.subtitle = QLabel(objectName="timelineSubtitle", wordWrap=True, textFormat=Qt.PlainText)
        self.subtitle.setTextInteractionFlags(Qt.TextSelectableByMouse)
        people_row = QHBoxLayout()
        self.people = QLabel(objectName="timelinePeople", wordWrap=True, textFormat=Qt.PlainText)
        self.edit_people = QPushButton(self.tr("Contacts…"), objectName="editContacts")
        self.edit_people.setToolTip(self.tr("Add or edit this employer's contacts"))
        self.edit_people.clicked.connect(window.edit_contacts)
        people_row.addWidget(self.people, 1)
        people_row.addWidget(self.edit_people, 0, Qt.AlignTop)
        # Two rows of four: every button stays in reach however narrow the timeline gets.
        log_row = QWidget(objectName="logButtons")
        grid = QGridLayout(log_row)
        grid.setContentsMargins(0, 2, 0, 2)
        grid.setHorizontalSpacing(4)
        grid.setVerticalSpacing(4)
        grid.addWidget(QLabel(self.tr("Log:")), 0, 0)
        self.log_buttons: dict[str, QToolButton] = {}
        for n, (form, label) in enumerate(LOG_FORMS):
            label = marked("MainWindow", label)
            action = QAction(label, self, objectName=f"actLog_{form}")
            action.setToolTip(self.tr("Log: {0}").format(label))
            action.triggered.connect(lambda _=False, f=form: window.log_form(f))
            button = QToolButton(objectName=f"log_{form}")
            button.setDefaultAction(action)
            button.setSizePolicy(QSizePolicy.Expanding, QSizePolicy.Fixed)
            button.setAccessibleName(self.tr("Log {0}").format(label))
            grid.addWidget(button, n // 4, 1 + n % 4)
            self.log_buttons[form] = button
        grid.setColumnStretch(5, 1)
        self.view = TimelineView()
        self.view.setAccessibleName(self.tr("Employer timeline"))
        self.view.editRequested.connect(window.edit_event)
        self.view.actRequested.connect(window.act_on)
        self.placeholder = QLabel(self.tr("Select an application to see everything that happened with "
                                          "that employer, and what comes next."),
                                  objectName="timelinePlaceholder", alignment=Qt.AlignCenter, wordWrap=True)
        self.placeholder.setMargin(24)
        self.body = QWidget()
        body = QVBoxLayout(self.body)
        body.setContentsMargins(0, 0, 0, 0)
        body.addWidget(self.title)
        body.addWidget(self.subtitle)
        body.addLayout(people_row)
        body.addWidget(log_row)
        body.addWidget(self.view, 1)
        self.stack = QStackedWidget()
        self.stack.addWidget(self.placeholder)
        self.stack.addWidget(self.body)
        layout.addWidget(self.stack)

    def _forget_drawn(self, *_) -> None:
        self._drawn_for = None

    def show_archived(self, row: tuple | None) -> None:
        """An archived application (key, employer, position, stage, outcome, employer key): its
        employer's timeline as it stands, with nothing to do next until it is restored."""
        if row is None:
            self.application_key = self.employer_key = None
            self.stack.setCurrentWidget(self.placeholder)
            return
        ws = self.window_.workspace
        key, employer, position, _, _, employer_key = row
        self.application_key, self.employer_key = None, employer_key
        self._drawn_for = None
        self.stack.setCurrentWidget(self.body)
        self.title.setText(employer)
        self.subtitle.setText(self.tr("{0} · archived: restore it to follow it up").format(position))
        contacts = ws.contacts(employer_key)
        self.people.setText(", ".join(
            f"{c['name']} ({shown(ROLES, c['role'])})" for c in contacts)
            or self.tr("No contacts."))
        self.view.show_timeline(ws.timeline(employer_key), ws.employer_actions(employer_key), ws.computed_at)

    def show_application(self, key: str | None) -> None:
        ws = self.window_.workspace
        app = ws.application(key) if key else None
        if app is None:
            self.application_key = self.employer_key = None
            self.stack.setCurrentWidget(self.placeholder)
            return
        self.application_key, self.employer_key = key, app.employer_key
        self.stack.setCurrentWidget(self.body)
        if key == self._drawn_for:  # drawn already, and nothing changed since
            return
        self._drawn_for = key
        self.title.setText(app.employer_name)
        positions = [a.position for a in ws.applications().values() if a.employer_key == app.employer_key]
        self.subtitle.setText(" · ".join(sorted(set(positions))))
        contacts = ws.contacts(app.employer_key)
        if contacts:
            self.people.setText(", ".join(
                f"{c['name']} ({shown(ROLES, c['role'])})" for c in contacts))
        else:
            self.people.setText(self.tr("No contacts yet: add the people you deal with to address them by name."))
        now = ws.computed_at
        self.view.show_timeline(ws.timeline(app.employer_key), ws.employer_actions(app.employer_key), now)


class MainWindow(QMainWindow):
    def __init__(self, workspace, parent=None):
        super().__init__(parent)
        self.workspace = workspace
        self.paths = workspace.paths
        self.edits = Edits(self)  # what the edit actions do (`edits.py`)
        # the setting "Keep a calendar file up to date": its keeper loads once the setting is on
        self._calendar_file = None
        workspace.operations.did_execute.connect(self._keep_calendar_file)
        self.setObjectName("mainWindow")
        self._composers: list[QWidget] = []
        self._selected_key: str | None = None

        self.model = ApplicationsModel(workspace, self)
        self.proxy = ApplicationsProxy(self)
        self.proxy.setSourceModel(self.model)
        self.table = QTableView(objectName="applicationsTable")
        self.table.setAccessibleName(self.tr("Applications"))
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.horizontalHeader().setSortIndicator(ApplicationsModel.WHEN, Qt.AscendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.ExtendedSelection)
        self.table.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        # Tab and Shift+Tab go to the next part of the window, not to the next cell
        self.table.setTabKeyNavigation(False)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 10)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.Interactive)
        header.setStretchLastSection(False)
        header.setSectionResizeMode(ApplicationsModel.NEXT_STEP, QHeaderView.Stretch)
        # Widths from what the columns hold at their longest, so nothing common is cut off.
        fm = self.fontMetrics()
        bold = self.font()
        bold.setBold(True)
        from PySide6.QtGui import QFontMetrics

        widest = {
            ApplicationsModel.EMPLOYER: [fm.averageCharWidth() * 14],
            ApplicationsModel.POSITION: [fm.averageCharWidth() * 16],
            ApplicationsModel.STAGE: [fm.horizontalAdvance(self.tr("Closed — Rejected"))],
            ApplicationsModel.LAST_CONTACT: [fm.horizontalAdvance(self.tr("25 days ago"))],
            ApplicationsModel.WHEN: [QFontMetrics(bold).horizontalAdvance(self.tr("overdue since 10:00"))],
        }
        for col, widths in widest.items():
            title = self.model.headerData(col, Qt.Horizontal)
            header.resizeSection(col, max(widths + [QFontMetrics(bold).horizontalAdvance(title) + 16]) + 12)
        header.setMinimumSectionSize(fm.averageCharWidth() * 6)
        self.table.doubleClicked.connect(lambda _: self.open_selected())
        self.table.selectionModel().currentRowChanged.connect(self._current_changed)

        # filters and search
        self.filter_buttons: dict[str, QToolButton] = {}
        filter_row = QHBoxLayout()
        filter_row.setSpacing(2)
        self.filter_group = QActionGroup(self)
        for n, name in enumerate(FILTERS):
            action = QAction(shown(LIST_FILTERS, name), self, checkable=True)
            action.setShortcut(QKeySequence(f"Ctrl+{n + 1}"))
            action.setData(name)
            self.filter_group.addAction(action)
            button = FilterButton(objectName=f"filter_{name}")
            button.setDefaultAction(action)
            button.setToolButtonStyle(Qt.ToolButtonTextOnly)
            button.setAccessibleName(self.tr("Show: {0}").format(shown(LIST_FILTERS, name)))
            filter_row.addWidget(button)
            self.filter_buttons[name] = button
        self.filter_group.actions()[0].setChecked(True)
        self.filter_group.triggered.connect(lambda a: self.show_filter(a.data()))
        self.filter_buttons["archived"].setToolTip(self.tr("The applications you archived (Ctrl+5); restore one to "
                                                           "see it again"))
        self.search = QLineEdit(objectName="search")
        self.search.setPlaceholderText(self.tr("Search employers, positions and people (Ctrl+F)"))
        self.search.setAccessibleName(self.tr("Search"))
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(lambda text: self._refilter(needle=text))
        filter_row.addSpacing(8)
        filter_row.addWidget(self.search, 1)

        # the list, or what to do when there is nothing in it
        self.empty = QWidget(objectName="emptyState")
        empty = QVBoxLayout(self.empty)
        empty.addStretch(1)
        self.empty_title = QLabel(self.tr("No applications yet"), objectName="emptyTitle", alignment=Qt.AlignCenter)
        font = self.empty_title.font()
        font.setPointSizeF(font.pointSizeF() * 1.4)
        font.setBold(True)
        self.empty_title.setFont(font)
        self.empty_text = QLabel(
            self.tr("Note each job you are after; the app keeps its clocks: when to send a thank-you, "
                    "when to check on an application, when to let a lead go."),
            objectName="emptyText", alignment=Qt.AlignCenter, wordWrap=True)
        self.add_first = QPushButton(self.tr("Add your first lead"), objectName="addFirstLead")
        self.add_first.setDefault(True)
        self.import_first = QPushButton(self.tr("Import a file…"), objectName="importFirst")
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.add_first)
        buttons.addWidget(self.import_first)
        buttons.addStretch(1)
        empty.addWidget(self.empty_title)
        empty.addWidget(self.empty_text)
        empty.addSpacing(12)
        empty.addLayout(buttons)
        empty.addStretch(2)
        self.no_match = QLabel(objectName="noMatch", alignment=Qt.AlignCenter, wordWrap=True,
                               textFormat=Qt.PlainText)
        self.loading = QLabel(self.tr("Loading your applications…"), objectName="loading", alignment=Qt.AlignCenter)
        self.archived = ArchivedList(self)
        self.list_stack = QStackedWidget()
        for w in (self.loading, self.empty, self.table, self.no_match, self.archived):
            self.list_stack.addWidget(w)
        from .inbox import Inbox  # the messages brought in from mail, in the list's place

        self.inbox = Inbox(self)
        self.list_stack.addWidget(self.inbox.view)
        filter_row.insertWidget(len(FILTERS), self.inbox.button)

        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addLayout(filter_row)
        left_layout.addWidget(self.list_stack, 1)
        self._left_layout = left_layout  # (the Progress view's "filtered" line goes above the list)

        self.timeline = TimelinePanel(self)
        self.splitter = QSplitter(Qt.Horizontal, objectName="mainSplitter")
        self.splitter.addWidget(left)
        self.splitter.addWidget(self.timeline)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        self.splitter.setChildrenCollapsible(False)

        self.banner = Banner()
        central = QWidget()
        layout = QVBoxLayout(central)
        layout.setContentsMargins(8, 6, 8, 4)
        layout.addWidget(self.banner)
        layout.addWidget(self.splitter, 1)
        self.setCentralWidget(central)
        self.count_label = QLabel(objectName="statusCounts")
        self.statusBar().addPermanentWidget(self.count_label)

        self._build_actions()
        self._set_tab_order()
        self._refiltering = False
        #: the application the user chose last: kept across filters, searches, archive and undo
        self._sticky_key: str | None = None
        self._undo_index = workspace.undo_stack.index()
        self._bring_back: list[str] | None = None
        workspace.undo_stack.indexChanged.connect(self._undo_moved)
        self._fitting = False
        self._user_sized_columns = False
        header.sectionResized.connect(self._column_resized)
        self._wanted: dict[int, int] | None = None
        # (forgotten where the rows change: a change of the data, a filter, a sort; not per row
        # signal, which a search keystroke sends by the hundred)
        self.proxy.modelReset.connect(self._forget_widths)
        self.proxy.layoutChanged.connect(self._forget_widths)
        #: the current row's application and column before the list's rows change (a filter)
        self._current_before: tuple[str, int] | None = None
        self.proxy.layoutAboutToBeChanged.connect(self._rows_about_to_change)
        self.proxy.layoutChanged.connect(self._rows_changed)
        self.table.viewport().installEventFilter(self)
        self.add_first.clicked.connect(self.new_application)
        self.import_first.clicked.connect(self.import_file)
        workspace.changed.connect(self._workspace_changed)
        workspace.failed.connect(self._load_failed)
        workspace.refused.connect(self.edits.refused)
        self.resize(1280, 760)
        self.splitter.setSizes([790, 490])
        self._restore_state()
        self._update_title()
        if workspace.is_loaded:
            self._workspace_changed(None)
        elif window_files.load_list(self.paths, self.model):
            self._update_list_state()
            self.statusBar().showMessage(self.tr("Updating…"))

    # -- actions ------------------------------------------------------------------------------

    @property
    def calendar_file(self):
        """What keeps `calendar.ics` up to date (`calendar_file.py`), made when first wanted."""
        if self._calendar_file is None:
            from .calendar_file import CalendarFile

            self._calendar_file = CalendarFile(self.workspace, self)
            self._calendar_file.failed.connect(lambda why: self.statusBar().showMessage(
                self.tr("The calendar file could not be written: {0}").format(why), 8000))
        return self._calendar_file

    def _keep_calendar_file(self, changes) -> None:
        """The first change with the setting on brings in the keeper, which follows every
        change after it itself (a start with the setting off loads none of it)."""
        if self._calendar_file is None and changes and self.workspace.settings().calendar_file:
            self.calendar_file._changed(changes)  # twice in this turn is once: it waits to settle

    def finish_calendar_file(self) -> None:
        """At quit, once the writes are in the file: `calendar.ics` written with the last of
        them, if it is still owed one (`CalendarFile.finish`)."""
        if self._calendar_file is not None:
            self._calendar_file.finish()
    def _action(self, text, slot, shortcut=None, name=None, tip=None) -> QAction:
        action = QAction(text, self)
        if shortcut is not None:
            if isinstance(shortcut, (list, tuple)):
                action.setShortcuts([QKeySequence(s) for s in shortcut])
            else:
                action.setShortcut(QKeySequence(shortcut))
        if tip:
            action.setStatusTip(tip)
            action.setToolTip(tip)
        action.setObjectName(name or "")
        action.triggered.connect(lambda _=False: slot())
        self.addAction(action)
        return action

    def _build_actions(self) -> None:
        A = self._action
        self.act_new = A(self.tr("&New application…"), self.new_application, QKeySequence.New, "actNew",
                         self.tr("Add a lead or an application (Ctrl+N)"))
        self.act_edit = A(self.tr("&Edit application…"), self.edit_application, "Ctrl+E", "actEdit")
        self.act_contacts = A(self.tr("Employer &contacts…"), self.edit_contacts, "Ctrl+Shift+E", "actContacts")
        self.act_archive = A(self.tr("&Archive"), self.archive_selected, QKeySequence.Delete, "actArchive",
                             self.tr("Archive the selected applications (Delete; undo with Ctrl+Z)"))
        self.act_open = A(self.tr("&Write the next message"), self.open_selected, [Qt.Key_Return, Qt.Key_Enter],
                          "actOpen", self.tr("Open the next step's message (Enter)"))
        self.act_open.setShortcutContext(Qt.WidgetShortcut)
        self.table.addAction(self.act_open)
        self.act_find = A(self.tr("&Find"), self.focus_search, QKeySequence.Find, "actFind")
        self.act_settings = A(self.tr("&Settings…"), self.open_settings, None, "actSettings")
        self.act_settings.setShortcuts(settings_shortcuts())
        self.act_templates = A(self.tr("Message &templates…"), self.open_templates, None, "actTemplates")
        self.act_import = A(self.tr("&Import…"), self.import_file, "Ctrl+I", "actImport")
        self.act_export = A(self.tr("E&xport…"), self.export_file, "Ctrl+Shift+S", "actExport")
        self.act_backups = A(self.tr("&Backups…"), self.open_backups, None, "actBackups")
        self.act_report = A(self.tr("Activity &report…"), self.activity_report, None, "actReport",
                            self.tr("Every contact with an employer in a period, as PDF or CSV"))
        self.act_refresh = A(self.tr("&Reload from disk"), self.workspace.reload_async, QKeySequence.Refresh, "actRefresh")
        self.act_quit = A(self.tr("&Quit"), QApplication.quit, QKeySequence.Quit, "actQuit")
        self.act_about = A(self.tr("&About Follow-up Desktop"), self.about, None, "actAbout")
        self.act_progress = A(self.tr("&Progress…"), self.open_progress, "Ctrl+Shift+P", "actProgress",
                              self.tr("Your search in figures: replies, days to a reply, follow-ups (Ctrl+Shift+P)"))
        self.act_help = A(self.tr("&Getting started"), self.open_help, QKeySequence.HelpContents, "actHelp",
                          self.tr("What the app does, its keys, where your data is and the rules in force (F1)"))
        if not any(not k.isEmpty() for k in self.act_help.shortcuts()):
            self.act_help.setShortcut(QKeySequence("F1"))
        self.act_undo = self.workspace.undo_stack.createUndoAction(self, self.tr("&Undo"))
        self.act_undo.setShortcuts([QKeySequence.Undo])
        self.act_redo = self.workspace.undo_stack.createRedoAction(self, self.tr("&Redo"))
        self.act_redo.setShortcuts([QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y")])
        for a in (self.act_undo, self.act_redo):
            self.addAction(a)
        self.act_escape = A(self.tr("Clear search"), self._escape, "Esc", "actEscape")
        self.act_escape.setShortcutContext(Qt.WidgetWithChildrenShortcut)
        self.act_next_pane = A(self.tr("Next pane"), lambda: self.cycle_pane(1), "F6", "actNextPane")
        self.act_previous_pane = A(self.tr("Previous pane"), lambda: self.cycle_pane(-1), "Shift+F6", "actPreviousPane")

        menu = self.menuBar().addMenu(self.tr("&File"))
        menu.addActions([self.act_new, self.act_import, self.act_export, self.act_report, self.act_backups])
        menu.addSeparator()
        menu.addAction(self.act_refresh)
        menu.addSeparator()
        menu.addAction(self.act_quit)
        menu = self.menuBar().addMenu(self.tr("&Edit"))
        menu.addActions([self.act_undo, self.act_redo])
        menu.addSeparator()
        menu.addActions([self.act_open, self.act_edit, self.act_contacts, self.act_archive])
        menu.addSeparator()
        menu.addAction(self.act_find)
        menu = self.menuBar().addMenu(self.tr("&View"))
        menu.addActions(self.filter_group.actions())
        menu.addSeparator()
        menu.addAction(self.act_progress)
        menu = self.menuBar().addMenu(self.tr("&Tools"))
        menu.addActions([self.act_templates, self.act_settings])
        menu = self.menuBar().addMenu(self.tr("&Help"))
        menu.addAction(self.act_help)
        menu.addSeparator()
        menu.addAction(self.act_about)

        bar = self.addToolBar(self.tr("Main"))
        bar.setObjectName("mainToolBar")
        bar.setMovable(False)
        bar.setToolButtonStyle(Qt.ToolButtonTextOnly)
        bar.addActions([self.act_new, self.act_open, self.act_edit, self.act_archive])
        bar.addSeparator()
        # The tool bar keeps short names ("Undo", not "Undo Archive Dispatcher"), so its buttons
        # stay put; the tooltip and the Edit menu say what would be undone.
        stack = self.workspace.undo_stack
        for name, text, full, can, signal, slot in (
                ("barUndo", self.tr("Undo"), self.act_undo, stack.canUndo, stack.canUndoChanged, stack.undo),
                ("barRedo", self.tr("Redo"), self.act_redo, stack.canRedo, stack.canRedoChanged, stack.redo)):
            short = QAction(text, self, objectName=name)
            short.setEnabled(can())
            signal.connect(short.setEnabled)
            full.changed.connect(lambda s=short, f=full: _copy_tip(f, s))
            short.triggered.connect(slot)
            bar.addAction(short)
        bar.addSeparator()
        bar.addAction(self.act_settings)
        self._update_enabled()

    # -- keyboard -------------------------------------------------------------------------------
    def _set_tab_order(self) -> None:
        """Tab goes from the filters and the search to the list, then to the timeline's buttons
        and the timeline itself; Shift+Tab back."""
        chain = [*self.filter_buttons.values(), self.search, self.table, self.archived.restore_button,
                 self.archived.table, self.timeline.edit_people, *self.timeline.log_buttons.values(),
                 self.timeline.view]
        for a, b in zip(chain, chain[1:]):
            QWidget.setTabOrder(a, b)

    def _panes(self) -> list[QWidget]:
        listing = self.archived.table if self.list_stack.currentWidget() is self.archived else self.table
        buttons = next((b for b in self.timeline.log_buttons.values() if b.isEnabled()), self.timeline.edit_people)
        return [w for w in (listing, self.timeline.view, buttons, self.search)
                if w.isVisible() and w.isEnabled()]

    def cycle_pane(self, step: int) -> None:
        """F6 / Shift+F6: the list, the timeline, its buttons, the search, and round again."""
        panes = self._panes()
        if not panes:
            return
        focus = QApplication.focusWidget()
        at = -1
        for n, pane in enumerate(panes):
            if focus is not None and (focus is pane or pane.isAncestorOf(focus)):
                at = n
                break
        if at < 0 and focus is not None and self.timeline.isAncestorOf(focus):
            at = 2 if focus not in (self.timeline.view,) else 1
            at = min(at, len(panes) - 1)
        target = panes[(at + step) % len(panes)] if at >= 0 else panes[0]
        target.setFocus(Qt.TabFocusReason if step > 0 else Qt.BacktabFocusReason)

    # -- columns ------------------------------------------------------------------------------
    def eventFilter(self, watched, event):
        if watched is self.table.viewport():
            kind = event.type()
            if kind == event.Type.Resize:
                QTimer.singleShot(0, self.fit_columns)
            elif kind in (event.Type.PaletteChange, event.Type.ApplicationPaletteChange):
                self.model.forget_looks()  # the list's colours follow the palette
        return super().eventFilter(watched, event)

    def _column_resized(self, *_):
        if not self._fitting and self.table.isVisible() and QApplication.mouseButtons() != Qt.NoButton:
            self._user_sized_columns = True  # dragged by hand: the user's widths win from now on

    def _wanted_widths(self) -> dict[int, int]:
        """How wide each column wants to be for what it holds (a sample of its rows, the first
        ones most), never less than its title. Kept until the rows change: a viewport
        resizing several times over (a scroll bar coming, a dialog going) measures them once."""
        if self._wanted is None:
            self._wanted = self._measure_widths()
        return self._wanted

    def _forget_widths(self, *_) -> None:
        self._wanted = None

    def _measure_widths(self) -> dict[int, int]:
        from PySide6.QtGui import QFontMetrics

        fm = self.table.fontMetrics()
        bold = QFont(self.table.font())
        bold.setBold(True)
        bfm = QFontMetrics(bold)
        model = self.proxy
        # A row's texts are made when first asked for: a sample (the first rows, as the eye
        # sees them, and some from further down), not hundreds, keeps taking in a full read of
        # thousands of rows short on the GUI thread.
        count, head = model.rowCount(), 60
        rows = [*range(min(count, head)), *range(head, count, max(1, (count - head) // 20))]
        out = {}
        for col in range(model.columnCount()):
            metrics = bfm if col == ApplicationsModel.WHEN else fm
            texts = [model.index(r, col).data() or "" for r in rows]
            widest = max((metrics.horizontalAdvance(t) for t in texts), default=0)
            title = bfm.horizontalAdvance(self.model.headerData(col, Qt.Horizontal) or "") + 24
            out[col] = max(widest + 18, title)
        return out

    def fit_columns(self) -> None:
        """Share the list's width: the short columns (stage, last contact, when) get what they
        need, then employer and next step, and the position gives way first."""
        if self._user_sized_columns or not self.proxy.rowCount():
            return
        want = self._wanted_widths()
        M = ApplicationsModel
        available = self.table.viewport().width()
        if available < 100:
            return
        fixed = sum(want[c] for c in (M.STAGE, M.LAST_CONTACT, M.WHEN))
        flexible = {M.EMPLOYER: want[M.EMPLOYER], M.POSITION: want[M.POSITION], M.NEXT_STEP: want[M.NEXT_STEP]}
        room = available - fixed
        if sum(flexible.values()) > room:
            char = self.table.fontMetrics().averageCharWidth()
            floor = char * 10
            over = sum(flexible.values()) - room
            # the position gives way first, then the next step's person, then all of them
            for col, least in ((M.POSITION, floor), (M.NEXT_STEP, char * 22)):
                cut = min(over, max(0, flexible[col] - least))
                flexible[col] -= cut
                over -= cut
            if over > 0:  # still too wide: everyone gives way in proportion
                total = sum(flexible.values())
                for c in flexible:
                    flexible[c] = max(floor, flexible[c] - over * flexible[c] // max(1, total))
        self._fitting = True
        try:
            header = self.table.horizontalHeader()
            for c in (M.EMPLOYER, M.POSITION, M.STAGE, M.LAST_CONTACT, M.WHEN):
                header.resizeSection(c, flexible.get(c, want[c]))
        finally:
            self._fitting = False

    # -- the list -----------------------------------------------------------------------------
    def _workspace_changed(self, keys) -> None:
        self._wanted = None
        if keys is None:
            self.statusBar().clearMessage()
        self._update_title()
        self._update_list_state()
        back, self._bring_back = self._bring_back, None
        if back and keys is not None and set(back) & set(keys):  # an archive undone: what came back
            key = next((k for k in back if self.workspace.application(k) is not None), None)
            if key is not None:
                self.select_application(key)
        if self._selected_key and self.workspace.application(self._selected_key) is None:
            self._selected_key = None
        if self._selected_key is None and keys is None and self.proxy.rowCount():
            self.table.selectRow(0)
        self._reselect()
        if keys is None:
            self.fit_columns()
        if self.timeline.application_key or self._selected_key:
            self.timeline.show_application(self._selected_key)
        self._update_enabled()

    def _rows_about_to_change(self, *_) -> None:
        current = self.table.currentIndex()
        self._current_before = (current.data(KEY_ROLE), current.column()) if current.isValid() else None

    def _rows_changed(self, *_) -> None:
        """A filter hid the current row: the row above it becomes current, as when rows are
        removed (else the one below; none when no row it had around it is left), not selected."""
        before, self._current_before = self._current_before, None
        if before is None or self.table.currentIndex().isValid():
            return
        row = self.proxy.kept_neighbour(before[0])
        if row is None:
            self._current_changed(QModelIndex(), QModelIndex())
        else:
            self.table.selectionModel().setCurrentIndex(self.proxy.index(row, before[1]), QItemSelectionModel.NoUpdate)

    def _reselect(self) -> bool:
        """Keep the selected application selected (and visible) across changes. True when the
        current row had to move (and so the timeline was shown again)."""
        if self._selected_key is None:
            return False
        row = self.model.row_of(self._selected_key)
        if row is None:
            return False
        index = self.proxy.mapFromSource(self.model.index(row, 0))
        if index.isValid() and self.table.currentIndex().row() != index.row():
            self.table.selectionModel().setCurrentIndex(
                index, QItemSelectionModel.ClearAndSelect | QItemSelectionModel.Rows)
            return True
        return False

    def _refilter(self, name: str | None = None, needle: str | None = None) -> None:
        sticky = self._sticky_key or self._selected_key
        was_archived = self.proxy.filter_name == "archived"
        self._refiltering = True
        self._wanted = None  # other rows come first
        try:
            self.proxy.set_filter(name, needle)
            self._update_list_state()
            row = self.model.row_of(sticky) if sticky else None
            if row is not None and self.proxy.mapFromSource(self.model.index(row, 0)).isValid():
                self._selected_key = sticky  # back in view: selected again
            self._reselect()
        finally:
            self._refiltering = False
        self._sticky_key = sticky
        archived = self.proxy.filter_name == "archived"
        if archived:
            if self.archived.table.rowCount() and not self.archived.selected_keys():
                self.archived.table.selectRow(0)
            self.archived._show_selected()
        elif was_archived:  # back from the archived view: the list's selection again
            self.timeline.show_application(self._selected_key)
        self._update_enabled()

    def show_filter(self, name: str) -> None:
        for action in self.filter_group.actions():
            action.setChecked(action.data() == name)
        self._refilter(name=name)

    def focus_search(self) -> None:
        self.show_and_raise()
        self.search.setFocus()
        self.search.selectAll()

    def _escape(self) -> None:
        if self.search.text():
            self.search.clear()
            self.table.setFocus()

    def _update_list_state(self) -> None:
        # With nothing to show, the timeline side would only be a second empty state.
        self.timeline.setVisible(bool(self.workspace.applications()) or self.model.rowCount() > 0)
        if not self.workspace.is_loaded:
            # the last exit's list, if there is one, until the data is read
            self.list_stack.setCurrentWidget(self.table if self.model.rowCount() else self.loading)
        elif self.inbox.showing:
            self.list_stack.setCurrentWidget(self.inbox.view)
        elif self.proxy.filter_name == "archived":
            self.archived.refresh(self.proxy.needle)
            self.list_stack.setCurrentWidget(self.archived)
        elif not self.workspace.applications():
            self.list_stack.setCurrentWidget(self.empty)
        elif self.proxy.rowCount() == 0:
            if self.proxy.needle.strip():
                self.no_match.setText(self.tr("No application matches “{0}”.").format(self.proxy.needle.strip()))
            elif self.proxy.filter_name == "due":
                self.no_match.setText(self.tr("Nothing is due right now. Well done."))
            elif self.proxy.filter_name == "closed":
                self.no_match.setText(self.tr("No closed applications."))
            else:
                self.no_match.setText(self.tr("No active applications."))
            self.list_stack.setCurrentWidget(self.no_match)
        else:
            self.list_stack.setCurrentWidget(self.table)
        due = len(self.workspace.due_now(self.workspace.computed_at)) if self.workspace.is_loaded else 0
        total = len(self.workspace.applications())
        counted = self.tr("1 application") if total == 1 else self.tr("{0} applications").format(total)
        self.count_label.setText(self.tr("{0} · {1} shown · {2} due now").format(counted, self.proxy.rowCount(), due))
        if self.proxy.filter_name == "archived":
            self.count_label.setText(self.tr("{0} · {1} archived shown · {2} due now").format(
                counted, len(self.archived.keys), due))
        self.filter_group.actions()[1].setText(self.tr("Due now ({0})").format(due) if due else shown(LIST_FILTERS, "due"))

    def _update_title(self) -> None:
        due = len(self.workspace.due_now(self.workspace.computed_at)) if self.workspace.is_loaded else 0
        title = self.tr("Follow-up Desktop")
        self.setWindowTitle(f"{title} — {self.tr('{0} due').format(due)}" if due else title)

    def _current_changed(self, current, previous) -> None:
        key = current.data(KEY_ROLE) if current.isValid() else None
        if key is None and current.isValid():
            key = self.proxy.data(current.siblingAtColumn(0), KEY_ROLE)
        self._selected_key = key
        if key is not None and not self._refiltering:
            self._sticky_key = key
        self.timeline.show_application(key)
        self._update_enabled()

    def _update_enabled(self) -> None:
        # nothing to act on while the list is still the last exit's
        has = (self._selected_key is not None and self.workspace.is_loaded
               and self.proxy.filter_name != "archived")  # an archived one is restored first
        for action in (self.act_edit, self.act_contacts, self.act_archive, self.act_open):
            action.setEnabled(has)
        for button in self.timeline.log_buttons.values():
            button.setEnabled(has)
        self.timeline.edit_people.setEnabled(has)

    def selected_keys(self) -> list[str]:
        rows = self.table.selectionModel().selectedRows()
        keys = [self.proxy.data(r, KEY_ROLE) for r in rows]
        return [k for k in keys if k] or ([self._selected_key] if self._selected_key else [])

    def select_application(self, key: str) -> None:
        self._selected_key = self._sticky_key = key
        row = self.model.row_of(key)
        if row is not None and not self.proxy.mapFromSource(self.model.index(row, 0)).isValid():
            # filtered out: show everything, so the selection is visible
            self.show_filter("all")
            self.search.clear()
        if not self._reselect():  # a changed current row already showed its timeline
            self.timeline.show_application(key)

    # -- doing things -------------------------------------------------------------------------
    def current_key(self) -> str | None:
        """The application the timeline shows (the current row), None when there is none."""
        return self._selected_key

    # the edits open their dialog and queue their command (`edits.py`)
    def new_application(self) -> None:
        self.edits.new_application()

    def edit_application(self) -> None:
        self.edits.edit_application()

    def edit_contacts(self) -> None:
        self.edits.edit_contacts()

    def archive_selected(self) -> None:
        self.edits.archive_selected()

    def restore_archived(self, keys: list[str]) -> None:
        self.edits.restore_archived(keys)

    def log_form(self, form: str, initial: dict | None = None) -> None:
        self.edits.log_form(form, initial)

    def edit_event(self, event: dict) -> None:
        self.edits.edit_event(event)

    def open_settings(self) -> None:
        self.edits.open_settings()

    def offer_first_run(self) -> bool:
        return self.edits.offer_first_run()

    def _undo_moved(self, index: int) -> None:
        """Undoing an archive selects what came back; undoing a restore keeps the archived
        view's selection in the list it went back to."""
        previous, self._undo_index = self._undo_index, index
        try:
            command = self.workspace.undo_stack.command(index) if index < previous else None
        except RuntimeError:  # the stack goes as the app quits
            return
        # The undo runs on the write worker: what it brings back is selected when it is back
        # (`_workspace_changed`); the archived view follows from the same change.
        keys = getattr(command, "keys", None)
        if index < previous and keys and type(command).__name__ == "Archive":
            self._bring_back = list(keys)

    def act_on(self, action) -> None:
        """The button on a window of the timeline (or Enter on a list row)."""
        if action.name == ActionName.CLOSE_OUT:
            try:
                from .closeout import CloseOutDialog
            except ImportError:  # the tray's dialog is not there: log the closing directly
                self.select_application(action.application)
                self.log_form("closed")
                return
            self.select_application(action.application)
            # the dialog deletes itself when it closes (it is also the tray's)
            CloseOutDialog(self.workspace, action, open_compose=self.open_compose, parent=self).exec()
            return
        if action.name == ActionName.DEBRIEF:
            self.select_application(action.application)
            events = [e for e in self.workspace.timeline(self.workspace.application(action.application).employer_key)
                      if e["kind"] == EventKind.INTERVIEW and e["at"] == action.anchor]
            if events:
                self.edit_event(events[0])
                return
        self.open_compose(action.id)

    def open_selected(self) -> None:
        key = self._selected_key
        if key is None:
            return
        action = self.workspace.next_action(key)
        if action is None:
            self.edit_application()
        else:
            self.act_on(action)

    def open_compose(self, action_id: str | None = None, application_key: str | None = None) -> QWidget | None:
        from .compose import ComposeWindow

        action = self.workspace.action(action_id) if action_id else None
        if action_id and action is None:
            self.statusBar().showMessage(self.tr("That step is no longer open."), 6000)
            return None
        key = action.application if action else application_key or self._selected_key
        window = ComposeWindow(self.workspace, action=action, application_key=key)
        self._composers = [w for w in self._composers if _alive(w)]
        self._composers.append(window)
        window.show()
        window.raise_()
        window.activateWindow()
        return window

    def open_templates(self) -> None:
        from .template_editor import TemplateEditor

        editor = TemplateEditor(self.workspace, parent=self)
        editor.show()

    def import_file(self) -> None:
        """File → Import…: an operation with progress and Cancel (`import_export.py`)."""
        self._import_export().import_file()

    def export_file(self) -> None:
        self._import_export().export_file()

    def activity_report(self) -> None:
        """File → Activity report…: the period and format, then the file (`activity_report.py`)."""
        from .activity_report import ActivityReport

        ActivityReport(self).ask()

    def _import_export(self):
        if getattr(self, "import_export", None) is None:
            from .import_export import ImportExport

            self.import_export = ImportExport(self)
        return self.import_export

    def open_help(self) -> QWidget:
        """Help → Getting started: one window, brought forward if already open, and kept up to
        date when the settings change."""
        from .help import HelpWindow

        window = getattr(self, "help_window", None)
        if window is None or not _alive(window):
            window = self.help_window = HelpWindow(self.workspace.settings(), self.paths.root, self)
            self.workspace.settings_changed.connect(
                lambda w=window: _alive(w) and w.show_for(self.workspace.settings(), self.paths.root))
        window.show()
        window.raise_()
        window.activateWindow()
        return window

    def open_progress(self) -> QWidget:
        """View → Progress: the search in figures (`progress.py`), one window, brought forward."""
        from .progress import ProgressWindow

        window = getattr(self, "progress_window", None)
        if window is None:  # kept when closed: opened again as it was, counted afresh
            window = self.progress_window = ProgressWindow(self.workspace, self)
            window.show_applications.connect(self.show_only)
        elif not window.isVisible():
            window.refresh()
        window.show()
        window.raise_()
        window.activateWindow()
        return window

    def show_only(self, keys, what: str = "") -> None:
        """Show only the applications `keys` in the list (a bar of the Progress view), under a
        line that says so and clears it; None shows every application again."""
        from .progress import FilteredLine

        line = getattr(self, "filtered_line", None)
        if line is None:
            line = self.filtered_line = FilteredLine(self)
            line.cleared.connect(lambda: self.show_only(None))
            line.watch(self.proxy)
            self._left_layout.insertWidget(1, line)
        if keys is not None:
            self.search.clear()
            self.show_filter("all")
        self.proxy.set_keys(keys)
        self._refilter()
        line.show_for(None if keys is None else self.proxy.rowCount(), what)
        if keys is not None:
            self.show_and_raise()

    def about(self) -> None:
        from .. import __version__

        QMessageBox.about(self, self.tr("About Follow-up Desktop"), self.tr(
            "<b>Follow-up Desktop</b> {0}<p>When and how to follow up on every application.</p>"
            "<p>Your data stays on this computer, in {1}.</p>").format(__version__, self.paths.root))

    def open_backups(self) -> None:
        from .backups import BackupsWindow

        BackupsWindow(self.workspace, self).open()

    def _load_failed(self, message: str) -> None:
        self.loading.setText(self.tr("Your applications could not be loaded:\n{0}").format(message))
        self.list_stack.setCurrentWidget(self.loading)

    # -- for the tray and other windows ---------------------------------------------------------
    def show_and_raise(self) -> None:
        if self.isMinimized():
            # back to what it was before it was minimized: a maximized window stays maximized
            self.setWindowState((self.windowState() & ~Qt.WindowMinimized) | Qt.WindowActive)
        self.show()
        self.raise_()
        self.activateWindow()

    def show_banner(self, text: str, on_click: Callable[[], None] | None = None) -> None:
        self.banner.show_text(text, on_click)

    # -- state (ui/state.py keeps the files) --------------------------------------------------
    def ui_state(self) -> QSettings:
        """Window geometry and the like, kept in the data dir with everything else."""
        return window_files.window_state(self.paths)

    def _restore_state(self) -> None:
        self._user_sized_columns = window_files.restore_main_window(
            self.paths, self, self.splitter, self.table.horizontalHeader(), ApplicationsModel.WHEN)

    @property
    def list_cache(self):
        return self.paths.list_cache

    def save_state(self) -> None:
        window_files.save_list(self.paths, self.model)
        window_files.save_main_window(self.paths, self, self.splitter, self.table.horizontalHeader(),
                               self._user_sized_columns)

    def closeEvent(self, event):
        self.save_state()
        super().closeEvent(event)

    def showEvent(self, event):
        super().showEvent(event)
        if self.workspace.is_loaded and self.list_stack.currentWidget() is self.table:
            QTimer.singleShot(0, self.table.setFocus)


def _copy_tip(full: QAction, short: QAction) -> None:
    try:
        short.setToolTip(full.text().replace("&", ""))
    except RuntimeError:  # the window is going
        pass



__all__ = ["MainWindow", "Banner", "TimelinePanel"]
