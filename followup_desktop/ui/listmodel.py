"""The applications list: one row per application, most urgent first, with filters and search.

The model keeps its rows in the chosen order itself (Python's sort over precomputed keys, fast
for thousands of rows) and the proxy shows the ones that match, from a precomputed row mask, so
a search keystroke costs one pass over lowercase strings and one layout change: no Python call
per comparison, and none per row from Qt.
"""

from __future__ import annotations

import itertools
import json
from bisect import bisect_left, bisect_right
from datetime import datetime, timedelta
from typing import TYPE_CHECKING

from PySide6.QtCore import QAbstractItemModel, QAbstractTableModel, QCoreApplication, QModelIndex, Qt, Signal
from PySide6.QtGui import QBrush, QFont
from PySide6.QtWidgets import QApplication

from ..desktop.translations import shown
from ..vocab import ACTIONS, LIST_FILTERS, OUTCOMES, STAGES, Stage
from .style import accent_color, muted_color, overdue_color, plain_tooltip

if TYPE_CHECKING:
    from ..playbook.model import Action

translate = QCoreApplication.translate  # translate("Context", "…"): what pyside6-lupdate reads

FILTERS = tuple(LIST_FILTERS)  # ("all", "due", "active", "closed", "archived")
#: the shape of the start-up list cache (bump when the row tuple or the file's layout changes)
CACHE_VERSION = 2

#: a layout change of the rows alone (Qt's hint for rows sorted: the column headers stay as they are)
_ROWS_CHANGE = QAbstractItemModel.LayoutChangeHint.VerticalSortHint
_LAYOUT_SIGNATURE = ("QList<QPersistentModelIndex>", "QAbstractItemModel::LayoutChangeHint")
#: the role that carries an application's key
KEY_ROLE = int(Qt.UserRole) + 1
_DISPLAY, _FOREGROUND, _FONT, _TOOLTIP, _ACCESSIBLE = (
    int(Qt.DisplayRole), int(Qt.ForegroundRole), int(Qt.FontRole), int(Qt.ToolTipRole), int(Qt.AccessibleTextRole))


def days_ago(then: datetime | None, now: datetime) -> str:
    if then is None:
        return "—"
    days = (now.date() - then.date()).days
    if days <= 0:
        return translate("ApplicationsModel", "today")
    if days == 1:
        return translate("ApplicationsModel", "yesterday")
    if days < 60:
        return translate("ApplicationsModel", "{0} days ago").format(days)
    return translate("ApplicationsModel", "{0} months ago").format(days // 30)


def when_text(action: Action | None, now: datetime) -> str:
    """The next step's time as the list reads: "today", "in 3 days", "2 days overdue"."""
    if action is None:
        return ""
    if action.opens > now:  # not open yet: when it opens
        days = (action.opens.date() - now.date()).days
        if days == 0:
            return translate("ApplicationsModel", "today {0:%H:%M}").format(action.opens)
        if days == 1:
            return translate("ApplicationsModel", "tomorrow")
        return translate("ApplicationsModel", "in {0} days").format(days)
    if action.due is None:
        return translate("ApplicationsModel", "now")
    if action.due < now:
        late = now - action.due
        if late < timedelta(hours=1):
            return translate("ApplicationsModel", "overdue since {0:%H:%M}").format(action.due)
        if late < timedelta(days=1):  # "9 hours overdue", not "1 day" for last night's step
            hours = int(late.total_seconds() // 3600)
            return translate("ApplicationsModel", "1 hour overdue") if hours == 1 else translate("ApplicationsModel", "{0} hours overdue").format(hours)
        days = max(1, (now.date() - action.due.date()).days)
        return translate("ApplicationsModel", "1 day overdue") if days == 1 else translate("ApplicationsModel", "{0} days overdue").format(days)
    days = (action.due.date() - now.date()).days
    if days == 0:
        return translate("ApplicationsModel", "today")
    if days == 1:
        return translate("ApplicationsModel", "by tomorrow")
    return translate("ApplicationsModel", "within {0} days").format(days)


#: a cached row that cannot be read: blank until the data is loaded
_BLANK_ROW = ("", "", "", "", "", "", 0.0, 4e12, False, False, "", "", None)


def _cached_row(line: str) -> tuple:
    try:
        r = json.loads(line)
        if isinstance(r, list) and len(r) == 13:
            return (*r[1:13], None)
    except ValueError:
        pass
    return _BLANK_ROW


_LAPSING: frozenset | None = None


def _lapsing() -> frozenset:
    """The steps that lapse (`playbook.engine.LAPSING`): the engine loads with the data, after
    the window shows the last exit's list."""
    global _LAPSING
    if _LAPSING is None:
        from ..playbook.engine import LAPSING

        _LAPSING = LAPSING
    return _LAPSING


def _urgency(action: Action | None, now: datetime) -> float:
    """One number for "most urgent first": open steps by due time (a courtesy step already
    late after them, `playbook.urgency_key`; close-outs, with no due time, after those), then
    steps still to open by when they open, then nothing to do."""
    if action is None:
        return 4e12
    if action.opens <= now:
        if action.due is None:
            return 2e12 + action.opens.timestamp()
        return (1e12 if action.due < now and action.name in _lapsing() else 0) + action.due.timestamp()
    return 3e12 + action.opens.timestamp()


def _haystack(app, people: str) -> str:
    """What the search looks in for one application, lowercase."""
    return f"{app.employer_name}\n{app.position}\n{people}\n{app.referred_by or ''}".casefold()


#: the list's part of a full read, made where the read is made (`Workspace.prepared`)
PREPARED = "applications list"


def prepare_list(snap) -> tuple:
    """The list's default order (most urgent first, as `ApplicationsModel._ordered` makes it)
    and each row's search text, from a full read's plain data: made on the read's worker thread,
    so that taking in thousands of rows sorts and builds nothing on the GUI thread."""
    from ..agenda import next_step

    at, by_app, people = snap.at, snap.by_app, snap.people
    keyed = sorted(snap.apps, key=lambda a: (_urgency(next_step(by_app.get(a.key), at), at), a.employer_name.casefold()))
    return at, [a.key for a in keyed], [_haystack(a, people.get(a.employer_key, "")) for a in keyed]


class ApplicationsModel(QAbstractTableModel):
    EMPLOYER, POSITION, STAGE, LAST_CONTACT, NEXT_STEP, WHEN = range(6)
    #: rows were added, removed, re-sorted or changed: filters must look again
    refreshed = Signal()

    def __init__(self, workspace, parent=None):
        super().__init__(parent)
        self.ws = workspace
        self._headers = [self.tr("Employer"), self.tr("Position"), self.tr("Stage"), self.tr("Last contact"),
                         self.tr("Next step"), self.tr("When")]
        self._keys: list[str] = []
        self._row_of: dict[str, int] = {}
        self._rows: dict[str, tuple] = {}
        #: the last exit's rows as their JSON lines, until the data is loaded: a line is read
        #: into a row when it is first shown (a screenful, not 5,000 rows, while the data loads)
        self._cached: dict[str, str] = {}
        self._sort = (self.WHEN, Qt.AscendingOrder)
        self._look_key = None
        self._look: tuple = ()
        #: what the search reads, one lowercase string per row in order, and the masks made of it
        #: by (filter, search text): both let go whenever the rows change (`_rows_changed`)
        self._hays: list[str] | None = None
        self._masks: dict[tuple[str, str], bytearray] = {}
        self.refreshed.connect(self._rows_changed)
        workspace.prepare_each_read(PREPARED, prepare_list)
        workspace.changed.connect(self.on_changed)
        if workspace.is_loaded:
            self.on_changed(None)

    # -- rows ---------------------------------------------------------------------------------
    def _row(self, key: str) -> tuple:
        row = self._rows.get(key)
        if row is None:
            line = self._cached.get(key)
            row = self._rows[key] = self._make_row(key) if line is None else _cached_row(line)
        return row

    def _make_row(self, key: str) -> tuple:
        """What the list shows of one application (rows are made when first shown or searched)."""
        ws = self.ws
        app = ws.application(key)
        now = ws.computed_at
        action = ws.next_action(key, now)
        if app.stage == Stage.CLOSED and app.outcome:
            stage = f"{shown(STAGES, Stage.CLOSED)} — {shown(OUTCOMES, app.outcome)}"
        else:
            stage = shown(STAGES, app.stage)
        step = ""
        if action is not None:
            step = shown(ACTIONS, action.name)
            if action.contact_name:
                step += f" · {action.contact_name}"
        last = ws.last_contact(key)
        is_open = action is not None and action.opens <= now
        overdue = action is not None and action.is_overdue(now)
        urgency = _urgency(action, now)
        hay = _haystack(app, ws.people(app.employer_key))
        return (app.employer_name, app.position, stage, days_ago(last, now), step,
                when_text(action, now), last.timestamp() if last else 0.0, urgency,
                is_open, overdue, hay, app.stage, action)

    def _urgency_key(self, key: str) -> tuple:
        """The default order without building the row's texts (start-up sorts every row)."""
        row = self._rows.get(key)
        if row is not None:
            return row[7], row[0].casefold()
        ws = self.ws
        return _urgency(ws.next_action(key, ws.computed_at), ws.computed_at), ws.application(key).employer_name.casefold()

    # -- the list as it was at the last exit, shown while the data loads -------------------------
    def save_cache(self, path) -> None:
        """Keep the rows as they are, in order, so the next start shows a filled list at once
        (the data dir's other files are as private: 0600). One JSON line per row, written as
        they are made: the rows not shown yet are made for this and let go."""
        from ..paths import write_private

        if not self.ws.is_loaded:
            return
        rows, make, dumps = self._rows, self._make_row, json.dumps
        lines = (dumps([k, *(rows.get(k) or make(k))[:12]], ensure_ascii=False) + "\n" for k in self._keys)
        write_private(path, itertools.chain([dumps({"version": CACHE_VERSION}) + "\n"], lines))

    def load_cache(self, path) -> bool:
        """Fill the list from the last exit's rows until the real load replaces them. Anything
        wrong with the file (missing, damaged, another version) only means no early list."""
        if self.ws.is_loaded:
            return False
        lines = {}
        try:
            with open(path, encoding="utf-8") as f:
                if json.loads(f.readline()).get("version") != CACHE_VERSION:
                    return False
                for line in f:
                    # Only the key is read now (a slug: no escapes to undo); the rest when shown.
                    end = line.find('"', 2)
                    key = line[2:end]
                    if not line.rstrip().endswith("]"):
                        return False  # cut short: the file is damaged
                    if not line.startswith('["') or end < 0 or "\\" in key:
                        key = json.loads(line)[0]
                    lines[key] = line
        except (OSError, ValueError, TypeError, KeyError, AttributeError, IndexError):
            return False
        self.beginResetModel()
        self._rows = {}
        self._cached = lines
        self._keys = list(lines)
        self._reindex()
        self._rows_changed()
        self.endResetModel()
        return bool(lines)

    def row_of(self, key: str) -> int | None:
        return self._row_of.get(key)

    def _prepared(self) -> tuple[list[str], list[str]] | None:
        """The order and search texts made with the read, when they are the ones wanted now."""
        at, keys, hays = self.ws.prepared.get(PREPARED, (None, None, None))
        if keys is None or at != self.ws.computed_at or self._sort != (self.WHEN, Qt.AscendingOrder):
            return None
        return (list(keys), hays) if len(keys) == len(self.ws.applications()) else None

    def _rows_changed(self, *_) -> None:
        self._hays = None
        self._masks.clear()

    def _sort_key(self, column: int):
        row = self._row
        if column == self.WHEN:
            return self._urgency_key
        if column == self.LAST_CONTACT:
            return lambda k: row(k)[6]
        if column == self.STAGE:
            order = {s: n for n, s in enumerate(Stage)}
            return lambda k: (order.get(row(k)[11], 9), row(k)[2])
        return lambda k: row(k)[column].casefold()

    def _ordered(self, keys) -> list[str]:
        column, order = self._sort
        return sorted(keys, key=self._sort_key(column), reverse=order == Qt.DescendingOrder)

    def _reindex(self) -> None:
        self._row_of = {k: n for n, k in enumerate(self._keys)}

    # -- workspace changes ----------------------------------------------------------------------
    def on_changed(self, keys) -> None:
        if keys is None:
            self.beginResetModel()
            self._rows.clear()
            self._cached = {}
            self._rows_changed()
            prepared = self._prepared()
            if prepared is not None:  # ordered where it was read
                self._keys, self._hays = prepared
            else:
                self._keys = self._ordered(self.ws.applications().keys())
            self._reindex()
            self.endResetModel()
            return
        # Only these applications (and their employer's, which guard 2 links) changed.
        apps = self.ws.applications()
        employers = {apps[k].employer_key for k in keys if k in apps}
        touched = set(keys) | {k for k, a in apps.items() if a.employer_key in employers and k in self._rows}
        for k in touched:
            self._rows.pop(k, None)
        gone = [k for k in touched if k in self._row_of and k not in apps]
        for k in sorted(gone, key=self._row_of.get, reverse=True):
            n = self._row_of[k]
            self.beginRemoveRows(QModelIndex(), n, n)
            del self._keys[n]
            self._reindex()
            self.endRemoveRows()
        new = [k for k in touched if k in apps and k not in self._row_of]
        if new:
            n = len(self._keys)
            self.beginInsertRows(QModelIndex(), n, n + len(new) - 1)
            self._keys.extend(new)
            self._reindex()
            self.endInsertRows()
        self._resort_moved()
        for k in touched:
            n = self._row_of.get(k)
            if n is not None:
                self.dataChanged.emit(self.index(n, 0), self.index(n, self.columnCount() - 1))
        self.refreshed.emit()

    def _resort_moved(self) -> None:
        wanted = self._ordered(self._keys)
        if wanted != self._keys:
            self._rows_changed()
            self.layoutAboutToBeChanged.emit()
            old = self.persistentIndexList()
            old_keys = [(self._keys[i.row()], i.column()) for i in old]
            self._keys = wanted
            self._reindex()
            self.changePersistentIndexList(old, [self.index(self._row_of[k], c) for k, c in old_keys])
            self.layoutChanged.emit()

    # -- Qt model -----------------------------------------------------------------------------
    def sort(self, column: int, order=Qt.AscendingOrder) -> None:
        self._sort = (column, order)
        self._resort_moved()
        self.refreshed.emit()

    def rowCount(self, parent=QModelIndex()):
        return 0 if parent.isValid() else len(self._keys)

    def columnCount(self, parent=QModelIndex()):
        return 0 if parent.isValid() else len(self._headers)

    def headerData(self, section, orientation, role=Qt.DisplayRole):
        if orientation == Qt.Horizontal and role == Qt.DisplayRole:
            return self._headers[section]
        return None

    def _looks(self) -> tuple:
        """Brushes and the bold font, made once per palette (data() is called per cell per
        paint: building them there was most of a keystroke's repaint)."""
        palette_key = QApplication.palette().cacheKey()
        if self._look_key != palette_key:
            bold = QFont()
            bold.setBold(True)
            self._look = (QBrush(overdue_color()), QBrush(accent_color()), QBrush(muted_color()), bold)
            self._look_key = palette_key
        return self._look

    def data(self, index, role=_DISPLAY):
        # Roles compared as plain ints: an enum member lookup per call costs more than the rest.
        if not index.isValid():
            return None
        return self._value(index.row(), index.column(), role)

    def multiData(self, index, roles) -> None:
        if index.isValid():
            self._fill(index.row(), index.column(), roles)

    def forget_looks(self) -> None:
        """The palette changed (light to dark, say): the colours are made again when next painted."""
        self._look_key = None
        self._look = ()

    def _fill(self, n: int, column: int, roles) -> None:
        """Every role a cell is painted with, in one call (one call into Python per role was
        most of a repaint)."""
        row = self._row(self._keys[n])
        # the colours as the palette was when last painted (`forget_looks` when it changes):
        # asking Qt for the palette per cell was a tenth of a repaint
        overdue, accent, muted, bold = self._look or self._looks()
        if column == self.WHEN:
            brush, font = overdue if row[9] else accent if row[8] else muted, bold if row[8] else None
        else:
            brush, font = muted if row[11] == Stage.CLOSED else None, None
        if len(roles) == 7:
            font_item, brush_item, text_item = roles[0], roles[2], roles[5]
            if font_item.role() == _FONT and brush_item.role() == _FOREGROUND and text_item.role() == _DISPLAY:
                # The item delegate's seven (font, alignment, foreground, check state, icon,
                # text, background), in one array it keeps from cell to cell: the three the
                # list has are set or cleared each time; the other four it never sets stay empty.
                text_item.setData(row[column])
                if brush is None:
                    brush_item.clearData()
                else:
                    brush_item.setData(brush)
                if font is None:
                    font_item.clearData()
                else:
                    font_item.setData(font)
                return
        value = self._value
        for item in roles:
            role = item.role()
            data = (row[column] if role == _DISPLAY else brush if role == _FOREGROUND else font if role == _FONT
                    else value(n, column, role))
            if data is None:
                item.clearData()
            else:
                item.setData(data)

    def _value(self, n: int, column: int, role: int):
        if role == _DISPLAY:
            return self._row(self._keys[n])[column]
        if role == _FOREGROUND:
            row = self._row(self._keys[n])
            if column == self.WHEN:
                overdue, accent, muted, _ = self._looks()
                return overdue if row[9] else accent if row[8] else muted
            if row[11] == Stage.CLOSED:
                return self._looks()[2]
            return None
        if role == _FONT:
            if column == self.WHEN and self._row(self._keys[n])[8]:
                return self._looks()[3]
            return None
        if role == KEY_ROLE:
            return self._keys[n]
        if role == _TOOLTIP:
            row = self._row(self._keys[n])
            action = row[12]
            if action is None:
                return None
            # the step with its person, then why: all of it text, never markup
            return plain_tooltip(f"{row[4]}\n{action.reason}" if row[4] else action.reason)
        if role == _ACCESSIBLE:
            return self._row(self._keys[n])[column]
        return None

    # -- what the filters read ------------------------------------------------------------------
    def matches(self, filter_name: str, needle: str) -> bytearray | None:
        """A row mask for a filter and a search text (case-insensitive); None when every row
        shows. Kept until the rows change: a backspace finds its mask made already, and a letter
        typed after others looks only among the rows the shorter text matched."""
        needle = needle.casefold().strip()
        if filter_name == "all" and not needle:
            return None
        mask = self._masks.get((filter_name, needle))
        if mask is not None:
            return mask
        if len(self._masks) > 64:  # a long session of searches: start the memory afresh
            self._masks.clear()
        if not needle:
            mask = self._filter_mask(filter_name)
        else:
            # the rows of the longest shorter text already searched (or of the filter alone)
            base = next((m for m in (self._masks.get((filter_name, needle[:n])) for n in range(len(needle) - 1, 0, -1))
                         if m is not None), None)
            if base is None and filter_name != "all":
                base = self.matches(filter_name, "")
            hays = self._haystacks()
            mask = bytearray(len(hays))
            rows = range(len(hays)) if base is None else itertools.compress(range(len(hays)), base)
            for n in rows:
                if needle in hays[n]:
                    mask[n] = 1
        self._masks[(filter_name, needle)] = mask
        return mask

    def _haystacks(self) -> list[str]:
        if self._hays is None:
            row = self._row
            self._hays = [row(k)[10] for k in self._keys]
        return self._hays

    def _filter_mask(self, filter_name: str) -> bytearray:
        row = self._row
        out = bytearray(len(self._keys))
        if filter_name == "archived":
            return out  # the list holds no archived application: the window shows its own view
        for n, k in enumerate(self._keys):
            r = row(k)
            if filter_name == "due" and not r[8]:
                continue
            if filter_name == "active" and r[11] == Stage.CLOSED:
                continue
            if filter_name == "closed" and r[11] != Stage.CLOSED:
                continue
            out[n] = 1
        return out


class ApplicationsProxy(QAbstractTableModel):
    """The rows the list shows: the model's, in its order, narrowed by the filter, the search and
    a figure's applications (`keys`). A change of those is one pass over the model's row mask
    and one layout change told to the view (Qt's QSortFilterProxyModel would call Python once
    per row, then tell the view of every run of rows that went or came). Hidden rows leave the
    selection; which row becomes current then is the window's business (`previous_rows`)."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self._source: ApplicationsModel | None = None
        #: the model's rows shown, in order (ascending: the model's order is the list's)
        self._shown: list[int] = []
        #: the rows shown before the last layout change (see `kept_neighbour`)
        self._before: list[int] = []
        self._removing: tuple[int, int, int] | None = None
        self._layout_keys: tuple | None = None
        self._mask: bytearray | None = None
        self.filter_name = "all"
        self.needle = ""
        #: only these applications, on top of the filter and the search (a figure's, from the
        #: Progress view); None: no such limit
        self.keys: frozenset | None = None

    def sourceModel(self) -> ApplicationsModel | None:
        return self._source

    def setSourceModel(self, model: ApplicationsModel) -> None:
        self.beginResetModel()
        self._source = model
        model.modelAboutToBeReset.connect(self.beginResetModel)
        model.modelReset.connect(self._source_reset)
        model.rowsAboutToBeRemoved.connect(self._source_removing)
        model.rowsRemoved.connect(self._source_removed)
        model.rowsInserted.connect(self._source_inserted)
        model.layoutAboutToBeChanged.connect(self._source_relayout_begins)
        model.layoutChanged.connect(self._source_relayout_ends)
        model.dataChanged.connect(self._source_data_changed)
        model.refreshed.connect(self._refilter)
        self._shown = self._before = self._wanted()
        self.endResetModel()

    # -- which rows --------------------------------------------------------------------------
    def set_filter(self, name: str | None = None, needle: str | None = None) -> None:
        if name is not None:
            self.filter_name = name
        if needle is not None:
            self.needle = needle
        self._refilter()

    def set_keys(self, keys) -> None:
        """Show only the applications `keys` (None: all of them again)."""
        self.keys = None if keys is None else frozenset(keys)
        self._refilter()

    def _matches(self, source) -> bytearray | None:
        mask = source.matches(self.filter_name, self.needle)
        if self.keys is None:
            return mask
        only = bytearray(source.rowCount())
        for key in self.keys:
            n = source.row_of(key)
            if n is not None and (mask is None or mask[n]):
                only[n] = 1
        return only

    def _wanted(self) -> list[int]:
        """The model's rows to show now."""
        source = self._source
        self._mask = mask = self._matches(source)
        count = source.rowCount()
        if mask is None:
            return list(range(count))
        return list(itertools.compress(range(min(count, len(mask))), mask))

    def _refilter(self, *_) -> None:
        wanted = self._wanted()
        if wanted != self._shown:  # a letter that changes nothing shown: nothing to tell
            # only rows change (the columns' header has nothing to do)
            self.layoutAboutToBeChanged[_LAYOUT_SIGNATURE].emit([], _ROWS_CHANGE)
            self._relayout(wanted)
            self.layoutChanged[_LAYOUT_SIGNATURE].emit([], _ROWS_CHANGE)

    def _relayout(self, wanted: list[int], moved: dict[int, int] | None = None) -> None:
        """Show the model's rows `wanted`; `moved` says where each row shown so far went in the
        model, a row missing from it is gone (None: the model's rows stayed where they were).
        The persistent indexes (the selection, the current row) follow their rows; those of
        rows no longer shown become invalid."""
        old = self.persistentIndexList()
        shown = self._shown
        if moved is None:
            was = [(shown[i.row()] if i.row() < len(shown) else -1, i.column()) for i in old]
            self._before = shown
        else:
            was = [(moved.get(shown[i.row()], -1) if i.row() < len(shown) else -1, i.column()) for i in old]
            self._before = sorted(moved[n] for n in shown if n in moved)
        self._shown = wanted
        new = []
        for n, column in was:
            at = bisect_left(wanted, n)
            new.append(self.createIndex(at, column) if n >= 0 and at < len(wanted) and wanted[at] == n
                       else QModelIndex())
        self.changePersistentIndexList(old, new)

    # -- following the model --------------------------------------------------------------------
    def _source_reset(self) -> None:
        """Every row is new (the model's reset): the rows to show, made once as the view rebuilds."""
        self._shown = self._before = self._wanted()
        self.endResetModel()

    def _source_removing(self, parent, first: int, last: int) -> None:
        lo, hi = bisect_left(self._shown, first), bisect_right(self._shown, last)
        self._removing = (lo, hi, last - first + 1)
        if hi > lo:
            self.beginRemoveRows(QModelIndex(), lo, hi - 1)

    def _source_removed(self, parent, first: int, last: int) -> None:
        lo, hi, count = self._removing
        self._removing = None
        self._shown = self._shown[:lo] + [n - count for n in self._shown[hi:]]
        if hi > lo:
            self.endRemoveRows()

    def _source_inserted(self, parent, first: int, last: int) -> None:
        # the rows after them move down; the new rows show once the model says it is done
        # (`refreshed`), with whatever else changed
        count = last - first + 1
        at = bisect_left(self._shown, first)
        self._shown = self._shown[:at] + [n + count for n in self._shown[at:]]

    def _source_relayout_begins(self, *_) -> None:
        source = self._source
        self._layout_keys = tuple(source._keys[n] for n in self._shown)
        self.layoutAboutToBeChanged.emit()

    def _source_relayout_ends(self, *_) -> None:
        """The model's rows were re-sorted: the rows shown follow, and the filters look again."""
        source, keys = self._source, self._layout_keys or ()
        self._layout_keys = None
        moved = {}
        for n, key in zip(self._shown, keys):
            row = source.row_of(key)
            if row is not None:
                moved[n] = row
        self._relayout(self._wanted(), moved)
        self.layoutChanged.emit()

    def _source_data_changed(self, top_left, bottom_right, roles=()) -> None:
        lo, hi = bisect_left(self._shown, top_left.row()), bisect_right(self._shown, bottom_right.row())
        if hi > lo:
            self.dataChanged.emit(self.index(lo, top_left.column()), self.index(hi - 1, bottom_right.column()))

    # -- the model's rows and the rows shown ------------------------------------------------------
    def mapToSource(self, index) -> QModelIndex:
        if not index.isValid() or index.row() >= len(self._shown):
            return QModelIndex()
        return self._source.index(self._shown[index.row()], index.column())

    def mapFromSource(self, index) -> QModelIndex:
        if not index.isValid():
            return QModelIndex()
        row = self._row_shown(index.row())
        return QModelIndex() if row is None else self.index(row, index.column())

    def _row_shown(self, n: int) -> int | None:
        at = bisect_left(self._shown, n)
        return at if at < len(self._shown) and self._shown[at] == n else None

    def kept_neighbour(self, key: str) -> int | None:
        """After a layout change that hid the application `key`: the row to make current in its
        place, as Qt does when rows are removed under the current one: the nearest row above it
        that was shown and still is, else the nearest below; None when no such row is left."""
        n = self._source.row_of(key)
        if n is None:
            return None
        before, shown = self._before, self._row_shown
        at = bisect_left(before, n)
        for m in itertools.chain(reversed(before[:at]), before[at:]):
            row = shown(m)
            if row is not None:
                return row
        return None

    # -- Qt model -----------------------------------------------------------------------------
    def index(self, row, column, parent=QModelIndex()):
        # One call into Python per cell painted instead of two (rowCount and columnCount, from
        # QAbstractTableModel.index): each takes the interpreter's lock, which a worker thread
        # may be holding
        if 0 <= row < len(self._shown) and 0 <= column <= ApplicationsModel.WHEN and not parent.isValid():
            return self.createIndex(row, column)
        return QModelIndex()

    def rowCount(self, parent=QModelIndex()):
        return 0 if parent.isValid() else len(self._shown)

    def columnCount(self, parent=QModelIndex()):
        return 0 if parent.isValid() else ApplicationsModel.WHEN + 1

    def headerData(self, section, orientation, role=Qt.DisplayRole):
        return self._source.headerData(section, orientation, role)

    def data(self, index, role=_DISPLAY):
        if not index.isValid():
            return None
        return self._source._value(self._shown[index.row()], index.column(), role)

    def multiData(self, index, roles) -> None:
        if index.isValid():
            self._source._fill(self._shown[index.row()], index.column(), roles)

    def sort(self, column, order=Qt.AscendingOrder):
        self._source.sort(column, order)


__all__ = ["ApplicationsModel", "ApplicationsProxy", "FILTERS", "KEY_ROLE", "when_text", "days_ago"]
