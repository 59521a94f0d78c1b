"""View → Progress: the search in figures (`stats.py`), drawn with Qt's painter.

The figures are counted on a worker thread, on a read connection of its own (as the workspace
loads the list); the window only draws them. Each chart is a `Chart`: bars (horizontal or as
columns), each with its counts in words, a one-line tooltip saying how it is counted, and the
applications behind it. A click on a bar, or Enter on the bar chosen with the arrow keys, shows
exactly those applications in the main list (`show_applications`). The charts' accessible
descriptions hold the same figures as text, and *Copy as image* puts the page on the clipboard.
"""

from __future__ import annotations

import logging
import weakref
from datetime import datetime

from PySide6.QtCore import QCoreApplication, QDate, QDateTime, QObject, QPointF, QRectF, QRunnable, QSize, Qt, QThreadPool, QTimer, Signal
from PySide6.QtCore import QTime
from PySide6.QtGui import QAction, QColor, QKeySequence, QPainter, QPalette, QPen
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QToolTip,
    QVBoxLayout,
    QWidget,
)

from .. import stats
from ..desktop.translations import marked, shown
from ..vocab import CHANNELS, OUTCOMES, QT_TRANSLATE_NOOP, SOURCES, STAGES
from .style import accent_color, inbound_color, muted_color, outbound_color, plain_tooltip

log = logging.getLogger(__name__)


translate = QCoreApplication.translate  # translate("Progress", "…"): what pyside6-lupdate reads


def _pct(share: stats.Share) -> str:
    return f"{round(share.ratio * 100)}%"


def share_text(share: stats.Share) -> str:
    """"4 of 10 · 40%", "2 of 3 · not enough data yet", "none yet"."""
    if not share.whole:
        return translate("Progress", "none yet")
    if not share.enough:
        return translate("Progress", "{0} of {1} · not enough data yet").format(share.part, share.whole)
    return translate("Progress", "{0} of {1} · {2}").format(share.part, share.whole, _pct(share))


class Bar:
    """One bar: its label, its length (0..1 of the chart's scale; None: none drawn), the
    figure in words beside it, its one-line tooltip and the applications behind it. `filled`
    (0..1) is the answered part of a share's bar; `series` picks its colour."""

    __slots__ = ("label", "length", "text", "tip", "keys", "filled", "series", "what")

    def __init__(self, label: str, length: float | None, text: str, tip: str, keys=frozenset(), *,
                 filled: float | None = None, series: int = 0, what: str = ""):
        self.label, self.length, self.text, self.tip = label, length, text, tip
        self.keys, self.filled, self.series = frozenset(keys), filled, series
        # what the list says it shows after a click ("reached interviewing")
        self.what = what or label


def series_colors() -> list[QColor]:
    return [outbound_color(), inbound_color(), accent_color()]


class Chart(QWidget):
    """Bars drawn with QPainter. `horizontal`: one row per bar (label, bar, figure); else
    columns in groups (`groups` labels under them; each group holds `per_group` bars), with an
    optional marker line (`marker`: position in groups, its label)."""

    # a bar was clicked (or chosen with Enter): its applications and what they are
    activated = Signal(object, str)

    def __init__(self, title: str, how: str, *, horizontal: bool = True, parent=None):
        super().__init__(parent)
        self.title, self.how, self.horizontal = title, how, horizontal
        self.bars: list[Bar] = []
        self.groups: list[str] = []
        self.per_group = 1
        self.legend: list[str] = []
        self.marker: tuple[float, str] | None = None
        self.empty_text = translate("Progress", "Nothing to count yet.")
        self._hits: list[tuple[QRectF, int]] = []
        self._current = -1
        self.setFocusPolicy(Qt.StrongFocus)
        self.setMouseTracking(True)
        self.setToolTip(plain_tooltip(how))
        self.setAccessibleName(title)

    # -- content ------------------------------------------------------------------------------
    def set_bars(self, bars: list[Bar], *, groups: list[str] | None = None, per_group: int = 1,
                 legend: list[str] | None = None, marker: tuple[float, str] | None = None,
                 empty_text: str | None = None) -> None:
        self.bars = bars
        self.groups, self.per_group = groups or [], per_group
        self.legend, self.marker = legend or [], marker
        if empty_text is not None:
            self.empty_text = empty_text
        self._current = min(self._current, len(bars) - 1)
        self.setAccessibleDescription(self.as_text())
        self.updateGeometry()
        self.update()

    def is_empty(self) -> bool:
        return not self.bars or all(not b.keys and not b.length for b in self.bars)

    def as_text(self) -> str:
        """The chart in words (its accessible description; what a screen reader reads)."""
        if self.is_empty():
            return f"{self.title}: {self.empty_text}"
        rows = [f"{b.label}: {b.text}" for b in self.bars]
        if self.marker is not None:
            rows.append(self.marker[1])
        return f"{self.title}. " + "; ".join(rows) + "."

    def texts(self) -> list[tuple[str, str]]:
        """(label, figure) of each bar, as drawn."""
        return [(b.label, b.text) for b in self.bars]

    # -- geometry -----------------------------------------------------------------------------
    def _row_height(self) -> int:
        return self.fontMetrics().height() + 10

    def sizeHint(self) -> QSize:
        fm = self.fontMetrics()
        if self.is_empty():
            return QSize(360, fm.height() * 3)
        if self.horizontal:
            return QSize(420, len(self.bars) * self._row_height() + 8)
        return QSize(420, fm.height() * 11)

    def minimumSizeHint(self) -> QSize:
        return QSize(300, self.sizeHint().height())

    # -- painting -----------------------------------------------------------------------------
    def paintEvent(self, event):
        p = QPainter(self)
        p.setRenderHint(QPainter.Antialiasing)
        pal = self.palette()
        text = pal.color(QPalette.WindowText)
        self._hits = []
        if self.is_empty():
            p.setPen(muted_color())
            p.drawText(self.rect(), Qt.AlignCenter | Qt.TextWordWrap, self.empty_text)
            return
        if self.horizontal:
            self._paint_rows(p, text)
        else:
            self._paint_columns(p, text)
        if self.hasFocus() and 0 <= self._current < len(self._hits):
            rect = next((r for r, i in self._hits if i == self._current), None)
            if rect is not None:
                pen = QPen(pal.color(QPalette.Highlight), 2, Qt.DashLine)
                p.setPen(pen)
                p.setBrush(Qt.NoBrush)
                p.drawRect(rect.adjusted(-2, -2, 2, 2))

    def _paint_rows(self, p: QPainter, text: QColor) -> None:
        fm = self.fontMetrics()
        h = self._row_height()
        label_w = min(max(fm.horizontalAdvance(b.label) for b in self.bars) + 12, self.width() // 3)
        figure_w = max(fm.horizontalAdvance(b.text) for b in self.bars) + 12
        bar_x = label_w
        bar_w = max(40, self.width() - label_w - figure_w - 4)
        colors = series_colors()
        muted = muted_color()
        for i, b in enumerate(self.bars):
            y = 4 + i * h
            row = QRectF(0, y, self.width(), h - 2)
            p.setPen(text)
            p.drawText(QRectF(0, y, label_w - 8, h), Qt.AlignVCenter | Qt.AlignRight,
                       fm.elidedText(b.label, Qt.ElideRight, label_w - 8))
            bar = QRectF(bar_x, y + 4, 0, h - 10)
            color = colors[b.series % len(colors)]
            if b.length:
                bar.setWidth(max(2.0, bar_w * b.length))
                if b.filled is not None:  # a share: the whole as an outline, the answered part filled
                    p.setPen(QPen(color, 1))
                    p.setBrush(Qt.NoBrush)
                    p.drawRect(bar)
                    p.fillRect(QRectF(bar.x(), bar.y(), bar.width() * b.filled, bar.height()), color)
                else:
                    p.fillRect(bar, color)
            p.setPen(text if b.length else muted)
            p.drawText(QRectF(bar.right() + 6, y, self.width() - bar.right() - 6, h),
                       Qt.AlignVCenter | Qt.AlignLeft, b.text)
            self._hits.append((row, i))

    def _paint_columns(self, p: QPainter, text: QColor) -> None:
        fm = self.fontMetrics()
        colors = series_colors()
        # a row for the legend or the marker's label, then one for the figures over the bars
        top = fm.height() * (2 if self.legend or self.marker else 1) + 6
        bottom = self.height() - fm.height() - 8
        left, right = 4, self.width() - 4
        groups = max(1, len(self.groups))
        slot = (right - left) / groups
        gap = max(2.0, slot * 0.2)
        bar_w = (slot - gap) / self.per_group
        base_pen = QPen(muted_color(), 1)
        p.setPen(base_pen)
        p.drawLine(QPointF(left, bottom), QPointF(right, bottom))
        height = bottom - top
        for i, b in enumerate(self.bars):
            g, s = divmod(i, self.per_group)
            x = left + g * slot + gap / 2 + s * bar_w
            h = height * (b.length or 0)
            rect = QRectF(x, bottom - h, max(1.0, bar_w - 1), h)
            if h:
                p.fillRect(rect, colors[b.series % len(colors)])
            if self.per_group == 1 and b.text:
                p.setPen(text if h else muted_color())
                p.drawText(QRectF(x - 10, rect.top() - fm.height() - 2, bar_w + 20, fm.height()),
                           Qt.AlignHCenter | Qt.AlignBottom, b.text.split(" ")[0])
            self._hits.append((QRectF(x, top, bar_w, bottom - top), i))
        # group labels, thinned out when they would touch
        p.setPen(text)
        widest = max((fm.horizontalAdvance(g) for g in self.groups), default=0) + 8
        every = max(1, int(widest // slot) + 1)
        for g, label in enumerate(self.groups):
            if g % every == 0 or g == groups - 1 and (g % every) * slot > widest:
                p.drawText(QRectF(left + g * slot - 20, bottom + 2, slot + 40, fm.height() + 4),
                           Qt.AlignHCenter | Qt.AlignTop, label)
        if self.legend:
            x = left
            for n, name in enumerate(self.legend):
                p.fillRect(QRectF(x, 4, fm.height() * 0.8, fm.height() * 0.8), colors[n % len(colors)])
                x += fm.height()
                p.setPen(text)
                p.drawText(QPointF(x, 4 + fm.ascent() * 0.85), name)
                x += fm.horizontalAdvance(name) + fm.height()
        if self.marker is not None:
            pos, label = self.marker
            x = left + pos * slot
            p.setPen(QPen(accent_color(), 2, Qt.DashLine))
            p.drawLine(QPointF(x, fm.height() + 2), QPointF(x, bottom))
            p.setPen(accent_color())
            w = fm.horizontalAdvance(label)
            tx = min(max(left, x - w / 2), right - w)
            p.drawText(QPointF(tx, fm.ascent() + 1), label)

    # -- interaction --------------------------------------------------------------------------
    def bar_at(self, pos) -> int | None:
        for rect, i in self._hits:
            if rect.contains(QPointF(pos)):
                return i
        return None

    def event(self, e):
        if e.type() == e.Type.ToolTip:
            i = self.bar_at(e.pos())
            if i is not None:
                QToolTip.showText(e.globalPos(), plain_tooltip(self.bars[i].tip), self)
            else:
                QToolTip.showText(e.globalPos(), plain_tooltip(self.how), self)
            return True
        return super().event(e)

    def mouseMoveEvent(self, e):
        i = self.bar_at(e.position().toPoint())
        self.setCursor(Qt.PointingHandCursor if i is not None and self.bars[i].keys else Qt.ArrowCursor)

    def mouseReleaseEvent(self, e):
        if e.button() == Qt.LeftButton:
            i = self.bar_at(e.position().toPoint())
            if i is not None:
                self._current = i
                self.update()
                self.activate(i)

    def activate(self, i: int) -> None:
        """Show bar `i`'s applications in the list (a bar with none does nothing)."""
        bar = self.bars[i]
        if bar.keys:
            self.activated.emit(bar.keys, bar.what)

    def keyPressEvent(self, e):
        key = e.key()
        if self.bars and key in (Qt.Key_Down, Qt.Key_Right, Qt.Key_Up, Qt.Key_Left):
            step = 1 if key in (Qt.Key_Down, Qt.Key_Right) else -1
            self._current = (self._current + step) % len(self.bars) if self._current >= 0 else 0
            self.update()
            bar = self.bars[self._current]
            # what the bar says, where the keyboard is (and for a screen reader, in the tooltip)
            rect = next((r for r, i in self._hits if i == self._current), None)
            if rect is not None:
                QToolTip.showText(self.mapToGlobal(rect.center().toPoint()),
                                  plain_tooltip(f"{bar.label}: {bar.text}\n{bar.tip}"), self)
            return
        if key in (Qt.Key_Return, Qt.Key_Enter, Qt.Key_Space) and 0 <= self._current < len(self.bars):
            self.activate(self._current)
            return
        super().keyPressEvent(e)

    def focusInEvent(self, e):
        if self._current < 0 and self.bars:
            self._current = 0
        self.update()
        super().focusInEvent(e)

    def focusOutEvent(self, e):
        self.update()
        super().focusOutEvent(e)


class _Signals(QObject):
    done = Signal(object, int)
    failed = Signal(str, int)


class _Count(QRunnable):
    """Counts on a worker thread, on its own read connection."""

    def __init__(self, database, now: datetime, period: str, generation: int, signals: _Signals):
        super().__init__()
        self.database, self.now, self.period, self.generation, self.signals = database, now, period, generation, signals

    def run(self):
        try:
            figures = stats.read_file(self.database, self.now, self.period)
        except Exception as exc:  # shown in the window; the traceback goes to the log
            log.exception("counting the figures failed")
            try:
                self.signals.failed.emit(str(exc), self.generation)
            except RuntimeError:
                pass
            return
        try:
            self.signals.done.emit(figures, self.generation)
        except RuntimeError:  # the window went while this ran: nobody waits
            pass


def _panel(chart: Chart, summary: QLabel | None = None) -> QFrame:
    frame = QFrame(objectName="progressPanel")
    frame.setFrameShape(QFrame.StyledPanel)
    layout = QVBoxLayout(frame)
    title = QLabel(chart.title, objectName="progressTitle")
    font = title.font()
    font.setBold(True)
    title.setFont(font)
    title.setToolTip(plain_tooltip(chart.how))
    layout.addWidget(title)
    if summary is not None:
        summary.setWordWrap(True)
        summary.setTextFormat(Qt.PlainText)
        layout.addWidget(summary)
    layout.addWidget(chart, 1)
    return frame


class ProgressWindow(QWidget):
    """The figures of the search, for a period, with every bar leading to its applications."""

    # the applications of a bar, and what they are ("reached interviewing")
    show_applications = Signal(object, str)

    PERIODS = (("30", QT_TRANSLATE_NOOP("Progress", "Last 30 days")),
               ("90", QT_TRANSLATE_NOOP("Progress", "Last 90 days")), ("all", QT_TRANSLATE_NOOP("Progress", "All time")))

    def __init__(self, workspace, parent=None):
        super().__init__(parent, Qt.Window)
        self.setObjectName("progressWindow")
        self.setWindowTitle(translate("Progress", "Progress — Follow-up Desktop"))
        self.workspace = workspace
        self.figures: stats.Figures | None = None
        self._generation = 0
        self._signals = _Signals(self)
        self._signals.done.connect(self._take)
        self._signals.failed.connect(self._failed)

        self.period = QComboBox(objectName="progressPeriod")
        for value, label in self.PERIODS:
            self.period.addItem(marked("Progress", label), value)
        self.period.setCurrentIndex(2)
        self.period.setAccessibleName(translate("Progress", "Period"))
        self.period.setToolTip(translate("Progress", "Count the applications begun in this period (the weekly activity is always the "
                                  "last 12 weeks)"))
        self.period.currentIndexChanged.connect(lambda _: self.refresh())
        period_label = QLabel(translate("Progress", "&Period:"))
        period_label.setBuddy(self.period)
        self.status = QLabel(objectName="progressStatus")
        self.copy_button = QPushButton(translate("Progress", "&Copy as image"), objectName="progressCopy")
        self.copy_button.setToolTip(translate("Progress", "Put these charts on the clipboard as a picture"))
        self.copy_button.clicked.connect(self.copy_image)
        top = QHBoxLayout()
        top.addWidget(period_label)
        top.addWidget(self.period)
        top.addSpacing(12)
        top.addWidget(self.status, 1)
        top.addWidget(self.copy_button)

        self.headline = QLabel(objectName="progressHeadline", wordWrap=True, textFormat=Qt.PlainText)
        font = self.headline.font()
        font.setPointSizeF(font.pointSizeF() * 1.15)
        self.headline.setFont(font)
        self.headline.setToolTip(plain_tooltip(translate("Progress",
            "Applications not archived; applied to: with a message sent; answered: a reply after applying")))

        self.funnel = Chart(translate("Progress", "From lead to hired"), translate("Progress",
            "How many applications reached each stage, ever, and the share of the step before"))
        self.by_source = Chart(translate("Progress", "Answered, by source"), translate("Progress",
            "Of the applications applied to from each source, how many had a reply after applying"))
        self.by_channel = Chart(translate("Progress", "Answered, by the first follow-up's channel"), translate("Progress",
            "First follow-ups (status check or follow-up) at least 14 days old or answered, by how they went: "
            "how many had a reply within 14 days"))
        self.bet = Chart(translate("Progress", "Following up: does it pay?"), translate("Progress",
            "Follow-ups answered within 14 days, against applications never followed up that had a reply "
            "within 14 days of applying (both once their 14 days are over)"))
        self.days = Chart(translate("Progress", "Days to the first reply"), translate("Progress",
            "Calendar days from applying to the first reply after it, over the applications answered"),
            horizontal=False)
        self.weeks = Chart(translate("Progress", "Activity, last 12 weeks"), translate("Progress",
            "Messages sent (not by phone), calls and interviews per week, Monday to Sunday; "
            "the period does not apply"), horizontal=False)
        self.slowest = Chart(translate("Progress", "Slowest to answer"), translate("Progress",
            "Employers by the median days from applying to their first reply, over the applications they "
            "answered (those that answered at least twice, when there are any)"))
        self.charts = [self.funnel, self.by_source, self.by_channel, self.bet, self.days, self.weeks, self.slowest]
        for chart in self.charts:
            chart.activated.connect(self._show)
        self.days_summary = QLabel(objectName="daysSummary")
        self.weeks_summary = QLabel(objectName="weeksSummary")

        self.page = QWidget(objectName="progressPage")
        self.page.setAutoFillBackground(True)
        grid = QGridLayout(self.page)
        grid.addWidget(self.headline, 0, 0, 1, 2)
        grid.addWidget(_panel(self.funnel), 1, 0)
        grid.addWidget(_panel(self.bet, QLabel(translate(
            "Progress", "Answered within 14 days: each follow-up, against each application never followed up"))), 1, 1)
        grid.addWidget(_panel(self.by_source, QLabel(translate(
            "Progress", "Applications applied to, and how many had a reply after applying"))), 2, 0)
        grid.addWidget(_panel(self.by_channel, QLabel(translate(
            "Progress", "First follow-ups, and how many had a reply within 14 days"))), 2, 1)
        grid.addWidget(_panel(self.days, self.days_summary), 3, 0)
        grid.addWidget(_panel(self.weeks, self.weeks_summary), 3, 1)
        grid.addWidget(_panel(self.slowest), 4, 0, 1, 2)
        grid.setRowStretch(5, 1)
        scroll = QScrollArea(objectName="progressScroll")
        scroll.setWidget(self.page)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.NoFrame)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(scroll, 1)
        QWidget.setTabOrder(self.period, self.copy_button)
        previous = self.copy_button
        for chart in self.charts:
            QWidget.setTabOrder(previous, chart)
            previous = chart

        close = QAction(self, shortcut=QKeySequence(Qt.Key_Escape))
        close.triggered.connect(self.close)
        self.addAction(close)

        # a change in the data counts again, once the writes settle (only while shown)
        self._later = QTimer(self, singleShot=True, interval=400, timeout=self.refresh)
        me = weakref.ref(self)
        workspace.changed.connect(lambda _keys: (w := me()) is not None and w.isVisible() and w._later.start())
        screen = (parent.screen() if parent is not None else QApplication.primaryScreen()).availableGeometry()
        self.resize(min(980, screen.width() - 40), min(800, screen.height() - 60))
        self.refresh()

    # -- counting -----------------------------------------------------------------------------
    def period_value(self) -> str:
        return self.period.currentData()

    def refresh(self) -> None:
        """Count again on a worker thread; the charts follow when it is done."""
        self._generation += 1
        self.status.setText(translate("Progress", "Counting…"))
        QThreadPool.globalInstance().start(_Count(self.workspace.paths.database, self.workspace.now(),
                                                  self.period_value(), self._generation, self._signals))

    def _failed(self, message: str, generation: int) -> None:
        if generation == self._generation:
            self.status.setText(translate("Progress", "The figures could not be counted: {0}").format(message))

    def _take(self, figures: stats.Figures, generation: int) -> None:
        if generation != self._generation:  # a newer count is under way
            return
        self.figures = figures
        n = figures.now
        moment = QDateTime(QDate(n.year, n.month, n.day), QTime(n.hour, n.minute))
        self.status.setText(translate("Progress", "As of {0}").format(self.locale().toString(moment, "d MMM yyyy, HH:mm")))
        self._draw(figures)

    # -- the charts ---------------------------------------------------------------------------
    def _draw(self, f: stats.Figures) -> None:
        n = len(f.keys)
        if not n and f.period == "all":
            self.headline.setText(translate("Progress", "No applications yet: the figures come with your first ones."))
        elif not n:
            self.headline.setText(translate("Progress", "No application was begun in this period."))
        else:
            parts = [translate("Progress", "{0} applications").format(n) if n != 1 else translate("Progress", "1 application"),
                     translate("Progress", "{0} applied to").format(f.reply.whole)]
            if f.reply.whole:
                parts.append(translate("Progress", "answered after applying: {0}").format(share_text(f.reply)))
            if f.median_days is not None:
                parts.append(translate("Progress", "median {0} days to a reply").format(f"{f.median_days:g}"))
            self.headline.setText(" · ".join(parts))
        self.headline.setAccessibleName(self.headline.text())

        # the funnel: counts, and each step's share of the one before
        steps = [shown(STAGES, "lead"), shown(STAGES, "applied"), shown(STAGES, "interviewing"),
                 shown(STAGES, "offer"), shown(OUTCOMES, "hired")]
        leads = len(f.funnel[0][1]) if f.funnel else 0
        bars = []
        conversion = [None, *f.conversion()]
        for (step, keys), label, share in zip(f.funnel, steps, conversion):
            count = len(keys)
            if share is None:
                text = str(count)
                tip = translate("Progress", "{0} applications, every one a lead first").format(count)
            elif not share.whole:
                text, tip = str(count), translate("Progress", "None reached the step before")
            elif share.enough:
                text = translate("Progress", "{0} · {1} of {2}").format(count, _pct(share), share.whole)
                tip = translate("Progress", "{0} of the {1} at the step before reached {2} ({3})").format(
                    count, share.whole, label.lower(), _pct(share))
            else:
                text = translate("Progress", "{0} of {1} · not enough data yet").format(count, share.whole)
                tip = translate("Progress", "{0} of the {1} at the step before reached {2}: too few for a share").format(
                    count, share.whole, label.lower())
            bars.append(Bar(label, count / leads if leads else 0, text, tip, keys,
                            what=translate("Progress", "reached {0}").format(label.lower())))
        self.funnel.set_bars(bars if leads else [], empty_text=translate("Progress", "No applications yet."))

        # shares: by source, by the first follow-up's channel
        def share_bars(items, unit_tip: str, what: str) -> list[Bar]:
            out = []
            for label, share in items:
                out.append(Bar(label, 1.0 if share.enough else None, share_text(share),
                               unit_tip.format(share.part, share.whole, label), share.whole_keys,
                               filled=share.ratio if share.enough else None, series=1,
                               what=what.format(label)))
            return out

        sources = [(shown(SOURCES, s) if s != stats.UNKNOWN else translate("Progress", "Not recorded"), v["reply"])
                   for s, v in f.by_source.items() if v["reply"].whole]
        self.by_source.set_bars(share_bars(sources, translate("Progress", "{0} of the {1} applied to through “{2}” had a reply after "
                                                       "applying"),
                                           translate("Progress", "applied to, source “{0}”")),
                                empty_text=translate("Progress", "No application applied to yet."))
        channels = [(shown(CHANNELS, c) if c != stats.UNKNOWN else translate("Progress", "Not recorded"), s)
                    for c, s in f.by_channel.items()]
        self.by_channel.set_bars(share_bars(channels, translate("Progress", "{0} of {1} first follow-ups by {2} had a reply "
                                                                "within 14 days"),
                                            translate("Progress", "first follow-up by {0}")),
                                 empty_text=translate("Progress", "No follow-up 14 days old yet."))

        # the playbook's bet
        bet = []
        for label, share, unit, tip in (
                (translate("Progress", "Followed up"), f.followups, translate("Progress", "follow-ups"),
                 translate("Progress", "{0} of {1} follow-ups had a reply within 14 days")),
                (translate("Progress", "Never followed up"), f.never_followed, translate("Progress", "applications"),
                 translate("Progress", "{0} of {1} applications never followed up had a reply within 14 days of applying"))):
            text = share_text(share)
            if share.whole:
                text = f"{text} ({unit})"
            bet.append(Bar(label, 1.0 if share.enough else None, text, tip.format(share.part, share.whole),
                           share.whole_keys, filled=share.ratio if share.enough else None,
                           series=0 if label == translate("Progress", "Followed up") else 2, what=label))
        if f.followups_waiting:
            bet[0].tip += " " + translate("Progress", "({0} more are still within their 14 days)").format(f.followups_waiting)
        self.bet.set_bars(bet if f.followups.whole or f.never_followed.whole else [],
                          empty_text=translate("Progress", "Nothing to compare yet: no follow-up or application is 14 days old."))

        # days to first reply: a distribution, the median marked
        counts = [len(keys) for _, keys in f.day_buckets]
        top = max(counts, default=0)
        labels = [translate("Progress", "{0}–{1}").format(lo, hi) if hi is not None else translate("Progress", "{0}+").format(lo)
                  for (lo, hi), _ in f.day_buckets]
        bars = [Bar(translate("Progress", "{0} days").format(label), c / top if top else 0, str(c),
                    translate("Progress", "{0} applications had their first reply {1} days after applying").format(c, label), keys,
                    series=1, what=translate("Progress", "first reply after {0} days").format(label))
                for label, c, (_, keys) in zip(labels, counts, f.day_buckets)]
        marker = None
        if f.median_days is not None:
            marker = (self._median_position(f.median_days), translate("Progress", "median {0} days").format(f"{f.median_days:g}"))
            self.days_summary.setText(translate("Progress", "Median {0} days, over {1} applications answered").format(
                f"{f.median_days:g}", len(f.days)))
        self.days_summary.setVisible(f.median_days is not None)
        self.days.set_bars(bars if top else [], groups=[*labels], marker=marker,
                           empty_text=translate("Progress", "No reply after an application yet."))

        # activity per week
        week_bars, week_labels = [], []
        busiest = max((max(w.sent, w.calls, w.interviews) for w in f.weeks), default=0)
        for w in f.weeks:
            day = QDate(w.start.year, w.start.month, w.start.day)
            label = self.locale().toString(day, "MMM d")
            week_labels.append(label)
            for series, (count, keys, name) in enumerate((
                    (w.sent, w.sent_keys, translate("Progress", "sent")), (w.calls, w.call_keys, translate("Progress", "calls")),
                    (w.interviews, w.interview_keys, translate("Progress", "interviews")))):
                week_bars.append(Bar(translate("Progress", "Week of {0}, {1}").format(label, name), count / busiest if busiest else 0,
                                     str(count), translate("Progress", "{0} {1} in the week of {2}").format(count, name, label),
                                     keys, series=series, what=translate("Progress", "{0} in the week of {1}").format(name, label)))
        self.weeks_summary.setText(translate("Progress", "In all: {0} sent, {1} calls, {2} interviews").format(
            sum(w.sent for w in f.weeks), sum(w.calls for w in f.weeks), sum(w.interviews for w in f.weeks))
            if busiest else "")
        self.weeks_summary.setVisible(bool(busiest))
        self.weeks.set_bars(week_bars if busiest else [], groups=week_labels, per_group=3,
                            legend=[translate("Progress", "Sent"), translate("Progress", "Calls"), translate("Progress", "Interviews")],
                            empty_text=translate("Progress", "Nothing sent, called or met in the last 12 weeks."))

        # employers slowest to answer
        slowest = max((s.median_days for s in f.slowest), default=0)
        self.slowest.set_bars([
            Bar(s.name, s.median_days / slowest if slowest else 0,
                translate("Progress", "{0} days · {1}").format(f"{s.median_days:g}",
                                            translate("Progress", "1 reply") if len(s.keys) == 1 else translate("Progress", "{0} replies").format(len(s.keys))),
                translate("Progress", "Median days from applying to {0}'s first reply, over {1} answered").format(s.name, len(s.keys)),
                s.keys, series=2, what=translate("Progress", "{0}: answered").format(s.name))
            for s in f.slowest], empty_text=translate("Progress", "No employer has answered yet."))

    def _show(self, keys, what: str) -> None:
        """A bar's applications to the list, saying which period they were counted in."""
        if self.period_value() != "all" and self.sender() is not self.weeks:
            what = f"{what} ({self.period.currentText().lower()})"
        self.show_applications.emit(keys, what)

    def _median_position(self, median: float) -> float:
        """Where the median falls along the buckets (in buckets, for the marker line)."""
        for n, (lo, hi) in enumerate(stats.DAY_BUCKETS):
            if hi is None or median <= hi + 0.5:
                width = (hi - lo + 1) if hi is not None else 1
                return n + min(1.0, max(0.0, (median - lo + 0.5) / width))
        return float(len(stats.DAY_BUCKETS))

    # -- the picture --------------------------------------------------------------------------
    def copy_image(self) -> None:
        """The charts, as drawn, onto the clipboard."""
        QApplication.clipboard().setImage(self.page.grab().toImage())
        self.status.setText(translate("Progress", "Copied the charts as a picture."))


class FilteredLine(QFrame):
    """Above the main list while a figure's applications are shown: how many, and Clear."""

    cleared = Signal()

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("filteredLine")
        self.setFrameShape(QFrame.StyledPanel)
        self.label = QLabel(objectName="filteredText", textFormat=Qt.PlainText)
        self.clear_button = QPushButton(translate("Progress", "Clear"), objectName="filteredClear")
        self.clear_button.setToolTip(translate("Progress", "Show every application again"))
        self.clear_button.clicked.connect(self.cleared)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 2, 2, 2)
        layout.addWidget(self.label, 1)
        layout.addWidget(self.clear_button)
        self.hide()

    def watch(self, proxy) -> None:
        """Keep the count right as the list changes under the filter (a filter button, an edit)."""
        self._proxy = proxy
        for signal in (proxy.rowsInserted, proxy.rowsRemoved, proxy.modelReset, proxy.layoutChanged):
            signal.connect(self._recount)

    def _recount(self, *_) -> None:
        if self.isVisibleTo(self.parentWidget()) and getattr(self, "_proxy", None) is not None:
            self.show_for(self._proxy.rowCount(), self._what)

    def show_for(self, count: int | None, what: str) -> None:
        """Say how many applications the list shows, and which (None: hide)."""
        self._what = what
        if count is None:
            self.hide()
            return
        shown_text = translate("Progress", "Filtered: 1 application") if count == 1 else translate("Progress", "Filtered: {0} applications").format(count)
        self.label.setText(f"{shown_text} — {what}" if what else shown_text)
        self.clear_button.setAccessibleName(translate("Progress", "Clear the filter: {0}").format(self.label.text()))
        self.show()


__all__ = ["ProgressWindow", "Chart", "Bar", "FilteredLine", "share_text"]
